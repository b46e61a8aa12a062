"""A second click on a "Log" button records nothing new; a different entry is its own."""

from datetime import UTC, date, datetime

import pytest

from infoint import contacts, interactions, meetings
from infoint.errors import InvalidInputError, NotFoundError


@pytest.fixture
def ana(conn):
    return contacts.add_contact(conn, "Ana", "Lee", company="Acme")


@pytest.fixture
def written_to(conn, ana):
    """Ana was written to first: a reply answers a message."""
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 1))
    return ana


def test_the_same_entry_the_same_day_is_logged_once(conn, written_to):
    ana = written_to
    first = interactions.log_once(
        conn, ana, "reply", channel="phone", subject="Yes", body="Happy to talk"
    )
    again = interactions.log_once(
        conn, ana, "reply", channel="phone", subject="Yes ", body="Happy to talk"
    )
    assert not first.already_logged
    assert (again.interaction_id, again.already_logged) == (first.interaction_id, True)
    assert len(interactions.list_interactions(conn, ana)) == 2  # the outreach and the reply


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "note"},
        {"channel": "email"},
        {"subject": "Yes, gladly"},
        {"body": "Happy to talk on Friday"},
        {"occurred_at": date(2026, 3, 2)},
    ],
)
def test_a_different_entry_the_same_day_is_logged_too(conn, written_to, change):
    ana = written_to
    entry = {"kind": "reply", "channel": "phone", "subject": "Yes", "body": "Happy to talk"}
    interactions.log_once(conn, ana, **entry)
    other = interactions.log_once(conn, ana, **(entry | change))
    assert not other.already_logged
    assert len(interactions.list_interactions(conn, ana)) == 3  # with the outreach


def test_an_earlier_day_logged_twice_counts_once(conn, ana):
    first = interactions.log_once(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    again = interactions.log_once(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    assert again.already_logged and again.interaction_id == first.interaction_id
    assert len(interactions.list_interactions(conn, ana)) == 1


def test_an_entry_for_a_meeting_is_the_same_only_for_that_meeting(conn, ana):
    """Thanking two meetings the same day in the same words is two thank-yous."""
    first, second = (
        meetings.schedule_meeting(conn, ana, datetime(2026, 3, day, 10, tzinfo=UTC))
        for day in (2, 20)
    )
    entry = {"occurred_at": date(2026, 3, 21), "subject": "Thank you", "body": "Thank you"}
    one = interactions.log_once(conn, ana, "thank_you", meeting_id=first, **entry)
    other = interactions.log_once(conn, ana, "thank_you", meeting_id=second, **entry)
    unnamed = interactions.log_once(conn, ana, "thank_you", **entry)
    assert not (one.already_logged or other.already_logged or unnamed.already_logged)
    again = interactions.log_once(conn, ana, "thank_you", meeting_id=second, **entry)
    assert (again.interaction_id, again.already_logged) == (other.interaction_id, True)
    assert conn.execute("SELECT meeting_id FROM interactions ORDER BY id").fetchall() == [
        (first,),
        (second,),
        (None,),
    ]


def test_an_entry_for_a_meeting_needs_that_meeting_with_that_person(conn, ana):
    bo = contacts.add_contact(conn, "Bo", "Chen")
    with_bo = meetings.schedule_meeting(conn, bo, datetime(2026, 3, 2, 10, tzinfo=UTC))
    with pytest.raises(NotFoundError) as gone:
        interactions.log_once(conn, ana, "thank_you", meeting_id=with_bo + 1)
    assert str(gone.value) == "That meeting no longer exists."
    with pytest.raises(InvalidInputError) as someone_else:
        interactions.log_once(conn, ana, "thank_you", meeting_id=with_bo)
    assert str(someone_else.value) == "That meeting was with someone else, not with this person."
    assert conn.execute("SELECT count(*) FROM interactions").fetchall() == [(0,)]
