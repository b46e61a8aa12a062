"""The Follow-ups page, from a new user's walkthrough: a day after meeting Cai at Vantage, with
Otto there booked ahead and Lena just introduced by Cai, it said "Try someone else at
Vantage Analytics LLC" (Marit there is silent) and offered Lena. It says neither now."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, meetings

ROOT = Path(__file__).resolve().parent.parent
COMPANY = "Vantage Analytics LLC"


def follow_ups(at: AppTest | None = None) -> AppTest:
    if at is None:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        at.switch_page("pages/4_follow_ups.py")
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def cards(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def write_to(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.label.startswith("Write to ")]


@pytest.fixture
def vantage(app_db):
    """Marit at Vantage written to 20 days ago and silent; Cai, Otto and Olga there too."""
    conn = db.connect(app_db)
    ids = {
        name: contacts.add_contact(conn, name, last, company=COMPANY, position=role)
        for name, last, role in (
            ("Marit", "Solberg", "Analyst"),
            ("Cai", "Yilmaz", "Head of Data"),
            ("Otto", "Blom", "Engineer"),
            ("Olga", "Cordova", "Head of Finance"),
        )
    }
    interactions.log_interaction(
        conn, ids["Marit"], "outreach", occurred_at=date.today() - timedelta(days=20)
    )
    conn.close()
    return {**ids, "db": app_db}


def test_nobody_answering_there_says_try_someone_else(vantage):
    at = follow_ups()
    assert f"Try someone else at {COMPANY}" in cards(at)
    assert "Write to Olga Cordova — Head of Finance" in write_to(at)


def test_a_day_after_meeting_cai_with_otto_booked_nothing_says_try_someone_else(vantage):
    conn = db.connect(vantage["db"])
    now = datetime.now(UTC)
    held = meetings.schedule_meeting(conn, vantage["Cai"], now - timedelta(days=1))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    contacts.add_contact(
        conn,
        "Lena",
        "Park",
        company=COMPANY,
        position="Data Lead",
        degree="2nd",
        referred_by=vantage["Cai"],
    )
    meetings.schedule_meeting(conn, vantage["Otto"], now + timedelta(days=4))
    conn.close()
    at = follow_ups()
    shown = cards(at)
    assert f"Try someone else at {COMPANY}" not in shown
    assert write_to(at) == []
    # Marit herself is still owed her one follow-up.
    assert "Follow up with Marit Solberg" in shown
    assert "Write the follow-up" in [b.label for b in at.button]


def test_someone_introduced_is_not_offered_as_someone_else(vantage):
    """Lena was introduced by Dee, elsewhere; nobody at Vantage is talking to the user, so the
    item stands, but it offers only the people nobody introduced."""
    conn = db.connect(vantage["db"])
    dee = contacts.add_contact(conn, "Dee", "Dunn", company="Globex")
    contacts.add_contact(
        conn, "Lena", "Park", company=COMPANY, position="Data Lead", degree="2nd", referred_by=dee
    )
    conn.close()
    at = follow_ups()
    assert f"Try someone else at {COMPANY}" in cards(at)
    offered = write_to(at)
    assert "Write to Olga Cordova — Head of Finance" in offered
    assert not [label for label in offered if "Lena" in label]
