"""The question before a debrief adds people says what to answer and where: it ended "…tick if
it is the same person, so that no new one is added. Is this a person to talk to?", and a new
user did not know what to answer, or where. Now it names the two buttons under it, and the
namesake's sentence says which box to tick and why, in plain words.

Then a walkthrough found its end muddled: "Then choose Yes below; if not, choose No and change
the names" (one not to talk to is taken out, not renamed), and the namesake's "so they are not
added twice" beside "Yes, add them and save" (ticked, no one is added). Now each choice says
what it does: the tick, that no one new is added; Yes; No, to take their line out."""

from infoint.text import plain_markdown
from tests.test_page_debrief_namesake_elsewhere import met_katherine  # noqa: F401 (fixture)
from tests.test_page_debrief_walkthrough_words import asked, debrief


def test_the_question_names_the_buttons_that_answer_it(met_katherine):  # noqa: F811
    at = debrief("Priya Shah, Initech")  # a Priya Shah at Globex is in the contacts
    assert asked(at) == plain_markdown(
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. You "
        "already have someone by that name, at another company: if it is the same person, "
        "tick the box below, and no one new is added for them. Is this someone to talk to? If "
        "so, choose Yes; if not, choose No and take their line out."
    )
    labels = [b.label for b in at.button]
    # the buttons it names are there, under it
    assert "Yes, add them and save" in labels
    assert "No, let me change the names" in labels
    assert len(at.checkbox) == 1  # the box below it asks to tick
    assert "change the names." not in asked(at)  # the muddled end is gone
