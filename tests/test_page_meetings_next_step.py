"""After a held meeting's debrief is saved, the confirmation points to the thank-you where it
is: on the tab of that name, which the page opens (it said "below", where no thank-you was)."""

import re

from tests.test_page_meetings import (  # noqa: F401 (fixtures)
    meetings_page,
    past_meeting,
    replied,
    run,
    submit,
)


def test_the_confirmation_names_the_thank_you_tab_it_opens(past_meeting):  # noqa: F811
    at = run(meetings_page())
    submit(at, "Save the debrief")
    said = at.success[0].value
    assert "below" not in said
    [tab] = re.findall(r"Next: the thank-you, on the “([^”]+)” tab\.", said)
    assert tab in [t.label for t in at.tabs]  # named exactly as it is labelled
    assert at.session_state["meeting_tab"] == tab == "Thank you"  # and open
