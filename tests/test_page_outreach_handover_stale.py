"""A "Write to …" button opens the user's unsent draft to a person (see
test_page_outreach_handover.py), but never one that is not theirs to send any more.

A review of the hand-over found drafts are kept by contact id, and a restore (Settings) or an
undone import (Import & export) hands those ids out again: Zoë's words opened under "Your
unsent draft to Yan"."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, outreach
from tests.test_page_import_export import FIRST, upload
from tests.test_page_outreach_handover import (
    COLD,
    FOUND_BY,
    OUTREACH,
    ROOT,
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
    button(at, "Yes, undo the import").click()
    run(at)
    yan = add_yan(app_db)
    assert yan == ada
    opens_fresh(hand_over(at, yan), yan)
