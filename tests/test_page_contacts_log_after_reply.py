"""After a Reply is logged, the log form offers, on the next visit, what the user most likely
logs next by hand: their own message back (Outreach: settling the meeting's time, answering a
question), not a Note; right after the log it keeps Reply (test_page_contacts_log_keeps_kind.py).
A walkthrough saw "What happened" switch to Note after a Reply, so a second entry logged
in a hurry became a note: no message, moving no stage. The form follows the conversation turn
by turn (yours, theirs, yours) and never offers a kind that moves a stage unasked."""

from __future__ import annotations

from datetime import date

import pytest

from infoint import contacts, db, funnel, interactions
from tests.test_page_contacts import contacts_page, run
from tests.test_page_contacts_log_twice import SAME_AGAIN

# The page's clock for "soon after a log" held still: a slow run is no pause between clicks.
pytestmark = pytest.mark.usefixtures("held_clock")


@pytest.fixture
def ann(app_db):
    """Ann, written to by email."""
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme", email="ann@acme.example")
    interactions.log_interaction(
        conn, ann, "outreach", channel="email", occurred_at=date(2026, 3, 2)
    )
    conn.close()
    return ann


def log_tab(ann: int):
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    return run(at)


def log_it(at, ann: int):
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    return run(at)


def logged(app_db, ann: int) -> tuple[list[str], str]:
    """Ann's kinds logged, newest first, and her stage."""
    conn = db.connect(app_db)
    try:
        kinds = [x.kind for x in interactions.list_interactions(conn, ann)]
        return kinds, funnel.stage_name(contacts.get_contact(conn, ann).stage)
    finally:
        conn.close()


def test_after_a_reply_a_later_visit_offers_your_message_back(app_db, ann):
    """The fresh form right after the log keeps Reply (test_page_contacts_log_keeps_kind.py);
    the next visit offers what likely comes next."""
    at = log_tab(ann)
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "reply"
    at = log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Reply with Ann Lee on ")
    at = log_tab(ann)
    kind = at.selectbox(key=f"log_{ann}_0_kind")
    assert kind.value == "outreach"
    assert kind.value != "note"
    # a message: asked how it went, the way the last one to her went
    assert at.selectbox(key=f"log_{ann}_0_channel").value == "email"


def test_your_message_back_is_logged_once_chosen(app_db, ann):
    """Reply logged, then at once the user's answer: Outreach chosen in the box (it keeps
    Reply, just logged), typed and sent; the fresh form keeps Outreach in turn."""
    at = log_it(log_tab(ann), ann)
    at.selectbox(key=f"log_{ann}_1_kind").set_value("outreach")
    run(at)  # in a browser, choosing the kind is a run of its own
    at.text_input(key=f"log_{ann}_1_subject").input("Re: Tuesday at 10 works")
    at = log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on ")
    assert logged(app_db, ann) == (["outreach", "reply", "outreach"], "Replied")
    assert at.selectbox(key=f"log_{ann}_2_kind").value == "outreach"


def test_a_second_click_after_the_reply_logs_nothing(app_db, ann):
    """The double-click guard holds for the kind kept: the form as drawn, sent at once."""
    at = log_it(log_tab(ann), ann)
    log_it(at, ann)
    assert logged(app_db, ann)[0] == ["reply", "outreach"]
    assert at.info[0].value.endswith(SAME_AGAIN)


def test_a_later_visit_after_their_reply_offers_the_same(app_db, ann):
    conn = db.connect(app_db)
    interactions.log_interaction(conn, ann, "reply", channel="email", occurred_at=date(2026, 3, 3))
    interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 4))
    conn.close()
    at = log_tab(ann)
    # a note between moves nothing: still your message back
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "outreach"
