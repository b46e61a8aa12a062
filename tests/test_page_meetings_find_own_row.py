"""Work on a meeting: the search and the Meeting box each take a row of their own, so at
800 px (the sidebar open) neither is cut ("Part of a name or com", "…Otto Blom (Vantage Ana")."""

from tests.test_page_meetings import meetings_page, past_meeting, replied, run  # noqa: F401


def test_the_search_and_the_meeting_box_are_not_in_columns(past_meeting):  # noqa: F811
    at = run(meetings_page())
    assert at.text_input(key="meeting_find") is not None
    assert at.selectbox(key="meeting_pick") is not None
    for column in at.columns:
        assert "meeting_find" not in [box.key for box in column.text_input]
        assert "meeting_pick" not in [box.key for box in column.selectbox]
