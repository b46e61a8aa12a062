"""Issue 7: nothing lost under crashes, concurrent use and hostile input; private by design.

Each section proves one promise of the issue with real faults: a process killed at each named
fault point of a 30,000-row import, threads writing the same rows, writes the pages must
report in one sentence, forged uploads, formulas in exports, deletion of a person, and old
databases carried through every migration.
"""

from __future__ import annotations

import ast
import csv
import io
import os
import shutil
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from benchmarks import generate
from infoint import (
    contacts,
    db,
    followups,
    importer,
    interactions,
    meetings,
    ui,
)
from infoint.errors import ConflictError

ROOT = Path(__file__).resolve().parent.parent
BIG_ROWS = 30_000
EARLIER_ROWS = 3_000  # the oldest people of the big export, imported before it
RETITLED_EVERY = 10  # every 10th of them had another title then: the big import updates them


# --- 1. Crashes: a 30,000-row import killed at every fault point -------------------------


def _export_text(frame) -> bytes:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return (generate.PREAMBLE + buffer.getvalue().removesuffix("\n")).encode("utf-8")


def run_cli(db_path: Path, *argv, fault: str | None = None) -> subprocess.CompletedProcess:
    """`python -m infoint.cli --db … ARGV` in its own process, killed at `fault` if named."""
    env = {key: value for key, value in os.environ.items() if key != "INFOINT_FAULT"}
    if fault:
        env["INFOINT_FAULT"] = fault
    return subprocess.run(
        [sys.executable, "-m", "infoint.cli", "--db", str(db_path), *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=180,
    )


# Counts of every table a crash could touch, and checksums that ignore only the moments rows
# were written (a rerun writes other timestamps): people by identity and every field, companies,
# job changes, and the user's events by the person they are about.
_STATE = {
    "contacts": "SELECT count(*), bit_xor(hash(c.profile_key, c.linkedin_url, c.first_name,"
    " c.last_name, c.email, c.linkedin_email, co.match_key, c.position, c.connected_on, c.degree,"
    " c.source, c.notes, c.tags)) FROM contacts c LEFT JOIN companies co ON co.id = c.company_id",
    "companies": "SELECT count(*), bit_xor(hash(name, match_key, industry, status, motivation,"
    " postings, source)) FROM companies",
    "contact_changes": "SELECT count(*), bit_xor(hash(c.profile_key, x.field, x.old_value,"
    " x.new_value)) FROM contact_changes x JOIN contacts c ON c.id = x.contact_id",
    "interactions": "SELECT count(*), bit_xor(hash(c.profile_key, i.kind, i.occurred_at, i.body))"
    " FROM interactions i JOIN contacts c ON c.id = i.contact_id",
    "meetings": "SELECT count(*), bit_xor(hash(c.profile_key, m.starts_at, m.status, m.notes))"
    " FROM meetings m JOIN contacts c ON c.id = m.contact_id",
    "due_item_states": "SELECT count(*), bit_xor(hash(item_key, snoozed_until, dismissed))"
    " FROM due_item_states",
    "import_batches": "SELECT count(*), bit_xor(hash(file_name, sha256, added, updated,"
    " unchanged, skipped)) FROM import_batches",
}


def state(db_path: Path) -> dict[str, tuple[int, int]]:
    conn = db.connect(db_path)
    try:
        return {table: tuple(conn.execute(sql).fetchall()[0]) for table, sql in _STATE.items()}
    finally:
        conn.close()


@pytest.fixture(scope="session")
def campaign(tmp_path_factory) -> dict:
    """Written once per session: the 30,000-row export; a database holding an earlier import
    of its oldest 3,000 people (some with other titles) and the user's own work on them; and
    that database as the big import leaves it."""
    folder = tmp_path_factory.mktemp("campaign")
    frame = generate.connections_frame(BIG_ROWS)
    big = folder / "Connections.csv"
    big.write_bytes(_export_text(frame))
    earlier_frame = frame.tail(EARLIER_ROWS).copy()
    earlier_frame.iloc[::RETITLED_EVERY, 5] = "Intern"
    earlier = folder / "earlier.csv"
    earlier.write_bytes(_export_text(earlier_frame))

    base = folder / "base" / "infoint.duckdb"
    conn = db.connect(base)
    try:
        importer.import_file(conn, earlier)
        people = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM contacts WHERE first_name <> '' ORDER BY id LIMIT 5"
            ).fetchall()
        ]
        outreach = interactions.log_interaction(
            conn, people[0], "outreach", occurred_at=datetime(2026, 3, 2, 10), body="Coffee?"
        )
        interactions.log_interaction(conn, people[1], "reply", occurred_at=date(2026, 3, 3))
        meeting = meetings.schedule_meeting(conn, people[2], datetime(2026, 3, 9, 10, tzinfo=UTC))
        meetings.set_outcome(conn, meeting, "held", actual_minutes=25, notes="Useful")
        contacts.update_contact(
            conn,
            people[3],
            email="",
            degree="2nd",
            mutual_contact_id=people[4],
            notes="mine",
            tags="warm",
        )
        followups.snooze(conn, f"follow_up:{outreach}", date(2026, 4, 1), today=date(2026, 3, 12))
    finally:
        conn.close()

    after = folder / "after" / "infoint.duckdb"
    after.parent.mkdir()
    shutil.copy2(base, after)
    done = run_cli(after, "import", big, "--json")
    assert done.returncode == 0, done.stderr
    named = int(((earlier_frame["First Name"] != "") | (earlier_frame["Last Name"] != "")).sum())
    return {
        "big": big,
        "base": base,
        "named_earlier": named,
        "before": state(base),
        "after": state(after),
    }


def test_the_big_import_changes_every_checked_table_but_the_users_own(campaign):
    before, after = campaign["before"], campaign["after"]
    assert before["contacts"][0] == campaign["named_earlier"] > EARLIER_ROWS * 0.95
    assert after["contacts"][0] > 29_000
    assert after["import_batches"][0] == before["import_batches"][0] + 1
    assert after["contact_changes"][0] >= EARLIER_ROWS // RETITLED_EVERY - 30
    for table in ("contacts", "companies", "contact_changes", "import_batches"):
        assert after[table] != before[table], table
    for table in ("interactions", "meetings", "due_item_states"):
        assert after[table] == before[table], table


@pytest.mark.parametrize(
    ("fault", "kept"),
    [
        ("after_parse", "none"),
        ("mid_upsert", "none"),
        ("before_commit", "none"),
        ("after_commit", "all"),
    ],
)
def test_a_killed_import_leaves_all_of_it_or_none_and_the_earlier_data_intact(
    campaign, tmp_path, fault, kept
):
    path = tmp_path / "infoint.duckdb"
    shutil.copy2(campaign["base"], path)
    done = run_cli(path, "import", campaign["big"], fault=fault)
    assert done.returncode == -9, (done.returncode, done.stderr)  # SIGKILL: no cleanup ran
    assert done.stdout == ""
    assert state(path) == campaign["before" if kept == "none" else "after"]
    backups = db.list_backups(path)
    if fault == "after_parse":
        assert backups == []  # killed before the database was even opened
    else:
        # The copy taken before the import holds the data as it was.
        [taken] = backups
        assert state(taken) == campaign["before"]
    if fault in ("mid_upsert", "before_commit"):
        # Nothing half-done stands in the way: the same import now runs to the end.
        conn = db.connect(path)
        try:
            assert importer.import_file(conn, campaign["big"]).added > 25_000
        finally:
            conn.close()
        assert state(path) == campaign["after"]


def test_every_fault_point_is_tested():
    assert set(importer.FAULT_POINTS) == {
        "after_parse",
        "mid_upsert",
        "before_commit",
        "after_commit",
    }


# --- 2. Concurrent use: one connection, a cursor per operation, as the app does -----------

WORKERS = 6
ROUNDS = 30


def test_threads_logging_and_editing_the_same_people_lose_nothing(conn):
    people = [contacts.add_contact(conn, f"Person {n}") for n in range(3)]
    logged: list[str] = []
    saved: dict[int, list[str]] = {person: [] for person in people}
    refused: dict[int, list[str]] = {person: [] for person in people}
    unexpected: list[BaseException] = []
    record = threading.Lock()
    start = threading.Barrier(WORKERS)

    def work(worker: int) -> None:
        start.wait()
        for n in range(ROUNDS):
            cursor = conn.cursor()  # the app's pattern: a cursor per operation
            person, text = people[n % len(people)], f"worker {worker}, round {n}"
            try:
                if worker % 2:
                    contacts.update_contact(
                        cursor,
                        person,
                        email="",
                        degree="1st",
                        mutual_contact_id=None,
                        notes=text,
                        tags="",
                    )
                else:
                    interactions.log_interaction(
                        cursor, person, "note", occurred_at=date(2026, 3, 2), body=text
                    )
            except ConflictError as exc:
                assert "try again" in str(exc)
                with record:
                    refused[person].append(text)
            except BaseException as exc:  # anything else fails the test below
                with record:
                    unexpected.append(exc)
            else:
                with record:
                    (saved[person] if worker % 2 else logged).append(text)
            finally:
                cursor.close()

    threads = [threading.Thread(target=work, args=(w,)) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert unexpected == []  # never a raw DuckDB error, never anything swallowed silently
    bodies = [row[0] for row in conn.execute("SELECT body FROM interactions").fetchall()]
    assert sorted(bodies) == sorted(logged)  # every logged interaction is there, once
    assert len(logged) == WORKERS // 2 * ROUNDS  # inserts never conflict
    edits = WORKERS // 2 * ROUNDS
    assert sum(map(len, saved.values())) + sum(map(len, refused.values())) == edits
    for person in people:
        [(notes,)] = conn.execute("SELECT notes FROM contacts WHERE id = ?", [person]).fetchall()
        assert notes in saved[person]  # the last successful write, never a refused one
        assert notes not in refused[person]


def test_an_edit_that_meets_another_open_write_is_refused_in_one_sentence(conn):
    person = contacts.add_contact(conn, "Ana", "Lee", notes="first")
    other = conn.cursor()
    other.execute("BEGIN TRANSACTION")
    other.execute("UPDATE contacts SET notes = 'theirs' WHERE id = ?", [person])
    mine = conn.cursor()
    with pytest.raises(ConflictError) as refused:
        contacts.update_contact(
            mine, person, email="", degree="1st", mutual_contact_id=None, notes="mine", tags=""
        )
    assert str(refused.value).count(".") == 1 and "try again" in str(refused.value)
    other.execute("COMMIT")
    assert contacts.get_contact(conn, person).notes == "theirs"
    # Trying again, as the message says, works.
    contacts.update_contact(
        mine, person, email="", degree="1st", mutual_contact_id=None, notes="mine", tags=""
    )
    assert contacts.get_contact(conn, person).notes == "mine"


def test_a_conflict_on_a_page_is_one_sentence_not_a_traceback(app_db):
    setup = db.connect(app_db)
    ann = contacts.add_contact(setup, "Ann", "Lee")
    setup.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    at.query_params.update(contact=str(ann))
    at.session_state["contact_tab"] = "Edit details"
    at.run()
    assert not at.exception
    # Another session of the same app process is saving the same person right now.
    other = ui.connection()
    other.execute("BEGIN TRANSACTION")
    other.execute("UPDATE contacts SET notes = 'theirs' WHERE id = ?", [ann])
    at.text_input(key=f"edit_tags_{ann}").input("warm")
    at.button(key=f"save_{ann}").click()
    at.run()
    other.execute("COMMIT")
    assert not at.exception
    assert [error.value for error in at.error] == [
        "Someone else changed the same record at the same moment, so nothing was saved; "
        "please try again."
    ]
    assert contacts.get_contact(other, ann).tags == ""


def _writers() -> set[tuple[str, str]]:
    """(module, function) of every infoint function that writes, directly or through another."""
    found: dict[tuple[str, str], ast.FunctionDef] = {}
    for path in (ROOT / "infoint").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                found[(path.stem, node.name)] = node

    def called(node: ast.AST, module: str) -> set[tuple[str, str]]:
        calls = set()
        for call in ast.walk(node):
            if isinstance(call, ast.Call):
                if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
                    calls.add((call.func.value.id, call.func.attr))
                elif isinstance(call.func, ast.Name):
                    calls.add((module, call.func.id))
        return calls

    writers = {("db", "transaction"), ("db", "backup"), ("db", "restore")}
    grew = True
    while grew:
        grew = False
        for key, node in found.items():
            if key not in writers and called(node, key[0]) & writers:
                writers.add(key)
                grew = True
    return writers


def _unguarded_writes(path: Path, writers: set[tuple[str, str]]) -> list[str]:
    tree = ast.parse(path.read_text())
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    bare = []
    for call in ast.walk(tree):
        func = getattr(call, "func", None)
        if not (
            isinstance(call, ast.Call)
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and (func.value.id, func.attr) in writers
            and func.value.id != "ui"  # ui.page reports a database it cannot open itself
        ):
            continue
        node, guarded = call, False
        while node in parents and not guarded:
            node, child = parents[node], node
            guarded = (
                isinstance(node, ast.Try)
                and child in node.body
                and any(
                    handler.type is not None and "InfointError" in ast.unparse(handler.type)
                    for handler in node.handlers
                )
            )
        if not guarded:
            bare.append(f"{path.name}:{call.lineno} {ast.unparse(func)}")
    return bare


def test_every_write_a_page_makes_shows_our_errors_as_one_sentence():
    """A conflict (or any of our errors) from a write must reach st.error, not a traceback."""
    writers = _writers()
    assert {("contacts", "update_contact"), ("followups", "dismiss")} <= writers
    pages = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    bare = [where for page in pages for where in _unguarded_writes(page, writers)]
    assert bare == []


def test_a_backup_waits_for_another_write_to_finish(conn, db_path):
    contacts.add_contact(conn, "Ana")
    other = conn.cursor()
    other.execute("BEGIN TRANSACTION")
    other.execute("UPDATE contacts SET notes = 'saved while backing up'")
    finisher = threading.Timer(0.3, other.execute, args=("COMMIT",))
    finisher.start()
    try:
        taken = db.backup(conn)
    finally:
        finisher.join()
    copy = duckdb.connect(str(taken), read_only=True)
    try:
        assert copy.execute("SELECT notes FROM contacts").fetchall() == [
            ("saved while backing up",)
        ]
    finally:
        copy.close()


def test_a_backup_blocked_by_an_open_write_says_so_in_one_sentence(conn, db_path, monkeypatch):
    monkeypatch.setattr(db, "CHECKPOINT_WAIT_SECONDS", 0.2)
    contacts.add_contact(conn, "Ana")
    other = conn.cursor()
    other.execute("BEGIN TRANSACTION")
    other.execute("UPDATE contacts SET notes = 'never finished'")
    try:
        with pytest.raises(ConflictError, match=r"^[^.]*no backup was taken; please try again\.$"):
            db.backup(conn)
    finally:
        other.execute("ROLLBACK")
    assert db.list_backups(db_path) == []
    assert db.backup(conn).is_file()  # once the other write is over, it works
