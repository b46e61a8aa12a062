"""The Contacts results open a person from a click on their name, or from the box at the left
of their row; a click on a header sorts the table and opens no one, and neither does a click
on another cell or moving through the table with the arrow keys outside the names.

The grid is drawn on a canvas: cells are clicked by position, from the widths the page gives
its columns (the stage first, the name second) and Streamlit's row height.
"""

import re

from infoint import contacts, db

from .conftest import (
    go,
    grid_column,
    see,
    start_server,
    stop_server,
    wait_for_app,
    wait_for_grid_rows,
)

ROW_HEIGHT = 35  # Streamlit's, the header row's too
BOX_COLUMN = 33  # the row's box at the left
STAGE_WIDTH = 105  # as pages/2_contacts.py sets it
NAME_WIDTH = 125
NAME_X = BOX_COLUMN + STAGE_WIDTH + 40  # inside the name column
COMPANY_X = BOX_COLUMN + STAGE_WIDTH + NAME_WIDTH + 40  # inside the company column


def click_in_grid(page, x: float, row: int | None) -> None:
    """Click at `x` pixels from the grid's left, on a row shown (0 is the top) or the header."""
    grid = page.get_by_test_id("stDataFrame").first.locator("canvas").first.bounding_box()
    y = ROW_HEIGHT / 2 if row is None else ROW_HEIGHT * (row + 1.5)
    page.mouse.click(grid["x"] + x, grid["y"] + y)


def count_runs(page) -> None:
    """From now on, count the app's finished script runs in `window.finishedRuns`."""
    page.evaluate(
        """() => {
            window.finishedRuns = 0;
            new MutationObserver(records => {
                window.finishedRuns += records.filter(r => r.oldValue === "running").length;
            }).observe(document.querySelector('[data-testid="stApp"]'), {
                attributes: true,
                attributeFilter: ["data-test-script-state"],
                attributeOldValue: true,
            });
        }"""
    )


def then_wait_for_the_run(page, act) -> None:
    """Do `act` (which changes the table's selection, so the app runs again) and wait for that
    run to end: a selection that would open someone has opened them by then."""
    before = page.evaluate("window.finishedRuns")
    act()
    page.wait_for_function("before => window.finishedRuns > before", arg=before)
    wait_for_app(page)


def selected_cell(page) -> str:
    """The text of the cell the grid has selected (its table for screen readers says which)."""
    return page.locator('table[role="grid"] td[aria-selected="true"]').inner_text()


def test_a_click_on_a_name_opens_the_person(page, tmp_path, shots):
    db_path = tmp_path / "contacts.duckdb"
    conn = db.connect(db_path)
    for first, last, company, position in (
        ("Ann", "Lee", "Acme", "Recruiter"),
        ("Bob", "Stone", "Acme", "Engineer"),
        ("Cara", "Diaz", "Globex", "Head of HR"),
        ("Dan", "Wu", "Initech", "Planner"),
    ):
        contacts.add_contact(conn, first, last, company=company, position=position)
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        go(page, "Contacts", "Contacts")
        wait_for_grid_rows(page, 4)
        see(page, "Click a name to open the person.")
        assert grid_column(page, "Name") == ["Cara Diaz", "Ann Lee", "Bob Stone", "Dan Wu"]

        # A header click sorts the rows shown (here by first name) and opens no one, though
        # the grid selects a cell of the top row by itself.
        click_in_grid(page, NAME_X, None)
        page.wait_for_function(
            """names => [...document.querySelectorAll('table[role="grid"] tbody tr')]
                .map(row => row.cells[1].textContent).join() === names""",
            arg="Ann Lee,Bob Stone,Cara Diaz,Dan Wu",
        )
        see(page, "Click a name to open the person.")
        assert "contact=" not in page.url
        page.screenshot(path=shots / "01-sorted-by-a-header.png")

        # A click on Ann's company selects the cell and opens no one; nor do the arrow keys,
        # moving the selection right to her position, down to Bob's and Cara's, left to
        # Cara's company.
        count_runs(page)
        then_wait_for_the_run(page, lambda: click_in_grid(page, COMPANY_X, 0))
        assert "contact=" not in page.url
        assert selected_cell(page) == "Acme"
        for key, now_on in (
            ("ArrowRight", "Recruiter"),
            ("ArrowDown", "Engineer"),
            ("ArrowDown", "Head of HR"),
            ("ArrowLeft", "Globex"),
        ):
            then_wait_for_the_run(page, lambda key=key: page.keyboard.press(key))
            assert "contact=" not in page.url
            assert selected_cell(page) == now_on
        see(page, "Click a name to open the person.")
        page.screenshot(path=shots / "01b-moved-with-the-arrow-keys.png")

        # Cara Diaz is third now: the click opens her, not the third of the page's own order.
        click_in_grid(page, NAME_X, 2)
        page.get_by_role("heading", name="Cara Diaz", exact=True).wait_for()
        see(page, "Nothing logged yet.")
        assert re.search(r"[?&]contact=\d+", page.url)
        page.screenshot(path=shots / "02-opened-by-a-click-on-her-name.png")

        # Back to the search; the box at the left of a row opens that person too.
        page.get_by_role("button", name="Back to the search").click()
        wait_for_grid_rows(page, 4)
        see(page, "Click a name to open the person.")
        click_in_grid(page, BOX_COLUMN / 2, 3)
        page.get_by_role("heading", name="Dan Wu", exact=True).wait_for()
        see(page, "Nothing logged yet.")

        # From the keyboard, Shift+Space selects the row of the selected cell, as its box
        # does, and opens that person: here Bob, third in the page's own order.
        page.get_by_role("button", name="Back to the search").click()
        wait_for_grid_rows(page, 4)
        see(page, "Click a name to open the person.")
        count_runs(page)
        then_wait_for_the_run(page, lambda: click_in_grid(page, COMPANY_X, 2))
        assert "contact=" not in page.url
        page.keyboard.press("Shift+Space")
        page.get_by_role("heading", name="Bob Stone", exact=True).wait_for()
        see(page, "Nothing logged yet.")
    finally:
        stop_server(server)
