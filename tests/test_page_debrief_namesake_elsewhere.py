"""The Meetings page's debrief asks about a namesake at another company: "Priya Shah, Initech"
typed, a Priya Shah at Globex in the contacts. Unticked (as the box starts), a new Priya Shah
is added as before; ticked, the one there is linked and no one is added (the walkthrough: the
debrief said nothing and added a second Priya Shah)."""

from datetime import UTC, datetime, timedelta

import pytest

from infoint import contacts, db, meetings
from infoint.text import plain_markdown
from tests.test_page_debrief_known_people import debrief
from tests.test_page_meetings import run, submit

PRIYA = (
    "You already have a Priya Shah, at Globex (Analyst). Tick if it is the same person, to "
    "link them rather than add a new one: they will be marked as introduced by Katherine "
    "Johnson, who becomes their mutual contact. Their company stays Globex until you change it."
)


@pytest.fixture
def met_katherine(app_db):
    conn = db.connect(app_db)
    katherine = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA Langley")
    priya = contacts.add_contact(
        conn, "Priya", "Shah", company="Globex", position="Analyst", degree="cold"
    )
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, katherine, start)
    assert (katherine, priya, meeting) == (1, 2, 1)
    conn.close()
    return app_db


def people(path) -> list[tuple]:
    conn = db.connect(path)
    try:
        return conn.execute(
            "SELECT c.first_name, co.name, c.referred_by, c.mutual_contact_id"
            " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id ORDER BY c.id"
        ).fetchall()
    finally:
        conn.close()


def test_the_namesake_is_named_with_an_unticked_box(met_katherine):
    at = debrief("Priya Shah, Initech")
    [asked] = [w.value for w in at.warning if w.value.startswith("Saving adds")]
    assert asked == plain_markdown(
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. You "
        "already have someone by that name, at another company: if it is the same person, "
        "tick the box below, and no one new is added for them. Is this someone to talk to?"
        " If so, choose Yes; if not, choose No and take their line out."
    )
    assert "- Priya Shah at Initech" in [m.value for m in at.markdown]
    [priya] = at.checkbox
    assert priya.label == plain_markdown(PRIYA)
    assert priya.value is False  # never merged unasked
    assert len(people(met_katherine)) == 2  # nothing saved yet
    # left unticked: a new Priya Shah at Initech, the one at Globex as she was
    submit(at, "Yes, add them and save")
    assert "1 new contact introduced by Katherine Johnson" in at.success[0].value
    assert people(met_katherine) == [
        ("Katherine", "NASA Langley", None, None),
        ("Priya", "Globex", None, None),
        ("Priya", "Initech", 1, 1),
    ]


def test_ticked_the_one_there_is_linked_instead(met_katherine):
    at = debrief("Priya Shah, Initech")
    at.checkbox[0].check()
    run(at)
    # no one new is added now: the question and the list say so, and the button only what it does
    [asked] = [w.value for w in at.warning]
    assert asked == plain_markdown(
        "You ticked 1 person already in your contacts as the same person as one named, so no "
        "new one is added for them. Is this someone to talk to?"
        " If so, choose Yes; if not, choose No and take their line out."
    )
    assert not [m for m in at.markdown if m.value.startswith("- ")]
    assert not [b for b in at.button if b.label == "Yes, add them and save"]
    submit(at, "Yes, save the debrief")
    said = at.success[0].value
    assert (
        plain_markdown(
            "Priya Shah was already in your contacts: now marked as introduced by Katherine "
            "Johnson."
        )
        in said
    )
    assert "new contact" not in said
    assert people(met_katherine) == [
        ("Katherine", "NASA Langley", None, None),
        ("Priya", "Globex", 1, 1),  # cold: Katherine becomes her mutual contact, as said
    ]


# Two lines of one name at two companies, "Priya Shah, Initech" and "Priya Shah, Hooli": the
# Priya Shah at Globex is a namesake of each, asked about on each line's own box.
TWO_LINES = "Priya Shah, Initech\nPriya Shah, Hooli"


def test_two_lines_left_unticked_add_both(met_katherine):
    """Line 2 was taken for the Priya Shah line 1 adds: 'Already introduced by Katherine
    Johnson: Priya Shah.', and no Priya Shah at Hooli."""
    at = debrief(TWO_LINES)
    [asked] = [w.value for w in at.warning]
    assert asked.startswith(plain_markdown("Saving adds these 2 people to your contacts"))
    assert "- Priya Shah at Initech\n- Priya Shah at Hooli" in [m.value for m in at.markdown]
    assert [box.value for box in at.checkbox] == [False, False]
    submit(at, "Yes, add them and save")
    said = at.success[0].value
    assert "2 new contacts introduced by Katherine Johnson" in said
    assert "Already introduced" not in said
    assert people(met_katherine) == [
        ("Katherine", "NASA Langley", None, None),
        ("Priya", "Globex", None, None),
        ("Priya", "Initech", 1, 1),
        ("Priya", "Hooli", 1, 1),
    ]


def test_a_tick_links_for_its_own_line_only(met_katherine):
    """Ticked for line 1, the Priya Shah at Globex is line 1's person; line 2's at Hooli is
    still added, and the question and list say so before saving."""
    at = debrief(TWO_LINES)
    first, second = at.checkbox
    # one contact asked about for two lines: each box names its line
    for box, line in (
        (first, "line 1 (Priya Shah at Initech)"),
        (second, "line 2 (Priya Shah at Hooli)"),
    ):
        assert box.label == plain_markdown(PRIYA.replace("same person", f"same person on {line}"))
    first.check()
    run(at)
    [asked] = [w.value for w in at.warning]
    assert asked == plain_markdown(
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. You "
        "ticked 1 person already in your contacts as the same person as one named, so no new "
        "one is added for them. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    assert [m.value for m in at.markdown if m.value.startswith("- ")] == ["- Priya Shah at Hooli"]
    submit(at, "Yes, add them and save")
    said = at.success[0].value
    assert "1 new contact introduced by Katherine Johnson" in said
    assert people(met_katherine) == [
        ("Katherine", "NASA Langley", None, None),
        ("Priya", "Globex", 1, 1),  # line 1's, linked
        ("Priya", "Hooli", 1, 1),  # line 2's, added
    ]
