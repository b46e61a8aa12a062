"""A person's record says where their name and job come from only what is true (a review).
The demo's people read as if from your LinkedIn export ('no date in your LinkedIn export', 'a
new import keeps them up to date'): they are made up. Someone added by hand whom an import
matched by their profile address read 'all of this is yours to correct', though the next
import sets their company and title again."""

import pytest

from infoint import contacts, db, importer
from infoint.errors import InfointError
from tests.test_contacts_edit_job import KEEP, edit_tab
from tests.test_page_contacts import contacts_page, run, shown

URL = "https://www.linkedin.com/in/ann-lee"
EXPORT = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    f"Ann,Lee,{URL},,Globex,Director,06 Nov 2024\n"
)


def add(app_db, *args, **person) -> int:
    conn = db.connect(app_db)
    try:
        return contacts.add_contact(conn, *args, **person)
    finally:
        conn.close()


def captions(at) -> list[str]:
    return [c.value for c in at.main.caption]


def test_a_demo_person_is_said_to_be_made_up(app_db):
    marit = add(app_db, "Marit", "Solberg", company="Acme", source="demo")
    said = shown(run(contacts_page(contact=str(marit))))
    assert "**Connected on:** no date (made-up demo data)" in said
    assert "LinkedIn export" not in said
    at = edit_tab(marit)
    assert f"edit_first_{marit}" not in [t.key for t in at.text_input]
    assert any(c.startswith("They are made-up demo data") for c in captions(at))
    assert not [c for c in captions(at) if "LinkedIn export" in c]


def test_a_demo_persons_job_is_refused_in_their_own_words(conn):
    marit = contacts.add_contact(conn, "Marit", "Solberg", company="Acme", source="demo")
    with pytest.raises(InfointError) as refused:
        contacts.update_contact(conn, marit, **KEEP, company="Other")
    assert str(refused.value) == (
        "They are made-up demo data: their name, company and position can't be changed here."
    )
    assert contacts.get_contact(conn, marit).company == "Acme"


def test_an_import_updates_the_job_of_someone_added_by_hand_with_their_profile(conn):
    """What the caption says, as it happens: the importer matches them and keeps 'manual'."""
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme", linkedin_url=URL)
    assert contacts.get_contact(conn, ann).job_kept_by_imports
    importer.import_file(conn, EXPORT.encode(), filename="Connections.csv")
    person = contacts.get_contact(conn, ann)
    assert (person.source, person.company, person.position) == ("manual", "Globex", "Director")
    assert person.typed_in and person.job_kept_by_imports
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    assert not contacts.get_contact(conn, bo).job_kept_by_imports


def test_edit_details_says_an_import_updates_a_hand_added_person_with_a_profile(app_db):
    ann = add(app_db, "Ann", "Lee", company="Acme", linkedin_url=URL)
    at = edit_tab(ann)
    assert f"edit_company_{ann}" in [t.key for t in at.text_input]
    assert (
        "You added them, so all of this is yours to correct. Their LinkedIn profile is on "
        "record, though: a new LinkedIn import that lists them sets their company and position "
        "to LinkedIn's."
    ) in captions(at)


def test_edit_details_leaves_a_hand_added_person_without_a_profile_to_you(app_db):
    bo = add(app_db, "Bo", "Berg", company="Acme")
    said = captions(edit_tab(bo))
    assert "You added them, so all of this is yours to correct." in said
    assert not [c for c in said if "import" in c]
