"""Insights' rates by degree, channel, template and industry leave out the people who still
have time to reply, by Home's rule, so that a group's reply rate is Home's Response rate for
that group and the groups add up to Home's 'n of m replied'.

A new user's walkthrough (the demo, today) read Home's 'Response rate 50 % — 15 of 30
replied; 1 more still has time to reply' beside Insights' table '1st degree … Reply rate 52 %'
and a total of 15 of 31 there: the rates counted someone written to that week as silent.
"""

from datetime import date

import pytest

from infoint import contacts, demo, home, insights, interactions, profile, targets
from infoint.funnel import FunnelFilter

TODAY = date(2026, 3, 11)  # a Wednesday: written to on Monday 9 March or later, still in time


@pytest.fixture
def people(conn):
    """1st degree at Acme (Health): Ana replied, Ben silent since 2 March. 2nd degree at Volt
    (Energy): Cy written to on 10 March (still in time). Cold at Volt: Di written to today
    (in time), Eve replied."""
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    ana = contacts.add_contact(conn, "Ana", company="Acme")
    ben = contacts.add_contact(conn, "Ben", company="Acme")
    cy = contacts.add_contact(conn, "Cy", company="Volt", degree="2nd", mutual_contact_id=ana)
    di = contacts.add_contact(conn, "Di", company="Volt", degree="cold")
    eve = contacts.add_contact(conn, "Eve", company="Volt", degree="cold")
    for person, day in ((ana, 2), (ben, 2), (cy, 10), (di, 11), (eve, 2)):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, day))
    for person in (ana, eve):
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 3))


def rows(frame) -> list[tuple]:
    return [tuple(r) for r in frame[["group", "contacted", "replied", "met"]].itertuples(False)]


def test_who_still_has_time_is_left_out_of_the_rates(conn, people):
    frame = insights.rates_by(conn, "degree", TODAY)
    # Cy (2nd degree) still has time: his group has no rate yet, and comes last
    # (tests/test_insights_waiting_groups.py); Di is left out of Cold's.
    assert rows(frame) == [("1st degree", 2, 1, 0), ("Cold", 1, 1, 0), ("2nd degree", 0, 0, 0)]
    assert list(frame["waiting"]) == [0, 1, 1]
    assert list(frame["replied_percent"][:2]) == [50, 100]
    by_industry = insights.rates_by(conn, "industry", TODAY)
    assert rows(by_industry) == [("Health", 2, 1, 0), ("Energy", 1, 1, 0)]


def test_once_the_days_pass_everyone_is_counted(conn, people):
    """Tuesday 17 March: Cy's and Di's 3 business days have passed, with no reply."""
    frame = insights.rates_by(conn, "degree", date(2026, 3, 17))
    assert rows(frame) == [("1st degree", 2, 1, 0), ("Cold", 2, 1, 0), ("2nd degree", 1, 0, 0)]


@pytest.mark.parametrize("breakdown", insights.BREAKDOWNS)
def test_the_groups_add_up_to_homes_response_rate(conn, people, breakdown):
    figures = home.headline(conn, TODAY)
    assert home.response_figure(figures) == (
        "67 %",
        "2 of 3 replied; 2 more may reply",
    )
    frame = insights.rates_by(conn, breakdown, TODAY)
    assert frame["contacted"].sum() == figures.time_passed == 3
    assert frame["replied"].sum() == figures.replied == 2


def test_each_groups_rate_is_homes_under_that_filter(conn, people):
    """Home's funnel filtered to a degree or an industry gives the same share as the group."""
    for breakdown, name, chosen in (
        ("degree", "1st degree", FunnelFilter(degrees=("1st",))),
        ("degree", "Cold", FunnelFilter(degrees=("cold",))),
        ("industry", "Health", FunnelFilter(industries=("Health",))),
        ("industry", "Energy", FunnelFilter(industries=("Energy",))),
    ):
        counted = home.funnel_counts(conn, chosen, TODAY)
        contacted, replied = counted.stages[0].count, counted.stages[1].count
        share = replied / (contacted - counted.waiting)
        frame = insights.rates_by(conn, breakdown, TODAY).set_index("group")
        assert frame.loc[name, "response_rate"] == share, name


def test_everyone_still_in_time_gives_no_rates(conn):
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=TODAY)
    assert insights.rated_people(conn, TODAY) == 0  # the page says RATES_TOO_SOON instead
    for breakdown in insights.BREAKDOWNS:
        frame = insights.rates_by(conn, breakdown, TODAY)
        assert insights.rated_groups(frame).empty
        assert list(frame[["contacted", "waiting"]].itertuples(False, None)) == [(0, 1)]
    assert home.response_figure(home.headline(conn, TODAY))[0] == home.TOO_SOON


def test_holidays_give_more_time_as_on_home(conn, people):
    """With 5 to 10 March off, Ben (written to on Monday 2 March) has had 3 business days by
    the 11th (3, 4 and 11 March): he still has time, on Home and here alike."""
    holidays = ", ".join(f"2026-03-{day:02d}" for day in range(5, 11))
    profile.save_profile(
        conn, name="", job_title="", focus_kind="occupation", focus="", holidays_text=holidays
    )
    frame = insights.rates_by(conn, "degree", TODAY)
    figures = home.headline(conn, TODAY)
    assert frame["contacted"].sum() == figures.time_passed
    assert ("1st degree", 1, 1, 0) in rows(frame)  # Ben still has time, Ana replied


def test_the_note_says_who_is_left_out():
    assert insights.rates_waiting_note(0) == ""
    assert insights.rates_waiting_note(1) == (
        "1 person you wrote to in the last 3 business days is left out of these rates, as on "
        "Home: they still have time to reply."
    )
    assert insights.rates_waiting_note(2).startswith("2 people you wrote to in the last 3 ")


def test_the_demo_today(conn):
    """The walkthrough's case: Home's 'n of m replied' is the rates' total."""
    today = date(2026, 11, 25)
    demo.load_demo(conn, today=today)
    figures = home.headline(conn, today)
    for breakdown in insights.BREAKDOWNS:
        frame = insights.rates_by(conn, breakdown, today)
        assert frame["contacted"].sum() == figures.time_passed
        assert frame["replied"].sum() == figures.replied
