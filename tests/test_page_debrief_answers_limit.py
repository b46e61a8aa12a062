"""The debrief's answer boxes take whatever is pasted (no max_chars, which drops a paste past
it without a word); an answer over contacts.NOTES_LIMIT is refused in one sentence before
anyone is asked about, the typed text stays in its box, and nothing is saved."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings, questions
from tests.test_page_meetings import meetings_page, run, submit

LIMIT = 20_000
OVER = "o" * (LIMIT + 1)


@pytest.fixture
def past_meeting(app_db):
    """Ana (id 1) replied, and met the user yesterday (meeting 1); one question picked."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date.today() - timedelta(6))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date.today() - timedelta(5))
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, ana, start)
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    conn.close()
    return app_db


def saved(path):
    conn = db.connect(path)
    try:
        sheet = meetings.prep_sheet(conn, 1)
        people = conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0]
    finally:
        conn.close()
    return sheet.meeting.status, sheet.questions[0].answer, sheet.company_notes, people


def test_an_answer_too_long_is_refused_before_asking_and_stays_in_its_box(past_meeting):
    at = run(meetings_page())
    [box] = [t for t in at.text_area if t.key.startswith("answer_")]
    assert box.proto.max_chars == 0
    box.set_value(OVER)
    at.text_area(key="debrief_names_1").set_value("Bo Chen, Beta Labs")
    submit(at, "Save the debrief", errors=1)
    said = at.error[0].value
    assert said.startswith("An answer can be at most 20,000 characters")
    assert "20,001" in said
    assert not [b for b in at.button if b.label == "Yes, add them and save"]  # not asked
    assert at.text_area(key=box.key).value == OVER
    assert at.text_area(key="debrief_names_1").value == "Bo Chen, Beta Labs"
    assert saved(past_meeting) == ("scheduled", "", "", 1)
    at.text_area(key=box.key).set_value("Sensors everywhere.")
    submit(at, "Save the debrief")
    submit(at, "Yes, add them and save")
    status, answer, company_notes, people = saved(past_meeting)
    assert (status, answer, people) == ("held", "Sensors everywhere.", 2)
    assert "Sensors everywhere." in company_notes
