"""A running app whose code changed on disk says so, instead of failing with a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import ui, updates

ROOT = Path(__file__).resolve().parent.parent


def package(tmp_path: Path) -> Path:
    (tmp_path / "migrations").mkdir()
    (tmp_path / "insights.py").write_text("RATE = 1\n")
    (tmp_path / "migrations" / "0001_start.sql").write_text("CREATE TABLE t (x INT);\n")
    (tmp_path / "favicon.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_nothing_changed_is_the_same_stamp(tmp_path: Path):
    folder = package(tmp_path)
    assert updates.stamp(folder) == updates.stamp(folder)


def test_a_module_edited_in_place_changes_the_stamp(tmp_path: Path):
    folder = package(tmp_path)
    before = updates.stamp(folder)
    module = folder / "insights.py"
    status = module.stat()
    module.write_text("RATE = 2\n")  # the same size: told apart by its time
    os.utime(module, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))
    assert updates.stamp(folder) != before


def test_a_new_migration_or_a_removed_module_changes_the_stamp(tmp_path: Path):
    folder = package(tmp_path)
    before = updates.stamp(folder)
    (folder / "migrations" / "0002_more.sql").write_text("ALTER TABLE t ADD COLUMN y INT;\n")
    with_migration = updates.stamp(folder)
    assert with_migration != before
    (folder / "insights.py").unlink()
    assert updates.stamp(folder) not in (before, with_migration)


def test_files_that_are_not_code_do_not_count(tmp_path: Path):
    folder = package(tmp_path)
    before = updates.stamp(folder)
    (folder / "favicon.png").write_bytes(b"\x89PNG and more")
    (folder / "notes.txt").write_text("anything")
    assert updates.stamp(folder) == before


def test_the_running_package_is_stamped_with_its_modules_and_migrations():
    assert any(name == "infoint/ui.py" for name, _, _ in updates.LOADED)
    assert any(name.startswith("migrations/") for name, _, _ in updates.LOADED)


@pytest.mark.parametrize("page", ["app.py", "pages/7_insights.py", "pages/9_settings.py"])
def test_a_page_after_an_update_asks_for_a_restart_and_draws_nothing_else(
    app_db, monkeypatch, page
):
    monkeypatch.setattr(updates, "LOADED", frozenset())  # as if every file changed since
    at = AppTest.from_file(str(ROOT / page), default_timeout=30).run()
    assert not at.exception
    [said] = at.warning
    assert said.value == ui.UPDATED_UNDER_US
    assert "make run" in said.value
    assert not at.title and not at.button and not at.error


def test_a_page_with_its_code_as_loaded_runs_as_ever(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert at.title and not [w for w in at.warning if w.value == ui.UPDATED_UNDER_US]
