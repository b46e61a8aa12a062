"""Two Ana Lees at Acme: the Meetings page's picker and Coming up tell them apart
(`meetings.person_told_apart`), where `MeetingSummary.title` read both as 'Ana Lee (Acme)'."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, meetings
from infoint.text import plain_markdown
from tests.test_page_meetings import meetings_page, run


@pytest.fixture
def two_ana_lees(app_db):
    conn = db.connect(app_db)
    engineer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    designer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    cy = contacts.add_contact(conn, "Cy", "Dunn", company="Beta")
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    meetings.schedule_meeting(conn, engineer, soon)
    meetings.schedule_meeting(conn, designer, soon + timedelta(hours=2))
    meetings.schedule_meeting(conn, cy, soon + timedelta(hours=4))
    conn.close()
    return app_db


def test_the_picker_and_coming_up_tell_two_ana_lees_at_acme_apart(two_ana_lees):
    at = run(meetings_page())
    pick = at.selectbox(key="meeting_pick")
    said = [pick.format_func(i) for i in (1, 2, 3)]
    assert said[0].startswith("Ana Lee — ") and said[0].endswith(" · scheduled · Acme, Engineer")
    assert said[1].startswith("Ana Lee — ") and said[1].endswith(" · scheduled · Acme, Designer")
    assert said[2].startswith("Cy Dunn — ") and said[2].endswith(" · scheduled · Beta")
    coming_up = at.table[0].value  # its cells are Markdown: the names as typed
    assert list(coming_up["With"]) == [
        plain_markdown("Ana Lee (Acme, Engineer)"),
        plain_markdown("Ana Lee (Acme, Designer)"),
        plain_markdown("Cy Dunn (Beta)"),
    ]


def test_titles_tell_namesakes_apart_and_leave_others_as_they_were(two_ana_lees):
    conn = db.connect(two_ana_lees)
    try:
        found = meetings.upcoming_meetings(conn, datetime.now(UTC))
        assert meetings.titles(conn, found) == {
            1: "Ana Lee (Acme, Engineer)",
            2: "Ana Lee (Acme, Designer)",
            3: "Cy Dunn (Beta)",
        }
        assert meetings.titles(conn, []) == {}
    finally:
        conn.close()


def test_the_prep_sheet_names_which_ana(two_ana_lees):
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(2)  # the designer's
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    heading = f"**{plain_markdown('Ana Lee (Acme, Designer)')}**, "
    assert any(m.value.startswith(heading) for m in at.markdown)


def test_a_question_about_the_date_names_which_ana(two_ana_lees):
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(2)  # the designer's
    at.session_state["meeting_tab"] = "Change"
    run(at)
    at.date_input(key="change_day_2").set_value(date(1990, 3, 12))
    [save] = [b for b in at.button if b.label == "Save the changes"]
    save.click()
    run(at)
    [question] = [w.value for w in at.warning if "1990" in w.value]
    assert question.startswith(f"**Meeting with {plain_markdown('Ana Lee (Acme, Designer)')}**")
