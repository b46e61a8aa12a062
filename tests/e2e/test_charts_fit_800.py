"""The charts drawn beside their numbers (Home's 'What you did each week', Insights' 'When people
replied') fit their frame in an 800×800 window with the sidebar open and scroll bars drawn, and
at 1280×900: the frame never scrolls on its own.

A walkthrough at 800 px found Home's weekly chart 460 px wide in a frame of 448: the chart asked
its row for at least 460 px (`charts.beside_numbers`), the row had 458, so the frame (Streamlit's
element container, `overflow: auto`) scrolled sideways, its scroll bar took 10 px of the chart's
height, and it scrolled up and down too. A mouse wheel over the chart moved the frame, not the
page, and on Insights the scroll bar covered the last legend line, 'No reply yet, no follow-up
sent', cut in half.
"""

from __future__ import annotations

import pytest

from infoint import db, demo

from .conftest import settle_after_resize, start_server, stop_server, wait_for_app

# A chart's frame (the element container Streamlit gives it, keyed by the chart's key): its size,
# what it holds, the chart's drawn width, its x-axis ticks and its legend's lines, in pixels.
FRAME = """key => {
  const frame = document.querySelector(`.st-key-${key}`);
  const plot = frame && frame.querySelector('.js-plotly-plot');
  if (!plot || !plot._fullLayout || !plot.querySelector('.legend .traces')) return null;
  const seen = frame.getBoundingClientRect();
  const box = node => node.getBoundingClientRect();
  return {
    client: [frame.clientWidth, frame.clientHeight],
    scroll: [frame.scrollWidth, frame.scrollHeight],
    drawn: plot._fullLayout.width,
    chart: box(plot).width,
    bottom: seen.top + frame.clientHeight,
    ticks: [...plot.querySelectorAll('.xtick text')].map(t => [box(t).left, box(t).right]),
    legend: [...plot.querySelectorAll('.legend .traces')]
      .map(line => [line.textContent, box(line).bottom]),
  };
}"""
# The page's own scroller (Streamlit's main area scrolls, not the document): how far it is
# scrolled, and whether there is more below.
MAIN = "document.querySelector('[data-testid=\"stMain\"]')"
PAGE_SCROLLED = f"() => {MAIN}.scrollTop"
MORE_BELOW = f"() => {MAIN}.scrollTop + {MAIN}.clientHeight < {MAIN}.scrollHeight - 1"

CHARTS = {
    # path, heading, chart key, the legend's last line
    "home": ("", "Your funnel", "activity", "Outreach"),
    "insights": ("/insights", "Insights", "reply_waits_chart", "No reply yet, no follow-up sent"),
}


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("charts_fit") / "demo.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    conn.close()
    running = start_server(db_path)
    yield running
    stop_server(running)


def shown(page, key: str) -> dict:
    """The frame once the chart is drawn as wide as the box it has now."""
    page.wait_for_function(
        """key => {
          const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
          return plot && plot._fullLayout && plot.querySelector('.legend .traces')
            && Math.abs(plot._fullLayout.width - plot.getBoundingClientRect().width) < 1;
        }""",
        arg=key,
    )
    settle_after_resize(page, 300)
    return page.evaluate(FRAME, key)


@pytest.mark.parametrize("size", [(800, 800), (1280, 900)])
@pytest.mark.parametrize("chart", list(CHARTS))
def test_the_chart_fits_its_frame_and_the_wheel_scrolls_the_page(
    demo_server, page_with_scroll_bars, shots, size, chart
):
    page = page_with_scroll_bars
    path, heading, key, last = CHARTS[chart]
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{demo_server.url}{path}")
    page.get_by_role("heading", name=heading, exact=True).wait_for()
    wait_for_app(page)
    assert page.get_by_test_id("stSidebar").is_visible()
    frame = page.locator(f".st-key-{key}")
    frame.scroll_into_view_if_needed()
    measured = shown(page, key)
    page.screenshot(path=shots / f"{chart}_{width}.png")

    # Nothing to scroll in the frame, either way: the chart is as wide as the frame shows.
    assert measured["scroll"] == measured["client"], measured
    assert abs(measured["drawn"] - measured["client"][0]) < 1, measured
    # Every legend line whole above the frame's bottom (no scroll bar over the last one).
    lines = measured["legend"]
    assert lines[-1][0] == last
    assert [words for words, bottom in lines if bottom > measured["bottom"] + 0.5] == [], measured
    if chart == "home":  # narrower than 460 px at 800, the weeks' labels still stand apart
        ticks = measured["ticks"]
        assert len(ticks) == 12
        assert [i for i in range(1, 12) if ticks[i][0] < ticks[i - 1][1] + 2] == [], ticks

    # A wheel over the chart scrolls the page (down, or up where the page ends below it), not
    # the frame: on the old code the frame took the wheel and the page stayed.
    before = page.evaluate(PAGE_SCROLLED)
    down = page.evaluate(MORE_BELOW)
    middle = frame.bounding_box()
    page.mouse.move(middle["x"] + middle["width"] / 2, middle["y"] + middle["height"] / 2)
    page.mouse.wheel(0, 120 if down else -120)
    page.wait_for_function(
        f"""([key, before]) => {{
          const frame = document.querySelector(`.st-key-${{key}}`);
          return ({PAGE_SCROLLED})() !== before || frame.scrollTop || frame.scrollLeft;
        }}""",
        arg=[key, before],
    )
    assert frame.evaluate("frame => [frame.scrollLeft, frame.scrollTop]") == [0, 0]
    assert (page.evaluate(PAGE_SCROLLED) > before) == down
