"""Pick a contact, compose from a template, see the checklist, log as sent: Contacted rises."""

import re

from playwright.sync_api import expect

from infoint import contacts, db, profile

from .conftest import choose, start_server, stop_server, type_into, wait_for_app


def test_compose_check_and_log_raises_contacted(tmp_path, page, shots):
    db_path = tmp_path / "journey.duckdb"
    conn = db.connect(db_path)
    maria = contacts.add_contact(conn, "Maria", "Lopez", company="Globex")
    contacts.add_contact(
        conn,
        "Ana",
        "Silva",
        company="Acme Health",
        position="Product lead",
        degree="2nd",
        mutual_contact_id=maria,
    )
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="a data analyst at a logistics firm",
        focus_kind="occupation",
        focus="product management in health tech",
    )
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_text("You have not contacted anyone yet.").wait_for()

        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        type_into(page, "Find a person", "acme")
        choose(page, "Person", "Ana Silva — Product lead at Acme Health")
        # Maria is a mutual contact, not the introducer: her template is the one suggested,
        # as it says only that you both know her (0019)
        expect(page.get_by_label("Message", exact=True).first).to_have_value(
            re.compile("I saw that we both know Maria,")
        )
        expect(page.get_by_role("combobox", name="Template")).to_have_value(
            "Through a mutual connection"
        )

        page.get_by_text("Checklist: 7 of 7 points covered").wait_for()
        page.get_by_text("How you found them").wait_for()
        page.screenshot(path=shots / "composer.png", full_page=True)
        page.get_by_role("button", name="Log as sent").click()
        wait_for_app(page)
        page.get_by_text("Ana Silva now counts as Contacted").wait_for()

        page.goto(server.url)
        wait_for_app(page)
        page.get_by_text("You contacted 1 person.").wait_for()
        page.screenshot(path=shots / "home-after.png", full_page=True)
    finally:
        stop_server(server)
