"""A meeting still ahead: the Debrief tab says so at its top, before the user fills it in
(a walkthrough filled the whole debrief and heard it only when Save refused it). The refusal
on save stays."""

from datetime import UTC, datetime

from infoint import db, meetings
from tests.test_page_meetings import (  # noqa: F401 - fixtures
    meetings_page,
    past_meeting,
    replied,
    run,
    submit,
)

AHEAD = (
    "This meeting is still ahead, on 1 Dec 2126, 10:00: come back after it to note how it "
    "went. If it was cancelled, you can say so now; if it took place earlier, change its date "
    "in the Change tab first."
)


def debrief_tab(at):
    at.session_state["meeting_tab"] = "Debrief"
    return run(at)


def test_the_debrief_of_a_meeting_still_ahead_says_so_before_it_is_filled(replied):  # noqa: F811
    conn = db.connect(replied)
    meetings.set_time_zone(conn, "UTC")
    meetings.schedule_meeting(conn, 1, datetime(2126, 12, 1, 10, tzinfo=UTC))
    conn.close()
    at = debrief_tab(run(meetings_page()))
    assert [i.value for i in at.info if "still ahead" in i.value] == [AHEAD]
    submit(at, "Save the debrief", errors=1)  # and saving it as held is still refused
    assert at.error[0].value == (
        "This meeting is on 1 Dec 2126, 10:00, still ahead: change its date first if it moved."
    )


def test_a_cancelled_meeting_still_ahead_can_be_saved_as_the_notice_says(replied):  # noqa: F811
    conn = db.connect(replied)
    meetings.schedule_meeting(conn, 1, datetime(2126, 12, 1, 10, tzinfo=UTC))
    conn.close()
    at = debrief_tab(run(meetings_page()))
    at.radio(key="debrief_status_1").set_value("cancelled")
    submit(at, "Save the debrief")
    conn = db.connect(replied)
    try:
        assert meetings.get_meeting(conn, 1).status == "cancelled"
    finally:
        conn.close()


def test_a_meeting_that_has_come_says_nothing_of_it(past_meeting):  # noqa: F811
    at = debrief_tab(run(meetings_page()))
    assert not [i.value for i in at.info if "still ahead" in i.value]
