"""A box the user opened to type or pick in stays open while other widgets run the page again,
and one they shut stays shut; the pages' rules for opening one by itself still hold. Seen in
Chromium: names typed in Contacts' "Add a person by hand", then a company typed in the search
above it, and the box folded shut (`ui.expander`; tests/e2e/test_forms_stay_open.py)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, meetings, outreach, profile, targets
from tests.test_page_contacts import contacts_page, run

ROOT = Path(__file__).resolve().parent.parent


def opened(at: AppTest, label: str) -> bool:
    [box] = [e for e in at.main.expander if e.label.startswith(label)]
    return box.proto.expanded


def page(path: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(path)
    at.query_params.update(query)
    return at


@pytest.fixture
def network(app_db):
    """Ana meets Sam tomorrow; Ben at Acme; Cy at Globex; Initech and Initech Europe."""
    conn = db.connect(app_db)
    try:
        ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", email="ana@example.org")
        contacts.add_contact(conn, "Ben", "Ode", company="Acme")
        contacts.add_contact(conn, "Cy", "Park", company="Globex")
        meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=1))
        targets.add_company(conn, "Initech")
        targets.add_company(conn, "Initech Europe")
        profile.save_profile(
            conn,
            name="Sam Lee",
            job_title="a data analyst",
            focus_kind="occupation",
            focus="product management",
        )
    finally:
        conn.close()
    return {"ana": ana, "db": app_db}


def test_the_add_form_stays_open_with_its_names_while_the_search_finds_no_one(network):
    at = run(contacts_page())
    assert not opened(at, "Add a person by hand")
    at.session_state["add_form_open"] = True  # the user opens it
    run(at)
    at.text_input(key="add_first").input("Nora")
    at.text_input(key="add_last").input("Quist")
    run(at)
    at.text_input(key="search_company").input("no such company")
    run(at)
    assert "No one matches all of these" in at.info[0].value
    assert opened(at, "Add a person by hand")
    assert at.text_input(key="add_first").value == "Nora"
    at.text_input(key="search_company").input("")  # the results come back above it
    run(at)
    assert opened(at, "Add a person by hand")


def test_the_add_form_shut_by_the_user_stays_shut_and_the_address_still_opens_it(network):
    at = run(contacts_page(**{contacts.ADD_PERSON_PARAM: contacts.ADD_PERSON_VALUE}))
    assert opened(at, "Add a person by hand")  # come to add someone: open at the top
    at.session_state["add_form_open"] = False  # the user shuts it
    run(at)
    at.text_input(key="search_company").input("no such company")
    run(at)
    assert not opened(at, "Add a person by hand")


def test_schedule_a_meeting_stays_open_while_the_user_searches_in_it(network):
    at = run(page("pages/5_meetings.py"))
    assert not opened(at, "Schedule a meeting")  # a meeting is ahead: shut by itself
    at.session_state["schedule_open"] = True
    run(at)
    at.text_input(key="schedule_search").input("Cy")
    run(at)
    assert opened(at, "Schedule a meeting")
    assert at.selectbox(key="schedule_person").value is not None  # Cy, the one found
    [schedule] = [b for b in at.button if b.label == "Schedule the meeting"]
    schedule.click()
    run(at)
    assert at.success[0].value.startswith("Scheduled with Cy Park")
    assert not opened(at, "Schedule a meeting")  # done: put away, the meeting shown below


def test_merging_companies_stays_open_while_the_list_above_it_is_searched(network):
    at = run(page("pages/1_targets.py"))
    assert not opened(at, "Two entries for the same company?")
    at.session_state["merge_open"] = True
    run(at)
    at.text_input(key="merge_search").input("Initech")
    run(at)
    at.text_input(key="targets_search").input("no such company")
    run(at)
    assert opened(at, "Two entries for the same company?")
    assert at.text_input(key="merge_search").value == "Initech"


def test_the_template_editor_and_the_preview_stay_open_the_preview_opens_itself(network):
    at = page("pages/3_outreach.py")
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    run(at)
    [body_key] = [box.key for box in at.text_area if (box.key or "").startswith("body_")]
    at.text_input(key=body_key.replace("body_", "subject_")).input("Twenty minutes?")
    at.text_area(key=body_key).input("Hi Ana, could we talk for 20 minutes? Coffee is on me.")
    run(at)
    assert not opened(at, "Your templates")
    assert not opened(at, "Preview")  # nothing left to fill in: shut by itself
    at.session_state["templates_open"] = True
    at.session_state["preview_open"] = True
    run(at)
    at.text_area(key=body_key).input("Hi Ana, could we talk for 15 minutes? Coffee is on me.")
    run(at)
    assert opened(at, "Your templates") and opened(at, "Preview")

    at.session_state["preview_open"] = False  # shut by the user
    run(at)
    at.text_area(key=body_key).input("Hi Ana, we both know {mutual_name}.")
    run(at)
    assert opened(at, "Preview")  # a blank to fill in opens it, as before
