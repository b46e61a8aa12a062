"""A 2nd-degree contact names who connects you, as the degree's label promises."""

import pytest

from infoint import contacts, db
from infoint.errors import InvalidInputError
from tests.test_page_contacts import contacts_page, run

NEEDS = (
    "A 2nd-degree contact needs the person who connects you: pick their mutual contact "
    "(or who introduced them), or choose 1st or cold."
)


def details(conn, who: int) -> tuple:
    person = contacts.get_contact(conn, who)
    return person.degree, person.mutual_contact_id, person.referred_by, person.notes


def save(conn, who: int, degree: str, mutual=None, introducer=None) -> None:
    contacts.update_contact(
        conn,
        who,
        email="",
        degree=degree,
        mutual_contact_id=mutual,
        referred_by=introducer,
        notes="changed",
        tags="",
    )


def test_a_2nd_with_no_one_connecting_is_refused_and_nothing_changes(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    bob = contacts.add_contact(conn, "Bob", "Stone")
    with pytest.raises(InvalidInputError, match=r"^A 2nd-degree contact needs the person"):
        save(conn, bob, "2nd")
    assert details(conn, bob) == ("1st", None, None, "")
    save(conn, bob, "2nd", mutual=ann)
    assert details(conn, bob) == ("2nd", ann, None, "changed")
    with pytest.raises(InvalidInputError, match=r"^A 2nd-degree contact needs the person"):
        save(conn, bob, "2nd")  # the mutual contact taken away
    save(conn, bob, "2nd", introducer=ann)  # who introduced them connects you too
    assert details(conn, bob) == ("2nd", None, ann, "changed")
    with pytest.raises(InvalidInputError, match=r"^A 2nd-degree contact needs the person"):
        save(conn, bob, "2nd")  # the introducer cleared, no mutual contact: the same state
    assert details(conn, bob) == ("2nd", None, ann, "changed")
    save(conn, bob, "cold")
    assert details(conn, bob) == ("cold", None, None, "changed")


def test_a_2nd_already_naming_no_one_stays_editable_while_its_links_stay(conn):
    """Older data (a mutual contact deleted) may hold a 2nd with no one: saving its notes
    with the same links is not refused, changing a link is checked."""
    bob = contacts.add_contact(conn, "Bob", "Stone")
    conn.execute("UPDATE contacts SET degree = '2nd' WHERE id = ?", [bob])
    save(conn, bob, "2nd")
    assert details(conn, bob) == ("2nd", None, None, "changed")


def test_the_rule_in_words():
    with pytest.raises(InvalidInputError) as refused:
        contacts.require_link("2nd", None, None)
    assert str(refused.value) == NEEDS
    for degree, mutual, introducer in (("2nd", 1, None), ("2nd", None, 1), ("1st", None, None)):
        contacts.require_link(degree, mutual, introducer)


def test_edit_details_says_so_when_2nd_names_no_one(app_db):
    conn = db.connect(app_db)
    bob = contacts.add_contact(conn, "Bob", "Stone", company="Acme")
    conn.close()
    at = contacts_page(contact=str(bob))
    at.session_state["contact_tab"] = "Edit details"
    run(at)
    at.radio(key=f"edit_degree_{bob}").set_value("2nd")
    at.button(key=f"save_{bob}").click()
    run(at)
    assert [e.value for e in at.error] == [NEEDS]
    conn = db.connect(app_db)
    try:
        assert contacts.get_contact(conn, bob).degree == "1st"
    finally:
        conn.close()


def test_adding_a_2nd_by_hand_needs_who_introduced_them(app_db):
    at = run(contacts_page())
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Moss")
    at.radio(key="add_degree").set_value("2nd")
    at.button(key="add_person").click()
    run(at)
    assert [e.value for e in at.error] == [NEEDS]
    conn = db.connect(app_db)
    try:
        assert conn.execute("SELECT count(*) FROM contacts").fetchall() == [(0,)]
    finally:
        conn.close()


def test_adding_a_2nd_by_hand_names_their_mutual_contact_not_an_introducer(app_db):
    """The form's 2nd promises a mutual contact: picking one adds them without a false
    introduction (which would count them as Referred)."""
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    conn.close()
    at = run(contacts_page())
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Moss")
    at.radio(key="add_degree").set_value("2nd")
    at.text_input(key="add_mutual_typed").input("Ann")
    run(at)
    at.selectbox(key="add_mutual_pick_Ann").set_value(ann)
    at.button(key="add_person").click()
    run(at)
    assert not at.error
    conn = db.connect(app_db)
    try:
        [(dee,)] = conn.execute("SELECT id FROM contacts WHERE first_name = 'Dee'").fetchall()
        assert details(conn, dee) == ("2nd", ann, None, "")
        assert contacts.get_contact(conn, dee).source == "manual"
    finally:
        conn.close()
