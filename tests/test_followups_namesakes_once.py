"""The Follow-ups page names people in three places (the silence rules' items, the meetings'
items, whom you are waiting on), each told apart from namesakes (`referrals.names_apart`, 5-15
ms a call at 30,000 contacts). `followups.found` reads the namesakes once for all of them and
`agenda` reuses that, so a rerun of the page (found cached) reads none; the words are as
before."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from infoint import contacts, followups, interactions, meetings, referrals

MON = datetime(2026, 3, 2, 10, 0)
NOW = datetime.combine(date(2026, 3, 6), time(12), UTC)  # Friday: follow-ups still ahead


@pytest.fixture
def calls(monkeypatch):
    """Every call of referrals.names_apart, as the ids asked about."""
    asked: list[list[int]] = []
    real = referrals.names_apart

    def counted(conn, ids, **kwargs):
        ids = list(ids)
        asked.append(ids)
        return real(conn, ids, **kwargs)

    monkeypatch.setattr(referrals, "names_apart", counted)
    return asked


@pytest.fixture
def anas(conn):
    """Two Ana Lees at Acme written to on Monday, the engineer silent, the designer met on
    Tuesday (a thank-you is due); Bo Chen at Beta written to on Monday too, silent."""
    engineer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    designer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    bo = contacts.add_contact(conn, "Bo", "Chen", company="Beta")
    contacts.add_contact(conn, "Cy", "Dunn", company="Acme")
    for who in (designer, bo, engineer):  # the engineer last: the one to try someone else after
        interactions.log_interaction(conn, who, "outreach", occurred_at=MON)
    met = meetings.schedule_meeting(conn, designer, datetime(2026, 3, 3, 9, tzinfo=UTC))
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    return engineer, designer, bo


def test_found_reads_namesakes_once_and_agenda_not_again(conn, anas, calls):
    engineer, designer, bo = anas
    rules_found = followups.found(conn, NOW)
    assert len(calls) == 1
    assert {engineer, designer, bo} <= set(calls[0])
    agenda = followups.agenda(conn, waiting_limit=10, rules_found=rules_found)
    assert len(calls) == 1  # a rerun of the Follow-ups page reads no namesakes
    titles = sorted(item.title for item in agenda.due)
    assert "Send a thank-you to Ana Lee (Acme, Designer)" in titles
    assert "Try someone else at Acme" not in titles  # the designer there met the user
    waiting = {person.contact_id: person.name for person in agenda.waiting.people}
    assert waiting == {engineer: "Ana Lee (Engineer)", bo: "Bo Chen"}


def test_the_words_are_those_each_rule_says_alone(conn, anas, calls):
    together = followups.found(conn, NOW).items
    alone = [
        *followups._silence_due(conn, NOW),
        *followups.meeting_due(conn, NOW),
    ]
    assert together == alone
    assert len(calls) == 3  # once together; once for each rule run alone


def test_a_day_with_nothing_due_still_names_whom_you_wait_on(conn, anas):
    quiet = datetime.combine(date(2026, 3, 3), time(8), UTC) + timedelta(minutes=1)
    agenda = followups.agenda(conn, quiet)
    assert [item for item in agenda.due if item.kind != "prepare"] == []
    assert {person.name for person in agenda.waiting.people} >= {"Bo Chen"}
