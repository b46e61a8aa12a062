"""Merging two records of one person, the kept one at another company, takes the dropped
record's company out when no one is left at it and it holds nothing of the user's: left
behind, it stood in Targets, Settings' counts and the workbook with no one at it. The rule is
delete's and Edit details' (contacts._drop_company_left_empty), in the merge's own write."""

import pytest

from infoint import contacts, db, targets
from tests.test_contacts_delete_company import company_names
from tests.test_page_contacts import contacts_page, run


def test_the_dropped_records_company_goes_when_no_one_is_left_at_it(conn):
    noor = contacts.add_contact(conn, "Noor", "Haddad", company="Volt")
    twin = contacts.add_contact(conn, "Noor", "Haddad", company="Acme Robotcs")
    contacts.merge_contacts(conn, noor, twin)
    assert company_names(conn) == ["Volt"]
    assert contacts.get_contact(conn, noor).company == "Volt"


def test_the_kept_record_takes_the_dropped_ones_company_when_it_had_none(conn):
    noor = contacts.add_contact(conn, "Noor", "Haddad")
    twin = contacts.add_contact(conn, "Noor", "Haddad", company="Acme")
    contacts.merge_contacts(conn, noor, twin)
    assert company_names(conn) == ["Acme"]
    assert contacts.get_contact(conn, noor).company == "Acme"


@pytest.mark.parametrize(
    "change",
    [{"industry": "Robots"}, {"status": "target"}, {"motivation": 2}, {"name": "Acme Labs"}],
)
def test_a_company_that_holds_anything_of_the_users_stays_after_a_merge(conn, change):
    noor = contacts.add_contact(conn, "Noor", "Haddad", company="Volt")
    twin = contacts.add_contact(conn, "Noor", "Haddad", company="Acme")
    targets.update_companies(conn, {contacts.get_contact(conn, twin).company_id: change})
    before = company_names(conn)
    contacts.merge_contacts(conn, noor, twin)
    assert company_names(conn) == before


def test_a_company_with_someone_else_at_it_stays_after_a_merge(conn):
    noor = contacts.add_contact(conn, "Noor", "Haddad", company="Volt")
    twin = contacts.add_contact(conn, "Noor", "Haddad", company="Acme")
    contacts.add_contact(conn, "Sam", "Ng", company="Acme")
    contacts.merge_contacts(conn, noor, twin)
    assert company_names(conn) == ["Acme", "Volt"]


def test_merging_on_the_contacts_page_leaves_no_empty_company(app_db):
    conn = db.connect(app_db)
    noor = contacts.add_contact(conn, "Noor", "Haddad", company="Volt")
    twin = contacts.add_contact(conn, "Noor", "Hadad", company="Acme Robotcs")
    conn.close()
    at = contacts_page(contact=str(noor))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.text_input(key=f"merge_{noor}_typed").input("hadad")
    run(at)
    at.selectbox(key=f"merge_{noor}_pick_hadad").select(twin)
    run(at)
    at.button(key=f"merge_{noor}_{twin}").click()
    run(at)
    at.button(key=f"merge_{noor}_{twin}_confirm").click()
    run(at)
    assert "Merged Noor Hadad into Noor Haddad:" in at.success[0].value
    conn = db.connect(app_db)
    try:
        assert company_names(conn) == ["Volt"]
    finally:
        conn.close()
