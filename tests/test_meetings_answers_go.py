"""The Debrief's caption over the answers says plainly what happens when the company notes have
no room for them ('when they have room' left it to guess)."""

from tests.test_page_meetings import meetings_page, past_meeting, replied, run  # noqa: F401


def test_the_caption_says_where_answers_go_when_the_notes_are_full(past_meeting):  # noqa: F811
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    said = " ".join(m.value for m in at.markdown)
    assert "each answer is also added to the company notes. When those notes are full" in said
    assert "the answers are kept here, with this meeting, and saving says so." in said
    assert "when they have room" not in said
