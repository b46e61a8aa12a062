import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import (
    charts,
    contacts,
    db,
    funnel,
    home,
    insights,
    interactions,
    meetings,
    outreach,
    text,
)
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def insights_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/7_insights.py")
    at.run()
    assert not at.exception, at.exception
    return at


def figures(at: AppTest) -> dict[str, dict]:
    return quick_charts(at)


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
    assert not quick_charts(at) and not at.subheader
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
    # the first is the weekly funnel's: one week is no trend yet
    [_, info] = [i.value for i in at.info]
    assert "note how long it actually took" in info
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links == {"Go to Meetings": "meetings"}


def test_charts_with_their_numbers(campaign):
    at = insights_page()
    assert "**2 business days** after your first message" in at.markdown[0].value
    shown = figures(at)
    # two charts, not five: the reply speed and the days it took are one chart, the four
    # lengths of meetings are a table beside their sentence, and one week of first outreach
    # (Ana and Ben, 2 and 3 Mar) is no trend: its numbers, not a chart of the weeks
    assert set(shown) == {"rates_chart", "reply_waits_chart"}
    replied, met = shown["rates_chart"]["data"]
    assert replied["y"] == met["y"] == ["1st degree", "Cold"]
    rates = at.dataframe[0].value
    assert list(rates["group"]) == ["1st degree", "Cold"]
    # percentages as Home writes them: whole, "100 %", not "100%" or "26.67%"
    config = json.loads(at.dataframe[0].proto.columns)
    assert [config[c]["type_config"]["format"] for c in ("replied_percent", "met_percent")] == [
        home.PERCENT_COLUMN_FORMAT
    ] * 2
    assert text.percent(0.67) == home.PERCENT_COLUMN_FORMAT % 67
    assert config["response_rate"]["hidden"] and config["meeting_rate"]["hidden"]
    assert list(rates["replied"]) == [1, 0] and list(rates["met"]) == [1, 0]
    waits = at.dataframe[1].value
    # Ana replied after 2 business days; Ben had a follow-up and no reply
    assert list(waits["people"]) == [0, 0, 1, 0, 0, 0, 0, 1, 0]
    assert insights.TALKED_BEFORE not in list(waits["wait"])  # no one did: no row at 0
    charted = shown["reply_waits_chart"]
    assert list(waits["wait"]) == charted["layout"]["yaxis"]["categoryarray"]
    assert json.loads(at.dataframe[1].proto.columns)["speed"]["hidden"]
    assert at.dataframe[-1].value["meetings"].tolist() == [0, 0, 1, 0]  # 25 for 20: 5 over
    assert "The funnel by week of first outreach" in [h.value for h in at.subheader]
    assert [i.value for i in at.info if i.value.startswith("Trends need at least 2 weeks")]
    table = next(t for t in at.dataframe if "week" in t.value.columns)
    assert json.loads(table.proto.columns)["week"]["label"] == "Week of"
    assert table.value[list(funnel.STAGES)].values.tolist() == [[2, 1, 1, 0, 0]]


def test_two_weeks_chart_the_weeks_named_as_the_table_names_them(campaign):
    conn = db.connect(campaign)
    cy = contacts.add_contact(conn, "Cy")
    interactions.log_interaction(conn, cy, "outreach", occurred_at=date(2026, 3, 10))
    conn.close()
    at = insights_page()
    shown = figures(at)
    # The section's heading names the weekly chart: the chart repeats no title of its own.
    assert "title" not in shown["weekly_chart"]["layout"]
    weekly = shown["weekly_chart"]["data"]
    # the bars are named for the Mondays the table lists: 'w/c 2 Mar' beside '2 Mar 2026'
    table = next(t for t in at.dataframe if "week" in t.value.columns)
    assert [charts.week_label(w) for w in table.value["week"]] == weekly[0]["x"]
    assert weekly[0]["x"] == ["w/c 2 Mar", "w/c 9 Mar"]
    assert [t["marker"]["color"] for t in weekly] == [
        funnel.STAGE_COLOURS[s] for s in funnel.STAGES
    ]
    # 25 minutes for 20 promised is within the grace, and said with its units
    assert (
        "Your one meeting ran 5 minutes over the 20 you promised, within the 5 minutes' grace "
        "most people give."
    ) in " ".join(m.value for m in at.markdown)


def test_compare_by_industry(campaign):
    at = insights_page()
    at.radio(key="rates_breakdown").set_value("industry")
    at.run()
    assert not at.exception
    assert list(at.dataframe[0].value["group"]) == ["Health", funnel.NO_INDUSTRY]
    assert figures(at)["rates_chart"]["layout"]["yaxis"]["title"]["text"] == "Industry"


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
    rates, waits = at.dataframe[0].value, at.dataframe[1].value
    assert (rates["contacted"].sum(), rates["replied"].sum()) == (2, 1)
    # Ana after 5 business days; Ben not yet
    assert list(waits["people"]) == [0, 0, 0, 0, 1, 0, 0, 0, 1]
    captions = [c.value for c in at.caption]
    assert captions.count(insights.ANSWER_NOTE) == 1  # under the rates, the first it applies to
    assert insights.WITHIN_NOTE in captions


def test_someone_met_without_any_outreach_is_not_timed_and_the_page_says_why(app_db):
    """Ana met you and was never written to: the funnel counts her (stages are cumulative),
    but there is no first message to time a reply from. The speed section says so and leads
    to Outreach, instead of an all-zero chart or an answer 'at once'."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana")
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()
    at = insights_page()
    assert "reply_waits_chart" not in figures(at)
    assert "people you wrote to" not in " ".join(m.value for m in at.markdown)
    assert insights.ReplyTiming(0, 0, 0, None, None, not_written_to=1).not_written_note in [
        i.value for i in at.info
    ]
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links["Write to someone"] == "outreach"


def test_a_reply_stored_without_a_message_is_not_counted_as_written_to(app_db):
    """The walkthrough: Ana written to and replying the next day; Bo, never written to, with
    a reply stored before replies needed a message. 'People you wrote to' is Ana alone."""
    conn = db.connect(app_db)
    ana, bo = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Bo", "Chen")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 3))
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at, source)"
        " VALUES (?, 'reply', 'email', TIMESTAMP '2020-01-01 09:00', 'manual')",
        [bo],
    )
    conn.close()
    at = insights_page()
    assert at.markdown[0].value == (
        "You wrote to 1 person, who replied **1 business day** after your message."
    )
    assert list(at.dataframe[1].value["people"]) == [0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert (
        "1 person you met or heard from with no message of yours logged is not counted here: "
        "there is no first message to time a reply from."
    ) in [c.value for c in at.caption]


def test_a_reply_on_the_day_of_the_message_is_said_as_the_same_day(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 2))
    conn.close()
    at = insights_page()
    said = at.markdown[0].value
    assert said == "You wrote to 1 person, who replied **on the same day** as your message."
    assert "0 business days" not in said


def test_late_replies_are_grouped_beside_a_table_that_matches_the_chart(app_db):
    """A tester saw one bar per day up to 110, the x-axis labels run together and the late
    replies invisible. Replies after 15 and 40 business days now land in their groups."""
    conn = db.connect(app_db)
    for name, answered in (("Ana", date(2026, 3, 3)), ("Di", date(2026, 3, 23))):
        person = contacts.add_contact(conn, name)
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=answered)
    gil = contacts.add_contact(conn, "Gil")
    interactions.log_interaction(conn, gil, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, gil, "reply", occurred_at=date(2026, 4, 27))
    conn.close()
    at = insights_page()
    waits = at.dataframe[1].value
    counted = dict(zip(waits["wait"], waits["people"], strict=True))
    assert counted == {
        "Same day": 0,
        "1 business day": 1,  # Ana
        "2 business days": 0,
        "3 business days": 0,
        "4–7 business days": 0,
        "8–20 business days": 1,  # Di, after 15
        "More than 20 business days": 1,  # Gil, after 40
        "No reply after the follow-up": 0,
        "No reply yet, no follow-up sent": 0,
    }
    chart = figures(at)["reply_waits_chart"]
    drawn = {y: x for trace in chart["data"] for y, x in zip(trace["y"], trace["x"], strict=True)}
    assert drawn == counted  # the chart says what the table says, the empty waits too
    assert chart["layout"]["xaxis"]["title"]["text"] == "People you sent an outreach to"
    assert chart["layout"]["yaxis"]["title"]["text"] == "When they replied"
    assert "All 3 people you wrote to replied; 1 within 3 business days (33 %)." in (
        at.markdown[0].value
    )


def test_the_weekly_table_lists_the_charts_twelve_weeks_in_its_order_and_folds_the_rest(app_db):
    """Twenty weeks from Mon 5 Jan 2026, one person a week: the chart draws 2 Mar to 18 May
    left to right; the table under it lists those same weeks in that order, top to bottom (18 May
    at its foot), and the 8 before them (5 Jan to 23 Feb) are folded below,
    oldest first too. The table had the latest first, against the chart."""
    conn = db.connect(app_db)
    for week in range(20):
        person = contacts.add_contact(conn, f"Person {week}")
        interactions.log_interaction(
            conn, person, "outreach", occurred_at=date(2026, 1, 5) + timedelta(weeks=week)
        )
    conn.close()
    at = insights_page()
    drawn = figures(at)["weekly_chart"]["data"][0]["x"]
    assert drawn[0] == "w/c 2 Mar" and drawn[-1] == "w/c 18 May" and len(drawn) == 12
    shown, folded = [t for t in at.dataframe if "week" in t.value.columns]
    table, earlier = shown.value, folded.value
    listed = [charts.week_label(w) for w in table["week"]]
    assert listed == drawn
    assert listed[-1] == "w/c 18 May"
    assert [charts.week_label(w) for w in earlier["week"]] == [
        charts.week_label(date(2026, 1, 5) + timedelta(weeks=n)) for n in range(8)
    ]
    assert charts.week_label(earlier["week"].iloc[-1]) == "w/c 23 Feb"
    assert [e.label for e in at.expander] == ["The 8 weeks before them"]
    assert "The chart and the table show the last 12 weeks, the oldest first." in [
        c.value for c in at.caption
    ]


def test_counts_in_the_tables_have_thousands_separators(campaign):
    """Degree counts in the thousands read "4,677", as everywhere else, in every browser."""
    at = insights_page()
    for table in at.dataframe:
        config = json.loads(table.proto.columns)
        counts = [
            name for name in ("contacted", "replied", "met", "people", "meetings") if name in config
        ]
        assert counts, list(config)
        assert {config[name]["type_config"]["format"] for name in counts} == {"%,d"}
        # narrow, a few digits: each as wide as its heading (tests/e2e/test_insights_fit.py)
        assert all(isinstance(config[name]["width"], int) for name in counts)


def test_the_figures_leave_the_names_room_in_an_800_px_window(campaign):
    """With the sidebar open an 800 px window gives a table 456 px where the browser draws its
    scroll bars (466 where Playwright's headless Chromium hides them). The columns of figures
    were "small" (75 px), too narrow for "Opportunity" and "Meeting rate", and the names'
    "large" (400 px) made the rates table scroll sideways; now the figures of each of the two
    wide tables take at most 370 px together. The weeks' column sizes to the dates; the rates'
    names take the rest of the 456 px and wrap (a column sized to a heavy user's template names
    pushed the rates past the table's edge)."""
    at = insights_page()
    rates, _, weeks, _ = (json.loads(t.proto.columns) for t in at.dataframe)
    figures = {}
    for config, names in ((rates, "group"), (weeks, "week")):
        figures[names] = sum(
            column["width"]
            for name, column in config.items()
            if name != names and "width" in column
        )
        assert figures[names] <= 370, figures[names]
    assert "width" not in weeks["week"]
    # 456: the grid's width inside its borders (460 px cut 4 px of Meeting rate)
    assert figures["group"] + rates["group"]["width"] <= 456


def test_long_names_in_the_rates_table_wrap_onto_taller_rows(app_db):
    """A heavy user's templates: rows tall enough for the longest name wrapped into its
    column at 800 px; short names keep the grid's own rows."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana")
    cold = conn.execute("SELECT id FROM templates WHERE name LIKE 'Cold, after%'").fetchall()
    # Written to in March: their time to reply has passed, so the rates count them.
    interactions.log_interaction(
        conn, ana, "outreach", template_id=cold[0][0], occurred_at=date(2026, 3, 2)
    )
    conn.close()
    at = insights_page()
    assert at.dataframe[0].proto.row_height == 0  # "1st degree" and the like: one line
    at.radio(key="rates_breakdown").set_value("template")
    at.run()
    assert not at.exception
    table = at.dataframe[0]
    assert list(table.value["group"]) == ["Cold, after reading their profile or work"]
    assert table.proto.row_height >= insights.WRAPPING_ROW


def test_a_template_changed_into_a_follow_up_is_named_so_in_the_breakdown(app_db):
    conn = db.connect(app_db)
    nudge = outreach.save_template(conn, "Nudge", "Hi", "Hello {first_name}")
    ana = contacts.add_contact(conn, "Ana")
    # Written to in March: their time to reply has passed, so the rates count them.
    interactions.log_interaction(
        conn, ana, "outreach", template_id=nudge, occurred_at=date(2026, 3, 2)
    )
    outreach.save_template(conn, "Nudge", "Hi", "Hello {first_name}", nudge, kind="follow_up")
    conn.close()
    at = insights_page()
    assert insights.FOLLOW_UP_TEMPLATE_NOTE not in [c.value for c in at.caption]
    at.radio(key="rates_breakdown").set_value("template")
    at.run()
    assert not at.exception
    assert list(at.dataframe[0].value["group"]) == ["Nudge (a follow-up template)"]
    assert insights.FOLLOW_UP_TEMPLATE_NOTE in [c.value for c in at.caption]


def test_one_week_before_the_charted_twelve_is_the_week_before_them(app_db):
    """Thirteen weeks of outreach: the one folded away is 'the week before them', not 'the 1
    week before them'."""
    conn = db.connect(app_db)
    for week in range(13):
        person = contacts.add_contact(conn, f"Person {week}")
        interactions.log_interaction(
            conn, person, "outreach", occurred_at=date(2026, 1, 5) + timedelta(weeks=week)
        )
    conn.close()
    at = insights_page()
    assert [e.label for e in at.expander] == ["The week before them"]


def test_someone_met_before_you_wrote_is_shown_apart_and_the_groups_add_up(app_db):
    """Cy met you at an event on Mon 2 Mar; you wrote on Wed 4 Mar and heard nothing since.
    Ana replied a business day after your message. Cy is no same-day reply: she has a row of
    her own, and the sentence beside the numbers adds the groups up to the funnel's 2
    Replied."""
    conn = db.connect(app_db)
    ana, cy = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Cy")
    meeting = meetings.schedule_meeting(conn, cy, datetime(2026, 3, 2, 18, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    interactions.log_interaction(conn, cy, "outreach", occurred_at=date(2026, 3, 4))
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 3))
    conn.close()
    at = insights_page()
    assert at.markdown[0].value == (
        "Both people you wrote to replied, counting the one who had talked with you before you "
        "wrote; 1 within 3 business days (50 %). The one who replied after you wrote did so "
        "**1 business day** after your first message."
    )
    assert at.dataframe[0].value["replied"].sum() == 2  # the funnel's Replied: Ana and Cy
    waits = at.dataframe[1].value
    counted = dict(zip(waits["wait"], waits["people"], strict=True))
    assert (counted["Same day"], counted["1 business day"]) == (0, 1)
    assert counted["Talked before you wrote"] == 1
    captions = [c.value for c in at.caption]
    assert (
        "Replied in your funnel: 2 people — 1 within 3 business days and 1 who talked with "
        "you before you wrote."
    ) in captions
    assert insights.TALKED_BEFORE_NOTE in captions
    drawn = figures(at)["reply_waits_chart"]["data"]
    assert [t["name"] for t in drawn] == [
        g
        for g in insights.SPEED_GROUPS
        if g != insights.STILL_IN_TIME  # written to in March
    ]


def test_the_talked_before_note_is_left_out_when_nobody_did(campaign):
    at = insights_page()
    captions = [c.value for c in at.caption]
    assert "Replied in your funnel: 1 person — 1 within 3 business days." in captions
    assert insights.TALKED_BEFORE_NOTE not in captions


def test_the_sentence_agrees_with_the_table_when_both_replied_the_same_day(app_db):
    """The walkthrough's case: two people wrote back the day you wrote; the table said
    "Same day 2" and the sentence "Half of the 2 who replied did so on the same day"."""
    conn = db.connect(app_db)
    for name in ("Ana", "Ben"):
        person = contacts.add_contact(conn, name)
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 2))
    conn.close()
    at = insights_page()
    waits = at.dataframe[1].value.set_index("wait")["people"]
    assert waits["Same day"] == 2
    said = [m.value for m in at.markdown]
    assert (
        "Both people you wrote to replied within 3 business days. Both people who replied did "
        "so **on the same day** as your first message."
    ) in said
    assert not any("Half of" in text for text in said)
