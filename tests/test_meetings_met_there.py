"""The prep sheet's word on earlier meetings at the company: what someone told you is only
said to be in the company notes when a debrief put it there."""

from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, meetings, questions
from tests.test_page_meetings import ROOT, run, submit


def at(day):
    return datetime(2026, 3, day, 9, tzinfo=UTC)


@pytest.fixture
def zenith(conn):
    """Ava was met at Zenith Logistics; a meeting with Cy there comes next."""
    ava = contacts.add_contact(conn, "Ava", "Stone", company="Zenith Logistics")
    cy = contacts.add_contact(conn, "Cy", "Dunn", company="Zenith Logistics")
    met = meetings.schedule_meeting(conn, ava, at(2))
    meetings.save_prep(conn, met, question_ids=[questions.list_questions(conn)[0].id])
    return met, meetings.schedule_meeting(conn, cy, at(20))


def test_your_own_notes_are_not_what_someone_told_you(conn, zenith):
    met, coming = zenith
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    assert meetings.prep_sheet(conn, coming).met_there == (
        "You have met 1 other person at this company."
    )
    meetings.save_prep(conn, coming, question_ids=[], company_notes="3PL, 2,000 staff, robotics")
    assert meetings.prep_sheet(conn, coming).met_there == (
        "You have met 1 other person at this company. Your own notes on the company are below."
    )


def test_answers_from_a_debrief_are_what_they_told_you(conn, zenith):
    met, coming = zenith
    meetings.save_prep(conn, coming, question_ids=[], company_notes="3PL, 2,000 staff.")
    [asked] = meetings.prep_sheet(conn, met).questions
    meetings.record_debrief(conn, met, "held", answers={asked.id: "Robots in every depot."})
    assert meetings.prep_sheet(conn, coming).met_there == (
        "You have met 1 other person at this company; what they told you is in the notes on "
        "the company below."
    )
    # The met meeting's own sheet: no one else was met there, so nothing is said.
    assert meetings.prep_sheet(conn, met).met_there == ""


def test_the_note_older_versions_wrote_counts_as_answers(conn, zenith):
    met, coming = zenith
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    old_note = "2026-03-02 — from Ava Stone:\nQ: How do teams hire?\nA: Through referrals."
    meetings.save_prep(conn, coming, question_ids=[], company_notes=old_note)
    assert "what they told you" in meetings.prep_sheet(conn, coming).met_there


def test_only_this_meetings_own_answers_are_not_from_someone_else(conn, zenith):
    """A held meeting's sheet, with its answers in the notes, and one other met earlier."""
    met, coming = zenith
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    meetings.save_prep(conn, coming, question_ids=[questions.list_questions(conn)[1].id])
    [asked] = meetings.prep_sheet(conn, coming).questions
    meetings.record_debrief(conn, coming, "held", answers={asked.id: "Hiring in spring."})
    assert meetings.prep_sheet(conn, coming).met_there == (
        "You have met 1 other person at this company. Your own notes on the company are below."
    )


def test_the_prepare_tab_says_it_after_the_walkthrough(app_db):
    conn = db.connect(app_db)
    ava = contacts.add_contact(conn, "Ava", "Stone", company="Zenith Logistics")
    cy = contacts.add_contact(conn, "Cy", "Dunn", company="Zenith Logistics")
    meetings.set_outcome(conn, meetings.schedule_meeting(conn, ava, at(2)), "held")
    coming = meetings.schedule_meeting(conn, cy, datetime(2099, 3, 2, 9, tzinfo=UTC))
    conn.close()
    page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    page.switch_page("pages/5_meetings.py")
    run(page)
    page.text_area(key=f"prep_company_{coming}").set_value("3PL, 2,000 staff, robotics rollout")
    submit(page, "Save the prep sheet")
    captions = " ".join(c.value for c in page.caption)
    assert "You have met 1 other person at this company. Your own notes on the company" in (
        captions
    )
    assert "what they told you" not in captions
