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


def connect_on(conn, contact_id: int, day: date) -> None:
    conn.execute("UPDATE contacts SET connected_on = ? WHERE id = ?", [day, contact_id])


def test_a_day_long_ago_is_asked_about_as_a_meeting_is(conn, ana):
    """The walkthrough: an outreach of 1 Jan 1990 was logged without a word, and Home and
    Insights counted it. Beyond `meetings.ASK_BEYOND_DAYS` days back, the day is asked about."""
    today = date(2026, 11, 27)
    asked = interactions.date_question(conn, ana, "outreach", date(1990, 1, 1), today=today)
    assert asked == (
        "1 Jan 1990 is 36 years ago: is the year right? Home, Insights and your reminders "
        "count it on that day."
    )
    last_spring = interactions.date_question(conn, ana, "note", date(2026, 4, 2), today=today)
    assert last_spring is not None
    assert last_spring.startswith("2 Apr 2026 is 7 months ago: is the date right?")
    edge = today - timedelta(days=meetings.ASK_BEYOND_DAYS)
    assert interactions.date_question(conn, ana, "outreach", edge, today=today) is None
    before_edge = edge - timedelta(days=1)
    assert interactions.date_question(conn, ana, "outreach", before_edge, today=today)


def test_a_day_the_write_refuses_is_not_asked_about(conn, ana):
    """A day ahead, or before 1900, is refused by the log in its own words: no question first."""
    today = date(2026, 11, 27)
    for day in (date(2026, 11, 28), date(1899, 12, 31)):
        assert interactions.date_question(conn, ana, "outreach", day, today=today) is None


def test_a_correction_keeping_its_day_is_not_asked_again(conn, ana):
    today = date(2026, 11, 27)
    kept = date(1990, 1, 1)
    assert interactions.date_question(conn, ana, "reply", kept, was=kept, today=today) is None
    moved = interactions.date_question(conn, ana, "reply", date(1991, 1, 1), was=kept, today=today)
    assert moved is not None and moved.startswith("1 Jan 1991 is 35 years ago")


def test_an_outreach_before_the_linkedin_connection_is_asked_about_not_refused(conn, ana):
    """A first message before you connected on LinkedIn happens (an email, an event), so it is
    a question; a later message, or another kind, on that day is not asked about."""
    today = date(2026, 11, 27)
    connect_on(conn, ana, date(2026, 11, 20))
    asked = interactions.date_question(conn, ana, "outreach", date(2026, 11, 10), today=today)
    assert asked == (
        "10 Nov 2026 is before you connected on LinkedIn (20 Nov 2026): is the date right? "
        "It is if you first wrote another way, by email say."
    )
    for kind, day in (("outreach", date(2026, 11, 20)), ("note", date(2026, 11, 10))):
        assert interactions.date_question(conn, ana, kind, day, today=today) is None
    # long ago and before the connection: the year is the likelier slip, and is asked about
    far = interactions.date_question(conn, ana, "outreach", date(1990, 1, 1), today=today)
    assert far is not None and far.startswith("1 Jan 1990 is 36 years ago: is the year right?")
