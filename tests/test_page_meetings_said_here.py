"""A confirmation is said beside the button clicked: 'Prep sheet saved.' and 'Question added.'
showed at the very top of the page, about 1,000 px above the button, with nothing changing
near it, and the question bank closed after adding a question (a walkthrough in Chromium)."""

from datetime import UTC, datetime, timedelta

from infoint import contacts, db, meetings
from tests.test_page_meetings import meetings_page, run, submit


def in_order(block) -> list:
    """The elements under `block`, in the order the page draws them."""
    found = []
    for child in block.children.values():
        if getattr(child, "children", None) is not None and child.type != "button":
            found += in_order(child)
        else:
            found.append(child)
    return found


def follows(block, key: str) -> str:
    """The words of the element drawn right after the one keyed `key` in `block`."""
    elements = in_order(block)
    [at] = [n for n, e in enumerate(elements) if getattr(e, "key", None) == key]
    return getattr(elements[at + 1], "value", "")


def primaries(at) -> list[str]:
    return [b.label for b in at.button if b.proto.type == "primary"]


def test_prep_sheet_saved_is_said_under_its_button(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=2))
    conn.close()
    at = run(meetings_page())
    before = primaries(at)
    at.text_input(key="prep_goal_1").set_value("How their team plans a release.")
    at.button(key="save_prep_1").click()
    run(at)
    [saved] = at.success
    assert saved.value == "Prep sheet saved."
    assert not [s for s in at.main.children.values() if s.type == "success"]  # not at the top
    assert follows(at.tabs[0], "save_prep_1") == "Prep sheet saved."
    assert at.tabs[0].label == "Prepare"
    assert primaries(at) == before  # still the page's one primary action, no second one
    run(at)  # said once
    assert not at.success


def test_question_added_is_said_in_the_bank_which_stays_open(app_db):
    at = run(meetings_page())
    [bank] = [e for e in at.expander if e.label.startswith("Your question bank")]
    assert not bank.proto.expanded
    at.text_area(key="bank_new_text").set_value("What would you tell your younger self?")
    submit(at, "Add to the bank")
    [bank] = [e for e in at.expander if e.label.startswith("Your question bank")]
    assert bank.proto.expanded
    assert [s.value for s in bank.success] == ["Question added."]
    assert [s.value for s in at.success] == ["Question added."]  # said there only
    assert follows(bank, "FormSubmitter:bank_add_form-Add to the bank") == "Question added."


def test_a_question_reworded_is_said_under_its_form(app_db):
    at = run(meetings_page())
    # the edit form's last button: 'Save the question' stands beside 'Archive it'
    [button] = [b for b in at.button if b.label == "Archive it"]
    key = button.key
    at.text_area(key=f"bank_edit_text_{at.selectbox(key='bank_edit_pick').value}").set_value(
        "What surprised you most in your first year here?"
    )
    submit(at, "Save the question")
    [bank] = [e for e in at.expander if e.label.startswith("Your question bank")]
    assert bank.proto.expanded
    assert [s.value for s in at.success] == ["Question saved."]
    assert follows(bank, key) == "Question saved."


def test_debrief_saved_is_said_where_the_user_looks_next(app_db):
    """It showed above "Your time zone", off-screen, while the view stayed at the tabs (a
    walkthrough): now under "Save the debrief", or atop the Thank you tab that opens."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) - timedelta(days=1))
    conn.close()
    at = run(meetings_page())
    at.radio(key="debrief_status_1").set_value("cancelled")
    submit(at, "Save the debrief")
    assert not [s for s in at.main.children.values() if s.type == "success"]  # not at the top
    debrief = at.tabs[1]
    assert debrief.label == "Debrief"
    assert [s.value for s in debrief.success] == ["Debrief saved."]
    assert follows(debrief, "FormSubmitter:debrief_form_1-Save the debrief") == "Debrief saved."
    at.radio(key="debrief_status_1").set_value("held")
    submit(at, "Save the debrief")
    thanks = at.tabs[2]
    assert thanks.label == "Thank you"
    [said] = [s.value for s in at.success]
    assert said.startswith("Debrief saved.") and [s.value for s in thanks.success] == [said]
