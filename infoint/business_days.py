"""Business days, and what "within N business days" means, defined once.

The follow-up rules (try someone else after 3 business days of silence, follow up after 7)
and Insights ("replied within 3 business days") must agree on the same day, so both take
their counting from here:

- The business days between a message and an answer are the weekdays after the day the
  message went, up to and including the day the answer came, leaving out the user's
  holidays. Sent Monday, answered Thursday: Tuesday, Wednesday, Thursday — 3.
- An answer is *within N business days* when that count is N or less: sent Monday, an
  answer on Thursday is within 3, on Friday it is not.
- So the silence after N business days is noticed on the first day the count passes N:
  sent Monday, "try someone else" is due on Friday, once Thursday has gone by without an
  answer. `silence_noticed_on` gives that day; any answer before it was within N.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import numpy as np

from infoint.errors import InvalidInputError


def _days(values: Iterable[date]) -> np.ndarray:
    return np.array([np.datetime64(d, "D") for d in values], dtype="datetime64[D]")


def add_business_days(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    """The day `days` business days after `start` (weekends and `holidays` skipped).

    A start on a weekend or holiday counts from the business day before it, so three
    business days after a Saturday is the Wednesday.
    """
    return add_business_days_many([start], days, holidays)[0]


def add_business_days_many(
    starts: Iterable[date], days: int, holidays: Iterable[date] = ()
) -> list[date]:
    """`add_business_days` over many start days at once (vectorised with numpy)."""
    if days < 0:
        raise InvalidInputError("Count business days forward: the number must not be negative.")
    days_array = _days(starts)
    if not len(days_array):
        return []
    result = np.busday_offset(days_array, days, roll="backward", holidays=_days(holidays))
    return [d.astype(date) for d in result]


def business_days_between(start: date, end: date, holidays: Iterable[date] = ()) -> int:
    """The business days after `start` up to and including `end` (0 when `end` is not later)."""
    if end <= start:
        return 0
    one = timedelta(days=1)
    return int(np.busday_count(start + one, end + one, holidays=_days(holidays)))


def within(start: date, end: date, days: int, holidays: Iterable[date] = ()) -> bool:
    """Whether an answer on `end` to a message on `start` came within `days` business days."""
    return business_days_between(start, end, holidays) <= days


def silence_noticed_on_many(
    starts: Iterable[date], days: int, holidays: Iterable[date] = ()
) -> list[date]:
    """For messages sent on `starts`: the day silence of more than `days` business days
    begins, the first day on which an answer would no longer be `within` them."""
    return add_business_days_many(starts, days + 1, holidays)


def silence_noticed_on(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    return silence_noticed_on_many([start], days, holidays)[0]


# Weekdays from a Monday long ago up to, not including, the day `{d}` (an SQL DATE).
_WEEKDAYS_BEFORE = (
    "(date_diff('day', DATE '1970-01-05', {d}) // 7 * 5"
    " + least(date_diff('day', DATE '1970-01-05', {d}) % 7, 5))"
)


def between_sql(start: str, end: str, holidays: str) -> str:
    """`business_days_between` as an SQL expression over two DATE expressions.

    `holidays` names a relation with one DATE column `day` (the user's holidays).
    """
    after_start = f"(CAST({start} AS DATE) + 1)"
    after_end = f"(CAST({end} AS DATE) + 1)"
    return (
        f"greatest(0, {_WEEKDAYS_BEFORE.format(d=after_end)}"
        f" - {_WEEKDAYS_BEFORE.format(d=after_start)}"
        f" - (SELECT count(DISTINCT h.day) FROM {holidays} h WHERE h.day > CAST({start} AS DATE)"
        f" AND h.day <= CAST({end} AS DATE) AND isodow(h.day) < 6))"
    )
