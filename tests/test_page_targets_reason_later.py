"""Targets: choosing 'Ruled out' asks for the reason with a plain hint; the red refusal is for
a save without one.

The walkthrough: picking 'Ruled out' in the Status cell showed at once, in red, "Say why you are
ruling out Volt: …", before there was a chance to type the reason in the next cell (since
9c74b00 checks edits as they are typed). Scores out of range are still refused at once.
"""

from __future__ import annotations

from tests.test_page_targets import (
    button,
    companies,
    edit,
    network,  # noqa: F401 (a fixture)
    run_targets,
)

REFUSAL = "Say why you are ruling out Volt: what you learned is worth keeping."


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_ruling_out_says_a_reason_is_needed_without_an_error_until_save(network):  # noqa: F811
    at = run_targets()
    before = companies(network)
    edit(at, {1: {"status": "ruled_out"}})  # Volt, the second by rank
    assert not at.error
    assert "Say why you are ruling out Volt under Reason, then save." in captions(at)
    button(at, "Save changes").click()
    run_targets(at)
    assert [e.value for e in at.error] == [REFUSAL]
    assert companies(network) == before
    edit(at, {1: {"status": "ruled_out", "ruled_out_reason": "Shift work"}})
    assert not at.error
    assert "Say why" not in captions(at)
    button(at, "Save changes").click()
    run_targets(at)
    assert not at.error
    assert companies(network)["Volt"] == ("ruled_out", "Energy", 2, "Shift work")


def test_clearing_the_reason_of_one_ruled_out_is_a_hint_too(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"status": "ruled_out", "ruled_out_reason": "Shift work"}})
    button(at, "Save changes").click()
    run_targets(at)
    at = run_targets()
    [volt] = [i for i, name in enumerate(at.dataframe[0].value["name"]) if name == "Volt"]
    edit(at, {volt: {"ruled_out_reason": ""}})
    assert not at.error
    assert "Say why you are ruling out Volt under Reason, then save." in captions(at)


def test_a_score_out_of_range_is_still_refused_at_once_beside_a_reason_to_come(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"status": "ruled_out", "postings": 9}})
    assert [e.value for e in at.error] == [
        "The postings of Volt must be a whole number from 0 to 3, not '9'."
    ]
    edit(at, {0: {"motivation": -1}, 1: {"status": "ruled_out"}})
    assert [e.value for e in at.error] == [
        "The motivation of Acme must be a whole number from 0 to 3, not '-1'."
    ]
