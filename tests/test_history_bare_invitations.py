"""The history box takes the Invitations.csv of an unzipped archive too, as it takes its
messages.csv: a user who unzipped the archive need not zip it again for their invitations.

Before, an Invitations.csv uploaded on its own was refused with "This file is not LinkedIn's
messages.csv; …", though the box's own words said the archive holds invitations.
"""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, history
from tests.test_history import ANA, CY, INVITATION_HEADER, ME, archive, csv_text, events

ROOT = Path(__file__).resolve().parent.parent
SINCE = date(2026, 2, 1)

INVITATIONS = csv_text(
    INVITATION_HEADER,
    [
        ["Sam", "Cy", "3/9/26, 8:41 AM", "Hi Cy, we both studied at Leeds", "OUTGOING", ME, CY],
        ["Sam", "Ana", "3/5/26, 10:02 AM", "Hello Ana, Maria suggested you", "OUTGOING", ME, ANA],
        ["Sam", "Ana", "3/6/26, 9:00 AM", "", "OUTGOING", ME, ANA],  # no note: not outreach
        ["Bo", "Sam", "3/7/26, 9:00 AM", "Hi Sam", "INCOMING", ANA, ME],  # theirs, not yours
    ],
)
INVITATIONS_2022 = (  # before LinkedIn added profile addresses
    'From,To,Sent At,Message,Direction\nSam Me,Cy Chu,"3/9/26, 8:41 AM",Hi Cy,OUTGOING\n'
)


@pytest.fixture
def people(conn):
    return {
        "ana": contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA),
        "cy": contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY),
    }


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (INVITATIONS.encode(), "Invitations.csv"),
        (INVITATIONS.encode(), "Invitations (1).csv"),  # as a browser renames a second download
        (codecs.BOM_UTF8 + INVITATIONS.replace("\n", "\r\n").encode(), "Invitations.csv"),
    ],
)
def test_a_bare_invitations_csv_reads_as_the_archive_holding_it(conn, people, data, name):
    zipped = history.preview_history(conn, archive(invitations=INVITATIONS), "a.zip", SINCE)
    bare = history.preview_history(conn, data, name, SINCE)
    assert (bare.outreach, bare.people) == (2, 2)
    assert (bare.outreach, bare.follow_ups, bare.replies, bare.people) == (
        zipped.outreach,
        zipped.follow_ups,
        zipped.replies,
        zipped.people,
    )
    assert events(conn) == []  # a preview writes nothing


def test_a_bare_invitations_csv_is_imported_once(conn, people):
    added = history.import_history(conn, INVITATIONS.encode(), "Invitations.csv", SINCE)
    assert added.events == 2
    assert [(name, kind) for name, kind, *_ in events(conn)] == [
        ("Ana", "outreach"),
        ("Cy", "outreach"),
    ]
    # The same invitations again, now in their archive: nothing new.
    again = history.import_history(conn, archive(invitations=INVITATIONS), "a.zip", SINCE)
    assert (again.events, again.already_imported) == (0, 2)


def test_a_bare_invitations_csv_says_messages_need_their_file(conn, people):
    found = history.preview_history(conn, INVITATIONS.encode(), "Invitations.csv", SINCE)
    [note] = [note for note in found.notes if "messages.csv" in note]
    assert note.startswith("Only your invitations were read"), note
    assert ".zip" in note


def test_a_bare_invitations_csv_without_addresses_is_explained(conn, people):
    found = history.preview_history(conn, INVITATIONS_2022.encode(), "Invitations.csv", SINCE)
    assert found.events == 0
    assert any("profile addresses" in note for note in found.notes), found.notes


def test_the_page_previews_and_adds_a_bare_invitations_csv(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA)
    contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/8_import_export.py")
    at.run()
    at.date_input(key="history_since").set_value(SINCE)
    at.file_uploader(key="history_upload_0").set_value(
        ("Invitations.csv", INVITATIONS.encode(), "text/csv")
    )
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert any("Found 2 outreach" in m.value for m in at.markdown), [m.value for m in at.markdown]
    assert any("messages.csv" in c.value for c in at.caption)
    [add] = [b for b in at.button if b.label == "Add these 2 events to your history"]
    add.click()
    at.run()
    assert not at.exception, at.exception
    assert "Added 2 outreach" in at.success[0].value
    conn = db.connect(app_db)
    assert len(events(conn)) == 2
    conn.close()
