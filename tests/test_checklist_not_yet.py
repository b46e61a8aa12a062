"""The checklist before a word is written: a new user on "A blank page" met five (for an email,
six) "Fix this" verdicts before writing anything, which read as scolding. Until the message has
words, each point is "Not yet" with a line saying what to write; "Fix this" comes once there is
text that misses a point."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, outreach
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent
BLANK = 0  # the composer's "A blank page"
TO_WRITE = {
    "connection": "Start with how you found them or what you share: a person, a school, a post.",
    "introduction": "Say in a sentence who you are and what you do.",
    "competence": "Mention something of theirs you liked, a skill of yours, or help you can offer.",
    "ask": "Ask for one thing, as a question: a short call or a coffee.",
    "time": "Say how long it would take, e.g. 20 minutes.",
}
SUBJECT_TO_WRITE = "Add a subject that says what connects you, e.g. “We both know Maria”."


@pytest.mark.parametrize("body", ["", "  \n ", "... —"])
@pytest.mark.parametrize("channel", ["email", "linkedin", None])
def test_nothing_written_is_no_mistake_and_each_point_says_what_to_write(body, channel):
    checks = outreach.check_email(body, "", channel)
    assert {c.status for c in checks} == {"todo"}
    hints = {c.key: c.hint for c in checks}
    assert {key: hints[key] for key in TO_WRITE} == TO_WRITE
    assert hints["no_job_request"] == hints["length"] == outreach.WRITE_FIRST
    assert all("\n" not in hint for hint in hints.values())
    if channel == "email":
        assert checks[0].key == "subject" and checks[0].hint == SUBJECT_TO_WRITE
    else:
        assert "subject" not in hints


def test_a_subject_saying_what_connects_you_covers_its_point_before_the_body():
    checks = {c.key: c for c in outreach.check_email("", "A fellow Leeds graduate", "email")}
    assert checks["connection"].status == "pass"
    assert {c.status for k, c in checks.items() if k != "connection"} == {"todo"}


def test_once_there_is_text_a_missed_point_is_to_fix():
    assert "fail" not in {c.status for c in outreach.check_email("", "", "email")}
    checks = {c.key: c.status for c in outreach.check_email("Hello", "", "email")}
    assert checks == {
        "subject": "fail",
        "connection": "fail",
        "introduction": "fail",
        "competence": "fail",
        "ask": "fail",
        "time": "fail",
        "no_job_request": "pass",
        "length": "pass",
    }


# --- The page ------------------------------------------------------------------------------


@pytest.fixture
def ana(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme", email="ana@example.org")
    conn.close()
    return ana


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def checklist(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_a_blank_page_says_what_to_write_and_a_word_turns_the_misses_to_fix(ana):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/3_outreach.py")
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = ana
    run(at)
    at.selectbox(key="outreach_template").set_value(BLANK)
    run(at)
    page = checklist(at)
    assert "Checklist: 0 of 8 points covered" in page
    assert "Fix this" not in page and "· Good" not in page
    for label in (outreach.SUBJECT_LABEL, *outreach.CHECK_LABELS.values()):
        assert f"**{label}** · Not yet" in page
    for hint in (SUBJECT_TO_WRITE, *TO_WRITE.values()):
        assert plain_markdown(hint) in page
    # a word written: the points it misses are to fix, the subject's too
    [body_key] = [k for k in at.session_state if str(k).startswith(f"body_{ana}_")]
    at.text_area(key=body_key).set_value("Hello")
    run(at)
    page = checklist(at)
    assert page.count("· Fix this") == 6
    assert "Not yet" not in page
    assert "Checklist: 2 of 8 points covered" in page
