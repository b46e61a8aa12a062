"""`ui.chart`: what it sends the browser, and the figures it refuses to send."""

import json

from streamlit.testing.v1 import AppTest

from infoint import ui
from tests.conftest import quick_charts


def _page(kind: str) -> None:
    import plotly.graph_objects as go
    import streamlit as st

    from infoint import ui

    def build(counts: tuple[int, ...]) -> go.Figure:
        trace = go.Funnel(x=list(counts)) if kind == "funnel" else go.Scatter(y=list(counts))
        return go.Figure(trace, layout={"title": "Counts"})

    ui.chart(st.container(), build, (3, 2, 1), config={"displaylogo": False}, key="counts")


def test_a_funnel_goes_to_the_browser_with_the_bundle_that_draws_it():
    at = AppTest.from_function(_page, args=("funnel",)).run()
    assert not at.exception
    [element] = at.get("bidi_component")
    sent = element.proto.json
    assert ui.PLOTLY_FINANCE_URL in sent and '"displaylogo": false' in sent
    figure = quick_charts(at)["counts"]
    assert figure["data"][0]["x"] == [3, 2, 1]
    # Plotly's own look (grey plot area, its fonts) gives way to the app's theme in chart.js.
    assert "template" not in figure["layout"]
    assert figure["layout"]["title"]["text"] == "Counts"


def test_a_line_chart_is_refused_before_it_reaches_a_bundle_without_lines():
    at = AppTest.from_function(_page, args=("scatter",)).run()
    assert "Plotly's finance bundle cannot draw scatter." in at.exception[0].value
    assert not at.get("bidi_component")


def test_home_has_the_browser_fetch_the_bundle_from_its_sidebar_before_any_chart(app_db):
    at = AppTest.from_file("../app.py", default_timeout=30).run()
    assert not at.exception
    [early] = at.sidebar.get("bidi_component")
    assert json.loads(early.proto.json) == {"script": ui.PLOTLY_FINANCE_URL}
    assert not quick_charts(at)  # an empty database: nothing to chart, the bundle all the same
