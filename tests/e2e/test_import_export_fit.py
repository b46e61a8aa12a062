"""Import & export reads whole in an 800 px window with the sidebar open, and at 1280 px (the
new-user walkthrough: "Starting from", in a quarter of the row, read "29/08/20", its year
cut at 800 px, and under the import's report, in half the row, the link "Next: mark the
companies you want to learn about" read "Next: mark the companies yo"; the table "Your
imports" scrolled sideways at 800 px, its counts past the edge beside LinkedIn's long archive
name; with the browser's scroll bars drawn, "Your imports" is measured in
test_import_fit_scrollbars.py)."""

import zipfile

from playwright.sync_api import expect

from .conftest import ROOT, see, settle_after_resize, wait_for_app
from .test_narrow_window import BOXES_SHOWN, WIDTHS

SAMPLE = ROOT / "data" / "sample" / "Connections.csv"
# The archive as LinkedIn names it, and the name an import of it is listed by.
ARCHIVE_NAME = "Complete_LinkedInDataExport_11-27-2026.zip"
LISTED_AS = f"{ARCHIVE_NAME}/Connections.csv"

# Each page link of the main area: its words, and whether they are cut (wider than the link)
# or run past the window.
LINKS_SHOWN = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stPageLink-NavLink"]')]
  .map(link => {
    const words = link.querySelector('p') || link;
    return {words: words.innerText, cut: words.scrollWidth > words.clientWidth + 1,
            outside: link.getBoundingClientRect().right > window.innerWidth};
  })"""


def test_the_day_and_the_links_under_an_import_read_whole_at_800_and_1280_px(server, page):
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(f"{server.url}/import_export")
    wait_for_app(page)
    # People with profile addresses first: the day box is offered from then on.
    page.get_by_label("Your LinkedIn export (.zip or Connections.csv)").locator(
        "input[type=file]"
    ).set_input_files(SAMPLE)
    wait_for_app(page)
    page.get_by_role("button", name="Import", exact=True).click()
    see(page, "Starting from")
    see(page, "Search your network")  # the report, drawn last
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        settle_after_resize(page, 300)  # the layout follows the window's new size
        shown = page.evaluate(BOXES_SHOWN)
        days = [box for box in shown if box["label"] == "Starting from"]
        assert len(days) == 1 and days[0]["words"].count("/") == 2, shown
        assert [box for box in shown if box["cut"] or box["outside"]] == [], width
        links = page.evaluate(LINKS_SHOWN)
        assert [link["words"] for link in links] == [
            "Next: mark the companies you want to learn about",
            "Search your network",
        ]
        assert [link for link in links if link["cut"] or link["outside"]] == [], width


# Each table of the main area (a canvas): whether it scrolls sideways, and each header and cell
# whose words, as drawn, are wider than its column (the grid's font and padding) or run past
# the table's view or the window. The words and a column's place come from the grid itself
# (its props and glide's getBounds, found through React): its hidden accessible copy writes a
# time as stored ("2026-11-27 23:15:32"), not as shown ("27 Nov 2026, 23:15").
GRIDS_DRAWN = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stDataFrame"]')].map(frame => {
  const canvas = frame.querySelector('canvas');
  if (!canvas) return null;  // not drawn yet
  let fiber = canvas[Object.keys(canvas).find(k => k.startsWith('__reactFiber'))];
  let grid = null, api = null;
  while (fiber && !(grid && api)) {
    const props = fiber.memoizedProps;
    if (!grid && props && typeof props.getCellContent === 'function'
        && Array.isArray(props.columns)) grid = props;
    const ref = fiber.ref;
    if (!api && ref && ref.current && typeof ref.current.getBounds === 'function') {
      api = ref.current;
    }
    fiber = fiber.return;
  }
  if (!grid || !api) return null;
  const editor = frame.querySelector('.stDataFrameGlideDataEditor');
  const style = getComputedStyle(editor);
  const measure = document.createElement('canvas').getContext('2d');
  const padding = parseFloat(style.getPropertyValue('--gdg-cell-horizontal-padding'));
  const family = style.getPropertyValue('--gdg-font-family');
  const scroller = frame.querySelector('.dvn-scroller');
  const view = scroller.getBoundingClientRect();
  const right = Math.min(view.right, window.innerWidth) + 1;
  const problems = [];
  const check = (words, column, row) => {
    const bounds = api.getBounds(column, row);
    const font = row < 0 ? '--gdg-header-font-style' : '--gdg-base-font-style';
    measure.font = `${style.getPropertyValue(font)} ${family}`;
    if (measure.measureText(words).width > bounds.width - 2 * padding + 0.5) {
      problems.push(`${words}: cut`);
    }
    if (bounds.x + bounds.width > right) problems.push(`${words}: past the edge`);
  };
  const cells = [];
  grid.columns.forEach((column, index) => {
    check(column.title, index, -1);
    for (let row = 0; row < grid.rows; row++) {
      const cell = grid.getCellContent([index, row]);
      const words = String(cell.displayData ?? (cell.data && cell.data.displayDate) ?? '');
      cells.push(words);
      check(words, index, row);
    }
  });
  return {
    headers: grid.columns.map(column => column.title),
    cells,
    sideways: scroller.scrollWidth > scroller.clientWidth + 1,
    problems,
  };
})"""

# "Your imports" alone, when drawn with its row (a time, what it did and the file), else nothing.
IMPORTS_DRAWN = f"""() => ({GRIDS_DRAWN})()
  .filter(table => table && table.headers[0] === 'When' && table.cells.length >= 3)"""


def test_your_imports_reads_whole_at_800_and_1280_px(server, page, tmp_path):
    """The archive uploaded as LinkedIn names it: listed with its time, what it did and the file
    it read, nothing past the edge at 800 px (sidebar open) or 1280 px. Long words and names
    wrap onto taller rows, which this check (one line a cell) does not follow: those are
    measured in test_import_fit_scrollbars.py, with the browser's scroll bars drawn."""
    archive = tmp_path / ARCHIVE_NAME
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(SAMPLE, "Connections.csv")
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(f"{server.url}/import_export")
    wait_for_app(page)
    page.get_by_label("Your LinkedIn export (.zip or Connections.csv)").locator(
        "input[type=file]"
    ).set_input_files(archive)
    wait_for_app(page)
    page.get_by_role("button", name="Import", exact=True).click()
    see(page, "Search your network")  # the report, drawn last
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        settle_after_resize(page, 300)  # the layout follows the window's new size
        # The report's table of rows skipped comes first; then "Your imports", once drawn.
        page.wait_for_function(f"() => ({IMPORTS_DRAWN})().length === 1")
        [table] = page.evaluate(IMPORTS_DRAWN)
        assert table["headers"] == ["When", "What it did", "File"]
        assert LISTED_AS in table["cells"]
        assert not table["sideways"], f"'Your imports' scrolls sideways at {width} px: {table}"
        assert not [p for p in table["problems"] if p.endswith("past the edge")], table
    expect(page.get_by_text("Which file each import read")).to_have_count(0)
