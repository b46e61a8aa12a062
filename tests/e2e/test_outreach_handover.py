"""A draft typed on Outreach survives Referrals' and Follow-ups' "Write to …" buttons.

A walkthrough typed a message to Dana Kim, went to Referrals by the menu and clicked "Write
to Dana Kim — Northwind Health": Outreach opened on the template's text, the words gone."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from infoint import contacts, db, interactions

from .conftest import choose, click, go, start_server, stop_server, type_into, wait_for_app


def type_message(page, text: str) -> None:
    """Type into the draft's message box and click outside it, as a user does; then wait for
    the checklist to be read from the new words, the run that keeps them has ended. Waiting
    only for no run to be showing could go on before that run began: in one full make test,
    the menu was clicked first and the words never reached the server."""
    checklist = page.get_by_text("Checklist: ").first
    before = checklist.inner_text()
    page.get_by_label("Message", exact=True).first.fill(text)
    page.get_by_role("heading", name="Write to someone").click()
    expect(checklist).not_to_have_text(before)
    wait_for_app(page)


def drawn(page, text) -> None:
    """Wait for the message box of the template just chosen. The choice's run may not have
    begun when `choose` returns: words typed then go into the box it replaces, and in one
    full make test the draft kept was the template's text, not the words."""
    expect(page.get_by_label("Message", exact=True).first).to_have_value(text)
    wait_for_app(page)


def told(page, text: str) -> None:
    """Wait for the notice saying `text`, then for the run's end."""
    page.get_by_test_id("stAlert").filter(has_text=text).wait_for()
    wait_for_app(page)


def message(page) -> str:
    return page.get_by_label("Message", exact=True).first.input_value()


def test_write_to_buttons_open_the_draft_typed_before(tmp_path, page, shots):
    db_path = tmp_path / "handover.duckdb"
    conn = db.connect(db_path)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    contacts.add_contact(
        conn,
        "Dana",
        "Kim",
        company="Northwind Health",
        degree="2nd",
        mutual_contact_id=ana,
        referred_by=ana,
    )
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Initech", position="Engineer")
    contacts.add_contact(conn, "Zoë", "Ñúñez", company="Initech", position="Senior Designer")
    interactions.log_interaction(conn, bo, "outreach", occurred_at=date.today() - timedelta(20))
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        type_into(page, "Find a person", "dana")
        choose(page, "Template", "Cold, after reading their profile or work")
        drawn(page, re.compile(r"^Hi Dana,"))
        mine = "Hi Dana, Ana told me about your move. These are my own words."
        type_message(page, mine)
        go(page, "Referrals", "Referrals")
        click(page, "Write to Dana Kim — Northwind Health")
        page.get_by_role("heading", name="Write to someone").wait_for()
        wait_for_app(page)
        assert message(page) == mine
        told(page, "Your unsent draft to Dana is kept as you left it")
        page.screenshot(path=shots / "dana-kept.png", full_page=True)

        type_into(page, "Find a person", "nunez")  # Dana stays chosen until Zoë is picked
        choose(page, "Person", "Zoë Ñúñez — Senior Designer at Initech")
        choose(page, "Template", "A blank page")
        drawn(page, "")
        mine = "Hola Zoë, your talk on type stayed with me."
        type_message(page, mine)
        go(page, "Follow-ups", "What is due now?")
        click(page, "Write to Zoë Ñúñez — Senior Designer")
        page.get_by_role("heading", name="Write to someone").wait_for()
        wait_for_app(page)
        assert message(page) == mine
        told(page, "Your unsent draft to Zoë is kept as you left it")
    finally:
        stop_server(server)
