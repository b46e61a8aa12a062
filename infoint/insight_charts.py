"""Figures for meetings, referrals and insights, as plain Plotly JSON (`charts.Figure`).

User text (names, companies, industries, template names) goes into figures through
`charts.plain`, counts onto axes through `charts.counts_axis`, as on the other pages.
"""

from __future__ import annotations

import copy
import math

import pandas as pd

from infoint import funnel, targets
from infoint.charts import (
    LEGEND_BELOW,
    SHARE_AXIS_RIGHT_MARGIN,
    Figure,
    counts_axis,
    plain,
    plain_lines,
    week_label,
    weeks_axis,
)
from infoint.funnel import STAGE_COLOURS
from infoint.insights import SPEED_GROUPS, STILL_IN_TIME, still_in_time_words
from infoint.referrals import Link
from infoint.text import counted

NOT_CONTACTED_COLOUR = "#bab0ac"
YOU_COLOUR = "#333333"
RATE_COLOURS = {"response_rate": STAGE_COLOURS["replied"], "meeting_rate": STAGE_COLOURS["met"]}
_LAYOUT = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "legend": LEGEND_BELOW}
# One per `insights.SPEED_GROUPS`: quick replies in the colour of Replied, later ones in a
# paler tint of the same teal (they had Home's pale blue of Follow-up, of the Contacted
# family, on a stage that is Replied); those who talked with you before you wrote (Replied,
# not timed) in a pale tint of Met's green, those who still have time to reply (written to in
# the last few business days) in a pale sand, neither a reply nor a silence, the silent ones
# in greys.
REPLIED_LATER_COLOUR = "#aad4d1"  # Replied's #72b7b2, 40 % of the way to white
STILL_IN_TIME_COLOUR = "#f0dfb4"
# The rates chart's words for a group with no rate yet: the sand darkened to be read as text
# on white (6:1).
STILL_IN_TIME_TEXT_COLOUR = "#7a5f1c"
SPEED_COLOURS = (
    STAGE_COLOURS["replied"],
    REPLIED_LATER_COLOUR,
    "#b5dcae",
    STILL_IN_TIME_COLOUR,
    "#bab0ac",
    "#ddd8d5",
)
REFERRAL_LEGEND = {
    "title": {"text": "Stage"},
    "orientation": "v",
    "x": 1.02,
    "xanchor": "left",
    "y": 1,
    "yanchor": "top",
}


def _layout(**layout: object) -> dict:
    """The common layout (margins, the legend below the plot) with the figure's own keys:
    fresh dicts each time, so that no two figures share one."""
    return copy.deepcopy(_LAYOUT) | layout


# The 'n of m' beside each rate's bar: its font's size (the theme's, infoint/chart.js), a
# character's width in ems guessed on the wide side (in Chromium's Source Sans at 12 px, digits
# and "o" measure 6.1 to 6.4 px, ",", "f" and a space 2.4 to 3.6), and the gap Plotly leaves
# between a bar and its text (3 px), with some to spare.
RATE_LABEL_FONT = 12
_RATE_LABEL_NARROW = set(", f")
RATE_LABEL_GAP = 8


def rate_label_room(labels: list[str]) -> int:
    """Pixels right of the axis's 100 % that the widest of `labels` needs beside a full bar
    (at least `SHARE_AXIS_RIGHT_MARGIN`, for the tick's own '100')."""
    widest = max(
        (sum(0.35 if char in _RATE_LABEL_NARROW else 0.6 for char in label) for label in labels),
        default=0,
    )
    return max(SHARE_AXIS_RIGHT_MARGIN, math.ceil(widest * RATE_LABEL_FONT) + RATE_LABEL_GAP)


def rates_figure(rates: pd.DataFrame, grouped_by: str) -> Figure:
    """Response and meeting rate per group ('Degree of connection' names the groups' axis),
    with 'n of m' beside each bar and on hover.

    A group with no rate yet (`insights.waiting_groups`: everyone in it still has time to
    reply) keeps its place on the axis, after the others, with words where its bars would be,
    'all 5 still have time to reply', in a dark sand (`STILL_IN_TIME_TEXT_COLOUR`), and the
    same on hover: left out, a user who had just written to five people at a new industry
    looked for it in vain.

    The axis runs 0 to 100 % across the whole chart but for the room the widest 'n of m' needs
    beside a full bar (`rate_label_room`), in pixels: a share of the axis (it ran to 135 %)
    grew with the window, and at 1280 and 1600 px the bars and ticks stopped 190 to 280 px short
    of the chart's right edge."""
    groups = [plain_lines(g) for g in rates["group"]]
    if len(set(groups)) < len(groups):  # two names alike until cut: keep them whole
        groups = [plain(g) for g in rates["group"]]
    has_rate = (rates["contacted"] > 0).tolist()
    rated = rates[rates["contacted"] > 0]
    rated_groups = [g for g, rate in zip(groups, has_rate, strict=True) if rate]
    contacted = rated["contacted"].tolist()
    labels = [
        f"{n:,} of {m:,}"
        for count in ("replied", "met")
        for n, m in zip(rated[count].tolist(), contacted, strict=True)
    ]
    data = [
        {
            "type": "bar",
            "name": label,
            "y": list(rated_groups),
            "x": (rated[column] * 100).tolist(),
            "orientation": "h",
            "marker": {"color": RATE_COLOURS[column]},
            "customdata": [[n, m] for n, m in zip(rated[count].tolist(), contacted, strict=True)],
            "texttemplate": "%{customdata[0]:,} of %{customdata[1]:,}",
            "textposition": "outside",
            "cliponaxis": False,  # '12 of 12' beside a full bar stays whole
            "hovertemplate": (
                f"%{{y}}: %{{customdata[0]:,}} of %{{customdata[1]:,}} {label.lower()}"
                " (%{x:.0f} %)<extra></extra>"
            ),
        }
        for column, label, count in (
            ("response_rate", "Replied", "replied"),
            ("meeting_rate", "Met", "met"),
        )
    ]
    waiting = rates[rates["contacted"] == 0]
    if not waiting.empty:
        people = waiting["waiting"].tolist()
        data.append(
            {
                "type": "scatter",
                "mode": "text",
                "name": STILL_IN_TIME,
                "showlegend": False,  # the words say it where the bars would be
                "y": [g for g, rate in zip(groups, has_rate, strict=True) if not rate],
                "x": [1] * len(waiting),  # clear of the axis and the group's name
                "text": [still_in_time_words(n, short=True) for n in people],
                "textposition": "middle right",
                "textfont": {"color": STILL_IN_TIME_TEXT_COLOUR},
                "cliponaxis": False,
                "customdata": [[n, still_in_time_words(n)] for n in people],
                "hovertemplate": "%{y}: %{customdata[1]}, so no rate yet<extra></extra>",
            }
        )
    layout = _layout(
        barmode="group",
        # untitled: the section's heading and the "Compare by" choice above name it
        xaxis={
            "title": {"text": "Share of the people you contacted (%)"},
            "range": [0, 100],
            "tickvals": [0, 25, 50, 75, 100],
        },
        yaxis={
            "title": {"text": grouped_by},
            # every group in the frame's order, top to bottom, those with no rate yet too
            "categoryorder": "array",
            "categoryarray": list(groups),
            # the first at the top, each a whole row high: fitted to words alone, the last
            # row sat on the axis's ticks
            **({"range": [len(groups) - 0.5, -0.5]} if groups else {"autorange": "reversed"}),
            "automargin": True,
        },
        height=max(260, 110 + 55 * len(rates)),
        # The 'n of m' of a full bar stands right of the plot (`cliponaxis` off), in this room.
        margin=_LAYOUT["margin"] | {"r": rate_label_room(labels)},
    )
    return {"data": data, "layout": layout}


def reply_waits_figure(waits: pd.DataFrame) -> Figure:
    """The people you wrote to by how long their reply took, then those who talked with you
    before you wrote, those who still have time to reply, then those still silent; one colour
    per speed group (the quick replies in the colour of Replied). A group with no rows
    (`insights.reply_waits` leaves out an empty "Talked before you wrote" and an empty
    `insights.STILL_IN_TIME`) has no bar and no place in the legend."""
    data = []
    for speed, name in enumerate(SPEED_GROUPS):
        rows = waits[waits["speed"] == speed]
        if rows.empty:
            continue
        people = rows["people"].tolist()
        data.append(
            {
                "type": "bar",
                "name": name,
                "y": rows["wait"].tolist(),
                "x": people,
                "orientation": "h",
                "marker": {"color": SPEED_COLOURS[speed]},
                "texttemplate": "%{x:,}",  # each bar's number beside it
                "textposition": "outside",
                "cliponaxis": False,
                "customdata": ["person" if n == 1 else "people" for n in people],
                "hovertemplate": "%{y}: %{x:,} %{customdata}<extra></extra>",
            }
        )
    layout = _layout(
        title={"text": "When people replied"},
        xaxis=counts_axis(waits["people"].max())
        | {"title": {"text": "People you sent an outreach to"}},
        # Every wait in its order, top to bottom, the empty ones too.
        yaxis={
            "title": {"text": "When they replied"},
            "categoryorder": "array",
            "categoryarray": waits["wait"].tolist(),
            "autorange": "reversed",
            "automargin": True,
        },
        height=110 + 30 * len(waits),
    )
    return {"data": data, "layout": layout}


def weekly_funnel_figure(weekly: pd.DataFrame) -> Figure:
    """For each week of first outreach, how many got to each stage (stage colours)."""
    weeks = [week_label(week) for week in weekly["week"]]
    data = []
    for stage in funnel.STAGES:
        label = funnel.STAGE_LABELS[stage]
        data.append(
            {
                "type": "bar",
                "name": label,
                "x": list(weeks),
                "y": weekly[stage].tolist(),
                "marker": {"color": STAGE_COLOURS[stage]},
                # each bar's number over it (walkthrough: bars without numbers)
                "texttemplate": "%{y:,}",
                "textposition": "outside",
                "cliponaxis": False,  # the tallest bar's number stays whole
                "hovertemplate": f"%{{x}}: %{{y:,}} {label.lower()}<extra></extra>",
            }
        )
    layout = _layout(
        barmode="group",  # untitled: the page's heading above it names it
        # Twelve weeks of five bars leave a narrow window bars too thin for their numbers:
        # those are left out, not shrunk to specks; the table under the chart has them all.
        uniformtext={"mode": "hide", "minsize": 10},
        height=480,
        xaxis=weeks_axis(list(weekly["week"]))
        | {"title": {"text": "Week you first wrote to them (starting Monday)"}},
        yaxis=counts_axis(weekly["contacted"].max())
        | {"title": {"text": "Contacts at this stage or beyond"}},
    )
    return {"data": data, "layout": layout}


def _tree_positions(links: list[Link]) -> tuple[dict[int, tuple[int, float]], list[int]]:
    """Depth and vertical place of each person; introducers sit midway beside those they
    introduced. A cycle (possible after a mistaken edit) is broken at its smallest id."""
    children: dict[int | None, list[int]] = {}
    known = {link.contact_id for link in links}
    for link in links:
        parent = link.introducer_id if link.introducer_id in known else None
        children.setdefault(parent, []).append(link.contact_id)
    positions: dict[int, tuple[int, float]] = {}
    next_row = 0.0

    def place(node: int, depth: int) -> float:
        nonlocal next_row
        positions[node] = (depth, 0.0)
        ys = [place(child, depth + 1) for child in children.get(node, []) if child not in positions]
        if ys:
            y = sum(ys) / len(ys)
        else:
            y, next_row = next_row, next_row + 1
        positions[node] = (depth, y)
        return y

    roots = list(children.get(None, []))
    for root in roots:
        place(root, 1)
    for link in links:  # people only reachable through a cycle
        if link.contact_id not in positions:
            roots.append(link.contact_id)
            place(link.contact_id, 1)
    return positions, roots


def _hover_name(link: Link) -> str:
    """How a dot's hover names its person, the company said once: '%{text} (%{customdata[0]})'
    ('Cy Dunn (Acme)'). A namesake's name told apart by their company (`referrals.told_apart`,
    which says the company first when it says it) is said as it is, 'Ana Lee (Acme)'; one told
    apart otherwise gets the company after a comma, not a second pair of brackets: 'Ana Lee
    (Engineer), at Acme'."""
    if link.company and (
        link.name.endswith(f" ({link.company})") or f" ({link.company}, " in link.name
    ):
        return "%{text}"
    if link.name.endswith(")"):
        if link.company:
            return "%{text}, at %{customdata[0]}"
        # A placeholder employer ('Self-employed') is no company here, yet it tells namesakes
        # apart as their record says it: 'Dee Ode (Self-employed)' needs no 'no company yet'.
        if _names_a_placeholder(link.name):
            return "%{text}"
        return "%{text}, %{customdata[0]}"
    return "%{text} (%{customdata[0]})"


def _names_a_placeholder(name: str) -> bool:
    """Whether a told-apart name (`referrals.told_apart`: 'Dee Ode (Self-employed)', 'Dee Ode
    (N/A, Engineer)') says a placeholder employer (`targets.is_placeholder_company`) where it
    says the company, first in its brackets."""
    return any(
        targets.is_placeholder_company(part.split(", ")[0].removesuffix(")"))
        for part in name.split(" (")[1:]
    )


def referral_figure(links: list[Link]) -> Figure:
    """Who introduced you to whom, read left to right, people coloured by their stage.

    One row per person introduced: draw a bounded selection (`referrals.referral_picture`).
    The hover counts everyone each person introduced, drawn or not.
    """
    positions, roots = _tree_positions(links)
    by_id = {link.contact_id: link for link in links}
    you_y = sum(positions[r][1] for r in roots) / len(roots) if roots else 0.0
    first = set(roots)
    # One line per introduction; a None (a gap) breaks the line between them.
    line_xs: list[float | None] = []
    line_ys: list[float | None] = []
    for node, (depth, y) in positions.items():
        start = (0, you_y) if node in first else positions[by_id[node].introducer_id]
        line_xs += [float(start[0]), float(depth), None]
        line_ys += [float(start[1]), float(y), None]
    data: list[dict] = [
        {
            "type": "scatter",
            "x": line_xs,
            "y": line_ys,
            "mode": "lines",
            "line": {"color": "#cccccc", "width": 1.5},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "x": [0],
            "y": [you_y],
            "mode": "markers+text",
            "text": ["You"],
            "textposition": "middle left",
            "marker": {"size": 16, "color": YOU_COLOUR, "symbol": "diamond"},
            "cliponaxis": False,
            "name": "You",
            # Where the lines start, named beside it and under the axis: in the legend, whose
            # title is 'Stage', it read as one of the funnel's stages (walkthrough).
            "showlegend": False,
            "hovertemplate": "You: the people just to your right are the ones you reached"
            " yourself<extra></extra>",
        },
    ]
    for stage in range(6):
        chosen = [node for node in positions if by_id[node].stage == stage]
        if not chosen:
            continue
        name = funnel.stage_name(stage)
        colour = NOT_CONTACTED_COLOUR if stage == 0 else STAGE_COLOURS[funnel.STAGES[stage - 1]]
        people = [by_id[node] for node in chosen]
        data.append(
            {
                "type": "scatter",
                "x": [float(positions[node][0]) for node in chosen],
                "y": [float(positions[node][1]) for node in chosen],
                "mode": "markers+text",
                "text": [plain(person.name) for person in people],
                "textposition": "top center",
                "marker": {"size": 14, "color": colour, "line": {"color": "white", "width": 1}},
                "cliponaxis": False,
                "name": name,
                "customdata": [
                    [
                        plain(person.company or "no company yet"),
                        counted(person.introduced, "person", "people"),
                    ]
                    for person in people
                ],
                # One template per dot, so that each says its person's company once
                # (`_hover_name`).
                "hovertemplate": [
                    _hover_name(person)
                    + f"<br>Stage: {name}<br>Introduced you to %{{customdata[1]}}<extra></extra>"
                    for person in people
                ],
            }
        )
    depth = max((d for d, _ in positions.values()), default=1)
    rows = max((y for _, y in positions.values()), default=0)
    layout = _layout(
        title={"text": "Who introduced you to whom"},
        xaxis={
            "title": {"text": "How you reached them"},
            "range": [-0.6, depth + 0.9],
            "tickvals": list(range(depth + 1)),
            # On two lines: on one, "Reached by you" and "1 introduction away" ran together in
            # an 800 px window with the sidebar open.
            "ticktext": ["You", "Reached<br>by you"]
            + [f"{n} introduction{'s' if n > 1 else ''}<br>away" for n in range(1, depth)],
            "zeroline": False,
            "showgrid": False,
        },
        # The first row at the top, with room above it for its names (fitted to the dots
        # alone, the range cut them off).
        yaxis={"title": {"text": ""}, "visible": False, "range": [rows + 0.5, -0.7]},
        height=max(320, 120 + 38 * (rows + 1)),
        # The legend stands right of the plot: above it, it covered the top row's names.
        legend=copy.deepcopy(REFERRAL_LEGEND),
    )
    return {"data": data, "layout": layout}
