"""No stale reads: every query a page caches (`ui.cached`, `ui.figure`) shows a write on the
very next run.

Each test runs a page, writes (through a domain function on a second connection, as another
session would, or through the page), runs the same session again and sees the change. The
caches are keyed on `db.data_version`, which every committed `db.transaction` and a restore
change.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import (
    contacts,
    db,
    followups,
    interactions,
    meetings,
    outreach,
    profile,
    questions,
    targets,
    text,
    ui,
)
from infoint.text import plain_markdown
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def open_page(script: str = "app.py", **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if script != "app.py":
        at.switch_page(script)
    at.query_params.update(query)
    return run(at)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    """Every text of the main area as the page wrote it (user text escaped)."""
    texts = [
        *(e.value for e in at.main.markdown),
        *(e.value for e in at.main.caption),
        *(e.value for e in at.main.info),
        *(e.value for e in at.main.success),
        *(e.value for e in at.main.subheader),
        *(e.value for e in at.main.title),
    ]
    return " ".join(str(t) for t in texts)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def chart(at: AppTest, key: str) -> dict:
    """A page's figure by key, drawn by `ui.chart`."""
    return quick_charts(at)[key]


def days_ago(days: int) -> datetime:
    return datetime.combine(
        date.today() - timedelta(days=days), datetime.min.time().replace(hour=9)
    )


@pytest.fixture
def acme(app_db, conn):
    """A target company with Ana at it; nothing logged yet."""
    targets.add_company(conn, "Acme", industry="Health", motivation=3)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Analyst")
    return {"ana": ana, "acme": targets.find_companies(conn, "Acme")[0][0]}


# --- Home ---


def test_home_headline_counts_a_new_person(acme, conn):
    at = open_page()
    assert metric(at, "Contacts") == "1"
    contacts.add_contact(conn, "Ben", company="Beta")
    assert metric(run(at), "Contacts") == "2"


def test_home_focus_follows_the_profile(acme, conn):
    at = open_page()
    assert "data analysis" not in shown(at)
    profile.save_profile(
        conn, name="Sam", job_title="a teacher", focus_kind="occupation", focus="data analysis"
    )
    assert "data analysis" in shown(run(at))


def test_home_ruled_out_summary_counts_a_company_ruled_out(acme, conn):
    at = open_page()
    assert "ruled out" not in shown(at).lower()
    targets.rule_out(conn, acme["acme"], "Too far away.")
    assert "ruled out" in shown(run(at)).lower()


def test_home_due_now_appears_and_goes(acme, conn):
    at = open_page()
    assert "Due now" not in shown(at)
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(14))
    assert "Due now: 1" in shown(run(at))
    [item] = followups.due_items(conn)
    followups.dismiss(conn, item.key)
    assert "Due now" not in shown(run(at))


def test_home_industries_offer_a_new_industry(acme, conn):
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(1))
    at = open_page()
    assert "Energy" not in at.multiselect[0].options
    targets.add_company(conn, "Volt", industry="Energy")
    assert "Energy" in run(at).multiselect[0].options


def test_home_funnel_counts_an_outreach(acme, conn):
    at = open_page()
    assert "You have not contacted anyone yet." in shown(at)
    assert not quick_charts(at)  # no funnel without bars: the first outreach comes first
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(1))
    run(at)
    assert "You contacted 1 person." in shown(at)
    assert chart(at, "funnel")["data"][0]["x"][0] == 1


def this_week_total(at) -> int:
    """The "This week" column of the Markdown table beside Home's weekly chart, summed."""
    table = next(m.value for m in at.markdown if m.value.startswith("| What | This week |"))
    rows = table.splitlines()[2:]
    return sum(int(row.split(" | ")[1].replace(",", "")) for row in rows)


def test_home_weekly_activity_counts_this_week(acme, conn):
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(21))
    at = open_page()
    assert this_week_total(at) == 0
    interactions.log_interaction(conn, acme["ana"], "follow_up", occurred_at=datetime.now())
    assert this_week_total(run(at)) == 1
    bars = chart(at, "activity")["data"]
    assert sum(sum(bar["y"]) for bar in bars) == 2


# --- Targets ---


def test_targets_count_chosen_sees_a_new_target(app_db, conn):
    targets.ensure_company(conn, "Globex")  # an import brings companies in as network only
    at = open_page("pages/1_targets.py")
    assert "No targets yet" in shown(at)
    targets.make_targets(conn, [targets.find_companies(conn, "Globex")[0][0]])
    assert "No targets yet" not in shown(run(at))
    assert list(at.data_editor[0].value["name"]) == ["Globex"]


def test_targets_industries_offer_a_new_industry(acme, conn):
    at = open_page("pages/1_targets.py")
    industry = next(m for m in at.multiselect if m.label == "Industry")
    assert "Energy" not in industry.options
    targets.add_company(conn, "Volt", industry="Energy")
    industry = next(m for m in run(at).multiselect if m.label == "Industry")
    assert "Energy" in industry.options


def test_targets_count_and_list_show_a_new_company(acme, conn):
    at = open_page("pages/1_targets.py")
    assert "Companies 1–1 of 1" in shown(at)
    targets.add_company(conn, "Volt", industry="Energy", motivation=1)
    assert "Companies 1–2 of 2" in shown(run(at))
    assert list(at.data_editor[0].value["name"]) == ["Acme", "Volt"]


def test_targets_list_shows_a_rename(acme, conn):
    at = open_page("pages/1_targets.py")
    targets.update_companies(conn, {acme["acme"]: {"name": "Acme Health"}})
    assert list(run(at).data_editor[0].value["name"]) == ["Acme Health"]


def test_targets_set_industry_for_all_matching_includes_a_new_company(acme, conn):
    targets.add_company(conn, "Medix")  # one company alone is changed without this choice
    at = open_page("pages/1_targets.py")
    at.radio[0].set_value("matching")  # the matching ids are read (and cached) on this run
    run(at)
    targets.add_company(conn, "Volt")
    run(at)
    at.selectbox(key="new_industry").set_value("Health")
    run(at)
    next(b for b in at.button if b.label == "Set industry…").click()  # all that match: asks
    run(at)
    assert at.warning[0].value.startswith("Put all 3 companies that match in Health?")
    next(b for b in at.button if b.label == "Yes, set their industry").click()
    run(at)
    assert "Put 3 companies in Health." in shown(at)


def test_targets_coverage_counts_a_new_industry(acme, conn):
    at = open_page("pages/1_targets.py")
    coverage = at.dataframe[0].value
    assert list(coverage["industry"]) == ["Health"]
    targets.add_company(conn, "Volt", industry="Energy")
    coverage = run(at).dataframe[0].value
    assert sorted(coverage["industry"]) == ["Energy", "Health"]
    bars = chart(at, "coverage")["data"]
    assert any("Energy (1)" in bar["y"] for bar in bars)  # the industry and its targets


# --- Contacts ---


def test_contacts_count_leaves_the_empty_screen(app_db, conn):
    at = open_page("pages/2_contacts.py")
    assert "No one in your network yet" in shown(at)
    contacts.add_contact(conn, "Ana", "Lee")
    assert "No one in your network yet" not in shown(run(at))


def test_contacts_search_finds_a_new_person(acme, conn):
    at = open_page("pages/2_contacts.py")
    assert "1 person" in shown(at)
    contacts.add_contact(conn, "Ben", "Ode", company="Beta")
    run(at)
    assert "2 people" in shown(at)
    assert sorted(at.dataframe[0].value["name"]) == ["Ana Lee", "Ben Ode"]


def test_contacts_industries_offer_a_new_industry(acme, conn):
    at = open_page("pages/2_contacts.py")
    industry = at.multiselect(key="search_industries")
    assert "Energy" not in industry.options
    targets.add_company(conn, "Volt", industry="Energy")
    assert "Energy" in run(at).multiselect(key="search_industries").options


def test_contacts_record_shows_an_edit(acme, conn):
    at = open_page("pages/2_contacts.py", contact=str(acme["ana"]))
    assert plain_markdown("ana@example.org") not in shown(at)
    contacts.update_contact(
        conn,
        acme["ana"],
        email="ana@example.org",
        degree="1st",
        mutual_contact_id=None,
        referred_by=None,
        notes="",
        tags="",
    )
    assert plain_markdown("ana@example.org") in shown(run(at))


def test_contacts_timeline_shows_a_new_interaction(acme, conn):
    at = open_page("pages/2_contacts.py", contact=str(acme["ana"]))
    assert "Nothing logged yet" in shown(at)
    interactions.log_interaction(conn, acme["ana"], "outreach", subject="Coffee?")
    assert "Coffee?" in shown(run(at))


# --- Outreach ---


def test_outreach_sees_the_first_person(app_db, conn):
    at = open_page("pages/3_outreach.py")
    assert "There is no one to write to yet" in shown(at)
    contacts.add_contact(conn, "Ana", "Lee")
    assert "There is no one to write to yet" not in shown(run(at))


def test_outreach_finds_a_new_person_by_name(acme, conn):
    at = open_page("pages/3_outreach.py")
    at.text_input(key="outreach_find").set_value("zed")
    assert "No one matches “zed”" in shown(run(at))
    contacts.add_contact(conn, "Zed", "Ray")
    run(at)
    assert "No one matches “zed”" not in shown(at)
    assert [o.split(" ·")[0] for o in at.selectbox(key="outreach_contact").options] == ["Zed Ray"]


def test_outreach_draft_follows_an_edited_template(acme, conn):
    ben = contacts.add_contact(conn, "Ben", "Ode", company="Beta")
    at = open_page("pages/3_outreach.py")
    at.selectbox(key="outreach_contact").set_value(acme["ana"])
    run(at)
    template = 3  # the cold one: Ana is 1st degree, so the page starts from another
    at.selectbox(key="outreach_template").set_value(template)
    run(at)
    body = at.text_area(key=f"body_{acme['ana']}_{template}").value
    at.text_input(key="outreach_find").set_value("ben")  # Beta is no target: found by name
    run(at)
    at.selectbox(key="outreach_contact").set_value(ben)
    run(at)
    outreach.save_template(
        conn, "Mine", "Hello", "Hi {first_name}, a new opening line.", template_id=template
    )
    at.text_input(key="outreach_find").set_value("")
    run(at)
    at.selectbox(key="outreach_contact").set_value(acme["ana"])
    run(at)
    at.selectbox(key="outreach_template").set_value(template)
    run(at)
    fresh = at.text_area(key=f"body_{acme['ana']}_{template}").value
    assert fresh != body
    assert fresh == "Hi Ana, a new opening line."


# --- Follow-ups ---


def test_follow_ups_item_goes_when_followed_up_elsewhere(acme, conn):
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(14))
    at = open_page("pages/4_follow_ups.py")
    assert plain_markdown("Follow up with Ana Lee (Acme)") in shown(at)
    interactions.log_interaction(conn, acme["ana"], "follow_up", occurred_at=days_ago(0))
    assert "Nothing is due today" in shown(run(at))


def test_follow_ups_waiting_list_drops_someone_who_replied(acme, conn):
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(1))
    at = open_page("pages/4_follow_ups.py")
    assert "Waiting on 1 person" in shown(at)
    interactions.log_interaction(conn, acme["ana"], "reply", occurred_at=days_ago(0))
    assert "Waiting on" not in shown(run(at))


def test_follow_ups_snoozed_through_the_page_goes(acme, conn):
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(14))
    at = open_page("pages/4_follow_ups.py")
    [item] = followups.due_items(conn)
    at.button(key=f"snooze_{item.key}").click()
    run(at)
    assert "Snoozed until" in at.toast[0].value
    assert "Nothing is due today" in shown(at)


def test_follow_ups_keeps_what_the_rules_found_across_a_dismissal_but_not_a_new_message(acme, conn):
    """The page keeps the rules' findings across snoozes and dismissals only: a dismissal
    still takes the item away on the next run, and a new outreach still brings one."""
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(14))
    at = open_page("pages/4_follow_ups.py")
    assert "Follow up with Ana Lee" in shown(at)
    data, content = db.data_version(conn), db.content_version(conn)
    for item in followups.due_items(conn):
        followups.dismiss(conn, item.key)
    assert db.data_version(conn) > data and db.content_version(conn) == content
    assert "Nothing is due today" in shown(run(at))
    bo = contacts.add_contact(conn, "Bo", "Berg")
    interactions.log_interaction(conn, bo, "outreach", occurred_at=days_ago(14))
    assert db.content_version(conn) > content
    assert "Follow up with Bo Berg" in shown(run(at))


@pytest.mark.parametrize("how", ["the company", "its industry"])
def test_follow_ups_drop_a_company_ruled_out_though_the_rules_findings_are_kept(acme, conn, how):
    """The page keeps what the rules found, with the companies ruled out, across runs: ruling
    one out (a change to the data, not a snooze) takes its people off the due list and off
    whom you wait on, on the next run."""
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(14))
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    interactions.log_interaction(conn, bo, "outreach", occurred_at=days_ago(1))
    at = open_page("pages/4_follow_ups.py")
    assert "Follow up with Ana Lee" in shown(at) and "Waiting on 1 person" in shown(at)
    if how == "the company":
        targets.rule_out(conn, acme["acme"], "Not my kind of place")
    else:
        profile.rule_out_industry(conn, "Health", "Not for me")
    run(at)
    assert "Follow up with Ana Lee" not in shown(at)
    assert "Nothing is due today" in shown(at) and "Waiting on" not in shown(at)


# --- Meetings ---


@pytest.fixture
def replied(acme, conn):
    """Ana answered Sam's outreach; no meeting yet."""
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(6))
    interactions.log_interaction(conn, acme["ana"], "reply", occurred_at=days_ago(5))
    return acme


@pytest.fixture
def met(replied, conn):
    """Ana's meeting two days ago, held, 25 of 20 minutes; no thank-you yet."""
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    meeting = meetings.schedule_meeting(conn, replied["ana"], start)
    meetings.set_outcome(conn, meeting, "held", actual_minutes=25)
    return {**replied, "meeting": meeting}


def test_meetings_time_zone_follows_the_profile(replied, conn):
    at = open_page("pages/5_meetings.py")
    assert at.time_input(key="schedule_time").label == "Time in UTC"
    meetings.set_time_zone(conn, "Europe/Berlin")
    # "… now UTC+1" in winter, "+2" in summer.
    assert (
        run(at)
        .time_input(key="schedule_time")
        .label.startswith("Time in Berlin (Europe), now UTC+")
    )


def test_meetings_due_thank_you_goes_once_logged(met, conn):
    at = open_page("pages/5_meetings.py")
    assert plain_markdown("Send a thank-you to Ana Lee (Acme)") in shown(at)
    meetings.log_thank_you(conn, met["meeting"], subject="Thank you", body="Thanks, Ana.")
    assert "Send a thank-you" not in shown(run(at))


def test_meetings_people_to_meet_includes_who_just_replied(acme, conn):
    at = open_page("pages/5_meetings.py")
    assert "No one is waiting for a meeting" in shown(at)
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(1))
    interactions.log_interaction(conn, acme["ana"], "reply", occurred_at=days_ago(0))
    assert run(at).selectbox(key="schedule_person").options == ["Ana Lee — Acme"]


def test_meetings_upcoming_shows_a_new_meeting(replied, conn):
    at = open_page("pages/5_meetings.py")
    assert not at.table
    tomorrow = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    meetings.schedule_meeting(conn, replied["ana"], tomorrow, place="Café Blau")
    run(at)
    # Coming up is a static table: its cells are Markdown, the name as typed
    assert list(at.table[0].value["With"]) == [plain_markdown("Ana Lee (Acme)")]


def test_meetings_past_list_shows_an_outcome(replied, conn):
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, replied["ana"], start)
    at = open_page("pages/5_meetings.py")
    assert at.selectbox(key="meeting_pick").options[0].endswith(" · scheduled · Acme")
    meetings.set_outcome(conn, meeting, "cancelled")
    assert run(at).selectbox(key="meeting_pick").options[0].endswith(" · cancelled · Acme")


def test_meetings_minutes_kept_counts_a_debrief(replied, conn):
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, replied["ana"], start)
    at = open_page("pages/5_meetings.py")
    assert "Keeping your word" not in shown(at)
    meetings.record_debrief(conn, meeting, "held", actual_minutes=15)
    assert "**Keeping your word.** Your one meeting ended within" in shown(run(at))


def test_meetings_question_bank_lists_a_new_question(met, conn):
    at = open_page("pages/5_meetings.py")
    added = "What would you tell someone switching into your field?"
    assert added not in at.selectbox(key="bank_edit_pick").options
    assert added not in at.multiselect(key=f"prep_questions_{met['meeting']}").options
    questions.add_question(conn, added, "advice", "occupation")
    run(at)
    assert added in at.selectbox(key="bank_edit_pick").options
    assert added in at.multiselect(key=f"prep_questions_{met['meeting']}").options


def test_meetings_default_need_follows_the_focus(met, conn):
    at = open_page("pages/5_meetings.py")
    assert at.multiselect(key="bank_needs").value == ["occupation"]
    profile.save_profile(conn, name="Sam", job_title="a teacher", focus_kind="industry", focus="x")
    # the picker keeps what this session chose; a new session starts from the focus
    assert open_page("pages/5_meetings.py").multiselect(key="bank_needs").value == ["industry"]


def test_meetings_prep_sheet_and_thank_you_draft_follow_the_records(met, conn):
    meeting = met["meeting"]
    at = open_page("pages/5_meetings.py")
    assert at.text_area(key=f"thanks_body_{meeting}").value.endswith("\n{my_first_name}")
    assert at.text_area(key=f"prep_person_{meeting}").value == ""
    meetings.save_prep(conn, meeting, question_ids=[], person_notes="Moved from teaching.")
    profile.save_profile(
        conn, name="Sam Rivera", job_title="a teacher", focus_kind="occupation", focus=""
    )
    # typed fields keep what this session holds; a new session starts from the records
    fresh = open_page("pages/5_meetings.py")
    assert fresh.text_area(key=f"thanks_body_{meeting}").value.endswith("\nSam")
    assert fresh.text_area(key=f"prep_person_{meeting}").value == "Moved from teaching."


def test_meetings_thank_you_draft_follows_the_calendar(met, conn, monkeypatch):
    """Within a week the draft names the meeting's weekday, after it the date: a draft computed
    once and kept for the data's version would say "on Friday" a month later."""
    start = meetings.prep_sheet(conn, met["meeting"]).meeting.starts_at.astimezone(UTC)
    body = open_page("pages/5_meetings.py").text_area(key=f"thanks_body_{met['meeting']}")
    assert f"talking with me on {start:%A}." in body.value

    later = timedelta(days=30)

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + later

    monkeypatch.setattr(meetings, "datetime", Later)
    monkeypatch.setattr(ui.time, "time", lambda: datetime.now(UTC).timestamp() + later.days * 86400)
    body = open_page("pages/5_meetings.py").text_area(key=f"thanks_body_{met['meeting']}")
    assert f"talking with me on {text.day(start.date())}." in body.value


# --- Referrals ---


@pytest.fixture
def introduced(met, conn):
    """Ana, met, introduced Bo; nothing written to Bo yet."""
    bo = contacts.add_contact(conn, "Bo", "Chen", referred_by=met["ana"], source="referral")
    return {**met, "bo": bo}


def test_referrals_picture_appears_with_the_first_introduction(met, conn):
    at = open_page("pages/6_referrals.py")
    assert "No introductions yet" in shown(at)
    contacts.add_contact(conn, "Bo", "Chen", referred_by=met["ana"], source="referral")
    run(at)
    assert "No introductions yet" not in shown(at)
    names = json.dumps(chart(at, "referral_picture")["data"])
    assert "Bo Chen" in names and "Ana Lee" in names


def test_referrals_totals_yields_and_chain_count_an_outreach(introduced, conn):
    at = open_page("pages/6_referrals.py")
    assert "You have not written to that person since they were named" in shown(at)
    assert list(at.dataframe[0].value["Contacted"]) == [0]
    assert "**Bo Chen**: introduced by Ana Lee; not contacted" in " ".join(
        m.value for m in at.markdown
    )
    interactions.log_interaction(conn, introduced["bo"], "outreach", occurred_at=days_ago(0))
    run(at)
    assert "You have written to that person and not met them yet" in shown(at)
    assert list(at.dataframe[0].value["Contacted"]) == [1]
    assert "**Bo Chen**: introduced by Ana Lee; contacted" in " ".join(m.value for m in at.markdown)


def test_referrals_people_to_trace_include_a_new_introduction(introduced, conn):
    at = open_page("pages/6_referrals.py")
    assert len(at.selectbox(key="chain_person").options) == 1
    contacts.add_contact(conn, "Cy", "Dunn", referred_by=introduced["bo"], source="referral")
    assert len(run(at).selectbox(key="chain_person").options) == 2


def test_home_funnel_referred_follows_a_changed_introducer(introduced, conn):
    """Ana is Referred for introducing Bo; Bo's introducer cleared on the Contacts page (as
    another session), Ana is back at Met, and named again, Referred again."""

    def introducer_of_bo(ana: int | None) -> None:
        contacts.update_contact(
            conn,
            introduced["bo"],
            email="",
            degree="1st",  # as added: a 2nd with no one connecting is refused
            mutual_contact_id=None,
            referred_by=ana,
            notes="",
            tags="",
        )

    at = open_page()
    assert chart(at, "funnel")["data"][0]["x"] == [1, 1, 1, 1, 0]
    introducer_of_bo(None)
    assert chart(run(at), "funnel")["data"][0]["x"] == [1, 1, 1, 0, 0]
    introducer_of_bo(introduced["ana"])
    assert chart(run(at), "funnel")["data"][0]["x"] == [1, 1, 1, 1, 0]


# --- Insights ---


def test_insights_reply_timing_rates_and_waits_count_a_reply(acme, conn):
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(9))
    at = open_page("pages/7_insights.py")
    assert "You wrote to 1 person, who has not replied yet." in shown(at)
    assert list(at.dataframe[0].value["replied"]) == [0]
    waits = at.dataframe[1].value
    assert waits["people"].tolist()[-1] == 1  # silent, no follow-up sent
    interactions.log_interaction(conn, acme["ana"], "reply", occurred_at=days_ago(8))
    run(at)
    assert "You wrote to 1 person, who replied **" in shown(at)
    assert list(at.dataframe[0].value["replied"]) == [1]
    waits = at.dataframe[1].value
    assert waits["people"].iloc[:4].sum() == 1 and waits["people"].tolist()[-1] == 0


def test_insights_weekly_funnel_counts_an_outreach(acme, conn):
    at = open_page("pages/7_insights.py")
    assert "Log the messages you send" in shown(at)
    interactions.log_interaction(conn, acme["ana"], "outreach", occurred_at=days_ago(1))
    run(at)
    assert "Log the messages you send" not in shown(at)
    # one week of first outreach: its numbers, not yet a chart of the weeks
    weeks = next(t.value for t in at.dataframe if "week" in t.value.columns)
    assert weeks["contacted"].tolist() == [1]


def test_insights_minutes_kept_and_buckets_count_a_debrief(replied, conn):
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, replied["ana"], start)
    at = open_page("pages/7_insights.py")
    assert "ended within the time you promised" not in shown(at)
    meetings.record_debrief(conn, meeting, "held", actual_minutes=15)
    run(at)
    assert "Your one meeting ended within the time you promised" in shown(at)
    assert at.dataframe[-1].value["meetings"].sum() == 1


# --- Restore: the file is replaced, the cached answers go ---


def test_restoring_a_backup_is_seen_on_the_next_run(acme, conn, app_db):
    at = open_page()
    backup = db.backup(conn)
    contacts.add_contact(conn, "Ben", "Ode")
    assert metric(run(at), "Contacts") == "2"
    conn.close()
    ui.release_connection()
    db.restore(app_db, backup)
    assert metric(run(at), "Contacts") == "1"


def test_restore_changes_the_data_version(app_db):
    first = db.connect(app_db)
    backup = db.backup(first)
    before = db.data_version(first)
    first.close()
    db.restore(app_db, backup)
    again = db.connect(app_db)
    try:
        assert db.data_version(again) > before
    finally:
        again.close()


def test_answers_bound_to_the_clock_are_worked_out_again(acme, monkeypatch):
    calls = []

    def count_calls(conn):
        calls.append(1)
        return len(calls)

    clock = [1_000_000.0]
    monkeypatch.setattr(ui.time, "time", lambda: clock[0])
    conn = ui.connection()
    assert ui.cached(count_calls, conn, refresh_every=60) == 1
    assert ui.cached(count_calls, conn, refresh_every=60) == 1
    clock[0] += 60
    assert ui.cached(count_calls, conn, refresh_every=60) == 2
