"""The Meeting box names a meeting by what tells meetings apart first, the person and the
day, then its status, and the company last: "30 Nov 2026, 03:00 — Priya Raghunathan, PhD
(Northwind Health Partn…" was cut at 800 px (the sidebar open) before its status. Namesakes
stay told apart, by the details after the company."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings
from infoint.text import moment
from tests.test_page_meetings import meetings_page, run


@pytest.fixture
def three_meetings(app_db):
    """Priya at Northwind ahead, Bo with no company ahead, Ana at Acme held last week."""
    conn = db.connect(app_db)
    zone = meetings.time_zone(conn)
    priya = contacts.add_contact(
        conn, "Priya", "Raghunathan, PhD", company="Northwind Health Partners"
    )
    bo = contacts.add_contact(conn, "Bo", "Berg")
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    for person in (priya, bo, ana):
        interactions.log_interaction(
            conn, person, "outreach", occurred_at=date.today() - timedelta(20)
        )
    now = datetime.now(UTC).replace(microsecond=0)
    starts = [now + timedelta(days=2), now + timedelta(days=3), now - timedelta(days=7)]
    ids = [
        meetings.schedule_meeting(conn, person, start)
        for person, start in zip((priya, bo, ana), starts, strict=True)
    ]
    meetings.record_debrief(conn, ids[2], "held", actual_minutes=20)
    conn.close()
    return dict(zip(ids, (moment(start.astimezone(zone)) for start in starts), strict=True))


def test_the_person_and_day_come_first_and_the_company_last(three_meetings):
    at = run(meetings_page())
    pick = at.selectbox(key="meeting_pick")
    priya, bo, ana = three_meetings
    said = {i: pick.format_func(i) for i in three_meetings}
    assert said == {
        priya: f"Priya Raghunathan, PhD — {three_meetings[priya]} · scheduled"
        " · Northwind Health Partners",
        bo: f"Bo Berg — {three_meetings[bo]} · scheduled",  # no company: nothing after
        ana: f"Ana Lee — {three_meetings[ana]} · held · Acme",
    }
