"""A note to self and an opportunity are no message: stored with no channel, so nothing
(the workbook's "How", a timeline, a breakdown by channel) can read one as "by email"."""

from datetime import date

import pytest

from infoint import contacts, demo, interactions
from infoint.errors import InvalidInputError


@pytest.fixture
def ana(conn):
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    return ana


def channels(conn, ana) -> dict[str, str | None]:
    return {x.kind: x.channel for x in interactions.list_interactions(conn, ana)}


@pytest.mark.parametrize("kind", sorted(contacts.KINDS_WITHOUT_CHANNEL))
def test_an_entry_that_is_no_message_is_stored_with_no_channel(conn, ana, kind):
    interactions.log_interaction(conn, ana, kind, occurred_at=date(2026, 3, 3))
    # even when a caller names one: a note is not sent "by phone"
    logged = interactions.log_once(conn, ana, kind, channel="phone", subject="Lyon")
    assert interactions.get_interaction(conn, logged.interaction_id).channel is None
    assert channels(conn, ana) == {"outreach": "email", kind: None}
    assert conn.execute(
        "SELECT count(*) FROM interactions WHERE kind = ? AND channel IS NULL", [kind]
    ).fetchall() == [(2,)]


def test_a_note_logged_twice_the_same_day_counts_once(conn, ana):
    first = interactions.log_once(conn, ana, "note", subject="Ask about Lyon")
    again = interactions.log_once(conn, ana, "note", subject="Ask about Lyon")
    assert (again.interaction_id, again.already_logged) == (first.interaction_id, True)


def test_a_message_still_needs_a_channel_infoint_knows(conn, ana):
    with pytest.raises(InvalidInputError, match="'fax' is not a channel infoint knows"):
        interactions.log_interaction(conn, ana, "reply", channel="fax")
    with pytest.raises(InvalidInputError, match="Say how it happened"):
        interactions.log_interaction(conn, ana, "reply", channel=None)
    assert channels(conn, ana) == {"outreach": "email"}


def test_a_correction_drops_the_channel_of_a_note_and_asks_one_of_a_message(conn, ana):
    [sent] = interactions.list_interactions(conn, ana)
    interactions.update_interaction(
        conn, sent.id, kind="note", channel="linkedin", occurred_at=date(2026, 3, 2)
    )
    assert interactions.get_interaction(conn, sent.id).channel is None
    with pytest.raises(InvalidInputError, match="Say how it happened"):
        interactions.update_interaction(
            conn, sent.id, kind="outreach", channel=None, occurred_at=date(2026, 3, 2)
        )
    assert interactions.get_interaction(conn, sent.id).kind == "note"  # unchanged
    interactions.update_interaction(
        conn, sent.id, kind="outreach", channel="linkedin", occurred_at=date(2026, 3, 2)
    )
    assert channels(conn, ana) == {"outreach": "linkedin"}


def test_the_timeline_says_a_note_without_how(conn, ana):
    interactions.log_interaction(conn, ana, "note", occurred_at=date(2026, 3, 3), subject="Lyon")
    assert [e.text for e in contacts.timeline(conn, ana)] == [
        "Note: Lyon",
        "You reached out by email",
    ]


def test_the_demos_opportunity_has_no_channel_and_its_messages_have_one(conn):
    demo.load_demo(conn, today=date(2026, 3, 16))
    assert conn.execute(
        "SELECT kind, count(*), count(channel) FROM interactions"
        " WHERE kind IN ('note', 'opportunity', 'outreach') GROUP BY kind ORDER BY kind"
    ).fetchall() == [("opportunity", 1, 0), ("outreach", 31, 31)]


def test_the_channel_question_names_the_channels_as_the_form_shows_them(conn, ana, monkeypatch):
    """Built from CHANNEL_LABELS, the sentence cannot drift from the choices the user sees."""
    with pytest.raises(InvalidInputError) as asked:
        interactions.log_interaction(conn, ana, "reply", channel=None)
    assert str(asked.value) == (
        "Say how it happened: Email, LinkedIn, Phone, In person, Video call or Other."
    )
    monkeypatch.setitem(interactions.CHANNEL_LABELS, "letter", "Letter")
    with pytest.raises(InvalidInputError, match="Video call, Other or Letter"):
        interactions.log_interaction(conn, ana, "reply", channel=None)
