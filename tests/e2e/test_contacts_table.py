"""The Contacts results open a person only by a deliberate act: the box at the left of their
row, or Shift+Space on their row. A click on a cell, a click on a header (which sorts) and the
arrow keys, into the names too, only move the grid's focus. Where the user is in the results
("Showing 1–50 of 124") and the pager are above the table.

The grid is drawn on a canvas: cells are clicked by position, from the widths the page gives
its columns (the name first) and Streamlit's row height.
"""

import re

from infoint import contacts, db

from .conftest import (
    go,
    grid_column,
    see,
    start_server,
    stop_server,
    wait_for_grid_rows,
)

ROW_HEIGHT = 35  # Streamlit's, the header row's too
BOX_COLUMN = 33  # the row's box at the left
NAME_WIDTH = 120  # as pages/2_contacts.py sets it
NAME_X = BOX_COLUMN + 40  # inside the name column
COMPANY_X = BOX_COLUMN + NAME_WIDTH + 40  # inside the company column
SHOWN_ON_PAGE_1 = "Showing 1–50 of 124 (page 1 of 3)."
FIRST_NAMES_AFTER_A_SORT = "Ann Lee,Bob Stone,Cara Diaz,Dan Wu"


def grid_box(page) -> dict:
    return page.get_by_test_id("stDataFrame").first.locator("canvas").first.bounding_box()


def click_in_grid(page, x: float, row: int | None) -> None:
    """Click at `x` pixels from the grid's left, on a row shown (0 is the top) or the header."""
    grid = grid_box(page)
    y = ROW_HEIGHT / 2 if row is None else ROW_HEIGHT * (row + 1.5)
    page.mouse.click(grid["x"] + x, grid["y"] + y)


def focus_reaches(page, text: str) -> None:
    """Wait until the grid's focused cell (its table for screen readers says which) is `text`."""
    page.wait_for_function(
        """text => {
            const cell = document.querySelector('table[role="grid"] td[aria-selected="true"]');
            return cell && cell.textContent === text;
        }""",
        arg=text,
    )


def test_only_a_rows_box_or_shift_space_opens_a_person(page, tmp_path, shots):
    db_path = tmp_path / "contacts.duckdb"
    conn = db.connect(db_path)
    for first, last, company, position in (
        ("Ann", "Lee", "Acme", "Recruiter"),
        ("Bob", "Stone", "Acme", "Engineer"),
        ("Cara", "Diaz", "Globex", "Head of HR"),
        ("Dan", "Wu", "Initech", "Planner"),
    ):
        contacts.add_contact(conn, first, last, company=company, position=position)
    # 120 more, last by name (and by first name), so there are three pages
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name)"
        " SELECT 'zed' || n, 'Zed' || lpad(CAST(n AS VARCHAR), 3, '0'), 'Zz' FROM range(120) t(n)"
    )
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        go(page, "Contacts", "Contacts")
        wait_for_grid_rows(page, 50)
        see(page, SHOWN_ON_PAGE_1)
        # Name (A–Z) orders the names as they read, first names first.
        assert grid_column(page, "Name")[:4] == ["Ann Lee", "Bob Stone", "Cara Diaz", "Dan Wu"]

        # Where the user is, and the one pager, come before the rows.
        grid = grid_box(page)
        said = page.get_by_text(SHOWN_ON_PAGE_1).bounding_box()
        pager = page.get_by_label("Page", exact=True).bounding_box()
        assert said["y"] + said["height"] <= grid["y"]
        assert pager["y"] + pager["height"] <= grid["y"]
        assert page.get_by_label("Page", exact=True).count() == 1  # one pager
        page.screenshot(path=shots / "01-where-you-are-above-the-table.png")

        # A header click sorts the rows shown (by name, as they already are) and opens no
        # one, though the grid focuses the top row's first cell, a name, by itself.
        click_in_grid(page, NAME_X, None)
        page.wait_for_function(
            """names => [...document.querySelectorAll('table[role="grid"] tbody tr')]
                .slice(0, 4).map(row => row.cells[0].textContent).join() === names""",
            arg=FIRST_NAMES_AFTER_A_SORT,
        )
        assert "contact=" not in page.url

        # A click on Ann's company, then the arrow keys: right past her stage to her position,
        # down to Bob's, left thrice into Bob's name, down into Cara's. Nothing opens: were a
        # name reached by the keys to open its person, the page would be Ann's or Bob's by now.
        click_in_grid(page, COMPANY_X, 0)
        focus_reaches(page, "Acme")
        for key, now_on in (
            ("ArrowRight", "Not contacted"),
            ("ArrowRight", "Recruiter"),
            ("ArrowDown", "Engineer"),
            ("ArrowLeft", "Not contacted"),
            ("ArrowLeft", "Acme"),
            ("ArrowLeft", "Bob Stone"),
            ("ArrowDown", "Cara Diaz"),
        ):
            page.keyboard.press(key)
            focus_reaches(page, now_on)
        assert "contact=" not in page.url
        page.screenshot(path=shots / "02-moved-into-the-names-with-the-arrow-keys.png")

        # Shift+Space on her row opens Cara, third on the screen.
        page.keyboard.press("Shift+Space")
        page.get_by_role("heading", name="Cara Diaz", exact=True).wait_for()
        see(page, "Nothing logged yet.")
        assert re.search(r"[?&]contact=\d+", page.url)
        page.screenshot(path=shots / "03-opened-with-shift-space.png")

        # Back to the search: a click on Ann's name opens no one (else the page would be
        # hers); the box at the left of Dan's row opens him.
        page.get_by_role("button", name="Back to the search").click()
        wait_for_grid_rows(page, 50)
        see(page, SHOWN_ON_PAGE_1)
        click_in_grid(page, NAME_X, 0)
        focus_reaches(page, "Ann Lee")
        assert "contact=" not in page.url
        click_in_grid(page, BOX_COLUMN / 2, 3)
        page.get_by_role("heading", name="Dan Wu", exact=True).wait_for()
        see(page, "Nothing logged yet.")
    finally:
        stop_server(server)
