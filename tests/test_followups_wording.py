"""A due item says how long the silence has lasted, and the rule apart from it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from infoint import contacts, followups, interactions, meetings, profile

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


ON_TIME = "A short note within a day is best, and it is not too late."
LATE = (
    "It is late, but a short thank-you still lands well; or dismiss this if the moment has passed."
)


@pytest.mark.parametrize(
    ("days_after", "said"), [(1, ON_TIME), (7, ON_TIME), (8, LATE), (29, LATE)]
)
def test_a_thank_you_past_a_week_says_it_is_late_and_still_welcome(conn, days_after, said):
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    held = meetings.schedule_meeting(conn, ana, MONDAY.replace(tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    assert (
        details(conn, date(2026, 3, 2 + days_after))["thank_you"]
        == f"You met on 2 Mar 2026. {said}"
    )
