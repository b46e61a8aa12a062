"""The figures of Insights and Referrals are plain Plotly JSON, as the browser draws them."""

import colorsys
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from infoint import charts, funnel, insight_charts
from infoint.referrals import Link


def rates_frame(groups: list[str], contacted: list[int], replied: list[int], met: list[int]):
    rates = pd.DataFrame(
        {"group": groups, "contacted": contacted, "replied": replied, "met": met}
    ).astype({"contacted": "int64", "replied": "int64", "met": "int64"})
    rates["response_rate"] = rates["replied"] / rates["contacted"]
    rates["meeting_rate"] = rates["met"] / rates["contacted"]
    return rates


def weekly_frame(weeks: list[str]) -> pd.DataFrame:
    counts = {stage: pd.Series(range(len(weeks)), dtype="int64") for stage in funnel.STAGES}
    return pd.DataFrame({"week": pd.to_datetime(weeks), **counts})


WAITS = pd.DataFrame(
    {
        "wait": ["Same day", "1 business day", "Talked before you wrote", "No reply yet"],
        "people": [1, 0, 2, 1_200],
        "speed": [0, 0, 2, 3],
    }
).astype({"people": "int64", "speed": "int64"})

LINKS = [
    Link(1, "Ana Lee (Acme & <Co>)", "Acme & <Co>", 3, None, 2),
    Link(2, "Ana Lee (Zeta)", "Zeta", 1, None, 1),
    Link(3, "<b>Cy</b> Dunn", "", 0, 1, 0),
    Link(4, "Di Eze (Engineer)", "Acme", 5, 1, 0),
    Link(5, "Ed Fox", "Beta", 2, 6, 0),  # Ed and Fi introduced each other: a cycle
    Link(6, "Fi Gu", "", 4, 5, 1),
]


def figures() -> list[tuple[str, dict]]:
    return [
        ("bar", insight_charts.rates_figure(rates_frame(["<b>Warm</b> & co"], [3], [1], [0]), "D")),
        ("bar", insight_charts.rates_figure(rates_frame([], [], [], []), "Degree")),
        ("bar", insight_charts.reply_waits_figure(WAITS)),
        ("bar", insight_charts.reply_waits_figure(WAITS.iloc[:0])),
        ("bar", insight_charts.weekly_funnel_figure(weekly_frame(["2026-03-02", "2026-03-09"]))),
        ("bar", insight_charts.weekly_funnel_figure(weekly_frame([]))),
        ("scatter", insight_charts.referral_figure(LINKS)),
        ("scatter", insight_charts.referral_figure([])),
    ]


def test_figures_are_plain_plotly_json_built_without_plotly():
    """{"data": [...], "layout": {...}} of plain values (no NaN, no numpy), each trace naming
    its type (and a scatter its mode), titles written out as plotly.js 3+ reads them, and no
    theme of our own."""
    for kind, figure in figures():
        assert type(figure) is dict and set(figure) == {"data", "layout"}
        assert json.loads(json.dumps(figure, allow_nan=False)) == figure
        assert {trace["type"] for trace in figure["data"]} <= {kind}
        assert all("mode" in trace for trace in figure["data"] if trace["type"] == "scatter")
        layout = figure["layout"]
        assert "template" not in layout
        if "title" in layout:  # Insights' rates and weeks are named by the page's heading
            assert isinstance(layout["title"]["text"], str)
        assert isinstance(layout["xaxis"]["title"]["text"], str)
        assert isinstance(layout["yaxis"]["title"]["text"], str)


def test_the_picture_breaks_its_lines_with_nulls_and_names_its_title():
    figure = insight_charts.referral_figure(LINKS)
    lines = figure["data"][0]
    assert (lines["type"], lines["mode"]) == ("scatter", "lines")
    assert len(lines["x"]) == len(lines["y"]) == 3 * len(LINKS)
    assert lines["x"][2::3] == lines["y"][2::3] == [None] * len(LINKS)  # one gap a line
    assert figure["layout"]["title"] == {"text": "Who introduced you to whom"}
    assert figure["layout"]["xaxis"]["title"] == {"text": "How you reached them"}
    waits = insight_charts.reply_waits_figure(WAITS)
    assert waits["layout"]["title"] == {"text": "When people replied"}


def test_building_figures_leaves_the_shared_pieces_as_they_were():
    for _, figure in figures():
        layout = figure["layout"]
        layout["legend"]["y"] = 5
        layout["legend"].setdefault("title", {})["text"] = "changed"
        layout["margin"]["t"] = 99
    assert charts.LEGEND_BELOW["y"] == 0 and "title" not in charts.LEGEND_BELOW
    assert insight_charts._LAYOUT == {
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "legend": charts.LEGEND_BELOW,
    }
    assert insight_charts.REFERRAL_LEGEND["y"] == 1
    assert insight_charts.REFERRAL_LEGEND["title"] == {"text": "Stage"}


def test_importing_the_figures_loads_no_plotly():
    """Plotly's Python package (16 MB at import) is never loaded for them."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, infoint.insight_charts; print('plotly' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    assert loaded.stdout.strip() == "False"


def _hue_and_lightness(colour: str) -> tuple[float, float]:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, _ = colorsys.rgb_to_hls(red, green, blue)
    return hue * 360, lightness


def test_every_reply_is_drawn_in_replieds_colour_or_a_paler_tint_of_it():
    """People who replied, quickly or later, are at the Replied stage: their bars are its teal,
    the later ones paler. 'Replied later' was Home's pale blue of Follow-up (the Contacted
    family), so one colour said two stages across the pages."""
    waits = pd.DataFrame(
        {"wait": ["Same day", "8–20 business days"], "people": [2, 1], "speed": [0, 1]}
    ).astype({"people": "int64", "speed": "int64"})
    bars = {
        bar["name"]: bar["marker"]["color"]
        for bar in insight_charts.reply_waits_figure(waits)["data"]
    }
    replied = funnel.STAGE_COLOURS["replied"]
    assert bars["Replied within 3 business days"] == replied
    later = bars["Replied later"]
    (hue, lightness), (stage_hue, stage_lightness) = map(_hue_and_lightness, (later, replied))
    assert abs(hue - stage_hue) < 3 and lightness > stage_lightness
    # Nor is it a colour that says another stage, or another kind of activity on Home.
    elsewhere = {*funnel.STAGE_COLOURS.values(), *charts.ACTIVITY_COLOURS.values()} - {replied}
    assert later not in elsewhere
