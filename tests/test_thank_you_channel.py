"""A thank-you is logged the way it went: 'by email' only when the person has an email address
on file. The Meetings page started 'Sent by' at Email for everyone, so a thank-you to someone
with no address was logged as emailed; it now starts where Outreach's does (LinkedIn without
an address) and says why, and the domain's default follows the same rule."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings, ui
from tests.test_page_meetings import meetings_page, run

NO_ADDRESS = (
    "No email address on file for Ana Lee, so “Sent by” starts at LinkedIn: change it if you "
    "thank them another way."
)


def held_meeting(conn, email: str = "") -> int:
    """Ana (id 1), met yesterday: the meeting is held, not thanked yet."""
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", email=email)
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date.today() - timedelta(6))
    meeting = meetings.schedule_meeting(conn, ana, datetime.now(UTC) - timedelta(days=1))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    return meeting


def channels(conn) -> list[str]:
    return [i.channel for i in interactions.list_interactions(conn, 1) if i.kind == "thank_you"]


@pytest.mark.parametrize(("email", "channel"), [("", "linkedin"), ("ana@acme.test", "email")])
def test_the_domain_logs_a_thank_you_by_email_only_when_there_is_an_address(conn, email, channel):
    meeting = held_meeting(conn, email)
    meetings.log_thank_you(conn, meeting, subject="Thank you", body="It helped a lot.")
    assert channels(conn) == [channel]


def test_a_channel_the_user_gives_is_kept(conn):
    meeting = held_meeting(conn)
    meetings.log_thank_you(conn, meeting, subject="Thanks", body="Thanks.", channel="in_person")
    assert channels(conn) == ["in_person"]


def test_an_address_from_linkedin_counts(conn):
    meeting = held_meeting(conn)
    conn.execute("UPDATE contacts SET linkedin_email = 'ana@linkedin.test' WHERE id = 1")
    assert meetings.thank_you_channel(conn, 1) == "email"
    meetings.log_thank_you(conn, meeting, subject="Thank you", body="It helped a lot.")
    assert channels(conn) == ["email"]


@pytest.fixture
def thanks_due(app_db):
    conn = db.connect(app_db)
    held_meeting(conn)
    profile_name(conn)
    conn.close()
    return app_db


def profile_name(conn) -> None:
    conn.execute("UPDATE profile SET name = 'Sam Lee' WHERE id = 1")


def open_thanks(at):
    run(at)
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.session_state["meeting_tab"] == "Thank you"
    return at


def test_without_an_address_the_page_says_so_and_logs_it_as_sent_on_linkedin(thanks_due):
    at = open_thanks(meetings_page())
    assert at.selectbox(key="thanks_channel_1").value == "linkedin"
    assert ui.plain(NO_ADDRESS) in [c.value for c in at.caption]
    at.button(key="log_thanks_1").click()
    run(at)
    assert "Thank-you logged" in at.success[0].value
    assert any("(LinkedIn)" in s.value for s in at.success)
    conn = db.connect(thanks_due)
    try:
        assert channels(conn) == ["linkedin"]
    finally:
        conn.close()


def test_with_an_address_the_page_starts_at_email_and_says_nothing_more(app_db):
    conn = db.connect(app_db)
    held_meeting(conn, "ana@acme.test")
    profile_name(conn)
    conn.close()
    at = open_thanks(meetings_page())
    assert at.selectbox(key="thanks_channel_1").value == "email"
    assert not [c for c in at.caption if "No email address" in c.value]
    at.button(key="log_thanks_1").click()
    run(at)
    conn = db.connect(app_db)
    try:
        assert channels(conn) == ["email"]
    finally:
        conn.close()
