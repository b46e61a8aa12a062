"""Text shown on the pages: one Markdown escaper and one way to write dates.

Names, companies and positions come from imported LinkedIn files and from typing; in a
Markdown element (or a button label, which Streamlit also reads as Markdown) `![](https://…)`
would make the browser fetch a remote image, `[x](…)` would be a link and `:red[x]` a
directive. Escaping every Markdown character shows the text exactly as typed.

Dates read the same on every page: "26 Nov 2026" (with a time: "26 Nov 2026, 14:30"), in
text, in tables and in pickers' labels; date inputs take day/month/year. No numeric date is
shown, so 03/04 is never a question.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# st.date_input(format=…): day first, as the dates shown.
DATE_INPUT_FORMAT = "DD/MM/YYYY"
# st.column_config.DateColumn / DatetimeColumn(format=…), in moment.js' words.
DATE_COLUMN_FORMAT = "D MMM YYYY"
MOMENT_COLUMN_FORMAT = "D MMM YYYY, HH:mm"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=])")


def plain_markdown(text: object) -> str:
    """`text` for a Markdown element, shown exactly as typed: no formatting, links or images."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def day(value: date | datetime) -> str:
    """'26 Nov 2026'."""
    return f"{value.day} {value:%b %Y}"


def moment(value: datetime) -> str:
    """'26 Nov 2026, 14:30' (the time as given: convert to the user's zone first)."""
    return f"{day(value)}, {value:%H:%M}"
