"""Log an interaction offers "How" as the user's last message to this person went. It offered
LinkedIn to someone with no address on file whom the user had written to by email (a
walkthrough), since it read only whether an address was on their record."""

from datetime import date

from infoint import contacts, db, interactions
from tests.test_page_contacts import contacts_page, run


def test_the_channel_offered_is_that_of_the_users_last_message(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")  # no address on file
    assert interactions.likely_channel_to(conn, ann, "") == "linkedin"
    log = interactions.log_interaction
    log(conn, ann, "outreach", channel="email", occurred_at=date(2026, 3, 2))
    assert interactions.likely_channel_to(conn, ann, "") == "email"
    # their answer, a note: none is the user's message
    log(conn, ann, "reply", channel="linkedin", occurred_at=date(2026, 3, 3))
    log(conn, ann, "note", channel=None, occurred_at=date(2026, 3, 4))
    assert interactions.likely_channel_to(conn, ann, "") == "email"
    log(conn, ann, "follow_up", channel="phone", occurred_at=date(2026, 3, 5))
    log(conn, ann, "thank_you", channel="linkedin", occurred_at=date(2026, 3, 1))  # earlier
    assert interactions.likely_channel_to(conn, ann, "") == "phone"

    bo = contacts.add_contact(conn, "Bo", "Berg", email="bo@example.com")
    assert interactions.likely_channel_to(conn, bo, "bo@example.com") == "email"
    log(conn, bo, "outreach", channel="linkedin", occurred_at=date(2026, 3, 2))
    assert interactions.likely_channel_to(conn, bo, "bo@example.com") == "linkedin"


def test_the_log_form_offers_email_to_someone_last_written_to_by_email(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    interactions.log_interaction(
        conn, ann, "outreach", channel="email", occurred_at=date(2026, 3, 2)
    )
    note = interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 3))
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "reply"
    assert at.selectbox(key=f"log_{ann}_0_channel").value == "email"
    # A note corrected into a message starts where the log form would.
    at.selectbox(key=f"fix_{ann}").set_value(note)
    run(at)
    at.selectbox(key=f"fix_kind_{note}").set_value("reply")
    run(at)
    assert at.selectbox(key=f"fix_channel_{note}").value == "email"
