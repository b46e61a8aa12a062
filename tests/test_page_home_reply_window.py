"""Home, minutes after a new user logs a first outreach: the response rate says the person
still has time to reply (as Insights does), not 'Response rate 0 %' and '0 of 1 replied'."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, home, interactions, profile, targets

ROOT = Path(__file__).resolve().parent.parent


def run_home() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_first_outreach_still_has_time(app_db):
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", motivation=2)
    ana = contacts.add_contact(conn, "Ana", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=profile.now(conn))
    conn.close()
    at = run_home()
    rate = next(m for m in at.metric if m.label == "Response rate")
    assert rate.value == "Too soon"
    assert rate.proto.delta == "1 may still reply"
    assert rate.help == home.RESPONSE_HELP


def test_the_rate_is_of_those_whose_time_has_passed(app_db):
    conn = db.connect(app_db)
    ana, ben, cy = (contacts.add_contact(conn, name) for name in ("Ana", "Ben", "Cy"))
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 2, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 2, 3))
    interactions.log_interaction(conn, ben, "outreach", occurred_at=date(2026, 2, 2))
    interactions.log_interaction(conn, cy, "outreach", occurred_at=profile.now(conn))
    conn.close()
    at = run_home()
    rate = next(m for m in at.metric if m.label == "Response rate")
    assert rate.value == "50 %"
    assert rate.proto.delta == "1 of 2 replied; 1 more may reply"
