"""The Follow-ups page lists what was snoozed or dismissed, quietly at its foot, each with
"Show it again": a misclick must never lose an item."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, followups, interactions, meetings, text
from infoint.errors import ConflictError
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent
OPEN = "follow_ups_hidden_open"
THANKS_TITLE = "Send a thank-you to Katherine Johnson (NASA)"


def follow_ups_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/4_follow_ups.py")
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def item_keys(at: AppTest) -> list[str]:
    return [c.key.removeprefix("item_") for c in at.container if (c.key or "").startswith("item_")]


def slots(at: AppTest) -> list[str]:
    return [c.key for c in at.container if (c.key or "").startswith(("item_", "gone_"))]


def hidden_lines(at: AppTest) -> list[str]:
    """The lines of the snoozed-and-dismissed list, as the page wrote them."""
    return [m.value for m in at.main.markdown if " · snoozed until " in m.value
            or " · dismissed on " in m.value]  # fmt: skip


def states(app_db) -> set[tuple]:
    conn = db.connect(app_db)
    rows = conn.execute("SELECT item_key, snoozed_until, dismissed FROM due_item_states").fetchall()
    conn.close()
    return set(rows)


def business_days_ahead(start: date, count: int) -> date:
    day = start
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


@pytest.fixture
def thanks(app_db):
    """The walkthrough's page: a thank-you due after Katherine's meeting at NASA two days ago,
    and Ana written to today, waited on."""
    conn = db.connect(app_db)
    kate = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    meeting = meetings.schedule_meeting(conn, kate, start)
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach")
    conn.close()
    return {"db": app_db, "key": f"thank_you:{meeting}"}


def test_nothing_hidden_shows_no_such_line(thanks):
    at = run(follow_ups_page())
    assert item_keys(at) == [thanks["key"]]
    assert not at.toggle
    assert not [b for b in at.button if b.label == "Show it again"]


def test_a_snoozed_item_is_listed_with_its_day_and_shown_again_on_request(thanks):
    at = run(follow_ups_page())
    at.button(key=f"snooze_{thanks['key']}").click()
    run(at)
    until = business_days_ahead(date.today(), followups.SNOOZE_BUSINESS_DAYS)
    assert at.success[0].value.startswith("Nothing is due today; you are waiting on 1 person")
    # One quiet line says where it went; the list opens only when asked for.
    [line] = at.toggle
    assert (line.key, line.label, line.value) == (OPEN, "Show what you snoozed (1)", False)
    assert hidden_lines(at) == []
    line.set_value(True)
    run(at)
    assert hidden_lines(at) == [
        plain_markdown(f"{THANKS_TITLE} · snoozed until {text.weekday_day(until)}")
    ]
    [back] = [b for b in at.button if b.label == "Show it again"]
    assert back.proto.type == "secondary"  # the page's one primary action stays the item's
    back.click()
    run(at)
    assert [t.value for t in at.toast] == [plain_markdown(f"Back on the list: {THANKS_TITLE}.")]
    assert item_keys(at) == [thanks["key"]]
    assert states(thanks["db"]) == set()
    assert not at.toggle  # nothing is hidden any more
    assert [b.label for b in at.button if b.proto.type == "primary"] == ["Write the thank-you"]


def test_a_dismissed_item_is_listed_with_its_day_and_shown_again_on_request(thanks):
    at = run(follow_ups_page())
    at.button(key=f"dismiss_{thanks['key']}").click()
    run(at)
    [yes] = [b for b in at.button if b.label == "Yes, dismiss"]
    yes.click()
    run(at)
    assert not item_keys(at)
    [line] = at.toggle
    assert line.label == "Show what you dismissed (1)"
    line.set_value(True)
    run(at)
    assert hidden_lines(at) == [
        plain_markdown(f"{THANKS_TITLE} · dismissed on {text.day(date.today())}")
    ]
    at.button(key=f"show_again_{thanks['key']}").click()
    run(at)
    assert item_keys(at) == [thanks["key"]]
    assert states(thanks["db"]) == set()


@pytest.fixture
def twelve(app_db):
    """Twelve follow-ups due the same day, listed by title (Person00's first)."""
    conn = db.connect(app_db)
    keys = []
    for number in range(12):
        person = contacts.add_contact(conn, f"Person{number:02d}", company=f"Firm {number}")
        sent = interactions.log_interaction(
            conn, person, "outreach", occurred_at=datetime.now() - timedelta(days=20)
        )
        keys.append(f"follow_up:{sent}")
    conn.close()
    return {"db": app_db, "keys": keys}


def test_an_item_shown_again_takes_its_own_place_back_and_may_be_snoozed_again(twelve):
    keys = twelve["keys"]
    at = run(follow_ups_page())
    at.button(key=f"snooze_{keys[1]}").click()
    run(at)
    at.button(key=f"dismiss_{keys[3]}").click()
    run(at)
    [yes] = [b for b in at.button if b.label == "Yes, dismiss"]
    yes.click()
    run(at)
    assert slots(at)[:4] == [f"item_{keys[0]}", f"gone_{keys[1]}", f"item_{keys[2]}",
                             f"gone_{keys[3]}"]  # fmt: skip
    [line] = at.toggle
    assert line.label == "Show what you snoozed (1) and dismissed (1)"
    line.set_value(True)
    run(at)
    assert [line.split(" · ")[0] for line in hidden_lines(at)] == [
        plain_markdown("Follow up with Person03 (Firm 3)"),  # the latest first
        plain_markdown("Follow up with Person01 (Firm 1)"),
    ]
    at.button(key=f"show_again_{keys[1]}").click()
    run(at)
    assert slots(at)[:4] == [f"item_{key}" for key in keys[:3]] + [f"gone_{keys[3]}"]
    assert at.toggle[0].label == "Show what you dismissed (1)"
    at.button(key=f"snooze_{keys[1]}").click()  # the same item again: one place, kept
    run(at)
    assert slots(at)[:4] == [f"item_{keys[0]}", f"gone_{keys[1]}", f"item_{keys[2]}",
                             f"gone_{keys[3]}"]  # fmt: skip
    assert {key for key, _, _ in states(twelve["db"])} == {keys[1], keys[3]}


def test_a_long_list_of_hidden_items_shows_ten_at_a_time(twelve):
    conn = db.connect(twelve["db"])
    followups.dismiss_many(conn, twelve["keys"])
    conn.close()
    at = run(follow_ups_page())
    at.toggle(key=OPEN).set_value(True)
    run(at)
    assert len(hidden_lines(at)) == 10
    [more] = [b for b in at.button if b.label == "Show 2 more items"]
    more.click()
    run(at)
    assert len(hidden_lines(at)) == 12


def test_a_snooze_in_another_session_is_listed_on_the_next_run(thanks):
    """Fresh on the very next run, however the page caches what the rules find."""
    at = run(follow_ups_page())
    assert not at.toggle
    conn = db.connect(thanks["db"])
    followups.snooze(conn, thanks["key"], date.today() + timedelta(days=9))
    run(at)
    assert at.toggle[0].label == "Show what you snoozed (1)"
    followups.show_again(conn, [thanks["key"]])
    conn.close()
    run(at)
    assert not at.toggle and item_keys(at) == [thanks["key"]]


def test_a_bring_back_that_fails_says_so_beside_the_list_and_keeps_it_hidden(thanks, monkeypatch):
    def refuse(conn, keys):
        raise ConflictError(db.CONFLICT)

    conn = db.connect(thanks["db"])
    followups.dismiss(conn, thanks["key"])
    conn.close()
    at = run(follow_ups_page())
    at.toggle(key=OPEN).set_value(True)
    run(at)
    monkeypatch.setattr(followups, "show_again", refuse)
    at.button(key=f"show_again_{thanks['key']}").click()
    run(at)
    assert [e.value for e in at.error] == [db.CONFLICT]
    assert not item_keys(at) and len(hidden_lines(at)) == 1
    assert states(thanks["db"]) == {(thanks["key"], None, True)}


def test_showing_the_list_and_an_item_again_each_draw_the_page_once(thanks, monkeypatch):
    runs = []
    worked_out = followups.agenda
    monkeypatch.setattr(
        followups, "agenda", lambda *args, **kwargs: runs.append(1) or worked_out(*args, **kwargs)
    )
    conn = db.connect(thanks["db"])
    followups.dismiss(conn, thanks["key"])
    conn.close()
    at = run(follow_ups_page())
    runs.clear()
    at.toggle(key=OPEN).set_value(True)
    run(at)
    assert len(runs) == 1
    runs.clear()
    at.button(key=f"show_again_{thanks['key']}").click()
    run(at)
    assert len(runs) == 1 and item_keys(at) == [thanks["key"]]
