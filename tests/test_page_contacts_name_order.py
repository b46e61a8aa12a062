"""Contacts, 'Sort by: Name (A–Z)': the Name column reads A–Z on every page, as a person
reads names (no case, no accents, no quote marks; one name placed by it)."""

from __future__ import annotations

import pytest

from infoint import db
from tests.test_page_contacts import contacts_page, run

# 54 people: 50 "Ada NN Abara" fill page 1; the old order put Bob and Sam before them.
ODD_ONES = [
    ("Bob", ""),  # the old order put him first: no last name
    ("Sam", '"Sammy" Lee'),  # and him second: the quote mark
    ("Zoë", "Ñúñez"),  # and her after Zed Young: the accent
    ("zed", "Young"),
]


@pytest.fixture
def crowd(app_db):
    conn = db.connect(app_db)
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name)"
        " SELECT 'ada' || n, 'Ada ' || lpad(CAST(n AS VARCHAR), 2, '0'), 'Abara'"
        " FROM range(50) AS t(n)"
    )
    for first, last in ODD_ONES:
        conn.execute(
            "INSERT INTO contacts (profile_key, first_name, last_name) VALUES (?, ?, ?)",
            [f"{first}-{last}", first, last],
        )
    conn.close()


def test_name_a_to_z_reads_a_to_z_across_pages(crowd):
    at = run(contacts_page())
    assert at.selectbox(key="search_sort").value == "name"
    first_page = list(at.dataframe[0].value["name"])
    assert (first_page[0], first_page[-1], len(first_page)) == ("Ada 00 Abara", "Ada 49 Abara", 50)
    at.number_input(key="search_page").set_value(2)
    run(at)
    assert list(at.dataframe[0].value["name"]) == [
        "Bob",  # by "Bob", his one name
        'Sam "Sammy" Lee',
        "zed Young",
        "Zoë Ñúñez",
    ]
