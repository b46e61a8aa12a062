"""Once a meeting is scheduled its form is put away and emptied: opened again, it held the
same person, day, time and place, and "Schedule the meeting" booked the same meeting twice,
without a word."""

from datetime import UTC, date, datetime, time, timedelta

from infoint import contacts, db, interactions, meetings
from tests.test_page_contacts import run
from tests.test_page_forms_stay_open import network, opened, page  # noqa: F401


def test_the_form_opened_again_after_scheduling_is_empty(network):  # noqa: F811
    conn = db.connect(network["db"])
    try:  # Ben and Cy replied: both wait for a meeting
        for name in ("Ben Ode", "Cy Park"):
            [(person, _)] = contacts.find_contacts_by_name(conn, name)
            sent = datetime.now(UTC) - timedelta(days=3)
            interactions.log_interaction(conn, person, "outreach", occurred_at=sent)
            interactions.log_interaction(
                conn, person, "reply", occurred_at=sent + timedelta(days=1)
            )
    finally:
        conn.close()
    at = run(page("pages/5_meetings.py"))
    at.session_state["schedule_open"] = True  # the user opens it
    run(at)
    default_day = at.date_input(key="schedule_day").value
    default_time = at.time_input(key="schedule_time").value
    at.text_input(key="schedule_search").input("Cy")
    run(at)
    assert at.selectbox(key="schedule_person").value is not None  # Cy, the one found
    at.date_input(key="schedule_day").set_value(date(2030, 3, 4))
    at.time_input(key="schedule_time").set_value(time(16, 45))
    at.number_input(key="schedule_minutes").set_value(30)
    at.text_input(key="schedule_place").input("Café Ana, ana@example.org")
    [schedule] = [b for b in at.button if b.label == "Schedule the meeting"]
    schedule.click()
    run(at)
    assert at.success[0].value.startswith("Scheduled with Cy Park")
    assert not opened(at, "Schedule a meeting")

    at.session_state["schedule_open"] = True  # opened again: nothing of the last one in it
    run(at)
    assert opened(at, "Schedule a meeting")
    assert at.text_input(key="schedule_search").value == ""
    assert at.selectbox(key="schedule_person").value is None  # Ben still waits: a list
    assert at.text_input(key="schedule_place").value == ""
    assert at.number_input(key="schedule_minutes").value == meetings.DEFAULT_MINUTES
    assert at.date_input(key="schedule_day").value == default_day
    assert at.time_input(key="schedule_time").value == default_time

    [schedule] = [b for b in at.button if b.label == "Schedule the meeting"]
    schedule.click()  # pressed again: asked who, nothing booked twice
    run(at)
    assert "Choose who you are meeting first" in at.error[0].value
    conn = db.connect(network["db"])
    try:
        ahead = meetings.upcoming_meetings(conn, datetime.now(UTC))
        assert [m.place for m in ahead if m.person.startswith("Cy")] == [
            "Café Ana, ana@example.org"
        ]
    finally:
        conn.close()
