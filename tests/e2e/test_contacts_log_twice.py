"""A double-click on a person's "Log it" logs one entry, not an empty Reply beside it.

The second click landed on the form drawn afresh after the log (or was sent while it was
drawn), whose kind had moved on to Reply: an empty Reply was logged beside the Outreach. Before
the fix this happened on every click that came once the first was logged, and on about one
double-click in three. The fresh form now keeps the kind just logged, so a second click later
than the double-click window is the same Outreach again, counted once and said so.
"""

import re

from playwright.sync_api import expect

from infoint import contacts, db, interactions

from .conftest import see, start_server, stop_server, wait_for_app, widget

PEOPLE = 3


def kinds(db_path, contact_id: int) -> list[str]:
    conn = db.connect(db_path)
    try:
        return [x.kind for x in interactions.list_interactions(conn, contact_id)]
    finally:
        conn.close()


def open_log_form(page, server, contact_id: int, name: str):
    page.goto(f"{server.url}/contacts?contact={contact_id}")
    page.get_by_role("heading", name=name, exact=True).wait_for()
    wait_for_app(page)
    page.get_by_role("tab", name="Log an interaction", exact=True).click()
    wait_for_app(page)
    return page.get_by_role("button", name="Log it", exact=True)


def test_a_second_click_on_log_it_logs_no_empty_reply(page, tmp_path, shots):
    db_path = tmp_path / "log-twice.duckdb"
    conn = db.connect(db_path)
    people = [contacts.add_contact(conn, f"Ann{n}", "Lee", company="Acme") for n in range(PEOPLE)]
    slow, *fast = people
    conn.close()
    server = start_server(db_path)
    try:
        # A second click once the first is logged: on the fresh form, its kind kept, Outreach.
        log_it = open_log_form(page, server, slow, "Ann0 Lee")
        log_it.click()
        see(page, re.compile(r"^Logged: Outreach with Ann0 Lee on "))
        kind = widget(page, "stSelectbox", "What happened").first.get_by_role("combobox")
        expect(kind).to_have_value("Outreach")
        page.get_by_role("button", name="Log it", exact=True).click()
        # Within the double-click window it logs nothing; later (a slow machine), it is the
        # same entry, counted once. Either way, no second entry (the assertion at the end).
        see(
            page,
            re.compile(
                r"^Nothing more logged: that click came right after"
                r"|^Outreach with Ann0 Lee on .* was already logged: it counts once"
            ),
        )
        page.screenshot(path=shots / "01-second-click-logs-nothing.png")

        # A double-click as the mouse makes it: whenever the second click comes, one entry.
        for number, contact_id in enumerate(fast, start=1):
            open_log_form(page, server, contact_id, f"Ann{number} Lee").dblclick()
            # The page says one of three: the clicks made one send (logged once), both sent the
            # same form (log_once counts the second once, and says so), or the second landed on
            # the fresh form (it logged nothing, and says so). The page said the second in about
            # one run in three, which this wait left out, so the test failed then.
            see(
                page,
                re.compile(
                    rf"^Logged: Outreach with Ann{number} Lee on "
                    rf"|^Outreach with Ann{number} Lee on .* was already logged: it counts once"
                    r"|^Nothing more logged: that click came right after the Outreach with "
                    rf"Ann{number} "
                ),
            )
            wait_for_app(page)
        page.screenshot(path=shots / "02-double-clicked.png")
    finally:
        stop_server(server)
    # Read once the server is gone: a second process cannot open the database.
    assert [kinds(db_path, contact_id) for contact_id in people] == [["outreach"]] * PEOPLE
