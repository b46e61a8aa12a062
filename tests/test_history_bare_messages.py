"""The history box takes the messages.csv of an unzipped archive, and refuses anything else
that is not a zip in one sentence naming what it takes.

The walkthrough: a user who had unzipped LinkedIn's archive uploaded its messages.csv under
"Bring in what you already sent on LinkedIn" and was told only "This is not a zip archive;
expected the LinkedIn archive .zip that holds messages.csv.", so they had to zip it again.
"""

from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, history, linkedin
from infoint.errors import NotAnExportError
from tests.test_history import (
    ANA,
    CY,
    INVITATION_HEADER,
    ME,
    MESSAGE_HEADER,
    archive,
    csv_text,
    events,
    message,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "Connections.csv"
SINCE = date(2026, 2, 1)

MESSAGES = csv_text(
    MESSAGE_HEADER,
    [
        message("c1", ME, ANA, "2026-03-02 09:00:00 UTC", "Hello Ana, Maria suggested..."),
        message("c1", ME, ANA, "2026-03-10 08:00:00 UTC", "One gentle reminder"),
        message("c1", ANA, ME, "2026-03-11 17:30:00 UTC", "Happy to talk!"),
        message("c2", ME, CY, "2026-03-04 10:00:00 UTC", "Hi Cy"),
    ],
)
MESSAGES_2018 = (
    "From,To,Date,Subject,Content,Direction,Folder\n"
    'Sam Me,Ana Lopez,"3/2/26, 9:00 AM",,Hello Ana,OUTGOING,INBOX\n'
)
INVITATIONS = csv_text(
    INVITATION_HEADER,
    [["Sam", "Cy", "3/9/26, 8:41 AM", "Hi Cy, we both studied at Leeds", "OUTGOING", ME, CY]],
)
CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Lopez,https://www.linkedin.com/in/ana-lopez,,Acme,Analyst,01 Mar 2026\n"
)
WANTS = "the LinkedIn archive .zip as LinkedIn sent it"


@pytest.fixture
def people(conn):
    return {
        "ana": contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA),
        "cy": contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY),
    }


def one_sentence(said: str) -> str:
    assert said.endswith("."), said
    assert not re.search(r"[.!?]\s", said), f"more than one sentence: {said}"
    return said


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (MESSAGES.encode(), "messages.csv"),
        (MESSAGES.encode(), "messages (1).csv"),  # as a browser renames a second download
        (codecs.BOM_UTF8 + MESSAGES.replace("\n", "\r\n").encode(), "messages.csv"),
    ],
)
def test_a_bare_messages_csv_reads_as_the_archive_holding_it(conn, people, data, name):
    zipped = history.preview_history(conn, archive(MESSAGES), "archive.zip", SINCE)
    bare = history.preview_history(conn, data, name, SINCE)
    assert (bare.outreach, bare.follow_ups, bare.replies, bare.people) == (2, 1, 1, 2)
    assert (bare.outreach, bare.follow_ups, bare.replies) == (
        zipped.outreach,
        zipped.follow_ups,
        zipped.replies,
    )
    assert events(conn) == []  # a preview writes nothing


def test_a_bare_messages_csv_is_imported_once(conn, people):
    added = history.import_history(conn, MESSAGES.encode(), "messages.csv", SINCE)
    assert added.events == 4
    assert [(name, kind) for name, kind, *_ in events(conn)] == [
        ("Ana", "outreach"),
        ("Cy", "outreach"),
        ("Ana", "follow_up"),
        ("Ana", "reply"),
    ]
    # The same messages again, now in their archive: nothing new.
    again = history.import_history(conn, archive(MESSAGES), "archive.zip", SINCE)
    assert (again.events, again.already_imported) == (0, 4)


def test_a_bare_messages_csv_says_invitations_need_the_archive(conn, people):
    found = history.preview_history(conn, MESSAGES.encode(), "messages.csv", SINCE)
    assert any("Invitations.csv" in note and ".zip" in note for note in found.notes), found.notes
    zipped = history.preview_history(conn, archive(MESSAGES, INVITATIONS), "a.zip", SINCE)
    assert not any("Invitations.csv" in note for note in zipped.notes)


def test_a_bare_messages_csv_of_2018_is_taken_and_explained(conn, people):
    found = history.preview_history(conn, MESSAGES_2018.encode(), "messages.csv", SINCE)
    assert found.events == 0
    assert any("profile addresses" in note for note in found.notes)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (CONNECTIONS.encode(), "Connections.csv"),
        (SAMPLE.read_bytes(), "Connections.csv"),  # with LinkedIn's notes above the header
        (b"name,industry\nAcme,Software\n", "targets.csv"),
        (b"Dear Ana, thank you for the coffee.\n", "notes.txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "photo.png"),
        (b"%PDF-1.7\n\x00\x01binary", "CV.pdf"),
    ],
)
def test_anything_else_that_is_not_a_zip_is_refused_naming_what_is_taken(conn, people, data, name):
    with pytest.raises(NotAnExportError) as caught:
        history.preview_history(conn, data, name, SINCE)
    said = one_sentence(str(caught.value))
    assert WANTS in said and "messages.csv" in said and "Invitations.csv" in said, said
    assert "not a zip archive" not in said
    if b"\x00" not in data:  # text: a CSV of some kind, or none
        assert said.startswith(
            "This file is neither LinkedIn's messages.csv nor its Invitations.csv;"
        ), said
    with pytest.raises(NotAnExportError):
        history.import_history(conn, data, name, SINCE)
    assert events(conn) == []


def test_an_empty_file_names_both_too(conn, people):
    with pytest.raises(NotAnExportError) as caught:
        history.preview_history(conn, b"\n", "messages.csv", SINCE)
    said = one_sentence(str(caught.value))
    assert "archive .zip" in said and "messages.csv" in said and "Invitations.csv" in said, said


# --- on the Import & export page ------------------------------------------------------------


def open_history_box(app_db) -> AppTest:
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA)
    contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/8_import_export.py")
    at.run()
    at.date_input(key="history_since").set_value(SINCE)
    return at


def test_the_page_says_the_box_takes_messages_csv(app_db):
    at = open_history_box(app_db)
    label = at.file_uploader(key="history_upload_0").label
    assert "messages.csv" in label and "Invitations.csv" in label and ".zip" in label, label


def test_the_page_previews_and_adds_a_bare_messages_csv(app_db):
    at = open_history_box(app_db)
    at.file_uploader(key="history_upload_0").set_value(
        ("messages.csv", MESSAGES.encode(), "text/csv")
    )
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert any("Found 2 outreach, 1 follow-up and 1 reply" in m.value for m in at.markdown)
    assert any("Invitations.csv" in c.value for c in at.caption)
    [add] = [b for b in at.button if b.label == "Add these 4 events to your history"]
    add.click()
    at.run()
    assert not at.exception, at.exception
    assert "Added 2 outreach" in at.success[0].value
    conn = db.connect(app_db)
    assert len(events(conn)) == 4
    conn.close()


def test_the_page_refuses_another_file_in_one_sentence(app_db):
    at = open_history_box(app_db)
    at.file_uploader(key="history_upload_0").set_value(
        ("Connections.csv", CONNECTIONS.encode(), "text/csv")
    )
    at.run()
    assert not at.exception, at.exception
    [said] = [e.value for e in at.error]
    assert WANTS in one_sentence(said), said
    assert not [b for b in at.button if "history" in b.label]
    conn = db.connect(app_db)
    assert events(conn) == []
    conn.close()


def test_the_connections_box_sends_a_messages_csv_down_as_it_is():
    """messages.csv in the connections box is sent to the history box, which now takes it as
    it is: not back to the archive .zip only."""
    with pytest.raises(NotAnExportError) as caught:
        linkedin.read_connections(MESSAGES.encode(), filename="messages.csv")
    said = one_sentence(str(caught.value))
    assert said.startswith("This is LinkedIn's messages.csv, not Connections.csv"), said
    assert "as it is or in the whole archive .zip" in said, said
