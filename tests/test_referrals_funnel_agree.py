"""Referrals' headline and Home's funnel count Referred alike, or say why not.

Home's Referred counts everyone at Referred or beyond: someone at Opportunity who introduced no
one counts there too. The headline counts the people who introduced you; where the two differ
it says the funnel's number and whom else it holds (the heavy user: 360 introducers, and
Referred 378 on Home, from 18 at Opportunity who introduced no one)."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, funnel, interactions, referrals, ui

ROOT = Path(__file__).resolve().parent.parent


def referred_on_home(conn) -> int:
    return next(c.count for c in funnel.stage_counts(conn) if c.stage == "referred")


def two_introducers_and_an_opportunity(conn) -> None:
    """Ana introduced Bo; Eva's introduction was logged without a name; Ola, written to, led
    to a role and introduced no one: 3 at Referred or beyond, 2 of whom introduced you."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    contacts.add_contact(conn, "Bo", "Chen", referred_by=ana)
    eva = contacts.add_contact(conn, "Eva", "Holm")
    interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    ola = contacts.add_contact(conn, "Ola", "Berg")
    interactions.log_interaction(conn, ola, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ola, "opportunity", occurred_at=date(2026, 3, 9))


def test_the_headline_says_the_funnel_s_referred_and_whom_else_it_counts(conn):
    two_introducers_and_an_opportunity(conn)
    totals = referrals.referral_totals(conn)
    assert (totals.introducers, totals.beyond) == (2, 1)
    assert totals.introducers + totals.beyond == referred_on_home(conn) == 3
    said = totals.sentence
    assert said.startswith("2 people introduced you to someone. ")
    assert "Referred or further in your funnel" not in said  # it is not the funnel's 3
    assert said.endswith(
        "Your funnel's Referred counts 3: the 2 who introduced you and 1 at Opportunity who "
        "introduced no one."
    )


def test_an_introducer_at_opportunity_is_not_counted_twice(conn):
    """Ana introduced Bo and then a role came of her: she is at Opportunity, and one of the
    introducers; nobody else is at Referred or beyond, so the headline is the funnel's."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    contacts.add_contact(conn, "Bo", "Chen", referred_by=ana)
    interactions.log_interaction(conn, ana, "opportunity", occurred_at=date(2026, 3, 9))
    totals = referrals.referral_totals(conn)
    assert (totals.introducers, totals.beyond) == (1, 0)
    assert referred_on_home(conn) == 1
    assert totals.sentence.startswith(
        "1 person introduced you to someone (Referred or further in your funnel)."
    )
    assert "Your funnel's Referred" not in totals.sentence


def test_the_page_says_the_funnel_s_number(app_db):
    conn = db.connect(app_db)
    two_introducers_and_an_opportunity(conn)
    assert referred_on_home(conn) == 3
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/6_referrals.py")
    at.run()
    assert not at.exception, at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert ui.plain("2 people introduced you to someone. ") in shown
    assert (
        ui.plain(
            "Your funnel's Referred counts 3: the 2 who introduced you and 1 at Opportunity who "
            "introduced no one."
        )
        in shown
    )
