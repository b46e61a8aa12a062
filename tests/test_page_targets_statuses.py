"""The Targets list's line names the statuses the table shows.

The walkthrough: 'Companies 1–10 of 10, best first: 8 targets and 2 ruled out' while two of
the eight read 'Researching' in the Status column.
"""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import db, targets
from infoint.targets import CompanyFilter

ROOT = Path(__file__).resolve().parent.parent


def fill(conn) -> None:
    for name in ("Acme", "Beta", "Gamma", "Delta", "Echo", "Fox"):
        targets.add_company(conn, name)
    for name in ("Hydro", "Ion"):
        targets.add_company(conn, name, status="researching")
    for name in ("Jet", "Kilo"):
        company = targets.add_company(conn, name)
        targets.rule_out(conn, company, "Not for me")


def test_the_count_says_how_many_you_are_researching(conn):
    fill(conn)
    listed = targets.count_listed(conn, CompanyFilter())
    assert (listed.companies, listed.targets, listed.researching, listed.ruled_out) == (
        10,
        8,
        2,
        2,
    )
    assert listed.caption(1, 10) == (
        "Companies 1–10 of 10, best first: 6 targets, 2 researching and 2 ruled out, listed last."
    )
    researched = targets.ListCount(companies=3, targets=2, ruled_out=1, researching=2)
    assert researched.caption(1, 3) == (
        "Companies 1–3 of 3, best first: 2 researching and 1 ruled out, listed last."
    )


def test_a_company_researched_in_an_industry_you_ruled_out_is_counted_out_by_industry(conn):
    """Ion reads 'Out by industry' in the table, so the line counts it so, not as one of
    those you ruled out yourself (Jet and Kilo, 'Ruled out')."""
    from infoint import profile

    fill(conn)
    targets.set_industry(conn, [targets.find_company_id(conn, "Ion")], "Retail")
    profile.rule_out_industry(conn, "Retail", "Weekend shifts")
    listed = targets.count_listed(conn, CompanyFilter())
    assert (listed.targets, listed.researching, listed.ruled_out) == (7, 1, 2)
    assert listed.in_ruled_out_industry == 1


def test_the_page_line_matches_the_status_column(app_db):
    conn = db.connect(app_db)
    fill(conn)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/1_targets.py")
    at.run()
    assert not at.exception, at.exception
    line = next(c.value for c in at.caption if c.value.startswith("Companies "))
    assert line.startswith(
        "Companies 1–10 of 10, best first: 6 targets, 2 researching and 2 ruled out, listed last."
    )
    [table] = [d for d in at.dataframe if (d.key or "").startswith("targets_editor")]
    statuses = list(table.value["status"])
    assert (statuses.count("target"), statuses.count("researching")) == (6, 2)
