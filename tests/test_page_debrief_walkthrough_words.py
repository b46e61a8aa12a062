"""A new user's walkthrough of Meetings -> Debrief, on a past meeting with Katherine: the
question before saving speaks of one person in the singular throughout; a line with no name is
refused with what to do; the saved debrief offers the way to Outreach; the minutes box holds
only what the debrief accepts."""

import re

from streamlit.testing.v1 import AppTest

from infoint.text import plain_markdown
from tests.conftest import ROOT
from tests.test_page_debrief_namesake_elsewhere import met_katherine  # noqa: F401 (fixture)
from tests.test_page_meetings import run, submit


def debrief(names: str, errors: int = 0) -> AppTest:
    """Katherine's meeting, yesterday: the Debrief tab with these names, saved once."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/5_meetings.py")
    run(at)
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    at.text_area(key="debrief_names_1").set_value(names)
    return submit(at, "Save the debrief", errors)


def asked(at) -> str:
    [said] = [w.value for w in at.warning if w.value.startswith("Saving adds")]
    return said


def test_one_person_named_is_asked_about_in_the_singular(met_katherine):  # noqa: F811
    """It read 'Saving adds this person to your contacts, … Is each one a person to talk to?'"""
    said = asked(debrief("Bo Chen; Beta Labs; Head of Research"))
    assert said.startswith("Saving adds this person to your contacts")
    assert said.endswith(
        plain_markdown(
            "Is this someone to talk to? If so, choose Yes; if not, choose No and take their "
            "line out."
        )
    )
    assert "each one" not in said


def test_two_people_named_are_asked_about_in_the_plural(met_katherine):  # noqa: F811
    said = asked(debrief("Bo Chen; Beta Labs\nAda Byron; Gamma Health"))
    assert said.startswith("Saving adds these 2 people to your contacts")
    assert said.endswith(
        plain_markdown(
            "Are these people to talk to? If so, choose Yes; if anyone is not, choose No and "
            "take their line out."
        )
    )


def test_a_line_with_no_name_says_what_to_do(met_katherine):  # noqa: F811
    """It said only 'Line 3 has no name before its company.'"""
    at = debrief("Bo Chen; Beta Labs\nAda Byron; Gamma Health\n; Foo Ltd; CEO", errors=1)
    assert at.error[0].value == (
        "Line 3 has no name before its company: add their name first, or remove the line."
    )


def test_a_saved_debrief_with_new_contacts_gives_the_way_to_outreach(met_katherine):  # noqa: F811
    """'Debrief saved. 1 new contact introduced by …: write to them from the Outreach page.'
    came with no way there."""
    at = debrief("Bo Chen; Beta Labs; Head of Research")
    submit(at, "Yes, add them and save")
    assert "1 new contact introduced by Katherine Johnson" in at.success[0].value
    outreach = [p.proto for p in at.main.get("page_link") if p.proto.page == "outreach"]
    assert [p.label for p in outreach] == ["Write to them on the Outreach page"]


def test_a_saved_debrief_adding_no_one_gives_no_way_to_outreach(met_katherine):  # noqa: F811
    at = debrief("")
    assert "Debrief saved." in at.success[0].value
    assert not [p for p in at.main.get("page_link") if p.proto.page == "outreach"]


def test_the_way_to_outreach_is_said_once(met_katherine):  # noqa: F811
    """'… 1 new contact introduced by Katherine Johnson: write to them from the Outreach page.'
    stood right above the link 'Write to them on the Outreach page': the same thing twice. The
    sentence counts who was added; the link under it says what to do."""
    at = debrief("Bo Chen; Beta Labs; Head of Research")
    submit(at, "Yes, add them and save")
    [said] = [re.sub(r"\\(.)", r"\1", s.value) for s in at.success]  # as it reads
    assert "Added 1 new contact introduced by Katherine Johnson. Next: the thank-you" in said
    assert "write to them" not in said.lower()
    outreach = [p.proto for p in at.main.get("page_link") if p.proto.page == "outreach"]
    assert [p.label for p in outreach] == ["Write to them on the Outreach page"]
