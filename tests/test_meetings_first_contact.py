"""A meeting is not dated before the first message to its person, as a reply is not: Priya,
written to on 28 Nov, had her meeting moved to 27 Nov, accepted, and debriefed there."""

from datetime import UTC, date, datetime

import pytest

from infoint import contacts, interactions, meetings
from infoint.errors import InvalidInputError

REFUSED = (
    "Your first message to this person is logged on 28 Nov 2025, and a meeting comes after "
    "it: pick 28 Nov 2025 or a later day, or correct that message first."
)


@pytest.fixture
def priya(conn):
    """Written to and replied on 28 Nov 2025; the profile's zone is UTC."""
    meetings.set_time_zone(conn, "UTC")
    person = contacts.add_contact(conn, "Priya", "Shah", company="Acme")
    interactions.log_interaction(conn, person, "outreach", occurred_at=date(2025, 11, 28))
    interactions.log_interaction(conn, person, "reply", occurred_at=date(2025, 11, 28))
    return person


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM meetings").fetchall()[0][0]


def test_a_meeting_before_the_first_message_is_not_scheduled(conn, priya):
    with pytest.raises(InvalidInputError) as refused:
        meetings.schedule_meeting(conn, priya, datetime(2025, 11, 27, 10, tzinfo=UTC))
    assert str(refused.value) == REFUSED
    assert count(conn) == 0
    # the day of the first message itself, and any later one, is fine
    meetings.schedule_meeting(conn, priya, datetime(2025, 11, 28, 16, tzinfo=UTC))
    assert count(conn) == 1


def test_a_meeting_is_not_moved_before_the_first_message(conn, priya):
    meeting = meetings.schedule_meeting(conn, priya, datetime(2025, 12, 2, 10, tzinfo=UTC))
    with pytest.raises(InvalidInputError) as refused:
        meetings.update_meeting(
            conn, meeting, datetime(2025, 11, 27, 10), promised_minutes=20, place="Café"
        )
    assert str(refused.value) == REFUSED
    kept = meetings.get_meeting(conn, meeting)
    assert (kept.starts_at, kept.place) == (datetime(2025, 12, 2, 10, tzinfo=UTC), "")


def test_the_day_is_the_users_own(conn, priya):
    """27 Nov 23:30 in UTC is 28 Nov in Berlin: the day the user sees is the one compared."""
    meetings.set_time_zone(conn, "Europe/Berlin")
    meetings.schedule_meeting(conn, priya, datetime(2025, 11, 27, 23, 30, tzinfo=UTC))
    with pytest.raises(InvalidInputError):
        meetings.schedule_meeting(conn, priya, datetime(2025, 11, 27, 22, 30, tzinfo=UTC))


def test_someone_never_written_to_meets_any_day(conn):
    """An introduction at a meeting, a talk at an event: no message is logged, nothing to
    come after. A thank-you or a note is no first message."""
    ben = contacts.add_contact(conn, "Ben", "Ode")
    interactions.log_interaction(conn, ben, "note", occurred_at=date(2025, 11, 28))
    meeting = meetings.schedule_meeting(conn, ben, datetime(2025, 11, 20, 10, tzinfo=UTC))
    interactions.log_interaction(conn, ben, "thank_you", occurred_at=date(2025, 11, 21))
    meetings.update_meeting(
        conn, meeting, datetime(2025, 11, 19, 10, tzinfo=UTC), promised_minutes=20, place=""
    )
    assert meetings.get_meeting(conn, meeting).starts_at == datetime(2025, 11, 19, 10, tzinfo=UTC)


def test_a_meeting_held_before_a_later_first_message_still_takes_a_new_place(conn):
    """Met first, written to afterwards: the meeting kept where it is can still be corrected."""
    ben = contacts.add_contact(conn, "Ben", "Ode")
    start = datetime(2025, 11, 20, 10, tzinfo=UTC)
    meeting = meetings.schedule_meeting(conn, ben, start)
    interactions.log_interaction(conn, ben, "outreach", occurred_at=date(2025, 11, 28))
    assert meetings.update_meeting(conn, meeting, start, promised_minutes=30, place="Café")
    assert meetings.get_meeting(conn, meeting).place == "Café"
    with pytest.raises(InvalidInputError):  # but it moves only to a day after that message
        meetings.update_meeting(
            conn, meeting, datetime(2025, 11, 21, 10, tzinfo=UTC), promised_minutes=30, place=""
        )
