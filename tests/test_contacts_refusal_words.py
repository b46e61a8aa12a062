"""A refused email or LinkedIn address says what to do next in the same sentence, and the
data stay as they were."""

import pytest

from infoint import contacts
from infoint.errors import InvalidInputError

NOT_AN_EMAIL = "'not-an-email' does not look like an email address: check it, or leave it empty."
NOT_A_PROFILE = (
    "That does not look like a LinkedIn profile address: paste one like "
    "https://www.linkedin.com/in/name, or leave it empty."
)


def test_adding_with_a_bad_email_says_what_to_do(conn):
    with pytest.raises(InvalidInputError) as refused:
        contacts.add_contact(conn, "Ann", "Lee", email=" not-an-email ")
    assert str(refused.value) == NOT_AN_EMAIL
    assert contacts.count_contacts(conn) == 0


def test_adding_with_a_bad_profile_address_says_what_to_do(conn):
    with pytest.raises(InvalidInputError) as refused:
        contacts.add_contact(conn, "Ann", "Lee", linkedin_url="https://example.com/ann")
    assert str(refused.value) == NOT_A_PROFILE
    assert contacts.count_contacts(conn) == 0
    # the example in the sentence is one that is taken
    ann = contacts.add_contact(conn, "Ann", "Lee", linkedin_url="https://www.linkedin.com/in/name")
    assert contacts.get_contact(conn, ann).linkedin_url == "https://www.linkedin.com/in/name"


def test_editing_with_a_bad_email_says_what_to_do_and_leaves_it_as_it_was(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee", email="ann@example.com")
    with pytest.raises(InvalidInputError) as refused:
        contacts.update_contact(
            conn,
            ann,
            email="not-an-email",
            degree="1st",
            mutual_contact_id=None,
            referred_by=None,
            notes="",
            tags="",
        )
    assert str(refused.value) == NOT_AN_EMAIL
    assert contacts.get_contact(conn, ann).email == "ann@example.com"
    # what the sentence offers, leaving it empty, is taken
    contacts.update_contact(
        conn,
        ann,
        email="",
        degree="1st",
        mutual_contact_id=None,
        referred_by=None,
        notes="",
        tags="",
    )
    assert contacts.get_contact(conn, ann).email == ""
