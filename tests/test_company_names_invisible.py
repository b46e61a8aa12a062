"""A company name pasted with an invisible character is the company whose name looks the same.

The walkthrough: 'Globex\u200b Corp' (a zero-width space, pasted from a web page) became a
second 'Globex Corp' beside the first, alike in every list.
"""

import pytest

from infoint import contacts, importer, linkedin, targets
from infoint.errors import InvalidInputError

ZERO_WIDTH = "\u200b"


def companies(conn):
    return conn.execute("SELECT name, status FROM companies ORDER BY id").fetchall()


@pytest.mark.parametrize(
    "typed",
    [
        "Globex\u200b Corp",  # zero-width space
        "Glo\u200dbex Corp",  # zero-width joiner
        "Globex\u200c Corp",  # zero-width non-joiner
        "\ufeffGlobex Corp",  # byte-order mark
        "Glo\u00adbex Corp",  # soft hyphen
        "Globex Corp\u2060",  # word joiner
        "\u200eGlobex Corp\u200f",  # writing-direction marks
        "Globex\u00a0Corp",  # a no-break space between the words
        " Globex Corp \u200b",
    ],
)
def test_a_name_typed_with_invisible_characters_finds_the_company(conn, typed):
    targets.add_company(conn, "Globex Corp", industry="Software", motivation=2)
    person = contacts.add_contact(conn, "Ada", company=typed)
    [(company,)] = conn.execute("SELECT company_id FROM contacts WHERE id = ?", [person]).fetchall()
    assert company == targets.find_company_id(conn, "Globex Corp")
    assert targets.find_company_id(conn, typed) == company
    assert companies(conn) == [("Globex Corp", "target")]
    with pytest.raises(InvalidInputError, match="Globex Corp is already on your list"):
        targets.add_company(conn, typed)


def test_a_new_company_is_saved_without_them(conn):
    added = targets.add_company(conn, f"Initech{ZERO_WIDTH}")
    assert targets.company_name(conn, added) == "Initech"
    targets.update_companies(conn, {added: {"name": f"Ini{ZERO_WIDTH}tech Labs"}})
    assert targets.company_name(conn, added) == "Initech Labs"
    with pytest.raises(InvalidInputError, match="needs a name"):
        targets.update_companies(conn, {added: {"name": ZERO_WIDTH}})


def test_a_target_list_row_with_them_updates_the_company_you_have(conn):
    targets.add_company(conn, "Globex Corp", industry="Software", motivation=2)
    data = f"name,industry\nGlobex{ZERO_WIDTH} Corp,Software\n{ZERO_WIDTH}\n".encode()
    preview = targets.read_target_list(conn, data, "list.csv")
    assert list(preview.frame["name"]) == ["Globex Corp"]
    assert [p.reason for p in preview.problems] == ["It has no company name."]
    assert preview.newly_targeted == 0
    targets.import_target_list(conn, preview)
    assert companies(conn) == [("Globex Corp", "target")]


CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Quill,https://www.linkedin.com/in/ada,,Globex\u200b Corp,Engineer,01 Jan 2024\n"
    "Bo,Li,https://www.linkedin.com/in/bo,,Globex\u00a0Corp \u200b,Designer,02 Jan 2024\n"
)


def test_the_linkedin_import_puts_them_at_the_company_you_have(conn):
    targets.add_company(conn, "Globex Corp")
    read = linkedin.read_connections(CONNECTIONS.encode(), "Connections.csv")
    assert read.frame["company"].tolist() == ["Globex Corp", "Globex Corp"]
    general, _ = linkedin._parse_connections(CONNECTIONS.encode(), plain=False)
    assert general.column("company").to_pylist() == ["Globex Corp", "Globex Corp"]
    importer.import_file(conn, CONNECTIONS.encode(), filename="Connections.csv")
    assert companies(conn) == [("Globex Corp", "target")]
    at = conn.execute("SELECT DISTINCT company_id FROM contacts").fetchall()
    assert at == [(targets.find_company_id(conn, "Globex Corp"),)]


def test_names_in_other_scripts_keep_their_letters():
    assert targets.visible_name("Müller & Søn ") == "Müller & Søn"
    assert targets.visible_name("東京\u200b電力") == "東京電力"
