"""Saving an unsent draft on Outreach does not end the undo of an import, and the undo keeps
the drafts: a draft is not the data the undo guards, but an undo must not lose one either.

Outreach saves a draft as the user types (`outreach.save_draft`). It was counted as a write, so
one typed word after an import took away "Undo the last import" ("You saved other changes after
importing …"). A draft to someone the undone import added goes with them, and the undo's
question says so first."""

from __future__ import annotations

from datetime import datetime

import pytest

from infoint import contacts, db, importer, interactions, outreach, settings
from tests.test_undo import FIRST, SECOND, export_csv, named

COLD = 3  # a built-in template's id
WORDS = ("Hello", "Hi Ada, my own words.")
COMPOSED = ("Hello", "Hi Ada, the template's words.")


def person(conn, first_name: str) -> int:
    [[found]] = conn.execute(
        "SELECT id FROM contacts WHERE first_name = ?", [first_name]
    ).fetchall()
    return found


def draft(conn, contact_id: int, words: tuple[str, str] = WORDS, template: int | None = COLD):
    outreach.save_draft(conn, contact_id, template, "outreach", words, COMPOSED)


def typed(conn, contact_id: int, template: int | None = COLD) -> tuple[str, str] | None:
    found = outreach.saved_draft(conn, contact_id, template)
    return None if found is None else found.typed


def undone(conn, db_path):
    offer, why_not = settings.undo_state(conn)
    assert why_not is None and offer is not None
    conn.close()
    settings.undo_import(db_path, offer)
    return db.connect(db_path)


@pytest.fixture
def imported_twice(conn):
    """Ada and Grace, imported; then SECOND, which moved Ada and added Alan (its undo restores
    the backup taken before it)."""
    importer.import_file(conn, FIRST, filename="Connections.csv")
    report = importer.import_file(conn, SECOND, filename="Connections-2.csv")
    assert (report.added, report.updated) == (1, 1) and report.backup is not None
    return conn


def test_a_draft_saved_after_an_import_leaves_its_undo_offered(imported_twice):
    conn = imported_twice
    before = importer.fingerprint(conn)
    draft(conn, person(conn, "Ada"))
    assert importer.fingerprint(conn) == before
    offer, why_not = settings.undo_state(conn)
    assert why_not is None
    assert offer is not None and offer.file_name == "Connections-2.csv"
    outreach.discard_draft(conn, person(conn, "Ada"), COLD)  # dropping one, too
    assert settings.undo_state(conn)[1] is None


def test_the_undo_keeps_the_drafts_saved_since_as_they_are_now(imported_twice, db_path):
    conn = imported_twice
    ada, grace = person(conn, "Ada"), person(conn, "Grace")
    draft(conn, ada)
    draft(conn, ada, ("Hey", "A blank page's words."), template=None)
    draft(conn, grace, ("Hi", "Hi Grace, first go."))
    draft(conn, grace, ("Hi", "Hi Grace, as I left it."))  # the same draft, saved again
    assert settings.undo_drafts_sentence(conn, settings.undo_offer(conn)) == (
        "Nothing else has changed since, so nothing else is lost; your unsent drafts are kept."
    )
    conn = undone(conn, db_path)
    try:
        assert conn.execute("SELECT position FROM contacts WHERE id = ?", [ada]).fetchall() == [
            ("Engineer",)
        ]  # the import is undone
        assert typed(conn, ada) == WORDS
        assert typed(conn, ada, None) == ("Hey", "A blank page's words.")
        assert typed(conn, grace) == ("Hi", "Hi Grace, as I left it.")
        assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(3,)]
        # Later drafts take ids of their own, not those of the drafts put back.
        draft(conn, grace, ("Hi", "Hi Grace, once more."))
        assert typed(conn, grace) == ("Hi", "Hi Grace, once more.")
    finally:
        conn.close()


def test_a_draft_from_before_the_import_dropped_since_does_not_come_back(conn, db_path):
    importer.import_file(conn, FIRST, filename="Connections.csv")
    ada = person(conn, "Ada")
    draft(conn, ada, ("Old", "Words from before the import."))
    importer.import_file(conn, SECOND, filename="Connections-2.csv")
    outreach.discard_draft(conn, ada, COLD)
    conn = undone(conn, db_path)
    try:
        assert typed(conn, ada) is None
        assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(0,)]
    finally:
        conn.close()


def test_a_draft_to_someone_the_import_added_goes_with_them_and_the_question_says_so(
    imported_twice, db_path
):
    conn = imported_twice
    alan, grace = person(conn, "Alan"), person(conn, "Grace")
    draft(conn, alan, ("Hi", "Hi Alan, words for Alan only."))
    offer = settings.undo_offer(conn)
    assert settings.undo_drafts_sentence(conn, offer) == (
        "Your unsent draft to Alan Turing, whom that import added, goes too; nothing else is lost."
    )
    draft(conn, grace, ("Hi", "Hi Grace."))
    assert settings.undo_drafts_sentence(conn, offer) == (
        "Your unsent draft to Alan Turing, whom that import added, goes too; nothing else is "
        "lost, and your other drafts are kept."
    )
    conn = undone(conn, db_path)
    try:
        assert conn.execute("SELECT DISTINCT contact_id FROM outreach_drafts").fetchall() == [
            (grace,)
        ]
        # Whoever is given Alan's id next is not given his words.
        yan = contacts.add_contact(conn, "Yan", "Wu", company="Hooli")
        assert yan == alan
        assert typed(conn, yan) is None
    finally:
        conn.close()


def test_a_draft_sent_before_the_import_is_not_said_to_be_kept(conn):
    """A draft of a kind logged for the person since was sent: Outreach no longer offers it.
    (Logging one after the import ends the offer, as any change does.)"""
    importer.import_file(conn, FIRST, filename="Connections.csv")
    grace = person(conn, "Grace")
    draft(conn, grace)
    interactions.log_interaction(conn, grace, "outreach", occurred_at=datetime(2026, 1, 5, 9, 0))
    importer.import_file(conn, SECOND, filename="Connections-2.csv")
    assert settings.undo_drafts_sentence(conn, settings.undo_offer(conn)) == (
        "Nothing else has changed since, so nothing else is lost."
    )


def test_many_people_the_import_added_are_counted(conn):
    rows = [
        f"P{n},Person,https://www.linkedin.com/in/p-{n},,Acme,Engineer,06 Nov 2024"
        for n in range(4)
    ]
    importer.import_file(conn, export_csv(*rows), filename="Connections.csv")
    for n in range(4):
        draft(conn, person(conn, f"P{n}"))
    assert settings.undo_drafts_sentence(conn, settings.undo_offer(conn)) == (
        "Your unsent drafts to 4 people, whom that import added, go too; nothing else is lost."
    )


def test_the_first_import_undone_takes_the_drafts_to_its_people(conn, db_path):
    """The first import took no backup: its undo empties what it filled, drafts to its people
    with them."""
    report = importer.import_file(conn, FIRST, filename="Connections.csv")
    assert report.backup is None
    ada = person(conn, "Ada")
    draft(conn, ada)
    offer, why_not = settings.undo_state(conn)
    assert why_not is None and offer is not None and offer.backup is None
    assert settings.undo_drafts_sentence(conn, offer) == (
        "Your unsent draft to Ada Lovelace, whom that import added, goes too; nothing else is lost."
    )
    conn = undone(conn, db_path)
    try:
        assert conn.execute("SELECT count(*) FROM contacts").fetchall() == [(0,)]
        assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(0,)]
    finally:
        conn.close()


def test_a_draft_saved_after_a_backup_is_said_to_be_lost_by_restoring_it(conn):
    """Drafts are not counted as writes, yet a restore loses one saved after its backup: the
    restore question must not say nothing is lost."""
    ada = contacts.add_contact(conn, "Ada", "Lovelace")
    made = db.backup(conn)
    assert settings.saved_since(conn, made) is False
    draft(conn, ada)
    assert settings.saved_since(conn, made) is True
    outreach.discard_draft(conn, ada, COLD)
    assert settings.saved_since(conn, made) is False  # as the backup holds it again


def test_a_change_besides_a_draft_still_ends_the_offer(imported_twice):
    conn = imported_twice
    draft(conn, person(conn, "Ada"))
    contacts.add_contact(conn, "Yan", "Wu")
    assert settings.undo_state(conn)[1].startswith(
        f"You saved other changes after importing {named(conn, 'Connections-2.csv')}"
    )
