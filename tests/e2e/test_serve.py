"""The launcher `make run` uses (serve.py), started for real: it answers, and it has opened the
database before any page was visited (`streamlit run app.py` opens it on the first visit)."""

import time
import urllib.request

from .conftest import start_server, stop_server


def test_the_launcher_answers_and_opens_the_database_before_any_visit(tmp_path):
    path = tmp_path / "fresh.duckdb"
    server = start_server(path)  # waits for /_stcore/health to answer "ok"
    try:
        deadline = time.monotonic() + 30
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert path.exists(), "the warm-up did not open (create) the database"
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as response:
            assert response.read().strip() == b"ok"
    finally:
        stop_server(server)
    assert "Warming up" not in server.log.read_text(), "the warm-up logged a failure"
