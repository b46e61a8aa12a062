"""The funnel: stages derived from the event tables (the `contact_stages` view), counted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

STAGES = ("contacted", "replied", "met", "referred", "opportunity")
STAGE_LABELS = {
    "contacted": "Contacted",
    "replied": "Replied",
    "met": "Met",
    "referred": "Referred",
    "opportunity": "Opportunity",
}
# One colour per stage, the same on every page and chart.
STAGE_COLOURS = {
    "contacted": "#4c78a8",
    "replied": "#72b7b2",
    "met": "#54a24b",
    "referred": "#eeca3b",
    "opportunity": "#e45756",
}
STAGE_HELP = {
    "contacted": "you sent them an outreach message or a follow-up",
    "replied": "they answered",
    "met": "you held a meeting with them",
    "referred": "they introduced you to someone else",
    "opportunity": "a lead (a role, a project, an interview) came of it",
}
NO_INDUSTRY = "(no industry yet)"


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int
    # Share of the previous stage that reached this one; None for the first stage or
    # when the previous stage is empty.
    conversion: float | None


@dataclass(frozen=True)
class FunnelFilter:
    industries: tuple[str, ...] = ()  # NO_INDUSTRY stands for companies without one
    degrees: tuple[str, ...] = ()
    start: date | None = None  # the week of first outreach, inclusive
    end: date | None = None

    def where(self) -> tuple[str, list]:
        """SQL conditions over `c` (contacts), `co` (companies) and `s` (contact_stages)."""
        clauses, params = [], []
        if self.industries:
            named = [i for i in self.industries if i != NO_INDUSTRY]
            parts = []
            if named:
                parts.append("co.industry IN (SELECT unnest(?))")
                params.append(named)
            if NO_INDUSTRY in self.industries:
                parts.append("coalesce(co.industry, '') = ''")
            clauses.append("(" + " OR ".join(parts) + ")")
        if self.degrees:
            clauses.append("c.degree IN (SELECT unnest(?))")
            params.append(list(self.degrees))
        if self.start is not None:
            clauses.append("date_trunc('week', s.first_outreach_at) >= date_trunc('week', ?)")
            params.append(self.start)
        if self.end is not None:
            clauses.append("date_trunc('week', s.first_outreach_at) <= date_trunc('week', ?)")
            params.append(self.end)
        return (" AND ".join(clauses) or "TRUE"), params

    @property
    def narrows(self) -> bool:
        """Whether it leaves anyone out (an industry, a degree or weeks chosen)."""
        return bool(self.industries or self.degrees or self.start or self.end)


# The contacts at each stage or beyond, over `contact_stages s`: one column per stage, in order.
STAGE_COUNTS_SQL = ", ".join(
    f"count(*) FILTER (WHERE s.stage >= {i + 1})" for i in range(len(STAGES))
)


@dataclass(frozen=True)
class AlsoCount:
    """One more count over the funnel's people, taken in `stage_counts`' pass: those meeting
    `condition`, an SQL condition over `s`, `c`, `co` and the one-row tables `joined`, which
    `with_` defines (common table expressions, their placeholders filled by `params`)."""

    condition: str
    with_: str = ""
    joined: tuple[str, ...] = ()
    params: tuple = ()


@dataclass(frozen=True)
class Counted:
    stages: list[StageCount]
    also: int | None  # `AlsoCount`'s count, None when none was asked for


def stage_counts(
    conn: duckdb.DuckDBPyConnection, filters: FunnelFilter | None = None
) -> list[StageCount]:
    """Contacts at each stage or beyond, with conversion from the stage before."""
    return counted(conn, filters).stages


def counted(
    conn: duckdb.DuckDBPyConnection,
    filters: FunnelFilter | None = None,
    also: AlsoCount | None = None,
) -> Counted:
    """`stage_counts` and, given `also`, one more count of the same people in the same pass
    (Home's: who still has time to reply). The one place that says whom the funnel counts:
    everyone written to (stage 1 or beyond) whom `filters` choose."""
    where, params = (filters or FunnelFilter()).where()
    with_, also_count, joined, also_params = "", "", "", ()
    if also is not None:
        with_ = f"WITH {also.with_}" if also.with_ else ""
        also_count = f", count(*) FILTER (WHERE {also.condition})"
        joined = "".join(f" CROSS JOIN {table}" for table in also.joined)
        also_params = also.params
    row = conn.execute(
        f"""
        {with_}
        SELECT {STAGE_COUNTS_SQL}{also_count}
        FROM contact_stages s{joined}
        JOIN contacts c ON c.id = s.contact_id
        LEFT JOIN companies co ON co.id = c.company_id
        WHERE s.stage > 0 AND {where}
        """,
        [*also_params, *params],
    ).fetchall()[0]
    if also is None:
        return Counted(counted_stages(row), None)
    return Counted(counted_stages(row[:-1]), int(row[-1]))


def counted_stages(row: tuple) -> list[StageCount]:
    """The stages from a row of `STAGE_COUNTS_SQL`'s counts, each with its conversion."""
    counts, previous = [], None
    for stage, count in zip(STAGES, row, strict=True):
        conversion = None if not previous else count / previous
        counts.append(StageCount(stage, STAGE_LABELS[stage], int(count), conversion))
        previous = count
    return counts


def funnel_dict(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Stage counts as a plain mapping, for JSON output."""
    return {c.stage: c.count for c in stage_counts(conn)}


def stage_name(stage: int) -> str:
    """The label for a stage number from `contact_stages` (0 is not yet contacted)."""
    return "Not contacted" if stage <= 0 else STAGE_LABELS[STAGES[stage - 1]]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
