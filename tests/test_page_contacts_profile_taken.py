"""Adding a person whose LinkedIn profile address is already on file: said first, naming who
has it with a way to open them, and no "Add anyway" (which only led to a refusal)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db

ROOT = Path(__file__).resolve().parent.parent
ADA_URL = "https://www.linkedin.com/in/ada-l/"


def contacts_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def ada(app_db):
    conn = db.connect(app_db)
    ada_id = contacts.add_contact(
        conn, "Ada", "Lovelace", company="Analytical", linkedin_url=ADA_URL
    )
    conn.close()
    return ada_id


def count(app_db) -> int:
    conn = db.connect(app_db)
    try:
        return contacts.count_contacts(conn)
    finally:
        conn.close()


def type_person(at: AppTest, first: str, last: str, url: str) -> AppTest:
    at.text_input(key="add_first").input(first)
    at.text_input(key="add_last").input(last)
    at.text_input(key="add_url").input(url)
    return run(at)


def warnings(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


def test_the_profile_already_on_file_is_said_first_with_no_add_anyway(ada, app_db):
    at = type_person(run(contacts_page()), "Ada", "Lovelace", ADA_URL)
    said = warnings(at)
    assert "Ada Lovelace already has that LinkedIn profile" in said
    assert "Already in your network by this name" not in said  # the clash comes first
    assert at.button(key="add_person").disabled  # AppTest, like a browser, cannot click it
    assert "Add anyway" not in [b.label for b in at.button]
    assert count(app_db) == 1
    at.button(key="add_owner_open").click()
    run(at)
    assert at.title[0].value == "Ada Lovelace"
    assert at.query_params["contact"] == str(ada)


def test_another_name_with_her_address_in_another_spelling_names_her(ada):
    at = type_person(run(contacts_page()), "Bob", "Stone", "linkedin.com/in/ADA-L")
    assert "Ada Lovelace already has that LinkedIn profile" in warnings(at)
    assert at.button(key="add_person").disabled


def test_with_the_address_changed_the_namesake_question_is_back(ada, app_db):
    at = type_person(run(contacts_page()), "Ada", "Lovelace", ADA_URL)
    at.text_input(key="add_url").input("https://www.linkedin.com/in/another-ada/")
    run(at)
    assert "already has that LinkedIn profile" not in warnings(at)
    assert "Already in your network by this name" in warnings(at)
    at.button(key="add_person").click()
    run(at)
    at.button(key="add_person_confirm").click()
    run(at)
    assert "Added Ada Lovelace." in at.success[0].value
    assert count(app_db) == 2


def test_profile_owner_names_who_has_the_address(conn):
    ada = contacts.add_contact(conn, "Ada", "Lovelace", linkedin_url=ADA_URL)
    twin = contacts.add_contact(conn, "Ada", "L.", linkedin_url="linkedin.com/in/ada-l2")
    assert contacts.profile_owner(conn, "http://linkedin.com/in/Ada-L") == (ada, "Ada Lovelace")
    assert contacts.profile_owner(conn, "https://www.linkedin.com/in/nobody/") is None
    assert contacts.profile_owner(conn, "not an address") is None
    assert contacts.profile_owner(conn, "") is None
    # the address of a record merged into Ada's is hers now
    contacts.merge_contacts(conn, ada, twin)
    assert contacts.profile_owner(conn, "linkedin.com/in/ada-l2") == (ada, "Ada Lovelace")
    with pytest.raises(contacts.InvalidInputError, match=r"^Ada Lovelace already has that Link"):
        contacts.add_contact(conn, "Ada", "Again", linkedin_url="linkedin.com/in/ada-l2")
