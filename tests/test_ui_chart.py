"""`ui.chart`: what it sends the browser, and the figures it refuses to send."""

import json

from streamlit.testing.v1 import AppTest

from infoint import ui
from tests.conftest import quick_charts


def _page(kind: str) -> None:
    import streamlit as st

    from infoint import ui

    def build(counts: tuple[int, ...]) -> dict:
        trace = {"type": kind, "x": list(counts)} if kind else {"y": list(counts)}
        return {"data": [trace], "layout": {"title": {"text": "Counts"}}}

    ui.chart(st.container(), build, (3, 2, 1), config={"displaylogo": False}, key="counts")


def test_a_funnel_goes_to_the_browser_with_the_bundle_that_draws_it():
    at = AppTest.from_function(_page, args=("funnel",)).run()
    assert not at.exception
    [element] = at.get("bidi_component")
    sent = element.proto.json
    assert ui.PLOTLY_URL in sent and '"displaylogo": false' in sent
    figure = quick_charts(at)["counts"]
    assert figure == {
        "data": [{"type": "funnel", "x": [3, 2, 1]}],
        "layout": {"title": {"text": "Counts"}},
    }


def test_lines_are_drawn_too_a_trace_with_no_type_being_scatter():
    at = AppTest.from_function(_page, args=("",)).run()
    assert not at.exception
    assert quick_charts(at)["counts"]["data"] == [{"y": [3, 2, 1]}]


def test_a_trace_the_bundle_lacks_is_refused_before_it_reaches_the_browser():
    at = AppTest.from_function(_page, args=("pie",)).run()
    assert "infoint's plotly.js cannot draw pie." in at.exception[0].value
    assert not at.get("bidi_component")


def test_home_has_the_browser_fetch_the_bundle_from_its_sidebar_before_any_chart(app_db):
    at = AppTest.from_file("../app.py", default_timeout=30).run()
    assert not at.exception
    [early] = at.sidebar.get("bidi_component")
    assert json.loads(early.proto.json) == {"script": ui.PLOTLY_URL}
    assert not quick_charts(at)  # an empty database: nothing to chart, the bundle all the same


def _sized_page(height: int | None) -> None:
    import streamlit as st

    from infoint import ui

    def build(counts: tuple[int, ...]) -> dict:
        layout = {} if height is None else {"height": height}
        return {"data": [{"type": "bar", "x": list(counts)}], "layout": layout}

    # charts are cached by their builder's name and inputs: each height has inputs of its own
    ui.chart(st.container(), build, (height or 0, 1), config={}, key="counts")


def test_the_charts_height_goes_with_it_the_figures_own_or_the_default():
    """Streamlit reserves it before the component's script and the bundle load (a box that grew
    then pushed down what follows), and the script sizes the chart to it."""
    for height, sent in ((320, 320), (None, ui.CHART_HEIGHT)):
        at = AppTest.from_function(_sized_page, args=(height,)).run()
        [element] = at.get("bidi_component")
        assert json.loads(element.proto.json)["height"] == sent
