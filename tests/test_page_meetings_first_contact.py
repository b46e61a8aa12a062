"""Meetings refuses a meeting dated before the first message to its person, in one sentence
with that message's day, and changes nothing: moved to the day before Priya was first written
to, her meeting was accepted ("Moved to …, in the past: record how it went below.")."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from infoint import db, meetings, text
from tests import test_page_meetings
from tests.test_page_meetings import choose_ana, meetings_page, run, start_of_meeting, submit

replied = test_page_meetings.replied  # the fixture: Ana written to six days ago, replied since

FIRST = date.today() - timedelta(6)  # Ana's outreach in the `replied` fixture
REFUSED = (
    f"Your first message to this person is logged on {text.day(FIRST)}, and a meeting comes "
    f"after it: pick {text.day(FIRST)} or a later day, or correct that message first."
)


@pytest.fixture
def coming(replied):
    """Ana's meeting is in three days, at 10:00 UTC (the profile's zone)."""
    conn = db.connect(replied)
    meetings.set_time_zone(conn, "UTC")
    meetings.schedule_meeting(
        conn, 1, datetime.combine(date.today() + timedelta(3), time(10), tzinfo=UTC)
    )
    conn.close()
    return replied


def test_a_move_to_before_the_first_message_is_refused_and_the_meeting_stays(coming):
    was = start_of_meeting(coming)
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    at.date_input(key="change_day_1").set_value(FIRST - timedelta(1))
    submit(at, "Save the changes", errors=1)
    assert at.error[0].value == REFUSED
    assert not at.success
    assert not [w for w in at.warning if "right?" in w.value]  # refused, not asked about
    assert start_of_meeting(coming) == was


def test_a_meeting_before_the_first_message_is_not_scheduled(replied):
    at = run(meetings_page())
    choose_ana(at)
    at.date_input(key="schedule_day").set_value(FIRST - timedelta(1))
    submit(at, "Schedule the meeting", errors=1)
    assert at.error[0].value == REFUSED
    assert not at.success
    conn = db.connect(replied)
    try:
        assert conn.execute("SELECT count(*) FROM meetings").fetchall()[0][0] == 0
    finally:
        conn.close()


def test_a_move_years_back_is_refused_at_once_not_asked_about_first(coming):
    """Asked whether 1990 was right, a "Yes" would only be refused: refused before asking."""
    was = start_of_meeting(coming)
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    at.date_input(key="change_day_1").set_value(date(1990, 3, 12))
    submit(at, "Save the changes", errors=1)
    assert at.error[0].value == REFUSED
    assert not [w for w in at.warning if "1990" in w.value]
    assert start_of_meeting(coming) == was


def test_scheduling_years_back_is_refused_at_once_not_asked_about_first(replied):
    at = run(meetings_page())
    at.date_input(key="schedule_day").set_value(date(1990, 3, 12))
    choose_ana(at)
    submit(at, "Schedule the meeting", errors=1)
    assert at.error[0].value == REFUSED
    assert not [w for w in at.warning if "1990" in w.value]
