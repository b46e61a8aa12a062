"""Whether a backup from before an import is offered does not change with the user's zone.

An import's time is wall time in the zone the user had when importing, and nothing records
that zone; the backups' times are the machine's clock. They were compared in the zone the
user has now, so after a change of zone in Settings a backup from before the import was no
longer offered (to Tokyo), or one from after it was (to New York), off by the change.
"""

from __future__ import annotations

from infoint import contacts, db, importer, meetings, settings
from tests.test_undo import named
from tests.test_undo_backup_before import none_from_before, to_settings

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ADA = "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Analytical Engines,Engineer,06 Nov 2024"
GRACE = "Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023"
FIRST = (HEADER + ADA).encode()
NEW = (HEADER + ADA + "\n" + GRACE).encode()


def test_a_backup_from_before_a_first_import_is_still_offered_after_moving_east(conn):
    db.backup(conn)  # the user's own, before the import
    importer.import_file(conn, FIRST, filename="Connections.csv")  # the first: no backup of its own
    contacts.add_contact(conn, "Katherine", "Johnson")
    said = to_settings(conn)
    assert settings.undo_state(conn)[1] == said
    meetings.set_time_zone(conn, "Asia/Tokyo")
    # The import's time as recorded, as the undo offer says it: the sentence stays the same.
    assert settings.undo_state(conn)[1] == said
    assert settings.can_go_back(conn)


def test_a_backup_from_after_a_first_import_is_still_not_offered_after_moving_west(conn):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    db.backup(conn)  # the user's own, after the import
    contacts.add_contact(conn, "Katherine", "Johnson")
    said = none_from_before(conn)
    assert settings.undo_state(conn)[1] == said
    meetings.set_time_zone(conn, "America/New_York")
    assert settings.undo_state(conn)[1] == said
    assert not settings.can_go_back(conn)


def _second_import_without_its_backup(conn, *, user_backup_first: bool) -> None:
    importer.import_file(conn, FIRST, filename="first.csv")
    if user_backup_first:
        db.backup(conn)
    report = importer.import_file(conn, NEW, filename="Connections.csv")
    assert report.backup is not None
    if not user_backup_first:
        db.backup(conn)
    report.backup.unlink()  # its own backup gone: only the user's can go back, or not
    contacts.add_contact(conn, "Katherine", "Johnson")


def gone(conn) -> str:
    return (
        f"The backup taken before you imported {named(conn, 'Connections.csv')} is gone, so "
        "that import can no longer be undone here; "
    )


def test_with_the_imports_own_backup_gone_an_older_one_is_offered_after_moving_east(conn):
    _second_import_without_its_backup(conn, user_backup_first=True)
    meetings.set_time_zone(conn, "Asia/Tokyo")
    assert settings.undo_state(conn)[1] == gone(conn) + "to go back, restore a backup in Settings."
    assert settings.can_go_back(conn)


def test_with_the_imports_own_backup_gone_a_newer_one_is_not_offered_after_moving_west(conn):
    _second_import_without_its_backup(conn, user_backup_first=False)
    meetings.set_time_zone(conn, "America/New_York")
    assert settings.undo_state(conn)[1] == gone(conn) + (
        "there is no backup from before it either: the backups in Settings were all taken after it."
    )
    assert not settings.can_go_back(conn)
