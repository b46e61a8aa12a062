"""The Import & export page: upload, report, history, undo, target lists, downloads."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from infoint import db, demo, interactions, targets, ui
from infoint.text import plain_markdown
from tests.test_undo import named

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/8_import_export.py"
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def export_csv(*rows: str) -> bytes:
    """A Connections.csv in LinkedIn's current shape (no newline after the last row)."""
    return (PREAMBLE + HEADER + "\n".join(rows)).encode()


ADA = "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Analytical Engines,Engineer,06 Nov 2024"
GRACE = "Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023"
NAMELESS = ",,,,,,02 Feb 2024"
FIRST = export_csv(ADA, GRACE, NAMELESS)
ADA_MOVED = ADA.replace("Analytical Engines,Engineer", "Babbage & Co,Lead Engineer")


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def open_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(PAGE)
    return run(at)


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} among {[b.label for b in at.button]}"
    return found[0]


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def upload(at: AppTest, data: bytes, name: str = "Connections.csv") -> AppTest:
    uploader = next(u for u in at.get("file_uploader") if "LinkedIn" in u.label)
    uploader.set_value((name, data, "text/csv"))
    run(at)
    button(at, "Import").click()
    return run(at)


def scalar(sql: str):
    return ui.connection().execute(sql).fetchall()[0][0]


def downloads(at: AppTest) -> list[str]:
    return [d.label for d in at.get("download_button")]


def contents(at: AppTest) -> str:
    """The line saying what the workbook will hold."""
    [line] = [c.value for c in at.caption if c.value.startswith("The workbook's sheets")]
    return line


def markdown(at: AppTest) -> str:
    """The markdown as the page wrote it: user text escaped, so escaping is checked too."""
    return "\n".join(m.value for m in at.markdown)


def test_empty_database_offers_the_upload_and_the_downloads(app_db):
    at = open_page()
    assert at.title[0].value == "Import & export"
    assert "Get a copy of your data" in markdown(at)
    uploaders = [u.label for u in at.get("file_uploader")]
    assert uploaders == [
        "Your LinkedIn export (.zip or Connections.csv)",
        "Your list of companies (.xlsx or .csv)",
    ]
    assert button(at, "Import").disabled
    assert "No imports yet" in at.info[0].value
    assert "Undo the last import" not in labels(at)
    # The workbook is prepared on request; the CSV is quick enough to build on the click.
    assert "Prepare the Excel workbook" in labels(at)
    assert downloads(at) == ["Download contacts (CSV)"]
    assert contents(at).startswith(
        "The workbook's sheets and their rows: Contacts 0 · Companies 0 · Interactions 0 · "
        "Meetings 0 · Questions and answers 0 · Introductions 0 · Job changes 0 · "
        "Ruled-out industries 0 · Templates "
    )


def test_an_upload_imports_and_shows_the_report_and_history(app_db):
    at = upload(open_page(), FIRST)
    assert not at.error
    assert "Added 2 people; 1 row skipped." in markdown(at)
    figures = {m.label: m.value for m in at.metric}
    assert figures == {"New people": "2", "Updated": "0", "Unchanged": "0", "Skipped": "1"}
    assert [e.label for e in at.expander] == ["Why 1 row was skipped"]
    skipped = at.dataframe[0].value
    assert list(skipped["Line"]) == [7]
    assert skipped["Reason"][0]
    history = at.dataframe[1].value
    assert list(history["file_name"]) == ["Connections.csv"]
    assert list(history["added"]) == [2]
    assert scalar("SELECT count(*) FROM contacts") == 2
    # The uploader is emptied, so a second click cannot import the same file twice.
    assert button(at, "Import").disabled
    assert "Undo the last import" in labels(at)


def test_a_real_import_beside_the_demo_says_it_is_still_loaded_and_where_to_remove_it(app_db):
    at = upload(open_page(), FIRST)
    assert demo.STILL_LOADED not in [i.value for i in at.info]  # no demo: nothing said
    demo.load_demo(ui.connection())
    at = upload(at, export_csv(ADA_MOVED, GRACE), name="later.csv")
    assert demo.STILL_LOADED in [i.value for i in at.info]
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links["Remove demo data in Settings"] == "settings"
    assert scalar("SELECT count(*) FROM contacts WHERE source = 'demo'") > 0  # nothing removed


def test_a_job_change_is_worth_a_message_and_opens_the_contact(app_db):
    at = upload(open_page(), FIRST)
    at = upload(at, export_csv(ADA_MOVED, GRACE), name="later.csv")
    assert "Worth a message: a new job or title" in markdown(at)
    changes = next(d.value for d in at.dataframe if "Was" in d.value.columns)
    rows = {(r.Name, r.What, r.Was, r.Now) for r in changes.itertuples()}
    assert rows == {
        ("Ada Lovelace", "Company", "Analytical Engines", "Babbage & Co"),
        ("Ada Lovelace", "Title", "Engineer", "Lead Engineer"),
    }
    ada = scalar("SELECT id FROM contacts WHERE first_name = 'Ada'")
    at.selectbox[0].select(ada)
    run(at)
    button(at, "Open contact").click()
    run(at)
    assert at.title[0].value == "Ada Lovelace"


def test_a_bad_file_says_so_in_one_sentence_and_changes_nothing(app_db):
    at = upload(open_page(), b"Name,Phone\nAda,123\n", name="phone-list.csv")
    assert len(at.error) == 1
    message = at.error[0].value
    # the reason in one sentence, then that nothing changed (in the same box)
    reason = message.removesuffix(" Nothing was imported; your data is as it was.")
    assert reason != message and reason.endswith(".") and reason.count(". ") == 0
    assert scalar("SELECT count(*) FROM contacts") == 0
    assert scalar("SELECT count(*) FROM import_batches") == 0
    assert not (app_db.parent / "backups").exists() or not any(
        (app_db.parent / "backups").iterdir()
    )
    assert "No imports yet" in at.info[0].value


def test_undo_asks_first_then_takes_the_import_back(app_db):
    at = upload(open_page(), FIRST)
    button(at, "Undo the last import").click()
    run(at)
    # named with its time, as the sentences about it are: LinkedIn names every export alike
    when = named(ui.connection(), "Connections.csv").removeprefix("Connections.csv ")
    assert (
        f"just before {plain_markdown('Connections.csv')} was imported {when}."
        in at.warning[0].value
    )
    assert scalar("SELECT count(*) FROM contacts") == 2  # asking changed nothing
    button(at, "Yes, undo the import").click()
    run(at)
    assert f"The import of {plain_markdown('Connections.csv')} was undone." in (at.success[0].value)
    assert scalar("SELECT count(*) FROM contacts") == 0
    assert "No imports kept: the last one was undone." in at.info[0].value
    assert "Undo the last import" not in labels(at)


def test_undo_can_be_cancelled(app_db):
    at = upload(open_page(), FIRST)
    button(at, "Undo the last import").click()
    run(at)
    button(at, "Cancel").click()
    run(at)
    assert not at.warning
    assert scalar("SELECT count(*) FROM contacts") == 2


def test_undo_is_gone_after_another_write(app_db):
    at = upload(open_page(), FIRST)
    assert "Undo the last import" in labels(at)
    ada = scalar("SELECT id FROM contacts WHERE first_name = 'Ada'")
    interactions.log_interaction(
        ui.connection(), ada, "outreach", occurred_at=datetime(2026, 1, 5, 9, 0)
    )
    run(at)
    assert "Undo the last import" not in labels(at)
    # Not just gone: the page says why, and where to go back instead: a first import into
    # an empty database took no backup, so none is pointed to until one is made.
    connections = named(ui.connection(), "Connections.csv")
    assert plain_markdown(f"You saved other changes after importing {connections}, so that") in (
        markdown(at)
    )
    assert "there is no backup to go back to" in markdown(at)

    def backup_links() -> list[str]:
        return [link.proto.page for link in at.get("page_link") if "backup" in link.proto.label]

    assert backup_links() == []
    # A backup made after the import keeps it: still none to point to.
    db.backup(ui.connection())
    run(at)
    assert plain_markdown("there is no backup from before it either") in markdown(at)
    assert backup_links() == []


def test_importing_the_same_file_again_keeps_the_undo_of_the_import_that_changed_something(
    app_db,
):
    at = upload(open_page(), FIRST)
    at = upload(at, FIRST)
    assert "Already up to date: both people in it were here already; 1 row skipped." in (
        markdown(at)
    )
    assert "nothing to undo" not in markdown(at)
    assert "Undo the last import" in labels(at)
    [offer] = [m for m in at.markdown if m.value.startswith("Imported the wrong file?")]
    assert offer.value.endswith(
        "until you change anything else. The import after it changed nothing."
    )
    button(at, "Undo the last import").click()
    run(at)
    button(at, "Yes, undo the import").click()
    run(at)
    assert f"The import of {plain_markdown('Connections.csv')} was undone." in at.success[0].value
    assert scalar("SELECT count(*) FROM contacts") == 0
    assert "No imports kept: the last one was undone." in at.info[0].value


def test_a_write_before_importing_the_same_file_again_still_ends_the_undo(app_db):
    at = upload(open_page(), FIRST)
    ada = scalar("SELECT id FROM contacts WHERE first_name = 'Ada'")
    interactions.log_interaction(
        ui.connection(), ada, "outreach", occurred_at=datetime(2026, 1, 5, 9, 0)
    )
    at = upload(at, FIRST)
    assert "Undo the last import" not in labels(at)
    # Under a re-import that changed nothing, the import named is the one that did.
    assert plain_markdown(
        f"You saved other changes after importing {named(ui.connection(), 'Connections.csv')}, "
        "so that import can no longer be undone here"
    ) in markdown(at)


TARGET_LIST = (
    b"name,industry,motivation,postings\nAcme Health,Health,3,2\nVolt,Energy,7,1\nOmega Bank,,1,\n"
)


def test_a_target_list_is_previewed_then_added_on_confirm(app_db):
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", TARGET_LIST, "text/csv"))
    run(at)
    preview = at.dataframe[0].value
    assert list(preview["name"]) == ["Acme Health", "Omega Bank"]
    assert at.warning[0].value.startswith("1 row can't be read and will be left out;")
    [why] = [e for e in at.expander if e.label == "Why 1 row can't be read"]
    assert why.markdown[0].value.startswith("- Line 3: The motivation of Volt ")
    assert scalar("SELECT count(*) FROM companies") == 0  # a preview writes nothing
    button(at, "Add these 2 companies as targets").click()
    run(at)
    assert at.success[0].value == (
        "From targets\\.csv: 2 new targets. See them on the Targets page."
    )
    rows = (
        ui.connection()
        .execute("SELECT name, status, industry, motivation FROM companies ORDER BY name")
        .fetchall()
    )
    assert rows == [("Acme Health", "target", "Health", 3), ("Omega Bank", "target", None, 1)]


def test_the_add_button_adds_only_the_list_its_preview_showed(app_db):
    """A click on one list's Add button that reaches the script in the run where another list of
    as many companies arrived once added that other list, which no preview had shown. The button
    belongs to its file and preview: nothing is added, and the new list shows with its own."""
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("first.csv", b"name\nAcme\nBeta\n", "text/csv"))
    run(at)
    add = button(at, "Add these 2 companies as targets")
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("second.csv", b"name\nGamma\nDelta\n", "text/csv"))
    add.click()
    run(at)
    assert not at.success
    assert scalar("SELECT count(*) FROM companies") == 0
    assert list(at.dataframe[0].value["name"]) == ["Gamma", "Delta"]
    button(at, "Add these 2 companies as targets").click()
    run(at)
    assert at.success[0].value.startswith("From second\\.csv: 2 new targets.")
    names = ui.connection().execute("SELECT name FROM companies ORDER BY name").fetchall()
    assert names == [("Delta",), ("Gamma",)]


def test_rows_left_out_of_a_target_list_are_counted_in_words_for_one_and_many(app_db):
    """One row left out is 'it', two are 'them'; the file is 'the file', never a second 'it'."""
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", TARGET_LIST, "text/csv"))
    run(at)
    assert at.warning[0].value == (
        "1 row can't be read and will be left out; fix it in your file and upload the file "
        "again to add it too."
    )
    two_bad = TARGET_LIST + b"Zed,Energy,9,1\n"
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", two_bad, "text/csv"))
    run(at)
    assert at.warning[0].value == (
        "2 rows can't be read and will be left out; fix them in your file and upload the "
        "file again to add them too."
    )


def test_a_list_of_one_company_is_offered_as_one(app_db):
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", b"name\nAcme Health\n", "text/csv"))
    run(at)
    button(at, "Add this company as a target").click()
    run(at)
    assert at.success[0].value == "From targets\\.csv: 1 new target. See it on the Targets page."
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("more.csv", b"name,motivation\nAcme Health,3\nVolt,1\n", "text/csv"))
    run(at)
    button(at, "Add 1 company as a target").click()  # Acme Health is kept as it is
    run(at)
    assert at.success[0].value == (
        "From more\\.csv: 1 new target; Acme Health, on your list already, stayed as it was. "
        "See it on the Targets page."
    )


def test_a_target_list_preview_leaves_what_was_not_given_empty(app_db):
    """Omega Bank has no industry and no postings: blank cells, not the word None."""
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", TARGET_LIST, "text/csv"))
    run(at)
    preview = at.dataframe[0]
    omega = preview.value[preview.value["name"] == "Omega Bank"].iloc[0]
    assert pd.isna(omega["industry"]) and pd.isna(omega["postings"])  # missing, as read
    assert preview.proto.HasField("placeholder") and preview.proto.placeholder == ""


def test_linkedins_connections_in_the_target_list_upload_are_sent_to_the_linkedin_import(
    app_db,
):
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("Connections.csv", FIRST, "text/csv"))
    run(at)
    assert at.error[0].value == (
        "This is LinkedIn's list of your connections, people rather than companies: bring it "
        "in under “Bring in your LinkedIn connections” at the top of this page."
    )
    assert not [b for b in at.button if b.label.startswith("Add th")]
    assert scalar("SELECT count(*) FROM companies") == 0


PICTURE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def test_a_file_that_is_not_text_gets_the_same_sentence_in_both_uploads(app_db):
    at = upload(open_page(), PICTURE, "Connections.csv")
    assert at.error[0].value == (
        "This file is not text, so it is not a CSV file; expected LinkedIn's Connections.csv "
        "or the LinkedIn archive .zip that contains it (save an Excel workbook as CSV first). "
        "Nothing was imported; your data is as it was."
    )
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", PICTURE, "text/csv"))
    run(at)
    assert at.error[0].value == (
        "This file is not text, so it is not a CSV file; expected your list of companies as "
        "CSV, or as an Excel workbook (.xlsx)."
    )


def test_any_file_is_taken_and_a_wrong_one_refused_in_a_sentence(app_db):
    # A browser-side type filter only greys the file out with an icon: the page takes any
    # file and says in words what it expected.
    at = open_page()
    assert [list(u.proto.type) for u in at.get("file_uploader")] == [[], []]
    at = upload(at, PICTURE, "photo.png")
    assert at.error[0].value.startswith("This file is not text, so it is not a CSV file;")
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("photo.png", PICTURE, "image/png"))
    run(at)
    assert (
        at.error[0].value == "photo.png is not a CSV or Excel (.xlsx) file; save your list as one."
    )


def test_an_unreadable_target_list_says_so(app_db):
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", b"city,country\nParis,France\n", "text/csv"))
    run(at)
    assert "'name'" in at.error[0].value
    assert not [b for b in at.button if b.label.startswith("Add these")]


def test_the_app_s_own_workbook_in_the_target_list_upload_is_named_and_adds_nothing(imported):
    at = open_page()
    button(at, "Prepare the Excel workbook").click()
    run(at)
    workbook = at.session_state["prepared_workbook"][1].data
    companies = scalar("SELECT count(*) FROM companies WHERE status = 'network'")
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("infoint-2026-11-27.xlsx", workbook, "application/octet-stream"))
    run(at)
    assert [e.value for e in at.error] == [targets.OUR_WORKBOOK]
    assert not [b for b in at.button if b.label.startswith("Add th")]
    assert scalar("SELECT count(*) FROM companies WHERE status = 'network'") == companies


def test_a_list_mostly_of_repeats_asks_before_adding(app_db):
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("people.csv", b"Company\nAcme\nAcme\nAcme\nAcme\nVolt\n", "text/csv"))
    run(at)
    button(at, "Add these 2 companies as targets…").click()
    run(at)
    assert scalar("SELECT count(*) FROM companies") == 0
    assert at.warning[-1].value.startswith(
        "3 of the 5 rows in this file name a company an earlier line names, so it may not be "
        "your list of companies"
    )
    button(at, "Yes, add them").click()
    run(at)
    assert at.success[0].value.startswith("From people\\.csv: 2 new targets.")
    assert scalar("SELECT count(*) FROM companies WHERE status = 'target'") == 2


def flattened(node):
    """Every element and block of the page, in the order they are drawn."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from flattened(child)


def test_a_list_updating_companies_says_what_it_did_where_it_was_added(app_db):
    """The walkthrough: a list whose 2 readable rows name companies already here (3 rows
    unreadable, none repeated). The question said 'left out as repeats or unreadable'; after
    'Yes, add them' the upload box emptied and nothing near it said what happened, though a
    company had changed industry and motivation."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Health", motivation=1)
    targets.add_company(conn, "Volt", industry="Energy", motivation=2)
    conn.close()
    at = open_page()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    rows = b"name,industry,motivation\nAcme,Software,3\nVolt,,\nBeta,,high\n,Energy,1\nX,,9\n"
    uploader.set_value(("mine.csv", rows, "text/csv"))
    run(at)
    at.radio(key=f"target_update_{uploader.value.file_id}").set_value(True)
    run(at)
    button(at, "Update 1 company on your list…").click()
    run(at)
    assert at.warning[-1].value == (
        "3 of the 5 rows in this file can't be read and are left out (the reasons are above): "
        "adding the rest makes no new target but updates 1 company on your list."
    )
    button(at, "Yes, update them").click()
    run(at)
    said = (
        "From mine\\.csv: Acme updated: industry Health → Software, motivation 1 → 3; Volt was "
        "already as the file has it. See it on the Targets page."
    )
    assert [s.value for s in at.success] == [said]
    # Shown in the section of the list, under its heading, not at the top of the page.
    drawn = list(flattened(at.main))
    heading = next(
        i
        for i, e in enumerate(drawn)
        if getattr(e, "type", "") == "subheader"
        and getattr(e, "value", "") == "Add target companies from a list"
    )
    assert drawn.index(at.success[0]) > heading
    acme = "SELECT industry, motivation FROM companies WHERE name = 'Acme'"
    assert ui.connection().execute(acme).fetchall() == [("Software", 3)]


@pytest.fixture
def imported(app_db):
    """A database that already holds an import made outside the page (as by the CLI)."""
    from infoint import importer

    conn = db.connect(app_db)
    importer.import_file(conn, FIRST, filename="cli.csv")
    conn.close()
    return app_db


def test_history_lists_earlier_imports_with_data(imported):
    at = open_page()
    history = at.dataframe[0].value
    assert list(history["file_name"]) == ["cli.csv"]
    assert list(history["skipped"]) == [1]
    # An import made outside the page can be undone here too.
    assert "Undo the last import" in labels(at)


def test_the_workbook_says_what_it_holds_and_is_prepared_once_per_version_of_the_data(imported):
    at = open_page()
    assert contents(at).startswith(
        "The workbook's sheets and their rows: Contacts 2 · Companies 2 · Interactions 0 · "
        "Meetings 0 · "
    )
    assert downloads(at) == ["Download contacts (CSV)"]  # nothing built before the click
    assert "prepared_workbook" not in at.session_state

    button(at, "Prepare the Excel workbook").click()
    run(at)
    assert downloads(at) == ["Download everything (Excel)", "Download contacts (CSV)"]
    assert "Prepare the Excel workbook" not in labels(at)
    assert not [i for i in at.info if "Excel cell" in i.value]  # nothing cut, nothing said
    book = load_workbook(io.BytesIO(at.session_state["prepared_workbook"][1].data))
    people = [row[1:3] for row in book["Contacts"].iter_rows(min_row=2, values_only=True)]
    assert people == [("Grace", "Hopper"), ("Ada", "Lovelace")]

    # Kept while the data stays as it is: the page reruns without building it again.
    prepared = at.session_state["prepared_workbook"]
    run(at)
    assert at.session_state["prepared_workbook"] is prepared
    assert downloads(at) == ["Download everything (Excel)", "Download contacts (CSV)"]

    # Anything written makes it stale: prepared afresh on request, with the new row in it.
    ada = scalar("SELECT id FROM contacts WHERE first_name = 'Ada'")
    interactions.log_interaction(
        ui.connection(), ada, "outreach", occurred_at=datetime(2026, 1, 5, 9, 0)
    )
    run(at)
    assert "Interactions 1 · Meetings 0" in contents(at)
    assert downloads(at) == ["Download contacts (CSV)"]
    button(at, "Prepare the Excel workbook").click()
    run(at)
    book = load_workbook(io.BytesIO(at.session_state["prepared_workbook"][1].data))
    [(when, person)] = book["Interactions"].iter_rows(min_row=2, max_col=2, values_only=True)
    assert (when, person) == (datetime(2026, 1, 5, 9, 0), "Ada Lovelace")


def test_the_page_says_when_the_workbook_had_to_cut_long_texts(imported):
    conn = db.connect(imported)
    conn.execute("UPDATE contacts SET notes = ? WHERE first_name = 'Ada'", ["n" * 40_000])
    ada = conn.execute("SELECT id FROM contacts WHERE first_name = 'Ada'").fetchall()[0][0]
    note = interactions.log_interaction(conn, ada, "note")
    # Longer than a log takes (interactions.BODY_LIMIT), as a database from before may hold.
    conn.execute("UPDATE interactions SET body = ? WHERE id = ?", ["b" * 33_000, note])
    conn.close()
    at = open_page()
    assert not [i for i in at.info if "Excel cell" in i.value]  # said once it is prepared
    button(at, "Prepare the Excel workbook").click()
    run(at)
    [said] = [i.value for i in at.info if "Excel cell" in i.value]
    assert said == (
        "2 texts were longer than one Excel cell can hold (Contacts 1, Interactions 1); the "
        "workbook has the first 32,736 characters of each, ending in "
        "“… [cut: the rest is in infoint]”, and infoint keeps them whole."
    )
    book = load_workbook(io.BytesIO(at.session_state["prepared_workbook"][1].data))
    [notes] = [
        row[-2]
        for row in book["Contacts"].iter_rows(min_row=2, values_only=True)
        if row[1] == "Ada"
    ]
    assert len(notes) == 32_767 and notes.endswith("[cut: the rest is in infoint]")


def test_a_thousand_people_are_counted_with_a_thousands_separator(app_db):
    """The report's figures read "1,200" as the rest of the app writes counts, and so does the
    history table's "What it did" (its counts in words, written by the app, not the browser)."""
    people = [
        f"Person,No {n},https://www.linkedin.com/in/p-{n},,Acme,Engineer,06 Nov 2024"
        for n in range(1_200)
    ]
    at = upload(open_page(), export_csv(*people, NAMELESS))
    figures = {m.label: m.value for m in at.metric}
    assert figures == {"New people": "1,200", "Updated": "0", "Unchanged": "0", "Skipped": "1"}
    history = next(d for d in at.dataframe if "file_name" in d.value.columns)
    assert list(history.value["added"]) == [1_200]
    assert list(history.value["did"]) == ["1,200 added, 1 skipped"]
    columns = json.loads(history.proto.columns)
    assert columns["did"]["label"] == "What it did"
    assert list(history.proto.column_order) == ["imported_at", "did", "file_name"]


def progress_bars(at: AppTest) -> list[tuple[int, str]]:
    return [(bar.proto.value, bar.proto.text) for bar in at.get("progress")]


def download_row(at: AppTest) -> tuple[bool, list[str]]:
    """Whether the block holding the CSV download lays its children side by side, and their
    labels in order."""
    blocks = [at.main]
    while blocks:
        block = blocks.pop()
        children = list(block.children.values())
        if any(getattr(child, "label", None) == "Download contacts (CSV)" for child in children):
            side_by_side = (
                block.type == "flex_container"
                and block.proto.flex_container.direction == block.proto.flex_container.HORIZONTAL
            )
            return side_by_side, [getattr(child, "label", child.type) for child in children]
        blocks.extend(child for child in children if hasattr(child, "children"))
    raise AssertionError("no CSV download on the page")


def test_preparing_the_workbook_shows_its_progress_then_the_download_beside_the_csv(imported):
    """Seen in Chromium at 1280 px: once prepared, the Excel download sat under the full bar,
    a line below the CSV download half a page away. The two downloads share one row, the
    Excel one where its Prepare button was; the bar shows only while the workbook is built."""
    at = open_page()
    assert progress_bars(at) == []
    assert download_row(at) == (True, ["Prepare the Excel workbook", "Download contacts (CSV)"])
    button(at, "Prepare the Excel workbook").click()
    run(at)
    assert progress_bars(at) == []
    assert download_row(at) == (True, ["Download everything (Excel)", "Download contacts (CSV)"])
    run(at)
    assert download_row(at) == (True, ["Download everything (Excel)", "Download contacts (CSV)"])


def test_the_workbook_counts_the_companies_targets_lists(app_db):
    """Grace's employer is 'N/A': one company, as on Targets and Settings, not two."""
    at = upload(open_page(), export_csv(ADA, GRACE.replace(",Navy,", ",N/A,")))
    assert contents(at).startswith(
        "The workbook's sheets and their rows: Contacts 2 · Companies 1 · Interactions 0 · "
    )


# Downloaded before Ada connected (6 Nov 2024), while Grace was still a Commander.
GRACE_THEN = GRACE.replace("Rear Admiral", "Commander")
OLDER = export_csv(GRACE_THEN)
OLDER_SENTENCE = (
    "This file looks older than one you imported before: its newest connection is 1 Sep 2023, "
    "but you have people connected up to 6 Nov 2024, so importing it would move 1 person back "
    "to the job and title it lists."
)


def grace_title() -> str:
    return scalar("SELECT position FROM contacts WHERE first_name = 'Grace'")


def test_an_older_export_asks_first_and_changes_nothing_until_imported_anyway(app_db):
    at = upload(open_page(), FIRST)
    batches = scalar("SELECT count(*) FROM import_batches")
    at = upload(at, OLDER, name="old.csv")
    assert [w.value for w in at.warning] == [OLDER_SENTENCE]
    assert not at.error
    assert "Import anyway" in labels(at) and "Cancel" in labels(at)
    assert grace_title() == "Rear Admiral"
    assert scalar("SELECT count(*) FROM import_batches") == batches
    button(at, "Import anyway").click()
    run(at)
    assert not at.warning
    assert "Updated 1 person." in markdown(at)
    assert grace_title() == "Commander"
    # Grace is back at her title of then: no news, so nothing to congratulate her on.
    assert "Worth a message" not in markdown(at)
    assert [i.value for i in at.info] == [
        "1 person is back at the job or title this older file lists: no news to congratulate "
        "anyone on, and each record notes the change."
    ]
    assert "Import anyway" not in labels(at)
    assert button(at, "Import").disabled  # the uploader is emptied, as after any import


def test_an_older_export_can_be_cancelled(app_db):
    at = upload(open_page(), FIRST)
    at = upload(at, OLDER, name="old.csv")
    button(at, "Cancel").click()
    run(at)
    assert not at.warning
    assert "Import anyway" not in labels(at)
    assert button(at, "Import").disabled
    assert grace_title() == "Rear Admiral"


def test_another_file_chosen_after_the_question_is_not_imported_anyway(app_db):
    at = upload(open_page(), FIRST)
    at = upload(at, OLDER, name="old.csv")
    uploader = next(u for u in at.get("file_uploader") if "LinkedIn" in u.label)
    uploader.set_value(
        ("other.csv", export_csv(GRACE_THEN.replace("Commander", "Ensign")), "text/csv")
    )
    run(at)
    assert not at.warning
    assert "Import anyway" not in labels(at)


def test_an_undo_that_fails_quotes_the_file_name_as_written(app_db, monkeypatch):
    """The sentence of a failed undo names the file: '*' in its name is not italics."""
    from infoint import settings
    from infoint.errors import InvalidInputError

    at = upload(open_page(), FIRST, name="my_*export*.csv")

    def refuse(db_path, offer):
        raise InvalidInputError(f"The import of {offer.file_name} could not be undone.")

    monkeypatch.setattr(settings, "undo_import", refuse)
    button(at, "Undo the last import").click()
    run(at)
    button(at, "Yes, undo the import").click()
    at.run()
    assert at.error[0].value == ui.as_written("The import of my_*export*.csv could not be undone.")
    assert at.error[0].value != "The import of my_*export*.csv could not be undone."
