import csv
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from infoint import export, interactions, meetings
from infoint.errors import InvalidInputError

HOSTILE = [
    "=1+2",
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd|' /C calc'!A0",
    "\t=tabbed",
    "\r=returned",
    '=HYPERLINK("http://evil.example","click")',
]


@pytest.fixture
def hostile_db(conn):
    """A contact per hostile value, untrimmed, in the name, company, position and notes."""
    for n, value in enumerate(HOSTILE):
        conn.execute(
            "INSERT INTO companies (id, name, match_key) VALUES (?, ?, ?)",
            [n, f"{value} {n}", f"key {n}"],
        )
        conn.execute(
            "INSERT INTO contacts (profile_key, first_name, last_name, company_id, position,"
            " notes, connected_on) VALUES (?, ?, ?, ?, ?, ?, DATE '2024-11-06')",
            [f"k{n}", value, f"Person {n}", n, value, value],
        )
    return conn


def test_neutralise_and_restore_round_trip():
    for value in HOSTILE:
        assert export.neutralise(value) == "'" + value
        assert export.restore(export.neutralise(value)) == value
    for harmless in ["Ada", "'til dawn", "", "a=b", "O'Brien", "'"]:
        assert export.neutralise(harmless) == harmless
        assert export.restore(harmless) == harmless


def test_csv_has_one_row_per_contact_with_iso_dates_and_no_live_formula(hostile_db):
    data = export.contacts_csv_bytes(hostile_db)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 correctly
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(HOSTILE)
    assert {row["Connected on"] for row in rows} == {"2024-11-06"}
    first_names = {row["First name"] for row in rows}
    assert first_names == {"'" + value for value in HOSTILE}
    for row in rows:
        for value in row.values():
            assert not value.startswith(export.FORMULA_TRIGGERS)
    assert {export.restore(row["Notes"]) for row in rows} == set(HOSTILE)
    assert {export.restore(row["Company"]) for row in rows} == {
        f"{v} {n}" for n, v in enumerate(HOSTILE)
    }


def test_workbook_keeps_hostile_values_as_quoted_text_never_formulas(hostile_db):
    contact_id = hostile_db.execute("SELECT min(id) FROM contacts").fetchall()[0][0]
    interactions.log_interaction(
        hostile_db, contact_id, "outreach", occurred_at=date(2026, 3, 2), subject="=cmd()"
    )
    meetings.schedule_meeting(hostile_db, contact_id, datetime(2026, 3, 10, 9, tzinfo=UTC))
    book = load_workbook(io.BytesIO(export.workbook_bytes(hostile_db)))
    assert book.sheetnames[:4] == ["contacts", "companies", "interactions", "meetings"]
    assert "migrations" not in book.sheetnames
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
                    if cell.value.startswith(export.FORMULA_TRIGGERS):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate)
    # XML turns a bare carriage return into a line feed when the file is read.
    assert {value.replace("\r", "\n") for value in HOSTILE} <= texts
    assert "=cmd()" in texts
    header = [cell.value for cell in book["contacts"][1]]
    assert "first_name" in header and "profile_key" in header
    assert book["contacts"].max_row == len(HOSTILE) + 1
    assert book["meetings"]["C2"].value == "2026-03-10T09:00:00+00:00"


def test_an_empty_database_exports_headers_only(conn):
    rows = list(csv.reader(io.StringIO(export.contacts_csv_bytes(conn).decode("utf-8-sig"))))
    assert rows[0][:3] == ["First name", "Last name", "Company"] and len(rows) == 1
    assert load_workbook(io.BytesIO(export.workbook_bytes(conn)))["contacts"].max_row == 1


def test_export_file_kind_comes_from_the_extension(conn, tmp_path):
    assert export.write_export(conn, tmp_path / "out.CSV").read_bytes().startswith(b"\xef")
    assert export.write_export(conn, tmp_path / "out.xlsx").read_bytes().startswith(b"PK")
    with pytest.raises(InvalidInputError, match=r"\.xlsx workbook or a \.csv file"):
        export.write_export(conn, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
    with pytest.raises(InvalidInputError, match="could not be written"):
        export.write_export(conn, tmp_path / "missing" / "out.csv")
