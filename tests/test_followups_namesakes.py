"""Two Ana Lees at Acme: the due-now items named both 'Ana Lee (Acme)' ('Follow up with Ana Lee
(Acme)' twice, 'Send a thank-you to Ana Lee (Acme)' twice). Each item now names its own person
with what tells them apart (`referrals.names_apart`), after their company: 'Ana Lee (Acme,
Engineer)'. Someone whose name no one shares reads as before."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from infoint import contacts, followups, interactions, meetings

MON = datetime(2026, 3, 2, 10, 0)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


@pytest.fixture
def anas(conn):
    """Two Ana Lees at Acme, an engineer and a designer, and Bo Chen at Beta: all written to on
    Monday 2 March, none answered; Cy at Acme not written to yet."""
    engineer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    designer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    bo = contacts.add_contact(conn, "Bo", "Chen", company="Beta")
    contacts.add_contact(conn, "Cy", "Dunn", company="Acme")
    interactions.log_interaction(conn, engineer, "outreach", occurred_at=MON)
    interactions.log_interaction(conn, designer, "outreach", occurred_at=MON + timedelta(hours=1))
    interactions.log_interaction(conn, bo, "outreach", occurred_at=MON)
    return engineer, designer, bo


def titles(conn, day: date, kind: str) -> dict[int, str]:
    items = followups.due_items(conn, noon(day))
    return {item.contact_id: item.title for item in items if item.kind == kind}


def test_follow_ups_to_two_namesakes_at_one_company_name_each(conn, anas):
    engineer, designer, bo = anas
    assert titles(conn, date(2026, 3, 12), "follow_up") == {
        engineer: "Follow up with Ana Lee (Acme, Engineer)",
        designer: "Follow up with Ana Lee (Acme, Designer)",
        bo: "Follow up with Bo Chen (Beta)",
    }


def test_trying_someone_else_says_which_ana_is_silent(conn, anas):
    [item] = [i for i in followups.due_items(conn, noon(date(2026, 3, 6))) if i.company_id]
    assert item.title == "Try someone else at Acme"
    assert item.detail.startswith("Ana Lee (Designer) has not answered since 2 Mar 2026")


def test_namesakes_at_different_companies_read_as_before(conn):
    acme = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    zeta = contacts.add_contact(conn, "Ana", "Lee", company="Zeta")
    for who in (acme, zeta):
        interactions.log_interaction(conn, who, "outreach", occurred_at=MON)
    assert titles(conn, date(2026, 3, 12), "follow_up") == {
        acme: "Follow up with Ana Lee (Acme)",
        zeta: "Follow up with Ana Lee (Zeta)",
    }


def test_meeting_items_name_each_namesake(conn, anas):
    engineer, designer, _ = anas
    for who in (engineer, designer):
        meeting = meetings.schedule_meeting(conn, who, datetime(2026, 3, 3, 9, tzinfo=UTC))
        meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    meetings.schedule_meeting(conn, engineer, datetime(2026, 3, 6, 9, tzinfo=UTC))
    items = followups.due_items(conn, noon(date(2026, 3, 5)))
    said = sorted(item.title for item in items if item.kind in ("thank_you", "prepare"))
    assert said == [
        "Prepare for your meeting with Ana Lee (Acme, Engineer)",
        "Send a thank-you to Ana Lee (Acme, Designer)",
        "Send a thank-you to Ana Lee (Acme, Engineer)",
    ]
