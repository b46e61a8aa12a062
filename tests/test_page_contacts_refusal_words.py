"""Contacts, adding a person: a refused email or LinkedIn address says what to do next."""

from __future__ import annotations

from infoint import contacts, db, ui
from tests.test_contacts_refusal_words import NOT_A_PROFILE, NOT_AN_EMAIL
from tests.test_page_contacts import contacts_page, run


def add(app_db, **typed: str):
    at = run(contacts_page())
    at.text_input(key="add_first").input("Ann")
    at.text_input(key="add_last").input("Lee")
    for key, value in typed.items():
        at.text_input(key=key).input(value)
    run(at)
    at.button(key="add_person").click()
    return run(at)


def people(app_db) -> int:
    conn = db.connect(app_db)
    try:
        return contacts.count_contacts(conn)
    finally:
        conn.close()


def test_a_bad_email_is_refused_with_what_to_do(app_db):
    at = add(app_db, add_email="not-an-email")
    assert [e.value for e in at.error] == [NOT_AN_EMAIL]
    assert people(app_db) == 0


def test_a_bad_profile_address_is_refused_with_an_example(app_db):
    at = add(app_db, add_url="https://example.com/ann")
    # as written: its example address shows as text, not as a link (`ui.as_written`)
    assert [e.value for e in at.error] == [ui.as_written(NOT_A_PROFILE)]
    assert people(app_db) == 0
