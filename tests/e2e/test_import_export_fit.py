"""Import & export reads whole in an 800 px window with the sidebar open, and at 1280 px (the
new-user walkthrough: "Starting from", in a quarter of the row, read "29/08/20", its year
cut at 800 px, and under the import's report, in half the row, the link "Next: mark the
companies you want to learn about" read "Next: mark the companies yo")."""

from .conftest import ROOT, see, wait_for_app
from .test_narrow_window import BOXES_SHOWN, WIDTHS

SAMPLE = ROOT / "data" / "sample" / "Connections.csv"

# Each page link of the main area: its words, and whether they are cut (wider than the link)
# or run past the window.
LINKS_SHOWN = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [data-testid="stPageLink-NavLink"]')]
  .map(link => {
    const words = link.querySelector('p') || link;
    return {words: words.innerText, cut: words.scrollWidth > words.clientWidth + 1,
            outside: link.getBoundingClientRect().right > window.innerWidth};
  })"""


def test_the_day_and_the_links_under_an_import_read_whole_at_800_and_1280_px(server, page):
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(f"{server.url}/import_export")
    wait_for_app(page)
    # People with profile addresses first: the day box is offered from then on.
    page.get_by_label("Your LinkedIn export (.zip or Connections.csv)").locator(
        "input[type=file]"
    ).set_input_files(SAMPLE)
    wait_for_app(page)
    page.get_by_role("button", name="Import", exact=True).click()
    see(page, "Starting from")
    see(page, "Search your network")  # the report, drawn last
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)  # the layout follows the window's new size
        shown = page.evaluate(BOXES_SHOWN)
        days = [box for box in shown if box["label"] == "Starting from"]
        assert len(days) == 1 and days[0]["words"].count("/") == 2, shown
        assert [box for box in shown if box["cut"] or box["outside"]] == [], width
        links = page.evaluate(LINKS_SHOWN)
        assert [link["words"] for link in links] == [
            "Next: mark the companies you want to learn about",
            "Search your network",
        ]
        assert [link for link in links if link["cut"] or link["outside"]] == [], width
