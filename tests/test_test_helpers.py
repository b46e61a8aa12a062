"""Tests that check escaping must see the escapes: no helper strips them before asserting."""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# `.replace("\\", "")`: removes every backslash, so an escaped and an unescaped page read alike.
STRIPPING = re.compile(r"""\.replace\(\s*["']\\\\["']\s*,\s*["']["']\s*\)""")


def test_no_test_strips_every_backslash_before_asserting():
    found = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if STRIPPING.search(line) and path.name != Path(__file__).name
    ]
    assert found == [], "compare the raw value, user text through text.plain_markdown"
