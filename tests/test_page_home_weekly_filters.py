"""Home: the filters above the funnel narrow "What you did each week" too, and say so.

A new user chose an industry: the funnel said 'Of the people your filters choose, you
contacted 2 people', and the weekly numbers right below still read 'Outreach 3 | 33'.
"""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, home, interactions, targets, text, ui
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def choose(widget, value) -> None:
    at = widget.set_value(value).run()
    assert not at.exception, at.exception


def weekly(at: AppTest) -> dict[str, tuple[int, int]]:
    """The table beside (or under) the weekly chart: per kind, (this week, the whole period)."""
    table = next(m.value for m in at.markdown if m.value.startswith("| What | This week |"))
    rows = [row.strip("| ").split(" | ") for row in table.splitlines()[2:]]
    shown = {text.plain_markdown(label): label for label in home.ACTIVITY_LABELS.values()}
    return {shown[what]: (int(week), int(period)) for what, week, period in rows}


def bars(at: AppTest) -> int:
    """Everything the weekly chart draws, summed over its bars."""
    return sum(sum(bar["y"]) for bar in quick_charts(at)["activity"]["data"])


@pytest.fixture
def campaign(app_db):
    """Ann at Acme (Health), Bob and Cy at Volt (Energy). This week: outreach to Ann and Cy,
    a follow-up to Bob, first written to two weeks ago."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    bob = contacts.add_contact(conn, "Bob", company="Volt", degree="2nd", mutual_contact_id=ann)
    cy = contacts.add_contact(conn, "Cy", company="Volt")
    today = date.today()  # the tests' machine, and so the user, are on UTC
    interactions.log_interaction(conn, ann, "outreach", occurred_at=today)
    interactions.log_interaction(conn, cy, "outreach", occurred_at=today)
    interactions.log_interaction(conn, bob, "outreach", occurred_at=today - timedelta(days=14))
    interactions.log_interaction(conn, bob, "follow_up", occurred_at=today)
    conn.close()
    return app_db


def test_an_industry_chosen_narrows_the_weekly_numbers_too(campaign):
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    assert weekly(at)["Outreach"] == (2, 3) and weekly(at)["Follow-up"] == (1, 1)
    assert bars(at) == 4

    industry = next(w for w in at.multiselect if w.label == "Industry")
    choose(industry, ["Energy"])
    assert "- Of the people your filters choose, you contacted 2 people." in [
        m.value for m in at.markdown
    ]
    assert weekly(at)["Outreach"] == (1, 2) and weekly(at)["Follow-up"] == (1, 1)
    assert bars(at) == 3
    assert home.ACTIVITY_FILTERED in [c.value for c in at.caption]

    # A write shows on the next run, filtered as it is.
    cy = ui.connection().execute("SELECT id FROM contacts WHERE first_name = 'Cy'").fetchall()
    interactions.log_interaction(ui.connection(), cy[0][0], "reply", occurred_at=datetime.now())
    run(at)
    assert weekly(at)["Reply"] == (1, 1) and bars(at) == 4

    choose(industry, ["Health"])
    assert weekly(at)["Outreach"] == (1, 1) and weekly(at)["Follow-up"] == (0, 0)
    assert weekly(at)["Reply"] == (0, 0) and bars(at) == 1

    degree = next(w for w in at.multiselect if w.label == "Degree")
    choose(industry, [])
    choose(degree, ["2nd"])  # Bob alone
    assert weekly(at)["Outreach"] == (0, 1) and weekly(at)["Follow-up"] == (1, 1)
    assert bars(at) == 2
    choose(degree, [])  # everyone again, and nothing says the numbers are filtered
    assert weekly(at)["Outreach"] == (2, 3) and bars(at) == 5
    assert home.ACTIVITY_FILTERED not in [c.value for c in at.caption]


def test_weeks_of_first_outreach_choose_whose_weeks_are_counted(campaign):
    """Bob was first written to two weeks ago: choosing that week, his follow-up this week
    still counts (it is what you did with him), Ann's and Cy's first outreach do not."""
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    two_weeks_ago = date.today() - timedelta(days=14)
    choose(at.date_input[0], (two_weeks_ago, two_weeks_ago))
    assert weekly(at)["Outreach"] == (0, 1) and weekly(at)["Follow-up"] == (1, 1)
    assert home.ACTIVITY_FILTERED in [c.value for c in at.caption]
