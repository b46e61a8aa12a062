"""The Outreach picker: a position written like a label's detail no longer makes two people's
labels the same (the picker kept the first of the two, whichever was picked)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db

ROOT = Path(__file__).resolve().parent.parent


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_a_position_like_a_label_detail_gets_its_own_label_and_is_the_one_chosen(app_db):
    conn = db.connect(app_db)
    tricky = contacts.add_contact(conn, "Ann", "Lee", position="Engineer, added 20 Nov 2026")
    first = contacts.add_contact(conn, "Ann", "Lee", position="Engineer")
    second = contacts.add_contact(conn, "Ann", "Lee", position="Engineer")
    for person, day in ((tricky, 19), (first, 20), (second, 21)):
        conn.execute(
            f"UPDATE contacts SET created_at = TIMESTAMP '2026-11-{day} 09:00' WHERE id = ?",
            [person],
        )
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/3_outreach.py")
    run(at)
    at.text_input(key="outreach_find").set_value("ann lee")
    run(at)
    picker = at.selectbox(key="outreach_contact")
    assert picker.options == [
        "Ann Lee — “Engineer, added 20 Nov 2026”",
        "Ann Lee — “Engineer”, added 20 Nov 2026",
        "Ann Lee — Engineer, added 21 Nov 2026",
    ]
    picker.set_value(first)
    run(at)
    assert at.selectbox(key="outreach_contact").value == first
    [caption] = [c.value for c in at.caption if c.value.startswith("Ann Lee — ")]
    assert caption.startswith("Ann Lee — “Engineer”, added 20 Nov 2026 · 1st degree")
    # The one whose position reads so is chosen as readily.
    at.selectbox(key="outreach_contact").set_value(tricky)
    run(at)
    assert at.selectbox(key="outreach_contact").value == tricky
