"""Migration 0019: our template through a mutual connection said "{mutual_first_name}
suggested I write to you" and "... spoke highly of your work", untrue of someone the user and
the recipient merely both know. It now says only that they both know them; a copy the user
edited keeps their words, and so does a template of their own."""

from __future__ import annotations

import duckdb

from infoint import contacts, db, outreach

# The words 0002 gave it, exactly.
SUBJECT_0002 = "{mutual_first_name} suggested I write to you"
BODY_0002 = (
    "Hi {first_name},\n\n{mutual_first_name} suggested I get in touch with you. I'm {my_name},"
    " {my_role}, and I'm learning about {my_focus}.\n\n{mutual_first_name} spoke highly of your"
    " work at {company}, and your view would help me a great deal.\n\nWould you be open to a"
    " 20-minute call or a coffee (my treat) in the next couple of weeks? I'd like to hear how"
    " you see the field; this is not a job request.\n\nThank you,\n{my_name}"
)
NAME = "Through a mutual connection"


def database_at_0018(path) -> duckdb.DuckDBPyConnection:
    """A database made before 0019, with a template of the user's own in 0002's words."""
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=18)
    old.execute(
        "INSERT INTO templates (name, subject, body) VALUES ('My copy', ?, ?)",
        [SUBJECT_0002, BODY_0002],
    )
    return old


def templates(conn) -> dict[str, tuple[str, str]]:
    rows = conn.execute("SELECT name, subject, body FROM templates ORDER BY id").fetchall()
    return {name: (subject, body) for name, subject, body in rows}


def mutual(conn) -> tuple[str, str, str]:
    return conn.execute("SELECT name, subject, body FROM templates WHERE id = 1").fetchall()[0]


def test_the_template_as_we_wrote_it_gets_the_new_words(tmp_path):
    path = tmp_path / "older.duckdb"
    old = database_at_0018(path)
    assert mutual(old) == (NAME, SUBJECT_0002, BODY_0002)  # 0002's words, as tested here
    before = templates(old)
    db.apply_migrations(old, upto=19)  # 0020 changes other templates of ours
    # every other template, the user's copy of the old words among them, is as it was
    after = templates(old)
    assert {k: v for k, v in after.items() if k != NAME} == {
        k: v for k, v in before.items() if k != NAME
    }
    assert after["My copy"] == (SUBJECT_0002, BODY_0002)
    old.close()
    upgraded = db.connect(path)
    try:
        name, subject, body = mutual(upgraded)
        assert name == NAME
        assert subject == "We both know {mutual_first_name}"
        assert body.startswith(
            "Hi {first_name},\n\nI saw that we both know {mutual_first_name}, so I hope you "
            "don't mind a note from me. I'm {my_name}, {my_role}, and I'm learning about "
            "{my_focus}.\n\n"
        )
        assert "suggest" not in subject + body and "spoke highly" not in body
        assert templates(upgraded)["My copy"] == (SUBJECT_0002, BODY_0002)
        assert db.apply_migrations(upgraded) == []
        # filled for someone the user merely shares a connection with, it says what is true,
        # and the checklist calls it complete
        marcus = contacts.add_contact(upgraded, "Marcus", "Lee")
        jordan = contacts.add_contact(
            upgraded, "Jordan", "Patel", company="Canva", degree="2nd", mutual_contact_id=marcus
        )
        upgraded.execute(
            "UPDATE profile SET name = 'Sam Lee', job_title = 'a data analyst',"
            " focus = 'product design'"
        )
        draft = outreach.compose(upgraded, 1, jordan)
        assert draft.subject == "We both know Marcus"
        assert draft.body.startswith("Hi Jordan,\n\nI saw that we both know Marcus,")
        person = outreach.get_recipient(upgraded, jordan)
        assert not outreach.unrecorded_claim(person, draft.subject, draft.body)
        checks = outreach.check_email(draft.body, draft.subject, "email")
        assert {c.key: c.status for c in checks} == dict.fromkeys(outreach.CHECK_KEYS, "pass")
    finally:
        upgraded.close()


def test_a_fresh_database_starts_with_the_new_words(db_path):
    conn = db.connect(db_path)
    try:
        assert mutual(conn)[1] == "We both know {mutual_first_name}"
    finally:
        conn.close()


def test_the_users_edits_are_kept(tmp_path):
    edits = {
        "body": (SUBJECT_0002, BODY_0002.replace("20-minute", "15-minute")),
        "subject": ("A question, via {mutual_first_name}", BODY_0002),
        "a space": (SUBJECT_0002 + " ", BODY_0002),
    }
    for what, (subject, body) in edits.items():
        path = tmp_path / f"edited {what}.duckdb"
        old = database_at_0018(path)
        old.execute("UPDATE templates SET subject = ?, body = ? WHERE id = 1", [subject, body])
        old.close()
        upgraded = db.connect(path)
        try:
            assert mutual(upgraded) == (NAME, subject, body), what
        finally:
            upgraded.close()


def test_renamed_but_with_our_words_it_gets_the_new_words_and_keeps_its_name(tmp_path):
    """The name is the user's to change; the words still ours are replaced, the name stays."""
    path = tmp_path / "renamed.duckdb"
    old = database_at_0018(path)
    old.execute("UPDATE templates SET name = 'Via a friend', archived = true WHERE id = 1")
    old.close()
    upgraded = db.connect(path)
    try:
        assert mutual(upgraded)[:2] == ("Via a friend", "We both know {mutual_first_name}")
        assert upgraded.execute("SELECT archived FROM templates WHERE id = 1").fetchall() == [
            (True,)
        ]
    finally:
        upgraded.close()
