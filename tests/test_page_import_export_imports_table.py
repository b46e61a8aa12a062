"""'Your imports' names the file each import read in the table itself, after the time and
what the import did, in words.

The walkthroughs: at 800 px (sidebar open) the table scrolled sideways, LinkedIn's archive name
("Complete_LinkedInDataExport_11-27-2026.zip/Connections.csv") pushing the counts past the
edge; then, with the names moved into a closed section under the table, two imports in the same
minute read alike in it (a time and numbers); then, with the file last after four columns of
counts, it ran past the edge at 800 px where the browser draws its scroll bars, and the counts
are said in words in one column. Measured in Chromium by tests/e2e/test_import_export_fit.py
and tests/e2e/test_import_fit_scrollbars.py; here, what the page draws.
"""

from __future__ import annotations

import json

from infoint import db, importer, settings
from tests.test_page_import_export import FIRST, open_page

ARCHIVE = "Complete_LinkedInDataExport_11-27-2026.zip"


def imports_table(at):
    [table] = [d for d in at.dataframe if "file_name" in d.value.columns]
    return table


def test_the_table_names_the_file_of_each_import_after_the_time_and_what_it_did(app_db):
    conn = db.connect(app_db)
    importer.import_file(conn, FIRST, filename="Connections.csv")
    importer.import_file(conn, FIRST, filename=f"{ARCHIVE}/Connections.csv")
    conn.close()
    at = open_page()
    assert not at.exception, at.exception
    table = imports_table(at)
    columns = json.loads(table.proto.columns)
    order = list(table.proto.column_order)
    assert [columns[name]["label"] for name in order] == [
        "When",
        "What it did",
        "File",
    ]
    assert not [name for name in order if columns[name].get("hidden")]
    # Newest first, each row with its own file: the two imports no longer read alike.
    assert list(table.value["file_name"]) == [f"{ARCHIVE}/Connections.csv", "Connections.csv"]
    assert list(table.value["added"]) == [0, 2]
    assert list(table.value["did"]) == ["2 unchanged, 1 skipped", "2 added, 1 skipped"]
    # LinkedIn's archive name wraps onto rows tall enough for it (three lines), not past the edge
    assert table.proto.row_height == 65
    # The names are not said a second time under the table.
    assert [e.label for e in at.expander if "file" in e.label.lower()] == []


def test_no_imports_no_table(app_db):
    at = open_page()
    assert "No imports yet" in at.info[0].value
    assert not [d for d in at.dataframe if "file_name" in d.value.columns]


def test_what_an_import_did_in_words():
    assert settings.import_did(148, 0, 0, 2) == "148 added, 2 skipped"
    assert settings.import_did(1994, 12, 28000, 3) == (
        "1,994 added, 12 updated, 28,000 unchanged, 3 skipped"
    )
    assert settings.import_did(0, 0, 0, 0) == "nothing in it"
