"""The `infoint` command: import, stats, export and demo, on the same database as the app.

Exit 0 on success; 2 with one line on stderr for anything the user can fix (a file that is
not an export, a database another program holds, an unknown export type, a database that is
not there for a command that needs one, an export older than one imported before that would
move people back to their old jobs, a file already where an export would go and no --force,
a demo removal that would delete what the user logged, with no --yes and no terminal to ask
at), and then the database is unchanged, and so is any file already there.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from infoint import db, demo, export, funnel, home, importer, settings, text
from infoint.errors import InfointError, InvalidInputError, NotAnExportError, NotFoundError
from infoint.importer import ImportReport
from infoint.linkedin import Connections, read_connections

EXIT_OK = 0
EXIT_USER_ERROR = 2
# How much of a long list the terminal shows; `infoint export` has all of it.
SHOWN = 20


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infoint",
        description="Run your information-interview campaign from the command line.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help="the database file (default: $INFOINT_DB, else data/infoint.duckdb)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    to_import = commands.add_parser(
        "import",
        help="import your LinkedIn connections",
        description="Import Connections.csv or the LinkedIn archive .zip that contains it. "
        "Importing the same file again changes nothing; a newer one updates jobs and titles. "
        "A file older than one imported before, which would move people back to the jobs "
        "they had then, is not imported unless you add --anyway.",
    )
    to_import.add_argument("file", type=Path, help="Connections.csv or the LinkedIn archive .zip")
    to_import.add_argument("--json", action="store_true", help="print the report as JSON")
    to_import.add_argument(
        "--anyway",
        action="store_true",
        help="import the file even if it looks older than one imported before",
    )

    stats = commands.add_parser(
        "stats",
        help="counts and the funnel",
        description="How many contacts, companies, interactions and meetings you have, and "
        "how many people reached each stage of the funnel. Companies are those the Targets "
        "page lists for your whole network: 'N/A', 'Self-employed' and the like name no "
        "employer, so they are not counted unless you chose one as a target.",
    )
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    to_export = commands.add_parser(
        "export",
        help="write your data to a workbook or CSV",
        description="FILE.xlsx gets every table as a sheet; FILE.csv gets one row per contact. "
        "Text that a spreadsheet would run as a formula is stored as plain text. A text longer "
        "than an Excel cell holds is cut to fit and marked, and the command says how many. "
        "A file already there is kept unless you add --force.",
    )
    to_export.add_argument("file", type=Path, help="where to write: a .xlsx or .csv file")
    to_export.add_argument(
        "--force", action="store_true", help="replace the file if it is already there"
    )

    demo_parser = commands.add_parser(
        "demo",
        help="load (or remove) the demo data",
        description="Load a made-up network and campaign to try infoint with. Every demo row "
        "is marked as demo; --remove takes those rows out again, and with them what you logged "
        "with a demo person (an outreach, a reply, a meeting, your notes, prep or debrief) and "
        "your own people's links to demo people. When something you logged would go, it names "
        "it and asks first; --yes removes without asking.",
    )
    demo_parser.add_argument(
        "--remove",
        action="store_true",
        help="remove the demo data, with what you logged with demo people (asked first)",
    )
    demo_parser.add_argument(
        "--yes",
        action="store_true",
        help="with --remove: remove without asking first",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except importer.OlderExportError as exc:
        print(
            f"{exc} Nothing was imported; to import it anyway, run the same command with --anyway.",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    except export.ExistingFileError as exc:
        print(f"{exc} To replace it, run the same command with --force.", file=sys.stderr)
        return EXIT_USER_ERROR
    except InfointError as exc:
        print(" ".join(str(exc).split()), file=sys.stderr)
        return EXIT_USER_ERROR


def _run(args: argparse.Namespace) -> int:
    path = args.db or db.default_path()
    if args.command == "import":
        # Read the file before opening the database: a bad file leaves no trace at all.
        connections = _read_for_import(args.file)
        importer.fault_point("after_parse")
        with _open(path) as conn:
            report = importer.import_connections(conn, connections, anyway=args.anyway)
            offer = None if args.json else settings.undo_offer(conn)
        print(
            json.dumps(report.as_dict(), ensure_ascii=False)
            if args.json
            else _describe(report, offer)
        )
    elif args.command == "stats":
        with _open_existing(path, NO_DATABASE_TO_READ) as conn:
            figures = home.stats(conn)
        print(json.dumps(figures) if args.json else _describe_stats(figures))
    elif args.command == "export":
        # Before opening the database: a refusal leaves it, and the file, as they were.
        if not args.file.name.strip():  # '' or '.': export's sentence would end "not to ."
            raise InvalidInputError(
                "Name the file to export to, such as contacts.xlsx (every table as a sheet) or "
                "contacts.csv (one row per contact)."
            )
        export.check_target(args.file, replace=args.force)
        with _open_existing(path, NO_DATABASE_TO_EXPORT) as conn:
            written = export.write_export(conn, args.file, replace=args.force)
        print(f"Wrote {written.path}.")
        if cut := export.describe_cut(written.cut):
            print(cut)
    elif args.command == "demo":
        removing = _open_existing(path, NO_DATABASE_TO_REMOVE_FROM)
        with removing if args.remove else _open(path) as conn:
            if args.remove and not demo.has_demo(conn):
                print(demo.NO_DEMO_TO_REMOVE)  # and no write, which would end an import's undo
            elif args.remove:
                if args.yes or _removal_agreed(conn):
                    removed = demo.remove_demo(conn)
                    print(removed.sentence())
                    if removed.backup:
                        print(f"Your data as it was before is backed up in {removed.backup}.")
                else:
                    print("Nothing was removed; the demo data and your own are as they were.")
            else:
                print(demo.load_demo(conn).sentence())
                print("Remove it again with: infoint demo --remove")
    return EXIT_OK


def _removal_agreed(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether to remove the demo: yes when nothing the user logged goes with it; else asked,
    with what Settings says before its removal, and refused without a terminal to ask at.

    `yours_on_demo_people` is what `remove_demo` says went "with it" afterwards.
    """
    yours = demo.yours_on_demo_people(conn)
    if not yours:
        return True
    if not sys.stdin.isatty():
        raise InvalidInputError(
            f"Removing the demo would also delete {yours}, so nothing was removed: to remove "
            "it all the same, run the same command with --yes."
        )
    print(demo.removal_warning(conn), file=sys.stderr)
    print("Remove the demo data? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


@contextmanager
def _open(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The database for one command, closed afterwards so the app can open it again."""
    conn = db.connect(path)
    try:
        yield conn
    finally:
        conn.close()


# What a command with nothing to add says of a database that is not there, in words that fit
# it: importing first makes sense before `stats`, not as the way to export or to remove the demo.
NO_DATABASE_TO_READ = (
    "No database at {}: check --db or $INFOINT_DB, or import your connections first."
)
NO_DATABASE_TO_EXPORT = (
    "No database at {}, so there is nothing to export: check --db or $INFOINT_DB."
)
NO_DATABASE_TO_REMOVE_FROM = (
    "No database at {}, so there is no demo data to remove: check --db or $INFOINT_DB."
)


@contextmanager
def _open_existing(path: Path, refusal: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """`_open` for a command with nothing to add: a mistyped path must not quietly become a new,
    empty database (and its folders) that reads as all zeros. `refusal` says so, the path at {}.
    """
    if not path.is_file():
        raise NotFoundError(refusal.format(path))
    with _open(path) as conn:
        yield conn


def _read_for_import(file: Path) -> Connections:
    """`read_connections`, its refusals in the command line's words: they are the app's, where
    a file is uploaded ("… or upload the Connections.csv inside it"); here it is imported."""
    try:
        return read_connections(file)
    except NotAnExportError as exc:
        raise NotAnExportError(_UPLOAD.sub("import", str(exc))) from None


_UPLOAD = re.compile(r"\bupload\b")


def _describe(report: ImportReport, offer: settings.UndoOffer | None) -> str:
    lines = [f"{report.file_name}: {report.summary()}"]
    if report.moved_back:
        lines.append(report.moved_back_sentence())
    if report.namesakes:
        lines.append(report.namesakes_sentence())
    if report.changes:
        lines.append(f"Job changes ({len(report.changes)}):")
        lines += [f"  {change.describe()}" for change in report.changes[:SHOWN]]
        if len(report.changes) > SHOWN:
            lines.append(f"  … and {len(report.changes) - SHOWN} more (see `infoint export`).")
    by_reason: dict[str, list[int]] = defaultdict(list)
    for row in report.skipped_rows:
        by_reason[row.reason].append(row.line)
    if by_reason:
        lines.append("Skipped rows:")
    for reason, numbers in by_reason.items():
        shown = ", ".join(str(n) for n in numbers[:10]) + (", …" if len(numbers) > 10 else "")
        rows = "row (line" if len(numbers) == 1 else "rows (lines"
        lines.append(f"  {reason}: {len(numbers):,} {rows} {shown})")
    if report.backup:
        lines.append(f"Your data as it was before is backed up in {report.backup}.")
    if offer is not None and offer.batch_id == report.batch_id:
        lines.append("Undo it on the app's Import & export page, until you change anything else.")
    elif offer is not None:  # this import changed nothing, so an earlier one is still the last
        lines.append(
            f"Nothing changed, so your import of {offer.file_name} from "
            f"{text.moment(offer.imported_at)} can still be undone on the app's Import & export "
            "page, until you change anything else."
        )
    return "\n".join(lines)


def _describe_stats(figures: dict) -> str:
    lines = [
        f"Contacts: {figures['contacts']:,}",
        f"Companies: {figures['companies']:,}",
        f"Interactions: {figures['interactions']:,}",
        f"Meetings: {figures['meetings']:,}",
        "Funnel:",
    ]
    lines += [
        f"  {funnel.STAGE_LABELS[stage]}: {count:,}" for stage, count in figures["funnel"].items()
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
