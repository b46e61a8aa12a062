"""A debrief saved again asks its question afresh: a "same person" box ticked for what a line
said before starts unticked. Its state was kept by the box's key, so after "Priya Shah,
Initech" with the Priya Shah at Globex ticked, line 1 typed over as "Priya Shah, Wayne
Enterprises" and saved again showed the box still ticked, and confirming linked the Globex
Priya as the Wayne Enterprises one without the user saying so."""

from tests.test_page_debrief_namesake_elsewhere import debrief, met_katherine, people  # noqa: F401
from tests.test_page_meetings import run, submit


def test_a_line_typed_over_and_saved_again_starts_unticked(met_katherine):  # noqa: F811
    at = debrief("Priya Shah, Initech")
    at.checkbox[0].check()
    run(at)
    assert [box.value for box in at.checkbox] == [True]
    at.text_area(key="debrief_names_1").set_value("Priya Shah, Wayne Enterprises")
    submit(at, "Save the debrief")
    [box] = at.checkbox
    assert box.value is False  # asked afresh: never linked unasked
    assert [m.value for m in at.markdown if m.value.startswith("- ")] == [
        "- Priya Shah at Wayne Enterprises"
    ]
    submit(at, "Yes, add them and save")
    assert "1 new contact introduced by Katherine Johnson" in at.success[0].value
    assert people(met_katherine) == [
        ("Katherine", "NASA Langley", None, None),
        ("Priya", "Globex", None, None),  # as she was
        ("Priya", "Wayne Enterprises", 1, 1),
    ]


def test_saved_again_as_it_was_the_box_is_asked_afresh_too(met_katherine):  # noqa: F811
    at = debrief("Priya Shah, Initech")
    at.checkbox[0].check()
    run(at)
    submit(at, "Save the debrief")
    assert [box.value for box in at.checkbox] == [False]
    at.checkbox[0].check()
    run(at)
    submit(at, "Yes, save the debrief")
    assert people(met_katherine) == [
        ("Katherine", "NASA Langley", None, None),
        ("Priya", "Globex", 1, 1),  # ticked once more, linked
    ]
