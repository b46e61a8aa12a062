"""Whether infoint's own code changed on disk after this process loaded it.

Streamlit reads a page afresh on every run but the `infoint` package only once, at start:
after a `git pull` (or an edit) under a running app, new pages would call into old modules
and fail with a traceback. Pages ask this first and send the user to restart instead.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# What a running app reads only once: its modules, its migrations and the chart's script.
_CODE_SUFFIXES = (".py", ".sql", ".js")


def stamp(package: Path = PACKAGE) -> frozenset[tuple[str, int, int]]:
    """Each code file's name, time of last change and size, as one comparable value."""
    found = set()
    for folder in (package, package / "migrations"):
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        for entry in entries:
            if not entry.name.endswith(_CODE_SUFFIXES):
                continue
            try:
                status = entry.stat()
            except FileNotFoundError:  # removed while being looked at: a change all the same
                continue
            found.add((f"{folder.name}/{entry.name}", status.st_mtime_ns, status.st_size))
    return frozenset(found)


LOADED = stamp()


def updated_since_start() -> bool:
    return stamp() != LOADED
