"""Business days and the "due now" rules, on a fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from infoint import business_days, contacts, followups, interactions, meetings, profile, targets
from infoint.errors import InvalidInputError

# --- business days ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "holidays", "expected"),
    [
        (date(2026, 3, 2), 0, (), date(2026, 3, 2)),  # Mon + 0
        (date(2026, 3, 2), 3, (), date(2026, 3, 5)),  # Mon -> Thu
        (date(2026, 3, 6), 1, (), date(2026, 3, 9)),  # Fri -> Mon, over the weekend
        (date(2026, 3, 6), 7, (), date(2026, 3, 17)),  # Fri + 7 -> Tue next-but-one week
        (date(2026, 3, 7), 3, (), date(2026, 3, 11)),  # Sat: Mon 1, Tue 2, Wed 3
        (date(2026, 3, 2), 3, (date(2026, 3, 4),), date(2026, 3, 6)),  # Wed a holiday
        (date(2026, 4, 30), 2, (), date(2026, 5, 4)),  # month end: Thu -> Mon
        (date(2028, 2, 28), 2, (), date(2028, 3, 1)),  # leap year: Mon -> Wed 1 Mar
        (date(2025, 12, 31), 3, (), date(2026, 1, 5)),  # year end without holidays
        (date(2025, 12, 31), 3, (date(2026, 1, 1),), date(2026, 1, 6)),  # New Year off
        (
            date(2026, 12, 24),
            3,
            (date(2026, 12, 25), date(2027, 1, 1)),
            date(2026, 12, 30),
        ),
        (date(2026, 12, 31), 1, (date(2027, 1, 1),), date(2027, 1, 4)),  # into the new year
        (date(2026, 12, 25), 1, (date(2026, 12, 25),), date(2026, 12, 28)),  # start on holiday
    ],
)
def test_add_business_days(start, days, holidays, expected):
    assert business_days.add_business_days(start, days, holidays) == expected


def test_many_start_days_at_once():
    assert business_days.add_business_days_many(
        [date(2026, 3, 2), date(2026, 3, 6)], 3, [date(2026, 3, 10)]
    ) == [date(2026, 3, 5), date(2026, 3, 12)]
    assert business_days.add_business_days_many([], 3) == []


def test_negative_days_are_refused():
    with pytest.raises(InvalidInputError):
        business_days.add_business_days(date(2026, 3, 2), -1)


# --- the rules ----------------------------------------------------------------------------

MON = datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def people(conn):
    ids = {
        "ana": contacts.add_contact(conn, "Ana", "Silva", company="Acme", position="PM"),
        "bo": contacts.add_contact(conn, "Bo", "Berg", company="Acme", degree="2nd"),
        "cy": contacts.add_contact(conn, "Cy", "Chu", company="Acme", position="Designer"),
        "dee": contacts.add_contact(conn, "Dee", "Dunn"),
    }
    ids["acme"] = conn.execute("SELECT id FROM companies WHERE name = 'Acme'").fetchall()[0][0]
    interactions.log_interaction(conn, ids["ana"], "outreach", occurred_at=MON)
    interactions.log_interaction(conn, ids["dee"], "outreach", occurred_at=MON)
    return ids


def noon(day: date) -> datetime:
    """Noon that day in UTC, the user's time zone in these tests (conftest sets the machine's)."""
    return datetime.combine(day, time(12), UTC)


def due(conn, day):
    return [(item.kind, item.contact_id) for item in followups.due_items(conn, noon(day))]


def test_nothing_is_due_before_three_business_days(conn, people):
    assert due(conn, date(2026, 3, 4)) == []
    # Thursday is the third business day after Monday: a reply today is still in time
    # (Insights counts it as within 3 business days), so nothing is due until Friday.
    assert due(conn, date(2026, 3, 5)) == []


def test_after_three_business_days_try_someone_else_at_the_company(conn, people):
    items = followups.due_items(conn, noon(date(2026, 3, 6)))
    assert len(items) == 1
    item = items[0]
    assert (item.kind, item.contact_id, item.company_id, item.due_on) == (
        "try_another",
        people["ana"],
        people["acme"],
        date(2026, 3, 6),
    )
    # people not yet contacted there, the closest connections first
    assert item.people == ((people["cy"], "Cy Chu — Designer"), (people["bo"], "Bo Berg"))
    assert item.title == "Try someone else at Acme"
    assert "Ana Silva has not answered since 2 Mar 2026" in item.detail
    assert (item.action_page, item.compose_kind) == ("pages/3_outreach.py", "outreach")


def test_after_seven_business_days_one_follow_up(conn, people):
    # Seven business days after Monday 2 March end on Wednesday 11; the follow-up is due
    # the day after.
    assert due(conn, date(2026, 3, 11)) == [("try_another", people["ana"])]
    assert due(conn, date(2026, 3, 12)) == [
        ("try_another", people["ana"]),
        ("follow_up", people["ana"]),
        ("follow_up", people["dee"]),
    ]
    item = followups.due_items(conn, noon(date(2026, 3, 12)))[1]
    outreach_id = interactions.list_interactions(conn, people["ana"])[0].id
    assert (item.key, item.title, item.compose_kind) == (
        f"follow_up:{outreach_id}",
        "Follow up with Ana Silva (Acme)",
        "follow_up",
    )


def test_holidays_push_the_due_date(conn, people):
    profile.save_profile(
        conn,
        name="Sam",
        job_title="",
        focus_kind="occupation",
        focus="",
        holidays_text="2026-03-09",
    )
    assert due(conn, date(2026, 3, 12)) == [("try_another", people["ana"])]
    assert [i.due_on for i in followups.due_items(conn, noon(date(2026, 3, 13)))][1:] == [
        date(2026, 3, 13),
        date(2026, 3, 13),
    ]


def test_writing_to_someone_else_there_clears_the_item(conn, people):
    interactions.log_interaction(
        conn, people["cy"], "outreach", occurred_at=datetime(2026, 3, 6, 9)
    )
    assert ("try_another", people["ana"]) not in due(conn, date(2026, 3, 10))
    # Cy is silent too: three business days later, Bo is the one left to try.
    items = followups.due_items(conn, noon(date(2026, 3, 12)))
    again = [i for i in items if i.kind == "try_another"]
    assert [(i.contact_id, i.people) for i in again] == [
        (people["cy"], ((people["bo"], "Bo Berg"),))
    ]


def test_a_follow_up_is_suggested_once(conn, people):
    interactions.log_interaction(
        conn, people["ana"], "follow_up", occurred_at=datetime(2026, 3, 11, 9)
    )
    assert ("follow_up", people["ana"]) not in due(conn, date(2026, 3, 11))
    assert ("follow_up", people["ana"]) not in due(conn, date(2026, 3, 25))


def test_an_answer_or_a_meeting_clears_everything_for_that_person(conn, people):
    interactions.log_interaction(conn, people["ana"], "reply", occurred_at=datetime(2026, 3, 3))
    meetings.schedule_meeting(conn, people["dee"], datetime(2026, 3, 20, 9, tzinfo=UTC))
    assert due(conn, date(2026, 3, 11)) == []


def test_an_old_reply_does_not_answer_a_new_outreach(conn, people):
    interactions.log_interaction(conn, people["dee"], "reply", occurred_at=datetime(2026, 1, 5))
    assert ("follow_up", people["dee"]) in due(conn, date(2026, 3, 12))


def test_nothing_is_due_for_a_ruled_out_company_or_industry(conn, people):
    targets.rule_out(conn, people["acme"], "Not my kind of place")
    assert due(conn, date(2026, 3, 12)) == [("follow_up", people["dee"])]
    conn.execute("UPDATE companies SET status = 'target', industry = 'Mining'")
    assert len(due(conn, date(2026, 3, 12))) == 3
    profile.rule_out_industry(conn, "mining", "I learned I don't want it")
    assert due(conn, date(2026, 3, 12)) == [("follow_up", people["dee"])]


def test_no_one_left_to_try_means_no_item(conn, people):
    for who in ("bo", "cy"):
        interactions.log_interaction(
            conn, people[who], "outreach", occurred_at=datetime(2026, 2, 2)
        )
    assert due(conn, date(2026, 3, 6)) == []


def test_silence_older_than_a_month_is_left_alone(conn, people):
    assert due(conn, date(2026, 3, 31)) != []
    assert due(conn, date(2026, 4, 2)) == []


def test_snooze_until_a_day_and_dismiss_for_good(conn, people):
    items = {i.key: i for i in followups.due_items(conn, noon(date(2026, 3, 12)))}
    dee = next(k for k, i in items.items() if i.contact_id == people["dee"])
    ana = next(k for k, i in items.items() if i.kind == "follow_up" and k != dee)
    followups.snooze(conn, dee, date(2026, 3, 16), today=date(2026, 3, 12))
    followups.dismiss(conn, ana)
    assert due(conn, date(2026, 3, 13)) == [("try_another", people["ana"])]
    assert due(conn, date(2026, 3, 16)) == [
        ("try_another", people["ana"]),
        ("follow_up", people["dee"]),
    ]
    # snoozing again replaces the earlier choice
    followups.snooze(conn, dee, date(2026, 3, 20), today=date(2026, 3, 16))
    assert ("follow_up", people["dee"]) not in due(conn, date(2026, 3, 19))
    with pytest.raises(InvalidInputError, match="after today"):
        followups.snooze(conn, dee, date(2026, 3, 11), today=date(2026, 3, 11))


def test_a_new_rule_joins_the_same_list(conn, people, monkeypatch):
    def reminder(conn, now):
        return [
            followups.DueItem(
                key="test:1",
                kind="test",
                title="A reminder",
                detail="",
                due_on=date(2026, 3, 1),
                contact_id=people["bo"],
                company_id=people["acme"],
                action_label="Open",
                action_page="pages/5_meetings.py",
            )
        ]

    monkeypatch.setattr(followups, "RULES", [*followups.RULES, reminder])
    assert due(conn, date(2026, 3, 6))[0] == ("test", people["bo"])
    followups.dismiss(conn, "test:1")
    assert due(conn, date(2026, 3, 6)) == [("try_another", people["ana"])]
