"""Errors are shown as written: an error quoting what the user typed (a holiday line, an email
address, a company or file name) shows those characters, never bold, a link, an icon or a
formula made of them (`ui.show_error`, `ui.as_written`)."""

from __future__ import annotations

import re

import pytest

from infoint import ui
from tests.test_page_settings import open_page, run

# A backslash before ASCII punctuation shows that character (CommonMark): what is left once
# they are read is the text on screen.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# Marks still read as Markdown or by Streamlit, once escaped characters are set aside.
_LIVE = re.compile(
    r"[*_`~\[\]$<>|]|:[\w+-]+:|:[\w-]+\[|&#?\w+;|:material/|^\s*([-+=#>]|\d+[.)])", re.M
)

TYPED = "**25 Dec** [a](http://e.com) _x_ :red[y] $x$ ~z~ &amp; `c` :material/home:"


def shown(markdown: str) -> str:
    return _ESCAPED.sub(r"\1", markdown)


def live_marks(markdown: str) -> list[str]:
    return [m.group() for m in _LIVE.finditer(_ESCAPED.sub("\0", markdown))]


def test_an_error_quoting_typed_marks_shows_them_as_typed(app_db):
    at = open_page()
    typed = "**25 Dec** [a](http://e.com) _x_"
    at.text_area(key="profile_holidays").set_value(typed)
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    [error] = at.error
    assert shown(error.value).startswith(f"'{typed}' is not a date; ")
    assert live_marks(error.value) == []


@pytest.mark.parametrize(
    "written",
    [
        TYPED,
        "- a list\n1. numbered\n# heading\n> quote\n+ more\n=== under",
        "'ana_b@example.org' is taken; www.example.com and https://e.com/a_b*c?q=[1]",
        "https://www.linkedin.com/in/ana_b/ and www.e.com/~x",
        ":smile: at 12:30:45, :blue-background[x], :streamlit:, a\\*b and a \\ alone",
        "The demo data is already loaded; remove it first (in Settings, or with"
        " `infoint demo --remove`).",
    ],
)
def test_what_markdown_reads_as_marks_is_escaped_and_reads_back_as_written(written):
    markdown = ui.as_written(written)
    assert shown(markdown) == written
    assert live_marks(markdown) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "'not-an-email' does not look like an email address: check it, or leave it empty.",
        "The postings of Delta must be a whole number from 0 to 3, not '9'.",
        "Pick the meeting's date.",
        "A meeting at 14:30 (e.g. 3.5 hours) is fine! {Name} stays + 2 = 4 #1.",
        "Tom & Jerry's file Connections.csv.",
        "'ana@example.org' is taken.",
        "That does not look like a LinkedIn profile address: paste one like "
        "https://www.linkedin.com/in/name, or leave it empty.",
    ],
)
def test_an_ordinary_sentence_is_left_as_it_is(sentence):
    assert ui.as_written(sentence) == sentence
