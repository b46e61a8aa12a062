"""Settings says what a restore or the demo did where the user clicked, at 1280×800.

Seen in Chromium: after "Back up now", "Restore this backup" and "Yes, restore it", 'Restored
the backup from …' was drawn at the very top of the page, out of view, while the old 'Backed
up: …' still stood by the buttons, so it read as if only a backup had happened.
"""

import re

from playwright.sync_api import expect

from infoint import contacts, db

from .conftest import in_view, start_server, stop_server, wait_for_app

BOTTOM = """() => { const main = document.querySelector('[data-testid="stMain"]');
                    main.scrollTop = main.scrollHeight; }"""


def click(page, name: str, *, from_the_foot: bool = False) -> None:
    button = page.get_by_role("button", name=name, exact=True)
    if from_the_foot:  # the page scrolled as far down as it goes, as a user reading on does
        page.evaluate(BOTTOM)
    button.scroll_into_view_if_needed()
    button.click()
    wait_for_app(page)


def test_a_restore_and_the_demo_are_confirmed_in_view(tmp_path, browser, shots):
    db_path = tmp_path / "settings.duckdb"
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Ada", "Lovelace", company="Acme")
    conn.close()
    server = start_server(db_path)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(20_000)
    backed_up = page.get_by_text(re.compile(r"^Backed up: a copy of all your data"))
    try:
        page.goto(f"{server.url}/settings")
        page.get_by_role("heading", name="Settings", exact=True).wait_for()
        wait_for_app(page)

        click(page, "Back up now")
        backed_up.wait_for()
        assert in_view(page, backed_up)
        page.screenshot(path=shots / "01-backed-up.png")

        click(page, "Restore this backup")
        # a later action: the backup's sentence gives way
        expect(backed_up).to_have_count(0)
        question = page.get_by_text(re.compile(r"^Your data goes back to how it was on "))
        question.wait_for()
        assert question.inner_text().endswith(
            "Nothing has been saved since that backup was taken, so nothing is lost."
        )
        click(page, "Yes, restore it", from_the_foot=True)
        restored = page.get_by_text(re.compile(r"^Restored the backup from "))
        restored.wait_for()
        assert in_view(page, restored)
        assert backed_up.count() == 0
        page.screenshot(path=shots / "02-restored.png")

        click(page, "Load demo data")
        click(page, "Yes, load demo data", from_the_foot=True)  # beside Ada: asked first
        loaded = page.get_by_text(re.compile(r"^Loaded the demo"))
        loaded.wait_for()
        assert in_view(page, loaded)
        expect(restored).to_have_count(0)
        page.screenshot(path=shots / "03-demo-loaded.png")
    finally:
        context.close()
        stop_server(server)
