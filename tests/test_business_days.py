"""One meaning of "within N business days", shared by Follow-ups and Insights."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from infoint import business_days, contacts, followups, insights, interactions, meetings

MON, THU, FRI = date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 6)
HOLIDAY = date(2026, 3, 9)  # a Monday


@pytest.mark.parametrize(
    ("start", "end", "holidays", "expected"),
    [
        (MON, MON, (), 0),
        (MON, date(2026, 3, 3), (), 1),
        (MON, THU, (), 3),  # Tue, Wed, Thu
        (MON, FRI, (), 4),
        (FRI, date(2026, 3, 7), (), 0),  # a Saturday answer to a Friday message: at once
        (FRI, HOLIDAY, (), 1),  # Monday
        (FRI, HOLIDAY, (HOLIDAY,), 0),  # Monday off
        (FRI, date(2026, 3, 10), (HOLIDAY,), 1),  # Tuesday
        (date(2026, 3, 7), date(2026, 3, 11), (), 3),  # Sat → Wed: Mon, Tue, Wed
        (THU, MON, (), 0),  # answered before the message: at once
    ],
)
def test_business_days_between(start, end, holidays, expected):
    assert business_days.business_days_between(start, end, holidays) == expected


def test_an_answer_within_the_window_comes_before_the_silence_is_noticed():
    """For every start and end over five weeks, with a holiday: `within` N business days
    exactly when the answer comes before the day the silence rules act."""
    holidays = (HOLIDAY, date(2026, 3, 20))
    starts = [MON + timedelta(days=n) for n in range(21)]
    for days in (0, 1, 3, 7):
        noticed = business_days.silence_noticed_on_many(starts, days, holidays)
        for start, acted in zip(starts, noticed, strict=True):
            assert acted > start
            for offset in range(15):
                end = start + timedelta(days=offset)
                assert business_days.within(start, end, days, holidays) == (end < acted), (
                    start,
                    end,
                    days,
                )


def test_sent_monday_thursday_is_in_time_and_friday_is_when_to_act():
    assert business_days.within(MON, THU, 3) and not business_days.within(MON, FRI, 3)
    assert business_days.silence_noticed_on(MON, 3) == FRI
    assert business_days.silence_noticed_on(MON, 7) == date(2026, 3, 12)


def test_sql_counts_as_python_counts(conn):
    holidays = [HOLIDAY, date(2026, 3, 14), date(2026, 4, 3)]  # a Monday, a Saturday, a Friday
    pairs = [
        (date(2026, 2, 20) + timedelta(days=a), date(2026, 2, 20) + timedelta(days=a + b))
        for a in range(30)
        for b in range(-3, 25)
    ]
    counted = conn.execute(
        f"""
        WITH holiday AS (SELECT DISTINCT unnest(?::DATE[]) AS day),
        pairs AS (SELECT unnest(?::DATE[]) AS s, unnest(?::DATE[]) AS e)
        SELECT {business_days.between_sql("s", "e", "holiday")} FROM pairs
        """,
        [holidays + holidays, [s for s, _ in pairs], [e for _, e in pairs]],
    ).fetchall()
    expected = [business_days.business_days_between(s, e, holidays) for s, e in pairs]
    assert [row[0] for row in counted] == expected


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


@pytest.fixture
def silent_at_acme(conn):
    """Ana at Acme written to on Monday 2 March; Bo, also at Acme, not written to."""
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=datetime(2026, 3, 2, 9))
    return ana


def speed(conn) -> dict[str, int]:
    """The people of each speed group: the reply waits added up by group (a group left out,
    as an empty "Talked before you wrote" is, has no one)."""
    by_speed = insights.reply_waits(conn).groupby("speed")["people"].sum()
    return {group: int(by_speed.get(n, 0)) for n, group in enumerate(insights.SPEED_GROUPS)}


def test_follow_ups_and_insights_agree_on_the_thursday(conn, silent_at_acme):
    """Sent Monday: no 'try someone else' on Thursday, and a Thursday reply is quick."""
    assert followups.due_items(conn, noon(THU)) == []
    [item] = followups.due_items(conn, noon(FRI))
    assert (item.kind, item.due_on) == ("try_another", FRI)
    interactions.log_interaction(
        conn, silent_at_acme, "reply", occurred_at=datetime(2026, 3, 5, 16)
    )
    assert speed(conn)["Replied within 3 business days"] == 1
    assert followups.due_items(conn, noon(FRI)) == []


def test_a_friday_reply_came_after_the_rule_had_acted(conn, silent_at_acme):
    interactions.log_interaction(conn, silent_at_acme, "reply", occurred_at=datetime(2026, 3, 6, 9))
    assert speed(conn)["Replied later"] == 1


def test_a_held_meeting_answers_like_a_reply(conn, silent_at_acme):
    """Met on Thursday with no reply logged: the funnel says Replied, so does the speed."""
    meeting = meetings.schedule_meeting(conn, silent_at_acme, datetime(2026, 3, 5, 10, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert speed(conn)["Replied within 3 business days"] == 1
