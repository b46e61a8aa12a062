"""Insights in a user's first week: no chart of one week as a trend; that week's numbers, with
what they count, and a plain word that trends need more weeks (walkthrough)."""

from datetime import date, timedelta

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, insights, interactions
from tests.conftest import quick_charts
from tests.test_page_insights import insights_page


def write(app_db, first_on: list[date]) -> None:
    conn = db.connect(app_db)
    for number, day in enumerate(first_on):
        person = contacts.add_contact(conn, f"Person{number}", "Lee")
        interactions.log_interaction(conn, person, "outreach", occurred_at=day)
    conn.close()


def weeks_table(at: AppTest):
    return next(t for t in at.dataframe if "week" in t.value.columns)


def test_the_first_week_gives_its_numbers_and_says_trends_need_more_weeks(app_db):
    write(app_db, [date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6)])
    at = insights_page()
    assert "weekly_chart" not in quick_charts(at)
    assert "rates_chart" in quick_charts(at)  # the other charts are drawn as ever
    conn = db.connect(app_db)
    too_soon = insights.trend_too_soon(insights.funnel_by_week(conn))
    conn.close()
    assert too_soon.startswith("Trends need at least 2 weeks")
    assert too_soon in [i.value for i in at.info]
    table = weeks_table(at)
    assert table.value[["contacted", "replied"]].values.tolist() == [[3, 0]]
    assert insights.WEEKLY_NOTE in [c.value for c in at.caption]


def test_a_second_week_draws_the_chart_with_its_numbers_on_the_bars(app_db):
    write(app_db, [date(2026, 3, 2), date(2026, 3, 9) + timedelta(days=1)])
    at = insights_page()
    weekly = quick_charts(at)["weekly_chart"]["data"]
    assert weekly[0]["y"] == [1, 1]
    assert all(bar["texttemplate"] == "%{y:,}" for bar in weekly)
    assert not [i for i in at.info if "Trends need" in i.value]
    assert len(weeks_table(at).value) == 2
    assert insights.WEEKLY_NOTE in [c.value for c in at.caption]
