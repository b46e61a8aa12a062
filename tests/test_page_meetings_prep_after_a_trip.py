"""What the user types or picks in a meeting's prep sheet, and has not saved yet, is there
again when they come back from another page (a walkthrough: notes on the company, what to
learn and four questions typed and picked, Home and back, and every box was empty, with
'None picked yet'). Streamlit forgets a page's boxes on the way; the page keeps a copy."""

from datetime import UTC, datetime, timedelta

import pytest

from infoint import db, meetings, questions
from tests.test_page_meetings import meetings_page, replied, run, submit  # noqa: F401 - fixture

COMPANY = "They build water sensors; new plant in Lyon."
PERSON = "Moved from teaching into design."
GOAL = "How a designer's week is split between research and drawing."


@pytest.fixture
def ahead(replied):  # noqa: F811
    """Ana's meeting is in three days, with nothing prepared yet."""
    conn = db.connect(replied)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    meetings.schedule_meeting(conn, 1, start)
    conn.close()
    return replied


def fill(at, path):
    """Types in the three boxes and picks the first four questions offered; their ids."""
    at.text_area(key="prep_company_1").set_value(COMPANY)
    at.text_area(key="prep_person_1").set_value(PERSON)
    at.text_input(key="prep_goal_1").set_value(GOAL)
    picker = at.multiselect(key="prep_questions_1")
    assert picker.value == []
    conn = db.connect(path)
    try:
        ids = {q.text: q.id for q in questions.list_questions(conn, include_archived=True)}
    finally:
        conn.close()
    four = [ids[text] for text in picker.options[:4]]
    picker.set_value(four)
    return four


def home_and_back(at):
    at.switch_page("app.py")
    run(at)
    at.switch_page("pages/5_meetings.py")
    return run(at)


def as_left(at, four):
    assert at.text_area(key="prep_company_1").value == COMPANY
    assert at.text_area(key="prep_person_1").value == PERSON
    assert at.text_input(key="prep_goal_1").value == GOAL
    picker = at.multiselect(key="prep_questions_1")
    assert picker.value == four
    assert "None picked yet" not in " ".join(c.value for c in at.caption)


def test_typed_and_picked_come_back_when_the_trip_goes_with_the_typing(ahead):
    """Typed, then Home clicked straight away: the change reaches the server with the trip."""
    at = run(meetings_page())
    four = fill(at, ahead)
    as_left(home_and_back(at), four)


def test_typed_and_picked_come_back_after_the_page_took_them(ahead):
    at = run(meetings_page())
    four = fill(at, ahead)
    run(at)
    as_left(home_and_back(at), four)
    as_left(home_and_back(at), four)  # and again: the copy outlives its first use


def test_saved_prep_sheet_is_shown_after_a_trip_not_the_words_typed_before(ahead):
    at = run(meetings_page())
    fill(at, ahead)
    run(at)
    at.text_input(key="prep_goal_1").set_value("")
    submit(at, "Save the prep sheet")
    at = home_and_back(at)
    assert at.text_input(key="prep_goal_1").value == ""  # saved empty: the old words stay gone
    conn = db.connect(ahead)
    try:
        sheet = meetings.prep_sheet(conn, 1)
    finally:
        conn.close()
    assert sheet.person_notes == PERSON
    assert len(sheet.questions) == 4
    assert at.text_area(key="prep_person_1").value == PERSON
    assert len(at.multiselect(key="prep_questions_1").value) == 4
