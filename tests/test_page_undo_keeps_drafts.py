"""Import & export: a draft typed on Outreach after an import leaves "Undo the last import"
offered, the question says the drafts are kept, and the undo keeps them. Outreach saves a draft
as the user types, and that took the undo away ("You saved other changes after importing …")."""

from __future__ import annotations

from infoint import contacts, db, ui
from tests.test_page_import_export import FIRST, upload
from tests.test_page_outreach_handover import (
    COLD,
    FOUND_BY,
    OUTREACH,
    go,
    open_page,
    run,
    type_draft,
)
from tests.test_page_outreach_handover_stale import button

IMPORT = "pages/8_import_export.py"
ANAS = "Hi Ana, words I typed after the import."


def test_a_draft_typed_after_an_import_leaves_its_undo_and_the_undo_keeps_it(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")  # so the import backs up
    conn.close()
    FOUND_BY[ana] = "Ana"
    at = type_draft(ana, COLD, ANAS)  # a fresh session: Home first, then Outreach
    go(at, IMPORT)
    upload(at, FIRST)
    at = type_draft(ana, COLD, ANAS + " And more.")
    go(at, IMPORT)
    said = " ".join(m.value for m in at.markdown)
    assert "can no longer be undone" not in said
    button(at, "Undo the last import").click()
    run(at)
    assert at.warning[0].value.endswith(
        ui.plain(
            "Nothing else has changed since, so nothing else is lost; your unsent drafts are kept."
        )
    )
    button(at, "Yes, undo the import").click()
    run(at)
    assert "was undone" in at.success[0].value
    conn = db.connect(app_db)
    try:
        assert [row[0] for row in conn.execute("SELECT first_name FROM contacts").fetchall()] == [
            "Ana"
        ]
    finally:
        conn.close()
    at = open_page(OUTREACH)  # a new session: the words come from the database
    at.text_input(key="outreach_find").set_value("Ana")
    run(at)
    assert at.selectbox(key="outreach_contact").value == ana
    at.selectbox(key="outreach_template").set_value(COLD)
    run(at)
    assert at.text_area(key=f"body_{ana}_{COLD}").value == ANAS + " And more."
