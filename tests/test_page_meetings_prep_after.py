"""The prep sheet of a meeting that is over keeps its notes and questions, without the advice
for before it ("Before you leave, ask…"), and says where to go now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, meetings

ROOT = Path(__file__).resolve().parent.parent
PREP_AFTER = "This meeting is over"
BEFORE_YOU_LEAVE = "Before you leave, ask"


def prepare_tab(app_db: Path, starts: timedelta, status: str | None = None) -> AppTest:
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=datetime.now() - timedelta(9))
    interactions.log_interaction(conn, ana, "reply", occurred_at=datetime.now() - timedelta(8))
    start = datetime.now(UTC).replace(microsecond=0) + starts
    meeting = meetings.schedule_meeting(conn, ana, start)
    if status is not None:
        meetings.set_outcome(conn, meeting, status, actual_minutes=20 if status == "held" else None)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/5_meetings.py")
    at.run()
    assert not at.exception, at.exception
    return at


def words(at: AppTest) -> str:
    return " ".join([*(c.value for c in at.caption), *(i.value for i in at.info)])


def test_a_meeting_ahead_has_the_advice_for_before_it(app_db):
    said = words(prepare_tab(app_db, timedelta(days=2)))
    assert BEFORE_YOU_LEAVE in said
    assert PREP_AFTER not in said


@pytest.mark.parametrize("status", [None, "held", "no_show"])
def test_a_meeting_over_says_so_without_the_advice_for_before_it(app_db, status):
    said = words(prepare_tab(app_db, timedelta(days=-2), status))
    assert PREP_AFTER in said
    assert BEFORE_YOU_LEAVE not in said
