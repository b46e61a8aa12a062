"""Import & export: a target list's rows left out are each named, with why, in words on the page
(a walkthrough saw "2 rows can't be read" and no line of either: the table holding them is drawn,
not written), under "Why 2 rows can't be read" as the LinkedIn import says why rows were
skipped; the rest is added on the click, the rows left out not."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import ui

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/8_import_export.py"
LIST = (
    b"name,industry,motivation,postings\n"
    b"Volt,Energy,1,1\nAcme,Robotics,5,x\nBeta,Tech,2,2\n,Tech,1,1\n"
)
MANY_BAD = (
    b"name,motivation\n" + b"".join(b"Co %d,%d\n" % (i, 4 + i) for i in range(12)) + b"Ok,1\n"
)


def open_with(app_db, data: bytes) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(PAGE)
    at.run()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("companies.csv", data, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def test_each_line_left_out_is_written_with_its_reason(app_db):
    at = open_with(app_db, LIST)
    assert at.warning[0].value.startswith("2 rows can't be read and will be left out;")
    [why] = [e for e in at.expander if e.label == "Why 2 rows can't be read"]
    assert why.proto.expanded
    assert [m.value for m in why.markdown] == [
        "- Line 3: The motivation and postings of Acme must be whole numbers from 0 to 3, "
        "not '5' and 'x'\\.\n"
        "- Line 5: It has no company name\\."
    ]
    # No table of its own: the lines are the words above.
    assert [list(d.value.columns) for d in at.dataframe] == [
        ["line", "name", "industry", "motivation", "postings", "now"]
    ]
    [add] = [b for b in at.button if b.label.startswith("Add ")]
    assert add.label == "Add these 2 companies as targets"
    add.click()
    at.run()
    assert not at.exception, at.exception
    names = ui.connection().execute("SELECT name FROM companies ORDER BY name").fetchall()
    assert names == [("Beta",), ("Volt",)]


def test_one_line_left_out_is_said_as_one(app_db):
    at = open_with(app_db, b"name,motivation\nVolt,1\n,2\n")
    [why] = [e for e in at.expander if e.label.startswith("Why ")]
    assert why.label == "Why 1 row can't be read"
    assert why.markdown[0].value == "- Line 3: It has no company name\\."


def test_many_lines_left_out_are_a_table_to_search_closed(app_db):
    at = open_with(app_db, MANY_BAD)
    [why] = [e for e in at.expander if e.label.startswith("Why ")]
    assert why.label == "Why 12 rows can't be read"
    assert not why.proto.expanded
    [table] = [d.value for d in why.dataframe]
    assert list(table["Line"]) == list(range(2, 14))
    assert (
        table["Reason"][0] == "The motivation of Co 0 must be a whole number from 0 to 3, not '4'."
    )


def test_a_name_written_as_markdown_is_shown_as_typed(app_db):
    at = open_with(app_db, b"name,motivation\n**Bold** [x](http://e.x),7\n")
    [why] = [e for e in at.expander if e.label.startswith("Why ")]
    assert "**" not in why.markdown[0].value.replace("\\*", "")
    assert "\\*\\*Bold\\*\\*" in why.markdown[0].value
