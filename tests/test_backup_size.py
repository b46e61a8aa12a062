"""A backup's size makes sense beside the data's: a 0.1 MB database (the demo) showed 6 MB
with its first backup, DuckDB's default quarter-megabyte blocks giving each table and index a
block or more of its own. Backups are written in small blocks (`db.BACKUP_BLOCK_SIZE`), and a
backup restored in them is a database like any other."""

from __future__ import annotations

from infoint import db, demo, settings

MB = 1_000_000


def test_a_backup_of_an_empty_database_is_small(conn):
    assert db.backup(conn).stat().st_size < 0.5 * MB  # 2.4 MB in the default blocks


def test_a_backup_of_the_demo_is_not_many_times_the_data(conn, db_path):
    demo.load_demo(conn)
    made = db.backup(conn)
    assert made.stat().st_size < 1 * MB  # 5.5 MB in the default blocks
    [shown] = settings.list_backups(conn)
    assert f"{shown.size_bytes / MB:.1f}" == "0.4"  # as the table's Size (MB) reads it


def test_a_backup_in_small_blocks_restores_to_data_that_takes_writes(conn, db_path):
    demo.load_demo(conn)
    people = conn.execute("SELECT count(*) FROM contacts").fetchall()
    made = db.backup(conn)
    conn.close()
    db.restore(db_path, made)
    restored = db.connect(db_path)
    try:
        assert restored.execute("SELECT count(*) FROM contacts").fetchall() == people
        assert demo.remove_demo(restored).sentence()
        restored.execute("CHECKPOINT")  # the writes folded into the small blocks
    finally:
        restored.close()
    again = db.connect(db_path)
    try:
        assert again.execute("SELECT count(*) FROM contacts").fetchall() == [(0,)]
        assert db.backup(again).stat().st_size < 0.5 * MB
    finally:
        again.close()
