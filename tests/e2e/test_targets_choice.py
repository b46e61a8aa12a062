"""Targets' choice of companies for a change to many stays as the user set it.

Seen in Chromium: after "All 3 that match" was chosen, ticking a row in the table put the
choice back on the ticked ones. The choice's labels hold the counts ("The one you ticked"),
and a radio without a key is known by its labels: a tick made a new one.

The grid is drawn on a canvas: the tick box is clicked by position, from the width the page
gives the Pick column and Streamlit's row height.
"""

from playwright.sync_api import expect

from infoint import db, targets

from .conftest import see, start_server, stop_server, wait_for_app

ROW_HEIGHT = 35  # Streamlit's, the header row's too
PICK_X = 30  # inside the Pick column, 60 pixels wide (pages/1_targets.py)
ALL_THAT_MATCH = "All 3 that match the search and industry above"


def test_the_choice_stays_when_a_row_is_ticked(tmp_path, page, shots):
    db_path = tmp_path / "targets.duckdb"
    conn = db.connect(db_path)
    for name, motivation in (("Acme", 3), ("Volt", 2), ("Medix", 1)):
        targets.add_company(conn, name, motivation=motivation)
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/targets")
        wait_for_app(page)
        everything = page.get_by_role("radio", name=ALL_THAT_MATCH, exact=True)
        everything.scroll_into_view_if_needed()
        everything.click(force=True)  # the input is drawn over by its label
        wait_for_app(page)
        expect(everything).to_be_checked()

        grid = page.get_by_test_id("stDataFrame").first.locator("canvas").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + PICK_X, box["y"] + ROW_HEIGHT * 1.5)  # Acme's box
        see(page, "The one you ticked in the table")
        page.screenshot(path=shots / "ticked.png")
        expect(everything).to_be_checked()
    finally:
        stop_server(server)
