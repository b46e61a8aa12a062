"""Insights at 800 px (sidebar open) and at 1280 px: every table and chart reads whole.

At 800 px every table on the page scrolled sideways: the weekly table's "Opportunity" and the
rates table's counts past the right edge, the tables beside a chart squeezed into a column of
179 px; the chart of reply waits, in three fifths of the width, cut its axis title and ran its
numbers together. A heavy user's template names ("Cold, after reading their profile or work")
pushed the rates past the table's edge at 800 px and were cut at 1280 px: they now wrap.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, demo, insights, interactions, meetings, outreach
from tests.e2e.conftest import first_grid, go, see, start_server, stop_server, wait_for_app

# Each table (a canvas: its words are in the grid's hidden accessible copy): whether it scrolls
# sideways, the columns it has and those in view, and each header and cell whose words are
# wider than its column (the grid's font and padding) or run past the table's view or the
# window. A column's place comes from the grid itself (glide's getBounds, found through React).
TABLES_SHOWN = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(frame => {
  const grid = frame.querySelector('table[role="grid"]');
  const scroller = frame.querySelector('.dvn-scroller');
  const editor = frame.querySelector('.stDataFrameGlideDataEditor');
  const canvas = frame.querySelector('canvas');
  if (!grid || !scroller || !editor || !canvas) return null;  // not drawn (again) yet
  const style = getComputedStyle(editor);
  let fiber = canvas[Object.keys(canvas).find(k => k.startsWith('__reactFiber'))];
  let api = null;
  while (fiber && !api) {
    const ref = fiber.ref;
    if (ref && ref.current && typeof ref.current.getBounds === 'function') api = ref.current;
    fiber = fiber.return;
  }
  if (!api) return null;
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
    const words = cell.innerText;
    const room = bounds.width - 2 * padding + 0.5;
    // Rows taller than 4rem (64 px) let the grid wrap a cell's words at its spaces onto more
    // lines (glide's theme: lines 1.4 times the font's size apart, 3 px of padding).
    const wraps = !header && bounds.height > 64;
    const lines = [];
    for (const word of words.split(' ')) {
      const longer = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
      if (lines.length && (!wraps || measure.measureText(longer).width <= room)) {
        lines[lines.length - 1] = longer;
      } else {
        lines.push(word);
      }
    }
    const size = parseFloat(measure.font.match(/([\\d.]+)px/)[1]);
    const fit = wraps ? Math.floor((bounds.height - 3 - size) / (1.4 * size)) + 1 : 1;
    const widest = Math.max(...lines.map(line => measure.measureText(line).width));
    if (widest > room || lines.length > fit) problems.push(`${words}: cut`);
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

# Insights draws three charts. Waiting on those drawn alone passed at once while a new
# "Compare by" had them all still to draw (seen in a fresh clone's make test).
CHARTS = 3
REDRAWN_TO_FIT = """count => {
  const charts = [...document.querySelectorAll('.js-plotly-plot')];
  return charts.length === count && charts.every(chart => chart._fullLayout
    && Math.abs(chart._fullLayout.width - chart.getBoundingClientRect().width) < 2);
}"""

BREAKDOWNS = {
    "Degree of connection": "Degree",
    "Channel of the first message": "Channel",
    "Template of the first message": "Template",
    "Industry": "Industry",
}


# A table shown anew (another "Compare by") has its grid a moment after the run's end.
TABLES = 4
GRIDS_DRAWN = """count => {
  const frames = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
  return frames.length === count && frames.every(
    frame => frame.querySelector('table[role="grid"]') && frame.querySelector('canvas'));
}"""

# Tables and charts read in one go, once all are drawn: after a rerun a chart or grid can still
# be swapped for a new one, with for a moment no figure (no words to check) or no grid (the
# read threw), after waits that had each passed on the old one. Null until then.
SHOWN_WHEN_DRAWN = f"""([charts, tables]) => {{
  if (!({REDRAWN_TO_FIT})(charts) || !({GRIDS_DRAWN})(tables)) return null;
  const shown = {{tables: ({TABLES_SHOWN})(), charts: ({CHARTS_SHOWN})()}};
  return shown.tables.includes(null) ? null : shown;
}}"""


def _not_whole(page) -> list[str]:
    """What on the page does not read whole: each table and chart, in page order."""
    shown = page.wait_for_function(SHOWN_WHEN_DRAWN, arg=[CHARTS, TABLES]).json_value()
    tables = shown["tables"]
    assert len(tables) == TABLES
    problems = []
    for table in tables:
        name = table["headers"][0]
        if len(table["headers"]) < table["columns"]:
            problems.append(f"{name} table: {len(table['headers'])} of its columns in view")
        if table["sideways"]:
            problems.append(f"{name} table: scrolls sideways")
        problems += [f"{name} table: {problem}" for problem in table["problems"]]
    charts = shown["charts"]
    assert len(charts) == CHARTS
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
            # the numbers at the row's end, the chart in the rest of it (a 32 px gap): 460 px
            # wide, the chart left the row's middle empty
            whole = row.bounding_box()
            assert table["x"] + table["width"] >= whole["x"] + whole["width"] - 2
            assert chart["x"] + chart["width"] >= table["x"] - 32 - 2, (chart, table)
        page.set_viewport_size({"width": width, "height": 3600})  # the whole page, for a look
        page.wait_for_function(REDRAWN_TO_FIT, arg=CHARTS)
        page.screenshot(path=shots / f"insights-{width}.png")


# Template names as long as the built-in ones get, and longer: one written to as a follow-up
# template (" (a follow-up template)" is added to its name), and one of a user's own.
LONG_TEMPLATES = (
    "After their talk at the Rotterdam product meetup, with a compliment on it",
    "Cold, after reading their profile or work",
    "One polite follow-up",
    "Through a mutual connection",
)


FOLLOWED = f"{LONG_TEMPLATES[2]}{insights.FOLLOW_UP_TEMPLATE}"


def test_long_template_names_read_whole_at_800_and_1280_px(page, tmp_path, shots):
    """The heavy user's templates at 800 px: the names' column took the names' width and the
    rates ran past the table's edge, to scroll sideways; widened to 1280 px, the names were cut
    ('Cold, after reading th')."""
    db_path = tmp_path / "templates.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    templates = dict(conn.execute("SELECT name, id FROM templates").fetchall())
    templates[LONG_TEMPLATES[0]] = outreach.save_template(
        conn, LONG_TEMPLATES[0], "Your talk", "Hello {first_name}, I enjoyed your talk."
    )
    for number, name in enumerate(LONG_TEMPLATES):
        for person in range(2):
            someone = contacts.add_contact(conn, f"Writer{number}", f"Person{person}")
            interactions.log_interaction(
                conn,
                someone,
                "outreach",
                template_id=templates[name],
                # Two weeks back and more: their time to reply has passed, so the rates count
                # them (people written to in the last 3 business days are left out of them).
                occurred_at=date.today() - timedelta(days=14 + number),
            )
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 800, "height": 900})
        page.goto(f"{server.url}/insights")
        page.get_by_role("heading", name="Insights", exact=True).wait_for()
        wait_for_app(page)
        expect(page.locator('[data-testid="stDataFrame"] table[role="grid"]')).to_have_count(4)
        for width in (800, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            for option, header in BREAKDOWNS.items():
                page.get_by_test_id("stRadio").get_by_text(option, exact=True).click()
                expect(page.locator('table[role="grid"]').first.locator("th").first).to_have_text(
                    header
                )
                wait_for_app(page)
                assert _not_whole(page) == [], f"{option} at {width} px"
                if header == "Template":  # every name in view, none cut (above)
                    rates = page.get_by_test_id("stDataFrame").first
                    rates.screenshot(path=shots / f"templates-{width}.png")
                    names = first_grid(page).locator("tbody tr td:first-child").all_inner_texts()
                    assert sorted(names) == sorted(
                        [insights.NO_TEMPLATE, *LONG_TEMPLATES[:2], FOLLOWED, LONG_TEMPLATES[3]]
                    )
                    assert rates.locator(".dvn-scroller").evaluate(
                        "view => view.scrollHeight <= view.clientHeight"
                    )
    finally:
        stop_server(server)


def test_the_waits_table_shows_all_its_rows_at_800_and_1280_px(page, tmp_path, shots):
    """With someone who talked with you before you wrote, the waits' table has eleven rows: at
    the grid's own height (ten) its last, "No reply yet, no follow-up sent", hid behind a
    scroll inside the table at 1280 px, though the page had room (a heavy user's walkthrough)."""
    db_path = tmp_path / "talked.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    someone = contacts.add_contact(conn, "Met", "AtAnEvent")
    three_weeks_ago = datetime.now(UTC) - timedelta(days=21)
    meeting = meetings.schedule_meeting(conn, someone, three_weeks_ago)
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    interactions.log_interaction(
        conn, someone, "outreach", occurred_at=date.today() - timedelta(days=14)
    )
    # and someone written to today, who still has time to reply: every group has its row
    today = contacts.add_contact(conn, "Written", "ToToday")
    interactions.log_interaction(conn, today, "outreach", occurred_at=date.today())
    assert len(insights.reply_waits(conn)) == len(insights.REPLY_WAITS) == 11
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{server.url}/insights")
        page.get_by_role("heading", name="Insights", exact=True).wait_for()
        wait_for_app(page)
        numbers = page.locator(".st-key-waits_numbers").get_by_test_id("stDataFrame")
        expect(numbers.locator('table[role="grid"] tbody tr')).to_have_count(11)
        for width in (1280, 800):
            page.set_viewport_size({"width": width, "height": 900})
            wait_for_app(page)
            numbers.scroll_into_view_if_needed()
            numbers.screenshot(path=shots / f"waits-{width}.png")
            view = numbers.locator(".dvn-scroller")
            assert view.evaluate("view => view.scrollHeight <= view.clientHeight"), width
    finally:
        stop_server(server)
