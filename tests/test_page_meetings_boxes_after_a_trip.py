"""The Meetings page's boxes that show saved text (the debrief's notes, the prep sheet's notes
on the company and the person) show it again when the user comes back from another page.
Streamlit forgets a page's boxes on the way, but not the page's note of what they were last
given, so they came back empty, and saving the debrief then wiped its notes."""

from infoint import db, meetings
from tests.test_page_meetings import meetings_page, run, submit
from tests.test_page_meetings_company_notes_limit import past_meeting  # noqa: F401 - fixture


def there_and_back(at):
    at.switch_page("pages/2_contacts.py")
    run(at)
    at.switch_page("pages/5_meetings.py")
    return run(at)


def test_saved_notes_are_shown_again_after_a_trip_to_contacts(past_meeting):  # noqa: F811
    conn = db.connect(past_meeting)
    meetings.record_debrief(conn, 1, "held", actual_minutes=20, notes="Warm and direct.")
    meetings.save_prep(conn, 1, question_ids=[], person_notes="Ex-Beta, runs the sensors team.")
    company = meetings.prep_sheet(conn, 1).company_notes
    conn.close()
    at = run(meetings_page())
    assert at.text_area(key="debrief_notes_1").value == "Warm and direct."
    at = there_and_back(at)
    assert at.text_area(key="debrief_notes_1").value == "Warm and direct."
    assert at.text_area(key="prep_person_1").value == "Ex-Beta, runs the sensors team."
    assert at.text_area(key="prep_company_1").value == company
    at.session_state["meeting_tab"] = "Debrief"
    submit(run(at), "Save the debrief")
    conn = db.connect(past_meeting)
    try:
        assert meetings.get_meeting(conn, 1).notes == "Warm and direct."  # not wiped
    finally:
        conn.close()
