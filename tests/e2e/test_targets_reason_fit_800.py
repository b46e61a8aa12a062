"""Targets at 800 px (sidebar open, scroll bars drawn): a reason reads in full, the one just
typed too.

The Reason column is 79 px wide (the table fits a 1280 px window beside the menu) and at 800 px
it is a sideways scroll away: 'Too far from home for the commute' read 'Too far fr' in its
cell, and 'Why you ruled them out' below the table listed only the saved reasons.

The grid is drawn on a canvas: the Status cell is opened by a double click at its place (from
the widths the page gives the columns and Streamlit's row height), the Reason cell reached from
it with the arrow key, as a user does when it is out of view, and typed into in the editor the
grid opens over it.
"""

from playwright.sync_api import expect

from .conftest import (
    demo_targets,
    see,
    settle_after_resize,
    start_server,
    stop_server,
    wait_for_app,
    wait_for_grid_rows,
)

ROW_HEIGHT = 35  # Streamlit's, the header row's too
STATUS_X = 57 + 141 + 95 + 82 + 40  # inside Status, after Pick, Company and the scores
REASON = "Too far from home for the commute, and the team is shrinking"
SAVED = "Long hours and little room to learn, from two talks."  # the demo's Amber Telecom


def rule_out(page, row: int, reason: str) -> None:
    grid = page.get_by_test_id("stDataFrame").first.locator("canvas").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + STATUS_X, box["y"] + ROW_HEIGHT * (row + 1.5))
    page.get_by_role("option", name="Ruled out", exact=True).click()
    see(page, "Say why you are ruling out")
    page.keyboard.press("ArrowRight")  # to Reason, scrolled into view
    page.keyboard.press("Enter")
    editor = page.locator("#portal textarea, #portal input").first
    editor.fill(reason)
    editor.press("Enter")


def test_a_reason_typed_reads_whole_at_800_px(tmp_path, page_with_scroll_bars, shots):
    page = page_with_scroll_bars
    db_path = tmp_path / "demo.duckdb"
    listed = demo_targets(db_path)
    names, rows = list(listed["name"]), len(listed)
    river = names.index("River Consulting")
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 800, "height": 900})
        page.goto(f"{server.url}/targets")
        wait_for_app(page)
        wait_for_grid_rows(page, rows)
        settle_after_resize(page, 500)
        assert page.get_by_test_id("stSidebar").is_visible()
        rule_out(page, river, REASON)
        see(page, "2 changes to 1 company, not saved yet.")  # the status and the reason
        page.get_by_test_id("stDataFrame").first.screenshot(path=shots / "table.png")

        reasons = page.get_by_test_id("stMarkdownContainer").filter(
            has=page.locator("li", has_text="River Consulting")
        )
        typed = reasons.locator("li", has_text="River Consulting")
        expect(typed).to_have_text(f"River Consulting: {REASON} (not saved yet)")
        expect(reasons.locator("li", has_text="Amber Telecom LLC")).to_have_text(
            f"Amber Telecom LLC: {SAVED}"
        )
        typed.scroll_into_view_if_needed()
        page.screenshot(path=shots / "reasons.png")
        expect(typed).to_be_in_viewport(ratio=1)  # whole: its lines wrap in the window
        assert typed.evaluate("li => li.scrollWidth <= li.clientWidth + 1")
        box, main = typed.bounding_box(), page.get_by_test_id("stMain").bounding_box()
        assert box["x"] + box["width"] <= main["x"] + main["width"], (box, main)
    finally:
        stop_server(server)
