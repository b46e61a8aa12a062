"""Targets: a score's box keeps what it can of the range 0–3 as the user types.

The walkthrough: Motivation and Postings took any number while typing. The box now takes no
minus sign and no decimal point (a floor of 0, whole steps); over 3 is still taken as typed
and refused in words at once (test_page_targets_scores_typed), as Streamlit 1.67 would turn
a 7 into 3 on Enter without a word.
"""

from __future__ import annotations

import json

from infoint import db, targets
from tests.test_page_targets import editor, run_targets


def test_a_scores_box_takes_no_minus_sign_nor_decimal_point(app_db):
    conn = db.connect(app_db)
    targets.add_company(conn, "Delta", industry="Energy")
    conn.close()
    columns = json.loads(editor(run_targets()).proto.columns)
    for score in ("motivation", "postings"):
        config = columns[score]["type_config"]
        assert (config.get("min_value"), config.get("step")) == (0, 1), columns[score]
        assert "max_value" not in config  # a 7 is refused in words, not made 3
