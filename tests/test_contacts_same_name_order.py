"""People already there by the name about to be added are listed by last, then first name,
read as names are matched: folded (any case, accents or none) and spaced alike. Ordered by
the names in lower case, accents and all, "Émond" came after "Marie Emond" typed whole in
the last name's box, and an older "Zoë Park" after a newer "ZOE PARK"."""

from infoint import contacts, db
from tests.test_page_contacts import contacts_page, run


def test_namesakes_are_ordered_as_their_names_are_matched(conn):
    emond = contacts.add_contact(conn, "Marie", "Émond")
    whole = contacts.add_contact(conn, "", "Marie  Emond")  # the whole name in one box
    found = contacts.find_same_name(conn, "marie", "emond")
    assert [p.id for p in found] == [emond, whole]  # 'emond' before 'marie emond'

    zoes = [
        contacts.add_contact(conn, first, last)
        for first, last in [("Zoë", "Park"), ("ZOE", "PARK"), ("Zoe\u0308", "park")]
    ]
    assert [p.id for p in contacts.find_same_name(conn, "Zoe", "Park")] == zoes  # as added


def test_the_add_form_lists_namesakes_in_that_order(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Marie", "Émond", company="Acme")
    contacts.add_contact(conn, "", "Marie Emond", company="Globex")
    conn.close()
    at = run(contacts_page())
    at.text_input(key="add_first").input("Marie")
    at.text_input(key="add_last").input("Emond")
    run(at)
    lines = [m.value for m in at.main.markdown if "Marie" in m.value]
    assert lines == ["Marie Émond at Acme · Not contacted", "Marie Emond at Globex · Not contacted"]
