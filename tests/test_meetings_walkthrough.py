"""Faults a new user met on the Meetings page, in the domain: the promised minutes' range said
in one sentence, every refusal of a debrief known before anyone is asked to add people, names
split by dashes as by commas, and no name longer than the contacts' limit."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from infoint import contacts, meetings, targets
from infoint.errors import InvalidInputError
from infoint.referrals import ReferredPerson

RANGE = "The minutes you promise must be between 5 and 240."


@pytest.fixture
def ana(conn):
    return contacts.add_contact(conn, "Ana", "Lee", company="Acme")


def everything(conn):
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("meetings", "contacts", "companies")
    ]


@pytest.mark.parametrize("minutes", [0, 4, 241, 999])
def test_a_promise_outside_5_to_240_minutes_is_refused_saying_the_range(conn, ana, minutes):
    before = everything(conn)
    with pytest.raises(InvalidInputError) as refused:
        meetings.schedule_meeting(
            conn, ana, datetime(2026, 12, 1, 10, tzinfo=UTC), promised_minutes=minutes
        )
    assert str(refused.value) == RANGE
    assert everything(conn) == before


def test_the_ends_of_the_range_are_kept(conn, ana):
    for minutes in (5, 240):
        meetings.schedule_meeting(
            conn, ana, datetime(2026, 12, 1, 10, tzinfo=UTC), promised_minutes=minutes
        )


def test_a_change_refuses_a_new_promise_out_of_range_but_keeps_an_old_one(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 12, 1, 10, tzinfo=UTC))
    conn.execute("UPDATE meetings SET promised_minutes = 300 WHERE id = ?", [meeting])
    start = datetime(2026, 12, 2, 10, tzinfo=UTC)
    assert meetings.update_meeting(conn, meeting, start, promised_minutes=300, place="Café")
    with pytest.raises(InvalidInputError, match=re.escape(RANGE)):
        meetings.update_meeting(conn, meeting, start, promised_minutes=999, place="Café")
    assert meetings.get_meeting(conn, meeting).promised_minutes == 300


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_dash_with_spaces_splits_a_line_as_a_comma_does(dash):
    line = f"Priya Patel {dash} Quartz Games {dash} Producer"
    assert meetings.read_names(line) == meetings.NamesRead(
        (ReferredPerson("Priya", "Patel", "Quartz Games", "Producer"),), ()
    )


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "Lee-Ann Smith - Acme",
            meetings.NamesRead((ReferredPerson("Lee-Ann", "Smith", "Acme"),), ()),
        ),
        ("Bo - Beta", meetings.NamesRead((ReferredPerson("Bo", "", "Beta"),), ())),
        # a dash in a sentence names no one: lower case is a name only before a comma
        ("ask about plans - she knows", meetings.NamesRead((), ("ask about plans - she knows",))),
    ],
)
def test_a_dash_inside_a_name_or_a_sentence_is_read_as_before(typed, read):
    assert meetings.read_names(typed) == read


def test_a_name_longer_than_the_contacts_limit_is_refused_with_its_line():
    long_name = "Z" * 400
    with pytest.raises(InvalidInputError) as refused:
        meetings.read_names(f"Bo Chen, Beta\n{long_name}; Longco; Boss")
    assert str(refused.value).startswith(
        "Line 2 has a name of 400 characters; a name can be at most 200"
    )
    fits = "Z" * targets.NAME_LIMIT
    assert meetings.read_names(f"{fits}, Longco").people[0].first_name == fits


@pytest.fixture
def coming(conn, ana):
    """A meeting three days ahead."""
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    return meetings.schedule_meeting(conn, ana, start)


def test_checking_a_debrief_of_a_meeting_still_ahead_refuses_it_and_writes_nothing(conn, coming):
    before = everything(conn)
    people = [ReferredPerson("Priya", "Patel", "Quartz Games")]
    with pytest.raises(InvalidInputError, match="still ahead: change its date first"):
        meetings.check_debrief(conn, coming, "held", actual_minutes=20, referred=people)
    assert everything(conn) == before


@pytest.fixture
def past(conn, ana):
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    return meetings.schedule_meeting(conn, ana, start)


def test_checking_a_debrief_refuses_what_the_save_would(conn, past):
    people = [ReferredPerson("Priya", "Patel", "Quartz Games")]
    with pytest.raises(InvalidInputError, match="between 1 and 600 minutes"):
        meetings.check_debrief(conn, past, "held", actual_minutes=0, referred=people)
    with pytest.raises(InvalidInputError, match="mark it as held first"):
        meetings.check_debrief(conn, past, "cancelled", referred=people)
    with pytest.raises(InvalidInputError, match="at most 200"):
        meetings.check_debrief(conn, past, "held", referred=[ReferredPerson("Z" * 400)])
    with pytest.raises(InvalidInputError, match="at most 20,000"):
        meetings.check_debrief(conn, past, "held", notes="x" * 20_001)
    meetings.check_debrief(conn, past, "held", actual_minutes=20, referred=people)  # fits
    assert meetings.get_meeting(conn, past).status == "scheduled"


def test_a_debrief_naming_someone_too_long_is_refused_and_writes_nothing(conn, past):
    before = everything(conn)
    with pytest.raises(InvalidInputError, match="at most 200"):
        meetings.record_debrief(
            conn,
            past,
            "held",
            actual_minutes=20,
            referred=[ReferredPerson("Z" * 400, "", "Longco")],
        )
    assert everything(conn) == before
