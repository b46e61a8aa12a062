"""An industry is a name too: at most `targets.NAME_LIMIT` characters wherever one is typed,
as when one is ruled out in Settings; one saved before the limit can stay."""

from __future__ import annotations

import pytest

from infoint import targets
from infoint.errors import InvalidInputError

LONG = "i" * (targets.NAME_LIMIT + 1)
TOO_LONG = (
    "An industry's name can be at most 200 characters; this one has 201: "
    "shorten it, then try again."
)
# A row of a list: the page says to fix it in the file and upload the file again.
ROW_TOO_LONG = "An industry's name can be at most 200 characters; this one has 201."


def industries(conn):
    return conn.execute("SELECT name, industry FROM companies ORDER BY name").fetchall()


def test_a_too_long_industry_is_refused_wherever_it_is_typed(conn):
    volt = targets.add_company(conn, "Volt", industry="Energy")
    before = industries(conn)
    for write in (
        lambda: targets.add_company(conn, "Acme", industry=LONG),
        lambda: targets.update_companies(conn, {volt: {"industry": LONG}}),
        lambda: targets.set_industry(conn, [volt], LONG),
    ):
        with pytest.raises(InvalidInputError) as refused:
            write()
        assert str(refused.value) == TOO_LONG
    assert industries(conn) == before
    targets.set_industry(conn, [volt], "i" * targets.NAME_LIMIT)
    assert industries(conn) == [("Volt", "i" * targets.NAME_LIMIT)]


def test_an_industry_saved_before_the_limit_does_not_block_the_rest_of_its_row(conn):
    volt = targets.add_company(conn, "Volt")
    conn.execute("UPDATE companies SET industry = ?", [LONG])
    targets.update_companies(conn, {volt: {"motivation": 2}})
    assert conn.execute("SELECT industry, motivation FROM companies").fetchall() == [(LONG, 2)]


def test_a_target_list_row_with_a_too_long_industry_is_left_out_and_said_why(conn):
    preview = targets.read_target_list(
        conn, f"name,industry\nVolt,Energy\nAcme,{LONG}\n".encode(), "list.csv"
    )
    assert list(preview.frame["name"]) == ["Volt"]
    assert [(p.line, p.reason) for p in preview.problems] == [(3, ROW_TOO_LONG)]
