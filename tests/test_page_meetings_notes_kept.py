"""The Debrief tab's confirmation says when a copy of the meeting's answers in the company's
notes was changed by the user and so left as they wrote it (meetings._company_notes_with_answers),
and the line they typed inside it is still there."""

from infoint import db, meetings, text
from tests.test_page_meetings import meetings_page, run, submit
from tests.test_page_meetings_company_notes_limit import past_meeting  # noqa: F401 - fixture


def company_notes(path) -> str:
    conn = db.connect(path)
    try:
        return meetings.prep_sheet(conn, 1).company_notes
    finally:
        conn.close()


def test_a_copy_the_user_wrote_in_is_left_and_the_confirmation_says_so(past_meeting):  # noqa: F811
    conn = db.connect(past_meeting)
    [question] = meetings.prep_sheet(conn, 1).questions
    meetings.record_debrief(conn, 1, "held", actual_minutes=20, answers={question.id: "Yes."})
    mine = "MY OWN THOUGHT: ask Bo about the sensors team."
    edited = meetings.prep_sheet(conn, 1).company_notes.replace("A: Yes.", f"A: Yes.\n{mine}")
    conn.execute("UPDATE companies SET research_notes = ? WHERE id = 1", [edited])
    conn.close()
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    [answer] = [t for t in at.text_area if t.key.startswith("answer_")]
    answer.set_value("No, mostly in the office.")
    submit(at, "Save the debrief")
    assert not at.error
    assert at.success[0].value.startswith(
        "Debrief saved. "
        + text.plain_markdown(
            "Acme's notes hold a copy of this meeting's answers that you changed, so it is left "
            "as you wrote it and these answers are added at the end."
        )
    )
    notes = company_notes(past_meeting)
    assert notes.startswith(edited + "\n\nAnswers from the meeting with Ana Lee")
    assert notes.endswith(
        f"A: No, mostly in the office.\n(End of these answers.){meetings.answers_key(1)}"
    )
