"""Insights with someone written to today: they still have time to reply, so the share of
quick replies leaves them out, and the sentence, the waits' table, its chart and the note
that adds up to Replied all say so alike (a new user's walkthrough read "1 of the 2 people
you wrote to replied within 3 business days (50 %)")."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, insights, interactions, profile
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def test_someone_written_to_today_still_has_time(app_db):
    conn = db.connect(app_db)
    ana, ben = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Ben")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ben, "outreach", occurred_at=profile.now(conn))
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/7_insights.py")
    at.run()
    assert not at.exception, at.exception
    said = at.markdown[0].value
    assert said == (
        "You wrote to 2 people. The one who replied did so **on the same day** as your first "
        "message. 1 more, written to in the last 3 business days, still has time to reply."
    )
    assert "50 %" not in said
    waits = at.dataframe[1].value
    counted = dict(zip(waits["wait"], waits["people"], strict=True))
    assert counted[insights.STILL_IN_TIME] == 1  # Ben
    assert counted["Same day"] == 1  # Ana
    assert counted["No reply yet, no follow-up sent"] == 0
    chart = quick_charts(at)["reply_waits_chart"]
    drawn = {y: x for trace in chart["data"] for y, x in zip(trace["y"], trace["x"], strict=True)}
    assert drawn == counted
    assert insights.STILL_IN_TIME in [trace["name"] for trace in chart["data"]]
    captions = [c.value for c in at.caption]
    # Ben is not at Replied: the note still adds up to the funnel's 1.
    assert "Replied in your funnel: 1 person — 1 within 3 business days." in captions
    assert at.dataframe[0].value["replied"].sum() == 1
