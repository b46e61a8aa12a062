"""Import & export: a target list naming a company twice says so before anything is added, and
adds the first line's scores (the walkthrough saw 'Add these 2 companies', then 1 target with
the last line's scores)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import ui

ROOT = Path(__file__).resolve().parent.parent
NOVA_TWICE = b"name,motivation,postings\nNova Labs,3,2\nAcme,1,1\nBeta,,\nNova Labs,1,1\n"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_repeat_is_shown_skipped_and_the_first_line_is_added(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/8_import_export.py")
    run(at)
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", NOVA_TWICE, "text/csv"))
    run(at)
    assert list(at.dataframe[0].value["name"]) == ["Nova Labs", "Acme", "Beta"]
    assert "1 row names a company an earlier line names; only the first line of each is added." in [
        info.value for info in at.info
    ]
    assert not at.warning  # nothing to fix in the file
    [which] = [e for e in at.expander if e.label == "Which lines"]
    assert [m.value for m in which.markdown] == [
        "- Line 5: Nova Labs is on line 2 too; line 2 is kept\\."
    ]
    [add] = [b for b in at.button if b.label.startswith("Add ")]
    assert add.label == "Add these 3 companies as targets"
    add.click()
    run(at)
    assert at.success[0].value.startswith("From targets\\.csv: 3 new targets.")
    rows = (
        ui.connection()
        .execute("SELECT name, motivation, postings FROM companies ORDER BY name")
        .fetchall()
    )
    assert rows == [("Acme", 1, 1), ("Beta", 0, 0), ("Nova Labs", 3, 2)]
