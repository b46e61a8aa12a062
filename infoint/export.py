"""The data out again: contacts as CSV, every table as an Excel workbook, formula-safe.

A name or company starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a
formula when the file is opened in a spreadsheet (OWASP's CSV injection). The workbook stores
such values as text cells with Excel's quote prefix; the CSV prefixes them with `'`, which
`restore` strips again when infoint reads its own CSV back.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from infoint import funnel
from infoint.errors import InvalidInputError

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_KINDS = {".csv": "csv", ".xlsx": "xlsx"}
# Sheets in the order a reader wants them; tables added later follow alphabetically.
SHEET_ORDER = (
    "contacts",
    "companies",
    "interactions",
    "meetings",
    "meeting_questions",
    "contact_changes",
    "import_batches",
    "questions",
    "templates",
    "profile",
    "ruled_out_industries",
)
_INTERNAL_TABLES = ("migrations",)

_STAGE_LABEL = (
    "CASE s.stage WHEN 0 THEN 'Not contacted' "
    + " ".join(
        f"WHEN {number} THEN '{funnel.STAGE_LABELS[stage]}'"
        for number, stage in enumerate(funnel.STAGES, start=1)
    )
    + " END"
)
_CONTACTS_SQL = f"""
SELECT c.first_name AS "First name",
       c.last_name AS "Last name",
       coalesce(co.name, '') AS "Company",
       c.position AS "Position",
       coalesce(nullif(c.email, ''), c.linkedin_email) AS "Email",
       coalesce(c.linkedin_url, '') AS "LinkedIn profile",
       coalesce(strftime(c.connected_on, '%Y-%m-%d'), '') AS "Connected on",
       c.degree AS "Degree",
       coalesce(trim(m.first_name || ' ' || m.last_name), '') AS "Mutual contact",
       coalesce(trim(r.first_name || ' ' || r.last_name), '') AS "Referred by",
       {_STAGE_LABEL} AS "Stage",
       c.source AS "Source",
       c.tags AS "Tags",
       c.notes AS "Notes",
       strftime(c.created_at, '%Y-%m-%d') AS "Added on"
FROM contacts c
LEFT JOIN companies co ON co.id = c.company_id
LEFT JOIN contacts m ON m.id = c.mutual_contact_id
LEFT JOIN contacts r ON r.id = c.referred_by
LEFT JOIN contact_stages s ON s.contact_id = c.id
ORDER BY lower(c.last_name), lower(c.first_name), c.id
"""


def neutralise(value: str) -> str:
    """The value as a spreadsheet will show it but never run it: `'` before a formula start."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def restore(value: str) -> str:
    """Undo `neutralise` on a value read back from one of our CSV files."""
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_TRIGGERS:
        return value[1:]
    return value


def export_kind(path: str | Path) -> str:
    """'csv' or 'xlsx' from the file name; our error for anything else (check before writing)."""
    kind = EXPORT_KINDS.get(Path(path).suffix.lower())
    if kind is None:
        raise InvalidInputError(
            f"infoint can export to a .xlsx workbook or a .csv file, not to {Path(path).name}."
        )
    return kind


def contacts_frame(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per contact with their company, stage and ISO dates, as the CSV holds them."""
    return conn.execute(_CONTACTS_SQL).df()


def contacts_csv_bytes(conn: duckdb.DuckDBPyConnection) -> bytes:
    """Contacts as UTF-8 CSV with a BOM (so Excel reads accents right), formulas neutralised."""
    frame = contacts_frame(conn)
    for column in frame.columns:
        values = frame[column].astype(str)
        frame[column] = values.where(~values.str.startswith(FORMULA_TRIGGERS), "'" + values)
    return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def workbook_bytes(conn: duckdb.DuckDBPyConnection) -> bytes:
    """Every table of the database as one sheet of an .xlsx workbook."""
    from openpyxl import Workbook  # imported here: only exports need it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    for table in _tables(conn):
        sheet = workbook.create_sheet(table[:31])
        result = conn.execute(f'SELECT * FROM "{table}" ORDER BY ALL')
        sheet.append([column[0] for column in result.description])
        for row in result.fetchall():
            cells = []
            for value in row:
                if isinstance(value, datetime) and value.tzinfo is not None:
                    value = value.isoformat()  # Excel has no time zones; keep the offset as text
                if not isinstance(value, str):
                    cells.append(value)
                    continue
                cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                cell.data_type = "s"  # openpyxl would otherwise take "=…" for a formula
                if value.startswith(FORMULA_TRIGGERS):
                    cell.quotePrefix = True
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_export(conn: duckdb.DuckDBPyConnection, path: str | Path) -> Path:
    """Write the contacts CSV or the workbook, chosen by the file's extension."""
    target = Path(path)
    data = contacts_csv_bytes(conn) if export_kind(target) == "csv" else workbook_bytes(conn)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InvalidInputError(f"{target} could not be written ({exc.strerror}).") from None
    return target


def _tables(conn: duckdb.DuckDBPyConnection) -> list[str]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT table_name FROM duckdb_tables()"
            " WHERE database_name = current_database() AND schema_name = 'main'"
            " AND NOT temporary"
        ).fetchall()
        if row[0] not in _INTERNAL_TABLES
    ]
    known = [name for name in SHEET_ORDER if name in names]
    return known + sorted(set(names) - set(known))
