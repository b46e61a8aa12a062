"""The kind `referral` is the funnel's Referred: this person introduced you to someone. The log
form called it "Referral", which a job seeker reads as "referred me for a role" (a lead, which
the app counts as an Opportunity). The form says what it means, and where a referral for a
role goes; the stored value stays `referral`."""

from datetime import date

import pytest

from infoint import contacts, db, interactions
from tests.test_page_contacts import contacts_page, run

INTRODUCED = "Introduced you to someone"


@pytest.fixture
def priya(app_db) -> int:
    conn = db.connect(app_db)
    try:
        cid = contacts.add_contact(conn, "Priya", "Nair", company="Acme")
        interactions.log_interaction(conn, cid, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, cid, "reply", occurred_at=date(2026, 3, 3))
        return cid
    finally:
        conn.close()


def log_tab(cid: int):
    at = contacts_page(contact=str(cid))
    at.session_state["contact_tab"] = "Log an interaction"
    return run(at)


def kinds_logged(path, cid: int) -> list[str]:
    conn = db.connect(path)
    try:
        return [x.kind for x in interactions.list_interactions(conn, cid)]
    finally:
        conn.close()


def test_the_log_form_says_what_an_introduction_is_and_where_a_role_goes(app_db, priya):
    at = log_tab(priya)
    kind = at.selectbox(key=f"log_{priya}_0_kind")
    assert INTRODUCED in kind.options
    assert "Referral" not in kind.options
    assert "Opportunity" in kind.options
    assert "for a role" in kind.help and "Opportunity" in kind.help
    assert not any("for a role" in c.value for c in at.main.caption)  # said once it is picked
    kind.set_value("referral")
    run(at)
    [said] = [c.value for c in at.main.caption if "for a role" in c.value]
    assert "Opportunity" in said
    at.button(key=f"FormSubmitter:log_{priya}-Log it").click()
    run(at)
    assert at.success[0].value.startswith("Logged: Introduction with Priya Nair on ")
    assert kinds_logged(app_db, priya)[0] == "referral"  # the stored value is unchanged


def test_the_fix_form_and_the_timeline_say_it_alike(app_db, priya):
    conn = db.connect(app_db)
    try:
        logged = interactions.log_interaction(
            conn, priya, "referral", channel="email", occurred_at=date(2026, 3, 4)
        )
    finally:
        conn.close()
    at = log_tab(priya)
    picker = at.selectbox(key=f"fix_{priya}")
    assert "4 Mar 2026 · Introduction (Email)" in picker.options
    picker.set_value(logged)
    run(at)
    kind = at.selectbox(key=f"fix_kind_{logged}")
    assert kind.value == "referral"
    assert INTRODUCED in kind.options and "Referral" not in kind.options
    assert "Opportunity" in kind.help
    at.session_state["contact_tab"] = "Timeline"
    run(at)
    assert any("They introduced you to someone by email" in m.value for m in at.main.markdown)
