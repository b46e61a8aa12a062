"""Text shown on the pages: one Markdown escaper and one way to write dates.

Names, companies and positions come from imported LinkedIn files and from typing; in a
Markdown element (or a button label, which Streamlit also reads as Markdown) `![](https://…)`
would make the browser fetch a remote image, `[x](…)` would be a link and `:red[x]` a
directive. Escaping every Markdown character shows the text exactly as typed.

Dates read the same on every page: "26 Nov 2026" (with a time: "26 Nov 2026, 14:30"), in
text, in tables and in pickers' labels; date inputs take day/month/year. No numeric date is
shown, so 03/04 is never a question. A date typed as text is read day first too (25/12/2026),
and as YYYY-MM-DD, which cannot be misread.

Searches read text folded: any case, accents or none (`folded_sql`, `holds_sql`), so "zoe"
finds Zoë Ñúñez and "Zoë" finds Zoe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import MINYEAR, date, datetime
from numbers import Number
from typing import Any

from infoint.errors import InvalidInputError

# st.date_input(format=…): day first, as the dates shown.
DATE_INPUT_FORMAT = "DD/MM/YYYY"
# st.column_config.DateColumn / DatetimeColumn(format=…), in moment.js' words.
DATE_COLUMN_FORMAT = "D MMM YYYY"
MOMENT_COLUMN_FORMAT = "D MMM YYYY, HH:mm"
# st.column_config.NumberColumn(format=…) for counts: "29,699", as `counted` writes them, in
# every browser ("localized" would follow the browser's language: "29.699" in German).
COUNT_COLUMN_FORMAT = "%,d"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&])")


def folded_sql(sql: str) -> str:
    """SQL: the text of the expression `sql` as searches compare it, in lower case with its
    accents taken off ("Zoë Ñúñez" reads "zoe nunez"). Letters that are not a letter and an
    accent (ø, ł, ß) stay as they are: DuckDB's `strip_accents` takes off marks only."""
    return f"strip_accents(lower({sql}))"


def name_order_sql(name_sql: str) -> str:
    """SQL: the key that orders people by their name as it reads (`name_sql`, first name
    first), as Contacts' "Name (A–Z)" does: folded as searches fold (`folded_sql`), with what
    is not a letter, digit or space left out and spaces made one, so "émile Zola" and
    "Émile Abel" sort among the E's and 'Sam "Sammy" Lee' as "sam sammy lee". NULL for no
    name at all: order by it `NULLS LAST`."""
    return (
        "nullif(trim(regexp_replace(regexp_replace("
        + folded_sql(name_sql)
        + r", '[^\pL\pN\s]+', '', 'g'), '\s+', ' ', 'g')), '')"
    )


def holds_sql(sql: str) -> str:
    """SQL true when the text of `sql` holds the next `?` parameter's text, both folded
    (`folded_sql`): typed "zoe" or "ZOË", "Zoë" matches, and typed "Zoë", "Zoe" does. `%` and
    `_` are taken as typed; an empty parameter matches everything. Folding the typed text in
    SQL as well keeps the two sides folded by one and the same rule."""
    return f"contains({folded_sql(sql)}, {folded_sql('?')})"


def plain_markdown(text: object) -> str:
    """`text` for a Markdown element, shown exactly as typed: no formatting, links or images."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def markdown_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A small table as Markdown: drawn with the text already loaded, where a dataframe makes
    the browser fetch and run its grid's script first (about 0.2 s of Home's first visit).

    Numbers are right-aligned with thousands separators; every cell is escaped (`plain_markdown`).
    """
    rows = [list(row) for row in rows]
    numeric = [bool(rows) and all(_is_number(row[i]) for row in rows) for i in range(len(columns))]
    lines = [
        "| " + " | ".join(plain_markdown(name) for name in columns) + " |",
        "|" + "|".join("--:" if number else ":--" for number in numeric) + "|",
        *("| " + " | ".join(_cell(value) for value in row) + " |" for row in rows),
    ]
    return "\n".join(lines)


def _is_number(value: object) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool)


def _cell(value: object) -> str:
    return plain_markdown(f"{value:,}" if _is_number(value) else value)


def day(value: date | datetime) -> str:
    """'26 Nov 2026'."""
    return f"{value.day} {value:%b %Y}"


def weekday_day(value: date) -> str:
    """'Tue 1 Dec 2026': a day ahead, its weekday first, since business days are what count."""
    return f"{value:%a} {day(value)}"


def moment(value: datetime) -> str:
    """'26 Nov 2026, 14:30' (the time as given: convert to the user's zone first)."""
    return f"{day(value)}, {value:%H:%M}"


def not_text(expected: str) -> str:
    """The one sentence for a file of binary data (a picture, a workbook) where a CSV was
    expected, whichever upload it came to."""
    return f"This file is not text, so it is not a CSV file; expected {expected}."


def typed(value: date) -> str:
    """'25/12/2026': a date as the user types it into a text box (see `typed_day`)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def joined(items: list[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def percent(share: float | None) -> str:
    """'40 %' for 0.4, in whole percents (half to even); a share that rounds to none or all
    without being so reads '<1 %' or '>99 %': 1 of 250 contacted is not none. A dash when
    there is nothing to divide by."""
    if share is None:
        return "–"
    whole = round(100 * share)
    if whole == 0 and share > 0:
        return "<1 %"
    if whole == 100 and share < 1:
        return ">99 %"
    return f"{whole} %"


def whole_percents(shares: Any) -> Any:
    """`percent`'s rule for a table's column of shares (a pandas Series; NaN stays NaN): a
    number cannot say '<1 %', so a share that rounds to none or all without being so is 1 or
    99, the nearest whole percents that do not mislead."""
    whole = (100 * shares).round()
    whole = whole.mask((whole == 0) & (shares > 0), 1)
    return whole.mask((whole == 100) & (shares < 1), 99)


def counted(count: int, one: str, many: str | None = None) -> str:
    """'1 row', '1,200 rows': a count with its noun, singular for one."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


_TYPED_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_TYPED_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def typed_day(typed: str, what: str = "date") -> date:
    """A date typed as day/month/year (25/12/2026; also with dots or dashes) or as YYYY-MM-DD.

    `what` names the date in the sentence of an error, e.g. "holiday".
    """
    token = typed.strip()
    not_a_date = InvalidInputError(
        f"'{token}' is not a date; write each {what} as day/month/year, e.g. 25/12/2026."
    )
    if day_first := _TYPED_DAY_FIRST.fullmatch(token):
        day_number, month, year = (int(part) for part in day_first.groups())
    elif iso := _TYPED_ISO.fullmatch(token):
        year, month, day_number = (int(part) for part in iso.groups())
    else:
        raise not_a_date
    if year < MINYEAR:  # year 0: `date` cannot even name a month in it
        raise not_a_date
    try:
        return date(year, month, day_number)
    except ValueError:
        if 1 <= month <= 12:
            named = date(year, month, 1).strftime("%B")
            raise InvalidInputError(
                f"There is no {day_number} {named} {year}; check that {what}."
            ) from None
        raise InvalidInputError(
            f"'{token}' has no month {month}; write each {what} as day/month/year, e.g. 25/12/2026."
        ) from None
