"""Home's Response rate, Insights' first sentence and its chart of waits agree on who replied.

A new user's walkthrough on the heavy user: Home said "1,994 of 4,897 replied", Insights
"1,992 of the 4,897 people you wrote to replied to your message (41 %)" over a chart adding
up to 1,994, then "...; 1,402 within 3 business days (29 %). 1,402 of the 1,992 people who
replied did so within 3 business days of your first message." Here the same in small: Cy
talked with you before you wrote, and the typical reply took the 3 business days.
"""

from datetime import UTC, date, datetime

from infoint import contacts, db, insights, interactions, meetings
from tests.conftest import opened, quick_charts

REPLIED = ("Replied within 3 business days", "Replied later", insights.TALKED_BEFORE)


def test_home_insights_and_its_chart_count_the_same_replies(app_db):
    """Ana replied after 3 business days, Ben after 5, Eve after 1; Cy met you before you
    wrote and said nothing since; Fay is silent. Home: 4 of 5 replied."""
    conn = db.connect(app_db)
    people = {name: contacts.add_contact(conn, name) for name in ("Ana", "Ben", "Cy", "Eve", "Fay")}
    meeting = meetings.schedule_meeting(conn, people["Cy"], datetime(2026, 3, 2, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    for name, day in (("Ana", 2), ("Ben", 2), ("Cy", 4), ("Eve", 2), ("Fay", 2)):
        interactions.log_interaction(conn, people[name], "outreach", occurred_at=date(2026, 3, day))
    for name, day in (("Ana", 5), ("Ben", 9), ("Eve", 3)):
        interactions.log_interaction(conn, people[name], "reply", occurred_at=date(2026, 3, day))
    conn.close()

    home = {m.label: m for m in opened().metric}["Response rate"]
    assert (home.value, home.proto.delta) == ("80 %", "4 of 5 replied")

    at = opened("pages/7_insights.py")
    said = at.markdown[0].value
    assert said == (
        "4 of the 5 people you wrote to replied (80 %), counting the one who had talked with "
        "you before you wrote; 2 within 3 business days (40 %)."
    )
    assert said.count("within 3 business days") == 1  # the typical wait is that: said once
    chart = quick_charts(at)["reply_waits_chart"]
    replied = sum(sum(trace["x"]) for trace in chart["data"] if trace["name"] in REPLIED)
    assert replied == 4
    captions = [c.value for c in at.caption]
    assert (
        "Replied in your funnel: 4 people — 2 within 3 business days, 1 later and 1 who "
        "talked with you before you wrote."
    ) in captions
