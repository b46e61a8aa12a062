"""Another file of LinkedIn's archive in the connections box is named, with where it belongs.

The walkthrough: messages.csv (and Invitations.csv, Profile.csv) uploaded as connections was
told only "This file is not LinkedIn's Connections.csv; expected a CSV with the columns …",
though it is plainly LinkedIn's own, and messages have their place further down the page.
"""

from __future__ import annotations

import re

import pytest

from infoint.errors import NotAnExportError
from infoint.linkedin import read_connections
from tests.test_page_import_export import open_page, scalar, upload

HISTORY_SECTION = '"Bring in what you already sent on LinkedIn"'

MESSAGES_2024 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n"
    "c1,,Ada Quill,https://www.linkedin.com/in/ada-quill,Bram Okafor,"
    "https://www.linkedin.com/in/bram-okafor,2025-10-06 23:49:02 UTC,,Hello Bram,INBOX,No"
)
MESSAGES_2018 = (
    "From,To,Date,Subject,Content,Direction,Folder\n"
    'Ada Quill,Bram Okafor,"10/16/18, 8:36 AM",,Hello,OUTGOING,INBOX\n'
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    'Ada Quill,Bram Okafor,"9/27/25, 8:41 AM",,OUTGOING,'
    "https://www.linkedin.com/in/ada-quill,https://www.linkedin.com/in/bram-okafor"
)
PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Ada,Quill,,,,Analyst,,Software,,"Leeds, UK",,,\n'
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    "Acme,Analyst,,Leeds,Jan 2023,\n"
)


def refused(data: str, name: str) -> str:
    with pytest.raises(NotAnExportError) as caught:
        read_connections(data.encode(), filename=name)
    return str(caught.value)


def one_sentence(message: str) -> str:
    assert message.endswith("."), message
    assert not re.search(r"[.!?]\s", message), f"more than one sentence: {message}"
    return message


@pytest.mark.parametrize(
    ("data", "which"),
    [
        (MESSAGES_2024, "messages.csv"),
        (MESSAGES_2018, "messages.csv"),
        ("\ufeff" + MESSAGES_2024.replace("\n", "\r\n"), "messages.csv"),
        (INVITATIONS, "Invitations.csv"),
    ],
)
def test_messages_and_invitations_are_sent_to_the_history_section(data, which):
    # Whatever the upload is called: a browser may have renamed it "messages (1).csv".
    message = one_sentence(refused(data, "upload.csv"))
    assert message.startswith(f"This is LinkedIn's {which}, not Connections.csv"), message
    assert HISTORY_SECTION in message and "archive .zip" in message
    assert "expected a CSV with the columns" not in message


@pytest.mark.parametrize(
    ("data", "which"), [(PROFILE, "Profile.csv"), (POSITIONS, "Positions.csv")]
)
def test_other_archive_files_point_to_connections_csv(data, which):
    message = one_sentence(refused(data, which))
    assert message.startswith(f"This is LinkedIn's {which}, not Connections.csv"), message
    assert "upload the Connections.csv from the same archive" in message
    assert HISTORY_SECTION not in message


def test_a_file_of_someone_elses_is_still_told_the_columns_expected():
    message = refused("Name,Phone\nAda,123\n", "phone-list.csv")
    assert "expected a CSV with the columns" in message
    assert "This is LinkedIn's" not in message


def test_the_page_says_where_messages_csv_belongs_and_imports_nothing(app_db):
    at = upload(open_page(), MESSAGES_2024.encode(), name="messages.csv")
    [error] = [e.value for e in at.error]
    assert "messages.csv, not Connections.csv" in error and HISTORY_SECTION in error
    # the section named is on this page, under that heading
    assert "Bring in what you already sent on LinkedIn" in [h.value for h in at.subheader]
    assert scalar("SELECT count(*) FROM contacts") == 0
