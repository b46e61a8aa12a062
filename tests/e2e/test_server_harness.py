"""The browser tests' server: its output goes to a file, never to a pipe nobody reads."""

import socket
import subprocess
import sys

import pytest

from . import conftest
from .conftest import start_server, stop_server


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


def test_a_port_taken_before_the_server_binds_it_is_given_up_for_another(tmp_path, monkeypatch):
    """Two workers run the browser tests: the other's server can take the port picked here."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        picks = iter([busy])
        free_port = conftest._free_port
        monkeypatch.setattr(conftest, "_free_port", lambda: next(picks, None) or free_port())
        server = start_server(tmp_path / "moved.duckdb")
        try:
            assert server.url != f"http://127.0.0.1:{busy}"
            logs = {path.name for path in conftest.ARTIFACTS.glob("streamlit-*.log")}
            assert f"streamlit-{busy}.log" in logs  # it was tried, and said why it stopped
            said = (conftest.ARTIFACTS / f"streamlit-{busy}.log").read_text()
            assert f"Port {busy} is not available" in said
        finally:
            stop_server(server)
