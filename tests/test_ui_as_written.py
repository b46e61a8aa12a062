"""Errors are shown as written: an error quoting what the user typed (a holiday line, an email
address, a company or file name) shows those characters, never bold, a link, an icon or a
formula made of them (`ui.show_error`, `ui.as_written`); an address shows as text, not as a link."""

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


# A web or email address GFM makes a link of, found in the text as read (escapes taken off,
# the word joiners `as_written` puts in kept): where it starts to be one, and its previous
# character, which must be a space, punctuation or nothing.
_LINKED = re.compile(r"(?<![A-Za-z0-9])(https?://|www\.)[\w-]|[\w.+-]@[\w-]+\.\w", re.I)


def shown(markdown: str) -> str:
    """What the reader sees: escapes read, the word joiners (no width) not seen."""
    return _ESCAPED.sub(r"\1", markdown).replace(ui.WORD_JOINER, "")


def linked(markdown: str) -> list[str]:
    """The addresses GFM would make links of."""
    return [m.group() for m in _LINKED.finditer(_ESCAPED.sub(r"\1", markdown))]


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


def test_an_error_quoting_an_address_shows_it_as_text_not_a_link(app_db):
    """'ana@example.org' typed where a holiday goes came back in the error as a mailto link
    (and a web address as a link to it): seen in Chromium, and no escape stops it."""
    at = open_page()
    typed = "ana@e.org https://e.com/a_b www.e.com"
    at.text_area(key="profile_holidays").set_value(typed)
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    [error] = at.error
    assert shown(error.value).startswith(f"'{typed}' is not a date; ")
    assert linked(error.value) == []
    assert linked(typed) == ["a@e.o", "https://e", "www.e"]  # as GFM would find them


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
    assert linked(markdown) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "'not-an-email' does not look like an email address: check it, or leave it empty.",
        "The postings of Delta must be a whole number from 0 to 3, not '9'.",
        "Pick the meeting's date.",
        "A meeting at 14:30 (e.g. 3.5 hours) is fine! {Name} stays + 2 = 4 #1.",
        "Tom & Jerry's file Connections.csv.",
    ],
)
def test_an_ordinary_sentence_is_left_as_it_is(sentence):
    assert ui.as_written(sentence) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "'ana@example.org' is taken.",
        "That does not look like a LinkedIn profile address: paste one like "
        "https://www.linkedin.com/in/name, or leave it empty.",
        "(bo@x.org) _http://x.org_ [www.x.org] mailto:cy@x.org HTTPS://E.COM/A",
    ],
)
def test_an_address_reads_as_written_and_is_no_link(sentence):
    """Only word joiners (no width) are added, where the address starts to be one."""
    markdown = ui.as_written(sentence)
    assert linked(sentence) and linked(markdown) == []
    assert shown(markdown) == sentence
