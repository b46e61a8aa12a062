"""After a Reply logged on Contacts, the next step it offers follows the meeting's state.

Ann's meeting was two days ago and how it went was never recorded: "Next: arrange the
meeting" was offered as if there were none. Now the Reply leads to recording how it went
(Meetings, her meeting, Debrief); once it is saved as held, the next Reply leads to the
thank-you (Thank you tab), and once that is logged, to arranging another meeting.
"""

import re
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, interactions, meetings, text

from .conftest import choose, click, see, start_server, stop_server, wait_for_app

ARRANGE = "Next: arrange the meeting, on the Meetings tab"


def log_reply(page, server, ann: int, *, written_first: bool = False) -> None:
    """Log her Reply on Contacts (after a message of the user's, if `written_first`: a reply
    answers a message, and the last one was answered)."""
    page.goto(f"{server.url}/contacts?contact={ann}")
    page.get_by_role("heading", name="Ann Lee", exact=True).wait_for()
    wait_for_app(page)
    page.get_by_role("tab", name="Log an interaction", exact=True).click()
    wait_for_app(page)
    if written_first:
        choose(page, "What happened", "Outreach")
        click(page, "Log it")
        see(page, re.compile(r"^Logged: Outreach with Ann Lee on "))
    choose(page, "What happened", "Reply")
    # Her words, a subject of their own: the same entry again on a day is logged once, and the
    # form as drawn, sent within seconds of a log, is taken for a double click.
    subject = page.get_by_label("Subject (optional)", exact=True)
    subject.fill(f"Re: coffee ({'again' if written_first else 'first'})")
    expect(subject).not_to_have_value("")
    click(page, "Log it")
    see(page, re.compile(r"^Logged: Reply with Ann Lee on "))


def test_a_reply_leads_to_what_the_meeting_needs_next(page, tmp_path, shots):
    db_path = tmp_path / "reply-next.duckdb"
    start = (datetime.now(UTC) - timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    conn = db.connect(db_path)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    first = start.date() - timedelta(days=7)
    interactions.log_interaction(conn, ann, "outreach", occurred_at=first)
    meeting = meetings.schedule_meeting(conn, ann, start)
    local = start.astimezone(meetings.time_zone(conn))
    shown = text.moment(local)
    conn.close()
    server = start_server(db_path)
    try:
        # The meeting's time has passed, its outcome not logged: record how it went.
        log_reply(page, server, ann)
        said = f"Your meeting with Ann was on {shown}; how it went is not logged yet."
        see(page, said)
        page.get_by_text(said).scroll_into_view_if_needed()
        expect(page.get_by_role("button", name=ARRANGE)).to_have_count(0)
        page.screenshot(path=shots / "01-reply-with-a-meeting-past.png")
        page.get_by_role("link", name="Next: record how it went, on the Meetings page").click()
        page.get_by_role("heading", name="Work on a meeting").wait_for()
        wait_for_app(page)
        expect(page.get_by_role("tab", name="Debrief")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_role("combobox", name="Meeting")).to_have_value(
            re.compile(rf"^Ann Lee — {re.escape(shown)} · .* · Acme$")
        )
        page.screenshot(path=shots / "02-its-debrief.png")
        click(page, "Save the debrief")  # "We met" is the first outcome
        see(page, re.compile(r"^Debrief saved\."))

        # Held, no thank-you logged yet: the next Reply leads to the thank-you.
        log_reply(page, server, ann, written_first=True)
        said = f"You met Ann on {text.day(local)}; your thank-you is not logged yet."
        see(page, said)
        page.get_by_text(said).scroll_into_view_if_needed()
        page.screenshot(path=shots / "03-reply-after-the-meeting.png")
        page.get_by_role("link", name="Next: your thank-you, on the Meetings page").click()
        page.get_by_role("heading", name="Work on a meeting").wait_for()
        wait_for_app(page)
        expect(page.get_by_role("tab", name="Thank you")).to_have_attribute("aria-selected", "true")
        expect(page.get_by_role("textbox", name="Subject")).to_have_value("Thank you, Ann")
        page.screenshot(path=shots / "04-its-thank-you.png")
    finally:
        stop_server(server)
    conn = db.connect(db_path)
    try:
        assert meetings.get_meeting(conn, meeting).status == "held"
    finally:
        conn.close()
