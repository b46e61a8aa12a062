"""Reading the debrief's names box: who is a person, what stays a note, who would be new."""

from datetime import UTC, datetime

import pytest

from infoint import contacts, meetings
from infoint.errors import ConflictError, InvalidInputError
from infoint.referrals import ReferredPerson


@pytest.mark.parametrize(
    ("line", "person"),
    [
        (
            "John Newperson; Acme Rockets; CTO",
            ReferredPerson("John", "Newperson", "Acme Rockets", "CTO"),
        ),
        ("Flora Balogun", ReferredPerson("Flora", "Balogun")),
        ("Ana de la Cruz", ReferredPerson("Ana", "de la Cruz")),
        ("Lee-Ann O'Neil", ReferredPerson("Lee-Ann", "O'Neil")),
        ("ben ode, Beta Ltd", ReferredPerson("ben", "ode", "Beta Ltd")),  # the company says so
        ("Bo, Beta", ReferredPerson("Bo", "", "Beta")),
    ],
)
def test_a_line_that_reads_as_a_person_is_one(line, person):
    assert meetings.read_names(line) == meetings.NamesRead((person,), ())


@pytest.mark.parametrize(
    "line",
    [
        "just a first name",
        "Flora",
        "Ask HR about visas",
        "Talk To Someone In Sales Soon",
        "Call 3 people",
    ],
)
def test_a_line_that_does_not_read_as_a_person_is_kept_as_a_note(line):
    assert meetings.read_names(f"  {line}  ") == meetings.NamesRead((), (line,))


def test_lines_of_commas_are_nothing_and_people_keep_their_line_numbers():
    read = meetings.read_names(", , ,\njust a first name\n\nCy Dunn, Gamma\njust a first name")
    assert read == meetings.NamesRead(
        (ReferredPerson("Cy", "Dunn", "Gamma"),), ("just a first name",)
    )
    assert read.people[0].line == 4


def test_a_person_line_that_cannot_be_read_is_still_refused():
    with pytest.raises(InvalidInputError, match="Line 2 has more than three parts"):
        meetings.read_names("Cy Dunn\nBo; Beta; Lead; Extra")
    with pytest.raises(InvalidInputError, match="Line 1 has no name"):
        meetings.read_names(", Beta Labs")


def test_notes_keep_each_line_once():
    once = meetings.notes_with(" Warm. ", ("just a first name",))
    assert once == f"Warm.\n\n{meetings.ALSO_SAID}\njust a first name"
    assert meetings.notes_with(once, ("just a first name",)) == once
    assert meetings.notes_with("", ("a", "b")) == f"{meetings.ALSO_SAID}\na\nb"
    assert meetings.notes_with("Warm.", ()) == "Warm."


def test_new_contacts_names_who_would_be_added_and_adds_no_one(conn):
    tam = contacts.add_contact(conn, "Tam", "Adler", company="Zenith")
    contacts.add_contact(conn, "Flora", "Balogun")
    meeting = meetings.schedule_meeting(conn, tam, datetime(2026, 3, 10, 9, tzinfo=UTC))
    read = meetings.read_names("John Newperson; Acme Rockets; CTO\nFlora Balogun\nIvy Park")
    before = conn.execute("SELECT count(*) FROM contacts").fetchall()
    companies = conn.execute("SELECT count(*) FROM companies").fetchall()
    adding = meetings.new_contacts(conn, meeting, read.people)
    flora = meetings.KnownPerson(
        2,
        "Flora Balogun",
        "already in your contacts (1st degree): will be marked as introduced by Tam Adler; you "
        "know them directly, so no mutual contact is set.",
    )
    assert adding == meetings.NewContacts(
        "Tam Adler", ("John Newperson — CTO at Acme Rockets", "Ivy Park"), (flora,)
    )
    assert adding.question == (
        "Saving adds these 2 people to your contacts, as introduced by Tam Adler. It also marks "
        "1 person already in your contacts as introduced by Tam Adler: untick anyone you want "
        "to leave as they are. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    assert conn.execute("SELECT count(*) FROM contacts").fetchall() == before
    assert conn.execute("SELECT count(*) FROM companies").fetchall() == companies
    assert conn.execute(
        "SELECT referred_by FROM contacts WHERE first_name = 'Flora'"
    ).fetchall() == [(None,)]
    assert meetings.new_contacts(conn, meeting, ()).people == ()


def test_the_debrief_keeps_the_lines_naming_no_one_with_its_notes(conn):
    tam = contacts.add_contact(conn, "Tam", "Adler", company="Zenith")
    meeting = meetings.schedule_meeting(conn, tam, datetime(2026, 3, 10, 9, tzinfo=UTC))
    read = meetings.read_names("John Newperson, Acme Rockets\njust a first name")
    result = meetings.record_debrief(
        conn,
        meeting,
        "held",
        notes="Warm.",
        referred=list(read.people),
        not_people=read.not_people,
    )
    assert len(result.referred_ids) == 1
    assert meetings.get_meeting(conn, meeting).notes == (
        f"Warm.\n\n{meetings.ALSO_SAID}\njust a first name"
    )
    assert conn.execute("SELECT count(*) FROM contacts WHERE first_name = 'just'").fetchall() == [
        (0,)
    ]


def test_new_contacts_meeting_another_open_write_says_so_in_one_sentence(conn):
    """The preview writes, then rolls back: a write to the same person open elsewhere is the
    app's conflict sentence, not a DuckDB exception, and leaves both sides as they were."""
    tam = contacts.add_contact(conn, "Tam", "Adler", company="Zenith")
    flora = contacts.add_contact(conn, "Flora", "Balogun")
    meeting = meetings.schedule_meeting(conn, tam, datetime(2026, 3, 10, 9, tzinfo=UTC))
    other = conn.cursor()
    other.execute("BEGIN TRANSACTION")
    other.execute(  # an edit of Flora's notes, saving, as update_contact writes it
        "UPDATE contacts SET notes = 'theirs', updated_at = current_localtimestamp() WHERE id = ?",
        [flora],
    )
    mine = conn.cursor()
    read = meetings.read_names("Flora Balogun\nIvy Park")
    with pytest.raises(ConflictError) as refused:
        meetings.new_contacts(mine, meeting, read.people)
    assert str(refused.value).count(".") == 1 and "try again" in str(refused.value)
    other.execute("COMMIT")
    assert mine.execute("SELECT count(*) FROM contacts").fetchall() == [(2,)]
    assert contacts.get_contact(mine, flora).referred_by is None
    assert contacts.get_contact(mine, flora).notes == "theirs"
    # Asked again, as the sentence says, the preview works and still adds no one.
    adding = meetings.new_contacts(mine, meeting, read.people)
    assert adding.people == ("Ivy Park",)
    assert mine.execute("SELECT count(*) FROM contacts").fetchall() == [(2,)]
