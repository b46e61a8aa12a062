"""Targets: a score changed in the table and not saved yet is still there after a trip to
Contacts through the menu, and saved by Save; discarded, it does not come back.

The walkthrough, on the demo data: River Consulting's Motivation changed from 2 to 1 read
"1 change to 1 company, not saved yet."; Contacts, then Targets again, showed 2 with no word.

The grid is drawn on a canvas: a cell is opened by a double click at its place, from the
widths the page gives the columns and Streamlit's row height, and typed into in the editor
the grid opens over it.
"""

from playwright.sync_api import expect

from infoint import db, targets

from .conftest import (
    click,
    demo_targets,
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
    listed = demo_targets(db_path)
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


# The columns' widths in the table's order (pages/1_targets.py's WIDTHS).
WIDTHS = (57, 141, 95, 82, 101, 79, 93, 50, 70, 40)
STATUS_X = 57 + 141 + 95 + 82 + 50  # the middle of Status, after Pick, Company and the scores
REASON_X = STATUS_X + 50 + 40  # the middle of Reason, beside it
HELD_POLL_MS = 50


class HeldRuns:
    """The app's WebSocket, its messages to the browser held while `holding`: a run's output
    reaches the page only when released, as on a slow machine."""

    def __init__(self, page) -> None:
        self.holding, self.held, self.to_page = False, [], None
        page.route_web_socket("**/_stcore/stream", self.route)

    def route(self, socket) -> None:
        self.to_page = socket
        socket.connect_to_server().on_message(self.from_server)

    def from_server(self, message) -> None:
        if self.holding:
            self.held.append(message)
        else:
            self.to_page.send(message)

    def release(self, page) -> None:
        for _ in range(45_000 // HELD_POLL_MS):  # the run's first message, then all of them
            if self.held:
                break
            page.wait_for_timeout(HELD_POLL_MS)
        assert self.held, "no run followed the edit"
        self.holding = False
        for message in self.held:
            self.to_page.send(message)
        self.held = []


def test_a_reason_typed_while_the_status_edit_reruns_is_kept(tmp_path, page, shots):
    """The walkthrough: 'Ruled out' picked in River Consulting's Status, then its reason typed
    at once; the text was said lost once, the rerun that follows the status edit closing the
    Reason cell's editor. Here that run's output reaches the browser while the editor is open
    with words in it: the editor stays open with them, and they are kept."""
    db_path = tmp_path / "demo.duckdb"
    listed = demo_targets(db_path)
    river, rows = list(listed["name"]).index("River Consulting"), len(listed)
    server = start_server(db_path)
    runs = HeldRuns(page)
    try:
        page.goto(f"{server.url}/targets")
        wait_for_app(page)
        wait_for_grid_rows(page, rows)
        grid = page.get_by_test_id("stDataFrame").first.locator("canvas").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        y = box["y"] + ROW_HEIGHT * (river + 1.5)
        # 1400 px: the grid spreads what its box has over the columns' widths, evenly.
        spread = (box["width"] - 2 - sum(WIDTHS)) / len(WIDTHS)
        page.mouse.dblclick(box["x"] + STATUS_X + 4.5 * spread, y)
        ruled_out = page.get_by_role("option", name="Ruled out", exact=True)
        ruled_out.wait_for()
        runs.holding = True
        ruled_out.click()
        page.mouse.dblclick(box["x"] + REASON_X + 5.5 * spread, y)
        editor = page.locator("#portal textarea").first
        editor.fill("Too far")
        runs.release(page)  # the status edit's run, drawn while the editor is open
        see(page, "Say why you are ruling out River Consulting under Reason, then save.")
        page.screenshot(path=shots / "typing.png")
        expect(editor).to_have_value("Too far")
        editor.fill("Too far from home")
        editor.press("Enter")
        see(page, "2 changes to 1 company, not saved yet.")
        expect(
            page.get_by_text("River Consulting: Too far from home (not saved yet)")
        ).to_be_visible()
        assert grid_column(page, "Status")[river] == "ruled_out"
        assert grid_column(page, "Reason")[river] == "Too far from home"
    finally:
        stop_server(server)
