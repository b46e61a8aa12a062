"""The network search's order over everyone who matches, the pickers' count, meeting places."""

from datetime import UTC, date, datetime

import pytest

from infoint import contacts, interactions, meetings
from infoint.contacts import ContactSearch
from infoint.errors import InvalidInputError


@pytest.fixture
def people(conn):
    """Seven people (orders hand-checked below): Cara was met, Ann and Bob contacted, Eve
    has no company, Dan no connection date, and the two Sam Roes share a name and a day."""
    conn.execute(
        "INSERT INTO companies (id, name, match_key) VALUES"
        " (1, 'acme', 'acme'), (2, 'Globex', 'globex'), (3, 'Initech', 'initech')"
    )
    rows = {
        "ann": ("Ann", "Lee", 1, date(2024, 1, 10)),
        "bob": ("Bob", "Stone", 1, date(2025, 3, 1)),
        "cara": ("Cara", "Diaz", 2, date(2025, 6, 1)),
        "dan": ("Dan", "Wu", 3, None),
        "eve": ("Eve", "Moss", None, date(2023, 5, 5)),
        "sam1": ("Sam", "Roe", 3, date(2024, 8, 8)),
        "sam2": ("Sam", "Roe", 3, date(2024, 8, 8)),
    }
    ids = {}
    for key, (first, last, company, connected) in rows.items():
        ids[key] = conn.execute(
            "INSERT INTO contacts (profile_key, first_name, last_name, company_id, connected_on)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            [key, first, last, company, connected],
        ).fetchall()[0][0]
    interactions.log_interaction(conn, ids["ann"], "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ids["bob"], "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ids["cara"], "outreach", occurred_at=date(2026, 3, 2))
    held = meetings.schedule_meeting(conn, ids["cara"], datetime(2026, 3, 10, 9, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=25)
    return ids


def pages_of_three(conn, order):
    """Each page's contact ids, read page after page as the Contacts page would, and the total."""
    found, page = [], 1
    while True:
        frame, total = contacts.search_contacts(conn, ContactSearch(), page, 3, order)
        if frame.empty:
            return found, total
        found.append(list(frame.index))
        page += 1


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # the name as it reads, first name first
        ("name", [["ann", "bob", "cara"], ["dan", "eve", "sam1"], ["sam2"]]),
        # lower-case 'acme' still comes before 'Globex'; no company comes last
        ("company", [["ann", "bob", "cara"], ["dan", "sam1", "sam2"], ["eve"]]),
        ("newest", [["cara", "bob", "sam1"], ["sam2", "ann", "eve"], ["dan"]]),
        # the oldest of everyone on page 1, not the oldest of a page; no date comes last
        ("oldest", [["eve", "ann", "sam1"], ["sam2", "bob", "cara"], ["dan"]]),
        # Met, then the two Contacted by name, then the rest by name
        ("stage", [["cara", "ann", "bob"], ["dan", "eve", "sam1"], ["sam2"]]),
    ],
)
def test_everyone_is_sorted_before_the_page_is_cut(conn, people, order, expected):
    found, total = pages_of_three(conn, order)
    by_id = {cid: key for key, cid in people.items()}
    assert [[by_id[cid] for cid in page] for page in found] == expected
    assert total == 7


def test_equal_people_keep_their_order_from_page_to_page(conn, people):
    """The two Sam Roes tie on name and day: the id decides, so neither shows twice."""
    search = ContactSearch(name="sam")
    for order in contacts.SORTS:
        first, _ = contacts.search_contacts(conn, search, 1, 1, order)
        second, _ = contacts.search_contacts(conn, search, 2, 1, order)
        assert [*first.index, *second.index] == [people["sam1"], people["sam2"]]


def test_sorting_keeps_the_filters(conn, people):
    frame, total = contacts.search_contacts(conn, ContactSearch(company="acme"), 1, 50, "newest")
    assert (list(frame.index), total) == ([people["bob"], people["ann"]], 2)
    frame, total = contacts.search_contacts(conn, ContactSearch(stages=(0,)), 1, 2, "stage")
    assert (list(frame.index), total) == ([people["dan"], people["eve"]], 4)


def test_an_unknown_order_is_refused(conn, people):
    with pytest.raises(InvalidInputError, match="not an order"):
        contacts.search_contacts(conn, ContactSearch(), 1, 50, "age")


def test_pickers_can_tell_how_many_they_left_out(conn, people):
    assert contacts.find_contacts_by_name(conn, "a", limit=2) == [
        (people["ann"], "Ann Lee — acme"),
        (people["cara"], "Cara Diaz — Globex"),
    ]  # by name as it reads, as the search's Name (A–Z)
    # Cara, Ann, Sam twice and Dan have an "a" in their name; Bob and Eve do not
    assert contacts.count_contacts_by_name(conn, "a") == 5
    assert contacts.count_contacts_by_name(conn, "A", exclude=people["cara"]) == 4
    assert contacts.count_contacts_by_name(conn, "sam roe") == 2
    assert contacts.count_contacts_by_name(conn, "zed") == 0
    assert contacts.count_contacts_by_name(conn, "  ") == 0


@pytest.mark.parametrize(
    ("place", "words"),
    [
        ("Phone", "by phone"),
        (" phone  call ", "by phone"),
        ("Video call", "on a video call"),
        ("Zoom", "on a video call"),
        ("https://meet.example.com/abc-defg", "on a video call"),
        ("In person", "in person"),
        ("Café Blue", "at Café Blue"),
        ("Phone box on Main Street", "at Phone box on Main Street"),
        ("", ""),
    ],
)
def test_a_meeting_place_reads_as_words(place, words):
    assert contacts.place_words(place) == words


def test_a_video_link_can_be_kept_with_its_words():
    link = "https://meet.example.com/abc-defg"
    assert contacts.place_words(link, keep_link=True) == f"on a video call: {link}"
    assert contacts.place_words("Phone", keep_link=True) == "by phone"


def test_the_timeline_says_how_you_met(conn, people):
    cara = people["cara"]
    conn.execute("UPDATE meetings SET place = 'Phone', actual_minutes = 31")
    meetings.schedule_meeting(
        conn, cara, datetime(2026, 4, 1, 9, tzinfo=UTC), place="Video call", promised_minutes=30
    )
    called_off = meetings.schedule_meeting(
        conn, cara, datetime(2026, 3, 20, 9, tzinfo=UTC), place="Café Blue"
    )
    meetings.set_outcome(conn, called_off, "cancelled")
    said = [e.text for e in contacts.timeline(conn, cara) if e.meeting_id is not None]
    assert said == [
        "Meeting planned for 30 minutes on a video call",
        "Meeting at Café Blue cancelled",
        "You met for 31 minutes (20 promised) by phone",
    ]


def test_name_pickers_order_people_by_their_names_as_they_read_folded(conn):
    """'Introduced by' and 'Mutual contact' list matches as Contacts' Name (A–Z) orders them:
    'émile' among the E's whatever its case or accent, first names first."""
    for first, last in (("Zoë", "Abel"), ("émile", "Zola"), ("Emma", "Young"), ("Ben", "Ames")):
        contacts.add_contact(conn, first, last)
    found = [name for _, name in contacts.find_contacts_by_name(conn, "e")]
    assert found == ["Ben Ames", "émile Zola", "Emma Young", "Zoë Abel"]
