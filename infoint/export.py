"""The data out again: contacts as CSV, a readable Excel workbook, formula-safe.

A name or company starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a
formula when the file is opened in a spreadsheet (OWASP's CSV injection). The workbook stores
such values as text cells with Excel's quote prefix; the CSV prefixes them with `'`, which
`restore` strips again when infoint reads its own CSV back.
"""

from __future__ import annotations

import functools
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from infoint import funnel
from infoint.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Callable

    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

    from infoint.importer import Progress

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
    name = Path(path).name
    kind = EXPORT_KINDS.get(Path(path).suffix.lower())
    if kind is None and name.lower() in EXPORT_KINDS:  # ".csv": an ending, and no name before it
        raise InvalidInputError(f"Give the file a name, such as contacts{name.lower()}.")
    if kind is None:
        raise InvalidInputError(
            f"infoint can export to a .xlsx workbook or a .csv file, not to {name}."
        )
    return kind


# The CSV's columns are the workbook's Contacts sheet's, named alike and in words ('Came from':
# 'your LinkedIn export', not 'Source': 'linkedin'), so that the two downloads read as one. A
# CSV has no date cells: its dates are ISO text (2024-11-06), which every tool reads.
_CSV_DATES = ("Connected on", "Added on")


def contacts_frame(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per contact, as the workbook's Contacts sheet has them, dates as ISO text:
    what the CSV holds."""
    sheet = _sheets()["Contacts"]
    dates = ", ".join(
        f"coalesce(strftime(\"{column}\", '%Y-%m-%d'), '') AS \"{column}\"" for column in _CSV_DATES
    )
    # Numbered in the sheet's order, as an ORDER BY inside a subquery need not hold outside it.
    return conn.execute(
        f"""
        SELECT * EXCLUDE (csv_order) REPLACE ({dates}) FROM (
            SELECT {sheet.columns}, row_number() OVER (ORDER BY {sheet.order}) AS csv_order
            FROM {sheet.rows} {sheet.lookups} WHERE {sheet.where}
        ) ORDER BY csv_order
        """,
        list(sheet.params),
    ).df()


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

    `rows` holds the FROM and the inner joins, and `where` (with its `params`) the rows of
    those kept: one row of the sheet per row kept. `lookups` holds LEFT JOINs on a unique
    key, which only add names and labels, never rows; counting `rows` alone is therefore
    exact, and cheap (the stages in `lookups` are not)."""

    columns: str
    rows: str
    order: str
    lookups: str = ""
    where: str = "TRUE"
    params: tuple = ()

    def query(self) -> str:
        return (
            f"SELECT {self.columns} FROM {self.rows} {self.lookups} WHERE {self.where}"
            f" ORDER BY {self.order}"
        )


def _sheets() -> dict[str, _Sheet]:
    """The workbook for the job seeker: a sheet per thing they keep track of, with names,
    companies and words instead of internal ids and codes. The `ID` columns are there to
    tell two people of the same name apart across sheets. Internal tables (import history
    and undo, reminders' snoozes, migrations) stay out. Times are TIMESTAMPs on the clock
    where the user lives (DuckDB's TimeZone is the profile's), never with a time zone.

    The companies are those the Targets page lists for the whole network: a placeholder
    employer such as 'N/A' is no company (its people keep it as their Company), so the sheet
    has as many rows as Targets and Settings count companies."""
    from infoint import contacts, interactions, meetings, questions, targets

    listed, listed_params = targets.CompanyFilter(whole_network=True).where()
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
            where=listed,
            params=tuple(listed_params),
            order="co.status = 'network', lower(co.name), co.id",
        ),
        "Interactions": _Sheet(
            columns=f"""
                i.occurred_at AS "When", {_person("c")} AS "Person", c.id AS "Contact ID",
                coalesce(co.name, '') AS "Company",
                {_labels_sql("i.kind", interactions.KIND_LABELS)} AS "What",
                {_labels_sql("i.channel", interactions.CHANNEL_LABELS)} AS "How",
                coalesce(t.name, '') AS "Template", i.subject AS "Subject",
                i.body AS "Notes", CAST(tm.starts_at AS TIMESTAMP) AS "For the meeting on"
            """,
            rows="interactions i JOIN contacts c ON c.id = i.contact_id",
            lookups="""
                LEFT JOIN companies co ON co.id = c.company_id
                LEFT JOIN templates t ON t.id = i.template_id
                LEFT JOIN meetings tm ON tm.id = i.meeting_id
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
                CAST(c.referred_at AS DATE) AS "Introduced on"
            """,
            rows="contacts c JOIN contacts r ON r.id = c.referred_by",
            lookups="LEFT JOIN companies co ON co.id = c.company_id",
            order="c.referred_at, c.id",
        ),
        "Job changes": _Sheet(
            columns=f"""
                CAST(ch.changed_at AS DATE) AS "Seen on", {_person("c")} AS "Person",
                c.id AS "Contact ID",
                CASE ch.field WHEN 'company' THEN 'Company' WHEN 'position' THEN 'Position'
                     ELSE ch.field END AS "What changed",
                coalesce(ch.old_value, '') AS "Before", coalesce(ch.new_value, '') AS "After",
                -- a change with no import is the user's own correction on Edit details
                CASE WHEN ch.batch_id IS NULL THEN 'You corrected it'
                     ELSE 'Your LinkedIn export' END AS "Seen in"
            """,
            rows="contact_changes ch JOIN contacts c ON c.id = ch.contact_id",
            # Not what an older file put back (importer.OLDER_FILE_FIELDS): no job change.
            where="ch.field IN ('company', 'position')",
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
                {_labels_sql("need", questions.NEED_LABELS)} AS "Useful when learning about",
                CASE WHEN archived THEN 'Archived' ELSE 'In use' END AS "Status"
            """,
            rows="questions",
            order="archived, id",
        ),
    }


def sheet_titles() -> tuple[str, ...]:
    """The workbook's sheets, in order: how an upload of it is known again."""
    return tuple(_sheets())


def sheet_sizes(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows each sheet of the workbook will have, in one cheap query, to say what a
    download holds before it is built."""
    sheets = _sheets()
    counts = " UNION ALL ".join(  # a third of the time of ten scalar subqueries in one row
        f"SELECT {number}, count(*) FROM {sheet.rows} WHERE {sheet.where}"
        for number, sheet in enumerate(sheets.values())
    )
    params = [param for sheet in sheets.values() for param in sheet.params]
    sizes = dict(conn.execute(counts, params).fetchall())
    return {title: sizes[number] for number, title in enumerate(sheets)}


def describe_sizes(sizes: dict[str, int]) -> str:
    """'Contacts 29,699 · Companies 1,963 · …': the sheets and their rows on one line."""
    return " · ".join(f"{title} {rows:,}" for title, rows in sizes.items())


# The workbook is written by xlsxwriter, row by row in its constant-memory mode: about 4 s of
# CPU for the heavy user's 30,000 contacts (600,000 cells), against 12 s with openpyxl. Our own
# Office Open XML took 0.6 s, but a well-kept library knows what Excel accepts and we cannot
# try files in Excel here. Text is made ready a column at a time with Arrow's kernels, so the
# loop over cells only hands values to xlsxwriter. A batch is also how often the progress moves
# within a sheet: 5,000 contacts take about half a second.
_BATCH_ROWS = 5_000
# Of the progress, the share for writing the sheets (by rows); zipping the file takes the rest.
_WRITING_SHARE = 0.95
# Characters XML 1.0 cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE): dropped. xlsxwriter would
# write them as Excel's `_x0002_` escapes, which openpyxl (reading target lists) shows as such.
_ILLEGAL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
# The most an Excel cell holds, counted as Excel and xlsxwriter count: in UTF-16 units, so an
# emoji takes 2. xlsxwriter 3.3 cuts a longer text there without a word (write_string returns
# -2); we cut it ourselves, so that the cell says it was cut and the export can say how many.
CELL_LIMIT = 32_767
CUT_MARKER = "… [cut: the rest is in infoint]"
_KEPT_UNITS = CELL_LIMIT - len(CUT_MARKER)  # the marker is within the BMP: a unit a character


@dataclass(frozen=True)
class _Formats:
    header: Format
    date: Format
    moment: Format
    quoted: Format


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str) -> str:
    """As much of the text as a cell holds with the marker after it; a character beyond
    U+FFFF split by the cut (half of its two units) is dropped, as the decoder ignores it."""
    kept = text.encode("utf-16-le")[: 2 * _KEPT_UNITS].decode("utf-16-le", "ignore")
    return kept + CUT_MARKER


def _text(values: pa.Array) -> tuple[list[str | None], list[bool] | None, int]:
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


def _column(sheet: Worksheet, values: pa.Array, first_row: int, formats: _Formats):
    """A column of a batch as Python values, the worksheet method that writes one of them, its
    format and how many of its texts were cut, chosen from the column's type."""
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        text, quoted, cut = _text(values)
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


def _write_rows(
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
            *(_column(sheet, values, row, formats) for values in batch.columns), strict=True
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


@dataclass(frozen=True)
class PreparedWorkbook:
    """The workbook's file, and per sheet how many texts it holds cut (sheets with none left
    out): the user may keep the workbook as their copy, so they are told."""

    data: bytes
    cut: dict[str, int]


@dataclass(frozen=True)
class WrittenExport:
    """Where an export was written, and what its workbook had to cut (nothing for a CSV)."""

    path: Path
    cut: dict[str, int]


def describe_cut(cut: dict[str, int]) -> str:
    """One sentence on the texts too long for a cell, or '' when none was: infoint still has
    them whole, which is what a user keeping the workbook as a copy needs to know."""
    total = sum(cut.values())
    if total == 0:
        return ""
    ending = f"ending in “{CUT_MARKER}”, and infoint keeps"
    if total == 1:
        return (
            f"1 text was longer than one Excel cell can hold ({next(iter(cut))}); the workbook "
            f"has its first {_KEPT_UNITS:,} characters, {ending} it whole."
        )
    sheets = ", ".join(f"{title} {count:,}" for title, count in cut.items())
    return (
        f"{total:,} texts were longer than one Excel cell can hold ({sheets}); the workbook "
        f"has the first {_KEPT_UNITS:,} characters of each, {ending} them whole."
    )


def prepare_workbook(
    conn: duckdb.DuckDBPyConnection, progress: Progress | None = None
) -> PreparedWorkbook:
    """Everything the user keeps in infoint, readable, as an .xlsx workbook (see `_sheets`):
    bold headers in a frozen first row, columns as wide as their headers, dates as dates.

    `progress` hears how far it is (0 to 1, by rows written) and which sheet it writes, per
    sheet and per batch of rows: 30,000 contacts take seconds, which a spinner leaves unsaid."""
    from xlsxwriter import Workbook  # imported here: only exports need it (77 ms)

    buffer = io.BytesIO()
    workbook = Workbook(
        buffer,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    formats = _Formats(
        header=workbook.add_format({"bold": True}),
        date=workbook.add_format({"num_format": EXCEL_DATE}),
        moment=workbook.add_format({"num_format": EXCEL_MOMENT}),
        quoted=workbook.add_format({"quote_prefix": True}),
    )
    tell = _progress_by_rows(conn, progress)
    cut = {}
    for title, query in _sheets().items():
        sheet = workbook.add_worksheet(title)
        reader = conn.sql(query.query(), params=list(query.params)).to_arrow_reader(_BATCH_ROWS)
        sheet.freeze_panes(1, 0)
        for col, header in enumerate(reader.schema.names):
            sheet.set_column(col, col, max(12, len(header) + 4))
            sheet.write_string(0, col, header, formats.header)
        tell(title, 0)
        if sheet_cut := _write_rows(
            sheet, reader, formats, lambda rows, title=title: tell(title, rows)
        ):
            cut[title] = sheet_cut
    if progress is not None:
        progress(_WRITING_SHARE, "Putting the workbook together…")
    workbook.close()
    if progress is not None:
        progress(1.0, "Your workbook is ready.")
    return PreparedWorkbook(buffer.getvalue(), cut)


def _progress_by_rows(
    conn: duckdb.DuckDBPyConnection, progress: Progress | None
) -> Callable[[str, int], None]:
    """A reporter of `rows` written in sheet `title`, as a share of every sheet's rows: a
    sheet counts one more than its rows, so that an empty one moves the bar too. Nothing is
    counted when nobody listens."""
    if progress is None:
        return lambda title, rows: None
    sizes = sheet_sizes(conn)
    total = sum(sizes.values()) + len(sizes)
    before = {}
    done = 0
    for title, size in sizes.items():
        before[title] = done
        done += size + 1

    def tell(title: str, rows: int) -> None:
        fraction = _WRITING_SHARE * (before[title] + rows + (rows > 0)) / total
        size = sizes[title]
        where = f" ({rows:,} of {size:,} rows)" if size > _BATCH_ROWS and 0 < rows < size else ""
        progress(fraction, f"Writing the {title} sheet{where}…")

    return tell


def workbook_bytes(conn: duckdb.DuckDBPyConnection) -> bytes:
    """The workbook's file alone, for a reader that needs no word on cut texts."""
    return prepare_workbook(conn).data


class ExistingFileError(InvalidInputError):
    """Something is already at the export's path, and it was not to be replaced."""


def check_target(path: str | Path, *, replace: bool = False) -> None:
    """Our error for a file of the wrong kind, or for anything already at `path` unless
    `replace`: an export never quietly replaces a file the user may still need. Cheap, so a
    command can check before it opens the database."""
    target = Path(path)
    if target.is_dir():  # its name alone could pass for a file's ("old.csv/"); never replaced
        raise InvalidInputError(
            f"{target} is a folder; give a file name inside it, such as {target / 'contacts.xlsx'}."
        )
    export_kind(path)
    if not replace and (target.exists() or target.is_symlink()):
        raise ExistingFileError(f"{target} is already there, so nothing was written.")


def write_export(
    conn: duckdb.DuckDBPyConnection, path: str | Path, *, replace: bool = False
) -> WrittenExport:
    """Write the contacts CSV or the workbook, chosen by the file's extension. The CSV has no
    cell limit: its texts are whole. Anything already at `path` is kept (`ExistingFileError`)
    unless `replace`; then the new file takes its place only once it is written whole."""
    check_target(path, replace=replace)
    target = Path(path)
    if export_kind(target) == "csv":
        data, cut = contacts_csv_bytes(conn), {}
    else:
        prepared = prepare_workbook(conn)
        data, cut = prepared.data, prepared.cut
    try:
        if replace:
            _replace_with(target, data)
        else:
            _write_new(target, data)
    except FileExistsError:  # made by something else while the export was being prepared
        raise ExistingFileError(f"{target} is already there, so nothing was written.") from None
    except OSError as exc:
        raise InvalidInputError(f"{target} could not be written ({exc.strerror}).") from None
    return WrittenExport(target, cut)


def _write_new(target: Path, data: bytes) -> None:
    """Create `target` with `data`; a file that appeared there meanwhile is left alone, and a
    write that fails part way leaves nothing behind."""
    with target.open("xb") as file:
        try:
            file.write(data)
        except OSError:
            file.close()
            target.unlink(missing_ok=True)
            raise


def _replace_with(target: Path, data: bytes) -> None:
    """Write `data` beside `target`, then put it in its place in one step: a write that fails
    (a full disk) leaves the old file as it was."""
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with part.open("xb") as file:
            file.write(data)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
