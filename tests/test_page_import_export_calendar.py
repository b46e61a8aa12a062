"""Take your data out lists the calendar file (.ics) too, as DESIGN.md has it.

A new user found the Excel workbook and the contacts CSV there, and not the calendar file of
their meetings, which was only on Meetings. It sits beside the other downloads, a secondary
button (the page's one primary action is Import), while a meeting is ahead; without one a
line says why there is none and where meetings are scheduled.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from infoint import contacts, meetings, ui
from tests.test_page_import_export import downloads, open_page, run

CALENDAR = "Download all upcoming meetings (.ics)"


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_with_a_meeting_ahead_its_calendar_file_is_offered_beside_the_others(app_db):
    at = open_page()
    conn = ui.connection()
    ana = contacts.add_contact(conn, "Ana", "Lee")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=3))
    run(at)
    assert downloads(at) == ["Download contacts (CSV)", CALENDAR]
    [calendar] = [d for d in at.get("download_button") if d.proto.label == CALENDAR]
    assert calendar.proto.type == "secondary"
    assert any("meetings still ahead as a calendar file (.ics)" in m.value for m in at.markdown)
    assert not [c for c in captions(at) if c.startswith("No meetings ahead")]


def test_without_a_meeting_ahead_the_page_says_where_they_are_scheduled(app_db):
    at = open_page()
    conn = ui.connection()
    ana = contacts.add_contact(conn, "Ana", "Lee")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) - timedelta(days=3))  # over
    run(at)
    assert CALENDAR not in downloads(at)
    assert (
        "No meetings ahead, so no calendar file to download yet; you schedule them on Meetings."
        in captions(at)
    )
