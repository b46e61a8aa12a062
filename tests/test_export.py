import csv
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from infoint import contacts, export, interactions, meetings, targets
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
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
                    if cell.value.startswith(export.FORMULA_TRIGGERS):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate)
    # A carriage return is written as a line feed, as XML would read a bare one anyway.
    assert {value.replace("\r", "\n") for value in HOSTILE} <= texts
    assert "=cmd()" in texts
    assert book["Contacts"].max_row == len(HOSTILE) + 1


def sheet_rows(book, title: str) -> list[dict]:
    rows = list(book[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def campaign(conn):
    """Ana at Acme (a target in Health): written to on Mon 2 March, met on Tue 10 March at
    9:30 your time, asked one question; she introduced Bo. Returns their ids."""
    targets.add_company(conn, "Acme", industry="Health", motivation=3)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="PM")
    bo = contacts.add_contact(conn, "Bo", "Chen", company="Acme", referred_by=ana, degree="2nd")
    interactions.log_interaction(
        conn, ana, "outreach", channel="linkedin", occurred_at=datetime(2026, 3, 2, 9, 15)
    )
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 9, 30, tzinfo=UTC))
    conn.execute(
        "INSERT INTO meeting_questions (meeting_id, question, answer)"
        " VALUES (?, 'What surprised you?', 'The travel')",
        [meeting],
    )
    return ana, bo


def test_the_workbook_reads_as_a_job_seekers_record_not_a_database_dump(conn, campaign):
    ana, bo = campaign
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    assert book.sheetnames == [
        "Contacts",
        "Companies",
        "Interactions",
        "Meetings",
        "Questions and answers",
        "Introductions",
        "Job changes",
        "Ruled-out industries",
        "Templates",
        "Question bank",
    ]  # no import history, undo records, reminder states or migrations
    headers = {title: next(book[title].iter_rows(values_only=True)) for title in book.sheetnames}
    for title, columns in headers.items():
        for internal in ("company_id", "contact_id", "profile_key", "match_key", "template_id"):
            assert internal not in columns, (title, internal)
    people = sheet_rows(book, "Contacts")
    assert [(p["ID"], p["First name"], p["Company"], p["Position"]) for p in people] == [
        (bo, "Bo", "Acme", None),
        (ana, "Ana", "Acme", "PM"),
    ]  # by last name; an empty cell reads back as None
    assert [p["Stage"] for p in people] == ["Not contacted", "Referred"]
    assert people[0]["Introduced by"] == "Ana Lee"
    [company] = sheet_rows(book, "Companies")
    assert (company["Company"], company["Industry"], company["Status"]) == (
        "Acme",
        "Health",
        "Target",
    )
    assert (company["Motivation (0–3)"], company["People there"]) == (3, 2)
    [logged] = sheet_rows(book, "Interactions")
    assert (logged["Person"], logged["Company"], logged["What"], logged["How"]) == (
        "Ana Lee",
        "Acme",
        "Outreach",
        "LinkedIn",
    )
    assert logged["When"] == datetime(2026, 3, 2, 9, 15)
    assert book["Interactions"]["A2"].number_format == export.EXCEL_MOMENT
    [met] = sheet_rows(book, "Meetings")
    assert (met["Person"], met["Status"], met["Minutes promised"]) == ("Ana Lee", "Scheduled", 20)
    assert met["When (your time)"] == datetime(2026, 3, 10, 9, 30)  # the profile zone is UTC
    [asked] = sheet_rows(book, "Questions and answers")
    assert (asked["Person"], asked["Question"], asked["Answer"]) == (
        "Ana Lee",
        "What surprised you?",
        "The travel",
    )
    [introduced] = sheet_rows(book, "Introductions")
    assert (introduced["Introduced by"], introduced["Person introduced"]) == ("Ana Lee", "Bo Chen")


HEADERS = {
    "Contacts": (
        "ID", "First name", "Last name", "Company", "Position", "Stage", "Degree", "Email",
        "LinkedIn profile", "Connected on", "Mutual contact", "Introduced by", "Came from",
        "Tags", "Notes", "Added on",
    ),
    "Companies": (
        "ID", "Company", "Industry", "Status", "Why ruled out", "Motivation (0–3)",
        "Postings (0–3)", "People there", "Research notes", "Added on",
    ),
    "Interactions": (
        "When", "Person", "Contact ID", "Company", "What", "How", "Template", "Subject", "Notes",
        "For the meeting on",
    ),
    "Meetings": (
        "When (your time)", "Person", "Contact ID", "Company", "Status", "Minutes promised",
        "Minutes taken", "Where", "Preparation", "Notes",
    ),
    "Questions and answers": ("Meeting", "Person", "Contact ID", "Question", "Answer"),
    "Introductions": (
        "Introduced by", "Their ID", "Person introduced", "Contact ID", "Company", "Position",
        "Introduced on",
    ),
    "Job changes": (
        "Seen on",
        "Person",
        "Contact ID",
        "What changed",
        "Before",
        "After",
        "Seen in",
    ),
    "Ruled-out industries": ("Industry", "Why", "Ruled out on"),
    "Templates": ("Template", "Subject", "Text", "Status"),
    "Question bank": ("Question", "Kind", "Useful when learning about", "Status"),
}  # fmt: skip


def shown_widths(sheet) -> list[float]:
    """Each column's width as Excel shows it, in characters. xlsxwriter stores a width with
    Excel's 5 pixels of cell padding (a character is 7 pixels in Calibri 11), and columns of
    equal width side by side as one range, which openpyxl files under the first column."""
    widths = {}
    for dimension in sheet.column_dimensions.values():
        for number in range(dimension.min, dimension.max + 1):
            widths[number] = round((dimension.width * 7 - 5) / 7, 2)
    return [widths.get(number) for number in range(1, sheet.max_column + 1)]


def test_every_sheet_keeps_its_bold_frozen_headers_widths_and_date_formats(conn, campaign):
    ana, bo = campaign
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    assert tuple(book.sheetnames) == tuple(HEADERS)
    for title, headers in HEADERS.items():
        sheet = book[title]
        assert tuple(cell.value for cell in sheet[1]) == headers, title
        assert all(cell.font.b for cell in sheet[1]), title
        assert sheet.freeze_panes == "A2", title
        assert shown_widths(sheet) == [max(12, len(header) + 4) for header in headers], title
    [[added_on]] = conn.execute("SELECT CAST(created_at AS DATE) FROM contacts LIMIT 1").fetchall()
    added_on = datetime.combine(added_on, datetime.min.time())  # Excel keeps no bare dates
    contacts_row = [cell.value for cell in book["Contacts"][3]]
    assert contacts_row == [
        ana, "Ana", "Lee", "Acme", "PM", "Referred", "1st", None, None, None, None, None,
        "added by hand", None, None, added_on,
    ]  # fmt: skip
    assert book["Contacts"]["P3"].number_format == export.EXCEL_DATE
    assert [cell.value for cell in book["Companies"][2]] == [
        1, "Acme", "Health", "Target", None, 3, 0, 2, None, added_on,
    ]  # fmt: skip
    assert book["Companies"]["J2"].number_format == export.EXCEL_DATE
    assert [cell.value for cell in book["Meetings"][2]] == [
        datetime(2026, 3, 10, 9, 30), "Ana Lee", ana, "Acme", "Scheduled", 20, None, None,
        None, None,
    ]  # fmt: skip
    assert book["Meetings"]["A2"].number_format == export.EXCEL_MOMENT
    assert book["Questions and answers"]["A2"].number_format == export.EXCEL_MOMENT
    [[introduced_on]] = conn.execute(
        "SELECT CAST(referred_at AS DATE) FROM contacts WHERE id = ?", [bo]
    ).fetchall()
    assert [cell.value for cell in book["Introductions"][2]] == [
        "Ana Lee", ana, "Bo Chen", bo, "Acme", None,
        datetime.combine(introduced_on, datetime.min.time()),
    ]  # fmt: skip
    assert book["Introductions"]["G2"].number_format == export.EXCEL_DATE


def test_a_thank_you_says_which_meeting_it_was_for(conn, campaign):
    """The meeting's start on the user's clock, as the Meetings sheet has it; other entries,
    and a thank-you logged for no meeting, leave the cell empty."""
    ana, _ = campaign
    meetings.set_time_zone(conn, "Europe/Berlin")  # the meeting of 9:30 UTC is at 10:30 there
    [meeting] = meetings.list_meetings(conn, ana)
    meetings.set_outcome(conn, meeting.id, "held", actual_minutes=20)
    meetings.log_thank_you(
        conn, meeting.id, subject="Thanks", body="Thanks", sent_at=datetime(2026, 3, 11, 8)
    )
    interactions.log_interaction(conn, ana, "thank_you", occurred_at=datetime(2026, 3, 12, 8))
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    assert [(i["What"], i["For the meeting on"]) for i in sheet_rows(book, "Interactions")] == [
        ("Outreach", None),
        ("Thank-you", datetime(2026, 3, 10, 10, 30)),
        ("Thank-you", None),
    ]
    assert book["Interactions"]["J3"].number_format == export.EXCEL_MOMENT
    assert export.sheet_sizes(conn)["Interactions"] == 3


def test_introductions_are_dated_and_ordered_by_when_they_were_made(conn, campaign):
    """Not by when the person was added: someone imported long ago may be introduced today."""
    ana, bo = campaign
    cy = contacts.add_contact(conn, "Cy", "Diaz", referred_by=ana)  # added after Bo
    for person, when in ((bo, datetime(2026, 3, 5, 10)), (cy, datetime(2026, 3, 1, 18))):
        conn.execute("UPDATE contacts SET referred_at = ? WHERE id = ?", [when, person])
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    introduced = [
        (i["Person introduced"], i["Introduced on"]) for i in sheet_rows(book, "Introductions")
    ]
    assert introduced == [("Cy Diaz", datetime(2026, 3, 1)), ("Bo Chen", datetime(2026, 3, 5))]


def test_sheet_sizes_say_each_sheets_rows_before_it_is_built(conn, campaign):
    [(templates, bank)] = conn.execute(
        "SELECT (SELECT count(*) FROM templates), (SELECT count(*) FROM questions)"
    ).fetchall()
    sizes = export.sheet_sizes(conn)
    assert sizes == {
        "Contacts": 2,
        "Companies": 1,
        "Interactions": 1,
        "Meetings": 1,
        "Questions and answers": 1,
        "Introductions": 1,  # Bo, introduced by Ana
        "Job changes": 0,
        "Ruled-out industries": 0,
        "Templates": templates,
        "Question bank": bank,
    }
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    assert {title: book[title].max_row - 1 for title in book.sheetnames} == sizes
    assert export.describe_sizes(sizes).startswith(
        "Contacts 2 · Companies 1 · Interactions 1 · Meetings 1 · Questions and answers 1 · "
        "Introductions 1 · Job changes 0 · Ruled-out industries 0 · Templates "
    )
    assert export.describe_sizes({"Contacts": 29_699, "Companies": 1_963}) == (
        "Contacts 29,699 · Companies 1,963"
    )


def test_text_comes_back_exactly_and_a_formula_behind_control_characters_is_quoted(conn):
    """XML can't hold control characters, so they go; what is left is checked for a formula
    start, since that is what the spreadsheet shows."""
    for n, (first, notes) in enumerate(
        [("\x02=cmd()", "<b>Zoë & 日本 😀</b>"), ("Ada", "  spaced, two\nlines  ")]
    ):
        conn.execute(
            "INSERT INTO contacts (profile_key, first_name, last_name, notes) VALUES (?, ?, ?, ?)",
            [f"k{n}", first, "Lee", notes],
        )
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    rows = {row[1].value: row for row in book["Contacts"].iter_rows(min_row=2)}
    assert set(rows) == {"=cmd()", "Ada"}
    assert (rows["=cmd()"][1].data_type, rows["=cmd()"][1].quotePrefix) == ("s", True)
    assert rows["=cmd()"][14].value == "<b>Zoë & 日本 😀</b>"
    assert (rows["Ada"][1].quotePrefix, rows["Ada"][14].value) == (False, "  spaced, two\nlines  ")


def test_the_workbook_uploaded_as_a_target_list_is_known_and_nothing_is_read(conn, campaign):
    """Its first sheet is Contacts: read as a target list, its Company column made every
    employer in the network a target in one click (1,966 for the walkthrough's user)."""
    with pytest.raises(InvalidInputError) as refused:
        targets.read_target_list(conn, export.workbook_bytes(conn), "infoint-2026-03-02.xlsx")
    assert str(refused.value) == targets.OUR_WORKBOOK
    assert str(refused.value).startswith("This is infoint's own workbook,")


def test_a_workbook_with_a_sheet_named_contacts_is_still_read_as_a_list(conn, tmp_path):
    """One sheet of ours by name is not our workbook: most of them are."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Contacts"
    book.active.append(["Company"])
    book.active.append(["Acme"])
    book.create_sheet("Companies")
    path = tmp_path / "mine.xlsx"
    book.save(path)
    assert list(targets.read_target_list(conn, path, "mine.xlsx").frame["name"]) == ["Acme"]
    assert set(export.sheet_titles()) >= {"Contacts", "Companies", "Job changes"}


def test_the_csv_names_an_introducer_as_the_workbook_and_the_app_do(conn):
    """'Introduced by', as on the Contacts page and the workbook's Contacts sheet."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    contacts.add_contact(conn, "Bo", "Chen", referred_by=ana)
    data = export.contacts_csv_bytes(conn).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert "Referred by" not in rows[0]
    assert {row["First name"]: row["Introduced by"] for row in rows} == {"Ana": "", "Bo": "Ana Lee"}
    assert "Introduced by" in HEADERS["Contacts"]


def test_an_empty_database_exports_headers_only(conn):
    rows = list(csv.reader(io.StringIO(export.contacts_csv_bytes(conn).decode("utf-8-sig"))))
    assert rows[0][:4] == ["ID", "First name", "Last name", "Company"] and len(rows) == 1
    assert load_workbook(io.BytesIO(export.workbook_bytes(conn)))["Contacts"].max_row == 1


def test_export_file_kind_comes_from_the_extension(conn, tmp_path):
    assert export.write_export(conn, tmp_path / "out.CSV").path.read_bytes().startswith(b"\xef")
    assert export.write_export(conn, tmp_path / "out.xlsx").path.read_bytes().startswith(b"PK")
    with pytest.raises(InvalidInputError, match=r"\.xlsx workbook or a \.csv file"):
        export.write_export(conn, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
    with pytest.raises(InvalidInputError, match="could not be written"):
        export.write_export(conn, tmp_path / "missing" / "out.csv")


def set_notes(conn, contact_id: int, notes: str) -> None:
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [notes, contact_id])


def cell_units(value: str) -> int:
    """A text's length as Excel counts it: in UTF-16 units, an emoji counting 2."""
    return len(value.encode("utf-16-le")) // 2


def test_a_text_too_long_for_a_cell_is_cut_visibly_and_counted_by_sheet(conn, campaign):
    ana, bo = campaign
    set_notes(conn, ana, "n" * 40_000)
    set_notes(conn, bo, "k" * export.CELL_LIMIT)  # fits exactly: kept whole
    prepared = export.prepare_workbook(conn)
    assert prepared.cut == {"Contacts": 1}
    notes = {row["First name"]: row["Notes"] for row in sheet_rows(load(prepared), "Contacts")}
    assert len(notes["Ana"]) == export.CELL_LIMIT == 32_767
    assert notes["Ana"] == "n" * (32_767 - len(export.CUT_MARKER)) + export.CUT_MARKER
    assert notes["Ana"].endswith("… [cut: the rest is in infoint]")
    assert notes["Bo"] == "k" * 32_767
    # infoint itself keeps the whole text.
    assert conn.execute("SELECT length(notes) FROM contacts WHERE id = ?", [ana]).fetchall() == [
        (40_000,)
    ]


def load(prepared):
    return load_workbook(io.BytesIO(prepared.data))


def test_long_texts_are_counted_on_each_sheet_and_a_formula_start_stays_harmless(conn, campaign):
    ana, _ = campaign
    note = interactions.log_interaction(conn, ana, "note", occurred_at=date(2026, 3, 3))
    # Longer than a log takes (interactions.BODY_LIMIT), as a database from before may hold.
    long_body = "=HYPERLINK(" + "x" * 40_000
    conn.execute("UPDATE interactions SET body = ? WHERE id = ?", [long_body, note])
    meeting = conn.execute("SELECT id FROM meetings").fetchall()[0][0]
    conn.execute("UPDATE meetings SET notes = ? WHERE id = ?", ["m" * 32_768, meeting])
    prepared = export.prepare_workbook(conn)
    assert prepared.cut == {"Interactions": 1, "Meetings": 1}
    book = load(prepared)
    [formula] = [row[8] for row in book["Interactions"].iter_rows(min_row=2) if row[8].value]
    assert (formula.data_type, formula.quotePrefix) == ("s", True)
    assert formula.value.startswith("=HYPERLINK(xxx") and len(formula.value) == 32_767
    assert formula.value.endswith(export.CUT_MARKER)
    [met] = sheet_rows(book, "Meetings")
    assert len(met["Notes"]) == 32_767 and met["Notes"].endswith(export.CUT_MARKER)


def test_the_cut_never_splits_an_emoji_and_counts_as_excel_does(conn, campaign):
    ana, bo = campaign
    # 16,383 emoji are 32,766 units: they fit; one more does not, though only 16,384 characters.
    # Ana's "a" puts every emoji on an odd unit, so the cut falls inside one, which goes.
    set_notes(conn, ana, "a" + "😀" * 16_384)
    set_notes(conn, bo, "😀" * 16_383)
    prepared = export.prepare_workbook(conn)
    assert prepared.cut == {"Contacts": 1}
    notes = {row["First name"]: row["Notes"] for row in sheet_rows(load(prepared), "Contacts")}
    assert notes["Bo"] == "😀" * 16_383
    kept = notes["Ana"].removesuffix(export.CUT_MARKER)
    assert kept == "a" + "😀" * (len(kept) - 1)  # whole emoji only, no half of one
    assert cell_units(notes["Ana"]) == 32_766  # one unit short: the half emoji went


def test_a_cut_is_said_in_one_sentence_and_nothing_is_said_when_nothing_was_cut():
    assert export.describe_cut({}) == ""
    assert export.describe_cut({"Meetings": 1}) == (
        "1 text was longer than one Excel cell can hold (Meetings); the workbook has its first "
        "32,736 characters, ending in “… [cut: the rest is in infoint]”, and infoint keeps it "
        "whole."
    )
    assert export.describe_cut({"Interactions": 1, "Meetings": 2}) == (
        "3 texts were longer than one Excel cell can hold (Interactions 1, Meetings 2); the "
        "workbook has the first 32,736 characters of each, ending in "
        "“… [cut: the rest is in infoint]”, and infoint keeps them whole."
    )


def test_the_contacts_csv_keeps_a_long_note_whole(conn, campaign, tmp_path):
    ana, _ = campaign
    set_notes(conn, ana, "n" * 40_000)
    written = export.write_export(conn, tmp_path / "contacts.csv")
    assert written.cut == {}
    rows = list(csv.DictReader(io.StringIO(written.path.read_text(encoding="utf-8-sig"))))
    assert "n" * 40_000 in {row["Notes"] for row in rows}
    assert export.write_export(conn, tmp_path / "all.xlsx").cut == {"Contacts": 1}


def test_preparing_the_workbook_reports_progress_by_sheet_and_by_batch_of_rows(conn, monkeypatch):
    """Five contacts written two at a time stand for 30,000 written 5,000 at a time: the
    bar moves within the Contacts sheet, then sheet by sheet, and ends at 1.0 when ready."""
    monkeypatch.setattr(export, "_BATCH_ROWS", 2)
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name)"
        " SELECT 'k' || i, 'Person', 'No ' || i FROM range(5) t(i)"
    )
    seen = []
    export.prepare_workbook(
        conn, progress=lambda fraction, message: seen.append((fraction, message))
    )
    fractions = [fraction for fraction, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    # Every sheet's rows plus one each: 5 contacts, 5 templates, 21 questions, 10 sheets.
    total = 5 + 5 + 21 + 10
    contacts_sheet = [(f, m) for f, m in seen if "Contacts" in m]
    assert contacts_sheet == [
        (0.0, "Writing the Contacts sheet…"),
        (pytest.approx(0.95 * 3 / total), "Writing the Contacts sheet (2 of 5 rows)…"),
        (pytest.approx(0.95 * 5 / total), "Writing the Contacts sheet (4 of 5 rows)…"),
        (pytest.approx(0.95 * 6 / total), "Writing the Contacts sheet…"),
    ]
    started = [m for m in dict.fromkeys(m for _, m in seen) if m.endswith(" sheet…")]
    assert started == [
        f"Writing the {title} sheet…"
        for title in (
            "Contacts",
            "Companies",
            "Interactions",
            "Meetings",
            "Questions and answers",
            "Introductions",
            "Job changes",
            "Ruled-out industries",
            "Templates",
            "Question bank",
        )
    ]
    assert seen[-2:] == [(0.95, "Putting the workbook together…"), (1.0, "Your workbook is ready.")]


def test_no_progress_asked_for_none_counted(conn, monkeypatch):
    """Without a listener the rows are not counted first: the CLI's export costs no more."""
    monkeypatch.setattr(export, "sheet_sizes", lambda conn: pytest.fail("counted rows"))
    assert load(export.prepare_workbook(conn)).sheetnames[0] == "Contacts"


def test_a_note_or_an_opportunity_has_no_how_in_the_workbook(conn, campaign):
    """They are no message: "How" says nothing for them, and still says it for a message."""
    ana, _ = campaign
    interactions.log_interaction(conn, ana, "note", occurred_at=date(2026, 3, 3), subject="Lyon")
    interactions.log_interaction(conn, ana, "opportunity", occurred_at=date(2026, 3, 11))
    logged = sheet_rows(load_workbook(io.BytesIO(export.workbook_bytes(conn))), "Interactions")
    assert [(row["What"], row["How"]) for row in logged] == [
        ("Outreach", "LinkedIn"),
        ("Note", None),  # an empty cell reads back as None
        ("Opportunity", None),
    ]


def test_what_an_older_file_put_back_is_no_job_change_in_the_workbook(conn):
    """An older export imported anyway moves people back: the Job changes sheet and its count
    leave those rows out (the walkthrough's workbook counted 3,261 job changes, all such)."""
    from infoint import importer

    ada = contacts.add_contact(conn, "Ada", "Lee")
    conn.execute(
        "INSERT INTO contact_changes (contact_id, field, old_value, new_value) VALUES"
        " (?, 'company', 'Volt', 'Acme'), (?, ?, 'Acme', 'Volt'), (?, ?, 'Lead', 'Junior')",
        [
            ada,
            ada,
            importer.OLDER_FILE_FIELDS["company"],
            ada,
            importer.OLDER_FILE_FIELDS["position"],
        ],
    )
    assert export.sheet_sizes(conn)["Job changes"] == 1
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    rows = list(book["Job changes"].iter_rows(min_row=2, values_only=True))
    assert [row[3:] for row in rows] == [("Company", "Volt", "Acme", "You corrected it")]


def test_the_job_changes_sheet_tells_an_imports_change_from_your_correction(conn):
    """Edit details records a hand-added person's corrected job with no import (0f3a4e5): in
    the sheet it is said to be the user's, beside what LinkedIn's export showed."""
    from infoint import importer

    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    ada = "Ada,Quill,https://www.linkedin.com/in/ada-q,,Nimbus,{},06 Nov 2024\n"
    importer.import_file(conn, (header + ada.format("Analyst")).encode(), filename="a.csv")
    importer.import_file(conn, (header + ada.format("Lead")).encode(), filename="b.csv")
    bo = contacts.add_contact(conn, "Bo", "Chen", company="Acne")
    contacts.update_contact(
        conn,
        bo,
        email="",
        degree="cold",
        mutual_contact_id=None,
        referred_by=None,
        notes="",
        tags="",
        company="Acme",
    )
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    rows = list(book["Job changes"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[4], row[5], row[6]) for row in rows] == [
        ("Ada Quill", "Analyst", "Lead", "Your LinkedIn export"),
        ("Bo Chen", "Acne", "Acme", "You corrected it"),
    ]
