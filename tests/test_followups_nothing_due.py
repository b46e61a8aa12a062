"""Why nothing is due: the empty list says what hides what might be expected there (whom you
wait on, what you snoozed or dismissed, silence older than the rules look at), so that
"Nothing is due today" never reads as if the app had lost someone (walkthrough)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from infoint import contacts, followups, interactions, meetings, targets

TUE = datetime(2026, 3, 17, 12, 0, tzinfo=UTC)  # the user's zone is UTC by default
TODAY = TUE.date()
EMPTY = (
    "Nothing is due today. When you write to someone, log it on Outreach: if they stay silent, "
    "this page tells you what to do next."
)


def quiet(conn) -> followups.Quiet:
    return followups.quiet(conn, TUE)


def write(conn, first: str, company: str, on: date) -> int:
    person = contacts.add_contact(conn, first, "Lee", company=company)
    interactions.log_interaction(
        conn, person, "outreach", occurred_at=datetime(*on.timetuple()[:3], 9)
    )
    return person


def test_a_new_campaign_says_what_the_page_will_do(conn):
    assert quiet(conn) == followups.Quiet(0, None, 0, 0, 0)
    assert quiet(conn).said(here=True) == EMPTY


def test_silence_older_than_the_rules_look_at_is_said_with_its_cut_off(conn):
    """Ana (2 Feb) and Bo (10 Feb) never answered, more than 30 days back; Cy answered, Di's
    company is ruled out, Ed met you: none of those three is silence left alone."""
    write(conn, "Ana", "Acme", date(2026, 2, 2))
    write(conn, "Bo", "Beta", date(2026, 2, 10))
    cy = write(conn, "Cy", "Core", date(2026, 2, 3))
    interactions.log_interaction(conn, cy, "reply", occurred_at=datetime(2026, 2, 4, 9))
    write(conn, "Di", "Dull", date(2026, 2, 3))
    targets.rule_out(conn, targets.ensure_company(conn, "Dull"), "Not for me")
    ed = write(conn, "Ed", "Echo", date(2026, 2, 3))
    meetings.schedule_meeting(conn, ed, datetime(2026, 2, 9, 10, tzinfo=UTC))
    assert followups.due_items(conn, TUE) == []
    assert quiet(conn).left_alone == 2
    assert quiet(conn).said(here=True) == (
        "Nothing is due today; 2 people you last wrote to more than 30 days ago have not answered "
        "since, and "
        "this page suggests nothing for silence that old: write to someone new."
    )
    assert quiet(conn).said(here=False) == (
        "Nothing is due today; 2 people you last wrote to more than 30 days ago have not answered "
        "since, and "
        "Follow-ups suggests nothing for silence that old: write to someone new."
    )


def test_one_old_silence_and_a_newer_one_written_to_again(conn):
    """Ana was written to 40 days back and again 5 days back: she is waited on (a follow-up
    after 7 business days, no one else at Acme to try), not left alone; Bo is."""
    ana = write(conn, "Ana", "Acme", date(2026, 2, 5))
    interactions.log_interaction(conn, ana, "outreach", occurred_at=datetime(2026, 3, 12, 9))
    write(conn, "Bo", "Beta", date(2026, 2, 10))
    said = quiet(conn)
    assert (said.waiting, said.left_alone) == (1, 1)
    assert said.said(here=True) == (
        "Nothing is due today; you are waiting on 1 person, and the next step falls due on "
        "Tue 24 Mar 2026. 1 person you last wrote to more than 30 days ago has not answered since, "
        "and "
        "this page suggests nothing for silence that old: write to someone new."
    )


@pytest.fixture
def hidden(conn):
    """On Tue 17 Mar: a thank-you after Katherine's meeting, snoozed; a follow-up to Ana,
    dismissed."""
    kate = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA")
    meeting = meetings.schedule_meeting(conn, kate, datetime(2026, 3, 13, 15, 0, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    sent = write(conn, "Ana", "Acme", date(2026, 3, 2))
    [follow_up] = [i for i in followups.due_items(conn, TUE) if i.kind == "follow_up"]
    assert follow_up.contact_id == sent
    followups.dismiss(conn, follow_up.key)
    followups.snooze(conn, f"thank_you:{meeting}", date(2026, 3, 20), TODAY)
    return conn


def test_what_was_snoozed_or_dismissed_is_said_with_where_to_bring_it_back(hidden):
    said = quiet(hidden)
    assert followups.due_items(hidden, TUE) == []
    assert (said.snoozed, said.dismissed) == (1, 1)
    assert said.said(here=True) == (
        "Nothing is due today; you snoozed 1 thing and dismissed 1, and the foot of this page "
        "can show them again."
    )
    assert said.said(here=False) == (
        "Nothing is due today; you snoozed 1 thing and dismissed 1, and Follow-ups can show "
        "them again."
    )


@pytest.mark.parametrize(
    ("snoozed", "dismissed", "said"),
    [
        (1, 0, "you snoozed 1 thing, and the foot of this page can show it again"),
        (0, 3, "you dismissed 3 things, and the foot of this page can show them again"),
    ],
)
def test_one_kind_of_hiding_alone(snoozed, dismissed, said):
    quiet = followups.Quiet(0, None, snoozed, dismissed, 0)
    assert quiet.said(here=True) == f"Nothing is due today; {said}."


def test_no_more_than_two_reasons(hidden):
    """Waited on, hidden and left alone at once: the two nearest are said, in two sentences."""
    quiet = followups.Quiet(2, date(2026, 3, 18), 1, 0, 4)
    assert quiet.said(here=True) == (
        "Nothing is due today; you are waiting on 2 people, and the next step falls due on "
        "Wed 18 Mar 2026. You snoozed 1 thing, and the foot of this page can show it again."
    )
