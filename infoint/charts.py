"""Figures for the pages, as plain Plotly JSON (`Figure`): labelled axes, counts on hover, the
stage colours everywhere. Built here without Plotly's Python package; the browser draws them.

User text (names, companies, industries, template names) goes into figures through `plain`:
Plotly reads a few HTML tags in labels, so `<`, `>` and `&` are escaped as entities.
"""

from __future__ import annotations

import html
import textwrap
from datetime import date
from typing import Any

import pandas as pd

from infoint import funnel
from infoint.funnel import STAGE_COLOURS, StageCount
from infoint.text import counted

# A figure: plain Plotly JSON, {"data": [trace, ...], "layout": {...}} in plotly.js's schema.
Figure = dict[str, Any]

# Plotly options for a drawn figure (ui.chart(config=...)): no logo, no toolbar clutter.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False}
# A chart with its numbers beside it, in a row that wraps (`st.container(horizontal=True)`), the
# chart drawn straight into the row: at least this wide, as its labels read whole, and as wide
# as the row leaves beside the numbers; where the row has less, the numbers go under it.
BESIDE_NUMBERS_MIN_WIDTH = 460


def beside_numbers(min_width: int = BESIDE_NUMBERS_MIN_WIDTH) -> dict:
    """`PLOTLY_CONFIG` for a chart beside its numbers: infoint/chart.js reads `infointMinWidth`
    (and gives Plotly the rest)."""
    return {**PLOTLY_CONFIG, "infointMinWidth": min_width}


# Activity kinds drawn in the colour of the stage they move a contact to.
ACTIVITY_COLOURS = {
    "outreach": STAGE_COLOURS["contacted"],
    "follow_up": "#9ecae9",
    "reply": STAGE_COLOURS["replied"],
    "meeting_held": STAGE_COLOURS["met"],
    "thank_you": "#b279a2",
    "referral": STAGE_COLOURS["referred"],
    "opportunity": STAGE_COLOURS["opportunity"],
}

# How far you got at each target company, furthest first: the stage colours for the two
# stages, grey for targets where nobody has heard from you yet.
TARGET_REACH = {
    "met": ("Met someone there", STAGE_COLOURS["met"]),
    "written": ("Wrote to someone, not met yet", STAGE_COLOURS["contacted"]),
    "not_yet": ("Nobody written to yet", "#bab0ac"),
}

_LAYOUT = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}}
# Pixels right of an axis that ends at "100 %", so its last tick label is drawn.
SHARE_AXIS_RIGHT_MARGIN = 30
# A legend of many series stands at the foot of the figure, under the axis title: above
# the plot it wrapped onto more rows as the page narrowed and covered the chart's title.
# Placed on the figure (not the plot), Plotly makes room for it however many rows it takes.
LEGEND_BELOW = {
    "orientation": "h",
    "yref": "container",
    "y": 0,
    "yanchor": "bottom",
    "x": 0,
    "xanchor": "left",
}


def plain(text: object) -> str:
    """Text shown as typed in a figure: no tag in it is read as HTML by Plotly."""
    return html.escape(str(text), quote=False)


def plain_lines(text: object, width: int = 30, lines: int = 2) -> str:
    """`plain(text)` broken at spaces into at most `lines` lines (… when cut): a long name as
    an axis label would otherwise squeeze the plot to nothing. Tables beside show it whole."""
    parts = textwrap.wrap(str(text), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], parts[lines - 1] + "…"]
    return "<br>".join(plain(part) for part in parts)


def counts_axis(largest: float) -> dict:
    """An axis of counts: whole numbers only (no 0.5 of a person), starting at zero.

    Up to ten, every number is a tick; above, Plotly's own spacing is whole already, and
    the format makes sure. With nothing to count the axis still reads 0 to 1.
    """
    axis = {"rangemode": "tozero", "tickformat": ",d"}
    if largest <= 10:
        axis["dtick"] = 1
    if not largest > 0:  # zero, or nothing at all (NaN)
        axis["range"] = [0, 1]
    return axis


def week_label(week: date) -> str:
    """'w/c 3 Nov': the week commencing on that Monday."""
    return f"w/c {week.day} {week:%b}"


# Up to this many weeks, every one is labelled; more, and Plotly picks which to label.
WEEKS_LABELLED = 16


def weeks_axis(weeks: list[date]) -> dict:
    """An axis of weeks named for their Mondays ('w/c 3 Nov'), as the table beside says.

    A category axis: the bars are weeks, not points in time (a date axis put its own
    ticks, on Sundays, between them). The tick says the day over the month ('3' over 'Nov'),
    the axis title says they are Mondays: twelve weeks fit beside a table without touching.
    """
    axis = {"type": "category", "tickfont": {"size": 11}}
    if len(weeks) <= WEEKS_LABELLED:
        labels = [week_label(week) for week in weeks]
        ticktext = [f"{week.day}<br>{week:%b}" for week in weeks]
        axis |= {"tickvals": labels, "ticktext": ticktext, "tickangle": 0}
    return axis


# What a funnel bar's width counts, said under the bars: Plotly hides a funnel's value axis,
# and with it that axis's title, so the measure was named nowhere on the chart. It ends at
# the plot's right edge and runs left under the stages' names: centred, a narrow window (Home
# at 800 px) cut it at the right.
FUNNEL_MEASURE = {
    "text": "Bar width: contacts at this stage or beyond",
    "xref": "paper",
    "yref": "paper",
    "x": 1,
    "xanchor": "right",
    "y": 0,
    "yanchor": "top",
    "yshift": -8,
    "showarrow": False,
    "font": {"size": 14},
}
FUNNEL_MEASURE_MARGIN = 40


def funnel_figure(counts: list[StageCount]) -> Figure:
    """Contacted → … → Opportunity, every stage shown even at zero."""
    trace = {
        "type": "funnel",
        "y": [c.label for c in counts],
        "x": [c.count for c in counts],
        "marker": {"color": [STAGE_COLOURS[c.stage] for c in counts]},
        "texttemplate": "%{x:,}",
        "customdata": [funnel.STAGE_HELP[c.stage] for c in counts],
        "hovertemplate": "%{y}: %{x:,} contacts<br>(%{customdata})<extra></extra>",
        "connector": {"fillcolor": "#e6e6e6", "line": {"width": 0}},
    }
    layout = {
        "title": {"text": "Contacts at each stage"},
        "yaxis": {"title": {"text": "Stage"}},
        "margin": dict(_LAYOUT["margin"]) | {"b": FUNNEL_MEASURE_MARGIN},
        # Plotly draws no bar, and so no number, for a stage at zero: its "0" is written
        # where the bar's number would be, at the funnel's middle.
        "annotations": [
            {"x": 0, "y": c.label, "text": "0", "showarrow": False} for c in counts if not c.count
        ]
        + [FUNNEL_MEASURE],
    }
    return {"data": [trace], "layout": layout}


def activity_figure(activity: pd.DataFrame) -> Figure:
    """Bars per week stacked by kind, from a frame of week, kind, label, count.

    Every week is labelled ('w/c 3 Nov'): the bars are weeks, not points in time.
    """
    bars = []
    for kind, rows in activity.groupby("kind", sort=False):
        label = str(rows["label"].iloc[0])
        bars.append(
            {
                "type": "bar",
                "name": label,
                "x": [week_label(week) for week in rows["week"]],
                "y": rows["count"].tolist(),
                "marker": {"color": ACTIVITY_COLOURS[kind]},
                "hovertemplate": f"%{{x}}: %{{y:,}} × {label.lower()}<extra></extra>",
            }
        )
    most_in_a_week = activity.groupby("week")["count"].sum().max() if len(activity) else 0
    layout = {
        "barmode": "stack",
        "title": {"text": "Things logged per week"},
        "xaxis": weeks_axis(sorted(set(activity["week"])))
        | {"title": {"text": "Week commencing (Monday)"}},
        "yaxis": counts_axis(most_in_a_week) | {"title": {"text": "Things logged"}},
        "legend": dict(LEGEND_BELOW),  # under the plot, leaving the width to the weeks
        "height": 440,
        "margin": dict(_LAYOUT["margin"]),
    }
    return {"data": bars, "layout": layout}


def coverage_figure(coverage: pd.DataFrame) -> Figure:
    """Per industry, the companies you chose there (targets and researching: `coverage`'s
    `targets`) as one full bar, split by how far you got at each. Named 'companies chosen', as
    the table beside names them 'Chosen': 'targets' on Home and in the list's line leave out
    the researching ('6 targets, 2 researching'), and 'Finance (1)' read as a target there.

    Shares, not counts, on the axis: an industry of 1,500 companies (or the thousands of people
    who work at them) would flatten one of 28 to a sliver. The counts are on the bars, in the
    industry's label and in the hover, the people there and how many you contacted too.
    """
    reach = {
        "met": coverage["targets_met"],
        "written": coverage["targets_contacted"] - coverage["targets_met"],
        "not_yet": coverage["targets"] - coverage["targets_contacted"],
    }
    people = [
        f"{counted(people, 'person', 'people')} there, {contacted:,} contacted ({percent:g} %)"
        if people
        else "None of your contacts works there yet"
        for people, contacted, percent in zip(
            coverage["people"], coverage["contacted"], coverage["contacted_percent"], strict=True
        )
    ]
    industries = [
        f"{plain(industry)} ({targets:,})"
        for industry, targets in zip(coverage["industry"], coverage["targets"], strict=True)
    ]
    targets = coverage["targets"].tolist()
    bars = []
    for part, (label, colour) in TARGET_REACH.items():
        counts = reach[part].tolist()
        bars.append(
            {
                "type": "bar",
                "name": label,
                "y": industries,
                "x": (100 * reach[part] / coverage["targets"]).tolist(),
                "orientation": "h",
                "marker": {"color": colour},
                "text": [f"{n:,}" if n else "" for n in counts],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "customdata": [list(row) for row in zip(counts, targets, people, strict=True)],
                "hovertemplate": (
                    f"<b>%{{y}}</b><br>{label}: %{{customdata[0]:,}} of %{{customdata[1]:,}}"
                    " companies chosen (%{x:.0f} %)<br>%{customdata[2]}<extra></extra>"
                ),
            }
        )
    layout = {
        "barmode": "stack",
        "title": {"text": "How far you got at the companies you chose"},
        "xaxis": {
            "range": [0, 100],
            "dtick": 25,
            "ticksuffix": " %",
            "title": {"text": "Share of the industry's companies chosen"},
        },
        "yaxis": {
            "autorange": "reversed",
            "automargin": True,
            "title": {"text": "Industry (companies chosen)"},
        },
        "uniformtext": {"mode": "hide", "minsize": 10},  # no number squeezed into a thin part
        "legend": LEGEND_BELOW | {"traceorder": "normal"},  # in the bars' order, left to right
        "height": max(320, 160 + 44 * len(coverage)),
        # Room for half of "100 %" past the plot's right edge: Plotly hides a tick label that
        # would stick out of the figure, and the axis then seemed to stop at 75 %.
        "margin": _LAYOUT["margin"] | {"r": SHARE_AXIS_RIGHT_MARGIN},
    }
    return {"data": bars, "layout": layout}
