"""Meetings as calendar files (.ics), one meeting or all upcoming ones.

The file leaves the app (it is mailed, synced, shared), so it carries only what a calendar
needs — who, when, how long, where — and none of the user's notes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import duckdb

from infoint import meetings, profile

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//infoint//information interviews//EN"
# The years icalendar describes a time zone for by default; wider when a meeting is outside.
_ZONE_FROM, _ZONE_TO = date(1970, 1, 1), date(2038, 1, 1)
REMINDER = (
    "An information interview: you promised {minutes} minutes, so keep to them. "
    "Before you leave, ask who else you should talk to."
)


def summary_line(meeting: meetings.MeetingSummary) -> str:
    """'Information interview with Ana Lee (Acme)'."""
    return f"Information interview with {meeting.title}"


def meeting_uids(conn: duckdb.DuckDBPyConnection, meeting_ids: list[int]) -> dict[int, str]:
    """The same for a meeting every time it is exported, so calendars update, not duplicate."""
    rows = conn.execute(
        "SELECT id, created_at FROM meetings WHERE id IN (SELECT unnest(?::BIGINT[]))",
        [meeting_ids],
    ).fetchall()
    return {int(i): f"meeting-{i}-{created:%Y%m%dT%H%M%S}@infoint" for i, created in rows}


def _event(meeting: meetings.MeetingSummary, uid: str, zone: ZoneInfo, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(zone))
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
    # Imported here: icalendar takes a tenth of a second to load, and only a download needs it.
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    zone = profile.zone(conn)
    uids = meeting_uids(conn, [m.id for m in items])
    for meeting in items:
        calendar.add_component(_event(meeting, uids[meeting.id], zone, stamp))
    # icalendar describes the zone from 1970 to 2038 unless told, and a calendar that follows
    # the file would read a meeting outside those years at the wrong offset.
    days = [meeting.starts_at.astimezone(zone).date() for meeting in items]
    calendar.add_missing_timezones(
        first_date=min([_ZONE_FROM, *days]),
        last_date=max([_ZONE_TO, *(day + timedelta(days=366) for day in days)]),
    )
    return calendar.to_ical()


def meeting_ics(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> bytes:
    """One meeting as a calendar file."""
    meeting = meetings.summary(conn, meeting_id)
    return _calendar(conn, [meeting], summary_line(meeting))


def upcoming_ics(conn: duckdb.DuckDBPyConnection, now: datetime) -> bytes:
    """Every meeting still ahead, as one calendar file."""
    return _calendar(conn, meetings.upcoming_meetings(conn, now), "Information interviews")
