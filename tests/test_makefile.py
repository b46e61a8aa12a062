"""What `make run` and `make test` would do (checked with `make -n`: nothing runs)."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def planned(*arguments: str) -> list[str]:
    """The commands `make` would run, without running anything."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    return subprocess.run(
        ["make", "-n", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()


def planned_server(*arguments: str) -> str:
    """The streamlit command `make run` would start."""
    [server] = [line for line in planned("run", *arguments) if "streamlit run" in line]
    return server


def test_make_run_serves_on_8501_by_default():
    assert planned_server().endswith("--server.address 127.0.0.1 --server.port 8501")


def test_make_run_takes_another_port():
    assert planned_server("PORT=8502").endswith("--server.address 127.0.0.1 --server.port 8502")


def test_make_test_runs_every_test_and_the_browser_tests_one_at_a_time():
    """The browser tests each start a server and Chromium: spread over workers, they would
    compete for the two cores CI has; the rest may share them."""
    runs = [line for line in planned("test") if "-m pytest" in line]
    assert len(runs) == 2
    without_browser, browser = runs
    assert '-m "not e2e"' in without_browser and "-n auto" in without_browser
    assert browser.endswith("-m pytest -m e2e")
