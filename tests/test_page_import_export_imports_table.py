"""'Your imports' reads whole in an 800 px window (sidebar open): the time and the counts in
the table, the file each import read named under it.

The walkthrough: at 800 px the table scrolled sideways, LinkedIn's archive name
("Complete_LinkedInDataExport_11-27-2026.zip/Connections.csv") pushing the counts past the
edge. Measured in Chromium by tests/e2e/test_import_export_fit.py; here, what the page draws.
"""

from __future__ import annotations

import json

from infoint import db, importer, settings, text
from tests.test_page_import_export import FIRST, open_page

ARCHIVE = "Complete_LinkedInDataExport_11-27-2026.zip"


def imports_table(at):
    [table] = [d for d in at.dataframe if "file_name" in d.value.columns]
    return table


def test_the_table_holds_the_time_and_counts_and_names_the_files_under_it(app_db):
    conn = db.connect(app_db)
    importer.import_file(conn, FIRST, filename="Connections.csv")
    importer.import_file(conn, FIRST, filename=f"{ARCHIVE}/Connections.csv")
    batches = settings.import_history(conn)
    conn.close()
    at = open_page()
    assert not at.exception, at.exception
    columns = json.loads(imports_table(at).proto.columns)
    shown = [name for name, column in columns.items() if not column.get("hidden")]
    assert "file_name" not in shown
    assert [columns[name]["label"] for name in shown] == [
        "When",
        "Added",
        "Updated",
        "Unchanged",
        "Skipped",
    ]
    [detail] = [e for e in at.expander if e.label == "Which file each import read"]
    assert not detail.proto.expanded
    [listed] = [m.value for m in detail.markdown]
    newest, first = batches["imported_at"]
    assert listed.split("\n") == [
        # Escaped (`ui.plain`): the archive's underscores are not read as Markdown's italics.
        f"- {text.moment(newest)}: "
        "Complete\\_LinkedInDataExport\\_11\\-27\\-2026\\.zip/Connections\\.csv",
        f"- {text.moment(first)}: Connections\\.csv",
    ]


def test_no_imports_no_detail(app_db):
    at = open_page()
    assert "No imports yet" in at.info[0].value
    assert not [e for e in at.expander if e.label == "Which file each import read"]
