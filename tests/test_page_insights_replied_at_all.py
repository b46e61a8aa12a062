"""Insights with the demo: its first sentence gives Home's Response rate as who replied at
all, then who replied within 3 business days (a walkthrough read only the second, 47 %, beside
Home's 50 %, and took them for one figure that disagreed)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import db, demo

ROOT = Path(__file__).resolve().parent.parent


def test_insights_first_share_is_homes_response_rate(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    card = next(m for m in at.metric if m.label == "Response rate")
    replied, of = card.proto.delta.split(" replied")[0].split(" of ")
    assert "however long it took" in card.help and "within 3 business days" in card.help
    at.switch_page("pages/7_insights.py")
    at.run()
    assert not at.exception, at.exception
    said = at.markdown[0].value
    assert said.startswith(f"{replied} of the {of} people you wrote to replied ({card.value}); ")
    assert " within 3 business days (" in said.split(". ")[0]
