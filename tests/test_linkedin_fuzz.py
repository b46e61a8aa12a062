"""Hostile and odd input: the reader returns a sound Connections or raises NotAnExportError.

Anything else (a pandas error, a traceback, a "success" with no one in it) is a failure.
CI loads the derandomised hypothesis profile from conftest.py.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint.errors import NotAnExportError
from infoint.linkedin import COLUMNS, normalise_profile_url, read_archive_csv, read_connections

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "linkedin"
REAL_SHAPES = [
    (FIXTURES / name).read_bytes()
    for name in (
        "current.csv",
        "2017_tags.csv",
        "excel_padded.csv",
        "multiline.csv",
        "semicolon_mixed_encoding.csv",
        "spanish_excel.csv",
    )
]
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

fuzz = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_sound(data: bytes, filename: str) -> None:
    try:
        result = read_connections(data, filename=filename)
    except NotAnExportError as error:
        message = str(error)
        assert message.endswith(".")
        assert "\n" not in message
        assert not re.search(r"[.!?]\s", message), message
        return
    frame = result.frame
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) > 0
    assert frame["line"].dtype == "int64"
    assert all(pd.api.types.is_string_dtype(frame[name]) for name in COLUMNS[1:])
    assert all(frame[name].map(lambda value: isinstance(value, str)).all() for name in COLUMNS[1:])
    assert frame["connected_on"].map(lambda value: bool(ISO_DATE.fullmatch(value))).all()
    assert ((frame["first_name"] != "") | (frame["last_name"] != "")).all()
    lines = frame["line"].tolist() + [row.line for row in result.skipped]
    assert len(lines) == len(set(lines))
    assert min(lines) >= 1
    assert all(row.reason for row in result.skipped)


@fuzz
@given(st.binary(max_size=4000), st.sampled_from(["Connections.csv", "archive.zip", "upload"]))
def test_random_bytes(data, filename):
    assert_sound(data, filename)


@fuzz
@given(st.binary(max_size=2000))
def test_random_bytes_that_look_like_a_zip(data):
    assert_sound(b"PK\x03\x04" + data, "archive.zip")


csv_values = st.text(max_size=40)


@fuzz
@given(
    st.one_of(st.just(HEADER), st.lists(st.sampled_from([*HEADER, "Tags", "", "x"]), max_size=9)),
    st.lists(st.lists(csv_values, max_size=9), max_size=12),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_random_csv_text(header, rows, delimiter, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    assert_sound(buffer.getvalue().encode(encoding, errors="replace"), "Connections.csv")


def truncate(data: bytes, draw) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def reencode(data: bytes, draw) -> bytes:
    encoding = draw(
        st.sampled_from(["utf-16-le", "utf-16", "utf-32", "latin-1", "cp1252", "cp437"])
    )
    return data.decode("utf-8", errors="replace").encode(encoding, errors="replace")


def huge_field(data: bytes, draw) -> bytes:
    at = draw(st.integers(0, len(data)))
    size = draw(st.sampled_from([10_000, 200_000]))
    return data[:at] + draw(st.sampled_from([b"x", b'"', b",", b"\n"])) * size + data[at:]


def nul_bytes(data: bytes, draw) -> bytes:
    at = draw(st.integers(0, len(data)))
    return data[:at] + b"\x00" * draw(st.integers(1, 8)) + data[at:]


def many_columns(data: bytes, draw) -> bytes:
    lines = data.split(b"\n")
    index = draw(st.integers(0, len(lines) - 1))
    lines[index] += draw(st.sampled_from([b",", b",x", b";"])) * draw(st.integers(1000, 5000))
    return b"\n".join(lines)


def flip_bytes(data: bytes, draw) -> bytes:
    mutable = bytearray(data)
    for _ in range(draw(st.integers(1, 20))):
        if mutable:
            mutable[draw(st.integers(0, len(mutable) - 1))] = draw(st.integers(0, 255))
    return bytes(mutable)


def splice_lines(data: bytes, draw) -> bytes:
    lines = data.split(b"\n")
    return b"\n".join(draw(st.lists(st.sampled_from(lines), max_size=len(lines) + 3)))


MUTATIONS = [truncate, reencode, huge_field, nul_bytes, many_columns, flip_bytes, splice_lines]


@st.composite
def mutated_exports(draw) -> bytes:
    data = draw(st.sampled_from(REAL_SHAPES))
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        data = mutation(data, draw)
    return data


@fuzz
@given(mutated_exports())
def test_mutations_of_real_exports(data):
    assert_sound(data, "Connections.csv")


@fuzz
@given(mutated_exports(), st.booleans())
def test_mutations_inside_an_archive(data, cut):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Export/Connections.csv", data)
    archive_bytes = buffer.getvalue()
    if cut:
        archive_bytes = archive_bytes[: len(archive_bytes) // 2]
    assert_sound(archive_bytes, "archive.zip")
    try:
        frame = read_archive_csv(archive_bytes, "connections.csv")
    except NotAnExportError:
        return
    assert frame is not None
    assert all(pd.api.types.is_string_dtype(frame[name]) for name in frame.columns)


url_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)


@settings(fuzz, max_examples=30)
@given(
    st.lists(
        st.one_of(
            url_text,
            url_text.map(lambda slug: "https://www.linkedin.com/in/" + slug),
            url_text.map(lambda slug: "HTTP://LinkedIn.com/in/" + slug + "/?trk=x"),
        ),
        min_size=1,
        max_size=15,
    )
)
def test_profile_urls_read_in_bulk_match_normalise_profile_url(urls):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(
        [f"P{i}", "Q", url, "", "Co", "Role", "01 Jan 2020"] for i, url in enumerate(urls)
    )
    frame = read_connections(buffer.getvalue().encode(), filename="c.csv").frame
    for line, url in zip(frame["line"], frame["profile_url"], strict=True):
        assert url == normalise_profile_url(urls[line - 2])
