import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import charts, contacts, db, funnel, home, insights, interactions, meetings

ROOT = Path(__file__).resolve().parent.parent


def insights_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/7_insights.py")
    at.run()
    assert not at.exception, at.exception
    return at


def figures(at: AppTest) -> dict[str, dict]:
    return {
        chart.proto.id.rsplit("-", 1)[-1]: json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
    }


@pytest.fixture
def campaign(app_db):
    """Ana (1st, Acme/Health) replied in 2 business days and met for 25 of 20 minutes;
    Ben (cold, no company) was followed up without a reply."""
    conn = db.connect(app_db)
    conn.execute(
        "INSERT INTO companies (name, match_key, industry) VALUES ('Acme', 'acme', 'Health')"
    )
    ana = contacts.add_contact(conn, "Ana", company="Acme")
    ben = contacts.add_contact(conn, "Ben", degree="cold")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 4))
    interactions.log_interaction(conn, ben, "outreach", occurred_at=date(2026, 3, 3))
    interactions.log_interaction(conn, ben, "follow_up", occurred_at=date(2026, 3, 12))
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=25)
    conn.close()
    return app_db


def test_empty_database_says_what_to_log_and_leads_to_it(app_db):
    at = insights_page()
    assert not at.get("plotly_chart") and not at.subheader
    [info] = [i.value for i in at.info]
    assert "Log the messages you send" in info
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links == {"Write your first outreach": "outreach"}


def test_no_meeting_timed_yet_leads_to_meetings(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    conn.close()
    at = insights_page()
    [info] = [i.value for i in at.info]
    assert "note how long it actually took" in info
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links == {"Go to Meetings": "meetings"}


def test_charts_with_their_numbers(campaign):
    at = insights_page()
    assert "within **2 business days**" in at.markdown[0].value
    shown = figures(at)
    assert set(shown) == {
        "rates_chart",
        "speed_chart",
        "reply_days_chart",
        "weekly_chart",
        "minutes_chart",
    }
    replied, met = shown["rates_chart"]["data"]
    assert replied["y"] == met["y"] == ["1st degree", "Cold"]
    rates = at.dataframe[0].value
    assert list(rates["group"]) == ["1st degree", "Cold"]
    # percentages as Home writes them: whole, "100 %", not "100%" or "26.67%"
    config = json.loads(at.dataframe[0].proto.columns)
    assert [config[c]["type_config"]["format"] for c in ("replied_percent", "met_percent")] == [
        home.PERCENT_COLUMN_FORMAT
    ] * 2
    assert home.percent(0.67) == home.PERCENT_COLUMN_FORMAT % 67
    assert config["response_rate"]["hidden"] and config["meeting_rate"]["hidden"]
    assert list(rates["replied"]) == [1, 0] and list(rates["met"]) == [1, 0]
    speed = at.dataframe[1].value
    assert list(speed["people"]) == [1, 0, 1, 0]
    weekly = shown["weekly_chart"]["data"]
    # the bars are named for the Mondays the table lists: 'w/c 2 Mar' beside '2 Mar 2026'
    table = next(t for t in at.dataframe if "week" in t.value.columns)
    assert json.loads(table.proto.columns)["week"]["label"] == "Week commencing"
    assert [charts.week_label(w) for w in table.value["week"]] == weekly[0]["x"] == ["w/c 2 Mar"]
    assert [t["marker"]["color"] for t in weekly] == [
        funnel.STAGE_COLOURS[s] for s in funnel.STAGES
    ]
    # 25 minutes for 20 promised is within the grace, and said with its units
    assert (
        "1 of 1 meetings ended within the time you promised, or at most 5 minutes over (100 %). "
        "On average you promised 20 minutes and took 25 minutes."
    ) in " ".join(m.value for m in at.markdown)


def test_compare_by_industry(campaign):
    at = insights_page()
    at.radio(key="rates_breakdown").set_value("industry")
    at.run()
    assert not at.exception
    assert list(at.dataframe[0].value["group"]) == ["Health", funnel.NO_INDUSTRY]
    assert figures(at)["rates_chart"]["layout"]["title"]["text"] == "Industry"


def test_a_meeting_without_a_logged_reply_counts_as_a_reply_everywhere_and_says_so(app_db):
    """1 of 2 replied (Ana met you; her reply was never logged): the reply speed puts her
    with the replies too, and the page says where that number comes from."""
    conn = db.connect(app_db)
    ana, ben = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Ben")
    for person in (ana, ben):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()
    at = insights_page()
    rates, speed = at.dataframe[0].value, at.dataframe[1].value
    assert (rates["contacted"].sum(), rates["replied"].sum()) == (2, 1)
    assert list(speed["people"]) == [0, 1, 0, 1]  # Ana after 5 business days; Ben not yet
    captions = [c.value for c in at.caption]
    assert captions.count(insights.ANSWER_NOTE) == 1  # under the rates, the first it applies to
    assert insights.WITHIN_NOTE in captions


def test_someone_met_without_any_outreach_is_counted_in_the_reply_speed(app_db):
    """A reviewer saw an all-zero reply-speed chart for a contact at a stage without any
    outreach (when the speed counted only people with an outreach logged). The speed counts
    whom the funnel counts: everyone charted is in one of its groups."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana")
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()
    at = insights_page()
    assert "speed_chart" in figures(at)
    assert list(at.dataframe[1].value["people"]) == [1, 0, 0, 0]  # an answer at once


def test_a_reply_on_the_day_of_the_message_is_said_as_the_same_day(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 2))
    conn.close()
    at = insights_page()
    said = at.markdown[0].value
    assert "did so **on the same day** as your first message (1 person replied)" in said
    assert "0 business days" not in said
