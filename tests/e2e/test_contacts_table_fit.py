"""The Contacts results show who, where, and what stage they are at without a sideways scroll,
in an 800 px window with the sidebar open and closed, and at 1280 and 1600 px (the new-user
walkthrough on the heavy data: at 800 px the table showed Name, Company and Position only,
'Kestrel Consulting GmbH' read 'Kestrel Consulting Gml', and Stage was off to the right).

The grid is drawn on a canvas: the columns' widths come from the props React gives it, and the
words' widths are measured in the font and padding of its theme.
"""

from datetime import date

from infoint import contacts, db, interactions

from .conftest import (
    go,
    settle_after_resize,
    start_server,
    stop_server,
    wait_for_app,
    wait_for_grid_rows,
)

# Typical of a LinkedIn export: 'Kestrel Consulting GmbH' (23 letters) is longer than 95 % of
# the companies of the heavy benchmark's 30,000 connections, 'Willow Semiconductors' a 90th.
PEOPLE = (
    ("Ada", "Adler", "Kestrel Consulting GmbH", "Director, Project Manager"),
    ("Bea", "Lindqvist", "Willow Semiconductors", "Senior Hardware Engineer"),
    ("Carl", "Okonkwo", "Beacon Insurance LLC", "Head of Research"),
    ("Dana", "Moreau", "Vantage Robotics GmbH", "Recruiter"),
    ("Eve", "Tanaka", "Quartz Games", "Lead Account Executive"),
)
WHO_WHERE_STAGE = ["Name", "Company", "Stage"]

# Each table's columns as laid out (label, px), the width it shows before a scroll, how far it
# is scrolled, the words of its rows by column, and the theme's font and padding.
TABLE_SHOWN = """() => {
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
  const theme = props(p => p.theme && p.theme.baseFontStyle).theme;
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${theme.baseFontStyle} ${theme.fontFamily}`;
  const headers = [...grid.querySelectorAll('table[role="grid"] thead th')].map(th => th.innerText);
  const rows = [...grid.querySelectorAll('table[role="grid"] tbody tr')]
    .map(row => [...row.cells].map(cell => cell.textContent));
  const words = {};
  headers.forEach((header, i) => {
    words[header] = rows.map(row => [row[i], canvas.measureText(row[i]).width]);
  });
  return {
    columns: laidOut.columns.map(column => [column.title, column.width]),
    shown: scroller.clientWidth,
    scrolled: scroller.scrollLeft,
    padding: theme.cellHorizontalPadding,
    words,
  };
}"""


def in_view(table: dict) -> list[str]:
    """The columns wholly in view as the table first shows, without a sideways scroll."""
    shown, left = [], 0
    for label, width in table["columns"]:
        if left + width <= table["shown"] + 1:
            shown.append(label)
        left += width
    return shown


def cut(table: dict, header: str) -> list[str]:
    """The words of this column wider than its cell leaves room for."""
    width = dict(table["columns"])[header]
    room = width - 2 * table["padding"]
    return [words for words, drawn in table["words"][header] if drawn > room]


def look(page, width: int) -> dict:
    page.set_viewport_size({"width": width, "height": 900})
    settle_after_resize(page, 500)  # the grid follows the window's new size
    wait_for_app(page)
    return page.evaluate(TABLE_SHOWN)


def test_who_where_and_stage_in_view_at_800_1280_and_1600_px(page, tmp_path, shots):
    db_path = tmp_path / "fit.duckdb"
    conn = db.connect(db_path)
    ids = [
        contacts.add_contact(conn, first, last, company=company, position=position)
        for first, last, company, position in PEOPLE
    ]
    interactions.log_interaction(conn, ids[0], "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ids[0], "reply", occurred_at=date(2026, 3, 4))
    interactions.log_interaction(conn, ids[1], "outreach", occurred_at=date(2026, 3, 2))
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 800, "height": 900})
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Contacts", "Contacts")
        wait_for_grid_rows(page, len(PEOPLE))
        seen = {}
        for width in (800, 1280, 1600):
            seen[f"{width}, sidebar open"] = look(page, width)
            page.screenshot(path=shots / f"{width}-sidebar-open.png")
        page.set_viewport_size({"width": 800, "height": 900})
        page.get_by_test_id("stSidebar").hover()
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        page.get_by_test_id("stSidebar").wait_for(state="hidden")
        seen["800, sidebar closed"] = look(page, 800)
        page.screenshot(path=shots / "800-sidebar-closed.png")

        for where, table in seen.items():
            assert table["scrolled"] == 0, where
            shown = in_view(table)
            assert shown[1:4] == WHO_WHERE_STAGE, (where, shown, table["shown"])
            stages = {words for words, _ in table["words"]["Stage"]}
            assert stages == {"Replied", "Contacted", "Not contacted"}, where
            for header in WHO_WHERE_STAGE:
                assert cut(table, header) == [], (where, header, table["columns"])
        # Room for every column from 1280 px on, as before.
        for where in ("1280, sidebar open", "1600, sidebar open"):
            table = seen[where]
            assert in_view(table) == [label for label, _ in table["columns"]], (where, table)
    finally:
        stop_server(server)
