"""Plotly figures for the pages: labelled axes, counts on hover, the stage colours everywhere."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from infoint import funnel
from infoint.funnel import STAGE_COLOURS, StageCount

# Plotly options for st.plotly_chart(config=...): no logo, no toolbar clutter.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False}

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

# Coverage series: the two that are funnel stages take the stage colours.
COVERAGE_SERIES = {
    "targets": ("Targets", "#9d755d"),
    "people": ("People there", "#bab0ac"),
    "contacted": ("Contacted", STAGE_COLOURS["contacted"]),
    "met": ("Met", STAGE_COLOURS["met"]),
}

_LAYOUT = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}}


def funnel_figure(counts: list[StageCount]) -> go.Figure:
    """Contacted → … → Opportunity, every stage shown even at zero."""
    figure = go.Figure(
        go.Funnel(
            y=[c.label for c in counts],
            x=[c.count for c in counts],
            marker={"color": [STAGE_COLOURS[c.stage] for c in counts]},
            textinfo="value",
            customdata=[funnel.STAGE_HELP[c.stage] for c in counts],
            hovertemplate="%{y}: %{x} contacts<br>(%{customdata})<extra></extra>",
            connector={"fillcolor": "#e6e6e6", "line": {"width": 0}},
        )
    )
    figure.update_layout(
        title="Contacts at each stage",
        xaxis_title="Contacts at this stage or beyond",
        yaxis_title="Stage",
        **_LAYOUT,
    )
    return figure


def activity_figure(activity: pd.DataFrame) -> go.Figure:
    """Bars per week stacked by kind, from a frame of week, kind, label, count."""
    figure = go.Figure()
    for kind, rows in activity.groupby("kind", sort=False):
        label = rows["label"].iloc[0]
        figure.add_bar(
            name=label,
            x=rows["week"].tolist(),
            y=rows["count"].tolist(),
            marker_color=ACTIVITY_COLOURS[kind],
            hovertemplate=f"Week of %{{x|%d %b}}: %{{y}} × {label.lower()}<extra></extra>",
        )
    figure.update_layout(
        barmode="stack",
        title="Things logged per week",
        xaxis_title="Week starting",
        yaxis_title="Things logged",
        xaxis={"tickformat": "%d %b"},
        **_LAYOUT,
    )
    return figure


def coverage_figure(coverage: pd.DataFrame) -> go.Figure:
    """Horizontal grouped bars per industry: targets, people there, contacted, met."""
    figure = go.Figure()
    for column, (label, colour) in COVERAGE_SERIES.items():
        figure.add_bar(
            name=label,
            y=coverage["industry"].tolist(),
            x=coverage[column].tolist(),
            orientation="h",
            marker_color=colour,
            hovertemplate=f"%{{y}}: %{{x}} {label.lower()}<extra></extra>",
        )
    figure.update_layout(
        barmode="group",
        title="Targets, people and conversations per industry",
        xaxis_title="Number",
        yaxis_title="Industry",
        yaxis={"autorange": "reversed"},
        height=max(300, 120 + 70 * len(coverage)),
        **_LAYOUT,
    )
    return figure
