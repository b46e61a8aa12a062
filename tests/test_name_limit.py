"""Names are at most targets.NAME_LIMIT characters: a pasted paragraph is refused, data unchanged,
and an import skips the one row that has one rather than failing."""

import pytest

from infoint import contacts, targets
from infoint.errors import InvalidInputError
from infoint.linkedin import SkippedRow, read_connections

LONG_PERSON = "A" * 3000
LONG_COMPANY = "B" * 5000


def everything(conn):
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("contacts", "companies")
    ]


def test_a_person_with_a_3000_character_name_is_refused(conn):
    before = everything(conn)
    with pytest.raises(InvalidInputError) as refused:
        contacts.add_contact(conn, LONG_PERSON)
    assert str(refused.value) == "A name can be at most 200 characters; this one has 3,000."
    assert everything(conn) == before


def test_the_limit_counts_the_whole_name(conn):
    """First and last name as shown together: 100 + space + 100 is 201."""
    with pytest.raises(InvalidInputError, match="this one has 201"):
        contacts.add_contact(conn, "F" * 100, "L" * 100)
    assert contacts.add_contact(conn, "F" * 100, "L" * 99) > 0


def test_a_person_at_a_company_with_a_5000_character_name_is_refused(conn):
    before = everything(conn)
    with pytest.raises(InvalidInputError) as refused:
        contacts.add_contact(conn, "Ann", "Lee", company=LONG_COMPANY)
    assert str(refused.value) == "A name can be at most 200 characters; this one has 5,000."
    assert everything(conn) == before


def test_a_company_of_200_characters_is_added_and_one_of_5000_refused(conn):
    assert targets.add_company(conn, "C" * 200) > 0
    before = everything(conn)
    with pytest.raises(InvalidInputError) as refused:
        targets.add_company(conn, LONG_COMPANY)
    assert str(refused.value) == "A name can be at most 200 characters; this one has 5,000."
    assert everything(conn) == before


def test_renaming_a_company_to_a_paragraph_is_refused(conn):
    acme = targets.add_company(conn, "Acme")
    before = everything(conn)
    with pytest.raises(InvalidInputError, match="this one has 5,000"):
        targets.update_companies(conn, {acme: {"name": LONG_COMPANY}})
    assert everything(conn) == before


def test_a_target_list_skips_the_row_with_a_paragraph_for_a_name(conn):
    data = f"name,motivation\nAcme,2\n{LONG_COMPANY},3\nBeta,1\n".encode()
    preview = targets.read_target_list(conn, data, "list.csv")
    assert list(preview.frame["name"]) == ["Acme", "Beta"]
    assert [(p.line, p.reason) for p in preview.problems] == [
        (3, "A name can be at most 200 characters; this one has 5,000.")
    ]


HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def test_a_linkedin_export_skips_the_row_with_a_paragraph_for_a_name_or_company():
    text = (
        HEADER
        + "Ada,Quill,,,Co,X,01 Jan 2020\n"
        + f"{LONG_PERSON},Quill,,,Co,X,02 Jan 2020\n"
        + f"Bo,Li,,,{LONG_COMPANY},X,03 Jan 2020\n"
        + f"{'F' * 100},{'L' * 99},,,{'C' * 200},X,04 Jan 2020\n"
    )
    result = read_connections(text.encode(), filename="c.csv")
    assert result.frame["line"].tolist() == [2, 5]
    assert result.skipped == [
        SkippedRow(3, "name too long (3,006 characters; at most 200)"),
        SkippedRow(4, "company name too long (5,000 characters; at most 200)"),
    ]


def test_a_linkedin_export_of_only_paragraphs_says_why_nothing_was_read():
    from infoint.errors import NotAnExportError

    text = HEADER + f"{LONG_PERSON},,,,Co,X,01 Jan 2020\nBo,Li,,,{LONG_COMPANY},X,03 Jan 2020\n"
    with pytest.raises(NotAnExportError, match=r"1 with a name too long, 1 with a company name"):
        read_connections(text.encode(), filename="c.csv")
