"""`ui.scroll_to_top` is drawn on the run that shows a new view after an action, and on no
other: a person added (Contacts), a message logged (Outreach). The browser kept the old view's
scroll position, so the new one opened part way down, its title and confirmation out of sight;
drawn on every run, it would pull the page up on a search typed or a box ticked. Where it
lands in the browser: tests/e2e/test_scroll_to_top.py."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, outreach, profile

ROOT = Path(__file__).resolve().parent.parent


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def scrolls(at: AppTest) -> list[str]:
    """The turns of `ui.scroll_to_top` drawn by the last run, as sent to the browser."""
    sent = [
        json.loads(element.proto.json)
        for element in at.get("bidi_component")
        if element.proto.component_name == "infoint.scroll"
    ]
    return [data["turn"] for data in sent if "target" not in data]  # not `ui.bring_into_view`


def page(path: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(path)
    return at


def test_contacts_scrolls_up_once_a_person_is_added_and_not_as_the_user_types(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    at = run(page("pages/2_contacts.py"))
    assert scrolls(at) == []
    at.text_input(key="search_name").input("ann")  # a search typed
    run(at)
    assert scrolls(at) == []
    at.text_input(key="add_first").input("Zoë")
    at.text_input(key="add_last").input("Okafor")
    run(at)
    assert scrolls(at) == []
    at.button(key="add_person").click()
    run(at)
    assert at.title[0].value == "Zoë Okafor" and "Added Zoë Okafor." in at.success[0].value
    assert len(scrolls(at)) == 1
    run(at)  # the next run, as when a box on the record is ticked
    assert scrolls(at) == []
    # Back to the search is another view: up again, with a turn of its own.
    [back] = [b for b in at.button if b.label == "Back to the search"]
    back.click()
    run(at)
    assert at.title[0].value == "Contacts" and len(scrolls(at)) == 1
    run(at)
    assert scrolls(at) == []


def test_outreach_scrolls_up_once_a_message_is_logged(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme Health")
    profile.save_profile(
        conn, name="Sam Lee", job_title="a data analyst", focus_kind="occupation", focus="design"
    )
    conn.close()
    at = page("pages/3_outreach.py")
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = ana
    at.session_state[outreach.COMPOSE_KIND_KEY] = "outreach"
    run(at)
    [box] = [a for a in at.text_area if a.key.startswith("body_")]
    box.set_value("Hi Ana, twenty minutes about your work at Acme Health?")
    [subject] = [t for t in at.text_input if t.key.startswith("subject_")]
    subject.set_value("Twenty minutes?")
    run(at)
    assert scrolls(at) == []  # words typed
    [log] = [b for b in at.button if b.label == "Log as sent"]
    log.click()
    run(at)
    assert "Ana Silva now counts as Contacted" in at.success[0].value
    assert len(scrolls(at)) == 1
    run(at)
    assert scrolls(at) == []


def test_outreach_scrolls_up_once_the_notice_opens_the_follow_up(app_db):
    """A first message to someone written to 20 days ago: the notice's "Write the follow-up"
    opens the follow-up's draft in place of the first message's."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme Health")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date.today() - timedelta(20))
    conn.close()
    at = page("pages/3_outreach.py")
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = ana
    at.session_state[outreach.COMPOSE_KIND_KEY] = "outreach"
    run(at)
    assert scrolls(at) == []
    at.button(key="notice_follow_up").click()
    run(at)
    assert at.radio(key="outreach_kind").value == "follow_up"
    assert len(scrolls(at)) == 1
    run(at)
    assert scrolls(at) == []
