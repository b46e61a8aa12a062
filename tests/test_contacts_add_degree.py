"""contacts.add_contact applies the 2nd-degree rule itself, as the Contacts page, the edit
form (`update_contact`) and a meeting's introductions do: a 2nd-degree contact needs the
person who connects you. Before, only the page asked, so any other caller could add a 2nd
with no one named."""

from __future__ import annotations

import pytest

from infoint import contacts
from infoint.errors import InvalidInputError

REFUSED = (
    r"^A 2nd-degree contact needs the person who connects you: pick their mutual contact "
    r"\(or who introduced them\), or choose 1st or cold\.$"
)


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0]


def test_a_2nd_with_no_one_who_connects_you_is_refused_and_nothing_is_added(conn):
    with pytest.raises(InvalidInputError, match=REFUSED):
        contacts.add_contact(conn, "Bo", "Berg", company="Acme", degree="2nd")
    assert count(conn) == 0
    assert conn.execute("SELECT count(*) FROM companies").fetchall() == [(0,)]


def test_a_2nd_with_a_mutual_contact_or_an_introducer_is_added(conn):
    ana = contacts.add_contact(conn, "Ana", "Lee")
    bo = contacts.add_contact(conn, "Bo", "Berg", degree="2nd", mutual_contact_id=ana)
    cy = contacts.add_contact(conn, "Cy", "Chu", degree="2nd", referred_by=ana)
    assert [(contacts.get_contact(conn, who).degree) for who in (bo, cy)] == ["2nd", "2nd"]
    assert contacts.get_contact(conn, bo).mutual_contact_id == ana
    assert contacts.get_contact(conn, cy).referred_by == ana


@pytest.mark.parametrize("degree", ["1st", "cold"])
def test_a_1st_or_cold_contact_needs_no_one(conn, degree):
    contacts.add_contact(conn, "Dee", "Moss", degree=degree)
    assert count(conn) == 1
