"""The heavy user of the performance issue, in one DuckDB file, built in seconds.

30,000 connections (the generated export through the real importer), ~2,000 companies of
which 400 have an industry and a priority (240 targets, 80 being researched, 40 ruled out),
~10,000 interactions over half a year, 1,000 meetings (upcoming ones too), 300 people
introduced by others (some of them two hops down a chain), a profile and a ruled-out industry.

Deterministic for a given day: which contact gets what follows from its row number, and
dates count back from `today`, so the due-now rules always have recent silence to work on.
Built once per generator version and day, under benchmarks/out/ (git-ignored):

    python -m benchmarks.heavy [--today 2026-07-01] [--rebuild]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from benchmarks.generate import write_export
from infoint import db, importer

# Bump when what the file holds changes: the cached copy is then rebuilt.
VERSION = 2
OUT = Path(__file__).resolve().parent / "out"
ROWS = 30_000
EXPORT = OUT / f"Connections-{ROWS}.csv"
INDUSTRIES = (
    "Software",
    "Health care",
    "Finance",
    "Energy",
    "Education",
    "Retail",
    "Logistics",
    "Media",
    "Public sector",
    "Manufacturing",
    "Consulting",
    "Non-profit",
)
RULED_OUT_INDUSTRY = ("Retail", "Two talks showed me the work is mostly sales.")
COMPANIES_WITH_INDUSTRY = 400
CONTACTED = 5_000  # people written to: each has one outreach
MET = 1_000  # meetings, with the first replied people
REFERRED = 300  # people introduced by someone

# Every statement runs with $anchor = the start of `today`: events lie before it, upcoming
# meetings after it. `n` numbers the people of the campaign 1..CONTACTED.
_CAMPAIGN = f"""
-- The 400 companies with most people get an industry, a priority and a status.
CREATE TEMP TABLE ranked AS
SELECT co.id, row_number() OVER (ORDER BY count(c.id) DESC, co.id) AS n
FROM companies co LEFT JOIN contacts c ON c.company_id = co.id
GROUP BY co.id;

UPDATE companies SET
    industry = {list(INDUSTRIES)!r}[1 + r.n % {len(INDUSTRIES)}],
    motivation = (r.n * 7) % 4,
    postings = (r.n * 5) % 4,
    status = CASE WHEN r.n % 10 < 6 THEN 'target' WHEN r.n % 10 < 8 THEN 'researching'
                  WHEN r.n % 10 = 8 THEN 'ruled_out' ELSE 'network' END,
    ruled_out_reason = CASE WHEN r.n % 10 = 8
                            THEN 'Learned in a talk that the team is shrinking.' END
FROM ranked r
WHERE companies.id = r.id AND r.n <= {COMPANIES_WITH_INDUSTRY};

-- Whom the user wrote to: people at chosen companies first, then anyone, in a scrambled
-- but fixed order.
CREATE TEMP TABLE campaign AS
SELECT contact_id, row_number() OVER (ORDER BY chosen DESC, scramble, contact_id) AS n
FROM (
    SELECT c.id AS contact_id, coalesce(co.status IN ('target', 'researching'), false) AS chosen,
           (c.id * 7919) % 30011 AS scramble
    FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
    WHERE c.first_name <> ''
)
ORDER BY chosen DESC, scramble, contact_id
LIMIT {CONTACTED};

CREATE TEMP TABLE sent AS
SELECT contact_id, n,
       $anchor - to_days((n * 37) % 182) + to_hours(8 + n % 9) AS sent_at
FROM campaign;

CREATE TEMP TABLE events (contact_id BIGINT, kind VARCHAR, channel VARCHAR,
                          occurred_at TIMESTAMP, template_id BIGINT, subject VARCHAR);
-- Outreach: one each, from a template; replies from two in five; one follow-up to a silent
-- fifth; notes here and there; a few opportunities among those who replied.
INSERT INTO events
SELECT contact_id, 'outreach', ['email', 'email', 'linkedin', 'email'][1 + n % 4], sent_at,
       1 + n % 4, 'A question about your work'
FROM sent;
INSERT INTO events
SELECT contact_id, 'reply', 'email', sent_at + to_days(1 + n % 6) + to_hours(n % 5), NULL,
       'Re: A question about your work'
FROM sent WHERE n % 5 IN (0, 1);
INSERT INTO events
SELECT contact_id, 'follow_up', 'email', sent_at + to_days(10), 4, 'Following up'
FROM sent WHERE n % 5 = 2;
INSERT INTO events
SELECT contact_id, 'note', 'other', sent_at + to_days(2), NULL, 'Looked at their profile again'
FROM sent WHERE n % 5 = 3 OR (n % 5 = 4 AND n % 4 = 0);
INSERT INTO events
SELECT contact_id, 'opportunity', 'email', sent_at + to_days(40), NULL, 'Asked for my CV'
FROM sent WHERE n % 5 = 0 AND n % 10 = 0 AND n <= 1000;

-- Meetings with the first thousand who replied (numbered anew), a few days after the reply
-- at 10:00 UTC; the ones still ahead are scheduled, most past ones held, a few called off
-- or not recorded yet.
CREATE TEMP TABLE met AS
SELECT contact_id, n, row_number() OVER (ORDER BY n) AS k,
       timezone('UTC', date_trunc('day', sent_at) + to_days(4 + n % 6) + to_hours(10)) AS starts_at,
       sent_at + to_days(1 + n % 6) AS arranged_at
FROM sent WHERE n % 5 IN (0, 1)
ORDER BY n LIMIT {MET};

INSERT INTO meetings (contact_id, starts_at, promised_minutes, actual_minutes, place, status,
                      prep_notes, notes, created_at)
SELECT contact_id, starts_at, 20,
       CASE WHEN status = 'held' THEN 15 + k % 20 END,
       ['Video call', 'Café near their office', 'Phone'][1 + k % 3], status,
       CASE WHEN k % 3 = 0 THEN 'How they moved into the field' ELSE '' END,
       CASE WHEN status = 'held' THEN 'Friendly; suggested two people to talk to.' ELSE '' END,
       arranged_at
FROM (
    SELECT *, CASE WHEN starts_at > timezone('UTC', $anchor) THEN 'scheduled'
                   WHEN k % 20 = 0 THEN 'cancelled' WHEN k % 20 = 1 THEN 'no_show'
                   WHEN k % 20 = 2 THEN 'scheduled' ELSE 'held' END AS status
    FROM met
);

INSERT INTO meeting_questions (meeting_id, question_id, question, answer)
SELECT m.id, q.id, q.text, CASE WHEN m.status = 'held' THEN 'Start with one small project.'
                                ELSE '' END
FROM meetings m
JOIN questions q ON q.id IN (1 + m.id % 21, 1 + (m.id + 7) % 21)
WHERE m.status IN ('held', 'scheduled') AND m.id % 4 <> 3;

-- Thank-yous after most held meetings, the day after; introductions from some of them.
INSERT INTO events
SELECT t.contact_id, 'thank_you', 'email', CAST(m.starts_at AS TIMESTAMP) + to_days(1),
       NULL, 'Thank you'
FROM met t JOIN meetings m ON m.contact_id = t.contact_id
WHERE m.status = 'held' AND t.k % 7 <> 0;
CREATE TEMP TABLE held AS
SELECT m.contact_id, CAST(m.starts_at AS TIMESTAMP) AS held_at,
       row_number() OVER (ORDER BY m.id) AS k
FROM meetings m WHERE m.status = 'held';
INSERT INTO events
SELECT contact_id, 'referral', 'in_person', held_at + to_hours(1), NULL, 'Suggested a colleague'
FROM held WHERE k <= {REFERRED};

INSERT INTO interactions (contact_id, kind, channel, occurred_at, template_id, subject, body,
                          source)
SELECT contact_id, kind, channel, occurred_at, template_id, subject, '', 'manual'
FROM events WHERE occurred_at < $anchor
ORDER BY occurred_at, contact_id, kind;

-- Introductions: people written to later in the campaign were introduced by someone met;
-- the last sixty by one of those introduced before them, so chains run two or three deep.
CREATE TEMP TABLE introduced AS
SELECT contact_id, row_number() OVER (ORDER BY n) AS k
FROM campaign WHERE n > 3000 ORDER BY n LIMIT {REFERRED};
UPDATE contacts SET referred_by = CASE
        WHEN i.k <= {REFERRED - 60}
            THEN (SELECT h.contact_id FROM held h WHERE h.k = 1 + (i.k * 13) % {REFERRED})
        ELSE (SELECT e.contact_id FROM introduced e WHERE e.k = i.k - {REFERRED - 60})
    END,
    -- introduced two days before the user first wrote to them
    referred_at = (SELECT s.sent_at - to_days(2) FROM sent s WHERE s.contact_id = i.contact_id),
    degree = '2nd'
FROM introduced i WHERE contacts.id = i.contact_id;

UPDATE profile SET name = 'Sam Rivera', job_title = 'a secondary-school maths teacher',
    focus_kind = 'occupation', focus = 'data analysis',
    focus_detail = 'what the work is like day to day in health care',
    time_zone = 'Europe/Berlin';
INSERT INTO ruled_out_industries (industry, reason) VALUES {RULED_OUT_INDUSTRY!r};
"""


def path_for(today: date) -> Path:
    return OUT / f"heavy-v{VERSION}-{today:%Y%m%d}.duckdb"


def build(target: Path, today: date) -> Path:
    """Write the heavy user's database to `target` (replaced if there)."""
    write_export(EXPORT, ROWS)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(suffix=".duckdb", dir=target.parent)
    os.close(handle)
    os.unlink(scratch)  # DuckDB wants to create the file itself
    conn = db.connect(scratch)
    try:
        importer.import_file(conn, EXPORT)
        anchor = datetime.combine(today, datetime.min.time())
        with db.transaction(conn):
            for statement in _CAMPAIGN.split(";\n"):
                if statement.strip():
                    conn.execute(statement, {"anchor": anchor} if "$anchor" in statement else {})
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    Path(scratch).replace(target)
    return target


def heavy_database(today: date | None = None, *, rebuild: bool = False) -> Path:
    """The heavy user's database file for `today`, built unless a copy of this version is
    there already; copies of other versions or days are removed."""
    today = today or date.today()
    target = path_for(today)
    for old in OUT.glob("heavy-v*.duckdb*"):
        if old != target:
            old.unlink(missing_ok=True)
    if rebuild or not target.exists():
        build(target, today)
    return target


def describe(path: Path) -> str:
    """What the file holds, in one line (for the bench's header)."""
    conn = db.connect(path)
    try:
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM companies),"
            " (SELECT count(*) FROM companies WHERE industry IS NOT NULL),"
            " (SELECT count(*) FROM companies WHERE status IN ('target', 'researching')),"
            " (SELECT count(*) FROM interactions), (SELECT count(*) FROM meetings),"
            " (SELECT count(*) FROM contacts WHERE referred_by IS NOT NULL)"
        ).fetchall()[0]
    finally:
        conn.close()
    contacts, companies, with_industry, chosen, interactions, meetings, referred = counts
    return (
        f"{contacts:,} contacts, {companies:,} companies ({with_industry} with an industry, "
        f"{chosen} targets), {interactions:,} interactions, {meetings:,} meetings, "
        f"{referred} introduced"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the heavy user's database.")
    parser.add_argument("--today", type=date.fromisoformat, help="the day dates count back from")
    parser.add_argument("--rebuild", action="store_true", help="build even if cached")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    path = heavy_database(args.today, rebuild=args.rebuild)
    print(f"{path} ({time.perf_counter() - start:.1f} s): {describe(path)}")


if __name__ == "__main__":
    main()
