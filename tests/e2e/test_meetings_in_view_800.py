"""What a click on Meetings brings up is in view in an 800×800 window (the sidebar open,
scroll bars drawn), and at 1280×900, with the demo data and Priya's meeting of yesterday due
for its debrief, as a walkthrough had it: the Person box of the form just opened was cut at
the window's foot, "Choose who you are meeting first" drawn below the window's foot, and the
debrief's question of whom to mark as introduced, with its tick boxes and Yes, below the
fold."""

import contextlib
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from infoint import contacts, db, demo, interactions, meetings

from .conftest import in_view, start_server, stop_server, wait_for_app, widget


def settled_in_view(page, locator) -> None:
    """Wait a while for `locator` to come wholly into the window, as the page scrolls to it
    a moment after its run has drawn it; the test's `in_view` then says whether it did."""
    with contextlib.suppress(AssertionError):
        expect(locator).to_be_in_viewport(ratio=1, timeout=10_000)


# Scrolled so that the button's foot is at the window's: where a user reading down clicks it.
AT_THE_FOOT = "button => button.scrollIntoView({block: 'end'})"


def priya_who_answered(conn) -> int:
    """The demo's people, and Priya Raghunathan, PhD at Northwind Health Partners, written to
    five days ago and answering the day after: the one whose meeting these tests open."""
    demo.load_demo(conn)
    priya = contacts.add_contact(
        conn, "Priya", "Raghunathan, PhD", company="Northwind Health Partners"
    )
    interactions.log_interaction(conn, priya, "outreach", occurred_at=date.today() - timedelta(5))
    interactions.log_interaction(conn, priya, "reply", occurred_at=date.today() - timedelta(4))
    return priya


@pytest.fixture(params=[(800, 800), (1280, 900)], ids=["800x800", "1280x900"])
def meetings_at_800(request, tmp_path, page_with_scroll_bars):
    db_path = tmp_path / "in_view.duckdb"
    conn = db.connect(db_path)
    priya = priya_who_answered(conn)
    yesterday = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, priya, yesterday)
    conn.close()
    server = start_server(db_path)
    page = page_with_scroll_bars
    width, height = request.param
    page.set_viewport_size({"width": width, "height": height})
    try:
        yield page, server, meeting
    finally:
        stop_server(server)


def test_the_schedule_form_and_its_refusal_are_in_view(meetings_at_800, shots):
    page, server, _ = meetings_at_800
    page.goto(f"{server.url}/meetings")
    page.get_by_role("heading", name="Work on a meeting").wait_for()
    wait_for_app(page)
    assert page.get_by_test_id("stSidebar").is_visible()
    page.get_by_text("Due now", exact=True).wait_for()  # above the form, pushing it down

    opener = page.get_by_text("Schedule a meeting", exact=True)
    opener.evaluate("summary => summary.scrollIntoView({block: 'end'})")
    opener.click()
    person = widget(page, "stSelectbox", "Person")
    person.wait_for()
    wait_for_app(page)
    schedule = page.get_by_role("button", name="Schedule the meeting")
    settled_in_view(page, schedule)
    page.screenshot(path=shots / "01-opened.png")
    assert in_view(page, person)
    assert in_view(page, schedule)

    schedule.evaluate(AT_THE_FOOT)
    schedule.click()
    refused = page.get_by_text("Choose who you are meeting first, in the Person box.")
    refused.wait_for()
    wait_for_app(page)
    settled_in_view(page, refused)
    page.screenshot(path=shots / "02-refused.png")
    assert in_view(page, refused)


def test_the_debriefs_question_is_in_view(meetings_at_800, shots):
    page, server, meeting = meetings_at_800
    page.goto(f"{server.url}/meetings?meeting={meeting}")
    page.get_by_role("heading", name="Work on a meeting").wait_for()
    wait_for_app(page)
    debrief = page.get_by_test_id("stForm").filter(has_text="How did it go?")
    debrief.get_by_label(re.compile(r"^Who else should you talk to\?")).fill(
        "Elsa Fontaine; Iron Design\nAmara Marlow; Nimbus Consulting Ltd"
    )
    save = debrief.get_by_role("button", name="Save the debrief")
    save.evaluate(AT_THE_FOOT)
    save.click()
    ticks = page.get_by_test_id("stCheckbox")
    ticks.nth(1).wait_for()
    yes = page.get_by_role("button", name=re.compile(r"^Yes, "))
    wait_for_app(page)
    settled_in_view(page, yes)
    page.screenshot(path=shots / "03-asked.png")
    asked = page.get_by_text(re.compile(r"^Saving marks 2 people already in your contacts"))
    assert in_view(page, asked)
    for tick in ticks.all():
        assert in_view(page, tick), tick.inner_text()
    assert in_view(page, yes)


def test_due_now_reads_whole(meetings_at_800, shots):
    """Its button was cut to "Recor…" in a fifth of the box, its link to "(snooze or dismiss
    the"."""
    page, server, _ = meetings_at_800
    page.goto(f"{server.url}/meetings")
    page.get_by_role("heading", name="Work on a meeting").wait_for()
    wait_for_app(page)
    due = page.get_by_test_id("stVerticalBlock").filter(
        has=page.get_by_role("heading", name="Due now")
    )
    button = due.get_by_role("button", name="Record how it went")
    link = due.get_by_role("link", name=re.compile("Follow-ups"))
    button.scroll_into_view_if_needed()
    page.screenshot(path=shots / "04-due.png")
    cut = "e => [e, ...e.querySelectorAll('*')].some(p => p.scrollWidth > p.clientWidth + 1)"
    assert not button.evaluate(cut), button.inner_text()
    assert not link.evaluate(cut), link.inner_text()
