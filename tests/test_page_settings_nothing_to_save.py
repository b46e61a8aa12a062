"""Saving the profile says what the save did, and claims no save of nothing. A new user sent
the blank form and read 'Saved, but your profile is still blank, so there is nothing to show
yet.': a save reported when nothing was entered. A form sent as it was saved now says so, and
what to fill in; a field cleared on purpose is a real change, and said as one."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import db, profile

ROOT = Path(__file__).resolve().parent.parent
SAVE = "FormSubmitter:profile_form-Save your profile"
FILL_IN = (
    "fill in your name and role for your message templates, and what you need to learn, in a "
    "few words, for Home."
)


def open_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/9_settings.py")
    at.run()
    assert not at.exception, at.exception
    return at


def save(at: AppTest) -> AppTest:
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    return at


def said(at: AppTest) -> tuple[list[str], list[str]]:
    """The profile form's successes, and its notices (the page's others left out)."""
    notices = [i.value for i in at.info if "save" in i.value or "Save" in i.value]
    return [s.value for s in at.success], notices


def keep(app_db: Path, **fields) -> None:
    conn = db.connect(app_db)
    profile.save_profile(
        conn,
        **{
            "name": "",
            "job_title": "",
            "focus_kind": "occupation",
            "focus": "",
            **fields,
        },
    )
    conn.close()


def test_the_blank_form_sent_as_it_is_claims_no_save_and_says_what_to_fill_in(app_db):
    at = save(open_page())
    assert said(at) == ([], [f"Nothing to save yet: {FILL_IN}"])


def test_a_filled_profile_sent_unchanged_says_nothing_changed(app_db):
    keep(app_db, name="Sam Lee", focus="health tech")
    at = save(open_page())
    assert said(at) == (
        [],
        ["Nothing changed, so there was nothing to save. Still blank: your role."],
    )


def test_a_profile_emptied_on_purpose_is_saved_and_said_so(app_db):
    keep(app_db, name="Sam Lee", job_title="a data analyst")
    at = open_page()
    at.text_input(key="profile_name").set_value("")
    at.text_input(key="profile_role").set_value("")
    save(at)
    assert said(at) == (
        [
            "Saved: you cleared your name and your role. Your name, role and what you need to "
            "learn are all blank now; fill them in for your message templates and Home."
        ],
        [],
    )
    conn = db.connect(app_db)
    me = profile.get_profile(conn)
    conn.close()
    assert (me.name, me.job_title) == ("", "")


def test_a_change_that_leaves_the_profile_blank_is_a_save_with_the_blanks_named(app_db):
    at = open_page()
    at.radio(key="profile_focus_kind").set_value("industry")
    save(at)
    assert said(at) == (
        [
            "Saved. Your name, role and what you need to learn are still blank; fill them in "
            "for your message templates and Home."
        ],
        [],
    )


def test_one_field_cleared_of_several_keeps_the_usual_words(app_db):
    keep(app_db, name="Sam Lee", job_title="a data analyst", focus="health tech")
    at = open_page()
    at.text_input(key="profile_role").set_value("")
    save(at)
    assert said(at) == (
        ["Saved. Templates use your name; Home shows your focus. Still blank: your role."],
        [],
    )
