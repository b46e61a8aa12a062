"""A placeholder employer such as 'N/A' or 'Self-employed' (`targets.PLACEHOLDER_COMPANIES`)
is no company in Outreach, Follow-ups and the prep sheet either, as on Contacts and in the
Meetings pickers (`contacts.employer`): Outreach's picker read 'Sam Ng — Analyst at N/A',
Follow-ups' table of people waited on had 'N/A' in its Company column, and the prep sheet had
an 'About N/A' box whose notes, and the debrief answers copied into them, were pooled for
everyone whose record says 'N/A'. Notes saved there before are still shown, never deleted."""

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, followups, interactions, meetings, outreach, questions
from infoint.errors import InvalidInputError
from infoint.text import day, plain_markdown
from tests.test_page_follow_ups import follow_ups_page, waiting_rows
from tests.test_page_follow_ups import run as run_follow_ups
from tests.test_page_meetings import meetings_page, submit
from tests.test_page_meetings import run as run_meetings
from tests.test_page_outreach import outreach_page
from tests.test_page_outreach import run as run_outreach

OLD_NOTES = "Everyone here is on their own.\n\nAnswers from the meeting with Ava Ode on 2 Mar"


def at(day_of_march: int) -> datetime:
    return datetime(2026, 3, day_of_march, 9, tzinfo=UTC)


# --- Outreach ---------------------------------------------------------------------------


def test_outreach_labels_and_search_say_no_placeholder_as_an_employer(conn):
    sam = contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst")
    tia = contacts.add_contact(conn, "Tia", "Ode", company="Self-employed")
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme", position="Engineer")
    assert outreach.get_recipient(conn, sam).label == "Sam Ng — Analyst"
    assert outreach.get_recipient(conn, tia).label == "Tia Ode"
    assert outreach.get_recipient(conn, ann).label == "Ann Lee — Engineer at Acme"
    assert [r.label for r in outreach.find_recipients(conn, "sam")] == ["Sam Ng — Analyst"]
    # a search by company finds employers only, as on Contacts: no one's label says 'N/A'
    assert outreach.find_recipients(conn, "n/a") == []
    assert outreach.count_recipients(conn, "self-employed") == 0
    assert [r.id for r in outreach.find_recipients(conn, "acme")] == [ann]


def test_outreach_follow_up_list_says_no_placeholder_as_an_employer(conn):
    sam = contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst")
    wrote = date(2026, 3, 2)
    interactions.log_interaction(conn, sam, "outreach", occurred_at=wrote)
    [person] = outreach.follow_up_list(conn, today=date(2026, 3, 16)).people
    assert person.label == f"Sam Ng — Analyst · you wrote on {day(wrote)}"


def test_the_outreach_picker_names_the_person_alone(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst")
    contacts.add_contact(conn, "Sam", "Berg", company="Acme")
    conn.close()
    page = run_outreach(outreach_page())
    page.text_input(key="outreach_find").set_value("sam")
    run_outreach(page)
    assert page.selectbox(key="outreach_contact").options == [
        "Sam Berg — Acme",
        "Sam Ng — Analyst",
    ]


# --- Follow-ups -------------------------------------------------------------------------


def test_follow_ups_name_no_placeholder_as_an_employer(conn):
    sam = contacts.add_contact(conn, "Sam", "Ng", company="n/a ")
    interactions.log_interaction(conn, sam, "outreach", occurred_at=at(2))
    [waited] = followups.agenda(conn, at(4)).waiting.people
    assert (waited.name, waited.company) == ("Sam Ng", "")
    [item] = followups.due_items(conn, at(12))
    assert (item.kind, item.title) == ("follow_up", "Follow up with Sam Ng")


def test_the_waiting_table_leaves_a_placeholder_company_blank(app_db):
    conn = db.connect(app_db)
    sam = contacts.add_contact(conn, "Sam", "Ng", company="N/A")
    interactions.log_interaction(conn, sam, "outreach")
    conn.close()
    page = run_follow_ups(follow_ups_page())
    [row] = waiting_rows(page)
    assert row.startswith(f"| Sam Ng |  | {plain_markdown(day(date.today()))} |")


# --- The prep sheet ---------------------------------------------------------------------


@pytest.fixture
def strangers(conn):
    """Ava and Sam both have 'N/A' for a company: Ava was met, Sam is to be met next."""
    ava = contacts.add_contact(conn, "Ava", "Ode", company="N/A")
    sam = contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst")
    met = meetings.schedule_meeting(conn, ava, at(2))
    meetings.save_prep(conn, met, question_ids=[questions.list_questions(conn)[0].id])
    return met, meetings.schedule_meeting(conn, sam, at(20))


def test_the_prep_sheet_says_there_is_no_company_to_read_up_on(conn, strangers):
    met, coming = strangers
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    sheet = meetings.prep_sheet(conn, coming)
    assert (sheet.company, sheet.employer) == ("N/A", "")
    assert sheet.no_company == (
        "“N/A” on Sam Ng's record names no company, so there is none to read up on: notes on "
        "their work go in “About Sam Ng”."
    )
    assert sheet.earlier_meetings_there == 0 and sheet.met_there == ""  # Ava is no colleague
    assert sheet.kept_under_placeholder == ""
    assert sheet.answers_go.startswith("kept with this meeting")
    with pytest.raises(InvalidInputError, match="“N/A” names no company, so it keeps no notes"):
        meetings.save_prep(conn, coming, question_ids=[], company_notes="Works alone.")
    assert meetings.prep_sheet(conn, coming).company_notes == ""
    meetings.save_prep(conn, coming, question_ids=[], company_notes="  ")  # nothing: fine


def test_debrief_answers_stay_with_the_meeting_not_in_a_placeholders_notes(conn, strangers):
    met, _ = strangers
    [asked] = meetings.prep_sheet(conn, met).questions
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={asked.id: "Alone."})
    sheet = meetings.prep_sheet(conn, met)
    assert sheet.company_notes == ""  # not copied where everyone at 'N/A' would read them
    assert [q.answer for q in sheet.questions] == ["Alone."]  # kept on the meeting itself
    # corrected: still only on the meeting
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={asked.id: "Solo."})
    sheet = meetings.prep_sheet(conn, met)
    assert (sheet.company_notes, [q.answer for q in sheet.questions]) == ("", ["Solo."])


def test_notes_saved_before_on_a_placeholder_are_shown_and_kept(conn, strangers):
    """Notes an older version let the user keep on 'N/A' are theirs: shown with a word on
    what they are, changed or cleared only by the user, and a debrief leaves them as they are."""
    met, coming = strangers
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'N/A'", [OLD_NOTES])
    sheet = meetings.prep_sheet(conn, coming)
    assert sheet.company_notes == OLD_NOTES
    assert sheet.kept_under_placeholder.startswith(
        "These were saved earlier as notes on “N/A”, which everyone whose record says so shares"
    )
    [asked] = meetings.prep_sheet(conn, met).questions
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={asked.id: "Alone."})
    assert meetings.prep_sheet(conn, coming).company_notes == OLD_NOTES
    meetings.save_prep(conn, coming, question_ids=[], company_notes="Everyone here is alone.")
    assert meetings.prep_sheet(conn, coming).company_notes == "Everyone here is alone."
    meetings.save_prep(conn, coming, question_ids=[], company_notes="")
    assert meetings.prep_sheet(conn, coming).kept_under_placeholder == ""


def test_a_real_company_keeps_its_notes_and_answers(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    met = meetings.schedule_meeting(conn, ann, at(2))
    meetings.save_prep(conn, met, question_ids=[questions.list_questions(conn)[0].id])
    sheet = meetings.prep_sheet(conn, met)
    assert (sheet.employer, sheet.no_company, sheet.kept_under_placeholder) == ("Acme", "", "")
    assert sheet.answers_go.startswith("each answer is also added to the company notes")
    [asked] = sheet.questions
    meetings.record_debrief(conn, met, "held", actual_minutes=20, answers={asked.id: "Busy."})
    assert "A: Busy." in meetings.prep_sheet(conn, met).company_notes


def prep_page(app_db, notes: str = "") -> tuple[AppTest, int]:
    """The Meetings page on Sam's coming meeting; Sam's record says 'N/A' for a company."""
    conn = db.connect(app_db)
    sam = contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst")
    coming = meetings.schedule_meeting(conn, sam, datetime.now(UTC) + timedelta(days=3))
    conn.execute("UPDATE companies SET research_notes = ? WHERE name = 'N/A'", [notes])
    conn.close()
    return run_meetings(meetings_page()), coming


def test_the_prepare_tab_has_no_about_box_for_a_placeholder(app_db):
    page, coming = prep_page(app_db)
    labels = [box.label for box in page.text_area]
    assert "About N/A" not in labels and "About Sam Ng" in labels
    assert f"prep_company_{coming}" not in [box.key for box in page.text_area]
    assert plain_markdown(
        "“N/A” on Sam Ng's record names no company, so there is none to read up on"
    ) in " ".join(i.value for i in page.info)
    page.text_area(key=f"prep_person_{coming}").set_value("Freelance analyst.")
    submit(page, "Save the prep sheet")
    assert "Prep sheet saved." in page.success[0].value


def test_the_prepare_tab_shows_notes_kept_on_a_placeholder(app_db):
    page, coming = prep_page(app_db, notes="Old notes on N/A.")
    box = page.text_area(key=f"prep_company_{coming}")
    assert (box.label, box.value) == ("Notes kept under “N/A”", "Old notes on N/A.")
    assert "These were saved earlier as notes on" in " ".join(c.value for c in page.caption)
    box.set_value("")
    submit(page, "Save the prep sheet")
    conn = db.connect(app_db)
    try:
        assert meetings.prep_sheet(conn, coming).company_notes == ""
    finally:
        conn.close()
    assert f"prep_company_{coming}" not in [b.key for b in page.text_area]  # cleared: gone
