"""A person's stage reads whole at the top of their record in an 800 px window with the
sidebar open, and at 1280 px (the walkthrough on the demo: 'Contacted' read 'Contac…' in the
first of three narrow columns)."""

from datetime import date

from infoint import contacts, db, interactions

from .conftest import start_server, stop_server, wait_for_app

# The stage's words, and whether the box that holds them is narrower than they are.
STAGE_SHOWN = """() => [...document.querySelectorAll('[data-testid="stMetricValue"] div')]
  .map(node => ({words: node.innerText, cut: node.scrollWidth > node.clientWidth + 1}))"""


def test_the_stage_reads_whole_at_800_and_1280_px(page, tmp_path):
    db_path = tmp_path / "stage.duckdb"
    conn = db.connect(db_path)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    bob = contacts.add_contact(conn, "Bob", "Stone", company="Acme")
    interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2026, 3, 2))
    conn.close()
    server = start_server(db_path)
    try:
        seen = []
        for width in (800, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            for person, name in ((ann, "Ann Lee"), (bob, "Bob Stone")):
                page.goto(f"{server.url}/contacts?contact={person}")
                page.get_by_role("heading", name=name, exact=True).wait_for()
                wait_for_app(page)
                seen += [(width, *shown.values()) for shown in page.evaluate(STAGE_SHOWN)]
        assert seen == [
            (width, words, False)
            for width in (800, 1280)
            for words in ("Not contacted", "Contacted")
        ]
    finally:
        stop_server(server)
