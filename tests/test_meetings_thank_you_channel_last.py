"""The thank-you's "Sent by" starts where the user's last message to the person went, as the
Contacts page's log form does (`interactions.likely_channel_to`): someone written to on
LinkedIn, with an address on file, was offered Email for the thank-you. Never 'by email' to
someone with no address on file, though (tests/test_thank_you_channel.py)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings
from tests.test_page_meetings import meetings_page, run


def held_meeting(conn, email: str, wrote_by: str) -> int:
    """Ana (id 1), written to `wrote_by` a week ago and met yesterday: held, not thanked."""
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", email=email)
    interactions.log_interaction(
        conn, ana, "outreach", channel=wrote_by, occurred_at=date.today() - timedelta(6)
    )
    meeting = meetings.schedule_meeting(conn, ana, datetime.now(UTC) - timedelta(days=1))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    return meeting


def thank_you_channels(conn) -> list[str]:
    return [i.channel for i in interactions.list_interactions(conn, 1) if i.kind == "thank_you"]


@pytest.mark.parametrize(
    ("email", "wrote_by", "channel"),
    [
        ("ana@acme.test", "linkedin", "linkedin"),  # the address alone said email
        ("", "phone", "phone"),  # the address alone said LinkedIn
        ("ana@acme.test", "email", "email"),
        ("", "email", "linkedin"),  # no address: never 'by email'
    ],
)
def test_the_thank_you_goes_the_way_the_last_message_went(conn, email, wrote_by, channel):
    meeting = held_meeting(conn, email, wrote_by)
    assert meetings.thank_you_channel(conn, 1) == channel
    meetings.log_thank_you(conn, meeting, subject="Thank you", body="It helped a lot.")
    assert thank_you_channels(conn) == [channel]


def test_the_page_offers_the_way_the_last_message_went(app_db):
    conn = db.connect(app_db)
    held_meeting(conn, "ana@acme.test", "linkedin")
    conn.execute("UPDATE profile SET name = 'Sam Lee' WHERE id = 1")
    conn.close()
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.session_state["meeting_tab"] == "Thank you"
    assert at.selectbox(key="thanks_channel_1").value == "linkedin"
    assert not [c for c in at.caption if "No email address" in c.value]
    at.button(key="log_thanks_1").click()
    run(at)
    conn = db.connect(app_db)
    try:
        assert thank_you_channels(conn) == ["linkedin"]
    finally:
        conn.close()


def test_without_an_address_the_page_says_why_only_when_it_starts_at_linkedin(app_db):
    """Phoned last: 'Sent by' starts at Phone, and the sentence about LinkedIn would be wrong."""
    conn = db.connect(app_db)
    held_meeting(conn, "", "phone")
    conn.close()
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.selectbox(key="thanks_channel_1").value == "phone"
    assert not [c for c in at.caption if "No email address" in c.value]
