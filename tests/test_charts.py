import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from infoint import charts, funnel, insight_charts
from infoint.funnel import STAGE_COLOURS, StageCount


def test_funnel_shows_every_stage_in_its_colour():
    counts = [
        StageCount(stage, funnel.STAGE_LABELS[stage], n, None)
        for stage, n in zip(funnel.STAGES, [5, 2, 0, 0, 0], strict=True)
    ]
    figure = charts.funnel_figure(counts)
    trace = figure["data"][0]
    assert trace["type"] == "funnel"
    assert trace["y"] == ["Contacted", "Replied", "Met", "Referred", "Opportunity"]
    assert trace["x"] == [5, 2, 0, 0, 0]
    assert trace["marker"]["color"] == [STAGE_COLOURS[s] for s in funnel.STAGES]
    assert "%{x:,}" in trace["hovertemplate"] and trace["texttemplate"] == "%{x:,}"  # '4,973'
    # The activity's counts too: every hover writes thousands as the sentences do.
    activity = pd.DataFrame(
        {"week": [date(2026, 3, 2)], "kind": ["outreach"], "label": ["Outreach"], "count": [1200]}
    )
    assert ":,}" in charts.activity_figure(activity)["data"][0]["hovertemplate"]
    layout = figure["layout"]
    assert layout["yaxis"]["title"]["text"]  # the bars' measure: an annotation (below)
    # A stage at zero has no bar to carry its number: it is written there all the same.
    assert [(a["y"], a["text"], a["x"]) for a in layout["annotations"][:-1]] == [
        ("Met", "0", 0),
        ("Referred", "0", 0),
        ("Opportunity", "0", 0),
    ]
    assert charts.funnel_figure(counts[:2])["layout"]["annotations"] == [charts.FUNNEL_MEASURE]


def test_activity_is_stacked_by_kind_with_stage_colours():
    activity = pd.DataFrame(
        {
            "week": [date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 9)],
            "kind": ["outreach", "reply", "outreach", "reply"],
            "label": ["Outreach", "Reply", "Outreach", "Reply"],
            "count": [3, 0, 1, 2],
        }
    )
    figure = charts.activity_figure(activity)
    assert figure["layout"]["barmode"] == "stack"
    bars = {trace["name"]: trace for trace in figure["data"]}
    assert set(bars) == {"Outreach", "Reply"}
    assert {trace["type"] for trace in figure["data"]} == {"bar"}
    assert bars["Outreach"]["y"] == [3, 1]
    assert bars["Reply"]["marker"]["color"] == STAGE_COLOURS["replied"]
    assert figure["layout"]["xaxis"]["title"]["text"] == "Week commencing (Monday)"
    assert figure["layout"]["yaxis"]["title"]["text"]


def test_every_week_of_the_activity_is_labelled_and_counts_are_whole():
    weeks = [date(2026, 10, 26), date(2026, 11, 2), date(2026, 11, 9)]
    activity = pd.DataFrame(
        {
            "week": weeks,
            "kind": ["outreach"] * 3,
            "label": ["Outreach"] * 3,
            "count": [1, 0, 1],
        }
    )
    figure = charts.activity_figure(activity)
    assert figure["data"][0]["x"] == ["w/c 26 Oct", "w/c 2 Nov", "w/c 9 Nov"]
    axis = figure["layout"]["xaxis"]
    assert axis["tickvals"] == ["w/c 26 Oct", "w/c 2 Nov", "w/c 9 Nov"]
    assert axis["ticktext"] == ["26<br>Oct", "2<br>Nov", "9<br>Nov"]
    yaxis = figure["layout"]["yaxis"]
    assert (yaxis["dtick"], yaxis["tickformat"]) == (1, ",d")


def test_count_axes_never_show_fractions():
    assert charts.counts_axis(1) == {
        "rangemode": "tozero",
        "tickformat": ",d",
        "dtick": 1,
    }  # 0, 1 — not 0, 0.5, 1
    assert charts.counts_axis(0)["range"] == [0, 1]
    assert charts.counts_axis(250) == {"rangemode": "tozero", "tickformat": ",d"}


def test_the_funnel_names_what_its_bars_count_under_them():
    """Plotly hides a funnel's value axis and its title: the measure is written under the bars,
    beside the "0" of an empty stage."""
    counts = [StageCount(s, funnel.STAGE_LABELS[s], 3, None) for s in funnel.STAGES[:-1]]
    counts.append(StageCount("opportunity", funnel.STAGE_LABELS["opportunity"], 0, None))
    notes = charts.funnel_figure(counts)["layout"]["annotations"]
    assert [n["text"] for n in notes] == ["0", "Bar width: contacts at this stage or beyond"]
    assert (notes[1]["xref"], notes[1]["yref"], notes[1]["y"]) == ("paper", "paper", 0)
    # it ends at the plot's right edge: centred, Home at 800 px cut it there
    assert (notes[1]["x"], notes[1]["xanchor"]) == (1, "right")


def coverage_frame(**columns) -> pd.DataFrame:
    """A coverage_by_industry frame: Health's 28 targets among 3,467 people, as the tester saw."""
    return pd.DataFrame(
        {
            "industry": ["Health", funnel.NO_INDUSTRY],
            "targets": [28, 2],
            "targets_contacted": [5, 0],
            "targets_met": [2, 0],
            "people": [3467, 0],
            "contacted": [9, 0],
            "contacted_percent": [0.3, float("nan")],
        }
        | columns
    )


def test_coverage_draws_each_industrys_targets_by_how_far_you_got():
    figure = charts.coverage_figure(coverage_frame())
    layout = figure["layout"]
    # 'targets' and 'researching' together: 'companies chosen', as the table's 'Chosen'
    assert layout["title"]["text"] == "How far you got at the companies you chose"
    assert layout["xaxis"]["title"]["text"] == "Share of the industry's companies chosen"
    assert layout["yaxis"]["title"]["text"] == "Industry (companies chosen)"
    assert layout["barmode"] == "stack"
    assert (layout["xaxis"]["range"], layout["xaxis"]["ticksuffix"]) == ([0, 100], " %")
    # room for the "100 %" label at the right edge (tests/e2e/test_coverage_ticks.py sees it)
    assert layout["margin"]["r"] == charts.SHARE_AXIS_RIGHT_MARGIN
    bars = {trace["name"]: trace for trace in figure["data"]}
    assert list(bars) == [
        "Met someone there",
        "Wrote to someone, not met yet",
        "Nobody written to yet",
    ]
    assert bars["Met someone there"]["y"] == ["Health (28)", f"{funnel.NO_INDUSTRY} (2)"]
    assert [bars[name]["orientation"] for name in bars] == ["h", "h", "h"]
    # Health's 28 targets: met someone at 2, wrote to someone at 3 more, nobody at 23.
    assert [bars[name]["text"] for name in bars] == [["2", ""], ["3", ""], ["23", "2"]]
    assert [bars[name]["x"][0] for name in bars] == [100 * 2 / 28, 100 * 3 / 28, 100 * 23 / 28]
    assert [bars[name]["x"][1] for name in bars] == [0, 0, 100]  # each bar is all its targets
    assert bars["Met someone there"]["marker"]["color"] == STAGE_COLOURS["met"]
    assert bars["Wrote to someone, not met yet"]["marker"]["color"] == STAGE_COLOURS["contacted"]
    # The people there (3,467, which would flatten 28 on one axis) are in the hover.
    written = bars["Wrote to someone, not met yet"]
    assert written["customdata"][0] == [3, 28, "3,467 people there, 9 contacted (0.3 %)"]
    assert written["customdata"][1] == [0, 2, "None of your contacts works there yet"]
    assert (
        "%{customdata[0]:,} of %{customdata[1]:,} companies chosen (%{x:.0f} %)"
        in (written["hovertemplate"])
    )


def test_coverage_hover_says_one_person_in_the_singular():
    coverage = coverage_frame(people=[1, 0], contacted=[1, 0], contacted_percent=[100.0, None])
    figure = charts.coverage_figure(coverage)
    assert figure["data"][0]["customdata"][0][2] == "1 person there, 1 contacted (100 %)"


def test_coverage_shows_industry_names_as_typed_not_as_html():
    coverage = coverage_frame().iloc[:1].assign(industry=["<b>Health</b> & care"])
    figure = charts.coverage_figure(coverage)
    assert {tuple(trace["y"]) for trace in figure["data"]} == {
        ("&lt;b&gt;Health&lt;/b&gt; &amp; care (28)",)
    }


def test_one_plain_text_helper_for_every_figure():
    assert insight_charts.plain is charts.plain
    assert charts.plain("<i>A</i> & B") == "&lt;i&gt;A&lt;/i&gt; &amp; B"
    # Long names wrap on two lines at most, each line escaped on its own.
    assert charts.plain_lines("Cold, after reading their <talk> on data platforms and more") == (
        "Cold, after reading their<br>&lt;talk&gt; on data platforms and…"
    )


def test_rate_bars_keep_their_labels_and_long_names_in_view():
    rates = pd.DataFrame(
        {
            "group": ["Cold, after reading their conference talk on data platforms", "Warm"],
            "contacted": [1, 4],
            "replied": [1, 2],
            "met": [0, 1],
        }
    )
    rates["response_rate"] = rates["replied"] / rates["contacted"]
    rates["meeting_rate"] = rates["met"] / rates["contacted"]
    figure = insight_charts.rates_figure(rates, "Template of the first message")
    replied = figure["data"][0]
    assert replied["cliponaxis"] is False  # '1 of 1' beside a full bar is drawn whole
    # The axis ends at 100 %, the labels' room right of it in pixels: a range to 135 % left a
    # band of nothing a quarter of the chart wide at 1280 and 1600 px.
    assert figure["layout"]["xaxis"]["range"] == [0, 100]
    assert figure["layout"]["margin"]["r"] == insight_charts.rate_label_room(
        ["1 of 1", "2 of 4", "0 of 1", "1 of 4"]
    )
    assert replied["y"] == ["Cold, after reading their<br>conference talk on data…", "Warm"]


def test_the_room_for_rate_labels_grows_with_the_widest():
    """Measured in Chromium (Source Sans, 12 px): '1,000 of 1,000' is 69 px wide, drawn 3 px
    right of its bar; '2 of 2' 27 px. The room is at least the tick's own '100' needs."""
    assert insight_charts.rate_label_room(["1,000 of 1,000", "2 of 2"]) >= 69 + 3
    assert insight_charts.rate_label_room(["2 of 2"]) >= 27 + 3
    assert insight_charts.rate_label_room(["2 of 2"]) < insight_charts.rate_label_room(
        ["1,000 of 1,000"]
    )
    assert insight_charts.rate_label_room([]) == charts.SHARE_AXIS_RIGHT_MARGIN


def test_legends_of_many_series_stand_below_the_plot_clear_of_the_title():
    """Above the plot a legend wrapping onto a second row covered the title ('Meeting held'
    over 'week'); at the foot of the figure, Plotly makes room for it however many rows."""
    activity = pd.DataFrame(
        {
            "week": [date(2026, 3, 2)] * 2,
            "kind": ["outreach", "reply"],
            "label": ["Outreach", "Reply"],
            "count": [3, 1],
        }
    )
    rates = pd.DataFrame(
        {"group": ["1st degree"], "contacted": [4], "replied": [2], "met": [1]}
    ).assign(response_rate=0.5, meeting_rate=0.25)
    weekly = pd.DataFrame({"week": [date(2026, 3, 2)], **{s: [1] for s in funnel.STAGES}})
    for figure in (
        charts.activity_figure(activity),
        insight_charts.rates_figure(rates, "Degree"),
        insight_charts.weekly_funnel_figure(weekly),
    ):
        legend = figure["layout"]["legend"]
        assert (legend["orientation"], legend["yref"], legend["y"], legend["yanchor"]) == (
            "h",
            "container",
            0,
            "bottom",
        )
        assert figure["layout"]["margin"]["t"] <= 60  # no band left above the plot for a legend


def test_a_week_reads_the_same_in_every_weekly_chart_as_in_its_table():
    """Insights' axis said '20 Sep' (a Sunday, Plotly's own tick) beside a table of Mondays;
    each bar is now named for its week's Monday, as on Home: 'w/c 14 Sep'."""
    weeks = pd.to_datetime(["2026-09-14", "2026-09-21", "2026-10-05"])
    weekly = pd.DataFrame({"week": weeks, **{s: [3, 2, 1] for s in funnel.STAGES}})
    figure = insight_charts.weekly_funnel_figure(weekly)
    assert {tuple(trace["x"]) for trace in figure["data"]} == {
        ("w/c 14 Sep", "w/c 21 Sep", "w/c 5 Oct")
    }
    axis = figure["layout"]["xaxis"]
    assert axis["type"] == "category"
    assert axis["ticktext"] == ["14<br>Sep", "21<br>Sep", "5<br>Oct"]
    assert "Monday" in axis["title"]["text"]


def test_many_weeks_are_left_for_plotly_to_label_a_few_of():
    weeks = [date(2026, 1, 5) + pd.Timedelta(weeks=n) for n in range(30)]
    axis = charts.weeks_axis(weeks)
    assert axis["type"] == "category" and "tickvals" not in axis
    assert len(charts.weeks_axis(weeks[:12])["tickvals"]) == 12


def test_figures_are_plain_plotly_json_built_without_plotly():
    """What the browser draws: {"data": [...], "layout": {...}} of plain values, each trace
    naming its type, titles written out as plotly.js 3+ reads them, and no theme of our own."""
    activity = pd.DataFrame(
        {
            "week": pd.to_datetime(["2026-03-02", "2026-03-09"]),
            "kind": ["outreach", "reply"],
            "label": ["Outreach", "Reply"],
            "count": [3, 1],
        }
    )
    empty = activity.iloc[:0]
    counts = [StageCount(s, funnel.STAGE_LABELS[s], 4973, None) for s in funnel.STAGES]
    for figure in (
        charts.funnel_figure(counts),
        charts.funnel_figure([]),
        charts.activity_figure(activity),
        charts.activity_figure(empty),
        charts.coverage_figure(coverage_frame()),
        charts.coverage_figure(coverage_frame().iloc[:0]),
    ):
        assert type(figure) is dict and set(figure) == {"data", "layout"}
        assert json.loads(json.dumps(figure, allow_nan=False)) == figure
        assert all(trace["type"] in ("funnel", "bar") for trace in figure["data"])
        layout = figure["layout"]
        assert "template" not in layout
        assert isinstance(layout["title"]["text"], str)
        # a funnel's value axis is hidden by Plotly: its measure is written under the bars
        x_title = layout["xaxis"]["title"] if "xaxis" in layout else layout["annotations"][-1]
        assert isinstance(x_title["text"], str) and x_title["text"]
        assert isinstance(layout["yaxis"]["title"]["text"], str)
    # Building figures leaves the shared pieces as they were.
    assert charts.LEGEND_BELOW["y"] == 0 and "traceorder" not in charts.LEGEND_BELOW
    assert charts._LAYOUT == {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}}
    # Plotly's Python package (16 MB at import) is never loaded for them.
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, infoint.charts; print('plotly' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    assert loaded.stdout.strip() == "False"
