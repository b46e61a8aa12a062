"""Trying someone else at a company is for when nobody there answers: not while you are
talking to someone there, and not with the people someone just introduced you to."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from infoint import contacts, followups, interactions, meetings

MON = datetime(2026, 3, 2, 10, 0)  # Ana at Acme is written to, and stays silent
FRI = date(2026, 3, 6)  # three business days on: trying someone else falls due
FOLLOW_UP_DAY = date(2026, 3, 12)  # seven business days on: the follow-up to Ana


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


@pytest.fixture
def acme(conn):
    ids = {
        "ana": contacts.add_contact(conn, "Ana", "Silva", company="Acme", position="PM"),
        "bo": contacts.add_contact(conn, "Bo", "Berg", company="Acme", position="Designer"),
        "cai": contacts.add_contact(conn, "Cai", "Tan", company="Acme", position="Analyst"),
        "otto": contacts.add_contact(conn, "Otto", "Blom", company="Acme"),
    }
    interactions.log_interaction(conn, ids["ana"], "outreach", occurred_at=MON)
    return ids


def kinds(conn, day: date) -> list[tuple[str, int | None]]:
    return [(item.kind, item.contact_id) for item in followups.due_items(conn, noon(day))]


def try_another(conn, day: date) -> list[followups.DueItem]:
    return [i for i in followups.due_items(conn, noon(day)) if i.kind == "try_another"]


def test_nobody_answering_still_means_trying_someone_else(conn, acme):
    [item] = try_another(conn, FRI)
    assert item.contact_id == acme["ana"]


def test_a_reply_from_someone_else_there_means_no_one_else_to_try(conn, acme):
    interactions.log_interaction(conn, acme["cai"], "outreach", occurred_at=datetime(2026, 2, 20))
    interactions.log_interaction(conn, acme["cai"], "reply", occurred_at=datetime(2026, 2, 24))
    assert try_another(conn, FRI) == []
    # Ana herself is still silent: her one follow-up comes as before.
    assert ("follow_up", acme["ana"]) in kinds(conn, FOLLOW_UP_DAY)
    assert ("try_another", acme["ana"]) not in kinds(conn, FOLLOW_UP_DAY)


def test_a_meeting_held_with_someone_there_means_no_one_else_to_try(conn, acme):
    """The walkthrough: Cai was met the day before, Ana is silent."""
    held = meetings.schedule_meeting(conn, acme["cai"], datetime(2026, 3, 5, 9, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    assert try_another(conn, FRI) == []


def test_a_meeting_booked_ahead_there_means_no_one_else_to_try(conn, acme):
    meetings.schedule_meeting(conn, acme["otto"], datetime(2026, 3, 10, 9, tzinfo=UTC))
    assert try_another(conn, FRI) == []


def test_a_meeting_that_fell_through_is_no_conversation(conn, acme):
    cancelled = meetings.schedule_meeting(conn, acme["otto"], datetime(2026, 3, 10, tzinfo=UTC))
    meetings.set_outcome(conn, cancelled, "cancelled")
    missed = meetings.schedule_meeting(conn, acme["cai"], datetime(2026, 3, 3, 9, tzinfo=UTC))
    meetings.set_outcome(conn, missed, "no_show")
    [item] = try_another(conn, FRI)
    assert item.contact_id == acme["ana"]


def test_an_answer_older_than_the_rules_look_back_is_no_conversation(conn, acme):
    interactions.log_interaction(conn, acme["cai"], "outreach", occurred_at=datetime(2026, 1, 2))
    interactions.log_interaction(conn, acme["cai"], "reply", occurred_at=datetime(2026, 1, 5))
    old = meetings.schedule_meeting(conn, acme["otto"], datetime(2026, 1, 8, 9, tzinfo=UTC))
    meetings.set_outcome(conn, old, "held", actual_minutes=20)
    [item] = try_another(conn, FRI)
    assert item.contact_id == acme["ana"]


def test_an_answer_at_another_company_changes_nothing_here(conn, acme):
    dee = contacts.add_contact(conn, "Dee", "Dunn", company="Globex")
    interactions.log_interaction(conn, dee, "outreach", occurred_at=datetime(2026, 2, 27))
    interactions.log_interaction(conn, dee, "reply", occurred_at=datetime(2026, 3, 3))
    meetings.schedule_meeting(conn, dee, datetime(2026, 3, 10, 9, tzinfo=UTC))
    assert len(try_another(conn, FRI)) == 1


def test_whom_you_wait_on_says_follow_up_while_talking_to_someone_there(conn, acme):
    meetings.schedule_meeting(conn, acme["otto"], datetime(2026, 3, 10, 9, tzinfo=UTC))
    waiting = followups.agenda(conn, noon(date(2026, 3, 4))).waiting
    assert [(p.contact_id, p.next_kind, p.next_on) for p in waiting.people] == [
        (acme["ana"], "follow_up", FOLLOW_UP_DAY)
    ]


def test_someone_introduced_is_not_offered_as_someone_else(conn, acme):
    """Lena, introduced by Dee at another company, is the introduction's next step (Outreach
    and Referrals offer her), not a stranger to try because Ana is silent."""
    dee = contacts.add_contact(conn, "Dee", "Dunn", company="Globex")
    lena = contacts.add_contact(
        conn, "Lena", "Park", company="Acme", position="Data Lead", degree="2nd", referred_by=dee
    )
    [item] = try_another(conn, FRI)
    assert {person for person, _ in item.people} == {acme["bo"], acme["cai"], acme["otto"]}
    assert lena not in dict(item.people)


def test_only_people_introduced_left_there_means_no_item(conn, acme):
    dee = contacts.add_contact(conn, "Dee", "Dunn", company="Globex")
    for who in ("bo", "cai", "otto"):
        interactions.log_interaction(conn, acme[who], "outreach", occurred_at=datetime(2026, 2, 2))
    contacts.add_contact(conn, "Lena", "Park", company="Acme", degree="2nd", referred_by=dee)
    assert try_another(conn, FRI) == []


def test_the_walkthrough_cai_met_otto_booked_lena_introduced(conn, acme):
    """Cai met on Thursday introduced Lena; Otto is booked for Tuesday; Ana is silent. Nothing
    says to try someone else at Acme, and Ana's follow-up still comes."""
    held = meetings.schedule_meeting(conn, acme["cai"], datetime(2026, 3, 5, 9, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    contacts.add_contact(
        conn, "Lena", "Park", company="Acme", degree="2nd", referred_by=acme["cai"]
    )
    meetings.schedule_meeting(conn, acme["otto"], datetime(2026, 3, 10, 9, tzinfo=UTC))
    assert try_another(conn, FRI) == []
    assert ("follow_up", acme["ana"]) in kinds(conn, FOLLOW_UP_DAY)
