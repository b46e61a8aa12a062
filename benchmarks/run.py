"""`make bench`: time the import against DuckDB merely scanning the same file, in one run.

Machines differ and these ones are noisy, so every budget is a ratio to the baseline measured
in the same run (DESIGN.md, "Budgets"), plus an absolute ceiling. Each measurement is the
median of a few runs after one warm-up. Measurements are a list: add a function to
`MEASUREMENTS` to time something else against the same baseline.

    python -m benchmarks.run [--rows 30000] [--repeat 5]
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
from pathlib import Path

import duckdb
import pandas as pd

from benchmarks.generate import write_export
from infoint import db, importer
from infoint.linkedin import read_connections

OUT = Path(__file__).resolve().parent / "out"
PREAMBLE_LINES = 3


@dataclass(frozen=True)
class Budget:
    """At most `ratio` times the baseline and at most `seconds`; either may be absent."""

    ratio: float | None = None
    seconds: float | None = None

    def describe(self) -> str:
        parts = []
        if self.seconds is not None:
            parts.append(f"< {self.seconds:g} s")
        if self.ratio is not None:
            parts.append(f"≤ {self.ratio:g}× scan")
        return " and ".join(parts) or "—"

    def met(self, seconds: float, baseline: float) -> bool:
        return (self.seconds is None or seconds < self.seconds) and (
            self.ratio is None or seconds <= self.ratio * baseline
        )


@dataclass(frozen=True)
class Measurement:
    name: str
    seconds: float  # the median
    budget: Budget | None = None  # DESIGN.md's budget
    target: Budget | None = None  # the tighter one the performance issue sets
    note: str = ""


@dataclass
class Context:
    csv_path: Path
    rows: int
    repeat: int
    workdir: Path
    baseline: float = 0.0


def timed(run: Callable[..., object], repeat: int, setup: Callable[[], object] | None = None):
    """Median seconds of `repeat` runs after a warm-up; `setup` runs untimed before each and
    its result is passed to `run`."""
    times = []
    for attempt in range(repeat + 1):
        arguments = (setup(),) if setup else ()
        start = time.perf_counter()
        run(*arguments)
        if attempt:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def duckdb_scan(ctx: Context) -> Measurement:
    conn = duckdb.connect()
    query = (
        f"SELECT count(*) FROM read_csv('{ctx.csv_path}', skip={PREAMBLE_LINES},"
        " header = true, all_varchar = true)"
    )
    counted = conn.execute(query).fetchall()[0][0]
    assert counted == ctx.rows, f"the scan counted {counted} rows, not {ctx.rows}"
    seconds = timed(lambda: conn.execute(query).fetchall(), ctx.repeat)
    conn.close()
    ctx.baseline = seconds
    return Measurement("DuckDB scans the file (baseline)", seconds, note="count(*) of read_csv")


def pandas_read(ctx: Context) -> Measurement:
    def read():
        pd.read_csv(ctx.csv_path, skiprows=PREAMBLE_LINES, dtype=str, keep_default_na=False)

    return Measurement("pandas reads the file", timed(read, ctx.repeat), note="read_csv, dtype=str")


def reader(ctx: Context) -> Measurement:
    seconds = timed(lambda: read_connections(ctx.csv_path), ctx.repeat)
    return Measurement("infoint reads the export", seconds, note="linkedin.read_connections")


def _fresh_database(ctx: Context) -> duckdb.DuckDBPyConnection:
    folder = Path(tempfile.mkdtemp(dir=ctx.workdir))
    return db.connect(folder / "bench.duckdb")


def import_fresh(ctx: Context) -> Measurement:
    reports = []

    def run(conn):
        reports.append(importer.import_file(conn, ctx.csv_path))
        conn.close()

    seconds = timed(run, ctx.repeat, setup=lambda: _fresh_database(ctx))
    last = reports[-1]
    assert last.added + last.skipped == ctx.rows, last.summary()
    return Measurement(
        "import into a fresh database",
        seconds,
        budget=Budget(ratio=10, seconds=1.0),
        target=Budget(ratio=5, seconds=0.5),
        note=f"read + upsert; {last.summary()}",
    )


def reimport(ctx: Context) -> Measurement:
    conn = _fresh_database(ctx)
    importer.import_file(conn, ctx.csv_path)
    reports = []
    seconds = timed(lambda: reports.append(importer.import_file(conn, ctx.csv_path)), ctx.repeat)
    conn.close()
    last = reports[-1]
    assert (last.added, last.updated) == (0, 0), last.summary()
    return Measurement(
        "re-import of the same file",
        seconds,
        budget=Budget(ratio=5),
        target=Budget(ratio=3),
        note=f"read + backup + compare; {last.summary()}",
    )


def upsert_fresh(ctx: Context) -> Measurement:
    connections = read_connections(ctx.csv_path)

    def run(conn):
        importer.import_connections(conn, connections)
        conn.close()

    seconds = timed(run, ctx.repeat, setup=lambda: _fresh_database(ctx))
    return Measurement("… of which the upsert, fresh", seconds, note="import_connections")


def upsert_again(ctx: Context) -> Measurement:
    connections = read_connections(ctx.csv_path)
    conn = _fresh_database(ctx)
    importer.import_connections(conn, connections)
    seconds = timed(lambda: importer.import_connections(conn, connections), ctx.repeat)
    conn.close()
    return Measurement("… of which the upsert, again", seconds, note="import_connections")


MEASUREMENTS: list[Callable[[Context], Measurement]] = [
    duckdb_scan,
    pandas_read,
    reader,
    import_fresh,
    upsert_fresh,
    reimport,
    upsert_again,
]


def machine() -> str:
    # The load average says how much else ran meanwhile: ratios drift on a busy machine.
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{os.cpu_count()} CPUs, {platform.machine()}, {platform.system()}{load}; "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}, "
        f"pandas {pd.__version__}"
    )


def _verdict(budget: Budget | None, seconds: float, baseline: float) -> str:
    if budget is None:
        return "—"
    return ("yes" if budget.met(seconds, baseline) else "**no**") + f" ({budget.describe()})"


def table(results: list[Measurement], baseline: float) -> str:
    lines = [
        "| measurement | median | × scan | budget met? | tighter target met? | notes |",
        "|---|---:|---:|---|---|---|",
    ]
    for m in results:
        lines.append(
            f"| {m.name} | {m.seconds * 1000:,.0f} ms | {m.seconds / baseline:.1f}× "
            f"| {_verdict(m.budget, m.seconds, baseline)} "
            f"| {_verdict(m.target, m.seconds, baseline)} | {m.note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the import against a bare DuckDB scan.")
    parser.add_argument("--rows", type=int, default=30_000, help="connections in the export")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement")
    args = parser.parse_args(argv)
    csv_path = write_export(OUT / f"Connections-{args.rows}.csv", args.rows)
    workdir = Path(tempfile.mkdtemp(prefix="infoint-bench-"))
    try:
        ctx = Context(csv_path=csv_path, rows=args.rows, repeat=args.repeat, workdir=workdir)
        results = [measure(ctx) for measure in MEASUREMENTS]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    size = csv_path.stat().st_size / 1e6
    print(f"{args.rows:,} connections ({size:.1f} MB), median of {args.repeat} runs")
    print(f"Machine: {machine()}\n")
    print(table(results, ctx.baseline))
    failed = [m for m in results if m.budget and not m.budget.met(m.seconds, ctx.baseline)]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
