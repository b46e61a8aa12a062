"""Outreach keeps the user's unsent draft in the database, per person and template: a reload
(F5), a new tab or a restart is a new session, which brought back the template with
`{their_work}` in it and "Log as sent" disabled, the words written gone. Each AppTest below is
a new session on the same database, as a reload is."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, outreach, ui

ROOT = Path(__file__).resolve().parent.parent
OUTREACH = "pages/3_outreach.py"
SHARED, COLD = 2, 3  # the built-in templates' ids
SUBJECT = "Your talk on type, and a question"
MINE = "Hi Bo, your talk on type stayed with me. Could we have a 20-minute call? Sam"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def new_session() -> AppTest:
    """The app opened afresh on Outreach: a reload, another tab, or after a restart."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(OUTREACH)
    return run(at)


def choose_bo(at: AppTest) -> AppTest:
    at.text_input(key="outreach_find").set_value("berg")  # one match: picked
    return run(at)


def type_draft(at: AppTest, bo: int, subject: str = SUBJECT, body: str = MINE) -> AppTest:
    at.text_input(key=f"subject_{bo}_{COLD}").set_value(subject)
    at.text_area(key=f"body_{bo}_{COLD}").set_value(body)
    return run(at)


def log_button(at: AppTest):
    [button] = [b for b in at.button if b.key == "log_sent"]
    return button


def said_saved(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if ui.plain("Your saved draft to Bo") in c.value]


@pytest.fixture
def bo(app_db) -> int:
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Initech", position="Engineer")
    conn.close()
    return bo


def test_a_new_session_opens_the_draft_as_written_with_logging_open(bo):
    at = choose_bo(new_session())
    assert at.selectbox(key="outreach_template").value == COLD
    assert "{their_work}" in at.text_area(key=f"body_{bo}_{COLD}").value
    type_draft(at, bo)
    assert said_saved(at)  # said as soon as it is saved

    again = new_session()  # F5: nothing chosen in this session yet
    assert again.selectbox(key="outreach_contact").value == bo
    assert again.selectbox(key="outreach_template").value == COLD
    assert again.text_input(key=f"subject_{bo}_{COLD}").value == SUBJECT
    assert again.text_area(key=f"body_{bo}_{COLD}").value == MINE
    assert not log_button(again).disabled
    assert said_saved(again) == [
        ":material/save: Your saved draft to Bo: it stays here, even after a reload or a "
        "restart, until you log it as sent."
    ]


def test_a_draft_under_a_template_picked_by_hand_opens_under_it(bo):
    """Not the one suggested for Bo (the cold message): the one the words were written under."""
    at = choose_bo(new_session())
    at.selectbox(key="outreach_template").set_value(SHARED)
    run(at)
    at.text_area(key=f"body_{bo}_{SHARED}").set_value(MINE)
    run(at)
    again = new_session()
    assert again.selectbox(key="outreach_template").value == SHARED
    assert again.text_area(key=f"body_{bo}_{SHARED}").value == MINE


def test_a_write_in_one_session_is_seen_by_another_already_open(bo):
    """Caches (the connection, `ui.cached`) are shared across sessions: the draft is read
    afresh, so a session that drew Bo's template before sees the words saved since."""
    first = choose_bo(new_session())
    assert "{their_work}" in first.text_area(key=f"body_{bo}_{COLD}").value
    second = new_session()
    second.selectbox(key="outreach_contact").set_value(None)
    choose_bo(run(second))
    type_draft(second, bo)
    first.switch_page("app.py")
    run(first)
    first.switch_page(OUTREACH)  # Streamlit forgot the boxes on the way
    run(first)
    assert first.text_area(key=f"body_{bo}_{COLD}").value == MINE


def test_starting_again_asks_first_then_opens_the_template_and_forgets_the_words(bo, app_db):
    type_draft(choose_bo(new_session()), bo)
    at = new_session()
    [again] = [b for b in at.button if b.key == "start_again"]
    assert again.label == "Start again from the template"
    again.click()
    run(at)
    assert [w.value for w in at.warning] == [
        "Start again from the template? The words you wrote to Bo here will be gone."
    ]
    assert at.text_area(key=f"body_{bo}_{COLD}").value == MINE  # nothing gone yet
    [keep] = [b for b in at.button if b.key == "start_again_keep"]
    keep.click()
    run(at)
    assert not at.warning and at.text_area(key=f"body_{bo}_{COLD}").value == MINE
    [again] = [b for b in at.button if b.key == "start_again"]
    again.click()
    run(at)
    [sure] = [b for b in at.button if b.key == "start_again_sure"]
    sure.click()
    run(at)
    assert "{their_work}" in at.text_area(key=f"body_{bo}_{COLD}").value
    assert not said_saved(at) and "Start again" not in str([w.value for w in at.warning])
    conn = db.connect(app_db)
    try:
        assert outreach.saved_draft(conn, bo, COLD) is None
    finally:
        conn.close()
    fresh = new_session()
    assert fresh.selectbox(key="outreach_contact").value is None


def test_logging_it_as_sent_clears_it(bo, app_db):
    at = type_draft(choose_bo(new_session()), bo)
    log_button(at).click()
    run(at)
    assert at.success  # logged
    fresh = new_session()
    assert fresh.selectbox(key="outreach_contact").value is None
    choose_bo(fresh)
    assert MINE not in [box.value for box in fresh.text_area] and not said_saved(fresh)
    conn = db.connect(app_db)
    try:
        assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(0,)]
    finally:
        conn.close()


def test_a_message_logged_elsewhere_or_the_person_deleted_leaves_no_draft(bo, app_db):
    type_draft(choose_bo(new_session()), bo)
    conn = db.connect(app_db)
    try:
        interactions.log_interaction(conn, bo, "outreach", subject=SUBJECT, body=MINE)
        assert outreach.saved_draft(conn, bo, COLD) is None  # logged on Contacts: sent
    finally:
        conn.close()
    assert new_session().selectbox(key="outreach_contact").value is None
    # written again, then the person deleted
    type_draft(choose_bo(new_session()), bo, body=MINE + " Again.")
    conn = db.connect(app_db)
    try:
        assert outreach.saved_draft(conn, bo, COLD).typed == (SUBJECT, MINE + " Again.")
        contacts.delete_contact(conn, bo)
        assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(0,)]
    finally:
        conn.close()
    assert new_session().selectbox(key="outreach_contact").value is None
