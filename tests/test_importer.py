import hashlib
import subprocess
import sys
import threading
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoint import contacts, db, importer, profile, targets
from infoint.errors import InvalidInputError
from infoint.importer import ImportReport, JobChange, import_connections, import_file
from infoint.linkedin import Connections, SkippedRow

FIXTURES = Path(__file__).resolve().parent / "fixtures"

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
    rows = pa.Table.from_pandas(frame, preserve_index=False)
    digest = hashlib.sha256(repr(people).encode()).hexdigest()
    return Connections(rows=rows, skipped=list(skipped), file_name=name, sha256=digest)


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
    assert report.summary() == "Added 3 people; 1 row skipped."
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


def test_a_person_repeated_in_a_file_of_people_already_saved_is_counted_once(conn):
    import_connections(conn, export(ADA))
    report = import_connections(conn, export(ADA, {**ADA, "line": 9, "position": "Older"}))
    assert (report.added, report.updated, report.unchanged, report.skipped) == (0, 0, 1, 1)
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


def test_an_import_that_changes_something_is_backed_up_before_it_writes(conn, db_path):
    first = import_connections(conn, FIRST)
    assert first.backup is None  # no one saved yet: its undo deletes what it added
    assert import_connections(conn, FIRST).backup is None  # it changes nothing
    # A newer export lists everyone up to its day: Ada, the newest, is in it too.
    moved = export(ADA, {**CLEO, "company": "Initech"}, name="newer.csv")
    third = import_connections(conn, moved)
    assert third.updated == 1 and third.backup.is_file()
    assert db.list_backups(db_path) == [third.backup]
    copy = duckdb.connect(str(third.backup), read_only=True)
    try:  # the data just before the third import: Cleo still at Acme
        rows = copy.execute(
            "SELECT co.name FROM contacts c JOIN companies co ON co.id = c.company_id"
            " WHERE c.first_name = 'Cleo'"
        ).fetchall()
        assert rows == [("ACME Inc.",)]
    finally:
        copy.close()


def test_progress_is_reported_up_to_done(conn):
    seen = []
    report = import_connections(conn, FIRST, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert seen[-1][1] == report.summary()


@pytest.mark.parametrize(
    ("counts", "sentence"),
    [
        (
            (1, 3, 4210, 12),
            "Added 1 person and updated 3; 4,210 already up to date; 12 rows skipped.",
        ),
        ((120, 0, 0, 0), "Added 120 people."),
        ((0, 1, 3, 1), "Updated 1 person; 3 already up to date; 1 row skipped."),
        # A re-import that changed nothing says so first.
        ((0, 0, 4, 1), "Already up to date: all 4 people in it were here already; 1 row skipped."),
        ((0, 0, 1, 0), "Already up to date: the one person in it was here already."),
        ((0, 0, 2, 0), "Already up to date: both people in it were here already."),
        ((0, 0, 0, 1), "No one was imported: the one row was skipped."),
        ((0, 0, 0, 2), "No one was imported: both rows were skipped."),
        ((0, 0, 0, 3), "No one was imported: all 3 rows were skipped."),
    ],
)
def test_summary_reads_well(counts, sentence):
    added, updated, unchanged, skipped = counts
    report = ImportReport(1, "x", added, updated, unchanged, skipped)
    assert report.summary() == sentence


def test_fault_points_are_named():
    assert importer.FAULT_POINTS == ("after_parse", "mid_upsert", "before_commit", "after_commit")


# One person, one profile key. Migration 0005 dropped the UNIQUE index on contacts.profile_key
# (it cost the import its budget), so these prove the domain keeps the rule by itself.


def duplicate_keys(conn):
    return conn.execute(
        "SELECT list(profile_key) FROM (SELECT profile_key FROM contacts"
        " GROUP BY profile_key HAVING count(*) > 1)"
    ).fetchall()[0][0]


POOL = [
    ADA,
    {**ADA, "position": "Older title"},  # the same address: a repeat
    {**ADA, "profile_url": ""},
    {**ADA, "first_name": "ADA", "profile_url": ""},  # the same fallback key, other case
    BRAM,
    {**BRAM, "profile_url": URL + "BRAM-O"},
    {**BRAM, "profile_url": "", "company": "Elsewhere"},
    CLEO,
    {**CLEO, "profile_url": URL + "cleo-marsh"},
    person(9, "Sam", "Lee", "Fern", on="2023-03-03"),
    person(9, "Sam", "Lee", "Orchard", on="2023-03-03", url=URL + "sam-1"),
    person(9, "Sam", "Lee", "Fern", on="2023-03-03", url=URL + "sam-2"),
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=6).map(
                lambda picks: ("import", picks)
            ),
            st.integers(0, len(POOL) - 1).map(lambda pick: ("by hand", pick)),
            st.integers(0, len(POOL) - 1).map(lambda pick: ("new address", pick)),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_no_sequence_of_imports_and_edits_gives_two_people_one_profile_key(steps):
    conn = db.connect(":memory:")
    try:
        for kind, pick in steps:
            if kind == "import":
                rows = [{**POOL[index], "line": line} for line, index in enumerate(pick, 2)]
                # Files picked at random, not in the order LinkedIn made them: whether one
                # looks older is not the question here.
                first = import_connections(conn, export(*rows), anyway=True)
                again = import_connections(conn, export(*rows))
                keys = [
                    row["profile_url"] or (row["first_name"].lower(), row["last_name"].lower())
                    for row in rows
                ]
                for report in (first, again):  # each row counted once; a repeat is skipped
                    counted = report.added + report.updated + report.unchanged + report.skipped
                    assert counted == len(rows)
                    assert report.skipped >= len(keys) - len(set(keys))
                assert (again.added, again.updated) == (0, 0)
            elif kind == "by hand" and POOL[pick]["profile_url"]:
                with suppress(InvalidInputError):
                    contacts.add_contact(conn, "Hand", linkedin_url=POOL[pick]["profile_url"])
            elif kind == "new address":  # the user corrects someone's profile address
                with db.transaction(conn):
                    conn.execute(
                        "UPDATE contacts SET linkedin_url = ? WHERE id = (SELECT min(id)"
                        " FROM contacts) AND NOT EXISTS (SELECT 1 FROM contacts"
                        " WHERE linkedin_url = ?)",
                        [URL + f"moved-{pick}", URL + f"moved-{pick}"],
                    )
            assert duplicate_keys(conn) is None
    finally:
        conn.close()


def test_two_imports_at_once_add_each_person_once(conn, monkeypatch):
    arrived = threading.Barrier(2)
    add_contacts = importer._add_contacts

    def add_when_both_could(*args):
        # Without the lock both imports would reach this point and add everyone twice; with
        # it the second waits for the first to commit, so the barrier gives up.
        with suppress(threading.BrokenBarrierError):
            arrived.wait(timeout=1)
        add_contacts(*args)

    monkeypatch.setattr(importer, "_add_contacts", add_when_both_could)
    reports, errors = [], []

    def run():
        cursor = conn.cursor()
        try:
            reports.append(import_connections(cursor, FIRST))
        except BaseException as error:
            errors.append(error)
        finally:
            cursor.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(report.added for report in reports) == [0, 3]
    assert table_counts(conn)["contacts"] == 3
    assert duplicate_keys(conn) is None


def test_a_profile_address_already_held_cannot_be_added_by_hand(conn):
    import_connections(conn, FIRST)
    with pytest.raises(InvalidInputError, match="Ada Quill already has that LinkedIn profile"):
        contacts.add_contact(conn, "Someone", linkedin_url="linkedin.com/in/ADA-Q/")
    # Ada's address changed; her old one is still her key, so it is still hers.
    with db.transaction(conn):
        conn.execute("UPDATE contacts SET linkedin_url = ? WHERE first_name = 'Ada'", [URL + "a"])
    with pytest.raises(InvalidInputError, match="Ada Quill already has"):
        contacts.add_contact(conn, "Someone", linkedin_url=URL + "ada-q")
    assert table_counts(conn)["contacts"] == 3


def test_two_people_added_by_hand_at_once_with_one_address_make_one_contact(conn, monkeypatch):
    arrived = threading.Barrier(2)
    ensure_company = targets.ensure_company

    def ensure_when_both_could(*args, **kwargs):
        with suppress(threading.BrokenBarrierError):
            arrived.wait(timeout=1)
        return ensure_company(*args, **kwargs)

    monkeypatch.setattr(targets, "ensure_company", ensure_when_both_could)
    outcomes = []

    def add(name):
        cursor = conn.cursor()
        try:
            outcomes.append(contacts.add_contact(cursor, name, linkedin_url=URL + "new-person"))
        except InvalidInputError as error:
            outcomes.append(str(error))
        finally:
            cursor.close()

    threads = [threading.Thread(target=add, args=(name,)) for name in ("Ann", "Bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(outcome, int) for outcome in outcomes) == 1
    assert any("already has that LinkedIn profile" in str(outcome) for outcome in outcomes)
    assert duplicate_keys(conn) is None


def _contacts_at_migration_4(db_path) -> list[tuple]:
    """Two contacts (and a reply) in a database made before migration 0005; their rows."""
    old = duckdb.connect(str(db_path))
    db.apply_migrations(old, upto=4)
    old.execute(
        "INSERT INTO contacts (id, profile_key, linkedin_url, first_name, last_name, email,"
        " linkedin_email, company_id, position, connected_on, degree, mutual_contact_id,"
        " referred_by, source, notes, tags, created_at, updated_at) VALUES"
        " (4, 'https://www.linkedin.com/in/ana', 'https://www.linkedin.com/in/ana', 'Ana', 'Lee',"
        " 'ana@x.example', 'ana@work.example', 7, 'Chef', '2020-02-03', '2nd', 9, 8, 'linkedin',"
        " 'notes', 'tag', '2024-01-01 10:00', '2024-02-01 11:00'),"
        " (9, 'manual:1', NULL, 'Bo', '', '', '', NULL, '', NULL, 'cold', NULL, NULL, 'manual',"
        " '', '', '2024-03-01 09:00', '2024-03-01 09:00')"
    )
    old.execute(
        "INSERT INTO interactions (contact_id, kind, occurred_at) VALUES (4, 'reply', '2026-01-02')"
    )
    before = old.execute("SELECT * FROM contacts ORDER BY id").fetchall()
    with pytest.raises(duckdb.ConstraintException):
        old.execute("INSERT INTO contacts (profile_key) VALUES ('manual:1')")
    old.close()
    return before


def contact_constraints(conn) -> list[tuple]:
    return conn.execute(
        "SELECT constraint_type, constraint_column_names FROM duckdb_constraints()"
        " WHERE table_name = 'contacts' AND constraint_type <> 'NOT NULL'"
    ).fetchall()


def test_migration_0005_keeps_every_contact_and_drops_only_the_unique_index(db_path):
    before = _contacts_at_migration_4(db_path)
    upgraded = duckdb.connect(str(db_path))
    try:
        assert db.apply_migrations(upgraded, upto=5) == [5]
        assert upgraded.execute("SELECT * FROM contacts ORDER BY id").fetchall() == before
        assert upgraded.execute(
            "SELECT contact_id, stage FROM contact_stages ORDER BY contact_id"
        ).fetchall() == [(4, 2), (9, 0)]
        assert contact_constraints(upgraded) == [("PRIMARY KEY", ["id"])]
    finally:
        upgraded.close()


def test_migration_0011_keeps_every_contact_and_drops_the_id_index(db_path):
    before = _contacts_at_migration_4(db_path)
    upgraded = db.connect(db_path)  # today's code: every migration
    try:
        assert (
            upgraded.execute("SELECT * EXCLUDE (referred_at) FROM contacts ORDER BY id").fetchall()
            == before
        )
        assert upgraded.execute(
            "SELECT contact_id, stage FROM contact_stages ORDER BY contact_id"
        ).fetchall() == [(4, 2), (9, 0)]
        assert contact_constraints(upgraded) == []
        new_ids = [
            contacts.add_contact(upgraded, "Cy", linkedin_url=URL + "cy"),
            contacts.add_contact(upgraded, "Di"),
        ]
        ids = [row[0] for row in upgraded.execute("SELECT id FROM contacts").fetchall()]
        assert len(set(new_ids)) == 2 and not set(new_ids) & {4, 9}
        assert sorted(ids) == sorted({*ids})  # the sequence alone keeps ids unique
    finally:
        upgraded.close()


def test_company_spellings_met_are_remembered_with_the_key_the_macro_gives(conn):
    ann = {**ADA, "line": 9, "url": URL + "ann", "company": " Acme, Inc "}
    first = export(ADA, BRAM, CLEO, ann)
    import_connections(conn, first)
    memo = conn.execute(
        "SELECT spelling, match_key, company_key(spelling) FROM company_spellings ORDER BY 1"
    ).fetchall()
    assert [row[0] for row in memo] == [" Acme, Inc ", "ACME Inc.", "Acme", "Nimbus Labs"]
    assert all(key == macro for _, key, macro in memo)
    moved = export(ADA, {**CLEO, "company": "ACME Inc."}, {**BRAM, "company": "Nimbus Labs"})
    report = import_connections(conn, moved)  # every spelling known: keys from the memo
    assert report.updated == 1  # Bram moved to Nimbus; Cleo's "ACME Inc." is still Acme
    assert conn.execute("SELECT count(*) FROM company_spellings").fetchall() == [(4,)]


def test_an_import_leaves_arrow_s_query_engine_unloaded(tmp_path):
    """Arrow's `group_by` loads its query engine, file formats and cloud file systems: 11 MB
    that the server would keep for the rest of its life, for one grouping."""
    script = (
        "import sys\n"
        "from infoint import db, importer\n"
        f"conn = db.connect({str(tmp_path / 'infoint.duckdb')!r})\n"
        f"importer.import_file(conn, {str(FIXTURES / 'linkedin' / 'current.csv')!r})\n"
        "assert conn.execute('SELECT count(*) FROM companies').fetchall()[0][0] > 0\n"
        "print(sorted(m for m in ('pyarrow.acero', 'pyarrow.dataset') if m in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


# An export downloaded in Dec 2024 and one from Oct 2023, before Ada connected and while Bram
# was still a junior: the older one lists Bram's job of then.
NEWER = export(ADA, BRAM, CLEO, name="newer.csv")
BRAM_THEN = person(6, "Bram", "Okafor", "Volt", "Junior Designer", "2023-09-30", url=URL + "bram-o")
OLDER = export(BRAM_THEN, CLEO, name="older.csv")
OLDER_SENTENCE = (
    "This file looks older than one you imported before: its newest connection is 30 Sep 2023, "
    "but you have people connected up to 6 Nov 2024, so importing it would move 1 person back to "
    "the job and title it lists."
)


def test_an_older_export_that_would_move_people_back_writes_nothing_and_says_why(conn):
    import_connections(conn, NEWER)
    before, counts = checksum(conn), table_counts(conn)
    with pytest.raises(importer.OlderExportError) as refused:
        import_connections(conn, OLDER)
    assert str(refused.value) == OLDER_SENTENCE
    assert (refused.value.file_newest, refused.value.saved_newest) == (
        date(2023, 9, 30),
        date(2024, 11, 6),
    )
    assert refused.value.people == 1
    assert checksum(conn) == before
    assert table_counts(conn) == counts
    assert contact(conn, URL + "bram-o")[2:4] == ("ACME Inc.", "Designer")


def test_many_people_moved_back_are_counted_in_the_sentence(conn):
    import_connections(conn, NEWER)
    cleo_then = {**CLEO, "position": "Student Nurse"}
    with pytest.raises(importer.OlderExportError) as refused:
        import_connections(conn, export(BRAM_THEN, cleo_then))
    assert refused.value.people == 2
    assert str(refused.value).endswith("would move 2 people back to the jobs and titles it lists.")


def test_an_older_export_is_imported_anyway_when_asked(conn):
    import_connections(conn, NEWER)
    report = import_connections(conn, OLDER, anyway=True)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert contact(conn, URL + "bram-o")[2:4] == ("Volt", "Junior Designer")


def test_an_older_export_imported_anyway_offers_no_job_change_as_news(conn):
    """Its changes put people back in jobs they had: not listed to congratulate, nor counted
    as job changes, but each person's history still says what changed and when."""
    import_connections(conn, NEWER)
    report = import_connections(conn, OLDER, anyway=True)
    assert (report.changes, report.moved_back) == ([], 1)
    assert report.moved_back_sentence() == (
        "1 person is back at the job or title this older file lists: no news to congratulate "
        "anyone on, and each record notes the change."
    )
    assert report.as_dict()["moved_back"] == 1
    recorded = conn.execute(
        "SELECT field, old_value, new_value FROM contact_changes ORDER BY field"
    ).fetchall()
    assert recorded == [
        ("company (older file)", "ACME Inc.", "Volt"),
        ("title (older file)", "Designer", "Junior Designer"),
    ]
    # A newer file after it is news again: Bram's move to ACME Inc. is a job change.
    again = import_connections(conn, NEWER)
    assert [(c.field, c.old, c.new) for c in again.changes] == [
        ("company", "Volt", "ACME Inc."),
        ("position", "Junior Designer", "Designer"),
    ]
    assert again.moved_back == 0


def test_an_export_imported_anyway_that_is_not_older_lists_its_job_changes(conn):
    import_connections(conn, NEWER)
    ada_promoted = {**ADA, "position": "Lead Data Analyst"}
    report = import_connections(conn, export(ada_promoted, BRAM, CLEO), anyway=True)
    assert [(c.name, c.field) for c in report.changes] == [("Ada Quill", "position")]
    assert report.moved_back == 0


def test_an_older_export_that_moves_no_one_back_is_imported_without_asking(conn):
    # Adding people, or finding everyone as they are, is harmless whatever the file's age.
    import_connections(conn, NEWER)
    dora = person(8, "Dora", "Finch", "Kite", "Pilot", "2021-05-05", url=URL + "dora-f")
    report = import_connections(conn, export(BRAM, CLEO, dora))
    assert (report.added, report.updated, report.unchanged) == (1, 0, 2)


def test_a_newer_export_after_an_older_one_is_never_questioned(conn):
    import_connections(conn, OLDER)
    report = import_connections(conn, NEWER)
    assert (report.added, report.updated) == (1, 1)


def test_an_export_as_new_as_the_saved_data_is_not_older(conn):
    # Downloaded again the same week with no new connection: the same newest date.
    import_connections(conn, NEWER)
    ada_promoted = {**ADA, "position": "Lead Data Analyst"}
    report = import_connections(conn, export(ada_promoted, BRAM_THEN))
    assert report.updated == 2


@pytest.mark.parametrize("source", ["demo", "manual"])
def test_people_not_from_linkedin_never_make_a_file_look_older(conn, source):
    import_connections(conn, NEWER)
    conn.execute("UPDATE contacts SET source = ?", [source])
    report = import_connections(conn, OLDER)
    assert report.updated == 1


def test_an_older_export_into_an_empty_database_is_simply_imported(conn):
    report = import_connections(conn, OLDER)
    assert report.added == 2


def test_an_earlier_day_of_connecting_for_someone_it_moves_also_says_the_file_is_older(conn):
    # The same newest connection, but Bram dated as an earlier connection of yours: a file made
    # before you connected again (a newer export never dates a connection earlier).
    import_connections(conn, NEWER)
    before = checksum(conn)
    bram_before = {**BRAM_THEN, "connected_on": "2019-04-01"}
    with pytest.raises(importer.OlderExportError) as refused:
        import_connections(conn, export(ADA, bram_before, CLEO))
    assert str(refused.value) == (
        "This file looks older than one you imported before: it dates your connection with "
        "1 person earlier than that one did, so importing it would move 1 person back to the "
        "job and title it lists."
    )
    assert (refused.value.people, refused.value.earlier) == (1, 1)
    assert checksum(conn) == before


def test_a_later_day_of_connecting_is_a_connection_made_again_and_not_older(conn):
    import_connections(conn, NEWER)
    bram_again = {**BRAM_THEN, "connected_on": "2024-10-01"}
    report = import_connections(conn, export(ADA, bram_again, CLEO))
    assert report.updated == 1


# A day still ahead: the 1 Jan 2099 a tester typed into a Connections.csv was kept, and from
# then on every genuinely newer export was refused as older.
FUTURE_FILE = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Zed,Future,https://www.linkedin.com/in/zed-f,,Hooli,VP,01 Jan 2099\n"
    "Ada,Quill,https://www.linkedin.com/in/ada-q,,Nimbus Labs,Data Analyst,06 Nov 2024\n"
    "Bram,Okafor,https://www.linkedin.com/in/bram-o,,ACME Inc.,Designer,30 Sep 2023\n"
)


def test_a_connection_date_still_ahead_is_skipped_with_its_line_and_reason(conn):
    report = import_file(conn, FUTURE_FILE.encode(), filename="Connections.csv")
    assert (report.added, report.skipped) == (2, 1)
    assert report.skipped_rows == [SkippedRow(2, "Connected On date still ahead (1 Jan 2099)")]
    assert report.summary().endswith("1 row skipped.")
    assert conn.execute("SELECT count(*) FROM contacts WHERE last_name = 'Future'").fetchall() == [
        (0,)
    ]
    # A newer export (Bram has moved on) is then not refused as older than 1 Jan 2099.
    bram_now = person(
        3, "Bram", "Okafor", "Volt", "Lead Designer", "2024-12-01", url=URL + "bram-o"
    )
    newer = import_connections(conn, export(ADA, bram_now))
    assert newer.updated == 1
    assert contact(conn, URL + "bram-o")[2:4] == ("Volt", "Lead Designer")


def test_today_and_tomorrow_are_kept_and_the_day_after_skipped(conn):
    """LinkedIn dates a connection by its own clock, a day ahead of a user west of UTC in their
    evening: tomorrow is kept; the day after cannot have happened anywhere yet."""
    today = profile.now(conn).date()
    days = [today, today + timedelta(days=1), today + timedelta(days=2)]
    people = [
        person(2 + n, name, "Day", on=day.isoformat(), url=URL + name.lower())
        for n, (name, day) in enumerate(zip(["Tia", "Tom", "Dax"], days, strict=True))
    ]
    report = import_connections(conn, export(*people, skipped=[SkippedRow(9, "no name")]))
    assert report.added == 2
    ahead = f"Connected On date still ahead ({days[2].day} {days[2]:%b %Y})"
    assert report.skipped_rows == [SkippedRow(4, ahead), SkippedRow(9, "no name")]


def test_a_day_ahead_saved_before_does_not_make_a_newer_export_look_older(conn):
    """Databases that kept such a day before it was skipped: it is not the newest connection."""
    import_connections(conn, NEWER)
    conn.execute("UPDATE contacts SET connected_on = DATE '2099-01-01' WHERE first_name = 'Ada'")
    bram_now = {
        **BRAM,
        "company": "Volt",
        "position": "Lead Designer",
        "connected_on": "2024-12-01",
    }
    report = import_connections(conn, export(ADA, bram_now, CLEO))
    assert report.updated >= 1
    assert contact(conn, URL + "bram-o")[2:4] == ("Volt", "Lead Designer")
