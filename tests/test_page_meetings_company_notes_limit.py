"""The Meetings page holds a company's notes to contacts.NOTES_LIMIT. On the prep sheet, notes
too long are refused in one sentence and the typed text stays in its box. A debrief whose answers
would not fit in notes already nearly full is saved all the same, the answers with the meeting,
and the confirmation says in one sentence that they were not copied into the notes."""

from infoint import db, meetings, text
from tests import test_page_debrief_answers_limit as debrief_limits
from tests.test_page_debrief_answers_limit import LIMIT, OVER
from tests.test_page_meetings import meetings_page, run, submit

# Ana (Acme, id 1) replied and met the user yesterday (meeting 1); one question picked.
past_meeting = debrief_limits.past_meeting


def saved(path):
    conn = db.connect(path)
    try:
        sheet = meetings.prep_sheet(conn, 1)
        people = conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0]
    finally:
        conn.close()
    answers = [q.answer for q in sheet.questions]
    return sheet.meeting.status, answers, sheet.company_notes, sheet.person_notes, people


def test_prep_refuses_company_notes_too_long_and_keeps_them_in_the_box(past_meeting):
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    box = at.text_area(key="prep_company_1")
    assert box.proto.max_chars == 0  # a paste is taken whole; the domain says what fits
    box.set_value(OVER)
    at.text_area(key="prep_person_1").set_value("Moved from teaching into design.")
    before = saved(past_meeting)
    submit(at, "Save the prep sheet", errors=1)
    assert at.error[0].value == (
        "Notes on a company can be at most 20,000 characters; these have 20,001."
    )
    assert at.text_area(key="prep_company_1").value == OVER
    assert at.text_area(key="prep_person_1").value == "Moved from teaching into design."
    assert saved(past_meeting) == before  # not the person's notes either
    at.text_area(key="prep_company_1").set_value(OVER[:LIMIT])
    submit(at, "Save the prep sheet")
    assert saved(past_meeting)[2:4] == (OVER[:LIMIT], "Moved from teaching into design.")


def test_a_debrief_is_saved_when_the_company_notes_are_nearly_full(past_meeting):
    full = "r" * (LIMIT - 10)
    conn = db.connect(past_meeting)
    conn.execute("UPDATE companies SET research_notes = ? WHERE id = 1", [full])
    conn.close()
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    [answer] = [t for t in at.text_area if t.key.startswith("answer_")]
    answer.set_value("Mostly remote.")  # 14 characters: no room for them, nor for a pointer
    at.text_area(key="debrief_names_1").set_value("Bo Chen, Beta Labs")
    submit(at, "Save the debrief")
    submit(at, "Yes, add them and save")
    assert not at.error
    assert at.success[0].value.startswith(
        "Debrief saved. "
        + text.plain_markdown(
            "Acme's notes are full, so these answers stay with the meeting only "
            "(on its Debrief tab)."
        )
    )
    assert saved(past_meeting) == ("held", ["Mostly remote."], full, "", 2)
    assert at.session_state["meeting_tab"] == "Thank you"  # on to the next step, as ever
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    assert at.text_area(key=answer.key).value == "Mostly remote."  # there, with the meeting
