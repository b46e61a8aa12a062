"""A draft's words are kept by a callback that must not fail when a box holds no value."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def keep_with(present: dict[str, str]) -> AppTest:
    def script(present: dict[str, str]) -> None:
        import streamlit as st

        from infoint import ui

        for key, value in present.items():
            st.session_state[key] = value
        ui._keep_draft("subject_1_2", "body_1_2", ("Hello", "Dear Ana"))
        st.write(repr(st.session_state.get(ui.KEPT_DRAFTS)))

    return AppTest.from_function(script, kwargs={"present": present}, default_timeout=30).run()


def test_a_missing_subject_box_keeps_nothing_and_raises_nothing():
    at = keep_with({"body_1_2": "Dear Ana, my own words"})
    assert not at.exception, at.exception
    assert at.markdown[0].value == "None"


def test_both_boxes_edited_are_kept():
    at = keep_with({"subject_1_2": "Hello", "body_1_2": "Dear Ana, my own words"})
    assert not at.exception, at.exception
    assert "my own words" in at.markdown[0].value
