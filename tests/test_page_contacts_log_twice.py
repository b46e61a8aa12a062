"""A double-click on "Log it": the second click lands on the fresh form, whose kind had moved
on to Reply, and logged an empty Reply beside the Outreach just logged (seen in Chromium,
tests/e2e/test_contacts_log_twice.py). That send logs nothing now, and says so; and the fresh
form keeps the kind just logged (test_page_contacts_log_keeps_kind.py), so a later send of it
as drawn is that entry again, counted once."""

from __future__ import annotations

import pytest

from infoint import contacts, db, interactions
from tests.test_page_contacts import contacts_page, run

# The page's clock for "soon after a log" held still: a slow run is no pause between clicks.
pytestmark = pytest.mark.usefixtures("held_clock")

# Said when the form, as drawn after a log, holds that same entry (sent, it counts once).
SAME_AGAIN = "To log another, change what happened, or add a subject or notes."


@pytest.fixture
def ann(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    return ann


def log_tab(ann: int):
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    return run(at)


def log_it(at, ann: int):
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    return run(at)


def kinds(app_db, ann: int) -> list[str]:
    conn = db.connect(app_db)
    try:
        return [x.kind for x in interactions.list_interactions(conn, ann)]
    finally:
        conn.close()


def test_a_second_click_on_the_fresh_form_logs_no_empty_reply(app_db, ann):
    at = log_it(log_tab(ann), ann)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on ")
    assert at.selectbox(key=f"log_{ann}_1_kind").value == "outreach"
    log_it(at, ann)  # the double-click's second click, on the form drawn afresh
    assert kinds(app_db, ann) == ["outreach"]
    [said] = at.info
    assert said.value.startswith(
        "Nothing more logged: that click came right after the Outreach with Ann Lee on "
    )
    # The form holds the entry just logged: clicked again, it would be that entry once more,
    # counted once, so the message says how to log another, not to click again.
    assert said.value.endswith(SAME_AGAIN)
    assert "again" not in said.value.removesuffix(SAME_AGAIN)
    # Clicked again: sent, and being the same entry, counted once, and said so.
    log_it(at, ann)
    assert at.success[0].value.endswith("was already logged: it counts once.")
    assert kinds(app_db, ann) == ["outreach"]


def test_after_a_log_with_notes_a_second_click_is_told_to_click_again_and_that_logs(app_db, ann):
    """Logged with notes, the fresh form (no notes) is another entry: clicking again logs it."""
    at = log_tab(ann)
    at.text_area(key=f"log_{ann}_0_body").input("Asked about the platform team")
    at = log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on ")
    log_it(at, ann)  # the double-click's second click, on the form drawn afresh
    [said] = at.info
    assert said.value.endswith("To log this outreach too, click “Log it” again.")
    assert kinds(app_db, ann) == ["outreach"]
    log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on ")
    assert kinds(app_db, ann) == ["outreach", "outreach"]


def test_a_form_filled_in_after_a_log_is_logged_at_once(app_db, ann):
    at = log_it(log_tab(ann), ann)
    at.text_input(key=f"log_{ann}_1_subject").input("One more thought on Tuesday")
    log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on ")
    assert kinds(app_db, ann) == ["outreach", "outreach"]


def test_after_any_other_run_the_form_logs_at_once(app_db, ann):
    at = log_it(log_tab(ann), ann)
    at.selectbox(key=f"log_{ann}_1_kind").set_value("note")
    run(at)  # in a browser, choosing the kind is a run of its own
    at.selectbox(key=f"log_{ann}_1_kind").set_value("reply")
    run(at)
    log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Reply with Ann Lee on ")
    assert not at.info
    assert kinds(app_db, ann) == ["reply", "outreach"]


def test_a_fresh_form_with_only_the_channel_changed_is_logged_at_once(app_db, ann):
    """Choosing how it happened is filling the form in, as a subject is: logged, not refused."""
    at = log_it(log_tab(ann), ann)
    how = at.selectbox(key=f"log_{ann}_1_channel")
    other = next(c for c in interactions.CHANNELS if c != how.value)
    how.set_value(other)
    log_it(at, ann)
    assert not at.info
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on ")
    conn = db.connect(app_db)
    try:
        [again, _] = interactions.list_interactions(conn, ann)
    finally:
        conn.close()
    assert (again.kind, again.channel) == ("outreach", other)
