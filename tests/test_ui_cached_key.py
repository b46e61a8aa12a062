"""`ui.cached` keys Streamlit's cache on a fingerprint of its arguments (a hash of their
pickle), where Streamlit's own hashing walked every dataclass in them on every run."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date

from infoint import ui


@dataclass(frozen=True)
class Window:
    start: date
    end: date
    industries: tuple[str, ...] = ()


def test_arguments_that_differ_in_anything_get_their_own_fingerprint():
    base = ((Window(date(2026, 3, 2), date(2026, 3, 9)), 10), (("limit", 25),))
    others = [
        ((Window(date(2026, 3, 2), date(2026, 3, 10)), 10), (("limit", 25),)),
        ((Window(date(2026, 3, 2), date(2026, 3, 9), ("Energy",)), 10), (("limit", 25),)),
        ((Window(date(2026, 3, 2), date(2026, 3, 9)), 11), (("limit", 25),)),
        ((Window(date(2026, 3, 2), date(2026, 3, 9)), 10), (("limit", 26),)),
        ((Window(date(2026, 3, 2), date(2026, 3, 9)), "10"), (("limit", 25),)),
    ]
    assert len({ui._fingerprint(key) for key in [base, *others]}) == 1 + len(others)
    same = ((Window(date(2026, 3, 2), date(2026, 3, 9)), 10), (("limit", 25),))
    assert ui._fingerprint(same) == ui._fingerprint(base)


def test_a_key_that_cannot_be_pickled_is_left_to_streamlit():
    key = ((threading.Lock(),), ())
    assert ui._fingerprint(key) is key
