"""Messages and notes logged have a length limit; entries already longer stay readable and
correctable, and the timeline shows a long one shortened."""

from datetime import date, datetime

import pytest

from infoint import contacts, interactions
from infoint.contacts import TimelineEvent
from infoint.errors import InvalidInputError

PASTED = "word " * 12_000  # 60,000 characters, as the walkthrough pasted


@pytest.fixture
def ann(conn):
    return contacts.add_contact(conn, "Ann", "Lee", company="Acme")


def entries(conn) -> list[tuple]:
    return conn.execute("SELECT kind, length(body) FROM interactions ORDER BY id").fetchall()


def test_a_body_over_the_limit_is_refused_in_one_sentence_and_nothing_logged(conn, ann):
    limit = "A message or note can be at most 5,000 characters; this one has 60,000."
    with pytest.raises(InvalidInputError, match=limit):
        interactions.log_interaction(conn, ann, "outreach", body=PASTED)
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    with pytest.raises(InvalidInputError, match=limit):
        interactions.log_once(conn, ann, "reply", body=PASTED)
    assert entries(conn) == [("outreach", 0)]
    interactions.log_once(conn, ann, "reply", body="x" * interactions.BODY_LIMIT)
    assert entries(conn) == [("outreach", 0), ("reply", 5_000)]


def test_an_entry_already_longer_can_be_corrected_but_not_made_longer(conn, ann):
    """As an import or a restore of an older database would bring it."""
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at, body, source)"
        " VALUES (?, 'note', NULL, ?, ?, 'import')",
        [ann, datetime(2026, 3, 2, 9), PASTED],
    )
    [entry] = interactions.list_interactions(conn, ann)
    interactions.update_interaction(
        conn, entry.id, kind="note", channel=None, occurred_at=date(2026, 3, 3), body=PASTED
    )
    interactions.update_interaction(
        conn, entry.id, kind="note", channel=None, occurred_at=date(2026, 3, 3), body=PASTED[:-5]
    )
    with pytest.raises(InvalidInputError, match="at most 5,000 characters; this one has 60,001"):
        interactions.update_interaction(
            conn,
            entry.id,
            kind="note",
            channel=None,
            occurred_at=date(2026, 3, 3),
            body=PASTED + "!",
        )
    [kept] = interactions.list_interactions(conn, ann)
    assert (kept.occurred_at.date(), kept.body) == (date(2026, 3, 3), PASTED[:-5])
    assert contacts.timeline(conn, ann)[0].details == PASTED[:-5]


def event(details: str) -> TimelineEvent:
    return TimelineEvent(datetime(2026, 3, 2), "Note", details)


def test_the_timeline_shows_the_start_of_a_long_note():
    assert event("Short and sweet.").details_start == "Short and sweet."
    exactly = "a" * contacts.DETAILS_SHOWN
    assert event(exactly).details_start == exactly
    start = event(PASTED).details_start
    assert start == "word " * 99 + "word …"  # ended at the last space in 500 characters
    assert event("x" * 600).details_start == "x" * 500 + " …"  # no space to end at
    lines = "\n".join(f"line {n}" for n in range(1, 10))
    assert event(lines).details_start == "\n".join(f"line {n}" for n in range(1, 7)) + " …"
