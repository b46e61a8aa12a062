"""Companies: the network's employers and the targets the user chose among them."""

from __future__ import annotations

import duckdb

from infoint.errors import InvalidInputError

STATUSES = ("network", "target", "researching", "ruled_out")
STATUS_LABELS = {
    "network": "In your network",
    "target": "Target",
    "researching": "Researching",
    "ruled_out": "Ruled out",
}


def ensure_company(
    conn: duckdb.DuckDBPyConnection, name: str, *, status: str = "network", source: str = "manual"
) -> int | None:
    """The id of the company with this name's match key, created if new; None for no name.

    Call inside the caller's transaction: it writes but does not commit.
    """
    name = (name or "").strip()
    if not name:
        return None
    if status not in STATUSES:
        raise InvalidInputError(f"'{status}' is not a company status infoint knows.")
    found = conn.execute(
        "SELECT id FROM companies WHERE match_key = company_key(?)", [name]
    ).fetchall()
    if found:
        return int(found[0][0])
    row = conn.execute(
        "INSERT INTO companies (name, match_key, status, source)"
        " VALUES (?, company_key(?), ?, ?) RETURNING id",
        [name, name, status, source],
    ).fetchall()
    return int(row[0][0])
