"""A company's notes have the notes' limit (contacts.NOTES_LIMIT, 20,000 characters) wherever
the Meetings page writes them: typed on the prep sheet (meetings.save_prep), and added to by a
debrief's answers. Too long is refused in one sentence before anything is saved; notes already
longer from before may be kept or shortened, not made longer."""

from datetime import UTC, datetime, timedelta

import pytest

from infoint import contacts, meetings, questions
from infoint.errors import InvalidInputError
from infoint.referrals import ReferredPerson

LIMIT = 20_000  # written out, so the tests fail on code without the limit


@pytest.fixture
def met(conn):
    """Ana (Acme) met the user yesterday (meeting 1), two questions picked; not debriefed."""
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, ana, start)
    bank = questions.list_questions(conn)
    meetings.save_prep(conn, meeting, question_ids=[bank[0].id, bank[1].id])
    return meeting


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


def test_answers_that_would_overfill_the_company_notes_are_refused_before_anything_is_saved(
    conn, met
):
    theirs = "r" * (LIMIT - 100)  # the user's research, nearly full
    picked = [q.question_id for q in meetings.prep_sheet(conn, met).questions]
    meetings.save_prep(conn, met, question_ids=picked, company_notes=theirs)
    first, second = meetings.prep_sheet(conn, met).questions
    before = everything(conn)
    answers = {first.id: "They hire through their open-source community.", second.id: "Sensors."}
    people = [ReferredPerson("Bo", "Chen", "Beta Labs")]
    for check in (meetings.check_debrief, meetings.record_debrief):
        with pytest.raises(InvalidInputError) as refused:
            check(conn, met, "held", actual_minutes=20, answers=answers, referred=people)
        said = str(refused.value)
        assert said.startswith("The notes on Acme are full")
        assert "20,000" in said
        assert "Prepare" in said and "save again" in said  # what to do
        assert one_sentence(said)
        assert everything(conn) == before  # no answer, no outcome, no Bo Chen
    # once the notes are shortened, the same debrief goes through, every word kept
    meetings.save_prep(conn, met, question_ids=picked, company_notes=theirs[:15_000])
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers=answers, referred=people)
    notes = company_notes(conn)
    assert notes.startswith(theirs[:15_000] + "\n\nAnswers from the meeting with Ana Lee")
    assert "A: They hire through their open-source community." in notes
    assert [q.answer for q in meetings.prep_sheet(conn, met).questions] == [
        "They hire through their open-source community.",
        "Sensors.",
    ]


def test_a_debrief_that_changes_no_answer_is_not_held_up_by_full_notes(conn, met):
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'Acme'", ["o" * 25_000])
    meetings.record_debrief(conn, met, "held", actual_minutes=25, notes="Went well.")
    assert meetings.get_meeting(conn, met).status == "held"
    assert company_notes(conn) == "o" * 25_000


def test_notes_over_the_limit_from_before_take_a_corrected_answer_no_longer(conn, met):
    first, _ = meetings.prep_sheet(conn, met).questions
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: "Long. " * 9})
    old = "o" * 25_000 + "\n\n" + company_notes(conn)  # research grown before the limit
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'Acme'", [old])
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: "Short."})
    assert company_notes(conn).endswith("A: Short.\n(End of the answers from meeting 1.)")
    with pytest.raises(InvalidInputError, match="The notes on Acme are full"):
        meetings.check_debrief(
            conn, met, "held", actual_minutes=20, answers={first.id: "Long. " * 20}
        )
    assert company_notes(conn).endswith("A: Short.\n(End of the answers from meeting 1.)")


def test_answers_for_someone_with_no_company_are_not_held_to_company_notes(conn):
    bo = contacts.add_contact(conn, "Bo", "Chen")
    meeting = meetings.schedule_meeting(conn, bo, datetime.now(UTC) - timedelta(days=1))
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    [question] = meetings.prep_sheet(conn, meeting).questions
    meetings.record_debrief(conn, meeting, "held", answers={question.id: "b" * LIMIT})
    assert meetings.prep_sheet(conn, meeting).questions[0].answer == "b" * LIMIT
