"""The Targets coverage chart's share axis, drawn by Plotly in Chromium: every tick is labelled.

Seen in Chromium: the ticks stopped at "75 %" though the bars run to 100 %. Plotly hides a
tick label that would stick out past the figure's edge, and "100 %" sits on the right edge.
"""

import json
from pathlib import Path

import pandas as pd

from infoint import charts

BUNDLE = Path(__file__).resolve().parents[2] / "static" / "plotly-infoint.min.js"


def test_the_share_axis_is_labelled_from_0_to_100_percent(tmp_path, page):
    coverage = pd.DataFrame(
        {
            "industry": ["Health", "Energy"],
            "targets": [28, 2],
            "targets_contacted": [5, 2],
            "targets_met": [2, 0],
            "people": [3467, 4],
            "contacted": [9, 2],
            "contacted_percent": [0.0, 50.0],
        }
    )
    figure = charts.coverage_figure(coverage)
    drawn = tmp_path / "coverage.html"
    # The app's plotly.js, as narrow as the chart is beside the table on a laptop screen.
    drawn.write_text(
        f'<html><head><script src="{BUNDLE.as_uri()}"></script></head><body>'
        '<div id="chart" style="width: 360px"></div><script>'
        f"Plotly.newPlot('chart', {json.dumps(figure['data'])}, {json.dumps(figure['layout'])});"
        "</script></body></html>"
    )
    page.goto(drawn.as_uri())
    page.wait_for_selector(".xtick text")
    shown = "ticks => ticks.filter(t => getComputedStyle(t).display !== 'none')"
    labels = page.eval_on_selector_all(".xtick text", f"{shown}.map(t => t.textContent)")
    assert labels == ["0 %", "25 %", "50 %", "75 %", "100 %"]
