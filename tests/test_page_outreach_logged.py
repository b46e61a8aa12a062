"""What 'Log as sent' says once a message is logged: what actually happened, for a first
message, a second one that day and another on a later day."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, outreach, profile, ui
from infoint.text import plain_markdown, weekday_day

ROOT = Path(__file__).resolve().parent.parent
OUTREACH = "pages/3_outreach.py"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def outreach_page(contact_id: int, kind: str = "outreach") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(OUTREACH)
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = contact_id
    at.session_state[outreach.COMPOSE_KIND_KEY] = kind
    return run(at)


def log_as_sent(at: AppTest, body: str) -> str:
    """Write `body` as the draft, click 'Log as sent', and return what the page then says."""
    [box] = [a for a in at.text_area if a.key.startswith("body_")]
    box.set_value(body)
    [subject] = [t for t in at.text_input if t.key.startswith("subject_")]
    subject.set_value("Twenty minutes?")
    run(at)
    [log] = [b for b in at.button if b.label == "Log as sent"]
    log.click()
    run(at)
    return at.success[0].value


@pytest.fixture
def ana(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme Health", email="ana@example.org")
    profile.save_profile(
        conn, name="Sam Lee", job_title="a data analyst", focus_kind="occupation", focus="design"
    )
    conn.close()
    return ana


def due_on(app_db: Path, contact_id: int):
    conn = db.connect(app_db)
    try:
        return outreach.follow_up_timing(conn, contact_id).due_on
    finally:
        conn.close()


def test_a_second_message_that_day_is_said_to_be_the_second_with_the_follow_up_day(app_db, ana):
    first = log_as_sent(outreach_page(ana), "Hi Ana, could we talk for 20 minutes?")
    assert "Ana Silva now counts as Contacted" in first
    said = log_as_sent(outreach_page(ana), "Hi Ana, one more thing: Tuesday suits me.")
    conn = db.connect(app_db)
    assert [x.kind for x in interactions.list_interactions(conn, ana)] == ["outreach"] * 2
    conn.close()
    assert "now counts as Contacted" not in said
    assert said == plain_markdown(
        "Logged: your second message to Ana Silva today. If there is no answer, a follow-up is "
        f"due on {weekday_day(due_on(app_db, ana))}."
    )


def test_another_message_on_a_later_day_says_the_follow_up_moved(app_db, ana):
    conn = db.connect(app_db)
    # A week back, the same weekday: today's message then moves the follow-up, on a weekend
    # too (two days back from a Sunday is a Friday, and both were due on the same day).
    earlier = datetime.now().replace(microsecond=0) - timedelta(days=7)
    interactions.log_interaction(conn, ana, "outreach", occurred_at=earlier, body="Hello")
    before = outreach.follow_up_timing(conn, ana).due_on
    conn.close()
    said = log_as_sent(outreach_page(ana), "Hi Ana, writing again in case it got lost.")
    after = due_on(app_db, ana)
    assert after > before
    assert said == plain_markdown(
        "Logged: another message to Ana Silva, whom you last wrote to on "
        f"{weekday_day(earlier.date())}. If there is no answer, the follow-up is now due on "
        f"{weekday_day(after)}."
    )


def test_a_message_logged_is_said_to_be_logged_even_when_the_sentence_cannot_be_made(
    app_db, ana, monkeypatch
):
    """Working out what to say comes after the write: if it fails, the message is still
    logged, so the page says so and starts afresh (no error inviting a second log)."""
    from infoint.errors import InfointError

    def cannot_say(*args, **kwargs):
        raise InfointError("Something went wrong while working out what to say.")

    monkeypatch.setattr(outreach, "logged_sentence", cannot_say)
    at = outreach_page(ana)
    body = "Hi Ana, could we talk for 20 minutes next week?"
    said = log_as_sent(at, body)
    assert said == plain_markdown("Logged: your message to Ana Silva.")
    assert not at.error
    conn = db.connect(app_db)
    assert [x.body for x in interactions.list_interactions(conn, ana)] == [body]
    conn.close()
    # The draft is cleared: the page starts afresh, with no one chosen and no draft kept.
    assert at.session_state["outreach_contact"] is None
    assert not [a for a in at.text_area if a.key.startswith("body_")]
    kept = at.session_state.get(ui.KEPT_DRAFTS, {})
    assert not any(key.startswith(f"body_{ana}_") for key in kept)
