"""Home says when the next planned meeting is, in a line under its figures. A walkthrough on
Saturday 28 Nov saw "Meetings this week 0" while Meetings listed one on Tuesday 1 Dec: on a
weekend that figure nearly always reads 0 and looks as if nothing is coming. Said under
"Meetings this week" itself, the line widened that figure so that the figures took two rows at
1280 px (tests/e2e/test_tables_fit.py): it is now a caption under the row, and its words wrap."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, home, interactions, meetings, profile, ui

ROOT = Path(__file__).resolve().parent.parent
BERLIN = ZoneInfo("Europe/Berlin")
SATURDAY = datetime(2026, 11, 28, 11, 0, tzinfo=BERLIN)


@pytest.fixture
def otto(conn):
    meetings.set_time_zone(conn, "Europe/Berlin")
    return contacts.add_contact(conn, "Otto", "Blom")


def test_on_a_saturday_the_week_reads_0_and_tuesdays_meeting_is_said(conn, otto):
    meetings.schedule_meeting(conn, otto, datetime(2026, 12, 1, 15, 0, tzinfo=BERLIN))
    assert home.headline(conn, SATURDAY.date()).meetings_this_week == 0
    coming = home.next_meeting(conn, SATURDAY)
    assert coming.said == "Next meeting: Tue 1 Dec 2026, 15:00 with Otto Blom"


def test_the_time_is_the_users_whatever_zone_the_moment_is_given_in(conn, otto):
    # 14:00 UTC is 15:00 in Berlin, the user's zone; the moment asked about is in UTC.
    meetings.schedule_meeting(conn, otto, datetime(2026, 12, 1, 14, 0, tzinfo=UTC))
    coming = home.next_meeting(conn, SATURDAY.astimezone(UTC))
    assert coming.starts_at.tzinfo is not None
    assert coming.said == "Next meeting: Tue 1 Dec 2026, 15:00 with Otto Blom"
    # the same moment in Tokyo, once that is the user's zone
    meetings.set_time_zone(conn, "Asia/Tokyo")
    tokyo = home.next_meeting(conn, SATURDAY).said
    assert tokyo == "Next meeting: Tue 1 Dec 2026, 23:00 with Otto Blom"


def test_the_soonest_still_planned_and_ahead(conn, otto):
    ana = contacts.add_contact(conn, "Ana", "Lee")
    past = meetings.schedule_meeting(conn, ana, SATURDAY - timedelta(hours=2))
    cancelled = meetings.schedule_meeting(conn, ana, SATURDAY + timedelta(hours=2))
    meetings.set_outcome(conn, cancelled, "cancelled")
    meetings.schedule_meeting(conn, otto, datetime(2026, 12, 8, 9, 0, tzinfo=BERLIN))
    meetings.schedule_meeting(conn, ana, datetime(2026, 12, 3, 9, 30, tzinfo=BERLIN))
    # Not the one begun two hours ago (still planned), nor the cancelled one later today.
    assert meetings.get_meeting(conn, past).status == "scheduled"
    soonest = home.next_meeting(conn, SATURDAY).said
    assert soonest == "Next meeting: Thu 3 Dec 2026, 09:30 with Ana Lee"


def test_today_is_said_as_today(conn, otto):
    meetings.schedule_meeting(conn, otto, SATURDAY + timedelta(hours=4))
    assert home.next_meeting(conn, SATURDAY).said == "Next meeting: today, 15:00 with Otto Blom"


def test_a_long_name_is_said_whole_and_no_name_not_at_all(conn):
    """Under a figure an 800 px window cut a long line short, and only a first name was said;
    in a line of its own the words wrap."""
    meetings.set_time_zone(conn, "Europe/Berlin")
    long = contacts.add_contact(conn, "Maximiliane", "von Hohenberg-Schmidt, PhD, MBA")
    meetings.schedule_meeting(conn, long, datetime(2026, 12, 1, 15, 0, tzinfo=BERLIN))
    assert home.next_meeting(conn, SATURDAY).said == (
        "Next meeting: Tue 1 Dec 2026, 15:00 with Maximiliane von Hohenberg-Schmidt, PhD, MBA"
    )
    with db.transaction(conn):
        conn.execute("UPDATE contacts SET first_name = '', last_name = '' WHERE id = ?", [long])
    assert home.next_meeting(conn, SATURDAY).said == "Next meeting: Tue 1 Dec 2026, 15:00"


def test_nothing_planned_says_nothing(conn, otto):
    held = meetings.schedule_meeting(conn, otto, SATURDAY - timedelta(days=1))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    assert home.next_meeting(conn, SATURDAY) is None


def test_by_default_it_is_read_on_the_users_clock(conn, otto):
    ahead = profile.now(conn) + timedelta(days=3)
    meetings.schedule_meeting(conn, otto, ahead)
    coming = home.next_meeting(conn)
    assert coming.starts_at == ahead
    assert coming.today == profile.now(conn).date()


# --- the page ---------------------------------------------------------------------------------


def meetings_metric(at: AppTest):
    return next(m for m in at.metric if m.label == "Meetings this week")


def run_home() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def started(app_db):
    """Someone written to (Home draws its figures from then on) and Otto, to meet."""
    conn = db.connect(app_db)
    meetings.set_time_zone(conn, "Europe/Berlin")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 11, 2))
    otto = contacts.add_contact(conn, "Otto", "Blom")
    yield conn, otto
    conn.close()


def next_meeting_said(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if "Next meeting" in c.value]


def test_home_says_the_next_meeting_under_the_figures(started):
    conn, otto = started
    # Ten days ahead, 15:00 in Berlin: after this week whatever day the test runs.
    day = profile.now(conn).date() + timedelta(days=10)
    meetings.schedule_meeting(conn, otto, datetime(day.year, day.month, day.day, 15, tzinfo=BERLIN))
    conn.close()
    at = run_home()
    metric = meetings_metric(at)
    assert metric.value == "0"
    assert not metric.delta  # not under the figure: it widened it (two rows at 1280 px)
    said = f"Next meeting: {day:%a} {day.day} {day:%b %Y}, 15:00 with Otto Blom"
    said = f":material/event: {ui.plain(said)}"  # a name is shown as typed
    assert next_meeting_said(at) == [said]
    assert metric.proto.help == f"{home.MEETINGS_HELP} {home.MEETINGS_NEXT_HELP}"
    # after the figures, before the funnel
    order = [e.value for e in at.main if e.type in ("subheader", "caption")]
    assert order.index(said) < order.index("Your funnel")


def test_home_says_nothing_more_with_no_meeting_planned(started):
    conn, otto = started
    held = meetings.schedule_meeting(conn, otto, profile.now(conn) - timedelta(days=1))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    conn.close()
    at = run_home()
    metric = meetings_metric(at)
    assert not metric.delta and next_meeting_said(at) == []
    assert metric.proto.help == home.MEETINGS_HELP
