"""On a person's record a confirmation is said beside the form used: "Logged: …" was drawn at the
top of the page, above "Back to the search", off-screen at 1280×800 under the log form, so
only the form emptying said anything (a walkthrough in Chromium). Said once, it never lingers
after a later action."""

from infoint import contacts, db
from tests.test_page_contacts import contacts_page, run
from tests.test_page_meetings_said_here import follows


def record(app_db, tab: str):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = tab
    return ann, run(at)


def at_the_top(at) -> list[str]:
    return [e.value for e in at.main.children.values() if e.type == "success"]


def log(at, ann: int, note: str):
    state = at.session_state  # AppTest's has no .get
    count = state["logged_count"] if "logged_count" in state else 0  # noqa: SIM401
    at.text_area(key=f"log_{ann}_{count}_body").input(note)
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    return run(at)


def test_logged_is_said_under_log_it_and_once(app_db):
    ann, at = record(app_db, "Log an interaction")
    log(at, ann, "Wrote to her about the team.")
    [said] = at.success
    assert said.value.startswith("Logged: Outreach with Ann Lee on ")
    assert not at_the_top(at)
    assert follows(at.tabs[1], f"FormSubmitter:log_{ann}-Log it") == said.value
    run(at)  # any other run: the confirmation is gone
    assert not at.success


def test_an_older_confirmation_gives_way_to_the_next(app_db):
    ann, at = record(app_db, "Log an interaction")
    log(at, ann, "Wrote to her about the team.")
    at.selectbox(key=f"log_{ann}_1_kind").set_value("reply")  # the form keeps what was logged
    log(at, ann, "She answered: Tuesday works.")
    assert [s.value for s in at.success] == [at.success[0].value]
    assert at.success[0].value.startswith("Logged: Reply with Ann Lee on ")
    # Logged, then off to another tab: nothing of the log is said there, nor back on its tab.
    log(at, ann, "Booked a call.")
    at.session_state["contact_tab"] = "Timeline"
    run(at)
    assert not at.success
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert not at.success


def test_saved_is_said_under_save_details(app_db):
    ann, at = record(app_db, "Edit details")
    at.text_input(key=f"edit_tags_{ann}").input("alumni")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert [s.value for s in at.success] == ["Saved."]
    assert not at_the_top(at)
    assert follows(at.tabs[3], f"save_{ann}") == "Saved."


def test_a_meeting_scheduled_is_said_under_schedule(app_db):
    ann, at = record(app_db, "Meetings")
    at.button(key=f"FormSubmitter:schedule_{ann}-Schedule").click()
    run(at)
    [said] = at.success
    assert said.value.startswith("Scheduled with Ann Lee for ")
    assert not at_the_top(at)
    assert follows(at.tabs[2], f"FormSubmitter:schedule_{ann}-Schedule") == said.value
