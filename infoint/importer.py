"""Upsert a LinkedIn export into the database in one set-based transaction; report what changed.

The frame from `infoint.linkedin` is registered once and every step is a SQL statement over it:
no Python loop over rows. Identity is the normalised profile URL; rows without one get the
fallback key `nourl:<first>|<last>|<connected on>` (lower-cased: the `fallback_key` macro), and
a later row with a URL adopts the URL-less contact with that key. Only LinkedIn-owned fields
(company, position, the export's email, a missing URL or connection date) are ever updated.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from os import PathLike
from pathlib import Path
from typing import NamedTuple

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from infoint import contacts, db, profile, text
from infoint.errors import InfointError
from infoint.linkedin import Connections, SkippedRow, read_connections
from infoint.targets import lookalikes, visible_key_sql

Progress = Callable[[float, str], None]

# Named moments at which `INFOINT_FAULT=<name>` kills the process, so tests can prove that a
# crash leaves either all of an import or none of it.
FAULT_POINTS = ("after_parse", "mid_upsert", "before_commit", "after_commit")


def fault_point(step: str) -> None:
    """Kill this process outright (no cleanup, like a power cut) if INFOINT_FAULT names `step`."""
    if os.environ.get("INFOINT_FAULT") == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


class OlderExportError(InfointError):
    """The file looks older than a LinkedIn export imported before, and importing it would put
    people back in the jobs and titles they had then; nothing was written.

    Two facts about exports tell: a newer one holds every connection up to the day it was
    downloaded, so its newest "Connected On" is at least as late as any before it; and it gives
    each person the day you connected, or a later one if you connected again, never an earlier.
    `earlier` counts those people it would move whose day the file gives as earlier than the
    day saved for them."""

    def __init__(self, file_newest: date, saved_newest: date, people: int, earlier: int):
        self.file_newest, self.saved_newest = file_newest, saved_newest
        self.people, self.earlier = people, earlier
        if file_newest < saved_newest:
            seen = (
                f"its newest connection is {text.day(file_newest)}, but you have people "
                f"connected up to {text.day(saved_newest)}"
            )
        else:
            seen = (
                f"it dates your connection with {text.counted(earlier, 'person', 'people')} "
                "earlier than that one did"
            )
        jobs = "job and title" if people == 1 else "jobs and titles"
        super().__init__(
            f"This file looks older than one you imported before: {seen}, so importing it "
            f"would move {text.counted(people, 'person', 'people')} back to the {jobs} it lists."
        )


# How `contact_changes` names a change an older file made (imported anyway): it puts someone
# back in a job or title they had before, no news, so it is neither listed nor exported as a
# job change; the person's history still says what changed and when, in these words.
OLDER_FILE_FIELDS = {"company": "company (older file)", "position": "title (older file)"}
JOB_CHANGE_FIELDS = tuple(OLDER_FILE_FIELDS)


@dataclass(frozen=True)
class JobChange:
    contact_id: int
    name: str
    field: str  # 'company' or 'position'
    old: str
    new: str

    def describe(self) -> str:
        old, new = self.old or "(none)", self.new or "(none)"
        return f"{self.name}: {self.field} {old} → {new}"


@dataclass(frozen=True)
class Namesake:
    """Someone an import added under the name of a person you added yourself, whom no import
    can find: they have no profile address and no day of connecting, the two things an export
    knows people by. Perhaps one person twice; perhaps two people of one name."""

    contact_id: int  # the person the import added
    name: str
    company: str  # their employer as the export gives it ('' for none or a placeholder)
    yours_id: int  # the person you added of that name (the first, if you added several)
    yours_name: str

    def said(self, plain: Callable[[str], str] = str) -> str:
        """'Zoe Nunez (Acme)', or the name alone; user text through `plain`."""
        at = f" ({plain(self.company)})" if self.company else ""
        return f"{plain(self.name)}{at}"


# What to do about a namesake, in the words of a contact's record on Contacts.
MERGE_HOW = (
    "If it is one person twice, open the one you added on Contacts and, under Merge or "
    "delete, find the new one as the other record, then choose Merge into this record."
)
NAMESAKES_SHOWN = 5  # named in the sentence; the rest counted


@dataclass
class ImportReport:
    batch_id: int | None
    file_name: str
    added: int
    updated: int
    unchanged: int
    skipped: int  # every data row not imported, nameless rows included
    skipped_rows: list[SkippedRow] = field(default_factory=list)
    changes: list[JobChange] = field(default_factory=list)
    backup: Path | None = None  # the copy taken just before this import, if any
    # People an older file (imported anyway) put back in an earlier job or title: not news.
    moved_back: int = 0
    # People added who have the name of someone you added yourself (`Namesake`).
    namesakes: list[Namesake] = field(default_factory=list)

    def moved_back_sentence(self) -> str:
        """What an older file did to the people it updated, said without congratulations."""
        if not self.moved_back:
            return ""
        who = text.counted(self.moved_back, "person is", "people are")
        return (
            f"{who} back at the job or title this older file lists: no news to congratulate "
            "anyone on, and each record notes the change."
        )

    def namesakes_sentence(self, plain: Callable[[str], str] = str) -> str:
        """Who this import added under the name of someone you added yourself, and what to
        do: "Zoe Nunez (Acme) is new from this file and has the same name as Zoë Núñez, whom
        you added yourself. If it is one person twice, …". Names go through `plain`; '' when
        there is no one. Never merged here: two people may share a name."""
        if not self.namesakes:
            return ""
        if len(self.namesakes) == 1:
            one = self.namesakes[0]
            lead = (
                f"{one.said(plain)} is new from this file and has the same name as "
                f"{plain(one.yours_name)}, whom you added yourself."
            )
        else:
            named = [namesake.said(plain) for namesake in self.namesakes[:NAMESAKES_SHOWN]]
            if len(self.namesakes) > NAMESAKES_SHOWN:
                named.append(f"{len(self.namesakes) - NAMESAKES_SHOWN:,} more")
            lead = (
                f"{len(self.namesakes):,} people new from this file have the same name as "
                f"someone you added yourself: {text.joined(named)}."
            )
        return f"{lead} {MERGE_HOW}"

    def summary(self) -> str:
        """One sentence leading with what the import meant, e.g. "Added 120 people and updated
        3; 4,210 already up to date; 12 rows skipped." or, for a re-import that changed
        nothing, "Already up to date: all 4 people in it were here already; 1 row skipped."."""
        skipped = [f"{text.counted(self.skipped, 'row')} skipped"] if self.skipped else []
        if self.added or self.updated:
            # The noun once, with the first number: "added 1 person and updated 3".
            done = [
                f"{verb} {n:,}"
                for verb, n in (("added", self.added), ("updated", self.updated))
                if n
            ]
            done[0] += " person" if (self.added or self.updated) == 1 else " people"
            known = [f"{self.unchanged:,} already up to date"] if self.unchanged else []
            sentence = "; ".join([" and ".join(done), *known, *skipped])
        elif self.unchanged:
            who = (
                "the one person in it was"
                if self.unchanged == 1
                else "both people in it were"
                if self.unchanged == 2
                else f"all {self.unchanged:,} people in it were"
            )
            sentence = "; ".join([f"Already up to date: {who} here already", *skipped])
        elif self.skipped == 1:
            sentence = "No one was imported: the one row was skipped"
        elif self.skipped == 2:
            sentence = "No one was imported: both rows were skipped"
        else:
            sentence = f"No one was imported: all {self.skipped:,} rows were skipped"
        return sentence[0].upper() + sentence[1:] + "."

    def as_dict(self) -> dict:
        """Plain values for `infoint import --json`."""
        return {
            "batch_id": self.batch_id,
            "file_name": self.file_name,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "skipped_rows": [asdict(row) for row in self.skipped_rows],
            "changes": [asdict(change) for change in self.changes],
            "moved_back": self.moved_back,
            "namesakes": [asdict(namesake) for namesake in self.namesakes],
            "backup": str(self.backup) if self.backup else None,
        }


def import_file(
    conn: duckdb.DuckDBPyConnection,
    source: str | PathLike[str] | bytes,
    *,
    filename: str | None = None,
    progress: Progress | None = None,
    anyway: bool = False,
) -> ImportReport:
    """Read a Connections.csv or LinkedIn archive (path, or bytes with a name) and import it."""
    _report_progress(progress, 0.05, "Reading the file…")
    connections = read_connections(source, filename)
    fault_point("after_parse")
    return import_connections(conn, connections, progress=progress, anyway=anyway)


def import_connections(
    conn: duckdb.DuckDBPyConnection,
    connections: Connections,
    *,
    progress: Progress | None = None,
    anyway: bool = False,
) -> ImportReport:
    """Import parsed connections in one transaction, recorded in `import_batches`.

    A file that looks older than what was imported before, and would move someone back to an
    earlier job or title, raises `OlderExportError` and writes nothing, unless `anyway`.

    An import that changes something can be undone (`settings.undo_offer`), from the page or
    the command line alike: once the plan shows it will change something, and before it
    writes, the database is backed up (`db.backup`, reason 'import'), and the undo point (that
    backup, and a fingerprint of the data just after) is written in the import's transaction.
    The backup is a snapshot taken after the import's own began, so a write committed between
    the two ends the undo offer rather than being lost by an undo. An import that changes
    nothing takes no backup and offers no undo of its own; but when the data it found was as
    the last undo point left it, it carries that point forward (`_carry_undo_point`), so
    importing the same file again does not take away the undo of the import that changed
    something. The first import, into a database without people or companies, only adds rows:
    its undo deletes them, so it needs no backup.
    """
    undoable = db.database_path(conn) is not None
    taken: list[Path] = []

    def back_up_first() -> None:
        if undoable and _holds_people(conn):
            _report_progress(progress, 0.5, "Backing up your data first…")
            taken.append(db.backup(conn, reason="import"))

    try:
        with contacts.ADDING_PEOPLE, db.transaction(conn):
            report = upsert_connections(
                conn,
                connections,
                source="linkedin",
                progress=progress,
                before_changes=back_up_first,
                refuse_older=not anyway,
            )
            if undoable and (report.added or report.updated):
                _record_undo_point(conn, report.batch_id, taken[0] if taken else None)
            elif undoable:  # changed nothing
                _carry_undo_point(conn)
            fault_point("before_commit")
    except BaseException:
        for backup in taken:  # nothing was imported: the copy of the data as it is goes too
            backup.unlink(missing_ok=True)
        raise
    fault_point("after_commit")
    report.backup = taken[0] if taken else None
    _report_progress(progress, 1.0, report.summary())
    return report


# What an import writes to. While all are empty, undoing an import means emptying them again.
IMPORTED_TABLES = (
    "contacts",
    "companies",
    "contact_changes",
    "import_batches",
    "contact_aliases",
    "company_aliases",
)


def _holds_people(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether any table an import writes to holds a row."""
    rows = " UNION ALL ".join(f"SELECT 1 FROM {table}" for table in IMPORTED_TABLES)
    return bool(conn.execute(f"SELECT EXISTS ({rows})").fetchall()[0][0])


# Bookkeeping, not the user's data: writing these must not withdraw the undo offer. Nor
# must saving an unsent draft (`outreach_drafts`, written uncounted by `db.transaction`):
# the undo keeps the drafts (`settings.undo_import`), bar those to people the import added.
_NOT_DATA = ("migrations", "import_undo", "write_log", "company_spellings", "outreach_drafts")


def fingerprint(conn: duckdb.DuckDBPyConnection) -> str:
    """The writes committed so far (`write_log`, counted by every `db.transaction` but a
    draft's) and each data table's row count: a later write changes it, and an insert or
    delete that escaped a transaction changes it too."""
    return _fingerprint_of(_row_counts(conn))


def _row_counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = conn.execute(
        "SELECT table_name FROM duckdb_tables()"
        " WHERE database_name = current_database() AND schema_name = 'main'"
        " AND NOT temporary AND table_name NOT IN ?",
        [list(_NOT_DATA)],
    ).fetchall()
    names = ["write_log", *sorted(row[0] for row in tables)]
    # One row per table: DuckDB plans a union of counts in about half the time of as many
    # scalar subqueries (2.7 against 4.6 ms over the sixteen tables, inside an import).
    counts = " UNION ALL ".join(
        f'SELECT {index}, count(*) FROM "{name}"' for index, name in enumerate(names)
    )
    found = dict(conn.execute(counts).fetchall())
    return {name: found[index] for index, name in enumerate(names)}


def _fingerprint_of(counts: dict[str, int]) -> str:
    return ";".join(f"{name}:{counts[name]}" for name in sorted(counts))


def _record_undo_point(conn: duckdb.DuckDBPyConnection, batch_id: int, backup: Path | None) -> None:
    """The backup taken before this import (None when there was nothing to keep) and the data
    just after it. Call inside the import's transaction, after its writes."""
    conn.execute(
        "INSERT INTO import_undo (batch_id, backup_file, fingerprint) VALUES (?, ?, ?)",
        [batch_id, backup.name if backup else None, fingerprint(conn)],
    )


def _carry_undo_point(conn: duckdb.DuckDBPyConnection) -> None:
    """Move the last undo point past an import that changed nothing, if the data it found
    was as that point left it: the point's backup is still the data before its import.

    Call inside that import's transaction, after its writes, which are one row of
    `write_log` and one of `import_batches` (its memo of company spellings is not data): the
    data it found is the data now less those two. A write committed after the transaction's
    snapshot began is not seen here, and ends the offer later."""
    rows = conn.execute(
        "SELECT batch_id, fingerprint FROM import_undo ORDER BY batch_id DESC LIMIT 1"
    ).fetchall()
    if not rows:
        return
    after = _row_counts(conn)
    found = {
        **after,
        "write_log": after["write_log"] - 1,
        "import_batches": after["import_batches"] - 1,
    }
    if _fingerprint_of(found) == rows[0][1]:
        conn.execute(
            "UPDATE import_undo SET fingerprint = ? WHERE batch_id = ?",
            [_fingerprint_of(after), rows[0][0]],
        )


def upsert_connections(
    conn: duckdb.DuckDBPyConnection,
    connections: Connections,
    *,
    source: str,
    record_batch: bool = True,
    progress: Progress | None = None,
    before_changes: Callable[[], None] | None = None,
    refuse_older: bool = False,
) -> ImportReport:
    """The import itself. Call inside the caller's transaction: it writes but does not commit.

    `source` tags the contacts and companies it creates ('linkedin', or 'demo' for the demo
    data, which is not recorded as an import batch). `before_changes` runs once the plan
    shows that someone will be added or updated, before anything is written. `refuse_older`
    raises `OlderExportError` (see `_older_than_saved`) before then; the caller's transaction
    rolls back the memo of company spellings written so far.
    """
    try:
        latest = _latest_day(conn)
        rows, ahead = _without_days_ahead(connections.rows, latest)
        dated = rows  # what says how new the file is: every day that can have happened
        # Arrow: DuckDB scans it several times faster than pandas
        conn.register("_import_frame", rows)
        forgotten = _forgotten_rows(conn)
        if forgotten:
            lines = pa.array([row.line for row in forgotten], type=rows["line"].type)
            rows = rows.filter(pc.invert(pc.is_in(rows["line"], lines)))
            conn.register("_import_frame", rows)
        # Into an empty database, whether the file names anyone twice is all the plan needs to
        # know. That reads the file's rows alone, so a cursor of its own counts it meanwhile.
        repeats = None if _has_contacts(conn) else _BESIDE.submit(_repeats, conn.cursor(), rows)
        conn.register("_import_spellings", _spellings(rows))
        found = lookalikes(conn)  # once: inside the import's write it is not kept
        lookalike, saved_so = found.join("k.company_key")
        keys = _KEYS.format(lookalike=lookalike, saved_so=saved_so)
        conn.register("_import_keys", conn.sql(keys).to_arrow_table())
        conn.execute(
            "INSERT INTO company_spellings"
            " SELECT company, own_key FROM _import_keys WHERE NOT known AND own_key IS NOT NULL"
        )
        _report_progress(progress, 0.4, "Matching people you already have…")
        plan = _plan(conn, repeats, alike=found.unseen)
        full, added, updated, unchanged = plan.full, plan.added, plan.updated, plan.unchanged
        older = _older_than_saved(conn, dated, latest) if updated else None
        if older is not None and refuse_older:
            raise older
        if (added or updated) and before_changes is not None:
            before_changes()
        if added or updated:
            _add_companies(conn, source, plan.companies)
        fault_point("mid_upsert")
        _report_progress(progress, 0.6, "Comparing jobs and titles…")
        skipped_rows = [*connections.skipped, *ahead, *forgotten]
        if full:
            skipped_rows.extend(_plan_skips(conn))
        if ahead or forgotten or full:
            skipped_rows.sort(key=lambda r: r.line)
        batch_id = None
        if record_batch:
            batch_id = conn.execute(
                "INSERT INTO import_batches"
                " (file_name, sha256, added, updated, unchanged, skipped)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                [
                    connections.file_name,
                    connections.sha256,
                    added,
                    updated,
                    unchanged,
                    len(skipped_rows),
                ],
            ).fetchall()[0][0]
        _report_progress(progress, 0.8, "Saving…")
        changes = []
        if updated:
            changes = _record_changes(conn, batch_id, older=older is not None)
            _update_contacts(conn)
        namesakes = []
        if added:
            _add_contacts(conn, source)
            if repeats is None:  # there were people before: perhaps some you added
                namesakes = _namesakes(conn)
    finally:
        for name in ("_import_plan", "_import_keys", "_import_spellings", "_import_frame"):
            with suppress(duckdb.Error):
                conn.unregister(name)
    return ImportReport(
        batch_id=batch_id,
        file_name=connections.file_name,
        added=int(added),
        updated=int(updated),
        unchanged=int(unchanged),
        skipped=len(skipped_rows),
        skipped_rows=skipped_rows,
        changes=[] if older is not None else changes,
        moved_back=len({change.contact_id for change in changes}) if older is not None else 0,
        namesakes=namesakes,
    )


def _latest_day(conn: duckdb.DuckDBPyConnection) -> date:
    """The latest Connected On day an import keeps: the user's tomorrow. A later day cannot
    have happened yet, and keeping it would distort everything after (a connection of 2099 made
    every real export after it look older). Tomorrow, not today: LinkedIn writes the day by its
    own clock (UTC), which is already the next day for a user west of UTC in their evening;
    no zone is a whole day behind UTC, so the day after tomorrow is ahead everywhere."""
    return profile.now(conn).date() + timedelta(days=1)


def _without_days_ahead(rows: pa.Table, latest: date) -> tuple[pa.Table, list[SkippedRow]]:
    """`rows` without those connected after `latest`, and those skipped with their reason.
    The dates are ISO text, so a comparison of the column at once finds them ('' sorts first)."""
    ahead = pc.greater(rows["connected_on"], latest.isoformat())
    if not pc.any(ahead).as_py():
        return rows, []
    found = rows.filter(ahead)  # a few rows at most: their reasons one by one
    skipped = [
        SkippedRow(int(line), f"Connected On date still ahead ({text.day(date.fromisoformat(on))})")
        for line, on in zip(
            found["line"].to_pylist(), found["connected_on"].to_pylist(), strict=True
        )
    ]
    return rows.filter(pc.invert(ahead)), skipped


def _older_than_saved(
    conn: duckdb.DuckDBPyConnection, rows: pa.Table, latest: date
) -> OlderExportError | None:
    """The `OlderExportError` to raise when the plan changes someone's company or title and the
    file looks older than what was imported before: its newest connection is earlier than the
    newest of the people saved from LinkedIn, or it gives one of those it would move an
    earlier day of connecting than the one saved (which only an import sets).

    Call once the plan updates someone. Only people the importer brought in count (not the
    demo's, nor those added by hand), so a database without a LinkedIn import never asks.
    The file's dates are ISO text ('' sorts first), so its newest is the largest. A saved day
    after `latest` (kept by an import before such days were skipped) is not counted: it would
    make every later export look older."""
    saved_newest, people, earlier = conn.execute(
        """
        SELECT (SELECT max(connected_on) FROM contacts
                WHERE source = 'linkedin' AND connected_on <= $latest),
               count(*),
               count(*) FILTER (WHERE c.source = 'linkedin' AND p.connected_on < c.connected_on
                                AND c.connected_on <= $latest)
        FROM _import_plan p JOIN contacts c ON c.id = p.target
        WHERE p.action = 'match' AND (p.company_changed OR p.position_changed)
        """,
        {"latest": latest},
    ).fetchall()[0]
    if not people or saved_newest is None:
        return None
    file_newest = pc.max(rows["connected_on"]).as_py()
    file_newest = date.fromisoformat(file_newest) if file_newest else saved_newest
    if earlier or file_newest < saved_newest:
        return OlderExportError(file_newest, saved_newest, int(people), int(earlier))
    return None


def _spellings(rows: pa.Table) -> pa.Table:
    """Each company spelling in the file and the first line it is on (`line_min`).

    Done in Arrow, a third of DuckDB's time over a frame this size. Not with Arrow's
    `group_by`: that loads Arrow's query engine and, with it, its file formats and cloud file
    systems, 11 MB of the server's memory for one grouping.
    """
    named = rows.filter(pc.not_equal(rows["company"], ""))
    encoded = pc.dictionary_encode(named["company"].combine_chunks())
    first = np.full(len(encoded.dictionary), np.iinfo(np.int64).max)
    np.minimum.at(first, encoded.indices.to_numpy(), named["line"].to_numpy())
    return pa.table({"company": encoded.dictionary, "line_min": first})


def _report_progress(progress: Progress | None, fraction: float, message: str) -> None:
    if progress is not None:
        progress(fraction, message)


def _has_contacts(conn: duckdb.DuckDBPyConnection) -> bool:
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM contacts)").fetchall()[0][0])


# Every key a row could bring a person back by: the fallback key of name and date, and the
# profile address when there is one (`contacts.delete_contact` keeps their hashes).
_ROW_KEYS = """
    SELECT line, fallback_key(first_name, last_name, connected_on) AS key
    FROM _import_frame
    UNION ALL
    SELECT line, profile_url FROM _import_frame WHERE profile_url <> ''
"""


def _forgotten_rows(conn: duckdb.DuckDBPyConnection) -> list[SkippedRow]:
    """Rows of people the user deleted, who must not come back (`forgotten_people`), unless
    the user added them again since: a row with the address of someone saved is theirs."""
    if not conn.execute("SELECT EXISTS (SELECT 1 FROM forgotten_people)").fetchall()[0][0]:
        return []
    rows = conn.execute(
        f"""
        SELECT k.line, max(g.forgotten_at)
        FROM ({_ROW_KEYS}) k JOIN forgotten_people g ON g.key_hash = sha256(k.key)
        WHERE k.line NOT IN (
            SELECT line FROM _import_frame
            WHERE profile_url IN (SELECT linkedin_url FROM contacts
                                  UNION ALL SELECT profile_key FROM contact_aliases)
        )
        GROUP BY k.line ORDER BY k.line
        """
    ).fetchall()
    return [
        SkippedRow(int(line), f"you deleted this person on {text.day(deleted)}")
        for line, deleted in rows
    ]


# Company match keys, once per distinct spelling, from the memo of spellings met before
# (`company_spellings`) or else the macro, whose regular expressions are the costly part; with
# the line where each is first seen. A key merged into another company (`company_aliases`) is
# that company's key; so is the key of a company saved before names were cleaned, whose key
# cleans to this one (`targets.Lookalikes.join`: 'Globex\u200b Corp', now read as 'Globex Corp').
_KEYS = """
    SELECT k.company, coalesce(kept.match_key, {saved_so}, k.company_key) AS company_key,
           k.first_line,
           k.company_key AS own_key, k.known
    FROM (
        SELECT s.company, s.line_min AS first_line, m.spelling IS NOT NULL AS known,
               CASE WHEN m.spelling IS NULL THEN company_key(s.company) ELSE m.match_key END
                   AS company_key
        FROM _import_spellings s LEFT JOIN company_spellings m ON m.spelling = s.company
    ) k
    LEFT JOIN company_aliases a ON a.match_key = k.company_key
    LEFT JOIN companies kept ON kept.id = a.company_id
    {lookalike}
"""
# The rows of the file typed; the identity is the URL, else the fallback key.
_TYPED = """
    f.line, f.first_name, f.last_name, nullif(f.profile_url, '') AS url, f.email, f.company,
    f.position, TRY_CAST(nullif(f.connected_on, '') AS DATE) AS connected_on,
    CASE
        WHEN f.profile_url <> '' THEN f.profile_url
        ELSE fallback_key(f.first_name, f.last_name, f.connected_on)
    END AS person_key"""
_ROWS = f"""
    rows AS (
        SELECT {_TYPED}, k.company_key
        FROM _import_frame f LEFT JOIN _import_keys k USING (company)
    )"""
_KNOWN = """
    known AS (
        -- A saved contact by the key a row may carry: its profile URL first, else the key
        -- it was created with (the same for most, so those are listed once), else a key of
        -- someone merged into it.
        SELECT key, arg_min(id, rank) AS id
        FROM (
            SELECT linkedin_url AS key, id, 1 AS rank FROM contacts
            WHERE linkedin_url IS NOT NULL
            UNION ALL
            SELECT profile_key, id, 2 FROM contacts
            WHERE linkedin_url IS DISTINCT FROM profile_key
            UNION ALL
            SELECT profile_key, contact_id, 3 FROM contact_aliases
            WHERE contact_id IN (SELECT id FROM contacts)
        )
        GROUP BY key
    )"""


def _company_changed(old_key: str, new_key: str, old_name: str = "oc.name", *, alike: bool) -> str:
    """SQL: whether a row's company key `new_key` names another company than the saved
    contact's `old_key`. When `alike` (some saved key holds an unseen character:
    `targets.Lookalikes`), keys that read the same are the same company
    (`visible_key_sql`): a company saved as 'Globex\u200b Corp' before names were cleaned is no
    job change from the 'Globex Corp' beside it; the saved company's key is read with its name
    `old_name`. Evaluated lazily: keys alike, the common case, cost nothing more. Else keys
    alike are the same company, and the comparison is plain: planning the regular expressions
    of `visible_key_sql` takes milliseconds even over no row."""
    if not alike:
        return f"{old_key} IS DISTINCT FROM {new_key}"
    return (
        f"CASE WHEN {old_key} IS NOT DISTINCT FROM {new_key} THEN false"
        f" WHEN {old_key} IS NULL OR {new_key} IS NULL THEN true"
        f" ELSE {visible_key_sql(old_key, old_name)} <> {visible_key_sql(new_key)} END"
    )


# Nobody is saved yet: every row adds someone, unless the file names someone twice. Its
# companies are all new, found by spelling (`_COMPANY_IDS`): no match key needed.
_NEW_PLAN = f"SELECT 'add' AS action, {_TYPED} FROM _import_frame f"
# Rows less the distinct hashes of their keys (`_ROWS`' person_key): 0 when no one is named
# twice. A clash of two hashes only sends the import to the full plan, which compares keys.
_REPEATS = """
    SELECT count(*) - count(DISTINCT CASE
        WHEN profile_url <> '' THEN hash(profile_url)
        ELSE hash(fallback_key(first_name, last_name, connected_on))
    END)
    FROM _import_frame
"""


class _Queries(NamedTuple):
    """The plans that compare a row with the saved contact it updates (`_plan`), built for
    whether some saved company key holds an unseen character (`_company_changed`'s `alike`)."""

    simple_plan: str
    direct_plan: str
    direct_counts: str
    full_plan: str


def _queries(alike: bool) -> _Queries:
    # A row beside the saved contact it updates (`c`, with company `oc`): what would change.
    compared = f"""
        d.line, d.first_name, d.last_name, d.url, d.email, d.company, d.position, d.connected_on,
        d.person_key, d.company_key,
        c.id AS target,
        trim(c.first_name || ' ' || c.last_name) AS name,
        coalesce(oc.name, '') AS old_company,
        c.position AS old_position,
        {_company_changed("oc.match_key", "d.company_key", alike=alike)} AS company_changed,
        c.position IS DISTINCT FROM d.position AS position_changed,
        {_company_changed("oc.match_key", "d.company_key", alike=alike)}
            OR c.position IS DISTINCT FROM d.position
            OR (d.email <> '' AND c.linkedin_email IS DISTINCT FROM d.email)
            OR (c.linkedin_url IS NULL AND d.url IS NOT NULL)
            OR (c.connected_on IS NULL AND d.connected_on IS NOT NULL) AS changed"""

    # The usual case, and the cheap plan: no one in the database waits to be adopted, the file
    # names no one twice and no two rows find the same contact. `_plan` checks the last two.
    simple_plan = f"""
        WITH {_ROWS}, {_KNOWN},
        decided AS (
            SELECT r.*, kn.id AS claimed_id
            FROM rows r LEFT JOIN known kn ON kn.key = r.person_key
        )
        SELECT CASE WHEN c.id IS NULL THEN 'add' ELSE 'match' END AS action,
               CAST(NULL AS BIGINT) AS kept_line, {compared}
        FROM decided d
        LEFT JOIN contacts c ON c.id = d.claimed_id
        LEFT JOIN companies oc ON oc.id = c.company_id
    """

    # Every row found by its profile address, as in a re-import of a current export: that address
    # outranks every other key, so each row's contact is the one holding it, no one is adopted and,
    # with no address twice in the file, no contact is found twice. One join where the cheap plan
    # needs three; `_plan` checks that every row was found, once.
    direct_plan = f"""
        WITH {_ROWS}
        SELECT 'match' AS action, CAST(NULL AS BIGINT) AS kept_line, {compared}
        FROM rows d
        LEFT JOIN contacts c ON c.linkedin_url = d.url
        LEFT JOIN companies oc ON oc.id = c.company_id
    """
    # `direct_plan`'s counts, computed straight from the file's rows (the plan's typed columns
    # cost more than the join): rows, rows after the joins, rows found, distinct contacts found
    # (fewer when two rows found one), and rows that would change someone (`compared`'s
    # `changed`, less what cannot happen to a contact found by its profile address).
    direct_counts = f"""
        SELECT (SELECT count(*) FROM _import_frame), count(*), count(c.id), count(DISTINCT c.id),
               count(*) FILTER (
                   WHERE {_company_changed("oc.match_key", "k.company_key", alike=alike)}
                   OR c.position IS DISTINCT FROM f.position
                   OR (f.email <> '' AND c.linkedin_email IS DISTINCT FROM f.email)
                   OR CASE WHEN c.connected_on IS NULL  -- cast only where it can matter
                       THEN TRY_CAST(nullif(f.connected_on, '') AS DATE) IS NOT NULL END
               )
        FROM _import_frame f
        LEFT JOIN _import_keys k USING (company)
        LEFT JOIN contacts c ON c.linkedin_url = nullif(f.profile_url, '')
        LEFT JOIN companies oc ON oc.id = c.company_id
    """

    # Every case. For every row: the contact it updates (`target`), or that it adds one.
    # Direct matches (the URL, or the key a contact was created with) beat adoption of a URL-less
    # contact; each saved contact is claimed by one row only, the first in the file (exports run
    # newest first). A second URL row that would adopt the same URL-less contact is another person
    # with the same name and date, so it is added. GROUP BY … HAVING finds the rare repeats more
    # cheaply than window functions over every row.
    full_plan = f"""
        WITH {_ROWS}, {_KNOWN},
        repeats AS (
            SELECT person_key, min(line) AS first_line
            FROM rows GROUP BY person_key HAVING count(*) > 1
        ),
        matched AS (
            SELECT r.*, rp.first_line, kn.id AS direct_id, a.id AS adopt_id,
                   coalesce(kn.id, a.id) AS claimed_id
            FROM rows r
            LEFT JOIN repeats rp ON rp.person_key = r.person_key
            LEFT JOIN known kn ON kn.key = r.person_key
            LEFT JOIN contacts a
                ON r.url IS NOT NULL AND a.linkedin_url IS NULL
                AND a.profile_key = fallback_key(
                    r.first_name, r.last_name, coalesce(CAST(r.connected_on AS VARCHAR), '')
                )
        ),
        contested AS (
            SELECT claimed_id,
                   coalesce(min(line) FILTER (WHERE direct_id IS NOT NULL), min(line)) AS winner
            FROM matched
            WHERE claimed_id IS NOT NULL AND (first_line IS NULL OR line = first_line)
            GROUP BY claimed_id HAVING count(*) > 1
        ),
        decided AS (
            SELECT m.*,
                   CASE
                       WHEN m.line <> m.first_line THEN 'repeat'
                       WHEN m.claimed_id IS NULL THEN 'add'
                       WHEN ct.winner IS NULL OR ct.winner = m.line THEN 'match'
                       WHEN m.direct_id IS NULL THEN 'add'
                       ELSE 'skip'
                   END AS action,
                   coalesce(m.first_line, ct.winner) AS kept_line
            FROM matched m LEFT JOIN contested ct USING (claimed_id)
        )
        SELECT d.action, d.kept_line, {compared}
        FROM decided d
        LEFT JOIN contacts c ON d.action = 'match' AND c.id = d.claimed_id
        LEFT JOIN companies oc ON oc.id = c.company_id
    """
    return _Queries(simple_plan, direct_plan, direct_counts, full_plan)


_QUERIES = {alike: _queries(alike) for alike in (False, True)}


_PLAN_COUNTS = """
    SELECT count(*) - count(DISTINCT person_key) + count(target) - count(DISTINCT target),
           count(*) FILTER (WHERE action = 'add'),
           count(*) FILTER (WHERE action = 'match' AND changed),
           count(*) FILTER (WHERE action = 'match' AND NOT changed)
    FROM ({plan})
"""


class _Plan(NamedTuple):
    full: bool  # the full plan was needed (its skipped rows are reported)
    added: int
    updated: int
    unchanged: int
    companies: str  # the rows that bring a company: company, company_key, line


# The rows of a plan that bring a company: those that add someone or change their company.
_PLAN_COMPANIES = """
    SELECT company, company_key, line FROM _import_plan
    WHERE action = 'add' OR (action = 'match' AND company_changed)
"""


def _plan(conn: duckdb.DuckDBPyConnection, repeats: Future[int] | None, *, alike: bool) -> _Plan:
    """Register `_import_plan`, the rows that add or change someone, and count them.

    The cheapest plan that fits, tried in turn. Into an empty database everyone is new: the
    plan is computed where used (cheaper than keeping it) and only repeats need checking.
    When every row is found by its profile address, one join decides. Otherwise the cheap plan
    serves when no one waits to be adopted, and the full plan handles adoption and repeats.
    Plans are counted before anything is kept, so re-importing an unchanged export keeps
    nothing; a plan is kept as an Arrow table (materialising it as a DuckDB table costs more
    than computing it). `repeats` is the count of `_repeats` when the database has no one yet.
    `alike`: some saved company key holds an unseen character (`_company_changed`).
    """
    queries = _QUERIES[alike]
    if repeats is not None:
        if not repeats.result():
            conn.register("_import_plan", conn.sql(_NEW_PLAN))
            rows = conn.execute("SELECT count(*) FROM _import_frame").fetchall()[0][0]
            companies = "SELECT company, company_key, first_line AS line FROM _import_keys"
            return _Plan(False, rows, 0, 0, companies)
        simple = False  # a repeat
    else:
        rows, joined, found, contacts_found, changed = conn.execute(
            queries.direct_counts
        ).fetchall()[0]
        if rows == joined == found == contacts_found:
            if changed:
                work = f"SELECT * FROM ({queries.direct_plan}) WHERE changed"
                conn.register("_import_plan", conn.sql(work).to_arrow_table())
            return _Plan(False, 0, int(changed), int(rows - changed), _PLAN_COMPANIES)
        simple = not conn.execute(
            "SELECT EXISTS (SELECT 1 FROM contacts"
            " WHERE linkedin_url IS NULL AND profile_key LIKE 'nourl:%')"
        ).fetchall()[0][0]
    if simple:
        simple_plan = queries.simple_plan
        clashes, *counts = conn.execute(_PLAN_COUNTS.format(plan=simple_plan)).fetchall()[0]
        if not clashes:
            if counts[0] or counts[1]:
                work = f"SELECT * FROM ({simple_plan}) WHERE action = 'add' OR changed"
                conn.register("_import_plan", conn.sql(work).to_arrow_table())
            return _Plan(False, *(int(count) for count in counts), _PLAN_COMPANIES)
    conn.register("_import_plan", conn.sql(queries.full_plan).to_arrow_table())
    plan = "SELECT * FROM _import_plan"
    _, *counts = conn.execute(_PLAN_COUNTS.format(plan=plan)).fetchall()[0]
    return _Plan(True, *(int(count) for count in counts), _PLAN_COMPANIES)


_BESIDE = ThreadPoolExecutor(max_workers=1, thread_name_prefix="infoint-import")


def _repeats(cursor: duckdb.DuckDBPyConnection, rows: pa.Table) -> int:
    """`_REPEATS` over `rows`, on a cursor of its own (closed here)."""
    try:
        cursor.register("_import_frame", rows)
        return cursor.execute(_REPEATS).fetchall()[0][0]
    finally:
        cursor.close()


def _plan_skips(conn: duckdb.DuckDBPyConnection) -> list[SkippedRow]:
    """Rows the plan leaves out (normally none: the reader removes duplicates already)."""
    rows = conn.execute(
        "SELECT line, action, kept_line FROM _import_plan"
        " WHERE action IN ('repeat', 'skip') ORDER BY line"
    ).fetchall()
    return [
        SkippedRow(
            int(line),
            f"the same person as line {int(first)}, which was kept"
            if action == "repeat"
            else f"matches the same saved contact as line {int(first)}, which was kept",
        )
        for line, action, first in rows
    ]


def _add_companies(conn: duckdb.DuckDBPyConnection, source: str, rows: str) -> None:
    """Companies not known yet, by match key, named as first seen in the file; `rows` are
    those that bring one (company, company_key, line)."""
    conn.execute(
        f"""
        INSERT INTO companies (name, match_key, status, source)
        SELECT arg_min(p.company, p.line), p.company_key, 'network', ?
        FROM ({rows}) p
        ANTI JOIN companies c ON c.match_key = p.company_key
        WHERE p.company_key IS NOT NULL
        GROUP BY p.company_key
        ORDER BY min(p.line)
        """,
        [source],
    )


def _record_changes(
    conn: duckdb.DuckDBPyConnection, batch_id: int | None, *, older: bool
) -> list[JobChange]:
    """Write each change of company or title to `contact_changes` and return them; an
    `older` file's changes under `OLDER_FILE_FIELDS`."""
    company, position = (
        (OLDER_FILE_FIELDS["company"], OLDER_FILE_FIELDS["position"])
        if older
        else JOB_CHANGE_FIELDS
    )
    rows = conn.execute(
        """
        INSERT INTO contact_changes (contact_id, field, old_value, new_value, batch_id)
        SELECT p.target, $company, p.old_company, coalesce(co.name, ''), $batch
        FROM _import_plan p
        LEFT JOIN companies co ON co.match_key = p.company_key
        WHERE p.action = 'match' AND p.company_changed
        UNION ALL
        SELECT target, $position, old_position, position, $batch
        FROM _import_plan WHERE action = 'match' AND position_changed
        RETURNING contact_id, field, old_value, new_value
        """,
        {"company": company, "position": position, "batch": batch_id},
    ).fetchall()
    if not rows:
        return []
    names = dict(
        conn.execute(
            "SELECT target, name FROM _import_plan"
            " WHERE action = 'match' AND (company_changed OR position_changed)"
        ).fetchall()
    )
    changes = [
        JobChange(int(cid), names[cid], field_name, old or "", new or "")
        for cid, field_name, old, new in rows
    ]
    return sorted(changes, key=lambda c: (c.name.lower(), c.contact_id, c.field))


def _update_contacts(conn: duckdb.DuckDBPyConnection) -> None:
    """LinkedIn-owned fields only: never email, notes, tags, degree, referrals or names."""
    conn.execute(
        """
        UPDATE contacts
        SET company_id = CASE WHEN d.company_changed THEN d.company_id ELSE contacts.company_id END,
            position = d.position,
            linkedin_email = CASE WHEN d.email <> '' THEN d.email ELSE contacts.linkedin_email END,
            linkedin_url = coalesce(contacts.linkedin_url, d.url),
            connected_on = coalesce(contacts.connected_on, d.connected_on),
            updated_at = current_localtimestamp()
        FROM (
            SELECT p.target, p.company_changed, co.id AS company_id, p.position, p.email, p.url,
                   p.connected_on
            FROM _import_plan p
            LEFT JOIN companies co ON co.match_key = p.company_key
            WHERE p.action = 'match' AND p.changed
        ) d
        WHERE contacts.id = d.target
        """
    )


def _add_contacts(conn: duckdb.DuckDBPyConnection, source: str) -> None:
    conn.execute(
        f"""
        INSERT INTO contacts (profile_key, linkedin_url, first_name, last_name, linkedin_email,
                              company_id, position, connected_on, degree, source)
        SELECT p.person_key, p.url, p.first_name, p.last_name, p.email,
               co.id, p.position, p.connected_on, '1st', ?
        FROM _import_plan p
        LEFT JOIN ({_COMPANY_IDS}) co USING (company)
        WHERE p.action = 'add'
        """,
        [source],
    )


def _folded_name(first: str, last: str) -> str:
    """SQL: a name as adding a person compares it (`contacts.find_same_name`): folded as
    searches fold (`text.folded_sql`: any case, accents or none), each run of spaces made one.
    Its regular expression costs some 80 ms over 30,000 rows: for the few people you added."""
    return (
        "trim(regexp_replace("
        + text.folded_sql(f"{first} || ' ' || {last}")
        + r", '\s+', ' ', 'g'))"
    )


def _folded_row_name(first: str, last: str) -> str:
    """SQL: a row's name folded as `_folded_name` folds it, for the thousands of rows an import
    adds: the reader trimmed each part, and a name with a run of spaces inside is rare enough
    to pass by here (it is then not named as a namesake) for some 5 ms in place of 80."""
    return text.folded_sql(f"concat_ws(' ', nullif({first}, ''), nullif({last}, ''))")


_TYPED_IN = ", ".join(f"'{source}'" for source in contacts.TYPED_SOURCES)
# People you added yourself whom no import can find: no profile address, no day of connecting.
_UNFINDABLE = f"source IN ({_TYPED_IN}) AND linkedin_url IS NULL AND connected_on IS NULL"
# Those of them (few) by name, and the people the plan added under one of those names (few
# too, kept apart first so that only they meet the contacts), found by the key they were added
# with; in order of name, folded (`text.name_order_sql` would cost 10 ms more, for its \pL).
_NAMESAKES = f"""
    WITH yours AS (
        SELECT id, trim(first_name || ' ' || last_name) AS name,
               {_folded_name("first_name", "last_name")} AS folded
        FROM contacts WHERE {_UNFINDABLE}
    ),
    pairs AS MATERIALIZED (
        SELECT p.person_key, min(y.id) AS yours_id, arg_min(y.name, y.id) AS yours_name
        FROM _import_plan p JOIN yours y
            ON {_folded_row_name("p.first_name", "p.last_name")} = y.folded
        WHERE p.action = 'add'
        GROUP BY p.person_key
    )
    SELECT c.id, trim(c.first_name || ' ' || c.last_name), coalesce(co.name, ''),
           pairs.yours_id, pairs.yours_name
    FROM pairs
    JOIN contacts c ON c.profile_key = pairs.person_key
    LEFT JOIN companies co ON co.id = c.company_id
    ORDER BY {text.folded_sql("c.first_name || ' ' || c.last_name")}, c.id
"""


def _namesakes(conn: duckdb.DuckDBPyConnection) -> list[Namesake]:
    """The people just added (`_add_contacts`) under the name of someone you added yourself.

    Call after the plan's people are added. Without anyone of yours an import cannot find,
    one look at the contacts answers (the caller skips even that when there was no one)."""
    unfindable = conn.execute(f"SELECT EXISTS (SELECT 1 FROM contacts WHERE {_UNFINDABLE})")
    if not unfindable.fetchall()[0][0]:
        return []
    return [
        Namesake(int(cid), name, contacts.employer(company), int(yours_id), yours_name)
        for cid, name, company, yours_id, yours_name in conn.execute(_NAMESAKES).fetchall()
    ]


# Each spelling in the file and the company it names, once companies are added.
_COMPANY_IDS = """
    SELECT k.company, c.id FROM _import_keys k JOIN companies c ON c.match_key = k.company_key
"""
