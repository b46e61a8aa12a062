"""While the demo is loaded every page says so in its sidebar: its made-up people count in
every number. On an empty database the demo loads at once; beside the user's own data it is
asked about first (Settings), and asking changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, demo, ui

ROOT = Path(__file__).resolve().parent.parent


def opened(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if page != "app.py":
        at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def sidebar_notes(at: AppTest) -> list[str]:
    return [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize("page", ["app.py", "pages/2_contacts.py", "pages/7_insights.py"])
def test_every_page_says_the_demo_is_loaded_until_it_is_removed(app_db, page):
    assert ui.DEMO_LOADED not in sidebar_notes(opened(page))
    conn = db.connect(app_db)
    demo.load_demo(conn)
    conn.close()
    at = opened(page)
    assert ui.DEMO_LOADED in sidebar_notes(at)
    demo.remove_demo(ui.connection())
    at.run()
    assert ui.DEMO_LOADED not in sidebar_notes(at)


def test_on_an_empty_database_settings_loads_the_demo_at_once(app_db):
    at = opened("pages/9_settings.py")
    assert not demo.beside_own_data(ui.connection())
    next(b for b in at.button if b.label == "Load demo data").click()
    at.run()
    assert "Loaded the demo" in at.success[0].value
    assert ui.DEMO_LOADED in sidebar_notes(at)


def test_beside_the_users_own_data_loading_is_asked_first(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ada", "Lovelace")
    conn.close()
    at = opened("pages/9_settings.py")
    next(b for b in at.button if b.label == "Load demo data").click()
    at.run()
    assert at.warning[0].value == ui.plain(demo.LOADING_BESIDE_YOURS)
    assert not demo.has_demo(ui.connection())  # asking loaded nothing
    next(b for b in at.button if b.label == "Yes, load demo data").click()
    at.run()
    assert demo.has_demo(ui.connection())
    assert "Loaded the demo" in at.success[0].value
    # What it asked about is what came: about 150 people and 40 companies.
    people, companies = (
        ui.connection()
        .execute(
            "SELECT (SELECT count(*) FROM contacts WHERE source = 'demo'),"
            " (SELECT count(*) FROM companies WHERE source = 'demo')"
        )
        .fetchall()[0]
    )
    assert abs(people - 150) <= 10 and abs(companies - 40) <= 5, (people, companies)
