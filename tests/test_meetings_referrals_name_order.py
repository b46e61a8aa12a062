"""Meetings' "Who are you meeting?" and Referrals' "Person introduced to you" list people by
name as it reads, folded as Contacts' "Name (A–Z)" and Outreach's picker order names
(`text.name_order_sql`): first name first, no case, no accents, so "émile Zola" and "Émile
Abel" come among the E's, not after Z, and "bob" among the B's."""

from __future__ import annotations

from datetime import date

import pytest

from infoint import contacts, db, interactions, meetings, referrals
from infoint.contacts import ContactSearch
from tests.test_outreach_name_order import IN_ORDER
from tests.test_page_meetings import meetings_page
from tests.test_page_meetings import run as run_meetings
from tests.test_page_referrals import referrals_page

COMPANY = "Acme"


def add_people(conn, *, referred: bool = False) -> dict[int, str]:
    """Everyone in IN_ORDER at one company, written to and replied (so waiting for a meeting,
    all of one stage), introduced by Ada when `referred`. Added in an order of their own, so
    the order found is the query's."""
    ada = contacts.add_contact(conn, "Ada", "Quist") if referred else None
    keys = {}
    for key, first, last in sorted(IN_ORDER, key=lambda person: person[2][::-1]):
        person = contacts.add_contact(
            conn, first, last, company=COMPANY, referred_by=ada, linkedin_url=""
        )
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 3))
        keys[person] = key
    return keys


@pytest.fixture
def people(conn) -> dict[int, str]:
    return add_people(conn)


IN_ORDER_KEYS = [key for key, *_ in IN_ORDER]


@pytest.mark.parametrize("typed", ["", "acme"])
def test_people_to_meet_are_listed_by_name_as_it_reads(conn, people, typed):
    found = meetings.people_to_meet(conn, typed)
    assert [people[p.id] for p in found] == IN_ORDER_KEYS


def test_people_to_meet_are_in_the_order_contacts_lists_them(conn, people):
    frame, _ = contacts.search_contacts(conn, ContactSearch(), 1, 50, "name")
    assert [people[p.id] for p in meetings.people_to_meet(conn)] == [people[i] for i in frame.index]


def test_people_introduced_are_listed_by_name_as_it_reads(conn):
    people = add_people(conn, referred=True)
    assert [people[i] for i, _ in referrals.referred_people(conn)] == IN_ORDER_KEYS


def test_the_meetings_page_offers_them_in_that_order(app_db):
    conn = db.connect(app_db)
    try:
        add_people(conn)
    finally:
        conn.close()
    at = run_meetings(meetings_page())
    picker = at.selectbox(key="schedule_person")
    assert picker.options[:3] == ["Anna de Vries — Acme", "bob — Acme", "Émile Abel — Acme"]


def test_the_referrals_page_offers_them_in_that_order(app_db):
    conn = db.connect(app_db)
    try:
        add_people(conn, referred=True)
    finally:
        conn.close()
    picker = referrals_page().selectbox(key="chain_person")
    assert picker.options[:3] == ["Anna de Vries — Acme", "bob — Acme", "Émile Abel — Acme"]


def test_introducers_who_named_no_one_are_said_by_name_as_it_reads(conn):
    """The headline names the first few introducers whose introductions have no name yet."""
    for _, first, last in sorted(IN_ORDER, key=lambda person: person[2][::-1]):
        person = contacts.add_contact(conn, first, last, linkedin_url="")
        interactions.log_interaction(conn, person, "referral", occurred_at=date(2026, 3, 4))
    said = referrals.referral_totals(conn).unnamed_by
    assert said == ("Anna de Vries", "bob", "Émile Abel")
