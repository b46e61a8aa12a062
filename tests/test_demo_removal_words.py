"""The words before and after removing the demo. A walkthrough loaded the demo, typed in
"What do you want to learn from this conversation?" on Otto Blom's planned meeting and saved
the prep sheet, and Settings' question read: "This also deletes 1 reply you logged with Cai
Yilmaz, your notes on Otto Blom, and your debrief of the meeting with Bea Bouchard. … They will
be cold, not 2nd, as only demo people connect you to them." The prep is named as prep, one of a
kind reads 'a reply' (and 'one more', not '1 more'), and a degree is said as one ('2nd
degree'). Once the demo is gone, Settings speaks of loading it, not of removing it."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from infoint import cli, contacts, db, demo, interactions, meetings, questions, ui
from tests.test_cli_demo_remove_asks import Piped
from tests.test_cli_demo_remove_asks import run as run_cli
from tests.test_demo_removal_debrief import held, planned
from tests.test_demo_removal_yours import DELETES, KEPT_BESIDE, TODAY, demo_person
from tests.test_page_settings import button, open_page, run


@pytest.fixture
def conn(tmp_path):
    connection = db.connect(tmp_path / "demo.duckdb")
    demo.load_demo(connection, today=TODAY)
    yield connection
    connection.close()


def deletes(what: str) -> str:
    return f"{DELETES} This also deletes {what}. {KEPT_BESIDE}"


def prepare(conn, **notes) -> str:
    """The demo's planned meeting prepared (prep_notes, person_notes, question_ids); its
    person's name."""
    meeting, name = planned(conn)
    meetings.save_prep(conn, meeting, question_ids=notes.pop("question_ids", []), **notes)
    return name


def written_to(conn) -> tuple[int, str]:
    """A demo person the demo wrote to (so a reply answers something), and their name."""
    return conn.execute(
        "SELECT c.id, trim(c.first_name || ' ' || c.last_name) AS name FROM contacts c"
        " WHERE c.id IN (SELECT contact_id FROM interactions WHERE kind = 'outreach')"
        " ORDER BY lower(name), c.id LIMIT 1"
    ).fetchall()[0]


def walkthrough(conn) -> tuple[str, str, str]:
    """A reply logged with a demo person, the planned meeting prepared, a held one debriefed."""
    person, replied = written_to(conn)
    interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 5, 12))
    prepared = prepare(conn, prep_notes="How they hire people new to the field.")
    meeting, debriefed, minutes, notes = held(conn)
    meetings.record_debrief(
        conn, meeting, "held", actual_minutes=minutes + 5, notes=f"{notes}\nSend my CV."
    )
    return replied, prepared, debriefed


def test_the_walkthrough_names_the_prep_and_says_a_reply(conn):
    replied, prepared, debriefed = walkthrough(conn)
    went = (
        f"a reply you logged with {replied}, your prep for the meeting with {prepared}, and"
        f" your debrief of the meeting with {debriefed}"
    )
    assert demo.removal_warning(conn) == deletes(went)
    assert f"and with it {went}. " in demo.remove_demo(conn).sentence()


def test_a_question_picked_in_prep_is_prep_too(conn):
    [first, *_] = questions.list_questions(conn)
    name = prepare(conn, question_ids=[first.id])
    assert demo.removal_warning(conn) == deletes(f"your prep for the meeting with {name}")


def test_notes_on_the_persons_record_are_still_notes_on_them(conn):
    """Written in the prep sheet's "About …" box, they go to the person's record."""
    name = prepare(conn, person_notes="Ten years in logistics.")
    assert demo.removal_warning(conn) == deletes(f"your notes on {name}")
    prepare(conn, person_notes="Ten years in logistics.", prep_notes="How they started.")
    assert demo.removal_warning(conn) == deletes(
        f"your notes on {name}, and your prep for the meeting with them"
    )


def test_one_of_each_kind_reads_with_a_or_an_and_more_with_their_count(conn):
    person, name = demo_person(conn)
    for kind, day in (("outreach", 8), ("reply", 9), ("reply", 10), ("opportunity", 11)):
        interactions.log_interaction(conn, person, kind, occurred_at=date(2026, 5, day))
    assert demo.removal_warning(conn) == deletes(
        f"an outreach message, 2 replies and an opportunity you logged with {name}"
    )


def test_one_more_person_than_named_reads_one_more(conn):
    names = []
    for nth in range(4):
        person, name = demo_person(conn, nth)
        interactions.log_interaction(conn, person, "note", occurred_at=date(2026, 5, 12))
        names.append(name)
    assert demo.removal_warning(conn) == deletes(
        f"4 notes you logged with {names[0]}, {names[1]}, {names[2]} and one more"
    )


def test_cold_is_said_beside_2nd_degree(conn):
    person, _ = demo_person(conn)
    contacts.add_contact(conn, "Bo", "Chen", degree="2nd", mutual_contact_id=person)
    assert demo.removal_warning(conn).endswith(
        "Bo Chen stays too, without the demo person you named as the mutual contact. They will"
        " be cold, no longer 2nd degree, as only demo people connect you to them."
    )


def test_the_command_line_names_the_prep(tmp_path, capsys, monkeypatch):
    path = tmp_path / "cli.duckdb"
    conn = db.connect(path)
    demo.load_demo(conn, today=TODAY)
    name = prepare(conn, prep_notes="How they hire people new to the field.")
    conn.close()
    monkeypatch.setattr(sys, "stdin", Piped(""))
    code, out, err = run_cli(capsys, "--db", path, "demo", "--remove")
    assert (code, out) == (cli.EXIT_USER_ERROR, "")
    assert err.startswith(
        f"Removing the demo would also delete your prep for the meeting with {name}, so "
        "nothing was removed"
    )


def demo_intro(at) -> list[str]:
    """What the Demo data section says of the demo, under its heading."""
    return [m.value for m in at.markdown if m.value.startswith("Demo data is")]


def test_settings_names_the_prep_then_speaks_of_loading_once_it_is_gone(app_db):
    setup = db.connect(app_db)
    demo.load_demo(setup, today=TODAY)
    replied, prepared, debriefed = walkthrough(setup)
    setup.close()
    at = open_page()
    assert demo_intro(at) == [demo.ABOUT]
    button(at, "Remove demo data").click()
    run(at)
    assert (
        ui.plain(
            f"This also deletes a reply you logged with {replied}, your prep for the meeting with"
            f" {prepared}, and your debrief of the meeting with {debriefed}."
        )
        in at.warning[0].value
    )
    button(at, "Yes, remove demo data").click()
    run(at)
    assert not demo.has_demo(ui.connection())
    assert at.success[0].value.startswith(ui.plain("Removed the demo data ("))
    # Under the green "Removed …", the words are of loading it, above "Load demo data".
    assert demo_intro(at) == [demo.ABOUT_TO_LOAD]
    assert "Removing it" not in demo.ABOUT_TO_LOAD
    assert "Load demo data" in [b.label for b in at.button]
    assert "Remove demo data" not in [b.label for b in at.button]


def test_settings_before_the_demo_speaks_of_loading_it_and_after_of_removing(app_db):
    at = open_page()
    assert demo_intro(at) == [demo.ABOUT_TO_LOAD]
    button(at, "Load demo data").click()
    run(at)
    assert demo.has_demo(ui.connection())
    assert demo_intro(at) == [demo.ABOUT]
