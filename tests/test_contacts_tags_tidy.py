"""Tags are saved tidy: trimmed, empty ones dropped, each once whatever its case, in the order
first typed; saving says so in one short line when a tag was left out, and nothing otherwise."""

import pytest

from infoint import contacts


@pytest.mark.parametrize(
    ("typed", "saved", "note"),
    [
        (
            "warm, , analytics,warm",
            "warm, analytics",
            "Tags saved as “warm, analytics”: an empty tag and a repeat were left out.",
        ),
        (
            " Warm ,hiring,, WARM,  warm lead ,Hiring,",
            "Warm, hiring, warm lead",
            "Tags saved as “Warm, hiring, warm lead”: 2 empty tags and 2 repeats were left out.",
        ),
        ("warm,", "warm", "Tags saved as “warm”: an empty tag was left out."),
        ("Café, café", "Café", "Tags saved as “Café”: a repeat was left out."),
        # nothing left out: said nothing, spacing aside
        ("alumni, warm", "alumni, warm", ""),
        ("alumni,warm", "alumni, warm", ""),
        ("  alumni   club ", "alumni club", ""),
        ("", "", ""),
        (" , ", "", ""),
    ],
)
def test_tags_are_tidied_and_a_tidying_is_said(typed, saved, note):
    assert contacts.normalise_tags(typed) == saved
    assert contacts.tags_note(typed) == note


def test_saving_details_keeps_the_tags_tidy(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    contacts.update_contact(
        conn,
        ann,
        email="",
        degree="1st",
        mutual_contact_id=None,
        referred_by=None,
        notes="",
        tags="warm, , analytics,warm, Analytics ",
    )
    assert contacts.get_contact(conn, ann).tags == "warm, analytics"
