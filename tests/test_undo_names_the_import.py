"""Why an import can't be undone names that import by its file and when it was imported.

The walkthrough: an import, other work, a backup, the same file again ("Already up to date"),
more work. "Your imports" listed two rows named Connections.csv (LinkedIn names every export
so), and under them: "You saved other changes after importing Connections.csv, so that import
can no longer be undone here; there is no backup from before it either". The user read it as
the newest row, for which a backup from before does exist. The time, as "Your imports" and
the undo offer show it, says which.
"""

from __future__ import annotations

from datetime import datetime

from infoint import contacts, db, importer, settings
from tests.test_undo import FIRST, SECOND


def recorded_at(conn, batch_id: int, when: datetime) -> None:
    """The import's time set to a known one (outside any transaction: not a write of the
    user's, so the undo offer is as it was)."""
    conn.execute("UPDATE import_batches SET imported_at = ? WHERE id = ?", [when, batch_id])


def test_the_import_that_can_no_longer_be_undone_is_named_with_its_time(conn):
    first = importer.import_file(conn, FIRST, filename="Connections.csv")
    recorded_at(conn, first.batch_id, datetime(2026, 11, 27, 16, 40))
    contacts.add_contact(conn, "Katherine", "Johnson")
    db.backup(conn)
    again = importer.import_file(conn, FIRST, filename="Connections.csv")
    assert (again.added, again.updated) == (0, 0)  # "Already up to date"
    recorded_at(conn, again.batch_id, datetime(2026, 11, 27, 17, 5))
    contacts.add_contact(conn, "Mary", "Jackson")
    assert settings.undo_state(conn) == (
        None,
        "You saved other changes after importing Connections.csv (27 Nov 2026, 16:40), so that "
        "import can no longer be undone here; there is no backup from before it either: the "
        "backups in Settings were all taken after it.",
    )


def test_an_import_whose_backup_is_gone_is_named_with_its_time(conn):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    second = importer.import_file(conn, SECOND, filename="Connections.csv")
    recorded_at(conn, second.batch_id, datetime(2026, 11, 28, 9, 5))
    second.backup.unlink()
    assert settings.undo_state(conn)[1].startswith(
        "The backup taken before you imported Connections.csv (28 Nov 2026, 09:05) is gone, so "
        "that import can no longer be undone here; "
    )


def test_an_import_from_before_undo_points_is_named_with_its_time(conn):
    first = importer.import_file(conn, FIRST, filename="Connections.csv")
    recorded_at(conn, first.batch_id, datetime(2026, 1, 2, 8, 0))
    conn.execute("DELETE FROM import_undo")  # as an import recorded before they were kept
    assert settings.undo_state(conn)[1].startswith(
        "Your import of Connections.csv (2 Jan 2026, 08:00) can't be undone here; "
    )


def test_when_no_import_changed_anything_the_last_one_is_named_with_its_time(conn):
    ada = contacts.add_contact(
        conn, "Ada", "Lovelace", linkedin_url="https://www.linkedin.com/in/ada-l"
    )
    contacts.delete_contact(conn, ada)  # an export bringing only her back imports no one
    report = importer.import_file(conn, FIRST.split(b"\nGrace")[0], filename="Connections.csv")
    assert (report.added, report.updated) == (0, 0)
    recorded_at(conn, report.batch_id, datetime(2026, 11, 27, 16, 40))
    assert settings.undo_state(conn)[1].startswith(
        "Your last import, Connections.csv (27 Nov 2026, 16:40), changed nothing, so there is "
        "nothing to undo; "
    )
