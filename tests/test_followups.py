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
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme", position="PM")
    ids = {
        "ana": ana,
        "bo": contacts.add_contact(
            conn, "Bo", "Berg", company="Acme", degree="2nd", mutual_contact_id=ana
        ),
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
    """Dee answered a message in January; the outreach of March is still unanswered."""
    interactions.log_interaction(conn, people["dee"], "outreach", occurred_at=datetime(2026, 1, 2))
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


# --- counts by kind, and clearing old items in bulk ------------------------------------------


def item(key: str, kind: str, due_on: date) -> followups.DueItem:
    return followups.DueItem(
        key=key,
        kind=kind,
        title=key,
        detail="",
        due_on=due_on,
        contact_id=None,
        company_id=None,
        action_label="Open",
        action_page="pages/5_meetings.py",
    )


LIST = [
    item("follow_up:1", "follow_up", date(2026, 3, 1)),
    item("thank_you:7", "thank_you", date(2026, 3, 1)),
    item("follow_up:2", "follow_up", date(2026, 3, 5)),
    item("reminder:1", "call_back", date(2026, 3, 6)),
    item("try_another:3", "try_another", date(2026, 3, 16)),
    item("follow_up:4", "follow_up", date(2026, 3, 17)),
]


def test_counts_by_kind_in_a_steady_order_with_their_words():
    counts = followups.count_by_kind(LIST)
    assert [(c.kind, c.label, c.count) for c in counts] == [
        ("try_another", "Try someone else", 1),
        ("follow_up", "Follow up", 3),
        ("thank_you", "Say thank you", 1),
        ("call_back", "Call back", 1),  # a kind no label names yet, said from its name
    ]
    assert followups.describe_counts(counts) == (
        "Try someone else: 1 · Follow up: 3 · Say thank you: 1 · Call back: 1"
    )
    assert followups.count_by_kind([]) == []
    many = [item(f"follow_up:{n}", "follow_up", date(2026, 3, 1)) for n in range(1200)]
    assert followups.describe_counts(followups.count_by_kind(many)) == "Follow up: 1,200"


def test_one_kind_and_the_long_overdue_among_them():
    follow_ups = followups.of_kind(LIST, "follow_up")
    assert [i.key for i in follow_ups] == ["follow_up:1", "follow_up:2", "follow_up:4"]
    assert followups.of_kind(LIST, None) == LIST
    # 20 March: 1 March is 19 days ago, 5 March 15, 6 March 14 (not more than 14)
    today = date(2026, 3, 20)
    assert [i.key for i in followups.long_overdue(LIST, today)] == [
        "follow_up:1",
        "thank_you:7",
        "follow_up:2",
    ]
    assert [i.key for i in followups.long_overdue(follow_ups, today)] == [
        "follow_up:1",
        "follow_up:2",
    ]
    assert [i.key for i in followups.long_overdue(LIST, today, more_than_days=3)] == [
        i.key for i in LIST[:5]
    ]


def states(conn) -> list[tuple]:
    return conn.execute(
        "SELECT item_key, snoozed_until, dismissed FROM due_item_states ORDER BY item_key"
    ).fetchall()


def writes(conn) -> int:
    return conn.execute("SELECT count(*) FROM write_log").fetchall()[0][0]


def test_snooze_and_dismiss_many_in_one_write(conn):
    followups.dismiss(conn, "follow_up:2")  # an earlier choice, replaced below
    before = writes(conn)
    keys = ["follow_up:1", "follow_up:2", "thank_you:7", "follow_up:1"]
    assert followups.snooze_many(conn, keys, date(2026, 3, 27), today=date(2026, 3, 20)) == 3
    assert writes(conn) == before + 1
    assert states(conn) == [
        ("follow_up:1", date(2026, 3, 27), False),
        ("follow_up:2", date(2026, 3, 27), False),
        ("thank_you:7", date(2026, 3, 27), False),
    ]
    assert followups.dismiss_many(conn, ["follow_up:2", "try_another:3"]) == 2
    assert writes(conn) == before + 2
    assert states(conn) == [
        ("follow_up:1", date(2026, 3, 27), False),
        ("follow_up:2", None, True),
        ("thank_you:7", date(2026, 3, 27), False),
        ("try_another:3", None, True),
    ]


def test_bulk_choices_refused_change_nothing(conn):
    followups.snooze_many(conn, ["follow_up:1"], date(2026, 3, 27), today=date(2026, 3, 20))
    kept = states(conn)
    with pytest.raises(InvalidInputError, match="after today"):
        followups.snooze_many(conn, ["follow_up:2"], date(2026, 3, 20), today=date(2026, 3, 20))
    with pytest.raises(InvalidInputError) as past:
        followups.snooze_many(conn, ["follow_up:2"], date(2026, 3, 19), today=date(2026, 3, 20))
    assert str(past.value) == "19 Mar 2026 has passed: pick a day after today to snooze until."
    with pytest.raises(InvalidInputError) as same_day:
        followups.snooze_many(conn, ["follow_up:2"], date(2026, 3, 20), today=date(2026, 3, 20))
    assert str(same_day.value) == "20 Mar 2026 is today: pick a day after today to snooze until."
    with pytest.raises(InvalidInputError) as cleared:
        followups.snooze_many(conn, ["follow_up:2"], None, today=date(2026, 3, 20))
    assert str(cleared.value) == "Pick a day to snooze until."
    with pytest.raises(InvalidInputError, match="has no key"):
        followups.dismiss_many(conn, ["follow_up:1", " "])
    with pytest.raises(InvalidInputError, match="No items"):
        followups.dismiss_many(conn, [])
    assert states(conn) == kept


def test_dismissed_in_bulk_leaves_the_due_list(conn, people):
    items = followups.due_items(conn, noon(date(2026, 3, 12)))
    follow_ups = followups.of_kind(items, "follow_up")
    followups.dismiss_many(conn, [i.key for i in follow_ups])
    assert due(conn, date(2026, 3, 12)) == [("try_another", people["ana"])]


# --- the day a snooze offers ----------------------------------------------------------------


def set_holidays(conn, holidays_text: str) -> None:
    profile.save_profile(
        conn, name="Kim", job_title="", focus_kind="occupation", focus="UX",
        holidays_text=holidays_text,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("today", "holidays_text", "expected"),
    [
        (date(2026, 3, 5), "", date(2026, 3, 10)),  # Thu: Fri, Mon, Tue
        (date(2026, 3, 6), "", date(2026, 3, 11)),  # Fri: Mon, Tue, Wed
        (date(2026, 3, 5), "2026-03-09", date(2026, 3, 11)),  # Thu, Mon off: Fri, Tue, Wed
        (date(2026, 3, 7), "", date(2026, 3, 11)),  # Sat: Mon, Tue, Wed
        (date(2026, 11, 26), "", date(2026, 12, 1)),  # Thu 26 Nov: not Sun 29 Nov
    ],
)
def test_a_snooze_offers_three_business_days_ahead(conn, today, holidays_text, expected):
    set_holidays(conn, holidays_text)
    assert followups.default_snooze_day(conn, today) == expected


def test_snoozing_many_offers_a_week_of_business_days(conn):
    thu = date(2026, 3, 5)
    assert followups.default_snooze_day(conn, thu, followups.BULK_SNOOZE_BUSINESS_DAYS) == (
        date(2026, 3, 12)  # Fri, Mon, Tue, Wed, Thu
    )
    set_holidays(conn, "2026-03-09\n2026-03-12")  # Mon and Thu off: Fri, Tue, Wed, Fri, Mon
    assert followups.default_snooze_day(conn, thu, followups.BULK_SNOOZE_BUSINESS_DAYS) == (
        date(2026, 3, 16)
    )


# --- placeholder employers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "placeholder",
    [
        "N/A",
        " n/a ",
        "-",
        "None",
        "Self-employed",
        "self employed",
        "FREELANCE",
        "Independent",
        "Retired",
        "Unemployed",
        "Looking for work",
        "Stealth Startup",
    ],
)
def test_no_one_else_is_suggested_at_a_placeholder_employer(conn, placeholder):
    """People whose company is 'N/A' or 'Self-employed' do not work together: a silence there
    asks for one follow-up, never for 'someone else at N/A'."""
    ana = contacts.add_contact(conn, "Ana", "Silva", company=placeholder)
    contacts.add_contact(conn, "Bo", "Berg", company=placeholder)
    interactions.log_interaction(conn, ana, "outreach", occurred_at=MON)
    assert due(conn, date(2026, 3, 6)) == []  # Friday: someone else at a company would be due
    assert due(conn, date(2026, 3, 12)) == [("follow_up", ana)]
    waiting = followups.agenda(conn, noon(date(2026, 3, 4))).waiting
    assert [(p.contact_id, p.next_kind, p.next_on) for p in waiting.people] == [
        (ana, "follow_up", date(2026, 3, 12))
    ]


def test_a_real_company_with_a_placeholder_word_in_its_name_is_a_company(conn):
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Independent Bank")
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Independent Bank")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=MON)
    [item] = followups.due_items(conn, noon(date(2026, 3, 6)))
    assert (item.kind, item.people) == ("try_another", ((bo, "Bo Berg"),))


def test_a_reply_logged_by_its_day_alone_answers_that_days_outreach(conn, people):
    """Dee was written to at 10:00 on Monday; her reply, logged later as "Monday", is stored
    at the hour a day alone is given, which may come before 10:00. It still answers."""
    interactions.log_interaction(conn, people["dee"], "reply", occurred_at=MON.date())
    stored = conn.execute("SELECT occurred_at FROM interactions WHERE kind = 'reply'").fetchall()
    assert stored[0][0] < MON  # the case: stored before the message it answers
    assert ("follow_up", people["dee"]) not in due(conn, date(2026, 3, 12))
