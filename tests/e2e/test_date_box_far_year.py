"""A far year typed into a date box leaves the page working, in a real browser.

Seen in Chromium: 9999 typed into Meetings' "Date" (9990 and on too) froze the tab for good,
no keypress acknowledged after the fourth digit. The box took days up to 31 Dec 9999, and
its calendar's list of years never ended once it reached 9999. The boxes now end on
31 Dec 9998 (ui.day_input): 9999 reddens the box, which names its last day, and any year
up to 9998 reaches the domain, which refuses one it cannot keep in one sentence.

Each step has its own time limit, so on a frozen tab this fails instead of waiting forever.
"""

from datetime import date

from playwright.sync_api import expect

from infoint import contacts, db, interactions

from .conftest import choose, click, go, see, start_server, stop_server, wait_for_app

TYPING_LIMIT_MS = 15_000


def seed_a_reply(db_path) -> None:
    conn = db.connect(db_path)
    nadia = contacts.add_contact(conn, "Nadia", "Okafor", company="Beta Labs")
    interactions.log_interaction(conn, nadia, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, nadia, "reply", occurred_at=date(2026, 3, 3))
    conn.close()


def test_the_year_9999_typed_leaves_the_page_working_and_a_far_year_is_refused_in_words(
    tmp_path, page, shots
):
    db_path = tmp_path / "far-year.duckdb"
    seed_a_reply(db_path)
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Meetings", "Meetings")
        choose(page, "Person", "Nadia Okafor — Beta Labs")
        schedule = page.get_by_test_id("stForm").filter(has_text="Schedule the meeting")
        box = schedule.get_by_test_id("stDateInput")
        year = box.locator('[data-type="year"]')
        year.press_sequentially("9999", timeout=TYPING_LIMIT_MS)  # froze the tab here
        page.screenshot(path=shots / "typed-9999.png", timeout=TYPING_LIMIT_MS)
        # The box says why it cannot take that year (shown on its red mark), and the
        # next key is acknowledged: one year down.
        expect(box.get_by_role("alert")).to_contain_text("on or before 31/12/9998")
        year.press("ArrowDown", timeout=TYPING_LIMIT_MS)
        expect(year).to_have_attribute("aria-valuenow", "9998")
        expect(box.get_by_role("alert")).to_have_count(0)
        page.keyboard.press("Escape")  # the calendar typing opened
        wait_for_app(page)
        click(page, "Schedule the meeting")
        see(page, "The year 9998 is out of reach: pick a date from 1900 to 2200.")
        page.screenshot(path=shots / "refused.png", full_page=True)
        expect(page.get_by_text("Scheduled with", exact=False)).to_have_count(0)
    finally:
        stop_server(server)
