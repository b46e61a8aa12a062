"""A person's "Schedule a meeting" form: minutes outside 5-240 are refused in a sentence that
says the range, as on the Meetings page (the box's own bounds only turned it red, and Schedule
did nothing, without a word)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from infoint import contacts, db, meetings
from tests.test_page_contacts import contacts_page, run

RANGE = "The minutes you promise must be between 5 and 240."


@pytest.fixture
def cara(app_db):
    conn = db.connect(app_db)
    cara = contacts.add_contact(conn, "Cara", "Diaz", company="Globex")
    conn.close()
    return cara


def promised(app_db, cara: int) -> list[int]:
    conn = db.connect(app_db)
    try:
        return [m.promised_minutes for m in meetings.list_meetings(conn, cara)]
    finally:
        conn.close()


def schedule(at, cara: int):
    at.button(key=f"FormSubmitter:schedule_{cara}-Schedule").click()
    return run(at)


@pytest.mark.parametrize("minutes", [0, 4, 241, 999])
def test_minutes_out_of_range_are_refused_in_a_sentence_that_says_the_range(app_db, cara, minutes):
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    [box] = at.number_input
    assert box.label == "Minutes you asked for"
    at.date_input[0].set_value(date.today() + timedelta(days=3))
    box.set_value(minutes)
    schedule(at, cara)
    assert [e.value for e in at.error] == [RANGE]
    # The box says the range, and has no bounds of its own to turn red without a word.
    assert at.number_input[0].help.startswith("From 5 to 240 minutes.")
    assert (at.number_input[0].min, at.number_input[0].max) != (5, 240)
    assert not at.success
    assert promised(app_db, cara) == []
    # What was typed stays to fix; a time in range is then scheduled.
    assert at.number_input[0].value == minutes
    at.number_input[0].set_value(30)
    schedule(at, cara)
    assert not at.error
    assert at.success[0].value.startswith("Scheduled with Cara Diaz for ")
    assert promised(app_db, cara) == [30]


def test_a_day_long_ago_with_minutes_out_of_range_says_the_range_before_asking(app_db, cara):
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    at.date_input[0].set_value(date(1990, 3, 12))
    at.number_input[0].set_value(600)
    schedule(at, cara)
    assert [e.value for e in at.error] == [RANGE]
    assert not [w for w in at.warning if "1990" in w.value]  # not asked about the year first
    assert promised(app_db, cara) == []
