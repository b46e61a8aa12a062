"""Outreach's person picker lists people of the same rank by name as it reads, folded as
Contacts' "Name (A–Z)" orders names (`text.name_order_sql`): first name first, no case, no
accents, so "émile Zola" and "Émile Abel" come among the E's, not by last name or after Z."""

from __future__ import annotations

import pytest

from infoint import contacts, db, outreach, targets
from infoint.contacts import ContactSearch
from tests.test_page_outreach import outreach_page, run

# (key, first name, last name), in the order a person reads them A–Z.
IN_ORDER = [
    ("anna", "Anna", "de Vries"),  # by "Anna", not by the lower-case "de"
    ("bob", "bob", ""),  # one name, lower case: among the B's
    ("abel", "Émile", "Abel"),  # the accent does not send him after Z
    ("zola", "émile", "Zola"),  # nor the lower-case letter
    ("oscar", "Óscar", "Berg"),
    ("zoe", "Zoë", "Ñúñez"),
]
COMPANY = "Acme"


def add_people(conn) -> dict[int, str]:
    """Everyone at one target company, 1st degree, not yet written to: one rank for all.
    Added in an order of their own, so the order found is the query's."""
    targets.add_company(conn, COMPANY, motivation=2)
    keys = {}
    for key, first, last in sorted(IN_ORDER, key=lambda person: person[2][::-1]):
        person = contacts.add_contact(conn, first, last, company=COMPANY, linkedin_url="")
        keys[person] = key
    return keys


@pytest.fixture
def people(conn) -> dict[int, str]:
    return add_people(conn)


def keys(found, people) -> list[str]:
    return [people[p.id] for p in found]


@pytest.mark.parametrize("typed", ["", "acme", COMPANY.upper()])
def test_people_found_are_listed_by_name_as_it_reads(conn, people, typed):
    assert keys(outreach.find_recipients(conn, typed), people) == [k for k, *_ in IN_ORDER]


def test_people_suggested_are_listed_by_name_as_it_reads(conn, people):
    assert keys(outreach.suggested_recipients(conn), people) == [k for k, *_ in IN_ORDER]


def test_the_picker_orders_names_as_contacts_does(conn, people):
    frame, _ = contacts.search_contacts(conn, ContactSearch(), 1, 50, "name")
    assert [people[i] for i in frame.index] == [
        people[p.id] for p in outreach.find_recipients(conn, "")
    ]


def test_the_outreach_page_offers_them_in_that_order(app_db):
    conn = db.connect(app_db)
    try:
        people = add_people(conn)
    finally:
        conn.close()
    at = run(outreach_page())
    picker = at.selectbox(key="outreach_contact")
    ids = {key: person for person, key in people.items()}
    assert picker.options == [picker.format_func(ids[k]) for k, *_ in IN_ORDER]
    assert picker.options[:3] == ["Anna de Vries — Acme", "bob — Acme", "Émile Abel — Acme"]
