"""A box on Meetings falls back to the words it holds, never to an empty box or a template.

A menu link clicked right as a box loses focus can send the page change before the box's
words: Streamlit then runs Meetings again with the words while the browser, having let go of
its boxes' values for the page change, draws each box from its default and sends that with
the next click. The prep sheet's boxes came back empty in Chromium (10 runs in 12) and "Save
the prep sheet" saved them empty. Here the browser's fallback is taken as the box's default
the page gave it, and sent back as the browser would."""

from datetime import UTC, datetime, timedelta

import pytest
from streamlit.runtime.state import session_state

from infoint import db, interactions, meetings, questions
from tests.test_page_meetings import (  # noqa: F401 - fixtures
    MEETINGS,
    meetings_page,
    past_meeting,
    replied,
    run,
    submit,
)

COMPANY = "They build water sensors; new plant in Lyon."
PERSON = "Moved from teaching into design."
GOAL = "How a designer's week is split between research and drawing."


def falls_back(box) -> None:
    """The browser lets go of the box's value and sends what it then draws: its default."""
    box.set_value(box.proto.default)


def picks_fall_back(box, ids: dict[str, int]) -> None:
    """As `falls_back`, for the pick of questions (its default: positions among the options;
    `ids`: each question's id by its words)."""
    box.set_value([ids[box.options[i]] for i in box.proto.default])


@pytest.fixture
def ahead(replied):  # noqa: F811
    """Ana's meeting is in three days; its prep sheet was saved once."""
    conn = db.connect(replied)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    meeting = meetings.schedule_meeting(conn, 1, start)
    meetings.save_prep(
        conn,
        meeting,
        question_ids=[],
        company_notes="Sensors.",
        person_notes="A designer.",
        prep_notes="Their week.",
    )
    conn.close()
    return replied


def test_prep_sheet_words_stay_when_the_browser_falls_back_to_its_defaults(ahead):
    at = run(meetings_page())
    assert at.session_state["meeting_tab"] == "Prepare"
    conn = db.connect(ahead)
    try:
        bank = questions.list_questions(conn)
    finally:
        conn.close()
    at.text_area(key="prep_company_1").set_value(COMPANY)
    at.text_area(key="prep_person_1").set_value(PERSON)
    at.text_input(key="prep_goal_1").set_value(GOAL)
    at.multiselect(key="prep_questions_1").set_value([bank[0].id, bank[1].id])
    run(at)
    run(at)  # another run with nothing changed: still the words
    falls_back(at.text_area(key="prep_company_1"))
    falls_back(at.text_area(key="prep_person_1"))
    falls_back(at.text_input(key="prep_goal_1"))
    picks_fall_back(at.multiselect(key="prep_questions_1"), {q.text: q.id for q in bank})
    run(at)
    assert at.text_area(key="prep_company_1").value == COMPANY
    assert at.text_area(key="prep_person_1").value == PERSON
    assert at.text_input(key="prep_goal_1").value == GOAL
    assert at.multiselect(key="prep_questions_1").value == [bank[0].id, bank[1].id]
    submit(at, "Save the prep sheet")
    conn = db.connect(ahead)
    try:
        sheet = meetings.prep_sheet(conn, 1)
    finally:
        conn.close()
    assert (sheet.company_notes, sheet.person_notes, sheet.meeting.prep_notes) == (
        COMPANY,
        PERSON,
        GOAL,
    )
    assert [q.question_id for q in sheet.questions] == [bank[0].id, bank[1].id]


def test_saved_prep_notes_are_the_fallback_of_an_untouched_box(ahead):
    """Not typed in this visit: the browser's fallback is the saved text, not an empty box."""
    at = run(meetings_page())
    run(at)  # drawn again, as after any click
    for key in ("prep_company_1", "prep_person_1"):
        falls_back(at.text_area(key=key))
    falls_back(at.text_input(key="prep_goal_1"))
    run(at)
    run(at)
    submit(at, "Save the prep sheet")
    conn = db.connect(ahead)
    try:
        sheet = meetings.prep_sheet(conn, 1)
    finally:
        conn.close()
    assert (sheet.company_notes, sheet.person_notes, sheet.meeting.prep_notes) == (
        "Sensors.",
        "A designer.",
        "Their week.",
    )


@pytest.fixture
def debriefed(past_meeting):  # noqa: F811
    """Ana's meeting yesterday was debriefed with a note and an answer; thanked already."""
    conn = db.connect(past_meeting)
    sheet = meetings.prep_sheet(conn, 1)
    meetings.record_debrief(
        conn,
        1,
        status="held",
        actual_minutes=20,
        notes="Kind and sharp.",
        answers={sheet.questions[0].id: "Hiring in spring."},
    )
    meetings.log_thank_you(conn, 1, subject="Thanks", body="Thank you, Ana.", channel="email")
    conn.close()
    return past_meeting


def test_debrief_boxes_fall_back_to_what_they_hold(debriefed):
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.session_state["meeting_tab"] == "Debrief"
    conn = db.connect(debriefed)
    try:
        answered = meetings.prep_sheet(conn, 1).questions[0].id
    finally:
        conn.close()
    run(at)
    falls_back(at.text_area(key="debrief_notes_1"))
    falls_back(at.text_area(key="debrief_names_1"))
    falls_back(at.text_area(key=f"answer_{answered}"))
    submit(at, "Save the debrief")
    conn = db.connect(debriefed)
    try:
        sheet = meetings.prep_sheet(conn, 1)
    finally:
        conn.close()
    assert sheet.meeting.notes == "Kind and sharp."
    assert sheet.questions[0].answer == "Hiring in spring."


@pytest.fixture
def thanks_due(past_meeting):  # noqa: F811
    conn = db.connect(past_meeting)
    meetings.set_outcome(conn, 1, "held", actual_minutes=20)
    conn.close()
    return past_meeting


def test_thank_you_words_stay_when_the_browser_falls_back_to_its_defaults(thanks_due):
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.session_state["meeting_tab"] == "Thank you"
    mine = "Ana, the tip about the sensor team was gold. Sam"
    at.text_input(key="thanks_subject_1").set_value("Thanks for Tuesday")
    at.text_area(key="thanks_body_1").set_value(mine)
    run(at)
    run(at)
    falls_back(at.text_input(key="thanks_subject_1"))
    falls_back(at.text_area(key="thanks_body_1"))
    run(at)
    assert at.text_area(key="thanks_body_1").value == mine
    at.button(key="log_thanks_1").click()
    run(at)
    conn = db.connect(thanks_due)
    try:
        [sent] = [i for i in interactions.list_interactions(conn, 1) if i.kind == "thank_you"]
    finally:
        conn.close()
    assert (sent.subject, sent.body) == ("Thanks for Tuesday", mine)


@pytest.fixture
def two_ahead(replied):  # noqa: F811
    """Ana's meeting (1) is in two days, Ben's (2) in four: the list opens on Ana's."""
    conn = db.connect(replied)
    now = datetime.now(UTC).replace(microsecond=0)
    meetings.schedule_meeting(conn, 1, now + timedelta(days=2))
    meetings.schedule_meeting(conn, 2, now + timedelta(days=4))
    conn.close()
    return replied


def prepare_ben(at):
    run(at)
    at.selectbox(key="meeting_pick").set_value(2)
    run(at)
    at.text_input(key="prep_goal_2").set_value(GOAL)
    run(at)
    run(at)  # drawn again, as after any click
    return at


def test_the_meeting_box_falls_back_to_the_meeting_being_prepared(two_ahead):
    """The browser drew the Meeting box from its first option after such a click, and the next
    click opened that meeting: the page tells it the pick on every run."""
    at = prepare_ben(meetings_page())
    picker = at.selectbox(key="meeting_pick")
    if not picker.proto.set_value:  # not told: the browser draws its default
        picker.select_index(picker.proto.default)
    falls_back(at.text_input(key="prep_goal_2"))
    run(at)
    assert at.selectbox(key="meeting_pick").value == 2
    assert at.text_input(key="prep_goal_2").value == GOAL


def test_the_search_box_coming_back_unchanged_keeps_the_meeting_being_prepared(two_ahead):
    """Streamlit ran the other page first, which forgot the search box; it then came back with
    the same (empty) words as a change, which opened the first meeting as a new search does."""
    at = prepare_ben(meetings_page())
    del at.session_state["meeting_find"]
    at.text_input(key="meeting_find").set_value("")
    run(at)
    assert at.selectbox(key="meeting_pick").value == 2
    assert at.text_input(key="prep_goal_2").value == GOAL
    # a new search still opens its newest meeting
    at.text_input(key="meeting_find").set_value("Lee")
    run(at)
    assert at.selectbox(key="meeting_pick").value == 1


def test_words_whose_on_change_was_cut_short_are_kept_by_the_next_page(ahead, monkeypatch):
    """A menu link clicked right as a box lost focus: Streamlit put the box's words in the
    session, then stopped the run at the `on_change`'s first read of the session (a point where
    it stops a run for the next), so nothing copied them out, and the other page's run forgot
    the box. Seen in Chromium under load ('company 4.' lost). That page's run copies them out
    first (`ui.keep_box`), and back on Meetings they are there to save."""
    at = run(meetings_page())
    at.text_input(key="prep_goal_1").set_value(GOAL)
    cut_short = {"prep_goal_1"}

    def call_callback(self, widget_id):  # the callback of the box typed in never gets to run
        if not any(widget_id.endswith(f"-{key}") for key in cut_short):
            original(self, widget_id)

    original = session_state.WStates.call_callback
    with monkeypatch.context() as patched:
        patched.setattr(session_state.WStates, "call_callback", call_callback)
        at.switch_page("pages/4_follow_ups.py")
        run(at)
    at.switch_page(MEETINGS)
    run(at)
    assert at.text_input(key="prep_goal_1").value == GOAL
    submit(at, "Save the prep sheet")
    conn = db.connect(ahead)
    try:
        assert meetings.prep_sheet(conn, 1).meeting.prep_notes == GOAL
    finally:
        conn.close()


def test_a_pick_forgotten_on_a_trip_keeps_the_meeting_being_prepared(two_ahead):
    """Under load, the run of Meetings with the words typed for Ben could be stopped before it
    began, and the Meeting box came back from the trip without its pick: the first meeting,
    Ana's, came up over Ben's, whose words wait to be saved (e2e meetings_words_kept)."""
    at = prepare_ben(meetings_page())
    at.switch_page("pages/4_follow_ups.py")
    run(at)
    del at.session_state["meeting_pick"]  # the pick, forgotten as in that run
    at.switch_page(MEETINGS)
    run(at)
    assert at.selectbox(key="meeting_pick").value == 2
    assert at.text_input(key="prep_goal_2").value == GOAL
