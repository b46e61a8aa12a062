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

Two more things shorten a start, measured from starting the server to Home's funnel drawn in
Chromium: every connection the server accepts sends without delay
(`turn_off_nagles_algorithm`), and Home's page names our plotly.js bundle itself, so the
browser fetches and runs it beside Streamlit's own scripts (`EarlyCharts`). The tab's icon
is served without Pillow (`OwnFavicon`).
"""

from __future__ import annotations

import ast
import ctypes
import importlib
import logging
import os
import platform
import socket
import stat
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import streamlit as st
from starlette.middleware import Middleware

from infoint.errors import InfointError
from infoint.plotly_bundle import PLOTLY_URL

# Read when Arrow is loaded, which in the server is after this (by the warm-up): set here
# rather than by importing Arrow (80 ms) before the server can answer the browser.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

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
    A database refused in our words (`InfointError`: someone else's DuckDB file, a folder) is
    logged in that one sentence, as the page says it; anything else with its traceback.
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
    except InfointError as exc:
        log.warning("Warming up: the database was not opened: %s", exc)
    except Exception:
        log.warning("Warming up: opening the database failed", exc_info=True)


def _descriptors() -> list[int]:
    for folder in ("/proc/self/fd", "/dev/fd"):
        if os.path.isdir(folder):
            return [int(name) for name in os.listdir(folder) if name.isdigit()]
    return []


def turn_off_nagles_algorithm() -> int:
    """Turn Nagle's algorithm off on the process's listening TCP sockets, and so (on Linux,
    which hands the setting on) on every connection they accept; returns how many.

    Streamlit binds its server's socket itself without naming TCP as its protocol, and asyncio
    only turns the algorithm off on connections whose socket names it. With it on, a reply
    written in two parts (headers, then body) waits for the browser's delayed acknowledgement:
    44 ms for every request on a kept-alive connection, where 0.5 ms is enough. A first visit
    asks for 60 of Streamlit's scripts, and every run of a page sends its elements one by one.
    Never raises: the server works without it, only slower.
    """
    turned = 0
    for descriptor in _descriptors():
        try:
            if not stat.S_ISSOCK(os.fstat(descriptor).st_mode):
                continue
            copy = os.dup(descriptor)
        except OSError:
            continue  # closed meanwhile (the folder listing's own descriptor, for one)
        try:
            with socket.socket(fileno=copy) as listening:
                copy = None  # the socket object closes it now
                if (
                    listening.family in (socket.AF_INET, socket.AF_INET6)
                    and listening.type == socket.SOCK_STREAM
                    and listening.proto in (0, socket.IPPROTO_TCP)
                    and listening.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
                ):
                    listening.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    turned += 1
        except OSError:
            log.debug("Descriptor %s: Nagle's algorithm left as it was", descriptor, exc_info=True)
        finally:
            if copy is not None:
                os.close(copy)
    if not turned:
        log.debug("No listening TCP socket found: Nagle's algorithm left on")
    return turned


# Relative, like Streamlit's own scripts in the page. The attributes tell chart.js, however
# late it looks, that the script ran (`loaded`) or could not be fetched (`failed`).
EARLY_PLOTLY = (
    f'<script async src="./{PLOTLY_URL}" onload="this.dataset.loaded = \'\'" '
    "onerror=\"this.dataset.failed = ''\"></script>"
).encode()

Message = dict[str, Any]
Send = Callable[[Message], Awaitable[None]]

# Asked of Home's page, these would let Streamlit answer with its own unchanged page (or part
# of it): a browser that cached Home before the page named the bundle would keep that copy.
_CONDITIONS = (b"if-none-match", b"if-modified-since", b"range", b"if-range")
# Describe Streamlit's page, not the one sent.
_STALE_HEADERS = (b"content-length", b"etag", b"last-modified", b"accept-ranges")


class EarlyCharts:
    """Name our plotly.js bundle in Home's page itself, so the browser fetches and runs it
    beside Streamlit's own scripts: otherwise it is asked for only once Home's first elements
    have arrived and the component that draws charts has loaded (`ui.load_charts_early`).

    Only a GET of Home's page ("/", under `server.baseUrlPath` if one is set) and only a
    whole HTML page; anything else passes untouched. The page is always sent whole.
    """

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app
        base = st.get_option("server.baseUrlPath").strip("/")
        self.home = f"/{base}/" if base else "/"

    async def __call__(self, scope: Message, receive: Any, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != self.home:
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in _CONDITIONS]
        await self.app({**scope, "headers": headers}, receive, _with_early_plotly(send))


def _with_early_plotly(send: Send) -> Send:
    start: Message = {}
    parts: list[bytes] = []

    async def send_page(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = {name.lower(): value for name, value in message.get("headers", [])}
            if (
                message["status"] == 200
                and headers.get(b"content-type", b"").startswith(b"text/html")
                and b"content-encoding" not in headers
            ):
                start.update(message)
                return
        elif message["type"] == "http.response.body" and start:
            parts.append(message.get("body", b""))
            if message.get("more_body"):
                return
            page = b"".join(parts).replace(b"</head>", EARLY_PLOTLY + b"</head>", 1)
            headers = [
                (name, value)
                for name, value in start.get("headers", [])
                if name.lower() not in _STALE_HEADERS
            ]
            headers.append((b"content-length", str(len(page)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": page})
            return
        elif start:  # a page sent otherwise (a file path, say) goes as it is
            held, held_parts = dict(start), list(parts)
            start.clear()
            parts.clear()
            await send(held)
            for part in held_parts:
                await send({"type": "http.response.body", "body": part, "more_body": True})
        await send(message)

    return send_page


# The tab's icon. Named as the page icon, a picture is read with Pillow on every page's first
# run (Streamlit's `image_to_url` imports it even for a file it only serves): 2 MB the server
# kept for one 359-byte file. Unnamed, Streamlit's page asks for its default `favicon.png`,
# and this answers with ours. A Material icon is no way out: the browser would fetch its
# picture from Google's servers, where the app promises to send nothing anywhere.
FAVICON = (Path(__file__).resolve().parent / "infoint" / "favicon.png").read_bytes()


class OwnFavicon:
    """Answer the browser's request for the tab's icon (`favicon.png` at the app's root,
    under `server.baseUrlPath` if one is set) with infoint's; anything else passes."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app
        base = st.get_option("server.baseUrlPath").strip("/")
        self.path = f"/{base}/favicon.png" if base else "/favicon.png"

    async def __call__(self, scope: Message, receive: Any, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"] != self.path
        ):
            await self.app(scope, receive, send)
            return
        headers = [
            (b"content-type", b"image/png"),
            (b"content-length", str(len(FAVICON)).encode()),
            (b"cache-control", b"no-cache"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        body = FAVICON if scope["method"] == "GET" else b""
        await send({"type": "http.response.body", "body": body})


@asynccontextmanager
async def _while_the_browser_loads(_app: st.App) -> AsyncIterator[None]:
    turn_off_nagles_algorithm()
    threading.Thread(target=warm_up, name="infoint-warm-up", daemon=True).start()
    yield


app = st.App(
    HOME,
    lifespan=_while_the_browser_loads,
    middleware=[Middleware(EarlyCharts), Middleware(OwnFavicon)],
)
