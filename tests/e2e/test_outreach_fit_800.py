"""Outreach reads at 800x800 with the sidebar open and scroll bars drawn, and still at 1280x900
(a tester's walkthrough on the demo data): at 800 px the Template box, half the page wide,
showed "Cold, after reading their profil", and the checklist beside the message, 175 px wide,
wrapped its points word by word ("Interest, / competence or / help")."""

from __future__ import annotations

from infoint import contacts, db, demo

from .conftest import (
    open_options,
    settle_after_resize,
    start_server,
    stop_server,
    type_into,
    wait_for_app,
)

WINDOWS = ((800, 800), (1280, 900))
CHECKLIST_PX_LEAST = 300  # room for "Interest, competence or help · Worth a look" on a line

# The Template box's words and whether they are cut (wider than the box leaves room for).
TEMPLATE_SHOWN = """() => {
  const box = document.querySelector('[data-testid="stMain"] input[aria-label="Template"]');
  const style = getComputedStyle(box);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {words: box.value, cut: canvas.measureText(box.value).width > room + 1};
}"""

# The checklist's bordered box (around "Checklist: …") and the message box, each as left, top,
# right; and the main area's right edge.
PLACES = """() => {
  const edges = node => {
    const b = node.getBoundingClientRect();
    return [b.left, b.top, b.right];
  };
  const title = [...document.querySelectorAll('[data-testid="stMain"] p')]
    .find(p => p.innerText.startsWith('Checklist:'));
  let box = title;
  while (box && getComputedStyle(box).borderTopWidth === '0px') box = box.parentElement;
  const message = document.querySelector('[data-testid="stMain"] textarea[aria-label="Message"]');
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const padding = parseFloat(getComputedStyle(main).paddingRight);
  return {checklist: edges(box), message: edges(message),
          edge: main.getBoundingClientRect().right - padding};
}"""


def test_the_template_and_the_checklist_read_whole_at_800_and_1280(page_with_scroll_bars, tmp_path):
    page = page_with_scroll_bars
    db_path = tmp_path / "demo.duckdb"
    conn = db.connect(db_path)
    demo.load_demo(conn)
    contacts.add_contact(conn, "Priya", "Raghunathan, PhD", company="Nimbus Consulting Ltd")
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 800, "height": 800})
        page.goto(f"{server.url}/outreach")
        wait_for_app(page)
        type_into(page, "Find a person", "Raghunathan")
        open_options(page, "stSelectbox", "Person")
        page.get_by_role("option", name="Priya Raghunathan, PhD", exact=False).first.click()
        page.get_by_text("Checklist:").first.wait_for()
        wait_for_app(page)
        for width, height in WINDOWS:
            page.set_viewport_size({"width": width, "height": height})
            settle_after_resize(page, 500)
            template = page.evaluate(TEMPLATE_SHOWN)
            assert template["words"] == "Cold, after reading their profile or work"
            assert not template["cut"], (width, template)
            places = page.evaluate(PLACES)
            left, top, right = places["checklist"]
            assert right - left >= CHECKLIST_PX_LEAST, (width, places)
            assert right <= places["edge"] + 1, (width, places)
            if width == 1280:  # room for both: the checklist beside the message, as before
                assert left >= places["message"][2], places
                assert top < places["message"][1], places
    finally:
        stop_server(server)
