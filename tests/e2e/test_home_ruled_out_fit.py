"""Home's Targets figure says its ruled out two ways, '2 ruled out, 2 out by industry': with
the demo's campaign (and its widest Response rate note) the five figures still take one row
at 1280 px, and nothing of them is cut short there or at 800 px."""

from infoint import db, demo, home, profile

from .conftest import start_server, stop_server, wait_for_app
from .test_home_figures import CUT_SHORT
from .test_tables_fit import home_figures_fit


def test_targets_ruled_out_two_ways_fit_the_row(page_with_scroll_bars, tmp_path, shots):
    page = page_with_scroll_bars
    path = tmp_path / "demo.duckdb"
    conn = db.connect(path)
    demo.load_demo(conn)  # two companies ruled out; Nimbus and Iron Design targets in Health
    profile.rule_out_industry(conn, "Health", "Not what I want to learn about")
    figures = home.headline(conn)
    assert home.targets_delta(figures) == "2 ruled out, 2 by industry"
    conn.close()
    server = start_server(path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        targets = page.get_by_test_id("stMetric").filter(has_text="Targets")
        targets.wait_for()
        for width in (1280, 800):
            home_figures_fit(page, width)
            assert "2 ruled out, 2 by industry" in targets.inner_text()
            assert page.evaluate(CUT_SHORT) == [], f"cut short at {width} px"
            page.get_by_test_id("stHorizontalBlock").first.screenshot(
                path=shots / f"figures_{width}.png"
            )
    finally:
        stop_server(server)
