"""Browser tests: Debian's Chromium, driven by Playwright, against `streamlit run` on localhost.

Under CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
START_TIMEOUT_S = 60


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing; `make test` installs it with apt-get."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Server:
    url: str
    db_path: Path
    process: subprocess.Popen


def start_server(db_path: Path, env_extra: dict[str, str] | None = None) -> Server:
    """Start `streamlit run app.py` on a free port with its own database; wait until healthy."""
    port = _free_port()
    env = {**os.environ, "INFOINT_DB": str(db_path), **(env_extra or {})}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read().strip() == b"ok":
                    return Server(url, db_path, process)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("streamlit did not become healthy within a minute")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = start_server(tmp_path / "e2e.duckdb")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


@pytest.fixture
def shots(request) -> Path:
    """A folder for this test's screenshots, printed so a failing run can be looked at."""
    folder = ARTIFACTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"\nscreenshots: {folder}")
    return folder


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script (no spinner, no 'Running').

    The app root says whether a run is under way; right after a page load it says 'initial'
    until the first run starts, and widgets clicked before that run ends can be lost.
    """
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )


README_SHOTS = ROOT / "docs" / "screenshots"
README_MARGIN = 16


def readme_screenshot(page, name: str, shots: Path, last=None) -> Path:
    """The main area, from the page title to the end of `last` (default: all), as a picture.

    Taken in a window tall enough to hold it all (the page scrolls inside Streamlit's own
    container, so a "full page" screenshot would stop at the window). The README's copies
    are committed: a run rewrites them only with UPDATE_SCREENSHOTS=1, so `make test` leaves
    the work tree clean.
    """
    window = page.viewport_size
    page.set_viewport_size({"width": window["width"], "height": 3000})
    try:
        main = page.get_by_test_id("stMainBlockContainer").bounding_box()
        top = page.get_by_test_id("stHeading").first.bounding_box()["y"] - README_MARGIN
        end = (last or page.get_by_test_id("stMainBlockContainer")).bounding_box()
        bottom = end["y"] + end["height"] + README_MARGIN
        taken = shots / name
        page.screenshot(
            path=taken,
            # one pixel in from the left: the sidebar's border is not part of the picture
            clip={"x": main["x"] + 1, "y": top, "width": main["width"] - 1, "height": bottom - top},
            scale="css",
            animations="disabled",
        )
    finally:
        page.set_viewport_size(window)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(taken, README_SHOTS / name)
    return taken
