"""A company named twice in a target list: the preview says so, and the first line is kept."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoint import db, targets

NOVA_TWICE = (
    "name,industry,motivation,postings\n"
    "Nova Labs,Health,3,2\n"  # line 2
    "Acme,,1,\n"  # line 3
    ",Energy,1,1\n"  # line 4: no name
    "Nova Labs,,1,1\n"  # line 5
)


def test_a_repeated_company_is_listed_as_skipped_and_the_first_line_is_kept():
    preview = targets.read_target_list(NOVA_TWICE.encode(), "list.csv")
    assert list(preview.frame["name"]) == ["Nova Labs", "Acme"]
    assert list(preview.frame["line"]) == [2, 3]
    assert [(p.line, p.reason) for p in preview.problems] == [(4, "It has no company name.")]
    assert [(p.line, p.reason) for p in preview.repeats] == [
        (5, "Nova Labs is on line 2 too; line 2 is kept."),
    ]
    assert preview.skipped == 2


def test_a_repeat_spelled_otherwise_is_matched_by_the_company_key():
    data = b'name,motivation\nNova Labs,3\n"NOVA LABS, Inc.",1\nNova  labs ltd,2\n'
    preview = targets.read_target_list(data, "list.csv")
    assert list(preview.frame["name"]) == ["Nova Labs"]
    assert preview.problems == []
    assert [(p.line, p.reason) for p in preview.repeats] == [
        (3, "NOVA LABS, Inc. is the same company as Nova Labs on line 2; line 2 is kept."),
        (4, "Nova  labs ltd is the same company as Nova Labs on line 2; line 2 is kept."),
    ]


def test_a_repeat_after_a_line_that_cannot_be_read_is_kept():
    """The first line of a name is skipped (a bad score): the later one is the one to add."""
    data = b"name,motivation\nNova Labs,high\nNova Labs,2\n"
    preview = targets.read_target_list(data, "list.csv")
    assert list(preview.frame["line"]) == [3]
    assert [p.line for p in preview.problems] == [2]
    assert preview.repeats == []


def test_the_import_of_a_repeated_company_keeps_the_first_line(conn):
    preview = targets.read_target_list(NOVA_TWICE.encode(), "list.csv")
    result = targets.import_target_list(conn, preview)
    assert result == targets.TargetListImport(added=2, updated=0, skipped=2)
    rows = conn.execute(
        "SELECT name, industry, motivation, postings FROM companies ORDER BY name"
    ).fetchall()
    assert rows == [("Acme", None, 1, 0), ("Nova Labs", "Health", 3, 2)]


def test_names_merged_into_one_company_keep_the_first_line_at_import(conn):
    """The preview cannot know a merge (no database); the import still keeps the first."""
    keep = targets.add_company(conn, "Nova Labs")
    targets.merge_companies(conn, keep, targets.add_company(conn, "Nova"))
    preview = targets.read_target_list(b"name,motivation\nNova,3\nNova Labs,1\n", "list.csv")
    targets.import_target_list(conn, preview)
    assert conn.execute("SELECT name, motivation FROM companies").fetchall() == [("Nova Labs", 3)]


PIECES = [
    "a",
    "b",
    "X",
    "Z",
    *" .,;:()\"'-&\t\n\x0b\xa0\u2003\u3000İΣßé",
    "Inc",
    " co",
    " AG",
    " LTD",
]
NAMES = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@pytest.fixture(scope="module")
def memory():
    """A database only for its company_key macro (module-wide: hypothesis calls many times)."""
    connection = db.connect(":memory:")
    yield connection
    connection.close()


def database_keys(connection, names):
    rows = connection.execute(
        "SELECT company_key(name) FROM unnest(?) WITH ORDINALITY AS t(name, i) ORDER BY i",
        [names],
    ).fetchall()
    return [row[0] for row in rows]


@settings(max_examples=300, deadline=None)
@given(names=st.lists(NAMES, min_size=1, max_size=20))
def test_the_preview_keys_companies_as_the_database_does(memory, names):
    assert [targets.company_key(name) for name in names] == database_keys(memory, names)


@pytest.mark.parametrize("name", ["İstanbul AG", "ΣΑΣ", "Nova\tLabs\n", "a\u00a0inc", "x co inc"])
def test_the_preview_keys_awkward_names_as_the_database_does(memory, name):
    assert [targets.company_key(name)] == database_keys(memory, [name])
