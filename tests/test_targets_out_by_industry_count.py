"""Targets: the line above the table counts each company under the word its Status reads.

The walkthrough (Chromium): Tidal Logistics, a target, and Marble Consulting GmbH, only in the
network, both in Logistics, ruled out in Settings. Both rows read 'Out by industry', yet the
line counted Tidal as '1 ruled out' and Marble as '1 in an industry you ruled out'.
"""

from __future__ import annotations

from datetime import date

import pytest

from infoint import home, profile, targets
from infoint.targets import CompanyFilter


@pytest.fixture
def logistics(conn):
    """Alder Health, a target; Tidal Logistics, a target in Logistics; Birch Retail, ruled
    out by the user; Marble Consulting GmbH, only in the network, in Logistics too. Then
    Logistics is ruled out in Settings."""
    targets.add_company(conn, "Alder Health", industry="Health", motivation=2)
    targets.add_company(conn, "Tidal Logistics", industry="Logistics", motivation=3)
    birch = targets.add_company(conn, "Birch Retail", industry="Retail")
    targets.rule_out(conn, birch, "Night shifts")
    marble = targets.ensure_company(conn, "Marble Consulting GmbH")
    targets.set_industry(conn, [marble], "Logistics")
    profile.rule_out_industry(conn, "Logistics", "Too much driving")
    return conn


def statuses(conn, filters: CompanyFilter) -> dict[str, str]:
    frame = targets.list_companies(conn, filters)
    return dict(zip(frame["name"], frame["status"], strict=True))


def test_the_line_counts_each_row_under_the_word_its_status_reads(logistics):
    conn = logistics
    chosen = CompanyFilter()
    assert statuses(conn, chosen) == {
        "Alder Health": "target",
        "Birch Retail": "ruled_out",
        "Tidal Logistics": targets.INDUSTRY_RULED_OUT,
    }
    listed = targets.count_listed(conn, chosen)
    assert (listed.ruled_out, listed.in_ruled_out_industry) == (1, 1)
    assert listed.caption(1, 3) == (
        "Companies 1–3 of 3, best first: 1 target, then 1 ruled out and 1 in an industry you "
        "ruled out."
    )

    everything = CompanyFilter(whole_network=True)
    shown = statuses(conn, everything)
    assert shown["Marble Consulting GmbH"] == targets.INDUSTRY_RULED_OUT
    listed = targets.count_listed(conn, everything)
    assert listed.ruled_out == list(shown.values()).count("ruled_out")  # 'Ruled out'
    out_by_industry = list(shown.values()).count(targets.INDUSTRY_RULED_OUT)
    assert listed.in_ruled_out_industry == out_by_industry == 2  # 'Out by industry'
    assert listed.caption(1, 4) == (
        "Companies 1–4 of 4, best first: 1 target, then 1 ruled out and 2 in an industry you "
        "ruled out."
    )


def test_home_and_settings_add_up_to_the_line(logistics):
    """Home's 'ruled out' under Targets is the companies you chose, ruled out either way;
    Settings says '1 company' ruled out and an industry that takes '1 more' off the list."""
    conn = logistics
    listed = targets.count_listed(conn, CompanyFilter())
    figures = home.headline(conn, today=date(2026, 11, 28))
    assert (figures.targets, figures.ruled_out) == (listed.targets, 2)
    assert figures.ruled_out == listed.ruled_out + listed.in_ruled_out_industry
    summary = profile.ruled_out_summary(conn)
    assert (summary.companies, summary.in_industries) == (
        listed.ruled_out,
        listed.in_ruled_out_industry,
    )


def test_the_line_with_only_those_out_by_industry_says_it_once():
    line = targets.ListCount(companies=3, targets=2, ruled_out=0, in_ruled_out_industry=1)
    assert line.caption(1, 3) == (
        "Companies 1–3 of 3, best first: 2 targets and 1 in an industry you ruled out, listed last."
    )
