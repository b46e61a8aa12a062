"""What the user snoozed or dismissed, listed with its day, and brought back on request: a
slip of the mouse must never lose an item."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from infoint import contacts, followups, interactions, meetings, targets
from infoint.errors import InvalidInputError

TUE = datetime(2026, 3, 17, 12, 0, tzinfo=UTC)  # the user's zone is UTC by default
TODAY = TUE.date()


@pytest.fixture
def due(conn):
    """On Tue 17 Mar: a thank-you after Katherine's meeting at NASA, and a follow-up to Ana
    at Acme (written to on Mon 2 Mar, silent since). Their keys by name."""
    kate = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA")
    meeting = meetings.schedule_meeting(conn, kate, datetime(2026, 3, 13, 15, 0, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    sent = interactions.log_interaction(conn, ana, "outreach", occurred_at=datetime(2026, 3, 2, 9))
    keys = {"thanks": f"thank_you:{meeting}", "follow_up": f"follow_up:{sent}"}
    assert {item.key for item in followups.due_items(conn, TUE)} == set(keys.values())
    return {**keys, "ana": ana}


def hidden_items(conn, now: datetime) -> list[followups.HiddenItem]:
    """What the page lists as snoozed or dismissed at `now`: the agenda's."""
    return followups.agenda(conn, now).hidden


def test_nothing_hidden_lists_nothing(conn, due):
    assert hidden_items(conn, TUE) == []


def test_snoozed_and_dismissed_items_are_listed_with_their_day_latest_first(conn, due):
    # Hidden in the opposite order to their keys' ('follow_up:…' < 'thank_you:…'), which break
    # ties: only the time they were hidden puts the thank-you first.
    followups.dismiss(conn, due["follow_up"])
    followups.snooze(conn, due["thanks"], date(2026, 3, 20), TODAY)
    hidden = hidden_items(conn, TUE)
    assert [(one.item.key, one.snoozed_until, one.dismissed) for one in hidden] == [
        (due["thanks"], date(2026, 3, 20), False),  # the latest first: the likeliest slip
        (due["follow_up"], None, True),
    ]
    assert hidden[0].item.title == "Send a thank-you to Katherine Johnson (NASA)"
    assert hidden[1].item.title == "Follow up with Ana Lee (Acme)"
    assert {one.hidden_on for one in hidden} == {date.today()}  # the day it was done
    assert followups.due_items(conn, TUE) == []
    # dismissed again now, the follow-up is the latest hidden
    followups.dismiss(conn, due["follow_up"])
    assert [one.item.key for one in hidden_items(conn, TUE)] == [due["follow_up"], due["thanks"]]


def test_a_snooze_that_has_ended_is_not_listed(conn, due):
    followups.snooze(conn, due["thanks"], date(2026, 3, 20), TODAY)
    friday = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    assert hidden_items(conn, friday) == []
    assert due["thanks"] in {item.key for item in followups.due_items(conn, friday)}


def test_an_item_no_longer_due_is_not_listed(conn, due):
    """Dismissed, then followed up all the same: nothing is left to bring back."""
    followups.dismiss(conn, due["follow_up"])
    interactions.log_interaction(conn, due["ana"], "follow_up", occurred_at=datetime(2026, 3, 16))
    assert hidden_items(conn, TUE) == []


def test_an_item_at_a_ruled_out_company_is_not_listed(conn, due):
    followups.dismiss(conn, due["follow_up"])
    acme = targets.find_companies(conn, "Acme")[0][0]
    targets.rule_out(conn, acme, "Not for me.")
    assert hidden_items(conn, TUE) == []


def test_show_again_makes_a_snoozed_or_dismissed_item_due_again(conn, due):
    followups.snooze(conn, due["thanks"], date(2026, 3, 20), TODAY)
    followups.dismiss(conn, due["follow_up"])
    assert followups.show_again(conn, [due["thanks"]]) == 1
    assert [item.key for item in followups.due_items(conn, TUE)] == [due["thanks"]]
    assert [one.item.key for one in hidden_items(conn, TUE)] == [due["follow_up"]]
    assert followups.show_again(conn, [due["follow_up"]]) == 1
    assert {item.key for item in followups.due_items(conn, TUE)} == {
        due["thanks"],
        due["follow_up"],
    }
    assert hidden_items(conn, TUE) == []
    assert conn.execute("SELECT count(*) FROM due_item_states").fetchall() == [(0,)]


def test_an_item_brought_back_may_be_snoozed_again(conn, due):
    followups.snooze(conn, due["thanks"], date(2026, 3, 20), TODAY)
    followups.show_again(conn, [due["thanks"]])
    followups.snooze(conn, due["thanks"], date(2026, 3, 23), TODAY)
    [one] = hidden_items(conn, TUE)
    assert (one.item.key, one.snoozed_until) == (due["thanks"], date(2026, 3, 23))


def test_show_again_of_an_item_already_back_changes_nothing(conn, due):
    """Brought back in another tab first: the second click finds nothing to undo."""
    assert followups.show_again(conn, [due["thanks"]]) == 0
    assert len(followups.due_items(conn, TUE)) == 2


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ([], "No items were chosen, so nothing changed."),
        (["  "], "An item has no key; reload the page and try again."),
    ],
)
def test_show_again_without_an_item_is_one_sentence_and_changes_nothing(conn, due, keys, message):
    followups.dismiss(conn, due["thanks"])
    with pytest.raises(InvalidInputError) as refused:
        followups.show_again(conn, keys)
    assert str(refused.value) == message
    assert [one.item.key for one in hidden_items(conn, TUE)] == [due["thanks"]]


def test_many_hidden_items_come_back_in_one_write(conn, due):
    followups.dismiss_many(conn, [due["thanks"], due["follow_up"]])
    assert followups.show_again(conn, [due["thanks"], due["follow_up"], due["thanks"]]) == 2
    assert len(followups.due_items(conn, TUE)) == 2


def test_hidden_on_is_the_day_of_the_latest_choice(conn, due):
    followups.snooze(conn, due["thanks"], date(2026, 3, 20), TODAY)
    conn.execute(
        "UPDATE due_item_states SET updated_at = ? WHERE item_key = ?",
        [datetime(2026, 3, 16, 18), due["thanks"]],
    )
    followups.dismiss(conn, due["follow_up"])
    hidden = hidden_items(conn, TUE)
    assert [(one.item.key, one.hidden_on) for one in hidden] == [
        (due["follow_up"], date.today()),
        (due["thanks"], date(2026, 3, 16)),
    ]
