"""A debrief copies its answers into the company's research notes, but only ever replaces or
takes out a block the app wrote there, word for word as it wrote it (the copy of the answers
on record, or the pointer to them): every line the user typed in those notes, around a copy
or inside one, is still there after any save (meetings._company_notes_with_answers)."""

import random

import pytest

from infoint import meetings
from tests import test_debrief_answers_limit as debrief_limits

LIMIT = 20_000  # contacts.NOTES_LIMIT, written out
POINTER = "Kept with the meeting on the Meetings page (Debrief tab): these notes were too full."


# Ana (Acme) met the user yesterday (meeting 1), two questions picked; not debriefed.
met = debrief_limits.met


def notes(conn) -> str:
    return conn.execute("SELECT research_notes FROM companies WHERE name = 'Acme'").fetchall()[0][0]


def set_notes(conn, value: str) -> None:
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'Acme'", [value])


def rows(conn, meeting) -> list[int]:
    return [q.id for q in meetings.prep_sheet(conn, meeting).questions]


def debrief(conn, meeting, answers: dict[int, str]) -> meetings.DebriefResult:
    return meetings.record_debrief(conn, meeting, "held", actual_minutes=20, answers=answers)


def test_notes_written_below_a_copy_cut_short_survive_two_saves(conn, met):
    first, _ = rows(conn, met)
    debrief(conn, met, {first: "Yes."})
    # The user drops the copy's end line and writes their own notes below it.
    cut = notes(conn).replace(f"\n(End of these answers.){meetings.answers_key(met)}", "")
    mine = "MY OWN NOTES: their CTO is hiring in spring."
    set_notes(conn, cut + "\n\n" + mine)

    said = debrief(conn, met, {first: "Second."}).notes_full
    assert said == (
        "Acme's notes hold a copy of this meeting's answers that you changed, so it is left as "
        "you wrote it and these answers are added at the end."
    )
    assert notes(conn).startswith(cut + "\n\n" + mine + "\n\nAnswers from the meeting with Ana")
    assert debrief(conn, met, {first: "Third."}).notes_full == ""
    got = notes(conn)
    assert got.startswith(cut + "\n\n" + mine + "\n\n")  # theirs, all of it, as they left it
    assert got.endswith(f"A: Third.\n(End of these answers.){meetings.answers_key(met)}")
    assert "A: Second." not in got  # the copy the app added is the one replaced
    assert got.count("Answers from the meeting with Ana Lee") == 2


def test_a_line_typed_inside_a_copy_survives_a_save_when_the_notes_are_full(conn, met):
    first, _ = rows(conn, met)
    debrief(conn, met, {first: "Yes."})
    mine = "MY OWN THOUGHT: ask Bo about the sensors team."
    edited = notes(conn).replace("A: Yes.", "A: Yes.\n" + mine)
    filler = "f" * (LIMIT - len(edited) - 2 - 50)  # room for 50 more characters, no more
    set_notes(conn, filler + "\n\n" + edited)

    result = debrief(conn, met, {first: "Long answer. " * 30})
    assert result.notes_full == (
        "Acme's notes are full, so these answers stay with the meeting only (on its Debrief tab)."
    )
    assert notes(conn) == filler + "\n\n" + edited  # left as the user wrote them
    assert meetings.prep_sheet(conn, met).questions[0].answer == ("Long answer. " * 30).strip()


def test_a_pointer_gives_way_to_the_answers_once_there_is_room(conn, met):
    first, _ = rows(conn, met)
    theirs = "r" * (LIMIT - 400)  # room for a pointer, not for these answers
    set_notes(conn, theirs)
    long_answer = ("They hire through their open-source community. " * 10).strip()
    assert debrief(conn, met, {first: long_answer}).notes_full.endswith("notes point to them.")
    assert POINTER in notes(conn)
    # The user makes room, then saves the debrief again, changing no answer.
    set_notes(conn, notes(conn).replace(theirs, "Mine."))
    assert debrief(conn, met, {first: long_answer}).notes_full == ""
    got = notes(conn)
    assert POINTER not in got
    assert got.startswith("Mine.\n\nAnswers from the meeting with Ana Lee")
    assert got.endswith(f"A: {long_answer}\n(End of these answers.){meetings.answers_key(met)}")


def test_a_pointer_the_user_wrote_in_is_not_replaced(conn, met):
    first, _ = rows(conn, met)
    set_notes(conn, "r" * (LIMIT - 400))
    long_answer = ("They hire through their open-source community. " * 10).strip()
    debrief(conn, met, {first: long_answer})
    edited = notes(conn).replace(POINTER, POINTER + "\nAsk again in May.").replace("r" * 500, "")
    set_notes(conn, edited)
    debrief(conn, met, {first: long_answer})  # no answer changed: nothing to add
    assert notes(conn) == edited


def test_the_copy_is_still_the_apps_after_the_person_is_renamed(conn, met):
    first, _ = rows(conn, met)
    debrief(conn, met, {first: "Yes."})
    set_notes(conn, "Mine.\n\n" + notes(conn) + "\n\nCall in May.")
    ana = meetings.get_meeting(conn, met).contact_id
    conn.execute("UPDATE contacts SET last_name = 'Lee-Park' WHERE id = ?", [ana])
    assert debrief(conn, met, {first: "No."}).notes_full == ""
    got = notes(conn)
    assert got.startswith("Mine.\n\nAnswers from the meeting with Ana Lee-Park")
    assert got.endswith(
        f"A: No.\n(End of these answers.){meetings.answers_key(met)}\n\nCall in May."
    )
    assert "A: Yes." not in got


def test_removing_a_meetings_answers_keeps_notes_below_a_copy_cut_short(conn, met):
    """`without_answers` (the demo's meetings going) takes out the block that ends at the end
    line, from the last header of that meeting before it, not from a copy cut short above."""
    first, _ = rows(conn, met)
    debrief(conn, met, {first: "Yes."})
    cut = notes(conn).replace(f"\n(End of these answers.){meetings.answers_key(met)}", "")
    mine = "MY OWN NOTES: their CTO is hiring in spring."
    set_notes(conn, cut + "\n\n" + mine)
    debrief(conn, met, {first: "Second."})
    assert meetings.without_answers(notes(conn), met) == cut + "\n\n" + mine


@pytest.mark.parametrize("seed", range(12))
def test_the_users_lines_survive_saves_whatever_they_did_to_the_notes(conn, met, seed):
    """Random edits around and inside the copies (lines typed anywhere, an end line or a
    header dropped, the notes grown near the limit), then saves: every line typed stays."""
    pick = random.Random(seed)
    asked = rows(conn, met)
    typed: list[str] = []
    for step in range(4):
        answers = {row: pick.choice(["", "Yes.", "Two teams.", "Long. " * 40]) for row in asked}
        debrief(conn, met, answers)
        lines = notes(conn).split("\n") if notes(conn) else []
        for _ in range(pick.randint(1, 3)):
            line = f"MINE {seed}-{step}-{len(typed)}: a thought of my own."
            typed.append(line)
            lines.insert(pick.randint(0, len(lines)), line)
        if pick.random() < 0.3:  # an end line or a header of the app's taken out
            ours = [i for i, line in enumerate(lines) if f"meeting {met}" in line]
            if ours:
                del lines[pick.choice(ours)]
        edited = "\n".join(lines)
        if pick.random() < 0.4:  # the notes grown to near the limit
            filler = "f" * max(0, LIMIT - len(edited) - pick.randint(2, 300))
            typed.append(filler)
            edited = filler + "\n" + edited
        set_notes(conn, edited)
        for _ in range(2):
            answers = {row: pick.choice(["", "No.", "Sensors.", "Long. " * 40]) for row in asked}
            debrief(conn, met, answers)
            got = notes(conn)
            assert all(line in got for line in typed)
            assert len(got) <= max(LIMIT, len(edited))
