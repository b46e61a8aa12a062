"""Targets: a target in an industry ruled out in Settings reads ruled out in the table.

The walkthrough: with Finance ruled out, Acme Logistics read 'Target' in the Status column
while the line above said "4 targets and 1 ruled out, listed last" and "Why you ruled them
out" named it.
"""

from __future__ import annotations

import json

from infoint import db, profile, targets
from tests.test_page_targets import editor, run_targets

OUT_BY_INDUSTRY = "industry_ruled_out"  # targets.INDUSTRY_RULED_OUT


def finance(app_db) -> None:
    conn = db.connect(app_db)
    for name in ("Gamma", "Delta", "Echo", "Fox"):
        targets.add_company(conn, name, industry="Energy")
    targets.add_company(conn, "Acme Logistics", industry="Finance", motivation=3)
    profile.rule_out_industry(conn, "Finance", "Too far from what I want")
    conn.close()


def test_a_target_in_an_industry_ruled_out_reads_ruled_out_as_the_line_counts_it(app_db):
    finance(app_db)
    at = run_targets()
    line = next(c.value for c in at.caption if c.value.startswith("Companies "))
    assert line.startswith(
        "Companies 1–5 of 5, best first: 4 targets and 1 ruled out, listed last."
    )
    table = editor(at)
    statuses = dict(zip(table.value["name"], table.value["status"], strict=True))
    assert statuses["Acme Logistics"] == OUT_BY_INDUSTRY
    assert list(statuses.values()).count("target") == 4
    column = json.loads(table.proto.columns)["status"]
    options = {o["value"]: o["label"] for o in column["type_config"]["options"]}
    assert options[OUT_BY_INDUSTRY] == "Out by industry"
    assert "Out by industry: its industry is ruled out in Settings." in column["help"]
    assert "Acme Logistics: Finance is ruled out in Settings" in "\n".join(
        m.value for m in at.markdown
    )
