"""A debrief's answers in the company notes read in words: the meeting with whom and when, no
meeting id (a user knows none). The block is keyed by its meeting unseen (`answers_key`), so
a corrected debrief, or the demo's removal, still finds and replaces only its own block; and
the blocks written before, "(meeting 12)" in words, are found, replaced and taken out too."""

import re
from datetime import UTC, datetime

from infoint import contacts, db, demo, meetings, questions
from tests.test_demo import TODAY
from tests.test_meetings import ana, at  # noqa: F401 - fixtures

UNSEEN = re.compile("[\u2060\u200b\u200c]")


def notes_of(conn, meeting) -> str:
    return meetings.prep_sheet(conn, meeting).company_notes


def asked(conn, ana, notes="Old."):  # noqa: F811
    """Ana's meeting on 10 March with two questions, and the company notes `notes`."""
    bank = questions.list_questions(conn)
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, meeting, question_ids=[bank[0].id, bank[1].id], company_notes=notes)
    rows = [q.id for q in meetings.prep_sheet(conn, meeting).questions]
    return meeting, rows, (bank[0].text, bank[1].text)


def test_the_block_says_with_whom_and_when_and_names_no_meeting(conn, ana):  # noqa: F811
    meeting, rows, (q0, _) = asked(conn, ana)
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "Yes."})
    got = notes_of(conn, meeting)
    assert "meeting 1" not in got and "(meeting" not in got
    assert UNSEEN.sub("", got) == (
        f"Old.\n\nAnswers from the meeting with Ana Lee on 10 Mar 2026:\nQ: {q0}\nA: Yes.\n"
        "(End of these answers.)"
    )
    assert meetings.answered_meetings(got) == {meeting}


def old_block(meeting, q0, answer="Yes.") -> str:
    """A block as versions before this one wrote it."""
    return (
        f"Answers from the meeting with Ana Lee on 10 Mar 2026 (meeting {meeting}):\n"
        f"Q: {q0}\nA: {answer}\n(End of the answers from meeting {meeting}.)"
    )


def test_a_block_written_before_is_replaced_in_its_place(conn, ana):  # noqa: F811
    meeting, rows, (q0, q1) = asked(conn, ana)
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "Yes."})
    picked = [q.question_id for q in meetings.prep_sheet(conn, meeting).questions]
    meetings.save_prep(
        conn,
        meeting,
        question_ids=picked,
        company_notes=f"Old.\n\n{old_block(meeting, q0)}\n\nCall in May.",
    )
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "No.", rows[1]: "Two."})
    got = notes_of(conn, meeting)
    assert "(meeting" not in got and "A: Yes." not in got
    assert UNSEEN.sub("", got) == (
        f"Old.\n\nAnswers from the meeting with Ana Lee on 10 Mar 2026:\nQ: {q0}\nA: No.\n"
        f"Q: {q1}\nA: Two.\n(End of these answers.)\n\nCall in May."
    )
    # Every answer taken back: the block goes, the words around it stay.
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "", rows[1]: ""})
    assert notes_of(conn, meeting) == "Old.\n\nCall in May."


def test_a_block_written_before_goes_with_its_meeting(conn, ana):  # noqa: F811
    meeting, _, (q0, _) = asked(conn, ana)
    notes = f"Mine.\n\n{old_block(meeting, q0)}\n\nCall in May."
    assert meetings.answered_meetings(notes) == {meeting}
    assert meetings.without_answers(notes, meeting) == "Mine.\n\nCall in May."
    assert meetings.without_answers(notes, meeting + 1) == notes


def test_the_demo_takes_out_its_blocks_in_either_form(conn):
    demo.load_demo(conn, today=TODAY)
    meeting_id, company_id, name = conn.execute(
        "SELECT m.id, c.company_id, co.name FROM meetings m"
        " JOIN contacts c ON c.id = m.contact_id JOIN companies co ON co.id = c.company_id"
        " WHERE m.status = 'held' ORDER BY m.id LIMIT 1"
    ).fetchall()[0]
    ida = contacts.add_contact(conn, "Ida", "Berg", company=name)  # the user's, at that name
    own = meetings.schedule_meeting(conn, ida, datetime(2026, 5, 1, 9, tzinfo=UTC))
    question = conn.execute(
        "SELECT id FROM meeting_questions WHERE meeting_id = ? ORDER BY id LIMIT 1", [meeting_id]
    ).fetchall()[0][0]
    meetings.record_debrief(conn, meeting_id, "held", answers={question: "Mostly meetings."})
    written = meetings.prep_sheet(conn, meeting_id).company_notes
    # The same demo meeting's block once more, as versions before this one wrote it.
    before = (
        f"Answers from the meeting with Someone on 1 May 2026 (meeting {meeting_id}):\n"
        f"Q: Old?\nA: Old.\n(End of the answers from meeting {meeting_id}.)"
    )
    with db.transaction(conn):
        conn.execute(
            "UPDATE companies SET research_notes = ? WHERE id = ?",
            [f"{before}\n\nMine.\n\n{written}", company_id],
        )
    demo.remove_demo(conn)
    [(kept,)] = conn.execute(
        "SELECT research_notes FROM companies WHERE id = (SELECT company_id FROM contacts"
        " WHERE id = ?)",
        [ida],
    ).fetchall()
    assert kept == "Mine." and own
