"""Referrals' "Add the people introduced" lands on Contacts' "Add a person by hand", open and
at the top of the page (a new user found the search there, and the form closed at the bottom).
It stays there while they fill it in; the sidebar's Contacts, with no such address, keeps the
search first and the form closed below it."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions
from tests.test_page_contacts import contacts_page, run

ROOT = Path(__file__).resolve().parent.parent
ADD = "Add a person by hand"


@pytest.fixture
def unnamed_introduction(app_db):
    """Eva's introduction was logged at the meeting, with nobody named yet."""
    conn = db.connect(app_db)
    try:
        eva = contacts.add_contact(conn, "Eva", "Holm", company="Acme")
        interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    finally:
        conn.close()
    return app_db


def the_link_to_add(app_db) -> dict[str, str]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/6_referrals.py")
    run(at)
    [link] = [link.proto for link in at.main.get("page_link") if link.proto.label.startswith("Add")]
    assert link.label == "Add the people introduced"
    assert link.page == "contacts"
    return dict(part.split("=") for part in link.query_string.split("&") if part)


def order(at: AppTest) -> tuple[bool, int, int]:
    """The add form's expander: whether it is open, and where it and the search's name box
    stand among the main area's elements."""
    nodes = list(at.main)
    [expander] = [e for e in at.main.expander if e.label == ADD]
    name_box = at.text_input(key="search_name")
    place = {id(node): at for at, node in enumerate(nodes)}
    return expander.proto.expanded, place[id(expander)], place[id(name_box)]


def test_the_link_opens_the_form_at_the_top(unnamed_introduction):
    query = the_link_to_add(unnamed_introduction)
    assert query[contacts.ADD_PERSON_PARAM] == contacts.ADD_PERSON_VALUE
    assert contacts.INTRODUCER_PARAM in query  # Eva, chosen (test_page_referrals_handover)
    at = run(contacts_page(**query))
    opened, form, search = order(at)
    assert opened
    assert form < search  # above the search, under the page's title
    assert at.main.title[0].value == "Contacts"


def test_it_stays_open_and_first_while_the_user_fills_it_in(unnamed_introduction):
    at = run(contacts_page(**the_link_to_add(unnamed_introduction)))
    at.text_input(key="add_first").input("Lu")
    at.text_input(key="add_referrer_typed").input("Eva")
    run(at)
    opened, form, search = order(at)
    assert opened and form < search
    at.button(key="add_person").click()
    run(at)
    conn = db.connect(unnamed_introduction)
    try:
        [(lu, _)] = contacts.find_contacts_by_name(conn, "Lu")
        eva = contacts.find_contacts_by_name(conn, "Eva")[0][0]
        assert contacts.get_contact(conn, lu).referred_by == eva
    finally:
        conn.close()


def test_the_sidebar_s_contacts_keeps_the_search_first_and_the_form_closed(
    unnamed_introduction,
):
    at = run(contacts_page())
    opened, form, search = order(at)
    assert not opened
    assert search < form
