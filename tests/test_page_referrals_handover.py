"""Referrals' way to add the people introduced without a name opens Contacts' "Add a person by
hand" with who introduced them already chosen under "Introduced by" (a tester had to look Anouk
up again in the form the sentence had just named her for). The user can still change it."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions
from tests.test_page_contacts import choose_by_label, contacts_page, run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def unnamed(app_db):
    """Eva's introduction was logged at the meeting, with nobody named yet."""
    conn = db.connect(app_db)
    try:
        eva = contacts.add_contact(conn, "Eva", "Holm", company="Acme")
        interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    finally:
        conn.close()
    return {"eva": eva}


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


def introduced_by(at: AppTest) -> str:
    box = at.selectbox(key="add_referrer_pick_")
    return box.format_func(box.value)


def test_the_form_opens_with_the_introducer_chosen(app_db, unnamed):
    links = add_links(app_db)
    query = links["Add the people introduced"]
    assert query[contacts.ADD_PERSON_PARAM] == contacts.ADD_PERSON_VALUE
    at = run(contacts_page(**query))
    assert introduced_by(at) == "Eva Holm — Acme"
    # someone introduced is someone connects you to: 2nd, as picking Eva by hand makes it
    assert at.radio(key="add_degree").value == "2nd"
    at.text_input(key="add_first").input("Lu")
    run(at)
    at.button(key="add_person").click()
    run(at)
    conn = db.connect(app_db)
    try:
        [(lu, _)] = contacts.find_contacts_by_name(conn, "Lu")
        assert contacts.get_contact(conn, lu).referred_by == unnamed["eva"]
    finally:
        conn.close()


def test_the_user_can_still_choose_nobody(app_db, unnamed):
    at = run(contacts_page(**add_links(app_db)["Add the people introduced"]))
    choose_by_label(at.selectbox(key="add_referrer_pick_"), "Nobody")
    at.radio(key="add_degree").set_value("cold")
    run(at)
    assert introduced_by(at) == "Nobody"
    at.text_input(key="add_first").input("Lu")
    run(at)
    at.button(key="add_person").click()
    run(at)
    conn = db.connect(app_db)
    try:
        [(lu, _)] = contacts.find_contacts_by_name(conn, "Lu")
        assert contacts.get_contact(conn, lu).referred_by is None
    finally:
        conn.close()


def test_several_introducers_each_have_their_way_in(app_db, unnamed):
    conn = db.connect(app_db)
    try:
        tom = contacts.add_contact(conn, "Tom", "Ruiz")
        interactions.log_interaction(conn, tom, "referral", occurred_at=date(2026, 3, 3))
    finally:
        conn.close()
    links = add_links(app_db)
    assert list(links) == [
        "Add the people introduced by Eva Holm",
        "Add the people introduced by Tom Ruiz",
    ]
    at = run(contacts_page(**links["Add the people introduced by Tom Ruiz"]))
    assert introduced_by(at) == "Tom Ruiz"


def test_an_introducer_gone_since_leaves_the_choice_to_the_user(app_db, unnamed):
    query = add_links(app_db)["Add the people introduced"]
    conn = db.connect(app_db)
    try:
        contacts.delete_contact(conn, unnamed["eva"])
        contacts.add_contact(conn, "Ann", "Lee")  # the page shows its search, not the welcome
    finally:
        conn.close()
    at = run(contacts_page(**query))
    assert introduced_by(at) == "Nobody"
    assert at.radio(key="add_degree").value == "cold"
