"""A meeting whose time is still ahead is not past, whatever its status: one cancelled ahead
of time was counted among "N past meetings" (and listed with them)."""

from datetime import UTC, datetime, timedelta

import pytest

from infoint import contacts, db, meetings
from tests.test_page_meetings import meetings_page, run

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


@pytest.fixture
def conn(tmp_path):
    connection = db.connect(tmp_path / "past.duckdb")
    yield connection
    connection.close()


def test_a_meeting_cancelled_ahead_of_time_is_not_past(conn):
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    over = meetings.schedule_meeting(conn, ana, NOW - timedelta(days=2))
    ahead = meetings.schedule_meeting(conn, ana, NOW + timedelta(days=2))
    called_off = meetings.schedule_meeting(conn, ana, NOW + timedelta(days=5))
    meetings.set_outcome(conn, called_off, "cancelled")
    cancelled_before = meetings.schedule_meeting(conn, ana, NOW - timedelta(days=4))
    meetings.set_outcome(conn, cancelled_before, "cancelled")
    assert [m.id for m in meetings.past_meetings(conn, NOW)] == [over, cancelled_before]
    assert meetings.count_past_meetings(conn, NOW) == 2
    assert [m.id for m in meetings.upcoming_meetings(conn, NOW)] == [ahead]
    assert [m.id for m in meetings.cancelled_ahead(conn, NOW)] == [called_off]
    # once its day has passed, it is past like any other
    later = NOW + timedelta(days=6)
    assert called_off in [m.id for m in meetings.past_meetings(conn, later)]
    assert meetings.count_past_meetings(conn, later) == 4
    assert meetings.cancelled_ahead(conn, later) == []


def test_the_list_says_a_meeting_cancelled_ahead_of_time_apart():
    assert meetings.list_said(1, 2, 2, cancelled=1) == (
        "1 coming up · 1 cancelled · 2 past meetings."
    )
    assert meetings.list_said(0, 0, 0, cancelled=2) == (
        "Nothing coming up · 2 cancelled · nothing past yet."
    )
    assert meetings.list_said(2, 5, 5) == "2 coming up · 5 past meetings."


def test_the_page_counts_no_cancelled_meeting_ahead_as_past(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    now = datetime.now(UTC)
    meetings.schedule_meeting(conn, ana, now - timedelta(days=2))
    called_off = meetings.schedule_meeting(conn, ana, now + timedelta(days=5))
    meetings.set_outcome(conn, called_off, "cancelled")
    conn.close()
    at = run(meetings_page())
    captions = " ".join(c.value for c in at.caption)
    assert "Nothing coming up · 1 cancelled · 1 past meeting." in captions
    assert "2 past meetings" not in captions
    # it is still there to open from the list
    at.selectbox(key="meeting_pick").set_value(called_off)
    run(at)
    assert at.selectbox(key="meeting_pick").value == called_off


def test_a_meeting_cancelled_ahead_of_time_alone_still_shows_the_list(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    called_off = meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=5))
    meetings.set_outcome(conn, called_off, "cancelled")
    conn.close()
    at = run(meetings_page())
    assert not [i for i in at.info if i.value.startswith("No meetings yet")]
    assert at.selectbox(key="meeting_pick").value == called_off
