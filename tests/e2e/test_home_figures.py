"""Home is read whole in a narrow window: no label, number or note of a headline figure is cut
short (in five equal columns an 800 px window showed "Open c…", "Meetin…", "10…" for 100 %
and "15 of 31 r…"), nor a button of the welcome ("Import your LinkedIn …")."""

from datetime import datetime, timedelta

from infoint import contacts, db, demo, home, interactions

from .conftest import start_server, stop_server, wait_for_app

# Every part of a figure (label, number, the note under it) and everything inside them.
CUT_SHORT = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].flatMap(metric =>
    [...metric.querySelectorAll(
        '[data-testid="stMetricLabel"], [data-testid="stMetricValue"],'
        + ' [data-testid="stMetricDelta"], [data-testid="stMetricLabel"] *,'
        + ' [data-testid="stMetricValue"] *, [data-testid="stMetricDelta"] *')]
        .filter(part => part.scrollWidth > part.clientWidth + 1)
        .map(part => part.innerText))"""
BUTTONS_CUT_SHORT = """() => [...document.querySelectorAll(
    '[data-testid^="stBaseButton"], [data-testid^="stBaseButton"] *')]
    .filter(part => part.scrollWidth > part.clientWidth + 1)
    .map(part => part.innerText)"""
SHOWN = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].map(metric =>
    [metric.querySelector('[data-testid="stMetricLabel"]').innerText,
     metric.querySelector('[data-testid="stMetricValue"]').innerText])"""


def everyone_replied(path) -> None:
    """The demo, with a reply from each person it wrote to: a response rate of 100 %, the
    widest rate there is; and one more written to just now, who still has time to reply."""
    conn = db.connect(path)
    demo.load_demo(conn)
    silent = conn.execute(
        "SELECT DISTINCT contact_id FROM interactions WHERE kind = 'outreach'"
        " AND contact_id NOT IN (SELECT contact_id FROM interactions WHERE kind = 'reply')"
        " ORDER BY contact_id"
    ).fetchall()
    for (person,) in silent:
        interactions.log_interaction(
            conn, person, "reply", occurred_at=datetime.now() - timedelta(hours=1)
        )
    # and someone written to just now, who still has time to reply: the longest note there is
    newcomer = contacts.add_contact(conn, "Nia", "Newcomb")
    interactions.log_interaction(conn, newcomer, "outreach", occurred_at=datetime.now())
    assert home.headline(conn).response_rate == 1
    assert home.headline(conn).waiting == 1
    conn.close()


def test_no_headline_figure_is_cut_short_at_800_or_1280_px(browser, tmp_path):
    path = tmp_path / "replied.duckdb"
    everyone_replied(path)
    server = start_server(path)
    try:
        for width in (800, 1280):
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            page.set_default_timeout(20_000)
            page.goto(server.url)
            wait_for_app(page)
            page.get_by_test_id("stMetric").last.wait_for()
            shown = dict(page.evaluate(SHOWN))
            assert shown["Response rate"] == "100 %"
            rate = page.get_by_test_id("stMetric").filter(has_text="Response rate")
            assert "1 more still has time to reply" in rate.inner_text()
            assert list(shown) == [
                "Contacts",
                "Targets",
                "Open conversations",
                "Meetings this week",
                "Response rate",
            ]
            assert page.evaluate(CUT_SHORT) == [], f"cut short at {width} px"
            context.close()
    finally:
        stop_server(server)


def test_the_welcomes_buttons_are_read_whole_at_800_px(server, page):
    page.set_viewport_size({"width": 800, "height": 800})
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").wait_for()
    assert page.get_by_test_id("stBaseButton-primary").count() == 1
    assert page.evaluate(BUTTONS_CUT_SHORT) == []
