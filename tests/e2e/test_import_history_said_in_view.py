"""Import & export says what "Add these … events to your history" added in view, at 1280×900.

A tester uploaded a messages.csv under "Bring in what you already sent on LinkedIn" and
clicked "Add these 3 events to your history": the section came back as an empty upload box,
and "Added 2 outreach events with 2 of your contacts since …" was drawn under the page title,
some 930 px above what was in view. It read as if nothing had happened.
"""

import re
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from infoint import contacts, db
from tests.test_history import ANA, CY, ME, MESSAGE_HEADER, csv_text, message

from .conftest import WAIT_MS, in_view, start_server, stop_server, wait_for_app


def test_the_history_added_is_confirmed_in_view(tmp_path, browser, shots):
    db_path = tmp_path / "history.duckdb"
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA)
    contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY)
    conn.close()
    # Two approaches within the default 90 days back.
    day = (datetime.now(UTC) - timedelta(days=10)).strftime("%Y-%m-%d 09:00:00 UTC")
    messages = tmp_path / "messages.csv"
    messages.write_text(
        csv_text(
            MESSAGE_HEADER,
            [
                message("c1", ME, ANA, day, "Hello Ana, Maria suggested I write"),
                message("c2", ME, CY, day, "Hi Cy, we both studied at Leeds"),
            ],
        )
    )
    server = start_server(db_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    try:
        page.goto(f"{server.url}/import_export")
        page.get_by_role("heading", name="Import & export", exact=True).wait_for()
        wait_for_app(page)
        box = page.get_by_label(
            "Your LinkedIn archive (.zip), or its messages.csv or Invitations.csv"
        )
        box.locator("input[type=file]").set_input_files(messages)
        add = page.get_by_role("button", name="Add these 2 events to your history", exact=True)
        add.wait_for()
        wait_for_app(page)
        add.scroll_into_view_if_needed()  # as a user who read the preview above it
        add.click()
        added = page.get_by_text(re.compile(r"^Added 2 outreach events with 2 of your contacts"))
        added.wait_for()
        wait_for_app(page)
        expect(add).to_have_count(0)  # the section started afresh
        assert in_view(page, added), added.bounding_box()
        page.screenshot(path=shots / "01-history-added.png")
    finally:
        context.close()
        stop_server(server)
