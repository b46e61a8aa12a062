"""A snooze or dismissal far down a long Follow-ups list stays with its item and says so in view.

Seen in Chromium: at item 15, the snoozed item went, the next one (of the same kind) slid into
its place with the Snooze popover still open, and the confirmation was drawn at the top of the
page, far above the view; a second click snoozed that other item.
"""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, interactions

from .conftest import go, in_view, see, start_server, stop_server, wait_for_app

PEOPLE = 20


def title(number: int) -> str:
    return f"Follow up with Person{number:02d} (Firm {number})"


def seed_silence(db_path) -> None:
    """Twenty people at firms of their own, written to 20 days ago: twenty follow-ups of one
    kind, all due the same day, so listed by name."""
    conn = db.connect(db_path)
    for number in range(PEOPLE):
        person = contacts.add_contact(conn, f"Person{number:02d}", company=f"Firm {number}")
        interactions.log_interaction(
            conn, person, "outreach", occurred_at=date.today() - timedelta(days=20)
        )
    conn.close()


def titles(page) -> list[str]:
    """The items' titles, in the order shown."""
    return page.get_by_text(re.compile(r"^Follow up with Person")).all_inner_texts()


def test_a_snooze_at_item_15_stays_with_it_and_is_confirmed_in_view(tmp_path, page, shots):
    db_path = tmp_path / "follow-ups.duckdb"
    seed_silence(db_path)
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Follow-ups", "What is due now?")
        see(page, f"{PEOPLE} things to do")
        page.get_by_role("button", name="Show 10 more things to do", exact=True).click()
        snoozes = page.get_by_test_id("stPopover")
        expect(snoozes).to_have_count(PEOPLE)
        wait_for_app(page)
        assert titles(page) == [title(number) for number in range(PEOPLE)]

        snoozes.nth(14).scroll_into_view_if_needed()
        snoozes.nth(14).get_by_role("button").click()
        body = page.get_by_test_id("stPopoverBody")
        body.get_by_role("button", name="Snooze", exact=True).click()
        see(page, f"{PEOPLE - 1} things to do")
        page.screenshot(path=shots / "snoozed.png")
        # The item now in its place is the next one, with its own Snooze, closed.
        assert titles(page)[14] == title(15) and title(14) not in titles(page)
        expect(body).to_have_count(0)
        toast = page.get_by_test_id("stToast").filter(has_text="Snoozed until")
        expect(toast).to_contain_text(f"{title(14)}.")
        assert in_view(page, toast)

        # The same for a dismissal: confirmed in view, nothing carried over to the next item.
        page.get_by_role("button", name="Dismiss", exact=True).nth(14).click()
        expect(page.get_by_text("Dismiss this? It will not come back by itself")).to_have_count(1)
        wait_for_app(page)
        page.get_by_role("button", name="Yes, dismiss").click()
        see(page, f"{PEOPLE - 2} things to do")
        toast = page.get_by_test_id("stToast").filter(has_text="Dismissed:")
        expect(toast).to_contain_text(f"{title(15)}.")
        assert in_view(page, toast)
        assert titles(page)[14] == title(16) and title(15) not in titles(page)
        expect(page.get_by_text("Dismiss this? It will not come back by itself")).to_have_count(0)
        page.screenshot(path=shots / "dismissed.png")
    finally:
        stop_server(server)
