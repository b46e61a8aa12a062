"""Home, minutes after a new user logs a first outreach: the funnel's words say the person
still has time to reply, as the Response rate beside them does, not '… has not replied yet —
0 %'."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, profile, targets

ROOT = Path(__file__).resolve().parent.parent


def funnel_words(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("- ")]


def run_home() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_first_outreach_still_has_time_in_the_funnels_words(app_db):
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", motivation=2)
    ana = contacts.add_contact(conn, "Ana", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=profile.now(conn))
    conn.close()
    at = run_home()
    words = funnel_words(at)
    assert words[:2] == [
        "- You contacted 1 person.",
        "- The one person you contacted, written to in the last 3 business days, still has "
        "time to reply.",
    ]
    assert not [line for line in words if "replied yet — 0 %" in line]
    rate = next(m for m in at.metric if m.label == "Response rate")
    assert rate.value == "Too soon"


def test_the_funnels_share_is_the_response_rates(app_db):
    conn = db.connect(app_db)
    ana, ben, cy = (contacts.add_contact(conn, name) for name in ("Ana", "Ben", "Cy"))
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 2, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 2, 3))
    interactions.log_interaction(conn, ben, "outreach", occurred_at=date(2026, 2, 2))
    interactions.log_interaction(conn, cy, "outreach", occurred_at=profile.now(conn))
    conn.close()
    at = run_home()
    assert funnel_words(at)[1] == (
        "- 1 person you wrote to in the last 3 business days still has time to reply; "
        "1 of the other 2 replied — 50 %."
    )
    rate = next(m for m in at.metric if m.label == "Response rate")
    assert (rate.value, rate.proto.delta) == (
        "50 %",
        "1 of 2 replied; 1 more may reply",
    )
