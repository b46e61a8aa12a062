"""Targets: adding a company already on the list says where to change it."""

from __future__ import annotations

from infoint import db, targets
from tests.test_page_targets import add_box, button, run_targets


def test_adding_a_company_already_on_the_list_says_where_to_change_it(app_db):
    conn = db.connect(app_db)
    targets.add_company(conn, "Gamma", industry="Energy")
    conn.close()
    at = run_targets()
    add_box(at, "text_input", "Company name").set_value("Gamma")
    button(at, "Add company").click()
    run_targets(at)
    assert at.error[0].value == (
        "Gamma is already on your list (target). To change it, type its name in “Company name "
        "contains” above the table."
    )
