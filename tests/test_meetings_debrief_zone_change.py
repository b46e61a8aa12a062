"""The people a debrief introduced are dated at its meeting's start (referrals.add_referred_people)
and read back as that meeting's by that date (meetings.introduced_here). A meeting keeps its
moment when the user's time zone changes; their date, a wall time, moves with it, so a debrief
opened again after the change still lists them (it came back empty: helper-173)."""

from datetime import UTC, datetime, timedelta

from infoint import contacts, meetings


def debriefed(conn) -> int:
    tam = contacts.add_contact(conn, "Tam", "Adler", company="Zenith")
    start = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, tam, start)
    read = meetings.read_debrief_names(conn, meeting, "John Newperson; Acme Rockets; CTO")
    meetings.record_debrief(conn, meeting, "held", actual_minutes=20, referred=list(read.people))
    return meeting


def test_a_debrief_lists_its_people_after_the_time_zone_changed(conn):
    meeting = debriefed(conn)
    meetings.set_time_zone(conn, "Asia/Tokyo")
    assert meetings.names_box(conn, meeting) == "John Newperson; Acme Rockets; CTO"
    meetings.set_time_zone(conn, "America/New_York")
    assert meetings.names_box(conn, meeting) == "John Newperson; Acme Rockets; CTO"
    # Saved again as shown: no one added, no one said taken out.
    typed = meetings.names_box(conn, meeting)
    read = meetings.read_debrief_names(conn, meeting, typed)
    assert read.still == ()
    result = meetings.record_debrief(
        conn, meeting, "held", actual_minutes=20, referred=list(read.people)
    )
    assert result.introductions.added == ()
    assert conn.execute("SELECT count(*) FROM contacts").fetchall() == [(2,)]


def test_an_introduction_not_made_at_a_meeting_keeps_its_wall_time(conn):
    """Logged by hand (Contacts), an introduction is dated when it was, as every logged time is."""
    meeting = debriefed(conn)
    bo = contacts.add_contact(conn, "Bo", "Chen", company="Beta")
    by_hand = datetime(2026, 11, 20, 9, 41, 7)
    conn.execute("UPDATE contacts SET referred_by = 1, referred_at = ? WHERE id = ?", [by_hand, bo])
    meetings.set_time_zone(conn, "Asia/Tokyo")
    assert conn.execute("SELECT referred_at FROM contacts WHERE id = ?", [bo]).fetchall() == [
        (by_hand,)
    ]
    assert meetings.names_box(conn, meeting) == "John Newperson; Acme Rockets; CTO"
