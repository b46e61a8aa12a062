"""Home draws its charts with our plotly.js bundle, served by the app, and never waits for
the full bundle behind `st.plotly_chart`: the funnel is what a start is waiting for."""

from playwright.sync_api import expect

from infoint import funnel
from infoint.plotly_bundle import PLOTLY_URL

from .conftest import go, held_request, wait_for_app

FULL_BUNDLE = "/PlotlyChart."  # Streamlit's chunk with the whole of Plotly


# The old funnel has as many stages as the new one, so a count does not say the new one is
# drawn; while Plotly swaps them the chart has no box. The layout is read in the page until
# it holds (a wait that times out is the failure).
FUNNEL_HELD_IN_ITS_BOX = """() => {
    const drawn = document.querySelector('.st-key-funnel .js-plotly-plot .main-svg');
    const held = document.querySelector('.st-key-funnel');
    const below = [...document.querySelectorAll('h1, h2, h3, h4')]
        .find(heading => heading.textContent.includes('What you did each week'));
    if (!drawn || !held || !below) return false;
    const chart = drawn.getBoundingClientRect();
    return chart.height > 0
        && held.getBoundingClientRect().height >= chart.height
        && below.getBoundingClientRect().y >= chart.y + chart.height;
}"""


def fetched(page, part: str) -> bool:
    return page.evaluate(
        "part => performance.getEntriesByType('resource').some(r => r.name.includes(part))", part
    )


def test_home_draws_its_charts_without_the_full_plotly_bundle(server, page):
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").click()
    funnel_chart = page.locator(".st-key-funnel .js-plotly-plot")
    expect(funnel_chart.locator(".funnellayer .point")).to_have_count(len(funnel.STAGES))
    expect(page.locator(".st-key-activity .js-plotly-plot .barlayer .point")).not_to_have_count(0)
    wait_for_app(page)
    assert fetched(page, PLOTLY_URL)
    assert not fetched(page, FULL_BUNDLE)

    # Counts on hover, in the page's own font, as on every other chart.
    _hover(page, funnel_chart.locator(".funnellayer .point path").first)
    expect(funnel_chart.locator(".hoverlayer .hovertext")).to_contain_text("Contacted: ")
    title = funnel_chart.locator(".gtitle")
    expect(title).to_have_text("Contacts at each stage")
    assert "Source Sans" in title.evaluate("node => getComputedStyle(node).fontFamily")

    # Filtered, the funnel is drawn again in a box of its own height, not over what follows.
    for industry in ("Software", "Health"):
        page.get_by_test_id("stMultiSelect").first.click()
        page.get_by_role("option", name=industry, exact=True).click()
        page.keyboard.press("Escape")
        wait_for_app(page)
        expect(funnel_chart.locator(".funnellayer .point")).to_have_count(len(funnel.STAGES))
        page.wait_for_function(FUNNEL_HELD_IN_ITS_BOX)

    # A page with a line chart draws it with the same bundle; Home, visited again, still draws.
    go(page, "Referrals", "Referrals")
    page.locator(".js-plotly-plot").first.wait_for()
    assert not fetched(page, FULL_BUNDLE)
    assert _bundle_fetches(page) == 1
    go(page, "Home", "How is your campaign going?")
    expect(funnel_chart.locator(".funnellayer .point")).to_have_count(len(funnel.STAGES))


def _hover(page, bar) -> None:
    """Rest the mouse on a bar until Plotly shows its hover label.

    The label follows a mouse move, so a move made while the page was still settling (a
    chart drawn again, a line added above it) is lost; move off and back onto the bar's
    current place until the label is there. The mouse reaches only what is in view: the bar is
    scrolled into it first (Home's figures above the funnel can take two rows).
    """
    tip = page.locator(".hoverlayer .hovertext")
    for _ in range(20):
        bar.scroll_into_view_if_needed()
        box = bar.bounding_box()  # none while Plotly swaps the chart: tried again
        if box:
            page.mouse.move(0, 0)
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(250)
        if tip.count():
            return


def _bundle_fetches(page) -> int:
    return page.evaluate(
        "url => performance.getEntriesByType('resource').filter(r => r.name.includes(url)).length",
        PLOTLY_URL,
    )


def _draws_the_funnel(page) -> None:
    page.get_by_role("button", name="Load demo data").click()
    bars = page.locator(".st-key-funnel .js-plotly-plot .funnellayer .point")
    expect(bars).to_have_count(len(funnel.STAGES))


def test_homes_page_fetches_plotly_itself_and_the_charts_wait_for_it(server, page):
    held = []  # the page's own fetch of the bundle, held until Home's first run is drawn
    page.route(f"**/{PLOTLY_URL}", lambda route: held.append(route))
    page.goto(server.url, wait_until="commit")
    wait_for_app(page)
    expect(page.locator(".st-key-charts_early")).to_be_attached()  # it asked for Plotly
    held_request(page, held, "home").continue_()
    _draws_the_funnel(page)
    # The one copy is the page's own (serve.py's "./…"; chart.js names it without "./"):
    # every chart drew with it, fetched and run once.
    bundles = page.locator(f'script[src$="{PLOTLY_URL}"]')
    expect(bundles).to_have_count(1)
    assert bundles.get_attribute("src") == f"./{PLOTLY_URL}"
    assert _bundle_fetches(page) == 1


def _first_bundle(page, answer) -> None:
    """Answer the first request for the bundle (the page's own) with `answer`, the rest as
    the server does."""
    answered = []

    def first(route):
        if answered:
            route.continue_()
        else:
            answered.append(route.request.url)
            answer(route)

    page.route(f"**/{PLOTLY_URL}", first)


def test_when_the_pages_own_fetch_fails_the_charts_fetch_plotly_again(server, page):
    _first_bundle(page, lambda route: route.abort())
    page.goto(server.url)
    wait_for_app(page)
    _draws_the_funnel(page)
    expect(page.locator(f'script[src="./{PLOTLY_URL}"][data-failed]')).to_have_count(1)
    expect(page.locator(f'script[src="{PLOTLY_URL}"]')).to_have_count(1)  # chart.js's


def test_when_the_pages_own_copy_runs_without_plotly_the_charts_fetch_it_again(server, page):
    broken = "throw new Error('a broken copy');"
    _first_bundle(page, lambda route: route.fulfill(body=broken, content_type="text/javascript"))
    page.goto(server.url)
    wait_for_app(page)
    _draws_the_funnel(page)
    expect(page.locator(f'script[src="./{PLOTLY_URL}"][data-loaded]')).to_have_count(1)


# What of "What you did each week" a window shows: each week label's left and right edge on
# the chart, and each cell of the numbers beside it, with whether its words are cut (wider
# than the cell) or run past the window's right edge; the boxes of the section, its heading and
# the numbers. Nothing (null) until the chart is drawn as wide as its box: after a rerun Plotly
# may still swap the old chart for the new one, which has no figure and no labels meanwhile,
# and it follows its box a frame after the box changed. Waited for, then read in one go.
WEEKLY_SHOWN = """() => {
  const chart = document.querySelector('.st-key-activity .js-plotly-plot');
  const table = [...document.querySelectorAll('table')]
    .find(t => [...t.querySelectorAll('th')].some(th => th.innerText === 'This week'));
  const section = document.querySelector('.st-key-weekly');
  const numbers = document.querySelector('.st-key-weekly_numbers');
  const heading = [...document.querySelectorAll('h1, h2, h3, h4')]
    .find(heading => heading.textContent.includes('What you did each week'));
  const box = (node) => node.getBoundingClientRect();
  if (!chart || !chart._fullLayout || !table || !section || !numbers || !heading) return null;
  if (Math.abs(chart._fullLayout.width - box(chart).width) >= 2) return null;
  if (!chart.querySelector('.xtick text')) return null;
  return {
    chart: box(chart).toJSON(),
    table: box(table).toJSON(),
    section: box(section).toJSON(),
    heading: box(heading).toJSON(),
    numbers: box(numbers).toJSON(),
    ticks: [...chart.querySelectorAll('.xtick text')].map(t => [box(t).left, box(t).right]),
    cells: [...table.querySelectorAll('th, td')].map(c => ({
      words: c.innerText,
      cut: c.scrollWidth > c.clientWidth + 1,
      outside: box(c).right > window.innerWidth,
    })),
  };
}"""


NUMBERS = 300  # the numbers' width, as they read well
LEAST_CHART = 460  # below this the week labels run together: the numbers go under the chart
GAP = 32  # between the chart and the numbers in their row ("medium")


def weekly_layout(page, width: int) -> None:
    """The chart fills its row beside the numbers where the row holds both, else the row's
    whole width with the numbers under it; drawn as wide as its box either way."""
    shown = page.wait_for_function(WEEKLY_SHOWN).json_value()
    headers = [cell["words"].replace("\n", " ") for cell in shown["cells"][:3]]
    assert headers == ["What", "This week", "Last 12 weeks"]
    assert [c["words"] for c in shown["cells"] if c["cut"] or c["outside"]] == [], width
    ticks = shown["ticks"]
    assert len(ticks) == 12  # every week named
    touching = [i for i in range(1, len(ticks)) if ticks[i][0] < ticks[i - 1][1] + 2]
    assert touching == [], f"week labels run together at {width} px"
    chart, table, section, heading = (
        shown[part] for part in ("chart", "table", "section", "heading")
    )
    assert abs(section["width"] - heading["width"]) < 2, width  # the page's width
    assert chart["width"] >= LEAST_CHART - 2, width
    if section["width"] >= LEAST_CHART + GAP + NUMBERS:  # both fit in one row
        assert table["left"] >= chart["right"] and abs(table["top"] - chart["top"]) < 2, width
        # the numbers at the row's end and the chart in all the rest: a 460 px chart in a
        # 1600 px window left a third of the row empty
        numbers = shown["numbers"]
        assert numbers["x"] + numbers["width"] >= section["x"] + section["width"] - 2, width
        assert chart["right"] >= numbers["x"] - GAP - 2, (width, chart, numbers)
    else:
        assert table["top"] >= chart["bottom"], width
        assert chart["width"] >= section["width"] - 2, width


def test_the_weeks_and_their_numbers_read_whole_at_800_1280_and_1600_px(server, page, shots):
    """At 800 px (sidebar open) two columns cut the table's last column ("L… wee…") and ran
    the week labels together. Then in a row, 460 px beside the numbers, the chart stayed 460 px
    wide in a 1600 px window with a third of the row empty. Now the chart fills the row beside
    its numbers where both fit (1280, 1600 px), and the page's width over them at 800 px, drawn
    so on the first run, after a change of window and after a filter's rerun."""
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").click()
    expect(page.locator(".st-key-activity .js-plotly-plot .barlayer .point")).not_to_have_count(0)
    wait_for_app(page)
    for width in (800, 1280, 1600, 1280, 800):
        page.set_viewport_size({"width": width, "height": 900})
        weekly_layout(page, width)
        page.get_by_role("heading", name="What you did each week").scroll_into_view_if_needed()
        page.screenshot(path=shots / f"weekly-{width}.png")
    # Opened in a wide window, drawn as wide on the first run, and again after a filter's rerun.
    page.set_viewport_size({"width": 1600, "height": 900})
    page.reload()
    wait_for_app(page)
    expect(page.locator(".st-key-activity .js-plotly-plot .barlayer .point")).not_to_have_count(0)
    weekly_layout(page, 1600)
    page.get_by_test_id("stMultiSelect").first.click()
    page.get_by_role("option", name="Software", exact=True).click()
    page.keyboard.press("Escape")
    wait_for_app(page)
    weekly_layout(page, 1600)
