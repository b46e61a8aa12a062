"""A placeholder employer such as 'N/A' or 'Self-employed' (`targets.PLACEHOLDER_COMPANIES`)
is no company where contacts are listed: the Contacts table, its pickers and a person's record
showed 'N/A' as if it were an employer ('Analyst at N/A'), and the Meetings pickers ('Sam Lee —
N/A'), where the rest of the app (Targets, Outreach's drafts, Follow-ups, the counts) takes it
as none. What is stored stays as it is; a search or an order by company passes it by."""

from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, meetings
from infoint.text import plain_markdown
from tests.test_page_contacts import ROOT, run


@pytest.fixture
def network(conn):
    ids = {
        "ann": contacts.add_contact(conn, "Ann", "Lee", company="Acme", position="Engineer"),
        "sam": contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst"),
        "tia": contacts.add_contact(conn, "Tia", "Ode", company="Self-employed"),
        "uma": contacts.add_contact(conn, "Uma", "Park", position="Designer"),
        "ava": contacts.add_contact(conn, "Ava", "Zed", company="Zeta"),
    }
    return ids


def test_the_table_shows_no_company_for_a_placeholder_and_keeps_it_stored(conn, network):
    frame, total = contacts.search_contacts(conn, contacts.ContactSearch())
    assert total == 5
    assert dict(zip(frame["name"], frame["company"], strict=True)) == {
        "Ann Lee": "Acme",
        "Ava Zed": "Zeta",
        "Sam Ng": "",
        "Tia Ode": "",
        "Uma Park": "",
    }
    sam = contacts.get_contact(conn, network["sam"])
    assert sam.company == "N/A"  # stored as it came
    assert contacts.employer(sam.company) == ""
    assert contacts.employer("Acme") == "Acme"


def test_a_company_search_and_order_pass_a_placeholder_by(conn, network):
    for typed in ("N/A", "self-employed", "self"):
        search = contacts.ContactSearch(company=typed)
        assert contacts.search_contacts(conn, search)[1] == 0
        assert contacts.narrowing_counts(conn, search)[-1] == (f"company '{typed}'", 0)
    search = contacts.ContactSearch(company="ac")
    assert list(contacts.search_contacts(conn, search)[0]["name"]) == ["Ann Lee"]
    frame, _ = contacts.search_contacts(conn, contacts.ContactSearch(), order="company")
    # the employers first, A to Z; then those with none, placeholders among them, by name
    assert list(frame["name"]) == ["Ann Lee", "Ava Zed", "Sam Ng", "Tia Ode", "Uma Park"]


def test_pickers_and_the_record_say_no_placeholder_as_an_employer(conn, network):
    assert contacts.find_contacts_by_name(conn, "sam") == [(network["sam"], "Sam Ng")]
    assert contacts.find_contacts_by_name(conn, "ann") == [(network["ann"], "Ann Lee — Acme")]
    [same] = contacts.find_same_name(conn, "Sam", "Ng")
    assert same.company == ""
    assert contacts.get_contact(conn, network["ann"]).job == "Engineer at Acme"
    assert contacts.get_contact(conn, network["sam"]).job == (
        "Analyst · no company named (“N/A” on their record)"
    )
    assert contacts.get_contact(conn, network["tia"]).job == (
        "No company named (“Self-employed” on their record)"
    )
    assert contacts.get_contact(conn, network["uma"]).job == "Designer"


def test_the_meetings_pickers_say_no_placeholder_as_an_employer(conn, network):
    interactions.log_interaction(conn, network["sam"], "outreach")
    interactions.log_interaction(conn, network["sam"], "reply")
    assert [p.label for p in meetings.people_to_meet(conn)] == ["Sam Ng"]
    assert [p.label for p in meetings.people_to_meet(conn, "ann")] == ["Ann Lee — Acme"]
    assert meetings.people_to_meet(conn, "n/a") == []
    meeting = meetings.schedule_meeting(conn, network["sam"], datetime.now(UTC) + timedelta(1))
    summary = meetings.summary(conn, meeting)
    assert (summary.company, summary.title) == ("", "Sam Ng")
    assert meetings.titles(conn, [summary]) == {meeting: "Sam Ng"}
    assert meetings.find_meetings(conn, "n/a") == []
    assert [m.id for m in meetings.find_meetings(conn, "sam")] == [meeting]


def test_the_contacts_page_shows_what_a_user_expects(app_db):
    conn = db.connect(app_db)
    sam = contacts.add_contact(conn, "Sam", "Ng", company="N/A", position="Analyst")
    contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    run(at)
    table = at.dataframe[0].value
    assert dict(zip(table["name"], table["company"], strict=True)) == {
        "Ann Lee": "Acme",
        "Sam Ng": "",
    }
    opener = at.selectbox(key="open_from_page_0")
    assert opener.options == [  # as the page labels them
        "Ann Lee — Acme",
        "Sam Ng",
    ]
    at.text_input(key="search_company").set_value("N/A")
    run(at)
    assert "No one matches all of these" in at.info[0].value
    at.query_params["contact"] = str(sam)
    at.text_input(key="search_company").set_value("")
    run(at)
    assert plain_markdown("Analyst · no company named (“N/A” on their record)") in [
        c.value for c in at.main.caption
    ]
