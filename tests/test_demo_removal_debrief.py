"""Removing the demo names the user's debrief of a demo meeting, which goes with it. A
walkthrough saved a debrief on a held demo meeting (its minutes changed) and Settings' "Remove
demo data" question named only what was logged with demo people, though the debrief went too.
Nothing records who last changed a meeting: a demo meeting is the user's debrief once it no
longer reads as the demo loads it (outcome, actual minutes, notes, answers)."""

from __future__ import annotations

import sys

import pytest

from infoint import cli, db, demo, meetings, ui
from tests.test_cli_demo_remove_asks import Piped
from tests.test_cli_demo_remove_asks import run as run_cli
from tests.test_demo_removal_yours import DELETES, KEPT, KEPT_BESIDE, TODAY
from tests.test_page_settings import button, open_page, run


@pytest.fixture
def conn(tmp_path):
    connection = db.connect(tmp_path / "demo.duckdb")
    demo.load_demo(connection, today=TODAY)
    yield connection
    connection.close()


def held(conn, nth: int = 0) -> tuple[int, str, int, str]:
    """The demo's nth held meeting (by its person's name): id, person, minutes, notes."""
    return conn.execute(
        "SELECT m.id, trim(c.first_name || ' ' || c.last_name) AS name, m.actual_minutes,"
        " m.notes FROM meetings m JOIN contacts c ON c.id = m.contact_id"
        " WHERE m.status = 'held' ORDER BY lower(name), m.id LIMIT 1 OFFSET ?",
        [nth],
    ).fetchall()[0]


def planned(conn) -> tuple[int, str]:
    return conn.execute(
        "SELECT m.id, trim(c.first_name || ' ' || c.last_name) FROM meetings m"
        " JOIN contacts c ON c.id = m.contact_id WHERE m.status = 'scheduled'"
    ).fetchall()[0]


def deletes(what: str) -> str:
    return f"{DELETES} This also deletes {what}. {KEPT_BESIDE}"


def test_a_debrief_that_changed_only_the_minutes_is_named(conn):
    meeting, name, minutes, notes = held(conn)
    meetings.record_debrief(conn, meeting, "held", actual_minutes=minutes + 10, notes=notes)
    assert demo.removal_warning(conn) == deletes(f"your debrief of the meeting with {name}")
    removed = demo.remove_demo(conn)
    assert f"and with it your debrief of the meeting with {name}. " in removed.sentence()


def test_minutes_and_a_note_added_as_in_the_walkthrough(conn):
    meeting, name, minutes, notes = held(conn)
    meetings.record_debrief(
        conn, meeting, "held", actual_minutes=minutes + 5, notes=f"{notes}\nSend her my CV."
    )
    assert demo.removal_warning(conn) == deletes(f"your debrief of the meeting with {name}")


@pytest.mark.parametrize("outcome", ["no_show", "cancelled"])
def test_an_outcome_changed_is_named(conn, outcome):
    meeting, name, _, _ = held(conn)
    meetings.set_outcome(conn, meeting, outcome)
    assert demo.removal_warning(conn) == deletes(f"your debrief of the meeting with {name}")


def test_the_planned_demo_meeting_cancelled_is_named(conn):
    meeting, name = planned(conn)
    meetings.set_outcome(conn, meeting, "cancelled")
    assert demo.removal_warning(conn) == deletes(f"your debrief of the meeting with {name}")


def test_notes_cleared_are_named(conn):
    """A held demo meeting's notes emptied: the demo loads no held meeting without notes."""
    meeting, name, minutes, _ = held(conn)
    meetings.record_debrief(conn, meeting, "held", actual_minutes=minutes, notes="")
    assert demo.removal_warning(conn) == deletes(f"your debrief of the meeting with {name}")


def test_two_debriefs_and_notes_in_prep(conn):
    (first, first_name, minutes, notes), (second, second_name, *_) = held(conn), held(conn, 1)
    meetings.record_debrief(conn, first, "held", actual_minutes=minutes + 1, notes=notes)
    meetings.set_outcome(conn, second, "no_show")
    meeting, name = planned(conn)
    meetings.save_prep(conn, meeting, question_ids=[], prep_notes="Ask about the team.")
    assert demo.removal_warning(conn) == deletes(
        f"your prep for the meeting with {name}, and your debriefs of the meetings with "
        f"{first_name} and {second_name}"
    )


def test_a_debrief_saved_as_it_was_is_not_called_yours(conn):
    for nth in range(3):
        meeting, _, minutes, notes = held(conn, nth)
        meetings.record_debrief(conn, meeting, "held", actual_minutes=minutes, notes=notes)
    assert demo.removal_warning(conn) == f"{DELETES} {KEPT}"


def test_the_command_line_asks_about_a_debrief(tmp_path, capsys, monkeypatch):
    path = tmp_path / "cli.duckdb"
    conn = db.connect(path)
    demo.load_demo(conn, today=TODAY)
    meeting, name, minutes, notes = held(conn)
    meetings.record_debrief(conn, meeting, "held", actual_minutes=minutes + 10, notes=notes)
    conn.close()
    monkeypatch.setattr(sys, "stdin", Piped(""))
    code, out, err = run_cli(capsys, "--db", path, "demo", "--remove")
    assert (code, out) == (cli.EXIT_USER_ERROR, "")
    assert err.startswith(
        f"Removing the demo would also delete your debrief of the meeting with {name}, so "
        "nothing was removed"
    )
    conn = db.connect(path)
    assert demo.has_demo(conn)
    conn.close()


def test_settings_asks_about_the_debrief(app_db):
    setup = db.connect(app_db)
    demo.load_demo(setup, today=TODAY)
    meeting, name, minutes, notes = held(setup)
    meetings.record_debrief(setup, meeting, "held", actual_minutes=minutes + 10, notes=notes)
    setup.close()
    at = open_page()
    button(at, "Remove demo data").click()
    run(at)
    assert ui.plain(f"This also deletes your debrief of the meeting with {name}.") in (
        at.warning[0].value
    )
