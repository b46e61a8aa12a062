"""A zip that cannot be used is refused with advice that fits the box it was uploaded to.

The walkthrough: a damaged .zip in "Bring in what you already sent on LinkedIn" was told to
"upload the Connections.csv inside it", which that box refuses.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, history, linkedin
from infoint.errors import NotAnExportError

ROOT = Path(__file__).resolve().parent.parent


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def password_protected() -> bytes:
    """A stored member with the 'encrypted' flag set: what zipfile sees of a protected zip."""
    data = bytearray(zip_bytes({"messages.csv": b"FROM,TO\nA,B\n"}))
    data[6] |= 0x1  # the local header's flags
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the central directory's flags
    return bytes(data)


def workbook() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["FROM", "TO"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ratio_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.csv", bytes(5 * 1024 * 1024))
    return buffer.getvalue()


BAD_ARCHIVES = {
    "damaged": zip_bytes({"messages.csv": b"x" * 5000})[:-30],
    "garbage": b"PK\x03\x04" + b"\x07" * 200,
    "password": password_protected(),
    "workbook": workbook(),
    "bomb": ratio_bomb(),
    "not text": zip_bytes({"messages.csv": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))}),
}


def refused_history(conn, data: bytes) -> str:
    with pytest.raises(NotAnExportError) as caught:
        history.preview_history(conn, data, "Complete_LinkedInDataExport.zip", date(2026, 1, 1))
    return str(caught.value)


@pytest.mark.parametrize("kind", BAD_ARCHIVES)
def test_the_messages_box_never_asks_for_the_connections_csv(conn, kind):
    said = refused_history(conn, BAD_ARCHIVES[kind])
    assert "Connections.csv" not in said
    assert said.count(".") <= 3 and said.endswith(".")  # one sentence ('.zip', '.csv' aside)
    assert "archive" in said


def test_a_damaged_archive_in_the_messages_box_is_to_be_downloaded_again(conn):
    assert refused_history(conn, BAD_ARCHIVES["damaged"]) == (
        "This zip is damaged and cannot be opened; expected the LinkedIn archive as "
        "downloaded, so download the archive again and upload it as it is."
    )
    assert refused_history(conn, BAD_ARCHIVES["password"]) == (
        "This zip is protected by a password; expected the LinkedIn archive as downloaded, "
        "so download it again and upload it as it is."
    )
    assert refused_history(conn, BAD_ARCHIVES["workbook"]) == (
        "This is an Excel workbook; expected the LinkedIn archive .zip as LinkedIn sent it, "
        "so upload that."
    )


def test_an_empty_file_in_the_messages_box_asks_for_the_archive(conn):
    assert refused_history(conn, b"  ") == (
        "The file is empty; expected the LinkedIn archive .zip as LinkedIn sent it, or the "
        "messages.csv or Invitations.csv inside it."
    )


@pytest.mark.parametrize("kind", ["damaged", "password", "bomb"])
def test_the_connections_box_still_offers_its_connections_csv(kind):
    """That box takes the Connections.csv too, so it stays a way out there."""
    data = {k: v.replace(b"messages.csv", b"Connections.csv") for k, v in BAD_ARCHIVES.items()}
    with pytest.raises(NotAnExportError) as caught:
        linkedin.read_connections(data[kind], "archive.zip")
    assert "Connections.csv inside it" in str(caught.value)


def test_the_page_says_it_under_the_messages_box(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url="https://www.linkedin.com/in/ana")
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/8_import_export.py")
    at.run()
    at.file_uploader(key="history_upload_0").set_value(
        ("Complete_LinkedInDataExport.zip", BAD_ARCHIVES["damaged"], "application/zip")
    )
    at.run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "This zip is damaged and cannot be opened; expected the LinkedIn archive as "
        "downloaded, so download the archive again and upload it as it is."
    ]
