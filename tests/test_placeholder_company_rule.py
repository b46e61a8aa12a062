"""A placeholder employer such as 'N/A' (`targets.PLACEHOLDER_COMPANIES`) is told in SQL, where
people are listed and counted, and in Python, where a record is captioned. The two were
written apart (lower(trim()) against .strip(" ").lower()) and could disagree: 'N/A' with a
tab read as no company on the record and as a company in the list (a review). One rule now:
`targets.is_placeholder_company` and `targets.placeholder_company_sql`, held to agree here."""

import sys

import duckdb
import pytest

from infoint import contacts, targets

TRICKY = [
    "N/A",
    "n/a",
    " N/A ",
    "N/A\t",
    "\tNone\n",
    "\u00a0Self-employed\u00a0",
    "Self\u00a0employed",
    "self  employed",
    "Looking\tfor work",
    "STEALTH\u2003MODE startup",
    "Not\u202fapplicable",
    "N/A\u3000",
    "N/A\x1c",
    "N/A\x85",
    "İndependent",
    "INDEPENDENT",
    "Freelance\u200b",  # an invisible character: saved without it (visible_name), not looked for
    "Frèelance",
    "Indépendant",
    "Retraité",
    "N / A",
    "N.A",
    "Acme",
    "",
    " ",
    "\t",
    "None of your business",
    "Na\u0308",
    "Stealth\u00a0\u00a0Startup",
]


def in_sql(names: list[str]) -> list[bool]:
    conn = duckdb.connect()
    try:
        rows = conn.execute(
            f"SELECT list_transform(?, lambda name: {targets.placeholder_company_sql('name')})",
            [names],
        ).fetchall()
    finally:
        conn.close()
    return rows[0][0]


def test_sql_and_python_agree_on_tricky_names():
    python = [targets.is_placeholder_company(name) for name in TRICKY]
    assert in_sql(TRICKY) == python
    said = dict(zip(TRICKY, python, strict=True))
    assert said["N/A\t"] and said["\u00a0Self-employed\u00a0"] and said["Looking\tfor work"]
    assert said["self  employed"] and said["İndependent"] and said["STEALTH\u2003MODE startup"]
    assert not said["Acme"] and not said["Indépendant"] and not said["N / A"] and not said[""]


@pytest.mark.parametrize("placeholder", targets.PLACEHOLDER_COMPANIES)
def test_each_placeholder_reads_as_one_however_spaced_or_cased(placeholder):
    variants = [
        placeholder,
        placeholder.upper(),
        placeholder.title(),
        f" {placeholder}\t",
        f"\u00a0{placeholder.replace(' ', chr(0x00A0))}\u00a0",
        placeholder.replace(" ", "  "),
    ]
    assert in_sql(variants) == [True] * len(variants)
    assert all(targets.is_placeholder_company(each) for each in variants)


def test_every_space_python_knows_is_a_space_in_sql():
    spaces = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]
    names = [f"{space}n{space}{space}/a{space}" for space in spaces]
    named = [f"not{space}applicable" for space in spaces]
    assert in_sql(names) == [False] * len(names)  # 'n /a' is no placeholder, in either
    assert in_sql(named) == [True] * len(named)
    assert all(targets.is_placeholder_company(each) for each in named)
    # and nothing else is: a letter, a mark or an invisible character between the words
    others = [f"not{chr(i)}applicable" for i in (0x5F, 0x2D, 0x200B, 0x2060, 0x180E, 0xB7)]
    assert in_sql(others) == [targets.is_placeholder_company(each) for each in others]


def test_the_record_and_the_list_say_the_same_of_an_employer(conn):
    """contacts.employer (a record's caption) follows the rule employer_sql follows (lists)."""
    for name in TRICKY:
        listed = conn.execute(
            f"SELECT coalesce({contacts.employer_sql('$1')}, '')", [name]
        ).fetchall()[0][0]
        assert (contacts.employer(name) == "") == (listed == ""), name
