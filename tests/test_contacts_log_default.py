"""Log an interaction offers Reply first for someone already written to, Outreach before."""

from datetime import date

from infoint import contacts, db, interactions
from tests.test_page_contacts import contacts_page, run


def test_the_likely_kind_follows_what_was_sent(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    assert interactions.likely_kind(conn, ann) == "outreach"
    interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 1))
    assert interactions.likely_kind(conn, ann) == "outreach"  # a note is no message sent
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    assert interactions.likely_kind(conn, ann) == "reply"
    met = contacts.add_contact(conn, "Met", "Once")
    interactions.log_interaction(conn, met, "thank_you", occurred_at=date(2026, 3, 2))
    assert interactions.likely_kind(conn, met) == "reply"


def test_the_log_form_starts_at_reply_once_written_to(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "outreach"
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee")
    # The fresh form: what comes next is most likely their answer.
    assert at.selectbox(key=f"log_{ann}_1_kind").value == "reply"
    # A later visit, in a new session: the same.
    again = contacts_page(contact=str(ann))
    again.session_state["contact_tab"] = "Log an interaction"
    run(again)
    assert again.selectbox(key=f"log_{ann}_0_kind").value == "reply"
