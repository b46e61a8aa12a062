"""A person opened from the search stays open only until the user leaves or searches: after
the sidebar's Contacts, a name typed in the search shows that search's results, never the
person opened before (seen: the old record came back, and an outreach was logged on it)."""

from playwright.sync_api import expect

from infoint import db, demo

from .conftest import open_options, see, start_server, stop_server, type_into, wait_for_app


def test_a_new_search_after_the_sidebar_shows_its_results_not_the_last_person(
    page, tmp_path, shots
):
    db_path = tmp_path / "new-search.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/contacts")
        page.get_by_role("heading", name="Contacts", exact=True).wait_for()
        wait_for_app(page)
        open_options(page, "stSelectbox", "Or open someone on this page")
        first = page.get_by_role("option").first
        name = first.inner_text().split(" — ")[0].strip()
        assert "Teo" not in name
        first.click()
        see(page, "Back to the search")
        page.get_by_role("heading", name=name, exact=True).wait_for()
        page.screenshot(path=shots / "01-dax-open.png")

        page.get_by_test_id("stSidebar").get_by_role("link", name="Contacts").click()
        page.get_by_role("heading", name="Contacts", exact=True).wait_for()
        wait_for_app(page)
        page.screenshot(path=shots / "02-back-in-the-search.png")

        type_into(page, "Name", "Teo")
        wait_for_app(page)
        page.screenshot(path=shots / "03-searched-teo.png")
        expect(page.get_by_role("heading", name="Contacts", exact=True)).to_be_visible()
        expect(page.get_by_role("heading", name=name, exact=True)).to_have_count(0)
        expect(page.get_by_role("button", name="Back to the search")).to_have_count(0)
        assert "contact=" not in page.url

        # and someone opened from these results is the one opened
        open_options(page, "stSelectbox", "Or open someone on this page")
        found = page.get_by_role("option").first
        teo = found.inner_text().split(" — ")[0].strip()
        assert teo.startswith("Teo ")
        found.click()
        see(page, "Back to the search")
        page.get_by_role("heading", name=teo, exact=True).wait_for()
        assert "contact=" in page.url
    finally:
        stop_server(server)
