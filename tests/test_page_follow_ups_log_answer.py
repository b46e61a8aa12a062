"""Follow-ups' waiting list: each person waited on has a way to log their answer, their
record on Contacts opened at its log form (the walkthrough found only a table: the user
had to go to Contacts, search, open the person, then Log an interaction)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, text
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_a_person_waited_on_opens_on_contacts_at_the_log_form(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    dee = contacts.add_contact(conn, "Dee", "Dunn")
    interactions.log_interaction(conn, ana, "outreach")
    interactions.log_interaction(conn, dee, "outreach")
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/4_follow_ups.py")
    run(at)
    assert at.subheader[0].value == "Waiting on 2 people"
    box = at.selectbox(key="follow_ups_answer_from")
    assert box.label == "Heard back from someone?"
    wrote = text.day(date.today())
    assert box.options == [
        f"Ana Silva — Acme · you wrote on {wrote}",
        f"Dee Dunn · you wrote on {wrote}",
    ]
    [log] = [b for b in at.button if b.label == "Log their answer"]
    assert log.disabled  # no one chosen yet
    assert log.proto.type != "primary"  # the page keeps one primary action at most
    box.set_value(dee)
    run(at)
    [log] = [b for b in at.button if b.label == "Log their answer"]
    assert not log.disabled
    log.click()
    run(at)
    assert at.query_params["contact"] == str(dee)
    assert at.title[0].value == "Dee Dunn"  # their record, on Contacts
    # at the log form, their reply offered first
    assert at.selectbox(key=f"log_{dee}_0_kind").value == "reply"
    assert plain_markdown("Log it") in [b.label for b in at.button]
