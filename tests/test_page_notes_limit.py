"""Notes boxes on a person or a meeting take whatever is typed or pasted (no max_chars: the
browser would silently drop a whole paste taking a box past it, and counts an emoji as two);
the domain refuses notes over contacts.NOTES_LIMIT in one sentence, and the typed text stays in
the box to be shortened. Notes already longer are kept whole when other details are saved."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings, questions
from tests.test_page_contacts import contacts_page
from tests.test_page_contacts import run as run_contacts
from tests.test_page_meetings import meetings_page, run, submit

LIMIT = 20_000  # written out, so each test fails on code without the limit
AT_LIMIT = "n" * LIMIT
OVER = "o" * (LIMIT + 1)
OLD = "word " * 6_000  # 30,000 characters, written before there was a limit
KEPT_LINES = (
    " That count includes the lines from the names box that name no one, which are kept with "
    "the notes: shorten the notes or those lines."
)


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


def meeting_of(path) -> meetings.Meeting:
    conn = db.connect(path)
    try:
        return meetings.get_meeting(conn, 1)
    finally:
        conn.close()


def test_no_notes_box_has_a_max_chars(past_meeting):
    """max_chars made the browser drop a paste past it without a word, counting in UTF-16."""
    at = run_contacts(contacts_page())
    assert at.text_area(key="add_notes").proto.max_chars == 0
    assert edit_page(1).text_area(key="edit_notes_1").proto.max_chars == 0
    at = run(meetings_page())
    assert at.text_area(key="debrief_notes_1").proto.max_chars == 0
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    assert at.text_area(key="prep_person_1").proto.max_chars == 0
    assert at.text_input(key="prep_goal_1").proto.max_chars == 0


def test_a_paste_over_the_limit_stays_in_the_box_and_is_refused_in_one_sentence(app_db):
    at = run_contacts(contacts_page())
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Park")
    at.text_area(key="add_notes").input(OVER)
    at.button(key="add_person").click()
    run_contacts(at)
    assert [e.value for e in at.error] == [
        "Notes on a person can be at most 20,000 characters; these have 20,001."
    ]
    assert at.text_area(key="add_notes").value == OVER  # kept, to be shortened
    conn = db.connect(app_db)
    try:
        assert contacts.find_contacts_by_name(conn, "dee park") == []
    finally:
        conn.close()
    at.text_area(key="add_notes").input(OVER[:-1])
    at.button(key="add_person").click()
    run_contacts(at)
    assert "Added Dee Park." in at.success[0].value
    conn = db.connect(app_db)
    try:
        [(dee, _)] = contacts.find_contacts_by_name(conn, "dee park")
    finally:
        conn.close()
    assert notes_of(app_db, dee) == "o" * LIMIT


def test_old_notes_over_the_limit_are_kept_whole_and_may_not_grow(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [OLD, ann])
    conn.close()
    at = edit_page(ann)
    assert at.text_area(key=f"edit_notes_{ann}").value == OLD
    at.text_input(key=f"edit_tags_{ann}").input("alumni")
    at.button(key=f"save_{ann}").click()
    run_contacts(at)
    assert at.success[0].value == "Saved."
    assert notes_of(app_db, ann) == OLD
    at = edit_page(ann)
    at.text_area(key=f"edit_notes_{ann}").input(OLD + "More.")
    at.button(key=f"save_{ann}").click()
    run_contacts(at)
    assert [e.value for e in at.error] == [
        "These notes on a person were already 30,000 characters, over the 20,000 limit: they "
        "can be kept or shortened, not made longer (these have 30,005)."
    ]
    assert at.text_area(key=f"edit_notes_{ann}").value == OLD + "More."
    assert notes_of(app_db, ann) == OLD


def test_old_notes_of_emoji_can_be_shortened_and_saved(app_db):
    """15,000 emoji are 15,000 characters to the domain (30,000 to the browser)."""
    smiles = "\N{GRINNING FACE}" * 15_000
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [smiles, ann])
    conn.close()
    at = edit_page(ann)
    at.text_area(key=f"edit_notes_{ann}").input(smiles + "x")
    at.button(key=f"save_{ann}").click()
    run_contacts(at)
    assert at.success[0].value == "Saved."
    assert notes_of(app_db, ann) == smiles + "x"


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
    at.text_input(key=f"edit_tags_{twin}").input("alumni")
    at.button(key=f"save_{twin}").click()
    run_contacts(at)
    assert at.success[0].value == "Saved."
    assert notes_of(app_db, twin) == joined


def test_the_prep_sheet_keeps_old_notes_whole_and_refuses_a_long_goal(past_meeting):
    conn = db.connect(past_meeting)
    conn.execute("UPDATE contacts SET notes = ? WHERE id = 1", [OLD.strip()])
    conn.close()
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    assert at.text_area(key="prep_person_1").value == OLD.strip()
    at.text_input(key="prep_goal_1").input(OVER)
    submit(at, "Save the prep sheet", errors=1)
    assert at.error[0].value == (
        "Notes on what you want to learn can be at most 20,000 characters; these have 20,001."
    )
    assert at.text_input(key="prep_goal_1").value == OVER
    at.text_input(key="prep_goal_1").input(AT_LIMIT)
    submit(at, "Save the prep sheet")
    conn = db.connect(past_meeting)
    try:
        sheet = meetings.prep_sheet(conn, 1)
    finally:
        conn.close()
    assert (sheet.person_notes, sheet.meeting.prep_notes) == (OLD.strip(), AT_LIMIT)


def test_a_debrief_whose_kept_lines_pass_the_limit_is_refused_and_keeps_the_text(past_meeting):
    at = run(meetings_page())
    at.text_area(key="debrief_notes_1").set_value(AT_LIMIT)
    at.text_area(key="debrief_names_1").set_value("ask about the team")
    submit(at, "Save the debrief", errors=1)
    stored = len(meetings.notes_with(AT_LIMIT, ("ask about the team",)))
    assert at.error[0].value == (
        f"Notes on a meeting can be at most 20,000 characters; these have {stored:,}.{KEPT_LINES}"
    )
    assert at.text_area(key="debrief_notes_1").value == AT_LIMIT
    assert at.text_area(key="debrief_names_1").value == "ask about the team"
    assert (meeting_of(past_meeting).status, meeting_of(past_meeting).notes) == ("scheduled", "")
    at.text_area(key="debrief_names_1").set_value("")
    submit(at, "Save the debrief")
    assert (meeting_of(past_meeting).status, meeting_of(past_meeting).notes) == ("held", AT_LIMIT)


def test_notes_too_long_are_said_before_asking_to_add_new_people(past_meeting):
    """Asked to add Bo first, a yes was refused for the length, and asked again each try."""
    at = run(meetings_page())
    at.text_area(key="debrief_notes_1").set_value(AT_LIMIT)
    at.text_area(key="debrief_names_1").set_value(
        "Bo Chen; Beta Labs; Head of Research\nask about the team"
    )
    submit(at, "Save the debrief", errors=1)
    stored = len(meetings.notes_with(AT_LIMIT, ("ask about the team",)))
    assert at.error[0].value == (
        f"Notes on a meeting can be at most 20,000 characters; these have {stored:,}.{KEPT_LINES}"
    )
    assert not [b for b in at.button if b.label == "Yes, add them and save"]
    assert not at.warning  # no question about adding Bo yet
    at.text_area(key="debrief_notes_1").set_value("Short notes.")
    submit(at, "Save the debrief")
    assert "Bo Chen" in " ".join(m.value for m in at.markdown)
    submit(at, "Yes, add them and save")
    assert "1 new contact introduced by Ana Lee" in at.success[0].value
    assert meeting_of(past_meeting).status == "held"
