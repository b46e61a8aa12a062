"""Companies saved before names were cleaned (8b1c0e6) are still found by the name as it reads.

A company imported as 'Globex\u200b Corp' kept that name and its match key ('globex\u200b'):
keys never change. The reader now gives 'Globex Corp', whose key is 'globex', and re-importing
the same file made a second Globex Corp, moved everyone onto it (the target kept its notes
but lost its people) and recorded 'company changed Globex Corp → Globex Corp'.
"""

import pytest

from infoint import contacts, importer, linkedin, targets
from infoint.errors import InvalidInputError

FILE = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Quill,https://www.linkedin.com/in/ada,,Globex\u200b Corp,Engineer,01 Jan 2024\n"
    "Bo,Li,https://www.linkedin.com/in/bo,,Globex\u200b Corp,Designer,02 Jan 2024\n"
    "Cy,Ng,https://www.linkedin.com/in/cy,,Initech\u00a0Inc.,Analyst,03 Jan 2024\n"
).encode()


def companies(conn):
    return conn.execute("SELECT id, name, status FROM companies ORDER BY id").fetchall()


def people_at(conn, company_id):
    return conn.execute(
        "SELECT first_name FROM contacts WHERE company_id = ? ORDER BY first_name", [company_id]
    ).fetchall()


@pytest.fixture
def saved_before(conn, monkeypatch):
    """The file imported as the reader before 8b1c0e6 read it (names as typed in LinkedIn);
    Globex then made a target with notes."""
    with monkeypatch.context() as before:
        before.setattr(linkedin, "_visible", lambda values: values)
        importer.import_file(conn, FILE, filename="Connections.csv")
    globex, initech = (row[0] for row in companies(conn))
    assert targets.company_name(conn, globex) == "Globex\u200b Corp"
    assert targets.company_name(conn, initech) == "Initech\u00a0Inc."
    targets.update_companies(conn, {globex: {"status": "target", "motivation": 3}})
    conn.execute("UPDATE companies SET research_notes = 'Ask about AI' WHERE id = ?", [globex])
    # Saving the target cleaned the name shown; the key stays as it was saved.
    keys = conn.execute("SELECT name, match_key FROM companies ORDER BY id").fetchall()
    assert keys == [("Globex Corp", "globex\u200b"), ("Initech\u00a0Inc.", "initech\u00a0inc")]
    return globex, initech


def test_importing_the_same_file_again_changes_nothing(conn, saved_before):
    globex, initech = saved_before
    report = importer.import_file(conn, FILE, filename="Connections.csv")
    assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
    assert report.changes == []
    assert conn.execute("SELECT count(*) FROM contact_changes").fetchall() == [(0,)]
    assert companies(conn) == [
        (globex, "Globex Corp", "target"),
        (initech, "Initech\u00a0Inc.", "network"),
    ]
    assert people_at(conn, globex) == [("Ada",), ("Bo",)]
    assert people_at(conn, initech) == [("Cy",)]
    [(notes,)] = conn.execute(
        "SELECT research_notes FROM companies WHERE id = ?", [globex]
    ).fetchall()
    assert notes == "Ask about AI"


def test_someone_new_there_joins_the_company_you_have(conn, saved_before):
    globex, _ = saved_before
    newer = FILE + b"Di,Fox,https://www.linkedin.com/in/di,,Globex Corp,Manager,04 Jan 2024\n"
    report = importer.import_file(conn, newer, filename="Connections.csv")
    assert (report.added, report.updated, report.unchanged) == (1, 0, 3)
    assert len(companies(conn)) == 2
    assert people_at(conn, globex) == [("Ada",), ("Bo",), ("Di",)]


def test_a_real_move_is_still_a_change(conn, saved_before):
    globex, initech = saved_before
    moved = FILE.replace(
        b"Bo,Li,https://www.linkedin.com/in/bo,,Globex\xe2\x80\x8b Corp",
        b"Bo,Li,https://www.linkedin.com/in/bo,,Initech Inc",
    )
    report = importer.import_file(conn, moved, filename="Connections.csv")
    assert (report.updated, report.unchanged) == (1, 2)
    assert [c.describe() for c in report.changes] == [
        "Bo Li: company Globex Corp → Initech\u00a0Inc."
    ]
    assert people_at(conn, initech) == [("Bo",), ("Cy",)]
    assert people_at(conn, globex) == [("Ada",)]
    assert len(companies(conn)) == 2


def test_a_typed_name_finds_it(conn, saved_before):
    globex, initech = saved_before
    assert targets.find_company_id(conn, "Globex Corp") == globex
    assert targets.find_company_id(conn, "globex corp.") == globex
    assert targets.find_company_id(conn, "Initech Inc") == initech
    person = contacts.add_contact(conn, "Eve", company="Globex Corp")
    [(at,)] = conn.execute("SELECT company_id FROM contacts WHERE id = ?", [person]).fetchall()
    assert at == globex
    with pytest.raises(InvalidInputError, match="is already on your list"):
        targets.add_company(conn, "Globex Corp")
    assert targets.add_company(conn, "Initech") == initech  # from your network to a target
    assert len(companies(conn)) == 2


def test_a_target_list_names_it(conn, saved_before):
    globex, initech = saved_before
    data = b"name,industry,motivation\nGlobex Corp,Software,1\nInitech Inc,Finance,2\n"
    preview = targets.read_target_list(conn, data, "list.csv")
    assert preview.newly_targeted == 1  # Initech, from your network
    done = targets.import_target_list(conn, preview, update=True)
    assert done.added == 0
    assert companies(conn) == [
        (globex, "Globex Corp", "target"),
        (initech, "Initech\u00a0Inc.", "target"),
    ]
    rows = conn.execute("SELECT industry, motivation FROM companies ORDER BY id").fetchall()
    assert rows == [("Software", 1), ("Finance", 2)]


def test_a_company_with_the_clean_name_already_is_the_match(conn, saved_before):
    """Two alike saved before the names were cleaned: the one whose key is the clean name's."""
    globex, _ = saved_before
    clean = conn.execute(
        "INSERT INTO companies (name, match_key, status, source)"
        " VALUES ('Globex Corp', company_key('Globex Corp'), 'network', 'manual') RETURNING id"
    ).fetchall()[0][0]
    assert targets.find_company_id(conn, "Globex Corp") == clean
    assert targets.find_company_id(conn, "Globex\u200b Corp") == clean
    assert clean != globex


def test_the_sql_cleaning_agrees_with_visible_name(conn):
    """`visible_key_sql` on a key saved with any invisible character or other space is the
    key of the name `visible_name` makes."""
    import sys
    import unicodedata

    odd = [
        chr(code)
        for code in range(0x80, sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" or chr(code).isspace()
    ] + ["\x1c", "\x1f"]
    names = [f"Glo{char}bex{char} Corp{char}é" for char in odd]
    rows = conn.execute(
        f"""
        SELECT name, {targets.visible_key_sql("company_key(name)", "name")},
               company_key(visible), {targets.visible_key_sql("company_key(name)")}
        FROM (SELECT unnest(?) AS name, unnest(?) AS visible)
        """,
        [names, [targets.visible_name(name) for name in names]],
    ).fetchall()
    assert [(hex(ord(n[3])), a) for n, a, b, _ in rows if a != b] == []
    assert [(hex(ord(n[3])), c) for n, _, b, c in rows if c != b] == []  # no name: the key


@pytest.mark.parametrize("char", ["\u200b", "\u00a0", "\x1f"])
def test_the_sql_cleaning_keys_the_name_not_the_key_again(conn, char):
    """company_key takes off at most two legal endings: keying a key again can take off more.
    'Acme<char> Group Co Ltd Inc' keyed is 'acme<char> group co'; as it reads, 'acme group co'."""
    name = f"Acme{char} Group Co Ltd Inc"
    [(saved, seen, clean)] = conn.execute(
        f"""
        SELECT company_key(name), {targets.visible_key_sql("company_key(name)", "name")},
               company_key(?)
        FROM (SELECT ? AS name)
        """,
        [targets.visible_name(name), name],
    ).fetchall()
    assert clean == "acme group co"
    assert seen == clean != saved


def test_a_renamed_company_is_read_by_its_key(conn):
    """A name changed since (not the key's, give or take endings) does not say what the key was."""
    sql = targets.visible_key_sql("company_key(saved)", "name")
    for name, saved, expected in [
        ("Globex Holdings", "Globex\u200b Corp", "globex"),
        ("Acme", "Acme\u200b Foo", "acme foo"),
        ("Globex Corp", "Globex\u200b Corp", "globex"),
    ]:
        query = f"SELECT {sql} FROM (SELECT ? AS saved, ? AS name)"
        [(seen,)] = conn.execute(query, [saved, name]).fetchall()
        assert seen == expected, name


def test_reimporting_a_name_with_three_legal_endings_changes_nothing(conn, monkeypatch):
    """'Acme\u200b Group Co Ltd Inc' saved before names were cleaned: the file read again finds
    it, no second Acme, no one moved."""
    data = FILE.replace("Globex\u200b Corp".encode(), "Acme\u200b Group Co Ltd Inc".encode())
    with monkeypatch.context() as before:
        before.setattr(linkedin, "_visible", lambda values: values)
        importer.import_file(conn, data, filename="Connections.csv")
    acme = companies(conn)[0][0]
    assert targets.find_company_id(conn, "Acme Group Co Ltd Inc") == acme
    report = importer.import_file(conn, data, filename="Connections.csv")
    assert (report.added, report.updated, report.changes) == (0, 0, [])
    assert len(companies(conn)) == 2
    assert people_at(conn, acme) == [("Ada",), ("Bo",)]


def test_people_at_a_lookalike_of_the_clean_company_stay_where_they_are(conn, saved_before):
    """Globex Corp saved twice before names were cleaned, once with the zero-width space and
    once without: the file's 'Globex Corp' is the clean one's, yet the people saved at the
    other are not moved, and no job change is recorded; a new title is."""
    globex, _ = saved_before
    conn.execute(
        "INSERT INTO companies (name, match_key, status, source)"
        " VALUES ('Globex Corp', company_key('Globex Corp'), 'network', 'manual')"
    )
    report = importer.import_file(conn, FILE, filename="Connections.csv")
    assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
    promoted = FILE.replace(b"Designer", b"Lead designer")
    report = importer.import_file(conn, promoted, filename="Connections.csv")
    assert [c.describe() for c in report.changes] == ["Bo Li: position Designer → Lead designer"]
    assert people_at(conn, globex) == [("Ada",), ("Bo",)]
    assert conn.execute("SELECT field FROM contact_changes").fetchall() == [("position",)]


def test_a_name_merged_away_before_names_were_cleaned_finds_the_company_kept(conn, saved_before):
    globex, _ = saved_before
    acme = targets.add_company(conn, "Acme")
    targets.merge_companies(conn, acme, globex)
    assert targets.find_company_id(conn, "Globex Corp") == acme
    report = importer.import_file(conn, FILE, filename="Connections.csv")
    assert (report.added, report.updated, report.changes) == (0, 0, [])
    assert people_at(conn, acme) == [("Ada",), ("Bo",)]
    assert conn.execute("SELECT count(*) FROM companies").fetchall() == [(2,)]


def test_an_ascii_separator_is_a_space_whatever_the_other_rows_hold(conn):
    """U+001F is a space to `str.isspace`: 'Globex\x1fCorp' reads 'Globex Corp' typed, in a file
    all ASCII and in a file with a name that is not, so it is one company either way."""
    assert targets.visible_name("Globex\x1fCorp") == "Globex Corp"
    assert targets.visible_name(" Globex\x1cCorp ") == "Globex Corp"
    assert targets.visible_name("Globex Corp ") == "Globex Corp"
    for other in ("Initech", "Café Ltd"):
        data = (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Ada,Quill,https://www.linkedin.com/in/ada,,Globex\x1fCorp,Engineer,01 Jan 2024\n"
            f"Cy,Ng,https://www.linkedin.com/in/cy,,{other},Analyst,03 Jan 2024\n"
        ).encode()
        frame = linkedin.read_connections(data).frame
        assert frame["company"].tolist() == ["Globex Corp", other], other


def test_an_ascii_key_with_a_separator_saved_before_is_found(conn, monkeypatch):
    """A key saved with U+001F before names were cleaned is all ASCII, and still a lookalike."""
    data = FILE.replace("Globex\u200b Corp".encode(), b"Globex\x1fCorp")
    with monkeypatch.context() as before:
        before.setattr(linkedin, "_visible", lambda values: values)
        importer.import_file(conn, data, filename="Connections.csv")
    globex = companies(conn)[0][0]
    assert targets.find_company_id(conn, "Globex Corp") == globex
    report = importer.import_file(conn, data, filename="Connections.csv")
    assert (report.added, report.updated, report.changes) == (0, 0, [])
    assert len(companies(conn)) == 2


def test_whether_a_key_holds_an_unseen_character_is_read_once_per_write(conn):
    """Worked out once per committed write (`db.data_version`), not on every look-up: a key
    slipped in by SQL outside a write is seen only after the next write."""
    from infoint import db

    acme = targets.add_company(conn, "Acme")
    assert targets.find_company_id(conn, "Globex Corp") is None
    conn.execute(
        "INSERT INTO companies (name, match_key, status, source)"
        " VALUES ('Globex\u200b Corp', 'globex\u200b', 'network', 'manual')"
    )
    assert targets.find_company_id(conn, "Globex Corp") is None  # as read before
    with db.transaction(conn):
        conn.execute("UPDATE companies SET industry = 'Software' WHERE id = ?", [acme])
    [(globex,)] = conn.execute("SELECT id FROM companies WHERE name <> 'Acme'").fetchall()
    assert targets.find_company_id(conn, "Globex Corp") == globex


def test_what_a_write_undone_saw_is_not_kept(conn, saved_before):
    """Read inside a write that is then undone, the lookalikes are not remembered."""
    from infoint import db

    globex, _ = saved_before
    with db.rolled_back(conn):
        conn.execute("DELETE FROM contacts")
        conn.execute("DELETE FROM companies")
        assert targets.find_company_id(conn, "Globex Corp") is None
    assert targets.find_company_id(conn, "Globex Corp") == globex
