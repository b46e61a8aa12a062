"""Contacts, adding a person: the example address the refusal shows, copied and pasted back
with the unseen word joiners `ui.as_written` put in it, is taken and saved as it reads."""

from __future__ import annotations

import re

from infoint import contacts, db, ui
from tests.test_page_contacts import contacts_page, run

EXAMPLE = "https://www.linkedin.com/in/name"


def test_the_refusals_example_address_pasted_back_adds_the_person(app_db):
    at = run(contacts_page())
    at.text_input(key="add_first").input("Mira")
    at.text_input(key="add_last").input("Stone")
    at.text_input(key="add_url").input("linkedin.com/mira")
    run(at)
    at.button(key="add_person").click()
    run(at)
    [refusal] = [e.value for e in at.error]
    copied = re.search(r"https\S+/in/name", refusal).group()  # what a user copies of it
    assert ui.WORD_JOINER in copied and copied != EXAMPLE

    at.text_input(key="add_url").input(copied)
    at.text_input(key="add_email").input(ui.as_written("mira@example.org"))  # copied too
    run(at)
    at.button(key="add_person").click()
    run(at)

    assert not at.error
    conn = db.connect(app_db)
    try:
        saved = conn.execute("SELECT id, linkedin_url, profile_key, email FROM contacts").fetchall()
        assert saved == [(saved[0][0], EXAMPLE, EXAMPLE, "mira@example.org")]
        assert contacts.get_contact(conn, saved[0][0]).name == "Mira Stone"
    finally:
        conn.close()
