"""messages.csv or Invitations.csv in the connections box, before any connection is in, is
sent to the connections first, then to the section further down that takes it.

The tester's walkthrough: with only the demo data, Invitations.csv uploaded as connections was
told "it comes in under 'Bring in what you already sent on LinkedIn', further down", and that
section said only "First bring in your connections above": the step named was closed. With
connections in, the section is open and the message stays as it was.
"""

from __future__ import annotations

import pytest

from infoint import demo, ui
from infoint.errors import NotAnExportError
from infoint.linkedin import read_connections
from tests.test_linkedin_other_files import INVITATIONS, MESSAGES_2024, POSITIONS
from tests.test_page_import_export import ADA, export_csv, open_page, scalar, upload

SECTION = "Bring in what you already sent on LinkedIn"
CLOSED = "First bring in your connections above"
NOTHING = "Nothing was imported; your data is as it was."


def said(at) -> str:
    [error] = [e.value for e in at.error]
    return error


def domain_sentence(data: str) -> str:
    with pytest.raises(NotAnExportError) as caught:
        read_connections(data.encode(), filename="upload.csv")
    return str(caught.value)


@pytest.mark.parametrize(
    ("data", "which", "demo_loaded"),
    [(INVITATIONS, "Invitations.csv", True), (MESSAGES_2024, "messages.csv", False)],
)
def test_before_any_connection_the_message_says_connections_first(app_db, data, which, demo_loaded):
    if demo_loaded:
        demo.load_demo(ui.connection())
    at = upload(open_page(), data.encode(), name=which)
    message = said(at)
    # the section further down is closed, as the message must then say
    assert any(CLOSED in i.value for i in at.info)
    assert message.startswith(f"This is LinkedIn's {which}, not Connections.csv"), message
    connections_first = message.find("bring in your connections first")
    assert connections_first != -1, message
    assert "Connections.csv from the same archive" in message
    # the connections come first, that file's own section after them
    assert connections_first < message.find(f'"{SECTION}"'), message
    assert message.endswith(NOTHING)
    assert scalar("SELECT count(*) FROM import_batches") == 0


@pytest.mark.parametrize(
    ("data", "which"), [(INVITATIONS, "Invitations.csv"), (MESSAGES_2024, "messages.csv")]
)
def test_with_connections_in_the_message_stays_as_it_was(app_db, data, which):
    at = upload(open_page(), export_csv(ADA))
    assert scalar("SELECT count(*) FROM contacts") == 1
    assert not any(CLOSED in i.value for i in at.info)  # the section is open
    at = upload(at, data.encode(), name=which)
    assert said(at) == ui.as_written(f"{domain_sentence(data)} {NOTHING}")
    assert "bring in your connections first" not in said(at)
    assert f'"{SECTION}"' in said(at)


def test_a_file_sent_to_connections_anyway_is_not_told_connections_first(app_db):
    at = upload(open_page(), POSITIONS.encode(), name="Positions.csv")
    assert said(at) == ui.as_written(f"{domain_sentence(POSITIONS)} {NOTHING}")
    assert SECTION not in said(at)
