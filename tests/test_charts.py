from datetime import date

import pandas as pd

from infoint import charts, funnel
from infoint.funnel import STAGE_COLOURS, StageCount


def test_funnel_shows_every_stage_in_its_colour():
    counts = [
        StageCount(stage, funnel.STAGE_LABELS[stage], n, None)
        for stage, n in zip(funnel.STAGES, [5, 2, 0, 0, 0], strict=True)
    ]
    figure = charts.funnel_figure(counts)
    trace = figure.data[0]
    assert list(trace.y) == ["Contacted", "Replied", "Met", "Referred", "Opportunity"]
    assert list(trace.x) == [5, 2, 0, 0, 0]
    assert list(trace.marker.color) == [STAGE_COLOURS[s] for s in funnel.STAGES]
    assert "%{x}" in trace.hovertemplate
    assert figure.layout.xaxis.title.text and figure.layout.yaxis.title.text


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
    assert figure.layout.barmode == "stack"
    bars = {trace.name: trace for trace in figure.data}
    assert set(bars) == {"Outreach", "Reply"}
    assert list(bars["Outreach"].y) == [3, 1]
    assert bars["Reply"].marker.color == STAGE_COLOURS["replied"]
    assert figure.layout.xaxis.title.text == "Week starting"
    assert figure.layout.yaxis.title.text


def test_coverage_bars_per_industry():
    coverage = pd.DataFrame(
        {
            "industry": ["Health", funnel.NO_INDUSTRY],
            "targets": [4, 1],
            "people": [10, 0],
            "contacted": [3, 0],
            "met": [1, 0],
        }
    )
    figure = charts.coverage_figure(coverage)
    bars = {trace.name: trace for trace in figure.data}
    assert list(bars["Targets"].x) == [4, 1]
    assert list(bars["Met"].y) == ["Health", funnel.NO_INDUSTRY]
    assert bars["Contacted"].marker.color == STAGE_COLOURS["contacted"]
    assert figure.layout.xaxis.title.text and figure.layout.yaxis.title.text
