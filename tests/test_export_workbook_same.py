"""The workbook is the same, byte for byte, as xlsxwriter writes it cell by cell.

export writes the rows below each header as the XML xlsxwriter's constant-memory mode writes
for them, a column at a time, to be quicker (the heavy user's workbook took 12 s under load).
Here is the way it was written before, through xlsxwriter's per-cell calls, as the reference:
both ways write the demo data and rows made to test every escape, format and edge, and every
part of the two files must be the same (but the time the workbook says it was made).
"""

from __future__ import annotations

import functools
import io
import zipfile
from datetime import date, datetime
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from infoint import contacts, demo, export, interactions, meetings, targets
from infoint.export import (
    _ILLEGAL,
    CELL_LIMIT,
    FORMULA_TRIGGERS,
    _cut,
    _units,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from xlsxwriter.worksheet import Worksheet

    from infoint.export import _Formats

# --- The reference: export's way before, through xlsxwriter's per-cell calls. ---


def _old_text(values: pa.Array) -> tuple[list[str | None], list[bool] | None, int]:
    """A text column's cells: XML-safe, line breaks as `\\n`, empty text as no cell, a text
    longer than a cell holds cut with `CUT_MARKER`; which of them need the quote prefix (None
    when none does); and how many were cut.

    The formula start is looked for once the control characters are gone, as the spreadsheet
    shows the text, but before a `\\r` becomes `\\n` (as XML made of it when we wrote it raw;
    xlsxwriter would write `_x000D_`, which openpyxl reads back as such). A text of no more
    bytes than a cell's units cannot be too long (a unit is at least one UTF-8 byte), so only
    the rare longer ones are measured one by one."""
    text = pc.replace_substring_regex(values, _ILLEGAL, "")
    formula_start = functools.reduce(
        pc.or_, (pc.starts_with(text, trigger) for trigger in FORMULA_TRIGGERS)
    )
    text = pc.replace_substring_regex(text, "\r\n?", "\n")
    text = pc.if_else(pc.equal(text, ""), None, text)
    quoted = formula_start.to_pylist() if pc.any(formula_start).as_py() else None
    cells = text.to_pylist()
    maybe_long = pc.greater(pc.binary_length(text), CELL_LIMIT)
    cut = 0
    if pc.any(maybe_long).as_py():
        for index in pc.indices_nonzero(maybe_long).to_pylist():
            if _units(cells[index]) > CELL_LIMIT:
                cells[index] = _cut(cells[index])
                cut += 1
    return cells, quoted, cut


def _old_column(sheet: Worksheet, values: pa.Array, first_row: int, formats: _Formats):
    """A column of a batch as Python values, the worksheet method that writes one of them, its
    format and how many of its texts were cut, chosen from the column's type."""
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        text, quoted, cut = _old_text(values)
        if quoted is None:
            return text, sheet.write_string, None, cut

        def write_text(row: int, col: int, value: str, _: None) -> None:
            sheet.write_string(row, col, value, formats.quoted if quoted[row - first_row] else None)

        return text, write_text, None, cut
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        return values.to_pylist(), sheet.write_number, None, 0
    if pa.types.is_date(kind):
        return values.to_pylist(), sheet.write_datetime, formats.date, 0
    if pa.types.is_timestamp(kind) and kind.tz is None:
        return values.to_pylist(), sheet.write_datetime, formats.moment, 0
    raise TypeError(f"The workbook has no cell for {kind} values; select them as text.")


def _old_write_rows(
    sheet: Worksheet,
    reader: pa.RecordBatchReader,
    formats: _Formats,
    written: Callable[[int], None],
) -> int:
    """The rows below the header, a batch at a time (constant memory wants them in order);
    an empty value is no cell. `written` hears the rows written so far after each batch.
    Returns how many texts had to be cut."""
    row = 1
    cut = 0
    places = range(len(reader.schema))
    for batch in reader:
        cells, writes, cell_formats, cuts = zip(
            *(_old_column(sheet, values, row, formats) for values in batch.columns), strict=True
        )
        cut += sum(cuts)
        for values in zip(*cells, strict=True):
            for col, write, cell_format, value in zip(
                places, writes, cell_formats, values, strict=True
            ):
                if value is not None:
                    write(row, col, value, cell_format)
            row += 1
        written(row - 1)
    return cut


# --- The comparison ---

EDGES = [
    "plain",
    " leading space",
    "trailing space ",
    "\u00a0no-break space first",
    "ideographic space last\u3000",
    "line\nbreak",
    "windows\r\nbreak",
    "\ttab first",
    "_x0041_ looks like an escape, _X004a_ too, _x12_ not",
    "non-characters \ufffe and \uffff",
    "xml & < > \" ' all",
    "control \x01\x02\x1b\x1f gone",
    "emoji 🙂 and 漢字",
    "=1+2",
    "@SUM(A1)",
    "-3",
    "+4",
    "n" * 40_000,
    "🙂" * 20_000,
]


def both(conn, monkeypatch) -> tuple[dict[str, bytes], dict[str, bytes], dict, dict]:
    new = export.prepare_workbook(conn)
    with monkeypatch.context() as patched:
        patched.setattr(export, "_write_rows", _old_write_rows)
        old = export.prepare_workbook(conn)
    return parts(old.data), parts(new.data), old.cut, new.cut


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist() if name != "docProps/core.xml"}


def assert_same(conn, monkeypatch) -> dict[str, bytes]:
    old, new, old_cut, new_cut = both(conn, monkeypatch)
    assert list(new) == list(old)
    for name in old:
        assert new[name] == old[name], name
    assert new_cut == old_cut
    return new


def test_the_demo_workbook_is_the_same(conn, monkeypatch):
    demo.load_demo(conn, today=date(2026, 11, 20))
    written = assert_same(conn, monkeypatch)
    assert b"inlineStr" in written["xl/worksheets/sheet1.xml"]


@pytest.mark.parametrize("batch", [3, 5_000])
def test_every_escape_format_and_edge_is_the_same(conn, monkeypatch, batch):
    monkeypatch.setattr(export, "_BATCH_ROWS", batch)
    targets.add_company(conn, "Acme & Sons <Ltd>", industry="Tools", motivation=2)
    first = None
    for n, value in enumerate(EDGES):
        person = contacts.add_contact(conn, f"Ann {n}", "Lee", company="Acme & Sons <Ltd>")
        first = first or person
        conn.execute(
            "UPDATE contacts SET notes = ?, position = ?, tags = ?, connected_on = ? WHERE id = ?",
            [value, value[:200], "" if n % 3 else value[:50], date(1900, 1 + n % 3, 1 + n), person],
        )
        interactions.log_interaction(
            conn,
            person,
            "note",
            occurred_at=datetime(2026, 3, 2, 9, 15, 30, 123456) if n % 2 else date(2025, 1, 1),
            subject=value[:200],
        )
    # A moment on 1 January 1900 (xlsxwriter's time-only case) and before day 60.
    conn.execute(
        "UPDATE interactions SET occurred_at = TIMESTAMP '1900-01-01 06:00:00'"
        " WHERE contact_id = ?",
        [first],
    )
    meetings.schedule_meeting(conn, first, datetime(2026, 3, 10, 9, 30))
    written = assert_same(conn, monkeypatch)
    assert b'xml:space="preserve"' in written["xl/worksheets/sheet1.xml"]
    assert b"_x005F_x0041_" in written["xl/worksheets/sheet1.xml"]


def test_an_empty_database_gives_the_same_workbook(conn, monkeypatch):
    assert_same(conn, monkeypatch)
