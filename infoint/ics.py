"""Meetings as calendar files (.ics), one meeting or all upcoming ones.

The file leaves the app (it is mailed, synced, shared), so it carries only what a calendar
needs — who, when, how long, where — and none of the user's notes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import duckdb
from icalendar import Calendar, Event

from infoint import meetings, profile

PRODID = "-//infoint//information interviews//EN"
REMINDER = (
    "An information interview: you promised {minutes} minutes, so keep to them. "
    "Before you leave, ask who else you should talk to."
)


def summary_line(meeting: meetings.MeetingSummary) -> str:
    """'Information interview with Ana Lee (Acme)'."""
    return f"Information interview with {meeting.title}"


def meeting_uid(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> str:
    """The same for a meeting every time it is exported, so calendars update, not duplicate."""
    created = conn.execute("SELECT created_at FROM meetings WHERE id = ?", [meeting_id]).fetchall()[
        0
    ][0]
    return f"meeting-{meeting_id}-{created:%Y%m%dT%H%M%S}@infoint"


def _event(
    conn: duckdb.DuckDBPyConnection, meeting: meetings.MeetingSummary, stamp: datetime
) -> Event:
    event = Event()
    event.add("uid", meeting_uid(conn, meeting.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(profile.zone(conn)))
    event.add("duration", timedelta(minutes=meeting.promised_minutes))
    event.add("summary", summary_line(meeting))
    event.add("description", REMINDER.format(minutes=meeting.promised_minutes))
    if meeting.place:
        event.add("location", meeting.place)
    event.add("status", "CANCELLED" if meeting.status in ("cancelled", "no_show") else "CONFIRMED")
    return event


def _calendar(
    conn: duckdb.DuckDBPyConnection, items: list[meetings.MeetingSummary], name: str
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for meeting in items:
        calendar.add_component(_event(conn, meeting, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def meeting_ics(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> bytes:
    """One meeting as a calendar file."""
    meeting = meetings.summary(conn, meeting_id)
    return _calendar(conn, [meeting], summary_line(meeting))


def upcoming_ics(conn: duckdb.DuckDBPyConnection, now: datetime) -> bytes:
    """Every meeting still ahead, as one calendar file."""
    return _calendar(conn, meetings.upcoming_meetings(conn, now), "Information interviews")
