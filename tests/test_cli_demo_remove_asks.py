"""`infoint demo --remove` asks before it deletes what the user logged with a demo person, as
Settings does, and `--yes` skips the question. A walkthrough found it deleted an outreach, a
reply and a meeting logged with demo people without a word, under help that said "remove the
demo data, leaving yours as it is"."""

from __future__ import annotations

import io
import sys
from datetime import UTC, date, datetime

import pytest

from infoint import cli, db, demo, interactions, meetings

TODAY = date(2026, 5, 13)
NOTHING_REMOVED = "Nothing was removed; the demo data and your own are as they were."


class Terminal(io.StringIO):
    """Standard input as a terminal where the user types `answer`."""

    def isatty(self) -> bool:
        return True


class Piped(io.StringIO):
    def isatty(self) -> bool:
        return False


def run(capsys, *argv):
    code = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def with_demo(db_path):
    conn = db.connect(db_path)
    demo.load_demo(conn, today=TODAY)
    conn.close()
    return db_path


def demo_person(db_path) -> tuple[int, str]:
    conn = db.connect(db_path)
    try:
        return conn.execute(
            "SELECT id, trim(first_name || ' ' || last_name) AS name FROM contacts"
            " WHERE source = 'demo' AND id NOT IN (SELECT contact_id FROM meetings)"
            " ORDER BY lower(name), id LIMIT 1"
        ).fetchall()[0]
    finally:
        conn.close()


@pytest.fixture
def logged(with_demo):
    """The user wrote to a demo person, heard back and set up a meeting; returns the name."""
    person, name = demo_person(with_demo)
    conn = db.connect(with_demo)
    interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 5, 11))
    interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 5, 12))
    meetings.schedule_meeting(conn, person, datetime(2026, 5, 20, 9, tzinfo=UTC))
    conn.close()
    return name


def state(db_path) -> tuple[bool, int, int]:
    """Whether the demo is there, and the interactions and meetings in the database."""
    conn = db.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT (SELECT count(*) FROM interactions), (SELECT count(*) FROM meetings)"
        ).fetchall()[0]
        return (demo.has_demo(conn), *rows)
    finally:
        conn.close()


def test_without_a_terminal_it_refuses_in_one_sentence_naming_what_would_go(
    capsys, monkeypatch, with_demo, logged
):
    monkeypatch.setattr(sys, "stdin", Piped(""))
    before = state(with_demo)
    code, out, err = run(capsys, "--db", with_demo, "demo", "--remove")
    assert (code, out) == (2, "")
    assert err == (
        f"Removing the demo would also delete an outreach message, a reply and a meeting you "
        f"logged with {logged}, so nothing was removed: to remove it all the same, run the "
        "same command with --yes.\n"
    )
    assert state(with_demo) == before


def test_at_a_terminal_it_asks_with_what_settings_says_and_no_keeps_it_all(
    capsys, monkeypatch, with_demo, logged
):
    conn = db.connect(with_demo)
    warning = demo.removal_warning(conn)
    conn.close()
    assert (
        f"This also deletes an outreach message, a reply and a meeting you logged with {logged}."
        in warning
    )
    before = state(with_demo)
    for answer in ("n\n", "\n", ""):  # no, just Enter, end of input
        monkeypatch.setattr(sys, "stdin", Terminal(answer))
        code, out, err = run(capsys, "--db", with_demo, "demo", "--remove")
        assert (code, out) == (0, f"{NOTHING_REMOVED}\n")
        assert err == f"{warning}\nRemove the demo data? [y/N] "
        assert state(with_demo) == before
    assert db.backup_files(with_demo) == []  # nothing removed, nothing backed up


def test_at_a_terminal_yes_removes_it_and_says_what_went(capsys, monkeypatch, with_demo, logged):
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    code, out, err = run(capsys, "--db", with_demo, "demo", "--remove")
    assert code == 0
    assert err.endswith("Remove the demo data? [y/N] ")
    assert out.startswith("Removed the demo data (")
    assert (
        f"and with it an outreach message, a reply and a meeting you logged with {logged}." in out
    )
    assert state(with_demo) == (False, 0, 0)


def test_yes_removes_without_asking(capsys, monkeypatch, with_demo, logged):
    monkeypatch.setattr(sys, "stdin", Piped(""))
    code, out, err = run(capsys, "--db", with_demo, "demo", "--remove", "--yes")
    assert (code, err) == (0, "")
    assert (
        f"and with it an outreach message, a reply and a meeting you logged with {logged}." in out
    )
    assert state(with_demo) == (False, 0, 0)
    # backed up first, as a restore and an import are, and said where
    [taken] = db.backup_files(with_demo)
    assert taken.reason == "demo"
    assert out.endswith(f"\nYour data as it was before is backed up in {taken.path}.\n")


def test_with_nothing_of_the_users_it_removes_without_asking(capsys, monkeypatch, with_demo):
    monkeypatch.setattr(sys, "stdin", Piped(""))
    code, out, err = run(capsys, "--db", with_demo, "demo", "--remove")
    assert (code, err) == (0, "")
    assert out.startswith("Removed the demo data (")
    assert state(with_demo) == (False, 0, 0)


def test_the_help_no_longer_promises_to_leave_what_you_logged(capsys):
    with pytest.raises(SystemExit):
        cli.main(["demo", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "leaving yours as it is" not in help_text
    assert "what you logged with demo people (asked first)" in help_text
    assert "--yes" in help_text
