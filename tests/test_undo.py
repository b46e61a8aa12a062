"""Undo the last import: offered exactly while nothing else was written since, and it works."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import duckdb
import pytest

from infoint import (
    contacts,
    db,
    importer,
    interactions,
    meetings,
    profile,
    settings,
    targets,
    text,
)
from infoint.errors import InfointError
from infoint.linkedin import read_connections

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def export_csv(*rows: str) -> bytes:
    """A Connections.csv in LinkedIn's current shape (no newline after the last row)."""
    return (PREAMBLE + HEADER + "\n".join(rows)).encode()


FIRST_ADA = (
    "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Analytical Engines,Engineer,06 Nov 2024"
)
FIRST = export_csv(
    FIRST_ADA,
    "Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023",
)
SECOND = export_csv(
    "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Babbage & Co,Lead Engineer,06 Nov 2024",
    "Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023",
    "Alan,Turing,https://www.linkedin.com/in/alan-t,,Bletchley Park,Cryptanalyst,12 Jan 2022",
)


def named(conn, file_name: str, *, changed: bool = True) -> str:
    """'Connections.csv (27 Nov 2026, 16:40)': the last import of that file (that changed
    something, unless `changed` is False) as the sentences name it, its time read from the
    database: LinkedIn names every export Connections.csv, so the file alone does not say which."""
    (when,) = conn.execute(
        "SELECT imported_at FROM import_batches WHERE file_name = ?"
        " AND (added + updated > 0 OR NOT ?) ORDER BY id DESC LIMIT 1",
        [file_name, changed],
    ).fetchall()[0]
    return f"{file_name} ({text.moment(when)})"


def names(conn) -> list[str]:
    rows = conn.execute("SELECT first_name FROM contacts ORDER BY first_name").fetchall()
    return [row[0] for row in rows]


def undo_and_reopen(conn, db_path):
    offer = settings.undo_offer(conn)
    assert offer is not None
    conn.close()
    settings.undo_import(db_path, offer)
    return db.connect(db_path)


def test_the_first_import_can_be_undone_back_to_an_empty_database(conn, db_path):
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="Data analyst",
        focus_kind=profile.FOCUS_KINDS[0],
        focus="Product",
    )
    report = importer.import_file(conn, FIRST, filename="Connections.csv")
    assert (report.added, report.backup) == (2, None)  # nothing to back up: no one was saved
    assert db.list_backups(db_path) == []
    offer = settings.undo_offer(conn)
    assert offer is not None
    assert (offer.batch_id, offer.file_name, offer.backup) == (
        report.batch_id,
        "Connections.csv",
        None,
    )
    assert isinstance(offer.imported_at, datetime)

    reopened = undo_and_reopen(conn, db_path)
    try:
        assert names(reopened) == []
        for table in importer.IMPORTED_TABLES:
            assert reopened.execute(f"SELECT count(*) FROM {table}").fetchall() == [(0,)]
        assert settings.undo_offer(reopened) is None
        assert profile.get_profile(reopened).name == "Sam Lee"  # the import never touched it
        # The imported people are kept in a backup, in case the undo was the mistake.
        (kept,) = settings.list_backups(reopened)
        assert kept.note == "Before undoing the import of Connections.csv"
        kept = kept.path
        copy = duckdb.connect(str(kept), read_only=True)
        try:
            assert copy.execute("SELECT count(*) FROM contacts").fetchall() == [(2,)]
        finally:
            copy.close()
    finally:
        reopened.close()


def test_the_first_import_undone_can_be_imported_again(conn, db_path):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    reopened = undo_and_reopen(conn, db_path)
    try:
        again = importer.import_file(reopened, FIRST, filename="Connections.csv")
        assert (again.added, again.updated) == (2, 0)
        assert names(reopened) == ["Ada", "Grace"]
    finally:
        reopened.close()


def test_undoing_a_second_import_keeps_the_first(conn, db_path):
    importer.import_file(conn, FIRST, filename="first.csv")
    report = importer.import_file(conn, SECOND, filename="second.csv")
    assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
    assert report.backup is not None
    assert settings.undo_offer(conn).backup == report.backup

    reopened = undo_and_reopen(conn, db_path)
    try:
        assert names(reopened) == ["Ada", "Grace"]
        company = reopened.execute(
            "SELECT co.name FROM contacts c JOIN companies co ON co.id = c.company_id"
            " WHERE c.first_name = 'Ada'"
        ).fetchall()
        assert company == [("Analytical Engines",)]
        assert list(settings.import_history(reopened)["file_name"]) == ["first.csv"]
        # Nothing was written between the two imports, so the first can be undone in turn.
        offer = settings.undo_offer(reopened)
        assert offer is not None and offer.file_name == "first.csv"
    finally:
        reopened.close()


def test_backups_say_which_import_they_came_before(conn):
    importer.import_file(conn, FIRST, filename="first.csv")
    db.backup(conn)
    importer.import_file(conn, SECOND, filename="second.csv")
    notes = [backup.note for backup in settings.list_backups(conn)]
    assert notes == ["Before importing second.csv", "Made by you"]
    times = [backup.taken_at for backup in settings.list_backups(conn)]
    assert times == sorted(times, reverse=True)


def test_backups_name_the_import_an_undo_took_back_and_keep_their_notes_after_it(conn, db_path):
    """Undoing twice once listed 'Before restoring an earlier backup' twice, though no backup
    was restored by the user, and the import backups lost their file names."""
    importer.import_file(conn, FIRST, filename="first.csv")
    importer.import_file(conn, SECOND, filename="second.csv")
    reopened = undo_and_reopen(conn, db_path)  # restores the backup taken before second.csv
    try:
        notes = [backup.note for backup in settings.list_backups(reopened)]
        assert notes == ["Before undoing the import of second.csv", "Before importing second.csv"]
        offer = settings.undo_offer(reopened)
        assert offer.file_name == "first.csv"
    finally:
        reopened.close()
    settings.undo_import(db_path, offer)  # the first import: emptied, after a copy
    emptied = db.connect(db_path)
    try:
        notes = [backup.note for backup in settings.list_backups(emptied)]
        assert notes == [
            "Before undoing the import of first.csv",
            "Before undoing the import of second.csv",
            "Before importing second.csv",
        ]
    finally:
        emptied.close()


def test_a_backup_is_listed_at_the_users_clock_time_not_the_machines(conn):
    # UTC+14 all year: far from any machine's zone but the one, whichever that is.
    meetings.set_time_zone(conn, "Pacific/Kiritimati")
    db.backup(conn)
    (listed,) = settings.list_backups(conn)
    users_now = datetime.now(ZoneInfo("Pacific/Kiritimati")).replace(tzinfo=None)
    assert abs((users_now - listed.taken_at).total_seconds()) < 60


def test_the_offer_ends_with_any_other_write(conn):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    assert settings.undo_state(conn)[1] is None
    ada = conn.execute("SELECT id FROM contacts WHERE first_name = 'Ada'").fetchall()[0][0]
    interactions.log_interaction(conn, ada, "outreach", occurred_at=datetime(2026, 1, 5, 9, 0))
    assert settings.undo_offer(conn) is None
    # A first import into an empty database took no backup: none to point to (a new user
    # followed 'restore a backup in Settings' to 'No backups yet').
    assert settings.list_backups(conn) == []
    assert settings.undo_state(conn)[1] == (
        f"You saved other changes after importing {named(conn, 'Connections.csv')}, so that "
        "import can no longer be undone here; there is no backup to go back to either (“Back up "
        "now” in Settings makes one, to keep what you have from here on)."
    )
    db.backup(conn)
    # A backup made after the import keeps it: no way back to before it either.
    assert settings.undo_state(conn)[1] == (
        f"You saved other changes after importing {named(conn, 'Connections.csv')}, so that "
        "import can no longer be undone here; there is no backup from before it either: the "
        "backups in Settings were all taken after it."
    )


def test_no_reason_is_given_before_any_import(conn):
    assert settings.undo_state(conn)[1] is None


def test_the_offer_ends_when_a_person_is_added_by_hand(conn):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    contacts.add_contact(conn, "Katherine", "Johnson")
    assert settings.undo_offer(conn) is None


def test_the_offer_ends_when_a_field_is_edited_in_place(conn):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    with db.transaction(conn):
        conn.execute("UPDATE companies SET industry = 'Computing' WHERE name = 'Navy'")
    assert settings.undo_offer(conn) is None


def test_the_offer_ends_when_its_backup_is_gone(conn):
    importer.import_file(conn, FIRST, filename="first.csv")
    importer.import_file(conn, SECOND, filename="second.csv")
    settings.undo_offer(conn).backup.unlink()
    assert settings.undo_offer(conn) is None
    assert settings.undo_state(conn)[1].startswith(
        f"The backup taken before you imported {named(conn, 'second.csv')} is gone, so that "
        "import can no longer"
    )


def test_backing_up_does_not_end_the_offer(conn):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    db.backup(conn)
    assert settings.undo_offer(conn) is not None


def test_parsed_connections_imported_as_the_command_line_does_can_be_undone(conn, db_path):
    importer.import_file(conn, FIRST, filename="first.csv")
    report = importer.import_connections(conn, read_connections(SECOND, "second.csv"))
    assert settings.undo_offer(conn).backup == report.backup
    reopened = undo_and_reopen(conn, db_path)
    try:
        assert names(reopened) == ["Ada", "Grace"]
    finally:
        reopened.close()


def test_an_import_that_changed_nothing_is_not_offered(conn, db_path):
    # Someone added by hand and deleted: an export bringing only them back imports no one.
    ada = contacts.add_contact(
        conn, "Ada", "Lovelace", linkedin_url="https://www.linkedin.com/in/ada-l"
    )
    contacts.delete_contact(conn, ada)
    report = importer.import_file(conn, export_csv(FIRST_ADA), filename="ada.csv")
    assert (report.added, report.updated, report.skipped, report.backup) == (0, 0, 1, None)
    assert settings.undo_offer(conn) is None
    assert db.list_backups(db_path) == []
    assert settings.undo_state(conn)[1] == (
        f"Your last import, {named(conn, 'ada.csv', changed=False)}, changed nothing, so there "
        "is nothing to undo; there is no backup to go back to either (“Back up now” in Settings "
        "makes one, to keep what you have from here on)."
    )


DATA_TABLES_SKIPPED = {"migrations", "write_log", "import_undo", "company_spellings"}


def everything(conn) -> dict[str, list[tuple]]:
    """Every row of every table the user's data is in, sorted: bookkeeping aside."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
        if row[0] not in DATA_TABLES_SKIPPED
    ]
    return {
        table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        for table in tables
    }


def test_importing_the_same_file_again_keeps_the_undo_of_the_first_import(conn, db_path):
    report = importer.import_file(conn, FIRST, filename="Connections.csv")
    again = importer.import_file(conn, FIRST, filename="Connections.csv")
    assert (again.added, again.updated, again.unchanged, again.backup) == (0, 0, 2, None)
    assert db.list_backups(db_path) == []  # an import that changes nothing takes no backup
    offer, why_not = settings.undo_state(conn)
    assert why_not is None
    assert (offer.batch_id, offer.file_name, offer.backup) == (
        report.batch_id,
        "Connections.csv",
        None,
    )
    assert offer.unchanged_since == 1
    reopened = undo_and_reopen(conn, db_path)
    try:
        for table in importer.IMPORTED_TABLES:
            assert reopened.execute(f"SELECT count(*) FROM {table}").fetchall() == [(0,)]
        assert settings.undo_state(reopened) == (None, None)
    finally:
        reopened.close()


def test_an_undo_kept_across_re_imports_restores_exactly_the_data_before_the_import(conn, db_path):
    targets.add_company(conn, "Navy", industry="Defence")
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="Data analyst",
        focus_kind=profile.FOCUS_KINDS[0],
        focus="Product",
    )
    importer.import_file(conn, FIRST, filename="first.csv")
    ada = conn.execute("SELECT id FROM contacts WHERE first_name = 'Ada'").fetchall()[0][0]
    interactions.log_interaction(conn, ada, "outreach", occurred_at=datetime(2026, 1, 5, 9, 0))
    before = everything(conn)
    report = importer.import_file(conn, SECOND, filename="second.csv")
    assert report.backup is not None
    backups = db.list_backups(db_path)
    for _ in range(2):  # each import of the same file again changes nothing
        again = importer.import_file(conn, SECOND, filename="second.csv")
        assert (again.added, again.updated, again.backup) == (0, 0, None)
    assert db.list_backups(db_path) == backups
    offer = settings.undo_offer(conn)
    assert (offer.batch_id, offer.backup, offer.unchanged_since) == (
        report.batch_id,
        report.backup,
        2,
    )
    reopened = undo_and_reopen(conn, db_path)
    try:
        assert everything(reopened) == before
        assert list(settings.import_history(reopened)["file_name"]) == ["first.csv"]
    finally:
        reopened.close()


def test_undoing_an_import_keeps_each_thank_you_with_its_meeting(conn, db_path):
    importer.import_file(conn, FIRST, filename="first.csv")
    ada = conn.execute("SELECT id FROM contacts WHERE first_name = 'Ada'").fetchall()[0][0]
    met = [
        meetings.schedule_meeting(conn, ada, datetime(2026, 1, day, 10, tzinfo=ZoneInfo("UTC")))
        for day in (5, 19)
    ]
    for meeting in met:
        meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    meetings.log_thank_you(
        conn, met[1], subject="Thanks", body="Thanks", sent_at=datetime(2026, 1, 20, 8)
    )
    before = everything(conn)
    importer.import_file(conn, SECOND, filename="second.csv")
    reopened = undo_and_reopen(conn, db_path)
    try:
        assert everything(reopened) == before
        assert [meetings.summary(reopened, m).thanked for m in met] == [False, True]
    finally:
        reopened.close()


def test_a_write_between_an_import_and_its_re_import_still_ends_the_offer(conn, db_path):
    importer.import_file(conn, FIRST, filename="first.csv")
    importer.import_file(conn, SECOND, filename="second.csv")
    ada = conn.execute("SELECT id FROM contacts WHERE first_name = 'Ada'").fetchall()[0][0]
    interactions.log_interaction(conn, ada, "outreach", occurred_at=datetime(2026, 1, 5, 9, 0))
    again = importer.import_file(conn, SECOND, filename="second.csv")
    assert (again.added, again.updated, again.backup) == (0, 0, None)
    assert settings.undo_state(conn) == (
        None,
        f"You saved other changes after importing {named(conn, 'second.csv')}, so that import "
        "can no longer be undone here; to go back, restore a backup in Settings.",
    )


def test_a_write_after_a_re_import_ends_the_offer(conn):
    importer.import_file(conn, FIRST, filename="first.csv")
    importer.import_file(conn, FIRST, filename="first.csv")
    assert settings.undo_offer(conn) is not None
    contacts.add_contact(conn, "Katherine", "Johnson")
    assert settings.undo_offer(conn) is None
    assert settings.undo_state(conn)[1].startswith(
        f"You saved other changes after importing {named(conn, 'first.csv')}, so that import"
    )


def test_a_write_that_began_before_a_re_import_and_ended_after_it_ends_the_offer(conn):
    """The re-import cannot see that write, so carrying the undo past it would lose it."""
    importer.import_file(conn, FIRST, filename="first.csv")
    other = conn.cursor()
    try:
        with db.transaction(other):
            other.execute("UPDATE profile SET name = 'Me'")
            importer.import_file(conn, FIRST, filename="first.csv")
            assert settings.undo_offer(conn) is not None
        assert settings.undo_offer(conn) is None
    finally:
        other.close()


def test_a_re_import_into_an_in_memory_database_records_no_undo():
    memory = db.connect(":memory:")
    try:
        importer.import_file(memory, FIRST, filename="first.csv")
        importer.import_file(memory, FIRST, filename="first.csv")
        assert memory.execute("SELECT count(*) FROM import_undo").fetchall() == [(0,)]
        assert settings.undo_state(memory) == (None, None)
    finally:
        memory.close()


def test_a_failed_import_changes_nothing_and_leaves_no_backup(conn, db_path):
    with pytest.raises(InfointError):
        importer.import_file(conn, b"just some words\n", filename="notes.csv")
    assert names(conn) == []
    assert settings.list_backups(conn) == []
    assert settings.undo_offer(conn) is None


def test_the_fingerprint_counts_every_write_and_survives_reopening(conn, db_path):
    before = settings.fingerprint(conn)
    assert before == settings.fingerprint(conn)
    with db.transaction(conn):
        conn.execute("UPDATE profile SET name = 'Me'")  # the same number of rows
    changed = settings.fingerprint(conn)
    assert changed != before
    with pytest.raises(RuntimeError), db.transaction(conn):
        conn.execute("UPDATE profile SET name = 'Not saved'")
        raise RuntimeError("a write that fails is no write")
    assert settings.fingerprint(conn) == changed
    conn.close()
    reopened = db.connect(db_path)
    try:
        assert settings.fingerprint(reopened) == changed
    finally:
        reopened.close()


def test_a_write_that_escaped_a_transaction_still_ends_the_offer(conn):
    importer.import_file(conn, FIRST, filename="first.csv")
    conn.execute("DELETE FROM contacts WHERE first_name = 'Ada'")  # not how infoint writes
    assert settings.undo_offer(conn) is None


def test_a_write_that_began_before_the_import_and_ended_after_it_ends_the_offer(conn):
    """The import cannot see that write, so its undo would lose it."""
    other = conn.cursor()
    try:
        with db.transaction(other):
            other.execute("UPDATE profile SET name = 'Me'")
            importer.import_file(conn, FIRST, filename="first.csv")
            assert settings.undo_offer(conn) is not None
        assert settings.undo_offer(conn) is None
    finally:
        other.close()


def test_an_import_that_fails_after_its_backup_leaves_no_backup(conn, monkeypatch):
    def fail(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "_add_contacts", fail)
    with pytest.raises(RuntimeError):
        importer.import_file(conn, FIRST, filename="Connections.csv")
    assert names(conn) == []
    assert settings.list_backups(conn) == []
    assert settings.import_history(conn).empty


def test_a_company_added_by_hand_before_the_first_import_survives_its_undo(conn, db_path):
    targets.add_company(conn, "Navy", industry="Defence")  # also named in FIRST
    report = importer.import_file(conn, FIRST, filename="Connections.csv")
    assert report.added == 2 and report.backup is not None  # someone's data to keep: a backup
    assert settings.undo_offer(conn).backup == report.backup
    reopened = undo_and_reopen(conn, db_path)
    try:
        assert names(reopened) == []
        kept = reopened.execute("SELECT name, industry, status FROM companies").fetchall()
        assert kept == [("Navy", "Defence", "target")]
    finally:
        reopened.close()


def test_a_first_import_is_not_undone_once_something_was_saved_after_the_offer(conn, db_path):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    offer = settings.undo_offer(conn)
    contacts.add_contact(conn, "Katherine", "Johnson")  # between the offer and the click
    conn.close()
    with pytest.raises(InfointError, match="can no longer be undone"):
        settings.undo_import(db_path, offer)
    reopened = db.connect(db_path)
    try:
        assert names(reopened) == ["Ada", "Grace", "Katherine"]
        assert db.list_backups(db_path) == []
    finally:
        reopened.close()


@pytest.fixture
def opened(monkeypatch):
    """The backups read to learn which import they came before, by file name."""
    names: list[str] = []
    read = settings._held_in

    def spy(path: str, mtime_ns: int, size: int):
        names.append(path.rsplit("/", 1)[-1])
        return read(path, mtime_ns, size)

    monkeypatch.setattr(settings, "_held_in", spy)
    return names


def test_why_an_import_cannot_be_undone_opens_no_backup(conn, opened):
    """Whether a backup exists is all the way back needs: reading each one took 400 ms on the
    first visit to Import & export with ten backups of 30,000 contacts."""
    importer.import_file(conn, FIRST, filename="first.csv")
    importer.import_file(conn, SECOND, filename="second.csv")
    db.backup(conn)
    contacts.add_contact(conn, "Katherine", "Johnson")
    assert settings.undo_state(conn)[1].endswith("to go back, restore a backup in Settings.")
    assert settings.has_backups(conn)
    assert settings.space_used(conn).startswith("Your data and its 2 backups take ")
    assert opened == []


def test_backups_the_data_names_are_listed_without_opening_them(conn, opened):
    importer.import_file(conn, FIRST, filename="first.csv")
    db.backup(conn)
    importer.import_file(conn, SECOND, filename="second.csv")
    notes = [backup.note for backup in settings.list_backups(conn)]
    assert notes == ["Before importing second.csv", "Made by you"]
    assert opened == []


def test_only_the_backups_that_can_name_an_import_are_opened(conn, db_path, opened):
    """After an undo the data no longer names the import backup; the undo's own backup does,
    and it is opened anyway for the import it took back. The older copy is left shut."""
    db.backup(conn)  # of an empty database
    importer.import_file(conn, FIRST, filename="first.csv")
    importer.import_file(conn, SECOND, filename="second.csv")
    reopened = undo_and_reopen(conn, db_path)
    try:
        backups = settings.list_backups(reopened)
    finally:
        reopened.close()
    assert [backup.note for backup in backups] == [
        "Before undoing the import of second.csv",
        "Before importing second.csv",
        "Made by you",
    ]
    assert opened == [backups[0].path.name]
