"""Referrals' "Add the people introduced" lands on Contacts' "Add a person by hand", open and
at the top of the page (a new user found the search there, and the form closed at the bottom).
It stays there while they fill it in; the sidebar's Contacts, with no such address, keeps the
search first and the form closed below it. The form opens with who introduced them already
chosen under "Introduced by" (a tester had to look Anouk up again in the form the sentence had
just named her for); the user can still change it."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions
from tests.test_page_contacts import choose_by_label, contacts_page, run

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


def add_links(app_db) -> dict[str, dict[str, str]]:
    """Referrals' links to Contacts' add form: each label and the address it leads to."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/6_referrals.py")
    run(at)
    return {
        link.proto.label: dict(
            part.split("=") for part in link.proto.query_string.split("&") if part
        )
        for link in at.main.get("page_link")
        if link.proto.page == "contacts"
    }


def the_link_to_add(app_db) -> dict[str, str]:
    [(label, query)] = add_links(app_db).items()
    assert label == "Add the people introduced"
    return query


def eva(app_db) -> int:
    conn = db.connect(app_db)
    try:
        return contacts.find_contacts_by_name(conn, "Eva")[0][0]
    finally:
        conn.close()


def introduced_by(at: AppTest) -> str:
    box = at.selectbox(key="add_referrer_pick_")
    return box.format_func(box.value)


def add_lu(at: AppTest, app_db) -> int | None:
    """Add Lu with the form as it stands; who introduced her, as saved."""
    at.text_input(key="add_first").input("Lu")
    run(at)
    at.button(key="add_person").click()
    run(at)
    conn = db.connect(app_db)
    try:
        [(lu, _)] = contacts.find_contacts_by_name(conn, "Lu")
        return contacts.get_contact(conn, lu).referred_by
    finally:
        conn.close()


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
    assert contacts.INTRODUCER_PARAM in query  # Eva, chosen (below)
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


def test_the_form_opens_with_the_introducer_chosen(unnamed_introduction):
    at = run(contacts_page(**the_link_to_add(unnamed_introduction)))
    assert introduced_by(at) == "Eva Holm — Acme"
    # someone introduced is someone connects you to: 2nd, as picking Eva by hand makes it
    assert at.radio(key="add_degree").value == "2nd"
    assert add_lu(at, unnamed_introduction) == eva(unnamed_introduction)


def test_the_user_can_still_choose_nobody(unnamed_introduction):
    at = run(contacts_page(**the_link_to_add(unnamed_introduction)))
    choose_by_label(at.selectbox(key="add_referrer_pick_"), "Nobody")
    at.radio(key="add_degree").set_value("cold")
    run(at)
    assert introduced_by(at) == "Nobody"
    assert add_lu(at, unnamed_introduction) is None


def test_several_introducers_each_have_their_way_in(unnamed_introduction):
    conn = db.connect(unnamed_introduction)
    try:
        tom = contacts.add_contact(conn, "Tom", "Ruiz")
        interactions.log_interaction(conn, tom, "referral", occurred_at=date(2026, 3, 3))
    finally:
        conn.close()
    links = add_links(unnamed_introduction)
    assert list(links) == [
        "Add the people introduced by Eva Holm",
        "Add the people introduced by Tom Ruiz",
    ]
    at = run(contacts_page(**links["Add the people introduced by Tom Ruiz"]))
    assert introduced_by(at) == "Tom Ruiz"


def test_an_introducer_gone_since_leaves_the_choice_to_the_user(unnamed_introduction):
    query = the_link_to_add(unnamed_introduction)
    conn = db.connect(unnamed_introduction)
    try:
        contacts.delete_contact(conn, eva(unnamed_introduction))
        contacts.add_contact(conn, "Ann", "Lee")  # the page shows its search, not the welcome
    finally:
        conn.close()
    at = run(contacts_page(**query))
    assert introduced_by(at) == "Nobody"
    assert at.radio(key="add_degree").value == "cold"
