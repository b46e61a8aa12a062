"""'Meeting removed.' is said where the user is, above the tabs of the meeting that comes up in
its place, not at the top of the page: in Chromium at 1280×800 the click on 'Yes, remove it' in
the Change tab left the view at the tabs and the confirmation 600 px above it (helper-173)."""

from datetime import UTC, datetime, timedelta

from infoint import contacts, db, meetings
from tests.test_page_meetings import meetings_page, run, submit
from tests.test_page_meetings_said_here import in_order


def remove_the_first(at):
    at.session_state["meeting_tab"] = "Change"
    run(at)
    submit(at, "Remove this meeting")
    return submit(at, "Yes, remove it")


def test_removed_is_said_above_the_tabs_of_the_next_meeting(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    ben = contacts.add_contact(conn, "Ben", "Ode", company="Beta")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=2))
    meetings.schedule_meeting(conn, ben, datetime.now(UTC) + timedelta(days=3))
    conn.close()
    at = remove_the_first(run(meetings_page()))
    [removed] = at.success
    assert removed.value == "Meeting removed."
    drawn = in_order(at.main)
    said = drawn.index(removed)
    [heading] = [
        n for n, e in enumerate(drawn) if e.type == "subheader" and e.value == "Work on a meeting"
    ]
    tabs = drawn.index(in_order(at.tabs[0])[0])  # the first thing in the next meeting's tabs
    assert heading < said < tabs
    run(at)  # said once
    assert not at.success


def test_removing_the_last_meeting_still_says_so(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=2))
    conn.close()
    at = remove_the_first(run(meetings_page()))
    assert [s.value for s in at.success] == ["Meeting removed."]
