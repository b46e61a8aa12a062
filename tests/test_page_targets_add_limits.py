"""The score boxes of "Add a company" on Targets stop at 0 and 3 themselves.

The tester's walkthrough: Motivation (0–3) and Postings (0–3) took a 7 until the form was sent,
and only then said "The motivation of Zeta Corp must be a whole number from 0 to 3, not '7'."
The boxes now carry the limits (the browser's box says the range and its arrows stop there);
the domain's check stays for whatever reaches it.
"""

from __future__ import annotations

import pytest

from infoint import db, targets
from infoint.errors import InvalidInputError
from tests.test_page_targets import add_box, run_targets

SCORES = ("Motivation (0–3)", "Postings (0–3)")


@pytest.mark.parametrize("companies", [0, 1])  # the empty page's form and the list's
def test_the_score_boxes_run_from_0_to_3_in_whole_steps(app_db, companies):
    if companies:
        conn = db.connect(app_db)
        targets.add_company(conn, "Acme", motivation=2)
        conn.close()
    at = run_targets()
    for label in SCORES:
        box = add_box(at, "number_input", label)
        assert (box.min, box.max, box.step, box.value) == (0, 3, 1, 0), label


def test_a_score_past_the_range_is_still_refused_in_words(app_db):
    # The domain's check stays as it was, for what does not come through the box.
    conn = db.connect(app_db)
    with pytest.raises(InvalidInputError) as refused:
        targets.add_company(conn, "Zeta Corp", motivation=7)
    assert str(refused.value) == (
        "The motivation of Zeta Corp must be a whole number from 0 to 3, not '7'."
    )
    assert conn.execute("SELECT count(*) FROM companies").fetchall()[0][0] == 0
    conn.close()
