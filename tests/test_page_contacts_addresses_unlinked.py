"""Contacts shows web and email addresses the user typed as text, not as links, in a person's
timeline, under their name, and in the namesakes of "Add a person by hand" (`ui.unlinked`: a
word joiner where GFM would start a link). A walkthrough: "Meeting planned for 20 minutes at
Café Ana ana@example.org" made mailto links, and "Ana Probe at www.acme-labs.com" a link to
that site. The LinkedIn profile button, a link the app makes on purpose, stays one."""

from datetime import UTC, datetime

import pytest

from infoint import contacts, db, interactions, meetings, ui
from infoint.text import plain_markdown
from tests.test_page_contacts import contacts_page, run

JOINER = ui.WORD_JOINER
PROFILE = "https://www.linkedin.com/in/ana-probe"


@pytest.fixture
def ana(app_db):
    conn = db.connect(app_db)
    try:
        meetings.set_time_zone(conn, "UTC")
        ana = contacts.add_contact(
            conn, "Ana", "Probe", company="www.acme-labs.com", linkedin_url=PROFILE
        )
        interactions.log_interaction(
            conn,
            ana,
            "outreach",
            occurred_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
            subject="Coffee?",
            body="Sent from ana@example.org; the posting: https://acme-labs.com/jobs/42",
        )
        meetings.schedule_meeting(
            conn,
            ana,
            datetime(2126, 12, 1, 10, tzinfo=UTC),
            promised_minutes=20,
            place="Café Ana ana@example.org",
        )
    finally:
        conn.close()
    return ana


def texts(at) -> list[str]:
    return [m.value for m in at.main.markdown] + [c.value for c in at.main.caption]


def test_the_timeline_shows_typed_addresses_as_text(ana):
    at = run(contacts_page(contact=str(ana)))
    said = texts(at)
    planned = [t for t in said if "Meeting planned for 20 minutes" in t]
    assert planned == [
        "**1 Dec 2126** · "
        + plain_markdown(f"Meeting planned for 20 minutes at Café Ana ana@{JOINER}example.org")
    ]
    [notes] = [t for t in said if "Sent from" in t]
    assert notes == plain_markdown(
        f"Sent from ana@{JOINER}example.org; the posting: https{JOINER}://acme-labs.com/jobs/42"
    )
    assert plain_markdown(f"www{JOINER}.acme-labs.com") in said  # under the name
    # the profile button the app makes stays a link
    assert PROFILE in [button.proto.url for button in at.main.get("link_button")]


def test_a_namesake_s_company_is_shown_as_text_when_adding_by_hand(ana):
    at = run(contacts_page())
    at.session_state["add_form_open"] = True
    run(at)
    at.text_input(key="add_first").input("Ana")
    at.text_input(key="add_last").input("Probe")
    run(at)
    assert "Already in your network by this name" in at.warning[0].value
    [line] = [t for t in texts(at) if t.startswith("Ana Probe at")]
    assert line == plain_markdown(f"Ana Probe at www{JOINER}.acme-labs.com · Contacted")
