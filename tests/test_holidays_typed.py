"""Holidays typed as the app writes dates ('24 Dec 2026'), besides day/month/year and ISO; a
holiday more than a year ago is saved but named, as the mistyped year it most likely is."""

from __future__ import annotations

from datetime import date

import pytest

from infoint import profile
from infoint.errors import InvalidInputError

NOT_A_DATE = "is not a date; write each holiday as 25 Dec 2026 or 25/12/2026 and save again."


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("24 Dec 2026", (date(2026, 12, 24),)),
        ("24 December 2026", (date(2026, 12, 24),)),
        ("2 mar 2027", (date(2027, 3, 2),)),
        ("1 Sept 2027", (date(2027, 9, 1),)),
        ("24 Dec. 2026", (date(2026, 12, 24),)),
        ("24 Dec 2026, 25 Dec 2026", (date(2026, 12, 24), date(2026, 12, 25))),
        ("24 Dec 2026 31/12/2026", (date(2026, 12, 24), date(2026, 12, 31))),
        ("24 Dec 2026\n25/12/2026\n2026-12-26", tuple(date(2026, 12, d) for d in (24, 25, 26))),
    ],
)
def test_a_holiday_is_read_as_the_app_writes_dates(typed, expected):
    assert profile.parse_holidays(typed) == expected


def test_the_app_s_own_dates_read_back_to_the_same_days():
    from infoint import text

    days = (date(2026, 12, 24), date(2027, 1, 1), date(2027, 9, 30))
    assert profile.parse_holidays("\n".join(text.day(d) for d in days)) == days


@pytest.mark.parametrize("line", ["not a date", "Christmas 25/12/2026", "24 Decc 2026", "24"])
def test_a_line_that_is_no_date_is_quoted_whole_with_both_forms_as_examples(line):
    with pytest.raises(InvalidInputError) as refused:
        profile.parse_holidays(f"24/12/2026\n  {line} \n26/12/2026")
    assert str(refused.value) == f"'{line}' {NOT_A_DATE}"


def test_a_named_day_that_does_not_exist_is_refused_as_a_typed_one_is():
    with pytest.raises(InvalidInputError) as refused:
        profile.parse_holidays("31 Feb 2027")
    assert str(refused.value) == "There is no 31 February 2027; check that holiday."


def save(conn, holidays_text, name="Sam"):
    return profile.save_profile(
        conn, name=name, job_title="", focus_kind="industry", focus="x", holidays_text=holidays_text
    )


def test_a_holiday_more_than_a_year_ago_is_saved_and_named_as_a_likely_typo(conn):
    saved = save(conn, "25/12/2026\n01/01/1990")
    assert saved.holidays == (date(1990, 1, 1), date(2026, 12, 25))
    assert profile.long_past_warning(saved, date(2026, 11, 27)) == (
        "1 Jan 1990 is more than a year ago, so it cannot change when a follow-up is due: "
        "check its year, or remove it."
    )


def test_a_holiday_up_to_a_year_ago_is_no_worry():
    """27 Nov 2025 is a year before 27 Nov 2026; 26 Nov 2025 a day more."""
    me = profile.Profile("", "", "industry", "", "", (date(2025, 11, 27),), "")
    assert profile.long_past_warning(me, date(2026, 11, 27)) == ""
    older = profile.Profile("", "", "industry", "", "", (date(2025, 11, 26),), "")
    assert profile.long_past_warning(older, date(2026, 11, 27)).startswith("26 Nov 2025 is ")


def test_a_year_before_29_february_is_28_february():
    me = profile.Profile("", "", "industry", "", "", (date(2027, 2, 27), date(2027, 2, 28)), "")
    assert profile.long_past_warning(me, date(2028, 2, 29)).startswith("27 Feb 2027 is more")


def test_several_old_holidays_are_named_together():
    days = (date(1990, 1, 1), date(1995, 2, 2), date(2026, 12, 25))
    me = profile.Profile("", "", "industry", "", "", days, "")
    assert profile.long_past_warning(me, date(2026, 11, 27)) == (
        "1 Jan 1990 and 2 Feb 1995 are more than a year ago, so they cannot change when a "
        "follow-up is due: check their years, or remove them."
    )


def test_a_holiday_after_next_year_is_saved_and_named_as_a_likely_typo(conn):
    """The mirror of the long-past day: 25/12/2206 for 2026 is saved, then named."""
    saved = save(conn, "25/12/2026\n25/12/2206")
    assert saved.holidays == (date(2026, 12, 25), date(2206, 12, 25))
    assert profile.far_ahead_warning(saved, date(2026, 11, 27)) == (
        "25 Dec 2206 is after the end of next year, so it will not change when a follow-up is "
        "due for a long while: check its year."
    )
    assert profile.long_past_warning(saved, date(2026, 11, 27)) == ""


def test_next_years_holidays_typed_in_november_are_no_worry():
    """On 27 Nov 2026 next Christmas (25 and 26 Dec 2027) is typed in good faith: anything up
    to 31 Dec 2027 is; 1 Jan 2028 is a day after."""
    days = (date(2027, 11, 28), date(2027, 12, 25), date(2027, 12, 26), date(2027, 12, 31))
    me = profile.Profile("", "", "industry", "", "", days, "")
    assert profile.far_ahead_warning(me, date(2026, 11, 27)) == ""
    later = profile.Profile("", "", "industry", "", "", (date(2028, 1, 1),), "")
    assert profile.far_ahead_warning(later, date(2026, 11, 27)).startswith("1 Jan 2028 is ")
    # on 1 January the end of next year is still almost two years ahead
    assert profile.far_ahead_warning(later, date(2027, 1, 1)) == ""


def test_several_far_holidays_are_named_together():
    days = (date(2026, 12, 25), date(2206, 1, 1), date(2207, 2, 2))
    me = profile.Profile("", "", "industry", "", "", days, "")
    assert profile.far_ahead_warning(me, date(2026, 11, 27)) == (
        "1 Jan 2206 and 2 Feb 2207 are after the end of next year, so they will not change when "
        "a follow-up is due for a long while: check their years."
    )
