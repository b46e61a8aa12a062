"""Edit details sends a hand-added person's name and job as its boxes show them. A company
renamed on Targets keeps its match key, so its new name read as a new company: fixing a typo
in the first name moved the person to a second "Acme Robotics" (a review). What reads as it
did stays as it was: their company, and a title that differs only in spaces."""

from infoint import contacts, db, targets
from tests.test_contacts_edit_job import KEEP, changes, edit_tab
from tests.test_page_contacts import run


def companies(conn) -> list[tuple]:
    return conn.execute("SELECT id, name FROM companies ORDER BY id").fetchall()


def renamed_acme(conn) -> tuple[int, int]:
    """Ann Lea at Acme, Analyst; Acme then renamed "Acme Robotics" on Targets."""
    ann = contacts.add_contact(conn, "Ann", "Lea", company="Acme", position="Analyst")
    acme = contacts.get_contact(conn, ann).company_id
    targets.update_companies(conn, {acme: {"name": "Acme Robotics"}})
    assert contacts.get_contact(conn, ann).company == "Acme Robotics"
    return ann, acme


def test_a_name_fixed_after_a_rename_keeps_their_company(conn):
    ann, acme = renamed_acme(conn)
    before = companies(conn)
    # the boxes as Edit details sends them: the company as shown, its display name
    contacts.update_contact(
        conn,
        ann,
        **KEEP,
        first_name="Ann",
        last_name="Lee",
        company="Acme Robotics",
        position="Analyst",
    )
    person = contacts.get_contact(conn, ann)
    assert (person.name, person.company_id, person.company) == ("Ann Lee", acme, "Acme Robotics")
    assert companies(conn) == before  # no second "Acme Robotics"
    assert changes(conn, ann) == []
    assert not [e.text for e in contacts.timeline(conn, ann) if e.text.startswith("Moved")]


def test_the_company_as_shown_with_other_spaces_is_the_same_company(conn):
    ann, acme = renamed_acme(conn)
    before = companies(conn)
    contacts.update_contact(
        conn, ann, **KEEP, first_name="Ann", company=" Acme\u00a0 Robotics ", last_name="Lee"
    )
    assert contacts.get_contact(conn, ann).company_id == acme
    assert companies(conn) == before
    assert changes(conn, ann) == []


def test_a_company_really_changed_is_still_found_or_added(conn):
    ann, acme = renamed_acme(conn)
    contacts.update_contact(conn, ann, **KEEP, company="Globex")
    person = contacts.get_contact(conn, ann)
    assert person.company == "Globex" and person.company_id != acme
    assert changes(conn, ann) == [("company", "Acme Robotics", "Globex", None)]
    assert acme in [i for i, _ in companies(conn)]  # renamed on Targets: the user's, it stays


def test_a_title_differing_only_in_spaces_records_no_change(conn):
    ann = contacts.add_contact(conn, "Ann", "Lea", company="Acme", position="Analyst")
    conn.execute("UPDATE contacts SET position = 'Analyst ' WHERE id = ?", [ann])
    contacts.update_contact(
        conn, ann, **KEEP, first_name="Ann", last_name="Lee", company="Acme", position="Analyst"
    )
    assert contacts.get_contact(conn, ann).name == "Ann Lee"
    assert changes(conn, ann) == []


def test_edit_details_fixes_a_name_after_a_rename_without_moving_them(app_db):
    conn = db.connect(app_db)
    ann, acme = renamed_acme(conn)
    before = companies(conn)
    conn.close()
    at = edit_tab(ann)
    assert at.text_input(key=f"edit_company_{ann}").value == "Acme Robotics"
    at.text_input(key=f"edit_last_{ann}").input("Lee")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert [s.value for s in at.success] == ["Saved."]
    conn = db.connect(app_db)
    try:
        person = contacts.get_contact(conn, ann)
        assert (person.name, person.company_id) == ("Ann Lee", acme)
        assert companies(conn) == before
        assert changes(conn, ann) == []
    finally:
        conn.close()


def test_a_misspelt_company_corrected_goes_with_the_typo(conn):
    """Left behind with no one at it, "Acme Robotcs" stood in every list of companies (a
    walkthrough). One that holds anything of the user's stays: a rename, an industry."""
    noor = contacts.add_contact(conn, "Noor", "Haddad", company="Acme Robotcs")
    typo = contacts.get_contact(conn, noor).company_id
    contacts.update_contact(conn, noor, **KEEP, company="Acme Robotics")
    assert [name for _, name in companies(conn)] == ["Acme Robotics"]
    assert changes(conn, noor) == [("company", "Acme Robotcs", "Acme Robotics", None)]
    assert typo not in [i for i, _ in companies(conn)]

    sam = contacts.add_contact(conn, "Sam", "Ng", company="Volt")
    volt = contacts.get_contact(conn, sam).company_id
    targets.update_companies(conn, {volt: {"industry": "Energy"}})
    contacts.update_contact(conn, sam, **KEEP, company="Acme Robotics")
    assert "Volt" in [name for _, name in companies(conn)]  # its industry is the user's
