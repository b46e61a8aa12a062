"""Migration 0020: our cold first message and our follow-up asked for 15 minutes, while the
other built-in messages, a meeting's default length and Meetings' advice ("20 minutes go
quickly") say 20. They now ask for 20; a copy the user edited keeps their words, and so does a
template of their own."""

from __future__ import annotations

import re

import duckdb

from infoint import contacts, db, meetings, outreach

COLD = "Cold, after reading their profile or work"
FOLLOW_UP = "One polite follow-up"
# Their words before 0020, exactly (the follow-up as 0007 left it).
COLD_SUBJECT = "Your {their_work}, and a question"
COLD_BODY = (
    "Hi {first_name},\n\nI read your {their_work} and it stayed with me, especially"
    " {what_struck_you}.\n\nI'm {my_name}, {my_role}, and I'm learning about {my_focus}. I'd"
    " value hearing how you see it from {company}.\n\nWould you be open to a 15-minute call"
    " sometime in the next two weeks? I'll keep it brief and come with specific questions.\n\n"
    "Thank you for considering it,\n{my_name}"
)
FOLLOW_UP_SUBJECT = "Following up: 15 minutes about {my_focus}"
FOLLOW_UP_BODY = (
    "Hi {first_name},\n\nI wrote to you on {last_written} about {my_focus}. Inboxes get full,"
    " so here is one gentle reminder.\n\nI'm {my_name}, {my_role}, and your work at {company} is"
    " close to what I hope to understand.\n\nWould you have 15 minutes for a call in the next"
    " few weeks? If now is not a good time, no problem at all, and thank you either way.\n\n"
    "Best,\n{my_name}"
)
OLD = {COLD: (COLD_SUBJECT, COLD_BODY), FOLLOW_UP: (FOLLOW_UP_SUBJECT, FOLLOW_UP_BODY)}
# Minutes asked for: "a 20-minute call", "20 minutes", "fifteen minutes".
_ASKED = re.compile(r"\b(\d+|fifteen|twenty|thirty)[\s-]+minutes?\b", re.IGNORECASE)


def database_at_0019(path) -> duckdb.DuckDBPyConnection:
    """A database made before 0020, with templates of the user's own in the old words."""
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=19)
    for name, (subject, body) in OLD.items():
        old.execute(
            "INSERT INTO templates (name, subject, body, kind) VALUES (?, ?, ?, ?)",
            [f"My copy of {name}", subject, body, "follow_up" if name == FOLLOW_UP else "outreach"],
        )
    return old


def builtin(conn, name: str) -> tuple[str, str]:
    """A built-in template's subject and body, found by the name 0002 gave it."""
    rows = conn.execute(
        "SELECT subject, body FROM templates WHERE builtin AND id = ("
        " SELECT min(id) FROM templates WHERE builtin AND name = ?)",
        [name],
    ).fetchall()
    return rows[0]


def templates(conn) -> dict[int, tuple]:
    rows = conn.execute(
        "SELECT id, name, subject, body, builtin, archived, kind, for_known FROM templates"
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def test_our_two_asks_for_15_minutes_ask_for_20_and_nothing_else_changes(tmp_path):
    path = tmp_path / "older.duckdb"
    old = database_at_0019(path)
    assert {name: builtin(old, name) for name in OLD} == OLD  # the words as tested here
    before = templates(old)
    old.close()
    upgraded = db.connect(path)
    try:
        assert builtin(upgraded, COLD) == (
            COLD_SUBJECT,
            COLD_BODY.replace("a 15-minute call", "a 20-minute call"),
        )
        assert builtin(upgraded, FOLLOW_UP) == (
            "Following up: 20 minutes about {my_focus}",
            FOLLOW_UP_BODY.replace("have 15 minutes", "have 20 minutes"),
        )
        after = templates(upgraded)
        changed = {i for i in before if after[i] != before[i]}
        assert {after[i][0] for i in changed} == set(OLD)  # those two, and only their words
        for i in changed:
            assert after[i][:1] + after[i][3:] == before[i][:1] + before[i][3:]
        # the user's own copies of the old words are theirs
        mine = {row[0]: row[1:3] for row in after.values() if row[0].startswith("My copy of ")}
        assert mine == {f"My copy of {name}": words for name, words in OLD.items()}
        assert db.apply_migrations(upgraded) == []
    finally:
        upgraded.close()


def test_every_built_in_message_asks_for_the_minutes_a_meeting_promises(db_path):
    """A fresh database: each built-in template that names a time names the default meeting
    length (20), as Meetings' "Pick four or five: 20 minutes go quickly" does."""
    conn = db.connect(db_path)
    try:
        rows = conn.execute("SELECT name, subject, body FROM templates WHERE builtin").fetchall()
        asked = {name: _ASKED.findall(subject + "\n" + body) for name, subject, body in rows}
        assert all(asked.values()), asked  # every one of them names a time
        assert {minutes for found in asked.values() for minutes in found} == {
            str(meetings.DEFAULT_MINUTES)
        }
        # and filled for someone, the checklist calls the time short
        cai = contacts.add_contact(conn, "Cai", "Wu", company="Vantage")
        for name in OLD:
            [(template_id,)] = conn.execute(
                "SELECT id FROM templates WHERE builtin AND name = ?", [name]
            ).fetchall()
            draft = outreach.compose(conn, template_id, cai)
            checks = {c.key: c for c in outreach.check_email(draft.body, draft.subject, "email")}
            assert checks["time"].status == "pass", name
    finally:
        conn.close()


def test_the_users_edits_are_kept(tmp_path):
    for name, (subject, body) in OLD.items():
        edits = {
            "body": (subject, body.replace("15", "10")),
            "subject": (subject + ", kindly", body),
            "a space": (subject, body + " "),
        }
        for what, (new_subject, new_body) in edits.items():
            path = tmp_path / f"{name} edited {what}.duckdb"
            old = database_at_0019(path)
            old.execute(
                "UPDATE templates SET subject = ?, body = ? WHERE builtin AND name = ?",
                [new_subject, new_body, name],
            )
            old.close()
            upgraded = db.connect(path)
            try:
                assert builtin(upgraded, name) == (new_subject, new_body), (name, what)
            finally:
                upgraded.close()


def test_renamed_or_archived_but_with_our_words_it_asks_for_20_and_keeps_its_name(tmp_path):
    path = tmp_path / "renamed.duckdb"
    old = database_at_0019(path)
    old.execute(
        "UPDATE templates SET name = 'Nudge', archived = true WHERE builtin AND name = ?",
        [FOLLOW_UP],
    )
    old.close()
    upgraded = db.connect(path)
    try:
        assert upgraded.execute(
            "SELECT subject, archived FROM templates WHERE builtin AND name = 'Nudge'"
        ).fetchall() == [("Following up: 20 minutes about {my_focus}", True)]
    finally:
        upgraded.close()
