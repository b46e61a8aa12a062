"""Outreach's draft to copy (`ui.copy_box`): the message is shown as typed, never as HTML or
markdown, and its "Copy message" button puts exactly "Subject: …" and the message on the
clipboard, in a window 800 px wide.

It was an `st.code` box, copied with its icon: that box made the browser fetch and run
Streamlit's 1.5 MB syntax highlighter before it showed (`ui.copy_box`)."""

from __future__ import annotations

from contextlib import contextmanager

from playwright.sync_api import expect

from infoint import contacts, db, outreach, profile

from .conftest import WAIT_MS, start_server, stop_server, wait_for_app

SUBJECT = "A <b>bold</b> *question*"
LONG_ADDRESS = "https://example.org/" + "a-very-long-path-" * 8
BODY = (
    "Hi Ana,\n\n"
    "A line with <b>bold</b> and *stars* and _lines_ <script>window.ran = 1</script>.\n"
    "  Two spaces kept, and # not a heading\n"
    f"{LONG_ADDRESS}\n\n"
    "Sam"
)
SENT = f"Subject: {SUBJECT}\n\n{BODY}"


@contextmanager
def outreach_on_a_draft(tmp_path, browser, message: tuple[str, str], width: int):
    """Outreach open on a draft to Ana that has nothing left to fill (saved on a blank page,
    as Outreach keeps one), in a browser that may read and write the clipboard."""
    db_path = tmp_path / "copy.duckdb"
    conn = db.connect(db_path)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme Health")
    profile.save_profile(
        conn, name="Sam Lee", job_title="", focus_kind="occupation", focus="product work"
    )
    outreach.save_draft(conn, ana, None, "outreach", message, ("", ""))
    conn.close()
    server = start_server(db_path)
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width == 800 else 800},
        permissions=["clipboard-read", "clipboard-write"],
    )
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        yield page
    finally:
        context.close()
        stop_server(server)


def test_the_copy_button_copies_the_message_exactly_and_shows_it_as_typed(tmp_path, browser):
    with outreach_on_a_draft(tmp_path, browser, (SUBJECT, BODY), 800) as page:
        copy = page.get_by_role("button", name="Copy message", exact=True)
        copy.wait_for()
        page.get_by_text("Copy it with “Copy message” under the box;").wait_for()

        # Shown as typed: the marks as text, no bold, no script run, lines and spaces kept.
        shown = page.get_by_text("Subject: A <b>bold</b> *question*")
        expect(shown).to_be_visible()
        assert shown.inner_text() == SENT
        assert shown.locator("b, strong, em, script, a, h1").count() == 0
        assert page.evaluate("() => window.ran") is None

        # It fits: the long address breaks inside the box, nothing is wider than the page.
        box = shown.bounding_box()
        button = copy.bounding_box()
        assert box["x"] + box["width"] <= 800 and button["x"] + button["width"] <= 800
        assert shown.evaluate("e => e.scrollWidth <= e.clientWidth")
        main = page.get_by_test_id("stMain")
        assert main.evaluate("e => e.scrollWidth <= e.clientWidth")

        copy.click()
        expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
        assert page.evaluate("() => navigator.clipboard.readText()") == SENT
        expect(page.get_by_role("status").filter(has_text="Copied")).to_have_count(0)


def test_a_copy_clicked_straight_after_typing_copies_what_was_typed(tmp_path, browser):
    """The click on "Copy message" is what ends the typing in the Message box: the box then
    shows the new message on the run that follows, and the clipboard must hold it too, not
    the message as it was before the click (a walkthrough pasted the old one, with "Copied"
    beside the new)."""
    with outreach_on_a_draft(tmp_path, browser, ("Hello", "First text."), 1280) as page:
        copy = page.get_by_role("button", name="Copy message", exact=True)
        copy.wait_for()
        message = page.get_by_role("textbox", name="Message", exact=True).and_(
            page.get_by_text("First text.")
        )
        message.click()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type("Second text, typed and then copied at once.")
        copy.scroll_into_view_if_needed()  # scrolling does not end the typing; a click does
        button = copy.bounding_box()
        # as a hand does it: straight onto the button, which ends the typing
        page.mouse.click(button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)
        expect(page.get_by_text("Subject: Hello")).to_have_text(
            "Subject: Hello\n\nSecond text, typed and then copied at once."
        )
        expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
        page.wait_for_function(
            "async () => (await navigator.clipboard.readText()).endsWith('copied at once.')"
        )
