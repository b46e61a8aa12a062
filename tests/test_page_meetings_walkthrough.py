"""Faults a new user met on the Meetings page: minutes out of range said in words, a stale
error gone once it no longer applies, a refusal of the debrief said before anyone is asked
about, and names typed with dashes or far too long."""

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, meetings
from tests.test_page_meetings import choose_ana, meetings_page, run, submit

RANGE = "The minutes you promise must be between 5 and 240."
NAMES = "Priya Patel - Quartz Games - Producer\nBo Chen, Beta Labs\nIvy Park — Nova"


def all_meetings(path):
    conn = db.connect(path)
    try:
        return conn.execute("SELECT id, promised_minutes, status FROM meetings").fetchall()
    finally:
        conn.close()


def people(path) -> list[tuple[str, str]]:
    conn = db.connect(path)
    try:
        return conn.execute("SELECT first_name, last_name FROM contacts ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def replied(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date.today() - timedelta(6))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date.today() - timedelta(5))
    conn.close()
    return app_db


@pytest.mark.parametrize("minutes", [0, 999])
def test_minutes_out_of_range_are_refused_in_a_sentence_that_says_the_range(replied, minutes):
    at = run(meetings_page())
    box = at.number_input(key="schedule_minutes")
    assert "From 5 to 240 minutes" in box.help
    choose_ana(at)
    box.set_value(minutes)
    submit(at, "Schedule the meeting", errors=1)
    assert at.error[0].value == RANGE
    assert all_meetings(replied) == []
    at.number_input(key="schedule_minutes").set_value(30)
    submit(at, "Schedule the meeting")
    assert [m[1] for m in all_meetings(replied)] == [30]


def test_choosing_a_person_takes_away_the_error_asking_for_one(replied):
    """In the browser a box inside the form runs nothing when changed, so the error stayed
    on screen after the user chose someone: the Person box is outside the form."""
    at = run(meetings_page())
    submit(at, "Schedule the meeting", errors=1)
    assert at.error[0].value == "Choose who you are meeting first, in the Person box."
    person = at.selectbox(key="schedule_person")
    assert person.proto.form_id == ""  # a change runs the page again
    choose_ana(at)
    run(at)  # what choosing does in the browser: the error, said of no one chosen, is gone


def test_a_change_out_of_range_is_refused_saying_the_range(replied):
    conn = db.connect(replied)
    meetings.schedule_meeting(conn, 1, datetime.now(UTC) + timedelta(days=3))
    conn.close()
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    assert "From 5 to 240 minutes" in at.number_input(key="change_minutes_1").help
    at.number_input(key="change_minutes_1").set_value(999)
    submit(at, "Save the changes", errors=1)
    assert at.error[0].value == RANGE
    assert [m[1] for m in all_meetings(replied)] == [20]


@pytest.fixture
def coming(replied):
    """Ana's meeting is set for 30 Nov 2126, still ahead."""
    conn = db.connect(replied)
    meetings.set_time_zone(conn, "UTC")
    meetings.schedule_meeting(conn, 1, datetime(2126, 11, 30, 10, tzinfo=UTC))
    conn.close()
    return replied


def debrief(names: str, minutes: int | None = None) -> AppTest:
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    at.radio(key="debrief_status_1").set_value("held")
    at.text_area(key="debrief_names_1").set_value(names)
    if minutes is not None:
        at.number_input(key="debrief_minutes_1").set_value(minutes)
    return at


def asked(at: AppTest) -> bool:
    """Whether the page asks to add people, in words or with its buttons."""
    labels = {b.label for b in at.button}
    return bool(
        [w for w in at.warning if w.value.startswith("Saving adds")]
        or labels & {"Yes, add them and save", "No, let me change the names"}
    )


def test_a_debrief_of_a_meeting_still_ahead_is_refused_before_asking_to_add_anyone(coming):
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    # Ahead, the debrief is not offered at all: only marking it cancelled, nothing to refuse.
    assert "Save the debrief" not in [b.label for b in at.button]
    assert [i.value for i in at.info if "its debrief opens when it starts" in i.value]
    assert not asked(at)
    assert all_meetings(coming)[0][2] == "scheduled"
    assert len(people(coming)) == 1


@pytest.fixture
def past(replied):
    conn = db.connect(replied)
    meetings.schedule_meeting(conn, 1, datetime.now(UTC).replace(microsecond=0) - timedelta(1))
    conn.close()
    return replied


def test_minutes_out_of_range_are_said_before_asking_to_add_anyone(past):
    at = debrief(NAMES, minutes=0)
    submit(at, "Save the debrief", errors=1)
    assert at.error[0].value == "The actual time must be between 1 and 600 minutes."
    assert not asked(at)
    assert len(people(past)) == 1


def test_a_refusal_after_yes_shows_alone_without_the_question(past):
    """The meeting moved ahead (another tab, say) after the question was asked: the yes
    hears the refusal, and the Yes/No buttons are gone."""
    at = debrief(NAMES)
    submit(at, "Save the debrief")
    assert asked(at)
    conn = db.connect(past)
    meetings.update_meeting(
        conn, 1, datetime(2126, 11, 30, 10, tzinfo=UTC), promised_minutes=20, place=""
    )
    conn.close()
    submit(at, "Yes, add them and save")  # the tab now says it is ahead, saves nothing
    assert [i.value for i in at.info if "still ahead" in i.value]
    assert not asked(at)
    assert len(people(past)) == 1


def test_names_split_by_dashes_are_read_as_people(past):
    at = debrief(NAMES)
    assert "Semicolons between the parts" in at.text_area(key="debrief_names_1").help
    submit(at, "Save the debrief")
    listed = " ".join(m.value for m in at.markdown)
    assert "Priya Patel — Producer at Quartz Games" in listed
    assert "Ivy Park at Nova" in listed
    assert not [c for c in at.caption if "Not read as a person" in c.value]
    submit(at, "Yes, add them and save")
    assert people(past)[1:] == [("Priya", "Patel"), ("Bo", "Chen"), ("Ivy", "Park")]


def test_a_400_character_name_is_refused_and_nothing_is_asked(past):
    at = debrief(f"Bo Chen, Beta Labs\n{'Z' * 400}; Longco; Boss")
    submit(at, "Save the debrief", errors=1)
    assert at.error[0].value.startswith(
        "Line 2 has a name of 400 characters; a name can be at most 200"
    )
    assert not asked(at)
    assert len(people(past)) == 1
    assert all_meetings(past)[0][2] == "scheduled"
