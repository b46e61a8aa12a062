"""One clock for everything: the user's time zone, whatever the machine's is (infoint.clock).

Pacific/Pago_Pago is UTC-11 and Pacific/Kiritimati UTC+14: 25 hours apart, so their dates
always differ, and a test that mixes up the two clocks fails at any hour it runs.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest
from icalendar import Calendar
from streamlit.testing.v1 import AppTest

from infoint import (
    clock,
    contacts,
    db,
    followups,
    home,
    ics,
    interactions,
    meetings,
    profile,
    text,
)
from infoint.errors import InvalidInputError

ROOT = Path(__file__).resolve().parent.parent
PAGO = ZoneInfo("Pacific/Pago_Pago")
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")
# (the machine's zone, the zone the user chose): far apart, in both directions.
APART = [
    ("Pacific/Pago_Pago", "Pacific/Kiritimati"),
    ("Pacific/Kiritimati", "Pacific/Pago_Pago"),
    ("Asia/Tokyo", "America/Los_Angeles"),
]


@pytest.fixture
def move_machine(monkeypatch):
    """Put this machine in another time zone (`TZ`) for one test."""
    before = os.environ.get("TZ")

    def move(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield move
    if before is None:
        monkeypatch.delenv("TZ", raising=False)
    else:
        monkeypatch.setenv("TZ", before)
    time.tzset()


def duckdb_zone(cursor: duckdb.DuckDBPyConnection) -> str:
    return cursor.execute("SELECT current_setting('TimeZone')").fetchall()[0][0]


# --- the default zone is the machine's ------------------------------------------------------


def test_a_new_database_follows_the_machines_zone(db_path, move_machine):
    move_machine("America/Los_Angeles")
    conn = db.connect(db_path)
    try:
        assert profile.get_profile(conn).time_zone == ""  # nothing chosen
        assert profile.zone(conn) == LOS_ANGELES
        assert duckdb_zone(conn.cursor()) == "America/Los_Angeles"
    finally:
        conn.close()
    move_machine("Asia/Tokyo")  # the same file on a machine elsewhere
    conn = db.connect(db_path)
    try:
        assert profile.zone(conn) == TOKYO
        meetings.set_time_zone(conn, "Europe/Berlin")  # once chosen, the choice holds
        assert profile.zone(conn).key == "Europe/Berlin"
    finally:
        conn.close()


def test_the_machines_zone_from_tz_then_etc_localtime(tmp_path, monkeypatch):
    localtime = tmp_path / "localtime"
    localtime.symlink_to("/usr/share/zoneinfo/Asia/Tokyo")
    monkeypatch.setattr(clock, "_LOCALTIME", str(localtime))
    monkeypatch.setenv("TZ", ":Europe/Paris")
    assert clock.machine_zone().key == "Europe/Paris"
    monkeypatch.setenv("TZ", "not a zone")
    assert clock.machine_zone().key == "Asia/Tokyo"
    monkeypatch.delenv("TZ")
    assert clock.machine_zone().key == "Asia/Tokyo"
    localtime.unlink()
    localtime.symlink_to("../usr/share/zoneinfo/America/Los_Angeles")
    assert clock.machine_zone().key == "America/Los_Angeles"
    localtime.unlink()
    localtime.write_bytes(b"TZif")  # a copy, not a link: nothing names the zone
    assert clock.machine_zone().key == "UTC"


def test_a_stored_name_resolves(move_machine):
    move_machine("Asia/Tokyo")
    assert clock.resolve_zone("") == TOKYO
    assert clock.resolve_zone("America/Los_Angeles") == LOS_ANGELES
    assert clock.resolve_zone("Mars/Olympus").key == "UTC"


def test_migration_0006_lets_the_untouched_default_follow_the_machine(tmp_path, move_machine):
    move_machine("Asia/Tokyo")
    untouched, chosen = tmp_path / "untouched.duckdb", tmp_path / "chosen.duckdb"
    for path, zone in ((untouched, None), (chosen, "America/Los_Angeles")):
        old = duckdb.connect(str(path))
        db.apply_migrations(old, upto=5)
        if zone:
            old.execute("UPDATE profile SET time_zone = ?", [zone])
        old.close()
    for path, expected in ((untouched, TOKYO), (chosen, LOS_ANGELES)):
        conn = db.connect(path)
        try:
            assert profile.zone(conn) == expected
            assert duckdb_zone(conn) == expected.key
        finally:
            conn.close()


# --- logged times: wall time in the user's zone ----------------------------------------------


@pytest.mark.parametrize(("machine", "chosen"), APART)
def test_a_reply_logged_now_sorts_after_the_outreach(conn, move_machine, machine, chosen):
    move_machine(machine)
    meetings.set_time_zone(conn, chosen)
    ana = contacts.add_contact(conn, "Ana", "Lee")
    # an outreach a minute ago, given as a moment (as an import would), then a reply now
    sent = interactions.log_interaction(
        conn, ana, "outreach", occurred_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    replied = interactions.log_interaction(conn, ana, "reply")
    assert [i.id for i in interactions.list_interactions(conn, ana)] == [replied, sent]
    reply = interactions.get_interaction(conn, replied)
    behind = datetime.now(ZoneInfo(chosen)).replace(tzinfo=None) - reply.occurred_at
    assert timedelta(0) <= behind < timedelta(hours=1)  # the user's wall clock, not the machine's


def test_an_aware_time_is_stored_as_the_users_wall_time(conn, move_machine):
    move_machine("Asia/Tokyo")
    meetings.set_time_zone(conn, "Pacific/Pago_Pago")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    # 20:00 UTC is 09:00 in Pago Pago; 10:00 there is an hour later
    sent = interactions.log_interaction(
        conn, ana, "outreach", occurred_at=datetime(2026, 3, 2, 20, tzinfo=UTC)
    )
    replied = interactions.log_interaction(
        conn, ana, "reply", occurred_at=datetime(2026, 3, 2, 10, tzinfo=PAGO)
    )
    assert interactions.get_interaction(conn, sent).occurred_at == datetime(2026, 3, 2, 9)
    assert interactions.get_interaction(conn, replied).occurred_at == datetime(2026, 3, 2, 10)
    assert [i.id for i in interactions.list_interactions(conn, ana)] == [replied, sent]
    interactions.update_interaction(
        conn,
        replied,
        kind="reply",
        channel="email",
        occurred_at=datetime(2026, 3, 3, 8, tzinfo=TOKYO),  # 2 March 12:00 in Pago Pago
    )
    assert interactions.get_interaction(conn, replied).occurred_at == datetime(2026, 3, 2, 12)


def test_a_meeting_and_a_thank_you_keep_their_order_on_the_timeline(conn, move_machine):
    """The timeline casts the meeting's moment to wall time: the user's, not the machine's."""
    move_machine("Asia/Tokyo")
    meetings.set_time_zone(conn, "America/Los_Angeles")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    met = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 10, tzinfo=LOS_ANGELES))
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    thanks = meetings.log_thank_you(
        conn, met, subject="Thank you", body="", sent_at=datetime(2026, 3, 10, 11)
    )
    events = contacts.timeline(conn.cursor(), ana)
    assert [(e.interaction_id, e.meeting_id) for e in events] == [(thanks, None), (None, met)]
    assert events[1].at == datetime(2026, 3, 10, 10)


# --- meetings ----------------------------------------------------------------------------------


def test_a_naive_start_is_wall_time_in_the_users_zone(conn, move_machine):
    move_machine("Asia/Tokyo")
    meetings.set_time_zone(conn, "America/Los_Angeles")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 10))
    assert meetings.get_meeting(conn, meeting).starts_at == datetime(
        2026, 3, 10, 17, tzinfo=UTC
    )  # PDT is UTC-7
    meetings.update_meeting(conn, meeting, datetime(2026, 3, 11, 9), promised_minutes=20, place="")
    assert meetings.get_meeting(conn, meeting).starts_at == datetime(
        2026, 3, 11, 9, tzinfo=LOS_ANGELES
    )


@pytest.mark.parametrize(("machine", "chosen"), APART)
def test_a_meeting_that_ended_an_hour_ago_asks_for_a_debrief(conn, move_machine, machine, chosen):
    move_machine(machine)
    meetings.set_time_zone(conn, chosen)
    ana = contacts.add_contact(conn, "Ana", "Lee")
    start = datetime.now(UTC) - timedelta(minutes=80)
    meeting = meetings.schedule_meeting(conn, ana, start, promised_minutes=20)
    [item] = followups.due_items(conn)
    assert (item.kind, item.action_label) == ("debrief", "Record how it went")
    assert item.due_on == start.astimezone(ZoneInfo(chosen)).date()  # its day for the user
    # held, with no thank-you: that is due a day after it ended, not before
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert followups.due_items(conn) == []
    a_day_later = datetime.now(UTC) + timedelta(hours=24)
    [item] = followups.due_items(conn, a_day_later)
    assert (item.kind, item.action_label) == ("thank_you", "Write the thank-you")


def test_rules_take_a_fixed_moment_in_any_zone(conn):
    meetings.set_time_zone(conn, "Pacific/Pago_Pago")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    # Tuesday 10 March 10:00 in Pago Pago is 21:00 UTC
    meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 10, tzinfo=PAGO))
    just_before = datetime(2026, 3, 10, 20, 59, tzinfo=UTC)
    an_hour_after = datetime(2026, 3, 11, 7, 20, tzinfo=TOKYO)  # 22:20 UTC: it ended at 21:20
    assert [i.kind for i in followups.due_items(conn, just_before)] == ["prepare"]
    [item] = followups.due_items(conn, an_hour_after)
    assert (item.kind, item.due_on) == ("debrief", date(2026, 3, 10))  # its day in Pago Pago
    with pytest.raises(InvalidInputError, match="time zone"):
        followups.due_items(conn, datetime(2026, 3, 10, 22))


def test_meetings_this_week_count_in_the_users_zone(conn, move_machine):
    """Week of Mon 2 - Sun 8 March 2026, in Los Angeles, on a machine set to Tokyo."""
    move_machine("Asia/Tokyo")
    cursor = conn.cursor()  # made before the zone is chosen: pages read through cursors
    ana = contacts.add_contact(conn, "Ana", "Lee")
    # Sunday 20:00 in Los Angeles: Monday 9 March in UTC and in Tokyo
    meetings.schedule_meeting(conn, ana, datetime(2026, 3, 8, 20, tzinfo=LOS_ANGELES))
    # Saturday 18:00 in Los Angeles: Sunday 8 March in UTC and in Tokyo
    meetings.schedule_meeting(conn, ana, datetime(2026, 3, 7, 18, tzinfo=LOS_ANGELES))
    meetings.set_time_zone(conn, "America/Los_Angeles")
    assert home.headline(cursor, date(2026, 3, 4)).meetings_this_week == 2
    meetings.set_time_zone(conn.cursor(), "Asia/Tokyo")  # as a page does: through a cursor
    assert home.headline(cursor, date(2026, 3, 4)).meetings_this_week == 1
    assert home.headline(conn, date(2026, 3, 4)).meetings_this_week == 1


# --- calendar files ----------------------------------------------------------------------------


@pytest.mark.parametrize("chosen", ["America/Los_Angeles", "Pacific/Pago_Pago"])
def test_a_meeting_typed_at_ten_exports_at_ten_in_that_zone(conn, move_machine, chosen):
    move_machine("Asia/Tokyo")
    meetings.set_time_zone(conn, chosen)
    zone = profile.zone(conn)
    ana = contacts.add_contact(conn, "Ana", "Lee")
    meeting = meetings.schedule_meeting(
        conn, ana, meetings.local_start(date(2026, 3, 10), clock_time(10), zone)
    )
    calendar = Calendar.from_ical(ics.meeting_ics(conn, meeting))
    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == chosen
    start = event.decoded("DTSTART")
    assert (start.date(), start.hour, start.minute) == (date(2026, 3, 10), 10, 0)
    assert start == datetime(2026, 3, 10, 10, tzinfo=ZoneInfo(chosen))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [chosen]


def test_with_no_zone_chosen_ten_exports_at_ten_on_the_machines_clock(db_path, move_machine):
    move_machine("America/Los_Angeles")
    conn = db.connect(db_path)
    try:
        ana = contacts.add_contact(conn, "Ana", "Lee")
        meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 10))  # as typed
        [event] = Calendar.from_ical(ics.meeting_ics(conn, meeting)).walk("VEVENT")
    finally:
        conn.close()
    assert event["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert event.decoded("DTSTART") == datetime(2026, 3, 10, 10, tzinfo=LOS_ANGELES)


# --- pages -------------------------------------------------------------------------------------


def page(path: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(path)
    at.query_params.update(query)
    return at


def test_logging_a_reply_on_the_contacts_page_sorts_after_the_outreach(app_db, move_machine):
    move_machine("Pacific/Pago_Pago")  # a day behind the user, who is in Kiritimati
    conn = db.connect(app_db)
    meetings.set_time_zone(conn, "Pacific/Kiritimati")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    sent = interactions.log_interaction(
        conn, ana, "outreach", occurred_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    conn.close()
    at = page("pages/2_contacts.py", contact=str(ana))
    at.session_state["contact_tab"] = "Log an interaction"
    at.run()
    at.selectbox[0].set_value("reply")  # What happened; the day left at today
    at.button(key=f"FormSubmitter:log_{ana}-Log it").click()
    at.run()
    assert not at.exception, at.exception
    users_today = text.day(datetime.now(ZoneInfo("Pacific/Kiritimati")))
    assert f"Logged: Reply with Ana Lee on {users_today}." in at.success[0].value
    conn = db.connect(app_db)
    try:
        logged = interactions.list_interactions(conn, ana)
    finally:
        conn.close()
    assert [(i.kind, i.id == sent) for i in logged] == [("reply", False), ("outreach", True)]


def test_the_meetings_page_asks_for_the_debrief_of_a_meeting_just_over(app_db, move_machine):
    move_machine("Pacific/Pago_Pago")
    conn = db.connect(app_db)
    meetings.set_time_zone(conn, "Pacific/Kiritimati")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) - timedelta(minutes=80))
    conn.close()
    at = page("pages/5_meetings.py")
    at.run()
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Record how the meeting with Ana Lee went" in text
    assert "Prepare for your meeting" not in text
