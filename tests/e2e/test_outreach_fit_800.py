"""Outreach reads at 800x800 with the sidebar open and scroll bars drawn, and uses a wide
window's room. A tester's walkthrough on the demo data found, at 800 px, the Template box
half the page wide showing "Cold, after reading their profil", the Person box a third of it
showing "Priya Raghunathan, PhD — Nimbus Consul", and the checklist beside the message, 175 px
wide, wrapping its points word by word ("Interest, / competence or / help"); at 1920 px the
message box stayed 450 px wide, about 70 characters a line, with most of the screen empty."""

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

# 1100 px as well: there the message must not shrink beside the checklist, but go under it.
WINDOWS = ((800, 800), (1100, 900), (1280, 900), (1920, 1080))
CHECKLIST_PX_LEAST = 300  # room for "Interest, competence or help · Worth a look" on a line
MESSAGE_PX_LEAST = 440  # never narrower than the 450 px box it was (less its own border)
# Characters a line of the message holds: a line much longer than ~100 reads badly, and a
# wide window gives room for about that many (the old box held about 70).
LINE_MOST = 110
LINE_LEAST_WIDE = 90

# A picker's words, and whether they are cut (wider than its box leaves room for).
SHOWN = """label => {
  const box = document.querySelector(`[data-testid="stMain"] input[aria-label="${label}"]`);
  const style = getComputedStyle(box);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {words: box.value, cut: canvas.measureText(box.value).width > room + 1};
}"""

# The checklist's bordered box (around "Checklist: …") and the message box, each as left, top,
# right; how many of its own characters a line of the message holds; the main area's right edge.
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


def test_outreach_reads_whole_at_800_and_uses_a_wide_windows_room(page_with_scroll_bars, tmp_path):
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
            for label, words in (
                ("Template", "Cold, after reading their profile or work"),
                ("Person", "Priya Raghunathan, PhD — Nimbus Consulting Ltd"),
            ):
                shown = page.evaluate(SHOWN, label)
                assert shown["words"] == words
                assert not shown["cut"], (width, shown)
            places = page.evaluate(PLACES)
            left, top, right = places["message"]
            assert right - left >= MESSAGE_PX_LEAST, (width, places)
            assert right <= places["edge"] + 1, (width, places)
            assert places["line"] <= LINE_MOST, (width, places)
            c_left, c_top, c_right = places["checklist"]
            assert c_right - c_left >= CHECKLIST_PX_LEAST, (width, places)
            assert c_right <= places["edge"] + 1, (width, places)
            if width >= 1280:  # room for both: the checklist beside the message, as before
                assert c_left >= right and c_top < top, places
            if width == 1920:  # the room used: longer lines
                assert places["line"] >= LINE_LEAST_WIDE, places
    finally:
        stop_server(server)
