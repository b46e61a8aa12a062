"""The Meeting box at 800×800 (the sidebar open, scroll bars drawn), with the demo loaded and
a meeting with Priya Raghunathan, PhD at Northwind Health Partners chosen: its line read
"30 Nov 2026, 03:00 — Priya Raghunathan, PhD (Northwind Health Partn…", the status cut off
and the company taking the room. What tells meetings apart, the person, the day and the
status, is read whole now; the company, last, may be cut (the prep sheet below names it)."""

from datetime import UTC, datetime, timedelta

from infoint import db, meetings
from infoint.text import moment

from .conftest import start_server, stop_server, wait_for_app, widget
from .test_meetings_in_view_800 import priya_who_answered

# How much of the box's text shows, and how wide the text up to `upto` characters is, in the
# box's own font: a box for one line shows its start and cuts the rest at its inner edge.
ROOM_AND_WIDTH = """(input, upto) => {
    const style = getComputedStyle(input);
    const pen = document.createElement('canvas').getContext('2d');
    pen.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight);
    return [room, pen.measureText(input.value.slice(0, upto)).width];
}"""


def test_the_chosen_meeting_reads_whole_where_it_counts(tmp_path, page_with_scroll_bars, shots):
    page = page_with_scroll_bars
    db_path = tmp_path / "picker.duckdb"
    conn = db.connect(db_path)
    priya = priya_who_answered(conn)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, priya, start)
    day_and_time = moment(start.astimezone(meetings.time_zone(conn)))
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 800, "height": 800})
        page.goto(f"{server.url}/meetings?meeting={meeting}")
        page.get_by_role("heading", name="Work on a meeting").wait_for()
        wait_for_app(page)
        assert page.get_by_test_id("stSidebar").is_visible()
        box = widget(page, "stSelectbox", "Meeting").get_by_role("combobox")
        box.scroll_into_view_if_needed()
        page.screenshot(path=shots / "picker.png")
        said = box.input_value()
        needed = ("Priya Raghunathan, PhD", day_and_time, "scheduled")
        assert all(part in said for part in needed), said
        upto = max(said.index(part) + len(part) for part in needed)
        room, width = box.evaluate(ROOM_AND_WIDTH, upto)
        assert width <= room, (said[:upto], width, room)
    finally:
        stop_server(server)
