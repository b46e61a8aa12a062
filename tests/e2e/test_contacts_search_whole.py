"""Contacts' search filters read whole in an 800 px window with the sidebar open, and at
1280 px (the walkthrough on the demo: in four columns at 800 px, 'Connected since' showed
'dd / mm' of its date and the lists' 'Choose options' read 'Choose o')."""

from infoint import contacts, db

from .conftest import start_server, stop_server, wait_for_app

# Each list and date box of the main area: its label, and whether what it shows is cut (a
# list's placeholder wider than its box; a date's fields scrolled inside theirs).
FILTERS_SHOWN = """() => {
  const canvas = document.createElement('canvas').getContext('2d');
  const main = document.querySelector('[data-testid="stMain"]');
  const boxes = main.querySelectorAll('[data-testid="stMultiSelect"], [data-testid="stDateInput"]');
  return [...boxes].map(box => {
    const label = box.querySelector('[data-testid="stWidgetLabel"]').innerText;
    const fields = box.querySelector('[data-testid="stDateInputFieldsScroller"]');
    if (fields) return [label, fields.scrollWidth > fields.clientWidth + 1];
    const input = box.querySelector('input');
    const style = getComputedStyle(input);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [label, canvas.measureText(input.placeholder).width > room + 1];
  });
}"""


def test_the_search_filters_read_whole_at_800_and_1280_px(page, tmp_path):
    db_path = tmp_path / "filters.duckdb"
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    server = start_server(db_path)
    try:
        seen = {}
        for width in (800, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{server.url}/contacts")
            page.get_by_role("heading", name="Contacts", exact=True).wait_for()
            page.get_by_text("Connected since", exact=True).wait_for()
            wait_for_app(page)
            seen[width] = page.evaluate(FILTERS_SHOWN)
        whole = [
            ["Industry", False],
            ["Degree", False],
            ["Stage", False],
            ["Connected since", False],
        ]
        assert seen == {800: whole, 1280: whole}
    finally:
        stop_server(server)
