"""A reply answers a message: it needs an outreach, a follow-up or a thank-you to that person on
its day or before, when logged and after any correction. Rows already stored are left as they
are."""

from datetime import date, datetime

import pytest

from infoint import contacts, funnel, insights, interactions
from infoint.errors import InvalidInputError

NO_MESSAGE = (
    "A reply answers a message, and none to this person is logged on or before 1 Jan 2020: "
    "log the message you sent first, dated when you sent it."
)


@pytest.fixture
def bo(conn):
    return contacts.add_contact(conn, "Bo", "Chen", company="Acme")


def kinds(conn, contact_id):
    return [
        (x.kind, x.occurred_at.date()) for x in interactions.list_interactions(conn, contact_id)
    ]


def test_a_reply_to_someone_never_written_to_is_refused_and_nothing_is_logged(conn, bo):
    with pytest.raises(InvalidInputError) as refused:
        interactions.log_once(conn, bo, "reply", occurred_at=date(2020, 1, 1))
    assert str(refused.value) == NO_MESSAGE
    with pytest.raises(InvalidInputError, match="log the message you sent first"):
        interactions.log_interaction(conn, bo, "reply", occurred_at=date(2020, 1, 1))
    assert kinds(conn, bo) == []
    assert [c.count for c in funnel.stage_counts(conn)][:2] == [0, 0]


def test_a_reply_before_the_first_message_is_refused_one_on_its_day_or_after_is_kept(conn, bo):
    interactions.log_interaction(conn, bo, "outreach", occurred_at=datetime(2026, 3, 2, 15))
    with pytest.raises(InvalidInputError) as refused:
        interactions.log_once(conn, bo, "reply", occurred_at=date(2026, 3, 1))
    assert str(refused.value) == (
        "A reply answers a message, and none to this person is logged on or before "
        "1 Mar 2026: date it on or after your first message (2 Mar 2026), or log the message "
        "you sent first, dated when you sent it."
    )
    # On the same day, even at an earlier hour (a day alone is 9:00): it answers that message.
    interactions.log_once(conn, bo, "reply", occurred_at=date(2026, 3, 2))
    assert kinds(conn, bo) == [("outreach", date(2026, 3, 2)), ("reply", date(2026, 3, 2))]


def test_a_follow_up_is_a_message_a_reply_can_answer(conn, bo):
    interactions.log_interaction(conn, bo, "follow_up", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, bo, "reply", occurred_at=date(2026, 3, 4))
    assert len(kinds(conn, bo)) == 2


def test_a_note_is_not_a_message_a_reply_answers(conn, bo):
    interactions.log_interaction(conn, bo, "note", occurred_at=date(2019, 12, 1))
    with pytest.raises(InvalidInputError, match="log the message you sent first"):
        interactions.log_interaction(conn, bo, "reply", occurred_at=date(2020, 1, 1))


def test_a_reply_to_a_thank_you_is_kept_without_making_them_written_to(conn, bo):
    """Met through an introduction, never written to first: Bo answers the thank-you. That is
    a reply to a message the user sent, but no outreach: Insights times no reply of his."""
    thanks = interactions.log_interaction(conn, bo, "thank_you", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, bo, "reply", occurred_at=date(2026, 3, 3))
    assert [kind for kind, _ in kinds(conn, bo)] == ["reply", "thank_you"]  # newest first
    assert insights.reply_timing(conn).contacted == 0
    with pytest.raises(InvalidInputError, match="correct or remove that reply first"):
        interactions.delete_interaction(conn, thanks)


def test_moving_the_message_after_its_reply_is_refused_and_nothing_changes(conn, bo):
    sent = interactions.log_interaction(conn, bo, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, bo, "reply", occurred_at=date(2026, 3, 3))
    with pytest.raises(InvalidInputError) as refused:
        interactions.update_interaction(
            conn, sent, kind="outreach", channel="email", occurred_at=date(2026, 3, 5)
        )
    assert str(refused.value) == (
        "Their reply of 3 Mar 2026 answers this message: keep this message on or before "
        "that day, or correct that reply first."
    )
    assert interactions.get_interaction(conn, sent).occurred_at == datetime(2026, 3, 2, 9)
    # Moved to the reply's own day, or earlier, it still answers.
    interactions.update_interaction(
        conn, sent, kind="outreach", channel="email", occurred_at=date(2026, 3, 3)
    )
    assert kinds(conn, bo) == [("reply", date(2026, 3, 3)), ("outreach", date(2026, 3, 3))]


def test_turning_the_message_into_something_else_or_removing_it_is_refused(conn, bo):
    sent = interactions.log_interaction(conn, bo, "outreach", occurred_at=date(2026, 3, 2))
    reply = interactions.log_interaction(conn, bo, "reply", occurred_at=date(2026, 3, 3))
    with pytest.raises(InvalidInputError) as refused:
        interactions.update_interaction(
            conn, sent, kind="note", channel="email", occurred_at=date(2026, 3, 2)
        )
    assert str(refused.value) == (
        "Their reply of 3 Mar 2026 answers this message: correct or remove that reply first."
    )
    with pytest.raises(InvalidInputError) as refused:
        interactions.delete_interaction(conn, sent)
    assert str(refused.value) == (
        "Their reply of 3 Mar 2026 answers this message: correct or remove that reply first."
    )
    assert kinds(conn, bo) == [("reply", date(2026, 3, 3)), ("outreach", date(2026, 3, 2))]
    # With a second message before the reply, the first may go: the reply still answers one.
    interactions.log_interaction(conn, bo, "follow_up", occurred_at=date(2026, 3, 3))
    interactions.delete_interaction(conn, sent)
    # And once the reply is gone, so may the last message.
    interactions.delete_interaction(conn, reply)
    assert kinds(conn, bo) == [("follow_up", date(2026, 3, 3))]


def test_a_reply_corrected_to_before_every_message_or_made_from_a_note_is_refused(conn, bo):
    interactions.log_interaction(conn, bo, "outreach", occurred_at=date(2026, 3, 2))
    reply = interactions.log_interaction(conn, bo, "reply", occurred_at=date(2026, 3, 3))
    with pytest.raises(InvalidInputError, match="your first message \\(2 Mar 2026\\)"):
        interactions.update_interaction(
            conn, reply, kind="reply", channel="email", occurred_at=date(2026, 3, 1)
        )
    note = interactions.log_interaction(conn, bo, "note", occurred_at=date(2026, 2, 1))
    with pytest.raises(InvalidInputError, match="on or before 1 Feb 2026"):
        interactions.update_interaction(
            conn, note, kind="reply", channel="email", occurred_at=date(2026, 2, 1)
        )
    assert kinds(conn, bo) == [
        ("reply", date(2026, 3, 3)),
        ("outreach", date(2026, 3, 2)),
        ("note", date(2026, 2, 1)),
    ]


def orphan_reply(conn, contact_id, day):
    """A reply with no message before it, as older versions could store."""
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at, source)"
        " VALUES (?, 'reply', 'email', ?, 'manual') RETURNING id",
        [contact_id, day],
    )
    return conn.fetchall()[0][0]


def test_a_reply_already_stored_without_a_message_is_left_alone(conn, bo):
    orphan = orphan_reply(conn, bo, datetime(2020, 1, 1, 9))
    assert interactions.unanswered_replies(conn) == [orphan]
    # Correcting its notes, or anything else of theirs, is not blocked by it.
    interactions.update_interaction(
        conn, orphan, kind="reply", channel="email", occurred_at=date(2020, 1, 1), body="Hi"
    )
    note = interactions.log_interaction(conn, bo, "note", occurred_at=date(2026, 3, 1))
    interactions.delete_interaction(conn, note)
    assert interactions.get_interaction(conn, orphan).body == "Hi"


def test_insights_count_only_the_people_written_to(conn, bo):
    """The walkthrough's data: Ana written to on 2 Mar and replying the next day; Bo with a
    reply stored before this rule and no message."""
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 3))
    orphan_reply(conn, bo, datetime(2020, 1, 1, 9))
    timing = insights.reply_timing(conn)
    assert (timing.contacted, timing.quick, timing.replies) == (1, 1, 1)
    assert timing.median_business_days == 1
    waits = insights.reply_waits(conn)
    assert int(waits["people"].sum()) == 1
    assert waits.loc[waits["wait"] == "1 business day", "people"].tolist() == [1]
    # The funnel is cumulative by design: Bo, at Replied, counts as contacted there.
    assert [c.count for c in funnel.stage_counts(conn)][:2] == [2, 2]


def test_a_reply_to_no_message_can_be_refused_before_the_write_in_the_same_words(conn, bo):
    """The page asks it before "is the year right?": the same refusal, nothing written."""
    with pytest.raises(InvalidInputError) as refused:
        interactions.check_reply_answered(conn, bo, "reply", date(2020, 1, 1))
    assert str(refused.value) == NO_MESSAGE
    interactions.check_reply_answered(conn, bo, "outreach", date(2020, 1, 1))  # not a reply
    sent = interactions.log_interaction(conn, bo, "outreach", occurred_at=datetime(2020, 1, 1, 18))
    interactions.check_reply_answered(conn, bo, "reply", date(2020, 1, 1))  # by day: answered
    with pytest.raises(InvalidInputError) as refused:  # the message itself made the reply
        interactions.check_reply_answered(conn, bo, "reply", date(2020, 1, 1), exclude=sent)
    assert str(refused.value) == NO_MESSAGE
    with pytest.raises(InvalidInputError) as refused:
        interactions.check_reply_answered(conn, bo, "reply", date(2019, 12, 31))
    assert str(refused.value) == (
        "A reply answers a message, and none to this person is logged on or before "
        "31 Dec 2019: date it on or after your first message (1 Jan 2020), or log the message "
        "you sent first, dated when you sent it."
    )
    assert len(interactions.list_interactions(conn, bo)) == 1
