"""The foundation's promise: the served app shows the database's contact count."""

from infoint import contacts, db

from .conftest import start_server, stop_server, wait_for_app


def test_home_shows_the_contact_count(tmp_path, page, shots):
    db_path = tmp_path / "smoke.duckdb"
    conn = db.connect(db_path)
    for name in ("Ana", "Bo", "Cy"):
        contacts.add_contact(conn, name, "Test")
    conn.close()
    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        metric = page.get_by_test_id("stMetric").filter(has_text="Contacts").first
        metric.wait_for()
        assert "3" in metric.inner_text()
        page.screenshot(path=shots / "home.png", full_page=True)
    finally:
        stop_server(server)


def test_health_endpoint_answers_ok(server):
    import urllib.request

    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as response:
        assert response.read().strip() == b"ok"
