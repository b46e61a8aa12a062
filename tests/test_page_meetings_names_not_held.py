"""Names typed in the debrief of a meeting saved as cancelled or a no-show are not read (names
come from a meeting that took place): the confirmation says so, where it said only 'Debrief
saved.' and the user could believe the person added (seen in Chromium, helper-173)."""

from infoint import db
from infoint.text import plain_markdown
from tests.test_page_meetings import meetings_page, run, submit
from tests.test_page_meetings_debrief_reopened import NAMED, names_box, reopened, saved_with_names
from tests.test_page_meetings_debrief_reopened import met_tam as met_tam  # the fixture
from tests.test_page_meetings_names import people

NOT_ADDED = (
    "Not added, as the meeting did not take place: “Nia Berg, Orbit Labs”. If you met, choose "
    "“We met” and save again."
)


def count_contacts(path) -> int:
    conn = db.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0]
    finally:
        conn.close()


def test_names_typed_for_a_cancelled_meeting_are_said_not_added(met_tam):
    at = run(meetings_page())
    at.text_area(key="debrief_names_1").set_value("Nia Berg, Orbit Labs\n")
    at.radio(key="debrief_status_1").set_value("cancelled")
    submit(at, "Save the debrief")
    assert at.success[0].value == "Debrief saved. " + plain_markdown(NOT_ADDED)
    assert count_contacts(met_tam) == 2


def test_the_people_a_debrief_introduced_before_are_not_said_again(met_tam):
    """Shown again in the box (tests/test_page_meetings_debrief_reopened.py), they were
    added when the meeting was held, and stay: only the new line is said not added."""
    at = reopened(saved_with_names())
    assert names_box(at) == NAMED
    at.text_area(key="debrief_names_1").set_value(f"{NAMED}\nNia Berg, Orbit Labs")
    at.radio(key="debrief_status_1").set_value("no_show")
    submit(at, "Save the debrief")
    assert at.success[0].value == "Debrief saved. " + plain_markdown(NOT_ADDED)
    assert len(people(met_tam)) == 3
