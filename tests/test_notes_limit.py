"""Notes on a person and on a meeting have a length limit (contacts.NOTES_LIMIT); notes
already longer (written before the limit, or joined by a merge) stay readable, and can be
saved unchanged or shortened, but not made longer."""

import re
from datetime import UTC, datetime

import pytest

from infoint import contacts, meetings, questions
from infoint.errors import InvalidInputError

LIMIT = 20_000  # written out, so each test fails on code without the limit
AT_LIMIT = "n" * LIMIT
OVER = "o" * (LIMIT + 1)
OLD = "word " * 6_000  # 30,000 characters, written before there was a limit


KEPT_LINES = (
    " That count includes the lines from the names box that name no one, which are kept with "
    "the notes: shorten the notes or those lines."
)


def refused(subject: str, length: int, counted: str = ""):
    sentence = f"{subject} can be at most 20,000 characters; these have {length:,}.{counted}"
    return refused_with(sentence)


def refused_with(sentence: str):
    return pytest.raises(InvalidInputError, match=f"^{re.escape(sentence)}$")


def grown(subject: str, before: int, length: int, counted: str = ""):
    """Notes already over the limit made longer: what may be done, not a cut to the limit."""
    return refused_with(
        f"These {subject} were already {before:,} characters, over the 20,000 limit: they can "
        f"be kept or shortened, not made longer (these have {length:,}).{counted}"
    )


@pytest.fixture
def ann(conn):
    return contacts.add_contact(conn, "Ann", "Lee", company="Acme")


@pytest.fixture
def met(conn, ann):
    """A meeting with Ann that has taken place."""
    return meetings.schedule_meeting(conn, ann, datetime(2026, 3, 2, 9, tzinfo=UTC))


def notes_of(conn, contact_id: int) -> str:
    return conn.execute("SELECT notes FROM contacts WHERE id = ?", [contact_id]).fetchall()[0][0]


def edit(conn, contact_id: int, notes: str) -> None:
    contacts.update_contact(
        conn,
        contact_id,
        email="",
        degree="1st",
        mutual_contact_id=None,
        referred_by=None,
        notes=notes,
        tags="",
    )


def test_the_limit_is_twenty_thousand_characters():
    assert contacts.NOTES_LIMIT == LIMIT


def test_adding_a_person_with_notes_over_the_limit_is_refused(conn):
    with refused("Notes on a person", 20_001):
        contacts.add_contact(conn, "Bo", "Chen", notes=OVER)
    assert conn.execute("SELECT count(*) FROM contacts").fetchall() == [(0,)]
    bo = contacts.add_contact(conn, "Bo", "Chen", notes=AT_LIMIT)
    assert notes_of(conn, bo) == AT_LIMIT


def test_editing_a_persons_notes_past_the_limit_is_refused(conn, ann):
    edit(conn, ann, "Met at the meetup.")
    with refused("Notes on a person", 20_001):
        edit(conn, ann, OVER)
    assert notes_of(conn, ann) == "Met at the meetup."
    edit(conn, ann, AT_LIMIT)
    assert notes_of(conn, ann) == AT_LIMIT


def test_old_notes_over_the_limit_can_be_saved_unchanged_or_shortened(conn, ann):
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [OLD, ann])
    edit(conn, ann, OLD)  # e.g. only the tags changed
    assert notes_of(conn, ann) == OLD
    edit(conn, ann, OLD[:-5])
    with grown("notes on a person", 29_995, 30_000):
        edit(conn, ann, OLD[:-5] + "more!")
    assert notes_of(conn, ann) == OLD[:-5]


def test_merging_two_long_noted_people_keeps_both_notes_and_they_stay_editable(conn, ann):
    first, second = "a" * 15_000, "b" * 15_000
    edit(conn, ann, first)
    twin = contacts.add_contact(conn, "Ann", "Lee", notes=second)
    contacts.merge_contacts(conn, ann, twin)
    joined = f"{first}\n\n{second}"
    assert notes_of(conn, ann) == joined  # 30,002 characters, past the limit: nothing lost
    edit(conn, ann, joined)
    meeting = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 2, 9, tzinfo=UTC))
    meetings.save_prep(conn, meeting, question_ids=[], person_notes=joined)
    with grown("notes on a person", 30_002, 30_003):
        edit(conn, ann, joined + "!")
    assert notes_of(conn, ann) == joined


def test_scheduling_with_preparation_notes_over_the_limit_is_refused(conn, ann):
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with refused("Notes on what you want to learn", 20_001):
        meetings.schedule_meeting(conn, ann, start, prep_notes=OVER)
    assert meetings.list_meetings(conn, ann) == []
    meeting = meetings.schedule_meeting(conn, ann, start, prep_notes=AT_LIMIT)
    assert meetings.get_meeting(conn, meeting).prep_notes == AT_LIMIT


def test_the_prep_sheet_refuses_notes_over_the_limit_and_saves_nothing(conn, ann, met):
    question = questions.list_questions(conn)[0].id
    with refused("Notes on a person", 20_001):
        meetings.save_prep(conn, met, question_ids=[question], person_notes=OVER)
    with refused("Notes on what you want to learn", 20_001):
        meetings.save_prep(conn, met, question_ids=[question], prep_notes=OVER)
    sheet = meetings.prep_sheet(conn, met)
    assert (sheet.person_notes, sheet.meeting.prep_notes, sheet.questions) == ("", "", ())
    meetings.save_prep(
        conn, met, question_ids=[question], person_notes=AT_LIMIT, prep_notes=AT_LIMIT
    )
    sheet = meetings.prep_sheet(conn, met)
    assert (sheet.person_notes, sheet.meeting.prep_notes) == (AT_LIMIT, AT_LIMIT)


def test_old_preparation_notes_over_the_limit_can_be_saved_unchanged(conn, ann, met):
    conn.execute("UPDATE meetings SET prep_notes = ? WHERE id = ?", [OLD, met])
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [OLD, ann])
    meetings.save_prep(conn, met, question_ids=[], person_notes=OLD, prep_notes=OLD)
    with grown("notes on what you want to learn", 29_999, 30_001):
        meetings.save_prep(conn, met, question_ids=[], prep_notes=OLD.strip() + "!?")
    sheet = meetings.prep_sheet(conn, met)
    assert (sheet.person_notes, sheet.meeting.prep_notes) == (OLD.strip(), OLD.strip())


def test_a_debrief_with_notes_over_the_limit_is_refused_and_saves_nothing(conn, met):
    with refused("Notes on a meeting", 20_001):
        meetings.record_debrief(conn, met, "held", actual_minutes=20, notes=OVER)
    with refused("Notes on a meeting", 20_001):
        meetings.set_outcome(conn, met, "held", actual_minutes=20, notes=OVER)
    meeting = meetings.get_meeting(conn, met)
    assert (meeting.status, meeting.actual_minutes, meeting.notes) == ("scheduled", None, "")
    meetings.record_debrief(conn, met, "held", actual_minutes=25, notes=AT_LIMIT)
    meeting = meetings.get_meeting(conn, met)
    assert (meeting.status, meeting.actual_minutes, meeting.notes) == ("held", 25, AT_LIMIT)


def test_lines_kept_from_the_names_box_count_toward_the_limit(conn, met):
    """The debrief keeps the lines of the names box that name no one in the meeting's notes:
    typed notes at the limit with such lines would be stored past it."""
    read = meetings.read_names("ask about the team")
    assert read.not_people and not read.people
    stored = len(meetings.notes_with(AT_LIMIT, read.not_people))
    assert stored > LIMIT
    with refused("Notes on a meeting", stored, KEPT_LINES):
        meetings.record_debrief(
            conn, met, "held", actual_minutes=20, notes=AT_LIMIT, not_people=read.not_people
        )
    assert meetings.get_meeting(conn, met).notes == ""


def test_old_meeting_notes_over_the_limit_can_be_saved_unchanged(conn, met):
    conn.execute("UPDATE meetings SET notes = ? WHERE id = ?", [OLD.strip(), met])
    meetings.record_debrief(conn, met, "held", actual_minutes=30, notes=OLD)
    meetings.set_outcome(conn, met, "held", actual_minutes=30, notes=OLD.strip())
    with grown("notes on a meeting", 29_999, 30_000):
        meetings.record_debrief(conn, met, "held", actual_minutes=30, notes=OLD.strip() + "!")
    meeting = meetings.get_meeting(conn, met)
    assert (meeting.status, meeting.actual_minutes, meeting.notes) == ("held", 30, OLD.strip())


def test_the_debrief_notes_can_be_checked_before_anything_is_asked(conn, met):
    """The page checks the length, kept lines counted, before asking to add new people."""
    read = meetings.read_names("ask about the team")
    stored = len(meetings.notes_with(AT_LIMIT, read.not_people))
    with refused("Notes on a meeting", stored, KEPT_LINES):
        meetings.check_debrief(conn, met, "held", notes=AT_LIMIT, not_people=read.not_people)
    with refused("Notes on a meeting", 20_001):
        meetings.check_debrief(conn, met, "held", notes=OVER)
    meetings.check_debrief(conn, met, "held", notes=AT_LIMIT)
    meetings.check_debrief(conn, met, "held", notes="Short.", not_people=read.not_people)
    assert meetings.get_meeting(conn, met).notes == ""


def test_old_meeting_notes_grown_by_kept_lines_say_both(conn, met):
    conn.execute("UPDATE meetings SET notes = ? WHERE id = ?", [OLD.strip(), met])
    read = meetings.read_names("ask about the team")
    stored = len(meetings.notes_with(OLD, read.not_people))
    with grown("notes on a meeting", 29_999, stored, KEPT_LINES):
        meetings.check_debrief(conn, met, "held", notes=OLD, not_people=read.not_people)
    with grown("notes on a meeting", 29_999, stored, KEPT_LINES):
        meetings.record_debrief(
            conn, met, "held", actual_minutes=30, notes=OLD, not_people=read.not_people
        )
    assert meetings.get_meeting(conn, met).notes == OLD.strip()
