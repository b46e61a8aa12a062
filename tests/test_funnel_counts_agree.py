"""Home's funnel (`home.funnel_counts`) counts the people `funnel.stage_counts` counts, under
the same filters, and adds who still has time to reply: one query says whom the funnel counts.
On the demo campaign, whole and narrowed to an industry, a degree or weeks, both give the same
stages, and the count of those with time is the one Insights' rule gives, person by person."""

from datetime import date

import pytest

from infoint import business_days, demo, funnel, home, insights, profile

TODAY = date(2026, 11, 25)  # a Wednesday: the demo's last outreach is still in its reply window


@pytest.fixture
def campaign(conn):
    demo.load_demo(conn, TODAY)
    return conn


def in_time(conn, filters: funnel.FunnelFilter) -> int:
    """Who still has time to reply among those `filters` choose, worked out here in Python:
    at Contacted and no further, first written to at most `QUICK_REPLY_DAYS` business days
    before today."""
    chosen = {
        row[0]
        for row in conn.execute(
            f"""
            SELECT s.contact_id FROM contact_stages s
            JOIN contacts c ON c.id = s.contact_id
            LEFT JOIN companies co ON co.id = c.company_id
            WHERE {filters.where()[0]}""",
            filters.where()[1],
        ).fetchall()
    }
    holidays = list(profile.holidays(conn))
    stages = conn.execute(
        "SELECT contact_id, stage, CAST(first_outreach_at AS DATE) FROM contact_stages"
    ).fetchall()
    return sum(
        1
        for person, stage, first in stages
        if person in chosen
        and stage == 1
        and business_days.business_days_between(first, TODAY, holidays) <= insights.QUICK_REPLY_DAYS
    )


FILTERS = {
    "everyone": funnel.FunnelFilter(),
    "Software": funnel.FunnelFilter(industries=("Software",)),
    "Health": funnel.FunnelFilter(industries=("Health",)),
    "no industry": funnel.FunnelFilter(industries=(funnel.NO_INDUSTRY,)),
    "2nd degree": funnel.FunnelFilter(degrees=("2nd",)),
    "Software, lately": funnel.FunnelFilter(
        industries=("Software",), start=date(2026, 11, 9), end=TODAY
    ),
}


@pytest.mark.parametrize("name", FILTERS)
def test_home_counts_the_funnels_people(campaign, name):
    chosen = FILTERS[name]
    counted = home.funnel_counts(campaign, chosen, TODAY)
    assert counted.stages == funnel.stage_counts(campaign, chosen)
    assert counted.waiting == in_time(campaign, chosen)


def test_the_demo_has_people_at_every_stage_and_one_with_time(campaign):
    """What the comparisons above rest on: a full funnel, an industry with someone still in
    their reply window (Software) and one without (Health)."""
    assert [s.count for s in funnel.stage_counts(campaign)] == [31, 15, 8, 2, 1]
    assert home.funnel_counts(campaign, today=TODAY).waiting == 1
    assert home.funnel_counts(campaign, FILTERS["Software"], TODAY).waiting == 1
    assert home.funnel_counts(campaign, FILTERS["Health"], TODAY).waiting == 0
    health = funnel.stage_counts(campaign, FILTERS["Health"])
    software = funnel.stage_counts(campaign, FILTERS["Software"])
    assert [h.count + s.count for h, s in zip(health, software, strict=True)] == [31, 15, 8, 2, 1]


def test_a_holiday_gives_more_time_under_a_filter(campaign):
    """The user's holidays reach the count of who has time, filtered: with the week of 16
    November off, someone first written to on Friday 13 November has had 3 business days."""
    assert home.funnel_counts(campaign, FILTERS["Software"], TODAY).waiting == 1
    profile.save_profile(
        campaign,
        name="",
        job_title="",
        focus_kind="occupation",
        focus="",
        holidays_text="2026-11-16, 2026-11-17, 2026-11-18, 2026-11-19, 2026-11-20",
    )
    after = home.funnel_counts(campaign, FILTERS["Software"], TODAY)
    assert after.waiting == in_time(campaign, FILTERS["Software"]) == 2
    assert after.stages == funnel.stage_counts(campaign, FILTERS["Software"])
