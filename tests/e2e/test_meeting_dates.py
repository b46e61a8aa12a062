"""A meeting's date typed years back is the date scheduled, in a real browser.

Seen in Chromium: 10/03/2014 typed in Meetings' "Date" turned the box red ("Date set outside
allowed range": Streamlit's default range is ten years either side), the script kept the day
offered, and the meeting was scheduled for that day instead, without a word.
"""

import re
from datetime import date

from infoint import contacts, db, interactions

from .conftest import click, go, see, start_server, stop_server, wait_for_app

LONG_AGO = date(2014, 3, 10)


def seed_a_reply(db_path) -> None:
    conn = db.connect(db_path)
    nadia = contacts.add_contact(conn, "Nadia", "Okafor", company="Beta Labs")
    interactions.log_interaction(conn, nadia, "outreach", occurred_at=date(2014, 3, 1))
    interactions.log_interaction(conn, nadia, "reply", occurred_at=date(2014, 3, 3))
    conn.close()


def test_a_meeting_logged_twelve_years_late_keeps_its_typed_date(tmp_path, page, shots):
    db_path = tmp_path / "meeting-dates.duckdb"
    seed_a_reply(db_path)
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Meetings", "Meetings")
        schedule = page.get_by_test_id("stForm").filter(has_text="Schedule the meeting")
        schedule.get_by_test_id("stDateInput").locator('[data-type="day"]').focus()
        page.keyboard.type(LONG_AGO.strftime("%d%m%Y"))
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")  # the calendar it opened
        wait_for_app(page)
        page.screenshot(path=shots / "typed.png")
        click(page, "Schedule the meeting")
        see(page, re.compile(r"^Scheduled with Nadia Okafor — Beta Labs for "))
        page.screenshot(path=shots / "scheduled.png", full_page=True)
        said = page.get_by_text(re.compile(r"^Scheduled with Nadia Okafor")).first.inner_text()
        assert said.startswith("Scheduled with Nadia Okafor — Beta Labs for 10 Mar 2014, 10:00.")
    finally:
        stop_server(server)
