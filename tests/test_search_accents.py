"""Searching by name ignores accents both ways, as it ignores case: a new user typed `zoe` and
`nunez` for Zoë Ñúñez-O'Brien and was told no one matched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, outreach, text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def people(conn):
    return {
        "zoë": contacts.add_contact(
            conn, "Zoë", "Ñúñez-O'Brien", company="Café & Co, Ltd.", position="Pâtissière"
        ),
        "zoe": contacts.add_contact(conn, "Zoe", "Park", company="Acme"),
        "ann": contacts.add_contact(conn, "Ann", "Lee", company="Acme"),
    }


def names(frame) -> list[str]:
    return sorted(frame["name"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zoe", ["Zoe Park", "Zoë Ñúñez-O'Brien"]),
        ("ZOË", ["Zoe Park", "Zoë Ñúñez-O'Brien"]),
        ("nunez", ["Zoë Ñúñez-O'Brien"]),
        ("zoe NUNEZ-o'brien", ["Zoë Ñúñez-O'Brien"]),
        ("Zoë park", ["Zoe Park"]),  # typed with the accent, found without
        ("ñúñez", ["Zoë Ñúñez-O'Brien"]),
    ],
)
def test_the_network_search_finds_names_with_or_without_accents(conn, people, typed, expected):
    found, total = contacts.search_contacts(conn, contacts.ContactSearch(name=typed))
    assert names(found) == expected
    assert total == len(expected)
    steps = contacts.narrowing_counts(conn, contacts.ContactSearch(name=typed))
    assert steps[-1][1] == len(expected)


def test_the_company_and_position_filters_ignore_accents_too(conn, people):
    search = contacts.ContactSearch(company="cafe & co", position="patissiere")
    found, total = contacts.search_contacts(conn, search)
    assert names(found) == ["Zoë Ñúñez-O'Brien"] and total == 1
    assert [count for _, count in contacts.narrowing_counts(conn, search)] == [3, 1, 1]


def test_the_pickers_find_names_with_or_without_accents(conn, people):
    assert [cid for cid, _ in contacts.find_contacts_by_name(conn, "zoe nunez")] == [people["zoë"]]
    assert contacts.count_contacts_by_name(conn, "zoe") == 2
    assert contacts.count_contacts_by_name(conn, "Zoë") == 2
    assert contacts.count_contacts_by_name(conn, "zoe", exclude=people["zoe"]) == 1


def test_writing_to_someone_finds_them_with_or_without_accents(conn, people):
    assert {r.id for r in outreach.find_recipients(conn, "zoe")} == {people["zoë"], people["zoe"]}
    assert [r.id for r in outreach.find_recipients(conn, "cafe nunez")] == [people["zoë"]]
    assert [r.id for r in outreach.find_recipients(conn, "Zoë Park")] == [people["zoe"]]
    assert outreach.count_recipients(conn, "ZOE") == 2
    assert outreach.is_recipient(conn, people["zoë"], "found", "nunez")


def test_the_follow_up_list_finds_them_without_accents(conn, people):
    interactions.log_interaction(conn, people["zoë"], "outreach", occurred_at=date(2026, 11, 2))
    due = outreach.follow_up_list(conn, "nunez", today=date(2026, 11, 16))
    assert [r.id for r in due.people] == [people["zoë"]] and due.total == 1


def test_the_fold_is_one_rule_on_both_sides(conn):
    """`text.holds_sql` is what other searches (the Targets page's company search) call."""

    def holds(stored: str, typed: str) -> bool:
        return conn.execute(f"SELECT {text.holds_sql('?')}", [stored, typed]).fetchall()[0][0]

    assert holds("Café & Co, Ltd.", "cafe")
    assert holds("Cafe & Co", "CAFÉ")
    assert holds("Zoe\u0308", "zoë")  # a decomposed ë, as a Mac may type it
    assert holds("50%_off", "%_o")  # % and _ as typed
    assert not holds("50 off", "%")
    assert holds("anything", "")
    assert conn.execute(f"SELECT {text.folded_sql('?')}", ["Ñúñez-O'Brien"]).fetchall() == [
        ("nunez-o'brien",)
    ]


def test_adding_someone_asks_about_namesakes_with_or_without_accents(conn, people):
    """ "Zoe Nunez-O'Brien" typed is Zoë Ñúñez-O'Brien, as a search finds her: adding her again
    is asked about first. Typed with accents, a name found without them is asked about too."""
    found = contacts.find_same_name(conn, "zoe", "NUNEZ-o'brien", company="Cafe & Co, Ltd.")
    assert [(p.id, p.name) for p in found] == [(people["zoë"], "Zoë Ñúñez-O'Brien")]
    assert [p.id for p in contacts.find_same_name(conn, "Zoë", "Park")] == [people["zoe"]]
    assert [p.id for p in contacts.find_same_name(conn, "Zoe\u0308", "park")] == [people["zoe"]]
    # still the whole name: a part of it is someone else
    assert contacts.find_same_name(conn, "Zoe", "Nunez") == []
    assert contacts.find_same_name(conn, "Zoe", "") == []


# --- The pages ----------------------------------------------------------------------------


@pytest.fixture
def on_file(app_db):
    conn = db.connect(app_db)
    ids = {
        "zoë": contacts.add_contact(
            conn, "Zoë", "Ñúñez-O'Brien", company="Café & Co, Ltd.", position="Pastry chef"
        ),
        "ann": contacts.add_contact(conn, "Ann", "Lee", company="Acme"),
    }
    conn.close()
    return ids


def page(path: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(path)
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("typed", ["zoe", "nunez", "Zoë"])
def test_the_contacts_page_finds_zoe_typed_without_accents(on_file, typed):
    at = run(page("pages/2_contacts.py"))
    at.text_input(key="search_name").input(typed)
    run(at)
    assert not [i.value for i in at.info if "No one matches" in i.value]
    assert list(at.dataframe[0].value["name"]) == ["Zoë Ñúñez-O'Brien"]


@pytest.mark.parametrize("typed", ["zoe", "nunez", "cafe"])
def test_outreach_finds_zoe_typed_without_accents(on_file, typed):
    at = run(page("pages/3_outreach.py"))
    at.text_input(key="outreach_find").set_value(typed)
    run(at)
    captions = " ".join(c.value for c in at.caption)
    assert "No one matches" not in captions
    # the one person it can be is chosen, and the draft is to her
    assert at.selectbox(key="outreach_contact").value == on_file["zoë"]


def test_adding_zoe_typed_without_accents_asks_first(on_file):
    at = run(page("pages/2_contacts.py"))
    at.text_input(key="add_first").input("Zoe")
    at.text_input(key="add_last").input("Nunez-O'Brien")
    run(at)
    assert any("Already in your network by this name" in w.value for w in at.warning)
    assert [b.key for b in at.main.button if b.key and b.key.startswith("add_same_")] == [
        "add_same_0"
    ]
    said = " ".join(m.value for m in at.main.markdown)
    assert text.plain_markdown("Zoë Ñúñez-O'Brien at Café & Co, Ltd. · Not contacted") in said
