"""The contacts CSV speaks as the workbook's Contacts sheet does: the same columns, named the
same, with words where the database keeps codes. A walkthrough found 'Source' with 'linkedin'
in the CSV beside 'Came from' with 'your LinkedIn export' in the workbook. Dates stay ISO text
(2024-11-06), one form every tool reads, where the workbook has date cells."""

import csv
import io
from datetime import date

from openpyxl import load_workbook

from infoint import contacts, export


def csv_rows(conn) -> tuple[list[str], list[dict[str, str]]]:
    text = export.contacts_csv_bytes(conn).decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def sheet(conn) -> tuple[list[str], list[dict]]:
    rows = list(load_workbook(io.BytesIO(export.workbook_bytes(conn)))["Contacts"].values)
    return list(rows[0]), [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_csv_has_the_workbooks_columns_and_words(conn):
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name, source, connected_on, degree)"
        " VALUES ('k1', 'Lin', 'Kay', 'linkedin', DATE '2024-11-06', '1st')"
    )
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="PM")
    contacts.add_contact(conn, "Bo", "Chen", referred_by=ana, degree="2nd")
    header, rows = csv_rows(conn)
    sheet_header, sheet_rows = sheet(conn)
    assert header == sheet_header
    assert "Source" not in header
    assert {row["First name"]: row["Came from"] for row in rows} == {
        "Lin": "your LinkedIn export",
        "Ana": "added by hand",
        "Bo": "added by hand",
    }
    # Row for row the same values, in the same order; a date as ISO text, no value as ''.
    assert len(rows) == len(sheet_rows) == 3
    for row, cells in zip(rows, sheet_rows, strict=True):
        for column, cell in cells.items():
            if isinstance(cell, date):
                expected = cell.strftime("%Y-%m-%d")
            else:
                expected = "" if cell is None else str(cell)
            assert row[column] == expected, (column, row[column], cell)
    assert {row["First name"]: row["Connected on"] for row in rows}["Lin"] == "2024-11-06"


def test_a_source_the_app_has_no_words_for_is_kept_as_stored(conn):
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name, source)"
        " VALUES ('k2', 'Old', 'Row', 'something_else')"
    )
    _, rows = csv_rows(conn)
    assert rows[0]["Came from"] == "something_else"
