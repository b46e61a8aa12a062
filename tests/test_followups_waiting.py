"""Whom you are waiting on, and the day each one's next step falls due, on a fixed clock.

The dates are counted by hand: "try someone else" falls due on the 4th business day after
the message, the follow-up on the 8th (a reply on the 3rd or 7th is still in time).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from infoint import contacts, followups, interactions, meetings, profile, targets

MON = datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def people(conn):
    """Ana at Acme (Bo there not written to yet) and Dee (no company), written to on Monday."""
    ids = {
        "ana": contacts.add_contact(conn, "Ana", "Silva", company="Acme"),
        "bo": contacts.add_contact(conn, "Bo", "Berg", company="Acme"),
        "dee": contacts.add_contact(conn, "Dee", "Dunn"),
    }
    ids["acme"] = conn.execute("SELECT id FROM companies WHERE name = 'Acme'").fetchall()[0][0]
    for who in ("ana", "dee"):
        ids[f"{who}_outreach"] = interactions.log_interaction(
            conn, ids[who], "outreach", occurred_at=MON
        )
    return ids


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def waiting(conn, day: date, limit: int = 10) -> followups.Waiting:
    return followups.agenda(conn, noon(day), waiting_limit=limit).waiting


def steps(conn, day: date) -> list[tuple[int, str, date]]:
    return [(p.contact_id, p.next_kind, p.next_on) for p in waiting(conn, day).people]


def set_holidays(conn, holidays_text: str) -> None:
    profile.save_profile(
        conn, name="", job_title="", focus_kind="occupation", focus="", holidays_text=holidays_text
    )


def test_on_the_day_you_write_the_next_steps_are_ahead(conn, people):
    # Sent Monday 2 March: Tue 3, Wed 4, Thu 5 may still bring a reply; trying someone else
    # at Acme falls due on Friday 6. Dee has no one else to try: her follow-up falls due on
    # the 8th business day, Thursday 12 (over the weekend of 7 and 8 March).
    found = waiting(conn, date(2026, 3, 2))
    assert (found.count, found.next_on) == (2, date(2026, 3, 6))
    assert steps(conn, date(2026, 3, 2)) == [
        (people["ana"], "try_another", date(2026, 3, 6)),
        (people["dee"], "follow_up", date(2026, 3, 12)),
    ]
    ana = found.people[0]
    assert (ana.name, ana.company, ana.wrote_on) == ("Ana Silva", "Acme", date(2026, 3, 2))
    assert ana.next_step == "Try someone else at Acme on Fri 6 Mar 2026"
    assert found.people[1].next_step == "Follow up on Thu 12 Mar 2026"
    assert followups.due_items(conn, noon(date(2026, 3, 2))) == []


def test_once_a_step_is_due_the_next_one_is_what_you_wait_for(conn, people):
    assert [i.kind for i in followups.due_items(conn, noon(date(2026, 3, 6)))] == ["try_another"]
    assert steps(conn, date(2026, 3, 6)) == [
        (people["ana"], "follow_up", date(2026, 3, 12)),
        (people["dee"], "follow_up", date(2026, 3, 12)),
    ]
    # On the day it said, the follow-up is due, and there is nothing left to wait for.
    due = followups.due_items(conn, noon(date(2026, 3, 12)))
    assert {(i.contact_id, i.due_on) for i in due if i.kind == "follow_up"} == {
        (people["ana"], date(2026, 3, 12)),
        (people["dee"], date(2026, 3, 12)),
    }
    assert waiting(conn, date(2026, 3, 12)) == followups.Waiting(0, None, ())


def test_a_message_sent_before_a_weekend(conn):
    eve = contacts.add_contact(conn, "Eve", "Ng", company="Beta")
    contacts.add_contact(conn, "Fay", "Ode", company="Beta")
    interactions.log_interaction(conn, eve, "outreach", occurred_at=datetime(2026, 3, 5, 16))
    # Sent Thursday 5 March: Fri 6, Mon 9, Tue 10 still in time; due Wednesday 11.
    assert steps(conn, date(2026, 3, 5)) == [(eve, "try_another", date(2026, 3, 11))]
    # Then the follow-up: Wed 11, Thu 12, Fri 13, Mon 16 are the 4th to 7th; due Tuesday 17.
    assert steps(conn, date(2026, 3, 11)) == [(eve, "follow_up", date(2026, 3, 17))]


def test_a_message_sent_on_a_saturday_counts_from_the_friday(conn):
    dee = contacts.add_contact(conn, "Dee", "Dunn")
    interactions.log_interaction(conn, dee, "outreach", occurred_at=datetime(2026, 3, 7, 11))
    # Mon 9 … Wed 18 are the 1st to 8th business days after Friday 6.
    assert steps(conn, date(2026, 3, 9)) == [(dee, "follow_up", date(2026, 3, 18))]


def test_holidays_push_the_days_back(conn, people):
    set_holidays(conn, "4/3/2026, 9/3/2026")
    # Tue 3, Thu 5, Fri 6, then Tue 10 is the 4th business day; Wed 11, Thu 12, Fri 13 and
    # Mon 16 the 5th to 8th.
    assert steps(conn, date(2026, 3, 2)) == [
        (people["ana"], "try_another", date(2026, 3, 10)),
        (people["dee"], "follow_up", date(2026, 3, 16)),
    ]
    assert waiting(conn, date(2026, 3, 2)).people[1].next_step == "Follow up on Mon 16 Mar 2026"
    # and the due list agrees on those days
    assert followups.due_items(conn, noon(date(2026, 3, 9))) == []
    assert [i.due_on for i in followups.due_items(conn, noon(date(2026, 3, 10)))] == [
        date(2026, 3, 10)
    ]


def test_a_snoozed_item_is_waited_for_until_the_snooze_ends(conn, people):
    dee_key = f"follow_up:{people['dee_outreach']}"
    assert dee_key in {i.key for i in followups.due_items(conn, noon(date(2026, 3, 12)))}
    followups.snooze(conn, dee_key, date(2026, 3, 18), today=date(2026, 3, 12))
    assert dee_key not in {i.key for i in followups.due_items(conn, noon(date(2026, 3, 12)))}
    assert steps(conn, date(2026, 3, 12)) == [(people["dee"], "follow_up", date(2026, 3, 18))]
    assert waiting(conn, date(2026, 3, 17)).next_on == date(2026, 3, 18)
    # the day the snooze ends, it is due again and no longer waited for
    assert dee_key in {i.key for i in followups.due_items(conn, noon(date(2026, 3, 18)))}
    assert steps(conn, date(2026, 3, 18)) == []


def test_someone_who_replied_met_or_was_dismissed_is_not_waited_on(conn, people):
    cy = contacts.add_contact(conn, "Cy", "Chu", company="Cargo")
    cy_outreach = interactions.log_interaction(conn, cy, "outreach", occurred_at=MON)
    interactions.log_interaction(conn, people["ana"], "reply", occurred_at=datetime(2026, 3, 3))
    meetings.schedule_meeting(conn, people["dee"], datetime(2026, 3, 20, 9, tzinfo=UTC))
    assert [p for p, _, _ in steps(conn, date(2026, 3, 4))] == [cy]
    followups.dismiss(conn, f"follow_up:{cy_outreach}")
    assert waiting(conn, date(2026, 3, 4)) == followups.Waiting(0, None, ())


def test_no_one_is_waited_on_at_a_ruled_out_company(conn, people):
    targets.rule_out(conn, people["acme"], "Not my kind of place")
    assert [p for p, _, _ in steps(conn, date(2026, 3, 2))] == [people["dee"]]


def test_with_nothing_left_to_suggest_no_one_is_waited_on(conn, people):
    # Dee was followed up already and has no company: no step is left for her.
    interactions.log_interaction(conn, people["dee"], "follow_up", occurred_at=datetime(2026, 3, 4))
    assert [p for p, _, _ in steps(conn, date(2026, 3, 4))] == [people["ana"]]


def test_a_step_the_rules_would_never_reach_is_not_promised(conn, people):
    # Every weekday from 3 to 27 March off: the 4th business day after 2 March is 2 April,
    # past the month after which the rules leave a silence alone.
    off = [date(2026, 3, 3) + timedelta(days=n) for n in range(25)]
    set_holidays(conn, ", ".join(f"{d.day}/{d.month}/{d.year}" for d in off if d.weekday() < 5))
    assert waiting(conn, date(2026, 3, 2)) == followups.Waiting(0, None, ())


def test_the_first_few_are_given_and_everyone_counted(conn, people):
    found = waiting(conn, date(2026, 3, 2), limit=1)
    assert (found.count, found.next_on) == (2, date(2026, 3, 6))
    assert [p.contact_id for p in found.people] == [people["ana"]]
    assert waiting(conn, date(2026, 3, 2), limit=0) == followups.Waiting(2, date(2026, 3, 6), ())


def test_the_agenda_gives_the_due_list_from_the_rules_found_once(conn, people):
    """The Follow-ups page reads the due list from the agenda: it must be due_items' own.
    On Mon 16 Mar, Ana's two steps are due; Dee's follow-up is snoozed to the 20th."""
    followups.snooze(conn, f"follow_up:{people['dee_outreach']}", date(2026, 3, 20), MON.date())
    for day in (date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 11), date(2026, 3, 16)):
        agenda = followups.agenda(conn, noon(day), waiting_limit=1)
        assert agenda.due == followups.due_items(conn, noon(day))
        found = followups.found(conn, noon(day))
        assert followups.agenda(conn, waiting_limit=1, rules_found=found) == agenda
    assert [item.kind for item in followups.agenda(conn, noon(date(2026, 3, 16))).due] == [
        "try_another",
        "follow_up",
    ]
