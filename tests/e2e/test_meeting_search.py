"""A search for a meeting shows, in the Meeting box, the meeting the page below works on."""

import re
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, meetings

from .conftest import click, see, start_server, stop_server, type_into, wait_for_app


def seed_two_meetings(db_path) -> None:
    """Finn's meeting comes first; Dax's, four days later, is the one a search for 'ana' finds
    (Tanaka)."""
    conn = db.connect(db_path)
    finn = contacts.add_contact(conn, "Finn", "Varga", company="Orbit")
    dax = contacts.add_contact(conn, "Dax", "Tanaka", company="Kite")
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    meetings.schedule_meeting(conn, finn, start)
    meetings.schedule_meeting(conn, dax, start + timedelta(days=4))
    conn.close()


def test_the_meeting_box_shows_the_meeting_a_search_opens(tmp_path, page, shots):
    db_path = tmp_path / "search.duckdb"
    seed_two_meetings(db_path)
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/meetings")
        wait_for_app(page)
        meeting_box = page.get_by_role("combobox", name="Meeting")
        expect(meeting_box).to_have_value(re.compile(r"^Finn Varga — .* · scheduled · Orbit$"))
        page.get_by_role("button", name="Open Finn's record").wait_for()

        type_into(page, "Find a meeting by person", "ana")
        page.get_by_role("button", name="Open Dax's record").wait_for()
        page.screenshot(path=shots / "01-found.png", full_page=True)
        expect(meeting_box).to_have_value(re.compile(r"^Dax Tanaka — .* · scheduled · Kite$"))

        # Back to every meeting: the box and the page below agree again.
        type_into(page, "Find a meeting by person", "")
        page.get_by_role("button", name="Open Finn's record").wait_for()
        expect(meeting_box).to_have_value(re.compile(r"^Finn Varga — .* · scheduled · Orbit$"))

        # Finn's meeting removed: the box moves on with the page, to Dax's.
        page.get_by_role("tab", name="Change").click()
        wait_for_app(page)
        click(page, "Remove this meeting")
        click(page, "Yes, remove it")
        see(page, "Meeting removed.")
        page.get_by_role("button", name="Open Dax's record").wait_for()
        expect(meeting_box).to_have_value(re.compile(r"^Dax Tanaka — .* · scheduled · Kite$"))
    finally:
        stop_server(server)
