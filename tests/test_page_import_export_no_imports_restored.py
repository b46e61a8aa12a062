"""Import & export's "Your imports" does not say "No imports yet" to a user who imported and
then took their imports back by restoring a backup, or by an undo whose backup was pruned since.

A walkthrough: "Back up now" on a new database, a first import, then Settings' "Restore this
backup" of that first backup. The data is then as it was before the import and holds no trace
of it, and "Your imports" read "No imports yet. Your first one appears here with what it
added.", untrue. Only the backups can tell (the restore backs the data up first, import and
all): `settings.no_imports_sentence` reads them.
"""

from __future__ import annotations

from pathlib import Path

from infoint import contacts, db, importer, settings, ui
from tests.test_page_import_export import (
    ADA_MOVED,
    FIRST,
    button,
    export_csv,
    open_page,
    run,
    upload,
)

YET = "No imports yet. Your first one appears here with what it added."
RESTORED = (
    "No imports kept: you restored a backup from before your import. Your next one appears "
    "here with what it added."
)
RESTORED_TWO = (
    "No imports kept: you restored a backup from before your 2 imports. Your next one appears "
    "here with what it added."
)
TAKEN_BACK = (
    "No imports kept: what you imported was undone, or an older backup was restored. Your next "
    "one appears here with what it added."
)
SETTINGS = "pages/9_settings.py"
IMPORTS = "pages/8_import_export.py"


def said(at) -> list[str]:
    return [i.value for i in at.info if "imports" in i.value]


def test_after_restoring_a_backup_from_before_every_import_it_says_they_were_restored_away(
    app_db,
):
    at = open_page()
    at.switch_page(SETTINGS)
    run(at)
    button(at, "Back up now").click()  # of the empty database
    run(at)
    at.switch_page(IMPORTS)
    upload(run(at), FIRST)
    assert not said(at)  # the import is listed
    at.switch_page(SETTINGS)
    run(at)
    [backup] = db.backup_files(app_db)  # a first import takes none
    assert backup.reason == "manual"
    button(at, "Restore this backup").click()
    run(at)
    button(at, "Yes, restore it").click()
    run(at)
    assert any(s.value.startswith("Restored the backup") for s in at.success)
    at.switch_page(IMPORTS)
    run(at)
    assert said(at) == [RESTORED]
    assert settings.import_history(ui.connection()).empty  # the data holds none, truly
    assert said(open_page()) == [RESTORED]  # a new session: from the data and its backups


def test_a_restore_that_took_back_two_imports_says_how_many(db_path):
    """The walkthrough's restore took back a single import and said "from before them"; one
    that takes back two says so, and the single one says "your import" (above)."""
    conn = db.connect(db_path)
    before = db.backup(conn)
    importer.import_file(conn, FIRST, filename="Connections.csv")
    importer.import_file(conn, export_csv(ADA_MOVED), filename="Connections.csv")
    assert len(settings.import_history(conn)) == 2
    conn.close()
    db.restore(db_path, before)
    conn = db.connect(db_path)
    try:
        assert settings.import_history(conn).empty
        assert settings.no_imports_sentence(conn) == RESTORED_TWO
    finally:
        conn.close()


def _import_undo_and_prune(db_path: Path) -> None:
    """Ada added by hand and backed up; an import (which backs up first, as the data holds
    people), a backup of it, its undo; then five restores of the first backup, after which
    the import's and the undo's own backups are pruned (`db.BACKUPS_KEPT` automatic ones)."""
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Ada", "Byron")
    before = db.backup(conn)
    importer.import_file(conn, FIRST, filename="Connections.csv")
    db.backup(conn)  # the user's own backup, with the import in it
    offer = settings.undo_offer(conn)
    conn.close()
    settings.undo_import(db_path, offer)
    for _ in range(db.BACKUPS_KEPT):
        db.restore(db_path, before)
    reasons = [b.reason for b in db.backup_files(db_path)]
    assert "undo" not in reasons and "import" not in reasons  # pruned
    assert reasons.count("restore") == db.BACKUPS_KEPT


def test_after_an_undo_whose_backup_was_pruned_it_does_not_say_no_imports_yet(app_db):
    _import_undo_and_prune(app_db)
    conn = db.connect(app_db)
    try:
        assert settings.import_history(conn).empty
        assert settings.no_imports_sentence(conn) == TAKEN_BACK
    finally:
        conn.close()
    assert said(open_page()) == [TAKEN_BACK]


def test_the_backup_taken_before_an_import_tells_that_one_was_made(db_path):
    """The import's own backup is left only by an import that went through (a failed one
    deletes it), so once the undo's is pruned it still says the user imported."""
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Ada", "Byron")
    importer.import_file(conn, FIRST, filename="Connections.csv")
    offer = settings.undo_offer(conn)
    conn.close()
    settings.undo_import(db_path, offer)
    [undone] = [b for b in db.backup_files(db_path) if b.reason == "undo"]
    undone.path.unlink()  # as pruning does
    conn = db.connect(db_path)
    try:
        assert settings.no_imports_sentence(conn) == TAKEN_BACK
    finally:
        conn.close()


def test_with_nothing_left_to_tell_it_says_no_imports_yet(db_path):
    """A first import (into an empty database: no backup of its own) undone, and the undo's
    backup gone: nothing on disk says an import was made, so nothing is claimed."""
    conn = db.connect(db_path)
    importer.import_file(conn, FIRST, filename="Connections.csv")
    offer = settings.undo_offer(conn)
    conn.close()
    settings.undo_import(db_path, offer)
    for found in db.backup_files(db_path):
        found.path.unlink()
    conn = db.connect(db_path)
    try:
        assert settings.no_imports_sentence(conn) == YET
    finally:
        conn.close()


def test_a_restore_that_took_no_import_back_leaves_the_undo_named(db_path):
    """Imported, undone, then a backup from before restored: the undo took the import back,
    and says so as before, not the restore."""
    conn = db.connect(db_path)
    before = db.backup(conn)
    importer.import_file(conn, FIRST, filename="Connections.csv")
    offer = settings.undo_offer(conn)
    conn.close()
    settings.undo_import(db_path, offer)
    db.restore(db_path, before)
    conn = db.connect(db_path)
    try:
        assert settings.no_imports_sentence(conn) == settings.NO_IMPORTS_KEPT
    finally:
        conn.close()
