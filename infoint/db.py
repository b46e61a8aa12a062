"""The DuckDB file: opening it, numbered migrations, transactions and backups."""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
import uuid
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb

from infoint import clock
from infoint.errors import ConflictError, DatabaseBusyError, InvalidInputError

DEFAULT_PATH = Path("data") / "infoint.duckdb"
# Backups kept of each kind: the user's own ('manual'), and infoint's before an import or a
# restore, so no number of imports removes a copy the user made.
BACKUPS_KEPT = 5
BACKUP_REASONS = ("manual", "import", "restore", "undo", "demo")
# A backup's file is written in DuckDB's smallest blocks. In its default quarter-megabyte
# blocks even an empty database's copy took 2.4 MB and the demo's 5.5 MB, each table's data
# and each index a block or more of its own, beside a live file of 0.1 MB (its changes still
# in the log beside it): 0.2 and 0.4 MB in these. DuckDB reads a file's block size from the
# file, so a restored backup opens as any other and keeps its small blocks: at the heavy
# user's size (30,000 people) pages and an import took as long in them, and folding the log
# in (a checkpoint: on closing the file, or when the log passes 16 MB) 0.35 s against 0.2 s.
# The heavy user's backups take 2.7 MB instead of 8.1.
BACKUP_BLOCK_SIZE = 16_384
_MIGRATION_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")

# Bumped on every committed write in this process. DuckDB lets only one process open the
# file, so an in-process counter is enough for caches to know when data changed.
_versions: dict[str, int] = {}
# The same count, less the writes of reminder states alone (`transaction(reminders_only=True)`).
_content_versions: dict[str, int] = {}
_versions_lock = threading.Lock()


def default_path() -> Path:
    """The database the CLI and the app use: `$INFOINT_DB`, else data/infoint.duckdb."""
    return Path(os.environ.get("INFOINT_DB") or DEFAULT_PATH)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The schema migrations shipped with the package, in order."""
    found = []
    for entry in resources.files("infoint.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def connect(path: str | os.PathLike[str] | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database file and bring its schema up to date.

    A DuckDB database that holds tables and is not infoint's is refused, its file untouched
    (`_look_before_opening`). Its clock is set to the user's time zone (see `infoint.clock`).
    """
    target = Path(path) if path is not None else default_path()
    if str(target) != ":memory:":
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InvalidInputError(
                f"The folder {target.parent} could not be made ({exc.strerror or exc})."
            ) from None
    if target.is_dir():
        raise InvalidInputError(
            f"{target} is a folder, not a database file: point --db or $INFOINT_DB at a file "
            f"in it, such as {target / DEFAULT_PATH.name}."
        )
    try:
        looked = _look_before_opening(target)
        conn = _open_unless_busy(target)
    except duckdb.IOException as exc:
        raise InvalidInputError(_not_opened(target, exc)) from None
    except duckdb.Error as exc:
        raise InvalidInputError(
            f"{target} is not an infoint database (DuckDB could not read it)."
        ) from exc
    if not looked and _someone_elses(conn):
        conn.close()
        raise InvalidInputError(_someone_elses_sentence(target))
    # DuckDB's allocator keeps what a query freed until its next allocation a second later;
    # in a server waiting for the next click, that is for good: 30–40 MB after Home's
    # queries on the heavy user. Its background thread gives it back to the system.
    conn.execute("SET allocator_background_threads = true")
    # DuckDB draws a progress bar on standard output for a query past two seconds (seen on a
    # loaded machine): it would land in the middle of `infoint … --json` and the server's log.
    conn.execute("SET enable_progress_bar = false")
    apply_migrations(conn)
    clock.use_profile_zone(conn)
    return conn


def _look_before_opening(target: Path) -> bool:
    """Refuse a DuckDB database that holds tables and is not infoint's (`_someone_elses`),
    having only read it: True once looked at, False when it is to be looked at once open.

    The user pointed --db or $INFOINT_DB at it by mistake; opened for writing, it was given
    every table of ours. Read-only, as opening a database for writing can change its file
    even when nothing is written: a log left beside it (`<name>.wal`, from a program that
    stopped before folding it in) is folded in on closing. Without such a log, a file opened
    for writing and closed unwritten stays byte for byte as it was, so it is looked at once
    open: a read-only open first would cost every open some 25 ms. A new file or an empty
    one has nothing to look at (an empty one `_not_opened` refuses). A file this process has
    open already cannot be opened read-only beside it (DuckDB refuses another configuration
    of the same file): it was looked at when first opened, or is looked at once open here."""
    if str(target) == ":memory:" or not target.is_file() or target.stat().st_size == 0:
        return True
    if not target.with_name(f"{target.name}.wal").exists():
        return False
    try:
        probe = _open_unless_busy(target, read_only=True)
    except duckdb.ConnectionException as exc:
        if "different configuration" in str(exc):
            return False
        raise
    try:
        refused = _someone_elses(probe)
    finally:
        probe.close()
    if refused:
        raise InvalidInputError(_someone_elses_sentence(target))
    return True


def _someone_elses(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database holds tables, views or sequences but not infoint's record of its
    migrations (`apply_migrations`): a table `migrations` of its columns whose first row is
    our first migration, or that is empty and alone (a first migration that failed)."""
    here = "database_name = current_database() AND NOT temporary"
    held = conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM duckdb_tables() WHERE {here}"
        f" UNION ALL SELECT 1 FROM duckdb_views() WHERE {here} AND NOT internal"
        f" UNION ALL SELECT 1 FROM duckdb_sequences() WHERE {here})"
    ).fetchall()[0][0]
    if not held:
        return False
    columns = conn.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database()"
        " AND schema_name = 'main' AND table_name = 'migrations' ORDER BY column_index"
    ).fetchall()
    if [row[0] for row in columns] != ["version", "name", "applied_at"]:
        return True
    try:
        first = conn.execute(
            "SELECT version, name FROM main.migrations WHERE version = 1"
        ).fetchall()
    except duckdb.Error:  # a table of that shape whose columns hold other types
        return True
    if first:
        return first != [(1, migrations()[0].name)]
    return held > 1


def _someone_elses_sentence(target: Path) -> str:
    return (
        f"{target} is a DuckDB database with other tables in it, not an infoint database, so "
        "infoint left it as it is: point --db or $INFOINT_DB at your database, or at a new "
        "file name to start one."
    )


def _not_opened(target: Path, exc: duckdb.IOException) -> str:
    """Why the file at `target` could not be opened, and what to do, in one sentence.

    DuckDB's own words ('IO Error: The file "…" exists, but it is not a valid DuckDB database
    file!') are for a programmer; the user gave a path, most likely the wrong one.
    """
    said = str(exc)
    if "not a valid DuckDB database file" in said:
        if target.is_file() and target.stat().st_size == 0:
            return (
                f"{target} is an empty file, not an infoint database, so infoint left it as it "
                "is: delete it to start a new database there, or point --db or $INFOINT_DB at "
                "your database."
            )
        return (
            f"{target} is some other kind of file, not an infoint database, so infoint left it "
            "as it is: point --db or $INFOINT_DB at your database, or at a new file name to "
            "start one."
        )
    detail = said.removeprefix("IO Error: ").rstrip("!. ")
    return (
        f"{target} could not be opened as a database ({detail}): check the path, or point "
        "--db or $INFOINT_DB at another file."
    )


def _open_unless_busy(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """DuckDB's connection to the file, or our error when another program holds it; DuckDB's
    other errors pass through for the caller to judge.

    The path goes to DuckDB as "duckdb:<path>", which says the file is (or is to be) a DuckDB
    database. Given a bare path, DuckDB guesses the file's kind from its first bytes and its
    name (`DBPathAndType::CheckMagicBytes`): a file that is there, not a DuckDB database and
    named .csv, .tsv, .json, .jsonl, .ndjson or .parquet (compressed or not) it opens as an
    empty database held in memory with the file as a view, so a `--db` or $INFOINT_DB pointed
    at a copy of Connections.csv took an import, said "Added 2 people" and saved nothing; a
    SQLite file it would open through the sqlite extension, and a name such as "md:x" or
    "abc:x.duckdb" it reads as an extension to load. With the prefix DuckDB refuses a file
    that is not its own, and a new name of any ending becomes a new database."""
    try:
        return duckdb.connect(
            str(path) if str(path) == ":memory:" else f"duckdb:{path}", read_only=read_only
        )
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseBusyError(
                f"The database {path} is in use by another infoint program; "
                "close that program (or stop `make run`) and try again."
            ) from None
        raise


def apply_migrations(conn: duckdb.DuckDBPyConnection, upto: int | None = None) -> list[int]:
    """Apply each migration not yet recorded, each in one transaction with its record."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp())"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM migrations").fetchall()}
    applied = []
    for migration in migrations():
        if migration.version in done or (upto is not None and migration.version > upto):
            continue
        with _transaction(conn):
            conn.execute(migration.sql)
            conn.execute(
                "INSERT INTO migrations (version, name) VALUES (?, ?)",
                [migration.version, migration.name],
            )
        applied.append(migration.version)
    return applied


# The file behind a connection never changes, and cached reads ask for it on every call.
_keys: weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, str] = weakref.WeakKeyDictionary()


def _key(conn: duckdb.DuckDBPyConnection) -> str:
    if (known := _keys.get(conn)) is not None:
        return known
    row = conn.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    key = _keys[conn] = (row[0][0] if row else None) or ":memory:"
    return key


def cursor(conn: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor on `conn` that knows its file as `conn` does: a page takes a new cursor on
    every run, and its first cached read would otherwise ask DuckDB which file it is on.
    Asked on the new cursor, never on `conn`: shared by every session's thread, it refuses a
    second call while one runs."""
    new = conn.cursor()
    if (known := _keys.get(conn)) is None:
        _keys[conn] = _key(new)
    else:
        _keys[new] = known
    return new


@contextmanager
def transaction(
    conn: duckdb.DuckDBPyConnection, *, reminders_only: bool = False, draft_only: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """One write: committed whole, or rolled back whole if anything in it raises.

    It is counted in `write_log` from its start, so whatever commits after its snapshot
    began has a row it cannot see (see `importer.fingerprint`). `reminders_only` says it
    writes nothing but the user's choices about due items (`due_item_states`): it changes
    `data_version` but not `content_version`, so what the reminder rules find stays cached.
    `draft_only` says it writes nothing but a saved draft (`outreach_drafts`), which no cached
    read holds: it changes neither, so every cached figure stays while the user types. Drafts
    are saved as they type, and each save had Outreach's next run read everything again
    (250-350 ms a run on the heavy user, against 60-140 ms). Nor is it counted: a draft is
    no change to the data an import's undo guards (`importer.fingerprint` leaves the drafts
    out, and `settings.undo_import` keeps them), so typing one does not end that offer.
    """
    with _transaction(conn, bump=not draft_only):
        if not draft_only:
            conn.execute("INSERT INTO write_log DEFAULT VALUES")
        yield conn
    if not (reminders_only or draft_only):
        _bump(_content_versions, _key(conn))


# What a clash with another session's open write tells the user, from any write.
CONFLICT = (
    "Someone else changed the same record at the same moment, so nothing was saved; "
    "please try again."
)


@contextmanager
def _transaction(
    conn: duckdb.DuckDBPyConnection, *, bump: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """`transaction` without its count, for migrations: the count's table is one of them.
    `bump`: the commit changes `data_version` (not for a saved draft: `transaction`)."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        # ROLLBACK can itself fail when DuckDB already ended the transaction;
        # the original error is the one worth reporting.
        with suppress(duckdb.Error):
            conn.execute("ROLLBACK")
        if _is_conflict(exc):
            raise ConflictError(CONFLICT) from exc
        raise
    if bump:
        _bump(_versions, _key(conn))


@contextmanager
def rolled_back(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write tried only to see what it would do (who a save would add), then undone
    whatever happens: nothing changes, so nothing is counted or bumped. A clash with another
    session's open write is the same one sentence `transaction` gives."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
    except BaseException as exc:
        if _is_conflict(exc):
            raise ConflictError(CONFLICT) from exc
        raise
    finally:
        # ROLLBACK can itself fail when DuckDB already ended the transaction;
        # the original error is the one worth reporting.
        with suppress(duckdb.Error):
            conn.execute("ROLLBACK")


def _bump(versions: dict[str, int], key: str) -> None:
    with _versions_lock:
        versions[key] = versions.get(key, 0) + 1


def _is_conflict(exc: BaseException) -> bool:
    """Two sessions wrote the same row, or the same unique key, at once (DuckDB reports the
    latter as a duplicate key, at the statement or at the later COMMIT): a retry can succeed."""
    text = str(exc).lower()
    if isinstance(exc, duckdb.TransactionException):
        return "conflict" in text or "duplicate key" in text
    return isinstance(exc, duckdb.ConstraintException) and "duplicate key" in text


def data_version(conn: duckdb.DuckDBPyConnection) -> int:
    """A number that changes whenever this process commits a write to this database."""
    return _versions.get(_key(conn), 0)


def content_version(conn: duckdb.DuckDBPyConnection) -> int:
    """`data_version` but for writes of reminder states alone: a number that changes with
    everything but a snooze or a dismissal."""
    return _content_versions.get(_key(conn), 0)


def database_path(conn: duckdb.DuckDBPyConnection) -> Path | None:
    """The file behind a connection, or None for an in-memory database."""
    key = _key(conn)
    return None if key == ":memory:" else Path(key)


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str  # one of BACKUP_REASONS

    @property
    def automatic(self) -> bool:
        return self.reason != "manual"


_STAMP = "%Y%m%d-%H%M%S-%f"
# <database stem>-<moment>-<reason>.duckdb; backups named before reasons were given end at the
# moment and came before imports. Matched whole, so infoint-work's backups are not infoint's.
_BACKUP_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})"
    r"(?:-(?P<reason>manual|import|restore|undo|demo))?\.duckdb$"
)


def backup(conn: duckdb.DuckDBPyConnection, *, reason: str = "manual") -> Path:
    """Copy the database to backups/ beside it; keep the last few of the user's own backups
    and, apart from them, the last few infoint made (before an import, a restore or removing
    the demo).

    DuckDB copies it from one snapshot, so a write another cursor commits meanwhile is in the
    copy whole or not at all, and the copy waits for no one: a copy of the file could tear.
    """
    db_path = database_path(conn)
    if db_path is None:
        raise InvalidInputError("An in-memory database cannot be backed up.")
    target = _copy_database(conn, db_path, reason)
    _prune(db_path)
    return target


def _copy_database(conn: duckdb.DuckDBPyConnection, db_path: Path, reason: str) -> Path:
    if reason not in BACKUP_REASONS:
        raise InvalidInputError(f"'{reason}' is not a reason for a backup infoint knows.")
    folder = backups_dir(db_path)
    target = folder / f"{db_path.stem}-{datetime.now().strftime(_STAMP)}-{reason}.duckdb"
    alias = f"backup_{uuid.uuid4().hex}"
    cursor = conn.cursor()  # its own transaction, beside any the caller has open
    try:
        folder.mkdir(parents=True, exist_ok=True)
        source = cursor.execute("SELECT current_database()").fetchall()[0][0]
        cursor.execute(
            f"ATTACH '{_quoted(str(target), chr(39))}' AS {alias} (BLOCK_SIZE {BACKUP_BLOCK_SIZE})"
        )
        try:
            # One transaction, so every table is read from the same snapshot. Not through
            # `transaction`: a copy is no change to the data its version counts.
            cursor.execute("BEGIN TRANSACTION")
            try:
                cursor.execute(f'COPY FROM DATABASE "{_quoted(source, chr(34))}" TO {alias}')
                cursor.execute("COMMIT")
            except BaseException:
                with suppress(duckdb.Error):
                    cursor.execute("ROLLBACK")
                raise
        finally:
            cursor.execute(f"DETACH {alias}")
    except (OSError, duckdb.Error) as exc:
        for left in (target, target.with_name(target.name + ".wal")):
            left.unlink(missing_ok=True)
        raise InvalidInputError(f"No backup could be written to {folder} ({exc}).") from None
    finally:
        cursor.close()
    return target


def _quoted(text: str, quote: str) -> str:
    return text.replace(quote, quote * 2)


def _prune(db_path: Path) -> None:
    found = backup_files(db_path)
    for automatic in (False, True):
        for old in [b for b in found if b.automatic == automatic][BACKUPS_KEPT:]:
            old.path.unlink(missing_ok=True)


def backup_files(db_path: Path) -> list[BackupFile]:
    """Backups of this database (and of no other in the same folder), newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _BACKUP_NAME.match(path.name)
        if match and match["stem"] == db_path.stem:
            found.append(BackupFile(path, *backup_named(path.name)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def backup_named(name: str) -> tuple[datetime, str] | None:
    """When a backup was taken, on this machine's clock, and why, read from its file name
    (`backup` writes both there); None for a name that is no backup's."""
    match = _BACKUP_NAME.match(name)
    if match is None:
        return None
    return datetime.strptime(match["stamp"], _STAMP), match["reason"] or "import"


def list_backups(db_path: Path) -> list[Path]:
    """The files of `backup_files`, newest first."""
    return [found.path for found in backup_files(db_path)]


def restore(db_path: Path, backup_path: Path, *, reason: str = "restore") -> None:
    """Put a backup in place of the database. Every connection to it must be closed first.

    The data as it was is backed up first (`reason`: 'restore', or 'undo' when the restore
    undoes an import), so a mistaken restore can be taken back by restoring that copy.
    """
    if reason not in BACKUP_REASONS:
        raise InvalidInputError(f"'{reason}' is not a reason for a backup infoint knows.")
    if not backup_path.is_file():
        raise InvalidInputError(f"The backup {backup_path.name} no longer exists.")
    try:
        probe = duckdb.connect(str(backup_path), read_only=True)
        probe.close()
    except duckdb.Error:
        raise InvalidInputError(f"{backup_path.name} is not a readable infoint backup.") from None
    if db_path.is_file():
        _back_up_before_restoring(db_path, reason)
    wal = db_path.with_name(db_path.name + ".wal")
    wal.unlink(missing_ok=True)
    shutil.copy2(backup_path, db_path)
    # Make the restored copy newer than the backups so mtime order stays meaningful.
    now = time.time()
    os.utime(db_path, (now, now))
    # Other data under the same path: what was cached by data version is stale now.
    restored = db_path.resolve()
    with _versions_lock:
        for key in {str(db_path), *_versions, *_content_versions}:
            if key != ":memory:" and Path(key).resolve() == restored:
                _versions[key] = _versions.get(key, 0) + 1
                _content_versions[key] = _content_versions.get(key, 0) + 1
    _prune(db_path)


def _back_up_before_restoring(db_path: Path, reason: str = "restore") -> None:
    try:
        current = _open_unless_busy(db_path)
    except duckdb.Error:
        current = None
    if current is None:  # not a database DuckDB can open: keep its bytes as they are
        folder = backups_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime(_STAMP)
        shutil.copy2(db_path, folder / f"{db_path.stem}-{stamp}-{reason}.duckdb")
        return
    try:
        _copy_database(current, db_path, reason)
    finally:
        current.close()
