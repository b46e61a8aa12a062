"""People: the network from LinkedIn and the people added by hand or by referral."""

from __future__ import annotations

import uuid

import duckdb

from infoint import db, targets
from infoint.errors import InvalidInputError, NotFoundError
from infoint.linkedin import normalise_profile_url

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


def add_contact(
    conn: duckdb.DuckDBPyConnection,
    first_name: str,
    last_name: str = "",
    *,
    company: str = "",
    position: str = "",
    email: str = "",
    linkedin_url: str = "",
    degree: str = "1st",
    mutual_contact_id: int | None = None,
    referred_by: int | None = None,
    source: str = "manual",
    notes: str = "",
) -> int:
    """Add a person by hand (met at an event, introduced by someone); returns their id."""
    first_name, last_name = first_name.strip(), last_name.strip()
    if not (first_name or last_name):
        raise InvalidInputError("Give the person a first or last name.")
    if degree not in DEGREES:
        raise InvalidInputError(f"'{degree}' is not a degree infoint knows (1st, 2nd or cold).")
    if source not in SOURCES:
        raise InvalidInputError(f"'{source}' is not a contact source infoint knows.")
    for other in (mutual_contact_id, referred_by):
        if other is not None:
            require_contact(conn, other)
    url = normalise_profile_url(linkedin_url) if linkedin_url.strip() else ""
    if linkedin_url.strip() and not url:
        raise InvalidInputError("That does not look like a LinkedIn profile address.")
    if url:
        taken = conn.execute(
            "SELECT first_name || ' ' || last_name FROM contacts WHERE linkedin_url = ?", [url]
        ).fetchall()
        if taken:
            raise InvalidInputError(f"{taken[0][0].strip()} already has that LinkedIn profile.")
    key = url or f"{source}:{uuid.uuid4().hex}"
    with db.transaction(conn):
        company_id = targets.ensure_company(conn, company, source=source)
        row = conn.execute(
            "INSERT INTO contacts (profile_key, linkedin_url, first_name, last_name, email,"
            " company_id, position, degree, mutual_contact_id, referred_by, source, notes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [
                key,
                url or None,
                first_name,
                last_name,
                email.strip(),
                company_id,
                position.strip(),
                degree,
                mutual_contact_id,
                referred_by,
                source,
                notes,
            ],
        ).fetchall()
    return int(row[0][0])
