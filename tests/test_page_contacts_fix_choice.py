"""Fix something logged by mistake: two replies on LinkedIn the same day were listed the
same ("27 Nov 2026 · Reply (LinkedIn)"), and picking the second kept the first chosen."""

from datetime import date, datetime
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions

ROOT = Path(__file__).resolve().parent.parent


def test_the_second_of_two_alike_can_be_picked_and_fixed(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    interactions.log_interaction(
        conn, ann, "outreach", channel="linkedin", occurred_at=date(2026, 11, 20)
    )
    first = interactions.log_interaction(
        conn, ann, "reply", channel="linkedin", occurred_at=datetime(2026, 11, 27, 9, 0)
    )
    second = interactions.log_interaction(
        conn,
        ann,
        "reply",
        channel="linkedin",
        occurred_at=datetime(2026, 11, 27, 16, 0),
        body="Free on Tuesday",
    )
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    at.query_params["contact"] = str(ann)
    at.session_state["contact_tab"] = "Log an interaction"
    at.run()
    assert not at.exception, at.exception
    picker = at.selectbox(key=f"fix_{ann}")
    assert picker.options == [
        "27 Nov 2026 · Reply (LinkedIn) · 2nd of 2 that day: Free on Tuesday",
        "27 Nov 2026 · Reply (LinkedIn) · 1st of 2 that day",
        "20 Nov 2026 · Outreach (LinkedIn)",
    ]
    picker.set_value(second)
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key=f"fix_{ann}").value == second
    assert at.text_area(key=f"fix_body_{second}").value == "Free on Tuesday"
    at.text_area(key=f"fix_body_{second}").input("Free on Wednesday")
    at.button(key=f"FormSubmitter:fix_form_{second}-Save the correction").click()
    at.run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Corrected: it now reads 27 Nov 2026."
    conn = db.connect(app_db)
    assert interactions.get_interaction(conn, second).body == "Free on Wednesday"
    assert interactions.get_interaction(conn, first).body == ""
    conn.close()
