"""An address copied out of the app's own words is taken as it reads. `ui.as_written` puts a
word joiner (U+2060, unseen) where an address in an error starts, so that it is no link; a
user who copies the address copies the joiner too. A LinkedIn profile address or an email
typed or pasted is read without such characters (Unicode's format characters, category Cf),
and saved without them."""

from __future__ import annotations

import re

import pytest

from infoint import contacts, ui
from infoint.errors import InvalidInputError
from infoint.linkedin import normalise_profile_url
from tests.test_contacts_refusal_words import NOT_A_PROFILE

EXAMPLE = "https://www.linkedin.com/in/name"
# Characters that take no room: word joiner, zero-width space, non-joiner and joiner, and the
# byte-order mark (a zero-width no-break space).
UNSEEN = ["\u2060", "\u200b", "\u200c", "\u200d", "\ufeff"]


def copied_from(shown: str, pattern: str) -> str:
    """What a user copies of an address `ui.as_written` shows: the joiners in it come too (none
    of these addresses has a Markdown mark, which the browser would show without its escape)."""
    found = re.search(pattern, shown)
    assert found is not None, shown
    assert ui.WORD_JOINER in found.group()  # as shown: no link, a joiner in it
    return found.group()


def stored(conn, contact_id: int) -> tuple[str, str, str]:
    return conn.execute(
        "SELECT coalesce(email, ''), coalesce(linkedin_url, ''), profile_key FROM contacts"
        " WHERE id = ?",
        [contact_id],
    ).fetchall()[0]


def test_the_example_address_copied_from_the_refusal_is_taken_and_saved_clean(conn):
    with pytest.raises(InvalidInputError) as refused:
        contacts.add_contact(conn, "Mira", "Stone", linkedin_url="linkedin.com/mira")
    copied = copied_from(ui.as_written(str(refused.value)), r"https\S+/in/name")
    assert str(refused.value) == NOT_A_PROFILE

    added = contacts.add_contact(conn, "Mira", "Stone", linkedin_url=copied)

    assert stored(conn, added)[1:] == (EXAMPLE, EXAMPLE)
    assert contacts.profile_owner(conn, copied) == (added, "Mira Stone")


def test_an_email_copied_from_the_app_is_taken_and_saved_clean(conn):
    copied = copied_from(ui.as_written("Write to ana@example.org."), r"ana\S+\.org")

    added = contacts.add_contact(conn, "Ana", email=copied)

    assert stored(conn, added)[0] == "ana@example.org"


def test_an_email_copied_from_the_app_is_saved_clean_on_a_person_edited(conn):
    ana = contacts.add_contact(conn, "Ana")
    copied = copied_from(ui.as_written("Write to ana@example.org."), r"ana\S+\.org")

    contacts.update_contact(
        conn, ana, email=copied, degree="1st", mutual_contact_id=None, referred_by=None,
        notes="", tags="",
    )  # fmt: skip

    assert contacts.get_contact(conn, ana).email == "ana@example.org"


@pytest.mark.parametrize("unseen", UNSEEN)
@pytest.mark.parametrize(
    "typed",
    [
        "{0}https://www.linkedin.com/in/name",
        "https{0}://www{0}.linkedin.com/in/name",
        "https://www.linked{0}in.com/in/na{0}me",
        "https://www.linkedin.com/in/name{0}",
        "www.linkedin.com/in/name/{0} ",
    ],
)
def test_a_profile_address_is_read_without_what_takes_no_room(typed, unseen):
    assert normalise_profile_url(typed.format(unseen)) == EXAMPLE


@pytest.mark.parametrize("unseen", UNSEEN)
def test_a_trailing_joiner_is_not_saved_as_part_of_the_address(conn, unseen):
    added = contacts.add_contact(conn, "Mira", linkedin_url=f"{EXAMPLE}{unseen}")
    assert stored(conn, added)[1:] == (EXAMPLE, EXAMPLE)


@pytest.mark.parametrize("unseen", UNSEEN)
def test_an_email_is_read_without_what_takes_no_room(unseen):
    assert contacts._checked_email(f"{unseen}ana@{unseen}example.org{unseen}") == "ana@example.org"


def test_an_address_of_nothing_but_joiners_is_no_address(conn):
    added = contacts.add_contact(conn, "Mira", email="\u2060", linkedin_url="\u2060\u200b")
    assert stored(conn, added)[:2] == ("", "")


def test_an_address_still_wrong_without_its_joiners_is_refused_as_it_reads(conn):
    with pytest.raises(InvalidInputError) as refused:
        contacts.add_contact(conn, "Ana", email="ana@\u2060example")
    assert str(refused.value) == (
        "'ana@example' does not look like an email address: check it, or leave it empty."
    )
    assert contacts.count_contacts(conn) == 0
