"""The quick-reply share counts only people whose window has closed, or who have replied.

A new user wrote to two people, one of them today: Insights said "1 of the 2 people you
wrote to replied within 3 business days (50 %)", counting someone who still had 3 business
days to reply as not quick. Those still inside their window are said apart, kindly.
"""

from datetime import date

import pytest

from infoint import business_days, contacts, funnel, insights, interactions, profile

MON, WED, THU, FRI = date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)
WAITING = insights.STILL_IN_TIME


@pytest.fixture
def ana_replied_ben_waits(conn):
    """Ana written to on Monday 2 March, replied on Wednesday; Ben written to on Monday, silent."""
    ana = contacts.add_contact(conn, "Ana")
    ben = contacts.add_contact(conn, "Ben")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=MON)
    interactions.log_interaction(conn, ana, "reply", occurred_at=WED)
    interactions.log_interaction(conn, ben, "outreach", occurred_at=MON)
    return ana, ben


def waits(conn, today):
    frame = insights.reply_waits(conn, today)
    return dict(zip(frame["wait"], frame["people"], strict=True))


def test_someone_still_inside_the_window_is_not_counted_as_slow(conn, ana_replied_ben_waits):
    # Thursday: Ben's third business day, a reply today would still be quick.
    assert business_days.within(MON, THU, insights.QUICK_REPLY_DAYS)
    timing = insights.reply_timing(conn, THU)
    assert (timing.contacted, timing.quick, timing.replies, timing.waiting) == (2, 1, 1, 1)
    assert timing.sentence == (
        "You wrote to 2 people. The one who replied did so **2 business days** after your "
        "first message. 1 more, written to in the last 3 business days, still has time to reply."
    )
    assert "1 of the 2" not in timing.sentence and "50 %" not in timing.sentence
    assert waits(conn, THU)[WAITING] == 1
    assert waits(conn, THU)["No reply yet, no follow-up sent"] == 0


def test_once_the_window_closes_the_silence_counts(conn, ana_replied_ben_waits):
    timing = insights.reply_timing(conn, FRI)
    assert (timing.contacted, timing.quick, timing.waiting) == (2, 1, 0)
    assert timing.sentence.startswith(
        "1 of the 2 people you wrote to replied within 3 business days (50 %)."
    )
    assert WAITING not in waits(conn, FRI)  # nobody in it: no row at 0
    assert waits(conn, FRI)["No reply yet, no follow-up sent"] == 1


def test_the_window_skips_the_users_holidays(conn, ana_replied_ben_waits):
    conn.execute("UPDATE profile SET holidays = '2026-03-04'")  # the Wednesday
    # Tuesday, Thursday, Friday: Friday is Ben's third business day.
    assert insights.reply_timing(conn, FRI).waiting == 1
    assert waits(conn, FRI)[WAITING] == 1
    assert insights.reply_timing(conn, date(2026, 3, 9)).waiting == 0


def test_the_share_is_of_those_whose_window_closed(conn, ana_replied_ben_waits):
    cy, di = contacts.add_contact(conn, "Cy"), contacts.add_contact(conn, "Di")
    interactions.log_interaction(conn, cy, "outreach", occurred_at=MON)
    interactions.log_interaction(conn, di, "outreach", occurred_at=THU)
    eve = contacts.add_contact(conn, "Eve")  # written to today and answered today: quick
    interactions.log_interaction(conn, eve, "outreach", occurred_at=FRI)
    interactions.log_interaction(conn, eve, "reply", occurred_at=FRI)
    timing = insights.reply_timing(conn, FRI)
    assert (timing.contacted, timing.quick, timing.replies, timing.waiting) == (5, 2, 2, 1)
    assert timing.sentence.startswith(
        "2 of the 4 people you wrote to replied within 3 business days (50 %). "
    )
    assert timing.sentence.endswith(
        " 1 more, written to in the last 3 business days, still has time to reply."
    )
    # The waits still add up to everyone written to, and the note to the funnel's Replied.
    assert sum(waits(conn, FRI).values()) == 5
    assert timing.replied_note == "Replied in your funnel: 2 people — 2 within 3 business days."
    assert funnel.funnel_dict(conn)["replied"] == 2


def test_today_is_the_users_by_default(conn):
    """The walkthrough: one person written to long ago who replied, one written to today."""
    ana, ben = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Ben")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=MON)
    interactions.log_interaction(conn, ana, "reply", occurred_at=MON)
    interactions.log_interaction(conn, ben, "outreach", occurred_at=profile.now(conn))
    timing = insights.reply_timing(conn)
    assert (timing.quick, timing.waiting) == (1, 1)
    assert "50 %" not in timing.sentence
    assert waits(conn, None)[WAITING] == 1


@pytest.mark.parametrize(
    ("timing", "said"),
    [
        (
            dict(contacted=1, quick=0, replies=0, waiting=1),
            "You wrote to 1 person in the last 3 business days: they still have time to reply.",
        ),
        (
            dict(contacted=2, quick=0, replies=0, waiting=1),
            "Neither of the 2 people you wrote to has replied yet. 1 of them, written to in "
            "the last 3 business days, still has time to reply.",
        ),
        (
            dict(contacted=2, quick=0, replies=0, waiting=2),
            "You wrote to both people in the last 3 business days: they still have time to reply.",
        ),
        (
            dict(contacted=5, quick=2, replies=3, waiting=2, median_business_days=2),
            "All 3 people you wrote to replied; 2 within 3 business days (67 %). At least "
            "half of the 3 who replied did so within **2 business days** of your first "
            "message. 2 more, written to in the last 3 business days, still have time to reply.",
        ),
        (
            dict(contacted=4, quick=2, replies=2, waiting=2, median_business_days=1),
            "Both people you wrote to replied within 3 business days. At least half of the 2 "
            "who replied did so within **1 business day** of your first message. 2 more, "
            "written to in the last 3 business days, still have time to reply.",
        ),
    ],
)
def test_the_sentence_says_who_still_has_time(timing, said):
    filled = {"median_business_days": None, "median_days": None} | timing
    if filled["median_business_days"] is not None:
        filled["median_days"] = filled["median_business_days"]
    assert insights.ReplyTiming(**filled).sentence == said
