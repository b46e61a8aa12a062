"""Nothing lost: migrations over old data, concurrent writers, conflicts reported."""

from __future__ import annotations

import threading
from datetime import date

import duckdb
import pytest

from infoint import contacts, db, interactions
from infoint.errors import ConflictError


def test_old_database_survives_every_migration(db_path):
    old = duckdb.connect(str(db_path))
    assert db.apply_migrations(old, upto=1) == [1]
    old.execute(
        "INSERT INTO companies (id, name, match_key, industry, status)"
        " VALUES (7, 'Acme Inc.', 'acme', 'Health', 'target')"
    )
    old.execute(
        "INSERT INTO contacts (id, profile_key, first_name, last_name, company_id, notes)"
        " VALUES (3, 'https://www.linkedin.com/in/ana', 'Ana', 'Lee', 7, 'met at a fair')"
    )
    old.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at)"
        " VALUES (3, 'outreach', 'email', '2026-01-05 09:00')"
    )
    old.close()

    upgraded = db.connect(db_path)
    versions = [m.version for m in db.migrations()]
    applied = upgraded.execute("SELECT list(version ORDER BY version) FROM migrations")
    assert applied.fetchall()[0][0] == versions
    assert upgraded.execute(
        "SELECT c.first_name, c.notes, co.name, co.industry, co.status FROM contacts c"
        " JOIN companies co ON co.id = c.company_id"
    ).fetchall() == [("Ana", "met at a fair", "Acme Inc.", "Health", "target")]
    assert upgraded.execute("SELECT stage FROM contact_stages").fetchall() == [(1,)]
    # new rows still get fresh ids after the upgrade
    new_id = contacts.add_contact(upgraded, "Bo", "Ng")
    assert new_id != 3
    upgraded.close()


def test_concurrent_loggers_lose_nothing(conn):
    people = [contacts.add_contact(conn, f"P{i}") for i in range(4)]
    errors: list[BaseException] = []

    def log_many(worker: int) -> None:
        cursor = conn.cursor()
        try:
            for n in range(25):
                interactions.log_interaction(
                    cursor,
                    people[(worker + n) % len(people)],
                    "note",
                    occurred_at=date(2026, 1, 1 + n),
                    body=f"{worker}-{n}",
                )
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            cursor.close()

    threads = [threading.Thread(target=log_many, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    bodies = {r[0] for r in conn.execute("SELECT body FROM interactions").fetchall()}
    assert bodies == {f"{w}-{n}" for w in range(6) for n in range(25)}


def test_write_write_conflict_is_reported_not_swallowed(conn):
    person = contacts.add_contact(conn, "Ana")
    event = interactions.log_interaction(conn, person, "note", body="first")
    first, second = conn.cursor(), conn.cursor()
    with db.transaction(first):
        first.execute("UPDATE interactions SET body = 'mine' WHERE id = ?", [event])
        with pytest.raises(ConflictError, match="try again"), db.transaction(second):
            second.execute("UPDATE interactions SET body = 'theirs' WHERE id = ?", [event])
    assert interactions.get_interaction(conn, event).body == "mine"
