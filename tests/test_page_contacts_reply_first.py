"""A reply dated before any message to the person: the page asked "is the year right?", and
only after "Yes" refused, the question and its buttons still beside the refusal. The refusal
comes first now, and a refusal after a "Yes" shows alone."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions

ROOT = Path(__file__).resolve().parent.parent
NO_MESSAGE = (
    "A reply answers a message, and none to this person is logged on or before 1 Jan 2020: "
    "log the message you sent first, dated when you sent it."
)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def log_tab(contact_id: int) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    at.query_params["contact"] = str(contact_id)
    at.session_state["contact_tab"] = "Log an interaction"
    return run(at)


def questions(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.label.startswith(("Yes, ", "No, let me fix"))]


@pytest.fixture
def bob(app_db) -> int:
    conn = db.connect(app_db)
    made = contacts.add_contact(conn, "Bob", "Stone", company="Acme")
    conn.close()
    return made


def test_a_reply_to_no_message_years_back_is_refused_before_any_question(bob, app_db):
    at = log_tab(bob)
    at.selectbox[0].set_value("reply")
    at.date_input[0].set_value(date(2020, 1, 1))
    at.button(key=f"FormSubmitter:log_{bob}-Log it").click()
    run(at)
    assert [e.value for e in at.error] == [NO_MESSAGE]
    assert not at.warning
    assert questions(at) == []
    conn = db.connect(app_db)
    assert interactions.list_interactions(conn, bob) == []
    conn.close()


def test_turning_the_only_message_into_a_reply_years_back_is_refused_before_any_question(
    bob, app_db
):
    conn = db.connect(app_db)
    sent = interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2020, 1, 1))
    conn.close()
    at = log_tab(bob)
    at.selectbox(key=f"fix_{bob}").set_value(sent)
    run(at)
    at.selectbox(key=f"fix_kind_{sent}").set_value("reply")
    run(at)
    at.date_input[1].set_value(date(2019, 6, 1))
    at.button(key=f"FormSubmitter:fix_form_{sent}-Save the correction").click()
    run(at)
    assert [e.value for e in at.error] == [
        "A reply answers a message, and none to this person is logged on or before "
        "1 Jun 2019: log the message you sent first, dated when you sent it."
    ]
    assert not at.warning
    assert questions(at) == []


def test_a_refusal_after_yes_shows_without_the_question(bob, app_db):
    """Moving a message after the reply that answers it is refused by the write alone: the
    year is asked about first, and once answered the question goes as the refusal shows."""
    conn = db.connect(app_db)
    sent = interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2019, 12, 30))
    interactions.log_interaction(conn, bob, "reply", occurred_at=date(2020, 1, 1))
    conn.close()
    at = log_tab(bob)
    at.selectbox(key=f"fix_{bob}").set_value(sent)
    run(at)
    at.date_input[1].set_value(date(2020, 1, 2))
    at.button(key=f"FormSubmitter:fix_form_{sent}-Save the correction").click()
    run(at)
    assert questions(at) == ["Yes, 2 Jan 2020 is right", "No, let me fix the date"]
    [yes] = [b for b in at.button if b.label == "Yes, 2 Jan 2020 is right"]
    yes.click()
    run(at)
    assert [e.value for e in at.error] == [
        "Their reply of 1 Jan 2020 answers this message: keep this message on or before that "
        "day, or correct that reply first."
    ]
    assert not at.warning
    assert questions(at) == []
