"""A meeting's date typed years back is the date scheduled, in a real browser.

Seen in Chromium: 10/03/2014 typed in Meetings' "Date" turned the box red ("Date set outside
allowed range": Streamlit's default range is ten years either side), the script kept the day
offered, and the meeting was scheduled for that day instead, without a word. And a year typed
wrong (1990 for 2026) moved a coming meeting off every list with only "Meeting changed.".
"""

import re
from datetime import UTC, date, datetime, time, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, interactions, meetings

from .conftest import choose, click, go, see, start_server, stop_server, wait_for_app

LONG_AGO = date(2014, 3, 10)


def seed_a_reply(db_path) -> None:
    """Nadia was written to and replied in March 1990: a meeting is not dated before the first
    message to its person, and the meeting here is moved back to 1990."""
    conn = db.connect(db_path)
    nadia = contacts.add_contact(conn, "Nadia", "Okafor", company="Beta Labs")
    interactions.log_interaction(conn, nadia, "outreach", occurred_at=date(1990, 3, 1))
    interactions.log_interaction(conn, nadia, "reply", occurred_at=date(1990, 3, 3))
    conn.close()


def test_a_meeting_logged_twelve_years_late_keeps_its_typed_date(tmp_path, page, shots):
    db_path = tmp_path / "meeting-dates.duckdb"
    seed_a_reply(db_path)
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Meetings", "Meetings")
        choose(page, "Person", "Nadia Okafor — Beta Labs")  # the box starts empty
        schedule = page.get_by_test_id("stForm").filter(has_text="Schedule the meeting")
        schedule.get_by_test_id("stDateInput").locator('[data-type="day"]').focus()
        page.keyboard.type(LONG_AGO.strftime("%d%m%Y"))
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")  # the calendar it opened
        wait_for_app(page)
        page.screenshot(path=shots / "typed.png")
        click(page, "Schedule the meeting")
        see(page, re.compile(r"^10 Mar 2014 is \d+ years ago: is the year right\?"))
        click(page, "Yes, 10 Mar 2014 is right")
        see(page, re.compile(r"^Scheduled with Nadia Okafor — Beta Labs for "))
        page.screenshot(path=shots / "scheduled.png", full_page=True)
        said = page.get_by_text(re.compile(r"^Scheduled with Nadia Okafor")).first.inner_text()
        assert said.startswith("Scheduled with Nadia Okafor — Beta Labs for 10 Mar 2014, 10:00.")
    finally:
        stop_server(server)


def test_a_coming_meeting_moved_to_1990_is_asked_about_then_said_to_be_in_the_past(
    tmp_path, page, shots
):
    db_path = tmp_path / "meeting-moved.duckdb"
    seed_a_reply(db_path)
    conn = db.connect(db_path)
    meetings.set_time_zone(conn, "UTC")
    start = datetime.combine(date.today() + timedelta(days=3), time(10), tzinfo=UTC)
    meetings.schedule_meeting(conn, 1, start)
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Meetings", "Meetings")
        page.get_by_role("tab", name="Change").click()
        wait_for_app(page)
        change = page.get_by_test_id("stForm").filter(has_text="Save the changes")
        change.get_by_test_id("stDateInput").locator('[data-type="day"]').focus()
        page.keyboard.type("12031990")
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")  # the calendar it opened
        wait_for_app(page)
        click(page, "Save the changes")
        see(page, re.compile(r"^12 Mar 1990 is \d+ years ago: is the year right\?"))
        page.screenshot(path=shots / "asked.png", full_page=True)
        click(page, "Yes, 12 Mar 1990 is right")
        see(page, "Moved to 12 Mar 1990, 10:00, in the past: record how it went below.")
        expect(page.get_by_role("tab", name="Debrief")).to_have_attribute("aria-selected", "true")
        page.screenshot(path=shots / "moved.png", full_page=True)
    finally:
        stop_server(server)
