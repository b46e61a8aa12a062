"""`make run` on another port, for when 8501 is taken (checked with `make -n`: nothing runs)."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def planned_server(*arguments: str) -> str:
    """The streamlit command `make run` would start, without starting anything."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    planned = subprocess.run(
        ["make", "-n", "run", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    [server] = [line for line in planned.splitlines() if "streamlit run" in line]
    return server


def test_make_run_serves_on_8501_by_default():
    assert planned_server().endswith("--server.address 127.0.0.1 --server.port 8501")


def test_make_run_takes_another_port():
    assert planned_server("PORT=8502").endswith("--server.address 127.0.0.1 --server.port 8502")
