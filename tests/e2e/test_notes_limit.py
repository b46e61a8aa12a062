"""Notes boxes in Chromium: a new note stops at the limit, and old notes already longer (here
15,000 emoji, which the browser counts as 30,000) can still be shortened and saved."""

from playwright.sync_api import expect

from infoint import contacts, db

from .conftest import see, start_server, stop_server, wait_for_app, widget

SMILE = "\N{GRINNING FACE}"


def length(box) -> int:
    """The box's text length as the browser counts it (short to print when it differs)."""
    return box.evaluate("e => e.value.length")


def test_old_long_notes_can_be_shortened_and_new_ones_stop_at_the_limit(page, tmp_path, shots):
    db_path = tmp_path / "notes-limit.duckdb"
    conn = db.connect(db_path)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.execute("UPDATE contacts SET notes = ? WHERE id = ?", [SMILE * 15_000, ann])
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/contacts?contact={ann}")
        page.get_by_role("heading", name="Ann Lee", exact=True).wait_for()
        wait_for_app(page)
        page.get_by_role("tab", name="Edit details", exact=True).click()
        notes = widget(page, "stTextArea", "Notes").locator("textarea")
        notes.scroll_into_view_if_needed()
        notes.click()
        page.keyboard.press("Control+End")
        page.keyboard.type("x")  # longer than the notes were: the box takes no more
        assert length(notes) == 30_000
        page.keyboard.press("Backspace")  # shorter: taken (one emoji is two to the browser)
        assert length(notes) == 29_998
        page.screenshot(path=shots / "01-old-notes-shortened.png")
        page.get_by_role("button", name="Save details", exact=True).click()
        see(page, "Saved.")

        page.goto(f"{server.url}/contacts")
        wait_for_app(page)
        page.get_by_text("Add a person by hand").first.click()
        box = widget(page, "stTextArea", "Where you met, what you talked about")
        box = box.locator("textarea")
        box.scroll_into_view_if_needed()
        box.fill("n" * contacts.NOTES_LIMIT)
        expect(box).to_have_value("n" * contacts.NOTES_LIMIT)
        box.press("End")
        page.keyboard.type("o")
        assert length(box) == contacts.NOTES_LIMIT
        page.screenshot(path=shots / "02-a-new-note-at-the-limit.png")
    finally:
        stop_server(server)
    conn = db.connect(db_path)  # only once the server is gone: one process holds the file
    try:
        assert contacts.get_contact(conn, ann).notes == SMILE * 14_999
    finally:
        conn.close()
