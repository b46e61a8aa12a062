from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import (
    contacts,
    db,
    demo,
    followups,
    funnel,
    home,
    interactions,
    meetings,
    profile,
    targets,
    text,
    ui,
)
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


# "What you did each week" when nothing was logged in its 12 weeks, unfiltered and filtered.
NOTHING_IN_12_WEEKS = (
    "You logged nothing in the last 12 weeks. What you log from now on shows here, week by week."
)
NOTHING_FILTERED_IN_12_WEEKS = (
    "You logged nothing in these 12 weeks with anyone your filters choose. Clear a filter to "
    "see what you did each week."
)


def run_home() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def funnel_counts(at: AppTest) -> list[int]:
    return quick_charts(at)["funnel"]["data"][0]["x"]


@pytest.fixture
def campaign(app_db):
    """Two industries; Health has a contacted, replied and met person, Energy a contacted one."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Health", motivation=3)
    targets.add_company(conn, "Volt", industry="Energy", motivation=2)
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    bob = contacts.add_contact(conn, "Bob", company="Volt", degree="2nd", mutual_contact_id=ann)
    contacts.add_contact(conn, "Cy", company="Volt")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 3))
    held = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2026, 3, 16))
    conn.close()
    return app_db


def test_empty_database_offers_two_ways_to_start(app_db):
    """Importing one's own network is the one primary action; the demo is the other way in,
    saying it can be removed later."""
    at = run_home()
    assert "Welcome" in at.subheader[0].value
    assert not quick_charts(at)
    assert [(b.label, b.proto.type) for b in at.button] == [
        ("Import from LinkedIn", "primary"),
        ("Load demo data", "secondary"),
    ]
    assert home.DEMO_INVITATION in [m.value for m in at.markdown]
    assert "remove it later in Settings" in home.DEMO_INVITATION


def test_the_primary_action_opens_the_import(app_db):
    at = run_home()
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Import & export"
    assert not demo.has_demo(ui.connection())


def test_beside_the_users_own_data_home_offers_no_demo_button(app_db):
    """Home welcomes only an empty database; beside the user's own company the demo is loaded
    from Settings, which asks first."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme")
    assert demo.beside_own_data(conn)
    conn.close()
    at = run_home()
    assert "Load demo data" not in [b.label for b in at.button]
    assert not [s for s in at.subheader if "Welcome" in s.value]


def test_loading_the_demo_from_the_start_screen(app_db):
    at = run_home()
    next(b for b in at.button if b.label == "Load demo data").click()
    at.run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Loaded the demo:")
    conn = ui.connection()
    expected = [s.count for s in funnel.stage_counts(conn)]
    assert expected[0] > 0
    assert funnel_counts(at) == expected
    headline = {m.label: m.value for m in at.metric}
    assert headline["Contacts"] == str(
        conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0]
    )
    activity = quick_charts(at)["activity"]
    assert sum(sum(trace["y"]) for trace in activity["data"]) > 0


def test_funnel_and_figures_with_data(campaign):
    at = run_home()
    assert funnel_counts(at) == [2, 1, 1, 0, 0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Contacts"] == "3"
    assert metrics["Targets"] == "2"
    assert metrics["Open conversations"] == "0"  # Bob has not answered; Ann was met
    assert metrics["Response rate"] == "50 %"
    words = " ".join(m.value for m in at.markdown)
    assert "1 of 2 contacted replied — 50 %" in words
    # All of it in March, more than 12 weeks before today: no chart of empty weeks.
    assert quick_charts(at).keys() == {"funnel"}
    assert [i.value for i in at.info] == [NOTHING_IN_12_WEEKS]


def test_open_conversations_count_who_answered_not_who_is_still_silent(campaign):
    """Cy at Volt replied and is not met yet: the one open conversation. Bob, silent, is not
    one; the help says where the silent ones are."""
    conn = db.connect(campaign)
    cy = conn.execute("SELECT id FROM contacts WHERE first_name = 'Cy'").fetchall()[0][0]
    interactions.log_interaction(conn, cy, "outreach", occurred_at=date(2026, 3, 16))
    interactions.log_interaction(conn, cy, "reply", occurred_at=date(2026, 3, 17))
    conn.close()
    at = run_home()
    metric = {m.label: m for m in at.metric}
    assert metric["Open conversations"].value == "1"
    assert metric["Response rate"].proto.delta == "2 of 3 replied"
    assert metric["Open conversations"].help == home.CONVERSATIONS_HELP
    assert "answered" in home.CONVERSATIONS_HELP and "Follow-ups" in home.CONVERSATIONS_HELP


def filtered_out(at: AppTest) -> bool:
    """Whether the funnel says, in place of its chart, that the filters leave no one."""
    shown = home.FILTERED_OUT in [i.value for i in at.info]
    assert shown != ("funnel" in quick_charts(at))
    return shown


def test_filters_recompute_the_funnel(campaign):
    at = run_home()
    industry = next(w for w in at.multiselect if w.label == "Industry")
    assert funnel.NO_INDUSTRY in industry.options
    industry.set_value(["Energy"]).run()
    assert funnel_counts(at) == [1, 0, 0, 0, 0]
    degree = next(w for w in at.multiselect if w.label == "Degree")
    degree.set_value(["1st"]).run()
    assert filtered_out(at)
    industry.set_value([]).run()
    assert funnel_counts(at) == [1, 1, 1, 0, 0]
    at.date_input[0].set_value((date(2026, 3, 16), date(2026, 3, 22))).run()
    assert filtered_out(at)
    degree.set_value([]).run()
    assert funnel_counts(at) == [1, 0, 0, 0, 0]


def test_a_filtered_funnel_says_it_is_filtered_and_so_do_the_weeks(campaign):
    """A new user filtering by an industry nobody in it was written to read 'You have not
    contacted anyone yet' beside an empty chart; the weekly numbers below follow the same
    filters and say so (all of it in March, more than 12 weeks ago: in a sentence, as the
    weeks hold nothing)."""
    at = run_home()
    words = [m.value for m in at.markdown]
    assert "- You contacted 2 people." in words
    assert [i.value for i in at.info] == [NOTHING_IN_12_WEEKS]
    industry = next(w for w in at.multiselect if w.label == "Industry")
    industry.set_value(["Energy"]).run()
    assert "- Of the people your filters choose, you contacted 1 person." in [
        m.value for m in at.markdown
    ]
    assert [i.value for i in at.info] == [NOTHING_FILTERED_IN_12_WEEKS]
    industry.set_value([funnel.NO_INDUSTRY]).run()
    assert filtered_out(at)
    assert not any("contacted anyone yet" in m.value for m in at.markdown)
    assert [i.value for i in at.info] == [home.FILTERED_OUT, NOTHING_FILTERED_IN_12_WEEKS]


def test_logging_an_outreach_raises_contacted(campaign):
    at = run_home()
    assert funnel_counts(at)[0] == 2
    # the app holds the database open; write through a cursor of its connection
    conn = ui.connection()
    cy = conn.execute("SELECT id FROM contacts WHERE first_name = 'Cy'").fetchall()[0][0]
    interactions.log_interaction(conn, cy, "outreach")
    at.run()
    assert funnel_counts(at)[0] == 3


def test_numbers_that_agree_and_say_where_they_come_from(app_db):
    """Ann met you without a logged reply and introduced Di; Volt is in a ruled-out industry.
    Response rate 1 of 1 says a meeting counts as a reply; the week's introductions match
    Referred; Bob at Volt is no conversation under way and Volt is no target."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    bob = contacts.add_contact(conn, "Bob", company="Volt")
    # Written to before the meeting: logged "now", the message would fall on a later day
    # than a meeting two hours back between midnight and 2 a.m., which is refused.
    interactions.log_interaction(
        conn, ann, "outreach", occurred_at=datetime.now(UTC) - timedelta(hours=3)
    )
    held = meetings.schedule_meeting(conn, ann, datetime.now(UTC) - timedelta(hours=2))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    contacts.add_contact(conn, "Di", referred_by=ann, degree="2nd")
    interactions.log_interaction(conn, bob, "outreach")
    profile.rule_out_industry(conn, "Energy", "Shift work")
    conn.close()
    at = run_home()
    assert funnel_counts(at)[:4] == [2, 1, 1, 1]
    metric = {m.label: m for m in at.metric}
    # Bob, written to today, still has time to reply: the rate is of Ann alone.
    assert metric["Response rate"].value == "100 %"
    assert metric["Response rate"].proto.delta == "1 of 1 replied; 1 more may reply"
    assert "A meeting held or an introduction counts as a reply" in metric["Response rate"].help
    assert metric["Targets"].value == "1" and metric["Open conversations"].value == "0"
    # The numbers beside the weekly chart: a Markdown table (no grid to load), this week first.
    week = next(m.value for m in at.markdown if m.value.startswith("| What | This week |"))
    assert "\n| Introduction | 1 | " in week  # as Referred: 1
    assert home.ACTIVITY_NOTE in [c.value for c in at.caption]  # says what it counts


def test_people_but_no_outreach_lead_to_the_first_outreach_not_empty_charts(app_db):
    """After the demo is removed, three people and two targets are left and nobody was
    written to: no funnel without bars, no weeks of zeros, no 'Response rate –'."""
    conn = db.connect(app_db)
    for name in ("Acme", "Volt"):
        targets.add_company(conn, name, motivation=2)
    for name in ("Ann", "Bob", "Cy"):
        contacts.add_contact(conn, name, company="Acme")
    conn.close()
    at = run_home()
    assert not quick_charts(at) and not at.dataframe and not at.multiselect
    assert {m.label: m.value for m in at.metric} == {"Contacts": "3", "Targets": "2"}
    assert not at.metric[1].proto.delta  # no "0 ruled out"
    links = [(link.proto.label, link.proto.page) for link in at.main.get("page_link")]
    assert ("Write your first outreach", "outreach") in links
    assert home.BEFORE_FIRST_OUTREACH in [c.value for c in at.caption]


def test_big_numbers_are_written_with_thousands_separators(app_db):
    """'1,200', as in every sentence and table, not '1200'."""
    conn = db.connect(app_db)
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name)"
        " SELECT 'manual:' || i, 'Person ' || i FROM range(1200) t(i)"
    )
    conn.close()
    at = run_home()
    assert {m.label: m.value for m in at.metric}["Contacts"] == "1,200"


def test_due_now_lists_three_and_says_how_many_more(app_db):
    conn = db.connect(app_db)
    for name in ("Ann", "Bob", "Cy", "Di", "Ed"):
        person = contacts.add_contact(conn, name)
        interactions.log_interaction(
            conn, person, "outreach", occurred_at=datetime.now(UTC) - timedelta(days=14)
        )
    due = [f"- {text.plain_markdown(item.title)}" for item in followups.due_items(conn)]
    conn.close()
    assert len(due) == 5
    at = run_home()
    box = [m.value for m in at.markdown]
    assert "**Due now: 5**" in box
    assert [line for line in box if line in due] == due[:3]
    assert "…and 2 more." in box
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links["See all 5 on Follow-ups"] == "follow_ups"


def test_weeks_more_than_ten_years_back_filter_the_funnel(campaign):
    """A browser never sends a day typed outside the picker's range, by default ten years
    either side of today: the box reddened and the funnel stayed unfiltered. The range now
    takes any days, so a campaign of 2014 can be looked at."""
    conn = db.connect(campaign)
    dee = contacts.add_contact(conn, "Dee")
    interactions.log_interaction(conn, dee, "outreach", occurred_at=date(2014, 3, 12))
    conn.close()
    at = run_home()
    weeks = at.date_input[0]
    assert (weeks.label, weeks.min, weeks.max) == (
        "First outreach between",
        date(1, 1, 1),
        date(9998, 12, 31),  # ui.day_input: a last day in 9999 froze the browser's tab
    )
    weeks.set_value((date(2014, 1, 1), date(2014, 12, 31))).run()
    assert not at.exception, at.exception
    assert funnel_counts(at) == [1, 0, 0, 0, 0]
    at.date_input[0].set_value((date(1, 1, 1), date(9998, 12, 31))).run()  # the box's ends
    assert not at.exception, at.exception
    assert funnel_counts(at) == [3, 1, 1, 0, 0]  # Ann, Bob and Dee written to
