"""Referrals after naming, in a debrief, someone written to earlier that day (a walkthrough:
'They named 3 people. You have written to 1 of them (33 %)', the 1 being Maria, written to
before Zoë named her). The headline, the table and the chain now agree she was not written to
since, and the page says how that day is counted."""

from datetime import UTC, datetime

from infoint import contacts, db, interactions, meetings, ui
from tests.test_page_referrals import primary_labels, referrals_page, shown


def test_the_headline_table_and_chain_leave_out_a_message_of_the_meeting_day(app_db):
    conn = db.connect(app_db)
    zoe = contacts.add_contact(conn, "Zoë", "Ñúñez", company="Acme")
    maria = contacts.add_contact(conn, "Maria", "Gonzalez", company="Northwind Health")
    meeting = meetings.schedule_meeting(conn, zoe, datetime(2026, 3, 5, 10, tzinfo=UTC))
    interactions.log_interaction(conn, maria, "outreach", occurred_at=datetime(2026, 3, 5, 15))
    named = meetings.read_names(
        "maria gonzalez, Northwind Health\nLu Park, Initech\nIvy Roe"
    ).people
    meetings.record_debrief(conn, meeting, "held", actual_minutes=20, referred=list(named))
    conn.close()

    at = referrals_page()
    assert ui.plain(
        "They named 3 people. Of the 3 people they named, you have written to none since they "
        "were named."
    ) in shown(at)
    table = at.dataframe[0].value
    assert list(table["Introduced by"]) == ["Zoë Ñúñez"]
    assert (list(table["People"]), list(table["Contacted"])) == ([3], [0])
    assert "what you logged of them on that meeting's day counts as before it" in " ".join(
        c.value for c in at.caption
    )
    at.selectbox(key="chain_person").set_value(maria)
    at.run()
    assert not at.exception, at.exception
    assert (
        "2. **Maria Gonzalez** (Northwind Health): introduced by Zoë Ñúñez; contacted before "
        "the introduction or on its day; not contacted since"
    ) in shown(at)
    assert primary_labels(at) == ["Write to Maria Gonzalez — Northwind Health"]
