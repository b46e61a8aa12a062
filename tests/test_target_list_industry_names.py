"""A list of target companies whose industry column is called otherwise ('Sector', 'Field').

The walkthrough: a list with a Sector column showed 'Columns left aside: Sector, Why.' and its
industries were dropped without a word. Common names for the column are read as the industry,
and the preview says so; a column called 'industry' is taken before them.
"""

from __future__ import annotations

import pytest

from infoint import targets
from tests.test_target_list_header import csv_bytes, xlsx_bytes


@pytest.mark.parametrize("title", ["Sector", "sector", "Industry sector", "Field", "Vertical"])
def test_a_sector_column_is_read_as_the_industry_and_said(conn, title):
    rows = [["Company", title, "Why"], ["Stripe", "Fintech", "payments"], ["Acme", "", "tools"]]
    preview = targets.read_target_list(conn, csv_bytes(rows), "targets.csv")
    assert list(preview.frame["industry"].fillna("")) == ["Fintech", ""]
    assert preview.ignored_columns == ["Why"]
    assert preview.industry_from == title
    said = f"{title} is read as the industry. Columns left aside: Why."
    assert preview.columns_sentence() == said


def test_a_workbook_with_notes_above_finds_its_sector_column(conn):
    rows = [["My companies"], [], ["Name", "Sector", "Motivation"], ["Stripe", "Fintech", "3"]]
    preview = targets.read_target_list(conn, xlsx_bytes(rows), "targets.xlsx")
    assert preview.frame[["name", "industry"]].values.tolist() == [["Stripe", "Fintech"]]
    assert preview.frame["motivation"].tolist() == [3]
    assert preview.columns_sentence() == "Sector is read as the industry."


def test_an_industry_column_comes_before_a_sector_column(conn):
    rows = [["Company", "Sector", "Industry"], ["Stripe", "Finance", "Fintech"]]
    preview = targets.read_target_list(conn, csv_bytes(rows), "targets.csv")
    assert preview.frame["industry"].tolist() == ["Fintech"]
    assert preview.industry_from is None
    assert preview.columns_sentence() == "Columns left aside: Sector."


def test_the_sector_is_added_as_the_industry(conn):
    rows = [["Company", "Sector"], ["Stripe", "Fintech"]]
    preview = targets.read_target_list(conn, csv_bytes(rows), "targets.csv")
    targets.import_target_list(conn, preview)
    added = conn.execute("SELECT name, industry FROM companies").fetchall()
    assert added == [("Stripe", "Fintech")]
