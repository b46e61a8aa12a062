"""A person's "Log an interaction" form is sent by its button only.

A new user typed a reply's subject and pressed Enter, as in any web form: Streamlit's forms
sent themselves then, logging the reply half written, and the notes typed next went into a
second entry of the kind the cleared form fell back to (Outreach). Here Enter logs nothing;
"Log it" logs one entry, of the kind chosen.

What was logged is read on the Timeline tab: a click on a tab is a run that comes after the
Enter, so a reply sent by that Enter would be on the timeline it shows.
"""

import re
from datetime import date

from infoint import contacts, db, interactions

from .conftest import choose, see, start_server, stop_server, wait_for_app

SUBJECT = "Coffee next week?"
# The user wrote to Ann by email, so "How" starts at Email, though she has no address on file.
REPLIED = f"They replied by email: {SUBJECT}"
WRITTEN = "You reached out by email"


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    wait_for_app(page)


def test_enter_in_the_log_form_logs_nothing_and_log_it_logs_the_kind_chosen(page, tmp_path, shots):
    db_path = tmp_path / "log-form.duckdb"
    conn = db.connect(db_path)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/contacts?contact={ann}")
        page.get_by_role("heading", name="Ann Lee", exact=True).wait_for()
        wait_for_app(page)

        open_tab(page, "Log an interaction")
        choose(page, "What happened", "Reply")
        subject = page.get_by_label("Subject (optional)", exact=True)
        subject.fill(SUBJECT)
        subject.press("Enter")
        page.screenshot(path=shots / "01-enter-pressed-in-the-subject.png")

        open_tab(page, "Timeline")
        see(page, WRITTEN)
        assert page.get_by_text(REPLIED).count() == 0
        assert page.get_by_text(re.compile(r"^Logged: ")).count() == 0

        # The tab's form was not drawn meanwhile: it starts afresh, as the user finds it.
        open_tab(page, "Log an interaction")
        choose(page, "What happened", "Reply")
        page.get_by_label("Subject (optional)", exact=True).fill(SUBJECT)
        page.get_by_role("button", name="Log it", exact=True).click()
        see(page, re.compile(r"^Logged: Reply with Ann Lee on "))
        page.screenshot(path=shots / "02-logged-with-the-button.png")

        open_tab(page, "Timeline")
        see(page, REPLIED)
        assert page.get_by_text(REPLIED).count() == 1
        assert page.get_by_text(WRITTEN).count() == 1  # no second entry of another kind
    finally:
        stop_server(server)
