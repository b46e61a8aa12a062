"""The nudge against questions a web search answers hears them as people type them: 'What does
your company sell?' passed unremarked (seen in Chromium, helper-173), as the rule allowed one
word between 'does' and 'sell'."""

import pytest

from infoint import questions


@pytest.mark.parametrize(
    "text",
    [
        "What does your company sell?",
        "What does Vantage Analytics make?",
        "What does the firm do?",
        "So what does your company actually do?",
        "What does Acme sell?",
    ],
)
def test_what_the_company_sells_or_does_gets_the_nudge(text):
    hint = questions.searchable_hint(text)
    assert hint and "what the company sells" in hint


@pytest.mark.parametrize(
    "text",
    [
        "What does your team do day to day?",
        "What does a good first year look like here?",
        "What does it take to make the move from teaching into this work?",
        "What does your manager do to help new people settle in?",
        "What does your team make of the new rules?",
        "What does it make sense to learn first?",
    ],
)
def test_what_only_someone_inside_knows_gets_none(text):
    assert questions.searchable_hint(text) is None
