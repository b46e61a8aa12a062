"""A chart's box says what is coming while our plotly.js bundle loads, on every page that
charts: opened afresh, a page waited over half a second for the bundle with the chart's box
empty (Referrals, seen in Chromium), which read as a chart that failed or had nothing to show.

The bundle is held back here until the box has been read, so no timing is assumed."""

from playwright.sync_api import expect

from infoint.plotly_bundle import PLOTLY_URL

from .conftest import held_request, wait_for_app

# Page (its address) and the chart read on it, with the title the box shows (or none).
CHARTS = (
    ("", "funnel", "Contacts at each stage"),
    ("targets", "coverage", "How far you got at the companies you chose"),
    ("referrals", "referral_picture", "Who introduced you to whom"),
    ("insights", "rates_chart", None),  # untitled: the section's heading names it
)
WAITING = "Drawing the chart…"


def test_a_chart_says_it_is_being_drawn_until_plotly_draws_it(server, page):
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").click()
    page.locator(".st-key-funnel .js-plotly-plot").wait_for()
    held = []
    page.route(f"**/{PLOTLY_URL}", lambda route: held.append(route))
    for path, key, title in CHARTS:
        # Home's page names the bundle itself: its load event waits for it, so only commit.
        page.goto(f"{server.url}/{path}", wait_until="commit")
        box = page.locator(f".st-key-{key} .infoint-chart")
        waiting = box.get_by_role("status")
        expect(waiting).to_contain_text(WAITING)
        bundle = held_request(page, held, path or "home")  # still held: nothing can have been drawn
        expect(waiting).to_contain_text(WAITING)
        expect(box.locator(".main-svg")).to_have_count(0)
        if title:
            expect(waiting).to_contain_text(title)
        assert box.bounding_box()["height"] >= 250  # the chart's own height, not a sliver
        bundle.continue_()
        expect(box.locator(".main-svg").first).to_be_visible()
        expect(box.get_by_role("status")).to_have_count(0)
        expect(box).not_to_contain_text(WAITING)
        wait_for_app(page)
