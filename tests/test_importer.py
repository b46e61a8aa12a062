import hashlib
from datetime import date

import pandas as pd
import pytest

from infoint import db, importer
from infoint.importer import ImportReport, JobChange, import_connections, import_file
from infoint.linkedin import Connections, SkippedRow

URL = "https://www.linkedin.com/in/"
COLUMNS = [
    "line",
    "first_name",
    "last_name",
    "profile_url",
    "email",
    "company",
    "position",
    "connected_on",
]


def person(line, first, last, company="", position="", on="2024-01-15", *, url="", email=""):
    return {
        "line": line,
        "first_name": first,
        "last_name": last,
        "profile_url": url,
        "email": email,
        "company": company,
        "position": position,
        "connected_on": on,
    }


def export(*people, skipped=(), name="Connections.csv"):
    frame = pd.DataFrame(list(people), columns=COLUMNS).astype({"line": "int64"})
    digest = hashlib.sha256(repr(people).encode()).hexdigest()
    return Connections(frame=frame, skipped=list(skipped), file_name=name, sha256=digest)


ADA = person(5, "Ada", "Quill", "Nimbus Labs", "Data Analyst", "2024-11-06", url=URL + "ada-q")
BRAM = person(6, "Bram", "Okafor", "ACME Inc.", "Designer", "2023-09-30", url=URL + "bram-o")
CLEO = person(7, "Cleo", "Marsh", "Acme", "Nurse", "2020-01-01", url=URL + "cleo-m")
FIRST = export(ADA, BRAM, CLEO, skipped=[SkippedRow(8, "no name")])


def table_counts(conn):
    tables = ["contacts", "companies", "contact_changes", "import_batches", "interactions"]
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}


def checksum(conn):
    """Every column the importer could touch, hashed, so 'unchanged' means unchanged."""
    return conn.execute(
        """
        SELECT
          (SELECT md5(coalesce(string_agg(concat_ws('|', id, profile_key, linkedin_url,
                first_name, last_name, email, linkedin_email, company_id, position, connected_on,
                degree, mutual_contact_id, referred_by, source, notes, tags, updated_at), ';'
                ORDER BY id), '')) FROM contacts),
          (SELECT md5(coalesce(string_agg(concat_ws('|', id, name, match_key, industry, status,
                source), ';' ORDER BY id), '')) FROM companies),
          (SELECT md5(coalesce(string_agg(concat_ws('|', id, contact_id, field, old_value,
                new_value, batch_id), ';' ORDER BY id), '')) FROM contact_changes)
        """
    ).fetchall()[0]


def contact(conn, url):
    rows = conn.execute(
        "SELECT c.first_name, c.last_name, co.name, c.position, c.connected_on, c.source,"
        " c.degree, c.email, c.linkedin_email, c.profile_key"
        " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id"
        " WHERE c.linkedin_url = ?",
        [url],
    ).fetchall()
    assert len(rows) == 1
    return rows[0]


def test_first_import_adds_people_and_companies_by_match_key(conn):
    report = import_connections(conn, FIRST)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (3, 0, 0, 1)
    assert report.skipped_rows == [SkippedRow(8, "no name")]
    assert report.summary() == "Added 3 people, updated 0, 0 unchanged, skipped 1."
    assert contact(conn, URL + "ada-q") == (
        "Ada",
        "Quill",
        "Nimbus Labs",
        "Data Analyst",
        date(2024, 11, 6),
        "linkedin",
        "1st",
        "",
        "",
        URL + "ada-q",
    )
    # "ACME Inc." (seen first) and "Acme" are one company, spelt as first seen.
    companies = conn.execute("SELECT name, status, source FROM companies ORDER BY name").fetchall()
    assert companies == [
        ("ACME Inc.", "network", "linkedin"),
        ("Nimbus Labs", "network", "linkedin"),
    ]
    assert contact(conn, URL + "cleo-m")[2] == "ACME Inc."


def test_reimport_of_the_same_file_changes_nothing(conn):
    import_connections(conn, FIRST)
    before = checksum(conn)
    report = import_connections(conn, FIRST)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (0, 0, 3, 1)
    assert report.changes == []
    assert checksum(conn) == before
    batches = conn.execute(
        "SELECT file_name, sha256, added, updated, unchanged, skipped FROM import_batches"
        " ORDER BY id"
    ).fetchall()
    assert batches == [
        ("Connections.csv", FIRST.sha256, 3, 0, 0, 1),
        ("Connections.csv", FIRST.sha256, 0, 0, 3, 1),
    ]
    assert report.batch_id == conn.execute("SELECT max(id) FROM import_batches").fetchall()[0][0]


def test_a_newer_export_updates_jobs_and_records_each_change(conn):
    first = import_connections(conn, FIRST)
    newer = export(
        {**ADA, "company": "Orbit Works", "position": "Data Scientist"},
        {**BRAM, "company": "Acme, Inc", "position": "Lead Designer"},  # same company
        {**CLEO, "company": "", "position": ""},  # left her job
        name="Connections (1).csv",
    )
    report = import_connections(conn, newer)
    assert (report.added, report.updated, report.unchanged) == (0, 3, 0)
    ids = dict(conn.execute("SELECT first_name, id FROM contacts").fetchall())
    assert report.changes == [
        JobChange(ids["Ada"], "Ada Quill", "company", "Nimbus Labs", "Orbit Works"),
        JobChange(ids["Ada"], "Ada Quill", "position", "Data Analyst", "Data Scientist"),
        JobChange(ids["Bram"], "Bram Okafor", "position", "Designer", "Lead Designer"),
        JobChange(ids["Cleo"], "Cleo Marsh", "company", "ACME Inc.", ""),
        JobChange(ids["Cleo"], "Cleo Marsh", "position", "Nurse", ""),
    ]
    assert report.changes[0].describe() == "Ada Quill: company Nimbus Labs → Orbit Works"
    stored = conn.execute(
        "SELECT contact_id, field, old_value, new_value, batch_id FROM contact_changes"
        " ORDER BY contact_id, field"
    ).fetchall()
    assert len(stored) == 5 and {row[4] for row in stored} == {report.batch_id}
    assert report.batch_id != first.batch_id
    assert contact(conn, URL + "ada-q")[2:4] == ("Orbit Works", "Data Scientist")
    assert contact(conn, URL + "cleo-m")[2:4] == (None, "")
    # Orbit Works is new and only in the network; nothing was renamed.
    assert conn.execute("SELECT count(*) FROM companies").fetchall()[0][0] == 3


def test_fields_the_user_owns_survive_a_reimport(conn):
    import_connections(conn, FIRST)
    ids = dict(conn.execute("SELECT first_name, id FROM contacts").fetchall())
    with db.transaction(conn):
        conn.execute(
            "UPDATE contacts SET email = 'ada@home.example', notes = 'met at a meetup',"
            " tags = 'data', degree = '2nd', mutual_contact_id = ?, referred_by = ?,"
            " first_name = 'Adaline' WHERE id = ?",
            [ids["Bram"], ids["Cleo"], ids["Ada"]],
        )
        conn.execute("UPDATE companies SET industry = 'Health', status = 'target'")
        conn.execute(
            "INSERT INTO interactions (contact_id, kind, occurred_at) VALUES (?, 'outreach', ?)",
            [ids["Ada"], date(2026, 1, 5)],
        )
    newer = export({**ADA, "email": "ada@work.example", "position": "Data Scientist"}, BRAM, CLEO)
    report = import_connections(conn, newer)
    assert report.updated == 1
    row = conn.execute(
        "SELECT first_name, email, linkedin_email, notes, tags, degree, mutual_contact_id,"
        " referred_by, position FROM contacts WHERE id = ?",
        [ids["Ada"]],
    ).fetchall()[0]
    assert row == (
        "Adaline",
        "ada@home.example",
        "ada@work.example",
        "met at a meetup",
        "data",
        "2nd",
        ids["Bram"],
        ids["Cleo"],
        "Data Scientist",
    )
    assert conn.execute("SELECT DISTINCT industry, status FROM companies").fetchall() == [
        ("Health", "target")
    ]
    assert table_counts(conn)["interactions"] == 1
    # An export without the email keeps the one LinkedIn gave before.
    import_connections(conn, FIRST)
    assert contact(conn, URL + "ada-q")[8] == "ada@work.example"


def test_a_url_row_adopts_the_url_less_contact_from_an_older_export(conn):
    old = export(
        {**ADA, "profile_url": ""},
        {**BRAM, "profile_url": ""},
        person(9, "Ada", "Quill", "Elsewhere", "Chef", "2019-05-05"),  # same name, other day
    )
    assert import_connections(conn, old).added == 3
    report = import_connections(conn, export(ADA, BRAM))
    assert (report.added, report.updated, report.unchanged) == (0, 2, 0)
    assert contact(conn, URL + "ada-q")[9] == "nourl:ada|quill|2024-11-06"  # key never changes
    assert (
        conn.execute(
            "SELECT count(*) FROM contacts WHERE first_name = 'Ada' AND linkedin_url IS NULL"
        ).fetchall()[0][0]
        == 1
    )
    # Importing the old file again matches the adopted people by their key: no duplicates.
    again = import_connections(conn, old)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert table_counts(conn)["contacts"] == 3


def test_people_are_never_merged_by_name_alone(conn):
    twins = export(
        person(2, "Sam", "Lee", "Fern", "Chef", "2021-02-02"),
        person(3, "Sam", "Lee", "Orchard", "Chef", "2022-02-02"),
        person(4, "Sam", "Lee", "Fern", "Chef", "2023-03-03", url=URL + "sam-1"),
        person(5, "Sam", "Lee", "Fern", "Chef", "2023-03-03", url=URL + "sam-2"),
    )
    assert import_connections(conn, twins).added == 4
    assert table_counts(conn)["contacts"] == 4


def test_only_one_of_two_same_day_namesakes_adopts_the_url_less_contact(conn):
    import_connections(conn, export(person(2, "Sam", "Lee", "Fern", on="2023-03-03")))
    report = import_connections(
        conn,
        export(
            person(2, "Sam", "Lee", "Fern", on="2023-03-03", url=URL + "sam-1"),
            person(3, "Sam", "Lee", "Orchard", on="2023-03-03", url=URL + "sam-2"),
        ),
    )
    assert (report.added, report.updated) == (1, 1)
    keys = conn.execute("SELECT profile_key, linkedin_url FROM contacts ORDER BY id").fetchall()
    assert keys == [("nourl:sam|lee|2023-03-03", URL + "sam-1"), (URL + "sam-2", URL + "sam-2")]


def test_a_person_repeated_in_one_file_is_imported_once(conn):
    report = import_connections(conn, export(ADA, {**ADA, "line": 9, "position": "Older"}))
    assert (report.added, report.skipped) == (1, 1)
    assert report.skipped_rows == [SkippedRow(9, "the same person as line 5, which was kept")]
    assert contact(conn, URL + "ada-q")[3] == "Data Analyst"


def test_two_rows_that_find_the_same_saved_contact_update_it_once(conn):
    import_connections(conn, export(ADA))
    # The user corrected Ada's profile address; her old one is still her key.
    with db.transaction(conn):
        conn.execute("UPDATE contacts SET linkedin_url = ?", [URL + "ada-quill"])
    report = import_connections(
        conn,
        export(
            {**ADA, "line": 2, "profile_url": URL + "ada-quill", "position": "Lead"},
            {**ADA, "line": 3, "position": "Older title"},
        ),
    )
    assert (report.added, report.updated, report.skipped) == (0, 1, 1)
    assert report.skipped_rows == [
        SkippedRow(3, "matches the same saved contact as line 2, which was kept")
    ]
    assert contact(conn, URL + "ada-quill")[3] == "Lead"
    assert table_counts(conn)["contacts"] == 1


def test_duplicate_rows_of_a_real_file_count_once(conn):
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ada,Quill,https://www.linkedin.com/in/ada-q,,Nimbus,Analyst,06 Nov 2024\n"
        b"Ada,Quill,https://linkedin.com/in/ADA-Q/,,Nimbus,Analyst,06 Nov 2024\n"
        b",,,,,,01 Nov 2024\n"
    )
    report = import_file(conn, data, filename="Connections.csv")
    assert (report.added, report.skipped) == (1, 2)
    assert [row.line for row in report.skipped_rows] == [3, 4]
    assert import_file(conn, data, filename="Connections.csv").added == 0


def test_a_failure_mid_import_leaves_the_database_exactly_as_it_was(conn, monkeypatch):
    import_connections(conn, FIRST)
    before_counts, before_sum = table_counts(conn), checksum(conn)
    newer = export(
        {**ADA, "company": "Orbit Works"},
        person(10, "Dev", "Rao", "Brand New Co", "Chef", url=URL + "dev-r"),
    )

    def fail(*args):
        raise RuntimeError("disk full")

    # The last step: companies, changes and updates were already written when it fails.
    monkeypatch.setattr(importer, "_add_contacts", fail)
    with pytest.raises(RuntimeError):
        import_connections(conn, newer)
    assert table_counts(conn) == before_counts
    assert checksum(conn) == before_sum
    monkeypatch.undo()
    # The connection is usable again, and the same import then works.
    assert import_connections(conn, newer).added == 1


def test_a_database_with_contacts_is_backed_up_before_each_import(conn, db_path):
    first = import_connections(conn, FIRST)
    assert first.backup is None  # nothing to lose yet
    second = import_connections(conn, FIRST)
    assert second.backup is not None and second.backup.is_file()
    assert db.list_backups(db_path) == [second.backup]


def test_progress_is_reported_up_to_done(conn):
    seen = []
    report = import_connections(conn, FIRST, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert seen[-1][1] == report.summary()


def test_summary_reads_well():
    report = ImportReport(batch_id=1, file_name="x", added=1, updated=3, unchanged=4210, skipped=12)
    assert report.summary() == "Added 1 person, updated 3, 4,210 unchanged, skipped 12."


def test_fault_points_are_named():
    assert importer.FAULT_POINTS == ("after_parse", "mid_upsert", "before_commit", "after_commit")
