"""Contacts in an 800x800 window with the sidebar open and scroll bars drawn (a tester's
walkthrough on the demo data): the results began at the window's foot (their header and two
people, the third cut), the pager's Page box showed no − and + (Streamlit hides them in a box
120 px wide or less: it was 66 px), and a long name such as "Priya Raghunathan, PhD" was cut in
its 120 px column. At 1280x900 all of it still holds.
"""

from __future__ import annotations

import pytest

from infoint import contacts, db, demo

from .conftest import (
    settle_after_resize,
    start_server,
    stop_server,
    type_into,
    wait_for_app,
    wait_for_grid_rows,
    widget,
)
from .test_contacts_table_fit import TABLE_SHOWN, cut, in_view

ROW_PX = 35  # the grid's rows, its header's too
ROWS_IN_VIEW = 3  # at least the header and this many people whole, without a scroll
LONG_NAME = ("Priya", "Raghunathan, PhD")
WINDOWS = ((800, 800), (1280, 900))


def demo_and_priya(tmp_path):
    db_path = tmp_path / "demo.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    contacts.add_contact(conn, *LONG_NAME, company="Nimbus Consulting Ltd")
    conn.close()
    return db_path


@pytest.fixture
def contacts_page(page_with_scroll_bars, tmp_path):
    """Contacts on the demo and Dr Raghunathan, in a Chromium that draws its scroll bars."""
    server = start_server(demo_and_priya(tmp_path))
    try:
        page_with_scroll_bars.goto(f"{server.url}/contacts")
        wait_for_app(page_with_scroll_bars)
        yield page_with_scroll_bars
    finally:
        stop_server(server)


def look_at(page, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    settle_after_resize(page, 500)  # the grid and the columns follow the window's new size
    wait_for_app(page)


def test_the_list_starts_in_view_and_the_pager_has_its_buttons(contacts_page):
    page = contacts_page
    wait_for_grid_rows(page, 50)
    for width, height in WINDOWS:
        look_at(page, width, height)
        pager = widget(page, "stNumberInput", "Page")
        field = pager.bounding_box()
        for button in ("stNumberInputStepDown", "stNumberInputStepUp"):
            step = pager.get_by_test_id(button)
            assert step.count() == 1, (width, button, field)
            box = step.bounding_box()
            assert box["x"] + box["width"] <= field["x"] + field["width"] + 1, (width, button)
            assert box["y"] + box["height"] <= height, (width, button)
        grid = page.locator('[data-testid="stMain"] .stDataFrame').first.bounding_box()
        shown = height - grid["y"]
        assert shown >= ROW_PX * (1 + ROWS_IN_VIEW), (width, grid["y"])
        # Pressing + turns the page, as the caption then says.
        pager.get_by_test_id("stNumberInputStepUp").click()
        page.get_by_text("Showing 51–100 of 150 (page 2 of 3).").wait_for()
        wait_for_app(page)
        pager.get_by_test_id("stNumberInputStepDown").click()
        page.get_by_text("Showing 1–50 of 150 (page 1 of 3).").wait_for()
        wait_for_app(page)


def test_a_long_name_reads_whole_in_the_table(contacts_page):
    page = contacts_page
    type_into(page, "Name", "Raghunathan")
    wait_for_grid_rows(page, 1)
    for width, height in WINDOWS:
        look_at(page, width, height)
        table = page.evaluate(TABLE_SHOWN)
        assert table["words"]["Name"][0][0] == "Priya Raghunathan, PhD"
        assert cut(table, "Name") == [], (width, table["columns"])
        assert cut(table, "Company") == [], (width, table["columns"])
        assert in_view(table)[1:4] == ["Name", "Company", "Stage"], (width, table)
        if width == 1280:  # room for every column there, as before
            assert in_view(table) == [label for label, _ in table["columns"]], table
