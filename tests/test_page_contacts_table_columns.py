"""Contacts' results put who, where and the stage first, each in a width that fits an 800 px
window with the sidebar open (466 px of table; measured in Chromium by
tests/e2e/test_contacts_table_fit.py). Here: the order and widths the page asks the grid for."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db

ROOT = Path(__file__).resolve().parent.parent
ROW_BOX = 32  # the grid's box at the left of a row
SHOWN_AT_800 = 466  # the table's width at 800 px, sidebar open


def results_table(app_db, people: list[tuple[str, str, str]]):
    """The grid Contacts draws for these people (first, last, company), as sent to it."""
    conn = db.connect(app_db)
    for first, last, company in people:
        contacts.add_contact(conn, first, last, company=company)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    at.run()
    assert not at.exception, at.exception
    return at.dataframe[0].proto


def test_name_company_and_stage_come_first_and_fit_800_px(app_db):
    table = results_table(app_db, [("Ada", "Adler", "Kestrel Consulting GmbH")])
    assert list(table.column_order)[:3] == ["name", "company", "stage"]
    config = json.loads(table.columns)
    widths = [config[column]["width"] for column in ("name", "company", "stage")]
    assert ROW_BOX + sum(widths) <= SHOWN_AT_800, widths
    # 'Kestrel Consulting GmbH' is 147 px in the grid's 14 px font, with 8 px each side.
    assert config["company"]["width"] >= 147 + 16


def test_a_long_name_beside_a_long_company_leaves_stage_and_every_column_in_view(app_db):
    """Each sized to its longest words (`ui.grid_column_px`), a 260 px name beside a 170 px
    company pushed Stage out of view at 800 px and Connected on out at 1280 (a review)."""
    table = results_table(
        app_db,
        [
            ("Bartholomew", "Featherstonehaugh-Worthington, PhD", "Kestrel Consulting"),
            ("Ann", "Lee", "Kestrel Consulting GmbH International"),
        ],
    )
    config = json.loads(table.columns)
    widths = {column: config[column]["width"] for column in table.column_order}
    assert ROW_BOX + widths["name"] + widths["company"] + widths["stage"] <= SHOWN_AT_800, widths
    assert ROW_BOX + sum(widths.values()) <= 798, widths  # the table's width at 1280 px
    assert widths["name"] > 120  # the long name still gets more than a short one would
