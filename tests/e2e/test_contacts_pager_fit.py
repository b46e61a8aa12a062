"""Contacts' pager lines up with Sort by beside it, in a window 800 px wide with thousands of
people: labelled "Page" on one line, the count of pages said in the caption under them.
"Page (of 597)" took two lines in its narrow column (the heavy user, 30,000 people)."""

from __future__ import annotations

from infoint import db

from .conftest import WAIT_MS, start_server, stop_server, wait_for_app, widget

PEOPLE = 3000


def test_the_pager_lines_up_with_sort_by_at_800_px(tmp_path, browser):
    db_path = tmp_path / "many.duckdb"
    conn = db.connect(db_path)
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name)"
        " SELECT 'p' || n, 'Ada' || n, 'Abara' FROM range($count) t(n)",
        {"count": PEOPLE},
    )
    conn.close()
    server = start_server(db_path)
    context = browser.new_context(viewport={"width": 800, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{server.url}/contacts")
        wait_for_app(page)
        page.get_by_text("Showing 1–50 of 3,000 (page 1 of 60).").wait_for()
        sort_by = widget(page, "stSelectbox", "Sort by")
        pager = widget(page, "stNumberInput", "Page")
        labels = [w.get_by_test_id("stWidgetLabel").bounding_box() for w in (sort_by, pager)]
        boxes = [w.bounding_box() for w in (sort_by, pager)]  # label and field
        assert labels[1]["height"] == labels[0]["height"]  # one line each
        assert labels[1]["y"] == labels[0]["y"]
        assert boxes[1]["y"] == boxes[0]["y"]
        assert boxes[1]["y"] + boxes[1]["height"] == boxes[0]["y"] + boxes[0]["height"]
    finally:
        context.close()
        stop_server(server)
