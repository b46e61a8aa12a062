"""A due item says how long the silence has lasted, and the rule apart from it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from infoint import contacts, followups, interactions, profile

MONDAY = datetime(2026, 3, 2, 10, 0)


def details(conn, day: date) -> dict[str, str]:
    now = datetime.combine(day, time(12), UTC)
    return {item.kind: item.detail for item in followups.due_items(conn, now)}


def test_the_wait_is_counted_and_the_rule_named_apart(conn):
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=MONDAY)
    # 3 to 13 March: nine business days.
    said = details(conn, date(2026, 3, 13))
    assert said["try_another"] == (
        "Ana Silva has not answered since 2 Mar 2026, 9 business days ago. After 3 business "
        "days of silence, write to another person there you have not contacted yet."
    )
    assert said["follow_up"] == (
        "You wrote on 2 Mar 2026, 9 business days ago, and have heard nothing since. After 7 "
        "business days of silence, one short, polite follow-up is fine; after that, let it rest."
    )


def test_holidays_are_not_counted_in_the_wait(conn):
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=MONDAY)
    profile.save_profile(
        conn, name="", job_title="", focus_kind="occupation", focus="", holidays_text="9/3/2026"
    )
    assert ", 4 business days ago." in details(conn, date(2026, 3, 9))["try_another"]
