"""The browser tests' server: its output goes to a file, never to a pipe nobody reads."""

import subprocess
import sys

import pytest

from . import conftest
from .conftest import start_server


def test_the_server_writes_to_a_log_file_not_to_a_pipe(server):
    # A pipe fills after some 64 KB; a server that logs more would then hang mid-test.
    assert server.process.stdout is None and server.process.stderr is None
    assert server.log.parent == conftest.ARTIFACTS and server.log.exists()


def test_a_server_that_fails_to_start_shows_the_end_of_its_log(tmp_path, monkeypatch):
    def failing(port, env, output):
        script = "import sys; print('x' * 5000); print('ModuleNotFoundError: nope'); sys.exit(3)"
        return subprocess.Popen(
            [sys.executable, "-c", script], stdout=output, stderr=subprocess.STDOUT
        )

    monkeypatch.setattr(conftest, "_launch", failing)
    with pytest.raises(RuntimeError, match="streamlit exited early") as failure:
        start_server(tmp_path / "never.duckdb")
    message = str(failure.value)
    assert message.rstrip().endswith("ModuleNotFoundError: nope")
    assert len(message) < 2300  # the tail, not the whole log
