"""outreach.picker_labels: each person's label in the Outreach picker is its own, whatever
their position, company or name says (a picker keeps the first of two equal labels)."""

from __future__ import annotations

from datetime import date, datetime

from infoint import contacts, outreach
from infoint.outreach import Recipient


def on_record(conn, contact_id: int, added_on: date) -> None:
    conn.execute(
        "UPDATE contacts SET connected_on = NULL, created_at = ? WHERE id = ?",
        [datetime.combine(added_on, datetime.min.time()), contact_id],
    )


def test_a_position_written_like_a_label_detail_gets_a_label_of_its_own(conn):
    """Two Ann Lee, Engineers, are told apart by the day added; a third's position reads
    'Engineer, added 20 Nov 2026', which is the first one's whole label."""
    tricky = contacts.add_contact(conn, "Ann", "Lee", position="Engineer, added 20 Nov 2026")
    first = contacts.add_contact(conn, "Ann", "Lee", position="Engineer")
    second = contacts.add_contact(conn, "Ann", "Lee", position="Engineer")
    on_record(conn, tricky, date(2026, 11, 19))
    on_record(conn, first, date(2026, 11, 20))
    on_record(conn, second, date(2026, 11, 21))
    people = outreach.find_recipients(conn, "ann lee")
    plain = {p.id: p.label for p in people}
    assert plain[tricky] == plain[first] == "Ann Lee — Engineer, added 20 Nov 2026"  # the fault
    assert outreach.picker_labels(people) == {
        tricky: "Ann Lee — “Engineer, added 20 Nov 2026”",
        first: "Ann Lee — “Engineer”, added 20 Nov 2026",
        second: "Ann Lee — Engineer, added 21 Nov 2026",  # not alike: kept as it was
    }


def test_a_name_written_like_a_label_is_quoted(conn):
    odd = contacts.add_contact(conn, "Bo", "Berg — Acme")
    plain = contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    labels = outreach.picker_labels(outreach.find_recipients(conn, "bo berg"))
    assert labels == {plain: "Bo Berg — “Acme”", odd: "“Bo Berg — Acme”"}


def person(contact_id: int, name: str = "Cy Dunn", position: str = "", told: str = ""):
    return Recipient(contact_id, name, "Cy", "", position, "", "1st", "", told_apart=told)


def test_labels_still_alike_once_quoted_say_their_order():
    """Quotes typed into the text itself can make even the quoted labels alike: those then
    say their order, oldest (lowest id) first, and so on until no label is another's, even
    one whose name reads as such an order."""
    quoted = "Cy Dunn — ““Engineer”, added 20 Nov 2026”"
    people = [
        person(7, position="“Engineer”, added 20 Nov 2026"),
        person(9, position="Engineer", told="added 20 Nov 2026"),
        person(3, position="“Engineer”, added 20 Nov 2026"),  # the same as 7, quoted or not
        person(4, name=f"{quoted} · first of 2 alike"),  # as 3 will read
    ]
    labels = outreach.picker_labels(people)
    assert list(labels) == [7, 9, 3, 4]  # in the order given
    assert len(set(labels.values())) == len(labels)
    assert labels[9] == "Cy Dunn — Engineer, added 20 Nov 2026"  # alike to none: as it was
    assert labels[7] == f"{quoted} · second of 2 alike"
    assert labels[3] == f"{quoted} · first of 2 alike · first of 2 alike"
    assert labels[4] == f"{quoted} · first of 2 alike · second of 2 alike"


def test_labels_already_unique_are_as_they_were(conn):
    ids = [contacts.add_contact(conn, "Di", f"Ek{n}", company="Acme") for n in range(3)]
    people = outreach.find_recipients(conn, "di")
    assert outreach.picker_labels(people) == {i: f"Di Ek{n} — Acme" for n, i in enumerate(ids)}
