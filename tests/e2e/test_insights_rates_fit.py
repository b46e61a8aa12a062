"""Insights' rates chart ('Who replies, and who meets you') fills its box at 800, 1280 and
1600 px, the 'n of m' beside a full bar whole.

The chart itself was drawn as wide as its box (chart.js fits it, as every chart), but its axis
ran to 135 % to leave room for the 'n of m' labels: a share of the width, which grew with the
window, so at 1280 and 1600 px the bars and ticks ended at 100 % some 190 and 280 px short of
the box's right edge, a band of nothing. The room is now in pixels, what the widest label needs.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from playwright.sync_api import expect

from infoint import contacts, db, interactions, meetings
from tests.e2e.conftest import start_server, stop_server, wait_for_app

CHART = ".st-key-rates_chart .js-plotly-plot"
# The rates chart against the container the page draws it in: the chart's drawn width, where
# its axis's 100 % is, and each 'n of m' (its words, left and right edges, font size), in
# pixels from the container's left edge.
MEASURED = """selector => {
  const plot = document.querySelector(selector);
  const box = plot.closest('[data-testid="stVerticalBlock"]').getBoundingClientRect();
  const layout = plot._fullLayout;
  const at = x => box.left + layout._size.l + layout.xaxis.l2p(x);
  const labels = [...plot.querySelectorAll('.bartext')].map(text => {
    const bounds = text.getBoundingClientRect();
    return {words: text.textContent, left: bounds.left - box.left,
            right: bounds.right - box.left, size: getComputedStyle(text).fontSize};
  });
  const hundred = [...plot.querySelectorAll('.xtick text')].find(t => t.textContent === '100');
  return {
    box: box.width,
    drawn: layout.width,
    shown: plot.getBoundingClientRect().width,
    full: at(100) - box.left,
    hundred_right: hundred.getBoundingClientRect().right - box.left,
    labels,
  };
}"""
FITTED = """selector => {
  const plot = document.querySelector(selector);
  const box = plot && plot.closest('[data-testid="stVerticalBlock"]');
  return Boolean(plot && plot._fullLayout && plot.querySelector('.bartext')
    && Math.abs(plot._fullLayout.width - box.getBoundingClientRect().width) < 2);
}"""
# Beyond what the widest label needs right of 100 % (its width and Plotly's 3 px gap), no more
# than this is left empty at the box's right: the guess of a label's width errs on the wide side.
SPARE = 32


def campaign(db_path) -> None:
    """1,000 cold contacts who all replied ('1,000 of 1,000' beside a full bar, the widest
    label), three 1st-degree people of whom one replied, two 2nd-degree who replied and met."""
    conn = db.connect(db_path)
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name, degree)"
        " SELECT 'cold' || n, 'Cold' || n, 'Zz', 'cold' FROM range(1000) t(n)"
    )
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, occurred_at)"
        " SELECT c.id, e.kind, e.moment FROM contacts c,"
        " (VALUES ('outreach', TIMESTAMP '2026-02-02 09:00'),"
        " ('reply', TIMESTAMP '2026-02-03 09:00')) e(kind, moment) WHERE c.degree = 'cold'"
    )
    first = [contacts.add_contact(conn, f"First{n}", "Aa", degree="1st") for n in range(3)]
    for person in first:
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 2, 2))
    interactions.log_interaction(conn, first[0], "reply", occurred_at=date(2026, 2, 3))
    for n in range(2):
        person = contacts.add_contact(
            conn, f"Second{n}", "Bb", degree="2nd", mutual_contact_id=first[0]
        )
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 2, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 2, 3))
        held = meetings.schedule_meeting(conn, person, datetime(2026, 2, 10, 10, tzinfo=UTC))
        meetings.set_outcome(conn, held, "held", actual_minutes=20)
    conn.close()


def fitted(page, width: int) -> dict:
    page.set_viewport_size({"width": width, "height": 1000})
    page.wait_for_function(FITTED, arg=CHART)
    return page.evaluate(MEASURED, CHART)


def problems(measured: dict, width: int) -> list[str]:
    """What does not fit: the chart narrower or wider than its box, labels cut or shrunk, and
    room right of 100 % beyond what the widest label needs."""
    found = []
    box = measured["box"]
    if abs(measured["drawn"] - box) >= 2 or abs(measured["shown"] - box) >= 2:
        found.append(f"chart {measured['drawn']:.0f} px drawn in a {box:.0f} px box")
    labels = measured["labels"]
    widest = max(label["right"] - label["left"] for label in labels)
    for label in labels:
        if label["right"] > box + 1:
            found.append(f"{label['words']!r} cut at the box's edge")
        if label["size"] != "12px":
            found.append(f"{label['words']!r} shrunk to {label['size']}")
    if measured["hundred_right"] > box + 1:
        found.append("the axis's '100' cut")
    room = box - measured["full"]
    if room > widest + 3 + SPARE:
        found.append(f"{room:.0f} px empty right of 100 % for a label {widest:.0f} px wide")
    return [f"{width} px: {problem}" for problem in found]


def test_the_rates_chart_fills_its_box_at_800_1280_and_1600_px(page, tmp_path, shots):
    db_path = tmp_path / "rates.duckdb"
    campaign(db_path)
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": 1280, "height": 1000})
        page.goto(f"{server.url}/insights")
        page.get_by_role("heading", name="Insights", exact=True).wait_for()
        wait_for_app(page)
        expect(page.locator(f"{CHART} .bartext").first).to_be_attached()
        found = []
        for width in (1280, 1600, 800, 1280, 1600):
            measured = fitted(page, width)
            found += problems(measured, width)
            full = next(label for label in measured["labels"] if label["words"] == "1,000 of 1,000")
            # the full bar's label stands beside it, right of 100 %
            assert full["left"] >= measured["full"], (width, measured)
            page.screenshot(path=shots / f"rates-{width}.png")
        # another comparison draws the chart afresh: it fits too
        page.get_by_test_id("stRadio").get_by_text("Channel of the first message").click()
        wait_for_app(page)
        expect(page.locator(f"{CHART} .ytick text").first).to_have_text("Email")
        found += problems(fitted(page, 1600), 1600)
        page.reload()
        page.get_by_role("heading", name="Insights", exact=True).wait_for()
        wait_for_app(page)
        found += problems(fitted(page, 1600), 1600)
        assert found == []
    finally:
        stop_server(server)
