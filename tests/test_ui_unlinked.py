"""Confirmations show a web or email address the user typed as text, not as a link
(`ui.unlinked`), as errors do since f4f22af (`ui.as_written`).

User text in a confirmation is escaped (`ui.plain`), but GFM finds an address once escapes are
read: Contacts' "Save details" with the tags "ana@example.org, warm, warm" said 'Saved. Tags
saved as “ana@example.org, warm”: a repeat was left out.' with a mailto link, and Settings'
"Ruled out www.acme-labs.com." a link to that site. A word joiner (U+2060, no width) where the
address starts to be one stops it; copied out with the address, the app takes it back without
it (03869dd).
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, targets, ui
from tests.test_page_contacts_said_here import record
from tests.test_page_settings import button, open_page, run
from tests.test_ui_as_written import _ESCAPED, linked, shown


def test_saved_tags_with_an_email_address_say_it_as_text(app_db):
    ann, at = record(app_db, "Edit details")
    at.text_input(key=f"edit_tags_{ann}").input("ana@example.org, warm, warm")
    at.button(key=f"save_{ann}").click()
    run(at)
    [said] = at.success
    assert shown(said.value) == (
        "Saved. Tags saved as “ana@example.org, warm”: a repeat was left out."
    )
    assert linked(said.value) == []


def test_a_company_ruled_out_by_its_web_address_is_said_as_text(app_db):
    conn = db.connect(app_db)
    acme = targets.add_company(conn, "www.acme-labs.com")
    conn.close()
    at = open_page()
    at.text_input(key="rule_out_company_find").set_value("acme")
    run(at)
    [choice] = at.selectbox(key="rule_out_company_acme").options
    assert choice.startswith("www.acme-labs.com")
    at.selectbox(key="rule_out_company_acme").set_value(acme)
    at.text_input(key="rule_out_reason").set_value("No team for me there")
    run(at)
    button(at, "Rule out this company").click()
    run(at)
    [said] = at.success
    assert shown(said.value) == "Ruled out www.acme-labs.com. Nothing is due there now."
    assert linked(said.value) == []


def said_here(message: str) -> AppTest:
    def script(message: str) -> None:
        import streamlit as st

        from infoint import ui

        said = ui.SaidHere("test_unlinked")
        if st.button("Save", key="save"):
            said.keep("save", message)
            st.rerun()
        said.here("save")

    at = AppTest.from_function(script, kwargs={"message": message}, default_timeout=30).run()
    at.button(key="save").click().run()
    return at


def test_every_confirmation_said_where_clicked_shows_addresses_as_text():
    typed = "ana@e.org, (bo.li@x.co) https://zoom.us/j/1_2 www.e.com HTTP://E.COM mailto:c@d.org"
    assert len(linked(typed)) == 6  # as GFM would find them
    at = said_here(f"Saved: {ui.plain(typed)}.")
    [said] = at.success
    assert shown(said.value) == f"Saved: {typed}."
    assert linked(said.value) == []


def test_our_own_words_are_left_as_they_are():
    for words in ("Saved.", "Meeting marked held.", "Restored the backup from 27 Nov, 17:02."):
        assert ui.unlinked(words) == words
    [said] = said_here("Prep sheet saved.").success
    assert said.value == "Prep sheet saved."


def test_an_address_copied_out_of_a_confirmation_is_taken_as_it_reads(db_path):
    """What the user copies is the text on screen, the joiners with it: pasted into a person's
    email, it is saved as typed, without them."""
    copied = _ESCAPED.sub(r"\1", ui.unlinked(ui.plain("ana@example.org")))
    assert copied != "ana@example.org" and copied.replace(ui.WORD_JOINER, "") == "ana@example.org"
    conn = db.connect(db_path)
    try:
        bo = contacts.add_contact(conn, "Bo", "Li", email=copied)
        assert contacts.get_contact(conn, bo).email == "ana@example.org"
    finally:
        conn.close()
