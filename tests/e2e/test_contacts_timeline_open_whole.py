"""A timeline's "Open …'s record" beside an introduction reads whole in an 800 px window
with the sidebar open, and at 1280 px (the walkthrough on the demo: Cai Yilmaz's 'Introduced you
to Omar Haddad' had its button, then "Open", cut to 'O…' in the sixth of the width it was
given)."""

from infoint import contacts, db

from .conftest import start_server, stop_server, wait_for_app

# Each timeline button's words (its icon's name left out), whether any box inside it is
# narrower than what it holds, and whether it ends inside the main area.
OPEN_SHOWN = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [class*="st-key-timeline_open_"] button')]
  .map(button => ({
    words: button.querySelector('[data-testid="stMarkdownContainer"]').innerText.trim(),
    cut: [button, ...button.querySelectorAll('*')]
      .some(node => node.scrollWidth > node.clientWidth + 1),
    inside: button.getBoundingClientRect().right <= document.querySelector(
      '[data-testid="stMain"]').getBoundingClientRect().right,
  }))"""


def test_the_timeline_s_open_buttons_read_whole_at_800_and_1280_px(page, tmp_path):
    db_path = tmp_path / "open.duckdb"
    conn = db.connect(db_path)
    cai = contacts.add_contact(conn, "Cai", "Yilmaz", company="Vantage Analytics LLC")
    for first, last in (("Omar", "Haddad"), ("Lena", "Park")):
        contacts.add_contact(conn, first, last, referred_by=cai)
    conn.close()
    server = start_server(db_path)
    try:
        seen = []
        for width in (800, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{server.url}/contacts?contact={cai}")
            page.get_by_role("heading", name="Cai Yilmaz", exact=True).wait_for()
            wait_for_app(page)
            page.get_by_text("Introduced you to Omar Haddad").wait_for()
            # the sidebar is open at both widths, as the walkthrough had it
            menu = page.get_by_test_id("stSidebar").get_by_role("link", name="Contacts")
            assert menu.is_visible()
            seen += [(width, *shown.values()) for shown in page.evaluate(OPEN_SHOWN)]
        # each names whose record it opens, newest first (Lena was added last)
        assert seen == [
            (width, f"Open {first}'s record", False, True)
            for width in (800, 1280)
            for first in ("Lena", "Omar")
        ]
    finally:
        stop_server(server)
