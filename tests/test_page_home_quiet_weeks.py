"""Home with the demo, filtered to an industry nobody there was written to (Education): the
funnel and "What you did each week" each say so in a sentence, with no empty chart and no
table of zeros (a new user's walkthrough found both under the funnel's sentence)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import db, demo, home
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent
QUIET_EDUCATION = (
    "You logged nothing in these 12 weeks with anyone your filters choose. Clear a filter to see "
    "what you did each week."
)


def ran(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def weekly_table(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("| What | This week |")]


def test_the_demo_filtered_to_education_says_so_instead_of_empty_weeks(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    conn.close()
    at = ran(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run())
    assert quick_charts(at).keys() == {"funnel", "activity"} and weekly_table(at)
    industry = next(w for w in at.multiselect if w.label == "Industry")

    at = ran(industry.set_value(["Education"]).run())
    assert [i.value for i in at.info] == [home.FILTERED_OUT, QUIET_EDUCATION]
    assert quick_charts(at) == {}  # neither the funnel nor the weeks drawn empty
    assert not weekly_table(at)
    assert home.ACTIVITY_FILTERED not in [c.value for c in at.caption]
    assert home.ACTIVITY_NOTE not in [c.value for c in at.caption]

    # Widened, as the sentence says: the chart and its numbers are back, filtered.
    at = ran(industry.set_value(["Education", "Health"]).run())
    assert [i.value for i in at.info] == []
    assert quick_charts(at).keys() == {"funnel", "activity"} and weekly_table(at)
    assert home.ACTIVITY_FILTERED in [c.value for c in at.caption]
