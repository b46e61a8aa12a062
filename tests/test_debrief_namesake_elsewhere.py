"""A debrief naming someone whose whole name a contact at another company has: "Priya Shah,
Initech" when the contacts hold a Priya Shah at Globex (she may have changed jobs).

The walkthrough: the debrief said nothing and added a second Priya Shah. Now it asks, never
merging unasked: by default a new contact is added as before; ticked, the one already there is
the person named, linked rather than added, with what changes on her said first."""

from datetime import UTC, datetime

import pytest

from infoint import contacts, meetings
from infoint.errors import InfointError


@pytest.fixture
def met(conn):
    """Katherine Johnson, met; Priyá Shah (an accent) at Globex, 2nd degree through Ben Ode."""
    katherine = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA")
    ben = contacts.add_contact(conn, "Ben", "Ode")
    priya = contacts.add_contact(
        conn, "Priyá", "Shah", company="Globex", position="Analyst", degree="2nd",
        mutual_contact_id=ben,
    )  # fmt: skip
    meeting = meetings.schedule_meeting(conn, katherine, datetime(2026, 3, 10, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert (katherine, ben, priya, meeting) == (1, 2, 3, 1)
    return conn


def people(conn) -> list[tuple]:
    return conn.execute(
        "SELECT c.first_name, c.last_name, co.name, c.referred_by, c.mutual_contact_id"
        " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id ORDER BY c.id"
    ).fetchall()


def save(conn, names: str, **chosen) -> meetings.DebriefResult:
    read = meetings.read_names(names)
    return meetings.record_debrief(
        conn, 1, "held", actual_minutes=20, referred=list(read.people), **chosen
    )


def test_the_namesake_elsewhere_is_asked_about_unticked_and_unticked_is_added_anew(met):
    """Typed without the accent, in lower case, as searches find her."""
    adding = meetings.new_contacts(met, 1, meetings.read_names("priya shah, Initech").people)
    assert adding.people == ("priya shah, Initech",)
    [priya] = adding.existing
    assert (priya.id, priya.line, priya.ticked) == (3, 1, False)
    assert priya.label == (
        "You already have a Priyá Shah, at Globex (Analyst). Tick if it is the same person, to "
        "link them rather than add a new one: they will be marked as introduced by Katherine "
        "Johnson; their mutual contact stays Ben Ode. Their company stays Globex until you "
        "change it."
    )
    assert adding.question == (
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. 1 person "
        "already in your contacts has the same name, at another company: tick if it is the "
        "same person, to link them rather than add a new one. Is each one a person to talk to?"
    )
    # as the boxes start, nothing is linked and someone new is added
    assert adding.chosen({priya: priya.ticked}) == ((), ())
    assert adding.adds({priya: False}) and not adding.adds({priya: True})
    assert adding.chosen({priya: True}) == ((), (3,))
    # saved so, unticked: a new contact is added and the one there left alone, as before
    result = save(met, "priya shah, Initech", same=adding.chosen({priya: False})[1])
    assert len(result.introductions.added) == 1
    assert people(met)[2:] == [
        ("Priyá", "Shah", "Globex", None, 2),  # untouched
        ("priya", "shah", "Initech", 1, 1),  # the new one, introduced by Katherine
    ]


def test_ticked_the_one_there_is_linked_and_no_one_is_added(met):
    result = save(met, "priya shah, Initech", same=(3,))
    assert result.introductions.added == ()
    assert result.introductions.sentences == [
        "Priyá Shah was already in your contacts: now marked as introduced by Katherine Johnson."
    ]
    assert people(met)[2:] == [("Priyá", "Shah", "Globex", 1, 2)]  # company and mutual stay
    # saved again, the same names add no one: she is the Priya Shah Katherine introduced
    again = save(met, "priya shah, Initech")
    assert again.introductions.added == ()
    assert again.introductions.sentences == ["Already introduced by Katherine Johnson: Priyá Shah."]
    assert meetings.new_contacts(met, 1, meetings.read_names("Priya Shah, Initech").people) == (
        meetings.NewContacts("Katherine Johnson", ())
    )
    assert len(people(met)) == 3


def test_only_a_whole_name_is_a_namesake(met):
    """A first name alone with a company ('Priya, Initech') is not asked about: too many share
    one. The whole name is."""
    first_only = meetings.new_contacts(met, 1, meetings.read_names("Priya, Initech").people)
    assert first_only.existing == ()
    whole = meetings.new_contacts(met, 1, meetings.read_names("Priya Shah, Initech").people)
    assert [k.id for k in whole.existing] == [3]


def test_two_namesakes_ticked_for_one_line_is_refused_and_nothing_saved(met):
    contacts.add_contact(met, "Priya", "Shah", company="Hooli")
    adding = meetings.new_contacts(met, 1, meetings.read_names("Priya Shah, Initech").people)
    assert [(k.id, k.line) for k in adding.existing] == [(3, 1), (4, 1)]
    assert "2 people already in your contacts have the same names" in adding.question
    before = people(met)
    with pytest.raises(InfointError) as refused:
        save(met, "Priya Shah, Initech", same=(3, 4))
    assert str(refused.value) == (
        "You ticked 2 contacts as the Priya Shah of line 1, and only one can be: tick one, or "
        "none, then save again."
    )
    assert people(met) == before
    assert meetings.get_meeting(met, 1).notes == ""


def test_a_namesake_introduced_by_someone_else_is_left_as_they_are(met):
    met.execute("UPDATE contacts SET referred_by = 2 WHERE id = 3")  # Ben introduced her
    [priya] = meetings.new_contacts(
        met, 1, meetings.read_names("Priya Shah, Initech").people
    ).existing
    assert priya.label.endswith(
        "to link them rather than add a new one: introduced by Ben Ode, they are left as they are."
    )
    result = save(met, "Priya Shah, Initech", same=(3,))
    assert result.introductions.sentences == [
        "Priyá Shah was already in your contacts, introduced by Ben Ode: left as it was."
    ]
    assert people(met)[2:] == [("Priyá", "Shah", "Globex", 2, 2)]
