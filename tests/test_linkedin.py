"""The LinkedIn reader: every export shape seen in the wild, every reject, archives and bombs."""

from __future__ import annotations

import hashlib
import io
import re
import struct
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from infoint.errors import NotAnExportError
from infoint.linkedin import (
    MAX_UPLOAD_BYTES,
    MAX_ZIP_MEMBERS,
    NAMELESS_REASON,
    Connections,
    SkippedRow,
    read_archive_csv,
    read_connections,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "linkedin"
URL = "https://www.linkedin.com/in/"
ADA = {
    "first_name": "Ada",
    "last_name": "Quill",
    "profile_url": URL + "ada-quill",
    "email": "",
    "company": "Nimbus Labs",
    "position": "Data Analyst",
    "connected_on": "2024-11-06",
}
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def person(line: int, first: str, last: str, company: str, position: str, date: str, **other):
    return {
        "line": line,
        "first_name": first,
        "last_name": last,
        "profile_url": other.get("url", ""),
        "email": other.get("email", ""),
        "company": company,
        "position": position,
        "connected_on": date,
    }


def records(result: Connections) -> list[dict]:
    return result.frame.to_dict("records")


def assert_one_sentence(message: str, *words: str) -> None:
    assert message.endswith("."), message
    assert "\n" not in message
    assert not re.search(r"[.!?]\s", message), f"more than one sentence: {message}"
    for word in words:
        assert word in message, message


def refused(source, filename: str | None = None) -> str:
    with pytest.raises(NotAnExportError) as caught:
        read_connections(source, filename=filename)
    return str(caught.value)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# Accepted shapes


def test_current_export_is_read_with_every_text_quirk_kept():
    path = FIXTURES / "current.csv"
    result = read_connections(path)
    assert records(result) == [
        person(
            5,
            "Ada",
            "Quill",
            "Nimbus Labs",
            "Data Analyst",
            "2024-11-06",
            url=URL + "ada-quill-4b1c9a2e",
        ),
        person(
            6,
            "Bram",
            "Okafor, PhD",
            "N/A",
            "Research Lead",
            "2024-09-28",
            url=URL + "bram-okafor",
            email="bram@example.org",
        ),
        person(
            8,
            "Chidi 🚀",
            "Lindqvist",
            "@Orbit Works",
            'Engineer, "Platform"',
            "2024-08-15",
            url=URL + "chidi-lé",
        ),
        person(9, "美咲", "佐藤", "None", "", "2023-01-03", url=URL + "misaki-sato"),
    ]
    assert result.skipped == [SkippedRow(7, NAMELESS_REASON)]
    assert result.nameless == 1
    assert result.file_name == "current.csv"
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_columns_and_types_are_as_contracted():
    frame = read_connections(FIXTURES / "current.csv").frame
    assert list(frame.columns) == [
        "line",
        "first_name",
        "last_name",
        "profile_url",
        "email",
        "company",
        "position",
        "connected_on",
    ]
    assert frame["line"].dtype == "int64"
    assert all(pd.api.types.is_string_dtype(frame[name]) for name in frame.columns[1:])
    assert frame.index.tolist() == [0, 1, 2, 3]


def test_bytes_with_a_file_name_read_like_the_path():
    data = (FIXTURES / "current.csv").read_bytes()
    from_bytes = read_connections(data, filename="Connections.csv")
    assert records(from_bytes) == records(read_connections(FIXTURES / "current.csv"))
    assert from_bytes.file_name == "Connections.csv"
    assert from_bytes.sha256 == hashlib.sha256(data).hexdigest()


ADA_BRAM = [
    person(5, "Ada", "Quill", "Nimbus Labs", "Data Analyst", "2024-11-06", url=URL + "ada-quill"),
    person(6, "Bram", "Okafor", "Fern & Co", "Designer", "2023-09-30", url=URL + "bram-okafor"),
]


@pytest.mark.parametrize(
    ("fixture", "expected", "skipped"),
    [
        ("bom.csv", ADA_BRAM[:1], []),
        ("crlf.csv", ADA_BRAM, []),
        ("no_preamble.csv", [{**ADA_BRAM[0], "line": 2}], []),
        ("renamed_headers.csv", [{**ADA_BRAM[0], "line": 2}], []),
        ("deleted_columns.csv", [{**ADA_BRAM[0], "line": 2, "profile_url": ""}], []),
        (
            "pre2023.csv",
            [
                person(5, "Ada", "Quill", "Nimbus Labs", "Data Analyst", "2022-03-14"),
                person(
                    7,
                    "Bram",
                    "Okafor",
                    "Fern & Co",
                    "Designer",
                    "2021-12-09",
                    email="bram@example.org",
                ),
            ],
            [SkippedRow(6, NAMELESS_REASON)],
        ),
        (
            "2017_tags.csv",
            [
                person(
                    2,
                    "Ada",
                    "Quill",
                    "Nimbus Labs",
                    "Data Analyst",
                    "2014-01-13",
                    email="ada@example.org",
                ),
                person(
                    3,
                    "Bram",
                    "Okafor",
                    "Fern & Co",
                    "Designer",
                    "2017-11-02",
                    email="bram@example.org",
                ),
            ],
            [],
        ),
        (
            "2018.csv",
            [
                person(
                    2,
                    "Ada",
                    "Quill",
                    "Nimbus Labs",
                    "Data Analyst",
                    "2018-01-28",
                    email="ada@example.org",
                ),
                person(
                    3,
                    "Bram",
                    "Okafor",
                    "Fern & Co",
                    "Designer",
                    "2017-12-31",
                    email="bram@example.org",
                ),
            ],
            [],
        ),
        (
            "excel_padded.csv",
            [
                {**ADA_BRAM[0], "connected_on": "2018-02-01"},
                {**ADA_BRAM[1], "connected_on": "2014-08-01"},
            ],
            [],
        ),
        (
            "multiline.csv",
            [
                {**ADA_BRAM[0], "position": "Data Analyst\nand mentor"},
                {**ADA_BRAM[1], "line": 7, "company": "Fern\n\n& Co"},
            ],
            [SkippedRow(10, "extra values after Connected On")],
        ),
        (
            "windows1252.csv",
            [
                person(
                    2,
                    "Zoë",
                    "Brønn",
                    "Café Ñandú",
                    "Jefa de área",
                    "2021-03-03",
                    url=URL + "zoe-bronn",
                ),
                person(3, "Émile", "Façade", "Société Générale", "Analyste – crédit", "2019-12-12"),
            ],
            [],
        ),
        (
            "semicolon_mixed_encoding.csv",
            [
                person(
                    2,
                    "Søren",
                    "Kierkegaard",
                    "Læsø A/S",
                    "Udvikler",
                    "2021-09-16",
                    url=URL + "soren-k",
                ),
                person(
                    3, "Åsa", "Öberg", "Ørsted", "Analytiker", "2020-02-01", url=URL + "asa-oberg"
                ),
            ],
            [],
        ),
        (
            "extra_fields.csv",
            [
                {**ADA_BRAM[0], "line": 2},
                person(4, "Cleo", "Marsh", "Tidewater", "Nurse", "2020-01-01"),
            ],
            [SkippedRow(3, "extra values after Connected On")],
        ),
        (
            "duplicates.csv",
            [
                {**ADA_BRAM[0], "line": 2, "position": "Lead Analyst"},
                person(4, "Sam", "Lee", "Fern & Co", "Designer", "2023-09-30"),
                person(6, "Sam", "Lee", "Orchard", "Chef", "2021-02-02"),
            ],
            [SkippedRow(3, "same person as line 2"), SkippedRow(5, "same person as line 4")],
        ),
        (
            "bad_dates.csv",
            [person(5, "Dev", "Rao", "Orchard", "Chef", "2021-02-02")],
            [
                SkippedRow(2, "unreadable date '31/31/2020'"),
                SkippedRow(3, "unreadable date '30 Feb 2023'"),
                SkippedRow(4, "no Connected On date"),
            ],
        ),
    ],
)
def test_export_shapes(fixture, expected, skipped):
    result = read_connections(FIXTURES / fixture)
    assert records(result) == expected
    assert result.skipped == skipped


def test_spanish_excel_mixes_month_names_and_formats_in_one_file():
    frame = read_connections(FIXTURES / "spanish_excel.csv").frame
    assert list(zip(frame["first_name"], frame["connected_on"], strict=True)) == [
        ("Lucía", "2009-10-30"),
        ("Mateo", "2016-12-01"),
        ("Sofía", "2021-01-15"),
        ("Diego", "2019-08-03"),
        ("Elena", "2020-09-12"),
        ("Pablo", "2015-04-07"),
        ("Irene", "2022-12-24"),
    ]
    assert frame["line"].tolist() == list(range(5, 12))
    assert frame["position"].tolist()[0] == "Diseñadora"


def test_profile_urls_are_normalised_like_normalise_profile_url():
    urls = [
        "http://linkedin.com/in/Foo-Bar/",
        "https://www.linkedin.com/in/sam?trk=people",
        "www.linkedin.com/in/Jos%C3%A9",
        "https://uk.linkedin.com/in/ZED-9",
        "https://example.com/in/nobody",
        "https://www.linkedin.com/company/acme",
        "https://[linkedin.com/in/bracket",
    ]
    rows = "".join(f"P{i},Q,{url},,Co,Role,01 Jan 2020\n" for i, url in enumerate(urls))
    frame = read_connections((HEADER + rows).encode(), filename="c.csv").frame
    assert frame["profile_url"].tolist() == [
        URL + "foo-bar",
        URL + "sam",
        URL + "josé",
        URL + "zed-9",
        "",
        "",
        "",
    ]


def test_line_numbers_count_blank_lines_and_quoted_line_breaks():
    text = HEADER + '\nAda,Quill,,,"\nNimbus\nLabs",Analyst,01 Jan 2020\n\n\n'
    text += ",,,,,,02 Jan 2020\nBo,Li,,,Co,X,3 Jan 2020"
    result = read_connections(text.encode(), filename="c.csv")
    assert result.frame["line"].tolist() == [3, 9]
    assert result.frame["company"].tolist() == ["Nimbus\nLabs", "Co"]
    assert result.skipped == [SkippedRow(8, NAMELESS_REASON)]


def test_a_row_with_thousands_of_extra_values_is_skipped_with_its_line():
    text = HEADER + "Ada,Quill,,,Co,X,01 Jan 2020" + ",x" * 100_000 + "\nBo,Li,,,Co,X,3 Jan 2020\n"
    result = read_connections(text.encode(), filename="c.csv")
    assert result.frame["first_name"].tolist() == ["Bo"]
    assert result.skipped == [SkippedRow(2, "extra values after Connected On")]


@pytest.mark.parametrize(
    ("dates", "iso"),
    [
        (["13/01/2020", "02/03/2020"], ["2020-01-13", "2020-03-02"]),  # a day above 12: day first
        (["01/13/2020", "02/03/2020"], ["2020-01-13", "2020-02-03"]),  # otherwise month first
        (["2021-05-04", "2021-05-04T10:00:00"], ["2021-05-04", "2021-05-04"]),
        (["4 MAY 2021", "4-Sep-09"], ["2021-05-04", "2009-09-04"]),
        (["04.05.21", "4 September 2021"], ["2021-05-04", "2021-09-04"]),
    ],
)
def test_date_formats(dates, iso):
    rows = "".join(f"P{i},Q,,,Co,Role,{date}\n" for i, date in enumerate(dates))
    frame = read_connections((HEADER + rows).encode(), filename="c.csv").frame
    assert frame["connected_on"].tolist() == iso


def test_a_name_alone_never_merges_two_people():
    rows = "Sam,Lee,,,A,X,01 Jan 2020\nSam,Lee,,,B,Y,02 Jan 2020\n"
    rows += "Sam,Lee,https://www.linkedin.com/in/sam-1,,C,Z,01 Jan 2020\n"
    result = read_connections((HEADER + rows).encode(), filename="c.csv")
    assert result.frame["company"].tolist() == ["A", "B", "C"]
    assert result.skipped == []


def test_tab_separated_utf16_from_excel_unicode_text():
    text = HEADER.replace(",", "\t") + "Ada\tQuill\t\t\tNimbus Labs\tData Analyst\t06 Nov 2024\r\n"
    frame = read_connections(text.encode("utf-16"), filename="c.txt").frame
    assert frame[["first_name", "company", "connected_on"]].values.tolist() == [
        ["Ada", "Nimbus Labs", "2024-11-06"]
    ]


# Rejects: each one sentence, saying what was expected


@pytest.mark.parametrize("data", [b"", b"  \r\n\n "])
def test_empty_file_is_refused(data):
    assert_one_sentence(refused(data, "Connections.csv"), "empty", "Connections.csv")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,  # a legacy .xls
        (HEADER + "Ada,Quill,,,Co,X,01 Jan 2020\x00\n").encode(),
    ],
)
def test_binary_data_is_refused(data):
    assert_one_sentence(refused(data, "Connections.csv"), "not text", "Connections.csv")


def test_another_csv_is_refused_naming_the_expected_columns():
    message = refused(b"Name,Phone\nAda,123\n", "phone-list.csv")
    assert_one_sentence(message, "First Name, Last Name, Company, Position and Connected On")


def test_linkedins_invitations_csv_is_named_with_where_it_belongs():
    message = refused(FIXTURES / "invitations.csv")
    assert_one_sentence(
        message, "This is LinkedIn's Invitations.csv", "Bring in what you already sent on LinkedIn"
    )


def test_a_csv_missing_some_columns_is_told_which():
    message = refused(FIXTURES / "partial_columns.csv")
    assert_one_sentence(message, "no Position or Connected On column")


def test_a_header_without_people_is_refused():
    assert_one_sentence(refused(FIXTURES / "header_only.csv"), "no people")


def test_never_a_success_of_zero_rows():
    message = refused(FIXTURES / "only_nameless.csv")
    assert_one_sentence(message, "both rows were skipped", "2 with no name")
    message = refused(
        (HEADER + "Ada,Quill,,,Co,X,someday\nAda,Quill,,,Co,X,,,oops\n").encode(), "c.csv"
    )
    assert_one_sentence(message, "1 with an unreadable date", "1 with extra values")


@pytest.mark.parametrize(
    ("row", "why"),
    [
        (",,,,Co,X,01 Jan 2020", "it has no name"),
        ("Ada,Quill,,,Co,X,", "it has no date"),
        ("Ada,Quill,,,Co,X,someday", "its date could not be read"),
        ("Ada,Quill,,,Co,X,01 Jan 2020,oops", "it has extra values"),
    ],
)
def test_a_file_whose_only_row_is_skipped_says_so_in_the_singular(row, why):
    """The walkthrough: "because all 1 rows were skipped (1 with no name)"."""
    message = refused((HEADER + row + "\n").encode(), "c.csv")
    assert message == (
        f"No person could be read from this file, because its only row was skipped ({why}); "
        "expected rows with a name and a Connected On date."
    )
    assert_one_sentence(message)


def test_a_file_whose_rows_are_all_skipped_counts_them():
    rows = "Ada,Quill,,,Co,X,\n,,,,Co,X,01 Jan 2020\n,,,,Co,Y,02 Jan 2020\n"
    message = refused((HEADER + rows).encode(), "c.csv")
    assert_one_sentence(message, "because all 3 rows were skipped (2 with no name, 1 with no date)")


def test_a_header_with_too_many_columns_is_refused():
    text = HEADER.strip() + ",Mine" * 30 + "\nAda,Quill,,,Co,X,01 Jan 2020\n"
    assert_one_sentence(refused(text.encode(), "c.csv"), "37 columns", "6 to 8")


def test_far_more_lines_than_linkedin_allows_are_refused():
    text = HEADER + "Ada,Quill,,,Co,X,01 Jan 2020" + "\n" * 300_001
    assert_one_sentence(refused(text.encode(), "c.csv"), "300,000 lines", "30,000 connections")


def test_an_unclosed_quote_is_refused():
    message = refused((HEADER + 'Ada,Quill,,,"Nimbus,Analyst,01 Jan 2020\n').encode(), "c.csv")
    assert_one_sentence(message, "quotes")


def test_too_big_an_upload_is_refused():
    message = refused(b"a" * (MAX_UPLOAD_BYTES + 1), "Connections.csv")
    assert_one_sentence(message, "50 MB")


def test_too_big_a_file_on_disk_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "Connections.csv"
    with path.open("wb") as handle:
        handle.truncate(10 * MAX_UPLOAD_BYTES)  # sparse: nothing is written
    assert_one_sentence(refused(path), "50 MB")


def test_a_missing_path_is_refused(tmp_path):
    assert_one_sentence(refused(tmp_path / "nowhere.csv"), "expected the path")


# Archives


def test_zip_finds_connections_at_any_depth_in_any_case():
    data = zip_bytes(
        {
            "__MACOSX/Export/._Connections.csv": b"\x00\x05\x16\x07 resource fork",
            "Export/messages.csv": b"FROM,TO\n",
            "Export/Complete_LinkedInDataExport_01-02-2026/CONNECTIONS.CSV": (
                FIXTURES / "current.csv"
            ).read_bytes(),
        }
    )
    result = read_connections(data, filename="Complete.zip")
    assert records(result) == records(read_connections(FIXTURES / "current.csv"))
    assert (
        result.file_name
        == "Complete.zip/Export/Complete_LinkedInDataExport_01-02-2026/CONNECTIONS.CSV"
    )
    assert result.sha256 == hashlib.sha256(data).hexdigest()


def test_zip_is_sniffed_by_its_magic_bytes(tmp_path):
    path = tmp_path / "download.csv"
    path.write_bytes(zip_bytes({"Connections.csv": (FIXTURES / "no_preamble.csv").read_bytes()}))
    assert read_connections(path).frame["first_name"].tolist() == ["Ada"]


def test_zip_without_connections_is_refused():
    message = refused(zip_bytes({"Profile.csv": b"First Name\nAda\n"}), "archive.zip")
    assert_one_sentence(message, "no Connections.csv", "expected the LinkedIn archive")


@pytest.mark.parametrize(
    "data",
    [
        zip_bytes({"Connections.csv": b"x" * 5000})[:-30],  # cut short
        b"PK\x03\x04" + b"\x07" * 200,
        b"not a zip at all",
    ],
)
def test_corrupt_zip_is_refused(data):
    assert_one_sentence(refused(data, "archive.zip"), "damaged")


def test_an_excel_workbook_is_refused_with_what_to_do():
    workbook = openpyxl.Workbook()
    workbook.active.append(["First Name", "Last Name"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert_one_sentence(refused(buffer.getvalue(), "Connections.xlsx"), "Excel", "CSV")


def zeros_zip(megabytes: int) -> bytes:
    """A zip of `megabytes` MB of zeros, written in 1 MB pieces so the test holds little."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("Connections.csv", "w", force_zip64=True) as member,
    ):
        block = bytes(1024 * 1024)
        for _ in range(megabytes):
            member.write(block)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zeros_zip(200)


def refused_within(megabytes: int, data: bytes) -> str:
    """Refused, and Python never held more than `megabytes` MB while deciding."""
    tracemalloc.start()
    try:
        message = refused(data, "archive.zip")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < megabytes * 1024 * 1024
    return message


def test_zip_bomb_is_refused_before_unpacking(bomb):
    assert len(bomb) < 1024 * 1024
    assert_one_sentence(refused_within(5, bomb), "was not opened")


def test_a_highly_compressed_member_is_refused_by_its_ratio():
    assert_one_sentence(refused(zeros_zip(5), "archive.zip"), "was not opened")


def test_a_bomb_whose_headers_lie_is_still_bounded(bomb):
    """Claim 1 KB unpacked in the central directory: the real read must not follow the data."""
    lying = bytearray(bomb)
    start = lying.rindex(b"PK\x01\x02")
    lying[start + 20 : start + 28] = struct.pack("<II", 0xFFFFFFFF, 1000)
    assert_one_sentence(refused_within(5, bytes(lying)), "damaged")


def test_too_many_members_are_refused():
    data = zip_bytes({f"f{i}.csv": b"" for i in range(MAX_ZIP_MEMBERS + 1)})
    assert_one_sentence(refused(data, "archive.zip"), "10,001 files")


# read_archive_csv


MESSAGES = (
    b"CONVERSATION ID,FROM,TO,DATE,CONTENT\n"
    b'c1,Ada Quill,Bram Okafor,2025-10-06 23:49:02 UTC,"Hello,\nhow are you?"\n'
    b"c2,Bram Okafor,Ada Quill,2025-10-07 08:00:00 UTC,N/A\n"
)


def test_read_archive_csv_finds_a_member_by_name_and_keeps_its_header():
    data = zip_bytes({"Export/MESSAGES.csv": MESSAGES, "Export/Connections.csv": b"x"})
    frame = read_archive_csv(data, "messages.csv", filename="archive.zip")
    assert frame.columns.tolist() == ["CONVERSATION ID", "FROM", "TO", "DATE", "CONTENT"]
    assert frame["CONTENT"].tolist() == ["Hello,\nhow are you?", "N/A"]
    assert frame["DATE"].tolist() == ["2025-10-06 23:49:02 UTC", "2025-10-07 08:00:00 UTC"]


def test_read_archive_csv_reads_a_path_and_returns_none_when_absent(tmp_path):
    path = tmp_path / "archive.zip"
    path.write_bytes(zip_bytes({"Invitations.csv": b"From,To\nAda,Bram\n", "empty.csv": b""}))
    assert read_archive_csv(path, "invitations.csv")["To"].tolist() == ["Bram"]
    assert read_archive_csv(path, "messages.csv") is None
    assert read_archive_csv(path, "EMPTY.CSV").empty


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (MESSAGES, ("not a zip archive", "Connections.csv")),
        (b"PK\x03\x04broken", ("damaged",)),
        (None, ("was not opened",)),
    ],
)
def test_read_archive_csv_refuses_what_is_not_a_sound_archive(data, words, bomb):
    with pytest.raises(NotAnExportError) as caught:
        read_archive_csv(bomb if data is None else data, "Connections.csv", filename="upload")
    assert_one_sentence(str(caught.value), *words)
