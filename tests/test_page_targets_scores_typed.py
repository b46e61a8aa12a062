"""Targets: a score typed out of range is refused in words as soon as it is typed.

The walkthrough: postings typed 9 became 3 without a word: the grid, bounded to 0–3, turned
it into 3 before the page saw it (seen in Chromium).
"""

from __future__ import annotations

import json

from infoint import db, targets
from tests.test_page_targets import button, companies, edit, editor, run_targets


def four(app_db) -> None:
    conn = db.connect(app_db)
    for name in ("Gamma", "Delta", "Echo", "Fox"):
        targets.add_company(conn, name, industry="Energy")
    conn.close()


def test_the_grid_takes_the_score_typed_for_the_page_to_judge(app_db):
    four(app_db)
    columns = json.loads(editor(run_targets()).proto.columns)
    for score in ("motivation", "postings"):
        assert "max_value" not in columns[score]["type_config"], columns[score]


def test_postings_typed_out_of_range_are_refused_in_words_at_once(app_db):
    four(app_db)
    at = run_targets()
    before = companies(app_db)
    edit(at, {0: {"postings": 9}})  # Delta: first of the four, by name
    said = [e.value for e in at.error]
    assert said == ["The postings of Delta must be a whole number from 0 to 3, not '9'."]
    button(at, "Save changes").click()
    run_targets(at)
    assert [e.value for e in at.error] == said  # said once, nothing saved
    assert not at.success
    assert companies(app_db) == before
