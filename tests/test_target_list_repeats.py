"""A company named twice in a target list: the preview says so, and the first line is kept."""

import csv
import io
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from infoint import db, targets
from infoint.errors import InvalidInputError

NOVA_TWICE = (
    "name,industry,motivation,postings\n"
    "Nova Labs,Health,3,2\n"  # line 2
    "Acme,,1,\n"  # line 3
    ",Energy,1,1\n"  # line 4: no name
    "Nova Labs,,1,1\n"  # line 5
)


def test_a_repeated_company_is_listed_as_skipped_and_the_first_line_is_kept(conn):
    preview = targets.read_target_list(conn, NOVA_TWICE.encode(), "list.csv")
    assert list(preview.frame["name"]) == ["Nova Labs", "Acme"]
    assert list(preview.frame["line"]) == [2, 3]
    assert [(p.line, p.reason) for p in preview.problems] == [(4, "It has no company name.")]
    assert [(p.line, p.reason) for p in preview.repeats] == [
        (5, "Nova Labs is on line 2 too; line 2 is kept."),
    ]
    assert preview.skipped == 2


def test_a_repeat_spelled_otherwise_is_matched_by_the_company_key(conn):
    data = b'name,motivation\nNova Labs,3\n"NOVA LABS, Inc.",1\nNova  labs ltd,2\n'
    preview = targets.read_target_list(conn, data, "list.csv")
    assert list(preview.frame["name"]) == ["Nova Labs"]
    assert preview.problems == []
    assert [(p.line, p.reason) for p in preview.repeats] == [
        (3, "NOVA LABS, Inc. is the same company as Nova Labs on line 2; line 2 is kept."),
        (4, "Nova  labs ltd is the same company as Nova Labs on line 2; line 2 is kept."),
    ]


def test_a_repeat_after_a_line_that_cannot_be_read_is_kept(conn):
    """The first line of a name is skipped (a bad score): the later one is the one to add."""
    data = b"name,motivation\nNova Labs,high\nNova Labs,2\n"
    preview = targets.read_target_list(conn, data, "list.csv")
    assert list(preview.frame["line"]) == [3]
    assert [p.line for p in preview.problems] == [2]
    assert preview.repeats == []


def test_the_import_of_a_repeated_company_keeps_the_first_line(conn):
    preview = targets.read_target_list(conn, NOVA_TWICE.encode(), "list.csv")
    result = targets.import_target_list(conn, preview)
    assert result == targets.TargetListImport(added=2, already_here=0, skipped=2)
    rows = conn.execute(
        "SELECT name, industry, motivation, postings FROM companies ORDER BY name"
    ).fetchall()
    assert rows == [("Acme", None, 1, 0), ("Nova Labs", "Health", 3, 2)]


def test_names_merged_into_one_company_keep_the_first_line_at_import(conn):
    """The preview keys names alone, merges aside; the import still keeps the first."""
    keep = targets.add_company(conn, "Nova Labs")
    targets.merge_companies(conn, keep, targets.add_company(conn, "Nova"))
    preview = targets.read_target_list(conn, b"name,motivation\nNova,3\nNova Labs,1\n", "list.csv")
    targets.import_target_list(conn, preview, update=True)  # Nova Labs is on the list already
    assert conn.execute("SELECT name, motivation FROM companies").fetchall() == [("Nova Labs", 3)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Nova Labs", "NOVA LABS, Inc."),  # case, punctuation, a legal suffix
        ("Nova Labs", "Nova\tLabs"),  # any run of spaces is one space
        ("Acme Ltd", "Acme Limited"),
        ("X Co Inc", "X"),  # two suffixes go, the last first
        ("Acme (UK) Ltd.", "acme uk"),
        ("ΣΑΣ", "σασ"),  # lower case letter by letter, as DuckDB does: no final sigma
        ("İstanbul AG", "istanbul"),
    ],
)
def test_names_the_company_key_makes_one_are_one_company_in_the_preview(conn, first, second):
    preview = targets.read_target_list(conn, target_list([first, second]), "list.csv")
    assert list(preview.frame["name"]) == [first]
    assert [p.line for p in preview.repeats] == [3]


@pytest.mark.parametrize(
    ("first", "second"),
    [("Café", "Cafe"), ("Nova Labs", "Nova Lab"), ("Nova Labs", "Nova-Labs")],
)
def test_names_the_company_key_keeps_apart_are_two_companies_in_the_preview(conn, first, second):
    """Accents and hyphens are kept: these are two companies to the preview and the import."""
    preview = targets.read_target_list(conn, target_list([first, second]), "list.csv")
    assert list(preview.frame["name"]) == [first, second]
    assert preview.repeats == []


def target_list(names):
    """A CSV list naming these companies, one a line from line 2, each with motivation 1.

    Every cell is quoted: a list of apostrophes alone would have the sniffer read them as
    the quotes."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(["name", "motivation"])
    writer.writerows([name, 1] for name in names)
    return out.getvalue().encode()


# No line break: line n + 2 of the file is then names[n], which the test below relies on.
PIECES = [
    "a",
    "b",
    "X",
    "Z",
    "e",
    *" .,;:()\"'-&\t\x0b\xa0\u2003\u3000İΣßé",
    "Inc",
    " co",
    " AG",
    " LTD",
]
NAMES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)


@pytest.fixture(scope="module")
def memory():
    """One database for every example (module-wide: hypothesis calls the test many times)."""
    connection = db.connect(":memory:")
    yield connection
    connection.close()


@settings(max_examples=150, deadline=None)
@given(names=st.lists(NAMES, min_size=1, max_size=20))
# Read alone, that second line's doubled quote came back doubled: the sniffer had guessed
# from one row that quotes are not written twice.
@example(names=["a", 'a,Inc"\x0b', '"'])
def test_the_preview_and_the_import_agree_on_which_lines_name_one_company(memory, names):
    """The import makes one company per line the preview keeps, under its name; each line the
    preview calls a repeat names one of them, and its reason points to an earlier kept line."""
    memory.execute("DELETE FROM companies")
    try:
        preview = targets.read_target_list(memory, target_list(names), "list.csv")
    except InvalidInputError:  # no line with a name: nothing to compare
        return
    kept = dict(zip(preview.frame["line"], preview.frame["name"], strict=True))
    done = targets.import_target_list(memory, preview)
    made = memory.execute("SELECT name FROM companies").fetchall()
    assert (done.added, sorted(name for (name,) in made)) == (len(kept), sorted(kept.values()))
    for repeat in preview.repeats:
        first = int(re.search(r"line (\d+) is kept", repeat.reason).group(1))
        assert first < repeat.line and first in kept, repeat
    repeated = [names[repeat.line - 2] for repeat in preview.repeats]
    if repeated:
        again = targets.read_target_list(memory, target_list(repeated), "list.csv")
        assert targets.import_target_list(memory, again).added == 0
