"""Scheduling a meeting logs no warning on the server: emptying "Schedule a meeting" once a
meeting is booked set its Date, Time and Minutes through session state while the boxes were
drawn with a default too, and Streamlit logged 'The widget with key "schedule_day" was created
with a default value but also had its value set via the Session State API.'"""

from datetime import UTC, datetime, timedelta

from infoint import contacts, db, interactions

from .conftest import choose, click, go, see, start_server, stop_server, wait_for_app

WARNED = "was created with a default value but also had its value set"


def test_scheduling_a_meeting_logs_no_warning(tmp_path, page, shots):
    db_path = tmp_path / "schedule-quiet.duckdb"
    conn = db.connect(db_path)
    for first, last in (("Nadia", "Okafor"), ("Omar", "Sy")):  # both wait for a meeting
        person = contacts.add_contact(conn, first, last, company="Beta Labs")
        sent = datetime.now(UTC) - timedelta(days=3)
        interactions.log_interaction(conn, person, "outreach", occurred_at=sent)
        interactions.log_interaction(conn, person, "reply", occurred_at=sent + timedelta(days=1))
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Meetings", "Meetings")
        choose(page, "Person", "Nadia Okafor — Beta Labs")
        click(page, "Schedule the meeting")
        see(page, "Scheduled with Nadia Okafor")
        # opened again: empty, with the day, time and minutes it starts with
        page.get_by_text("Schedule a meeting", exact=True).click()
        wait_for_app(page)
        page.screenshot(path=shots / "opened_again.png")
        form = page.get_by_test_id("stForm").filter(has_text="Schedule the meeting")
        minutes = form.get_by_test_id("stNumberInput").locator("input")
        assert minutes.input_value() == "20"
        log = server.log.read_text(errors="replace")
        assert WARNED not in log, log[-3000:]
    finally:
        stop_server(server)
