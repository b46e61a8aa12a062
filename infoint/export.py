"""The data out again: contacts as CSV, a readable Excel workbook, formula-safe.

A name or company starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a
formula when the file is opened in a spreadsheet (OWASP's CSV injection). The workbook stores
such values as text cells with Excel's quote prefix; the CSV prefixes them with `'`, which
`restore` strips again when infoint reads its own CSV back.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from infoint import funnel
from infoint.errors import InvalidInputError

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_KINDS = {".csv": "csv", ".xlsx": "xlsx"}
# How dates look in the workbook, as on the pages ("26 Nov 2026").
EXCEL_DATE = "d mmm yyyy"
EXCEL_MOMENT = "d mmm yyyy, hh:mm"

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


def _labels_sql(column: str, labels: dict[str, str]) -> str:
    """Our stored codes ('ruled_out', 'follow_up') as the words the pages show."""
    cases = " ".join(
        f"WHEN '{code}' THEN '{label.replace(chr(39), chr(39) * 2)}'"
        for code, label in labels.items()
    )
    return f"CASE {column} {cases} ELSE {column} END"


def _person(alias: str) -> str:
    return f"trim({alias}.first_name || ' ' || {alias}.last_name)"


def _sheets() -> dict[str, str]:
    """The workbook for the job seeker: a sheet per thing they keep track of, with names,
    companies and words instead of internal ids and codes. The `ID` columns are there to
    tell two people of the same name apart across sheets. Internal tables (import history
    and undo, reminders' snoozes, migrations) stay out."""
    from infoint import contacts, interactions, meetings, questions, targets

    return {
        "Contacts": f"""
            SELECT c.id AS "ID", c.first_name AS "First name", c.last_name AS "Last name",
                   coalesce(co.name, '') AS "Company", c.position AS "Position",
                   {_STAGE_LABEL} AS "Stage", c.degree AS "Degree",
                   coalesce(nullif(c.email, ''), c.linkedin_email) AS "Email",
                   coalesce(c.linkedin_url, '') AS "LinkedIn profile",
                   c.connected_on AS "Connected on",
                   coalesce({_person("m")}, '') AS "Mutual contact",
                   coalesce({_person("r")}, '') AS "Introduced by",
                   {_labels_sql("c.source", contacts.SOURCE_LABELS)} AS "Came from",
                   c.tags AS "Tags", c.notes AS "Notes",
                   CAST(c.created_at AS DATE) AS "Added on"
            FROM contacts c
            LEFT JOIN companies co ON co.id = c.company_id
            LEFT JOIN contacts m ON m.id = c.mutual_contact_id
            LEFT JOIN contacts r ON r.id = c.referred_by
            LEFT JOIN contact_stages s ON s.contact_id = c.id
            ORDER BY lower(c.last_name), lower(c.first_name), c.id
        """,
        "Companies": f"""
            SELECT co.id AS "ID", co.name AS "Company", coalesce(co.industry, '') AS "Industry",
                   {_labels_sql("co.status", targets.STATUS_LABELS)} AS "Status",
                   coalesce(co.ruled_out_reason, '') AS "Why ruled out",
                   co.motivation AS "Motivation (0–3)", co.postings AS "Postings (0–3)",
                   (SELECT count(*) FROM contacts c WHERE c.company_id = co.id)
                       AS "People there",
                   co.research_notes AS "Research notes",
                   CAST(co.created_at AS DATE) AS "Added on"
            FROM companies co
            ORDER BY co.status = 'network', lower(co.name), co.id
        """,
        "Interactions": f"""
            SELECT i.occurred_at AS "When", {_person("c")} AS "Person", c.id AS "Contact ID",
                   coalesce(co.name, '') AS "Company",
                   {_labels_sql("i.kind", interactions.KIND_LABELS)} AS "What",
                   {_labels_sql("i.channel", interactions.CHANNEL_LABELS)} AS "How",
                   coalesce(t.name, '') AS "Template", i.subject AS "Subject",
                   i.body AS "Notes"
            FROM interactions i
            JOIN contacts c ON c.id = i.contact_id
            LEFT JOIN companies co ON co.id = c.company_id
            LEFT JOIN templates t ON t.id = i.template_id
            ORDER BY i.occurred_at, i.id
        """,
        # Times as on the clock where you live (DuckDB's TimeZone is the profile's).
        "Meetings": f"""
            SELECT CAST(m.starts_at AS TIMESTAMP) AS "When (your time)",
                   {_person("c")} AS "Person", c.id AS "Contact ID",
                   coalesce(co.name, '') AS "Company",
                   {_labels_sql("m.status", meetings.STATUS_LABELS)} AS "Status",
                   m.promised_minutes AS "Minutes promised", m.actual_minutes AS "Minutes taken",
                   m.place AS "Where", m.prep_notes AS "Preparation", m.notes AS "Notes"
            FROM meetings m
            JOIN contacts c ON c.id = m.contact_id
            LEFT JOIN companies co ON co.id = c.company_id
            ORDER BY m.starts_at, m.id
        """,
        "Questions and answers": f"""
            SELECT CAST(m.starts_at AS TIMESTAMP) AS "Meeting", {_person("c")} AS "Person",
                   c.id AS "Contact ID", q.question AS "Question", q.answer AS "Answer"
            FROM meeting_questions q
            JOIN meetings m ON m.id = q.meeting_id
            JOIN contacts c ON c.id = m.contact_id
            ORDER BY m.starts_at, q.id
        """,
        "Introductions": f"""
            SELECT {_person("r")} AS "Introduced by", r.id AS "Their ID",
                   {_person("c")} AS "Person introduced", c.id AS "Contact ID",
                   coalesce(co.name, '') AS "Company", c.position AS "Position",
                   CAST(c.created_at AS DATE) AS "Added on"
            FROM contacts c
            JOIN contacts r ON r.id = c.referred_by
            LEFT JOIN companies co ON co.id = c.company_id
            ORDER BY c.created_at, c.id
        """,
        "Job changes": f"""
            SELECT CAST(ch.changed_at AS DATE) AS "Seen on", {_person("c")} AS "Person",
                   c.id AS "Contact ID",
                   CASE ch.field WHEN 'company' THEN 'Company' WHEN 'position' THEN 'Position'
                        ELSE ch.field END AS "What changed",
                   coalesce(ch.old_value, '') AS "Before", coalesce(ch.new_value, '') AS "After"
            FROM contact_changes ch
            JOIN contacts c ON c.id = ch.contact_id
            ORDER BY ch.changed_at, ch.id
        """,
        "Ruled-out industries": """
            SELECT industry AS "Industry", reason AS "Why",
                   CAST(ruled_out_at AS DATE) AS "Ruled out on"
            FROM ruled_out_industries
            ORDER BY lower(industry)
        """,
        "Templates": """
            SELECT name AS "Template", subject AS "Subject", body AS "Text",
                   CASE WHEN archived THEN 'Archived' ELSE 'In use' END AS "Status"
            FROM templates
            ORDER BY archived, lower(name), id
        """,
        "Question bank": f"""
            SELECT text AS "Question",
                   {_labels_sql("category", questions.CATEGORY_LABELS)} AS "Kind",
                   {_labels_sql("need", questions.NEED_LABELS)} AS "When you learn about",
                   CASE WHEN archived THEN 'Archived' ELSE 'In use' END AS "Status"
            FROM questions
            ORDER BY archived, id
        """,
    }


def workbook_bytes(conn: duckdb.DuckDBPyConnection) -> bytes:
    """Everything the user keeps in infoint, readable, as an .xlsx workbook (see `_sheets`)."""
    from openpyxl import Workbook  # imported here: only exports need it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, query in _sheets().items():
        sheet = workbook.create_sheet(title)
        result = conn.execute(query)
        headers = [column[0] for column in result.description]
        sheet.freeze_panes = "A2"
        for number, header in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = max(12, len(header) + 4)
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in result.fetchall():
            cells = []
            for value in row:
                if isinstance(value, datetime):
                    cell = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))
                    cell.number_format = EXCEL_MOMENT
                elif isinstance(value, date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = EXCEL_DATE
                elif isinstance(value, str):
                    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                    cell.data_type = "s"  # openpyxl would otherwise take "=…" for a formula
                    if value.startswith(FORMULA_TRIGGERS):
                        cell.quotePrefix = True
                else:
                    cell = value
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
