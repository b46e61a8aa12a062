"""Changing the time zone on Meetings, in a real browser: the times redraw in the new zone
at once, and an edit saved right after is saved.

Seen in Chromium: after "Use this time zone" (Kolkata) the Change tab's time still read 09:00
and the Meeting box still showed its old label ("…, 09:00 — Grace Hopper (Acme) (held)"); the
browser kept that label as the box's value and sent it back with "Save the changes", where the
page expected a meeting's id: a red ConversionException, and nothing saved.
"""

from datetime import UTC, date, datetime, timedelta

from infoint import contacts, db, interactions, meetings

from .conftest import click, go, open_options, see, start_server, stop_server, wait_for_app, widget

DAY = date.today() - timedelta(days=2)


def seed_a_held_meeting(db_path) -> None:
    conn = db.connect(db_path)
    meetings.set_time_zone(conn, "UTC")
    grace = contacts.add_contact(conn, "Grace", "Hopper", company="Acme")
    interactions.log_interaction(conn, grace, "outreach", occurred_at=DAY - timedelta(days=7))
    start = datetime(DAY.year, DAY.month, DAY.day, 9, 0, tzinfo=UTC)
    meeting = meetings.schedule_meeting(conn, grace, start, place="Café Blau")
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()


def place_saved(db_path) -> str:
    conn = db.connect(db_path)
    try:
        return meetings.get_meeting(conn, 1).place
    finally:
        conn.close()


def open_change(page) -> None:
    page.get_by_role("tab", name="Change", exact=True).click()
    wait_for_app(page)


def test_a_new_time_zone_shows_the_new_times_and_an_edit_then_saves(tmp_path, page, shots):
    db_path = tmp_path / "time-zone-change.duckdb"
    seed_a_held_meeting(db_path)
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Meetings", "Meetings")
        open_change(page)
        page.get_by_role("button", name="Your time zone").click()
        # hundreds of zones: typed to narrow the list, as a user would
        open_options(page, "stSelectbox", "Time zone for typing and showing meeting times")
        page.keyboard.type("Kolkata")
        page.get_by_role("option", name="Kolkata (Asia)", exact=True).click()
        wait_for_app(page)
        click(page, "Use this time zone")
        see(page, "Meeting times are now shown in Kolkata (Asia), now UTC+5:30.")
        page.keyboard.press("Escape")  # the popover, if it stayed open
        open_change(page)
        page.screenshot(path=shots / "after-the-change.png", full_page=True)
        time_box = page.get_by_test_id("stTimeInput").filter(has_text="Kolkata")
        assert time_box.locator("input").input_value().startswith("14:30")
        shown = widget(page, "stSelectbox", "Meeting").get_by_role("combobox").input_value()
        assert shown == f"Grace Hopper — {DAY.day} {DAY:%b %Y}, 14:30 · held · Acme"
        place = page.get_by_label("Place or video link", exact=True).filter(visible=True)
        place.fill("https://meet.example/grace")
        click(page, "Save the changes")
        see(page, "Meeting changed.")
        page.screenshot(path=shots / "saved.png", full_page=True)
        assert page.get_by_test_id("stException").count() == 0
    finally:
        stop_server(server)
    assert place_saved(db_path) == "https://meet.example/grace"  # the server holds it until now
