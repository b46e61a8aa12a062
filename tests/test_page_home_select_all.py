"""Home: the Industry box's "Select all" is no filter.

A new user clicked "Select all" in the Industry box: the funnel said 'Of the people your
filters choose, you contacted …' while it counted everyone. Every industry chosen, "(no
industry yet)" with them, leaves no one out (people at a company without an industry, and
people with no company, are in "(no industry yet)"), so nothing is said about filtering. Every
industry but "(no industry yet)" does leave people out, and the funnel says exactly whom it
counts.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, funnel, home, interactions, targets
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent
EVERY_INDUSTRY = ["Energy", "Health", funnel.NO_INDUSTRY]


@pytest.fixture
def people(conn):
    """Ann at Acme (Health), Bob at Volt (Energy), Ed at Nil (no industry), Dee with no
    company: all four written to."""
    fill(conn)
    return conn


def fill(conn) -> None:
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    bob = contacts.add_contact(conn, "Bob", company="Volt", degree="2nd", mutual_contact_id=ann)
    ed = contacts.add_contact(conn, "Ed", company="Nil", degree="cold")
    dee = contacts.add_contact(conn, "Dee")
    for person in (ann, bob, ed, dee):
        interactions.log_interaction(conn, person, "outreach", occurred_at=datetime.now(UTC))


def contacted(conn, chosen: funnel.FunnelFilter) -> int:
    return funnel.stage_counts(conn, chosen)[0].count


def test_every_industry_chosen_is_no_filter_and_counts_everyone(people):
    assert [*targets.industries(people), funnel.NO_INDUSTRY] == EVERY_INDUSTRY
    chosen = home.funnel_filter(reversed(EVERY_INDUSTRY), EVERY_INDUSTRY)
    assert not chosen.narrows
    assert contacted(people, chosen) == contacted(people, funnel.FunnelFilter()) == 4
    counts = funnel.stage_counts(people, chosen)
    assert home.describe_funnel(counts, filtered=chosen.narrows)[0] == "You contacted 4 people."


def test_every_degree_chosen_is_no_filter_either(people):
    chosen = home.funnel_filter([], EVERY_INDUSTRY, contacts.DEGREES)
    assert not chosen.narrows and contacted(people, chosen) == 4
    some = home.funnel_filter([], EVERY_INDUSTRY, ["1st", "cold"])
    assert some.narrows and contacted(people, some) == 3


def test_every_industry_but_none_says_it_counts_those_at_a_company_with_an_industry(people):
    chosen = home.funnel_filter(["Energy", "Health"], EVERY_INDUSTRY)
    assert chosen.narrows and contacted(people, chosen) == 2  # not Ed (Nil), not Dee
    whom = home.counted_whom(chosen, EVERY_INDUSTRY)
    counts = funnel.stage_counts(people, chosen)
    assert home.describe_funnel(counts, filtered=True, whom=whom)[0] == (
        "Of the people at a company with an industry, you contacted 2 people."
    )
    # another filter beside it: the words stay general, as they cannot name both
    for other in (
        home.funnel_filter(["Energy", "Health"], EVERY_INDUSTRY, ["1st"]),
        home.funnel_filter(["Health"], EVERY_INDUSTRY),
    ):
        assert home.counted_whom(other, EVERY_INDUSTRY) == home.FILTERED_WHOM


# --- The page ------------------------------------------------------------------------------


@pytest.fixture
def campaign(app_db):
    conn = db.connect(app_db)
    fill(conn)
    conn.close()
    return app_db


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def choose(widget, value) -> None:
    at = widget.set_value(value).run()
    assert not at.exception, at.exception


def words(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_select_all_on_home_says_nothing_about_filtering(campaign):
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    industry = next(w for w in at.multiselect if w.label == "Industry")
    assert list(industry.options) == EVERY_INDUSTRY
    choose(industry, list(industry.options))
    assert quick_charts(at)["funnel"]["data"][0]["x"][0] == 4
    assert "- You contacted 4 people." in words(at)
    assert not any("filters choose" in line for line in words(at) + captions(at))
    # "(no industry yet)" taken out: Ed and Dee are left out, and the words say whom it counts
    choose(industry, ["Energy", "Health"])
    assert quick_charts(at)["funnel"]["data"][0]["x"][0] == 2
    assert "- Of the people at a company with an industry, you contacted 2 people." in words(at)
    assert home.ACTIVITY_FILTERED in captions(at)
    # every degree chosen, every industry too: no filter
    choose(industry, list(industry.options))
    degree = next(w for w in at.multiselect if w.label == "Degree")
    choose(degree, list(degree.options))
    assert "- You contacted 4 people." in words(at)
    assert home.ACTIVITY_FILTERED not in captions(at)
