"""Two backups taken in the same minute were told apart only by their notes ('27 Nov 2026,
17:02 · Made by you' twice, say, after a double click): each is now named so that no two
read the same, to the second when they share a minute and numbered when they share a second
too, while a backup alone in its minute reads as every moment in the app does."""

from __future__ import annotations

import shutil
from pathlib import Path

from infoint import db, settings
from tests.test_page_settings import open_page


def taken(db_path: Path, *stamps: str) -> None:
    """Backups of the database as if taken at `stamps` ('20261127-170210-000000-manual')."""
    conn = db.connect(db_path)
    try:
        made = db.backup(conn)
    finally:
        conn.close()
    for stamp in stamps:
        shutil.copy(made, made.with_name(f"{db_path.stem}-{stamp}.duckdb"))
    made.unlink()


def labels(db_path: Path) -> list[str]:
    conn = db.connect(db_path)
    try:
        return [backup.label for backup in settings.list_backups(conn)]
    finally:
        conn.close()


def test_alone_in_its_minute_a_backup_reads_as_every_moment(db_path):
    taken(db_path, "20261127-170210-000000-manual", "20261127-180000-000000-import")
    assert labels(db_path) == ["27 Nov 2026, 18:00", "27 Nov 2026, 17:02"]


def test_two_in_the_same_minute_are_told_apart_by_the_second(db_path):
    taken(
        db_path,
        "20261127-170210-000000-manual",
        "20261127-170245-000000-restore",
        "20261127-180000-000000-manual",
    )
    assert labels(db_path) == [
        "27 Nov 2026, 18:00",
        "27 Nov 2026, 17:02:45",
        "27 Nov 2026, 17:02:10",
    ]


def test_two_in_the_same_second_are_numbered_in_the_order_taken(db_path):
    taken(db_path, "20261127-170210-100000-manual", "20261127-170210-600000-manual")
    assert labels(db_path) == ["27 Nov 2026, 17:02:10 (2 of 2)", "27 Nov 2026, 17:02:10 (1 of 2)"]


def test_the_page_names_each_backup_its_own_way(app_db):
    taken(app_db, "20261127-170210-000000-manual", "20261127-170245-000000-manual")
    at = open_page()
    [picker] = [s for s in at.selectbox if s.label == "Backup to restore"]
    assert picker.options == [
        "27 Nov 2026, 17:02:45 · Made by you",
        "27 Nov 2026, 17:02:10 · Made by you",
    ]
    assert list(at.dataframe[0].value["Taken"]) == [
        "27 Nov 2026, 17:02:45",
        "27 Nov 2026, 17:02:10",
    ]
    at.button(key="restore_backup").click()
    at.run()
    assert at.warning[0].value.startswith(
        "Your data goes back to how it was on 27 Nov 2026, 17:02:45. "
    )


def test_the_table_numbers_two_taken_in_the_same_second_as_the_picker_does(app_db):
    """They read '27 Nov 2026, 17:02:10' alike in the table, told apart in the picker only."""
    taken(app_db, "20261127-170210-100000-manual", "20261127-170210-600000-manual")
    at = open_page()
    [picker] = [s for s in at.selectbox if s.label == "Backup to restore"]
    assert list(at.dataframe[0].value["Taken"]) == [
        "27 Nov 2026, 17:02:10 (2 of 2)",
        "27 Nov 2026, 17:02:10 (1 of 2)",
    ]
    assert [f"{t} · Made by you" for t in at.dataframe[0].value["Taken"]] == picker.options


def test_a_restore_names_the_backup_as_the_list_does_after_it(app_db):
    """Restoring a backup just made takes one of its own in the same minute: 'Restored the
    backup from 27 Nov 2026, 17:41.' stood under a list of '17:41:25' and '17:41:22'."""
    from infoint import contacts, ui
    from tests.test_page_settings import button, run

    at = open_page()
    contacts.add_contact(ui.connection(), "Ada", "Lovelace")
    button(at, "Back up now").click()
    run(at)
    button(at, "Restore this backup").click()
    run(at)
    button(at, "Yes, restore it").click()
    run(at)
    [picker] = [s for s in at.selectbox if s.label == "Backup to restore"]
    [mine] = [o for o in picker.options if o.endswith(" · Made by you")]
    label = mine.removesuffix(" · Made by you")
    assert [s.value for s in at.success] == [f"Restored the backup from {label}."]
