"""What the user writes about a company on Targets (why they ruled it out) and a company's
notes are held to the limit of a person's or a meeting's notes (`contacts.NOTES_LIMIT`),
refused in the domain in one sentence, nothing saved and the typed text kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, targets
from infoint.errors import InvalidInputError

ROOT = Path(__file__).resolve().parent.parent
LIMIT = contacts.NOTES_LIMIT
TOO_LONG = (
    "The reason for ruling out Volt can be at most 20,000 characters; this one has 20,001: "
    "shorten it, then try again."
)


def rows(conn):
    return conn.execute(
        "SELECT name, status, motivation, ruled_out_reason FROM companies ORDER BY name"
    ).fetchall()


@pytest.fixture
def volt(conn):
    return targets.add_company(conn, "Volt", industry="Energy", motivation=2)


def test_a_reason_longer_than_notes_may_be_is_refused_and_nothing_saved(conn, volt):
    before = rows(conn)
    with pytest.raises(InvalidInputError) as refused:
        targets.update_companies(
            conn, {volt: {"status": "ruled_out", "ruled_out_reason": "r" * (LIMIT + 1)}}
        )
    assert str(refused.value) == TOO_LONG
    assert rows(conn) == before
    targets.update_companies(conn, {volt: {"status": "ruled_out", "ruled_out_reason": "r" * LIMIT}})
    assert rows(conn) == [("Volt", "ruled_out", 2, "r" * LIMIT)]


def test_an_old_reason_over_the_limit_can_be_kept_or_shortened_not_lengthened(conn, volt):
    old = "r" * (LIMIT + 10)  # saved before the limit
    conn.execute("UPDATE companies SET status = 'ruled_out', ruled_out_reason = ?", [old])
    targets.update_companies(conn, {volt: {"motivation": 1}})  # another cell of the row
    assert rows(conn) == [("Volt", "ruled_out", 1, old)]
    with pytest.raises(InvalidInputError, match=r"^The reason for ruling out Volt can be at"):
        targets.update_companies(conn, {volt: {"ruled_out_reason": old + "!"}})
    targets.update_companies(conn, {volt: {"ruled_out_reason": old[:-5]}})
    assert rows(conn) == [("Volt", "ruled_out", 1, old[:-5])]


def test_company_notes_are_held_to_the_notes_limit():
    targets.check_company_notes("n" * LIMIT)
    with pytest.raises(InvalidInputError) as refused:
        targets.check_company_notes("n" * (LIMIT + 1))
    assert str(refused.value) == (
        "Notes on a company can be at most 20,000 characters; these have 20,001."
    )
    targets.check_company_notes("n" * (LIMIT + 5), kept="n" * (LIMIT + 5))  # kept as they were


# --- The page ------------------------------------------------------------------------------


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_targets_table_refuses_a_too_long_reason_and_keeps_the_edit(app_db):
    conn = db.connect(app_db)
    targets.add_company(conn, "Volt", industry="Energy", motivation=2)
    before = rows(conn)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/1_targets.py")
    run(at)
    [table] = [d for d in at.dataframe if (d.key or "").startswith("targets_editor")]
    typed = {0: {"status": "ruled_out", "ruled_out_reason": "r" * (LIMIT + 1)}}
    at.session_state[table.key] = {"edited_rows": typed, "added_rows": [], "deleted_rows": []}
    run(at)
    next(b for b in at.button if b.label == "Save changes").click()
    run(at)
    assert [e.value for e in at.error] == [TOO_LONG]
    assert not at.success
    assert at.session_state[table.key]["edited_rows"] == typed  # still in the table
    conn = db.connect(app_db)
    assert rows(conn) == before
    conn.close()
