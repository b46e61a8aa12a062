"""The user's unsent Outreach drafts, kept in the database per person and template
(`outreach.save_draft`), so a reload, a new tab or a restart brings them back."""

from __future__ import annotations

import pytest

from infoint import contacts, db, demo, interactions, outreach
from infoint.errors import InvalidInputError, NotFoundError

COLD, POLITE_FOLLOW_UP = 3, 4  # built-in templates' ids
COMPOSED = ("Your {their_work}, and a question", "Hi Bo, …")


def test_one_draft_per_person_and_template_the_last_words_saved(conn):
    bo = contacts.add_contact(conn, "Bo", "Berg")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    assert outreach.saved_draft(conn, bo, COLD) is None
    outreach.save_draft(conn, bo, COLD, "outreach", ("S", "first words"), COMPOSED)
    outreach.save_draft(conn, bo, COLD, "outreach", ("S", "second words"), COMPOSED)
    outreach.save_draft(conn, bo, None, "outreach", ("", "on a blank page"), ("", ""))
    outreach.save_draft(conn, ana, COLD, "outreach", ("S", "to Ana"), COMPOSED)
    assert outreach.saved_draft(conn, bo, COLD) == outreach.SavedDraft(
        bo, COLD, "outreach", ("S", "second words"), COMPOSED
    )
    assert outreach.saved_draft(conn, bo, None).typed == ("", "on a blank page")
    assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(3,)]
    # the last saved, to anyone or to Bo; one of the kind asked for first
    assert outreach.latest_saved_draft(conn).contact_id == ana
    assert outreach.latest_saved_draft(conn, bo).template_id is None
    outreach.save_draft(conn, bo, POLITE_FOLLOW_UP, "follow_up", ("F", "nudge"), COMPOSED)
    assert outreach.latest_saved_draft(conn, bo, "outreach").template_id is None
    assert outreach.latest_saved_draft(conn, bo, "follow_up").template_id == POLITE_FOLLOW_UP
    # a template that can no longer be picked (archived) is passed over
    assert outreach.latest_saved_draft(conn, bo, "follow_up", {COLD}).kind == "outreach"
    outreach.discard_draft(conn, bo, None)
    assert outreach.saved_draft(conn, bo, None) is None
    assert outreach.saved_draft(conn, bo, COLD).typed == ("S", "second words")


def test_a_message_of_its_kind_logged_since_means_it_was_sent(conn):
    bo = contacts.add_contact(conn, "Bo", "Berg")
    interactions.log_interaction(conn, bo, "outreach")  # an earlier one: the draft is newer
    outreach.save_draft(conn, bo, COLD, "outreach", ("S", "words"), COMPOSED)
    outreach.save_draft(conn, bo, POLITE_FOLLOW_UP, "follow_up", ("F", "nudge"), COMPOSED)
    assert outreach.saved_draft(conn, bo, COLD) is not None
    interactions.log_interaction(conn, bo, "outreach", subject="S", body="words")  # Contacts
    assert outreach.saved_draft(conn, bo, COLD) is None
    assert outreach.saved_draft(conn, bo, POLITE_FOLLOW_UP) is not None  # another kind
    outreach.log_sent(conn, bo, subject="F", body="nudge", kind="follow_up", template_id=4)
    assert conn.execute(
        "SELECT count(*) FROM outreach_drafts WHERE kind = 'follow_up'"
    ).fetchall() == [(0,)]


def test_refused_for_no_one_or_a_kind_not_sent_from_outreach(conn):
    with pytest.raises(NotFoundError):
        outreach.save_draft(conn, 99, COLD, "outreach", ("S", "words"), COMPOSED)
    bo = contacts.add_contact(conn, "Bo", "Berg")
    with pytest.raises(InvalidInputError):
        outreach.save_draft(conn, bo, COLD, "thank_you", ("S", "words"), COMPOSED)
    assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(0,)]


def test_a_merge_keeps_the_draft_with_the_person_kept_and_a_delete_drops_it(conn):
    bo = contacts.add_contact(conn, "Bo", "Berg")
    twin = contacts.add_contact(conn, "Bo", "Berg", company="Initech")
    outreach.save_draft(conn, twin, COLD, "outreach", ("S", "to the twin"), COMPOSED)
    contacts.merge_contacts(conn, bo, twin)
    assert outreach.saved_draft(conn, bo, COLD).typed == ("S", "to the twin")
    contacts.delete_contact(conn, bo)
    assert conn.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(0,)]


def test_a_fresh_database_has_the_table_and_an_old_one_gets_it(tmp_path):
    import duckdb

    path = tmp_path / "older.duckdb"
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=20)
    old.close()
    upgraded = db.connect(path)
    try:
        assert upgraded.execute("SELECT count(*) FROM outreach_drafts").fetchall() == [(0,)]
        assert db.apply_migrations(upgraded) == []
    finally:
        upgraded.close()


def test_a_draft_saved_or_discarded_leaves_every_cached_figure_as_it_is(conn):
    """Drafts are saved as the user types; no cached read holds them, so their writes change
    neither version a cache is keyed on, and the page's figures stay cached meanwhile."""
    bo = contacts.add_contact(conn, "Bo", "Berg")
    before = (db.data_version(conn), db.content_version(conn))
    outreach.save_draft(conn, bo, COLD, "outreach", ("S", "words"), COMPOSED)
    outreach.discard_draft(conn, bo, COLD)
    outreach.save_draft(conn, bo, COLD, "outreach", ("S", "more words"), COMPOSED)
    assert (db.data_version(conn), db.content_version(conn)) == before
    assert outreach.saved_draft(conn, bo, COLD).typed == ("S", "more words")
    contacts.add_contact(conn, "Ana", "Lee")  # any other write
    assert db.data_version(conn) > before[0] and db.content_version(conn) > before[1]


def test_removing_the_demo_takes_the_drafts_to_its_people(conn):
    demo.load_demo(conn)
    amara = conn.execute("SELECT min(id) FROM contacts WHERE source = 'demo'").fetchall()[0][0]
    mine = contacts.add_contact(conn, "Bo", "Berg")
    outreach.save_draft(conn, amara, COLD, "outreach", ("S", "to a demo person"), COMPOSED)
    outreach.save_draft(conn, mine, COLD, "outreach", ("S", "to Bo"), COMPOSED)
    demo.remove_demo(conn)
    assert conn.execute("SELECT contact_id FROM outreach_drafts").fetchall() == [(mine,)]
