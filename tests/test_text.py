"""The one Markdown escaper: every page and module shows user text through it."""

from __future__ import annotations

import re
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from infoint import outreach, text
from infoint.errors import InvalidInputError


def test_markup_is_shown_as_typed():
    assert text.plain_markdown("![](https://evil.example/p.png)") == (
        r"\!\[\]\(https\://evil\.example/p\.png\)"
    )
    assert text.plain_markdown(":red[Ana] **bold** <b>x</b> 1. a_b") == (
        r"\:red\[Ana\] \*\*bold\*\* \<b\>x\</b\> 1\. a\_b"
    )


def test_every_markdown_character_is_escaped_once():
    special = "\\`*_{}[]()<>#+-.!|~$:=&"
    escaped = text.plain_markdown(special)
    assert escaped == "".join(f"\\{c}" for c in special)
    # no special character is left without its backslash
    assert not re.search(r"(?<!\\)[`*_{}\[\]()<>#+\-.!|~$:=&]", escaped)


def test_a_typed_entity_is_shown_as_typed_not_as_the_character_it_names():
    # Markdown reads "&amp;" as "&": the user who typed it sees what they typed.
    assert text.plain_markdown("Tom &amp; Jerry &#42;") == r"Tom \&amp; Jerry \&\#42;"


def test_the_outreach_preview_uses_the_same_escaper():
    body = "Hi ![](https://x.example/a.png) {first_name}"
    assert outreach.preview_markdown(body) == (
        text.plain_markdown("Hi ![](https://x.example/a.png) ")
        + r":orange-background[**\{first_name\}**]"
    )
    assert not hasattr(outreach, "_escape_markdown")


def test_one_way_to_write_a_date():
    assert text.day(date(2026, 11, 26)) == "26 Nov 2026"
    assert text.day(date(2026, 3, 2)) == "2 Mar 2026"  # no leading zero
    assert text.day(datetime(2026, 3, 2, 23, 59)) == "2 Mar 2026"
    assert text.moment(datetime(2026, 3, 2, 9, 5)) == "2 Mar 2026, 09:05"
    assert text.DATE_INPUT_FORMAT == "DD/MM/YYYY"
    assert text.DATE_COLUMN_FORMAT == "D MMM YYYY"


def test_a_typed_date_is_read_day_first_or_as_yyyy_mm_dd():
    assert text.typed_day("25/12/2026") == date(2026, 12, 25)
    assert text.typed_day(" 1/5/2027 ") == date(2027, 5, 1)
    assert text.typed_day("24.12.2026") == text.typed_day("24-12-2026") == date(2026, 12, 24)
    assert text.typed_day("2026-12-25") == date(2026, 12, 25)
    assert text.typed_day("29/02/2028") == date(2028, 2, 29)
    assert text.typed(date(2027, 5, 1)) == "01/05/2027"
    assert text.typed_day(text.typed(date(2027, 5, 1))) == date(2027, 5, 1)


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("31/02/2026", "There is no 31 February 2026; check that holiday."),
        ("2026-04-31", "There is no 31 April 2026; check that holiday."),
        (
            "12/13/2026",
            "'12/13/2026' has no month 13; write each holiday as day/month/year, e.g. 25/12/2026.",
        ),
        (
            "25/12/26",
            "'25/12/26' is not a date; write each holiday as day/month/year, e.g. 25/12/2026.",
        ),
        (
            "01/01/0000",
            "'01/01/0000' is not a date; write each holiday as day/month/year, e.g. 25/12/2026.",
        ),
        (
            "0000-02-30",
            "'0000-02-30' is not a date; write each holiday as day/month/year, e.g. 25/12/2026.",
        ),
    ],
)
def test_a_date_that_cannot_be_is_refused_in_one_sentence(typed, sentence):
    with pytest.raises(InvalidInputError) as refused:
        text.typed_day(typed, "holiday")
    assert str(refused.value) == sentence


def test_counts_and_lists_read_as_sentences():
    assert text.counted(1, "row") == "1 row"
    assert text.counted(0, "row") == "0 rows"
    assert text.counted(1200, "company", "companies") == "1,200 companies"
    assert text.joined([]) == ""
    assert text.joined(["a"]) == "a"
    assert text.joined(["a", "b"]) == "a and b"
    assert text.joined(["a", "b", "c"], "or") == "a, b or c"


def test_a_markdown_table_aligns_numbers_right_and_shows_cells_as_typed():
    table = text.markdown_table(
        ["What", "This week", "Last 12 weeks"],
        [("Outreach", np.int64(3), 1200), ("Met [them](x)", 0, 7)],
    )
    assert table.splitlines() == [
        "| What | This week | Last 12 weeks |",
        "|:--|--:|--:|",
        "| Outreach | 3 | 1,200 |",
        r"| Met \[them\]\(x\) | 0 | 7 |",
    ]


def test_a_markdown_table_with_no_rows_is_its_header():
    assert text.markdown_table(["What", "Count"], []).splitlines() == [
        "| What | Count |",
        "|:--|:--|",
    ]


def test_a_day_ahead_says_its_weekday_first():
    assert text.weekday_day(date(2026, 12, 1)) == "Tue 1 Dec 2026"


@pytest.mark.parametrize(
    ("share", "said"),
    [
        (None, "–"),
        (0, "0 %"),
        (0.004, "<1 %"),
        (0.005, "<1 %"),
        (0.4, "40 %"),
        (0.125, "12 %"),
        (0.996, ">99 %"),
        (1, "100 %"),
    ],
)
def test_a_share_never_reads_as_none_or_all_when_it_is_not(share, said):
    assert text.percent(share) == said


def test_whole_percents_for_a_table_never_show_none_or_all_when_it_is_not():
    """A table's number cannot say '<1 %': 1 and 99 are the nearest that do not mislead."""
    shares = pd.Series([0.004, 0.996, 0.0, 1.0, 0.4, 0.125, np.nan])
    got = text.whole_percents(shares)
    assert got.iloc[:6].tolist() == [1, 99, 0, 100, 40, 12]
    assert np.isnan(got.iloc[6])
