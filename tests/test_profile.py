"""The user's profile and focus, holidays, and what they ruled out."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, home, profile, targets
from infoint.errors import InvalidInputError, NotFoundError

ROOT = Path(__file__).resolve().parent.parent


def test_a_fresh_profile_is_empty_and_has_no_focus(conn):
    me = profile.get_profile(conn)
    assert (me.name, me.focus_kind, me.holidays, me.first_name) == ("", "occupation", (), "")
    assert profile.focus_summary(conn) == ""


def test_profile_and_focus_are_saved_and_summarised(conn):
    saved = profile.save_profile(
        conn,
        name="  Sam Lee ",
        job_title="a data analyst",
        focus_kind="industry",
        focus="health tech",
        focus_detail="Is it growing outside the big cities?",
        holidays_text="2026-12-25, 2026-12-24\n2026-12-25",
    )
    assert saved.name == "Sam Lee" and saved.first_name == "Sam"
    assert saved.holidays == (date(2026, 12, 24), date(2026, 12, 25))
    assert profile.holidays(conn) == saved.holidays
    assert profile.focus_summary(conn) == (
        "You are learning about an industry: health tech. Is it growing outside the big cities?"
    )
    profile.save_profile(
        conn,
        name="Sam",
        job_title="",
        focus_kind="industry",
        focus="health tech",
        focus_detail="what a day is like",
    )
    assert profile.focus_summary(conn).endswith("health tech. What a day is like")


def test_holidays_are_read_day_first_or_as_yyyy_mm_dd_and_kept_one_way(conn):
    saved = profile.save_profile(
        conn,
        name="Sam",
        job_title="",
        focus_kind="industry",
        focus="x",
        holidays_text="25/12/2026\n1/5/2027, 2026-12-24\n24.12.2026",
    )
    assert saved.holidays == (date(2026, 12, 24), date(2026, 12, 25), date(2027, 5, 1))
    stored = conn.execute("SELECT holidays FROM profile").fetchall()[0][0]
    assert stored == "2026-12-24\n2026-12-25\n2027-05-01"


@pytest.mark.parametrize(
    ("kind", "holidays", "message"),
    [
        ("hobby", "", "Choose what you need to learn"),
        (
            "industry",
            "Christmas",
            "^'Christmas' is not a date; write each holiday as 25 Dec 2026 or 25/12/2026",
        ),
        ("industry", "31/02/2026", "^There is no 31 February 2026; check that holiday.$"),
        ("industry", "2026-02-29", "^There is no 29 February 2026; check that holiday.$"),
        ("industry", "12/25/2026", "^'12/25/2026' has no month 25; write each holiday as day/"),
    ],
)
def test_bad_profile_input_is_refused_and_nothing_changes(conn, kind, holidays, message):
    with pytest.raises(InvalidInputError, match=message):
        profile.save_profile(
            conn, name="Sam", job_title="", focus_kind=kind, focus="x", holidays_text=holidays
        )
    assert profile.get_profile(conn).name == ""


def test_an_unknown_time_zone_falls_back_to_utc(conn):
    conn.execute("UPDATE profile SET time_zone = 'Mars/Olympus'")
    assert profile.zone(conn).key == "UTC"
    conn.execute("UPDATE profile SET time_zone = 'Europe/Berlin'")
    assert profile.zone(conn).key == "Europe/Berlin"


def test_industries_are_ruled_out_once_whatever_the_spelling(conn):
    profile.rule_out_industry(conn, "Oil and gas", "I want to work on renewables")
    profile.rule_out_industry(conn, "  oil   AND gas ", "Not for me")
    ruled = profile.list_ruled_out_industries(conn)
    assert [(r.industry, r.reason) for r in ruled] == [("oil AND gas", "Not for me")]
    with pytest.raises(InvalidInputError, match="Name the industry"):
        profile.rule_out_industry(conn, "  ", "Why not")
    with pytest.raises(InvalidInputError, match="Say why"):
        profile.rule_out_industry(conn, "Retail", " ")
    assert len(profile.list_ruled_out_industries(conn)) == 1
    profile.bring_back_industry(conn, "OIL and GAS")
    assert profile.list_ruled_out_industries(conn) == []
    with pytest.raises(NotFoundError):
        profile.bring_back_industry(conn, "Oil and gas")


def test_ruled_out_companies_include_those_of_ruled_out_industries(conn):
    conn.execute(
        "INSERT INTO companies (id, name, match_key, industry, status) VALUES"
        " (1, 'Petro', 'petro', 'Oil  and Gas', 'network'),"
        " (2, 'Acme', 'acme', 'Health', 'target'),"
        " (3, 'Globex', 'globex', NULL, 'network')"
    )
    assert profile.ruled_out_company_ids(conn) == set()
    profile.rule_out_industry(conn, "oil and gas", "Renewables only")
    targets.rule_out(conn, 3, "Too far to commute")
    assert profile.ruled_out_company_ids(conn) == {1, 3}


def test_ruled_out_summary_counts_and_reads_as_progress(conn):
    assert profile.ruled_out_summary(conn).sentence == ""
    conn.execute("INSERT INTO companies (id, name, match_key) VALUES (1, 'A', 'a'), (2, 'B', 'b')")
    targets.rule_out(conn, 1, "Culture")
    summary = profile.ruled_out_summary(conn)
    assert (summary.companies, summary.industries, summary.total) == (1, 0, 1)
    assert summary.sentence.startswith("You have ruled out 1 company.")
    targets.rule_out(conn, 2, "Too big")
    profile.rule_out_industry(conn, "Retail", "Weekend shifts")
    profile.rule_out_industry(conn, "Mining", "Too remote")
    assert profile.ruled_out_summary(conn).sentence.startswith(
        "You have ruled out 2 companies and 2 industries."
    )
    assert "progress" in profile.ruled_out_summary(conn).sentence


def test_ruled_out_summary_writes_thousands_with_separators():
    sentence = profile.RuledOutSummary(companies=1200, industries=2, in_industries=1563).sentence
    assert sentence.startswith(
        "You have ruled out 1,200 companies and 2 industries, which takes 1,563 more companies "
        "off your list."
    )


def test_ruled_out_summary_counts_the_listed_companies_an_industry_takes_off(conn):
    """Home shows '3 ruled out' under Targets: the sentence beside it must add up to 3."""
    conn.execute(
        "INSERT INTO companies (id, name, match_key, industry, status) VALUES"
        " (1, 'A', 'a', 'Retail', 'ruled_out'), (2, 'B', 'b', 'Retail', 'target'),"
        " (3, 'C', 'c', 'retail ', 'researching'), (4, 'D', 'd', 'Retail', 'network'),"
        " (5, 'E', 'e', 'Health', 'target')"
    )
    assert profile.ruled_out_summary(conn).in_industries == 0
    profile.rule_out_industry(conn, "Retail", "Weekend shifts")
    summary = profile.ruled_out_summary(conn)
    assert (summary.companies, summary.industries, summary.in_industries) == (1, 1, 2)
    assert summary.sentence.startswith(
        "You have ruled out 1 company and 1 industry, which takes 2 more companies off your list."
    )
    assert home.headline(conn).ruled_out == summary.companies + summary.in_industries


# --- the Settings section -------------------------------------------------------------------


def settings_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/9_settings.py")
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    [found] = [b for b in at.button if b.label == label]
    return found


def test_settings_saves_the_profile_and_home_shows_the_focus(app_db):
    at = run(settings_page())
    at.text_input(key="profile_name").set_value("Sam Lee")
    at.text_input(key="profile_role").set_value("a data analyst")
    at.radio(key="profile_focus_kind").set_value("company")
    at.text_input(key="profile_focus").set_value("health-tech start-ups in Leeds")
    at.text_area(key="profile_holidays").set_value("2026-12-25")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert not at.error
    assert any("Saved." in s.value for s in at.success)
    conn = db.connect(app_db)
    me = profile.get_profile(conn)
    conn.close()
    assert (me.name, me.focus_kind, me.holidays) == ("Sam Lee", "company", (date(2026, 12, 25),))


def test_settings_refuses_a_bad_holiday_in_one_sentence(app_db):
    at = run(settings_page())
    at.text_area(key="profile_holidays").set_value("Christmas")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert "'Christmas' is not a date" in at.error[0].value


def test_settings_rules_out_an_industry_and_a_company(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", company="Petro Corp")
    conn.execute("UPDATE companies SET industry = 'Oil and gas'")
    conn.close()
    at = run(settings_page())
    at.selectbox(key="rule_out_industry").set_value("Oil and gas")
    at.text_input(key="rule_out_industry_reason").set_value("I want renewables")
    button(at, "Rule out this industry").click()
    run(at)
    assert "You have ruled out 1 industry." in " ".join(c.value for c in at.caption)
    at.text_input(key="rule_out_company_find").set_value("petro")
    run(at)
    assert at.selectbox(key="rule_out_company_petro").options == [
        "Petro Corp — in your network, 1 person"
    ]
    at.selectbox(key="rule_out_company_petro").set_value(1)
    at.text_input(key="rule_out_reason").set_value("Night shifts")
    run(at)
    button(at, "Rule out this company").click()
    run(at)
    assert any("Ruled out Petro Corp" in s.value for s in at.success)
    conn = db.connect(app_db)
    summary = profile.ruled_out_summary(conn)
    conn.close()
    assert (summary.companies, summary.industries) == (1, 1)
    button(at, "Bring back").click()
    run(at)
    conn = db.connect(app_db)
    assert profile.list_ruled_out_industries(conn) == []
    conn.close()


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Etc/UTC", "UTC"),
        ("UTC", "UTC"),
        ("Europe/Berlin", "Berlin (Europe), now UTC+1"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires (America), now UTC−3"),
        ("Asia/Kolkata", "Kolkata (Asia), now UTC+5:30"),
    ],
)
def test_a_time_zone_is_named_in_words_with_its_offset(name, label):
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    assert profile.zone_label(ZoneInfo(name), datetime(2026, 3, 2, 12, tzinfo=UTC)) == label


def test_settings_says_what_the_time_zone_is_for(app_db):
    at = run(settings_page())
    said = " ".join(c.value for c in at.main.caption)
    assert (
        "Your time zone is UTC. Meeting times are typed and shown in it, and your day begins at "
        "midnight there for what is due." in said
    )
    assert "Change it on Meetings" not in said  # it is changed here too


def blank_profile(**filled) -> profile.Profile:
    fields = dict(
        name="", job_title="", focus_kind="occupation", focus="", focus_detail="", holidays=()
    )
    return profile.Profile(**{**fields, **filled}, time_zone="")


def test_saving_says_what_was_saved_and_a_blank_profile_is_not_done():
    """A new user saved a blank form and read that Home shows their focus: it showed none."""
    assert profile.saved_sentence(blank_profile()) == (
        "Saved. Your name, role and what you need to learn are still blank; fill them in for "
        "your message templates and Home."
    )
    assert profile.saved_sentence(blank_profile(name="Sam Lee", focus="health tech")) == (
        "Saved. Templates use your name; Home shows your focus. Still blank: your role."
    )
    assert profile.saved_sentence(
        blank_profile(
            name="Sam Lee",
            job_title="a data analyst",
            focus="health tech",
            holidays=(date(2026, 12, 25), date(2026, 12, 26)),
        )
    ) == (
        "Saved. Templates use your name and role; Home shows your focus; "
        "follow-ups skip your 2 holidays."
    )
    assert profile.saved_sentence(blank_profile(holidays=(date(2026, 12, 25),))) == (
        "Saved. Follow-ups skip your 1 holiday. Still blank: your name, your role and "
        "what you need to learn."
    )


def test_a_save_that_changed_nothing_claims_none():
    """A new user sent the blank form and read 'Saved, but your profile is still blank': no
    save is claimed for nothing, and a field cleared on purpose is named as a change."""
    blank = blank_profile()
    assert not profile.profile_changed(blank, blank)
    # the time zone has its own control: not the form's to change
    assert not profile.profile_changed(blank, dataclasses.replace(blank, time_zone="Asia/Tokyo"))
    assert profile.profile_changed(blank, blank_profile(focus_kind="industry"))
    assert profile.nothing_to_save_sentence(blank) == (
        "Nothing to save yet: fill in your name and role for your message templates, and what "
        "you need to learn, in a few words, for Home."
    )
    assert profile.nothing_to_save_sentence(blank_profile(name="Sam Lee")) == (
        "Nothing changed, so there was nothing to save. Still blank: your role and what you "
        "need to learn."
    )
    assert profile.saved_sentence(
        blank, before=blank_profile(focus="health tech", holidays=(date(2026, 12, 25),))
    ) == (
        "Saved: you cleared what you need to learn and your holidays. Your name, role and "
        "what you need to learn are all blank now; fill them in for your message templates "
        "and Home."
    )


def test_several_dates_on_a_line_are_still_read_and_a_bad_one_is_named():
    assert profile.parse_holidays("24/12/2026, 25/12/2026 26/12/2026") == (
        date(2026, 12, 24),
        date(2026, 12, 25),
        date(2026, 12, 26),
    )
    with pytest.raises(InvalidInputError, match=r"^There is no 31 February 2026; check that"):
        profile.parse_holidays("24/12/2026, 31/02/2026")


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("Europe/Paris", "Paris (Europe)"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires (America)"),
        ("Etc/UTC", "UTC"),
        ("UTC", "UTC"),
        ("Etc/GMT+5", "Etc/GMT+5"),  # five hours behind UTC: 'GMT+5' alone says it backwards
    ],
)
def test_a_zone_is_listed_as_people_say_it(key, said):
    assert profile.zone_place(key) == said
