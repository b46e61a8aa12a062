"""A debrief opened again shows the people it named in "Who else should you talk to?": the
people it introduced, read from their records (who introduced them, and when), one a line as
'name, company, position'. Saved again, they are neither added twice nor lost."""

from streamlit.testing.v1 import AppTest

from infoint import contacts, db
from infoint.text import plain_markdown
from tests import test_page_meetings_names as names_tests
from tests.test_page_meetings import meetings_page, run, submit
from tests.test_page_meetings_names import WALKTHROUGH, asking_to_add, debrief, people

met_tam = names_tests.met_tam  # the fixture: Tam met the user yesterday; Flora is a contact

NAMED = "Flora Balogun, Orbit\nJohn Newperson; Acme Rockets; CTO"


def reopened(at: AppTest) -> AppTest:
    """Leave for Contacts and come back, as a user does: Streamlit forgets the page's boxes."""
    at.switch_page("pages/2_contacts.py")
    run(at)
    at.switch_page("pages/5_meetings.py")
    return run(at)


def names_box(at: AppTest) -> str:
    return at.text_area(key="debrief_names_1").value


def saved_with_names(names: str = WALKTHROUGH) -> AppTest:
    at = debrief(names)
    submit(at, "Yes, add them and save")
    assert at.success[0].value.startswith("Debrief saved.")
    return at


def test_a_reopened_debrief_shows_the_people_it_named(met_tam):
    at = reopened(saved_with_names())
    # Flora was a contact already (marked), John was added: both introduced by Tam. The line
    # "just a first name" named no one and is with the notes (meetings.ALSO_SAID), not here.
    assert names_box(at) == NAMED


def test_a_new_session_shows_them_too(met_tam):
    saved_with_names()
    assert names_box(run(meetings_page())) == NAMED


def test_saving_the_reopened_debrief_adds_no_one_and_loses_no_one(met_tam):
    at = reopened(saved_with_names())
    before = people(met_tam)
    at.text_area(key="debrief_notes_1").set_value("Warm and direct. Follow up in May.")
    submit(at, "Save the debrief")
    assert not asking_to_add(at)  # nothing new to ask about
    assert plain_markdown("Already introduced by Tam Adler: Flora Balogun, John Newperson.") in (
        at.success[0].value
    )
    assert people(met_tam) == before
    assert names_box(reopened(at)) == NAMED


def test_a_name_added_on_reopening_is_added_beside_them(met_tam):
    at = reopened(saved_with_names())
    at.text_area(key="debrief_names_1").set_value(f"{NAMED}\nMia Wong; Orbit; Designer")
    submit(at, "Save the debrief")
    [asking] = asking_to_add(at)
    assert "Saving adds this person" in asking.value
    submit(at, "Yes, add them and save")
    assert [p[:2] for p in people(met_tam)] == [
        ("Tam", "Adler"),
        ("Flora", "Balogun"),
        ("John", "Newperson"),
        ("Mia", "Wong"),
    ]
    assert names_box(reopened(at)) == f"{NAMED}\nMia Wong; Orbit; Designer"


def test_a_line_taken_out_leaves_them_introduced_and_says_so(met_tam):
    at = reopened(saved_with_names())
    at.text_area(key="debrief_names_1").set_value("Flora Balogun, Orbit")
    submit(at, "Save the debrief")
    message = at.success[0].value
    assert (
        plain_markdown(
            "Taken out of the names but still in your contacts, introduced by Tam Adler: "
            "“John Newperson; Acme Rockets; CTO”. To change that, open their record on the "
            "Contacts page."
        )
        in message
    )
    assert people(met_tam)[2] == ("John", "Newperson", 1)
    assert names_box(reopened(at)) == NAMED


def test_a_record_whose_parts_hold_commas_is_saved_again_as_it_is(met_tam):
    """LinkedIn's names and companies may hold commas ('Quartz, Inc.'): the line shown for them
    reads as four parts, which a line typed so is refused for; shown by the app, it stands for
    that person as they are."""
    conn = db.connect(met_tam)
    try:
        olu = contacts.add_contact(conn, "olu", "ade, PhD", company="Quartz, Inc.")
    finally:
        conn.close()
    saved_with_names("Mia Wong; Orbit; Designer")
    conn = db.connect(met_tam)
    try:  # introduced at this meeting, by hand, as the debrief does it
        conn.execute(
            "UPDATE contacts SET referred_by = 1, referred_at = (SELECT referred_at FROM"
            " contacts WHERE first_name = 'Mia') WHERE id = ?",
            [olu],
        )
    finally:
        conn.close()
    at = run(meetings_page())
    assert names_box(at) == "olu ade, PhD; Quartz, Inc.\nMia Wong; Orbit; Designer"
    submit(at, "Save the debrief")
    assert not asking_to_add(at)
    assert "kept with your notes" not in at.success[0].value
    assert len(people(met_tam)) == 4


def test_a_debrief_saved_as_not_held_says_nothing_of_names_taken_out(met_tam):
    """The names box is not read for a meeting that did not take place, as before: its lines
    were not taken out, so the confirmation says nothing of them."""
    at = reopened(saved_with_names())
    at.radio(key="debrief_status_1").set_value("cancelled")
    submit(at, "Save the debrief")
    assert at.success[0].value == "Debrief saved."
    assert len(people(met_tam)) == 3


def test_a_line_changed_for_someone_introduced_says_their_record_stays(met_tam):
    """Saving the debrief again links people, it does not edit them: a position corrected on
    John's line leaves his record as it was, and the confirmation says where to change it."""
    at = reopened(saved_with_names())
    at.text_area(key="debrief_names_1").set_value(
        "Flora Balogun, Orbit\nJohn Newperson; Acme Rockets; Chief Technology Officer"
    )
    submit(at, "Save the debrief")
    assert not asking_to_add(at)
    assert (
        plain_markdown(
            "Already in your contacts, so their record stays as it was: “John Newperson; Acme "
            "Rockets; Chief Technology Officer”. To change their details, open their record on the "
            "Contacts page."
        )
        in at.success[0].value
    )
    assert "Taken out of the names" not in at.success[0].value
    assert names_box(reopened(at)) == NAMED
