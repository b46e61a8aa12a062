"""Changing the time zone on Meetings: the times redraw in the new zone at once, and an edit
saved then is saved (the Meeting box once handed its old label where an id was expected)."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoint import contacts, db, interactions, meetings
from infoint.text import moment
from tests.test_page_meetings import meetings_page, run, submit

KOLKATA = "Asia/Kolkata"


@pytest.fixture
def held(app_db):
    """Grace met at 09:00 UTC two days ago; the profile's zone is UTC."""
    conn = db.connect(app_db)
    meetings.set_time_zone(conn, "UTC")
    grace = contacts.add_contact(conn, "Grace", "Hopper", company="Acme")
    interactions.log_interaction(conn, grace, "outreach", occurred_at=date.today() - timedelta(9))
    start = datetime.combine(date.today() - timedelta(days=2), datetime.min.time(), UTC)
    start = start.replace(hour=9)
    meeting = meetings.schedule_meeting(conn, grace, start, place="Café Blau")
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()
    return app_db, start


def place_of(path) -> str:
    conn = db.connect(path)
    try:
        return meetings.get_meeting(conn, 1).place
    finally:
        conn.close()


def change_zone(at, name: str):
    at.selectbox(key="time_zone_pick").set_value(name)
    return submit(at, "Use this time zone")


def test_a_new_time_zone_redraws_the_times_and_an_edit_then_saves(held):
    path, start = held
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    assert at.time_input(key="change_time_1").value == start.time()
    change_zone(at, KOLKATA)
    at.session_state["meeting_tab"] = "Change"
    run(at)
    local = start.astimezone(ZoneInfo(KOLKATA))
    assert local.strftime("%H:%M") == "14:30"
    times = [t for t in at.time_input if t.key.startswith("change_time")]
    assert [t.value for t in times] == [local.time().replace(tzinfo=None)]
    assert "Kolkata" in times[0].label
    pick = at.selectbox(key="meeting_pick")
    assert pick.value == 1
    assert pick.format_func(1).split(" — ")[1].startswith(moment(local))
    assert "14:30" in pick.format_func(1)
    [place] = [t for t in at.text_input if t.key.startswith("change_place")]
    place.set_value("Zoom link")
    submit(at, "Save the changes")
    assert place_of(path) == "Zoom link"
    assert at.selectbox(key="meeting_pick").value == 1


def test_the_words_the_browser_kept_for_a_meeting_are_read_as_that_meeting(held):
    """The browser sends back the label it was last shown; the page takes it for the meeting
    it named then, and never hands words on where a meeting's id is expected."""
    path, _ = held
    at = run(meetings_page())
    said = at.selectbox(key="meeting_pick").format_func(1)
    at.session_state["meeting_pick"] = said  # as the browser sent it
    at.session_state["meeting_tab"] = "Change"
    run(at)
    assert at.selectbox(key="meeting_pick").value == 1
    [place] = [t for t in at.text_input if t.key.startswith("change_place")]
    place.set_value("Room 2")
    submit(at, "Save the changes")
    assert place_of(path) == "Room 2"
