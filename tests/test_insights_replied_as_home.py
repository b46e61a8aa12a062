"""Insights' first sentence counts who replied as Home's Response rate does, and says a fact
once.

A new user's walkthrough on the heavy user read Home's "1,994 of 4,897 replied" and then, on
Insights, "1,992 of the 4,897 people you wrote to replied to your message (41 %)" above a chart
that adds up to 1,994: the 2 who had talked with them before they wrote were left out with no
word of it. The same sentence went on "...; 1,402 within 3 business days (29 %). 1,402 of the
1,992 people who replied did so within 3 business days of your first message.": one fact twice.
"""

from datetime import UTC, date, datetime

import pytest

from infoint import contacts, home, insights, interactions, meetings

TODAY = date(2026, 4, 1)  # everyone's time to reply has passed


def home_says(conn) -> str:
    """Home's 'N of M replied', as the note under its Response rate has it."""
    _rate, said = home.response_figure(home.headline(conn, TODAY))
    return said


def met_before_writing(conn, ana_replied: int = 5) -> None:
    """No holidays; 2 March 2026 is a Monday.

    person  met (held)   first message   after it            wait (business days)
    Ana     —            Mon 2 Mar       reply Thu 5 Mar     3 (or `ana_replied`, a day of March)
    Ben     —            Mon 2 Mar       reply Mon 9 Mar     5
    Cy      Mon 2 Mar    Wed 4 Mar       —                   talked before you wrote
    Eve     —            Mon 2 Mar       reply Tue 3 Mar     1
    Fay     —            Mon 2 Mar       —                   no reply
    """
    people = {name: contacts.add_contact(conn, name) for name in ("Ana", "Ben", "Cy", "Eve", "Fay")}
    meeting = meetings.schedule_meeting(conn, people["Cy"], datetime(2026, 3, 2, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    for name, day in (("Ana", 2), ("Ben", 2), ("Cy", 4), ("Eve", 2), ("Fay", 2)):
        interactions.log_interaction(conn, people[name], "outreach", occurred_at=date(2026, 3, day))
    for name, day in (("Ana", ana_replied), ("Ben", 9), ("Eve", 3)):
        interactions.log_interaction(conn, people[name], "reply", occurred_at=date(2026, 3, day))


def test_the_sentence_counts_who_replied_as_home_does_and_says_who_talked_before(conn):
    met_before_writing(conn)
    assert home_says(conn) == "4 of 5 replied"
    timing = insights.reply_timing(conn, TODAY)
    assert (timing.replies, timing.talked_before, timing.median_business_days) == (3, 1, 3)
    said = timing.sentence
    assert said.startswith("4 of the 5 people you wrote to replied (80 %)")
    assert said == (
        "4 of the 5 people you wrote to replied (80 %), counting the one who had talked with "
        "you before you wrote; 2 within 3 business days (40 %)."
    )


def test_a_typical_wait_other_than_the_quick_reply_window_is_still_said(conn):
    """Ana replied on day 2 instead: the median is 2 business days, a fact of its own; the
    timed replies are then named as those after you wrote, the 3 of Home's 4 who did."""
    met_before_writing(conn, ana_replied=4)
    assert home_says(conn) == "4 of 5 replied"
    assert insights.reply_timing(conn, TODAY).sentence == (
        "4 of the 5 people you wrote to replied (80 %), counting the one who had talked with "
        "you before you wrote; 2 within 3 business days (40 %). 2 of the 3 people who replied "
        "after you wrote did so within **2 business days** of your first message."
    )


@pytest.mark.parametrize(
    ("timing", "said"),
    [
        (  # the heavy user's (benchmarks/out/heavy-v2-20261127.duckdb): Home's 1,994 of 4,897
            dict(
                contacted=4973,
                quick=1402,
                replies=1992,
                median_business_days=3,
                median_days=4,
                talked_before=2,
                within_median=1402,
                waiting=76,
            ),
            "1,994 of the 4,897 people you wrote to replied (41 %), counting the 2 who had "
            "talked with you before you wrote; 1,402 within 3 business days (29 %). 76 more, "
            "written to in the last 3 business days, still have time to reply.",
        ),
        (  # every timed reply within the days, and one who talked with you before
            dict(
                contacted=3,
                quick=1,
                replies=1,
                median_business_days=1,
                median_days=1,
                talked_before=1,
                within_median=1,
            ),
            "2 of the 3 people you wrote to replied (67 %), counting the one who had talked "
            "with you before you wrote; 1 within 3 business days (33 %). The one who replied "
            "after you wrote did so **1 business day** after your first message.",
        ),
        (
            dict(
                contacted=3,
                quick=1,
                replies=1,
                median_business_days=2,
                median_days=2,
                talked_before=2,
                within_median=1,
            ),
            "All 3 people you wrote to replied, counting the 2 who had talked with you before "
            "you wrote; 1 within 3 business days (33 %). The one who replied after you wrote "
            "did so **2 business days** after your first message.",
        ),
    ],
)
def test_the_share_adds_those_who_talked_before_and_says_so(timing, said):
    assert insights.ReplyTiming(**timing).sentence == said


@pytest.mark.parametrize(
    ("timing", "said"),
    [
        (
            (10, 6, 8, 3, 4, 0, 0, 6),
            "8 of the 10 people you wrote to replied (80 %); 6 within 3 business days (60 %).",
        ),
        (
            (4, 4, 4, 3, 5, 0, 0, 4),
            "All 4 people you wrote to replied within 3 business days.",
        ),
        (  # "at least half" is no more than the share above says
            (10, 6, 8, 3, 4),
            "8 of the 10 people you wrote to replied (80 %); 6 within 3 business days (60 %).",
        ),
    ],
)
def test_a_typical_wait_of_the_quick_reply_window_is_said_once(timing, said):
    sentence = insights.ReplyTiming(*timing).sentence
    assert sentence == said
    assert sentence.count("3 business days") == 1
