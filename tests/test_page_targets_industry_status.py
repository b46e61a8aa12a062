"""Targets: a target in an industry ruled out in Settings reads ruled out in the table.

The walkthrough: with Finance ruled out, Acme Logistics read 'Target' in the Status column
while the line above said "4 targets and 1 ruled out, listed last" and "Why you ruled them
out" named it.
"""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from infoint import db, profile, targets
from tests.test_page_targets import ROOT, button, edit, editor, names, run_targets

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
        "Companies 1–5 of 5, best first: 4 targets and 1 in an industry you ruled out, listed last."
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


def test_one_only_in_the_network_given_a_ruled_out_industry_reads_out_by_industry(app_db):
    """The walkthrough: Retail ruled out in Settings, Quartz Games (only in the network) set
    to Retail in the table read 'In your network', while the line above said '1 in an
    industry you ruled out' and the list below 'Quartz Games: Retail is ruled out in
    Settings'."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Gamma", industry="Energy", motivation=2)
    targets.ensure_company(conn, "Quartz Games")
    targets.ensure_company(conn, "Aspen Pharma")
    profile.rule_out_industry(conn, "Retail", "Not for me")
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/1_targets.py")
    run_targets(at)
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    assert names(at) == ["Gamma", "Aspen Pharma", "Quartz Games"]
    edit(at, {2: {"industry": "Retail"}})
    button(at, "Save changes").click()
    run_targets(at)
    table = editor(at)
    assert list(zip(table.value["name"], table.value["status"], strict=True)) == [
        ("Gamma", "target"),
        ("Aspen Pharma", "network"),
        ("Quartz Games", OUT_BY_INDUSTRY),  # listed last, as the line says
    ]
    line = next(c.value for c in at.caption if c.value.startswith("Companies "))
    assert line.startswith(
        "Companies 1–3 of 3, best first: 1 target, 1 only in your network and 1 in an "
        "industry you ruled out, listed last."
    )
    assert "Quartz Games: Retail is ruled out in Settings" in "\n".join(
        m.value for m in at.markdown
    )
    # Made a target there: refused in one sentence, nothing saved
    edit(at, {2: {"status": "target"}})
    assert at.error[0].value == (
        "Quartz Games cannot be a target while its industry, Retail, is ruled out in Settings: "
        "take Retail off the ruled-out industries there, or give Quartz Games another industry."
    )
    conn = db.connect(app_db)
    assert conn.execute(
        "SELECT status, industry FROM companies WHERE name = 'Quartz Games'"
    ).fetchall() == [("network", "Retail")]
    conn.close()
