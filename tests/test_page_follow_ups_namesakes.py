"""The Follow-ups page with two Ana Lees at Acme: each due item and each row of the people
waited on names its own Ana (`referrals.names_apart`), not 'Ana Lee (Acme)' twice."""

from __future__ import annotations

from datetime import date, timedelta

from infoint import contacts, db, interactions
from infoint.text import plain_markdown
from tests.test_page_follow_ups import follow_ups_page, run, shown, waiting_rows


def test_two_namesakes_at_one_company_are_told_apart(app_db):
    conn = db.connect(app_db)
    engineer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    designer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    long_ago = date.today() - timedelta(days=20)  # the follow-up is due for both
    interactions.log_interaction(conn, engineer, "outreach", occurred_at=long_ago)
    interactions.log_interaction(conn, designer, "outreach", occurred_at=long_ago)
    recently = date.today()  # nothing due yet: waited on
    for position in ("Engineer", "Designer"):
        waited = contacts.add_contact(conn, "Bo", "Chen", company="Beta", position=position)
        interactions.log_interaction(conn, waited, "outreach", occurred_at=recently)
    conn.close()
    at = run(follow_ups_page())
    page = shown(at)
    assert plain_markdown("Follow up with Ana Lee (Acme, Engineer)") in page
    assert plain_markdown("Follow up with Ana Lee (Acme, Designer)") in page
    people = sorted(row.split(" | ")[0] for row in waiting_rows(at))
    assert people == [
        "| " + plain_markdown("Bo Chen (Designer)"),
        "| " + plain_markdown("Bo Chen (Engineer)"),
    ]
