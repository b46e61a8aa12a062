"""A list of target companies naming companies the user has already.

The walkthrough: with Acme a target (Robotics, motivation 2, postings 2), a list with
`Acme,Hardware,1,1` and `New Dawn Solar,Energy,2,2` was offered as "Add these 2 companies as
targets" with no word about Acme, then overwrote Acme silently and said only "the company you
already had changed industry, motivation and postings". And with a messier file the button
counted 2 companies while the question counted 1.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import db, targets, ui

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/8_import_export.py"
LIST = b"name,industry,motivation,postings\nAcme,Hardware,1,1\nNew Dawn Solar,Energy,2,2\n"
ACME = "SELECT industry, motivation, postings FROM companies WHERE name = 'Acme'"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(app_db) -> AppTest:
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Robotics", motivation=2, postings=2)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(PAGE)
    return run(at)


def choose(at: AppTest, data: bytes, name: str = "companies2.csv"):
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value((name, data, "text/csv"))
    run(at)
    return uploader.value.file_id


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} among {labels(at)}"
    return found[0]


def test_the_preview_says_what_the_list_would_change_and_keeps_it_by_default(app_db):
    at = open_page(app_db)
    file_id = choose(at, LIST)
    preview = at.dataframe[0].value
    assert list(preview["now"]) == ["Target", "New"]
    assert [e.label for e in at.expander] == ["Already on your list: 1 company"]
    assert (
        "- Acme is on your list already (Target): industry Robotics → Hardware, "
        "motivation 2 → 1, postings 2 → 1." in [m.value for m in at.markdown]
    )
    choice = at.radio(key=f"target_update_{file_id}")
    assert choice.value is False
    assert [targets.UPDATE_CHOICES[o] for o in (False, True)] == [
        "Keep them as they are",
        "Update them from this file",
    ]
    assert "Acme, on your list already, stays as it is." in [c.value for c in at.caption]
    assert "Add these 2 companies as targets" not in labels(at)
    button(at, "Add 1 company as a target").click()
    run(at)
    assert [s.value for s in at.success] == [
        "From companies2\\.csv: 1 new target; Acme, on your list already, stayed as it was. "
        "See it on the Targets page."
    ]
    assert ui.connection().execute(ACME).fetchall() == [("Robotics", 2, 2)]
    assert ui.connection().execute(
        "SELECT status, industry FROM companies WHERE name = 'New Dawn Solar'"
    ).fetchall() == [("target", "Energy")]


def test_the_user_may_let_the_list_update_what_they_have(app_db):
    at = open_page(app_db)
    file_id = choose(at, LIST)
    at.radio(key=f"target_update_{file_id}").set_value(True)
    run(at)
    assert "1 company on your list takes this file's details." in [c.value for c in at.caption]
    button(at, "Add 1 company as a target and update 1 on your list").click()
    run(at)
    assert [s.value for s in at.success] == [
        "From companies2\\.csv: 1 new target; Acme updated: industry Robotics → Hardware, "
        "motivation 2 → 1, postings 2 → 1. See them on the Targets page."
    ]
    assert ui.connection().execute(ACME).fetchall() == [("Hardware", 1, 1)]


def test_a_list_adding_nothing_says_so_instead_of_a_button(app_db):
    at = open_page(app_db)
    choose(at, b"name,industry\nAcme,Hardware\n", "acme.csv")
    assert not [label for label in labels(at) if label.startswith(("Add", "Update"))]
    assert any(c.value.startswith("Nothing to add: every company") for c in at.caption)


def test_a_messy_list_counts_alike_on_the_button_and_in_the_question(app_db):
    """6 rows: Acme (on the list), New Dawn Solar (new), 2 unreadable, a repeat of Acme and a
    row without a name. The button said 2 companies, the question 1 ('marks 1 company as
    targets at once')."""
    messy = LIST + b"Initech,,high,\nHooli,,9,\nacme,,,\n,Energy,1,1\n"
    at = open_page(app_db)
    choose(at, messy, "messy.csv")
    button(at, "Add 1 company as a target…").click()
    run(at)
    assert at.warning[-1].value == (
        "4 of the 6 rows in this file are left out (3 can't be read, 1 names a company an "
        "earlier line names), so it may not be your list of companies: adding it makes 1 "
        "company a target; 1 company on your list already stays as it is."
    )
    button(at, "Yes, add them").click()
    run(at)
    assert at.success[0].value.startswith("From messy\\.csv: 1 new target; Acme, on your list")
    assert ui.connection().execute(ACME).fetchall() == [("Robotics", 2, 2)]


def test_a_name_on_the_list_is_shown_as_typed_not_as_markdown(app_db):
    at = open_page(app_db)
    conn = ui.connection()
    targets.add_company(conn, "*Bold* Co", industry="A_b")
    choose(at, b"name,industry\n*Bold* Co,C_d\n", "bold.csv")
    assert "- \\*Bold\\* Co is on your list already (Target): industry A\\_b → C\\_d." in [
        m.value for m in at.markdown
    ]
