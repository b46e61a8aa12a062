"""A double click on "Back up now" took two backups of the same data, a moment apart. A click
within `ui.DOUBLE_CLICK_SECONDS` of the backup it made, nothing saved between, is taken
for the same click made twice, as Contacts' log form takes its own: it makes none and says so;
a click after that one, a later one, or one after a change makes a backup again."""

from __future__ import annotations

import pytest

from infoint import contacts, db, ui
from tests.test_page_settings import button, open_page, run

AGAIN = (
    "That second click made no other backup: it came right after the first. "
    "To make another anyway, click “Back up now” again."
)


def backed_up(at) -> list[str]:
    return [s.value for s in at.success if s.value.startswith("Backed up: ")]


@pytest.fixture
def a_long_moment(monkeypatch):
    """Every click counts as 'within a moment', however slow the machine runs the page."""
    monkeypatch.setattr(ui, "DOUBLE_CLICK_SECONDS", 3600.0)


def test_a_double_click_makes_one_backup_and_says_so(app_db, a_long_moment):
    at = open_page()
    button(at, "Back up now").click()
    run(at)
    [first] = backed_up(at)
    assert [i.value for i in at.info] == []
    button(at, "Back up now").click()
    run(at)
    assert len(db.backup_files(app_db)) == 1
    assert backed_up(at) == [first]  # the one backup, still there to download
    assert [d.label for d in at.get("download_button")] == ["Download this backup"]
    assert [i.value for i in at.info] == [AGAIN]
    assert len(at.dataframe[0].value) == 1
    # As it says: clicked again, it makes another.
    button(at, "Back up now").click()
    run(at)
    assert len(db.backup_files(app_db)) == 2
    assert [i.value for i in at.info] == []


def test_a_click_after_a_change_makes_a_backup(app_db, a_long_moment):
    at = open_page()
    button(at, "Back up now").click()
    run(at)
    contacts.add_contact(ui.connection(), "Ada", "Lovelace")
    button(at, "Back up now").click()
    run(at)
    assert len(db.backup_files(app_db)) == 2
    assert [i.value for i in at.info] == []


def test_a_later_click_makes_a_backup(app_db, monkeypatch):
    monkeypatch.setattr(ui, "DOUBLE_CLICK_SECONDS", 0.0)
    at = open_page()
    button(at, "Back up now").click()
    run(at)
    button(at, "Back up now").click()
    run(at)
    assert len(db.backup_files(app_db)) == 2
