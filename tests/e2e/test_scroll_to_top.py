"""A view opened by an action starts at the top of the page (`ui.scroll_to_top`), at 1280x800.

The browser kept the main area's scroll position when the page's content changed: a person
just added opened 344 px down, "Added …" and their name out of sight; a follow-up just logged
reopened 170 px down, the title hidden (a walkthrough in Chromium). An ordinary rerun, a name
typed in a form, leaves the page where the user has it."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, demo, interactions, profile

from .conftest import WAIT_MS, go, start_server, stop_server, wait_for_app

NOTES = "\n\n".join(
    f"Met at the spring meetup, part {n}: we talked about her team." for n in range(12)
)


def main_scroll(page) -> float:
    return page.get_by_test_id("stMain").evaluate("e => e.scrollTop")


def wait_for_the_top(page) -> None:
    """Wait until the main area is scrolled to its top: infoint/scroll.js does it when Streamlit
    draws it, which can come after the run's end (its module loaded then, on its first use)."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop === 0"
    )


def in_view(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800


def test_a_person_added_opens_at_the_top_and_typing_does_not_move_the_page(
    tmp_path, browser, shots
):
    db_path = tmp_path / "scroll.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    conn.close()
    server = start_server(db_path)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{server.url}/contacts")
        wait_for_app(page)
        page.get_by_text("Add a person by hand").click()
        form = page.get_by_test_id("stExpander").filter(has_text="Add a person by hand")
        first = form.get_by_label("First name")
        first.fill("Zoë")
        first.press("Tab")  # an ordinary rerun, the page scrolled down to the form
        wait_for_app(page)
        before = main_scroll(page)
        assert before > 200
        last = form.get_by_label("Last name")
        last.fill("Okafor")
        last.press("Tab")
        wait_for_app(page)
        form.get_by_label("Where you met, what you talked about").fill(NOTES)
        form.get_by_role("textbox", name="Company").click()
        wait_for_app(page)
        assert main_scroll(page) >= before  # typing moved nothing up

        page.get_by_role("button", name="Add this person").click()
        added = page.get_by_text("Added Zoë Okafor.")
        added.wait_for()
        wait_for_app(page)
        title = page.get_by_role("heading", name="Zoë Okafor")
        expect(title).to_be_visible()
        wait_for_the_top(page)
        assert in_view(added) and in_view(title)
        page.screenshot(path=shots / "added.png")

        # A search typed, the page scrolled a little: it stays where the user has it.
        page.get_by_role("button", name="Back to the search").click()
        page.get_by_role("heading", name="Contacts").wait_for()
        wait_for_app(page)
        page.get_by_test_id("stMain").evaluate("e => e.scrollTo(0, 100)")
        assert main_scroll(page) == 100
        name = page.get_by_role("textbox", name="Name", exact=True)
        name.fill("a")
        name.press("Enter")
        wait_for_app(page)
        assert main_scroll(page) == 100
    finally:
        context.close()
        stop_server(server)


def test_a_follow_up_logged_shows_the_title_and_what_was_logged(tmp_path, browser):
    db_path = tmp_path / "followup.duckdb"
    conn = db.connect(db_path)
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Initech", position="Engineer")
    interactions.log_interaction(conn, bo, "outreach", occurred_at=date.today() - timedelta(20))
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="Product designer",
        focus_kind="occupation",
        focus="product work",
    )
    conn.close()
    server = start_server(db_path)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Follow-ups", "What is due now?")
        page.get_by_role("button", name="Write the follow-up").click()
        page.get_by_role("heading", name="Write to someone").wait_for()
        wait_for_app(page)
        send = page.get_by_role("button", name="Log as sent", disabled=False)
        send.scroll_into_view_if_needed()
        assert main_scroll(page) > 100
        send.click()
        logged = page.get_by_test_id("stAlert").filter(has_text="Follow-up to Bo Berg logged.")
        logged.wait_for()
        wait_for_app(page)
        title = page.get_by_role("heading", name="Write to someone")
        wait_for_the_top(page)
        assert in_view(logged) and in_view(title)
    finally:
        context.close()
        stop_server(server)
