"""Insights at 800 px (sidebar open) and at 1280 px: every table and chart reads whole.

At 800 px every table on the page scrolled sideways: the weekly table's "Opportunity" and the
rates table's counts past the right edge, the tables beside a chart squeezed into a column of
179 px; the chart of reply waits, in three fifths of the width, cut its axis title and ran its
numbers together.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import go, see, wait_for_app

# Each table (a canvas: its words are in the grid's hidden accessible copy): whether it scrolls
# sideways, the columns it has and those in view, and each header and cell whose words are
# wider than its column (the grid's font and padding) or run past the table's view or the
# window. A column's place comes from the grid itself (glide's getBounds, found through React).
TABLES_SHOWN = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(frame => {
  const grid = frame.querySelector('table[role="grid"]');
  const scroller = frame.querySelector('.dvn-scroller');
  const editor = frame.querySelector('.stDataFrameGlideDataEditor');
  const style = getComputedStyle(editor);
  const canvas = frame.querySelector('canvas');
  let fiber = canvas[Object.keys(canvas).find(k => k.startsWith('__reactFiber'))];
  let api = null;
  while (fiber && !api) {
    const ref = fiber.ref;
    if (ref && ref.current && typeof ref.current.getBounds === 'function') api = ref.current;
    fiber = fiber.return;
  }
  const measure = document.createElement('canvas').getContext('2d');
  const padding = parseFloat(style.getPropertyValue('--gdg-cell-horizontal-padding'));
  const family = style.getPropertyValue('--gdg-font-family');
  const view = scroller.getBoundingClientRect();
  const right = Math.min(view.right, window.innerWidth) + 1;
  const problems = [];
  for (const cell of grid.querySelectorAll('th, td')) {
    const header = cell.tagName === 'TH';
    const column = Number(cell.getAttribute('aria-colindex')) - 1;
    const bounds = api.getBounds(column, header ? -1 : 0);
    const font = header ? '--gdg-header-font-style' : '--gdg-base-font-style';
    measure.font = `${style.getPropertyValue(font)} ${family}`;
    const needs = measure.measureText(cell.innerText).width + 2 * padding;
    if (needs > bounds.width + 0.5) problems.push(`${cell.innerText}: cut`);
    if (bounds.x + bounds.width > right) problems.push(`${cell.innerText}: past the edge`);
  }
  return {
    headers: [...grid.querySelectorAll('th')].map(th => th.innerText),
    columns: Number(grid.getAttribute('aria-colcount')),
    sideways: scroller.scrollWidth > scroller.clientWidth,
    problems,
  };
})"""

# Each chart: the words drawn outside it (an axis title cut at its edge) and, on its time axis,
# the week labels that touch.
CHARTS_SHOWN = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
  const frame = plot.getBoundingClientRect();
  // The block it sits in: a column cuts off what runs past it.
  const block = plot.closest('[data-testid="stVerticalBlock"]').getBoundingClientRect();
  const left = Math.max(frame.left, block.left) - 1;
  const right = Math.min(frame.right, block.right, window.innerWidth) + 1;
  const outside = [...plot.querySelectorAll('.main-svg text')]
    .filter(t => t.textContent.trim())
    .map(t => [t.textContent, t.getBoundingClientRect()])
    .filter(([, b]) => b.width > 0 && (b.left < left || b.right > right))
    .map(([words]) => words);
  const ticks = [...plot.querySelectorAll('.xtick text')].map(t => t.getBoundingClientRect())
    .filter(b => b.width > 0);
  const touching = ticks.filter((b, i) => i > 0 && b.left < ticks[i - 1].right + 2).length;
  return {width: frame.width, outside, touching};
})"""

REDRAWN_TO_FIT = """() => [...document.querySelectorAll('.js-plotly-plot')].every(chart =>
  chart._fullLayout
  && Math.abs(chart._fullLayout.width - chart.getBoundingClientRect().width) < 2)"""

BREAKDOWNS = {
    "Degree of connection": "Degree",
    "Channel of the first message": "Channel",
    "Template of the first message": "Template",
    "Industry": "Industry",
}


def _not_whole(page) -> list[str]:
    """What on the page does not read whole: each table and chart, in page order."""
    page.wait_for_function(REDRAWN_TO_FIT)
    tables = page.evaluate(TABLES_SHOWN)
    assert len(tables) == 4
    problems = []
    for table in tables:
        name = table["headers"][0]
        if len(table["headers"]) < table["columns"]:
            problems.append(f"{name} table: {len(table['headers'])} of its columns in view")
        if table["sideways"]:
            problems.append(f"{name} table: scrolls sideways")
        problems += [f"{name} table: {problem}" for problem in table["problems"]]
    charts = page.evaluate(CHARTS_SHOWN)
    assert len(charts) == 3
    for number, chart in enumerate(charts, start=1):
        problems += [f"chart {number}: {words!r} cut" for words in chart["outside"]]
        if chart["touching"]:
            problems.append(f"chart {number}: {chart['touching']} labels touch")
    return problems


def test_every_table_and_chart_on_insights_reads_whole_at_800_and_1280_px(server, page, shots):
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").click()
    see(page, "Loaded the demo")
    go(page, "Insights", "Insights")
    expect(page.locator('[data-testid="stDataFrame"] table[role="grid"]')).to_have_count(4)
    expect(page.locator(".js-plotly-plot .barlayer .point").first).to_be_attached()
    for width in (800, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for option, header in BREAKDOWNS.items():
            page.get_by_test_id("stRadio").get_by_text(option, exact=True).click()
            expect(page.locator('table[role="grid"]').first.locator("th").first).to_have_text(
                header
            )
            wait_for_app(page)
            assert _not_whole(page) == [], f"{option} at {width} px"
        if width == 1280:  # room for both: the waits' numbers beside their chart
            row = page.locator(".st-key-waits")
            chart = row.locator(".js-plotly-plot").bounding_box()
            table = row.get_by_test_id("stDataFrame").bounding_box()
            assert table["x"] >= chart["x"] + chart["width"] and table["y"] < chart["y"] + 50
        page.set_viewport_size({"width": width, "height": 3600})  # the whole page, for a look
        page.wait_for_function(REDRAWN_TO_FIT)
        page.screenshot(path=shots / f"insights-{width}.png")
