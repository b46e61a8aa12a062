"""Home's 'ruled out' under Targets: companies you ruled out, and those of your targets an
industry you ruled out takes off the list, said apart (walkthrough: '3 ruled out' added the
two up, beside a line that said '1 company and 1 industry')."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, home, interactions, profile, targets

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ruled_out_both_ways(app_db):
    """Acme a target; Tobacco ruled out by you; Shop and Mall targets in Retail, an industry
    ruled out in Settings; Outlet (Retail) only in the network, no target."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Health", motivation=3)
    targets.add_company(conn, "Tobacco", industry="Energy")
    targets.rule_out(conn, targets.ensure_company(conn, "Tobacco"), "Not for me")
    targets.add_company(conn, "Shop", industry="Retail")
    targets.add_company(conn, "Mall", industry="retail ", status="researching")
    targets.set_industry(conn, [targets.ensure_company(conn, "Outlet")], "Retail")
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    interactions.log_interaction(conn, ann, "outreach")
    profile.rule_out_industry(conn, "Retail", "Weekend shifts")
    conn.close()
    return app_db


def test_the_figure_counts_the_two_ways_apart(ruled_out_both_ways):
    conn = db.connect(ruled_out_both_ways)
    figures = home.headline(conn)
    conn.close()
    # ruled_out stays the chosen companies out either way (the Targets list adds up to it)
    assert (figures.targets, figures.ruled_out, figures.out_by_industry) == (1, 3, 2)
    assert home.targets_delta(figures) == "1 ruled out, 2 by industry"


@pytest.mark.parametrize(
    ("ruled_out", "by_industry", "said"),
    [
        (0, 0, None),
        (1, 0, "1 ruled out"),
        (2, 2, "2 by industry"),
        (1_203, 3, "1,200 ruled out, 3 by industry"),
    ],
)
def test_each_way_is_said_only_when_there_is_some(ruled_out, by_industry, said):
    figures = home.Headline(5, 5, 1, ruled_out, 0, 0, 0, 0, out_by_industry=by_industry)
    assert home.targets_delta(figures) == said


def test_home_says_which_way_under_targets(ruled_out_both_ways):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    [figure] = [m for m in at.metric if m.label == "Targets"]
    assert (figure.value, figure.proto.delta) == ("1", "1 ruled out, 2 by industry")
    # the line above says the same companies: 1 company and 1 industry, 2 more off the list
    assert (
        "You have ruled out 1 company and 1 industry, which takes 2 more companies off your list."
        in " ".join(c.value for c in at.caption)
    )
    assert "by industry" in figure.proto.help
