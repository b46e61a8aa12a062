"""Log an interaction offers first what likely comes next: Outreach before anything was sent,
Reply once written to, your message back (Outreach) after their reply, then a thank-you after a
meeting held and a note when nothing is awaited."""

from datetime import date, datetime

from infoint import contacts, db, interactions, meetings
from tests.test_page_contacts import contacts_page, run


def test_the_likely_kind_follows_what_was_sent(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    assert interactions.likely_kind(conn, ann) == "outreach"
    interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 1))
    assert interactions.likely_kind(conn, ann) == "outreach"  # a note is no message sent
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    assert interactions.likely_kind(conn, ann) == "reply"
    met = contacts.add_contact(conn, "Met", "Once")
    interactions.log_interaction(conn, met, "thank_you", occurred_at=date(2026, 3, 2))
    assert interactions.likely_kind(conn, met) == "reply"


def test_the_log_form_starts_at_reply_once_written_to(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "outreach"
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee")
    # The fresh form keeps what was just logged (test_page_contacts_log_keeps_kind.py).
    assert at.selectbox(key=f"log_{ann}_1_kind").value == "outreach"
    # A later visit, in a new session: what comes next is most likely their answer.
    again = contacts_page(contact=str(ann))
    again.session_state["contact_tab"] = "Log an interaction"
    run(again)
    assert again.selectbox(key=f"log_{ann}_0_kind").value == "reply"


def test_the_likely_kind_follows_the_conversation_past_the_reply(conn):
    """After outreach, a reply, a meeting held and a thank-you, "Sent her the article she
    mentioned" was offered as a Reply and logged as a second one (a walkthrough)."""
    ann = contacts.add_contact(conn, "Ann", "Lee")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 3))
    assert interactions.likely_kind(conn, ann) == "outreach"  # their answer in: yours next
    interactions.log_interaction(conn, ann, "follow_up", occurred_at=date(2026, 3, 4))
    assert interactions.likely_kind(conn, ann) == "reply"  # you wrote again: theirs next
    meeting = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 10, 14, 0))
    assert interactions.likely_kind(conn, ann) == "reply"  # only planned: nothing yet
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert interactions.likely_kind(conn, ann) == "thank_you"
    # a thank-you logged on the record, on the meeting's day, thanks it (as Meetings says)
    interactions.log_interaction(conn, ann, "thank_you", occurred_at=date(2026, 3, 10))
    assert interactions.likely_kind(conn, ann) == "note"
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 11))
    assert interactions.likely_kind(conn, ann) == "outreach"  # their answer to the thanks
    # A second meeting held, not thanked yet: a thank-you again.
    second = meetings.schedule_meeting(conn, ann, datetime(2026, 4, 1, 9, 0))
    meetings.set_outcome(conn, second, "held", actual_minutes=25)
    assert interactions.likely_kind(conn, ann) == "thank_you"


def test_after_the_thank_you_the_log_form_offers_a_note(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 3))
    meeting = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 10, 14, 0))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    interactions.log_interaction(conn, ann, "thank_you", occurred_at=date(2026, 3, 11))
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "note"
    at.text_area(key=f"log_{ann}_0_body").input("Sent her the article she mentioned")
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert at.success[0].value.startswith("Logged: Note with Ann Lee on ")
    conn = db.connect(app_db)
    try:
        kinds = [x.kind for x in interactions.list_interactions(conn, ann)]
    finally:
        conn.close()
    assert kinds == ["note", "thank_you", "reply", "outreach"]


def test_after_the_thank_you_the_conversation_moves_on(conn):
    """After a held meeting was thanked, Note was offered whatever came next: a report-back
    message, their answer to it, a new outreach months later (a review)."""
    ann = contacts.add_contact(conn, "Ann", "Lee")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 3))
    meeting = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 10, 14, 0))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    interactions.log_interaction(conn, ann, "thank_you", occurred_at=date(2026, 3, 11))
    assert interactions.likely_kind(conn, ann) == "note"  # the walkthrough's case, kept
    interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 12))
    assert interactions.likely_kind(conn, ann) == "note"  # a note moves it nowhere
    # a report-back: "I applied, as you suggested"
    interactions.log_interaction(conn, ann, "follow_up", occurred_at=date(2026, 4, 1))
    assert interactions.likely_kind(conn, ann) == "reply"
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 4, 2))
    assert interactions.likely_kind(conn, ann) == "outreach"  # your message back
    # a new outreach months later
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 9, 1))
    assert interactions.likely_kind(conn, ann) == "reply"


def test_after_a_report_back_the_log_form_offers_reply(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 3))
    meeting = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 10, 14, 0))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    interactions.log_interaction(conn, ann, "thank_you", occurred_at=date(2026, 3, 11))
    interactions.log_interaction(conn, ann, "follow_up", occurred_at=date(2026, 4, 1))
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "reply"
