import subprocess
import sys
from datetime import date, datetime

import duckdb
import pytest

from infoint import db, interactions, meetings
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


def test_0017_keeps_every_interaction_and_names_no_meeting_for_old_thank_yous(tmp_path):
    """A database at 0016 with a campaign in it: every row and id is kept, an old thank-you is
    for no meeting (so it counts from the meeting's day, as before), and the views still read."""
    path = tmp_path / "older.duckdb"
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=16)
    old.execute("INSERT INTO contacts (profile_key, first_name) VALUES ('a', 'Ana')")
    old.execute(
        "INSERT INTO meetings (contact_id, starts_at, status) VALUES"
        " (1, '2026-03-02 10:00+00', 'held'), (1, '2026-03-20 10:00+00', 'held')"
    )
    old.execute(
        "INSERT INTO interactions (contact_id, kind, occurred_at, subject) VALUES"
        " (1, 'outreach', '2026-02-20 09:00', 'Coffee?'), (1, 'reply', '2026-02-21 10:00', ''),"
        " (1, 'thank_you', '2026-03-03 08:00', 'Thank you')"
    )
    before = old.execute("SELECT * FROM interactions ORDER BY id").fetchall()
    old.close()
    upgraded = db.connect(path)
    try:
        assert upgraded.execute(
            "SELECT * EXCLUDE (meeting_id), meeting_id FROM interactions ORDER BY id"
        ).fetchall() == [(*row, None) for row in before]
        assert [row[0] for row in before] == [1, 2, 3]
        assert upgraded.execute(
            "SELECT stage, first_outreach_at FROM contact_stages"
        ).fetchall() == [(3, datetime(2026, 2, 20, 9))]
        # the thank-you of 3 March is for the meeting of 2 March, not the one after it
        assert [meetings.summary(upgraded, m).thanked for m in (1, 2)] == [True, False]
        assert meetings.thank_you_sent(upgraded, 1).id == 3
        later = interactions.log_interaction(upgraded, 1, "note", occurred_at=date(2026, 3, 4))
        assert later == 4  # the ids go on from where they were
        assert db.apply_migrations(upgraded) == []
    finally:
        upgraded.close()


_KNOWN_SUBJECT_0013 = "Catching up, and a question about {my_focus}"
_KNOWN_BODY_0013 = (
    "Hi {first_name},\n\nI hope you're well; it's been a while since we spoke. I'm now"
    " {my_role}, and I'm learning about {my_focus}.\n\nYou came to mind because your work at"
    " {company} is close to what I want to understand.\n\nWould you have 20 minutes for a call"
    " or a coffee (my treat) in the next few weeks? I'm not asking for a job, only for your"
    " view, and I'd love to hear your news too.\n\nAll the best,\n{my_first_name}"
)


def _database_at_0017(path) -> duckdb.DuckDBPyConnection:
    """A campaign stored before 0018: a note and an opportunity 'by email' (the old default),
    messages by phone and email, and the user's own copy of our words for someone known."""
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=17)
    old.execute("INSERT INTO contacts (profile_key, first_name) VALUES ('a', 'Ana')")
    old.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at, subject) VALUES"
        " (1, 'outreach', 'phone', '2026-02-20 09:00', 'Coffee?'),"
        " (1, 'reply', 'email', '2026-02-21 10:00', ''),"
        " (1, 'note', 'email', '2026-02-22 10:00', 'Ask about Lyon'),"
        " (1, 'opportunity', 'linkedin', '2026-02-23 10:00', 'A role')"
    )
    old.execute(
        "INSERT INTO templates (name, subject, body) VALUES ('My copy', ?, ?)",
        [_KNOWN_SUBJECT_0013, _KNOWN_BODY_0013],
    )
    return old


def _known(conn) -> tuple[str, str]:
    return conn.execute(
        "SELECT subject, body FROM templates WHERE builtin AND for_known"
    ).fetchall()[0]


def test_0018_takes_the_channel_from_notes_and_rewords_our_message_for_someone_known(tmp_path):
    path = tmp_path / "older.duckdb"
    old = _database_at_0017(path)
    assert _known(old) == (_KNOWN_SUBJECT_0013, _KNOWN_BODY_0013)  # 0013's words, as tested
    before = old.execute("SELECT * EXCLUDE (channel) FROM interactions ORDER BY id").fetchall()
    old.close()
    upgraded = db.connect(path)
    try:
        assert (
            upgraded.execute("SELECT * EXCLUDE (channel) FROM interactions ORDER BY id").fetchall()
            == before
        )
        assert upgraded.execute(
            "SELECT kind, channel FROM interactions ORDER BY id"
        ).fetchall() == [
            ("outreach", "phone"),
            ("reply", "email"),
            ("note", None),
            ("opportunity", None),
        ]
        subject, body = _known(upgraded)
        assert "been a while" not in body and "Catching up" not in subject
        assert body.startswith("Hi {first_name},\n\nI hope you've been well since we spoke last.")
        # the user's own copy of the old words is theirs: kept as they wrote it
        assert upgraded.execute(
            "SELECT subject, body FROM templates WHERE name = 'My copy'"
        ).fetchall() == [(_KNOWN_SUBJECT_0013, _KNOWN_BODY_0013)]
        # a message logged with nothing said is still by email; a note has no channel
        reply = interactions.log_interaction(upgraded, 1, "reply", occurred_at=date(2026, 3, 4))
        note = interactions.log_interaction(upgraded, 1, "note", occurred_at=date(2026, 3, 4))
        assert [interactions.get_interaction(upgraded, i).channel for i in (reply, note)] == [
            "email",
            None,
        ]
        assert db.apply_migrations(upgraded) == []
    finally:
        upgraded.close()


def test_0018_keeps_our_message_for_someone_known_as_the_user_edited_it(tmp_path):
    path = tmp_path / "older.duckdb"
    old = _database_at_0017(path)
    edited = _KNOWN_BODY_0013.replace("20 minutes", "15 minutes")
    old.execute("UPDATE templates SET body = ? WHERE builtin AND for_known", [edited])
    old.close()
    upgraded = db.connect(path)
    try:
        assert _known(upgraded) == (_KNOWN_SUBJECT_0013, edited)
    finally:
        upgraded.close()


# Memory a big aggregate leaves the process holding, in MB, once it has sat idle a while: on
# the app's connection (`db.connect`) or DuckDB's own.
_IDLE_AFTER_A_BIG_QUERY = """
import sys, time
import duckdb
from infoint import db

def private():
    status = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(status["RssAnon"].split()[0]) >> 10

conn = db.connect(":memory:") if sys.argv[1] == "app" else duckdb.connect()
if sys.argv[1] != "app":  # on a loaded machine its progress bar would come before the number
    conn.execute("SET enable_progress_bar = false")
before = private()
conn.sql("SELECT count(DISTINCT i) FROM range(3000000) t(i)").fetchall()
for _ in range(60):  # DuckDB's allocator gives back after a second; the thread checks often
    if private() - before < 20:
        break
    time.sleep(0.1)
print(private() - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_memory_a_query_freed_goes_back_to_the_system_while_the_app_waits():
    def held(connection: str) -> int:
        return int(
            subprocess.run(
                [sys.executable, "-c", _IDLE_AFTER_A_BIG_QUERY, connection],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )

    assert held("duckdb") > 50  # DuckDB's default: kept until its next allocation
    assert held("app") < 20


def test_no_progress_bar_is_drawn_on_standard_output(tmp_path):
    """DuckDB's bar, drawn for a query past two seconds, would break `infoint … --json`."""
    conn = db.connect(tmp_path / "bar.duckdb")
    assert conn.execute("SELECT current_setting('enable_progress_bar')").fetchall() == [(False,)]
