"""When an import can no longer be undone, Settings is offered only with a backup from before it.

A new user was sent to "restore a backup in Settings" where every backup listed was taken
after that import ("Before importing Connections_new.csv", "Before restoring an earlier
backup"): restoring any of them kept the import. Which backups come before is decided from
their times and the import's, not from their notes.
"""

from __future__ import annotations

from infoint import contacts, db, importer, meetings, settings
from infoint.linkedin import read_connections
from tests.test_undo import named

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ADA = "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Analytical Engines,Engineer,06 Nov 2024"
GRACE = "Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023"
ALAN = "Alan,Turing,https://www.linkedin.com/in/alan-t,,Bletchley Park,Cryptanalyst,12 Jan 2022"
FIRST = (HEADER + ADA + "\n" + GRACE).encode()
NEW = (HEADER + ADA + "\n" + GRACE + "\n" + ALAN).encode()

NONE_BEFORE = (
    "there is no backup from before it either: the backups in Settings were all taken after it."
)


def saved_since(conn) -> str:
    return (
        f"You saved other changes after importing {named(conn, 'Connections.csv')}, so that "
        "import can no longer be undone here; "
    )


def none_from_before(conn) -> str:
    return saved_since(conn) + NONE_BEFORE


def to_settings(conn) -> str:
    return saved_since(conn) + "to go back, restore a backup in Settings."


def test_backups_all_taken_after_the_import_are_not_offered_as_the_way_back(db_path):
    """The walkthrough: a first import (which takes no backup), a second one, the backup
    before it restored in Settings, then a change."""
    conn = db.connect(db_path)
    importer.import_file(conn, FIRST, filename="Connections.csv")
    second = importer.import_file(conn, NEW, filename="Connections_new.csv")
    conn.close()
    db.restore(db_path, second.backup)  # back to just after Connections.csv
    conn = db.connect(db_path)
    try:
        contacts.add_contact(conn, "Katherine", "Johnson")
        notes = [backup.note for backup in settings.list_backups(conn)]
        assert notes == [
            "Before restoring an earlier backup",
            "Before importing Connections_new.csv",
        ]
        assert settings.undo_state(conn) == (None, none_from_before(conn))
        assert not settings.can_go_back(conn)
    finally:
        conn.close()


def test_a_backup_made_after_the_import_does_not_go_back_before_it(conn):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    db.backup(conn)
    contacts.add_contact(conn, "Katherine", "Johnson")
    assert settings.undo_state(conn)[1] == none_from_before(conn)
    assert not settings.can_go_back(conn)


def test_a_backup_made_before_the_import_is_the_way_back(conn):
    db.backup(conn)  # the user's own, before anything was imported
    importer.import_file(conn, FIRST, filename="Connections.csv")
    db.backup(conn)
    contacts.add_contact(conn, "Katherine", "Johnson")
    assert settings.undo_state(conn)[1] == to_settings(conn)
    assert settings.can_go_back(conn)


def test_the_imports_own_backup_is_the_way_back_though_taken_as_it_ran(conn):
    importer.import_file(conn, FIRST, filename="first.csv")
    report = importer.import_connections(conn, read_connections(NEW, "Connections.csv"))
    assert report.backup is not None
    contacts.add_contact(conn, "Katherine", "Johnson")
    assert settings.undo_state(conn)[1] == to_settings(conn)
    assert settings.can_go_back(conn)


def test_with_the_imports_own_backup_gone_an_older_one_still_goes_back(conn):
    importer.import_file(conn, FIRST, filename="first.csv")
    db.backup(conn)
    report = importer.import_file(conn, NEW, filename="Connections.csv")
    report.backup.unlink()
    assert settings.undo_state(conn)[1] == (
        f"The backup taken before you imported {named(conn, 'Connections.csv')} is gone, so "
        "that import can no longer be undone here; to go back, restore a backup in Settings."
    )
    assert settings.can_go_back(conn)


def test_with_the_imports_own_backup_gone_and_none_older_there_is_none_from_before(conn):
    importer.import_file(conn, FIRST, filename="first.csv")
    report = importer.import_file(conn, NEW, filename="Connections.csv")
    db.backup(conn)
    report.backup.unlink()
    assert settings.undo_state(conn)[1].endswith(
        "there is no backup from before it either: the backups in Settings were all taken after it."
    )
    assert not settings.can_go_back(conn)


def test_times_are_compared_in_the_users_zone(conn):
    """Import times are the user's wall clock, backup names the machine's (UTC here): read
    as the same clock, a backup taken after an import in UTC+14 would seem 14 hours older."""
    meetings.set_time_zone(conn, "Pacific/Kiritimati")
    importer.import_file(conn, FIRST, filename="Connections.csv")
    db.backup(conn)
    contacts.add_contact(conn, "Katherine", "Johnson")
    assert settings.undo_state(conn)[1] == none_from_before(conn)
    assert not settings.can_go_back(conn)


def test_after_an_import_that_changed_nothing_any_backup_is_offered(conn):
    ada = contacts.add_contact(
        conn, "Ada", "Lovelace", linkedin_url="https://www.linkedin.com/in/ada-l"
    )
    contacts.delete_contact(conn, ada)
    db.backup(conn)
    report = importer.import_file(conn, (HEADER + ADA).encode(), filename="ada.csv")
    assert (report.added, report.updated) == (0, 0)
    assert settings.undo_state(conn)[1].endswith("to go back, restore a backup in Settings.")
    assert settings.can_go_back(conn)


def test_nothing_to_go_back_to_without_any_import(conn):
    assert settings.undo_state(conn) == (None, None)
    assert not settings.can_go_back(conn)
