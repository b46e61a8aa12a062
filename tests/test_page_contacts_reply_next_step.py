"""After a Reply is logged on a person's record, its confirmation points to the method's next
step, arranging the meeting: 'Logged: Reply with Priya … .' said nothing of it. A quiet button
opens the record's Meetings tab, where the meeting is scheduled; a Follow-up has none."""

from datetime import date

import pytest

from infoint import contacts, db, interactions
from tests.test_page_contacts import contacts_page, run

NEXT = "Next: arrange the meeting, on the Meetings tab"


@pytest.fixture
def priya(app_db) -> int:
    conn = db.connect(app_db)
    try:
        cid = contacts.add_contact(conn, "Priya", "Nair", company="Acme")
        interactions.log_interaction(conn, cid, "outreach", occurred_at=date(2026, 3, 2))
        return cid
    finally:
        conn.close()


def log(at, cid: int, kind: str):
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.selectbox(key=f"log_{cid}_0_kind").set_value(kind)
    run(at)
    at.button(key=f"FormSubmitter:log_{cid}-Log it").click()
    return run(at)


def test_a_logged_reply_points_to_scheduling_the_meeting(priya):
    at = log(contacts_page(contact=str(priya)), priya, "reply")
    assert at.success[0].value.startswith("Logged: Reply with Priya Nair on ")
    [button] = [b for b in at.button if b.label == NEXT]
    assert button.proto.type == "tertiary"  # not a second primary button
    button.click()
    run(at)
    assert at.session_state["contact_tab"] == "Meetings"
    assert any(b.label == "Schedule" for b in at.button)  # the Meetings tab's form is shown
    assert not [b for b in at.button if b.label == NEXT]  # said once, with the confirmation


def test_a_logged_follow_up_has_no_such_pointer(priya):
    at = log(contacts_page(contact=str(priya)), priya, "follow_up")
    assert at.success[0].value.startswith("Logged: Follow-up with Priya Nair on ")
    assert not [b for b in at.button if b.label == NEXT]
