"""An import names the people it added under the name of someone the user added by hand.

Someone added by hand has no day of connecting, so an import cannot find them by the key of
name and date, and adds them again if the export lists them. The import does not merge (two
people may share a name); its report says who, and how to merge them on Contacts.
"""

from __future__ import annotations

import json

from infoint import contacts, importer
from infoint.importer import Namesake

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
GRACE = "Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023"


def export_csv(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode()


def imported(conn, *rows: str, name: str = "Connections.csv") -> importer.ImportReport:
    return importer.import_file(conn, export_csv(*rows), filename=name)


def contact_id(conn, first: str, source: str) -> int:
    return conn.execute(
        "SELECT id FROM contacts WHERE first_name = ? AND source = ?", [first, source]
    ).fetchall()[0][0]


def test_a_namesake_of_someone_added_by_hand_is_named_with_how_to_merge_and_not_merged(conn):
    yours = contacts.add_contact(conn, "Zoë", "Núñez", company="Acme Robotics")
    report = imported(
        conn,
        "zoe,NUNEZ,https://www.linkedin.com/in/zoe-n,,Acme Robotics,Engineer,06 Nov 2024",
        GRACE,
    )
    assert report.added == 2
    new = contact_id(conn, "zoe", "linkedin")
    assert report.namesakes == [Namesake(new, "zoe NUNEZ", "Acme Robotics", yours, "Zoë Núñez")]
    assert report.namesakes_sentence() == (
        "zoe NUNEZ (Acme Robotics) is new from this file and has the same name as Zoë Núñez, "
        "whom you added yourself. If it is one person twice, open the one you added on "
        "Contacts and, under Merge or delete, find the new one as the other record, then "
        "choose Merge into this record."
    )
    # The import merges no one: both records are there, as they were made.
    assert conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0] == 3
    assert contacts.get_contact(conn, yours).source == "manual"
    # The command line's --json says it too.
    said = json.loads(json.dumps(report.as_dict()))["namesakes"]
    assert said == [
        {
            "contact_id": new,
            "name": "zoe NUNEZ",
            "company": "Acme Robotics",
            "yours_id": yours,
            "yours_name": "Zoë Núñez",
        }
    ]


def test_the_names_are_compared_as_adding_a_person_compares_them(conn):
    # Split otherwise between first and last name, spaced otherwise: the same name.
    mary = contacts.add_contact(conn, "Mary  Ann", "Smith")
    # Squeezed, "Ann Asmith" reads as "Anna Smith" does; they are still two names.
    contacts.add_contact(conn, "Anna", "Smith")
    report = imported(
        conn,
        "Mary,Ann Smith,https://www.linkedin.com/in/mas,,,,06 Nov 2024",
        "Ann,Asmith,https://www.linkedin.com/in/aa,,,,06 Nov 2024",
        GRACE,
    )
    assert [(n.name, n.company, n.yours_id) for n in report.namesakes] == [
        ("Mary Ann Smith", "", mary)
    ]
    # Adding "Mary" "Ann Smith" by hand would ask about her too.
    assert mary in {s.id for s in contacts.find_same_name(conn, "Mary", "Ann Smith")}


def test_no_namesake_without_someone_added_by_hand_whom_the_import_cannot_find(conn):
    # A LinkedIn person's namesake is LinkedIn's business: two connections of one name.
    assert not imported(conn, GRACE).namesakes
    grace_again = "Grace,Hopper,https://www.linkedin.com/in/grace-2,,IBM,Engineer,02 Sep 2023"
    assert not imported(conn, grace_again, name="second.csv").namesakes
    # Someone added by hand with their profile address: the import finds them by it (and
    # dates them); a namesake with another address is someone else.
    ada = contacts.add_contact(
        conn, "Ada", "Lovelace", linkedin_url="https://www.linkedin.com/in/ada-l"
    )
    ada_row = "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Engines,Engineer,06 Nov 2024"
    other_ada = "Ada,Lovelace,https://www.linkedin.com/in/ada-2,,Looms,Weaver,07 Nov 2024"
    report = imported(conn, ada_row, other_ada, name="third.csv")
    assert (report.added, report.updated) == (1, 1)
    assert contacts.get_contact(conn, ada).connected_on is not None
    assert not report.namesakes
    # Someone introduced is typed in as well, and found as well.
    intro = contacts.add_contact(conn, "Cy", "Dunn", source="referral")
    report = imported(conn, "Cy,Dunn,https://www.linkedin.com/in/cy,,,,08 Nov 2024")
    assert [n.yours_id for n in report.namesakes] == [intro]


def test_each_import_names_only_the_people_it_added(conn):
    contacts.add_contact(conn, "Zoe", "Nunez")
    zoe = "Zoe,Nunez,https://www.linkedin.com/in/zoe-n,,Acme,Engineer,06 Nov 2024"
    assert len(imported(conn, zoe, GRACE).namesakes) == 1
    again = imported(conn, zoe, GRACE)  # the same file: no one new
    assert (again.added, again.unchanged, again.namesakes) == (0, 2, [])
    assert again.namesakes_sentence() == ""


def test_merged_as_the_sentence_says_a_later_import_finds_the_one_record(conn):
    yours = contacts.add_contact(conn, "Zoe", "Nunez", company="Acme")
    zoe = "Zoe,Nunez,https://www.linkedin.com/in/zoe-n,,Acme,Engineer,06 Nov 2024"
    [namesake] = imported(conn, zoe).namesakes
    contacts.merge_contacts(conn, namesake.yours_id, namesake.contact_id)
    report = imported(conn, zoe.replace("Engineer", "Lead Engineer"), name="later.csv")
    assert (report.added, report.updated, report.namesakes) == (0, 1, [])
    person = contacts.get_contact(conn, yours)
    assert (person.position, str(person.connected_on)) == ("Lead Engineer", "2024-11-06")


def test_many_namesakes_are_counted_and_the_first_named(conn):
    names = ["Ana Lee", "Bo Chen", "Cy Dunn", "Di Eve", "Ed Fox", "Flo Gray", "Gus Hill"]
    for name in names:
        contacts.add_contact(conn, *name.split())
    rows = [
        f"{name.split()[0]},{name.split()[1]},https://www.linkedin.com/in/p{i},,,,06 Nov 2024"
        for i, name in enumerate(reversed(names))
    ]
    report = imported(conn, *rows, GRACE)
    assert [n.name for n in report.namesakes] == names  # in the order of names
    assert report.namesakes_sentence().startswith(
        "7 people new from this file have the same name as someone you added yourself: "
        "Ana Lee, Bo Chen, Cy Dunn, Di Eve, Ed Fox and 2 more. If it is one person twice, "
    )


def test_a_row_without_a_date_matches_no_one_it_is_skipped_and_said(conn):
    """The walkthrough's second report: no import matches anyone by a row without a date. The
    reader skips it, the report says why, and the person's record is left as it was (so it
    reads, on Contacts, as someone no import has dated). A guard: true before this change too."""
    ada = contacts.add_contact(
        conn, "Ada", "Lovelace", linkedin_url="https://www.linkedin.com/in/ada-l"
    )
    report = imported(
        conn, "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Engines,Engineer,", GRACE
    )
    assert (report.added, report.updated) == (1, 0)
    assert [(row.line, row.reason) for row in report.skipped_rows] == [(2, "no Connected On date")]
    person = contacts.get_contact(conn, ada)
    assert (person.source, person.connected_on, person.position) == ("manual", None, "")
