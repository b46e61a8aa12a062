"""Outreach's unsent draft survives a reload (F5), a new tab and a restart of the app.

A new user's walkthrough typed a message, pressed F5 and found the template back, with
`{their_work}` in it and "Log as sent" disabled: the draft lived only in the session, which a
reload ends. It is now saved in the database as it is written."""

from playwright.sync_api import expect

from infoint import contacts, db

from .conftest import choose, start_server, stop_server, type_into, wait_for_app

SUBJECT = "Your talk on type, and a question"
MINE = "Hi Bo, your talk on type stayed with me. Could we have a 20-minute call? Sam"


def boxes(page):
    return (
        page.get_by_label("Subject", exact=True).first,
        page.get_by_label("Message", exact=True).first,
    )


def test_words_typed_come_back_after_a_reload_a_new_tab_and_a_restart(tmp_path, page, shots):
    db_path = tmp_path / "draft.duckdb"
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Bo", "Berg", company="Initech", position="Engineer")
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        type_into(page, "Find a person", "berg")
        choose(page, "Template", "Cold, after reading their profile or work")
        subject, body = boxes(page)
        expect(body).to_contain_text("{their_work}")
        subject.fill(SUBJECT)
        subject.press("Enter")
        wait_for_app(page)
        body.fill(MINE)
        page.get_by_text("Checklist:").click()  # out of the box: its words are sent
        wait_for_app(page)
        expect(page.get_by_role("button", name="Log as sent", disabled=False)).to_be_visible()

        page.reload()
        wait_for_app(page)
        subject, body = boxes(page)
        expect(body).to_have_value(MINE)
        expect(subject).to_have_value(SUBJECT)
        expect(page.get_by_text("Your saved draft to Bo")).to_be_visible()
        expect(page.get_by_role("button", name="Log as sent", disabled=False)).to_be_visible()
        expect(page.get_by_role("button", name="Log as sent", disabled=True)).to_have_count(0)
        page.screenshot(path=shots / "after-reload.png", full_page=True)

        other = page.context.new_page()
        other.goto(server.url)  # a new tab on Home, then Outreach from the menu
        wait_for_app(other)
        other.get_by_test_id("stSidebar").get_by_role("link", name="Outreach").click()
        wait_for_app(other)
        expect(boxes(other)[1]).to_have_value(MINE)
        other.close()
    finally:
        stop_server(server)

    server = start_server(db_path)  # a restart
    try:
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        subject, body = boxes(page)
        expect(body).to_have_value(MINE)
        # starting again asks first, then shows the template's words in the boxes
        page.get_by_role("button", name="Start again from the template").click()
        wait_for_app(page)
        expect(page.get_by_text("The words you wrote to Bo here will be gone.")).to_be_visible()
        expect(body).to_have_value(MINE)
        page.get_by_role("button", name="Yes, start again from the template").click()
        wait_for_app(page)
        expect(body).to_contain_text("{their_work}")
        expect(subject).to_have_value("Your {their_work}, and a question")
        expect(page.get_by_text("Your saved draft to Bo")).to_have_count(0)
        page.screenshot(path=shots / "started-again.png", full_page=True)
        page.reload()
        wait_for_app(page)
        expect(page.get_by_text("Choose a person above to start a draft.")).to_be_visible()
    finally:
        stop_server(server)
