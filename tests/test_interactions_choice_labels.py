"""Labels for picking one logged interaction: two alike (one kind, one day, one way) were
listed the same, and a picker keeps the first of two equal labels whichever is picked."""

from datetime import date, datetime

from infoint import contacts, db, interactions


def test_entries_alike_say_which_of_the_day_they_are_and_how_their_notes_begin(tmp_path):
    conn = db.connect(tmp_path / "labels.duckdb")
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    interactions.log_interaction(
        conn, ann, "outreach", channel="linkedin", occurred_at=date(2026, 11, 20)
    )
    first = interactions.log_interaction(
        conn,
        ann,
        "reply",
        channel="linkedin",
        occurred_at=datetime(2026, 11, 27, 9, 0),
        body="Thanks, happy to talk next week about the Lyon team and the role",
    )
    second = interactions.log_interaction(
        conn, ann, "reply", channel="linkedin", occurred_at=datetime(2026, 11, 27, 16, 30)
    )
    by_mail = interactions.log_interaction(
        conn, ann, "reply", channel="email", occurred_at=datetime(2026, 11, 27, 17, 0)
    )
    labels = interactions.choice_labels(interactions.list_interactions(conn, ann))
    conn.close()
    assert labels[first] == (
        "27 Nov 2026 · Reply (LinkedIn) · 1st of 2 that day: Thanks, happy to talk next week about…"
    )
    assert labels[second] == "27 Nov 2026 · Reply (LinkedIn) · 2nd of 2 that day"
    assert labels[by_mail] == "27 Nov 2026 · Reply (Email)"  # told apart already
    assert len(set(labels.values())) == len(labels) == 4


def test_the_same_notes_twice_still_get_labels_of_their_own(tmp_path):
    conn = db.connect(tmp_path / "labels.duckdb")
    ann = contacts.add_contact(conn, "Ann", "Lee")
    made = [
        interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 3), body="Call")
        for _ in range(3)
    ]
    labels = interactions.choice_labels(interactions.list_interactions(conn, ann))
    conn.close()
    assert [labels[i] for i in made] == [
        f"3 Mar 2026 · Note · {n} of 3 that day: Call" for n in ("1st", "2nd", "3rd")
    ]
