"""Pages at the heavy user's size: script runs and main interactions under AppTest, and the
real server in Chromium (memory with every page opened, start to a visible funnel).

Each page's script is run under `AppTest` on a copy of the heavy user's database and on an
empty one: one warm-up run, then the median of `repeat` reruns of the same session (what a
click costs, with Streamlit's caches as warm as they are in use). The warm-up's time, caches
empty, is given in the notes (for an interaction: its first run, when only its own answers
are not cached yet). An interaction alternates between two states (two industries,
two names, two people), so each timed run answers a change.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tests.script_cache import scripts_compiled_once

ROOT = Path(__file__).resolve().parent.parent
TARGET_LIST = (
    "name,industry,motivation,postings\n"
    + "\n".join(f"Listed Company {n},Health care,{n % 4},{(n * 3) % 4}" for n in range(40))
).encode()
Act = Callable[..., None]  # (AppTest, run number) -> None: set the widgets for that run


@dataclass(frozen=True)
class Interaction:
    name: str
    act: Act


@dataclass(frozen=True)
class PageCase:
    script: str
    label: str
    interactions: tuple[Interaction, ...] = ()


@dataclass(frozen=True)
class Timing:
    first: float  # the warm-up run, caches empty
    median: float
    cpu: float  # the median's CPU time (all threads): what the run costs on an idle machine


@contextmanager
def _database(source: Path | None) -> Iterator[Path]:
    """A throw-away copy of `source` (None: a fresh, empty database) as INFOINT_DB."""
    folder = Path(tempfile.mkdtemp(prefix="infoint-pages-"))
    target = folder / "bench.duckdb"
    if source is not None:
        shutil.copyfile(source, target)
    saved = os.environ.get("INFOINT_DB"), Path.cwd()
    os.environ["INFOINT_DB"] = str(target)
    os.chdir(ROOT)
    try:
        yield target
    finally:
        _clear_caches()
        if saved[0] is None:
            os.environ.pop("INFOINT_DB", None)
        else:
            os.environ["INFOINT_DB"] = saved[0]
        os.chdir(saved[1])
        shutil.rmtree(folder, ignore_errors=True)


def _clear_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def _run(at) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    start, cpu = time.perf_counter(), time.process_time()
    at.run(timeout=120)
    seconds = time.perf_counter() - start, time.process_time() - cpu
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception[0].value}")
    return seconds


def _timing(first: tuple[float, float], runs: list[tuple[float, float]]) -> Timing:
    return Timing(
        first[0],
        statistics.median(wall for wall, _ in runs),
        statistics.median(cpu for _, cpu in runs),
    )


def _open(script: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if script != "app.py":
        at.switch_page(script)
    return at


def time_page(
    case: PageCase, source: Path | None, repeat: int
) -> tuple[Timing, list[Timing | None]]:
    """The page's script run and each of its main interactions (None where not offered).

    The scripts are compiled on the first run only, as in the server: AppTest alone would
    compile them again on every run.
    """
    with _database(source), scripts_compiled_once():
        _clear_caches()
        at = _open(case.script)
        first = _run(at)
        page = _timing(first, [_run(at) for _ in range(repeat)])
        interactions = []
        for interaction in case.interactions:
            at = _open(case.script)
            _run(at)
            try:
                interaction.act(at, 0)
            except (KeyError, IndexError, StopIteration):
                interactions.append(None)  # not offered here: an empty page has no filters
                continue
            first = _run(at)
            times = []
            for number in range(1, repeat + 1):
                interaction.act(at, number)
                times.append(_run(at))
            interactions.append(_timing(first, times))
        return page, interactions


# --- The main interaction of each page. ---


def _industries(at, number: int) -> None:
    box = next(m for m in at.multiselect if m.label == "Industry")
    named = [option for option in box.options if not option.startswith("(")]
    box.set_value([named[number % 2]])


def _type(key: str, *texts: str) -> Act:
    def act(at, number: int) -> None:
        at.text_input(key=key).input(texts[number % len(texts)])

    return act


def _choose(key: str, values: Callable[[duckdb.DuckDBPyConnection], list]) -> Act:
    """Choose the first, then the second of `values` (read from the page's database)."""

    def act(at, number: int) -> None:
        from infoint import ui

        choices = values(ui.connection())
        at.selectbox(key=key).set_value(choices[number % 2])

    return act


def _meetings(conn: duckdb.DuckDBPyConnection) -> list[int]:
    from datetime import UTC, datetime

    from infoint import meetings

    return [m.id for m in meetings.past_meetings(conn, datetime.now(UTC), limit=2)]


def _introduced(conn: duckdb.DuckDBPyConnection) -> list[int]:
    from infoint import referrals

    return [person for person, _ in referrals.referred_people(conn, limit=2)]


def _compare_by(at, number: int) -> None:
    from infoint import insights

    at.radio(key="rates_breakdown").set_value(insights.BREAKDOWNS[1 + number % 2])


def _open_contact(at, number: int) -> None:
    from infoint import ui

    # Two people with much on their record: meetings, interactions, introductions.
    people = (
        ui.connection()
        .execute(
            "SELECT m.contact_id FROM meetings m"
            " JOIN interactions i ON i.contact_id = m.contact_id"
            " WHERE m.status = 'held' GROUP BY m.contact_id"
            " ORDER BY count(*) DESC, m.contact_id LIMIT 2"
        )
        .fetchall()
    )
    at.query_params["contact"] = str(people[number % 2][0])


def _outreach(at, number: int) -> None:
    from infoint import outreach, ui

    # With nothing typed the list offers the uncontacted at the targets, else everyone.
    people = outreach.suggested_recipients(ui.connection(), limit=2) or outreach.find_recipients(
        ui.connection(), "", limit=2
    )
    at.selectbox(key="outreach_contact").set_value(people[number % 2].id)


def _target_list(at, number: int) -> None:
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value((f"targets-{number % 2}.csv", TARGET_LIST, "text/csv"))


def _snooze_first(at, number: int) -> None:
    """Snooze the first item due: a write, so the rerun reads fresh data."""
    next(b for b in at.button if b.key and b.key.startswith("snooze_")).click()


CASES = (
    PageCase("app.py", "Home", (Interaction("filter the funnel by industry", _industries),)),
    PageCase(
        "pages/1_targets.py", "Targets", (Interaction("filter targets by industry", _industries),)
    ),
    PageCase(
        "pages/2_contacts.py",
        "Contacts",
        (
            Interaction("search contacts by name", _type("search_name", "ana", "lee")),
            Interaction("open a contact", _open_contact),
        ),
    ),
    PageCase(
        "pages/3_outreach.py", "Outreach", (Interaction("find and pick a person", _outreach),)
    ),
    PageCase(
        "pages/4_follow_ups.py",
        "Follow-ups",
        (Interaction("snooze the first item (a write)", _snooze_first),),
    ),
    PageCase(
        "pages/5_meetings.py",
        "Meetings",
        (Interaction("pick a meeting", _choose("meeting_pick", _meetings)),),
    ),
    PageCase(
        "pages/6_referrals.py",
        "Referrals",
        (Interaction("trace an introduction", _choose("chain_person", _introduced)),),
    ),
    PageCase(
        "pages/7_insights.py",
        "Insights",
        (Interaction("compare by another route", _compare_by),),
    ),
    PageCase(
        "pages/8_import_export.py",
        "Import & export",
        (Interaction("preview a target list", _target_list),),
    ),
    PageCase(
        "pages/9_settings.py",
        "Settings",
        (
            Interaction(
                "find a company to rule out", _type("rule_out_company_find", "bank", "tech")
            ),
        ),
    ),
)


# --- The real server, in Chromium. ---


@dataclass(frozen=True)
class Resident:
    """Resident memory of a process and all its descendants, from /proc, in bytes."""

    total: int
    # The private part (RssAnon): what the server itself made. The rest is mostly shared
    # libraries' pages, which count more or less as the system's file cache happens to hold
    # them: a freshly installed .venv measured 40 MB more than an older one, code alike.
    private: int


def _resident(pid: int) -> Resident:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    family = {pid}
    grown = True
    while grown:
        grown = False
        for child, parent in parents.items():
            if parent in family and child not in family:
                family.add(child)
                grown = True
    total = private = 0
    for member in family:
        try:
            status = (Path("/proc") / str(member) / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
            elif line.startswith("RssAnon:"):
                private += int(line.split()[1]) * 1024
    return Resident(total, private)


@dataclass(frozen=True)
class Started:
    to_title: float  # seconds from starting the server to Home's title in Chromium
    to_funnel: float  # … to the funnel's bars drawn (after the browser has loaded Plotly)
    plotly_cached: bool  # whether Plotly's script came from the browser's cache


@dataclass(frozen=True)
class Served:
    start: Started  # in a browser that never opened the app
    rss: Resident  # the server's resident memory after every page was opened once
    pages: int
    rss_after_work: Resident  # … and after re-importing the export and preparing the workbook


HOME_TITLE = "How is your campaign going?"
# Checked on every frame (Playwright's own waits poll every 500 ms after the first second,
# which would add up to half a second): the title, then the funnel's bars, in the page.
TITLE_SHOWN = """title => [...document.querySelectorAll('h1')].some(
    h => h.textContent.trim() === title && h.getBoundingClientRect().height > 0)"""
FUNNEL_DRAWN = """() => {
    const plot = document.querySelector('.st-key-funnel .js-plotly-plot');
    if (!plot || !plot.querySelector('.funnellayer path')) return false;
    const box = plot.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(plot).visibility === 'visible';
}"""
# Home's Plotly bundle (ui.chart) not downloaded again: taken from the cache, or revalidated.
PLOTLY_FROM_CACHE = """url => performance.getEntriesByType('resource').some(
    r => r.name.includes(url) && r.transferSize < r.encodedBodySize)"""


def _start(page, path: Path, port: int | None = None):
    """Start the server as `make run` does and open Home in `page`, timed from the start.

    Returns the timing and the running server (the caller stops it).
    """
    from infoint.ui import PLOTLY_URL
    from tests.e2e.conftest import start_server, stop_server

    start = time.perf_counter()
    server = start_server(path, port=port)
    try:
        page.goto(server.url)
        page.wait_for_function(TITLE_SHOWN, arg=HOME_TITLE, polling="raf")
        to_title = time.perf_counter() - start
        page.wait_for_function(FUNNEL_DRAWN, polling="raf")
        to_funnel = time.perf_counter() - start
        cached = page.evaluate(PLOTLY_FROM_CACHE, PLOTLY_URL)
    except BaseException:
        stop_server(server)
        raise
    return Started(to_title, to_funnel, cached), server


VIEWPORT = {"width": 1400, "height": 1000}


def serve(source: Path, export: Path) -> Served:
    """Start the server on a copy of `source` with a browser that never opened the app, open
    Home until the funnel is drawn, then every other page from our menu; measure the server's
    memory, then again after re-importing `export` (the file `source` was built from) and
    preparing the workbook."""
    from playwright.sync_api import sync_playwright

    from infoint.ui import MENU
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, stop_server, wait_for_app

    with _database(source) as path, sync_playwright() as playwright:
        browser = playwright.chromium.launch(  # before the clock starts
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        page = browser.new_page(viewport=VIEWPORT)
        page.set_default_timeout(60_000)
        try:
            started, server = _start(page, path)
            try:
                wait_for_app(page)
                for _, label, _ in MENU[1:]:
                    page.get_by_test_id("stSidebar").get_by_role(
                        "link", name=label, exact=True
                    ).click()
                    page.wait_for_function("label => document.title.startsWith(label)", arg=label)
                    wait_for_app(page)
                rss = _resident(server.process.pid)
                _reimport_and_prepare_the_workbook(page, export)
                rss_after_work = _resident(server.process.pid)
            finally:
                stop_server(server)
        finally:
            browser.close()
    return Served(started, rss, len(MENU), rss_after_work)


def _reimport_and_prepare_the_workbook(page, export: Path) -> None:
    """On Import & export (the page the menu walk ends near): import `export` again, as a
    user re-importing their latest download does, then prepare the Excel workbook. Both free
    what they build, and an allocator may keep it: memory after them is what the server
    holds for the rest of the session."""
    from playwright.sync_api import expect

    from tests.e2e.conftest import wait_for_app

    page.get_by_test_id("stSidebar").get_by_role("link", name="Import & export").click()
    page.get_by_role("heading", name="Import & export", exact=True).wait_for()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(export)
    start_import = page.get_by_role("button", name="Import", exact=True)
    expect(start_import).to_be_enabled()  # once the upload has reached the server
    start_import.click()
    page.get_by_text("Already up to date", exact=False).first.wait_for()
    wait_for_app(page)
    page.get_by_role("button", name="Prepare the Excel workbook").click()
    page.get_by_role("button", name="Download everything (Excel)").wait_for()
    wait_for_app(page)


def serve_to_a_returning_browser(source: Path, visits_before: int, starts: int) -> list[Started]:
    """Starts of the server for a browser that opened the app before, as a returning user's
    has: one Chromium profile on one port (its cache is kept per address) opens the app
    `visits_before` times untimed, then the timed `starts`, each with a fresh server and
    browser process."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, _free_port, stop_server

    port = _free_port()
    profile = Path(tempfile.mkdtemp(prefix="infoint-profile-"))
    timed = []
    try:
        with _database(source) as path, sync_playwright() as playwright:
            for visit in range(visits_before + starts):
                browser = playwright.chromium.launch_persistent_context(
                    profile,
                    executable_path=str(CHROMIUM),
                    headless=True,
                    args=CHROMIUM_FLAGS,
                    viewport=VIEWPORT,
                )
                try:
                    page = browser.pages[0] if browser.pages else browser.new_page()
                    page.set_default_timeout(60_000)
                    started, server = _start(page, path, port)
                    stop_server(server)
                finally:
                    browser.close()
                if visit >= visits_before:
                    timed.append(started)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return timed
