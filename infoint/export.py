"""The data out again: contacts as CSV, a readable Excel workbook, formula-safe.

A name or company starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a
formula when the file is opened in a spreadsheet (OWASP's CSV injection). The workbook stores
such values as text cells with Excel's quote prefix; the CSV prefixes them with `'`, which
`restore` strips again when infoint reads its own CSV back.
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


@dataclass(frozen=True)
class _Sheet:
    """One sheet's query in parts, so its rows can be counted without building it.

    `rows` holds the FROM and the inner joins: one row of the sheet per row there. `lookups`
    holds LEFT JOINs on a unique key, which only add names and labels, never rows; counting
    `rows` alone is therefore exact, and cheap (the stages in `lookups` are not)."""

    columns: str
    rows: str
    order: str
    lookups: str = ""

    def query(self) -> str:
        return f"SELECT {self.columns} FROM {self.rows} {self.lookups} ORDER BY {self.order}"


def _sheets() -> dict[str, _Sheet]:
    """The workbook for the job seeker: a sheet per thing they keep track of, with names,
    companies and words instead of internal ids and codes. The `ID` columns are there to
    tell two people of the same name apart across sheets. Internal tables (import history
    and undo, reminders' snoozes, migrations) stay out. Times are TIMESTAMPs on the clock
    where the user lives (DuckDB's TimeZone is the profile's), never with a time zone."""
    from infoint import contacts, interactions, meetings, questions, targets

    return {
        "Contacts": _Sheet(
            columns=f"""
                c.id AS "ID", c.first_name AS "First name", c.last_name AS "Last name",
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
            """,
            rows="contacts c",
            lookups="""
                LEFT JOIN companies co ON co.id = c.company_id
                LEFT JOIN contacts m ON m.id = c.mutual_contact_id
                LEFT JOIN contacts r ON r.id = c.referred_by
                LEFT JOIN contact_stages s ON s.contact_id = c.id
            """,
            order="lower(c.last_name), lower(c.first_name), c.id",
        ),
        "Companies": _Sheet(
            columns=f"""
                co.id AS "ID", co.name AS "Company", coalesce(co.industry, '') AS "Industry",
                {_labels_sql("co.status", targets.STATUS_LABELS)} AS "Status",
                coalesce(co.ruled_out_reason, '') AS "Why ruled out",
                co.motivation AS "Motivation (0–3)", co.postings AS "Postings (0–3)",
                (SELECT count(*) FROM contacts c WHERE c.company_id = co.id) AS "People there",
                co.research_notes AS "Research notes",
                CAST(co.created_at AS DATE) AS "Added on"
            """,
            rows="companies co",
            order="co.status = 'network', lower(co.name), co.id",
        ),
        "Interactions": _Sheet(
            columns=f"""
                i.occurred_at AS "When", {_person("c")} AS "Person", c.id AS "Contact ID",
                coalesce(co.name, '') AS "Company",
                {_labels_sql("i.kind", interactions.KIND_LABELS)} AS "What",
                {_labels_sql("i.channel", interactions.CHANNEL_LABELS)} AS "How",
                coalesce(t.name, '') AS "Template", i.subject AS "Subject",
                i.body AS "Notes"
            """,
            rows="interactions i JOIN contacts c ON c.id = i.contact_id",
            lookups="""
                LEFT JOIN companies co ON co.id = c.company_id
                LEFT JOIN templates t ON t.id = i.template_id
            """,
            order="i.occurred_at, i.id",
        ),
        "Meetings": _Sheet(
            columns=f"""
                CAST(m.starts_at AS TIMESTAMP) AS "When (your time)",
                {_person("c")} AS "Person", c.id AS "Contact ID",
                coalesce(co.name, '') AS "Company",
                {_labels_sql("m.status", meetings.STATUS_LABELS)} AS "Status",
                m.promised_minutes AS "Minutes promised", m.actual_minutes AS "Minutes taken",
                m.place AS "Where", m.prep_notes AS "Preparation", m.notes AS "Notes"
            """,
            rows="meetings m JOIN contacts c ON c.id = m.contact_id",
            lookups="LEFT JOIN companies co ON co.id = c.company_id",
            order="m.starts_at, m.id",
        ),
        "Questions and answers": _Sheet(
            columns=f"""
                CAST(m.starts_at AS TIMESTAMP) AS "Meeting", {_person("c")} AS "Person",
                c.id AS "Contact ID", q.question AS "Question", q.answer AS "Answer"
            """,
            rows="""
                meeting_questions q
                JOIN meetings m ON m.id = q.meeting_id
                JOIN contacts c ON c.id = m.contact_id
            """,
            order="m.starts_at, q.id",
        ),
        "Introductions": _Sheet(
            columns=f"""
                {_person("r")} AS "Introduced by", r.id AS "Their ID",
                {_person("c")} AS "Person introduced", c.id AS "Contact ID",
                coalesce(co.name, '') AS "Company", c.position AS "Position",
                CAST(c.created_at AS DATE) AS "Added on"
            """,
            rows="contacts c JOIN contacts r ON r.id = c.referred_by",
            lookups="LEFT JOIN companies co ON co.id = c.company_id",
            order="c.created_at, c.id",
        ),
        "Job changes": _Sheet(
            columns=f"""
                CAST(ch.changed_at AS DATE) AS "Seen on", {_person("c")} AS "Person",
                c.id AS "Contact ID",
                CASE ch.field WHEN 'company' THEN 'Company' WHEN 'position' THEN 'Position'
                     ELSE ch.field END AS "What changed",
                coalesce(ch.old_value, '') AS "Before", coalesce(ch.new_value, '') AS "After"
            """,
            rows="contact_changes ch JOIN contacts c ON c.id = ch.contact_id",
            order="ch.changed_at, ch.id",
        ),
        "Ruled-out industries": _Sheet(
            columns="""
                industry AS "Industry", reason AS "Why",
                CAST(ruled_out_at AS DATE) AS "Ruled out on"
            """,
            rows="ruled_out_industries",
            order="lower(industry)",
        ),
        "Templates": _Sheet(
            columns="""
                name AS "Template", subject AS "Subject", body AS "Text",
                CASE WHEN archived THEN 'Archived' ELSE 'In use' END AS "Status"
            """,
            rows="templates",
            order="archived, lower(name), id",
        ),
        "Question bank": _Sheet(
            columns=f"""
                text AS "Question",
                {_labels_sql("category", questions.CATEGORY_LABELS)} AS "Kind",
                {_labels_sql("need", questions.NEED_LABELS)} AS "When you learn about",
                CASE WHEN archived THEN 'Archived' ELSE 'In use' END AS "Status"
            """,
            rows="questions",
            order="archived, id",
        ),
    }


def sheet_sizes(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows each sheet of the workbook will have, in one cheap query, to say what a
    download holds before it is built."""
    sheets = _sheets()
    counts = " UNION ALL ".join(  # a third of the time of ten scalar subqueries in one row
        f"SELECT {number}, count(*) FROM {sheet.rows}"
        for number, sheet in enumerate(sheets.values())
    )
    sizes = dict(conn.execute(counts).fetchall())
    return {title: sizes[number] for number, title in enumerate(sheets)}


def describe_sizes(sizes: dict[str, int]) -> str:
    """'Contacts 29,699 · Companies 1,963 · …': the sheets and their rows on one line."""
    return " · ".join(f"{title} {rows:,}" for title, rows in sizes.items())


# The workbook is written as Office Open XML directly, a column at a time with Arrow's string
# kernels. openpyxl, even write-only, builds and serialises an object per cell in Python: about
# 11 s of CPU for the heavy user's 30,000 contacts (450,000 cells), against 0.6 s this way.
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Cell styles by their place in cellXfs below.
_HEADER_STYLE, _DATE_STYLE, _MOMENT_STYLE, _QUOTED_STYLE = 1, 2, 3, 4
_STYLES = f"""{_XML}<styleSheet xmlns="{_MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode={quoteattr(EXCEL_DATE)}/>\
<numFmt numFmtId="165" formatCode={quoteattr(EXCEL_MOMENT)}/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
# Characters XML 1.0 cannot hold at all (openpyxl's ILLEGAL_CHARACTERS_RE): dropped.
_ILLEGAL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
# Excel counts days from 30 Dec 1899 (its 1900 leap-year slip only touches Jan–Feb 1900).
_EXCEL_EPOCH = datetime(1899, 12, 30)
_MICROSECONDS_A_DAY = 86_400_000_000


def _column_letter(number: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text_cells(values: pa.Array, starts: pa.Array) -> pa.Array:
    """Inline string cells; empty text is no cell. A formula start gets the quote prefix."""
    text = pc.replace_substring_regex(values, _ILLEGAL, "")
    for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = pc.replace_substring(text, raw, escaped)
    formula_start = functools.reduce(
        pc.or_, (pc.starts_with(text, trigger) for trigger in FORMULA_TRIGGERS)
    )
    opening = pc.if_else(
        formula_start,
        f'" s="{_QUOTED_STYLE}" t="inlineStr"><is><t xml:space="preserve">',
        '" t="inlineStr"><is><t xml:space="preserve">',
    )
    cells = pc.binary_join_element_wise(starts, opening, text, "</t></is></c>", "")
    return pc.if_else(pc.equal(text, ""), None, cells)


def _number_cells(numbers: pa.Array, starts: pa.Array, style: int | None = None) -> pa.Array:
    opening = '"><v>' if style is None else f'" s="{style}"><v>'
    return pc.binary_join_element_wise(
        starts, opening, pc.cast(numbers, pa.string()), "</v></c>", ""
    )


def _cells(values: pa.Array, starts: pa.Array) -> pa.Array:
    """One column's cells as XML, by the column's type; null where there is no cell.

    `starts` holds each cell's opening with its place (`<c r="B12`): a column at a time,
    Arrow's string kernels do in C what openpyxl did in Python for every cell."""
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return _text_cells(values, starts)
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        return _number_cells(values, starts)
    if pa.types.is_date(kind):
        days = pc.days_between(pa.scalar(_EXCEL_EPOCH.date()), pc.cast(values, pa.date32()))
        return _number_cells(days, starts, _DATE_STYLE)
    if pa.types.is_timestamp(kind) and kind.tz is None:
        since = pc.subtract(
            pc.cast(values, pa.timestamp("us")), pa.scalar(_EXCEL_EPOCH, pa.timestamp("us"))
        )
        days = pc.divide(pc.cast(since, pa.int64()), float(_MICROSECONDS_A_DAY))
        return _number_cells(days, starts, _MOMENT_STYLE)
    raise TypeError(f"The workbook has no cell for {kind} values; select them as text.")


def _sheet_xml(table: pa.Table) -> str:
    """A worksheet: bold headers in a frozen first row, then a row per record."""
    letters = [_column_letter(number) for number in range(1, table.num_columns + 1)]
    widths = "".join(
        f'<col min="{n}" max="{n}" width="{max(12, len(header) + 4)}" customWidth="1"/>'
        for n, header in enumerate(table.column_names, start=1)
    )
    header = "".join(
        f'<c r="{letter}1" s="{_HEADER_STYLE}" t="inlineStr"><is><t>{escape(name)}</t></is></c>'
        for letter, name in zip(letters, table.column_names, strict=True)
    )
    numbers = pc.cast(pa.array(range(2, table.num_rows + 2), pa.int64()), pa.string())
    cells = []
    for letter, column in zip(letters, table.columns, strict=True):
        starts = pc.binary_join_element_wise(f'<c r="{letter}', numbers, "")
        cells.append(pc.fill_null(_cells(column.combine_chunks(), starts), ""))
    rows = pc.binary_join_element_wise('<row r="', numbers, '">', *cells, "</row>", "")
    return (
        f'{_XML}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{widths}</cols>'
        f'<sheetData><row r="1">{header}</row>{"".join(rows.to_pylist())}</sheetData></worksheet>'
    )


def _package(sheets: dict[str, str]) -> bytes:
    """The .xlsx zip around the sheets' XML: workbook, styles and the parts that tie them."""
    names = [f"sheet{n}.xml" for n in range(1, len(sheets) + 1)]
    content_types = "".join(
        f'<Override PartName="/xl/worksheets/{name}" ContentType="{_CONTENT}.worksheet+xml"/>'
        for name in names
    )
    listed = "".join(
        f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>'
        for n, title in enumerate(sheets, start=1)
    )
    related = "".join(
        f'<Relationship Id="rId{n}" Type="{_RELATIONS}/worksheet" Target="worksheets/{name}"/>'
        for n, name in enumerate(names, start=1)
    )
    parts = {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CONTENT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CONTENT}.styles+xml"/>'
            f"{content_types}</Types>"
        ),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{_PACKAGE_RELATIONS}"><Relationship Id="rId1" '
            f'Type="{_RELATIONS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONS}">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{listed}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="{_PACKAGE_RELATIONS}">{related}'
            f'<Relationship Id="rId{len(names) + 1}" Type="{_RELATIONS}/styles" '
            'Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": _STYLES,
        **{f"xl/worksheets/{name}": xml for name, xml in zip(names, sheets.values(), strict=True)},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return buffer.getvalue()


def workbook_bytes(conn: duckdb.DuckDBPyConnection) -> bytes:
    """Everything the user keeps in infoint, readable, as an .xlsx workbook (see `_sheets`)."""
    return _package(
        {
            title: _sheet_xml(conn.sql(sheet.query()).to_arrow_table())
            for title, sheet in _sheets().items()
        }
    )


def write_export(conn: duckdb.DuckDBPyConnection, path: str | Path) -> Path:
    """Write the contacts CSV or the workbook, chosen by the file's extension."""
    target = Path(path)
    data = contacts_csv_bytes(conn) if export_kind(target) == "csv" else workbook_bytes(conn)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise InvalidInputError(f"{target} could not be written ({exc.strerror}).") from None
    return target
