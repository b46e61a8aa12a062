"""Insights' first sentence gives who replied at all (Home's Response rate) before who replied
within 3 business days, when the two differ, so the two shares read as two measures.

A new user's walkthrough read Home's 'Response rate 50 % — 15 of 30 replied' and, on Insights,
'14 of the 30 people you wrote to replied within 3 business days (47 %)', and took them for one
figure that disagreed.
"""

from datetime import date

import pytest

from infoint import contacts, demo, home, insights, interactions

TODAY = date(2026, 3, 20)  # a Friday, everyone's 3 business days long past


@pytest.fixture
def people(conn):
    """Written to on Monday 2 March: Ana replied the next day, Ben a week later, Cy and Di
    not at all."""
    for name, reply in (("Ana", 3), ("Ben", 9), ("Cy", None), ("Di", None)):
        person = contacts.add_contact(conn, name)
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        if reply:
            interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, reply))


def test_replied_at_all_then_within_the_days(conn, people):
    timing = insights.reply_timing(conn, TODAY)
    assert timing.sentence.startswith(
        "2 of the 4 people you wrote to replied (50 %); 1 within 3 business days (25 %). "
    )
    # The first share is Home's Response rate.
    assert home.response_figure(home.headline(conn, TODAY)) == ("50 %", "2 of 4 replied")


def test_when_every_reply_came_in_time_one_share_says_both(conn):
    for name, reply in (("Ana", 3), ("Cy", None)):
        person = contacts.add_contact(conn, name)
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        if reply:
            interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, reply))
    said = insights.reply_timing(conn, TODAY).sentence
    assert said.startswith("1 of the 2 people you wrote to replied within 3 business days (50 %).")


def test_the_demo_agrees_with_home(conn):
    today = date(2026, 11, 25)
    demo.load_demo(conn, today=today)
    figures = home.headline(conn, today)
    rate, _ = home.response_figure(figures)
    timing = insights.reply_timing(conn, today)
    assert timing.replies + timing.not_written_to + timing.talked_before == figures.replied
    assert timing.quick < timing.replies  # someone replied later: both shares are given
    assert timing.sentence.startswith(
        f"{figures.replied} of the {figures.time_passed} people you wrote to replied ({rate}); "
        f"{timing.quick} within 3 business days ("
    )


def test_homes_help_says_its_rate_is_of_replies_however_late():
    """Home's side of the same difference, under the Response rate's question mark."""
    assert "A reply counts however long it took" in home.RESPONSE_HELP
    assert "the share who replied within 3 business days" in home.RESPONSE_HELP
