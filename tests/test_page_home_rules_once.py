"""Home works out the follow-up rules once per change to the data, and keeps them as the
Follow-ups page does: on the heavy user the rules take a quarter of a second to run."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, followups, interactions, targets

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def rules_run(monkeypatch) -> list[int]:
    """Counts the runs of the rules (`followups.found`)."""
    runs: list[int] = []
    real = followups.found

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(followups, "found", counted)
    return runs


@pytest.fixture
def written_today(app_db, conn) -> int:
    """Ana at Acme, a target, written to this morning: nothing due yet, Ana waited on."""
    targets.add_company(conn, "Acme", industry="Health", motivation=3)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(
        conn, ana, "outreach", occurred_at=datetime.now() - timedelta(minutes=5)
    )
    return ana


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def test_with_nothing_due_home_runs_the_rules_once_to_say_why(written_today, rules_run):
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    assert "Due now" not in " ".join(m.value for m in at.main.markdown)
    assert len(rules_run) == 1


def test_home_then_follow_ups_run_the_rules_once(written_today, rules_run):
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    at.switch_page("pages/4_follow_ups.py")
    run(at)
    assert any("Waiting on 1 person" in s.value for s in at.subheader)
    assert len(rules_run) == 1


def test_a_snooze_on_follow_ups_leaves_homes_rules_kept_and_the_item_gone(app_db, conn, rules_run):
    targets.add_company(conn, "Acme", industry="Health", motivation=3)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(
        conn, ana, "outreach", occurred_at=datetime.now() - timedelta(days=14)
    )
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    assert any("Due now: 1" in m.value for m in at.main.markdown)
    at.switch_page("pages/4_follow_ups.py")
    run(at)
    next(b for b in at.button if b.key and b.key.startswith("snooze_")).click()
    run(at)
    at.switch_page("app.py")
    run(at)
    assert not any("Due now" in m.value for m in at.main.markdown)
    assert len(rules_run) == 1
