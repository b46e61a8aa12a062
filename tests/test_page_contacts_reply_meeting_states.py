"""After a Reply, Contacts' next step follows where the meeting stands. A meeting whose time
has come with no outcome logged was met with "Next: arrange the meeting", as if there were
none: it now leads to recording how it went (the Meetings page opens it on Debrief), as a
meeting still ahead leads to preparing it. A held meeting leads to the thank-you while one
is worth sending and not logged; after that, arranging is for another meeting. A cancelled
meeting, a no-show, or none leave the meeting to arrange."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, db, interactions, meetings, text
from tests.test_page_contacts import contacts_page, run
from tests.test_page_contacts_reply_meeting_booked import book, labels, log_reply
from tests.test_page_contacts_reply_next_step import log

ARRANGE = "Next: arrange the meeting, on the Meetings tab"
ANOTHER = "Next: arrange another meeting, on the Meetings tab"
PREPARE = "Next: prepare it, on the Meetings page"
RECORD = "Next: record how it went, on the Meetings page"
THANK = "Next: your thank-you, on the Meetings page"
NOW = datetime.now(UTC).replace(second=0, microsecond=0)
PAST = (NOW - timedelta(days=2)).replace(hour=10, minute=0)
AHEAD = (NOW + timedelta(days=3)).replace(hour=10, minute=0)


@pytest.fixture
def priya(app_db) -> int:
    conn = db.connect(app_db)
    try:
        cid = contacts.add_contact(conn, "Priya", "Nair", company="Acme")
        interactions.log_interaction(conn, cid, "outreach", occurred_at=date(2026, 3, 2))
        return cid
    finally:
        conn.close()


def said(at) -> str:
    return " ".join(c.value for c in at.main.caption)


def next_links(at) -> dict[str, str]:
    return {
        p.proto.label: p.proto.query_string
        for p in at.main.get("page_link")
        if p.proto.label.startswith("Next:")
    }


def opened_on(at, meeting: int) -> str:
    """The Meetings page as the link opens it: the tab it shows that meeting on."""
    at.switch_page("pages/5_meetings.py")
    at.query_params["meeting"] = str(meeting)
    run(at)
    assert at.session_state["meeting_pick"] == meeting
    return at.session_state["meeting_tab"]


def held(path, cid: int, starts_at: datetime) -> int:
    meeting = book(path, cid, starts_at)
    conn = db.connect(path)
    try:
        meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    finally:
        conn.close()
    return meeting


def thank(path, cid: int) -> None:
    conn = db.connect(path)
    try:
        interactions.log_interaction(conn, cid, "thank_you")  # today, after the meeting
    finally:
        conn.close()


def test_a_meeting_past_with_no_outcome_leads_to_recording_how_it_went(app_db, priya):
    meeting = book(app_db, priya, PAST)
    at = log_reply(priya)
    assert at.success[0].value.startswith("Logged: Reply with Priya Nair on ")
    assert ARRANGE not in labels(at)  # the meeting was arranged; it is its outcome that waits
    assert not any("is booked for" in c.value for c in at.main.caption)
    assert (
        f"Your meeting with Priya was on {text.moment(PAST)}; how it went is not logged yet."
        in said(at)
    )
    assert next_links(at) == {RECORD: f"meeting={meeting}"}
    assert opened_on(at, meeting) == "Debrief"


def test_the_latest_meeting_waiting_for_its_outcome_is_the_one_named(app_db, priya):
    held(app_db, priya, PAST - timedelta(days=60))  # met long ago, thanked or not
    book(app_db, priya, PAST - timedelta(days=1))  # an older one, never recorded either
    latest = book(app_db, priya, PAST)
    at = log_reply(priya)
    assert next_links(at) == {RECORD: f"meeting={latest}"}
    assert text.moment(PAST) in said(at)


def test_a_meeting_ahead_comes_before_one_waiting_for_its_outcome(app_db, priya):
    book(app_db, priya, PAST)
    ahead = book(app_db, priya, AHEAD)
    at = log_reply(priya)
    assert f"Your meeting with Priya is booked for {text.moment(AHEAD)}." in said(at)
    assert next_links(at) == {PREPARE: f"meeting={ahead}"}
    assert opened_on(at, ahead) == "Prepare"


def test_a_meeting_held_and_not_thanked_leads_to_the_thank_you(app_db, priya):
    meeting = held(app_db, priya, PAST)
    at = log_reply(priya)
    assert ARRANGE not in labels(at) and ANOTHER not in labels(at)
    assert f"You met Priya on {text.day(PAST)}; your thank-you is not logged yet." in said(at)
    assert next_links(at) == {THANK: f"meeting={meeting}"}
    assert opened_on(at, meeting) == "Thank you"


def test_a_meeting_held_and_thanked_leaves_another_meeting_to_arrange(app_db, priya):
    held(app_db, priya, PAST)
    thank(app_db, priya)
    at = log_reply(priya)
    assert f"You met Priya on {text.day(PAST)}." in said(at)
    assert ARRANGE not in labels(at)  # "the meeting" was held
    [button] = [b for b in at.button if b.label == ANOTHER]
    assert button.proto.type == "tertiary"  # not a second primary button
    assert next_links(at) == {}
    button.click()
    run(at)
    assert at.session_state["contact_tab"] == "Meetings"


def test_a_thank_you_long_past_its_time_is_not_asked_for(app_db, priya):
    """As the due-now list: a meeting more than meetings.STALE_AFTER_DAYS back asks no more
    for its thank-you."""
    long_ago = PAST - timedelta(days=meetings.STALE_AFTER_DAYS + 5)
    held(app_db, priya, long_ago)
    at = log_reply(priya)
    assert f"You met Priya on {text.day(long_ago)}." in said(at)
    assert ANOTHER in labels(at)
    assert next_links(at) == {}


@pytest.mark.parametrize(
    ("starts_at", "status"),
    [(AHEAD, "cancelled"), (PAST, "cancelled"), (PAST, "no_show"), (None, None)],
)
def test_no_meeting_held_or_to_come_leaves_the_meeting_to_arrange(app_db, priya, starts_at, status):
    if starts_at is not None:
        book(app_db, priya, starts_at, status)
    at = log_reply(priya)
    assert ARRANGE in labels(at)
    assert next_links(at) == {}
    assert not said(at).startswith(("Your meeting", "You met"))


def test_a_follow_up_still_has_no_next_step(app_db, priya):
    book(app_db, priya, PAST)
    at = log(contacts_page(contact=str(priya)), priya, "follow_up")
    assert at.success[0].value.startswith("Logged: Follow-up with Priya Nair on ")
    assert next_links(at) == {}
    assert ARRANGE not in labels(at)
