"""Where a list of target companies has its column names: never on a row of the list itself."""

from __future__ import annotations

import io

import openpyxl
import pytest

from infoint import targets
from infoint.errors import InvalidInputError

# A note of 'name' on a row once made that row the header: the notes column was read as the
# companies ('met' became a company) and the rows above it were lost without a word.
ROWS = [["Acme", "call Sam"], ["Beta", "name"], ["Gamma", "met"]]
NO_COLUMN_NAMES = (
    "Line 1 of {} should name the columns, with one called 'name' "
    "(also: industry, motivation, postings)."
)


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> bytes:
    return "".join(delimiter.join(row) + "\n" for row in rows).encode()


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "rows",
    [[["Firm", "Notes"], *ROWS], ROWS],
    ids=["column-names-not-ours", "no-column-names"],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["commas", "semicolons", "tabs"])
def test_a_note_reading_name_on_a_row_of_the_list_is_not_its_header(conn, rows, delimiter):
    with pytest.raises(InvalidInputError) as raised:
        targets.read_target_list(conn, csv_bytes(rows, delimiter), "targets.csv")
    assert str(raised.value) == NO_COLUMN_NAMES.format("targets.csv")


@pytest.mark.parametrize("rows", [[["Firm", "Notes"], *ROWS], ROWS])
def test_nor_in_a_workbook(conn, rows):
    with pytest.raises(InvalidInputError) as raised:
        targets.read_target_list(conn, xlsx_bytes(rows), "targets.xlsx")
    assert str(raised.value) == NO_COLUMN_NAMES.format("targets.xlsx")


def test_a_note_reading_name_under_the_column_names_is_a_note(conn):
    data = csv_bytes([["Company", "Notes"], *ROWS])
    preview = targets.read_target_list(conn, data, "targets.csv")
    assert preview.frame[["line", "name"]].values.tolist() == [
        [2, "Acme"],
        [3, "Beta"],
        [4, "Gamma"],
    ]
    assert preview.ignored_columns == ["Notes"]


@pytest.mark.parametrize("reader", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_notes_above_the_column_names_still_lead_to_them(conn, reader):
    """Notes fill one cell, or fewer than the column names do; the header under them is found."""
    rows = [
        ["My targets for spring", ""],
        ["Scored 2 Mar", "after the fair", ""],
        ["Company", "Industry", "Notes"],
        ["Acme", "Health", "name"],
    ]
    suffix = "csv" if reader is csv_bytes else "xlsx"
    preview = targets.read_target_list(conn, reader(rows), f"targets.{suffix}")
    assert preview.frame[["line", "name", "industry"]].values.tolist() == [[4, "Acme", "Health"]]


def test_a_two_cell_note_above_a_header_naming_two_of_our_columns_is_passed_over(conn):
    """Found by review: a note as wide as the header ('Updated:,27/11/2026') made a list of
    'Name,Industry' unreadable, where it was read before."""
    data = csv_bytes([["Updated:", "27/11/2026"], ["Name", "Industry"], ["Acme", "Health"]])
    preview = targets.read_target_list(conn, data, "list.csv")
    assert preview.frame[["line", "name"]].values.tolist() == [[3, "Acme"]]
