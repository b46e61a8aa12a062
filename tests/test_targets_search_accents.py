"""A company's name is found without its accents, as a person's is (`text.holds_sql`): a new
user typed `cafe` on Targets for "Café & Co, Ltd." and was told no company matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import targets
from infoint.targets import CompanyFilter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def companies(conn):
    for name in ("Café & Co, Ltd.", "Cafe Nero", "Acme"):
        targets.add_company(conn, name)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("cafe", ["Cafe Nero", "Café & Co, Ltd."]),
        ("CAFÉ", ["Cafe Nero", "Café & Co, Ltd."]),
        ("café &", ["Café & Co, Ltd."]),
        ("acme", ["Acme"]),
    ],
)
def test_the_targets_list_finds_a_name_without_its_accents(conn, companies, typed, expected):
    found = targets.list_companies(conn, CompanyFilter(search=typed))
    assert sorted(found["name"]) == expected
    assert targets.count_listed(conn, CompanyFilter(search=typed)).companies == len(expected)


def test_finding_a_company_to_merge_ignores_accents(conn, companies):
    names = [label.split(" — ")[0] for _, label in targets.find_companies(conn, "cafe")]
    assert sorted(names) == ["Cafe Nero", "Café & Co, Ltd."]


def test_the_targets_page_search_finds_cafe_by_cafe(app_db, conn, companies):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/1_targets.py")
    at.run()
    at.text_input(key="targets_search").set_value("cafe").run()
    assert not at.exception, at.exception
    [table] = [d for d in at.dataframe if (d.key or "").startswith("targets_editor")]
    assert sorted(table.value["name"]) == ["Cafe Nero", "Café & Co, Ltd."]
