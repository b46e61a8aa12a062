"""What the user decided stays decided: merges and deletes survive re-imports, backups are
kept apart and whole, an import that changed nothing takes no backup and offers no undo."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from infoint import (
    cli,
    contacts,
    db,
    demo,
    followups,
    importer,
    interactions,
    meetings,
    settings,
    targets,
)
from infoint.errors import InvalidInputError, NotFoundError

URL = "https://www.linkedin.com/in/"
ROOT = Path(__file__).resolve().parent.parent
HEAD = "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def csv(*rows: str) -> bytes:
    return (HEAD + "\n".join(rows)).encode()


def scalar(conn, sql, params=()):
    return conn.execute(sql, list(params)).fetchall()[0][0]


def contact_id(conn, first_name):
    return scalar(conn, "SELECT id FROM contacts WHERE first_name = ?", [first_name])


def company_id(conn, name):
    return scalar(conn, "SELECT id FROM companies WHERE name = ?", [name])


def names(conn):
    return [r[0] for r in conn.execute("SELECT name FROM companies ORDER BY name").fetchall()]


# --- 1. A merged company stays merged ------------------------------------------------------

ACME_FILE = csv(
    f"Ana,Lee,{URL}ana-lee,,Acme Europe,Engineer,01 Jan 2024",
    f"Bob,Ray,{URL}bob-ray,,Acme,Designer,02 Jan 2024",
)


def test_a_merged_company_is_not_brought_back_by_the_same_import(conn):
    importer.import_file(conn, ACME_FILE, filename="Connections.csv")
    targets.merge_companies(conn, company_id(conn, "Acme"), company_id(conn, "Acme Europe"))
    changes_before = scalar(conn, "SELECT count(*) FROM contact_changes")

    again = importer.import_file(conn, ACME_FILE, filename="Connections.csv")

    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert again.changes == []
    assert names(conn) == ["Acme"]
    assert scalar(conn, "SELECT count(*) FROM contact_changes") == changes_before
    ana = contacts.get_contact(conn, contact_id(conn, "Ana"))
    assert ana.company == "Acme"


def test_a_merged_companys_own_aliases_follow_it(conn):
    importer.import_file(
        conn, csv(f"Cy,Day,{URL}cy-day,,Acme EU,Analyst,03 Jan 2024"), filename="a.csv"
    )
    importer.import_file(conn, ACME_FILE, filename="b.csv")
    targets.merge_companies(conn, company_id(conn, "Acme Europe"), company_id(conn, "Acme EU"))
    targets.merge_companies(conn, company_id(conn, "Acme"), company_id(conn, "Acme Europe"))
    assert names(conn) == ["Acme"]

    both = csv(
        f"Cy,Day,{URL}cy-day,,Acme EU,Analyst,03 Jan 2024",
        f"Ana,Lee,{URL}ana-lee,,Acme Europe,Engineer,01 Jan 2024",
        f"Bob,Ray,{URL}bob-ray,,Acme,Designer,02 Jan 2024",
    )
    again = importer.import_file(conn, both, filename="c.csv")
    assert (again.added, again.updated) == (0, 0)
    assert names(conn) == ["Acme"]


def test_every_way_of_naming_a_company_finds_the_one_it_was_merged_into(conn):
    importer.import_file(conn, ACME_FILE, filename="Connections.csv")
    acme = company_id(conn, "Acme")
    targets.merge_companies(conn, acme, company_id(conn, "Acme Europe"))

    dee = contacts.add_contact(conn, "Dee", company="ACME Europe Ltd")
    assert contacts.get_contact(conn, dee).company_id == acme
    added = targets.add_company(conn, "Acme Europe", industry="Health", motivation=2)
    assert added == acme
    listed = targets.import_target_list(
        conn,
        targets.read_target_list(conn, b"name,postings\nAcme Europe,3\n", "list.csv"),
        update=True,  # Acme is on the list already: let the file change it
    )
    assert (listed.added, listed.already_here, len(listed.changed)) == (0, 1, 1)
    assert names(conn) == ["Acme"]
    assert scalar(conn, "SELECT postings FROM companies WHERE id = ?", [acme]) == 3


# --- 2. A merged person stays merged ------------------------------------------------------


def test_merging_into_an_address_less_record_keeps_the_address(conn):
    # Two rows the importer cannot tell are one person: one without an address, one with.
    two_anas = csv(
        "Ana,Lee,,,Acme,Engineer,01 Jan 2024",
        f"Ana,Lee,{URL}ana-lee,,Acme,Engineer,05 Mar 2024",
    )
    importer.import_file(conn, two_anas, filename="Connections.csv")
    kept, dropped = (
        scalar(conn, "SELECT id FROM contacts WHERE linkedin_url IS NULL"),
        scalar(conn, "SELECT id FROM contacts WHERE linkedin_url IS NOT NULL"),
    )
    contacts.merge_contacts(conn, kept, dropped)
    assert contacts.get_contact(conn, kept).linkedin_url == URL + "ana-lee"

    again = importer.import_file(conn, two_anas, filename="Connections.csv")
    assert again.added == 0
    assert scalar(conn, "SELECT count(*) FROM contacts") == 1


def test_a_second_profile_address_of_a_merged_person_still_finds_them(conn):
    # The same person under an old and a new LinkedIn address.
    file = csv(
        f"Ana,Lee,{URL}ana-lee,,Acme,Engineer,01 Jan 2024",
        f"Ana,Lee,{URL}ana-lee-123,,Acme,Engineer,01 Jan 2024",
    )
    importer.import_file(conn, file, filename="Connections.csv")
    new, old = (
        scalar(conn, "SELECT id FROM contacts WHERE linkedin_url = ?", [URL + "ana-lee-123"]),
        scalar(conn, "SELECT id FROM contacts WHERE linkedin_url = ?", [URL + "ana-lee"]),
    )
    contacts.merge_contacts(conn, new, old)

    again = importer.import_file(conn, file, filename="Connections.csv")
    assert again.added == 0
    assert scalar(conn, "SELECT count(*) FROM contacts") == 1
    with pytest.raises(InvalidInputError, match="already has that LinkedIn profile"):
        contacts.add_contact(conn, "Ana", linkedin_url=URL + "ana-lee")


# --- 3. A deleted person stays deleted ----------------------------------------------------

PEOPLE = csv(
    f"Ana,Lee,{URL}ana-lee,,Acme,Engineer,01 Jan 2024",
    "Bob,Ray,,,Beta,Designer,02 Jan 2024",
    f"Cy,Day,{URL}cy-day,,Gamma,Analyst,03 Jan 2024",
)


def test_a_deleted_person_is_not_imported_again_and_the_report_says_why(conn):
    importer.import_file(conn, PEOPLE, filename="Connections.csv")
    contacts.delete_contact(conn, contact_id(conn, "Ana"))
    contacts.delete_contact(conn, contact_id(conn, "Bob"))  # one without a profile address

    again = importer.import_file(conn, PEOPLE, filename="Connections.csv")

    assert (again.added, again.updated, again.unchanged, again.skipped) == (0, 0, 1, 2)
    today = date.today()
    assert [(row.line, row.reason) for row in again.skipped_rows] == [
        (4, f"you deleted this person on {today.day} {today:%b %Y}"),
        (5, f"you deleted this person on {today.day} {today:%b %Y}"),
    ]
    assert [r[0] for r in conn.execute("SELECT first_name FROM contacts").fetchall()] == ["Cy"]


def test_what_is_kept_of_a_deleted_person_is_a_one_way_hash(conn):
    importer.import_file(conn, PEOPLE, filename="Connections.csv")
    contacts.delete_contact(conn, contact_id(conn, "Ana"))
    kept = conn.execute("SELECT * FROM forgotten_people").fetchall()
    assert kept
    text = " ".join(str(value) for row in kept for value in row).lower()
    assert "ana" not in text and "lee" not in text and "linkedin" not in text
    digest = hashlib.sha256((URL + "ana-lee").encode()).hexdigest()
    assert digest in {row[0] for row in kept}


def test_a_deleted_person_with_an_address_now_is_still_skipped(conn):
    importer.import_file(conn, csv("Bob,Ray,,,Beta,Designer,02 Jan 2024"), filename="a.csv")
    contacts.delete_contact(conn, contact_id(conn, "Bob"))
    later = importer.import_file(
        conn, csv(f"Bob,Ray,{URL}bob-ray,,Beta,Designer,02 Jan 2024"), filename="b.csv"
    )
    assert (later.added, later.skipped) == (0, 1)


def test_adding_a_deleted_person_by_hand_brings_them_back_for_good(conn):
    importer.import_file(conn, PEOPLE, filename="Connections.csv")
    contacts.delete_contact(conn, contact_id(conn, "Ana"))
    contacts.add_contact(conn, "Ana", "Lee", linkedin_url=URL + "ana-lee")
    again = importer.import_file(conn, PEOPLE, filename="Connections.csv")
    assert (again.added, again.skipped) == (0, 0)
    assert scalar(conn, "SELECT count(*) FROM contacts WHERE first_name = 'Ana'") == 1


def test_deleting_demo_people_leaves_no_trace(conn):
    demo.load_demo(conn)
    contacts.delete_contact(conn, scalar(conn, "SELECT min(id) FROM contacts"))
    assert scalar(conn, "SELECT count(*) FROM forgotten_people") == 0


# --- 4. Backups: their own, kept apart, taken when they matter ------------------------------


def test_backups_of_another_database_in_the_same_folder_are_left_alone(tmp_path):
    main, work = (
        db.connect(tmp_path / "infoint.duckdb"),
        db.connect(tmp_path / "infoint-work.duckdb"),
    )
    try:
        theirs = db.backup(work)
        ours = [db.backup(main) for _ in range(db.BACKUPS_KEPT + 1)]
        assert db.list_backups(tmp_path / "infoint.duckdb") == ours[::-1][: db.BACKUPS_KEPT]
        assert theirs.is_file()
        assert db.list_backups(tmp_path / "infoint-work.duckdb") == [theirs]
    finally:
        main.close()
        work.close()


def test_a_manual_backup_survives_any_number_of_imports(conn, db_path):
    contacts.add_contact(conn, "Mine")
    mine = db.backup(conn)
    for n in range(db.BACKUPS_KEPT + 2):
        importer.import_file(
            conn, csv(f"P{n},Person,{URL}p-{n},,Acme,Role,01 Jan 2024"), filename=f"{n}.csv"
        )
    kept = db.list_backups(db_path)
    assert mine in kept
    assert len(kept) == db.BACKUPS_KEPT + 1


def test_an_import_that_changes_nothing_takes_no_backup_and_keeps_the_undo_before_it(conn, db_path):
    first = importer.import_file(conn, PEOPLE, filename="Connections.csv")
    assert first.backup is None and settings.undo_offer(conn) is not None  # undone by deleting
    again = importer.import_file(conn, PEOPLE, filename="Connections.csv")
    assert again.backup is None
    assert db.list_backups(db_path) == []
    assert settings.undo_offer(conn).batch_id == first.batch_id  # nothing to undo of its own
    assert [n for n in settings.import_history(conn)["file_name"]] == ["Connections.csv"] * 2


def test_a_restore_can_itself_be_undone(conn, db_path):
    contacts.add_contact(conn, "Early")
    early = db.backup(conn)
    contacts.add_contact(conn, "Late")
    conn.close()
    db.restore(db_path, early)
    safety = [b for b in db.backup_files(db_path) if b.reason == "restore"]
    assert len(safety) == 1
    db.restore(db_path, safety[0].path)
    reopened = db.connect(db_path)
    try:
        people = reopened.execute("SELECT first_name FROM contacts ORDER BY id").fetchall()
        assert people == [("Early",), ("Late",)]
    finally:
        reopened.close()


def test_a_backup_taken_while_others_write_is_whole(conn, db_path):
    """Writers add a person and a note about them in one transaction: a whole copy has one
    note per person they added, however the copy and the writes interleave."""
    contacts.add_contact(conn, "Before")
    stop, started = threading.Event(), threading.Barrier(3)
    errors = []

    def write(n):
        cursor = conn.cursor()
        started.wait()
        i = 0
        while not stop.is_set():
            i += 1
            try:
                with db.transaction(cursor):
                    person = cursor.execute(
                        "INSERT INTO contacts (profile_key, first_name) VALUES (?, 'W')"
                        " RETURNING id",
                        [f"w{n}-{i}"],
                    ).fetchall()[0][0]
                    cursor.execute(
                        "INSERT INTO interactions (contact_id, kind, occurred_at)"
                        " VALUES (?, 'note', TIMESTAMP '2026-01-05 09:00')",
                        [person],
                    )
            except Exception as exc:  # a conflict would be a failure too
                errors.append(exc)
        cursor.close()

    writers = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for writer in writers:
        writer.start()
    try:
        started.wait()
        taken = [db.backup(conn) for _ in range(4)]
    finally:
        stop.set()
        for writer in writers:
            writer.join()
    assert errors == []
    written = scalar(conn, "SELECT count(*) FROM interactions")
    assert written > 0
    for path in taken:
        copy = db.connect(path)
        try:
            people, notes = copy.execute(
                "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions)"
            ).fetchall()[0]
            assert people == notes + 1 and notes <= written
            # Ids go on from where the copy left off: a restored database adds people safely.
            newest = scalar(copy, "SELECT max(id) FROM contacts")
            assert contacts.add_contact(copy, "After") > newest
        finally:
            copy.close()


# --- 5 and 6. Undo: one mechanism, the command line included ------------------------------


def test_an_import_from_the_command_line_can_be_undone(db_path, tmp_path, capsys):
    export_file = tmp_path / "Connections.csv"
    export_file.write_bytes(PEOPLE)
    assert cli.main(["--db", str(db_path), "import", str(export_file)]) == 0
    assert "Undo it" in capsys.readouterr().out
    conn = db.connect(db_path)
    offer = settings.undo_offer(conn)
    conn.close()
    assert offer is not None and offer.file_name == "Connections.csv"
    settings.undo_import(db_path, offer)
    conn = db.connect(db_path)
    try:
        assert scalar(conn, "SELECT count(*) FROM contacts") == 0
    finally:
        conn.close()


# --- 7. A database path that cannot be made -----------------------------------------------


def test_a_database_path_that_cannot_be_made_is_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = subprocess.run(
        [sys.executable, "-m", "infoint.cli", "--db", str(blocker / "x.duckdb"), "stats"],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


# --- 8. One check for each rule ---------------------------------------------------------


def test_adding_a_person_checks_the_email_like_editing_does(conn):
    with pytest.raises(InvalidInputError, match="does not look like an email address"):
        contacts.add_contact(conn, "Ana", email="ana at home")
    assert scalar(conn, "SELECT count(*) FROM contacts") == 0
    ana = contacts.add_contact(conn, "Ana", email=" ana@home.example ")
    assert contacts.get_contact(conn, ana).email == "ana@home.example"


def test_logging_with_a_template_that_does_not_exist_is_refused(conn):
    ana = contacts.add_contact(conn, "Ana")
    with pytest.raises(NotFoundError, match="template"):
        interactions.log_interaction(conn, ana, "outreach", template_id=9999)
    assert scalar(conn, "SELECT count(*) FROM interactions") == 0


def test_deleting_an_event_forgets_its_snoozes_and_dismissals(conn):
    ana = contacts.add_contact(conn, "Ana")
    sent = interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 1, 5))
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 1, 20, 9, 0))
    followups.dismiss(conn, f"follow_up:{sent}")
    followups.snooze(conn, f"prepare:{meeting}", date.today() + timedelta(days=3))
    assert scalar(conn, "SELECT count(*) FROM due_item_states") == 2
    interactions.delete_interaction(conn, sent)
    assert scalar(conn, "SELECT count(*) FROM due_item_states") == 1
    meetings.delete_meeting(conn, meeting)
    assert scalar(conn, "SELECT count(*) FROM due_item_states") == 0


# --- 10. The demo's sample export ships with the package -----------------------------------


def test_the_demo_sample_is_found_in_the_repository_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found = demo.sample_path()
    assert found.is_file() and found.name == "Connections.csv"
    assert found.read_bytes().startswith(b"Notes:")


def test_an_installed_package_finds_the_sample_inside_itself(tmp_path, monkeypatch):
    packaged = tmp_path / "infoint" / "data" / "sample" / "Connections.csv"
    packaged.parent.mkdir(parents=True)
    packaged.write_bytes(b"the copy in the wheel")
    monkeypatch.setattr(demo.resources, "files", lambda package: tmp_path / package)
    assert demo.sample_path() == packaged


def test_the_wheel_is_built_with_the_sample_inside_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["data/sample"] == "infoint/data/sample"
    assert (ROOT / "data" / "sample" / "Connections.csv").is_file()
