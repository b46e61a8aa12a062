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
    assert adding.people == ("priya shah at Initech",)
    [priya] = adding.existing
    assert (priya.id, priya.line, priya.ticked) == (3, 1, False)
    assert priya.label == (
        "You already have a Priyá Shah, at Globex (Analyst). Tick if it is the same person, to "
        "link them rather than add a new one: they will be marked as introduced by Katherine "
        "Johnson; their mutual contact stays Ben Ode. Their company stays Globex until you "
        "change it."
    )
    assert adding.question == (
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. You "
        "already have someone by that name, at another company: if it is the same person, "
        "tick the box below, and no one new is added for them. Is this someone to talk to?"
        " If so, choose Yes; if not, choose No and take their line out."
    )
    assert adding.asked({priya: False}) == adding.question
    # ticked, the question says no one is added, and names no one to add
    assert adding.asked({priya: True}) == (
        "You ticked 1 person already in your contacts as the same person as one named, so no "
        "new one is added for them. Is this someone to talk to?"
        " If so, choose Yes; if not, choose No and take their line out."
    )
    assert adding.to_add({priya: True}) == ()
    assert adding.to_add({priya: False}) == ("priya shah at Initech",)
    # as the boxes start, nothing is linked and someone new is added
    assert adding.chosen({priya: priya.ticked}) == ((), ())
    assert adding.adds({priya: False}) and not adding.adds({priya: True})
    assert adding.chosen({priya: True}) == ((), ((1, 3),))  # for her line only
    # saved so, unticked: a new contact is added and the one there left alone, as before
    result = save(met, "priya shah, Initech", same=adding.chosen({priya: False})[1])
    assert len(result.introductions.added) == 1
    assert people(met)[2:] == [
        ("Priyá", "Shah", "Globex", None, 2),  # untouched
        ("priya", "shah", "Initech", 1, 1),  # the new one, introduced by Katherine
    ]


def test_ticked_the_one_there_is_linked_and_no_one_is_added(met):
    result = save(met, "priya shah, Initech", same=((1, 3),))
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
    assert "2 people in your contacts have the same names" in adding.question
    assert adding.asked(dict.fromkeys(adding.existing, True)) == (
        "You ticked 2 people for line 1 (Priya Shah at Initech), and only one can be that person: "
        "untick all but one. Is this someone to talk to?"
        " If so, choose Yes; if not, choose No and take their line out."
    )
    before = people(met)
    with pytest.raises(InfointError) as refused:
        save(met, "Priya Shah, Initech", same=((1, 3), (1, 4)))
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
    # ticking links no one here: it only keeps a new one from being added, and says so
    assert priya.label == (
        "You already have a Priyá Shah, at Globex (Analyst), introduced by Ben Ode. Tick if it "
        "is the same person, so that no new one is added: they stay as they are."
    )
    assert "link" not in priya.label
    result = save(met, "Priya Shah, Initech", same=((1, 3),))
    assert result.introductions.sentences == [
        "Priyá Shah was already in your contacts, introduced by Ben Ode: left as it was."
    ]
    assert people(met)[2:] == [("Priyá", "Shah", "Globex", 2, 2)]


# The review of that change: a namesake elsewhere that this introducer ever introduced was
# taken for the person named, meant only for a second save of the same debrief. So another
# line's new contact, or one introduced at another meeting, swallowed the person typed, and a
# tick for one line stood for every line.


@pytest.fixture
def katherine(conn):
    """Katherine Johnson, met on 10 March; no Priya Shah in the contacts."""
    katherine = contacts.add_contact(conn, "Katherine", "Johnson", company="NASA")
    meeting = meetings.schedule_meeting(conn, katherine, datetime(2026, 3, 10, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert (katherine, meeting) == (1, 1)
    return conn


def test_two_lines_of_one_name_at_two_companies_add_two_people(katherine):
    """Line 1 adds the Priya Shah at Initech; line 2's, at Hooli, is someone else, not her."""
    names = "Priya Shah, Initech\nPriya Shah, Hooli"
    adding = meetings.new_contacts(katherine, 1, meetings.read_names(names).people)
    assert adding.people == ("Priya Shah at Initech", "Priya Shah at Hooli")
    assert adding.existing == ()  # the one line 1 adds is not asked about on line 2
    result = save(katherine, names)
    assert len(result.introductions.added) == 2
    assert result.introductions.sentences == [
        "2 new contacts introduced by Katherine Johnson: write to them from the Outreach page."
    ]
    assert people(katherine)[1:] == [
        ("Priya", "Shah", "Initech", 1, 1),
        ("Priya", "Shah", "Hooli", 1, 1),
    ]
    # saved again, no copy of either
    again = save(katherine, names)
    assert again.introductions.added == ()
    assert len(people(katherine)) == 3


def april(conn) -> int:
    """Katherine named Priya Shah at Hooli in March, and is met again on 10 April."""
    save(conn, "Priya Shah, Hooli")
    meeting = meetings.schedule_meeting(conn, 1, datetime(2026, 4, 10, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    return meeting


def save_at(conn, meeting: int, names: str, **chosen) -> meetings.DebriefResult:
    read = meetings.read_names(names)
    return meetings.record_debrief(
        conn, meeting, "held", actual_minutes=20, referred=list(read.people), **chosen
    )


def test_one_introduced_at_another_meeting_is_asked_about_not_taken(katherine):
    """In April, Katherine names Priya Shah at Initech: nothing was added and nothing asked.
    Now she is added, and the one at Hooli asked about."""
    meeting = april(katherine)
    adding = meetings.new_contacts(
        katherine, meeting, meetings.read_names("Priya Shah, Initech").people
    )
    assert adding.people == ("Priya Shah at Initech",)
    [hooli] = adding.existing
    assert (hooli.id, hooli.line, hooli.ticked) == (2, 1, False)
    assert hooli.label == (
        "You already have a Priya Shah, at Hooli, introduced by Katherine Johnson. Tick if it "
        "is the same person, so that no new one is added: they stay as they are."
    )
    # unticked, as the box starts: a new Priya Shah at Initech
    result = save_at(katherine, meeting, "Priya Shah, Initech")
    assert len(result.introductions.added) == 1
    assert people(katherine)[1:] == [
        ("Priya", "Shah", "Hooli", 1, 1),
        ("Priya", "Shah", "Initech", 1, 1),
    ]
    # and the April debrief saved again adds no copy
    assert save_at(katherine, meeting, "Priya Shah, Initech").introductions.added == ()
    assert len(people(katherine)) == 3


def test_one_introduced_at_another_meeting_ticked_is_the_one_named(katherine):
    meeting = april(katherine)
    result = save_at(katherine, meeting, "Priya Shah, Initech", same=((1, 2),))
    assert result.introductions.added == ()
    assert result.introductions.sentences == [
        "Already introduced by Katherine Johnson: Priya Shah."
    ]
    assert people(katherine)[1:] == [("Priya", "Shah", "Hooli", 1, 1)]


def test_a_tick_stands_for_its_own_line_only(met):
    """Priya Shah at Globex is a namesake of both lines; ticked for line 1, line 2's Priya
    Shah at Hooli is still added."""
    names = "Priya Shah, Initech\nPriya Shah, Hooli"
    adding = meetings.new_contacts(met, 1, meetings.read_names(names).people)
    assert adding.people == ("Priya Shah at Initech", "Priya Shah at Hooli")
    first, second = adding.existing
    assert [(k.id, k.line) for k in adding.existing] == [(3, 1), (3, 2)]
    assert first.key != second.key
    # two boxes for one contact: each names the line it is for
    assert first.label == (
        "You already have a Priyá Shah, at Globex (Analyst). Tick if it is the same person on "
        "line 1 (Priya Shah at Initech), to link them rather than add a new one: they will be "
        "marked as introduced by Katherine Johnson; their mutual contact stays Ben Ode. Their "
        "company stays Globex until you change it."
    )
    assert "the same person on line 2 (Priya Shah at Hooli), to link them" in second.label
    assert adding.question == (
        "Saving adds these 2 people to your contacts, as introduced by Katherine Johnson. "
        "Someone in your contacts, at another company, has the name of 2 people named: if "
        "they are one of them, tick that box below, and no one new is added for them. Are these "
        "people to "
        "talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    ticked = {first: True, second: False}
    assert adding.chosen(ticked) == ((), ((1, 3),))
    assert adding.to_add(ticked) == ("Priya Shah at Hooli",)
    assert adding.asked(ticked) == (
        "Saving adds this person to your contacts, as introduced by Katherine Johnson. You "
        "ticked 1 person already in your contacts as the same person as one named, so no new "
        "one is added for them. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    result = save(met, names, same=adding.chosen(ticked)[1])
    assert len(result.introductions.added) == 1
    assert people(met)[2:] == [
        ("Priyá", "Shah", "Globex", 1, 2),  # linked for line 1
        ("Priya", "Shah", "Hooli", 1, 1),  # line 2, added
    ]
    # saved again: no copy, and nothing asked
    assert save(met, names).introductions.added == ()
    assert meetings.new_contacts(met, 1, meetings.read_names(names).people) == (
        meetings.NewContacts("Katherine Johnson", ())
    )
    assert len(people(met)) == 4


def test_one_contact_ticked_for_two_lines_is_refused_and_nothing_saved(met):
    names = "Priya Shah, Initech\nPriya Shah, Hooli"
    adding = meetings.new_contacts(met, 1, meetings.read_names(names).people)
    # the question says so as soon as both are ticked, before saving
    assert adding.asked(dict.fromkeys(adding.existing, True)) == (
        "You ticked Priyá Shah (Analyst at Globex) for more than one line, and they can be only "
        "one of those people: untick all but one. Are these people to talk to?"
        " If so, choose Yes; if anyone is not, choose No and take their line out."
    )
    before = people(met)
    with pytest.raises(InfointError) as refused:
        save(met, "Priya Shah, Initech\nPriya Shah, Hooli", same=((1, 3), (2, 3)))
    assert str(refused.value) == (
        "You ticked the same Priyá Shah for line 1 and line 2, which name different people: "
        "tick them for one line only, then save again."
    )
    assert people(met) == before
    assert meetings.get_meeting(met, 1).notes == ""


def test_a_line_typed_twice_with_its_namesake_ticked_adds_no_one(met):
    """The second line names the same person as the first: the one ticked for it."""
    names = "Priya Shah, Initech\npriya shah, initech"
    adding = meetings.new_contacts(met, 1, meetings.read_names(names).people)
    [priya] = adding.existing  # line 2 is line 1's person, so only line 1 asks
    assert adding.to_add({priya: True}) == ()
    result = save(met, names, same=adding.chosen({priya: True})[1])
    assert result.introductions.added == ()
    assert people(met)[2:] == [("Priyá", "Shah", "Globex", 1, 2)]


def test_a_line_added_above_one_saved_before_is_added(katherine):
    """Saved with Priya Shah at Hooli, then again with Priya Shah at Initech above her: the
    Hooli one is line 2's person, not line 1's."""
    save(katherine, "Priya Shah, Hooli")
    result = save(katherine, "Priya Shah, Initech\nPriya Shah, Hooli")
    assert len(result.introductions.added) == 1
    assert people(katherine)[1:] == [
        ("Priya", "Shah", "Hooli", 1, 1),
        ("Priya", "Shah", "Initech", 1, 1),
    ]
