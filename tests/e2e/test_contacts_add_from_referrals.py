"""Referrals' "Add the people introduced" opens Contacts' "Add a person by hand" at the top of
the page, open; after adding someone, "Back to the search" returns to it for the next one. The
sidebar's Contacts then shows the search first and the form closed below it, and keeps it so
when a name is typed in the search (the browser's address kept "?add=" and sent it again)."""

from datetime import date

from playwright.sync_api import expect

from infoint import contacts, db, interactions

from .conftest import start_server, stop_server, wait_for_app

# Whether "Add a person by hand" is open, and whether it stands above the search's Name box.
ADD_FORM = """() => {
  const form = [...document.querySelectorAll('[data-testid="stExpander"] details')]
    .find(d => d.innerText.includes('Add a person by hand'));
  const search = document.querySelector('.st-key-search_name');
  return [form.open, !!(form.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING)];
}"""
# Whether the form is drawn, shut (between two runs it may not be drawn at all).
SHUT = """() => [...document.querySelectorAll('[data-testid="stExpander"] details')]
  .some(d => d.innerText.includes('Add a person by hand') && !d.open)"""


def test_the_link_lands_on_the_add_form_and_the_sidebar_on_the_search(page, tmp_path, shots):
    db_path = tmp_path / "add.duckdb"
    conn = db.connect(db_path)
    eva = contacts.add_contact(conn, "Eva", "Holm", company="Acme")
    interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 800, "height": 900})
        page.goto(f"{server.url}/referrals")
        wait_for_app(page)
        page.get_by_role("link", name="Add the people introduced").click()
        page.get_by_role("heading", name="Contacts", exact=True).wait_for()
        wait_for_app(page)
        assert page.evaluate(ADD_FORM) == [True, True]
        expect(page.get_by_label("First name")).to_be_in_viewport()  # not below the window
        page.screenshot(path=shots / "01-the-add-form-open.png")

        page.get_by_label("First name").fill("Lu")
        page.get_by_label("Last name").fill("Park")
        page.get_by_label("Last name").press("Tab")
        wait_for_app(page)
        assert page.evaluate(ADD_FORM) == [True, True]
        page.get_by_role("button", name="Add this person").click()
        page.get_by_role("heading", name="Lu Park", exact=True).wait_for()
        wait_for_app(page)
        page.get_by_role("button", name="Back to the search").click()
        page.get_by_role("heading", name="Contacts", exact=True).wait_for()
        wait_for_app(page)
        assert page.evaluate(ADD_FORM) == [True, True]

        page.get_by_test_id("stSidebar").get_by_role("link", name="Contacts").click()
        # Right after the click the page may not have begun its new run: wait for the form
        # to shut (it stays open if the address still asks for it), then for the run's end.
        page.wait_for_function(SHUT)
        wait_for_app(page)
        assert page.evaluate(ADD_FORM) == [False, False]
        name = page.get_by_label("Name", exact=True)
        name.fill("Lu")
        name.press("Enter")
        # the search's run: its results hold Lu alone
        page.get_by_role("gridcell", name="Eva Holm").wait_for(state="detached")
        wait_for_app(page)
        assert page.evaluate(ADD_FORM) == [False, False]
        page.screenshot(path=shots / "02-the-search-first.png")
    finally:
        stop_server(server)
