"""The questions picked for a meeting are listed whole under the picker, numbered in the order
picked: the picker cut each one short at 800 px ("How has your kind of work changed over the
last few ye…") and scrolled inside itself past the first or last."""

from infoint import db, meetings, questions
from tests.test_page_meetings import meetings_page, past_meeting, replied, run  # noqa: F401


def listed(at) -> list[str]:
    """The markdown of the picked list, the only one numbered from '1. '."""
    return [m.value for m in at.markdown if m.value.startswith("1. ")]


def test_the_picked_questions_are_listed_whole_and_numbered(past_meeting):  # noqa: F811
    at = run(meetings_page())
    picker = at.multiselect(key="prep_questions_1")
    assert len(picker.value) == 2  # the two saved, offered first
    first, second = picker.options[:2]
    [said] = listed(at)
    assert said.splitlines() == [f"1. {first}", f"2. {second}"]

    conn = db.connect(past_meeting)
    try:
        ids = {q.text: q.id for q in questions.list_questions(conn)}
    finally:
        conn.close()
    picker.select(ids[picker.options[2]])  # a third, picked last: numbered last
    run(at)
    [said] = listed(at)
    assert said.splitlines()[2] == f"3. {picker.options[2]}"
    assert said.splitlines()[2].startswith("3. How has your kind of work changed")

    at.button(key="save_prep_1").click()  # saving works as before
    run(at)
    conn = db.connect(past_meeting)
    try:
        assert len(meetings.prep_sheet(conn, 1).questions) == 3
    finally:
        conn.close()
    assert listed(at)[0].splitlines()[2].startswith("3. How has your kind of work changed")


def test_nothing_is_listed_when_nothing_is_picked(past_meeting):  # noqa: F811
    at = run(meetings_page())
    at.multiselect(key="prep_questions_1").set_value([])
    run(at)
    assert not listed(at)
    assert any(c.value.startswith("None picked yet") for c in at.caption)
