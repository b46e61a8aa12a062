"""The Targets table with its own scroll bars drawn, in a Chromium that draws them as a user's
does (`page_with_scroll_bars`).

The new-user walkthrough: at 1280 px, the demo with the whole network shown (38 companies,
more than the box's 15 rows), the table's last column read 'Me' for 'Met', its digits half
hidden: the grid widens the columns to its box, then draws its own scroll bar over the last
10 px. At 800 px, one company shown ('Red Logistics' typed in the search), the sideways scroll
bar was drawn across the only row, hiding half its words.
"""

from infoint import db, demo, targets

from .conftest import (
    go,
    settle_after_resize,
    start_server,
    stop_server,
    type_into,
    wait_for_app,
    wait_for_grid_rows,
    widget,
)
from .test_contacts_table_fit import TABLE_SHOWN
from .test_tables_fit import SCROLLS

ROW_PX = 35  # Streamlit's, the header row's too
# The table holds the header and one row; between two runs it may not be drawn at all.
ONE_ROW = """() => document.querySelector('table[role="grid"]')
                  ?.getAttribute('aria-rowcount') === '2'"""

# Where each word of the first table ends, from its left edge, as the grid draws it: a label
# after the cell's padding and the pencil of an editable column; a cell's words after the
# padding, or, right-aligned (numbers), ending the padding before the column's right edge.
WORDS_END = """() => {
  const grid = document.querySelector('[data-testid="stMain"] .stDataFrame');
  const scroller = grid.querySelector('.dvn-scroller');
  const key = Object.keys(scroller).find(k => k.startsWith('__reactFiber$'));
  const props = (wanted) => {
    for (let fiber = scroller[key]; fiber; fiber = fiber.return) {
      if (fiber.memoizedProps && wanted(fiber.memoizedProps)) return fiber.memoizedProps;
    }
  };
  const laidOut = props(p => Array.isArray(p.columns) && p.columns.length > 0
                             && 'width' in p.columns[0]);
  const cells = props(p => typeof p.getCellContent === 'function');
  const theme = props(p => p.theme && p.theme.baseFontStyle).theme;
  const canvas = document.createElement('canvas').getContext('2d');
  const padding = theme.cellHorizontalPadding;
  const rows = Number(grid.querySelector('table[role="grid"]').getAttribute('aria-rowcount')) - 1;
  const ends = [];
  let left = 0;
  laidOut.columns.forEach((column, x) => {
    canvas.font = `${theme.headerFontStyle} ${theme.fontFamily}`;
    const icon = column.icon ? theme.headerIconSize + padding : 0;
    ends.push([column.title, column.title, left + padding + icon
                                            + canvas.measureText(column.title).width]);
    canvas.font = `${theme.baseFontStyle} ${theme.fontFamily}`;
    for (let y = 0; y < rows; y++) {
      const cell = cells.getCellContent([x, y]);
      const words = cell.displayData ?? String(cell.data ?? '');
      if (!words) continue;
      const drawn = canvas.measureText(words).width;
      const end = cell.contentAlign === 'right' ? left + column.width - padding
                : left + padding + drawn;
      ends.push([column.title, words, end]);
    }
    left += column.width;
  });
  return ends;
}"""


def cut(page) -> list:
    """The labels and cells of the first table that end past the width it shows."""
    shown = page.evaluate(SCROLLS)["across"]
    return [(column, words, end) for column, words, end in page.evaluate(WORDS_END) if end > shown]


def look(page, width: int) -> dict:
    page.set_viewport_size({"width": width, "height": 900})
    settle_after_resize(page, 500)  # the grid follows the window's new size
    wait_for_app(page)
    return page.evaluate(SCROLLS)


def test_targets_table_reads_whole_under_its_own_scroll_bars(
    page_with_scroll_bars, tmp_path, shots
):
    page = page_with_scroll_bars
    db_path = tmp_path / "demo.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)  # 38 companies in the whole network, Red Logistics LLC among them
    network = targets.count_listed(conn, targets.CompanyFilter(whole_network=True)).companies
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Targets", "Targets")
        widget(page, "stCheckbox", "Show whole network").get_by_test_id("stWidgetLabel").click()
        wait_for_app(page)
        wait_for_grid_rows(page, network)  # the targets (10) till the grid is redrawn

        scrolls = look(page, 1280)
        table = page.evaluate(TABLE_SHOWN)
        page.screenshot(path=shots / "targets-whole-network-1280.png")
        assert scrolls["tall"] > scrolls["shown"] + ROW_PX, scrolls  # its own scroll bar drawn
        assert scrolls["across"] < page.evaluate(
            "() => document.querySelector('[data-testid=\"stMain\"] .dvn-scroller').offsetWidth"
        ), scrolls
        labels = [label for label, _ in table["columns"]]
        assert labels[-1] == "Met" and len(labels) == 10, labels
        assert cut(page) == [], (table["columns"], scrolls)

        type_into(page, "Company name contains", "Red Logistics")
        page.wait_for_function(ONE_ROW)
        for width in (800, 1280):
            scrolls = look(page, width)
            page.screenshot(path=shots / f"targets-one-row-{width}.png")
            if width == 800:  # the columns are wider than the view: a sideways bar is drawn
                assert scrolls["wide"] > scrolls["across"] + 1, scrolls
            # under it the header and the row in full, with no scroll up and down
            assert scrolls["shown"] >= 2 * ROW_PX, (width, scrolls)
            assert scrolls["tall"] <= scrolls["shown"] + 1, (width, scrolls)
        assert cut(page) == [], scrolls  # and at 1280 every column whole
    finally:
        stop_server(server)


def test_contacts_lone_row_above_the_sideways_scroll_bar(page_with_scroll_bars, tmp_path, shots):
    """Contacts' results had the same box: at 800 px, one person found ('Otto Blom'), the
    sideways bar covered the row's lower half (62 of its 70 px shown)."""
    page = page_with_scroll_bars
    db_path = tmp_path / "demo.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Contacts", "Contacts")
        type_into(page, "Name", "Otto Blom")
        page.wait_for_function(ONE_ROW)
        scrolls = look(page, 800)
        page.screenshot(path=shots / "contacts-one-row-800.png")
        assert scrolls["wide"] > scrolls["across"] + 1, scrolls  # a sideways bar is drawn
        assert scrolls["shown"] >= 2 * ROW_PX, scrolls
        assert scrolls["tall"] <= scrolls["shown"] + 1, scrolls
    finally:
        stop_server(server)
