"""Home, Targets and Referrals read whole in an 800 px window with the sidebar open, and still
well at 1280 px (the new-user walkthrough: the date range, a table's columns and a chart's
labels were cut at 800 px)."""

from playwright.sync_api import expect

from .conftest import wait_for_app

WIDTHS = (800, 1280)

# Each text box of the main area with the words it shows (typed, else its placeholder), and
# whether they are cut (wider than the box) or run past the window. A date box is a row of
# fields that scrolls inside the box when they do not fit.
BOXES_SHOWN = """() => {
  const canvas = document.createElement('canvas').getContext('2d');
  const main = document.querySelector('[data-testid="stMain"]');
  const outside = (node) => node.getBoundingClientRect().right > window.innerWidth;
  const texts = [...main.querySelectorAll('input[type="text"]')]
    .filter(box => box.offsetParent !== null)
    .map(box => {
      const style = getComputedStyle(box);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const words = box.value || box.placeholder;
      const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return {label: box.getAttribute('aria-label'), words,
              cut: canvas.measureText(words).width > room + 1, outside: outside(box)};
    });
  const dates = [...main.querySelectorAll('[data-testid="stDateInput"]')].map(box => {
    const fields = box.querySelector('[data-testid="stDateInputFieldsScroller"]');
    return {label: box.querySelector('[data-testid="stWidgetLabel"]').innerText,
            words: fields.innerText.replace(/\\s+/g, ' '),
            cut: fields.scrollWidth > fields.clientWidth + 1, outside: outside(fields)};
  });
  return [...texts, ...dates];
}"""


def load_demo(page, url: str) -> None:
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").click()
    expect(page.get_by_text("First outreach between")).to_be_visible()
    wait_for_app(page)


def test_homes_funnel_filters_read_whole_at_800_and_1280_px(server, page):
    """In three equal columns an 800 px window cut the date range to 'dd/mm/yyyy –'."""
    load_demo(page, server.url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)  # the layout follows the window's new size
        shown = page.evaluate(BOXES_SHOWN)
        dates = [box for box in shown if box["label"] == "First outreach between"]
        assert len(dates) == 1 and "–" in dates[0]["words"], shown
        assert [box for box in shown if box["cut"] or box["outside"]] == [], width
