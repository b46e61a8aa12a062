"""The launcher (serve.py): what it readies before Home's first run, and that whatever fails
there is left to the page, which tells the user."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os
import platform
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit import config

from infoint import db, ui
from infoint.plotly_bundle import PLOTLY_URL
from tests.test_db_someone_elses import REFUSED, theirs

ROOT = Path(__file__).resolve().parent.parent
ARROW_POOL = "ARROW_DEFAULT_MEMORY_POOL"


@pytest.fixture(scope="module")
def serve():
    """serve.py, loaded once (building its `st.App` names the app's script to Streamlit's
    config, and it names Arrow's allocator in the environment: both are put back afterwards)."""
    saved, pool = config._main_script_path, os.environ.get(ARROW_POOL)
    spec = importlib.util.spec_from_file_location("serve", ROOT / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    config._main_script_path = saved
    if pool is None:
        os.environ.pop(ARROW_POOL, None)
    else:
        os.environ[ARROW_POOL] = pool


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder on sys.path for made-up modules, forgotten again after the test."""
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        if name.startswith("warm_"):
            del sys.modules[name]


def _script(folder: Path, text: str) -> Path:
    script = folder / "page_script.py"
    script.write_text(text)
    return script


def test_imports_of_lists_the_top_level_imports_in_order(tmp_path, serve):
    script = _script(
        tmp_path,
        "import json\n"
        "from datetime import date, datetime\n"
        "from . import sibling\n"
        "if True:\n"
        "    import csv\n"
        "from infoint import funnel as stages\n",
    )
    assert serve.imports_of(script) == [
        ("json", None),
        ("datetime", "date"),
        ("datetime", "datetime"),
        ("infoint", "funnel"),
    ]


def test_home_is_the_script_warmed_up(serve):
    assert serve.HOME == ROOT / "app.py"
    assert ("infoint", "charts") in serve.imports_of(serve.HOME)


def test_warm_up_imports_the_modules_and_opens_the_connection_the_page_reuses(
    modules, app_db, monkeypatch, serve
):
    (modules / "warm_package").mkdir()
    (modules / "warm_package" / "__init__.py").write_text("")
    (modules / "warm_package" / "leaf.py").write_text("VALUE = 1\n")
    opened = []
    real_connect = db.connect
    monkeypatch.setattr(db, "connect", lambda path: opened.append(path) or real_connect(path))

    serve.warm_up(_script(modules, "from warm_package import leaf\nimport json\n"))

    assert "warm_package.leaf" in sys.modules
    assert opened == [str(app_db)]
    ui.connection().close()  # what the page's run does: the same connection, not a new one
    assert opened == [str(app_db)]


def test_a_failing_import_is_logged_and_the_rest_still_warmed(modules, app_db, serve, caplog):
    (modules / "warm_broken.py").write_text("raise RuntimeError('broken on purpose')\n")
    (modules / "warm_fine.py").write_text("")
    script = _script(modules, "import warm_broken\nimport warm_missing_module\nimport warm_fine\n")

    with caplog.at_level(logging.WARNING, logger="infoint.serve"):
        serve.warm_up(script)  # raises nothing: the page's own run shows the error

    assert "warm_fine" in sys.modules
    failed = [r.getMessage() for r in caplog.records]
    assert failed == [
        "Warming up: importing warm_broken failed",
        "Warming up: importing warm_missing_module failed",
    ]


def test_a_database_that_cannot_be_opened_is_left_to_the_page(
    tmp_path, modules, monkeypatch, serve, caplog
):
    monkeypatch.setenv("INFOINT_DB", str(tmp_path))  # a folder, not a database file
    with caplog.at_level(logging.WARNING, logger="infoint.serve"):
        serve.warm_up(_script(modules, "import json\n"))
    assert [r.getMessage() for r in caplog.records] == [
        f"Warming up: the database was not opened: {tmp_path} is a folder, not a database "
        f"file: point --db or $INFOINT_DB at a file in it, such as {tmp_path / 'infoint.duckdb'}."
    ]
    assert caplog.records[0].exc_info is None  # the page says why: no traceback in the terminal


def test_someone_elses_database_is_said_in_one_line_without_a_traceback(
    tmp_path, modules, monkeypatch, serve, caplog, capsys
):
    path = theirs(tmp_path)
    monkeypatch.setenv("INFOINT_DB", str(path))
    with caplog.at_level(logging.WARNING, logger="infoint.serve"):
        serve.warm_up(_script(modules, "import json\n"))
    [record] = caplog.records
    assert (
        record.getMessage()
        == "Warming up: the database was not opened: " + REFUSED.format(path).strip()
    )
    assert record.exc_info is None
    assert "Traceback" not in caplog.text and "Traceback" not in capsys.readouterr().err


def test_an_unexpected_failure_opening_the_database_keeps_its_traceback(
    app_db, modules, monkeypatch, serve, caplog
):
    def broken() -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(ui, "connection", broken)
    with caplog.at_level(logging.WARNING, logger="infoint.serve"):
        serve.warm_up(_script(modules, "import json\n"))
    [record] = caplog.records
    assert record.getMessage() == "Warming up: opening the database failed"
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "broken on purpose" in caplog.text


# Arrow's allocator in a process that loads serve.py (as the server does) or not, then Arrow.
_ARROWS_ALLOCATOR = """
import runpy, sys
if sys.argv[1] == "serve":
    runpy.run_path(sys.argv[2])
assert "pyarrow" not in sys.modules, "serve.py imported Arrow before the server could answer"
import pyarrow
print(pyarrow.default_memory_pool().backend_name)
"""


def _in_a_process(script: str, setup: str, env: dict[str, str]) -> str:
    """What `script` prints in a process of its own, given `setup` ("serve" to load serve.py
    first, as the server does, or "plain") and serve.py's path."""
    return subprocess.run(
        [sys.executable, "-c", script, setup, str(ROOT / "serve.py")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    ).stdout.strip()


def test_the_server_gives_arrow_memory_back_to_the_system():
    # Arrow's own allocator keeps what an import frees: the server would hold it all session.
    env = {k: v for k, v in os.environ.items() if k != ARROW_POOL}
    assert _in_a_process(_ARROWS_ALLOCATOR, "plain", env) != "system"  # Arrow's default
    assert _in_a_process(_ARROWS_ALLOCATOR, "serve", env) == "system"


# Frees a 4 MiB block (by default glibc then raises its bar for mapped blocks to 4 MiB), asks
# for 1 MiB and says whether that block was mapped on its own: given back to the system when
# freed, rather than carved out of a heap that keeps the space.
_MAPPED_AFTER_A_BIG_FREE = """
import ctypes, runpy, sys
if sys.argv[1] == "serve":
    runpy.run_path(sys.argv[2])
class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
libc.free(ctypes.c_void_p(libc.malloc(4 << 20)))
mapped_before = libc.mallinfo2().hblkhd
libc.malloc(1 << 20)
print(libc.mallinfo2().hblkhd - mapped_before >= 1 << 20)
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's allocator only")
def test_the_server_gives_large_freed_blocks_back_to_the_system():
    env = {  # glibc's defaults: no allocator settings from the environment
        k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"
    }
    # glibc's default, which the server changes:
    assert _in_a_process(_MAPPED_AFTER_A_BIG_FREE, "plain", env) == "False"
    assert _in_a_process(_MAPPED_AFTER_A_BIG_FREE, "serve", env) == "True"


def _run(coroutine) -> None:
    """Run `coroutine` to its end in a thread of its own: the browser tests' Playwright keeps
    an event loop running in this one."""
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, coroutine).result()


def _listening_as_streamlit_binds_it() -> socket.socket:
    # Streamlit's own `_bind_socket`: no protocol named, so asyncio leaves Nagle's algorithm on.
    listening = socket.socket(family=socket.AF_INET)
    listening.bind(("127.0.0.1", 0))
    listening.listen()
    return listening


def _accepted_without_delay(listening: socket.socket) -> int:
    with socket.create_connection(listening.getsockname()):
        accepted, _ = listening.accept()
        with accepted:
            return accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


@pytest.mark.skipif(platform.system() != "Linux", reason="Linux hands the setting on")
def test_connections_the_server_accepts_send_without_delay(serve):
    with _listening_as_streamlit_binds_it() as listening:
        assert _accepted_without_delay(listening) == 0  # what asyncio leaves it at

        assert serve.turn_off_nagles_algorithm() >= 1

        assert _accepted_without_delay(listening) == 1  # and still listening


@pytest.mark.skipif(platform.system() != "Linux", reason="Linux hands the setting on")
def test_the_server_turns_nagles_algorithm_off_as_it_starts(serve, monkeypatch):
    monkeypatch.setattr(serve, "warm_up", lambda: None)

    async def start_the_server():
        async with serve._while_the_browser_loads(None):
            pass

    with _listening_as_streamlit_binds_it() as listening:
        _run(start_the_server())
        assert _accepted_without_delay(listening) == 1


def _asgi_reply(
    middleware, path: str, start: dict, bodies: list, method="GET", headers=(), asked=None
):
    """What `middleware` sends for one request to an app that answers `start` and `bodies`
    (a message, or bytes for a body message); `asked` gets the request headers the app saw."""
    sent = []

    async def app(scope, receive, send):
        if asked is not None:
            asked.extend(scope["headers"])
        await send(start)
        for index, body in enumerate(bodies):
            if isinstance(body, dict):
                await send(body)
                continue
            more = index < len(bodies) - 1
            await send({"type": "http.response.body", "body": body, "more_body": more})

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "headers": list(headers)}
    _run(middleware(app)(scope, None, send))
    return sent


HOME_PAGE = b"<html><head><title>Streamlit</title></head><body></body></html>"


def _html_start(status=200, content_type=b"text/html; charset=utf-8") -> dict:
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(HOME_PAGE)).encode()),
        (b"etag", b'"streamlit-etag"'),
        (b"last-modified", b"Fri, 27 Nov 2026 09:13:56 GMT"),
        (b"accept-ranges", b"bytes"),
        (b"cache-control", b"no-cache"),
    ]
    return {"type": "http.response.start", "status": status, "headers": headers}


def test_homes_page_names_plotlys_bundle_in_its_head(serve):
    half = len(HOME_PAGE) // 2
    start, body = _asgi_reply(
        serve.EarlyCharts, "/", _html_start(), [HOME_PAGE[:half], HOME_PAGE[half:]]
    )

    page = body["body"]
    assert page.count(b"<script") == 1
    assert page.index(f'src="./{PLOTLY_URL}"'.encode()) < page.index(b"</head>")
    assert page.replace(serve.EARLY_PLOTLY, b"") == HOME_PAGE
    headers = dict(start["headers"])
    assert headers[b"content-length"] == str(len(page)).encode()
    # Changed, the page is no longer what Streamlit's validators and ranges describe.
    assert not {b"etag", b"last-modified", b"accept-ranges"} & set(headers)
    assert headers[b"cache-control"] == b"no-cache"


def test_a_browser_that_cached_home_before_gets_the_page_whole(serve):
    asked = []
    conditions = [
        (b"if-none-match", b'"streamlit-etag"'),
        (b"if-modified-since", b"Fri, 27 Nov 2026 09:13:56 GMT"),
        (b"range", b"bytes=0-99"),
        (b"accept-language", b"en"),
    ]
    _asgi_reply(serve.EarlyCharts, "/", _html_start(), [HOME_PAGE], headers=conditions, asked=asked)
    assert asked == [(b"accept-language", b"en")]  # so Streamlit answers 200, not 304 or 206


def test_under_a_base_url_home_is_its_folder(monkeypatch, serve):
    monkeypatch.setattr(serve.st, "get_option", {"server.baseUrlPath": "/infoint/"}.get)
    _, body = _asgi_reply(serve.EarlyCharts, "/infoint/", _html_start(), [HOME_PAGE])
    assert serve.EARLY_PLOTLY in body["body"]
    untouched = _asgi_reply(serve.EarlyCharts, "/", _html_start(), [HOME_PAGE])
    assert untouched[1]["body"] == HOME_PAGE


@pytest.mark.parametrize(
    ("path", "method", "start"),
    [
        ("/contacts", "GET", _html_start()),  # another page: no chart to draw
        ("/", "HEAD", _html_start()),
        ("/", "GET", _html_start(status=304)),
        ("/", "GET", _html_start(content_type=b"application/json")),
    ],
)
def test_everything_else_passes_untouched(serve, path, method, start):
    sent = _asgi_reply(serve.EarlyCharts, path, start, [HOME_PAGE], method=method)
    assert sent == [start, {"type": "http.response.body", "body": HOME_PAGE, "more_body": False}]


def test_a_page_sent_from_its_file_goes_as_it_is(serve):
    from_file = {"type": "http.response.pathsend", "path": "/static/index.html"}
    assert _asgi_reply(serve.EarlyCharts, "/", _html_start(), [from_file]) == [
        _html_start(),
        from_file,
    ]


def _favicon_reply(serve, path: str, method: str = "GET") -> list[dict]:
    return _asgi_reply(serve.OwnFavicon, path, _html_start(), [HOME_PAGE], method=method)


def test_the_tabs_icon_is_infoints(serve):
    start, body = _favicon_reply(serve, "/favicon.png")
    icon = (ROOT / "infoint" / "favicon.png").read_bytes()
    assert body["body"] == icon
    headers = dict(start["headers"])
    assert (start["status"], headers[b"content-type"]) == (200, b"image/png")
    assert headers[b"content-length"] == str(len(icon)).encode()
    head = _favicon_reply(serve, "/favicon.png", method="HEAD")
    assert head[0] == start and head[1]["body"] == b""


def test_under_a_base_url_the_icon_is_in_its_folder(monkeypatch, serve):
    monkeypatch.setattr(serve.st, "get_option", {"server.baseUrlPath": "/infoint/"}.get)
    assert _favicon_reply(serve, "/infoint/favicon.png")[1]["body"] == serve.FAVICON
    assert _favicon_reply(serve, "/favicon.png")[1]["body"] == HOME_PAGE  # Streamlit's to answer


@pytest.mark.parametrize(
    ("path", "method"), [("/", "GET"), ("/static/favicon.png", "GET"), ("/favicon.png", "POST")]
)
def test_other_requests_pass_the_icon_by(serve, path, method):
    sent = _favicon_reply(serve, path, method=method)
    assert sent == [
        _html_start(),
        {"type": "http.response.body", "body": HOME_PAGE, "more_body": False},
    ]


# Every page run once, as a visit does, in a process of its own: nothing loads Pillow's images
# (importing Streamlit imports Pillow's package, for its version: not its images, nor its C part).
_EVERY_PAGE = """
import sys
from pathlib import Path
from streamlit.testing.v1 import AppTest
root = Path(sys.argv[1])
at = AppTest.from_file(str(root / "app.py"), default_timeout=120)
at.run()
for page in sorted((root / "pages").glob("*.py")):
    at.switch_page(str(page.relative_to(root)))
    at.run()
    assert not at.exception, (page.name, at.exception)
print(sorted(name for name in ("PIL.Image", "PIL._imaging") if name in sys.modules))
"""


def test_no_page_loads_pillow(app_db):
    """A page icon named to Streamlit is read with Pillow on every page's first run (2 MB the
    server keeps); the icon is served by `OwnFavicon` instead."""
    env = {**os.environ, "INFOINT_DB": str(app_db)}
    done = subprocess.run(
        [sys.executable, "-c", _EVERY_PAGE, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
