"""Words typed the moment after choosing another template stay in the draft in view.

The box of the template chosen before stays on screen until the choice's run draws the new
one: words typed into it then reach the page with the choice, in the old template's box.
They were kept under the old template, and the new draft showed its own text (empty for a
blank page), the words gone from view; in Chromium, 'Hola Zoë…' typed right after picking
"A blank page" left the blank box empty under 'Your edits under “Cold, after reading their
profile or work” are kept'. The browser sends the choice and the words in one run, as
AppTest does here."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, ui

ROOT = Path(__file__).resolve().parent.parent
OUTREACH = "pages/3_outreach.py"
SHARED, COLD, BLANK = 2, 3, 0  # the built-in templates' ids; 0 is "A blank page"
MINE = "Hola Zoë, your talk on type stayed with me. Could we have a 15-minute call?"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.fixture
def zoe(app_db) -> int:
    """Zoë at Initech, 1st degree, never written to: the cold template is suggested. Bo at
    Initech has not answered a message of 20 days ago, so Follow-ups offers to write to her."""
    conn = db.connect(app_db)
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Initech", position="Engineer")
    person = contacts.add_contact(
        conn, "Zoë", "Ñúñez", company="Initech", position="Senior Designer"
    )
    interactions.log_interaction(conn, bo, "outreach", occurred_at=date.today() - timedelta(20))
    conn.close()
    return person


def composer_on(person: int) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(OUTREACH)
    run(at)
    at.text_input(key="outreach_find").set_value("nunez")  # one match: picked
    run(at)
    assert at.selectbox(key="outreach_contact").value == person
    assert at.selectbox(key="outreach_template").value == COLD
    return at


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_words_typed_right_after_choosing_a_template_stay_in_view(zoe):
    at = composer_on(zoe)
    at.selectbox(key="outreach_template").set_value(BLANK)
    at.text_area(key=f"body_{zoe}_{COLD}").set_value(MINE)  # the box still on screen
    run(at)
    assert at.selectbox(key="outreach_template").value == BLANK
    assert at.text_area(key=f"body_{zoe}_None").value == MINE
    assert at.text_input(key=f"subject_{zoe}_None").value == ""
    assert "are kept" not in captions(at)
    # the cold draft is the template's again, and the blank one keeps the words
    at.selectbox(key="outreach_template").set_value(COLD)
    run(at)
    body = at.text_area(key=f"body_{zoe}_{COLD}").value
    assert body.startswith("Hi Zoë,\n\nI read your {their_work}") and MINE not in body
    assert ui.plain("Your edits under “A blank page” are kept") in captions(at)
    at.selectbox(key="outreach_template").set_value(BLANK)
    run(at)
    assert at.text_area(key=f"body_{zoe}_None").value == MINE


def test_the_words_open_again_from_follow_ups(zoe):
    at = composer_on(zoe)
    at.selectbox(key="outreach_template").set_value(BLANK)
    at.text_area(key=f"body_{zoe}_{COLD}").set_value(MINE)
    run(at)
    at.switch_page("pages/4_follow_ups.py")
    run(at)
    [write] = [b for b in at.button if b.label == "Write to Zoë Ñúñez — Senior Designer"]
    write.click()
    run(at)
    at.switch_page(OUTREACH)
    run(at)
    assert at.selectbox(key="outreach_template").value == BLANK
    assert at.text_area(key=f"body_{zoe}_None").value == MINE


def test_words_typed_before_choosing_stay_with_their_template(zoe):
    """Typed, then clicked out (the words reach the page on their own run), then another
    template chosen: the words are the first template's draft, as before."""
    at = composer_on(zoe)
    at.text_area(key=f"body_{zoe}_{COLD}").set_value(MINE)
    run(at)
    at.selectbox(key="outreach_template").set_value(BLANK)
    run(at)
    assert at.text_area(key=f"body_{zoe}_None").value == ""
    assert ui.plain("Your edits under “Cold, after reading their profile or work” are kept") in (
        captions(at)
    )
    at.selectbox(key="outreach_template").set_value(COLD)
    run(at)
    assert at.text_area(key=f"body_{zoe}_{COLD}").value == MINE


def test_words_of_the_new_template_already_typed_are_not_replaced(zoe):
    """The blank draft already holds words of the user's: words arriving in the cold box with
    the choice stay there, said under the picker, rather than replace them."""
    at = composer_on(zoe)
    at.selectbox(key="outreach_template").set_value(BLANK)
    run(at)
    at.text_area(key=f"body_{zoe}_None").set_value("Earlier words of mine.")
    run(at)
    at.selectbox(key="outreach_template").set_value(COLD)
    run(at)
    at.selectbox(key="outreach_template").set_value(BLANK)
    at.text_area(key=f"body_{zoe}_{COLD}").set_value(MINE)
    run(at)
    assert at.text_area(key=f"body_{zoe}_None").value == "Earlier words of mine."
    assert ui.plain("Your edits under “Cold, after reading their profile or work” are kept") in (
        captions(at)
    )
