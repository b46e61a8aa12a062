"""A person picker whose typed name finds exactly one person picks them. Add a person → 2nd
degree → 'Marc' + Enter in the mutual contact's box left it at 'Nobody', and saving was
refused until the user opened the list to pick the one Marc there was."""

import pytest

from infoint import contacts, db
from tests.test_page_contacts import contacts_page, run


@pytest.fixture
def network(app_db) -> dict[str, int]:
    conn = db.connect(app_db)
    try:
        return {
            "marc": contacts.add_contact(conn, "Marc", "Dubois", company="Acme"),
            "ann": contacts.add_contact(conn, "Ann", "Lee"),
            "anna": contacts.add_contact(conn, "Anna", "Berg"),
        }
    finally:
        conn.close()


def added(app_db, first: str):
    conn = db.connect(app_db)
    try:
        [(cid, _)] = contacts.find_contacts_by_name(conn, first)
        return contacts.get_contact(conn, cid)
    finally:
        conn.close()


def test_typing_a_name_that_finds_one_person_picks_them_and_saving_works(app_db, network):
    at = run(contacts_page())
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Moss")
    at.radio(key="add_degree").set_value("2nd")
    at.text_input(key="add_mutual_typed").input("Marc")
    run(at)
    assert at.selectbox(key="add_mutual_pick_Marc").value == network["marc"]
    assert not at.warning  # Streamlit's warning of a box given both a state and an index
    at.button(key="add_person").click()
    run(at)
    assert not at.error, [e.value for e in at.error]
    dee = added(app_db, "Dee")
    assert (dee.degree, dee.mutual_contact_id) == ("2nd", network["marc"])


def test_one_match_moves_a_cold_degree_to_2nd_as_a_pick_does(app_db, network):
    at = run(contacts_page())
    assert at.radio(key="add_degree").value == "cold"
    at.text_input(key="add_referrer_typed").input("marc")
    run(at)
    assert at.selectbox(key="add_referrer_pick_marc").value == network["marc"]
    assert at.radio(key="add_degree").value == "2nd"


def test_two_matches_leave_the_choice_to_the_user(app_db, network):
    at = run(contacts_page())
    at.text_input(key="add_mutual_typed").input("ann")
    run(at)
    assert at.selectbox(key="add_mutual_pick_ann").value is None
    assert len(at.selectbox(key="add_mutual_pick_ann").options) == 3  # Nobody, Ann, Anna


def test_on_edit_details_one_match_replaces_the_current_pick(app_db, network):
    conn = db.connect(app_db)
    dee = contacts.add_contact(conn, "Dee", "Moss", degree="2nd", mutual_contact_id=network["ann"])
    conn.close()
    at = contacts_page(contact=str(dee))
    at.session_state["contact_tab"] = "Edit details"
    run(at)
    at.text_input(key=f"edit_mutual_{dee}_typed").input("dubois")
    run(at)
    assert at.selectbox(key=f"edit_mutual_{dee}_pick_dubois").value == network["marc"]
    assert not at.warning
