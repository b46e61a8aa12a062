"""The question before removing the demo names what of the user's goes with the demo people:
what they logged with one (an entry, a meeting they set up), the notes they wrote on one (on
the record, or in a demo meeting's prep) and their debrief of a demo meeting. A walkthrough
logged a follow-up with demo contact Cai Yilmaz, and the question said nothing of it, though
removal deleted it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, demo, interactions, meetings, ui

TODAY = date(2026, 5, 13)
ROOT = Path(__file__).resolve().parent.parent
DELETES = "This deletes every demo person and company and everything logged about them."
KEPT = "Your own people, companies and notes stay as they are."
KEPT_BESIDE = "Your own people and companies, and your notes on them, stay as they are."


@pytest.fixture
def conn(tmp_path):
    connection = db.connect(tmp_path / "demo.duckdb")
    demo.load_demo(connection, today=TODAY)
    yield connection
    connection.close()


def demo_person(conn, nth: int = 0) -> tuple[int, str]:
    """A demo person nobody wrote to, and their name: the nth in order of name."""
    return conn.execute(
        "SELECT id, trim(first_name || ' ' || last_name) AS name FROM contacts"
        " WHERE source = 'demo' AND id NOT IN (SELECT contact_id FROM meetings)"
        " ORDER BY lower(name), id LIMIT 1 OFFSET ?",
        [nth],
    ).fetchall()[0]


def the_users_rows(conn) -> tuple[int, int]:
    """Interactions and meetings in the database the demo did not make."""
    return conn.execute(
        "SELECT (SELECT count(*) FROM interactions WHERE source <> 'demo'),"
        " (SELECT count(*) FROM meetings m WHERE m.created_at <>"
        "  (SELECT min(created_at) FROM interactions WHERE source = 'demo'))"
    ).fetchall()[0]


def test_nothing_of_the_users_on_demo_people_is_not_mentioned(conn):
    assert demo.removal_warning(conn) == f"{DELETES} {KEPT}"


def test_a_follow_up_logged_with_a_demo_person_is_named(conn):
    cai, name = demo_person(conn)
    interactions.log_interaction(conn, cai, "follow_up", occurred_at=date(2026, 5, 12))
    assert demo.removal_warning(conn) == (
        f"{DELETES} This also deletes a follow-up you logged with {name}. {KEPT_BESIDE}"
    )
    demo.remove_demo(conn)
    assert the_users_rows(conn) == (0, 0)  # it went, as the question said


def test_entries_meetings_and_notes_are_counted_and_named(conn):
    (ana, ana_name), (bo, bo_name) = demo_person(conn, 0), demo_person(conn, 1)
    for day in (11, 12):
        interactions.log_interaction(conn, ana, "follow_up", occurred_at=date(2026, 5, day))
    interactions.log_interaction(conn, ana, "note", channel=None, occurred_at=date(2026, 5, 12))
    meetings.schedule_meeting(conn, bo, datetime(2026, 5, 20, 9, tzinfo=UTC))
    assert the_users_rows(conn) == (3, 1)
    assert demo.removal_warning(conn) == (
        f"{DELETES} This also deletes 2 follow-ups, a note and a meeting you logged with"
        f" {ana_name} and {bo_name}. {KEPT_BESIDE}"
    )
    # Notes typed on a demo person's record go with them too.
    cy, cy_name = demo_person(conn, 2)
    record = contacts.get_contact(conn, cy)
    contacts.update_contact(
        conn,
        cy,
        email=record.email,
        degree=record.degree,
        mutual_contact_id=record.mutual_contact_id,
        referred_by=record.referred_by,
        notes="Met her at the meetup.",
        tags=record.tags,
    )
    assert demo.removal_warning(conn) == (
        f"{DELETES} This also deletes 2 follow-ups, a note and a meeting you logged with"
        f" {ana_name} and {bo_name}, and your notes on {cy_name}. {KEPT_BESIDE}"
    )
    demo.remove_demo(conn)
    assert the_users_rows(conn) == (0, 0)


def test_a_debrief_of_a_demo_meeting_alone(conn):
    """A demo meeting the user debriefed: their outcome and notes go with it."""
    planned, person, name = conn.execute(
        "SELECT m.id, c.id, trim(c.first_name || ' ' || c.last_name) FROM meetings m"
        " JOIN contacts c ON c.id = m.contact_id WHERE m.status = 'scheduled'"
    ).fetchall()[0]
    meetings.set_outcome(conn, planned, "held", actual_minutes=20, notes="They liked my idea.")
    assert demo.removal_warning(conn) == (
        f"{DELETES} This also deletes your debrief of the meeting with {name}. {KEPT_BESIDE}"
    )
    # Logged with the same person: the debrief is said to be of the meeting with them.
    interactions.log_interaction(conn, person, "thank_you", occurred_at=date(2026, 5, 13))
    assert demo.removal_warning(conn) == (
        f"{DELETES} This also deletes a thank-you you logged with {name}, and your debrief of"
        f" the meeting with them. {KEPT_BESIDE}"
    )


def test_the_demos_own_notes_and_meetings_are_not_called_yours(conn):
    """The demo's referred person has a note and its meetings have notes and answers of the
    demo's own: none of that is the user's."""
    noted = conn.execute(
        "SELECT count(*) FROM contacts WHERE source = 'demo' AND notes <> ''"
    ).fetchall()[0][0]
    answered = conn.execute("SELECT count(*) FROM meeting_questions").fetchall()[0][0]
    assert noted and answered
    assert "also deletes" not in demo.removal_warning(conn)


def test_the_demos_meetings_stay_the_demos_with_its_entries_removed(conn):
    """Its meetings are told by the moment the demo was loaded: read from its people, as the
    user may remove every entry the demo logged (the Fix form) and keep its meetings."""
    with db.transaction(conn):
        conn.execute("DELETE FROM interactions WHERE source = 'demo'")
    assert "also deletes" not in demo.removal_warning(conn)


def test_the_settings_question_says_it(app_db):
    setup = db.connect(app_db)
    demo.load_demo(setup, today=TODAY)
    cai, name = demo_person(setup)
    interactions.log_interaction(setup, cai, "follow_up", occurred_at=date(2026, 5, 12))
    setup.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/9_settings.py")
    at.run()
    next(b for b in at.button if b.label == "Remove demo data").click()
    at.run()
    assert not at.exception, at.exception
    said = f"This also deletes a follow-up you logged with {name}."
    assert ui.plain(said) in at.warning[0].value
    assert demo.has_demo(ui.connection())  # asking removed nothing


def test_settings_counts_what_goes_only_once_asked(app_db, monkeypatch):
    """The count reads everything logged with every demo person: not on every visit."""
    setup = db.connect(app_db)
    demo.load_demo(setup, today=TODAY)
    setup.close()
    worded = []
    real = demo.removal_warning
    monkeypatch.setattr(demo, "removal_warning", lambda conn: worded.append(1) or real(conn))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/9_settings.py")
    at.run()
    assert not worded
    next(b for b in at.button if b.label == "Remove demo data").click()
    at.run()
    assert worded and ui.plain(DELETES) in at.warning[0].value
