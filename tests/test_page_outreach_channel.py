"""Outreach's "Sent by" starts where Contacts' log form would (`interactions.likely_channel_to`):
the way the user's last message to the person went, else by email when an address is on file.
It read only the address: a follow-up to Ana, written to first on LinkedIn though her email is
on file, was offered Email, and logged as such unless the user noticed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from infoint import contacts, db, interactions, outreach, profile
from tests.test_page_outreach import button, outreach_page, run


@pytest.fixture
def network(app_db):
    """Ana, whose email is on file; Maria, who has none."""
    conn = db.connect(app_db)
    maria = contacts.add_contact(conn, "Maria", "Lopez", company="Globex")
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme Health", email="ana@example.org")
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="a data analyst",
        focus_kind="occupation",
        focus="product management",
    )
    conn.close()
    return {"maria": maria, "ana": ana, "db": app_db}


def logged_channels(app_db, contact_id: int) -> list[str]:
    conn = db.connect(app_db)
    rows = conn.execute(
        "SELECT channel FROM interactions WHERE contact_id = ? ORDER BY id", [contact_id]
    ).fetchall()
    conn.close()
    return [row[0] for row in rows]


def test_a_follow_up_goes_the_way_the_first_message_went(network):
    conn = db.connect(network["db"])
    two_weeks_ago = date.today() - timedelta(days=14)  # the follow-up is due
    interactions.log_interaction(
        conn, network["ana"], "outreach", channel="linkedin", occurred_at=two_weeks_ago
    )
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]  # her email is on file
    at.session_state[outreach.COMPOSE_KIND_KEY] = "follow_up"
    run(at)
    channel = at.selectbox(key=f"outreach_channel_{network['ana']}")
    assert channel.value == "linkedin"
    assert channel.value == interactions.likely_channel_to(
        db.connect(network["db"]), network["ana"], "ana@example.org"
    )
    # A LinkedIn message is not asked for a subject.
    assert not any("Write a subject" in m.value for m in at.markdown)
    button(at, "Log as sent").click()
    run(at)
    assert logged_channels(network["db"], network["ana"]) == ["linkedin", "linkedin"]


def test_someone_with_no_address_written_to_by_email_is_offered_email(network):
    conn = db.connect(network["db"])
    lin = contacts.add_contact(conn, "Lin", "Wu", company="Umbra")  # no address on file
    interactions.log_interaction(
        conn, lin, "outreach", channel="email", occurred_at=date.today() - timedelta(days=30)
    )
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = lin
    run(at)
    assert at.radio(key="outreach_kind").value == "outreach"
    assert at.selectbox(key=f"outreach_channel_{lin}").value == "email"


def test_with_nothing_sent_yet_the_address_decides(network):
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["maria"]  # no address on file
    run(at)
    assert at.selectbox(key=f"outreach_channel_{network['maria']}").value == "linkedin"
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    assert at.selectbox(key=f"outreach_channel_{network['ana']}").value == "email"
