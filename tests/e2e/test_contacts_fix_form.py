"""Fixing a note asks no "How": a note is no message. Made a message in the Fix form, "How"
shows at once (its kind is picked outside the form) and the correction says how it went."""

import re
from datetime import date

from playwright.sync_api import expect

from infoint import contacts, db, interactions

from .conftest import see, start_server, stop_server, wait_for_app, widget

NOTE = "Ask about the Lyon team"


def fix_form_kind(page, option: str) -> None:
    """The Fix form's "What happened": the second of that label, below the log form's."""
    field = widget(page, "stSelectbox", "What happened").nth(1).get_by_role("combobox")
    field.scroll_into_view_if_needed()
    field.click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


def how_boxes(page):
    """Every "How" box on the page: the log form's, and the Fix form's when it asks one."""
    return widget(page, "stSelectbox", "How")


def test_a_note_is_fixed_without_how_and_a_message_made_of_it_says_how(page, tmp_path, shots):
    db_path = tmp_path / "fix-form.duckdb"
    conn = db.connect(db_path)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")  # no email address on file
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 3), subject=NOTE)
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/contacts?contact={ann}")
        page.get_by_role("heading", name="Ann Lee", exact=True).wait_for()
        wait_for_app(page)
        page.get_by_role("tab", name="Log an interaction", exact=True).click()
        see(page, "Fix something logged by mistake")
        # the log form's, for an outreach; waited for, as it may be drawn after the last line
        expect(how_boxes(page)).to_have_count(1)

        box = widget(page, "stSelectbox", "Interaction").get_by_role("combobox")
        box.scroll_into_view_if_needed()
        box.click()
        page.get_by_role("option", name=f"3 Mar 2026 · Note {NOTE}", exact=True).click()
        see(page, "Save the correction")
        wait_for_app(page)
        page.screenshot(path=shots / "01-a-note-in-the-fix-form.png")
        expect(how_boxes(page)).to_have_count(1)  # none in the Fix form

        fix_form_kind(page, "Follow-up")
        page.get_by_role("button", name="Save the correction").wait_for()
        expect(how_boxes(page)).to_have_count(2)
        page.screenshot(path=shots / "02-made-a-follow-up.png")
        page.get_by_role("button", name="Save the correction", exact=True).click()
        see(page, re.compile(r"^Corrected: it now reads 3 Mar 2026\."))

        page.get_by_role("tab", name="Timeline", exact=True).click()
        # "How" started where the log form's does: as the user last wrote to Ann (by email).
        see(page, f"You followed up by email: {NOTE}")
    finally:
        stop_server(server)
