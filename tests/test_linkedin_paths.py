"""The reader's two paths give the same result: Arrow's CSV reader for a plain file, pandas or
the csv module for every other shape. Each case is read both ways and compared whole: the
people kept (values and types), the rows skipped with their lines and reasons, or the error.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import export_bytes
from infoint import linkedin
from infoint.errors import NotAnExportError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "linkedin"
PLAIN_FIXTURES = [
    "2017_tags.csv",
    "2018.csv",
    "bad_dates.csv",
    "bom.csv",
    "crlf.csv",
    "current.csv",
    "deleted_columns.csv",
    "duplicates.csv",
    "excel_padded.csv",
    "no_preamble.csv",
    "only_nameless.csv",
    "pre2023.csv",
    "renamed_headers.csv",
    "spanish_excel.csv",
]
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def outcome(data: bytes, *, plain: bool):
    try:
        rows, skipped = linkedin._parse_connections(data, plain=plain)
    except NotAnExportError as error:
        return str(error)
    return rows.to_pylist(), skipped, [str(column.type) for column in rows.columns]


def assert_same_both_ways(data: bytes) -> None:
    assert outcome(data, plain=True) == outcome(data, plain=False)


def takes_plain_path(data: bytes) -> bool:
    return linkedin._read_plain(data) is not None


@pytest.mark.parametrize("fixture", sorted(path.name for path in FIXTURES.iterdir()))
def test_every_fixture_reads_the_same_both_ways(fixture):
    data = (FIXTURES / fixture).read_bytes()
    assert_same_both_ways(data)
    assert takes_plain_path(data) == (fixture in PLAIN_FIXTURES)


GENERATED = export_bytes(400, seed=3)
LINES = GENERATED.split(b"\n")  # the preamble is lines 1-3, the header line 4


def with_line(index: int, text: bytes) -> bytes:
    return b"\n".join([*LINES[:index], text, *LINES[index:]])


# (name, file, whether the plain path reads it)
VARIANTS = [
    ("as LinkedIn sends it", GENERATED, True),
    ("CRLF", GENERATED.replace(b"\n", b"\r\n"), True),
    ("byte order mark", b"\xef\xbb\xbf" + GENERATED, True),
    ("line ends after the last row", GENERATED + b"\n\n\n", True),
    ("mixed line ends after the last row", GENERATED + b"\n\r\n", True),
    ("no preamble", b"\n".join(LINES[3:]), True),
    ("a row of empty values", with_line(9, b",,,,,,"), True),
    ("a row of spaces", with_line(9, b"   "), False),
    ("a narrower row", with_line(9, b"Ann,Lee,,,Acme"), False),
    ("an empty extra value", with_line(9, b"Ann,Lee,,,Acme,Boss,01 Jan 2020,"), False),
    (
        "a quoted value holding a comma and quotes",
        with_line(9, b'Ann,Lee,,,Acme,"A, ""B""",01 Jan 2020'),
        True,
    ),
    ("spaces inside a quoted value", with_line(9, b'Ann,Lee,,,"  Acme  ",Boss,01 Jan 2020'), True),
    ("spaces after a closing quote", with_line(9, b'Ann,Lee,,,"Acme"  ,Boss,01 Jan 2020'), True),
    (
        "unicode spaces",
        with_line(9, "\u3000Ann\u00a0,Lee\u2003,,,Acme,Boss,01 Jan 2020".encode()),
        True,
    ),
    ("a repeated row", with_line(9, LINES[12]), True),
    (
        "unreadable and missing dates",
        with_line(9, b"Ann,Lee,,,Acme,Boss,31/31/2020\nBo,Li,,,A,B,"),
        True,
    ),
    (
        "the same name and date twice, no URL",
        with_line(9, b"Ann,Lee,,,A,B,01 Jan 2020\nAnn,Lee,,,C,D,01 Jan 2020"),
        True,
    ),
    (
        "a percent-encoded and an odd URL",
        with_line(
            9,
            b"A,B,https://www.linkedin.com/in/J%C3%A9,,"
            b"C,D,01 Jan 2020\nE,F,linkedin.com/in/X/,,"
            b"C,D,01 Jan 2020",
        ),
        True,
    ),
    ("a blank line", with_line(9, b""), False),
    ("a line break in a quoted value", with_line(9, b'Ann,Lee,,,"Ac\nme",Boss,01 Jan 2020'), False),
    ("a CRLF in a quoted value", with_line(9, b'Ann,Lee,,,"Ac\r\nme",Boss,01 Jan 2020'), False),
    ("a lone carriage return", with_line(9, b"Ann,Lee,,,Acme,Boss\r,01 Jan 2020"), False),
    (
        "a value starting with spaces and a quote",
        with_line(9, b'Ann,Lee,,, "Acme",Boss,01 Jan 2020'),
        True,
    ),
    ("an extra value", with_line(9, b"Ann,Lee,,,Acme,Boss,01 Jan 2020,x"), False),
    ("a Windows-1252 byte", with_line(9, b"Ren\xe9,Lee,,,Acme,Boss,01 Jan 2020"), False),
    (
        "a byte order mark in the middle",
        with_line(9, b"\xef\xbb\xbfAnn,Lee,,,A,B,01 Jan 2020"),
        False,
    ),
    ("an unclosed quote", GENERATED + b'\nAnn,"Lee', False),
    ("a quote left open in the preamble", b'Notes:\n"open\n' + b"\n".join(LINES[3:]), False),
    ("tab-separated", GENERATED.replace(b",", b"\t"), True),
]


@pytest.mark.parametrize(
    ("data", "plain"), [(data, plain) for _, data, plain in VARIANTS], ids=[v[0] for v in VARIANTS]
)
def test_generated_files_read_the_same_both_ways(data, plain):
    assert_same_both_ways(data)
    assert takes_plain_path(data) == plain


def test_a_path_bytes_and_an_archive_read_alike(tmp_path):
    expected = outcome(GENERATED, plain=False)
    odd_name = tmp_path / "Connections [1].csv"  # a glob to a reader of paths; we read the bytes
    for path in (tmp_path / "Connections.csv", odd_name):
        path.write_bytes(GENERATED)
        result = linkedin.read_connections(path)
        assert (result.frame.to_dict("records"), result.skipped) == expected[:2]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Basic/Connections.csv", GENERATED)
    result = linkedin.read_connections(buffer.getvalue(), filename="export.zip")
    assert (result.frame.to_dict("records"), result.skipped) == expected[:2]


PIECES = [*'ab ,;"\t\n\r\u00a0\u3000é', "01 Jan 2020", "https://www.linkedin.com/in/x"]
values = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(values, min_size=0, max_size=9), min_size=1, max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_random_rows_read_the_same_both_ways(rows, delimiter, line_end, quote_all):
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator=line_end,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerow(HEADER.split(","))
    writer.writerows(rows)
    assert_same_both_ways(buffer.getvalue().encode())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*'ab ,"\n\r\t', "01 Jan 2020"]), max_size=40).map("".join))
def test_random_text_below_the_header_reads_the_same_both_ways(body):
    assert_same_both_ways((HEADER + "\n" + body).encode())


encoded_slugs = st.lists(
    st.one_of(
        st.sampled_from([*"aZ09_.~-", "%", "%2", "%0A", "%0a", "%20", "%C3", "%C3%A9", "%E2%82"]),
        st.integers(0, 255).map(lambda byte: f"%{byte:02X}"),
    ),
    min_size=1,
    max_size=8,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(encoded_slugs, min_size=1, max_size=12))
def test_percent_encoded_profile_urls_read_in_bulk_match_normalise_profile_url(slugs):
    urls = ["https://www.linkedin.com/in/" + slug for slug in slugs]
    rows = "".join(f"P{i},Q,{url},,Co,Role,01 Jan 2020\n" for i, url in enumerate(urls))
    read, _ = linkedin._parse_connections((HEADER + "\n" + rows).encode())
    frame = read.to_pandas()
    for line, url in zip(frame["line"], frame["profile_url"], strict=True):
        assert url == linkedin.normalise_profile_url(urls[line - 2])


@pytest.mark.parametrize("end", ["", "\n", "\r\n", "\n\n"])
def test_a_file_cut_short_inside_a_quoted_last_value_is_refused_both_ways(end):
    # Arrow ends a quoted value at the end of its input; pandas sees the quote never close.
    data = f'{HEADER}\nAnn,Lee,,,Acme,Boss,01 Jan 2020\nBo,Li,,,Acme,Boss,"01 Jan 2020{end}'
    assert outcome(data.encode(), plain=True) == outcome(data.encode(), plain=False)
    assert "quotes do not close" in outcome(data.encode(), plain=True)


@pytest.mark.parametrize("padding", range(0, 80, 3))
def test_a_line_break_in_quotes_wherever_the_body_is_halved_reads_the_same_both_ways(padding):
    # One record over two lines, each as wide as the header: where the body is cut in halves
    # at that line break, each half alone reads as two records of the right width.
    rows = "".join(f"P{i},Q,,,Co,Role,01 Jan 2020\n" for i in range(3))
    record = 'A,B,,,C,D,"01 Jan 2020\nE",F,,,G,H,02 Jan 2020\n'
    data = f"{HEADER}\n{rows}{record}R,S,,,Co,Role{'x' * padding},03 Jan 2020\n".encode()
    people, skipped, _ = outcome(data, plain=False)
    assert [person["first_name"] for person in people] == ["P0", "P1", "P2", "R"]
    assert skipped == [linkedin.SkippedRow(5, "extra values after Connected On")]
    assert outcome(data, plain=True) == outcome(data, plain=False)
