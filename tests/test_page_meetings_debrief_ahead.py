"""A meeting still ahead: the Debrief tab says so and when it opens, and offers only what can
be true before it starts, marking it cancelled (a walkthrough filled the whole debrief and heard
it only when Save refused it; another was offered 'We met' and an active Save a week ahead)."""

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
    "This meeting is still ahead: its debrief opens when it starts, on 1 Dec 2126, 10:00. If "
    "it was cancelled, mark it so below; if it took place earlier, change its date in the "
    "Change tab first."
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
    # Nothing that would be refused: no 'We met', no debrief boxes, no Save.
    assert not [r for r in at.radio if r.key == "debrief_status_1"]
    assert not [t for t in at.text_area if t.key == "debrief_names_1"]
    assert "Save the debrief" not in [b.label for b in at.button]


def test_a_cancelled_meeting_still_ahead_can_be_saved_as_the_notice_says(replied):  # noqa: F811
    conn = db.connect(replied)
    meetings.schedule_meeting(conn, 1, datetime(2126, 12, 1, 10, tzinfo=UTC))
    conn.close()
    at = debrief_tab(run(meetings_page()))
    at = submit(at, "Mark it as cancelled")
    conn = db.connect(replied)
    try:
        assert meetings.get_meeting(conn, 1).status == "cancelled"
    finally:
        conn.close()
    assert "Debrief saved." in at.success[0].value
    assert [i.value for i in at.info if "marked as cancelled" in i.value]
    assert "Mark it as cancelled" not in [b.label for b in at.button]


def test_a_meeting_that_has_come_says_nothing_of_it(past_meeting):  # noqa: F811
    at = debrief_tab(run(meetings_page()))
    assert not [i.value for i in at.info if "still ahead" in i.value]
