"""A 2nd-degree contact needs someone who connects you (`contacts.require_link`): a merge or a
delete that takes away the last such person leaves them cold, and says so."""

from infoint import contacts, db
from tests.test_page_contacts import contacts_page, run


def degree_and_links(conn, contact_id):
    return conn.execute(
        "SELECT degree, mutual_contact_id, referred_by FROM contacts WHERE id = ?", [contact_id]
    ).fetchall()[0]


def test_merging_a_2nd_with_their_own_mutual_contact_makes_them_cold(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee", degree="cold")
    bo = contacts.add_contact(conn, "Bo", "Stone", degree="2nd", mutual_contact_id=ann)
    moved = contacts.merge_contacts(conn, bo, ann)
    assert degree_and_links(conn, bo) == ("cold", None, None)
    assert moved.made_cold == (
        "Bo Stone was connected to you through the record merged into them, so they are "
        "cold now: pick a mutual contact on their record if someone else connects you."
    )
    contacts.update_contact(
        conn,
        bo,
        email="",
        degree="cold",
        mutual_contact_id=None,
        referred_by=None,
        notes="Met at a fair",
        tags="",
    )  # saves as it stands


def test_merging_a_2nd_with_a_1st_who_connected_them_keeps_the_1st(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee", degree="1st")
    bo = contacts.add_contact(conn, "Bo", "Stone", degree="2nd", mutual_contact_id=ann)
    moved = contacts.merge_contacts(conn, bo, ann)
    assert degree_and_links(conn, bo) == ("1st", None, None)
    assert moved.made_cold == ""


def test_merging_keeps_a_2nd_someone_else_connects(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee", degree="1st")
    cy = contacts.add_contact(conn, "Cy", "Ng", degree="1st")
    bo = contacts.add_contact(
        conn, "Bo", "Stone", degree="2nd", mutual_contact_id=ann, referred_by=cy
    )
    moved = contacts.merge_contacts(conn, bo, ann)
    assert degree_and_links(conn, bo) == ("1st", None, cy)  # Ann was 1st
    assert moved.made_cold == ""
    di = contacts.add_contact(conn, "Di", "Fox", degree="2nd", mutual_contact_id=cy)
    dup = contacts.add_contact(conn, "Di", "Fox", degree="2nd", mutual_contact_id=cy)
    assert contacts.merge_contacts(conn, di, dup).made_cold == ""
    assert degree_and_links(conn, di) == ("2nd", cy, None)


def test_deleting_the_only_person_who_connects_you_makes_them_cold(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee", degree="1st")
    cy = contacts.add_contact(conn, "Cy", "Ng", degree="1st")
    bo = contacts.add_contact(conn, "Bo", "Stone", degree="2nd", mutual_contact_id=ann)
    di = contacts.add_contact(conn, "Di", "Fox", degree="2nd", referred_by=ann)
    ed = contacts.add_contact(
        conn, "Ed", "Hall", degree="2nd", mutual_contact_id=ann, referred_by=cy
    )
    removed = contacts.delete_contact(conn, ann)
    assert degree_and_links(conn, bo) == ("cold", None, None)
    assert degree_and_links(conn, di) == ("cold", None, None)
    assert degree_and_links(conn, ed) == ("2nd", None, cy)
    assert removed.made_cold == (
        "Bo Stone and Di Fox had no one else connecting you to them, so they are cold now."
    )
    assert contacts.delete_contact(conn, cy).made_cold == (
        "Ed Hall had no one else connecting you to them, so they are cold now."
    )


def test_the_contacts_page_says_who_became_cold_when_their_link_is_deleted(app_db):
    """The domain's sentence reaches the user: deleting Ann, through whom the user knows Bo,
    says that Bo is cold now, beside the deletion's own words."""
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    contacts.add_contact(conn, "Bo", "Stone", degree="2nd", mutual_contact_id=ann)
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.button(key=f"delete_person_{ann}").click()
    run(at)
    at.button(key=f"delete_person_{ann}_confirm").click()
    run(at)
    said = at.success[0].value
    assert "Ann Lee was deleted" in said
    assert "Bo Stone had no one else connecting you to them, so they are cold now" in said
