"""The checklist on an empty draft and an empty subject: a new user saw "No job request · Good"
and "0 words: short enough to read on a phone · Good" on a blank page, and logged an email
with no subject without a word said."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, outreach

ROOT = Path(__file__).resolve().parent.parent
BLANK = 0  # the composer's "A blank page"
SUBJECT_HINT = "Write a subject"

GOOD = """Hi Ana,

Maria Lopez suggested I write to you. I'm Sam Lee, a data analyst at a logistics firm.

I read your article on patient onboarding and it changed how I think about the problem.

Would you be open to a 20-minute call next week? This is not a job request.

Thank you,
Sam"""


@pytest.mark.parametrize("body", ["", "   \n\n  ", "... —"])
def test_a_message_without_words_is_praised_for_nothing(body):
    checks = outreach.check_email(body, "Coffee?")
    assert [c.key for c in checks] == list(outreach.CHECK_KEYS)
    assert "pass" not in {c.status for c in checks}
    todo = {c.key: c.hint for c in checks if c.status == "todo"}
    assert todo == outreach.BEFORE_WRITING | dict.fromkeys(
        ["no_job_request", "length"], outreach.WRITE_FIRST
    )
    assert "write your message first" in outreach.WRITE_FIRST


def test_one_word_is_checked_as_before():
    checks = {c.key: c.status for c in outreach.check_email("Hello", "Coffee?")}
    assert (checks["no_job_request"], checks["length"]) == ("pass", "pass")


def test_a_message_of_blanks_only_says_to_fill_them_in():
    checks = {c.key: c for c in outreach.check_email("{their_work}", "Coffee?")}
    assert checks["length"].status == "warn"
    assert checks["length"].hint.startswith("Fill in {their_work} first")


def test_an_email_with_no_subject_gets_a_point_first():
    checks = outreach.check_email(GOOD, "  ", "email")
    assert checks[0].key == "subject" and checks[0].status == "fail"
    assert checks[0].label == outreach.SUBJECT_LABEL
    assert checks[0].hint.startswith(SUBJECT_HINT)
    assert [c.key for c in checks[1:]] == list(outreach.CHECK_KEYS)
    assert {c.status for c in checks[1:]} == {"pass"}


@pytest.mark.parametrize(
    ("subject", "channel"),
    [("Maria suggested I write", "email"), ("", "linkedin"), ("", "phone"), ("", None)],
)
def test_no_subject_point_with_a_subject_or_where_messages_have_none(subject, channel):
    checks = outreach.check_email(GOOD, subject, channel)
    assert [c.key for c in checks] == list(outreach.CHECK_KEYS)


# --- The page ------------------------------------------------------------------------------


@pytest.fixture
def people(app_db):
    conn = db.connect(app_db)
    ids = {
        "ana": contacts.add_contact(conn, "Ana", "Silva", company="Acme", email="ana@example.org"),
        "lin": contacts.add_contact(conn, "Lin", "Wu", company="Acme"),  # no address: LinkedIn
    }
    conn.close()
    return {**ids, "db": app_db}


def compose_to(contact_id: int, template: int = BLANK) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/3_outreach.py")
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = contact_id
    run(at)
    at.selectbox(key="outreach_template").set_value(template)
    return run(at)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def checklist(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_a_blank_page_is_not_praised_and_says_to_write_first(people):
    at = compose_to(people["ana"])
    page = checklist(at)
    assert "Checklist: 0 of 8 points covered" in page
    assert "· Good" not in page
    assert "**No job request** · Not yet" in page
    assert "**Short enough** · Not yet" in page
    assert "short enough to read on a phone" not in page
    assert "Start by writing your message" in " ".join(c.value for c in at.caption)
    # the subject is asked for too, as a point still to do: nothing is written yet
    assert f"**{outreach.SUBJECT_LABEL}** · Not yet" in page


def test_an_email_with_an_empty_subject_is_pointed_out_and_can_still_be_logged(people):
    at = compose_to(people["ana"])
    [body_key] = [k for k in at.session_state if str(k).startswith(f"body_{people['ana']}_")]
    [subject_key] = [k for k in at.session_state if str(k).startswith(f"subject_{people['ana']}_")]
    at.text_area(key=body_key).set_value(GOOD)
    run(at)
    page = checklist(at)
    assert "Checklist: 7 of 8 points covered" in page
    assert f"**{outreach.SUBJECT_LABEL}** · Fix this" in page
    assert SUBJECT_HINT in page
    # written, the point is gone
    at.text_input(key=subject_key).set_value("Maria suggested I write")
    run(at)
    assert "Checklist: 7 of 7 points covered" in checklist(at)
    assert outreach.SUBJECT_LABEL not in checklist(at)
    # empty again: a point, not a block
    at.text_input(key=subject_key).set_value("")
    run(at)
    log = at.button(key="log_sent")
    assert not log.disabled
    log.click()
    run(at)
    conn = db.connect(people["db"])
    [sent] = interactions.list_interactions(conn, people["ana"])
    conn.close()
    assert (sent.channel, sent.subject) == ("email", "")


def test_a_linkedin_message_is_not_asked_for_a_subject(people):
    at = compose_to(people["lin"])
    [body_key] = [k for k in at.session_state if str(k).startswith(f"body_{people['lin']}_")]
    at.text_area(key=body_key).set_value(GOOD)
    run(at)
    assert at.selectbox(key=f"outreach_channel_{people['lin']}").value == "linkedin"
    assert "Checklist: 7 of 7 points covered" in checklist(at)
    # sent by email after all: the subject is asked for
    at.selectbox(key=f"outreach_channel_{people['lin']}").set_value("email")
    run(at)
    assert "Checklist: 7 of 8 points covered" in checklist(at)
