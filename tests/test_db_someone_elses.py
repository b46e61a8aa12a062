"""A DuckDB database that is not infoint's (the user's own, pointed at by --db or $INFOINT_DB
by mistake) is refused in one sentence, by `db.connect` and so by the command line and the app
alike, and its file is left byte for byte as it was: infoint's migrations made every one of
our tables in it. An empty DuckDB file, and our own databases at any migration, open as before.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from infoint import cli, db, targets, ui
from infoint.errors import InvalidInputError

ROOT = Path(__file__).resolve().parent.parent
OLDER = Path(__file__).resolve().parent / "fixtures" / "linkedin" / "2018.csv"

REFUSED = (
    "{} is a DuckDB database with other tables in it, not an infoint database, so infoint "
    "left it as it is: point --db or $INFOINT_DB at your database, or at a new file name to "
    "start one.\n"
)


def files(folder: Path) -> dict[str, str]:
    """Each file in `folder` and a hash of its bytes."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


def theirs(folder: Path, sql: str = "CREATE TABLE sales (id INTEGER, amount DOUBLE)") -> Path:
    path = folder / "sales.duckdb"
    made = duckdb.connect(str(path))
    made.execute(sql)
    made.close()
    return path


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE sales (id INTEGER, amount DOUBLE); INSERT INTO sales VALUES (1, 2.5)",
        "CREATE VIEW answer AS SELECT 42 AS n",
        "CREATE SCHEMA shop; CREATE TABLE shop.sales (id INTEGER)",
        # Someone else's record of their migrations: another tool's, not ours.
        "CREATE TABLE migrations (id INTEGER, filename VARCHAR)",
        "CREATE TABLE migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP);"
        " INSERT INTO migrations VALUES (1, 'create_users', now())",
        "CREATE TABLE migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP);"
        " CREATE TABLE users (id INTEGER)",
    ],
)
def test_connect_refuses_someone_elses_database_and_leaves_its_file_as_it_was(tmp_path, sql):
    path = theirs(tmp_path, sql)
    before = files(tmp_path)
    with pytest.raises(InvalidInputError) as refused:
        db.connect(path)
    assert f"{refused.value}\n" == REFUSED.format(path)
    assert files(tmp_path) == before  # no .wal beside it either


def test_a_log_left_beside_their_database_is_left_too(tmp_path):
    """Opened for writing, DuckDB folds a log left beside a file into it on closing, though
    nothing was written: the check opens it read-only."""
    path = theirs(tmp_path)
    writing = duckdb.connect(str(path))
    writing.execute("INSERT INTO sales VALUES (2, 7.0)")
    kept = tmp_path / "kept"
    kept.mkdir()
    shutil.copy(path, kept / path.name)  # as a program that stopped before closing left them
    shutil.copy(path.with_name(path.name + ".wal"), kept / f"{path.name}.wal")
    writing.close()
    path = kept / path.name
    before = files(kept)
    assert len(before) == 2
    with pytest.raises(InvalidInputError):
        db.connect(path)
    assert files(kept) == before


def test_their_database_open_in_this_process_is_refused_and_given_no_table(tmp_path):
    """DuckDB opens no read-only look beside a connection of its own to the same file: then
    the check is made on the connection, before any migration."""
    path = theirs(tmp_path)
    theirs_open = duckdb.connect(f"duckdb:{path}")
    try:
        with pytest.raises(InvalidInputError):
            db.connect(path)
        tables = theirs_open.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        assert tables == [("sales",)]
    finally:
        theirs_open.close()


def test_the_command_line_says_so_in_one_line_and_changes_nothing(capsys, tmp_path):
    path = theirs(tmp_path)
    before = files(tmp_path)
    for argv in (("stats", "--json"), ("import", OLDER), ("demo",)):
        code = cli.main(["--db", str(path), *map(str, argv)])
        out, err = capsys.readouterr()
        assert (code, out, err) == (2, "", REFUSED.format(path)), argv
    assert files(tmp_path) == before


def test_the_app_pointed_at_their_database_says_so_and_offers_nothing(tmp_path, monkeypatch):
    path = theirs(tmp_path)
    before = files(tmp_path)
    monkeypatch.setenv("INFOINT_DB", str(path))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for page in ("app.py", "pages/8_import_export.py"):
        at.switch_page(page)
        at.run()
        assert not at.exception, at.exception
        # Shown as written: the path's underscores are not Markdown's.
        assert [e.value for e in at.error] == [ui.as_written(REFUSED.format(path).strip())]
        assert not at.button and not at.get("file_uploader")
    assert files(tmp_path) == before


def test_an_empty_duckdb_file_becomes_an_infoint_database(tmp_path):
    path = tmp_path / "new.duckdb"
    duckdb.connect(str(path)).close()
    conn = db.connect(path)
    try:
        targets.add_company(conn, "Acme")
    finally:
        conn.close()
    conn = db.connect(path)
    try:
        assert conn.execute("SELECT name FROM companies").fetchall() == [("Acme",)]
    finally:
        conn.close()


@pytest.mark.parametrize("upto", [0, 1, 2, 16, 21])
def test_our_databases_at_any_migration_open_and_are_brought_up_to_date(tmp_path, upto):
    """0: a first migration that failed left our record of them empty and alone."""
    path = tmp_path / "infoint.duckdb"
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=upto)
    old.close()
    conn = db.connect(path)
    again = db.connect(path)  # a second connection in this process, as the app and a page's
    try:
        versions = [row[0] for row in conn.execute("SELECT version FROM migrations").fetchall()]
        assert sorted(versions) == [m.version for m in db.migrations()]
    finally:
        again.close()
        conn.close()
