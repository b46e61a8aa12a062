"""Insights' rates by group leave out the people who still have time to reply, as Home's
Response rate does, and say so: a new user's walkthrough read Home's '15 of 30 replied; 1 more
still has time to reply' (50 %) and Insights' table '1st degree … Reply rate 52 %', with 31
people in it."""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, demo, insights, interactions, profile
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def ran(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def test_the_demos_rates_add_up_to_homes_response_rate(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    # One more written to just now: someone surely still has time to reply, whatever the day.
    bo = contacts.add_contact(conn, "Bo", degree="cold")
    interactions.log_interaction(conn, bo, "outreach", occurred_at=profile.now(conn))
    conn.close()
    at = ran(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run())
    card = next(m for m in at.metric if m.label == "Response rate")
    said = re.fullmatch(r"(\d+) of (\d+) replied; (\d+) more may reply", card.proto.delta)
    replied, of, waiting = (int(n) for n in said.groups())

    at.switch_page("pages/7_insights.py")
    at = ran(at.run())
    for breakdown in insights.BREAKDOWNS:
        at = ran(at.radio(key="rates_breakdown").set_value(breakdown).run())
        rates = at.dataframe[0].value
        assert (rates["replied"].sum(), rates["contacted"].sum()) == (replied, of), breakdown
        drawn = quick_charts(at)["rates_chart"]["data"][0]["customdata"]
        assert [m for _, m in drawn] == list(rates["contacted"].head(insights.TOP_GROUPS))
        captions = [c.value for c in at.caption]
        # Who waits is said: under the rates, or by the groups' note alone when the groups it
        # names hold them all (test_page_insights_waiting_groups).
        said = insights.rates_waiting_note(waiting) in captions
        assert said or any(c.startswith("No rates yet for") for c in captions), captions


def test_everyone_still_in_time_says_so_instead_of_rates(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=profile.now(conn))
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/7_insights.py")
    at = ran(at.run())
    assert [i.value for i in at.info][:1] == [insights.RATES_TOO_SOON]
    assert "rates_chart" not in quick_charts(at)
    assert "0 %" not in " ".join(m.value for m in at.markdown)
    # The rest of the page is there as before.
    assert "How fast people reply" in [s.value for s in at.subheader]
    assert "reply_waits_chart" in quick_charts(at)
