"""The boxes for notes on a person or a meeting stop at contacts.NOTES_LIMIT, as the domain
does; a box showing older notes already longer takes them whole, so saving the page keeps them
(Streamlit cuts a box's text to its max_chars)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings, questions
from tests.test_page_contacts import contacts_page
from tests.test_page_contacts import run as run_contacts
from tests.test_page_meetings import meetings_page, run, submit

LIMIT = 20_000  # written out, so each test fails on code without the limit
AT_LIMIT = "n" * LIMIT
OLD = "word " * 6_000  # 30,000 characters, written before there was a limit


@pytest.fixture
def past_meeting(app_db):
    """Ana (id 1) replied, and met the user yesterday (meeting 1); not debriefed yet."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date.today() - timedelta(6))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date.today() - timedelta(5))
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, ana, start)
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    conn.close()
    return app_db


def edit_page(contact_id: int):
    at = contacts_page(contact=str(contact_id))
    at.session_state["contact_tab"] = "Edit details"
    return run_contacts(at)


def notes_of(path, contact_id: int) -> str:
    conn = db.connect(path)
    try:
        return contacts.get_contact(conn, contact_id).notes
    finally:
        conn.close()


def test_the_add_a_person_box_stops_at_the_limit(app_db):
    at = run_contacts(contacts_page())
    box = at.text_area(key="add_notes")
    assert box.proto.max_chars == LIMIT
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Park")
    box.input(AT_LIMIT + "!")  # AppTest's typing, as a browser, takes no more than max_chars
    assert box.value == ""
    box.input(AT_LIMIT)
    at.button(key="add_person").click()
    run_contacts(at)
    assert "Added Dee Park." in at.success[0].value
    conn = db.connect(app_db)
    try:
        [(dee, _)] = contacts.find_contacts_by_name(conn, "dee park")
    finally:
        conn.close()
    assert notes_of(app_db, dee) == AT_LIMIT


def test_old_notes_over_the_limit_are_kept_whole_when_other_details_are_saved(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [OLD, ann])
    conn.close()
    at = edit_page(ann)
    box = at.text_area(key=f"edit_notes_{ann}")
    assert (box.proto.max_chars, box.value) == (len(OLD), OLD)
    at.text_input(key=f"edit_tags_{ann}").input("alumni")
    at.button(key=f"save_{ann}").click()
    run_contacts(at)
    assert at.success[0].value == "Saved."
    assert notes_of(app_db, ann) == OLD
    # a person with notes within the limit gets a box that stops there
    conn = db.connect(app_db)
    bo = contacts.add_contact(conn, "Bo", "Chen", notes="Met at the meetup.")
    conn.close()
    assert edit_page(bo).text_area(key=f"edit_notes_{bo}").proto.max_chars == LIMIT


def test_a_box_counts_old_notes_as_the_browser_does(app_db):
    """The browser counts an emoji as two and ignores any change leaving more than max_chars:
    a box sized by Python's count of 15,000 emoji (30,000 to the browser) could not be edited."""
    smiles = "\N{GRINNING FACE}" * 15_000
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [smiles, ann])
    conn.close()
    at = edit_page(ann)
    assert at.text_area(key=f"edit_notes_{ann}").proto.max_chars == 30_000
    at.text_input(key=f"edit_tags_{ann}").input("alumni")
    at.button(key=f"save_{ann}").click()
    run_contacts(at)
    assert at.success[0].value == "Saved."
    assert notes_of(app_db, ann) == smiles


def test_two_long_noted_records_merge_and_the_joined_notes_can_be_saved(app_db):
    conn = db.connect(app_db)
    cara = contacts.add_contact(conn, "Cara", "Diaz", company="Globex", notes="a" * 15_000)
    twin = contacts.add_contact(conn, "Cara", "Diaz", notes="b" * 15_000)
    conn.close()
    at = contacts_page(contact=str(twin))
    at.session_state["contact_tab"] = "Merge or delete"
    run_contacts(at)
    at.text_input(key=f"merge_{twin}_typed").input("cara")
    run_contacts(at)
    at.selectbox(key=f"merge_{twin}_pick_cara").select(cara)
    run_contacts(at)
    at.button(key=f"merge_{twin}_{cara}").click()
    run_contacts(at)
    at.button(key=f"merge_{twin}_{cara}_confirm").click()
    run_contacts(at)
    assert at.success[0].value.startswith("Merged")
    joined = "b" * 15_000 + "\n\n" + "a" * 15_000
    assert notes_of(app_db, twin) == joined
    at = edit_page(twin)
    assert at.text_area(key=f"edit_notes_{twin}").proto.max_chars == len(joined)
    at.text_input(key=f"edit_tags_{twin}").input("alumni")
    at.button(key=f"save_{twin}").click()
    run_contacts(at)
    assert at.success[0].value == "Saved."
    assert notes_of(app_db, twin) == joined


def test_the_prep_sheet_boxes_stop_at_the_limit_and_keep_old_notes_whole(past_meeting):
    conn = db.connect(past_meeting)
    conn.execute("UPDATE contacts SET notes = ? WHERE id = 1", [OLD.strip()])
    conn.close()
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    box = at.text_area(key="prep_person_1")
    assert (box.proto.max_chars, box.value) == (len(OLD.strip()), OLD.strip())
    goal = at.text_input(key="prep_goal_1")
    assert goal.proto.max_chars == LIMIT
    goal.input(AT_LIMIT + "!")
    assert goal.value == ""
    goal.input(AT_LIMIT)
    at.button(key="save_prep_1").click()
    run(at)
    conn = db.connect(past_meeting)
    try:
        sheet = meetings.prep_sheet(conn, 1)
    finally:
        conn.close()
    assert (sheet.person_notes, sheet.meeting.prep_notes) == (OLD.strip(), AT_LIMIT)


def test_a_debrief_whose_kept_lines_pass_the_limit_is_refused_in_one_sentence(past_meeting):
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    assert at.text_area(key="prep_person_1").proto.max_chars == LIMIT
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    box = at.text_area(key="debrief_notes_1")
    assert box.proto.max_chars == LIMIT
    box.set_value(AT_LIMIT)
    at.text_area(key="debrief_names_1").set_value("ask about the team")
    submit(at, "Save the debrief", errors=1)
    stored = len(meetings.notes_with(AT_LIMIT, ("ask about the team",)))
    assert at.error[0].value == (
        f"Notes on a meeting can be at most 20,000 characters; these have {stored:,}, with the "
        "lines from the names box kept in them."
    )
    conn = db.connect(past_meeting)
    try:
        meeting = meetings.get_meeting(conn, 1)
    finally:
        conn.close()
    assert (meeting.status, meeting.notes) == ("scheduled", "")
    at.text_area(key="debrief_names_1").set_value("")
    submit(at, "Save the debrief")
    conn = db.connect(past_meeting)
    try:
        meeting = meetings.get_meeting(conn, 1)
    finally:
        conn.close()
    assert (meeting.status, meeting.notes) == ("held", AT_LIMIT)
