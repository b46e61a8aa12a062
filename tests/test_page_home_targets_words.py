"""Home's Targets figure counts what the Targets page calls targets, and says the companies you
are researching apart, as that page does (walkthrough: on the demo Home read 'Targets 8' where
Targets said '6 targets, 2 researching')."""

import pytest
from streamlit.testing.v1 import AppTest

from infoint import db, home, profile, targets
from tests.conftest import opened


def targets_figure(at: AppTest):
    [figure] = [m for m in at.metric if m.label == "Targets"]
    return figure


def test_home_and_targets_say_the_same_numbers_on_the_demo(app_db):
    at = opened()
    next(b for b in at.button if b.label == "Load demo data").click()
    at.run()
    assert not at.exception, at.exception
    figure = targets_figure(at)
    assert (figure.value, figure.proto.delta) == ("6", "2 researching  \n2 ruled out")
    assert "researching" in figure.proto.help

    listed = opened("pages/1_targets.py")
    line = next(c.value for c in listed.caption if c.value.startswith("Companies "))
    assert "6 targets, 2 researching and 2 ruled out" in line


@pytest.fixture
def researching_only(app_db):
    """Two companies you are researching, one of them in an industry you ruled out."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Hydro", industry="Energy", status="researching")
    targets.add_company(conn, "Mall", industry="Retail", status="researching")
    profile.rule_out_industry(conn, "Retail", "Weekend shifts")
    conn.close()
    return app_db


def test_researching_alone_is_no_target_yet_but_a_start(researching_only):
    """Hydro is researched, not a target: 'Targets 0' with '1 researching' under it, and Home
    does not ask you to pick targets, as you have begun (the next step is the first outreach)."""
    at = opened()
    figure = targets_figure(at)
    assert (figure.value, figure.proto.delta) == ("0", "1 researching  \n1 by industry")
    assert "Write your first outreach" in [link.proto.label for link in at.main.get("page_link")]


@pytest.mark.parametrize(
    ("chosen", "researching", "ruled_out", "by_industry", "said"),
    [
        (8, 2, 2, 0, ("6", "2 researching  \n2 ruled out")),
        (3, 0, 0, 0, ("3", None)),
        (2, 2, 1, 1, ("0", "2 researching  \n1 by industry")),
        (1_300, 1_100, 0, 0, ("200", "1,100 researching")),
    ],
)
def test_the_figure_and_its_note(chosen, researching, ruled_out, by_industry, said):
    figures = home.Headline(
        9, 9, chosen, ruled_out, 0, 0, 0, 0, out_by_industry=by_industry, researching=researching
    )
    assert home.targets_figure(figures) == said
