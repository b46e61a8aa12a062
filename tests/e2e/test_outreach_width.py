"""Outreach uses a wide window's room and still reads whole at 800x800 (scroll bars drawn,
the sidebar open): at 1920 px the message box stayed 450 px wide, about 70 characters a line,
with most of the screen empty beside it; at 800 px the Person box, a third of the page wide,
showed "Priya Raghunathan, PhD — Nimbus Consul"."""

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

# A window between the two as well: the message must not shrink beside the checklist there.
WINDOWS = ((1920, 1080), (1100, 900), (800, 800))
CHECKLIST_PX_LEAST = 300  # as test_outreach_fit_800: its points read a line each
MESSAGE_PX_LEAST = 440  # never narrower than the 450 px box it was (less its own border)
# Characters a line of the message holds: a line much longer than ~100 reads badly, and a
# wide window gives room for about that many (the old box held about 70).
LINE_MOST = 110
LINE_LEAST_WIDE = 90

# Whether a picker's words are cut (wider than its box leaves room for).
SHOWN = """label => {
  const box = document.querySelector(`[data-testid="stMain"] input[aria-label="${label}"]`);
  const style = getComputedStyle(box);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {words: box.value, cut: canvas.measureText(box.value).width > room + 1};
}"""

# The message box (left, top, right, and how many of its own characters a line holds), the
# checklist's bordered box (left, top, right) and the main area's right edge.
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
  const style = getComputedStyle(message);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const words = message.value.replace(/\\s+/g, ' ');
  const room = message.clientWidth - parseFloat(style.paddingLeft)
    - parseFloat(style.paddingRight);
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const padding = parseFloat(getComputedStyle(main).paddingRight);
  return {checklist: edges(box), message: edges(message),
          line: room / (canvas.measureText(words).width / words.length),
          edge: main.getBoundingClientRect().right - padding};
}"""


def test_the_message_uses_a_wide_window_and_the_person_reads_whole_at_800(
    page_with_scroll_bars, tmp_path
):
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
            person = page.evaluate(SHOWN, "Person")
            assert person["words"] == "Priya Raghunathan, PhD — Nimbus Consulting Ltd"
            assert not person["cut"], (width, person)
            places = page.evaluate(PLACES)
            left, top, right = places["message"]
            assert right - left >= MESSAGE_PX_LEAST, (width, places)
            assert right <= places["edge"] + 1, (width, places)
            assert places["line"] <= LINE_MOST, (width, places)
            c_left, c_top, c_right = places["checklist"]
            assert c_right - c_left >= CHECKLIST_PX_LEAST, (width, places)
            assert c_right <= places["edge"] + 1, (width, places)
            if width == 1920:  # the room used: longer lines, the checklist still beside
                assert places["line"] >= LINE_LEAST_WIDE, places
                assert c_left >= right and c_top < top, places
    finally:
        stop_server(server)
