"""With nothing due, Follow-ups and Home say why, in view: the demo with every item due
dismissed says the 3 dismissed, where they are, and whom you wait on (walkthrough: a bare
'Nothing is due today')."""

from infoint import db, demo, followups

from .conftest import go, in_view, start_server, stop_server, wait_for_app

DISMISSED = "you dismissed 3 things, and the foot of this page can show them again"


def test_nothing_due_says_why_on_follow_ups_and_home(tmp_path, page, shots):
    path = tmp_path / "demo.duckdb"
    conn = db.connect(path)
    demo.load_demo(conn)
    due = followups.due_items(conn)
    assert len(due) == 3  # the demo's follow-ups
    followups.dismiss_many(conn, [item.key for item in due])
    conn.close()
    server = start_server(path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        home_said = page.get_by_text("you dismissed 3 things, and Follow-ups can show them")
        home_said.wait_for()
        assert in_view(page, home_said)
        page.screenshot(path=shots / "home.png")
        go(page, "Follow-ups", "What is due now?")
        said = page.get_by_test_id("stAlertContentSuccess")
        assert "Nothing is due today; you are waiting on 1 person" in said.inner_text()
        assert DISMISSED.capitalize() in said.inner_text()  # its second sentence
        assert in_view(page, said)
        assert page.get_by_text("Show what you dismissed (3)").count() == 1
        page.screenshot(path=shots / "follow_ups.png")
    finally:
        stop_server(server)
