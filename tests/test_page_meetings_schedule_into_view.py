"""Meetings brings "Schedule a meeting" into view when the user opens it, not when the page
opens it by itself: its default (open while nothing is coming up) is part of the expander's
identity, so Streamlit opens it afresh when that default flips, and the page took that for the
user's click (a review)."""

import json
from datetime import UTC, datetime, timedelta

from infoint import contacts, db, meetings
from tests.test_page_meetings import meetings_page, run

SCHEDULE_OPEN = "schedule_open"
SCHEDULE_BOX = "schedule_box"


def brought_into_view(at) -> list[str]:
    """The keys `ui.bring_into_view` was asked for on the last run."""
    sent = [
        json.loads(element.proto.json)
        for element in at.get("bidi_component")
        if element.proto.component_name == "infoint.scroll"
    ]
    return [data["target"] for data in sent if "target" in data]


def test_the_form_the_page_opens_by_itself_is_not_scrolled_to(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    coming = meetings.schedule_meeting(conn, ann, datetime.now(UTC) + timedelta(days=3))
    conn.close()
    at = run(meetings_page())  # a meeting coming up: the form starts shut
    assert not at.session_state[SCHEDULE_OPEN]
    conn = db.connect(app_db)
    meetings.set_outcome(conn, coming, "cancelled")
    conn.close()
    run(at)  # nothing coming up: the page opens the form by itself
    assert at.session_state[SCHEDULE_OPEN]
    assert SCHEDULE_BOX not in brought_into_view(at)


def test_the_form_the_user_opens_is_scrolled_to(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    meetings.schedule_meeting(conn, ann, datetime.now(UTC) + timedelta(days=3))
    conn.close()
    at = run(meetings_page())
    assert not at.session_state[SCHEDULE_OPEN]
    at.session_state[SCHEDULE_OPEN] = True  # as the user's click on it
    assert SCHEDULE_BOX in brought_into_view(run(at))
    assert SCHEDULE_BOX not in brought_into_view(run(at))  # once, not on every run after
