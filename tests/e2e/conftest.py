"""Browser tests: Debian's Chromium, driven by Playwright, against `streamlit run` on localhost.

Under CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
# How long an action or an expectation may wait before the test fails: a limit, not a
# measure. 20 s ran out on a loaded machine (CI at a slow hour, and here with other tests
# running beside the browser tests) for a first page, an option list and a rerun's result.
WAIT_MS = 45_000
START_TIMEOUT_S = 60
PORT_TRIES = 3  # free ports tried when the one picked was taken before the server bound it
# Streamlit opens the user's browser as soon as it is up; asking often comes close to that.
HEALTH_POLL_S = 0.05
HELD_POLL_MS = 50  # how often `held_request` looks for the request a route holds


# They click the menu and read the page right after, racing Streamlit's reruns: run two at a
# time on a loaded machine they failed, as each has failed under heavy load run one at a time
# too. `make test` runs these last, one at a time (`-m alone`), so they fail no more than before.
ALONE = (
    "test_contacts_add_from_referrals.py",
    "test_meetings_words_kept.py",
    "test_outreach_words_kept.py",
)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if item.path.name in ALONE:
                item.add_marker(pytest.mark.alone)


# What the page showed when a test failed: CI keeps no screenshots, and its log is all there is
# to tell a slow run from words lost. The address, whether a run was under way, what each box
# held and the main area's text, cut short.
PAGE_AT_FAILURE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const boxes = [...document.querySelectorAll('textarea, input[aria-label]')]
        .map(box => `${box.getAttribute('aria-label')}: ${JSON.stringify(box.value)}`);
    const main = document.querySelector('[data-testid="stMain"]');
    return [
        `address: ${location.href}`,
        `script: ${app ? app.dataset.testScriptState : "no app"}`
            + (document.querySelector('[data-testid="stStatusWidget"]') ? ", running" : ""),
        ...boxes,
        "main area:",
        (main ? main.innerText : document.body.innerText).slice(0, 1500),
    ].join("\\n");
}"""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    shown = item.funcargs.get("page") or item.funcargs.get("page_with_scroll_bars")
    if report.when == "call" and report.failed and shown is not None:
        try:
            report.sections.append(("page at failure", shown.evaluate(PAGE_AT_FAILURE_JS)))
        except Exception as error:  # a closed or crashed page: say so, keep the failure
            report.sections.append(("page at failure", f"not readable: {error}"))
    return report


def demo_targets(db_path: Path):
    """A new database at `db_path` holding the demo, and its companies as the Targets table
    lists them (a pandas frame, in the table's order)."""
    from infoint import db, demo, targets

    conn = db.connect(db_path)
    try:
        demo.load_demo(conn)
        return targets.list_companies(conn)
    finally:
        conn.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing; `make test` installs it with apt-get."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Server:
    url: str
    db_path: Path
    process: subprocess.Popen
    log: Path


def _tail(log: Path, characters: int = 2000) -> str:
    return log.read_text(errors="replace")[-characters:] if log.exists() else ""


def start_server(
    db_path: Path, env_extra: dict[str, str] | None = None, port: int | None = None
) -> Server:
    """Start the app as `make run` does (`streamlit run serve.py`) with its own database, on
    `port` or a free one; wait until healthy.

    The server's output goes to a file under test-artifacts, never to a pipe: a pipe nobody
    reads during the test fills up, and a chatty server then hangs on its next write.

    A free port is free only when asked: a test in the other worker (`make test` runs two)
    can take it before this server binds it, and Streamlit then stops at once. Another free
    port is tried then, a few times.
    """
    for attempt in range(PORT_TRIES):
        try:
            return _start_server(db_path, env_extra, port or _free_port())
        except PortTakenError:
            if port is not None or attempt == PORT_TRIES - 1:
                raise
    raise AssertionError("unreachable")


class PortTakenError(RuntimeError):
    """Streamlit stopped at once: its port had been taken."""


def _start_server(db_path: Path, env_extra: dict[str, str] | None, port: int) -> Server:
    env = {**os.environ, "INFOINT_DB": str(db_path), **(env_extra or {})}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / f"streamlit-{port}.log"
    with log.open("wb") as output:
        process = _launch(port, env, output)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = _tail(log)
            error = PortTakenError if f"Port {port} is not available" in said else RuntimeError
            raise error(f"streamlit exited early; the end of {log}:\n{said}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read().strip() == b"ok":
                    return Server(url, db_path, process, log)
        except OSError:
            time.sleep(HEALTH_POLL_S)
    process.kill()
    process.wait(timeout=10)
    raise RuntimeError(
        f"streamlit did not become healthy within a minute; the end of {log}:\n{_tail(log)}"
    )


def _launch(port: int, env: dict[str, str], output) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "serve.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = start_server(tmp_path / "e2e.duckdb")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import expect, sync_playwright

    # As long as a page's own actions wait (`page` below): expect's 5 s default ran out on
    # Referrals while a fresh clone's make test loaded the machine (load average 13).
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(WAIT_MS)
    yield opened
    context.close()


@pytest.fixture
def page_with_scroll_bars(browser):
    """A page in a Chromium that draws its scroll bars, 10 px each, as a desktop browser does:
    Playwright's default arguments hide them, and fit checks then measured room users lack."""
    drawn = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_FLAGS,
        ignore_default_args=["--hide-scrollbars"],
    )
    opened = drawn.new_page(viewport={"width": 1280, "height": 900})
    opened.set_default_timeout(WAIT_MS)
    yield opened
    drawn.close()


@pytest.fixture
def shots(request) -> Path:
    """A folder for this test's screenshots, printed so a failing run can be looked at."""
    folder = ARTIFACTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"\nscreenshots: {folder}")
    return folder


def in_view(page, locator) -> bool:
    """Whether `locator` is wholly inside the window: a confirmation the user must see."""
    box = locator.bounding_box()
    bottom = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= bottom


def held_request(page, held: list, where: str):
    """The page's one request for our plotly.js bundle, held by the route, once it has
    reached us (`where` names the page in the failure).

    chart.js asks for the bundle in the same task that puts the words in the box, but the
    request reaches the test later, through Chromium's network service, Playwright's driver and
    a task of its own: a look at the page can find the words first (seen under load, 0 held
    then and the route called 4 ms later). Events reach us while Playwright waits, so poll, up
    to the tests' usual limit.
    """
    for _ in range(WAIT_MS // HELD_POLL_MS):
        if held:
            break
        page.wait_for_timeout(HELD_POLL_MS)
    assert len(held) == 1, f"{where}: {len(held)} requests for Plotly's bundle held"
    return held.pop()


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script (no spinner, no 'Running').

    The app root says whether a run is under way; right after a page load it says 'initial'
    until the first run starts, and widgets clicked before that run ends can be lost.
    """
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=WAIT_MS
    )


# The place and size of what a window change moves: the main area, its rows, each table, chart
# and canvas; a string, to compare one frame's with the next.
LAYOUT_NOW = """() => [...document.querySelectorAll(
    '[data-testid="stMainBlockContainer"], [data-testid="stHorizontalBlock"], '
    + '[data-testid="stDataFrame"], [data-testid="stTable"], .js-plotly-plot .main-svg, canvas')]
  .map(node => {
    const box = node.getBoundingClientRect();
    return [box.x, box.y, box.width, box.height].map(Math.round).join(',');
  }).join(';')"""
LAYOUT_SETTLED = f"""([quiet, limit]) => new Promise(settled => {{
  const layout = {LAYOUT_NOW};
  const start = performance.now();
  let last = layout(), since = start;
  const look = () => {{
    const now = layout(), at = performance.now();
    if (now !== last) {{ last = now; since = at; }}
    if (at - since >= quiet) settled(true);
    else if (at - start >= limit) settled(false);
    else requestAnimationFrame(look);
  }};
  requestAnimationFrame(look);
}})"""


def settle_after_resize(page, quiet_ms: int) -> None:
    """Wait until nothing on the page has moved or changed size for `quiet_ms`, after a change
    of the window's size: the grids, charts and columns follow it a few frames later, and on a
    loaded machine later than any fixed wait. Fails if the page is still moving after
    `WAIT_MS`."""
    assert page.evaluate(LAYOUT_SETTLED, [quiet_ms, WAIT_MS]), "the page never stopped moving"


README_SHOTS = ROOT / "docs" / "screenshots"
README_MARGIN = 16


def readme_screenshot(page, name: str, shots: Path, last=None) -> Path:
    """The main area, from the page title to the end of `last` (default: all), as a picture.

    Taken in a window tall enough to hold it all (the page scrolls inside Streamlit's own
    container, so a "full page" screenshot would stop at the window). The README's copies
    are committed: a run rewrites them only with UPDATE_SCREENSHOTS=1, so `make test` leaves
    the work tree clean.
    """
    window = page.viewport_size
    page.set_viewport_size({"width": window["width"], "height": 3000})
    try:
        main = page.get_by_test_id("stMainBlockContainer").bounding_box()
        top = page.get_by_test_id("stHeading").first.bounding_box()["y"] - README_MARGIN
        end = (last or page.get_by_test_id("stMainBlockContainer")).bounding_box()
        bottom = end["y"] + end["height"] + README_MARGIN
        taken = shots / name
        page.screenshot(
            path=taken,
            # one pixel in from the left: the sidebar's border is not part of the picture
            clip={"x": main["x"] + 1, "y": top, "width": main["width"] - 1, "height": bottom - top},
            scale="css",
            animations="disabled",
        )
    finally:
        page.set_viewport_size(window)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(taken, README_SHOTS / name)
    return taken


# --- Streamlit widgets as a user meets them: by their visible labels. ---


def widget(page, testid: str, label: str):
    """The widget of this kind whose label is exactly `label`."""
    return page.get_by_test_id(testid).filter(
        has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True)
    )


def open_options(page, testid: str, label: str):
    """Open the list of a selectbox or multiselect (a multiselect's may be open still).

    Returns the widget. Scrolled to first: the list closes when the page scrolls, and a click
    on a widget out of view scrolls the page to it.
    """
    box = widget(page, testid, label)
    field = box.get_by_role("combobox")  # not the box's middle: a chosen item may sit there
    if field.get_attribute("aria-expanded") != "true":
        field.scroll_into_view_if_needed()
        field.click()
    return box


CHOOSE_TRIES = 3
CHOOSE_WAIT_MS = 10_000


def choose(page, label: str, option: str) -> None:
    """Pick `option` in a selectbox's list.

    A rerun can begin while the list is open (the last action's, late on a loaded machine):
    it draws the box again, closing the list, and the option waited for never comes back
    (CI, two tests at a time). The list is opened again then, after that run has ended.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for attempt in range(CHOOSE_TRIES):
        open_options(page, "stSelectbox", label)
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=CHOOSE_WAIT_MS)
            break
        except PlaywrightTimeoutError:
            if attempt == CHOOSE_TRIES - 1:
                raise
            wait_for_app(page)
    wait_for_app(page)


def type_into(page, label: str, text: str) -> None:
    """Type into a text input and commit it, as Enter does."""
    field = page.get_by_label(label, exact=True).filter(visible=True)
    field.fill(text)
    field.press("Enter")
    wait_for_app(page)


def click(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    wait_for_app(page)


def go(page, menu_label: str, heading: str) -> None:
    """Use our sidebar menu, as a user would, and wait for the page's title."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=menu_label, exact=True).click()
    page.get_by_role("heading", name=heading, exact=True).wait_for()
    wait_for_app(page)


def chart_row(page):
    """The first row of columns holding a chart: the chart with its numbers beside it."""
    return (
        page.get_by_test_id("stHorizontalBlock").filter(has=page.locator(".js-plotly-plot")).first
    )


def wait_for_grid_rows(page, count: int) -> None:
    """The grid is redrawn a moment after the rest of the rerun's output."""
    page.wait_for_function(
        """count => {
            const table = document.querySelector('table[role="grid"]');
            return table && Number(table.getAttribute("aria-rowcount")) === count + 1;
        }""",
        arg=count,
    )


def first_grid(page):
    """The accessible copy of the page's first table (the grid itself is a canvas)."""
    return page.locator('table[role="grid"]').first


def grid_rows(page) -> list[list[str]]:
    """The cells of the first table's rows in view."""
    return (
        first_grid(page)
        .locator("tbody tr")
        .evaluate_all("rows => rows.map(row => [...row.cells].map(cell => cell.textContent))")
    )


def grid_column(page, header: str) -> list[str]:
    """One column's cells for the rows in view, found by its header."""
    headers = first_grid(page).locator("thead th").all_inner_texts()
    return [row[headers.index(header)] for row in grid_rows(page)]


def grid_row_count(page) -> int:
    """All rows of the grid, those scrolled out of view included (the header row aside)."""
    return int(first_grid(page).get_attribute("aria-rowcount")) - 1


def see(page, text) -> None:
    """Wait for a text (a string or a pattern) the last action should show, and the run's end.

    Right after a click the app may not have started its rerun yet, so waiting for the run
    alone can return too early: the text proves the rerun came, then the run is let finish.
    """
    page.get_by_text(text).first.wait_for()
    wait_for_app(page)
