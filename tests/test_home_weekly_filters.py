"""Home's weekly numbers follow the funnel's filters: what you did with the people they choose.

A new user filtered Home by an industry: the funnel said 'Of the people your filters choose,
you contacted 2 people', while the weekly numbers right below still counted everyone.
"""

from datetime import UTC, date, datetime

import pytest

from infoint import contacts, funnel, home, interactions, meetings, targets
from infoint.funnel import FunnelFilter

TODAY = date(2026, 3, 11)  # a Wednesday; its week runs 9-15 March, the 12 weeks from 22 Dec


def counts(frame) -> dict[str, int]:
    """Per kind, the number over all the weeks, the kinds with none left out."""
    totals = frame.groupby("kind")["count"].sum()
    return {kind: int(n) for kind, n in totals.items() if n}


@pytest.fixture
def people(conn):
    """Ann at Acme (Health, 1st): written to, replied, met, introduced Di. Bob at Volt (Energy,
    2nd): written to twice and followed up. Cy, with no company: written to. All in March."""
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    bob = contacts.add_contact(conn, "Bob", company="Volt", degree="2nd", mutual_contact_id=ann)
    cy = contacts.add_contact(conn, "Cy")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 3))
    held = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 10, 9, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    # Ann's introduction of Di, recorded twice (a referral logged, Di added as introduced by
    # her), both on 10 March: one introduction that week.
    interactions.log_interaction(conn, ann, "referral", occurred_at=date(2026, 3, 10))
    di = contacts.add_contact(conn, "Di", referred_by=ann, degree="2nd")
    conn.execute("UPDATE contacts SET referred_at = '2026-03-10 12:00' WHERE id = ?", [di])
    interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2026, 3, 3))
    interactions.log_interaction(conn, bob, "follow_up", occurred_at=date(2026, 3, 9))
    interactions.log_interaction(conn, cy, "outreach", occurred_at=date(2026, 3, 9))
    return {"ann": ann, "bob": bob, "cy": cy}


def test_an_industry_counts_only_what_you_did_with_people_there(conn, people):
    everyone = home.weekly_activity(conn, today=TODAY)
    assert counts(everyone) == {
        "outreach": 4,
        "follow_up": 1,
        "reply": 1,
        "meeting_held": 1,
        "referral": 1,
    }
    energy = home.weekly_activity(conn, today=TODAY, filters=FunnelFilter(industries=("Energy",)))
    assert counts(energy) == {"outreach": 2, "follow_up": 1}
    # The meeting held and the introduction are Ann's: they go with her industry.
    health = home.weekly_activity(conn, today=TODAY, filters=FunnelFilter(industries=("Health",)))
    assert counts(health) == {"outreach": 1, "reply": 1, "meeting_held": 1, "referral": 1}
    nowhere = FunnelFilter(industries=(funnel.NO_INDUSTRY,))
    assert counts(home.weekly_activity(conn, today=TODAY, filters=nowhere)) == {"outreach": 1}
    # Same weeks, same shape: only the counts narrow.
    assert energy[["week", "kind", "label"]].equals(everyone[["week", "kind", "label"]])
    summary = home.summarise_activity(energy).set_index("What")
    assert summary.loc["Outreach"].tolist() == [0, 2]
    assert summary.loc["Follow-up"].tolist() == [1, 1]


def test_a_degree_and_an_industry_together(conn, people):
    second = FunnelFilter(degrees=("2nd",))
    assert counts(home.weekly_activity(conn, today=TODAY, filters=second)) == {
        "outreach": 2,
        "follow_up": 1,
    }
    none_left = FunnelFilter(industries=("Health",), degrees=("2nd",))
    frame = home.weekly_activity(conn, today=TODAY, filters=none_left)
    assert counts(frame) == {} and len(frame) == 12 * len(home.ACTIVITY_LABELS)


def test_no_filter_counts_as_before(conn, people):
    everyone = home.weekly_activity(conn, today=TODAY)
    assert home.weekly_activity(conn, today=TODAY, filters=FunnelFilter()).equals(everyone)


def test_first_outreach_weeks_choose_the_people_as_the_funnel_does(conn, people):
    """Weeks of 9-15 March: Cy was first written to then; Bob's follow-up that week is no
    first outreach, and Ann's meeting that week is with someone first written to before."""
    chosen = FunnelFilter(start=date(2026, 3, 9), end=date(2026, 3, 15))
    assert funnel.stage_counts(conn, chosen)[0].count == 1
    assert counts(home.weekly_activity(conn, today=TODAY, filters=chosen)) == {"outreach": 1}
    earlier = FunnelFilter(start=date(2026, 3, 2), end=date(2026, 3, 8))
    assert counts(home.weekly_activity(conn, today=TODAY, filters=earlier)) == {
        "outreach": 3,
        "follow_up": 1,
        "reply": 1,
        "meeting_held": 1,
        "referral": 1,
    }


def test_weeks_chosen_long_ago_start_the_bars_at_their_first_outreach(conn, people):
    """Dee was first written to in 2014: choosing that year shows her outreach among the bars,
    from its week on; a range open to year 1 starts there too, not in year 1."""
    dee = contacts.add_contact(conn, "Dee")
    interactions.log_interaction(conn, dee, "outreach", occurred_at=date(2014, 3, 12))
    interactions.log_interaction(conn, dee, "reply", occurred_at=date(2026, 3, 4))
    for start, end in ((date(2014, 1, 1), date(2014, 12, 31)), (date.min, date(2014, 12, 31))):
        frame = home.weekly_activity(conn, today=TODAY, filters=FunnelFilter(start=start, end=end))
        weeks = sorted(set(frame["week"]))
        assert (weeks[0], weeks[-1]) == (date(2014, 3, 10), date(2026, 3, 9))
        assert counts(frame) == {"outreach": 1, "reply": 1}
        summary = home.summarise_activity(frame).set_index("What")
        assert summary.loc["Outreach"].tolist() == [0, 1]
    # Everyone since year 1: the weeks start at the first outreach of all, in 2014.
    frame = home.weekly_activity(conn, today=TODAY, filters=FunnelFilter(start=date.min))
    assert min(frame["week"]) == date(2014, 3, 10)
    assert counts(frame)["outreach"] == 5
    # Weeks inside the last twelve keep the twelve.
    recent = FunnelFilter(start=date(2026, 3, 1))
    assert len(set(home.weekly_activity(conn, today=TODAY, filters=recent)["week"])) == 12
