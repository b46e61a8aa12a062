"""Namesakes on the pages: two Ana Lees at Acme (an engineer and a designer) each introduced
someone. The Referrals page's picture, table, picker and chain, and the debrief's sentence on
the Meetings page, tell them apart instead of reading as one Ana Lee."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings, questions, ui
from tests.conftest import quick_charts
from tests.test_page_meetings import meetings_page, run, submit
from tests.test_page_referrals import referrals_page, shown


@pytest.fixture
def two_anas(app_db):
    conn = db.connect(app_db)
    engineer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    designer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    contacts.add_contact(conn, "Cy", "Dunn", referred_by=engineer, degree="2nd")
    contacts.add_contact(conn, "Di", "Eze", referred_by=designer, degree="2nd")
    conn.close()
    return app_db


def test_the_referrals_page_tells_two_ana_lees_apart(two_anas):
    at = referrals_page()
    [spec] = quick_charts(at).values()
    names = sorted(name for trace in spec["data"][2:] for name in trace["text"])
    assert names == ["Ana Lee (Designer)", "Ana Lee (Engineer)", "Cy Dunn", "Di Eze"]
    table = at.dataframe[0].value
    assert sorted(table["Introduced by"]) == ["Ana Lee (Designer)", "Ana Lee (Engineer)"]
    picker = at.selectbox(key="chain_person")
    picker.set_value(4)  # Di, introduced by the designer
    at.run()
    chain = shown(at)
    designer = ui.plain("Ana Lee (Designer)")  # user text, shown as typed
    assert f"1. **{designer}** (Acme): where it started" in chain
    assert f"2. **Di Eze**: introduced by {designer}; not contacted" in chain


@pytest.fixture
def met_ana_with_two_bos(app_db):
    """Ana (id 1) met the user yesterday; two different Bo Chens are in the contacts."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs")
    contacts.add_contact(conn, "Bo", "Chen", company="Gamma")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date.today() - timedelta(6))
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, ana, start)
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    conn.close()
    return app_db


def test_the_debrief_says_which_bo_chen_was_marked(met_ana_with_two_bos):
    at = run(meetings_page())
    at.text_area(key="debrief_names_1").set_value("Bo Chen, Gamma")
    submit(at, "Save the debrief")
    submit(at, "Yes, save the debrief")  # asked first: which Bo Chen, and what changes on him
    said = at.success[0].value
    assert (
        ui.plain(
            "Bo Chen (Gamma) was already in your contacts: now marked as introduced by Ana Lee."
        )
        in said
    )
