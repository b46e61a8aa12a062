"""An edit of the targets table that saving would refuse is refused before Save, in words.

The walkthrough: postings typed 9 became 3 without a word (the grid, bounded to 0–3, turned
it into 3); the grid now takes what is typed and the page says at once why it is refused.
"""

from __future__ import annotations

import pytest

from infoint import targets
from infoint.errors import InvalidInputError


def stored(conn, company_id: int) -> tuple:
    return conn.execute(
        "SELECT status, industry, motivation, postings FROM companies WHERE id = ?",
        [company_id],
    ).fetchall()[0]


def test_a_score_out_of_range_is_refused_before_save_and_nothing_is_written(conn):
    gamma = targets.add_company(conn, "Gamma", industry="Energy", motivation=2)
    before = stored(conn, gamma)
    with pytest.raises(InvalidInputError, match="The postings of Gamma must be a whole number"):
        targets.check_changes(conn, {gamma: {"postings": 9}})
    assert stored(conn, gamma) == before
    targets.check_changes(conn, {gamma: {"postings": 3}})  # a good one: no word
    targets.check_changes(conn, {})
    assert stored(conn, gamma) == before
