"""A company's notes have the notes' limit (contacts.NOTES_LIMIT, 20,000 characters) wherever
the Meetings page writes them: typed on the prep sheet (meetings.save_prep), too long is refused
in one sentence before anything is saved; notes already longer from before may be kept or
shortened, not made longer. A debrief's answers are copied into them too, but a debrief is never
refused for that: when the copy would not fit, the answers stay with the meeting (a short pointer
to it in the notes, if that fits), and the result says so in one sentence."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, meetings, questions
from infoint.errors import InvalidInputError
from infoint.referrals import ReferredPerson
from tests import test_debrief_answers_limit as debrief_limits

LIMIT = 20_000  # written out, so the tests fail on code without the limit


# Ana (Acme) met the user yesterday (meeting 1), two questions picked; not debriefed.
met = debrief_limits.met


def everything(conn):
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("meetings", "meeting_questions", "contacts", "companies", "interactions")
    ]


def company_notes(conn) -> str:
    return conn.execute("SELECT research_notes FROM companies WHERE name = 'Acme'").fetchall()[0][0]


def one_sentence(said: str) -> bool:
    return said.count(". ") == 0 and "\n" not in said


# --- typed on the prep sheet ----------------------------------------------------------------


def test_prep_refuses_company_notes_over_the_limit_and_saves_nothing(conn, met):
    before = everything(conn)
    extra = questions.list_questions(conn)[2].id
    with pytest.raises(InvalidInputError) as refused:
        meetings.save_prep(
            conn,
            met,
            question_ids=[extra],
            company_notes="n" * (LIMIT + 1),
            person_notes="Moved from teaching.",
            prep_notes="What changed?",
        )
    assert str(refused.value) == (
        "Notes on a company can be at most 20,000 characters; these have 20,001."
    )
    assert one_sentence(str(refused.value))
    assert everything(conn) == before  # not the questions, nor the person's or the prep notes


def test_prep_saves_company_notes_at_the_limit_spaces_around_not_counted(conn, met):
    meetings.save_prep(conn, met, question_ids=[], company_notes=" " + "n" * LIMIT + "\n")
    assert company_notes(conn) == "n" * LIMIT


def test_company_notes_longer_from_before_may_stay_or_shrink_not_grow(conn, met):
    old = "o" * 25_000  # written before there was a limit
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'Acme'", [old])
    meetings.save_prep(conn, met, question_ids=[], company_notes=old)
    meetings.save_prep(conn, met, question_ids=[], company_notes=old[:24_000])
    with pytest.raises(InvalidInputError) as refused:
        meetings.save_prep(conn, met, question_ids=[], company_notes=old[:24_000] + " more")
    assert "already 24,000 characters" in str(refused.value)
    assert company_notes(conn) == old[:24_000]


# --- added to by a debrief ------------------------------------------------------------------


POINTER = "Kept with the meeting on the Meetings page (Debrief tab): these notes were too full."


def test_a_debrief_is_saved_when_the_company_notes_are_nearly_full(conn, met):
    theirs = "r" * (LIMIT - 10)  # the user's research, nearly full
    picked = [q.question_id for q in meetings.prep_sheet(conn, met).questions]
    meetings.save_prep(conn, met, question_ids=picked, company_notes=theirs)
    first, second = meetings.prep_sheet(conn, met).questions
    answers = {first.id: "They hire through their open-source community.", second.id: "Sensors."}
    people = [ReferredPerson("Bo", "Chen", "Beta Labs")]
    meetings.check_debrief(conn, met, "held", actual_minutes=20, answers=answers, referred=people)
    result = meetings.record_debrief(
        conn, met, "held", actual_minutes=20, answers=answers, referred=people
    )
    assert result.notes_full == (
        "Acme's notes are full, so these answers stay with the meeting only (on its Debrief tab)."
    )
    assert one_sentence(result.notes_full)
    sheet = meetings.prep_sheet(conn, met)
    assert sheet.meeting.status == "held"  # the meeting happened, and says so
    assert sheet.meeting.actual_minutes == 20
    assert [q.answer for q in sheet.questions] == list(answers.values())  # nothing lost
    assert result.introductions.added  # Bo Chen, introduced
    assert company_notes(conn) == theirs  # the user's notes, as they were


def test_a_pointer_takes_the_answers_place_when_it_fits(conn, met):
    theirs = "r" * (LIMIT - 400)  # room for a pointer, not for these answers
    picked = [q.question_id for q in meetings.prep_sheet(conn, met).questions]
    meetings.save_prep(conn, met, question_ids=picked, company_notes=theirs)
    first, _ = meetings.prep_sheet(conn, met).questions
    long_answer = "They hire through their open-source community. " * 10
    result = meetings.record_debrief(
        conn, met, "held", actual_minutes=20, answers={first.id: long_answer}
    )
    assert result.notes_full == (
        "Acme's notes are full, so these answers stay with the meeting (on its Debrief tab), "
        "and the notes point to them."
    )
    notes = company_notes(conn)
    assert notes.startswith(theirs + "\n\nAnswers from the meeting with Ana Lee")
    assert POINTER in notes and "open-source" not in notes
    assert len(notes) <= LIMIT
    assert meetings.prep_sheet(conn, met).questions[0].answer == long_answer.strip()
    # with room made, a corrected debrief puts the answers where the pointer was
    meetings.save_prep(conn, met, question_ids=picked, company_notes=notes.replace(theirs, "Mine."))
    result = meetings.record_debrief(
        conn, met, "held", actual_minutes=20, answers={first.id: "Shorter now."}
    )
    assert result.notes_full == ""
    notes = company_notes(conn)
    assert notes.startswith("Mine.\n\nAnswers from the meeting with Ana Lee")
    assert "A: Shorter now." in notes and POINTER not in notes


def test_answers_that_no_longer_fit_take_their_old_copy_out_of_the_notes(conn, met):
    short = questions.add_question(conn, "Remote?", "trends", "company")
    meetings.save_prep(conn, met, question_ids=[short])
    [first] = meetings.prep_sheet(conn, met).questions
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: "Yes."})
    copied = company_notes(conn)  # a copy shorter than a pointer would be
    assert "Q: Remote?\nA: Yes." in copied
    assert len(copied) < len(meetings._answers_pointer(met, date.today(), "Ana Lee"))
    mine = "f" * (LIMIT - len(copied) - 2)  # then the user's notes grew around it, to the limit
    conn.execute(
        "UPDATE companies SET research_notes = ? WHERE name = 'Acme'", [mine + "\n\n" + copied]
    )
    longer = "Long. " * 20
    result = meetings.record_debrief(
        conn, met, "held", actual_minutes=20, answers={first.id: longer}
    )
    assert result.notes_full == (
        "Acme's notes are full, so these answers stay with the meeting only (on its Debrief tab)."
    )
    assert company_notes(conn) == mine  # no copy left there saying something else
    assert meetings.prep_sheet(conn, met).questions[0].answer == longer.strip()


def test_a_debrief_that_changes_no_answer_is_not_held_up_by_full_notes(conn, met):
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'Acme'", ["o" * 25_000])
    result = meetings.record_debrief(conn, met, "held", actual_minutes=25, notes="Went well.")
    assert meetings.get_meeting(conn, met).status == "held"
    assert company_notes(conn) == "o" * 25_000
    assert result.notes_full == ""


def test_notes_over_the_limit_from_before_are_not_made_longer_by_answers(conn, met):
    first, _ = meetings.prep_sheet(conn, met).questions
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: "Long. " * 9})
    old = "o" * 25_000 + "\n\n" + company_notes(conn)  # research grown before the limit
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'Acme'", [old])
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: "Short."})
    assert company_notes(conn).endswith(
        f"A: Short.\n(End of these answers.){meetings.answers_key(1)}"
    )
    meetings.check_debrief(conn, met, "held", actual_minutes=20, answers={first.id: "Long. " * 20})
    result = meetings.record_debrief(
        conn, met, "held", actual_minutes=20, answers={first.id: "Long. " * 20}
    )
    assert result.notes_full.startswith("Acme's notes are full")
    assert len(company_notes(conn)) <= len(old)
    assert meetings.prep_sheet(conn, met).questions[0].answer == ("Long. " * 20).strip()


def test_answers_for_someone_with_no_company_are_not_held_to_company_notes(conn):
    bo = contacts.add_contact(conn, "Bo", "Chen")
    meeting = meetings.schedule_meeting(conn, bo, datetime.now(UTC) - timedelta(days=1))
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    [question] = meetings.prep_sheet(conn, meeting).questions
    meetings.record_debrief(conn, meeting, "held", answers={question.id: "b" * LIMIT})
    assert meetings.prep_sheet(conn, meeting).questions[0].answer == "b" * LIMIT
