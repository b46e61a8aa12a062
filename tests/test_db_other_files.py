"""A database path that names a file of another kind (a copy of Connections.csv, a README) is
refused, by `db.connect` and so by the command line and the app alike, and the file is left as
it was. DuckDB, given such a path bare, opened a .csv, .json or .parquet file as an empty
database held in memory: writes "succeeded" and nothing was saved."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import cli, db, targets
from infoint.errors import InvalidInputError

ROOT = Path(__file__).resolve().parent.parent
SHAPES = Path(__file__).resolve().parent / "fixtures" / "linkedin"
CURRENT = SHAPES / "current.csv"
OLDER = SHAPES / "2018.csv"


def run(capsys, *argv):
    code = cli.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def data_file(folder: Path, name: str) -> Path:
    """A file DuckDB can read as data, under `name`."""
    path = folder / name
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(CURRENT.read_bytes()))
    elif ".json" in name:
        path.write_text('{"name": "Ann", "company": "Acme"}\n', encoding="utf-8")
    else:
        shutil.copy(CURRENT, path)
    return path


@pytest.mark.parametrize(
    "name", ["c2.csv", "Connections.CSV", "c2.tsv", "c2.csv.gz", "people.json", "people.ndjson"]
)
def test_connect_refuses_a_data_file_and_leaves_it_as_it_was(tmp_path, name):
    path = data_file(tmp_path, name)
    before = path.read_bytes()
    with pytest.raises(InvalidInputError):
        db.connect(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no .wal beside it


def test_a_new_name_of_any_ending_becomes_a_database_that_keeps_what_is_saved(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    for name in ("new.csv", "ab:cd.duckdb"):  # "ab:…", given bare, names an extension to load
        path = Path(name)
        conn = db.connect(path)
        targets.add_company(conn, "Acme")
        conn.close()
        conn = db.connect(path)
        try:
            assert conn.execute("SELECT name FROM companies").fetchall() == [("Acme",)]
            assert db.database_path(conn) == tmp_path / name
        finally:
            conn.close()


def test_the_command_line_saves_nothing_into_a_csv_and_says_so(capsys, tmp_path):
    c2 = data_file(tmp_path, "c2.csv")
    before = c2.read_bytes()
    for argv in (("import", OLDER), ("demo",), ("stats", "--json")):
        code, out, err = run(capsys, "--db", c2, *argv)
        assert (code, out) == (2, ""), argv
        assert err.count("\n") == 1 and str(c2) in err
    assert c2.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c2.csv"]


def test_the_app_pointed_at_a_csv_says_so_and_offers_nothing(tmp_path, monkeypatch):
    c2 = data_file(tmp_path, "c2.csv")
    before = c2.read_bytes()
    monkeypatch.setenv("INFOINT_DB", str(c2))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] and "c2.csv" in at.error[0].value
    assert "Load demo data" not in [b.label for b in at.button]
    assert c2.read_bytes() == before


OTHER_FILE = (
    "{} is some other kind of file, not an infoint database, so infoint left it as it is: "
    "point --db or $INFOINT_DB at your database, or at a new file name to start one.\n"
)


@pytest.mark.parametrize("name", ["README-copy.md", "c2.csv", "notes.duckdb"])
def test_a_file_of_another_kind_is_said_in_our_words(capsys, tmp_path, monkeypatch, name):
    """Not DuckDB's 'IO Error: The file "…" exists, but it is not a valid DuckDB database
    file!.', and the path as the user typed it."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "README.md" if name.endswith(".md") else CURRENT, name)
    before = Path(name).read_bytes()
    for argv in (("stats", "--json"), ("import", OLDER), ("demo",)):
        assert run(capsys, "--db", name, *argv) == (2, "", OTHER_FILE.format(name))
    assert Path(name).read_bytes() == before
    with pytest.raises(InvalidInputError) as refused:
        db.connect(tmp_path / name)
    assert f"{refused.value}\n" == OTHER_FILE.format(tmp_path / name)


def test_an_empty_file_is_said_to_be_empty(capsys, tmp_path):
    empty = tmp_path / "infoint.duckdb"
    empty.touch()
    assert run(capsys, "--db", empty, "import", OLDER) == (
        2,
        "",
        f"{empty} is an empty file, not an infoint database, so infoint left it as it is: "
        "delete it to start a new database there, or point --db or $INFOINT_DB at your "
        "database.\n",
    )
    assert empty.read_bytes() == b""


def test_a_folder_is_said_to_be_a_folder(capsys, tmp_path):
    assert run(capsys, "--db", tmp_path, "import", OLDER) == (
        2,
        "",
        f"{tmp_path} is a folder, not a database file: point --db or $INFOINT_DB at a file in "
        f"it, such as {tmp_path / 'infoint.duckdb'}.\n",
    )
    assert list(tmp_path.iterdir()) == []
