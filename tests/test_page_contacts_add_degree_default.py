"""A person added by hand starts as cold ('no one connects you yet') until the user says how
they know them. Left at 1st, a stranger found on a company's site was taken for someone the
user knows: offered the "it's been a while since we spoke" message, counted as 1st degree."""

from infoint import contacts, db
from tests.test_page_contacts import contacts_page, run


def test_someone_added_by_hand_is_cold_unless_the_user_says_otherwise(app_db):
    at = run(contacts_page())
    assert at.radio(key="add_degree").value == "cold"
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Moss")
    at.button(key="add_person").click()
    run(at)
    assert "Added Dee Moss." in at.success[0].value
    at = run(contacts_page())
    at.text_input(key="add_first").input("Eli")
    at.text_input(key="add_last").input("Ng")
    at.radio(key="add_degree").set_value("1st")
    at.button(key="add_person").click()
    run(at)
    conn = db.connect(app_db)
    try:
        added = {
            first: contacts.get_contact(conn, person).degree
            for first in ("Dee", "Eli")
            for (person, *_) in contacts.find_contacts_by_name(conn, first)
        }
    finally:
        conn.close()
    assert added == {"Dee": "cold", "Eli": "1st"}
