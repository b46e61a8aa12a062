"""`infoint export` never quietly replaces a file: run twice, it refuses the second time (exit
2, one line naming the file and --force) and leaves that file and the database as they were;
with --force it replaces the file."""

import csv
import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from infoint import cli, contacts, db, export
from infoint.errors import InvalidInputError

ROOT = Path(__file__).resolve().parent.parent
CURRENT = Path(__file__).resolve().parent / "fixtures" / "linkedin" / "current.csv"


def run(capsys, *argv):
    code = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files(folder: Path) -> list[str]:
    """The files in `folder` beside the database (and any of its own files)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("infoint.duckdb"))


def names(path: Path) -> list[str]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return [f"{row['First name']} {row['Last name']}" for row in rows]


@pytest.fixture
def imported(capsys, db_path):
    assert run(capsys, "--db", db_path, "import", CURRENT)[0] == 0
    return db_path


@pytest.mark.parametrize("name", ["x.xlsx", "contacts.csv"])
def test_a_second_export_to_the_same_file_is_refused(capsys, imported, tmp_path, name):
    target = tmp_path / name
    assert run(capsys, "--db", imported, "export", target) == (0, f"Wrote {target}.\n", "")
    before, kept = digest(target), digest(imported)
    code, out, err = run(capsys, "--db", imported, "export", target)
    assert (code, out) == (2, "")
    assert err == (
        f"{target} is already there, so nothing was written. "
        "To replace it, run the same command with --force.\n"
    )
    assert digest(target) == before
    assert digest(imported) == kept  # the database was not even opened
    assert files(tmp_path) == [name]


def test_force_replaces_the_file_with_the_data_as_it_is_now(capsys, imported, tmp_path):
    target = tmp_path / "contacts.csv"
    run(capsys, "--db", imported, "export", target)
    assert "Zoe Quist" not in names(target)
    conn = db.connect(imported)
    contacts.add_contact(conn, "Zoe", "Quist", company="Acme")
    conn.close()
    code, out, err = run(capsys, "--db", imported, "export", target, "--force")
    assert (code, out, err) == (0, f"Wrote {target}.\n", "")
    assert "Zoe Quist" in names(target)
    assert files(tmp_path) == ["contacts.csv"]


def test_force_writes_a_new_file_too(capsys, imported, tmp_path):
    target = tmp_path / "x.xlsx"
    assert run(capsys, "--db", imported, "export", target, "--force")[0] == 0
    assert target.read_bytes().startswith(b"PK")


def test_a_folder_in_the_way_is_refused_and_kept(capsys, imported, tmp_path):
    folder = tmp_path / "x.xlsx"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    for force in ((), ("--force",)):
        code, out, err = run(capsys, "--db", imported, "export", folder, *force)
        assert (code, out) == (2, ""), force
        assert err.count("\n") == 1 and str(folder) in err, err
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert files(tmp_path) == ["x.xlsx"] and files(folder) == ["keep.txt"]


def test_the_refusal_is_one_line_from_the_installed_command(imported, tmp_path):
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"an earlier workbook")

    def export_to(*more: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "infoint.cli", "--db", str(imported), "export"]
        return subprocess.run(
            [*command, str(target), *more],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=dict(os.environ),
            timeout=120,
        )

    refused = export_to()
    assert (refused.returncode, refused.stdout) == (2, "")
    [line] = refused.stderr.splitlines()
    assert str(target) in line and "--force" in line
    assert target.read_bytes() == b"an earlier workbook"
    forced = export_to("--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes().startswith(b"PK")


def test_export_help_names_force(capsys):
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    assert "--force" in capsys.readouterr().out


def test_write_export_keeps_a_file_unless_told_to_replace_it(conn, tmp_path):
    target = tmp_path / "x.csv"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="is already there"):
        export.write_export(conn, target, replace=False)
    assert target.read_text(encoding="utf-8") == "mine"
    assert export.write_export(conn, target, replace=True).path == target
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert files(tmp_path) == ["x.csv"]
