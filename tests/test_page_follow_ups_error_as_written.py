"""Follow-ups shows why a snooze or dismissal did nothing as written (`ui.as_written`), as
`ui.show_error` does since 7a935a0: an error quoting typed text showed its stars as bold, its
brackets as a link and ':red[x]' in red."""

from __future__ import annotations

import pytest

from infoint import followups, ui
from infoint.errors import InvalidInputError
from tests.test_page_follow_ups import card, follow_ups_page, item_keys, run, silence  # noqa: F401 (a fixture)

MARKED = "**25 Dec** [a](http://e.com) _x_ :red[y] is not a day to snooze until."


@pytest.fixture
def refused(monkeypatch):
    def refuse(*args, **kwargs):
        raise InvalidInputError(MARKED)

    monkeypatch.setattr(followups, "snooze", refuse)
    monkeypatch.setattr(followups, "dismiss", refuse)


def test_a_refused_snooze_is_said_as_written(silence, refused):  # noqa: F811
    at = run(follow_ups_page())
    first = item_keys(at)[0]
    at.button(key=f"snooze_{first}").click()
    at.run()
    assert not at.exception, at.exception
    assert [e.value for e in card(at, first).error] == [ui.as_written(MARKED)]
    assert ui.as_written(MARKED) != MARKED  # it has marks to escape


def test_a_refused_dismissal_is_said_as_written(silence, refused):  # noqa: F811
    at = run(follow_ups_page())
    first = item_keys(at)[0]
    at.button(key=f"dismiss_{first}").click()
    run(at)
    [yes] = [b for b in card(at, first).button if b.label == "Yes, dismiss"]
    yes.click()
    at.run()
    assert not at.exception, at.exception
    assert [e.value for e in card(at, first).error] == [ui.as_written(MARKED)]
