from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from infoint import contacts, ics, meetings, questions

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def planned(conn):
    """Ana (Acme) on 10 March at 09:00 Berlin time, with private notes that must stay home."""
    conn.execute("UPDATE profile SET time_zone = 'Europe/Berlin'")
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", notes="Secret: ex-colleague")
    meeting = meetings.schedule_meeting(
        conn,
        ana,
        datetime(2026, 3, 10, 9, tzinfo=BERLIN),
        promised_minutes=25,
        place="Café Blau, Berlin",
        prep_notes="Private: ask about the reorg",
    )
    question = questions.list_questions(conn)[0].id
    meetings.save_prep(conn, meeting, question_ids=[question], company_notes="Private notes")
    return meeting


def events(data: bytes):
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_meeting_parses_back(conn, planned):
    [event] = events(ics.meeting_ics(conn, planned))
    assert str(event["SUMMARY"]) == "Information interview with Ana Lee (Acme)"
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 3, 10, 8, tzinfo=UTC)  # the same instant
    assert str(start.tzinfo) == "Europe/Berlin"  # written in the user's zone
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DURATION") == timedelta(minutes=25)
    assert str(event["LOCATION"]) == "Café Blau, Berlin"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["UID"]).startswith(f"meeting-{planned}-")


def test_uid_is_stable_across_exports_and_changes(conn, planned):
    first = events(ics.meeting_ics(conn, planned))[0]["UID"]
    meetings.update_meeting(
        conn, planned, datetime(2026, 3, 11, 9, tzinfo=BERLIN), promised_minutes=20, place=""
    )
    [moved] = events(ics.meeting_ics(conn, planned))
    assert moved["UID"] == first
    assert moved.decoded("DTSTART") == datetime(2026, 3, 11, 8, tzinfo=UTC)
    assert "LOCATION" not in moved


def test_no_personal_notes_leave_the_app(conn, planned):
    data = ics.meeting_ics(conn, planned).decode()
    for private in ("Secret", "Private", "reorg", "ex-colleague"):
        assert private not in data
    question = questions.list_questions(conn)[0].text
    assert question[:30] not in data


def test_all_upcoming_meetings_in_one_calendar(conn, planned):
    ben = contacts.add_contact(conn, "Ben", "Ode")
    later = meetings.schedule_meeting(conn, ben, datetime(2026, 3, 20, 14, tzinfo=UTC))
    gone = meetings.schedule_meeting(conn, ben, datetime(2026, 2, 20, 14, tzinfo=UTC))
    cancelled = meetings.schedule_meeting(conn, ben, datetime(2026, 3, 21, 14, tzinfo=UTC))
    meetings.set_outcome(conn, cancelled, "cancelled")
    found = events(ics.upcoming_ics(conn, NOW))
    assert [str(e["SUMMARY"]) for e in found] == [
        "Information interview with Ana Lee (Acme)",
        "Information interview with Ben Ode",
    ]
    uids = {str(e["UID"]) for e in found}
    known = ics.meeting_uids(conn, [planned, later, gone])
    assert uids == {known[planned], known[later]}
    assert known[gone] not in uids
    # a cancelled meeting on its own says so, so a calendar can drop it
    assert str(events(ics.meeting_ics(conn, cancelled))[0]["STATUS"]) == "CANCELLED"


def test_empty_calendar_is_still_a_calendar(conn):
    calendar = Calendar.from_ical(ics.upcoming_ics(conn, NOW))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["VERSION"]) == "2.0"


def offset_the_file_gives(data: bytes, local: datetime) -> timedelta:
    """The UTC offset a calendar following the file's own time zone description reads for a
    local time: that of the last change of offset at or before it (DTSTART, RRULE, RDATE)."""
    [zone] = Calendar.from_ical(data).walk("VTIMEZONE")
    changes = []
    for part in zone.subcomponents:
        start = part.decoded("DTSTART")
        found = [start] if start <= local else []
        if "RRULE" in part:
            rule = rrulestr(part["RRULE"].to_ical().decode(), dtstart=start)
            found += [rule.before(local, inc=True)] if rule.before(local, inc=True) else []
        rdates = part.get("RDATE", [])
        for listed in rdates if isinstance(rdates, list) else [rdates]:
            found += [day.dt for day in listed.dts if day.dt <= local]
        changes += [(moment, part.decoded("TZOFFSETTO")) for moment in found]
    return max(changes)[1]


@pytest.mark.parametrize(
    ("local", "offset"),
    [
        (datetime(2040, 7, 1, 10), timedelta(hours=2)),
        (datetime(2040, 12, 1, 10), timedelta(hours=1)),
    ],
)
def test_a_meeting_years_ahead_is_described_in_its_own_time(conn, local, offset):
    """icalendar describes a zone from 1970 to 2038 unless told: a calendar following the file
    read a summer meeting in 2040 at winter time, an hour off."""
    conn.execute("UPDATE profile SET time_zone = 'Europe/Berlin'")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    meeting = meetings.schedule_meeting(conn, ana, local.replace(tzinfo=BERLIN))
    assert offset_the_file_gives(ics.meeting_ics(conn, meeting), local) == offset
