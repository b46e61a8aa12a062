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


def test_make_test_runs_every_test_and_the_racing_browser_tests_one_at_a_time():
    """The browser tests each start a server and Chromium, which keep about one core of CI's
    two busy: they run two at a time, but those marked `alone` (racing Streamlit's reruns)
    one at a time, after the rest; the tests without a browser share the cores."""
    runs = [line for line in planned("test") if "-m pytest" in line]
    assert len(runs) == 3
    without_browser, browser, alone = runs
    assert '-m "not e2e"' in without_browser and "-n auto" in without_browser
    assert '-m "e2e and not alone" -n 2' in browser
    assert '-m pytest -m "e2e and alone"' in alone and "-n " not in alone


def test_make_test_runs_a_failed_browser_test_once_more_and_shows_why():
    """CI's loaded cores let a late rerun of Streamlit's race a browser test now and then: such
    a test gets a second run, and the first one's error stays in the summary."""
    without_browser, *browser_runs = [line for line in planned("test") if "-m pytest" in line]
    assert "--reruns" not in without_browser
    for line in browser_runs:
        assert "--reruns 1" in line and "--rerun-show-tracebacks" in line


def test_make_test_sets_up_the_environment_and_chromium_side_by_side_first():
    plan = planned("test")
    [setup] = [line for line in plan if "-j2" in line]
    assert ".venv/.installed-dev-" in setup and setup.endswith(" chromium")
    first_run = next(i for i, line in enumerate(plan) if "-m pytest" in line)
    assert plan.index(setup) < first_run
