import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from infoint import cli, contacts, db, settings, targets
from infoint.errors import NotAnExportError
from infoint.linkedin import read_connections

ROOT = Path(__file__).resolve().parent.parent
SHAPES = Path(__file__).resolve().parent / "fixtures" / "linkedin"
CURRENT = SHAPES / "current.csv"
COMMANDS = ("import", "stats", "export", "demo")


def run(capsys, *argv):
    code = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(db_path, *argv, env=None):
    return subprocess.run(
        [sys.executable, "-m", "infoint.cli", "--db", str(db_path), *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def counts(db_path):
    conn = db.connect(db_path)
    try:
        return conn.execute(
            "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM companies),"
            " (SELECT count(*) FROM import_batches)"
        ).fetchall()[0]
    finally:
        conn.close()


def exported_rows(capsys, db_path, tmp_path):
    target = tmp_path / "contacts.csv"
    assert run(capsys, "--db", db_path, "export", target)[0] == 0
    return list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))


def test_every_command_has_help(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["--help"])
    assert done.value.code == 0
    top = capsys.readouterr().out
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\s+\w", top, re.MULTILINE), command
        with pytest.raises(SystemExit) as done:
            cli.main([command, "--help"])
        assert done.value.code == 0
        text = capsys.readouterr().out
        assert text.startswith(f"usage: infoint {command}")
        assert len(text.split("\n\n")[1]) > 40, f"{command} has no description"


def test_import_stats_and_export_through_the_command_line(capsys, db_path, tmp_path):
    code, out, err = run(capsys, "--db", db_path, "import", CURRENT)
    assert (code, err) == (0, "")
    assert out.startswith("current.csv: Added 4 people; 1 row skipped.")
    assert "no name (a hidden or closed LinkedIn account): 1 row (line 7)" in out

    code, out, _ = run(capsys, "--db", db_path, "import", CURRENT, "--json")
    report = json.loads(out)
    assert (code, report["added"], report["updated"], report["unchanged"]) == (0, 0, 0, 4)
    assert report["skipped_rows"] == [
        {"line": 7, "reason": "no name (a hidden or closed LinkedIn account)"}
    ]
    assert report["backup"] is None  # the same file again changes nothing: no copy is made

    code, out, _ = run(capsys, "--db", db_path, "stats", "--json")
    assert code == 0
    assert json.loads(out) == {
        "contacts": 4,
        "companies": 2,  # 'N/A' and 'None' name no employer: see the test below
        "interactions": 0,
        "meetings": 0,
        "funnel": {"contacted": 0, "replied": 0, "met": 0, "referred": 0, "opportunity": 0},
    }
    assert run(capsys, "--db", db_path, "stats")[1].startswith("Contacts: 4\n")

    rows = exported_rows(capsys, db_path, tmp_path)
    assert sorted(row["Last name"] for row in rows) == ["Lindqvist", "Okafor, PhD", "Quill", "佐藤"]
    assert {row["Company"] for row in rows} == {"Nimbus Labs", "N/A", "'@Orbit Works", "None"}
    workbook = tmp_path / "all.xlsx"
    assert run(capsys, "--db", db_path, "export", workbook) == (0, f"Wrote {workbook}.\n", "")
    assert workbook.read_bytes()[:2] == b"PK"


def test_stats_counts_the_companies_the_targets_page_lists(capsys, db_path):
    """Nimbus Labs, N/A, @Orbit Works, None: two of them are what people type for no employer,
    no company, as everywhere in the app. One the user chose stays, as Targets lists it."""
    run(capsys, "--db", db_path, "import", CURRENT)
    assert json.loads(run(capsys, "--db", db_path, "stats", "--json")[1])["companies"] == 2
    conn = db.connect(db_path)
    try:
        every = targets.CompanyFilter(whole_network=True)
        assert targets.count_listed(conn, every).companies == 2
        targets.update_companies(conn, {targets.find_company_id(conn, "N/A"): {"status": "target"}})
        assert targets.count_listed(conn, every).companies == 3
    finally:
        conn.close()
    assert json.loads(run(capsys, "--db", db_path, "stats", "--json")[1])["companies"] == 3
    assert "\nCompanies: 3\n" in run(capsys, "--db", db_path, "stats")[1]


def test_export_says_when_the_workbook_had_to_cut_a_long_text(capsys, db_path, tmp_path):
    run(capsys, "--db", db_path, "import", CURRENT)
    conn = db.connect(db_path)
    conn.execute("UPDATE contacts SET notes = ? WHERE last_name = 'Quill'", ["n" * 40_000])
    conn.close()
    workbook = tmp_path / "all.xlsx"
    code, out, err = run(capsys, "--db", db_path, "export", workbook)
    assert (code, err) == (0, "")
    assert out == (
        f"Wrote {workbook}.\n"
        "1 text was longer than one Excel cell can hold (Contacts); the workbook has its first "
        "32,736 characters, ending in “… [cut: the rest is in infoint]”, and infoint keeps it "
        "whole.\n"
    )
    # The CSV has no such limit: the note is whole there, and nothing is said.
    contacts = tmp_path / "contacts.csv"
    assert run(capsys, "--db", db_path, "export", contacts) == (0, f"Wrote {contacts}.\n", "")
    assert "n" * 40_000 in contacts.read_text(encoding="utf-8-sig")


def test_a_newer_export_lists_the_job_changes(capsys, db_path, tmp_path):
    run(capsys, "--db", db_path, "import", CURRENT)
    newer = tmp_path / "Connections.csv"
    newer.write_text(
        CURRENT.read_text(encoding="utf-8").replace("Data Analyst", "Head of Data"),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", db_path, "import", newer, "--json")
    assert code == 0
    [change] = json.loads(out)["changes"]
    assert change | {"contact_id": 0} == {
        "contact_id": 0,
        "name": "Ada Quill",
        "field": "position",
        "old": "Data Analyst",
        "new": "Head of Data",
    }
    code, out, _ = run(capsys, "--db", db_path, "import", CURRENT)
    assert code == 0
    assert "Updated 1 person; 3 already up to date; 1 row skipped." in out
    assert "Job changes (1):\n  Ada Quill: position Head of Data → Data Analyst" in out


@pytest.mark.parametrize("shape", sorted(p.name for p in SHAPES.iterdir()), ids=str)
def test_every_shape_imports_each_person_once_with_iso_dates_or_is_refused(
    capsys, db_path, tmp_path, shape
):
    path = SHAPES / shape
    try:
        expected = read_connections(path).frame
    except NotAnExportError:
        code, out, err = run(capsys, "--db", db_path, "import", path)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and err.strip().endswith(".")
        assert not db_path.exists()  # a refused file leaves no trace, not even a database
        return
    code, _, err = run(capsys, "--db", db_path, "import", path)
    assert (code, err) == (0, "")
    rows = exported_rows(capsys, db_path, tmp_path)
    assert len(rows) == len(expected)
    people = sorted((row["First name"], row["Last name"], row["Connected on"]) for row in rows)
    assert people == sorted(
        zip(expected["first_name"], expected["last_name"], expected["connected_on"], strict=True)
    )
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["Connected on"]) for row in rows)
    # And a second import of the same file adds no one.
    code, out, _ = run(capsys, "--db", db_path, "import", path, "--json")
    assert (code, json.loads(out)["added"], json.loads(out)["updated"]) == (0, 0, 0)


def test_bad_input_exits_2_with_one_line_and_changes_nothing(capsys, db_path, tmp_path):
    run(capsys, "--db", db_path, "import", CURRENT)
    before = counts(db_path)
    not_an_export = tmp_path / "targets.csv"
    not_an_export.write_text("Company,Industry\nAcme,Health\n", encoding="utf-8")
    for argv in (
        ("import", not_an_export),
        ("import", tmp_path / "missing.csv"),
        ("export", tmp_path / "out.pdf"),
        ("export", tmp_path / "no such folder" / "out.csv"),
    ):
        code, out, err = run(capsys, "--db", db_path, *argv)
        assert (code, out) == (2, ""), argv
        assert err.count("\n") == 1 and len(err) > 20, err
    assert counts(db_path) == before
    assert not (tmp_path / "out.pdf").exists()


def test_a_busy_database_exits_2_and_nothing_changes(db_path):
    holder = db.connect(db_path)
    try:
        done = run_process(db_path, "import", CURRENT)
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and "in use" in lines[0], done.stderr
        assert holder.execute("SELECT count(*) FROM contacts").fetchall() == [(0,)]
    finally:
        holder.close()
    assert counts(db_path) == (0, 0, 0)


def test_the_console_entry_runs_as_a_process(db_path):
    done = run_process(db_path, "demo")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Loaded the demo:")
    again = run_process(db_path, "demo")
    assert again.returncode == 2 and again.stderr.count("\n") == 1
    removed = run_process(db_path, "demo", "--remove")
    assert (
        removed.returncode == 0
        and "Your own people, companies and notes are still here." in removed.stdout
    )
    assert counts(db_path) == (0, 0, 0)


@pytest.mark.parametrize(
    ("fault", "kept"), [("mid_upsert", (4, 4, 1)), ("after_commit", (9, 9, 2))]
)
def test_a_crash_at_a_fault_point_keeps_all_or_none_of_the_import(db_path, tmp_path, fault, kept):
    assert run_process(db_path, "import", CURRENT).returncode == 0
    more = tmp_path / "Connections.csv"
    extra = "".join(
        f"\nNew{n},Person,https://www.linkedin.com/in/new-{n},,Fresh Co {n},Chef,01 Jan 2025"
        for n in range(5)
    )
    more.write_text(CURRENT.read_text(encoding="utf-8") + extra, encoding="utf-8")
    done = run_process(db_path, "import", more, env={"INFOINT_FAULT": fault})
    assert done.returncode == -9  # SIGKILL: no cleanup ran
    assert counts(db_path) == kept


def test_importing_the_same_file_again_says_the_import_before_can_still_be_undone(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "import", CURRENT)
    assert code == 0
    assert out.endswith(
        "Undo it on the app's Import & export page, until you change anything else.\n"
    )
    code, out, _ = run(capsys, "--db", db_path, "import", CURRENT)
    assert code == 0
    [first, *_, last] = out.splitlines()
    assert (
        first
        == "current.csv: Already up to date: all 4 people in it were here already; 1 row skipped."
    )
    assert re.fullmatch(
        r"Nothing changed, so your import of current\.csv from .+ can still be undone on the "
        r"app's Import & export page, until you change anything else\.",
        last,
    ), last


def test_an_import_names_who_it_added_under_the_name_of_someone_added_by_hand(
    capsys, db_path, tmp_path
):
    conn = db.connect(db_path)
    contacts.add_contact(conn, "Zoë", "Núñez", company="Acme Robotics")
    conn.close()
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Zoe,Nunez,https://www.linkedin.com/in/zoe-n,,Acme Robotics,Engineer,06 Nov 2024\n"
    )
    code, out, _ = run(capsys, "--db", db_path, "import", export)
    assert code == 0
    assert (
        "Zoe Nunez (Acme Robotics) is new from this file and has the same name as Zoë Núñez, "
        "whom you added yourself." in out
    )


def test_importing_the_same_file_again_after_a_change_offers_no_undo(capsys, db_path):
    run(capsys, "--db", db_path, "import", CURRENT)
    conn = db.connect(db_path)
    try:
        contacts.add_contact(conn, "Katherine", "Johnson")
    finally:
        conn.close()
    code, out, _ = run(capsys, "--db", db_path, "import", CURRENT)
    assert code == 0
    assert "undo" not in out.lower()


NO_DATABASE = "No database at {}: check --db or $INFOINT_DB, or import your connections first.\n"
# Importing first is no way to export, nor to remove the demo: said as fits each command.
NOTHING_TO_EXPORT = "No database at {}, so there is nothing to export: check --db or $INFOINT_DB.\n"
NO_DEMO_THERE = (
    "No database at {}, so there is no demo data to remove: check --db or $INFOINT_DB.\n"
)


@pytest.mark.parametrize(
    ("argv", "refusal"),
    [
        (("stats",), NO_DATABASE),
        (("stats", "--json"), NO_DATABASE),
        (("export", "out.xlsx"), NOTHING_TO_EXPORT),
        (("export", "out.csv", "--force"), NOTHING_TO_EXPORT),
    ],
)
def test_a_reading_command_refuses_a_database_that_is_not_there(capsys, tmp_path, argv, refusal):
    missing = tmp_path / "mistyped" / "dir" / "db.duckdb"
    argv = [tmp_path / arg if arg.startswith("out") else arg for arg in argv]
    code, out, err = run(capsys, "--db", missing, *argv)
    assert (code, out, err) == (2, "", refusal.format(missing))
    assert list(tmp_path.iterdir()) == []  # no folder, no database, no workbook


def test_the_default_database_is_refused_too_when_it_is_not_there(capsys, tmp_path, monkeypatch):
    missing = tmp_path / "infoint.duckdb"
    monkeypatch.setenv("INFOINT_DB", str(missing))
    code, out, err = run(capsys, "stats")
    assert (code, out, err) == (2, "", NO_DATABASE.format(missing))
    assert not missing.exists()


def test_removing_the_demo_from_a_database_that_is_not_there_creates_nothing(capsys, tmp_path):
    missing = tmp_path / "mistyped" / "db.duckdb"
    code, out, err = run(capsys, "--db", missing, "demo", "--remove")
    assert (code, out, err) == (2, "", NO_DEMO_THERE.format(missing))
    assert list(tmp_path.iterdir()) == []


def test_import_and_demo_still_create_the_database(capsys, tmp_path):
    for argv in (("import", CURRENT), ("demo",)):
        fresh = tmp_path / argv[0] / "new" / "db.duckdb"
        code, _, err = run(capsys, "--db", fresh, *argv)
        assert (code, err) == (0, "")
        assert fresh.is_file()


def test_removing_the_demo_when_none_is_loaded_says_so_and_changes_nothing(capsys, db_path):
    run(capsys, "--db", db_path, "import", CURRENT)
    code, out, err = run(capsys, "--db", db_path, "demo", "--remove")
    assert (code, out, err) == (
        0,
        "There is no demo data to remove; your own data is as it was.\n",
        "",
    )
    assert counts(db_path) == (4, 4, 1)
    assert db.backup_files(db_path) == []  # nothing to remove: no backup either
    # Nothing was written, so the import can still be undone.
    conn = db.connect(db_path)
    try:
        assert settings.undo_offer(conn) is not None
    finally:
        conn.close()


def older_export(tmp_path):
    """`current.csv` as downloaded before its newest connection (Ada, 6 Nov 2024), while Bram
    was still a Research Assistant."""
    older = tmp_path / "older.csv"
    lines = CURRENT.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith("Ada,")]
    older.write_text(
        "\n".join(kept).replace("Research Lead ,", "Research Assistant,"), encoding="utf-8"
    )
    return older


OLDER_REFUSAL = (
    "This file looks older than one you imported before: its newest connection is 28 Sep 2024, "
    "but you have people connected up to 6 Nov 2024, so importing it would move 1 person back to "
    "the job and title it lists. Nothing was imported; to import it anyway, run the same command "
    "with --anyway.\n"
)


def test_an_older_export_is_refused_in_a_sentence_and_imported_with_anyway(
    capsys, db_path, tmp_path
):
    run(capsys, "--db", db_path, "import", CURRENT)
    before = counts(db_path)
    older = older_export(tmp_path)
    code, out, err = run(capsys, "--db", db_path, "import", older)
    assert (code, out, err) == (2, "", OLDER_REFUSAL)
    assert counts(db_path) == before
    code, out, err = run(capsys, "--db", db_path, "import", older, "--anyway")
    assert (code, err) == (0, "")
    # Bram is back at his title of then: no job change to list (and none counted).
    assert "Job changes" not in out
    assert (
        "1 person is back at the job or title this older file lists: no news to congratulate "
        "anyone on, and each record notes the change.\n" in out
    )


def test_import_help_names_the_flag_to_import_an_older_file(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    assert "--anyway" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["", ".", "  "])
def test_export_to_no_name_asks_for_one(capsys, db_path, tmp_path, monkeypatch, name):
    """Not export's "…, not to ." with an empty name."""
    run(capsys, "--db", db_path, "import", CURRENT)
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    code, out, err = cli.main(["--db", str(db_path), "export", name]), *capsys.readouterr()
    assert (code, out, err) == (
        2,
        "",
        "Name the file to export to, such as contacts.xlsx (every table as a sheet) or "
        "contacts.csv (one row per contact).\n",
    )
    assert sorted(tmp_path.iterdir()) == before


def test_import_refusals_speak_of_importing_not_uploading(capsys, db_path, tmp_path):
    """linkedin's sentences are the app's, where a file is uploaded; the command line imports."""
    damaged = tmp_path / "bad.zip"
    damaged.write_bytes(CURRENT.read_bytes())
    workbook = tmp_path / "Connections.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\0" * 26)
    with zipfile.ZipFile(workbook, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
    profile = tmp_path / "Profile.csv"
    profile.write_text(
        "First Name,Last Name,Headline,Summary\nAda,Lovelace,x,y\n", encoding="utf-8"
    )
    said = {}
    for given in (damaged, workbook, profile):
        code, out, err = run(capsys, "--db", db_path, "import", given)
        assert (code, out, err.count("\n")) == (2, "", 1), err
        assert "upload" not in err
        said[given.name] = err
    assert said["bad.zip"].endswith(
        "so download it again or import the Connections.csv inside it.\n"
    )
    assert said["Connections.xlsx"].endswith("save it from Excel as CSV and import that.\n")
    assert "; import the Connections.csv from the same archive" in said["Profile.csv"]
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("name", "ending"), [(".csv", ".csv"), (".xlsx", ".xlsx"), (".CSV", ".csv")]
)
def test_export_to_an_ending_alone_asks_for_a_name(capsys, db_path, tmp_path, name, ending):
    """The walkthrough: "…, not to .csv." when the ending was there and the name was not."""
    run(capsys, "--db", db_path, "import", CURRENT)
    before = sorted(tmp_path.iterdir())
    code, out, err = run(capsys, "--db", db_path, "export", tmp_path / name)
    assert (code, out, err) == (2, "", f"Give the file a name, such as contacts{ending}.\n")
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("folder", ["somefolder", "old.csv"])
@pytest.mark.parametrize("force", [(), ("--force",)])
def test_export_to_a_folder_says_it_is_one(capsys, db_path, tmp_path, folder, force):
    """The walkthrough: "…, not to somefolder." dropped the path and never said it was a folder.
    A folder whose name ends like a file's was "already there", and --force could not help."""
    run(capsys, "--db", db_path, "import", CURRENT)
    target = tmp_path / folder
    target.mkdir()
    code, out, err = run(capsys, "--db", db_path, "export", target, *force)
    assert (code, out, err) == (
        2,
        "",
        f"{target} is a folder; give a file name inside it, such as {target}/contacts.xlsx.\n",
    )
    assert target.is_dir() and not list(target.iterdir())


def test_a_file_whose_only_row_is_skipped_is_refused_in_the_singular(capsys, db_path, tmp_path):
    """The walkthrough: "because all 1 rows were skipped (1 with no name)"."""
    file = tmp_path / "Connections.csv"
    file.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        ",,,,Nimbus Labs,Data Analyst,06 Nov 2024\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", db_path, "import", file)
    assert (code, out, err) == (
        2,
        "",
        "No person could be read from this file, because its only row was skipped (it has no "
        "name); expected rows with a name and a Connected On date.\n",
    )
    assert not db_path.exists()


def test_skipped_rows_are_listed_with_lines_for_several(capsys, db_path, tmp_path):
    file = tmp_path / "Connections.csv"
    file.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Quill,,,Nimbus Labs,Data Analyst,06 Nov 2024\n"
        ",,,,Nimbus Labs,Data Analyst,06 Nov 2024\n"
        ",,,,Orbit,Engineer,07 Nov 2024\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", db_path, "import", file)
    assert (code, err) == (0, "")
    assert "Added 1 person; 2 rows skipped." in out
    assert "no name (a hidden or closed LinkedIn account): 2 rows (lines 3, 4)\n" in out
