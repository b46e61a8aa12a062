"""A debrief's "mark as introduced" boxes keep what the user chose. Alan Turing (already in
the contacts) unticked and the debrief saved, then saved again to fix a typo in the notes:
his box started ticked again (0e5385c asks every box afresh on each save), so the second
save marked him as introduced by Katherine, whom the user had left as he was. A person
marked on the first save is not asked about, nor marked, twice."""

from datetime import UTC, datetime, timedelta

from infoint import contacts, db, meetings
from infoint.text import plain_markdown
from tests.test_page_debrief_known_people import NAMES, debrief, links, met_katherine  # noqa: F401
from tests.test_page_meetings import run, submit


def save_again_with_notes(at, notes: str):
    at.text_area(key="debrief_notes_1").set_value(notes)
    return submit(at, "Save the debrief")


def asked(at) -> str:
    [said] = [w.value for w in at.warning if "already in your contacts" in w.value]
    return said


def test_unticked_and_saved_stays_unticked_when_saved_again(met_katherine):  # noqa: F811
    at = debrief(NAMES)
    at.checkbox[0].uncheck()
    run(at)
    submit(at, "Yes, add them and save")
    assert links(met_katherine)[1] == ("Alan", "1st", None, None)
    save_again_with_notes(at, "Talked about codes.")  # the typo fixed
    [alan] = at.checkbox
    assert alan.value is False  # as the user left him
    assert asked(at) == plain_markdown(
        "Saving leaves 1 person already in your contacts as they are, unticked: tick them to "
        "mark as introduced by Katherine Johnson. Is this someone to talk to?"
        " If so, choose Yes; if not, choose No and take their line out."
    )
    run(at)  # and across reruns
    assert [box.value for box in at.checkbox] == [False]
    submit(at, "Yes, save the debrief")
    assert plain_markdown("left as it was, as you chose") in at.success[0].value
    assert links(met_katherine) == [
        ("Katherine", "1st", None, None),
        ("Alan", "1st", None, None),  # never marked
        ("Mary", "2nd", 1, 1),  # added once
    ]
    conn = db.connect(met_katherine)
    try:
        assert meetings.get_meeting(conn, 1).notes == "Talked about codes."
    finally:
        conn.close()


def test_unticked_then_the_form_saved_again_before_answering_keeps_it(met_katherine):  # noqa: F811
    at = debrief(NAMES)
    at.checkbox[0].uncheck()
    run(at)
    save_again_with_notes(at, "Talked about codes.")  # a new try, the question not answered
    assert [box.value for box in at.checkbox] == [False]
    assert asked(at) == plain_markdown(
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. It "
        "leaves 1 person already in your contacts as they are, unticked: tick them to mark as "
        "introduced by Katherine Johnson. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    at.checkbox[0].check()  # changing one's mind is kept too
    run(at)
    save_again_with_notes(at, "Talked about codes and maths.")
    assert [box.value for box in at.checkbox] == [True]
    submit(at, "Yes, add them and save")
    assert links(met_katherine)[1] == ("Alan", "1st", 1, None)


def test_marked_on_the_first_save_is_not_asked_about_nor_marked_twice(met_katherine):  # noqa: F811
    at = debrief(NAMES)
    submit(at, "Yes, add them and save")
    conn = db.connect(met_katherine)
    try:
        first = conn.execute("SELECT referred_at FROM contacts WHERE id = 2").fetchall()
    finally:
        conn.close()
    save_again_with_notes(at, "Talked about codes.")
    assert not at.checkbox  # nothing left to ask: saved straight away
    said = at.success[0].value
    assert "Debrief saved." in said and "now marked" not in said
    conn = db.connect(met_katherine)
    try:
        again = conn.execute("SELECT referred_at FROM contacts WHERE id = 2").fetchall()
        referrals = conn.execute(
            "SELECT count(*) FROM interactions WHERE contact_id = 2 AND kind = 'referral'"
        ).fetchone()
    finally:
        conn.close()
    assert again == first
    assert referrals == (0,)
    assert links(met_katherine) == [
        ("Katherine", "1st", None, None),
        ("Alan", "1st", 1, None),
        ("Mary", "2nd", 1, 1),
    ]


def test_the_question_says_who_is_marked_and_who_left(conn):
    """The words follow the boxes: with one of two unticked, both are said."""
    kay = contacts.add_contact(conn, "Kay", "Moss")
    contacts.add_contact(conn, "Ola", "Dee", degree="cold")
    contacts.add_contact(conn, "Ivo", "Dee", degree="cold")
    meeting = meetings.schedule_meeting(conn, kay, datetime.now(UTC) - timedelta(days=1))
    adding = meetings.new_contacts(conn, meeting, meetings.read_names("Ola Dee\nIvo Dee").people)
    ola, ivo = adding.existing
    assert adding.asked({ola: True, ivo: False}) == (
        "Saving marks 1 person already in your contacts as introduced by Kay Moss and leaves "
        "the 1 you unticked as they are: tick or untick anyone to change that. Are these people "
        "to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    assert adding.asked({ola: False, ivo: False}) == (
        "Saving leaves 2 people already in your contacts as they are, unticked: tick anyone you "
        "want to mark as introduced by Kay Moss. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    assert adding.question == (
        "Saving marks 2 people already in your contacts as introduced by Kay Moss: untick "
        "anyone you want to leave as they are. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )


def test_a_placeholder_employer_is_left_out_of_a_known_persons_box(conn):
    """Every list of people shows 'N/A' as no company (ab3ebfc): the debrief's box too."""
    kay = contacts.add_contact(conn, "Kay", "Moss")
    contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst", degree="cold")
    meeting = meetings.schedule_meeting(conn, kay, datetime.now(UTC) - timedelta(days=1))
    adding = meetings.new_contacts(conn, meeting, meetings.read_names("Sam Ng").people)
    [sam] = adding.existing
    assert sam.label.startswith("Sam Ng — Analyst, already in your contacts")
