"""Your data: where the database lives, its backups, the import history and undoing an import.

"Undo the last import" restores the backup taken just before that import, so it must only
be offered while that import is the last thing written: otherwise the restore would also
throw away the user's later work. Right after an import we record a fingerprint of every
table's content; the offer stands while the fingerprint is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from os import PathLike
from pathlib import Path

import duckdb
import pandas as pd

from infoint import db, importer
from infoint.importer import ImportReport

# Bookkeeping, not the user's data: writing these must not withdraw the undo offer.
_NOT_DATA = ("migrations", "import_undo")
_BACKUP_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})$")


@dataclass(frozen=True)
class DatabaseSummary:
    path: Path | None
    size_bytes: int
    contacts: int
    companies: int
    interactions: int
    meetings: int
    imports: int


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size_bytes: int
    note: str = ""  # e.g. "Before importing Connections.csv", when infoint knows


@dataclass(frozen=True)
class UndoOffer:
    """The last import, which can still be taken back by restoring `backup`."""

    batch_id: int
    file_name: str
    imported_at: datetime
    backup: Path


def file_size(path: Path | None) -> int:
    """Bytes on disk for a database, counting its write-ahead log."""
    if path is None or not path.is_file():
        return 0
    wal = path.with_name(path.name + ".wal")
    return path.stat().st_size + (wal.stat().st_size if wal.is_file() else 0)


def database_summary(conn: duckdb.DuckDBPyConnection) -> DatabaseSummary:
    """Where the database is, how big, and how much it holds."""
    path = db.database_path(conn)
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM companies),"
        " (SELECT count(*) FROM interactions), (SELECT count(*) FROM meetings),"
        " (SELECT count(*) FROM import_batches)"
    ).fetchall()[0]
    return DatabaseSummary(path, file_size(path), *(int(n) for n in counts))


def list_backups(conn: duckdb.DuckDBPyConnection) -> list[BackupInfo]:
    """The backups of this database, newest first, with when and (if known) why each was taken."""
    path = db.database_path(conn)
    if path is None:
        return []
    imported = dict(
        conn.execute(
            "SELECT u.backup_file, b.file_name FROM import_undo u"
            " JOIN import_batches b ON b.id = u.batch_id"
        ).fetchall()
    )
    return [
        _backup_info(backup, f"Before importing {imported[backup.name]}")
        if backup.name in imported
        else _backup_info(backup, "")
        for backup in db.list_backups(path)
    ]


def _backup_info(path: Path, note: str) -> BackupInfo:
    # The file's mtime is the database's last write (copy2 keeps it); the name has the moment.
    match = _BACKUP_STAMP.search(path.stem)
    if match:
        taken_at = datetime.strptime(match[1], "%Y%m%d-%H%M%S-%f")
    else:
        taken_at = datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, taken_at, path.stat().st_size, note)


def import_history(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import so far, newest first: when, which file, and what it did."""
    return conn.execute(
        "SELECT imported_at, file_name, added, updated, unchanged, skipped"
        " FROM import_batches ORDER BY id DESC"
    ).df()


def fingerprint(conn: duckdb.DuckDBPyConnection) -> str:
    """A digest of every data table's rows: any insert, update or delete changes it."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT table_name FROM duckdb_tables()"
            " WHERE database_name = current_database() AND schema_name = 'main'"
            " AND NOT temporary ORDER BY table_name"
        ).fetchall()
        if row[0] not in _NOT_DATA
    ]
    # Rows have unique ids, so XOR-ing their hashes is an order-free digest of the table.
    parts = " UNION ALL ".join(
        f"SELECT '{table}' AS name, count(*) AS n,"
        f" coalesce(bit_xor(hash(fingerprint_row)), 0) AS digest"
        f' FROM "{table}" AS fingerprint_row'
        for table in tables
    )
    row = conn.execute(
        f"SELECT string_agg(name || ':' || n || ':' || digest, ';' ORDER BY name) FROM ({parts})"
    ).fetchall()
    return row[0][0] or ""


def _has_contacts(conn: duckdb.DuckDBPyConnection) -> bool:
    # The importer's own rule for when it backs up first; the two must agree.
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM contacts)").fetchall()[0][0])


def import_with_undo(
    conn: duckdb.DuckDBPyConnection,
    source: str | PathLike[str] | bytes,
    *,
    filename: str | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> ImportReport:
    """Import a LinkedIn export and remember how to take it back.

    The importer backs up a database that holds contacts; one without is backed up here, so
    even a first import can be undone. A failed import leaves no backup of ours behind.
    """
    own_backup = None if _has_contacts(conn) else db.backup(conn)
    try:
        report = importer.import_file(conn, source, filename=filename, progress=progress)
    except BaseException:
        if own_backup is not None:
            own_backup.unlink(missing_ok=True)
        raise
    backup = report.backup or own_backup
    if backup is not None:
        record_undo_point(conn, report.batch_id, backup)
    return report


def record_undo_point(conn: duckdb.DuckDBPyConnection, batch_id: int, backup: Path) -> None:
    """Remember the backup taken before this import and the data just after it."""
    with db.transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO import_undo (batch_id, backup_file, fingerprint)"
            " VALUES (?, ?, ?)",
            [batch_id, Path(backup).name, fingerprint(conn)],
        )


def undo_offer(conn: duckdb.DuckDBPyConnection) -> UndoOffer | None:
    """The last import if it can be undone: its backup is still there and nothing changed since."""
    path = db.database_path(conn)
    if path is None:
        return None
    rows = conn.execute(
        "SELECT b.id, b.file_name, b.imported_at, u.backup_file, u.fingerprint"
        " FROM (SELECT * FROM import_batches ORDER BY id DESC LIMIT 1) AS b"
        " JOIN import_undo AS u ON u.batch_id = b.id"
    ).fetchall()
    if not rows:
        return None
    batch_id, file_name, imported_at, backup_file, recorded = rows[0]
    backup = db.backups_dir(path) / backup_file
    if not backup.is_file() or fingerprint(conn) != recorded:
        return None
    return UndoOffer(int(batch_id), file_name, imported_at, backup)


def undo_import(db_path: Path, offer: UndoOffer) -> None:
    """Put the pre-import backup back. Close every connection to the database first."""
    db.restore(db_path, offer.backup)
