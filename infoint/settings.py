"""Your data: where the database lives, its backups, the import history and undoing an import.

"Undo the last import" restores the backup taken just before that import, so it must only
be offered while that import is the last thing written: otherwise the restore would also
throw away the user's later work. The importer records, with every import that changed
something, a fingerprint of the writes so far (`importer.fingerprint`); the offer stands while
it is unchanged. An import that changes nothing (the same file again) carries that fingerprint
forward when it found the data as the fingerprint says, so it does not end the offer. Nor does
saving an unsent draft on Outreach: the fingerprint leaves drafts out, and the undo keeps them,
but for those to people the import added, which go with them (`undo_drafts_sentence`).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd

from infoint import db, profile, targets, text
from infoint.errors import InvalidInputError
from infoint.importer import IMPORTED_TABLES, fingerprint


@dataclass(frozen=True)
class DatabaseSummary:
    path: Path | None
    contacts: int
    companies: int
    interactions: int
    meetings: int
    imports: int


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # the user's clock time (profile.zone), without its zone
    size_bytes: int
    note: str = ""  # why it was taken, e.g. "Before importing Connections.csv"
    # When, as the page names it: "27 Nov 2026, 17:02", to the second when another backup
    # was taken in the same minute, and numbered when in the same second too (`_labels`)
    label: str = ""


@dataclass(frozen=True)
class UndoOffer:
    """The last import that changed something, which can still be taken back by restoring
    `backup`, or, when it was the first (`backup` None), by emptying the tables it filled.
    `unchanged_since` counts the imports after it, which changed nothing."""

    batch_id: int
    file_name: str
    imported_at: datetime
    backup: Path | None
    unchanged_since: int = 0


def file_size(path: Path | None) -> int:
    """Bytes on disk for a database, counting its write-ahead log."""
    if path is None or not path.is_file():
        return 0
    wal = path.with_name(path.name + ".wal")
    return path.stat().st_size + (wal.stat().st_size if wal.is_file() else 0)


# Beside the count of companies: what it counts, so it can be compared with Targets'.
COMPANIES_HELP = (
    "The companies your contacts work at and those you added, as Targets lists them; "
    "placeholders such as 'N/A' are left out."
)


def path_said(path: Path | str | None) -> str:
    """`path` as Markdown reads it back unchanged: a code span, as the sidebar shows the
    database (not `st.code`, whose block makes the browser load and run a 1.5 MB syntax
    highlighter on the page's first visit). Inside a code span nothing is a mark, backslashes
    included; only a run of backticks as long as its fence ends it, so the fence is longer
    than any run the path holds, and spaced off a backtick at either end."""
    said = str(path)
    runs = "".join(c if c == "`" else " " for c in said).split()
    fence = "`" * (max(map(len, runs), default=0) + 1)
    pad = " " if said.startswith("`") or said.endswith("`") else ""
    return f"{fence}{pad}{said}{pad}{fence}"


def database_summary(conn: duckdb.DuckDBPyConnection) -> DatabaseSummary:
    """Where the database is and how much it holds. The companies are those the Targets page
    lists for the whole network (`targets.count_chosen`), so the two numbers never differ: a
    placeholder employer such as 'N/A' is no company."""
    path = db.database_path(conn)
    contacts, interactions, meetings, imports = conn.execute(
        "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions),"
        " (SELECT count(*) FROM meetings), (SELECT count(*) FROM import_batches)"
    ).fetchall()[0]
    companies = targets.count_chosen(conn)[0]
    return DatabaseSummary(
        path, int(contacts), companies, int(interactions), int(meetings), int(imports)
    )


def space_used(conn: duckdb.DuckDBPyConnection) -> str:
    """How much disk the data and its backups take, in one number.

    The database's own file is small until DuckDB folds its log of changes into it, and then
    grows by a quarter-megabyte block at a time; a backup is written out whole at once, in
    small blocks (`db.BACKUP_BLOCK_SIZE`). Their sizes side by side would only puzzle, so they
    are added up.
    """
    path = db.database_path(conn)
    if path is None:
        return ""
    backups = db.backup_files(path)  # sizes alone: no backup is opened for its note
    total = file_size(path) + sum(b.path.stat().st_size for b in backups)
    size = f"{total / 1_000_000:.1f} MB"
    if not backups:
        return f"Your data takes {size} on this computer's disk."
    return (
        f"Your data and its {text.counted(len(backups), 'backup')} take {size} of disk in all; "
        "each backup is a full copy of your data."
    )


# Each import that can be undone, oldest first: the backup taken before it, the file imported.
_UNDO_POINTS = (
    "SELECT u.backup_file, b.file_name FROM import_undo u"
    " JOIN import_batches b ON b.id = u.batch_id ORDER BY u.batch_id"
)


def has_backups(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether this database has a backup to go back to, from their file names alone."""
    path = db.database_path(conn)
    return path is not None and bool(db.backup_files(path))


def list_backups(conn: duckdb.DuckDBPyConnection) -> list[BackupInfo]:
    """The backups of this database, newest first, with when and why each was taken.

    Which file an import backup came before is in the undo points of the data (`import_undo`);
    after an undo or a restore the data no longer holds them, but the copy taken just before
    does, and names the import an undo took back: its last undo point. So the notes are read
    from the backups too, and stay the same whatever was restored since. A backup is opened
    only when its note needs it (75 ms each at 30,000 contacts): an undo's own, and one newer
    than an import backup the data does not name, as only a later copy can name it."""
    path = db.database_path(conn)
    if path is None:
        return []
    found = db.backup_files(path)
    imported = dict(conn.execute(_UNDO_POINTS).fetchall())
    import_backups = [b.path.name if b.reason == "import" else None for b in found]
    undone = {}
    for position, backup in enumerate(found):  # newest first: the latest word on a backup wins
        older_unnamed = any(
            name is not None and name not in imported for name in import_backups[position + 1 :]
        )
        if backup.reason != "undo" and not older_unnamed:
            continue
        points = _held_in(str(backup.path), *_stamp(backup.path)).undo_points
        for backup_file, file_name in points:
            imported.setdefault(backup_file, file_name)
        if backup.reason == "undo" and points:
            undone[backup.path.name] = points[-1][1]
    # A backup's name has the machine's clock time; the pages speak the user's (profile.zone).
    zone = profile.zone(conn)
    taken = [backup.taken_at.astimezone(zone).replace(tzinfo=None) for backup in found]
    return [
        BackupInfo(
            backup.path,
            when,
            backup.path.stat().st_size,
            _why(backup, imported.get(backup.path.name), undone.get(backup.path.name)),
            label,
        )
        for backup, when, label in zip(found, taken, _labels(taken), strict=True)
    ]


def _labels(taken: list[datetime]) -> list[str]:
    """Each moment as `text.moment` writes it ('27 Nov 2026, 17:02'), but told apart from the
    others: two backups in the same minute (a backup, then a restore that takes one) read the
    same and were told apart only by their notes, so those are given to the second
    ('17:02:15'), and two in the same second are numbered in the order taken ('(1 of 2)')."""
    minutes = Counter(when.replace(second=0, microsecond=0) for when in taken)
    seconds = Counter(when.replace(microsecond=0) for when in taken)
    labels = []
    for position, when in enumerate(taken):
        label = text.moment(when)
        if minutes[when.replace(second=0, microsecond=0)] > 1:
            label += f":{when:%S}"
        second = when.replace(microsecond=0)
        if seconds[second] > 1:
            # Newest first in the list: the older ones of the same second come after it.
            older = sum(1 for t in taken[position + 1 :] if t.replace(microsecond=0) == second)
            label += f" ({older + 1} of {seconds[second]})"
        labels.append(label)
    return labels


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


class _Held(NamedTuple):
    """What a backup holds that its notes and the way back read: its undo points
    (`_UNDO_POINTS`; none from a backup taken before they were kept) and its imports (id, file
    digest, time; none from one taken before imports were recorded, None from a file that
    cannot be read as a backup); and for the restore question, its writes: the `fingerprint`
    of its data, how many writes it counts and when the last was (None from a file that
    cannot be read, or from before writes were counted), and its drafts (`_DRAFTS_MARK`),
    which neither counts."""

    undo_points: tuple[tuple[str | None, str], ...]
    imports: frozenset[tuple[int, str, datetime]] | None
    writes: tuple[str, int, datetime | None] | None = None
    drafts: tuple[int, int | None] = (0, None)


# What changes with every draft saved or dropped (`outreach.save_draft` replaces a draft by a
# new row, of a higher id): drafts are written uncounted (`db.transaction`, `draft_only`).
_DRAFTS_MARK = "SELECT count(*), max(id) FROM outreach_drafts"


@functools.lru_cache(maxsize=64)
def _held_in(path: str, mtime_ns: int, size: int) -> _Held:
    """`_Held` of a backup, read once per file (keyed by its time and size: a backup is never
    written again), the two with one opening."""
    try:
        copy = duckdb.connect(path, read_only=True)
    except duckdb.Error:
        return _Held((), None)
    try:
        try:
            points = tuple(copy.execute(_UNDO_POINTS).fetchall())
        except duckdb.Error:  # a backup from before undo points were kept
            points = ()
        try:
            imports = frozenset(
                copy.execute("SELECT id, sha256, imported_at FROM import_batches").fetchall()
            )
        except duckdb.CatalogException:  # no imports table: from before any import
            imports = frozenset()
        except duckdb.Error:
            imports = None
        try:
            count, last = copy.execute(
                "SELECT count(*), max(written_at) FROM write_log"
            ).fetchall()[0]
            writes = (fingerprint(copy), int(count), last)
        except duckdb.Error:  # a backup from before writes were counted
            writes = None
        try:
            drafts = _drafts_mark(copy)
        except duckdb.Error:  # a backup from before drafts were kept
            drafts = (0, None)
        return _Held(points, imports, writes, drafts)
    finally:
        copy.close()


def _drafts_mark(conn: duckdb.DuckDBPyConnection) -> tuple[int, int | None]:
    count, last = conn.execute(_DRAFTS_MARK).fetchall()[0]
    return int(count), last


def restore_question(conn: duckdb.DuckDBPyConnection, backup: BackupInfo) -> str:
    """What restoring `backup` does, in the words of Settings' question: whether anything was
    saved since it was taken, which is lost from the data (though backed up first). Opens the
    backup, once per file (`_held_in`): call it only while the question is asked."""
    said = f"Your data goes back to how it was on {backup.label or text.moment(backup.taken_at)}. "
    since = saved_since(conn, backup.path)
    if since is False:
        return said + "Nothing has been saved since that backup was taken, so nothing is lost."
    kept = "today's data is backed up first, so you can restore it again if this was a mistake."
    if since:
        return said + f"What you saved after that is lost from your data, but {kept}"
    return said + f"Whatever changed since that backup was taken is lost from your data, but {kept}"


def saved_since(conn: duckdb.DuckDBPyConnection, backup: Path) -> bool | None:
    """Whether anything was saved after `backup` was taken: False when the data is still as
    the backup holds it (the same writes counted, the last at the same moment, and every
    table's rows: `fingerprint`, as the undo offer tells it, and the same drafts), True when
    the data holds the backup's last write and more after it, or only other drafts (which the
    writes do not count, and a restore loses), None when that cannot be told (a backup that
    cannot be read or from before writes were counted, or data that went another way, after
    restoring an older backup, say)."""
    held_in = _held_in(str(backup), *_stamp(backup))
    if held_in.writes is None:
        return None
    held, count, last = held_in.writes
    now, now_last, holds_last = conn.execute(
        "SELECT count(*), max(written_at), count(*) FILTER (WHERE written_at = ?) FROM write_log",
        [last],
    ).fetchall()[0]
    if now == count and now_last == last and fingerprint(conn) == held:
        return _drafts_mark(conn) != held_in.drafts
    if last is not None and holds_last and now > count:
        return True
    return None


def _why(found: db.BackupFile, imported: str | None, undone: str | None) -> str:
    if found.reason == "import" and imported is not None:
        return f"Before importing {imported}"
    if found.reason == "undo" and undone is not None:
        return f"Before undoing the import of {undone}"
    return {
        "manual": "Made by you",
        "import": "Before an import",
        "restore": "Before restoring an earlier backup",
        "undo": "Before undoing an import",
        "demo": "Before removing the demo data",
    }[found.reason]


def import_history(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import so far, newest first: when, which file, and what it did, counted and in
    words (`did`, `import_did`)."""
    history = conn.execute(
        "SELECT imported_at, file_name, added, updated, unchanged, skipped"
        " FROM import_batches ORDER BY id DESC"
    ).df()
    history["did"] = [
        import_did(*counts)
        for counts in zip(
            history["added"],
            history["updated"],
            history["unchanged"],
            history["skipped"],
            strict=True,
        )
    ]
    return history


def import_did(added: int, updated: int, unchanged: int, skipped: int) -> str:
    """What an import did, in "Your imports": '148 added, 2 skipped'. One column of words, not
    four of counts: in an 800 px window (sidebar open, scroll bars drawn) the table has 456 px,
    and the time and four counts took 395 of them, leaving LinkedIn's archive name (about 370
    px) past the edge. Counts of none are left out."""
    said = [
        f"{count:,} {word}"
        for count, word in (
            (added, "added"),
            (updated, "updated"),
            (unchanged, "unchanged"),
            (skipped, "skipped"),
        )
        if count
    ]
    return ", ".join(said) or "nothing in it"


NO_IMPORTS_YET = "No imports yet. Your first one appears here with what it added."
NO_IMPORTS_KEPT = (
    "No imports kept: the last one was undone. Your next one appears here with what it added."
)
# A restore took back the imports its own backup holds: one, or {count}.
NO_IMPORTS_RESTORED_ONE = (
    "No imports kept: you restored a backup from before your import. Your next one appears "
    "here with what it added."
)
NO_IMPORTS_RESTORED = (
    "No imports kept: you restored a backup from before your {count} imports. Your next one "
    "appears here with what it added."
)
# How many is not known here: words right for one import and for many.
NO_IMPORTS_TAKEN_BACK = (
    "No imports kept: what you imported was undone, or an older backup was restored. Your next "
    "one appears here with what it added."
)


def no_imports_sentence(conn: duckdb.DuckDBPyConnection) -> str:
    """What "Your imports" says when the data holds no import. "No imports yet" was untrue
    right after the user undid their only import, and after they restored a backup taken before
    every import (walkthroughs): the data is then as it was before them, and holds no trace of
    them. Only backups (newest first) can tell. Data is taken back by an undo or a restore, and
    each backs the data up first: the newest such backup that holds an import says which took
    the imports away (an undo's always does; a restore's is opened to see, `_held_in`, and
    says how many it took back: "your import", "your 3 imports"). Else a backup taken before
    an import (one is deleted when its import fails), an undo's, or one holding an import says
    that the user imported, though not what took it back nor how many, in words right for one
    and for many. Once every such backup is pruned, nothing tells, and it says "No imports
    yet"."""
    path = db.database_path(conn)
    if path is None:
        return NO_IMPORTS_YET
    found = db.backup_files(path)

    def held_imports(backup: db.BackupFile) -> int:
        return len(_held_in(str(backup.path), *_stamp(backup.path)).imports or ())

    for backup in found:
        if backup.reason == "undo":
            return NO_IMPORTS_KEPT
        if backup.reason == "restore" and (count := held_imports(backup)):
            if count == 1:
                return NO_IMPORTS_RESTORED_ONE
            return NO_IMPORTS_RESTORED.format(count=f"{count:,}")
    if any(b.reason == "import" or held_imports(b) for b in found):
        return NO_IMPORTS_TAKEN_BACK
    return NO_IMPORTS_YET


def undo_offer(conn: duckdb.DuckDBPyConnection) -> UndoOffer | None:
    """The last import that changed something, if it can be undone: its backup is still
    there and nothing but imports that changed nothing was written since."""
    offer, _ = undo_state(conn)
    return offer


def _go_back(
    conn: duckdb.DuckDBPyConnection,
    imported_at: datetime | None = None,
    backup_file: str | None = None,
    batch_id: int | None = None,
) -> str:
    """The way back when an import can no longer be undone: a backup, when there is one from
    before that import (`imported_at`; None when no import changed anything). A first import
    into an empty database takes none, and pointing to the backups then led a new user to 'No
    backups yet'; pointing to backups all taken after the import led to none that goes back."""
    if not has_backups(conn):
        return (
            "there is no backup to go back to either (“Back up now” in Settings makes one, "
            "to keep what you have from here on)."
        )
    if imported_at is None or _backup_from_before(conn, batch_id, imported_at, backup_file):
        return "to go back, restore a backup in Settings."
    return (
        "there is no backup from before it either: the backups in Settings were all taken after it."
    )


def _backup_from_before(
    conn: duckdb.DuckDBPyConnection,
    batch_id: int | None,
    imported_at: datetime,
    backup_file: str | None,
) -> bool:
    """Whether a backup holds the data as it was before import `batch_id` (at `imported_at`):
    the one the import took itself (`backup_file`), or any taken earlier.

    `imported_at` is wall time in the zone the user had then, which nothing records, so it is
    not compared with the backups' times: after a change of zone that was off by the change.
    With a backup of its own, the import's moment is that backup's time, on the same machine
    clock as every backup's (its file name; none is opened). Without one (a first import, or
    one from before undo points were kept), a backup is from before the import when it does
    not hold it (`_held_in`, opened once per file); one that cannot be read is judged by
    the clock in today's zone, as before."""
    path = db.database_path(conn)
    if path is None:
        return False
    found = db.backup_files(path)
    if backup_file is not None:
        own = _import_backup_time(backup_file)
        if own is not None:
            return any(b.path.name == backup_file or b.taken_at < own for b in found)
    batch = conn.execute(
        "SELECT id, sha256, imported_at FROM import_batches WHERE id = ?", [batch_id]
    ).fetchall()
    zone = profile.zone(conn)
    for backup in reversed(found):  # oldest first: the likeliest to be from before
        held = _held_in(str(backup.path), *_stamp(backup.path)).imports
        if held is None:
            if backup.taken_at.astimezone(zone).replace(tzinfo=None) < imported_at:
                return True
        elif not batch or batch[0] not in held:
            return True
    return False


def _import_backup_time(name: str) -> datetime | None:
    """The moment of an import's own backup, from the name the undo point keeps (known even
    once the file is gone)."""
    found = db.backup_named(name)
    return found[0] if found is not None and found[1] == "import" else None


# The last import that changed something, and its undo point, if it has one.
_LAST_CHANGE = (
    " FROM (SELECT 1) AS one"
    " LEFT JOIN (SELECT * FROM import_batches WHERE added + updated > 0"
    "            ORDER BY id DESC LIMIT 1) AS b ON true"
    " LEFT JOIN import_undo AS u ON u.batch_id = b.id"
)


def can_go_back(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether Settings has a backup to go back to when the last import can't be undone, as
    `undo_state`'s sentence says: one from before the last import that changed something (or
    any, when none changed anything)."""
    if not has_backups(conn):
        return False
    batch_id, imported_at, backup_file = conn.execute(
        f"SELECT b.id, b.imported_at, u.backup_file {_LAST_CHANGE}"
    ).fetchall()[0]
    return batch_id is None or _backup_from_before(conn, batch_id, imported_at, backup_file)


def _named(file_name: str, imported_at: datetime) -> str:
    """'Connections.csv (27 Nov 2026, 16:40)': an import as "Your imports" lists it, at the time
    it was recorded (the user's wall time then), as the undo offer says it."""
    return f"{file_name} ({text.moment(imported_at)})"


def undo_state(conn: duckdb.DuckDBPyConnection) -> tuple[UndoOffer | None, str | None]:
    """The undo offer for the last import that changed something, or why there is none, in
    one sentence, so the undo button does not just vanish; (None, None) when there was no
    import to undo. One call, as the page asks both: the check counts every table's rows."""
    path = db.database_path(conn)
    if path is None:
        return None, None
    rows = conn.execute(
        "SELECT b.id, b.file_name, b.imported_at, u.backup_file, u.fingerprint,"
        " (SELECT count(*) FROM import_batches WHERE id > b.id),"
        " (SELECT count(*) FROM import_batches),"
        " (SELECT file_name FROM import_batches ORDER BY id DESC LIMIT 1),"
        f" (SELECT imported_at FROM import_batches ORDER BY id DESC LIMIT 1) {_LAST_CHANGE}"
    ).fetchall()
    batch_id, file_name, imported_at, backup_file, recorded, since, imports, *last = rows[0]
    if not imports:
        return None, None
    if batch_id is None:  # every import found its people here already, or left them out
        return (
            None,
            f"Your last import, {_named(*last)}, changed nothing, so there is nothing to undo; "
            f"{_go_back(conn)}",
        )

    # Named by its file: "your last import that changed something" was hard to read under a
    # re-import that changed nothing. And by its time: LinkedIn names every export
    # Connections.csv, so under two rows of that name the file alone did not say which.
    named = _named(file_name, imported_at)

    def back() -> str:
        return _go_back(conn, imported_at, backup_file, batch_id)

    if recorded is None:  # imported before undo points were kept
        return None, f"Your import of {named} can't be undone here; {back()}"
    backup = db.backups_dir(path) / backup_file if backup_file else None
    if backup is not None and not backup.is_file():
        return None, (
            f"The backup taken before you imported {named} is gone, so that import can no "
            f"longer be undone here; {back()}"
        )
    if fingerprint(conn) != recorded:
        return None, (
            f"You saved other changes after importing {named}, so that import can no "
            f"longer be undone here; {back()}"
        )
    return UndoOffer(int(batch_id), file_name, imported_at, backup, int(since)), None


def undo_import(db_path: Path, offer: UndoOffer) -> None:
    """Put the data back as it was before the import. Close every connection to the database
    first.

    The first import only added rows, so they are deleted; the data as it is is backed up
    first, as a restore does, so a mistaken undo can be taken back. The user's unsent drafts
    are kept as they are now (saving one does not end the offer): those to people still there
    after the undo, the import's own going with them (`undo_drafts_sentence` says so first).
    A draft is kept by the person's id, which names the same person in the data before the
    import: nothing but imports that changed nothing was written since.
    """
    if offer.backup is not None:
        conn = db.connect(db_path)
        try:
            drafts = conn.execute(
                f"SELECT {_DRAFT_COLUMNS} FROM outreach_drafts ORDER BY id"
            ).fetchall()
        finally:
            conn.close()
        db.restore(db_path, offer.backup, reason="undo")
        conn = db.connect(db_path)
        try:
            _put_back(conn, drafts)
        except duckdb.Error:
            raise InvalidInputError(
                f"The import of {offer.file_name} was undone, but your unsent drafts could not "
                "be put back: restore the backup made before undoing it, in Settings, to get "
                "them back."
            ) from None
        finally:
            conn.close()
        return
    conn = db.connect(db_path)
    try:
        still = undo_offer(conn)
        if still is None or still.batch_id != offer.batch_id:
            raise InvalidInputError(
                f"The import of {offer.file_name} can no longer be undone: something was saved "
                "since, so nothing was changed."
            )
        db.backup(conn, reason="undo")
        with db.transaction(conn):
            for table in IMPORTED_TABLES:
                conn.execute(f"DELETE FROM {table}")
            conn.execute(_DROP_DRAFTS_OF_PEOPLE_GONE)
    finally:
        conn.close()


# A draft's own columns but its id: drafts put back after an undo take new ids from the
# restored data's sequence (their own would be handed out again), in the order they had.
_DRAFT_COLUMNS = (
    "contact_id, template_id, kind, subject, body, composed_subject, composed_body,"
    " logged_before, saved_at"
)
_DROP_DRAFTS_OF_PEOPLE_GONE = (
    "DELETE FROM outreach_drafts WHERE contact_id NOT IN (SELECT id FROM contacts)"
)


def _put_back(conn: duckdb.DuckDBPyConnection, drafts: list[tuple]) -> None:
    """Make the drafts of the restored data `drafts`, bar those to people it does not hold:
    the drafts it had from before the import were kept, sent, replaced or dropped since."""
    with db.transaction(conn, draft_only=True):
        conn.execute("DELETE FROM outreach_drafts")
        if drafts:
            conn.executemany(
                f"INSERT INTO outreach_drafts ({_DRAFT_COLUMNS})"
                f" VALUES ({', '.join('?' * len(drafts[0]))})",
                drafts,
            )
        conn.execute(_DROP_DRAFTS_OF_PEOPLE_GONE)


# The people an import added who have an unsent draft (none of its kind logged for them since,
# as Outreach offers drafts): added in the import's own transaction, so at its very moment
# (`current_localtimestamp()` is the transaction's start, in both tables' defaults).
_DRAFTS_TO_THE_ADDED = """
    SELECT concat_ws(' ', nullif(c.first_name, ''), nullif(c.last_name, '')) AS name,
           count(*) AS drafts, c.created_at = b.imported_at AS added
    FROM outreach_drafts d
    JOIN contacts c ON c.id = d.contact_id
    JOIN import_batches b ON b.id = $batch
    WHERE d.logged_before >= coalesce((
        SELECT max(i.id) FROM interactions i WHERE i.contact_id = d.contact_id AND i.kind = d.kind
    ), 0)
    GROUP BY c.id, name, c.created_at, b.imported_at
    ORDER BY name, c.id
"""
# Named one by one up to this many; more are counted.
_NAMED_AT_MOST = 3


def undo_drafts_sentence(conn: duckdb.DuckDBPyConnection, offer: UndoOffer) -> str:
    """What undoing `offer` does besides, for the undo's question: nothing else is lost, the
    user's unsent drafts are kept, and those to people the import added go with them."""
    rows = conn.execute(_DRAFTS_TO_THE_ADDED, {"batch": offer.batch_id}).fetchall()
    going = [(name or "someone without a name", drafts) for name, drafts, added in rows if added]
    kept = len(rows) > len(going)
    if not going:
        said = "Nothing else has changed since, so nothing else is lost"
        return said + ("; your unsent drafts are kept." if kept else ".")
    drafts = sum(count for _, count in going)
    who = (
        text.joined([name for name, _ in going])
        if len(going) <= _NAMED_AT_MOST
        else text.counted(len(going), "person", "people")
    )
    return (
        f"Your unsent {'draft' if drafts == 1 else 'drafts'} to {who}, whom that import "
        f"added, {'goes' if drafts == 1 else 'go'} too; nothing else is lost"
        + (", and your other drafts are kept." if kept else ".")
    )
