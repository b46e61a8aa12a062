"""Add a person by hand starts at cold ('no one connects you yet'). Naming who introduced
them, or a mutual contact, says someone does: the degree follows to 2nd, where it read cold
and saved a cold contact with an introducer. A degree the user chose as 1st stays 1st (they
may know someone directly who was introduced to them too); cold chosen again after naming
someone is refused in one sentence, and nothing is added."""

import pytest

from infoint import contacts, db
from infoint.errors import InvalidInputError
from tests.test_page_contacts import contacts_page, run

COLD_WITH_A_LINK = (
    "Cold means no one connects you, yet you named who does: choose 2nd, or 1st if you know "
    "them directly, or set the mutual contact and introducer to Nobody."
)


@pytest.fixture
def ann(app_db) -> int:
    conn = db.connect(app_db)
    try:
        return contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    finally:
        conn.close()


def saved(app_db, first: str) -> tuple:
    conn = db.connect(app_db)
    try:
        found = contacts.find_contacts_by_name(conn, first)
        if not found:
            return ()
        person = contacts.get_contact(conn, found[0][0])
        return (person.degree, person.mutual_contact_id, person.referred_by)
    finally:
        conn.close()


def name_and_pick(at, picker: str, person: int):
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Moss")
    at.text_input(key=f"{picker}_typed").input("ann")
    run(at)
    at.selectbox(key=f"{picker}_pick_ann").select(person)
    return run(at)


@pytest.mark.parametrize(
    ("picker", "links"), [("add_referrer", (None, "ann")), ("add_mutual", ("ann", None))]
)
def test_naming_who_connects_you_moves_the_degree_from_cold_to_2nd(app_db, ann, picker, links):
    at = run(contacts_page())
    assert at.radio(key="add_degree").value == "cold"
    at = name_and_pick(at, picker, ann)
    assert at.radio(key="add_degree").value == "2nd"
    at.button(key="add_person").click()
    run(at)
    assert not at.error
    assert "Added Dee Moss." in at.success[0].value
    expected = tuple(ann if link == "ann" else None for link in links)
    assert saved(app_db, "Dee") == ("2nd", *expected)


def test_a_degree_chosen_as_1st_stays_1st(app_db, ann):
    at = run(contacts_page())
    at.radio(key="add_degree").set_value("1st")
    at = name_and_pick(at, "add_referrer", ann)
    assert at.radio(key="add_degree").value == "1st"
    at.button(key="add_person").click()
    run(at)
    assert saved(app_db, "Dee") == ("1st", None, ann)


def test_cold_chosen_again_after_naming_an_introducer_is_refused(app_db, ann):
    at = name_and_pick(run(contacts_page()), "add_referrer", ann)
    at.radio(key="add_degree").set_value("cold")
    run(at)
    assert at.radio(key="add_degree").value == "cold"  # the user's word is taken
    at.button(key="add_person").click()
    run(at)
    assert [e.value for e in at.error] == [COLD_WITH_A_LINK]
    assert saved(app_db, "Dee") == ()


@pytest.mark.parametrize("link", ["mutual_contact_id", "referred_by"])
def test_the_domain_refuses_a_cold_contact_someone_connects_you_to(conn, link):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    with pytest.raises(InvalidInputError) as refused:
        contacts.add_contact(conn, "Dee", "Moss", degree="cold", **{link: ann})
    assert str(refused.value) == COLD_WITH_A_LINK
    assert contacts.find_contacts_by_name(conn, "Dee") == []


def test_on_edit_details_naming_who_introduced_a_cold_contact_moves_them_to_2nd(app_db, ann):
    conn = db.connect(app_db)
    dee = contacts.add_contact(conn, "Dee", "Moss", degree="cold")
    conn.close()
    at = contacts_page(contact=str(dee))
    at.session_state["contact_tab"] = "Edit details"
    run(at)
    assert at.radio(key=f"edit_degree_{dee}").value == "cold"
    at.text_input(key=f"edit_referrer_{dee}_typed").input("ann")
    run(at)
    at.selectbox(key=f"edit_referrer_{dee}_pick_ann").select(ann)
    run(at)
    assert at.radio(key=f"edit_degree_{dee}").value == "2nd"
    assert not at.warning  # no word from Streamlit about the radio's state
    at.button(key=f"save_{dee}").click()
    run(at)
    assert saved(app_db, "Dee") == ("2nd", None, ann)
