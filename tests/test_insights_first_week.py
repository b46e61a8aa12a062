"""Insights in a user's first week: one week of first outreach is no trend, so the weekly funnel
says so and gives that week's numbers, with what they count, instead of a chart of one group of
bars; and every bar chart carries its numbers on its bars (walkthrough)."""

import pandas as pd

from infoint import funnel, insight_charts, insights


def weekly(rows: list[tuple[str, int, int, int, int, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["week", *funnel.STAGES])
    frame["week"] = pd.to_datetime(frame["week"])
    return frame.astype({stage: "int64" for stage in funnel.STAGES})


def test_one_week_is_said_to_be_too_soon_for_a_trend_with_its_week():
    one = weekly([("2026-11-23", 4, 2, 0, 0, 0)])
    assert insights.trend_too_soon(one) == (
        "Trends need at least 2 weeks: everyone you contacted so far was first written to "
        "in the week of 23 Nov 2026. That week's numbers are below; the chart appears once "
        "you first write to someone in another week."
    )


def test_no_week_yet_is_not_said_to_be_a_first_week():
    assert insights.trend_too_soon(weekly([])) == ""


def test_two_weeks_or_more_are_charted():
    two = weekly([("2026-11-16", 1, 0, 0, 0, 0), ("2026-11-23", 4, 2, 0, 0, 0)])
    assert insights.trend_too_soon(two) == ""


def test_the_weekly_bars_carry_their_numbers():
    figure = insight_charts.weekly_funnel_figure(
        weekly([("2026-11-16", 1_200, 0, 0, 0, 0), ("2026-11-23", 4, 2, 0, 0, 0)])
    )
    for bar in figure["data"]:
        assert (bar["texttemplate"], bar["textposition"]) == ("%{y:,}", "outside")
        assert bar["cliponaxis"] is False  # the tallest bar's number stays whole
    # a number that does not fit its narrow bar is left out, not shrunk to a speck: the
    # table under the chart has every one
    assert figure["layout"]["uniformtext"] == {"mode": "hide", "minsize": 10}


def test_the_reply_waits_bars_carry_their_numbers():
    waits = pd.DataFrame(
        {"wait": ["Same day", "No reply yet"], "people": [2, 1_200], "speed": [0, 3]}
    ).astype({"people": "int64", "speed": "int64"})
    for bar in insight_charts.reply_waits_figure(waits)["data"]:
        assert (bar["texttemplate"], bar["textposition"]) == ("%{x:,}", "outside")
        assert bar["cliponaxis"] is False
