"""After a Reply is logged with someone whose meeting is already booked, the confirmation says
so and points to what comes next, preparing it: "Next: arrange the meeting, on the Meetings
tab" was offered beside a meeting booked for next week, as if none were."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings, text
from tests.test_page_contacts import contacts_page, run

ARRANGE = "Next: arrange the meeting, on the Meetings tab"
PREPARE = "Next: prepare it, on the Meetings page"
START = (datetime.now(UTC) + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)


@pytest.fixture
def priya(app_db) -> int:
    conn = db.connect(app_db)
    try:
        cid = contacts.add_contact(conn, "Priya", "Nair", company="Acme")
        interactions.log_interaction(conn, cid, "outreach", occurred_at=date(2026, 3, 2))
        return cid
    finally:
        conn.close()


def book(path, cid: int, starts_at: datetime, status: str = "scheduled") -> int:
    conn = db.connect(path)
    try:
        meeting = meetings.schedule_meeting(conn, cid, starts_at)
        if status != "scheduled":
            meetings.set_outcome(conn, meeting, status)
        return meeting
    finally:
        conn.close()


def log_reply(cid: int):
    at = contacts_page(contact=str(cid))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.selectbox(key=f"log_{cid}_0_kind").set_value("reply")
    run(at)
    at.button(key=f"FormSubmitter:log_{cid}-Log it").click()
    return run(at)


def labels(at) -> list[str]:
    return [b.label for b in at.button]


def test_a_reply_with_a_meeting_booked_says_so_and_points_to_preparing_it(app_db, priya):
    meeting = book(app_db, priya, START)
    at = log_reply(priya)
    assert at.success[0].value.startswith("Logged: Reply with Priya Nair on ")
    assert ARRANGE not in labels(at)  # a meeting is booked already
    said = " ".join(c.value for c in at.main.caption)
    assert f"Your meeting with Priya is booked for {text.moment(START)}." in said
    [link] = [p for p in at.main.get("page_link") if p.proto.label == PREPARE]
    assert link.proto.page == "meetings"
    assert link.proto.query_string == f"meeting={meeting}"
    # The link opens that meeting on its Prepare tab.
    at.switch_page("pages/5_meetings.py")
    at.query_params["meeting"] = str(meeting)
    run(at)
    assert at.session_state["meeting_pick"] == meeting
    assert at.session_state["meeting_tab"] == "Prepare"


def test_a_meeting_cancelled_ahead_still_points_to_arranging_one(app_db, priya):
    """Called off: a new one is to arrange. A held meeting, and one waiting for its outcome,
    lead elsewhere (tests/test_page_contacts_reply_meeting_states.py)."""
    book(app_db, priya, START, "cancelled")
    at = log_reply(priya)
    assert ARRANGE in labels(at)
    assert not [p for p in at.main.get("page_link") if p.proto.label == PREPARE]
    assert not any("is booked for" in c.value for c in at.main.caption)
