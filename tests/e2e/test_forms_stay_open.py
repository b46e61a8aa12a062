"""A form in a box the user opened stays open, with what they typed in it, while other widgets
on the page run it again. Seen in Chromium: on Contacts, names typed in "Add a person by hand"
and then a company typed in the search above it ('No one matches all of these.'): the box
folded shut, hiding the names, as the browser took it for a new one when the elements above it
changed (`ui.expander` keeps it by its key)."""

from playwright.sync_api import expect

from infoint import db, demo

from .conftest import see, start_server, stop_server, wait_for_app

# Whether "Add a person by hand" is open.
ADD_FORM_OPEN = """() => [...document.querySelectorAll('[data-testid="stExpander"] details')]
  .find(d => d.innerText.includes('Add a person by hand')).open"""


def search_company(page, typed: str) -> None:
    box = page.locator(".st-key-search_company input")  # the add form has a Company box too
    box.fill(typed)
    box.press("Enter")


def test_the_add_form_stays_open_while_the_search_above_it_changes(page, tmp_path, shots):
    db_path = tmp_path / "forms-open.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{server.url}/contacts")
        page.get_by_role("heading", name="Contacts", exact=True).wait_for()
        wait_for_app(page)
        assert page.evaluate(ADD_FORM_OPEN) is False  # shut until the user opens it
        page.get_by_text("Add a person by hand", exact=True).click()
        first, last = page.get_by_label("First name"), page.get_by_label("Last name")
        first.fill("Nora")
        last.fill("Quist")
        last.press("Tab")
        wait_for_app(page)

        search_company(page, "no such company anywhere")
        see(page, "No one matches all of these.")
        page.screenshot(path=shots / "01-no-one-matches.png")
        assert page.evaluate(ADD_FORM_OPEN) is True
        expect(first).to_be_visible()
        expect(first).to_have_value("Nora")
        expect(last).to_have_value("Quist")

        search_company(page, "")  # the table and its pager come back above the form
        page.get_by_text("No one matches all of these.").wait_for(state="detached")
        wait_for_app(page)
        assert page.evaluate(ADD_FORM_OPEN) is True
        expect(last).to_be_visible()
        expect(last).to_have_value("Quist")

        page.get_by_text("Add a person by hand", exact=True).click()  # shut by the user
        wait_for_app(page)
        search_company(page, "no such company anywhere")
        see(page, "No one matches all of these.")
        assert page.evaluate(ADD_FORM_OPEN) is False  # and left shut

        page.get_by_text("Add a person by hand", exact=True).click()
        wait_for_app(page)
        page.get_by_role("button", name="Add this person").click()
        page.get_by_role("heading", name="Nora Quist", exact=True).wait_for()
        page.screenshot(path=shots / "02-added.png")
    finally:
        stop_server(server)
