"""Contacts, Edit details: tags typed untidy are saved tidy, the box shows them as saved, and
one short line says what was left out; tidy tags get only "Saved."."""

from __future__ import annotations

from infoint import contacts, db
from infoint.text import plain_markdown
from tests.test_page_contacts import contacts_page, people, run  # noqa: F401 (a fixture)


def edit_tab(contact_id: int):
    at = contacts_page(contact=str(contact_id))
    at.session_state["contact_tab"] = "Edit details"
    return run(at)


def saved_tags(app_db, contact_id: int) -> str:
    conn = db.connect(app_db)
    try:
        return contacts.get_contact(conn, contact_id).tags
    finally:
        conn.close()


def test_untidy_tags_are_saved_tidy_and_said_once(people, app_db):  # noqa: F811
    ann = people["ann"]
    at = edit_tab(ann)
    at.text_input(key=f"edit_tags_{ann}").input("warm, , analytics,warm")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert saved_tags(app_db, ann) == "warm, analytics"
    said = "Tags saved as “warm, analytics”: an empty tag and a repeat were left out."
    assert [s.value for s in at.success] == ["Saved. " + plain_markdown(said)]
    assert at.text_input(key=f"edit_tags_{ann}").value == "warm, analytics"
    # saved again unchanged: nothing more to say
    at.button(key=f"save_{ann}").click()
    run(at)
    assert [s.value for s in at.success] == ["Saved."]
    assert saved_tags(app_db, ann) == "warm, analytics"


def test_tidy_tags_get_only_saved(people, app_db):  # noqa: F811
    ann = people["ann"]
    at = edit_tab(ann)
    at.text_input(key=f"edit_tags_{ann}").input("alumni,warm")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert [s.value for s in at.success] == ["Saved."]
    assert at.text_input(key=f"edit_tags_{ann}").value == "alumni, warm"
