"""The debrief's "Who else should you talk to?" box: only lines that read as a person become
contacts, and only once the user has seen who will be added."""

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, meetings, questions
from infoint.text import plain_markdown
from tests.test_page_meetings import ROOT, run, submit

WALKTHROUGH = "John Newperson; Acme Rockets; CTO\njust a first name\n, , ,\nFlora Balogun"


@pytest.fixture
def met_tam(app_db):
    """Tam replied and met the user yesterday; Flora is already a contact nobody introduced."""
    conn = db.connect(app_db)
    tam = contacts.add_contact(conn, "Tam", "Adler", company="Zenith")
    contacts.add_contact(conn, "Flora", "Balogun", company="Orbit")
    interactions.log_interaction(conn, tam, "outreach", occurred_at=date.today() - timedelta(6))
    interactions.log_interaction(conn, tam, "reply", occurred_at=date.today() - timedelta(5))
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, tam, start)
    bank = questions.list_questions(conn)
    meetings.save_prep(conn, meeting, question_ids=[bank[0].id])
    conn.close()
    return app_db


def debrief(names: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/5_meetings.py")
    run(at)
    at.text_area(key="debrief_names_1").set_value(names)
    at.text_area(key="debrief_notes_1").set_value("Warm and direct.")
    return submit(at, "Save the debrief")


def asking_to_add(at: AppTest) -> list:
    return [w for w in at.warning if w.value.startswith("Saving adds")]


def people(db_path) -> list[tuple[str, str, int | None]]:
    conn = db.connect(db_path)
    try:
        return conn.execute(
            "SELECT first_name, last_name, referred_by FROM contacts ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_only_a_person_is_added_and_only_after_the_user_saw_who(met_tam):
    at = debrief(WALKTHROUGH)
    # Asked first, naming the one new contact: nothing added yet, the meeting not saved.
    [asking] = asking_to_add(at)
    assert "Saving adds this person to your contacts, as introduced by Tam Adler" in asking.value
    listed = " ".join(m.value for m in at.markdown)
    assert "- " + plain_markdown("John Newperson — CTO at Acme Rockets") in listed
    assert "just" not in listed and "Flora" not in listed  # Flora is already a contact
    assert people(met_tam) == [("Tam", "Adler", None), ("Flora", "Balogun", None)]
    submit(at, "Yes, add them and save")
    message = at.success[0].value
    assert "1 new contact introduced by Tam Adler" in message
    assert plain_markdown("Not read as a person, so kept with your notes: “just a first name”") in (
        message
    )
    assert people(met_tam) == [
        ("Tam", "Adler", None),
        ("Flora", "Balogun", 1),
        ("John", "Newperson", 1),
    ]
    conn = db.connect(met_tam)
    try:
        notes = meetings.get_meeting(conn, 1).notes
        _, body = meetings.thank_you_draft(conn, 1)
    finally:
        conn.close()
    assert notes == f"Warm and direct.\n\n{meetings.ALSO_SAID}\njust a first name"
    assert "I will get in touch with Flora Balogun and John Newperson, as you suggested." in body
    # Saved again: nothing new to ask about, repeats named as before, the notes not doubled.
    submit(at, "Save the debrief")
    assert not asking_to_add(at)
    assert plain_markdown("Already introduced by Tam Adler: John Newperson, Flora Balogun.") in (
        at.success[0].value
    )
    conn = db.connect(met_tam)
    try:
        assert meetings.get_meeting(conn, 1).notes == notes
    finally:
        conn.close()


def test_saying_no_adds_no_one_and_saves_nothing(met_tam):
    at = debrief("John Newperson; Acme Rockets; CTO")
    submit(at, "No, let me change the names")
    assert not asking_to_add(at) and not at.success
    conn = db.connect(met_tam)
    try:
        assert meetings.get_meeting(conn, 1).status == "scheduled"
    finally:
        conn.close()
    assert len(people(met_tam)) == 2


def test_a_question_about_names_no_longer_typed_is_dropped(met_tam):
    at = debrief("John Newperson; Acme Rockets; CTO")
    at.text_area(key="debrief_names_1").set_value("Ivy Park, Nova")
    submit(at, "Save the debrief")
    listed = " ".join(m.value for m in at.markdown)
    assert "Ivy Park" in listed and "Newperson" not in listed
    submit(at, "Yes, add them and save")
    assert [p[:2] for p in people(met_tam)][2:] == [("Ivy", "Park")]


def test_lines_naming_no_one_are_saved_without_a_question(met_tam):
    at = debrief(", , ,\njust a first name\nFlora Balogun")
    assert not asking_to_add(at)  # no one new; Flora, already there, is asked about
    [asked] = [w.value for w in at.warning]
    assert asked.startswith("Saving marks 1 person already in your contacts as introduced")
    submit(at, "Yes, save the debrief")
    message = at.success[0].value
    assert "Flora Balogun was already in your contacts" in message
    assert "new contact" not in message
    assert [p[:2] for p in people(met_tam)] == [("Tam", "Adler"), ("Flora", "Balogun")]


def test_lines_kept_with_the_notes_show_in_the_notes_box_and_survive_a_second_save(met_tam):
    """The notes box shows the notes as stored, kept lines included, so saving again (the
    names box cleared) cannot write the typed notes back over them."""
    at = debrief("just a first name")
    stored = f"Warm and direct.\n\n{meetings.ALSO_SAID}\njust a first name"
    assert at.text_area(key="debrief_notes_1").value == stored
    at.text_area(key="debrief_names_1").set_value("")
    submit(at, "Save the debrief")
    conn = db.connect(met_tam)
    try:
        assert meetings.get_meeting(conn, 1).notes == stored
    finally:
        conn.close()
