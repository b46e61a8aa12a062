"""A debrief dates its introductions at the meeting's start, so a message to someone already in
your contacts logged later that day may have come before anyone named them. A walkthrough
wrote to Maria Gonzalez, then named her in Zoë's debrief of a meeting held earlier that day,
and Referrals said 'You have written to 1 of them': that day counts as before the
introduction; what comes on a later day counts."""

from datetime import UTC, datetime

import pytest

from infoint import contacts, db, interactions, meetings, referrals


@pytest.fixture
def named_at_meeting(conn):
    """Zoë met you at 10:00 on 5 March; Maria, already in your contacts, was written to at
    15:00 that day; then Zoë's debrief named her."""
    zoe = contacts.add_contact(conn, "Zoë", "Ñúñez", company="Acme")
    maria = contacts.add_contact(conn, "Maria", "Gonzalez", company="Northwind Health")
    meeting = meetings.schedule_meeting(conn, zoe, datetime(2026, 3, 5, 10, tzinfo=UTC))
    interactions.log_interaction(conn, maria, "outreach", occurred_at=datetime(2026, 3, 5, 15))
    named = meetings.read_names("maria gonzalez, Northwind Health").people
    got = meetings.record_debrief(conn, meeting, "held", actual_minutes=20, referred=list(named))
    assert got.introductions.marked == ("Maria Gonzalez",)
    return conn, zoe, maria


def test_a_message_on_the_meeting_day_is_not_what_the_introduction_yielded(named_at_meeting):
    conn, zoe, maria = named_at_meeting
    totals = referrals.referral_totals(conn)
    assert (totals.introduced, totals.contacted) == (1, 0)
    assert "You have not written to that person since they were named." in totals.sentence
    [row] = referrals.referral_yields(conn)
    assert (row.contact_id, row.introduced, row.contacted) == (zoe, 1, 0)
    *_, step = referrals.referral_chain(conn, maria)
    assert (step.stage, step.since_introduced, step.to_write_to) == (1, 0, True)
    assert step.stage_said == (
        "contacted before the introduction or on its day; not contacted since"
    )


def test_a_message_on_a_later_day_counts(named_at_meeting):
    conn, _, maria = named_at_meeting
    interactions.log_interaction(conn, maria, "follow_up", occurred_at=datetime(2026, 3, 6, 9))
    totals = referrals.referral_totals(conn)
    assert (totals.introduced, totals.contacted) == (1, 1)
    [row] = referrals.referral_yields(conn)
    assert row.contacted == 1
    *_, step = referrals.referral_chain(conn, maria)
    assert (step.since_introduced, step.to_write_to, step.stage_said) == (1, False, "contacted")


def test_an_introduction_marked_by_hand_still_counts_to_the_moment(conn):
    """Not named in a debrief: the introduction is dated when it was recorded, so a message
    later that same day is after it, as before."""
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    ed = contacts.add_contact(conn, "Ed", "Fox", degree="1st")
    with db.transaction(conn):
        referrals.add_referred_people(
            conn,
            ana,
            [referrals.ReferredPerson("Ed", "Fox")],
            introduced_at=datetime(2026, 3, 5, 10),
        )
    interactions.log_interaction(conn, ed, "outreach", occurred_at=datetime(2026, 3, 5, 15))
    assert referrals.referral_totals(conn).contacted == 1
    *_, step = referrals.referral_chain(conn, ed)
    assert (step.since_introduced, step.at_meeting) == (1, False)


def test_someone_who_came_in_with_the_debrief_counts_that_day_too(conn):
    """A new person added by the debrief had no history before it: all of it counts."""
    zoe = contacts.add_contact(conn, "Zoë", "Ñúñez", company="Acme")
    meeting = meetings.schedule_meeting(conn, zoe, datetime(2026, 3, 5, 10, tzinfo=UTC))
    named = meetings.read_names("Lu Park, Initech").people
    meetings.record_debrief(conn, meeting, "held", actual_minutes=20, referred=list(named))
    [lu] = [i for i, name in referrals.referred_people(conn)]
    interactions.log_interaction(conn, lu, "outreach", occurred_at=datetime(2026, 3, 5, 15))
    assert referrals.referral_totals(conn).contacted == 1
