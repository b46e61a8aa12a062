"""Follow-ups and Home with nothing due say why: silence older than the rules look at, or what
was snoozed or dismissed, and what to do next (walkthrough: 'Nothing is due today' alone)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, followups, interactions, targets

ROOT = Path(__file__).resolve().parent.parent


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def follow_ups_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/4_follow_ups.py")
    return at


@pytest.fixture
def old_silence(app_db):
    """Ana and Bo, written to 45 days ago, never answered; Acme a target."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", motivation=2)
    for name, company in (("Ana", "Acme"), ("Bo", "Beta")):
        person = contacts.add_contact(conn, name, "Lee", company=company)
        interactions.log_interaction(
            conn, person, "outreach", occurred_at=date.today() - timedelta(days=45)
        )
    conn.close()
    return app_db


OLD = (
    "Nothing is due today; 2 people you last wrote to more than 30 days ago have not answered "
    "since, and {} "
    "suggests nothing for silence that old: write to someone new."
)


def test_follow_ups_says_old_silence_is_left_alone(old_silence):
    at = run(follow_ups_page())
    assert [s.value for s in at.success] == [OLD.format("this page")]
    links = [link.proto.label for link in at.main.get("page_link")]
    assert "Write to someone" in links  # what to do next, under it


def test_home_says_why_nothing_is_due(old_silence):
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    assert not [m for m in at.markdown if m.value.startswith("**Due now")]
    links = [link.proto.label for link in at.main.get("page_link")]
    assert "Write to someone new" in links
    assert OLD.format("Follow-ups") in [c.value for c in at.caption]


def test_follow_ups_says_what_was_dismissed_and_where_it_is(app_db):
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", motivation=2)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(
        conn, ana, "outreach", occurred_at=date.today() - timedelta(days=20)
    )
    [item] = followups.due_items(conn)
    followups.dismiss(conn, item.key)
    conn.close()
    at = run(follow_ups_page())
    assert [s.value for s in at.success] == [
        "Nothing is due today; you dismissed 1 thing, and the foot of this page can show it again."
    ]
    assert [t.label for t in at.toggle] == ["Show what you dismissed (1)"]
    home = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    assert "Nothing is due today; you dismissed 1 thing, and Follow-ups can show it again." in [
        c.value for c in home.caption
    ]


def test_an_answer_logged_since_is_counted_at_once(old_silence):
    """The count of old silence is kept across snoozes, not across an answer logged."""
    at = run(follow_ups_page())
    assert "2 people you last wrote to" in at.success[0].value
    conn = db.connect(old_silence)
    [(ana,)] = conn.execute("SELECT id FROM contacts WHERE first_name = 'Ana'").fetchall()
    interactions.log_interaction(conn, ana, "reply")
    conn.close()
    run(at)
    assert "1 person you last wrote to more than 30 days ago has not" in at.success[0].value
