"""Start the app: `streamlit run serve.py` (what `make run` and the browser tests do).

Home's first run used to import pandas, Plotly, DuckDB and our modules and open the database
while the user waited: about 0.7 s of a cold start. The server answers long before the browser
has loaded Streamlit's own page (another 0.7 s or so), so that work is done then instead: a
thread started with the server imports what `app.py` imports and opens the database, and
Home's first run finds both done. `streamlit run app.py` still works, only without that head
start.

The server also hands Arrow's allocations to the system allocator. Arrow's own (mimalloc)
keeps what an import frees for later use: a process re-importing the 30,000-row export three
times grew from 160 MB to 315 MB with it, and to 225 MB without it.

And it asks glibc to give every block of 128 KiB or more straight back to the system when it
is freed. By default glibc raises that bar after each such block is freed, up to 32 MiB, so an
import's columns and DuckDB's working memory are soon carved out of heaps that keep the space
once freed: with the heavy user, a re-import and the workbook left the server at 295–306 MB
with the default and at 283–288 MB with the fixed bar (3 runs each).
"""

from __future__ import annotations

import ast
import ctypes
import importlib
import logging
import platform
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pyarrow as pa
import streamlit as st

pa.set_memory_pool(pa.system_memory_pool())

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
FREED_STRAIGHT_BACK = 128 * 1024  # glibc's own starting bar, kept fixed


def return_large_blocks_to_the_system() -> bool:
    """Fix glibc's bar for blocks it maps on their own (and unmaps when freed); False where
    the C library is not glibc."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    return bool(ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, FREED_STRAIGHT_BACK))


return_large_blocks_to_the_system()

HOME = Path(__file__).resolve().parent / "app.py"
log = logging.getLogger("infoint.serve")


def imports_of(script: Path) -> list[tuple[str, str | None]]:
    """What a script imports at its top level, in order: (module, name from it or None)."""
    wanted: list[tuple[str, str | None]] = []
    for node in ast.parse(script.read_text()).body:
        if isinstance(node, ast.Import):
            wanted += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            wanted += [(node.module, alias.name) for alias in node.names]
    return wanted


def warm_up(script: Path = HOME) -> None:
    """Import the modules the script imports, then open the database.

    Never raises: what fails here fails again in the page's own run, which tells the user.
    """
    for module, name in imports_of(script):
        try:
            imported = importlib.import_module(module)
            if name is not None and not hasattr(imported, name):
                importlib.import_module(f"{module}.{name}")  # `from package import module`
        except Exception:
            log.warning("Warming up: importing %s failed", module, exc_info=True)
    try:
        from infoint import ui  # the page's own cached connection, so its run reuses it

        ui.connection().close()
    except Exception:
        log.warning("Warming up: opening the database failed", exc_info=True)


@asynccontextmanager
async def _warm_while_the_browser_loads(_app: st.App) -> AsyncIterator[None]:
    threading.Thread(target=warm_up, name="infoint-warm-up", daemon=True).start()
    yield


app = st.App(HOME, lifespan=_warm_while_the_browser_loads)
