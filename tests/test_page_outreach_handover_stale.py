"""A "Write to …" button opens the user's unsent draft to a person (see
test_page_outreach_handover.py), but never one that is not theirs to send any more.

A review of the hand-over found two ways it reopened the wrong words:
- drafts are kept by contact id, and a restore (Settings) or an undone import (Import &
  export) hands those ids out again: Zoë's words opened under "Your unsent draft to Yan";
- a first message logged on Contacts after it was typed on Outreach was sent, yet Follow-ups'
  "Write the follow-up" opened it as an unsent draft, inviting it to be sent twice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, outreach, ui
from tests.test_page_import_export import FIRST, upload
from tests.test_page_outreach_handover import (
    COLD,
    FOUND_BY,
    OUTREACH,
    POLITE_FOLLOW_UP,
    ROOT,
    click,
    go,
    run,
    said_kept,
    type_draft,
)

ZOES = "Hola Zoë, words for Zoë only."


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} among {[b.label for b in at.button]}"
    return found[0]


def hand_over(at: AppTest, contact_id: int) -> AppTest:
    """What a "Write to …" button does: Outreach, opened on the person."""
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = contact_id
    return go(at, OUTREACH)


def add_yan(path) -> int:
    conn = db.connect(path)
    yan = contacts.add_contact(conn, "Yan", "Wu", company="Hooli")
    conn.close()
    return yan


def opens_fresh(at: AppTest, yan: int) -> None:
    assert at.selectbox(key="outreach_contact").value == yan
    assert at.selectbox(key="outreach_template").value == COLD  # the one suggested
    assert at.text_area(key=f"body_{yan}_{COLD}").value.startswith("Hi Yan")
    assert "Zoë" not in at.text_area(key=f"body_{yan}_{COLD}").value
    assert not said_kept(at)


def test_a_draft_to_someone_a_restore_took_away_does_not_open_for_who_gets_their_id(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    db.backup(conn)
    zoe = contacts.add_contact(conn, "Zoë", "Ñúñez", company="Initech")
    conn.close()
    FOUND_BY[zoe] = "nunez"
    at = type_draft(zoe, COLD, ZOES)
    go(at, "pages/9_settings.py")
    button(at, "Restore this backup").click()
    run(at)
    button(at, "Yes, restore it").click()
    run(at)
    assert "Restored the backup" in at.success[0].value
    yan = add_yan(app_db)
    assert yan == zoe  # the id is handed out again
    opens_fresh(hand_over(at, yan), yan)


def test_a_draft_to_someone_an_undone_import_took_away_does_not_open_for_who_gets_their_id(
    app_db,
):
    # Outreach saves the draft in the database: that leaves the undo offered, and the undo's
    # question says the draft goes with the person the import added.
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/8_import_export.py")
    upload(run(at), FIRST)
    conn = db.connect(app_db)
    [[ada]] = conn.execute("SELECT id FROM contacts WHERE first_name = 'Ada'").fetchall()
    conn.close()
    FOUND_BY[ada] = "lovelace"
    at = type_draft(ada, COLD, ZOES)
    go(at, "pages/8_import_export.py")
    button(at, "Undo the last import").click()
    run(at)
    assert at.warning[0].value.endswith(
        ui.plain(
            "Your unsent draft to Ada Lovelace, whom that import added, goes too; nothing else "
            "is lost."
        )
    )
    button(at, "Yes, undo the import").click()
    run(at)
    yan = add_yan(app_db)
    assert yan == ada
    opens_fresh(hand_over(at, yan), yan)


@pytest.fixture
def zoe(app_db):
    conn = db.connect(app_db)
    zoe = contacts.add_contact(conn, "Zoë", "Ñúñez", company="Initech", position="Designer")
    conn.close()
    FOUND_BY[zoe] = "nunez"
    return zoe


def test_a_first_message_logged_on_contacts_is_not_opened_as_unsent_by_write_the_follow_up(
    app_db, zoe
):
    at = type_draft(zoe, COLD, ZOES)
    # Sent from the user's email, and logged on Contacts (as its "Log" does), 20 days ago.
    conn = db.connect(app_db)
    interactions.log_once(conn, zoe, "outreach", occurred_at=date.today() - timedelta(20))
    conn.close()
    go(at, "pages/4_follow_ups.py")
    click(at, "Write the follow-up")
    assert at.selectbox(key="outreach_contact").value == zoe
    assert at.radio(key="outreach_kind").value == "follow_up"
    assert at.selectbox(key="outreach_template").value == POLITE_FOLLOW_UP
    assert at.text_area(key=f"body_{zoe}_{POLITE_FOLLOW_UP}").value.startswith("Hi Zoë")
    assert not said_kept(at)


def test_a_first_message_seen_again_after_a_log_is_the_users_own_again(app_db, zoe):
    """Opened again on Outreach after that log, the draft is one the user chose to keep: the
    next hand-over opens it as before."""
    at = type_draft(zoe, COLD, ZOES)
    conn = db.connect(app_db)
    interactions.log_once(conn, zoe, "outreach", occurred_at=date.today() - timedelta(20))
    conn.close()
    go(at, "pages/4_follow_ups.py")
    go(at, OUTREACH)  # by the sidebar: the same person and draft, as left
    assert at.text_area(key=f"body_{zoe}_{COLD}").value == ZOES
    go(at, "pages/6_referrals.py")
    hand_over(at, zoe)
    assert at.text_area(key=f"body_{zoe}_{COLD}").value == ZOES
    assert len(said_kept(at)) == 1
