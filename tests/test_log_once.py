"""A second click on a "Log" button records nothing new; a different entry is its own."""

from datetime import date

import pytest

from infoint import contacts, interactions


@pytest.fixture
def ana(conn):
    return contacts.add_contact(conn, "Ana", "Lee", company="Acme")


def test_the_same_entry_the_same_day_is_logged_once(conn, ana):
    first = interactions.log_once(
        conn, ana, "reply", channel="phone", subject="Yes", body="Happy to talk"
    )
    again = interactions.log_once(
        conn, ana, "reply", channel="phone", subject="Yes ", body="Happy to talk"
    )
    assert not first.already_logged
    assert (again.interaction_id, again.already_logged) == (first.interaction_id, True)
    assert len(interactions.list_interactions(conn, ana)) == 1


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
def test_a_different_entry_the_same_day_is_logged_too(conn, ana, change):
    entry = {"kind": "reply", "channel": "phone", "subject": "Yes", "body": "Happy to talk"}
    interactions.log_once(conn, ana, **entry)
    other = interactions.log_once(conn, ana, **(entry | change))
    assert not other.already_logged
    assert len(interactions.list_interactions(conn, ana)) == 2


def test_an_earlier_day_logged_twice_counts_once(conn, ana):
    first = interactions.log_once(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    again = interactions.log_once(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    assert again.already_logged and again.interaction_id == first.interaction_id
    assert len(interactions.list_interactions(conn, ana)) == 1
