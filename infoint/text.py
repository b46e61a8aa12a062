"""User text shown inside Markdown: one escaper for every page and module.

Names, companies and positions come from imported LinkedIn files and from typing; in a
Markdown element (or a button label, which Streamlit also reads as Markdown) `![](https://…)`
would make the browser fetch a remote image, `[x](…)` would be a link and `:red[x]` a
directive. Escaping every Markdown character shows the text exactly as typed.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=])")


def plain_markdown(text: object) -> str:
    """`text` for a Markdown element, shown exactly as typed: no formatting, links or images."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
