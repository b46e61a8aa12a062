"""Contacts: notes too long to log are refused in one sentence; a long one already logged is
shortened on the timeline, the rest behind an expander."""

from datetime import datetime

from infoint import contacts, db, interactions
from infoint.text import plain_markdown
from tests.test_page_contacts import contacts_page, run

PASTED = "word " * 12_000


def test_logging_sixty_thousand_characters_of_notes_is_refused(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=datetime(2026, 3, 2, 9))
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.selectbox[0].set_value("reply")
    at.text_area(key=f"log_{ann}_0_body").input(PASTED)
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert [e.value for e in at.error] == [
        "A message or note can be at most 5,000 characters; this one has 60,000."
    ]
    assert at.text_area(key=f"log_{ann}_0_body").value == PASTED  # kept, to shorten
    conn = db.connect(app_db)
    try:
        assert [x.kind for x in interactions.list_interactions(conn, ann)] == ["outreach"]
    finally:
        conn.close()


def test_a_long_note_already_logged_is_shortened_on_the_timeline(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at, body, source)"
        " VALUES (?, 'note', NULL, ?, ?, 'import')",
        [ann, datetime(2026, 3, 2, 9), PASTED],
    )
    conn.close()
    at = run(contacts_page(contact=str(ann)))
    captions = [c.value for c in at.main.caption]
    assert "word " * 99 + "word …" in captions
    [more] = [e for e in at.main.expander if e.label.startswith("Show all")]
    assert more.label == "Show all of it (60,000 characters)"
    assert [c.value for c in more.caption] == [PASTED.strip()]


def test_a_short_note_ending_in_a_line_break_is_not_marked_as_cut(app_db):
    """A trailing newline or Windows line ends (an import, a pasted mail) made 'Hello\\n' show
    as 'Hello …' with 'Show all of it (6 characters)'."""
    assert contacts.TimelineEvent(datetime(2026, 3, 2), "Note", "Hello\n").details_start == (
        "Hello"
    )
    assert not contacts.TimelineEvent(datetime(2026, 3, 2), "Note", "Hi\r\nBo\r\n").details_cut
    assert contacts.TimelineEvent(datetime(2026, 3, 2), "Note", PASTED).details_cut
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at, body, source)"
        " VALUES (?, 'note', NULL, ?, 'Hello\r\n', 'import'),"
        " (?, 'note', NULL, ?, 'Dear Ann,\r\nThanks.\r\n', 'import')",
        [ann, datetime(2026, 3, 2, 9), ann, datetime(2026, 3, 3, 9)],
    )
    conn.close()
    at = run(contacts_page(contact=str(ann)))
    captions = [c.value for c in at.main.caption]
    assert "Hello" in captions and plain_markdown("Dear Ann,\nThanks.") in captions
    assert not any("…" in c for c in captions)
    assert not [e for e in at.main.expander if e.label.startswith("Show all")]
