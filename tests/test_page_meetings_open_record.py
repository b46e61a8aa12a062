"""Meetings' way to the person's record names them as Outreach does, by first name: "Open
Priya Raghunathan, PhD's record" read badly (a walkthrough at 800 px, where it was cut to
"Open Priya Raghunathan, PhD'…" too). Someone without a first name is named as Outreach and
Contacts name them then, by the name their record has: "Open Okafor's record", where "Open their
record" said nothing of whose."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings
from tests.test_page_meetings import meetings_page, run


def met(conn, first: str, last: str, company: str, days_ago: int) -> int:
    """A meeting held `days_ago` days back with a new contact, thanked; returns its id."""
    person = contacts.add_contact(conn, first, last, company=company)
    interactions.log_interaction(conn, person, "outreach", occurred_at=date.today() - timedelta(9))
    interactions.log_interaction(conn, person, "reply", occurred_at=date.today() - timedelta(8))
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=days_ago)
    meeting = meetings.schedule_meeting(conn, person, start)
    meetings.record_debrief(conn, meeting, "held", actual_minutes=20)
    meetings.log_thank_you(conn, meeting, subject="Thank you", body="It helped a lot.")
    return meeting


@pytest.fixture
def priyas(app_db):
    """Two Priyas met, Dr Raghunathan the latest; and Okafor, whose record has no first name."""
    conn = db.connect(app_db)
    ids = {
        "patel": met(conn, "Priya", "Patel", "Beta", days_ago=3),
        "raghunathan": met(conn, "Priya", "Raghunathan, PhD", "Acme", days_ago=1),
        "okafor": met(conn, "", "Okafor", "Gamma", days_ago=5),
    }
    contact_of = {name: meetings.get_meeting(conn, i).contact_id for name, i in ids.items()}
    conn.close()
    return ids, contact_of


def opened(at, meeting_id: int):
    at.session_state["meeting_pick"] = meeting_id
    return run(at)


def way_to_the_record(meeting_id: int) -> tuple[str, str]:
    """The button to the person's record on this meeting, and what the Thank you tab says."""
    at = opened(run(meetings_page()), meeting_id)
    button = at.button(key="open_person").label
    at.session_state["meeting_tab"] = "Thank you"
    return button, " ".join(c.value for c in run(at).caption)


def test_the_record_is_opened_by_first_name(priyas):
    ids, _ = priyas
    button, said = way_to_the_record(ids["raghunathan"])
    assert button == "Open Priya's record"
    assert "Something to correct in what was logged? Open Priya's record above." in said
    assert "PhD's" not in said


def test_someone_without_a_first_name_is_named_by_their_last(priyas):
    ids, _ = priyas
    button, said = way_to_the_record(ids["okafor"])
    assert button == "Open Okafor's record"
    assert "Something to correct in what was logged? Open Okafor's record above." in said


@pytest.mark.parametrize("whose", ["patel", "raghunathan"])
def test_of_two_priyas_the_meetings_own_opens(priyas, whose):
    ids, contact_of = priyas
    at = opened(run(meetings_page()), ids[whose])
    at.button(key="open_person").click()
    at.run()
    assert at.query_params["contact"] == str(contact_of[whose])
    assert (
        at.title[0].value
        == {"patel": "Priya Patel", "raghunathan": "Priya Raghunathan, PhD"}[whose]
    )  # their record, on Contacts
