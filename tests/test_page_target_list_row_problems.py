"""Import & export: a target list's row with several problems shows them all in its one line
of the table of rows left out, so one fix of the file is enough."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/8_import_export.py"
LIST = b"name,industry,motivation,postings\nAcme,Tech,5,x\n,Tech,9,\nVolt,Energy,1,1\n"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def test_each_row_left_out_says_all_its_problems(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(PAGE)
    run(at)
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("companies.csv", LIST, "text/csv"))
    run(at)
    assert any(w.value.startswith("2 rows can't be read") for w in at.warning)
    [why] = [e for e in at.expander if e.label == "Why 2 rows can't be read"]
    assert [m.value for m in why.markdown] == [
        "- Line 2: The motivation and postings of Acme must be whole numbers from 0 to 3, "
        "not '5' and 'x'\\.\n"
        "- Line 3: It has no company name; its motivation must be a whole number from 0 to 3, "
        "not '9'\\."
    ]
