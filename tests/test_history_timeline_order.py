"""A person's timeline on one busy day reads in the order things happened.

A walkthrough saw Priya's day, all of it on one date, as: referral, thank-you, reply,
outreach, "Introduced you to Omar/Lena", and "You met for 25 minutes" last. A meeting has a
start the user chose, and the people named at it share that start; an entry logged by hand
has its day only (9:00 for a day picked, the moment of logging for today), so its clock time
says nothing against the meeting's. Same-day entries go by the best evidence there is: the
time when both have a real one (a meeting's start, an archive's message), else the method's
order (outreach, follow-up, reply, meeting, thank-you, introductions), the order they were
logged telling which message a reply answered.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from infoint import contacts, demo, history, interactions, meetings
from infoint.referrals import ReferredPerson

DAY = date(2026, 3, 10)
MET_AT = datetime(2026, 3, 10, 9, 0)  # naive: wall time in the user's zone
ME = "https://www.linkedin.com/in/sam-me"
PRIYA_URL = "https://www.linkedin.com/in/priya-shah"


def kinds_oldest_first(conn, person) -> list[str]:
    """The timeline, oldest first, one kind a line: an interaction's kind, 'meeting', or
    'introduced' for someone they introduced you to."""
    kinds = dict(conn.execute("SELECT id, kind FROM interactions").fetchall())
    said = []
    for event in reversed(contacts.timeline(conn, person)):
        if event.interaction_id is not None:
            said.append(kinds[event.interaction_id])
        elif event.meeting_id is not None:
            said.append("meeting")
        elif event.other_contact_id is not None:
            said.append("introduced")
        else:
            said.append("change")
    return said


def test_priyas_day_reads_outreach_reply_meeting_thanks_then_introductions(conn):
    """Everything logged in the evening of the day (as the Contacts page logs today's
    entries: at the moment of logging), the meeting held that morning at 9:00."""
    priya = contacts.add_contact(conn, "Priya", "Shah")
    logged_at = iter(datetime(2026, 3, 10, 20, minute) for minute in range(1, 60))
    interactions.log_interaction(conn, priya, "outreach", occurred_at=next(logged_at))
    interactions.log_interaction(conn, priya, "reply", occurred_at=next(logged_at))
    met = meetings.schedule_meeting(conn, priya, MET_AT)
    meetings.record_debrief(
        conn,
        met,
        "held",
        actual_minutes=25,
        referred=[ReferredPerson("Omar", "Haddad"), ReferredPerson("Lena", "Berg")],
    )
    meetings.log_thank_you(
        conn, met, subject="Thank you", body="Thank you, Priya.", sent_at=next(logged_at)
    )
    interactions.log_interaction(conn, priya, "referral", occurred_at=next(logged_at))

    said = kinds_oldest_first(conn, priya)
    assert said[:4] == ["outreach", "reply", "meeting", "thank_you"]
    assert sorted(said[4:]) == ["introduced", "introduced", "referral"]


def test_a_thank_you_logged_for_the_day_reads_after_that_days_meeting(conn):
    """A day picked alone is logged as 9:00; the meeting that day was at 14:00. The thank-you
    for it read before the meeting, as if the user had thanked them for a talk not yet held."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 3))
    met = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 14, 0))
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    interactions.log_interaction(conn, ana, "thank_you", occurred_at=DAY)
    interactions.log_interaction(conn, ana, "opportunity", occurred_at=DAY)

    assert kinds_oldest_first(conn, ana) == [
        "outreach",
        "reply",
        "meeting",
        "thank_you",
        "opportunity",
    ]


def test_a_follow_up_and_its_reply_logged_for_the_day_read_before_that_days_meeting(conn):
    """Followed up and answered on the day of the 14:00 meeting, both logged as 9:00 or
    later in the evening: they led to the meeting, so they read before it."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    met = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 14, 0))
    interactions.log_interaction(conn, ana, "follow_up", occurred_at=DAY)
    interactions.log_interaction(conn, ana, "reply", occurred_at=datetime(2026, 3, 10, 21, 0))
    meetings.set_outcome(conn, met, "held", actual_minutes=20)

    assert kinds_oldest_first(conn, ana) == [
        "outreach",
        "follow_up",
        "reply",
        "meeting",
    ]


def archive_with(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            *("CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS"),
            *("DATE", "SUBJECT", "CONTENT", "FOLDER", "IS MESSAGE DRAFT"),
        ]
    )
    for sender, recipient, when, content in rows:
        writer.writerow(["c1", "x", sender, "y", recipient, when, "", content, "INBOX", "No"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("Connections.csv", "First Name,Last Name,URL\n")
        zf.writestr("messages.csv", out.getvalue())
    return buffer.getvalue()


def test_an_archives_message_keeps_its_real_time_against_a_meeting(conn):
    """Met at 9:00, then wrote to them on LinkedIn at 17:00 (the archive times it to the
    second): known times on both sides, so the message reads after the meeting."""
    priya = contacts.add_contact(conn, "Priya", "Shah", linkedin_url=PRIYA_URL)
    met = meetings.schedule_meeting(conn, priya, MET_AT)
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    history.import_history(
        conn,
        archive_with([(ME, PRIYA_URL, "2026-03-10 17:00:00 UTC", "Good to meet you today")]),
        "archive.zip",
        date(2026, 3, 1),
    )
    assert kinds_oldest_first(conn, priya) == ["meeting", "outreach"]


def test_known_time_sql_tells_an_archives_events_from_those_logged_by_hand(conn):
    priya = contacts.add_contact(conn, "Priya", "Shah", linkedin_url=PRIYA_URL)
    by_hand = interactions.log_interaction(conn, priya, "outreach", occurred_at=date(2026, 3, 2))
    history.import_history(
        conn,
        archive_with([(ME, PRIYA_URL, "2026-03-04 17:00:00 UTC", "Hello again")]),
        "archive.zip",
        date(2026, 3, 1),
    )
    rows = conn.execute(
        f"SELECT i.id, {history.known_time_sql('i')} FROM interactions i ORDER BY i.id"
    ).fetchall()
    assert rows[0] == (by_hand, False)
    assert [known for _, known in rows[1:]] == [True]


def test_every_demo_persons_timeline_reads_in_the_methods_order(conn):
    """The demo's people, oldest first: no reply before the first message, no meeting held
    before the reply, no thank-you before the meeting it thanks."""
    demo.load_demo(conn)
    people = [
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT contact_id FROM interactions WHERE source = 'demo'"
        ).fetchall()
    ]
    assert people
    for person in people:
        said = kinds_oldest_first(conn, person)
        where = {kind: said.index(kind) for kind in reversed(said)}  # first time of each
        if "reply" in where:
            assert where["reply"] > where["outreach"], said
        if "meeting" in where and "reply" in where:
            assert where["meeting"] > where["reply"], said
        if "thank_you" in where:
            assert where["thank_you"] > where["meeting"], said
