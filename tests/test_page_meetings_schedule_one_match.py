"""Schedule a meeting: a name typed that finds exactly one person picks them, as on Outreach
and Contacts ('Lena Park' + Enter left the Person box empty, and scheduling then refused)."""

from infoint import contacts, db
from tests.test_page_meetings import meetings_page, replied, run, submit  # noqa: F401


def test_one_match_is_picked_and_can_be_scheduled(replied):  # noqa: F811
    at = run(meetings_page())
    at.text_input(key="schedule_search").set_value("Ben Ode")
    run(at)
    assert at.selectbox(key="schedule_person").value == 2
    submit(at, "Schedule the meeting")
    conn = db.connect(replied)
    try:
        assert conn.execute("SELECT contact_id FROM meetings").fetchall() == [(2,)]
    finally:
        conn.close()


def test_two_matches_leave_the_choice_to_the_user(replied):  # noqa: F811
    conn = db.connect(replied)
    contacts.add_contact(conn, "Ben", "Ode", company="Orbit")
    conn.close()
    at = run(meetings_page())
    at.text_input(key="schedule_search").set_value("Ben Ode")
    run(at)
    assert at.selectbox(key="schedule_person").value is None
