"""outreach.logged_sentence: what the composer says once a message is logged."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from infoint import contacts, interactions, outreach, targets

TUE = date(2026, 11, 17)  # today, in these tests


@pytest.fixture
def ana(conn):
    return contacts.add_contact(conn, "Ana", "Silva", company="Acme")


def send(conn, contact_id: int, at: datetime, body: str, kind: str = "outreach"):
    return interactions.log_once(conn, contact_id, kind, occurred_at=at, body=body)


def said(conn, contact_id: int, sent, kind: str = "outreach") -> str:
    return outreach.logged_sentence(conn, contact_id, sent, kind, today=TUE)


def test_a_first_message_makes_them_contacted(conn, ana):
    """Someone else at Acme not yet written to: Follow-ups will suggest them after 3 days."""
    contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    sent = send(conn, ana, datetime(2026, 11, 17, 10), "Hello")
    assert said(conn, ana, sent) == (
        "Logged: Ana Silva now counts as Contacted. If Ana has not answered in 3 business "
        "days, Follow-ups will suggest someone else to try."
    )


def test_a_first_message_to_someone_alone_at_their_company_promises_no_one_else(conn, ana):
    """Alone at Acme, no one else is suggested: what comes is the one follow-up (written on
    Tue 17 Nov, silent for 7 business days: due on Fri 27 Nov)."""
    sent = send(conn, ana, datetime(2026, 11, 17, 10), "Hello")
    assert said(conn, ana, sent) == (
        "Logged: Ana Silva now counts as Contacted. If there is no answer, a follow-up is due "
        "on Fri 27 Nov 2026."
    )


@pytest.mark.parametrize(
    "why", ["introduced", "written to", "answering", "no company", "placeholder company"]
)
def test_no_one_else_to_try_means_no_one_else_promised(conn, why):
    """Follow-ups suggests someone else only at a real employer where no one is talking to
    you, among those there never written to whom nobody introduced: else the follow-up is
    what comes, and what is said."""
    company = {"no company": "", "placeholder company": "N/A"}.get(why, "Acme")
    ana = contacts.add_contact(conn, "Ana", "Silva", company=company)
    cy = contacts.add_contact(conn, "Cy", "Moss", company="Elsewhere")
    bo = contacts.add_contact(
        conn, "Bo", "Berg", company=company, referred_by=cy if why == "introduced" else None
    )
    if why in ("written to", "answering"):
        send(conn, bo, datetime(2026, 11, 10, 9), "Hello")
    if why == "answering":
        contacts.add_contact(conn, "Di", "Ng", company="Acme")  # never written to
        interactions.log_interaction(conn, bo, "reply", occurred_at=datetime(2026, 11, 11))
    sent = send(conn, ana, datetime(2026, 11, 17, 10), "Hello")
    assert said(conn, ana, sent) == (
        "Logged: Ana Silva now counts as Contacted. If there is no answer, a follow-up is due "
        "on Fri 27 Nov 2026."
    )


def test_a_second_and_third_message_that_day_say_so_and_when_the_follow_up_is_due(conn, ana):
    send(conn, ana, datetime(2026, 11, 17, 9), "Hello")
    second = send(conn, ana, datetime(2026, 11, 17, 11), "Hello again")
    third = send(conn, ana, datetime(2026, 11, 17, 15), "And the link")
    # written on Tue 17 Nov: silent for 7 business days, a follow-up is due on Fri 27 Nov
    assert said(conn, ana, second) == (
        "Logged: your second message to Ana Silva today. If there is no answer, a follow-up "
        "is due on Fri 27 Nov 2026."
    )
    assert said(conn, ana, third).startswith("Logged: your third message to Ana Silva today.")


def test_another_message_after_earlier_days_says_when_the_follow_up_now_falls_due(conn, ana):
    send(conn, ana, datetime(2026, 11, 16, 9), "Hello")
    assert outreach.follow_up_timing(conn, ana, today=TUE).due_on == date(2026, 11, 26)
    again = send(conn, ana, datetime(2026, 11, 17, 9), "Hello again")
    assert said(conn, ana, again) == (
        "Logged: another message to Ana Silva, whom you last wrote to on Mon 16 Nov 2026. "
        "If there is no answer, the follow-up is now due on Fri 27 Nov 2026."
    )


def test_another_message_where_no_follow_up_is_awaited_names_no_day(conn):
    """At a company ruled out, Follow-ups awaits no follow-up: no day is named."""
    targets.rule_out(conn, targets.add_company(conn, "Gone Ltd"), "Not for me after all.")
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Gone Ltd")
    send(conn, bo, datetime(2026, 11, 16, 9), "Hello")
    again = send(conn, bo, datetime(2026, 11, 17, 9), "Hello again")
    assert outreach.follow_up_timing(conn, bo, today=TUE) is None
    assert said(conn, bo, again) == (
        "Logged: another message to Bo Berg, whom you last wrote to on Mon 16 Nov 2026."
    )


def test_a_second_follow_up_that_day_is_not_called_the_one_follow_up(conn, ana):
    send(conn, ana, datetime(2026, 11, 2, 9), "Hello")
    first = send(conn, ana, datetime(2026, 11, 17, 9), "Following up", "follow_up")
    second = send(conn, ana, datetime(2026, 11, 17, 10), "The link I meant", "follow_up")
    assert said(conn, ana, first, "follow_up") == (
        "Follow-up to Ana Silva logged. That was the one follow-up; if there is still no "
        "answer, let it rest."
    )
    assert said(conn, ana, second, "follow_up") == (
        "Logged: your second follow-up to Ana Silva today. One follow-up is enough: if there "
        "is still no answer, let it rest."
    )


def test_the_same_message_again_counts_once(conn, ana):
    send(conn, ana, datetime(2026, 11, 17, 9), "Hello")
    again = send(conn, ana, datetime(2026, 11, 17, 9, 5), "Hello")
    assert again.already_logged
    assert said(conn, ana, again) == "Already logged: this message to Ana Silva today counts once."


def test_ordinals_past_the_words():
    assert [outreach._nth(n) for n in (1, 2, 8, 9, 11, 12, 21, 22, 23, 111)] == [
        "first", "second", "eighth", "9th", "11th", "12th", "21st", "22nd", "23rd", "111th",
    ]  # fmt: skip
