"""Insights' rates by group: a group whose people all still have time to reply is named, with
its count, rather than missing; and the "Compare by" choice shows only when there are rates
to compare (it stayed over the sentence that stands in for them, changing nothing)."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, demo, funnel, insights, interactions, profile, targets
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def ran(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def insights_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/7_insights.py")
    return ran(at.run())


def write_to_five_at_a_new_industry(conn) -> None:
    targets.add_company(conn, "Coin & Co", industry="Fintech")
    for n in range(5):
        who = contacts.add_contact(conn, f"Fin {n}", company="Coin & Co")
        interactions.log_interaction(conn, who, "outreach", occurred_at=profile.now(conn))


def test_a_new_industry_written_to_today_is_named_with_its_count(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    write_to_five_at_a_new_industry(conn)
    conn.close()
    at = insights_page()
    at = ran(at.radio(key="rates_breakdown").set_value("industry").run())
    captions = [c.value for c in at.caption]
    assert (
        "No rates yet for **Fintech**: all 5 people you wrote to there still have time to reply."
    ) in captions
    # The table holds the rates alone: no row of empty numbers ("None" in the grid).
    table = at.dataframe[0].value
    assert "Fintech" not in list(table["group"])
    assert table["replied_percent"].notna().all()
    # The chart keeps the group's place, with words where its bars would be.
    figure = quick_charts(at)["rates_chart"]
    assert "Fintech" in figure["layout"]["yaxis"]["categoryarray"]
    [words] = [trace for trace in figure["data"] if trace["type"] == "scatter"]
    assert words["y"] == ["Fintech"]
    assert words["text"] == ["all 5 still have time to reply"]
    # The bars still add up to the table.
    assert [m for _, m in figure["data"][0]["customdata"]] == list(table["contacted"])


def test_a_group_with_a_rate_is_not_named(app_db):
    """By degree the five are 1st degree, as Ana, who replied: a group with a rate, where they
    are among those the first note leaves out, and no group is named."""
    conn = db.connect(app_db)
    write_to_five_at_a_new_industry(conn)
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 3))
    conn.close()
    at = insights_page()
    captions = " ".join(c.value for c in at.caption)
    assert "No rates yet" not in captions
    assert insights.rates_waiting_note(5) in captions
    assert list(at.dataframe[0].value["group"]) == ["1st degree"]
    scatter = [t for t in quick_charts(at)["rates_chart"]["data"] if t["type"] == "scatter"]
    assert not scatter


def test_no_choice_of_what_to_compare_while_there_are_no_rates(app_db):
    conn = db.connect(app_db)
    write_to_five_at_a_new_industry(conn)
    conn.close()
    at = insights_page()
    assert not [r for r in at.radio if r.key == "rates_breakdown"]
    assert [i.value for i in at.info][:1] == [insights.RATES_TOO_SOON]
    # …which says why there is nothing to choose yet.
    assert "compare them by degree, channel, template and industry" in insights.RATES_TOO_SOON
    assert "rates_chart" not in quick_charts(at)
    # The rest of the page is there as before.
    assert "How fast people reply" in [s.value for s in at.subheader]


def test_the_choice_comes_back_with_the_rates(app_db):
    """Once someone has a rate, the choice is there, and works."""
    conn = db.connect(app_db)
    write_to_five_at_a_new_industry(conn)
    ana = contacts.add_contact(conn, "Ana", degree="1st")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=profile.now(conn))
    interactions.log_interaction(conn, ana, "reply", occurred_at=profile.now(conn))
    conn.close()
    at = insights_page()
    assert insights.RATES_TOO_SOON not in [i.value for i in at.info]
    at = ran(at.radio(key="rates_breakdown").set_value("industry").run())
    assert list(at.dataframe[0].value["group"]) == [funnel.NO_INDUSTRY]  # Ana's, 1 of 1
    assert any(c.value.startswith("No rates yet for **Fintech**") for c in at.caption)


def test_everyone_waiting_in_the_named_group_is_said_once(app_db):
    """By industry the five are Fintech's, everyone who still has time: 'No rates yet for
    **Fintech** …' says it, without '5 people you wrote to … are left out of these rates' above
    it (by degree they wait among Ana's 1st degree, and that line is said: the test above)."""
    conn = db.connect(app_db)
    write_to_five_at_a_new_industry(conn)
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 3))
    conn.close()
    at = ran(insights_page().radio(key="rates_breakdown").set_value("industry").run())
    captions = [c.value for c in at.caption]
    assert (
        "No rates yet for **Fintech**: all 5 people you wrote to there still have time to reply."
    ) in captions
    assert not [c for c in captions if "left out of these rates" in c], captions
