"""Settings offers "Back to your draft in Outreach" only to a user who came straight from it.

A draft to Bo needs the user's name and role. Outreach, then Home by the menu, then Settings:
saving the profile offered the way back to the draft, though the user came from Home
(Outreach's mark of a draft in view stayed through the page between). Straight from the draft,
by its "Fill in your name in Settings" link, the way back is offered and leads to the draft,
filled in.
"""

import re

from playwright.sync_api import expect

from infoint import contacts, db

from .conftest import click, go, see, start_server, stop_server, type_into, wait_for_app
from .test_outreach_handover import drawn, reopened, type_message

BACK = "Back to your draft in Outreach"
ROLE = "Your current role, as you would say it in a sentence"


def save(page, label: str, value: str, said: str) -> None:
    page.get_by_label(label, exact=True).fill(value)
    click(page, "Save your profile")
    see(page, re.compile(rf"^Saved\. Templates use your {said}\."))


def test_the_way_back_to_the_draft_only_straight_from_it(page, tmp_path, shots):
    db_path = tmp_path / "back-to-draft.duckdb"
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Bo", "Berg", company="Initech", degree="cold")
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        type_into(page, "Find a person", "bo berg")
        drawn(page, r"^Hi Bo,")
        mine = "Hi Bo, your talk on Tuesday stayed with me. Could we have a 15-minute call?"
        type_message(page, f"{mine}\n{{my_name}}, {{my_role}}")
        expect(
            page.get_by_role("link", name="Fill in your name and role in Settings")
        ).to_be_visible()

        # Outreach, Home, then Settings: the user comes from Home.
        go(page, "Home", "How is your campaign going?")
        go(page, "Settings", "Settings")
        save(page, ROLE, "a data analyst", "role")
        expect(page.get_by_role("link", name=BACK)).to_have_count(0)
        page.screenshot(path=shots / "01-from-home-no-way-back.png")

        # Straight from the draft, by its link: the way back, to the draft as typed.
        go(page, "Outreach", "Write to someone")
        reopened(page, f"{mine}\n{{my_name}}, a data analyst")
        page.get_by_role("link", name="Fill in your name in Settings").click()
        page.get_by_role("heading", name="Settings", exact=True).wait_for()
        wait_for_app(page)
        save(page, "Your name", "Sam Lee", "name and role")
        back = page.get_by_role("link", name=BACK)
        back.scroll_into_view_if_needed()
        page.screenshot(path=shots / "02-from-the-draft-a-way-back.png")
        back.click()
        reopened(page, f"{mine}\nSam Lee, a data analyst")
        page.screenshot(path=shots / "03-the-draft-again.png")
    finally:
        stop_server(server)
