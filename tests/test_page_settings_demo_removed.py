"""After "Yes, remove demo data", the confirmation names what of the user's went with the
demo, as the question before it did: it said 'Your own people, companies and notes are still
here.' after deleting a follow-up the user logged with a demo person, which the question had
named ('This also deletes a follow-up you logged with …')."""

from __future__ import annotations

from datetime import date

from infoint import contacts, db, demo, importer, interactions, meetings, ui
from tests.test_demo_removal_yours import TODAY, demo_person
from tests.test_page_settings import CONNECTIONS, button, open_page, run

KEPT_BESIDE = "Your own people and companies, and your notes on them, are still here."


def demo_people(conn) -> int:
    return conn.execute("SELECT count(*) FROM contacts WHERE source = 'demo'").fetchall()[0][0]


def test_the_page_says_what_of_yours_went_as_the_question_did(app_db):
    setup = db.connect(app_db)
    demo.load_demo(setup, today=TODAY)
    cai, name = demo_person(setup)
    interactions.log_interaction(setup, cai, "follow_up", occurred_at=date(2026, 5, 12))
    people = demo_people(setup)
    setup.close()
    at = open_page()
    button(at, "Remove demo data").click()
    run(at)
    went = f"a follow-up you logged with {name}"
    assert ui.plain(f"This also deletes {went}.") in at.warning[0].value
    button(at, "Yes, remove demo data").click()
    run(at)
    assert [s.value for s in at.success] == [
        ui.plain(f"Removed the demo data ({people} people), and with it {went}. {KEPT_BESIDE}")
    ]
    assert not demo.has_demo(ui.connection())


def test_the_removal_names_a_debrief_alone(tmp_path):
    conn = db.connect(tmp_path / "demo.duckdb")
    try:
        demo.load_demo(conn, today=TODAY)
        planned, name = conn.execute(
            "SELECT m.id, trim(c.first_name || ' ' || c.last_name) FROM meetings m"
            " JOIN contacts c ON c.id = m.contact_id WHERE m.status = 'scheduled'"
        ).fetchall()[0]
        meetings.set_outcome(conn, planned, "held", actual_minutes=20, notes="They liked it.")
        removed = demo.remove_demo(conn)
        assert removed.sentence().startswith(
            f"Removed the demo data ({removed.people} people), and with it your debrief of the "
            f"meeting with {name}. "
            f"{KEPT_BESIDE}"
        )
    finally:
        conn.close()


def test_with_nothing_of_yours_it_says_so_as_before(tmp_path):
    conn = db.connect(tmp_path / "demo.duckdb")
    try:
        demo.load_demo(conn, today=TODAY)
        removed = demo.remove_demo(conn)
        assert removed.sentence().startswith(
            f"Removed the demo data ({removed.people} people). "
            "Your own people, companies and notes are still here."
        )
    finally:
        conn.close()


def test_the_removal_is_backed_up_first_and_the_backup_listed(app_db):
    """It asked first, then deleted the demo people and all logged with them, and the list
    still held only the backup from before the import: now one from before the removal too."""
    setup = db.connect(app_db)
    contacts.add_contact(setup, "Early", "Bird")  # someone saved: the import backs up first
    importer.import_file(setup, CONNECTIONS, filename="Connections.csv")
    demo.load_demo(setup, today=TODAY)
    setup.close()
    at = open_page()
    assert list(at.dataframe[0].value["Note"]) == ["Before importing Connections.csv"]
    button(at, "Remove demo data").click()
    run(at)
    button(at, "Yes, remove demo data").click()
    run(at)
    assert "Removed the demo data" in at.success[0].value
    assert list(at.dataframe[0].value["Note"]) == [
        "Before removing the demo data",
        "Before importing Connections.csv",
    ]
