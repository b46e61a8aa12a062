"""Tests that check escaping must see the escapes: no helper strips them before asserting."""

import re
from pathlib import Path

from infoint import db

TESTS = Path(__file__).resolve().parent
# `.replace("\\", "")`: removes every backslash, so an escaped and an unescaped page read alike.
STRIPPING = re.compile(r"""\.replace\(\s*["']\\\\["']\s*,\s*["']["']\s*\)""")


def test_no_test_strips_every_backslash_before_asserting():
    found = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if STRIPPING.search(line) and path.name != Path(__file__).name
    ]
    assert found == [], "compare the raw value, user text through text.plain_markdown"


def _everything_in(conn) -> dict[str, list]:
    """A database's schema and rows, timestamps aside (a copy was made earlier)."""
    here = "database_name = current_database()"
    held: dict[str, list] = {
        # the value each gave last (a file closed stores it as its start_value too)
        "sequences": conn.execute(
            f"SELECT sequence_name, last_value FROM duckdb_sequences() WHERE {here} ORDER BY 1"
        ).fetchall(),
        "indexes": conn.execute(
            f"SELECT table_name, sql FROM duckdb_indexes() WHERE {here} ORDER BY 1, 2"
        ).fetchall(),
        "macros": conn.execute(
            f"SELECT function_name, macro_definition FROM duckdb_functions() WHERE {here}"
            " AND NOT internal ORDER BY 1"
        ).fetchall(),
        "views": conn.execute(
            f"SELECT view_name, sql FROM duckdb_views() WHERE {here} AND NOT internal ORDER BY 1"
        ).fetchall(),
    }
    for (table,) in conn.execute(
        f"SELECT table_name FROM duckdb_tables() WHERE {here} ORDER BY 1"
    ).fetchall():
        columns = conn.execute(
            f"SELECT column_name, data_type, column_default, is_nullable FROM duckdb_columns()"
            f" WHERE {here} AND table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
        kept = [f'"{name}"' for name, kind, *_ in columns if not kind.startswith("TIMESTAMP")]
        listed = ", ".join(kept) or "count(*)"  # a table of moments alone: how many
        rows = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY ALL').fetchall()
        held[table] = [columns, rows]
    return held


def test_a_tests_new_database_holds_what_db_connect_makes_of_a_new_file(conn, tmp_path):
    """`conn` and `app_db` copy one database made per test process (conftest.migrated_db)
    rather than run every migration for each test: the copy must be that new database."""
    made = db.connect(tmp_path / "made here.duckdb")
    try:
        assert _everything_in(conn) == _everything_in(made)
        assert db.apply_migrations(conn) == []
    finally:
        made.close()


def test_db_path_is_where_no_database_is_yet(db_path):
    assert not db_path.exists()  # tests of a first open, of the CLI's refusals, need that
