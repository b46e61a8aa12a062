"""Meetings: scheduled, then held (or cancelled, or a no-show). A held one makes a contact Met."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from infoint import db
from infoint.contacts import require_contact
from infoint.errors import InvalidInputError, NotFoundError

STATUSES = ("scheduled", "held", "cancelled", "no_show")
STATUS_LABELS = {
    "scheduled": "Scheduled",
    "held": "Held",
    "cancelled": "Cancelled",
    "no_show": "No-show",
}
DEFAULT_MINUTES = 20


@dataclass(frozen=True)
class Meeting:
    id: int
    contact_id: int
    starts_at: datetime
    promised_minutes: int
    actual_minutes: int | None
    place: str
    status: str
    prep_notes: str
    notes: str


_COLUMNS = (
    "id, contact_id, starts_at, promised_minutes, actual_minutes, place, status, prep_notes, notes"
)


def _check_minutes(minutes: int | None, what: str) -> None:
    if minutes is not None and not 1 <= minutes <= 600:
        raise InvalidInputError(f"The {what} must be between 1 and 600 minutes.")


def schedule_meeting(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    starts_at: datetime,
    *,
    promised_minutes: int = DEFAULT_MINUTES,
    place: str = "",
    prep_notes: str = "",
) -> int:
    """Put a meeting in the calendar; `starts_at` should carry the user's time zone."""
    _check_minutes(promised_minutes, "promised time")
    require_contact(conn, contact_id)
    with db.transaction(conn):
        row = conn.execute(
            "INSERT INTO meetings (contact_id, starts_at, promised_minutes, place, prep_notes)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            [contact_id, starts_at, promised_minutes, place.strip(), prep_notes],
        ).fetchall()
    return int(row[0][0])


def get_meeting(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> Meeting:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM meetings WHERE id = ?", [meeting_id]).fetchall()
    if not rows:
        raise NotFoundError("That meeting no longer exists.")
    return Meeting(*rows[0])


def set_outcome(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    status: str,
    *,
    actual_minutes: int | None = None,
    notes: str | None = None,
) -> None:
    """Record how a meeting went: held (with its actual length), cancelled or a no-show."""
    if status not in STATUSES:
        raise InvalidInputError(f"'{status}' is not a meeting status infoint knows.")
    _check_minutes(actual_minutes, "actual time")
    get_meeting(conn, meeting_id)
    with db.transaction(conn):
        conn.execute(
            "UPDATE meetings SET status = ?, actual_minutes = ?, notes = coalesce(?, notes)"
            " WHERE id = ?",
            [status, actual_minutes if status == "held" else None, notes, meeting_id],
        )


def list_meetings(conn: duckdb.DuckDBPyConnection, contact_id: int) -> list[Meeting]:
    """A contact's meetings, newest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM meetings WHERE contact_id = ? ORDER BY starts_at DESC",
        [contact_id],
    ).fetchall()
    return [Meeting(*row) for row in rows]
