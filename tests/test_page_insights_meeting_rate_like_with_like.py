"""Insights' note under the rates table compares like with like: the first group's Meeting rate
(Met of Contacted) beside the same group's Met of Replied, as Home counts it. With "Compare by"
set to Industry it read 'for Health, 5 of the 17 you contacted met you (29 %). On Home it is a
share of those who replied: 8 of the 15 who replied met you (53 %)', where 8 of 15 was every
industry's figure, not Health's (5 of 8), and a user read it as Health's (walkthrough, demo)."""

import pytest
from streamlit.testing.v1 import AppTest

from infoint import db, demo, insights, text
from tests.conftest import opened


@pytest.fixture
def demo_db(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    conn.close()
    return app_db


def ran(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def note_of(at: AppTest) -> str:
    [note] = [c.value for c in at.caption if c.value.startswith("Meeting rate is a share")]
    return note


def test_by_industry_the_second_figure_is_healths_own(demo_db):
    at = opened("pages/7_insights.py")
    at = ran(at.radio(key="rates_breakdown").set_value("industry").run())
    table = at.dataframe[0].value
    first = table.iloc[0]
    # The demo's biggest industry, and one whose figures are not everyone's: the mix-up shows.
    assert first["group"] == "Health"
    assert (first["replied"], first["met"]) != (table["replied"].sum(), table["met"].sum())
    contacted, replied, met = int(first["contacted"]), int(first["replied"]), int(first["met"])
    assert note_of(at) == (
        f"Meeting rate is a share of the people you contacted: for **Health**, {met} of the "
        f"{contacted} you contacted met you ({text.percent(met / contacted)}). On Home it is a "
        f"share of those who replied: for **Health**, {met} of the {replied} who replied met "
        f"you ({text.percent(met / replied)})."
    )


@pytest.mark.parametrize("breakdown", insights.BREAKDOWNS)
def test_every_choice_gives_its_first_groups_figures_twice(demo_db, breakdown):
    at = opened("pages/7_insights.py")
    at = ran(at.radio(key="rates_breakdown").set_value(breakdown).run())
    first = at.dataframe[0].value.iloc[0]
    note = note_of(at)
    here, home = note.split(" On Home ")
    assert f" {first['met']} of the {first['contacted']} you contacted met you" in here
    assert f" {first['met']} of the {first['replied']} who replied met you" in home
    # … and says whose they are: the degrees and templates of the demo have one group each,
    # whose figures are everyone's, but with more groups they would not be.
    group = text.plain_markdown(first["group"])  # escaped as in the note, as "(no template)" is
    assert home.startswith(f"it is a share of those who replied: for **{group}**")
