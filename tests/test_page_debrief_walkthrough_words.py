"""A new user's walkthrough of Meetings -> Debrief, on a past meeting with Katherine: the
question before saving speaks of one person in the singular throughout; a line with no name is
refused with what to do; the saved debrief offers the way to Outreach; the minutes box holds
only what the debrief accepts."""

from tests.test_page_debrief_known_people import debrief
from tests.test_page_debrief_namesake_elsewhere import met_katherine  # noqa: F401 (fixture)


def asked(at) -> str:
    [said] = [w.value for w in at.warning if w.value.startswith("Saving adds")]
    return said


def test_one_person_named_is_asked_about_in_the_singular(met_katherine):  # noqa: F811
    """It read 'Saving adds this person to your contacts, … Is each one a person to talk to?'"""
    said = asked(debrief("Bo Chen; Beta Labs; Head of Research"))
    assert said.startswith("Saving adds this person to your contacts")
    assert said.endswith("Is this a person to talk to?")
    assert "each one" not in said


def test_two_people_named_are_asked_about_in_the_plural(met_katherine):  # noqa: F811
    said = asked(debrief("Bo Chen; Beta Labs\nAda Byron; Gamma Health"))
    assert said.startswith("Saving adds these 2 people to your contacts")
    assert said.endswith("Is each one a person to talk to?")
