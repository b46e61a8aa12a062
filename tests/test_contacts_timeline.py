"""The timeline's order at one moment: the method's order, read newest first like the rest.

Events dated alike (a debrief's introductions at its meeting's start, a day logged as 9:00)
came from different tables, whose ids say nothing about which came first.
"""

from datetime import date, datetime

from infoint import contacts, interactions, meetings
from infoint.referrals import ReferredPerson

MET_AT = datetime(2026, 3, 10, 9)  # naive: wall time in the user's zone


def held_meeting_after_others(conn, person, others):
    """A meeting with `person` held at MET_AT, its id above the contacts' ids as in a
    database where other meetings were scheduled first."""
    for day in range(1, 6):
        meetings.schedule_meeting(conn, others, datetime(2026, 2, day, 14))
    return meetings.schedule_meeting(conn, person, MET_AT)


def test_the_introductions_from_a_debrief_sit_above_the_meeting_they_came_from(conn):
    """Bo was a contact already (a low id); Di is new. Both were named in Ana's debrief and
    so dated at the meeting's start: newest first, they read as after the meeting."""
    bo = contacts.add_contact(conn, "Bo", "Chen")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    cy = contacts.add_contact(conn, "Cy", "Park")
    met = held_meeting_after_others(conn, ana, cy)
    assert met > bo  # the ids alone would list the meeting above Bo's introduction
    meetings.record_debrief(
        conn,
        met,
        "held",
        actual_minutes=30,
        referred=[ReferredPerson("Bo", "Chen"), ReferredPerson("Di", "Fox")],
    )
    di = conn.execute("SELECT id FROM contacts WHERE first_name = 'Di'").fetchall()[0][0]
    events = contacts.timeline(conn, ana)
    assert [e.at for e in events] == [MET_AT, MET_AT, MET_AT]
    assert [(e.other_contact_id, e.meeting_id) for e in events] == [
        (di, None),  # the same step: the later id first, as newest first
        (bo, None),
        (None, met),
    ]


def test_a_reply_sits_above_the_message_it_answers_on_the_same_day(conn):
    """A day alone is logged as 9:00. The outreach of 5 March was logged after the reply of
    that day (ids the other way round); the reply still reads as the answer to it."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    reply = interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 5))
    follow_up = interactions.log_interaction(conn, ana, "follow_up", occurred_at=date(2026, 3, 5))
    events = contacts.timeline(conn, ana)
    assert [e.text for e in events] == [
        "They replied by email",
        "You followed up by email",
        "You reached out by email",
    ]
    assert [e.interaction_id for e in events[:2]] == [reply, follow_up]


def test_a_reply_to_a_thank_you_sits_above_it_and_the_meeting_below_both(conn):
    """Met at 9:00, thanked and answered the same day, all logged at 9:00: the meeting came
    first, then the thank-you, then its reply."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    reply = interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 10))
    thanks = interactions.log_interaction(conn, ana, "thank_you", occurred_at=date(2026, 3, 10))
    met = meetings.schedule_meeting(conn, ana, MET_AT)
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    events = contacts.timeline(conn, ana)
    assert [(e.interaction_id, e.meeting_id) for e in events[:3]] == [
        (reply, None),
        (thanks, None),
        (None, met),
    ]


def test_someone_introducing_them_comes_before_writing_to_them(conn):
    """Introduced at 9:00 and written to the same day: the introduction below the outreach,
    though Ana's id is above the outreach's."""
    for first in ("Cy", "Di"):
        contacts.add_contact(conn, first, "Park")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    bo = contacts.add_contact(conn, "Bo", "Chen")
    outreach = interactions.log_interaction(conn, bo, "outreach", occurred_at=date(2026, 3, 2))
    conn.execute(
        "UPDATE contacts SET referred_by = ?, referred_at = '2026-03-02 09:00' WHERE id = ?",
        [ana, bo],
    )
    assert ana > outreach
    events = contacts.timeline(conn, bo)
    assert [(e.interaction_id, e.other_contact_id) for e in events] == [
        (outreach, None),
        (None, ana),
    ]


def test_a_note_and_an_opportunity_are_said_without_a_channel(conn):
    """A note is no message: 'Note by email' reads as if it were sent. An opportunity is what
    came of the talks, not how; the messages keep their channel."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    for day, kind in enumerate(("outreach", "reply", "referral", "opportunity", "note"), 2):
        interactions.log_interaction(
            conn, ana, kind, channel="email", occurred_at=date(2026, 3, day), subject="Hi"
        )
    assert [e.text for e in contacts.timeline(conn, ana)] == [
        "Note: Hi",
        "An opportunity came of it: Hi",
        "They introduced you to someone by email: Hi",
        "They replied by email: Hi",
        "You reached out by email: Hi",
    ]
