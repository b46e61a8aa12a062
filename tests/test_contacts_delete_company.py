"""Deleting the last person at a company takes the company with them when it holds nothing
of the user's: left behind with no one at it, it stood in Targets, Settings' counts and the
workbook (a walkthrough). The rule is Edit details' for a misspelt company (84db19d)."""

from infoint import contacts, db, importer, targets
from tests.test_integrity import URL, contact_id, csv
from tests.test_page_contacts import contacts_page, run


def company_names(conn) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM companies ORDER BY name").fetchall()]


def test_deleting_the_only_person_at_a_company_takes_it_out(conn):
    noor = contacts.add_contact(conn, "Noor", "Haddad", company="Acme Robotcs")
    sam = contacts.add_contact(conn, "Sam", "Ng", company="Volt")
    contacts.delete_contact(conn, noor)
    assert company_names(conn) == ["Volt"]
    contacts.delete_contact(conn, sam)
    assert company_names(conn) == []


def test_a_company_that_holds_anything_of_the_users_stays(conn):
    shared = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    contacts.add_contact(conn, "Bob", "Ray", company="Acme")
    kept = {}
    for name, change in [
        ("Volt", {"industry": "Energy"}),
        ("Beta", {"status": "target"}),
        ("Gamma", {"motivation": 2}),
        ("Delta", {"postings": 1}),
        ("Epsilon", {"name": "Epsilon Labs"}),  # renamed on Targets
    ]:
        person = contacts.add_contact(conn, "Someone", "At " + name, company=name)
        targets.update_companies(conn, {contacts.get_contact(conn, person).company_id: change})
        kept[name] = person
    zeta = contacts.add_contact(conn, "Zed", "Zee", company="Zeta")
    conn.execute("UPDATE companies SET research_notes = 'Hiring in spring' WHERE name = 'Zeta'")
    before = company_names(conn)

    for person in [shared, *kept.values(), zeta]:
        contacts.delete_contact(conn, person)

    assert company_names(conn) == before


def test_an_imported_company_goes_with_its_last_person_and_stays_out(conn):
    people = csv(
        f"Ana,Lee,{URL}ana-lee,,Acme,Engineer,01 Jan 2024",
        "Bob,Ray,,,Beta,Designer,02 Jan 2024",
    )
    importer.import_file(conn, people, filename="Connections.csv")
    contacts.delete_contact(conn, contact_id(conn, "Ana"))
    assert company_names(conn) == ["Beta"]
    importer.import_file(conn, people, filename="Connections.csv")  # Ana is skipped
    assert company_names(conn) == ["Beta"]


def test_deleting_on_the_contacts_page_leaves_no_empty_company(app_db):
    conn = db.connect(app_db)
    noor = contacts.add_contact(conn, "Noor", "Haddad", company="Acme Robotcs")
    contacts.add_contact(conn, "Sam", "Ng", company="Volt")
    conn.close()
    at = contacts_page(contact=str(noor))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.button(key=f"delete_person_{noor}").click()
    run(at)
    at.button(key=f"delete_person_{noor}_confirm").click()
    run(at)
    assert "Noor Haddad was deleted" in at.success[0].value
    conn = db.connect(app_db)
    try:
        assert company_names(conn) == ["Volt"]
    finally:
        conn.close()
