"""Removing the demo backs the data up first, as a restore and an import that changes saved
people do: it asked first, then deleted 149 people and everything logged with them, and the
backup list still held only the earlier 'Before importing Connections.csv'."""

from __future__ import annotations

import duckdb

from infoint import contacts, db, demo, settings
from tests.test_demo_removal_yours import TODAY

LABEL = "Before removing the demo data"


def demo_people_in(path) -> int:
    copy = duckdb.connect(str(path), read_only=True)
    try:
        return copy.execute("SELECT count(*) FROM contacts WHERE source = 'demo'").fetchall()[0][0]
    finally:
        copy.close()


def test_the_removal_backs_up_the_data_with_the_demo_first(tmp_path):
    path = tmp_path / "demo.duckdb"
    conn = db.connect(path)
    try:
        demo.load_demo(conn, today=TODAY)
        contacts.add_contact(conn, "Ada", "Lovelace")
        removed = demo.remove_demo(conn)
        [taken] = db.backup_files(path)
        assert taken.reason == "demo" and taken.automatic
        assert removed.backup == taken.path
        assert demo_people_in(taken.path) == removed.people > 0  # the data as it was before
        [listed] = settings.list_backups(conn)
        assert listed.note == LABEL
    finally:
        conn.close()


def test_nothing_to_remove_takes_no_backup(tmp_path):
    path = tmp_path / "mine.duckdb"
    conn = db.connect(path)
    try:
        contacts.add_contact(conn, "Ada", "Lovelace")
        assert demo.remove_demo(conn).backup is None
        assert db.backup_files(path) == []
    finally:
        conn.close()
