"""A search on Outreach that finds nobody says so, and the person chosen keeps their draft."""

import re

from playwright.sync_api import expect

from infoint import contacts, db, targets

from .conftest import choose, see, start_server, stop_server, type_into, wait_for_app

ANA = "Ana Silva — Product lead at Acme Health"


def test_a_search_finding_nobody_keeps_the_chosen_person_and_draft(tmp_path, page, shots):
    db_path = tmp_path / "outreach.duckdb"
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Maria", "Lopez", company="Globex")
    contacts.add_contact(conn, "Ana", "Silva", company="Acme Health", position="Product lead")
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        type_into(page, "Find a person", "ana silva")  # the one person it can be
        person_box = page.get_by_role("combobox", name="Person")
        expect(person_box).to_have_value(ANA)
        draft = page.get_by_role("textbox", name="Message")
        draft.fill("Hi Ana, my own words.")
        draft.blur()
        wait_for_app(page)

        type_into(page, "Find a person", "zzzqx")
        see(page, "No one matches “zzzqx”: try part of a first or last name, a company or a role.")
        see(page, "Ana Silva stays chosen, with your draft below.")
        expect(person_box).to_have_value(ANA)
        expect(draft).to_have_value("Hi Ana, my own words.")

        type_into(page, "Find a person", "maria")
        see(page, "Ana Silva, not one of them, stays chosen at the end of the list")
        expect(person_box).to_have_value(ANA)
        expect(draft).to_have_value("Hi Ana, my own words.")
        page.screenshot(path=shots / "kept-last.png", full_page=True)
    finally:
        stop_server(server)


def test_the_person_box_sends_the_search_to_find_a_person(tmp_path, page, shots):
    """Typing "Edda Abara" into the Person box gave "No results" (it searched only the people it
    held): it takes no typing now and says where to search; the search puts the Edda at a
    target first, and with no address on file the message is logged as sent on LinkedIn."""
    db_path = tmp_path / "outreach.duckdb"
    conn = db.connect(db_path)
    targets.add_company(conn, "Indigo Robotics", motivation=2)
    contacts.add_contact(conn, "Edda", "Abara", company="Harbor Motors")
    contacts.add_contact(conn, "Edda", "Abara", company="Indigo Robotics")
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        person_box = page.get_by_role("combobox", name="Person")
        expect(person_box).to_have_attribute("placeholder", re.compile("Find a person"))
        person_box.click()  # typing into it filters nothing: the list stays as it was
        page.keyboard.type("zz")
        expect(person_box).to_have_value("")
        expect(page.get_by_role("option", name="Edda Abara — Indigo Robotics")).to_be_visible()
        page.keyboard.press("Escape")

        type_into(page, "Find a person", "Edda Abara")
        see(page, "2 people match, closest first, then those at your targets")
        choose(page, "Person", "Edda Abara — Indigo Robotics")
        expect(page.get_by_role("combobox", name="Sent by")).to_have_value("LinkedIn")
        page.screenshot(path=shots / "edda-at-a-target.png", full_page=True)
    finally:
        stop_server(server)
