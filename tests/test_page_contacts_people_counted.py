"""Contacts says '1 person', never '1 people': the trail above the results, with one person in
the network (the demo removed, one of the user's own left), and the note under a last page
holding one person. The new-user walkthrough read '1 people'."""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent
ONE_PEOPLE = re.compile(r"(?<![\d,])1 people")  # not 51 people


def contacts_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    return " ".join([m.value for m in at.main.markdown] + [c.value for c in at.main.caption])


def test_one_person_in_the_network_is_one_person(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ada", "Olsen", company="Acme")
    conn.close()
    at = contacts_page()
    assert len(at.dataframe[0].value) == 1
    assert "**1 person**" in shown(at)
    assert not ONE_PEOPLE.search(shown(at))


def test_two_people_and_a_search_finding_one(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ada", "Olsen", company="Acme")
    contacts.add_contact(conn, "Bo", "Chen", company="Acme")
    conn.close()
    at = contacts_page()
    at.text_input(key="search_name").input("olsen")
    at.run()
    assert list(at.dataframe[0].value["name"]) == ["Ada Olsen"]
    trail = "2 people → name 'olsen': 1"
    assert f"**{plain_markdown(trail)}**" in shown(at)


def test_a_last_page_of_one_says_one_person(app_db):
    conn = db.connect(app_db)
    for number in range(51):
        contacts.add_contact(conn, "Person", f"Number {number:02}")
    conn.close()
    at = contacts_page()
    assert "A click on a column header orders only the 50 people on this page" in shown(at)
    at.number_input(key="search_page").set_value(2)
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 1
    assert "A click on a column header orders only the 1 person on this page" in shown(at)
    assert not ONE_PEOPLE.search(shown(at))
