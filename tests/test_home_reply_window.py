"""Home's response rate leaves out the people who still have time to reply, by Insights' rule
(`insights.reply_timing`'s `waiting`): written to in the last 3 business days, nothing from them
since. A new user who had just logged a first outreach read 'Response rate 0 %' and
'0 of 1 replied' on Home, while Insights said the person still had time."""

from datetime import UTC, date, datetime

from infoint import contacts, home, insights, interactions, meetings

MONDAY = date(2026, 3, 2)


def write(conn, name: str, on: date, answer: date | None = None) -> int:
    person = contacts.add_contact(conn, name)
    interactions.log_interaction(conn, person, "outreach", occurred_at=on)
    if answer is not None:
        interactions.log_interaction(conn, person, "reply", occurred_at=answer)
    return person


def test_the_first_outreach_is_too_soon_to_count(conn):
    write(conn, "Ana", MONDAY)
    figures = home.headline(conn, MONDAY)
    assert (figures.contacted, figures.replied, figures.waiting) == (1, 0, 1)
    assert figures.response_rate is None
    assert home.response_figure(figures) == ("Too soon", "1 may still reply")


def test_the_share_is_of_those_whose_time_has_passed(conn):
    write(conn, "Ana", date(2026, 2, 2), answer=date(2026, 2, 3))
    write(conn, "Ben", date(2026, 2, 2))  # silent for weeks
    write(conn, "Cy", MONDAY)
    write(conn, "Di", MONDAY)
    figures = home.headline(conn, MONDAY)
    assert (figures.contacted, figures.replied, figures.waiting) == (4, 1, 2)
    assert figures.response_rate == 0.5
    assert home.response_figure(figures) == (
        "50 %",
        "1 of 2 replied; 2 more may reply",
    )


def test_nobody_waiting_reads_as_before(conn):
    write(conn, "Ana", date(2026, 2, 2), answer=date(2026, 2, 3))
    write(conn, "Ben", date(2026, 2, 2))
    figures = home.headline(conn, MONDAY)
    assert figures.waiting == 0
    assert home.response_figure(figures) == ("50 %", "1 of 2 replied")


def test_a_reply_in_time_counts_at_once(conn):
    write(conn, "Ana", MONDAY, answer=MONDAY)
    figures = home.headline(conn, MONDAY)
    assert figures.waiting == 0
    assert home.response_figure(figures) == ("100 %", "1 of 1 replied")


def test_the_window_closes_after_3_business_days_as_on_insights(conn):
    """Written on Monday: still in time on Thursday, not on Friday; a holiday on Tuesday gives
    one day more. Home and Insights say the same on each day."""
    write(conn, "Ana", MONDAY)
    # met at an event before being written to, silent since: no one to wait for
    met = contacts.add_contact(conn, "Ben")
    held = meetings.schedule_meeting(conn, met, datetime(2026, 2, 20, 10, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    interactions.log_interaction(conn, met, "outreach", occurred_at=MONDAY)
    for today, waiting in ((date(2026, 3, 5), 1), (date(2026, 3, 6), 0)):
        assert home.headline(conn, today).waiting == waiting, today
        assert insights.reply_timing(conn, today).waiting == waiting, today
    conn.execute("UPDATE profile SET holidays = '2026-03-03'")  # the Tuesday
    for today, waiting in ((date(2026, 3, 6), 1), (date(2026, 3, 9), 0)):
        assert home.headline(conn, today).waiting == waiting, today
        assert insights.reply_timing(conn, today).waiting == waiting, today


def test_the_help_says_who_is_left_out(conn):
    assert "still have time to reply" in home.RESPONSE_HELP
    assert f"{insights.QUICK_REPLY_DAYS} business days" in home.RESPONSE_HELP
