"""The house rules of DESIGN.md that code review alone would miss."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = sorted(p.stem for p in (ROOT / "infoint").glob("*.py") if p.stem not in {"__init__", "ui"})
SQL = re.compile(r"\b(SELECT\s|INSERT INTO|UPDATE \w+ SET|DELETE FROM)", re.IGNORECASE)


def test_domain_modules_import_without_streamlit():
    code = (
        "import importlib, sys\n"
        f"for name in {DOMAIN!r}:\n"
        "    importlib.import_module('infoint.' + name)\n"
        "print('streamlit' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"
    assert len(DOMAIN) >= 6


def test_only_ui_imports_streamlit():
    for path in (ROOT / "infoint").glob("*.py"):
        if path.name != "ui.py":
            assert "import streamlit" not in path.read_text(), path


def test_pages_hold_no_sql():
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        assert not SQL.search(path.read_text()), f"{path.name} builds SQL; move it to infoint/"


def test_pages_share_one_count_column():
    """Counts look alike on every page ("3,467"): `ui.count_column` builds their column, and no
    page keeps a copy of its own that could drift."""
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        assert "def count_column" not in path.read_text(), f"{path.name}: use ui.count_column"
    assert "def count_column" in (ROOT / "infoint" / "ui.py").read_text()


def test_every_date_box_takes_any_day_typed():
    """A browser never sends a day typed outside a date box's range: the box reddens and the
    script keeps its old day, without a word. `ui.day_input` takes any day to 31 Dec 9998
    (a last day in 9999 froze the browser's tab); no page draws a date box of its own."""
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        assert "date_input(" not in path.read_text(), f"{path.name}: use ui.day_input"


def test_every_form_is_sent_by_its_button_only():
    """Enter in a form's text box sends the form unless told otherwise, and a half-filled
    form was logged that way: `ui.form` turns it off, and no page draws a form of its own."""
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        assert "st.form(" not in path.read_text(), f"{path.name}: use ui.form"


def test_every_page_starts_with_the_shared_setup():
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]:
        assert "ui.page(" in path.read_text(), path.name
        assert "st.navigation" not in path.read_text(), path.name


def test_server_is_local_and_sends_no_statistics():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["headless"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showSidebarNavigation"] is False
    assert 4 <= config["server"]["maxUploadSize"] <= 50


def test_database_files_and_backups_stay_out_of_git():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "data/*.duckdb*" in ignored and "data/backups/" in ignored and ".venv/" in ignored
