"""Settings reads whole in an 800×800 window (the sidebar open, scroll bars drawn), and at
1280×900: a walkthrough found the company chosen to rule out cut to "Nimbus Consulting Ltd —"
in its box and the count's label cut to "Interactions lo…"."""

import pytest

from infoint import db, demo

from .conftest import choose, start_server, stop_server, type_into, wait_for_app

# Text in an element narrower than it: cut short, with an ellipsis or without.
CUT = "e => [e, ...e.querySelectorAll('*')].filter(p => p.scrollWidth > p.clientWidth + 1).length"
COMPANY = "Nimbus Consulting Ltd — target, 25 people"


@pytest.mark.parametrize("size", [(800, 800), (1280, 900)])
def test_the_company_to_rule_out_and_the_counts_read_whole(
    tmp_path, page_with_scroll_bars, shots, size
):
    page = page_with_scroll_bars
    db_path = tmp_path / "settings.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    conn.close()
    server = start_server(db_path)
    try:
        width, height = size
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{server.url}/settings")
        page.get_by_role("heading", name="Settings", exact=True).wait_for()
        wait_for_app(page)
        assert page.get_by_test_id("stSidebar").is_visible()

        type_into(page, "Find the company", "Nimbus")
        choose(page, "Company", COMPANY)
        company = page.get_by_role("combobox", name="Company")
        assert company.input_value() == COMPANY
        company.scroll_into_view_if_needed()
        page.screenshot(path=shots / f"company_{width}.png")
        assert company.evaluate("box => box.scrollWidth <= box.clientWidth + 1"), COMPANY

        counts = page.get_by_test_id("stMetric")
        counts.first.scroll_into_view_if_needed()
        page.screenshot(path=shots / f"counts_{width}.png")
        labels = page.get_by_test_id("stMetricLabel")
        assert labels.count() == 4
        cut = [labels.nth(i).inner_text() for i in range(4) if labels.nth(i).evaluate(CUT)]
        assert not cut, cut
    finally:
        stop_server(server)
