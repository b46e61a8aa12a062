"""`db.cursor`: a page's cursor on the process-wide connection, which every session's thread
shares: taking one must never need the connection itself free."""

from __future__ import annotations

import threading

from infoint import db


def test_a_cursor_is_taken_while_another_session_runs_a_query(db_path, conn):
    path = db_path.with_name("shared.duckdb")
    db.connect(path).close()
    shared = db.connect(path)  # as the server opens the user's file: nothing to migrate
    inside, release = threading.Event(), threading.Event()

    def wait_here(value: int) -> int:
        inside.set()
        release.wait(30)
        return value

    # A query that holds the shared connection until told to finish: another session's.
    shared.create_function("wait_here", wait_here)
    other = threading.Thread(target=lambda: shared.execute("SELECT wait_here(1)").fetchall())
    other.start()
    try:
        assert inside.wait(30)
        cursor = db.cursor(shared)  # the first this process takes: its file not known yet
        assert db.database_path(cursor) == db.database_path(shared)
        assert cursor.execute("SELECT 1").fetchall() == [(1,)]
    finally:
        release.set()
        other.join()
        shared.close()


def test_a_write_through_one_cursor_is_a_new_version_for_the_others(db_path, conn):
    shared = db.connect(db_path.with_name("shared.duckdb"))
    first, second = db.cursor(shared), db.cursor(shared)
    before = db.data_version(second)
    with db.transaction(first):
        first.execute("UPDATE profile SET name = 'Sam' WHERE id = 1")
    assert db.data_version(second) == before + 1
    shared.close()
