"""People: the network from LinkedIn and the people added by hand or by referral."""

from __future__ import annotations

import duckdb

from infoint.errors import NotFoundError

DEGREES = ("1st", "2nd", "cold")
DEGREE_HELP = {
    "1st": "you know them directly",
    "2nd": "someone you know knows them (name that person as the mutual contact)",
    "cold": "no one connects you yet",
}
SOURCES = ("linkedin", "manual", "referral", "demo")


def require_contact(conn: duckdb.DuckDBPyConnection, contact_id: int) -> None:
    """Raise our error if the contact is gone (references are enforced here, not by FKs)."""
    found = conn.execute("SELECT count(*) FROM contacts WHERE id = ?", [contact_id]).fetchall()
    if not found[0][0]:
        raise NotFoundError("That contact no longer exists.")
