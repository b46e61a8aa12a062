"""Every chart in the app is drawn by our plotly.js bundle from figures plotly.js accepts as
they are: the figures are plain JSON built in Python without Plotly's Python package (which
used to check each property), so plotly.js's own `Plotly.validate` checks them here, on every
page that charts the demo's data. Streamlit's full Plotly bundle is never fetched."""

from playwright.sync_api import expect

from infoint.plotly_bundle import PLOTLY_URL

from .conftest import go, wait_for_app

FULL_BUNDLE = "/PlotlyChart."  # Streamlit's chunk with the whole of Plotly

# Page (menu label, title) and the charts it draws from the demo's data, by widget key.
CHARTS = {
    ("Home", "Your funnel"): ("funnel", "activity"),
    ("Targets", "Targets"): ("coverage",),
    ("Referrals", "Referrals"): ("referral_picture",),
    ("Insights", "Insights"): ("rates_chart", "reply_waits_chart", "weekly_chart"),
}

# What plotly.js finds wrong with each chart's figure (its data and layout as given), by key:
# a key it does not know, a value it refuses. Not a known key it leaves unused where it does
# not apply ("unused"): a funnel's value axis, say, which plotly.js hides. Null until every
# chart is drawn: one a rerun draws again has no figure for a moment, read as a wrong one.
PROBLEMS = """keys => {
    const charts = keys.map(key => document.querySelector(`.st-key-${key} .js-plotly-plot`));
    if (!charts.every(chart => chart && chart._fullLayout)) return null;
    return Object.fromEntries(keys.map((key, i) => {
        const problems = window.Plotly.validate(charts[i].data, charts[i].layout) || [];
        return [key, problems.filter(p => p.code !== "unused").map(p => p.msg)];
    }));
}"""


def test_every_chart_is_valid_plotly_drawn_by_our_bundle(server, page):
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").click()
    page.get_by_role("heading", name="Your funnel").wait_for()
    for (label, title), keys in CHARTS.items():
        if label != "Home":
            go(page, label, title)
        for key in keys:
            expect(page.locator(f".st-key-{key} .js-plotly-plot .main-svg").first).to_be_visible()
        problems = page.wait_for_function(PROBLEMS, arg=list(keys)).json_value()
        assert problems == {key: [] for key in keys}, label
    assert page.evaluate(
        "part => performance.getEntriesByType('resource').some(r => r.name.includes(part))",
        PLOTLY_URL,
    )
    assert not page.evaluate(
        "part => performance.getEntriesByType('resource').some(r => r.name.includes(part))",
        FULL_BUNDLE,
    )
