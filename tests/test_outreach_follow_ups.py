"""Outreach's list of people waiting for a follow-up is the Follow-ups page's, by its rule."""

from __future__ import annotations

from datetime import date, datetime, time

from infoint import contacts, followups, interactions, outreach, profile, targets

FRIDAY = date(2026, 11, 27)


def wrote(conn, contact_id: int, on: date) -> int:
    return interactions.log_interaction(conn, contact_id, "outreach", occurred_at=on)


def listed(conn, today: date) -> list[int]:
    return [r.id for r in outreach.follow_up_list(conn, today=today).people]


def test_someone_written_to_today_is_not_yet_waiting_for_a_follow_up(conn):
    """A follow-up is due after 7 business days of silence, not on the day you wrote."""
    tam = contacts.add_contact(conn, "Tam", "Okafor", company="Umbra")
    wrote(conn, tam, FRIDAY)
    # Mon 30 Nov to Tue 8 Dec are the 7 business days an answer may take; due Wed 9 Dec.
    for today in (FRIDAY, date(2026, 11, 30), date(2026, 12, 8)):
        assert listed(conn, today) == []
        assert outreach.follow_up_list(conn, today=today).total == 0
        assert not outreach.follow_up_timing(conn, tam, today=today).due
        assert not outreach.is_recipient(conn, tam, "silent", today=today)
    assert listed(conn, date(2026, 12, 9)) == [tam]
    assert outreach.follow_up_timing(conn, tam, today=date(2026, 12, 9)).due


def test_a_holiday_moves_the_day_the_follow_up_is_due(conn):
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="analyst",
        focus_kind="occupation",
        focus="design",
        holidays_text="1/12/2026",
    )
    tam = contacts.add_contact(conn, "Tam", "Okafor")
    wrote(conn, tam, FRIDAY)
    assert listed(conn, date(2026, 12, 9)) == []
    assert listed(conn, date(2026, 12, 10)) == [tam]


def test_the_list_holds_whom_follow_ups_says_to_follow_up_and_counts_them_alike(conn):
    """One rule, one number: snoozed, dismissed and ruled-out follow-ups are not due there,
    so they are not here either."""
    targets.rule_out(conn, targets.add_company(conn, "Gone Ltd"), "They only hire seniors.")
    people = {
        name: contacts.add_contact(conn, name, "Abara", company=company)
        for name, company in (
            ("Ana", "Acme"),
            ("Bo", "Beta"),
            ("Cy", "Cyan"),
            ("Di", "Gone Ltd"),
            ("Ed", "Echo"),
            ("Flo", "Flux"),
        )
    }
    monday = date(2026, 11, 9)  # the follow-up is due on Thu 19 Nov
    for name in ("Ana", "Bo", "Cy", "Di", "Flo"):
        wrote(conn, people[name], monday)
    wrote(conn, people["Ed"], FRIDAY)  # not due yet
    interactions.log_interaction(conn, people["Flo"], "follow_up", occurred_at=date(2026, 11, 20))
    now = datetime.combine(FRIDAY, time(12), tzinfo=profile.zone(conn))
    keys = {i.contact_id: i.key for i in followups.due_items(conn, now) if i.kind == "follow_up"}
    followups.snooze(conn, keys[people["Bo"]], date(2026, 12, 1), today=FRIDAY)
    followups.dismiss(conn, keys[people["Cy"]])

    due = [i.contact_id for i in followups.due_items(conn, now) if i.kind == "follow_up"]
    assert due == [people["Ana"]]
    assert listed(conn, FRIDAY) == due
    assert outreach.follow_up_list(conn, today=FRIDAY).total == len(due) == 1
    for name in ("Bo", "Cy", "Di", "Ed", "Flo"):
        timing = outreach.follow_up_timing(conn, people[name], today=FRIDAY)
        assert timing is None or not timing.due, name
    # the snooze over, Bo is due on both pages again
    assert listed(conn, date(2026, 12, 1)) == [people["Ana"], people["Bo"]]


def test_the_composer_says_when_a_follow_up_will_be_due(conn):
    tam = contacts.add_contact(conn, "Tam", "Okafor")
    assert outreach.follow_up_timing(conn, tam, today=FRIDAY) is None  # never written to
    wrote(conn, tam, FRIDAY)
    timing = outreach.follow_up_timing(conn, tam, today=FRIDAY)
    assert (timing.wrote_on, timing.due_on, timing.due) == (FRIDAY, date(2026, 12, 9), False)
    assert timing.instead_of_a_first_message("Tam").said == (
        "You wrote to Tam today. If there is no answer, a follow-up is due on Wed 9 Dec 2026."
    )
    assert timing.early("Tam").startswith(
        "This follow-up would be early: you wrote to Tam today, and one is due on Wed 9 Dec 2026"
    )
    # both days of a notice are written one way: with their weekday
    monday = outreach.follow_up_timing(conn, tam, today=date(2026, 11, 30))
    assert monday.instead_of_a_first_message("Tam").said == (
        "You wrote to Tam on Fri 27 Nov 2026. If there is no answer, a follow-up is due on "
        "Wed 9 Dec 2026."
    )
    assert monday.early("Tam").startswith(
        "This follow-up would be early: you wrote to Tam on Fri 27 Nov 2026, and one is due "
        "on Wed 9 Dec 2026"
    )
    assert outreach.follow_up_timing(conn, tam, today=date(2026, 12, 9)).due
    # an answer, and none is waited for
    interactions.log_interaction(conn, tam, "reply", occurred_at=FRIDAY)
    assert outreach.follow_up_timing(conn, tam, today=date(2026, 12, 9)) is None


def test_a_snooze_on_follow_ups_moves_the_day_the_composer_names(conn):
    tam = contacts.add_contact(conn, "Tam", "Okafor")
    wrote(conn, tam, date(2026, 11, 9))  # due Thu 19 Nov
    now = datetime.combine(FRIDAY, time(12), tzinfo=profile.zone(conn))
    [item] = [i for i in followups.due_items(conn, now) if i.kind == "follow_up"]
    followups.snooze(conn, item.key, date(2026, 12, 2), today=FRIDAY)
    timing = outreach.follow_up_timing(conn, tam, today=FRIDAY)
    assert (timing.due_on, timing.due) == (date(2026, 12, 2), False)
    followups.dismiss(conn, item.key)
    assert outreach.follow_up_timing(conn, tam, today=FRIDAY) is None


def test_a_first_message_to_someone_awaited_gets_one_notice_of_what_to_do_next(conn):
    """Written to and silent: the composer said "You already wrote to Tam on …: a first
    message would repeat yourself" and then, apart, "You wrote to Tam today; … a follow-up is
    due on …". One notice now: the day it will be due and, until then, patience; once due,
    the follow-up itself. "Wrote" is said once, and "already" not at all."""
    tam = contacts.add_contact(conn, "Tam", "Okafor")
    wrote(conn, tam, FRIDAY)

    def notice(today: date) -> outreach.Notice:
        timing = outreach.follow_up_timing(conn, tam, today=today)
        return outreach.first_message_notice(outreach.history(conn, tam), timing, "Tam")

    waiting = notice(FRIDAY)
    assert waiting == outreach.Notice(
        "You wrote to Tam today. If there is no answer, a follow-up is due on Wed 9 Dec 2026.",
        "Until then, give Tam time to reply; the follow-up will be on the Follow-ups page "
        "that day. To write again anyway, carry on below.",
    )
    due = notice(date(2026, 12, 10))
    assert due == outreach.Notice(
        "You wrote to Tam on Fri 27 Nov 2026 and have heard nothing since: it is time for one "
        "short, polite follow-up.",
        "Or carry on below if you mean to write a first message all the same.",
    )
    for said in (waiting, due):
        both = f"{said.said} {said.next_step}"
        assert both.count("wrote") == 1 and "already" not in both
    # answered: nothing awaited, so the notice tells what happened and points to the record
    interactions.log_interaction(conn, tam, "reply", occurred_at=FRIDAY)
    answered = notice(date(2026, 12, 10))
    assert answered.said == (
        "You already wrote to Tam on 27 Nov 2026 and heard back on 27 Nov 2026: a first "
        "message would repeat yourself."
    )
    assert answered.next_step.startswith("Their record shows what happened so far")
    # never written to: no notice at all
    kim = contacts.add_contact(conn, "Kim", "Park")
    assert outreach.first_message_notice(outreach.history(conn, kim), None, "Kim") is None
