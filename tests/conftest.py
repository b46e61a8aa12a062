"""Shared fixtures: a fresh database per test, and AppTest pointed at it."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from infoint import db
from tests.script_cache import scripts_compiled_once

if TYPE_CHECKING:  # streamlit is imported by the tests that use it, not by every test
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The user's time zone defaults to the machine's: tests run as on a machine set to UTC, so they
# pass on any machine (tests of other zones set TZ themselves).
os.environ["TZ"] = "UTC"
time.tzset()

# CI runs the same examples every time (`.ci/run` sets CI): a failure there is reproducible.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database goes; nothing is there yet (tests of a first open need that)."""
    return tmp_path / "infoint.duckdb"


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database made once per test process by `db.connect` (every migration applied),
    then closed. Its copy is what a test's first `db.connect` of a new file makes, in a
    twentieth of the time: the migrations took 0.3-0.6 s per test and well over a thousand
    tests start from a new database."""
    path = tmp_path_factory.mktemp("migrated") / "infoint.duckdb"
    db.connect(path).close()
    assert not path.with_name(f"{path.name}.wal").exists()  # closed whole: one file to copy
    return path


def _new_database(db_path: Path, migrated_db: Path) -> Path:
    shutil.copyfile(migrated_db, db_path)
    return db_path


@pytest.fixture
def conn(db_path: Path, migrated_db: Path):
    connection = db.connect(_new_database(db_path, migrated_db))
    yield connection
    connection.close()


@pytest.fixture(scope="session", autouse=True)
def _components_scanned_once():
    """Each new AppTest scans every installed package's metadata for Streamlit components
    (0.15 s, a second under load, before its first run). The packages installed do not change
    during a test run, so each test process scans them once and hands out what it found."""
    if "streamlit" not in sys.modules:
        yield
        return
    from streamlit.components.v2 import manifest_scanner

    found = manifest_scanner.scan_component_manifests()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda: list(found))
        yield


@pytest.fixture(scope="session", autouse=True)
def _scripts_compiled_once():
    """Each AppTest run compiles the scripts once more; each test process does it once."""
    if "streamlit" not in sys.modules:
        yield
        return
    with scripts_compiled_once():
        yield


@pytest.fixture(autouse=True)
def _clear_streamlit_caches():
    """Streamlit's caches outlive an AppTest; each test starts from none."""
    yield
    if "streamlit" not in sys.modules:
        return
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_db(db_path: Path, migrated_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app (AppTest) at a temporary new database and return its path."""
    monkeypatch.setenv("INFOINT_DB", str(db_path))
    monkeypatch.chdir(ROOT)
    return _new_database(db_path, migrated_db)


@pytest.fixture
def trip_to_settings():
    """`trip(at, name, back_to)`: leave a page for Settings, save `name` there and come back
    to `back_to`, as the "Fill in … in Settings" link has the user do. Streamlit forgets the
    page's widgets on the way, which is what the pages that keep a draft must survive."""

    def trip(at: AppTest, name: str, back_to: str) -> AppTest:
        at.switch_page("pages/9_settings.py")
        _ran_cleanly(at)
        at.text_input(key="profile_name").set_value(name)
        at.button(key="FormSubmitter:profile_form-Save your profile").click()
        _ran_cleanly(at)
        at.switch_page(back_to)
        return _ran_cleanly(at)

    return trip


def _ran_cleanly(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def opened(page: str | None = None) -> AppTest:
    """A new session's first run of Home, or of `page` ('pages/1_targets.py'), checked to
    have raised nothing."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if page:
        at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def quick_charts(at: AppTest) -> dict[str, dict]:
    """The figures a page drew with `ui.chart` (our plotly.js bundle), by widget key.

    AppTest does not know that component, so it lists each as an unknown element that keeps
    the data sent to the browser."""
    sent = [
        (element.proto.id.rsplit("-", 1)[-1], json.loads(element.proto.json))
        for element in at.get("bidi_component")
        if element.proto.component_name == "infoint.chart"
    ]
    return {key: data["figure"] for key, data in sent if "figure" in data}


def copy_texts(at: AppTest) -> list[str]:
    """The texts a page offers to copy (`ui.copy_box`, the draft with its copy button), as
    sent to the browser: AppTest lists that component as an unknown element with its data."""
    return [
        json.loads(element.proto.json)["text"]
        for element in at.get("bidi_component")
        if element.proto.component_name == "infoint.copy"
    ]


@pytest.fixture
def held_clock(monkeypatch) -> list[float]:
    """`time.monotonic` held still, moved on only by the test (through the list returned):
    what a page reads as "soon after" then never depends on how fast the machine runs it.
    AppTest's own timeout reads `time.time`, which runs on."""
    now = [time.monotonic()]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    return now
