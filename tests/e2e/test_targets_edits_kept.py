"""Targets: a score changed in the table and not saved yet is still there after a trip to
Contacts through the menu, and saved by Save; discarded, it does not come back.

The walkthrough, on the demo data: River Consulting's Motivation changed from 2 to 1 read
"1 change to 1 company, not saved yet."; Contacts, then Targets again, showed 2 with no word.

The grid is drawn on a canvas: a cell is opened by a double click at its place, from the
widths the page gives the columns and Streamlit's row height, and typed into in the editor
the grid opens over it.
"""

from playwright.sync_api import expect

from infoint import db, demo, targets

from .conftest import (
    click,
    go,
    grid_column,
    see,
    start_server,
    stop_server,
    wait_for_app,
    wait_for_grid_rows,
)

ROW_HEIGHT = 35  # Streamlit's, the header row's too
MOTIVATION_X = (
    58 + 142 + 48
)  # the middle of Motivation, after Pick and Company (pages/1_targets.py)
NOT_SAVED = "1 change to 1 company, not saved yet."


def type_score(page, row: int, score: str) -> None:
    grid = page.get_by_test_id("stDataFrame").first.locator("canvas").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + MOTIVATION_X, box["y"] + ROW_HEIGHT * (row + 1.5))
    editor = page.locator("#portal input, #portal textarea").first
    editor.wait_for()
    editor.fill(score)
    editor.press("Enter")


def there_and_back(page, rows: int) -> None:
    go(page, "Contacts", "Contacts")
    go(page, "Targets", "Targets")
    wait_for_grid_rows(page, rows)


def test_a_score_not_saved_yet_survives_a_trip_to_contacts(tmp_path, page, shots):
    db_path = tmp_path / "demo.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    listed = targets.list_companies(conn)
    conn.close()
    names, rows = list(listed["name"]), len(listed)
    river = names.index("River Consulting")
    assert listed["motivation"].iloc[river] == 2
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/targets")
        wait_for_app(page)
        wait_for_grid_rows(page, rows)
        type_score(page, river, "1")
        see(page, NOT_SAVED)
        there_and_back(page, rows)
        page.screenshot(path=shots / "back.png")
        expect(page.get_by_text(NOT_SAVED)).to_be_visible()
        assert grid_column(page, "Company")[river] == "River Consulting"
        assert grid_column(page, "Motivation")[river] == "1"
        click(page, "Save changes")
        see(page, "Saved 1 change to 1 company")
        there_and_back(page, rows)
        expect(page.get_by_text("not saved yet")).to_have_count(0)
        companies = grid_column(page, "Company")
        assert grid_column(page, "Motivation")[companies.index("River Consulting")] == "1"

        first = grid_column(page, "Company")[0]
        type_score(page, 0, "0")
        see(page, NOT_SAVED)
        click(page, "Discard changes")
        see(page, "Discarded 1 change")
        there_and_back(page, rows)
        page.screenshot(path=shots / "discarded.png")
        expect(page.get_by_text("not saved yet")).to_have_count(0)
        assert grid_column(page, "Company")[0] == first
        assert grid_column(page, "Motivation")[0] == "3"
    finally:
        stop_server(server)
    conn = db.connect(db_path)
    try:
        saved = targets.list_companies(conn).set_index("name")["motivation"]
    finally:
        conn.close()
    assert saved["River Consulting"] == 1
    assert saved[first] == 3
