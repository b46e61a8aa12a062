import subprocess
import sys

import duckdb
import pytest

from infoint import db
from infoint.errors import DatabaseBusyError


def test_migrations_apply_once(db_path):
    first = db.connect(db_path)
    versions = [m.version for m in db.migrations()]
    assert (
        first.execute("SELECT list(version ORDER BY version) FROM migrations").fetchall()[0][0]
        == versions
    )
    first.close()
    again = db.connect(db_path)
    assert db.apply_migrations(again) == []
    assert again.execute("SELECT count(*) FROM migrations").fetchall()[0][0] == len(versions)
    again.close()


def test_schema_has_the_whole_data_model(conn):
    tables = {r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {
        "companies",
        "contacts",
        "contact_changes",
        "interactions",
        "meetings",
        "meeting_questions",
        "questions",
        "templates",
        "profile",
        "import_batches",
        "migrations",
    } <= tables
    assert (
        conn.execute(
            "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
        ).fetchall()[0][0]
        == 0
    )


def test_failing_write_rolls_back(conn):
    with pytest.raises(RuntimeError), db.transaction(conn):
        conn.execute("INSERT INTO contacts (profile_key) VALUES ('x')")
        raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0] == 0


def test_commit_bumps_the_data_version(conn):
    before = db.data_version(conn)
    with db.transaction(conn):
        conn.execute("INSERT INTO contacts (profile_key) VALUES ('x')")
    assert db.data_version(conn) == before + 1


def test_a_write_of_reminder_states_alone_leaves_the_content_version(conn):
    """A snooze changes what is due, not what the reminder rules find."""
    data, content = db.data_version(conn), db.content_version(conn)
    with db.transaction(conn, reminders_only=True):
        conn.execute("INSERT INTO due_item_states (item_key, dismissed) VALUES ('x:1', true)")
    assert (db.data_version(conn), db.content_version(conn)) == (data + 1, content)
    with db.transaction(conn):
        conn.execute("INSERT INTO contacts (profile_key) VALUES ('x')")
    assert (db.data_version(conn), db.content_version(conn)) == (data + 2, content + 1)


def test_second_process_gets_a_clear_busy_error(conn, db_path):
    code = (
        "import sys\n"
        "from infoint import db\n"
        "from infoint.errors import DatabaseBusyError\n"
        f"try:\n    db.connect({str(db_path)!r})\n"
        "except DatabaseBusyError as e:\n    print(e); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "in use" in result.stdout and "try again" in result.stdout


def test_busy_error_type_is_ours(db_path, monkeypatch):
    def locked(*args, **kwargs):
        raise duckdb.IOException('Could not set lock on file "x": Conflicting lock is held')

    monkeypatch.setattr(duckdb, "connect", locked)
    with pytest.raises(DatabaseBusyError):
        db.connect(db_path)


def test_backup_keeps_the_last_five_and_restores(conn, db_path):
    with db.transaction(conn):
        conn.execute("INSERT INTO contacts (profile_key) VALUES ('kept')")
    copies = [db.backup(conn) for _ in range(7)]
    assert len(db.list_backups(db_path)) == 5
    assert db.list_backups(db_path)[0] == copies[-1]
    with db.transaction(conn):
        conn.execute("DELETE FROM contacts")
    conn.close()
    db.restore(db_path, copies[-1])
    reopened = db.connect(db_path)
    assert reopened.execute("SELECT profile_key FROM contacts").fetchall() == [("kept",)]
    reopened.close()
