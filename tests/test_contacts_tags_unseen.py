"""Tags are saved as they read: characters that take no room (Unicode's format characters, such
as the word joiner) are taken out and other spaces made plain, as a typed email or company name
is (`targets.visible_name`, 03869dd).

Contacts' confirmation quotes the tags it saved, an address among them with a word joiner where
it starts to be one (`ui.unlinked`, c350ec2), so it shows as text. Copied out of it and pasted
back into Tags, the address was saved with the joiner (U+2060) after its '@': a tag that looks
like 'ana@example.org' and is not, and 'warm' with a joiner beside 'warm' was not a repeat."""

from __future__ import annotations

import pytest

from infoint import contacts, ui
from tests.test_ui_as_written import _ESCAPED

JOINER = "\u2060"


def save_tags(conn, contact_id: int, tags: str) -> str:
    contacts.update_contact(
        conn,
        contact_id,
        email="",
        degree="1st",
        mutual_contact_id=None,
        referred_by=None,
        notes="",
        tags=tags,
    )
    return contacts.get_contact(conn, contact_id).tags


def test_tags_copied_out_of_the_confirmation_are_saved_as_they_read(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    typed = "ana@example.org, warm, warm"
    assert save_tags(conn, ann, typed) == "ana@example.org, warm"
    said = contacts.tags_note(typed)
    assert said == "Tags saved as “ana@example.org, warm”: a repeat was left out."
    # What the user copies is the text on screen (the page shows the note through ui.plain and
    # ui.unlinked): the tags it quotes, the joiner with them.
    copied = _ESCAPED.sub(r"\1", ui.unlinked(ui.plain("ana@example.org, warm")))
    assert JOINER in copied and copied.replace(JOINER, "") == "ana@example.org, warm"
    assert save_tags(conn, ann, copied) == "ana@example.org, warm"
    assert contacts.tags_note(copied) == ""  # the same tags: nothing left out to say


@pytest.mark.parametrize(
    "unseen",
    [
        "\u2060",  # word joiner
        "\u200b",  # zero-width space
        "\u200c",  # zero-width non-joiner
        "\u200d",  # zero-width joiner
        "\ufeff",  # byte-order mark
        "\u00ad",  # soft hyphen
        "\u200e",  # left-to-right mark
    ],
)
@pytest.mark.parametrize(
    "typed",
    ["{u}warm, alumni", "wa{u}rm, alumni", "warm{u}, alumni", "warm, {u}alumni{u}"],
)
def test_characters_that_take_no_room_are_taken_out_of_tags(conn, unseen, typed):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    assert save_tags(conn, ann, typed.format(u=unseen)) == "warm, alumni"


def test_a_tag_unseen_but_for_its_hidden_characters_is_a_repeat(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    typed = f"warm, warm{JOINER}, Warm\u200b"
    assert save_tags(conn, ann, typed) == "warm"
    assert contacts.tags_note(typed) == "Tags saved as “warm”: 2 repeats were left out."


def test_other_spaces_are_plain_in_tags_and_hidden_ones_alone_are_no_tag(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    typed = f"warm\u00a0lead, {JOINER}\u200b, hiring\u202f"
    assert save_tags(conn, ann, typed) == "warm lead, hiring"
    assert (
        contacts.tags_note(typed) == "Tags saved as “warm lead, hiring”: an empty tag was left out."
    )


def test_tags_saved_before_with_a_joiner_are_merged_clean(conn):
    """Tags saved with a joiner before (here, written as they were kept) read clean when two
    records are merged, the repeat once."""
    ann = contacts.add_contact(conn, "Ann", "Lee")
    ann_again = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.execute("UPDATE contacts SET tags = ? WHERE id = ?", [f"ana@{JOINER}example.org", ann])
    conn.execute("UPDATE contacts SET tags = ? WHERE id = ?", ["ana@example.org, warm", ann_again])
    contacts.merge_contacts(conn, ann, ann_again)
    assert contacts.get_contact(conn, ann).tags == "ana@example.org, warm"
