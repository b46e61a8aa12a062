"""The one Markdown escaper: every page and module shows user text through it."""

from __future__ import annotations

import re
from datetime import date, datetime

from infoint import outreach, text


def test_markup_is_shown_as_typed():
    assert text.plain_markdown("![](https://evil.example/p.png)") == (
        r"\!\[\]\(https\://evil\.example/p\.png\)"
    )
    assert text.plain_markdown(":red[Ana] **bold** <b>x</b> 1. a_b") == (
        r"\:red\[Ana\] \*\*bold\*\* \<b\>x\</b\> 1\. a\_b"
    )


def test_every_markdown_character_is_escaped_once():
    special = "\\`*_{}[]()<>#+-.!|~$:="
    escaped = text.plain_markdown(special)
    assert escaped == "".join(f"\\{c}" for c in special)
    # no special character is left without its backslash
    assert not re.search(r"(?<!\\)[`*_{}\[\]()<>#+\-.!|~$:=]", escaped)


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
