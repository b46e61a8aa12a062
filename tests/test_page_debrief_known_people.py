"""A debrief naming someone already in your contacts: the confirmation names them and what
saving changes on them, and lets the user leave them as they are; someone known directly
(1st degree) is not given a mutual contact; and Referrals counts what the introduction
yielded, not outreach from before it.

The walkthrough: Katherine Johnson, met, suggested Alan Turing (a 1st-degree connection, written
to in 2023) and Mary Jackson (new). The confirmation named only Mary; Alan was then marked as
introduced quietly, with Katherine as his mutual contact beside "1st — you know them directly",
and Referrals said "You have written to 1 of them (50 %)" of the 2023 email."""

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, meetings, referrals
from infoint.text import plain_markdown
from tests.test_page_meetings import ROOT, run, submit

NAMES = "Alan Turing; Bletchley Labs; Cryptanalyst\nMary Jackson; NASA; Engineer"
ALAN_CHANGE = (
    "Alan Turing — Cryptanalyst at Bletchley Labs, already in your contacts (1st degree): will be "
    "marked as introduced by Katherine Johnson; you know them directly, so no mutual contact "
    "is set."
)


@pytest.fixture
def met_katherine(app_db):
    conn = db.connect(app_db)
    katherine = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA Langley")
    alan = contacts.add_contact(
        conn, "Alan", "Turing", company="Bletchley Labs", position="Cryptanalyst"
    )
    conn.execute("UPDATE contacts SET connected_on = DATE '2022-05-04' WHERE id = ?", [alan])
    interactions.log_interaction(conn, alan, "outreach", occurred_at=date(2023, 2, 1))
    interactions.log_interaction(
        conn, katherine, "outreach", occurred_at=date.today() - timedelta(9)
    )
    interactions.log_interaction(conn, katherine, "reply", occurred_at=date.today() - timedelta(8))
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, katherine, start)
    assert (katherine, alan, meeting) == (1, 2, 1)
    conn.close()
    return app_db


def debrief(names: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/5_meetings.py")
    run(at)
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    at.text_area(key="debrief_names_1").set_value(names)
    return submit(at, "Save the debrief")


def links(path) -> list[tuple]:
    conn = db.connect(path)
    try:
        return conn.execute(
            "SELECT first_name, degree, referred_by, mutual_contact_id FROM contacts ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_the_confirmation_names_who_is_already_there_and_what_changes_on_them(met_katherine):
    at = debrief(NAMES)
    [asked] = [w.value for w in at.warning if w.value.startswith("Saving adds")]
    assert asked == plain_markdown(
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. It also "
        "marks 1 person already in your contacts as introduced by Katherine Johnson: untick "
        "anyone you want to leave as they are. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    assert "- Mary Jackson — Engineer at NASA" in [m.value for m in at.markdown]
    [alan] = at.checkbox
    assert alan.label == plain_markdown(ALAN_CHANGE)
    assert alan.value is True
    assert links(met_katherine)[1] == ("Alan", "1st", None, None)  # nothing saved yet
    submit(at, "Yes, add them and save")
    said = at.success[0].value
    assert "1 new contact introduced by Katherine Johnson" in said
    assert (
        plain_markdown(
            "Alan Turing was already in your contacts: now marked as introduced by Katherine "
            "Johnson."
        )
        in said
    )
    # known directly: introduced by Katherine, and no mutual contact beside "1st"
    assert links(met_katherine) == [
        ("Katherine", "1st", None, None),
        ("Alan", "1st", 1, None),
        ("Mary", "2nd", 1, 1),
    ]


def test_unticked_someone_already_there_is_left_as_they_were(met_katherine):
    at = debrief(NAMES)
    at.checkbox[0].uncheck()
    run(at)
    submit(at, "Yes, add them and save")
    said = at.success[0].value
    assert (
        plain_markdown("Alan Turing was already in your contacts: left as it was, as you chose.")
        in said
    )
    assert "now marked" not in said
    assert links(met_katherine) == [
        ("Katherine", "1st", None, None),
        ("Alan", "1st", None, None),
        ("Mary", "2nd", 1, 1),
    ]


def test_naming_only_someone_already_there_asks_too(met_katherine):
    at = debrief("Alan Turing, Bletchley Labs")
    [asked] = [w.value for w in at.warning if "already in your contacts" in w.value]
    assert asked.startswith(plain_markdown("Saving marks 1 person already in your contacts"))
    assert links(met_katherine)[1] == ("Alan", "1st", None, None)
    submit(at, "Yes, save the debrief")
    assert links(met_katherine)[1] == ("Alan", "1st", 1, None)


def test_referrals_count_only_outreach_after_the_introduction(met_katherine):
    at = debrief(NAMES)  # asked, then yes: Alan, written to in 2023, marked as introduced
    submit(at, "Yes, add them and save")
    conn = db.connect(met_katherine)
    try:
        totals = referrals.referral_totals(conn)
        assert (totals.introduced, totals.contacted) == (2, 0)  # the 2023 email is not hers
        assert (
            "Of the 2 people they named, you have written to none since they were named."
            in totals.sentence
        )
        [katherine] = referrals.referral_yields(conn)
        assert (katherine.introduced, katherine.contacted) == (2, 0)
        interactions.log_interaction(conn, 2, "outreach", occurred_at=datetime.now(UTC))
        totals = referrals.referral_totals(conn)
        assert totals.contacted == 1
        assert "you have written to 1 (50 %)" in totals.sentence
        assert referrals.referral_yields(conn)[0].contacted == 1
    finally:
        conn.close()


def test_the_change_said_follows_the_degree_and_the_mutual_contact(conn):
    """A 2nd with a mutual contact keeps them; a cold contact gets the introducer as theirs."""
    kay = contacts.add_contact(conn, "Kay", "Moss")
    ben = contacts.add_contact(conn, "Ben", "Ode")
    contacts.add_contact(conn, "Ola", "Cho", degree="2nd", mutual_contact_id=ben)
    contacts.add_contact(conn, "Ivo", "Dee", degree="cold")
    meeting = meetings.schedule_meeting(conn, kay, datetime(2026, 3, 10, 9, tzinfo=UTC))
    read = meetings.read_names("Ola Cho\nIvo Dee")
    adding = meetings.new_contacts(conn, meeting, read.people)
    assert adding.people == ()
    assert [(k.said, k.change) for k in adding.existing] == [
        (
            "Ola Cho",
            "already in your contacts (2nd degree): will be marked as introduced by Kay Moss; "
            "their mutual contact stays Ben Ode.",
        ),
        (
            "Ivo Dee",
            "already in your contacts (cold): will be marked as introduced by Kay Moss, who "
            "becomes their mutual contact.",
        ),
    ]
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    result = meetings.record_debrief(
        conn, meeting, "held", actual_minutes=20, referred=list(read.people), leave=(3,)
    )
    assert result.introductions.sentences == [
        "Ivo Dee was already in your contacts: now marked as introduced by Kay Moss.",
        "Ola Cho was already in your contacts: left as it was, as you chose.",
    ]
    rows = conn.execute(
        "SELECT first_name, referred_by, mutual_contact_id FROM contacts WHERE id > 2 ORDER BY id"
    ).fetchall()
    assert rows == [("Ola", None, ben), ("Ivo", kay, kay)]
