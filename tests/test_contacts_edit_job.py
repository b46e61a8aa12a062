"""Someone added by hand (or from a debrief line) can have their name, company and position
corrected on Edit details: a typo in them could only be fixed by deleting the person, and
their history with them (a walkthrough). People from a LinkedIn export keep LinkedIn's."""

import pytest

from infoint import contacts, db, targets
from infoint.errors import InfointError
from tests.test_page_contacts import contacts_page, run

KEEP = {
    "email": "",
    "degree": "1st",
    "mutual_contact_id": None,
    "referred_by": None,
    "notes": "",
    "tags": "",
}


def changes(conn, contact_id: int) -> list[tuple]:
    return conn.execute(
        "SELECT field, old_value, new_value, batch_id FROM contact_changes"
        " WHERE contact_id = ? ORDER BY id",
        [contact_id],
    ).fetchall()


def test_a_typo_in_a_hand_added_name_and_job_is_corrected(conn):
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Acme Corp")
    acme = contacts.get_contact(conn, bo).company_id
    ann = contacts.add_contact(conn, "Ann", "Lea", company="Acne", position="Analist")
    contacts.update_contact(
        conn,
        ann,
        **KEEP,
        first_name=" Ann ",
        last_name="Lee",
        company="acme corp",  # found by its match key, not added again
        position="Analyst",
    )
    person = contacts.get_contact(conn, ann)
    assert (person.name, person.company_id, person.company, person.position) == (
        "Ann Lee",
        acme,
        "Acme Corp",
        "Analyst",
    )
    # each change of company or title recorded, as an import records one
    assert changes(conn, ann) == [
        ("company", "Acne", "Acme Corp", None),
        ("position", "Analist", "Analyst", None),
    ]
    # the timeline says you corrected them: a fixed typo is no job move
    said = [e.text for e in contacts.timeline(conn, ann)]
    assert "You changed their company from Acne to Acme Corp" in said
    assert "You changed their title from 'Analist' to 'Analyst'" in said
    assert not [text for text in said if text.startswith("Moved")]
    # saved again as it is: nothing more recorded
    contacts.update_contact(
        conn,
        ann,
        **KEEP,
        first_name="Ann",
        last_name="Lee",
        company="Acme Corp",
        position="Analyst",
    )
    assert len(changes(conn, ann)) == 2


def test_the_timeline_tells_your_correction_from_a_job_change_an_import_found(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acne", position="Lead")
    batch = conn.execute(
        "INSERT INTO import_batches (file_name, sha256) VALUES ('Connections.csv', 'x')"
        " RETURNING id"
    ).fetchall()[0][0]
    conn.execute(
        "INSERT INTO contact_changes (contact_id, field, old_value, new_value, batch_id,"
        " changed_at) VALUES (?, 'company', 'Initech', 'Acne', ?, '2026-01-05 10:00'),"
        " (?, 'position', 'Analyst', 'Lead', ?, '2026-01-05 10:00')",
        [ann, batch, ann, batch],
    )
    contacts.update_contact(
        conn, ann, **KEEP, first_name="Ann", last_name="Lee", company="Acme", position=""
    )
    said = {e.text for e in contacts.timeline(conn, ann)}
    assert said >= {
        "Moved from Initech to Acne",  # the import's
        "Title changed from 'Analyst' to 'Lead'",
        "You changed their company from Acne to Acme",  # yours, on Edit details
        "You removed their title, 'Lead'",
    }


def test_a_name_only_corrected_records_no_job_change(conn):
    bo = contacts.add_contact(conn, "Bo", "Bergg", company="Acme", source="manual")
    contacts.update_contact(conn, bo, **KEEP, last_name="Berg")
    assert contacts.get_contact(conn, bo).name == "Bo Berg"
    assert contacts.get_contact(conn, bo).company == "Acme"
    assert changes(conn, bo) == []


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ({"first_name": " ", "last_name": ""}, "Give the person a first or last name."),
        (
            {"last_name": "L" * (targets.NAME_LIMIT + 1)},
            f"A name can be at most {targets.NAME_LIMIT} characters; this one has "
            f"{targets.NAME_LIMIT + 5:,}.",
        ),
        (
            {"company": "C" * (targets.NAME_LIMIT + 1)},
            f"A name can be at most {targets.NAME_LIMIT} characters; this one has "
            f"{targets.NAME_LIMIT + 1:,}.",
        ),
    ],
)
def test_bad_input_is_refused_in_one_sentence_and_nothing_changes(conn, typed, sentence):
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme", position="Analyst")
    before = contacts.get_contact(conn, ann)
    companies = conn.execute("SELECT count(*) FROM companies").fetchall()
    with pytest.raises(InfointError) as refused:
        contacts.update_contact(conn, ann, **{**KEEP, "notes": "Met at the fair."}, **typed)
    assert str(refused.value) == sentence
    assert contacts.get_contact(conn, ann) == before
    assert conn.execute("SELECT count(*) FROM companies").fetchall() == companies
    assert changes(conn, ann) == []


@pytest.mark.parametrize(
    ("source", "said"),
    [("linkedin", "come from your LinkedIn export"), ("demo", "They are made-up demo data")],
)
def test_the_name_and_job_of_someone_from_an_export_stay_linkedins(conn, source, said):
    cy = contacts.add_contact(conn, "Cy", "Doe", company="Acme", position="Engineer", source=source)
    with pytest.raises(InfointError, match=said):
        contacts.update_contact(conn, cy, **KEEP, company="Other")
    assert contacts.get_contact(conn, cy).company == "Acme"
    # as they are, the rest of the details save
    contacts.update_contact(
        conn,
        cy,
        **{**KEEP, "notes": "Kind."},
        first_name="Cy",
        last_name="Doe",
        company="Acme",
        position="Engineer",
    )
    assert contacts.get_contact(conn, cy).notes == "Kind."


def edit_tab(contact_id: int):
    at = contacts_page(contact=str(contact_id))
    at.session_state["contact_tab"] = "Edit details"
    return run(at)


def test_edit_details_corrects_a_hand_added_name(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lea", company="Acne")
    conn.close()
    at = edit_tab(ann)
    assert at.text_input(key=f"edit_last_{ann}").value == "Lea"
    at.text_input(key=f"edit_last_{ann}").input("Lee")
    at.text_input(key=f"edit_company_{ann}").input("Acme")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert [s.value for s in at.success] == ["Saved."]
    assert at.title[0].value == "Ann Lee"
    conn = db.connect(app_db)
    try:
        person = contacts.get_contact(conn, ann)
    finally:
        conn.close()
    assert (person.name, person.company) == ("Ann Lee", "Acme")


def test_edit_details_refuses_an_empty_name_in_one_sentence(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    conn.close()
    at = edit_tab(ann)
    at.text_input(key=f"edit_first_{ann}").input("")
    at.text_input(key=f"edit_last_{ann}").input(" ")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert [e.value for e in at.error] == ["Give the person a first or last name."]
    assert not at.success
    conn = db.connect(app_db)
    try:
        assert contacts.get_contact(conn, ann).name == "Ann Lee"
    finally:
        conn.close()


def test_edit_details_says_where_linkedin_fields_come_from(app_db):
    conn = db.connect(app_db)
    cy = contacts.add_contact(conn, "Cy", "Doe", company="Acme", source="linkedin")
    conn.close()
    at = edit_tab(cy)
    assert f"edit_first_{cy}" not in [t.key for t in at.text_input]
    assert any(
        c.value.startswith("Their name, company and position come from your LinkedIn export")
        for c in at.caption
    )
