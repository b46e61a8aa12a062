"""Something that happened has a day that is not still ahead: no silent change of date."""

from datetime import date, datetime, timedelta

import pytest

from infoint import contacts, interactions, meetings, profile
from infoint.errors import InvalidInputError


@pytest.fixture
def ana(conn):
    return contacts.add_contact(conn, "Ana", "Lee", company="Acme")


def test_a_day_still_ahead_is_refused_in_one_sentence_and_nothing_is_logged(conn, ana):
    tomorrow = profile.now(conn).date() + timedelta(days=1)
    with pytest.raises(InvalidInputError) as refused:
        interactions.log_interaction(conn, ana, "outreach", occurred_at=tomorrow)
    assert str(refused.value) == (
        f"{tomorrow.day} {tomorrow:%b %Y} is still ahead: log it once it has happened."
    )
    assert interactions.list_interactions(conn, ana) == []


def test_a_far_future_day_is_refused_not_moved_to_today(conn, ana):
    with pytest.raises(InvalidInputError, match="1 Jan 2130 is still ahead"):
        interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2130, 1, 1))
    assert interactions.list_interactions(conn, ana) == []


def test_today_and_earlier_days_are_kept_as_given(conn, ana):
    today = profile.now(conn).date()
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 2, 28))
    interactions.log_interaction(conn, ana, "reply", occurred_at=today)
    days = [x.occurred_at.date() for x in interactions.list_interactions(conn, ana)]
    assert days == [today, date(2026, 2, 28)]


def test_a_correction_cannot_move_an_event_into_the_future(conn, ana):
    logged = interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    later = datetime.combine(profile.now(conn).date() + timedelta(days=3), datetime.min.time())
    with pytest.raises(InvalidInputError, match="is still ahead"):
        interactions.update_interaction(
            conn, logged, kind="outreach", channel="email", occurred_at=later
        )
    assert interactions.get_interaction(conn, logged).occurred_at == datetime(2026, 3, 2, 9)


def test_a_correction_keeping_a_day_ahead_in_a_new_time_zone_is_accepted(conn, ana):
    """Logged 'now' at UTC+14, then the zone changed to UTC-11 (25 hours behind): the entry's
    day is ahead there. Correcting its kind or notes while keeping that day must still work;
    only moving it to another day ahead is refused."""
    meetings.set_time_zone(conn, "Pacific/Kiritimati")
    # written to before: the entry, turned into a reply below, answers that message
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    logged = interactions.log_interaction(conn, ana, "outreach", subject="Coffee?")
    kept = interactions.get_interaction(conn, logged).occurred_at
    meetings.set_time_zone(conn, "Pacific/Pago_Pago")
    assert kept.date() > profile.now(conn).date()  # stranded ahead
    interactions.update_interaction(
        conn, logged, kind="reply", channel="email", occurred_at=kept, subject="Yes"
    )
    fixed = interactions.get_interaction(conn, logged)
    assert (fixed.kind, fixed.subject, fixed.occurred_at) == ("reply", "Yes", kept)
    interactions.update_interaction(  # a day alone, as the Contacts page's date picker gives
        conn, logged, kind="reply", channel="email", occurred_at=kept.date(), subject="Yes"
    )
    assert interactions.get_interaction(conn, logged).occurred_at.date() == kept.date()
    later = kept.date() + timedelta(days=1)
    with pytest.raises(InvalidInputError, match="is still ahead"):
        interactions.update_interaction(
            conn, logged, kind="reply", channel="email", occurred_at=later
        )
    assert interactions.get_interaction(conn, logged).occurred_at.date() == kept.date()


def test_a_year_before_1900_is_refused_in_one_sentence_and_nothing_changes(conn, ana):
    """The "When" pickers take any day (a browser never sends one typed outside their range),
    so a slip such as year 1 reaches the domain, which says no; 1900 itself is kept."""
    with pytest.raises(InvalidInputError) as refused:
        interactions.log_once(conn, ana, "outreach", occurred_at=date(1, 3, 2))
    assert str(refused.value) == "The year 1 is too long ago: pick a date from 1900 on."
    assert interactions.list_interactions(conn, ana) == []
    logged = interactions.log_interaction(conn, ana, "outreach", occurred_at=date(1900, 1, 1))
    with pytest.raises(InvalidInputError, match=r"^The year 1899 is too long ago"):
        interactions.update_interaction(
            conn, logged, kind="outreach", channel="email", occurred_at=date(1899, 12, 31)
        )
    assert interactions.get_interaction(conn, logged).occurred_at == datetime(1900, 1, 1, 9)
