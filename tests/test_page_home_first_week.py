"""Home in a user's first week: "What you did each week" draws no chart of one week as a trend
(one group of bars among empty weeks read as a trend of nothing). It says trends need more
weeks, as Insights does (`insights.trend_too_soon`), and gives that week's numbers with what
they count. Once something is logged in a second week the chart is back, as before.

Whether it is too soon is everyone's over the weeks drawn, whatever the filters choose: an
industry worked on in one week of a longer campaign is still drawn among its weeks, and a range
of first outreach reaching back past 12 weeks is judged over all its weeks."""

from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, funnel, home, interactions, targets, text
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def run_home() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    return at


def logged(at: AppTest) -> dict[str, int]:
    """The weekly numbers' whole period ("Last 12 weeks"), per kind. Not "This week": a run
    across Sunday midnight would move what a test logged "today" into last week."""
    table = next(m.value for m in at.markdown if m.value.startswith("| What | This week |"))
    rows = [row.strip("| ").split(" | ") for row in table.splitlines()[2:]]
    return {text.plain_markdown(what): int(period) for what, _, period in rows}


def too_soon_said(at: AppTest) -> list[str]:
    return [i.value for i in at.info if i.value.startswith("Trends need")]


def first_week_sentence(week: date) -> str:
    return (
        "Trends need at least 2 weeks: everything you logged in the last 12 weeks was in the "
        f"week of {text.day(week)}. That week's numbers are below; the chart appears once you "
        "log something in another week."
    )


@pytest.fixture
def people(app_db):
    """Ann at Acme (Health), Bob at Volt (Energy); nothing logged yet."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    bob = contacts.add_contact(conn, "Bob", "Ray", company="Volt")
    conn.close()
    return app_db, ann, bob


def log(app_db, *entries: tuple[int, str, date]) -> None:
    conn = db.connect(app_db)
    for person, kind, day in entries:
        interactions.log_interaction(conn, person, kind, occurred_at=day)
    conn.close()


def test_a_first_week_gives_its_numbers_and_says_trends_need_more_weeks(people):
    app_db, ann, bob = people
    today = date.today()  # the tests' machine, and so the user, are on UTC
    log(app_db, (ann, "outreach", today), (ann, "reply", today), (bob, "outreach", today))
    at = run_home()
    assert "activity" not in quick_charts(at)
    assert "funnel" in quick_charts(at)  # the funnel is drawn as ever
    assert too_soon_said(at) == [first_week_sentence(funnel.week_start(today))]
    assert logged(at)["Outreach"] == 2 and logged(at)["Reply"] == 1
    assert home.ACTIVITY_NOTE in [c.value for c in at.caption]
    assert home.ACTIVITY_FILTERED not in [c.value for c in at.caption]


def test_a_first_week_filtered_is_still_too_soon_and_its_numbers_follow_the_filters(people):
    app_db, ann, bob = people
    today = date.today()
    log(app_db, (ann, "outreach", today), (bob, "outreach", today), (bob, "reply", today))
    at = run_home()
    industry = next(w for w in at.multiselect if w.label == "Industry")
    at = industry.set_value(["Energy"]).run()
    assert not at.exception, at.exception
    assert "activity" not in quick_charts(at)
    assert too_soon_said(at) == [first_week_sentence(funnel.week_start(today))]
    assert logged(at)["Outreach"] == 1 and logged(at)["Reply"] == 1
    assert home.ACTIVITY_FILTERED in [c.value for c in at.caption]


def test_a_second_week_draws_the_chart_even_for_an_industry_of_one_week(people):
    app_db, ann, bob = people
    today = date.today()
    log(app_db, (ann, "outreach", today - timedelta(days=7)), (bob, "outreach", today))
    at = run_home()
    bars = quick_charts(at)["activity"]["data"]
    assert sum(sum(bar["y"]) for bar in bars) == 2
    assert not too_soon_said(at)
    assert logged(at)["Outreach"] == 2

    # Bob's Energy was worked on in one week, but the campaign has two: drawn among them.
    industry = next(w for w in at.multiselect if w.label == "Industry")
    at = industry.set_value(["Energy"]).run()
    assert not at.exception, at.exception
    assert sum(sum(bar["y"]) for bar in quick_charts(at)["activity"]["data"]) == 1
    assert not too_soon_said(at)


def test_weeks_of_first_outreach_reaching_back_past_12_are_judged_over_all_they_draw(people):
    """Ann was written to 16 weeks ago and answered today: over the last 12 weeks that is one
    week, but the range of her first outreach draws 17, two of them with something logged."""
    app_db, ann, _ = people
    today = date.today()
    log(app_db, (ann, "outreach", today - timedelta(weeks=16)), (ann, "reply", today))
    at = run_home()
    assert too_soon_said(at)  # the last 12 weeks hold one week of it
    weeks = next(w for w in at.date_input if w.label == "First outreach between")
    at = weeks.set_value((today - timedelta(weeks=17), today)).run()
    assert not at.exception, at.exception
    assert not too_soon_said(at)
    bars = quick_charts(at)["activity"]["data"]
    assert sum(sum(bar["y"]) for bar in bars) == 2
    assert "| What | This week | Last 17 weeks |" in " ".join(m.value for m in at.markdown)


def activity(counts: dict[str, int]) -> pd.DataFrame:
    """A `home.weekly_activity` frame of 12 weeks to 23 Nov 2026: outreach per week as given."""
    last = date(2026, 11, 23)
    weeks = [last - timedelta(weeks=n) for n in range(11, -1, -1)]
    rows = [
        (week, kind, label, counts.get(str(week), 0) if kind == "outreach" else 0)
        for week in weeks
        for kind, label in home.ACTIVITY_LABELS.items()
    ]
    return pd.DataFrame(rows, columns=["week", "kind", "label", "count"])


def test_one_week_with_something_logged_is_too_soon_wherever_it_falls():
    assert home.activity_too_soon(activity({"2026-11-23": 3})) == first_week_sentence(
        date(2026, 11, 23)
    )
    # Last week's, with nothing yet this week: still one week, said as that one.
    assert home.activity_too_soon(activity({"2026-11-16": 1})) == first_week_sentence(
        date(2026, 11, 16)
    )


def test_no_week_or_two_weeks_are_not_too_soon():
    assert home.activity_too_soon(activity({})) == ""  # Home says it is quiet instead
    assert home.activity_too_soon(activity({"2026-09-07": 1, "2026-11-23": 2})) == ""
