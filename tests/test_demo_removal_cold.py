"""Removing the demo leaves none of the user's 2nd-degree people without someone who connects
them: a 2nd whom only demo people connected becomes cold, as deleting that person would make
them (`contacts.delete_contact`), and the warning before and the sentence after say so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import cli, contacts, db, demo, text, ui

TODAY = date(2026, 5, 13)
ROOT = Path(__file__).resolve().parent.parent


def demo_people(conn, count: int) -> list[int]:
    rows = conn.execute(
        "SELECT id FROM contacts WHERE source = 'demo' ORDER BY id LIMIT ?", [count]
    ).fetchall()
    return [row[0] for row in rows]


def linked_people(conn) -> dict[str, int]:
    """The user's people, each linked to the demo in another way (and one not at all)."""
    demo.load_demo(conn, today=TODAY)
    first, second = demo_people(conn, 2)
    mine = contacts.add_contact(conn, "Mina", "Okafor")
    return {
        # Only a demo person connects them: cold once the demo goes.
        "Bo Chen": contacts.add_contact(conn, "Bo", "Chen", degree="2nd", mutual_contact_id=first),
        "Cy Abel": contacts.add_contact(
            conn, "Cy", "Abel", degree="2nd", mutual_contact_id=first, referred_by=second
        ),
        # One of the user's own people connects them too: still 2nd.
        "Di Park": contacts.add_contact(
            conn, "Di", "Park", degree="2nd", mutual_contact_id=mine, referred_by=first
        ),
        # A 1st stays 1st whoever introduced them.
        "Eve Lund": contacts.add_contact(conn, "Eve", "Lund", degree="1st", referred_by=second),
        "Mina Okafor": mine,
    }


def degrees(conn) -> dict[str, str]:
    rows = conn.execute(
        "SELECT trim(first_name || ' ' || last_name), degree FROM contacts"
        " WHERE source <> 'demo' ORDER BY 1"
    ).fetchall()
    return dict(rows)


def test_a_2nd_only_demo_people_connected_is_cold_after_the_demo_goes(conn):
    linked_people(conn)
    removed = demo.remove_demo(conn)
    assert degrees(conn) == {
        "Bo Chen": "cold",
        "Cy Abel": "cold",
        "Di Park": "2nd",
        "Eve Lund": "1st",
        "Mina Okafor": "1st",
    }
    assert removed.made_cold == ("Bo Chen", "Cy Abel")
    assert removed.sentence().endswith(
        "Your own people, companies and notes are still here. Bo Chen and Cy Abel are cold"
        " now, as only demo people connected you: pick a mutual contact on their record if"
        " someone else does."
    )
    # Every 2nd left names who connects them, as `contacts.require_link` asks of a 2nd.
    assert conn.execute(
        "SELECT count(*) FROM contacts"
        " WHERE degree = '2nd' AND mutual_contact_id IS NULL AND referred_by IS NULL"
    ).fetchall() == [(0,)]


def test_the_warning_names_who_will_be_cold_when_not_everyone_linked_is(conn):
    linked_people(conn)
    warning = demo.removal_warning(conn)
    assert warning.endswith(
        "Bo Chen and Cy Abel will be cold, no longer 2nd degree, as only demo people connect"
        " you to them."
    )
    assert degrees(conn)["Bo Chen"] == "2nd"  # asking changed nothing


def test_with_no_2nd_left_stranded_nothing_is_said_of_cold(conn):
    demo.load_demo(conn, today=TODAY)
    (first,) = demo_people(conn, 1)
    contacts.add_contact(conn, "Eve", "Lund", degree="1st", referred_by=first)
    assert "cold" not in demo.removal_warning(conn)
    removed = demo.remove_demo(conn)
    assert removed.made_cold == ()
    assert "cold" not in removed.sentence()


def test_the_settings_page_says_who_is_cold_now(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn, today=TODAY)
    (first,) = demo_people(conn, 1)
    contacts.add_contact(conn, "Bo", "Chen", degree="2nd", mutual_contact_id=first)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/9_settings.py")
    at.run()
    next(b for b in at.button if b.label == "Remove demo data").click()
    at.run()
    assert at.warning[0].value.endswith(
        text.plain_markdown(
            "Bo Chen stays too, without the demo person you named as the mutual contact. They"
            " will be cold, no longer 2nd degree, as only demo people connect you to them."
        )
    )
    next(b for b in at.button if b.label == "Yes, remove demo data").click()
    at.run()
    assert not at.exception
    assert at.success[0].value.endswith(
        text.plain_markdown(
            "Bo Chen is cold now, as only demo people connected you: pick a mutual contact on"
            " their record if someone else does."
        )
    )
    assert degrees(ui.connection()) == {"Bo Chen": "cold"}


def test_a_name_made_cold_is_shown_as_typed(app_db):
    """The sentence names the user's people: their names are text, not Markdown, and an
    address in one is no link (`ui.unlinked`)."""
    conn = db.connect(app_db)
    demo.load_demo(conn, today=TODAY)
    (first,) = demo_people(conn, 1)
    contacts.add_contact(
        conn, "Amy", "*Star* [x](http://example.com)", degree="2nd", mutual_contact_id=first
    )
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/9_settings.py")
    at.run()
    next(b for b in at.button if b.label == "Remove demo data").click()
    at.run()
    next(b for b in at.button if b.label == "Yes, remove demo data").click()
    at.run()
    assert ui.unlinked(text.plain_markdown("Amy *Star* [x](http://example.com) is cold now")) in (
        at.success[0].value
    )


def test_the_command_line_says_who_is_cold_now(capsys, db_path):
    conn = db.connect(db_path)
    try:
        demo.load_demo(conn, today=TODAY)
        (first,) = demo_people(conn, 1)
        contacts.add_contact(conn, "Bo", "Chen", degree="2nd", mutual_contact_id=first)
    finally:
        conn.close()
    assert cli.main(["--db", str(db_path), "demo", "--remove"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Removed the demo data (")
    assert "Bo Chen is cold now, as only demo people connected you" in out
