"""Insights' Meeting rate says what it is a share of, and how Home's differs. A new user read
Home's '8 of 15 who replied met you — 53 %' and Insights' 'Meeting rate 27 %' (8 of the 30
contacted) as two numbers for one thing, with no word why (walkthrough in Chromium, demo)."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, insights, interactions, meetings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def four_written_to(app_db):
    """Four 1st-degree people written to a while ago: two replied, one of them met."""
    conn = db.connect(app_db)
    people = [contacts.add_contact(conn, name) for name in ("Ana", "Ben", "Cy", "Di")]
    for person in people:
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
    for person in people[:2]:
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 3))
    meeting = meetings.schedule_meeting(conn, people[0], datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()
    return app_db


def insights_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/7_insights.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_note_under_the_rates_says_of_whom_here_and_on_home(four_written_to):
    at = insights_page()
    table = at.dataframe[0].value
    assert list(table["met_percent"]) == [25]
    captions = [c.value for c in at.caption]
    assert (
        "Meeting rate is a share of the people you contacted: for **1st degree**, 1 of the 4 "
        "you contacted met you (25 %). On Home it is a share of those who replied: for "
        "**1st degree**, 1 of the 2 who replied met you (50 %)."
    ) in captions


def test_the_meeting_rate_column_help_says_how_home_differs(four_written_to):
    at = insights_page()
    columns = json.loads(at.dataframe[0].proto.columns)
    help_text = columns["met_percent"]["help"]
    assert "of the people you contacted" in help_text
    assert "Home" in help_text and "who replied" in help_text


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (
            [("Cold", 1, 1, 1)],
            "Meeting rate is a share of the people you contacted: for **Cold**, the one "
            "person you contacted met you (100 %). On Home it is a share of those who "
            "replied: for **Cold**, the one person who replied met you (100 %).",
        ),
        (
            # Cold's own: 1 of the 2 replied, not the 2 who replied in all.
            [("Cold", 2, 1, 0), ("1st degree", 1, 1, 0)],
            "Meeting rate is a share of the people you contacted: for **Cold**, none of the 2 "
            "you contacted has met you yet (0 %). On Home it is a share of those who replied: "
            "for **Cold**, the one person who replied has not met you yet (0 %).",
        ),
        (
            [("**Warm** intro", 3, 0, 0)],
            "Meeting rate is a share of the people you contacted: for **\\*\\*Warm\\*\\* "
            "intro**, none of the 3 you contacted has met you yet (0 %). On Home it is a "
            "share of those who replied: for **\\*\\*Warm\\*\\* intro**, no one has "
            "replied yet.",
        ),
    ],
)
def test_the_note_in_its_cases(rows, said):
    rates = pd.DataFrame(rows, columns=["group", "contacted", "replied", "met"])
    assert insights.meeting_rate_note(rates) == said
