"""A file left in the target-list box keeps its error (or preview) through LinkedIn imports.

A walkthrough in Chromium saw "Line 1 of text5mb.csv should name the columns…" go after a
Connections.csv was imported in the box above, the file still in the target box. Neither
AppTest nor Chromium (tests/e2e conventions, empty and heavy databases, the older-file
question) showed it again; this guards what the page controls: the target box's key and
state are left alone by every import path, its undo and its question included.
"""

from __future__ import annotations

from tests.test_page_import_export import FIRST, OLDER, button, open_page, run, upload

NOT_A_LIST = b"hello world\nfoo bar\n"
ITS_ERROR = "Line 1 of text5mb.csv should name the columns"


def said(at) -> list[str]:
    return [e.value for e in at.error if e.value.startswith(ITS_ERROR)]


def click(at, label: str):
    button(at, label).click()
    return run(at)


def test_the_target_box_keeps_its_error_through_every_import_path(app_db):
    at = open_page()
    box = next(u for u in at.get("file_uploader") if "companies" in u.label)
    box.set_value(("text5mb.csv", NOT_A_LIST, "text/csv"))
    run(at)
    assert len(said(at)) == 1
    steps = [
        lambda: upload(at, FIRST),  # a first import
        lambda: upload(at, FIRST),  # the same file again: "Already up to date"
        lambda: upload(at, OLDER),  # an older file: the question
        lambda: click(at, "Cancel"),
        lambda: upload(at, OLDER),
        lambda: click(at, "Import anyway"),
        lambda: click(at, "Undo the last import"),
        lambda: click(at, "Yes, undo the import"),
    ]
    for number, step in enumerate(steps):
        step()
        assert len(said(at)) == 1, f"step {number}: {[e.value for e in at.error]}"
