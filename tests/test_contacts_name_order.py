"""'Sort by: Name (A–Z)' orders names as the Name column reads them: first name first,
folded as searches fold (no case, no accents), punctuation left out, one name placed by it."""

from datetime import date

import pytest

from infoint import contacts
from infoint.contacts import ContactSearch

# (key, first name, last name, company), listed in the order a person reads them A–Z.
IN_ORDER = [
    ("ada", "Ada", "Zimmer", "Initech"),
    ("bob", "Bob", "", "Acme"),  # one name: placed by it, not first of all
    ("emile", "Émile", "Brun", "Acme"),  # the accent does not send him after Z
    ("okafor", "", "Okafor", "Globex"),  # a last name only reads as that name
    ("sam", "Sam", '"Sammy" Lee', "Globex"),  # the quote mark does not decide
    ("zed", "zed", "Young", "Initech"),  # lower case reads as upper case
    ("zoe", "Zoë", "Ñúñez", "Acme"),
    ("zoe2", "Zoe", "Nunez", "Globex"),  # the same name folded: the id decides
    ("nameless", "", "", "Acme"),  # nothing to place them by: last
]


@pytest.fixture
def people(conn):
    ids = {}
    for key, first, last, company in IN_ORDER:
        conn.execute(
            "INSERT INTO companies (name, match_key) VALUES (?, lower(?)) ON CONFLICT DO NOTHING",
            [company, company],
        )
        ids[key] = conn.execute(
            "INSERT INTO contacts (profile_key, first_name, last_name, company_id, connected_on)"
            " VALUES (?, ?, ?, (SELECT id FROM companies WHERE name = ?), ?) RETURNING id",
            [key, first, last, company, date(2024, 1, 1)],
        ).fetchall()[0][0]
    return ids


def keys_in_pages(conn, people, order, size, search: ContactSearch | None = None):
    by_id = {cid: key for key, cid in people.items()}
    pages, page = [], 1
    while True:
        frame, total = contacts.search_contacts(conn, search or ContactSearch(), page, size, order)
        if frame.empty:
            return pages, total
        pages.append([by_id[cid] for cid in frame.index])
        page += 1


def test_names_are_in_the_order_a_person_reads_them(conn, people):
    pages, total = keys_in_pages(conn, people, "name", 50)
    assert pages == [[key for key, *_ in IN_ORDER]]
    assert total == len(IN_ORDER)


@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_pages_cut_from_that_order_show_everyone_once(conn, people, size):
    pages, total = keys_in_pages(conn, people, "name", size)
    assert [key for page in pages for key in page] == [key for key, *_ in IN_ORDER]
    assert all(len(page) == size for page in pages[:-1])
    assert total == len(IN_ORDER)


def test_other_orders_break_ties_by_the_name_as_read(conn, people):
    """Same day for all, so 'newest' is the name's order; by company, the name within each."""
    assert keys_in_pages(conn, people, "newest", 50)[0] == [[key for key, *_ in IN_ORDER]]
    assert keys_in_pages(conn, people, "company", 4)[0] == [
        ["bob", "emile", "zoe", "nameless"],  # Acme
        ["okafor", "sam", "zoe2", "ada"],  # Globex, then Initech
        ["zed"],
    ]


def test_the_order_keeps_the_filters(conn, people):
    pages, total = keys_in_pages(conn, people, "name", 2, ContactSearch(name="zoe"))
    assert (pages, total) == ([["zoe", "zoe2"]], 2)
    pages, total = keys_in_pages(conn, people, "name", 50, ContactSearch(company="acme"))
    assert (pages, total) == ([["bob", "emile", "zoe", "nameless"]], 4)
