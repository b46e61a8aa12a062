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
        assert not outreach.waiting_for_follow_up(conn, tam, today=today)
        assert not outreach.is_recipient(conn, tam, "silent", today=today)
    assert listed(conn, date(2026, 12, 9)) == [tam]
    assert outreach.waiting_for_follow_up(conn, tam, today=date(2026, 12, 9))


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
        assert not outreach.waiting_for_follow_up(conn, people[name], today=FRIDAY), name
    # the snooze over, Bo is due on both pages again
    assert listed(conn, date(2026, 12, 1)) == [people["Ana"], people["Bo"]]
