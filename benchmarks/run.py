"""`make bench`: time the import against DuckDB merely scanning the same file, in one run.

Machines differ and these ones are noisy, so every budget is a ratio to the baseline measured
in the same run (DESIGN.md, "Budgets"), plus an absolute ceiling. Each measurement is the
median of a few runs after one warm-up. The reader and the imports time a scan just before
each of their runs and take their ratio to those (`beside_the_scan`): a shared machine's load
changes within a run. Measurements are a list: add a function to
`MEASUREMENTS` to time something else against the same baseline.

    python -m benchmarks.run [--rows 30000] [--repeat 5] [--page-repeat 10] [--parts ...]

After the import rows come the pages (benchmarks/pages.py): each page's script run and main
interaction with the heavy user loaded (benchmarks/heavy.py) beside the same on an empty
database, then the real server in Chromium: its memory and its start to a visible funnel.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import duckdb
import pandas as pd

from benchmarks import heavy, pages
from benchmarks.generate import connections_frame, frame_bytes, write_export
from infoint import db, importer
from infoint.linkedin import read_connections

OUT = Path(__file__).resolve().parent / "out"
PREAMBLE_LINES = 3


@dataclass(frozen=True)
class Budget:
    """At most `ratio` times the baseline and at most `seconds`; either may be absent.

    Pages and the server have their own kinds: at most `over_empty` seconds more than the
    same page on an empty database, and under `megabytes` of memory.
    """

    ratio: float | None = None
    seconds: float | None = None
    over_empty: float | None = None
    megabytes: float | None = None

    def describe(self) -> str:
        parts = []
        if self.seconds is not None:
            parts.append(f"< {self.seconds:g} s")
        if self.ratio is not None:
            parts.append(f"≤ {self.ratio:g}× scan")
        if self.over_empty is not None:
            parts.append(f"≤ empty + {self.over_empty * 1000:g} ms")
        if self.megabytes is not None:
            parts.append(f"< {self.megabytes:g} MB")
        return " and ".join(parts) or "—"

    def met(
        self,
        seconds: float,
        baseline: float,
        empty: float | None = None,
        megabytes: float | None = None,
    ) -> bool:
        return (
            (self.seconds is None or seconds < self.seconds)
            and (self.ratio is None or seconds <= self.ratio * baseline)
            and (self.over_empty is None or empty is None or seconds - empty <= self.over_empty)
            and (self.megabytes is None or megabytes is None or megabytes < self.megabytes)
        )


@dataclass(frozen=True)
class Measurement:
    name: str
    seconds: float  # the median
    budget: Budget | None = None  # DESIGN.md's budget
    target: Budget | None = None  # the tighter one the performance issue sets
    note: str = ""
    empty: float | None = None  # the same page on an empty database (pages only)
    megabytes: float | None = None  # a memory measurement: `seconds` is then unused
    against_scan: bool = True  # whether a ratio to the scan means anything
    scan: float | None = None  # the scan timed beside each of these runs; else the baseline's

    def meets(self, budget: Budget | None, baseline: float) -> bool:
        baseline = self.scan or baseline
        return budget is None or budget.met(self.seconds, baseline, self.empty, self.megabytes)


@dataclass
class Context:
    csv_path: Path
    rows: int
    repeat: int
    workdir: Path
    baseline: float = 0.0
    scan_once: Callable[[], object] = lambda: None
    page_repeat: int = 10


def timed(run: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` runs after a warm-up."""
    times = []
    for attempt in range(repeat + 1):
        start = time.perf_counter()
        run()
        if attempt:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def beside_the_scan(ctx: Context, run: Callable[[], object]) -> tuple[float, float]:
    """Median seconds of `repeat` runs after a warm-up, and of the scan timed just before each.

    Other work shares the machine and comes and goes: a ratio of runs taken moments apart is
    the fair one, where a baseline timed once, earlier, drifts (2× and more was seen).
    """
    runs, scans = [], []
    for attempt in range(ctx.repeat + 1):
        start = time.perf_counter()
        ctx.scan_once()
        scanned = time.perf_counter()
        run()
        if attempt:
            scans.append(scanned - start)
            runs.append(time.perf_counter() - scanned)
    return statistics.median(runs), statistics.median(scans)


def duckdb_scan(ctx: Context) -> Measurement:
    conn = duckdb.connect()
    query = (
        f"SELECT count(*) FROM read_csv('{ctx.csv_path}', skip={PREAMBLE_LINES},"
        " header = true, all_varchar = true)"
    )
    counted = conn.execute(query).fetchall()[0][0]
    assert counted == ctx.rows, f"the scan counted {counted} rows, not {ctx.rows}"
    ctx.scan_once = lambda: conn.execute(query).fetchall()
    seconds = timed(ctx.scan_once, ctx.repeat)
    ctx.baseline = seconds
    return Measurement("DuckDB scans the file (baseline)", seconds, note="count(*) of read_csv")


def pandas_read(ctx: Context) -> Measurement:
    def read():
        pd.read_csv(ctx.csv_path, skiprows=PREAMBLE_LINES, dtype=str, keep_default_na=False)

    return Measurement("pandas reads the file", timed(read, ctx.repeat), note="read_csv, dtype=str")


def reader(ctx: Context) -> Measurement:
    seconds, scan = beside_the_scan(ctx, lambda: read_connections(ctx.csv_path))
    return Measurement(
        "infoint reads the export", seconds, note="linkedin.read_connections", scan=scan
    )


def _bare_database(ctx: Context) -> duckdb.DuckDBPyConnection:
    """A new DuckDB file with nothing of ours in it."""
    return duckdb.connect(Path(tempfile.mkdtemp(dir=ctx.workdir)) / "bare.duckdb")


def duckdb_copy(ctx: Context) -> Measurement:
    """DuckDB's own copy of the file into a new table: what storing it costs at the least."""
    query = (
        f"CREATE TABLE export AS SELECT * FROM read_csv('{ctx.csv_path}', skip={PREAMBLE_LINES},"
        " header = true, all_varchar = true)"
    )

    def copy(conn: duckdb.DuckDBPyConnection) -> None:
        conn.execute("BEGIN TRANSACTION")
        conn.execute(query)
        conn.execute("COMMIT")

    seconds, _, scan = _on_fresh_databases(ctx, copy, fresh=_bare_database)
    return Measurement(
        "DuckDB copies the file into a new table",
        seconds,
        note="CREATE TABLE AS read_csv, to its commit, in a new database file: the least any "
        "import that keeps the file in DuckDB can cost",
        scan=scan,
    )


def contacts_written(ctx: Context) -> Measurement:
    """Only the insert of the file's people into our contacts table, from rows already read."""
    rows = read_connections(ctx.csv_path).rows

    def write(conn: duckdb.DuckDBPyConnection) -> None:
        conn.register("_read", rows)
        with db.transaction(conn):
            conn.execute(
                """
                INSERT INTO contacts (profile_key, linkedin_url, first_name, last_name,
                                      linkedin_email, position, connected_on, degree, source)
                SELECT coalesce(profile_url, 'line:' || line), profile_url, first_name,
                       last_name, email, position, TRY_CAST(nullif(connected_on, '') AS DATE),
                       '1st', 'linkedin'
                FROM _read
                """
            )

    seconds, _, scan = _on_fresh_databases(ctx, write)
    return Measurement(
        "DuckDB writes the file's people into our contacts table",
        seconds,
        note="one INSERT from rows already read and checked, to its commit: no companies, "
        "no comparing; the part of an import our table's 18 columns cost",
        scan=scan,
    )


def _fresh_database(ctx: Context) -> duckdb.DuckDBPyConnection:
    folder = Path(tempfile.mkdtemp(dir=ctx.workdir))
    return db.connect(folder / "bench.duckdb")


def _on_fresh_databases(
    ctx: Context,
    run: Callable[[duckdb.DuckDBPyConnection], object],
    fresh: Callable[[Context], duckdb.DuckDBPyConnection] = _fresh_database,
):
    """Median seconds of `run` on a database `fresh` gives (a new one by default), of closing
    it afterwards, and of the scan timed just before each run (`beside_the_scan`).

    The import ends at its COMMIT (durable in DuckDB's write-ahead log); closing then copies
    that log into the database file (a checkpoint), which the app does only when it stops.
    """
    runs, closes, scans = [], [], []
    for attempt in range(ctx.repeat + 1):
        conn = fresh(ctx)
        start = time.perf_counter()
        ctx.scan_once()
        scanned = time.perf_counter()
        run(conn)
        ran = time.perf_counter()
        conn.close()
        if attempt:
            scans.append(scanned - start)
            runs.append(ran - scanned)
            closes.append(time.perf_counter() - ran)
    return statistics.median(runs), statistics.median(closes), statistics.median(scans)


def _import_without_undo_point(conn: duckdb.DuckDBPyConnection, path: Path):
    """`import_file` less the undo point an import that changes something records: a copy of
    the database taken before it writes (when it holds anyone), and the count of writes."""
    connections = read_connections(path)
    with db.transaction(conn):
        return importer.upsert_connections(conn, connections, source="linkedin")


def import_fresh(ctx: Context) -> list[Measurement]:
    reports = []
    seconds, closing, scan = _on_fresh_databases(
        ctx, lambda conn: reports.append(importer.import_file(conn, ctx.csv_path))
    )
    itself, _, scan_too = _on_fresh_databases(
        ctx, lambda conn: reports.append(_import_without_undo_point(conn, ctx.csv_path))
    )
    assert all(r.added + r.skipped == ctx.rows for r in reports), reports[-1].summary()
    return [
        Measurement(
            "import into a fresh database",
            seconds,
            budget=Budget(ratio=10, seconds=1.0),
            target=Budget(ratio=5, seconds=0.5),
            note=(
                "read + upsert + undo point, to its commit (no one saved yet, so no backup: "
                f"its undo deletes what it added); {reports[0].summary()}"
            ),
            scan=scan,
        ),
        Measurement(
            "… the same without its undo point",
            itself,
            budget=Budget(ratio=10, seconds=1.0),
            target=Budget(ratio=5, seconds=0.5),
            note="read + upsert: the import itself, less the undo point (a count of writes)",
            scan=scan_too,
        ),
        Measurement(
            "… then closing that database",
            closing,
            note="not part of the import: DuckDB checkpoints its log into the file",
            scan=scan,
        ),
    ]


EARLIER_SHARE = 0.9  # the oldest nine-tenths of the export, imported before it
RETITLED_EVERY = 10  # every tenth of them had another title then


def import_newer(ctx: Context) -> Measurement:
    """The export into a database holding an earlier one: the oldest nine-tenths of its people,
    every tenth with another title. The import backs that database up before it writes."""
    frame = connections_frame(ctx.rows)
    earlier = frame.tail(int(ctx.rows * EARLIER_SHARE)).copy()
    earlier.iloc[::RETITLED_EVERY, list(frame.columns).index("Position")] = "Intern"
    base = Path(tempfile.mkdtemp(dir=ctx.workdir)) / "earlier.duckdb"
    conn = db.connect(base)
    importer.import_file(conn, frame_bytes(earlier), filename="earlier.csv")
    conn.close()

    def copy_of_base(ctx: Context) -> duckdb.DuckDBPyConnection:
        folder = Path(tempfile.mkdtemp(dir=ctx.workdir))
        shutil.copy(base, folder / "infoint.duckdb")
        return db.connect(folder / "infoint.duckdb")

    reports = []
    seconds, _, scan = _on_fresh_databases(
        ctx,
        lambda conn: reports.append(importer.import_file(conn, ctx.csv_path)),
        fresh=copy_of_base,
    )
    last = reports[-1]
    assert last.backup is not None and last.updated, last.summary()
    return Measurement(
        "import of it into a database holding an older export",
        seconds,
        note=(
            "read + backup of the 27,000 people saved + upsert + undo point, to its commit; "
            f"no budget names it; {last.summary()}"
        ),
        scan=scan,
    )


def reimport(ctx: Context) -> Measurement:
    conn = _fresh_database(ctx)
    importer.import_file(conn, ctx.csv_path)
    reports = []
    seconds, scan = beside_the_scan(
        ctx, lambda: reports.append(importer.import_file(conn, ctx.csv_path))
    )
    conn.close()
    last = reports[-1]
    assert (last.added, last.updated, last.backup) == (0, 0, None), last.summary()
    return Measurement(
        "re-import of the same file",
        seconds,
        budget=Budget(ratio=5),
        target=Budget(ratio=3),
        note=f"read + compare; nothing changes, so no backup is taken; {last.summary()}",
        scan=scan,
    )


def upsert_fresh(ctx: Context) -> Measurement:
    connections = read_connections(ctx.csv_path)
    seconds, _, scan = _on_fresh_databases(
        ctx, lambda conn: importer.import_connections(conn, connections)
    )
    return Measurement(
        "… of which the upsert, fresh", seconds, note="import_connections", scan=scan
    )


def upsert_again(ctx: Context) -> Measurement:
    connections = read_connections(ctx.csv_path)
    conn = _fresh_database(ctx)
    importer.import_connections(conn, connections)
    seconds, scan = beside_the_scan(ctx, lambda: importer.import_connections(conn, connections))
    conn.close()
    return Measurement(
        "… of which the upsert, again", seconds, note="import_connections", scan=scan
    )


# Pages: DESIGN.md's budget is the empty page's run plus 100 ms; the target is under
# 100 ms whatever the empty page takes.
PAGE_BUDGET = Budget(over_empty=0.1)
PAGE_TARGET = Budget(seconds=0.1)


def _cold(timing: pages.Timing, first: str = "first run, caches empty") -> str:
    return f"CPU {timing.cpu * 1000:,.0f} ms; {first}: {timing.first * 1000:,.0f} ms"


def page_runs(ctx: Context) -> list[Measurement]:
    """Each page's script run and main interactions, heavy user beside an empty database."""
    source = heavy.heavy_database()
    results = []
    for case in pages.CASES:
        page, interactions = pages.time_page(case, source, ctx.page_repeat)
        empty_page, empty_interactions = pages.time_page(case, None, ctx.page_repeat)
        results.append(
            Measurement(
                f"{case.label}: the page",
                page.median,
                PAGE_BUDGET,
                PAGE_TARGET,
                note=f"{case.script}; {_cold(page)}",
                empty=empty_page.median,
                against_scan=False,
            )
        )
        for interaction, timing, empty in zip(
            case.interactions, interactions, empty_interactions, strict=True
        ):
            if timing is None:
                continue
            results.append(
                Measurement(
                    f"{case.label}: {interaction.name}",
                    timing.median,
                    PAGE_BUDGET,
                    PAGE_TARGET,
                    note=_cold(timing, "first time asked"),
                    empty=None if empty is None else empty.median,
                    against_scan=False,
                )
            )
    return results


SERVER_STARTS = 3
VISITS_BEFORE = 2  # a returning user's browser: Chromium keeps compiled code from the 2nd on


def _starts(starts: list[pages.Started]) -> str:
    funnel = ", ".join(f"{s.to_funnel:.1f}" for s in starts)
    title = statistics.median(s.to_title for s in starts)
    return f"{len(starts)} starts: {funnel} s; Home's title at {title:.1f} s"


def _megabytes(sizes: list[pages.Resident]) -> str:
    """Each start's total, then the private part of each (the rest is shared libraries)."""
    total = ", ".join(f"{size.total / 1e6:.0f}" for size in sizes)
    private = ", ".join(f"{size.private / 1e6:.0f}" for size in sizes)
    return f"{total} MB, of which private (the server's own, not libraries): {private} MB"


def server(ctx: Context) -> list[Measurement]:
    """`make run`'s server with the heavy user, started a few times: start to a drawn funnel
    in a browser that never opened the app, then memory with every page opened (medians); and
    the start again for a browser that opened the app before."""
    served = [pages.serve(heavy.heavy_database(), heavy.EXPORT) for _ in range(SERVER_STARTS)]
    cold = [s.start for s in served]
    returning = pages.serve_to_a_returning_browser(
        heavy.heavy_database(), VISITS_BEFORE, SERVER_STARTS
    )
    from_cache = sum(s.plotly_cached for s in returning)
    return [
        Measurement(
            "server start to the funnel drawn in Chromium",
            statistics.median(s.to_funnel for s in cold),
            Budget(seconds=4),
            Budget(seconds=3),
            note="streamlit run serve.py, then Home in Debian's Chromium with an empty cache "
            f"(a first visit); {_starts(cold)}; then the browser loads and runs our "
            "plotly.js bundle (1.2 MB) and draws",
            against_scan=False,
        ),
        Measurement(
            "… the same, in a browser that opened the app before",
            statistics.median(s.to_funnel for s in returning),
            Budget(seconds=4),
            Budget(seconds=3),
            note=f"one Chromium profile on one address, {VISITS_BEFORE} visits before (not "
            f"timed), as a returning user's browser; {_starts(returning)}; Plotly's script "
            f"from the browser's cache in {from_cache} of {len(returning)}",
            against_scan=False,
        ),
        Measurement(
            "server memory, every page opened once",
            0.0,
            Budget(megabytes=400),
            Budget(megabytes=300),
            note="resident memory of the server and its children after "
            f"{served[0].pages} pages; median of {SERVER_STARTS} starts: "
            f"{_megabytes([s.rss for s in served])}",
            megabytes=statistics.median(s.rss.total for s in served) / 1e6,
            against_scan=False,
        ),
        Measurement(
            "… then after a re-import and the workbook",
            0.0,
            Budget(megabytes=400),
            Budget(megabytes=300),
            note=f"the same servers, after importing the {ctx.rows:,}-row export again and "
            "preparing the Excel workbook on Import & export, as a user does; what the server "
            "keeps for the rest of the session; "
            f"{_megabytes([s.rss_after_work for s in served])}",
            megabytes=statistics.median(s.rss_after_work.total for s in served) / 1e6,
            against_scan=False,
        ),
    ]


MEASUREMENTS: list[Callable[[Context], Measurement | list[Measurement]]] = [
    duckdb_scan,
    pandas_read,
    duckdb_copy,
    reader,
    contacts_written,
    import_fresh,
    upsert_fresh,
    import_newer,
    reimport,
    upsert_again,
    page_runs,
    server,
]
# `--parts` picks among these (the scan always runs: it is the baseline).
PARTS = {
    "import": [m for m in MEASUREMENTS if m not in (page_runs, server)],
    "pages": [page_runs],
    "server": [server],
}


def machine() -> str:
    # The load average says how much else ran meanwhile: ratios drift on a busy machine.
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{os.cpu_count()} CPUs, {platform.machine()}, {platform.system()}{load}; "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}, "
        f"pandas {pd.__version__}, Streamlit {version('streamlit')}"
    )


def _verdict(budget: Budget | None, m: Measurement, baseline: float) -> str:
    if budget is None:
        return "—"
    return ("yes" if m.meets(budget, baseline) else "**no**") + f" ({budget.describe()})"


def table(results: list[Measurement], baseline: float) -> str:
    lines = [
        "| measurement | median | empty database | × scan | budget met? "
        "| tighter target met? | notes |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for m in results:
        value = (
            f"{m.megabytes:,.0f} MB" if m.megabytes is not None else f"{m.seconds * 1000:,.0f} ms"
        )
        empty = "—" if m.empty is None else f"{m.empty * 1000:,.0f} ms"
        scan = m.scan or baseline
        ratio = f"{m.seconds / scan:.1f}×" if m.against_scan and scan else "—"
        note = m.note + (f"; scan timed beside: {m.scan * 1000:,.0f} ms" if m.scan else "")
        lines.append(
            f"| {m.name} | {value} | {empty} | {ratio} "
            f"| {_verdict(m.budget, m, baseline)} "
            f"| {_verdict(m.target, m, baseline)} | {note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the import against a bare DuckDB scan.")
    parser.add_argument("--rows", type=int, default=30_000, help="connections in the export")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--page-repeat", type=int, default=10, help="timed runs per page")
    parser.add_argument(
        "--parts", nargs="+", choices=list(PARTS), default=list(PARTS), help="what to measure"
    )
    args = parser.parse_args(argv)
    chosen = [duckdb_scan] + [
        measure for part in args.parts for measure in PARTS[part] if measure is not duckdb_scan
    ]
    csv_path = write_export(OUT / f"Connections-{args.rows}.csv", args.rows)
    workdir = Path(tempfile.mkdtemp(prefix="infoint-bench-"))
    try:
        ctx = Context(
            csv_path=csv_path,
            rows=args.rows,
            repeat=args.repeat,
            workdir=workdir,
            page_repeat=args.page_repeat,
        )
        results = []
        for measure in chosen:
            measured = measure(ctx)
            results.extend(measured if isinstance(measured, list) else [measured])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    size = csv_path.stat().st_size / 1e6
    print(f"{args.rows:,} connections ({size:.1f} MB), median of {args.repeat} runs")
    if "pages" in args.parts or "server" in args.parts:
        print(
            f"Pages: median of {args.page_repeat} AppTest runs after a warm-up, heavy user: "
            f"{heavy.describe(heavy.heavy_database())}"
        )
    print(f"Machine: {machine()}\n")
    print(table(results, ctx.baseline))
    failed = [m for m in results if not m.meets(m.budget, ctx.baseline)]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
