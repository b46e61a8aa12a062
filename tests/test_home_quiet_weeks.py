"""Home's "What you did each week" says so in a sentence when its weeks hold nothing.

A new user chose an industry with no outreach (the demo, Education): the funnel said 'You have
not contacted anyone your filters choose', yet the weekly section drew an empty chart (its axis
0 to 1) beside a table of seven rows of zeros.
"""

from datetime import date

import pytest

from infoint import contacts, demo, home, interactions, targets
from infoint.funnel import FunnelFilter

TODAY = date(2026, 3, 11)  # a Wednesday; the 12 weeks run from 22 December


@pytest.fixture
def people(conn):
    """Ann at Acme (Health), written to this week; Bob at Volt (Energy), written to in
    November, before the 12 weeks; Cy at School (Education), never written to."""
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    targets.add_company(conn, "School", industry="Education")
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    bob = contacts.add_contact(conn, "Bob", company="Volt")
    contacts.add_contact(conn, "Cy", company="School")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 9))
    interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2025, 11, 3))


def quiet(conn, filters: FunnelFilter | None = None, today: date = TODAY) -> str:
    activity = home.weekly_activity(conn, today=today, filters=filters)
    return home.quiet_weeks(activity, filtered=filters is not None and filters.narrows)


def test_an_industry_with_nothing_logged_says_so_and_how_to_see_more(conn, people):
    assert quiet(conn, FunnelFilter(industries=("Education",))) == (
        "You logged nothing in these 12 weeks with anyone your filters choose. Clear a filter "
        "to see what you did each week."
    )
    # Written to before the 12 weeks, and nothing since: nothing in them either.
    assert quiet(conn, FunnelFilter(industries=("Energy",))).startswith("You logged nothing")


def test_something_logged_is_drawn_as_before(conn, people):
    assert quiet(conn) == ""
    assert quiet(conn, FunnelFilter(industries=("Health",))) == ""
    assert quiet(conn, FunnelFilter(industries=("Health", "Education"))) == ""


def test_weeks_chosen_count_from_the_first_outreach(conn, people):
    """With first-outreach weeks chosen the weeks start at Bob's (November): his outreach is
    in them, so there is a chart; an industry with nobody in those weeks has a sentence."""
    weeks = {"start": date(2025, 11, 1), "end": date(2025, 11, 30)}
    assert quiet(conn, FunnelFilter(**weeks)) == ""
    said = quiet(conn, FunnelFilter(industries=("Health",), **weeks))
    assert said.startswith("You logged nothing in these 12 weeks with anyone your filters")


def test_nothing_logged_lately_without_filters_says_so_too(conn, people):
    """Months after the last message, no filter chosen: a sentence, not twelve empty weeks."""
    assert quiet(conn, today=date(2026, 9, 1)) == (
        "You logged nothing in the last 12 weeks. What you log from now on shows here, week by "
        "week."
    )


def test_the_demo_filtered_to_education(conn):
    """The walkthrough's case: the demo's Education target has people, none written to."""
    today = date(2026, 11, 25)
    demo.load_demo(conn, today=today)
    education = FunnelFilter(industries=("Education",))
    assert home.funnel_counts(conn, education, today).stages[0].count == 0
    assert quiet(conn, education, today=today).startswith("You logged nothing in these 12 weeks")
    assert quiet(conn, today=today) == ""
