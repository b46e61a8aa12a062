"""The user's profile and focus, holidays, and what they ruled out."""

from __future__ import annotations

from datetime import date

import pytest

from infoint import profile, targets
from infoint.errors import InvalidInputError, NotFoundError


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


@pytest.mark.parametrize(
    ("kind", "holidays", "message"),
    [("hobby", "", "Choose what you need to learn"), ("industry", "25/12/2026", "YYYY-MM-DD")],
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
    with pytest.raises(InvalidInputError):
        profile.rule_out_industry(conn, "  ")
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
    profile.rule_out_industry(conn, "oil and gas")
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
    profile.rule_out_industry(conn, "Retail")
    profile.rule_out_industry(conn, "Mining")
    assert profile.ruled_out_summary(conn).sentence.startswith(
        "You have ruled out 2 companies and 2 industries."
    )
    assert "progress" in profile.ruled_out_summary(conn).sentence
