"""Add a company on Targets: the boxes empty after an addition, and keep what was typed after a
refusal.

Seen in Chromium: after "Acme Solar is on your list." the boxes still held "Acme Solar" and
"energy", and a second click said it was already on the list. AppTest cannot show it: it sends
back what the script last drew, where a browser sends back what its boxes hold.
"""

from playwright.sync_api import expect

from infoint import db, targets

from .conftest import click, see, start_server, stop_server, wait_for_app


def test_the_boxes_empty_after_an_addition_and_keep_a_refused_one(tmp_path, page, shots):
    db_path = tmp_path / "targets.duckdb"
    conn = db.connect(db_path)
    targets.add_company(conn, "Volt", industry="Energy")
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/targets")
        wait_for_app(page)
        form = page.get_by_test_id("stForm").filter(has_text="Add a company")
        name = form.get_by_label("Company name", exact=True)
        industry = form.get_by_label("Industry", exact=True)
        name.fill("Acme Solar")
        industry.fill("energy")
        click(page, "Add company")
        see(page, "Acme Solar is on your list.")
        page.screenshot(path=shots / "added.png")
        expect(name).to_have_value("")
        expect(industry).to_have_value("")

        name.fill("Volt")
        click(page, "Add company")
        see(page, "already on your list")
        expect(name).to_have_value("Volt")  # to correct, not retype
    finally:
        stop_server(server)
