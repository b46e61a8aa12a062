"""`ui.SaidHere`: a confirmation kept on one run is said on the next, where the page names its
place (beside the button clicked), once. Meetings, Contacts, Settings and Import & export say
theirs with it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from infoint import ui


def page(until_said: bool) -> AppTest:
    def script(until_said: bool) -> None:
        import streamlit as st

        from infoint import ui

        said = ui.SaidHere("test_said_near", until_said=until_said)
        st.write("waiting" if said.waiting("sa") else "nothing waits")
        if st.button("Save", key="save"):
            said.keep(
                "save", "Saved.", link=("https://example.com/next", "Next", ":material/edit:")
            )
            st.rerun()  # as a page does, to show the fresh data
        if st.button("Fail", key="fail"):
            said.keep("save", "No [file](http://e.com) **here**.", failed=True)
            st.rerun()
        if st.button("Name", key="name"):
            said.keep("name", "Named old.", about="new")
            st.rerun()
        if st.session_state.get("draw_save", True):
            st.caption("under Save")
            said.here("save")
        st.caption("under Name")
        said.here("name", worded=lambda message, about: message.replace("old", about))

    return AppTest.from_function(
        script, kwargs={"until_said": until_said}, default_timeout=30
    ).run()


def captions_then(at) -> list[tuple[str, str]]:
    """(type, words) of what the page drew after its first line, in order."""
    return [
        (e.type, getattr(e, "value", getattr(e, "label", "")))
        for e in list(at.main.children.values())[1:]
        if e.type != "button"
    ]


def test_said_on_the_next_run_where_its_place_is_once():
    at = page(until_said=False)
    assert at.markdown[0].value == "nothing waits"
    at.button(key="save").click().run()  # and the run after it, which says it
    assert at.markdown[0].value == "waiting"
    drawn = captions_then(at)
    assert drawn[:3] == [("caption", "under Save"), ("success", "Saved."), ("page_link", "Next")]
    at.run()
    assert not at.success and not at.main.get("page_link")  # said once


def test_a_refusal_is_an_error_shown_as_written_and_wording_can_change():
    at = page(until_said=False)
    at.button(key="fail").click().run()
    [error] = at.error
    assert error.value == ui.as_written("No [file](http://e.com) **here**.")
    assert not at.success
    at.button(key="name").click().run()
    assert [s.value for s in at.success] == ["Named new."]


def test_a_place_not_drawn_lets_it_go_unless_it_waits_until_said():
    for until_said, later in ((False, []), (True, ["Saved."])):
        at = page(until_said=until_said)
        at.session_state["draw_save"] = False
        at.button(key="save").click().run()
        assert not at.success
        at.session_state["draw_save"] = True
        at.run()
        assert [s.value for s in at.success] == later
        at.run()
        assert not at.success
