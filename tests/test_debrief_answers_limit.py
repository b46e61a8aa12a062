"""A debrief's answers have the notes' limit (contacts.NOTES_LIMIT): one longer is refused by
meetings.check_debrief (so before anyone is asked about) and by record_debrief, in one sentence,
the data unchanged; an answer already longer may be kept as it is, or shortened."""

from datetime import UTC, datetime, timedelta

import pytest

from infoint import contacts, meetings, questions
from infoint.errors import InvalidInputError
from infoint.referrals import ReferredPerson

LIMIT = 20_000  # written out, so the tests fail on code without the limit
OVER = "a" * (LIMIT + 1)


@pytest.fixture
def met(conn):
    """Ana (Acme) met the user yesterday (meeting 1), with two questions picked; not
    debriefed. An answer at the limit does not fit in Acme's notes with its question: it is
    kept with the meeting alone (tests/test_meetings_company_notes_limit.py)."""
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, ana, start)
    bank = questions.list_questions(conn)
    meetings.save_prep(conn, meeting, question_ids=[bank[0].id, bank[1].id])
    return meeting


def everything(conn):
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("meetings", "meeting_questions", "contacts", "companies")
    ]


def test_an_answer_over_the_limit_is_refused_in_one_sentence_and_nothing_is_saved(conn, met):
    first, second = meetings.prep_sheet(conn, met).questions
    before = everything(conn)
    answers = {first.id: "Short.", second.id: OVER}
    people = [ReferredPerson("Bo", "Chen", "Beta Labs")]
    for check in (meetings.check_debrief, meetings.record_debrief):
        with pytest.raises(InvalidInputError) as refused:
            check(conn, met, "held", actual_minutes=20, answers=answers, referred=people)
        said = str(refused.value)
        assert said.startswith("An answer can be at most 20,000 characters")
        assert "20,001" in said
        assert second.text[:20] in said  # which answer it is
        assert said.count(".") <= 2 and "\n" not in said  # one sentence ('…' aside)
        assert everything(conn) == before


def test_an_answer_at_the_limit_is_saved(conn, met):
    first, _ = meetings.prep_sheet(conn, met).questions
    at_limit = "b" * LIMIT
    meetings.check_debrief(conn, met, "held", actual_minutes=20, answers={first.id: at_limit})
    result = meetings.record_debrief(
        conn, met, "held", actual_minutes=20, answers={first.id: at_limit}
    )
    assert meetings.prep_sheet(conn, met).questions[0].answer == at_limit
    assert result.notes_full.startswith("Acme's notes are full")  # said, not refused


def test_spaces_around_an_answer_are_not_counted(conn, met):
    first, _ = meetings.prep_sheet(conn, met).questions
    padded = "  " + "c" * LIMIT + "\n\n"
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: padded})
    assert len(meetings.prep_sheet(conn, met).questions[0].answer) == LIMIT


def test_an_old_answer_over_the_limit_may_stay_or_shrink_but_not_grow(conn, met):
    first, _ = meetings.prep_sheet(conn, met).questions
    old = "d" * 30_000  # written before there was a limit
    conn.execute("UPDATE meeting_questions SET answer = ? WHERE id = ?", [old, first.id])
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: old})
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={first.id: old[:25_000]})
    with pytest.raises(InvalidInputError, match="An answer can be at most 20,000"):
        meetings.check_debrief(
            conn, met, "held", actual_minutes=20, answers={first.id: old[:25_000] + "more"}
        )
    assert meetings.prep_sheet(conn, met).questions[0].answer == old[:25_000]


def test_a_long_question_is_quoted_short_in_the_refusal(conn):
    ana = contacts.add_contact(conn, "Ana", "Lee")
    meeting = meetings.schedule_meeting(conn, ana, datetime.now(UTC) - timedelta(days=1))
    asked = questions.add_question(conn, "What " + "really " * 30 + "happens?", "trends", "company")
    meetings.save_prep(conn, meeting, question_ids=[asked])
    [question] = meetings.prep_sheet(conn, meeting).questions
    with pytest.raises(InvalidInputError) as refused:
        meetings.check_debrief(conn, meeting, "held", answers={question.id: OVER})
    said = str(refused.value)
    assert "“What really really" in said
    assert "…”" in said
    assert len(said) < 200
