"""A person's record says of 'Connected on' only what is true: someone added by hand with a
LinkedIn profile address read "Connected on: not on LinkedIn" beside a "LinkedIn profile"
button (a walkthrough in Chromium), and then "not in your LinkedIn export", untrue of someone
whose row the import skipped for having no date, or whom an import added as a second record
not merged yet."""

from datetime import date

from infoint import contacts, db
from tests.test_page_contacts import contacts_page, run, shown


def record_of(app_db, **person) -> str:
    conn = db.connect(app_db)
    cid = contacts.add_contact(conn, "Ann", "Lee", **person)
    conn.close()
    return shown(run(contacts_page(contact=str(cid))))


def test_someone_added_by_hand_has_no_date_from_linkedin_yet_whatever_their_profile(app_db):
    said = record_of(app_db, linkedin_url="https://www.linkedin.com/in/ann-lee")
    assert "**Connected on:** no date from LinkedIn yet" in said
    assert "not on LinkedIn" not in said
    # They may be in the export: their row skipped for want of a date, or not merged yet.
    assert "not in your LinkedIn export" not in said


def test_someone_from_the_export_without_a_date_is_said_so(app_db):
    said = record_of(app_db, source="linkedin")
    assert "**Connected on:** no date in your LinkedIn export" in said


def test_a_date_from_the_export_is_said(app_db):
    conn = db.connect(app_db)
    cid = contacts.add_contact(conn, "Bo", "Chen", source="linkedin")
    conn.execute("UPDATE contacts SET connected_on = ? WHERE id = ?", [date(2024, 11, 6), cid])
    conn.close()
    assert "**Connected on:** 6 Nov 2024" in shown(run(contacts_page(contact=str(cid))))
