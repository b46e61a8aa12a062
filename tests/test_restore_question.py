"""The restore question says what is true of the backup chosen: it said "Everything you
changed after that is lost from your data" even right after "Back up now", when nothing had
changed (a walkthrough), where the undo of an import says "Nothing else has changed since".
Whether anything was saved since is told by the writes counted (`write_log`) and every
table's rows (`importer.fingerprint`), read from the backup once; when that cannot be told,
it says nothing it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoint import contacts, db, settings, ui
from tests.test_page_settings import button, open_page, run

NOTHING = "Nothing has been saved since that backup was taken, so nothing is lost."
SAVED = (
    "What you saved after that is lost from your data, but today's data is backed up first, "
    "so you can restore it again if this was a mistake."
)
UNSURE = (
    "Whatever changed since that backup was taken is lost from your data, but today's data "
    "is backed up first, so you can restore it again if this was a mistake."
)


def question(conn, path: Path) -> str:
    [backup] = [b for b in settings.list_backups(conn) if b.path == path]
    return settings.restore_question(conn, backup)


def test_right_after_a_backup_nothing_is_lost(conn):
    made = db.backup(conn)
    assert settings.saved_since(conn, made) is False
    said = question(conn, made)
    assert said.startswith("Your data goes back to how it was on ")
    assert said.endswith(NOTHING)


def test_a_save_after_the_backup_is_said_to_be_lost(conn):
    contacts.add_contact(conn, "Ada", "Lovelace")
    made = db.backup(conn)
    contacts.add_contact(conn, "Grace", "Hopper")
    assert settings.saved_since(conn, made) is True
    assert question(conn, made).endswith(SAVED)


def test_restored_the_data_is_the_backup_again(db_path):
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Ada", "Lovelace")
    made = db.backup(conn)
    contacts.add_contact(conn, "Grace", "Hopper")
    conn.close()
    db.restore(db_path, made)
    conn = db.connect(db_path)
    try:
        assert settings.saved_since(conn, made) is False
    finally:
        conn.close()


def test_after_going_back_past_a_backup_it_says_only_what_it_knows(db_path):
    """Back to an older copy, then as many saves as the newer one had: the counts agree, but
    the data went another way."""
    conn = db.connect(db_path)
    older = db.backup(conn)
    contacts.add_contact(conn, "Ada", "Lovelace")
    newer = db.backup(conn)
    conn.close()
    db.restore(db_path, older)
    conn = db.connect(db_path)
    try:
        assert settings.saved_since(conn, newer) is None  # older data than that backup's
        contacts.add_contact(conn, "Grace", "Hopper")  # one write, as many as the newer one
        assert settings.saved_since(conn, newer) is None
        assert question(conn, newer).endswith(UNSURE)
    finally:
        conn.close()


def test_a_change_that_escaped_the_count_is_not_called_nothing(conn):
    made = db.backup(conn)
    conn.execute("INSERT INTO contacts (profile_key, first_name) VALUES ('manual:x', 'X')")
    assert settings.saved_since(conn, made) is None


def test_a_backup_of_no_writes_at_all_says_only_what_it_knows(conn):
    """Nothing in it to find in the data now: the data may have come from elsewhere."""
    made = db.backup(conn)
    contacts.add_contact(conn, "Ada", "Lovelace")
    assert settings.saved_since(conn, made) is None
    assert question(conn, made).endswith(UNSURE)


def test_a_backup_that_cannot_be_read_is_not_called_unchanged(conn):
    made = db.backup(conn)
    made.write_bytes(b"not a database")
    assert settings.saved_since(conn, made) is None


def test_the_page_asks_with_the_true_words(app_db):
    at = open_page()
    contacts.add_contact(_connection(), "Ada", "Lovelace")
    button(at, "Back up now").click()
    run(at)
    button(at, "Restore this backup").click()
    run(at)
    [asked] = at.warning
    assert asked.value.endswith(NOTHING)
    contacts.add_contact(_connection(), "Grace", "Hopper")
    run(at)  # the question still open says what is true now
    [asked] = at.warning
    assert asked.value.endswith(SAVED)


@pytest.fixture
def opened(monkeypatch):
    names: list[str] = []
    read = settings._held_in

    def spy(path: str, mtime_ns: int, size: int):
        names.append(path.rsplit("/", 1)[-1])
        return read(path, mtime_ns, size)

    monkeypatch.setattr(settings, "_held_in", spy)
    return names


def test_the_backup_is_read_only_while_the_question_is_asked(app_db, opened):
    at = open_page()
    button(at, "Back up now").click()
    run(at)
    run(at)
    assert opened == []
    button(at, "Restore this backup").click()
    run(at)
    assert opened
    button(at, "Cancel").click()
    run(at)
    opened.clear()
    run(at)
    assert opened == []


def _connection():
    return ui.connection()
