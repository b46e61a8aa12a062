"""Referrals' headline says whom each number of its last sentence counts: a new user read
'3 people introduced you to someone … 2 of them, listed in the table below, named 2 people.
You have written to 1 of them (50 %) and met none yet.' and could not tell whether '1 of
them' were the introducers or the people they named (walkthrough in Chromium, demo data)."""

import pytest

from infoint import referrals


def totals(introduced: int, contacted: int, met: int, *, named_by: int = 2) -> referrals.Totals:
    return referrals.Totals(
        introducers=3,
        named_by=named_by,
        introduced=introduced,
        contacted=contacted,
        met=met,
        unnamed=0,
        unnamed_by=(),
        beyond=0,
    )


def test_the_walkthroughs_sentence_names_the_people_named():
    assert totals(2, 1, 0).sentence == (
        "3 people introduced you to someone (Referred or further in your funnel). "
        "2 of them, listed in the table below, named 2 people. "
        "Of the 2 people they named, you have written to 1 (50 %) and met none yet."
    )


@pytest.mark.parametrize(
    ("contacted", "met", "said"),
    [
        (3, 2, "Of the 4 people they named, you have written to 3 (75 %) and met 2."),
        (0, 0, "Of the 4 people they named, you have written to none since they were named."),
        (
            0,
            1,
            "Of the 4 people they named, you have written to none since they were named, "
            "but met 1.",
        ),
    ],
)
def test_several_named(contacted, met, said):
    sentence = totals(4, contacted, met).sentence
    assert sentence.endswith(f"named 4 people. {said}")
    assert "of them" not in sentence.split("named 4 people.")[1]


@pytest.mark.parametrize(
    ("contacted", "met", "said"),
    [
        (0, 0, "You have not written to that person since they were named."),
        (1, 0, "You have written to that person and not met them yet."),
        (1, 1, "You have written to that person and met them."),
        (0, 1, "You have met that person."),
    ],
)
def test_one_named_is_that_person(contacted, met, said):
    assert totals(1, contacted, met, named_by=1).sentence.endswith(
        f"1 of them, listed in the table below, named 1 person. {said}"
    )
