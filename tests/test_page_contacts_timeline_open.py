"""The button beside an introduction on a person's timeline says whose record it opens, by
first name or else the name on record, as Outreach and Meetings name the way to a record: it
said only "Open" beside "Luca Foxley introduced you to them"."""

import pytest

from infoint import contacts, db
from tests.test_page_contacts import contacts_page, run


@pytest.fixture
def introductions(app_db):
    """Luca introduced Omar and someone known only as Okafor."""
    conn = db.connect(app_db)
    try:
        luca = contacts.add_contact(conn, "Luca", "Foxley", company="Acme")
        omar = contacts.add_contact(conn, "Omar", "Haddad", referred_by=luca)
        okafor = contacts.add_contact(conn, "", "Okafor", referred_by=luca)
    finally:
        conn.close()
    return {"luca": luca, "omar": omar, "okafor": okafor}


def opens(contact_id: int) -> list[str]:
    at = run(contacts_page(contact=str(contact_id)))
    return [b.label for b in at.main.button if b.key and b.key.startswith("timeline_open_")]


def test_the_button_names_who_introduced_them(introductions):
    assert opens(introductions["omar"]) == ["Open Luca's record"]


def test_each_button_names_whom_they_introduced(introductions):
    assert sorted(opens(introductions["luca"])) == ["Open Okafor's record", "Open Omar's record"]


def test_it_opens_that_record(introductions):
    at = run(contacts_page(contact=str(introductions["omar"])))
    [button] = [b for b in at.main.button if b.label == "Open Luca's record"]
    button.click()
    run(at)
    assert at.title[0].value == "Luca Foxley"
