"""A snoozed item can be found and brought back: the new-user walkthrough, in Chromium.

Seen by a new user: Snooze on "Send a thank-you to Katherine Johnson (NASA)" showed a brief
pop-up, then the page said "Nothing is due today", and the item was nowhere to be found.
"""

from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, interactions, meetings

from .conftest import go, see, start_server, stop_server, wait_for_app

TITLE = "Send a thank-you to Katherine Johnson (NASA)"


def seed(db_path) -> None:
    """A thank-you due after Katherine's meeting two days ago; Ana written to today."""
    conn = db.connect(db_path)
    kate = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    meeting = meetings.schedule_meeting(conn, kate, start)
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    interactions.log_interaction(conn, ana, "outreach")
    conn.close()


def test_a_snoozed_thank_you_is_listed_and_shown_again(tmp_path, page, shots):
    db_path = tmp_path / "follow-ups.duckdb"
    seed(db_path)
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Follow-ups", "What is due now?")
        see(page, TITLE)
        page.get_by_test_id("stPopover").get_by_role("button").click()
        page.get_by_test_id("stPopoverBody").get_by_role(
            "button", name="Snooze", exact=True
        ).click()
        see(page, "Nothing is due today")
        line = page.get_by_text("Show what you snoozed (1)", exact=True)
        line.scroll_into_view_if_needed()
        expect(line).to_be_visible()
        expect(page.get_by_role("button", name="Show it again")).to_have_count(0)
        page.screenshot(path=shots / "snoozed.png", full_page=True)

        line.click()
        back = page.get_by_role("button", name="Show it again")
        expect(back).to_have_count(1)
        expect(page.get_by_text(f"{TITLE} · snoozed until")).to_be_visible()
        wait_for_app(page)
        page.screenshot(path=shots / "listed.png", full_page=True)

        back.click()
        see(page, "1 thing to do")
        expect(page.get_by_text(TITLE, exact=True)).to_be_visible()
        expect(page.get_by_test_id("stToast").filter(has_text="Back on the list")).to_contain_text(
            f"{TITLE}."
        )
        expect(page.get_by_text("Show what you snoozed")).to_have_count(0)
        page.screenshot(path=shots / "back.png", full_page=True)
    finally:
        stop_server(server)
