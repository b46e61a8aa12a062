"""What is due now: follow-ups on silence and, later, other items, as one list.

Items are derived from the event log each time, never stored. A rule is a function
`(conn, now) -> list[DueItem]`, `now` aware and in the user's zone (`infoint.clock`), its
date the user's today; `due_items` runs every rule in `RULES`, then drops
- items whose company is ruled out (by its status or its industry),
- items the user dismissed, or snoozed until a day after today (by `DueItem.key`),
and sorts what is left by due date, oldest first. What a snooze or dismissal hides is listed
by `agenda` (`Agenda.hidden`), and `show_again` brings it back: a slip of the
mouse must never lose an item. `agenda` gives that list with a look ahead
by the same silence rules: whom you are waiting on, and the day each one's next step falls due.

To add a rule (e.g. a thank-you not yet sent after a held meeting):
1. Write `def _thank_you_overdue(conn, now) -> list[DueItem]` in this module (queries may
   live in your own module; import them here, not the other way round, to avoid a cycle).
   Select only the few candidate rows in SQL; do date arithmetic over those rows.
2. Give each item a key that is stable for as long as the item means the same thing and
   changes when the situation does, e.g. f"thank_you:{meeting_id}". Snoozes and dismissals
   are stored by that key.
3. Set `contact_id` and `company_id` (the ruled-out filter uses `company_id`), a `title`
   and a `detail` in our plain words, and the action: `action_label` and `action_page`
   (a page path), plus `compose_kind` when the action is writing to `contact_id` on the
   Outreach page, or `action_state` (session-state entries the Follow-ups page sets before
   switching to `action_page`, e.g. `(("meeting_to_open", 12),)`). The Follow-ups page
   also offers "open the contact", snooze and dismiss for every item.
4. Append the function to `RULES`, and test it on a fixed clock (pass `now`).

The silence rules, in business days (weekends and the user's holidays skipped) after the
latest outreach to a person with no answer since (a reply, referral, opportunity or
thank-you logged, or a meeting arranged, counts as an answer):
- after `TRY_ANOTHER_AFTER` days: try another person at that company, if nobody there is
  talking to you (no answer from anyone there and no meeting held with anyone there in the
  last `STALE_AFTER_DAYS` days, and none booked ahead), there is someone there not yet
  contacted whom nobody introduced (an introduction is its own next step, offered by
  Outreach and Referrals), and the company is a real employer (not one of
  `targets.PLACEHOLDER_COMPANIES` such as "N/A"); the item goes once an outreach to anyone
  else there is logged, or anyone there answers;
- after `FOLLOW_UP_AFTER` days: one polite follow-up to the same person; the item goes once
  a follow-up to them is logged, and no second one is suggested.
"After N days" is `infoint.business_days`' definition, the one Insights uses for "replied
within N business days": an answer on the Nth business day after the message is in time,
so the item is due the next business day (sent Monday: try someone else on Friday).
Silence older than `STALE_AFTER_DAYS` calendar days is left alone: a first follow-up that
late reads oddly, and an imported history would otherwise flood the list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from infoint import contacts, db, meetings, profile, referrals, text
from infoint.business_days import (
    add_business_days,
    business_days_between,
    silence_noticed_on_many,
)
from infoint.errors import InvalidInputError

TRY_ANOTHER_AFTER = 3
FOLLOW_UP_AFTER = 7
STALE_AFTER_DAYS = 30
PEOPLE_SUGGESTED = 5
# Items overdue by more than this many days may be snoozed or dismissed all at once: by then
# a long list of old items hides what is due today.
OLD_AFTER_DAYS = 14
# The day a snooze offers, in business days ahead (`default_snooze_day`): for one item, and
# for all the old items at once ("for a working week").
SNOOZE_BUSINESS_DAYS = 3
BULK_SNOOZE_BUSINESS_DAYS = 5
OUTREACH_PAGE = "pages/3_outreach.py"
MEETINGS_PAGE = "pages/5_meetings.py"

KIND_LABELS = {
    "try_another": "Try someone else",
    "follow_up": "Follow up",
    "thank_you": "Say thank you",
    "prepare": "Prepare",
    "debrief": "Note how it went",
}
_MEETING_ACTIONS = {
    "thank_you": "Write the thank-you",
    "prepare": "Open the prep sheet",
    "debrief": "Record how it went",
}
# Interactions that show the person answered.
_ANSWER_KINDS = ("reply", "referral", "opportunity", "thank_you")


@dataclass(frozen=True)
class DueItem:
    key: str
    kind: str
    title: str
    detail: str
    due_on: date
    contact_id: int | None
    company_id: int | None
    action_label: str
    action_page: str
    compose_kind: str | None = None  # set: the action writes to contact_id on Outreach
    people: tuple[tuple[int, str], ...] = ()  # others the action could go to: (id, label)
    # Session-state entries set before opening action_page (e.g. which meeting to show).
    action_state: tuple[tuple[str, Any], ...] = ()


# The latest outreach to each person within the window ($since: STALE_AFTER_DAYS back, up to
# $today), with no answer and no meeting arranged since; only $contact's when it is set
# (all else a step looks at, their company's people and events, is read whole). Only
# outreach inside the window is looked at: a person whose latest outreach is older is past
# the window anyway.
# Their company as an employer: '' for none, or for a placeholder such as 'N/A'
# (`contacts.employer_sql`), which lists show blank and titles leave out.
# An answer that day counts whatever its hour: one logged by its day alone is stored at 9:00,
# maybe before the message's own time.
_SILENT_OUTREACH = f"""
    WITH latest AS (
        SELECT contact_id, max_by(id, (occurred_at, id)) AS id, max(occurred_at) AS occurred_at
        FROM interactions
        WHERE kind = 'outreach' AND occurred_at >= $since
          AND ($contact IS NULL OR contact_id = $contact)
        GROUP BY contact_id
        HAVING CAST(max(occurred_at) AS DATE) <= $today
    )
    SELECT l.id, l.contact_id, c.company_id, trim(c.first_name || ' ' || c.last_name) AS name,
           coalesce({contacts.employer_sql("co.name")}, '') AS company, l.occurred_at AS sent_at
    FROM latest l
    JOIN contacts c ON c.id = l.contact_id
    LEFT JOIN companies co ON co.id = c.company_id
    WHERE NOT EXISTS (
        SELECT 1 FROM interactions a
        WHERE a.contact_id = l.contact_id
          AND CAST(a.occurred_at AS DATE) >= CAST(l.occurred_at AS DATE)
          AND a.occurred_at >= $since AND a.kind IN {_ANSWER_KINDS!r})
      AND NOT EXISTS (
        SELECT 1 FROM meetings m
        WHERE m.contact_id = l.contact_id AND m.status <> 'cancelled'
          AND (m.created_at >= l.occurred_at OR CAST(m.starts_at AS TIMESTAMP) >= l.occurred_at))
"""


def _window(
    today: date, holidays: tuple[date, ...], contact_id: int | None = None
) -> dict[str, Any]:
    """The parameters of `_SILENCE_STEPS`: the window, and the day each step falls due for a
    message sent on any day in it (business days counted once, by `infoint.business_days`);
    `contact_id`: one person's steps only, None for everyone's."""
    first = today - timedelta(days=STALE_AFTER_DAYS)
    sent_days = [first + timedelta(days=n) for n in range(STALE_AFTER_DAYS + 1)]
    return {
        "since": datetime.combine(first, datetime.min.time()),
        "today": today,
        "contact": None if contact_id is None else int(contact_id),
        "sent_days": sent_days,
        "try_another_on": silence_noticed_on_many(sent_days, TRY_ANOTHER_AFTER, holidays),
        "follow_up_on": silence_noticed_on_many(sent_days, FOLLOW_UP_AFTER, holidays),
    }


# The follow-up rule's items, due or not, as the relation `follow_ups` (after `silent`, the
# silent outreach, and `step_days`, the day each step falls due for a message sent on a day
# of the window): a follow-up to each silent person not followed up since. The Follow-ups
# page and Outreach's list of people waiting for a follow-up both read it, so they count
# the same people. Queries append their own CTEs or SELECT.
_FOLLOW_UP_STEPS = f"""
    WITH silent AS MATERIALIZED ({_SILENT_OUTREACH}),
    step_days AS (
        SELECT unnest($sent_days) AS sent_day, unnest($try_another_on) AS try_another_on,
               unnest($follow_up_on) AS follow_up_on
    ),
    follow_ups AS (
        SELECT 'follow_up' AS rule, 'follow_up:' || s.id AS key, d.follow_up_on AS due_on, s.*
        FROM silent s JOIN step_days d ON d.sent_day = CAST(s.sent_at AS DATE)
        WHERE NOT EXISTS (
            SELECT 1 FROM interactions f
            WHERE f.contact_id = s.contact_id AND f.kind = 'follow_up'
              AND f.occurred_at >= s.sent_at AND f.occurred_at >= $since)
    )
"""

# Both silence rules from one pass over the silent outreach, as the relation `steps`: one row
# per item, whether due yet or not, with its rule, key and the day it falls due (`due_on`).
# A follow-up is due as `_FOLLOW_UP_STEPS` says; trying someone else is due at a company
# whose latest outreach is silent and where nobody is talking to you (`talking`), with up to
# PEOPLE_SUGGESTED people there never written to and introduced by no one (closest degree
# first); a placeholder "company" such as "N/A" (its `company` '' in `silent`) has no one
# else there to try. Queries append their own SELECT from `steps`.
_SILENCE_STEPS = f"""
    {_FOLLOW_UP_STEPS},
    latest_at_company AS (
        SELECT max_by(i.id, (i.occurred_at, i.id)) AS id
        FROM interactions i JOIN contacts c ON c.id = i.contact_id
        WHERE i.kind = 'outreach' AND c.company_id IN (
            SELECT company_id FROM silent WHERE company <> '')
        GROUP BY c.company_id
    ),
    talking AS (
        -- companies where someone answered, or was met, inside the window, or a meeting is
        -- booked ahead: the door is open there, so nobody is tried in the silent one's stead
        SELECT c.company_id
        FROM interactions a JOIN contacts c ON c.id = a.contact_id
        WHERE a.kind IN {_ANSWER_KINDS!r} AND a.occurred_at >= $since
          AND c.company_id IN (SELECT company_id FROM silent WHERE company <> '')
        UNION
        SELECT c.company_id
        FROM meetings m JOIN contacts c ON c.id = m.contact_id
        WHERE m.status IN ('scheduled', 'held') AND CAST(m.starts_at AS TIMESTAMP) >= $since
          AND c.company_id IN (SELECT company_id FROM silent WHERE company <> '')
    ),
    candidates AS MATERIALIZED (
        SELECT s.* FROM silent s
        SEMI JOIN latest_at_company l ON l.id = s.id
        ANTI JOIN talking t ON t.company_id = s.company_id
    ),
    uncontacted AS (
        -- the first few by closeness and name, picked without sorting everyone there
        SELECT c.company_id, count(*) AS total,
               min_by({{'id': c.id,
                        'label': trim(c.first_name || ' ' || c.last_name)
                            || CASE WHEN c.position <> '' THEN ' — ' || c.position
                                    ELSE '' END}},
                      (CASE c.degree WHEN '1st' THEN 0 WHEN '2nd' THEN 1 ELSE 2 END,
                       lower(c.last_name), lower(c.first_name), c.id),
                      {PEOPLE_SUGGESTED}) AS first_few
        FROM contacts c
        SEMI JOIN candidates k ON k.company_id = c.company_id
        ANTI JOIN (SELECT contact_id FROM interactions
                   WHERE kind IN ('outreach', 'follow_up')) written ON written.contact_id = c.id
        -- someone introduced to you is the introduction's next step (Outreach offers them
        -- first, Referrals asks you to write), not a stranger to try because one is silent
        WHERE c.referred_by IS NULL
        GROUP BY c.company_id
    ),
    steps AS (
        SELECT * FROM follow_ups
        UNION ALL BY NAME
        SELECT 'try_another' AS rule, 'try_another:' || k.id AS key, d.try_another_on AS due_on,
               k.*, [p.id FOR p IN u.first_few] AS ids, [p.label FOR p IN u.first_few] AS labels,
               u.total
        FROM candidates k
        JOIN uncontacted u ON u.company_id = k.company_id
        JOIN step_days d ON d.sent_day = CAST(k.sent_at AS DATE)
    )
"""


_STEP_COLUMNS = (
    "rule", "key", "due_on", "contact_id", "company_id", "name", "company", "sent_at", "ids",
    "labels", "total",
)  # fmt: skip


def _silence_steps(conn: duckdb.DuckDBPyConnection, today: date) -> pa.Table:
    """Every step of the silence rules in the window, due or not (`_SILENCE_STEPS`): what is
    due now and whom you are waiting on both come from it, so `found` runs it once."""
    query = f"{_SILENCE_STEPS} SELECT {', '.join(_STEP_COLUMNS)} FROM steps"
    return conn.sql(query, params=_window(today, _holidays(conn))).to_arrow_table()


def suggests_someone_else(conn: duckdb.DuckDBPyConnection, contact_id: int, today: date) -> bool:
    """Whether the try-another rule has a step for this person on `today` (the user's), due
    or not, as `found(...).steps` would: if they stay silent, Follow-ups will suggest
    someone else at their company. The rule's own steps (`_SILENCE_STEPS`), for this one
    person and this rule alone (DuckDB then skips the follow-ups' half): Outreach asks it on
    every first message logged, where building everyone's list cost 140-200 ms."""
    query = f"{_SILENCE_STEPS} SELECT count(*) FROM steps WHERE rule = 'try_another'"
    params = _window(today, _holidays(conn), contact_id)
    [(count,)] = conn.execute(query, params).fetchall()
    return count > 0


@dataclass(frozen=True)
class PendingFollowUps:
    """Everyone waiting for their one follow-up, due or not, as columns, longest written to
    first: the day they were last written to, and the day the follow-up is due on the
    Follow-ups page (the rule's day, or the end of a snooze past it)."""

    contact_ids: list[int]
    sent_at: list[datetime]
    due_on: list[date]


# `_FOLLOW_UP_STEPS`, with what the Follow-ups page leaves out left out here too: the
# dismissed, those at a ruled-out company, and any falling due past the window. A snooze
# moves the day: due on or before $today is due on that page today.
_PENDING_FOLLOW_UPS = f"""
    {_FOLLOW_UP_STEPS}
    SELECT f.contact_id, f.sent_at,
           greatest(f.due_on, coalesce(st.snoozed_until, f.due_on)) AS due_on
    FROM follow_ups f
    LEFT JOIN due_item_states st ON st.item_key = f.key
    WHERE NOT coalesce(st.dismissed, false)
      AND f.due_on <= CAST(f.sent_at AS DATE) + {STALE_AFTER_DAYS}
      AND NOT EXISTS (SELECT 1 FROM companies co
                      WHERE co.id = f.company_id AND {profile.RULED_OUT_COMPANY_SQL})
    ORDER BY f.sent_at, f.contact_id
"""


def pending_follow_ups(conn: duckdb.DuckDBPyConnection, today: date) -> PendingFollowUps:
    """Whom the follow-up rule is about on `today` (the user's), due or not: Outreach lists
    those due, and says when it will be for the others, by the same rule as this page."""
    table = conn.sql(_PENDING_FOLLOW_UPS, params=_window(today, _holidays(conn))).to_arrow_table()
    return PendingFollowUps(
        table["contact_id"].to_pylist(), table["sent_at"].to_pylist(), table["due_on"].to_pylist()
    )


def _silence_due(
    conn: duckdb.DuckDBPyConnection,
    now: datetime,
    steps: pa.Table | None = None,
    apart: dict[int, tuple[str, ...]] | None = None,
) -> list[DueItem]:
    """The follow-up and try-another rules (see the module docstring); `steps` and `apart`
    (`referrals.names_apart` of their people, or more) when `found` read them already."""
    today = now.date()
    holidays = _holidays(conn)
    if steps is None:
        steps = _silence_steps(conn, today)
    due = steps.filter(pc.less_equal(steps["due_on"], pa.scalar(today, pa.date32())))
    rows = list(zip(*(due[column].to_pylist() for column in _STEP_COLUMNS), strict=True))
    # The silence so far, once per day written (at most the window's 31), not once per item.
    days = {row[_STEP_COLUMNS.index("sent_at")].date() for row in rows}
    waited = {day: _waited(day, today, holidays) for day in days}
    # Two Ana Lees at Acme: each item names its own (`meetings.person_told_apart`).
    if apart is None:
        contact_at = _STEP_COLUMNS.index("contact_id")
        apart = referrals.names_apart(conn, [row[contact_at] for row in rows])
    return [
        *_try_another_items([r[1:] for r in rows if r[0] == "try_another"], waited, apart),
        *_follow_up_items([r[1:8] for r in rows if r[0] == "follow_up"], waited, apart),
    ]


def _follow_up_items(
    rows: list[tuple], waited: dict[date, str], apart: dict[int, tuple[str, ...]]
) -> list[DueItem]:
    items = []
    for key, due_on, contact_id, company_id, name, company, sent in rows:
        who = meetings.person_told_apart(name, company, apart.get(contact_id, ()))
        items.append(
            DueItem(
                key=key,
                kind="follow_up",
                title=f"Follow up with {who}",
                detail=(
                    f"You wrote on {text.day(sent.date())}, {waited[sent.date()]}, "
                    f"and have heard nothing since. After {FOLLOW_UP_AFTER} business days of "
                    "silence, one short, polite follow-up is fine; after that, let it rest."
                ),
                due_on=due_on,
                contact_id=int(contact_id),
                company_id=None if company_id is None else int(company_id),
                action_label="Write the follow-up",
                action_page=OUTREACH_PAGE,
                compose_kind="follow_up",
            )
        )
    return items


def _try_another_items(
    rows: list[tuple], waited: dict[date, str], apart: dict[int, tuple[str, ...]]
) -> list[DueItem]:
    items = []
    for key, due_on, contact_id, company_id, name, company, sent, ids, labels, total in rows:
        more = f" ({total} in all; the closest connections first)" if total > len(ids) else ""
        # the title names the company: the detail tells its person apart by anything else
        name = referrals.told_apart(name, apart.get(contact_id, ()), beside=company)
        items.append(
            DueItem(
                key=key,
                kind="try_another",
                title=f"Try someone else at {company}",
                detail=(
                    f"{name} has not answered since {text.day(sent.date())}, "
                    f"{waited[sent.date()]}. After {TRY_ANOTHER_AFTER} business days "
                    f"of silence, write to another person there you have not contacted yet{more}."
                ),
                due_on=due_on,
                contact_id=int(contact_id),
                company_id=int(company_id),
                action_label="Write to",
                action_page=OUTREACH_PAGE,
                compose_kind="outreach",
                people=tuple(zip(ids, labels, strict=True)),
            )
        )
    return items


def _waited(sent: date, today: date, holidays: tuple[date, ...]) -> str:
    """'9 business days ago': the silence so far, apart from the rule's days."""
    return f"{text.counted(business_days_between(sent, today, holidays), 'business day')} ago"


def _holidays(conn: duckdb.DuckDBPyConnection) -> tuple[date, ...]:
    return profile.holidays(conn)


def meeting_due(
    conn: duckdb.DuckDBPyConnection,
    now: datetime,
    rows: list[meetings.MeetingSummary] | None = None,
    apart: dict[int, tuple[str, ...]] | None = None,
) -> list[DueItem]:
    """The meeting rules of `meetings.due_items`: an overdue thank-you, prepare, debrief;
    `rows` and `apart` as it takes them, when `found` read them already."""
    return [
        DueItem(
            key=item.key,
            kind=item.kind,
            title=item.title,
            detail=item.detail,
            due_on=item.due_on,
            contact_id=item.contact_id,
            company_id=item.company_id,
            action_label=_MEETING_ACTIONS[item.kind],
            action_page=MEETINGS_PAGE,
            action_state=((meetings.OPEN_MEETING_KEY, item.meeting_id),),
        )
        for item in meetings.due_items(conn, now, rows=rows, apart=apart)
    ]


Rule = Callable[[duckdb.DuckDBPyConnection, datetime], list[DueItem]]
RULES: list[Rule] = [_silence_due, meeting_due]


def _user_now(conn: duckdb.DuckDBPyConnection, now: datetime | None) -> datetime:
    """`now` (default: the real now) on the user's clock, whose date is their today."""
    zone = profile.zone(conn)
    if now is None:
        return datetime.now(zone)
    if now.tzinfo is None:
        raise InvalidInputError("Give the moment with its time zone, e.g. datetime.now(zone).")
    return now.astimezone(zone)


def due_items(
    conn: duckdb.DuckDBPyConnection, now: datetime | None = None, rules: list[Rule] | None = None
) -> list[DueItem]:
    """Everything due at `now` (aware; default: the real now), oldest first.

    `rules` narrows the list to some rules (a page showing only its own share); without it,
    the rules run as `found` runs them, the meeting rules beside the silence rules.
    """
    now = _user_now(conn, now)
    if rules is None:
        rules_found = found(conn, now)
        return _sorted_out(conn, now.date(), rules_found.items, rules_found.ruled_out)[0]
    items = [item for rule in rules for item in rule(conn, now)]
    return _sorted_out(conn, now.date(), items)[0]


@dataclass(frozen=True)
class HiddenItem:
    """An item due now that the user snoozed past today or dismissed: one they may bring
    back (`show_again`), should the click have been a slip."""

    item: DueItem
    snoozed_until: date | None  # None: dismissed
    hidden_on: date  # the day it was snoozed or dismissed

    @property
    def dismissed(self) -> bool:
        return self.snoozed_until is None


# The user's choices that hide an item today, the latest first.
_HIDING_STATES = """
    SELECT item_key, CASE WHEN dismissed THEN NULL ELSE snoozed_until END,
           CAST(updated_at AS DATE)
    FROM due_item_states
    WHERE dismissed OR snoozed_until > $today
    ORDER BY updated_at DESC, item_key
"""


def _hiding_states(
    conn: duckdb.DuckDBPyConnection, today: date
) -> dict[str, tuple[date | None, date]]:
    """The user's choices that hide an item today, the latest first: key -> (the day its
    snooze ends, None when dismissed; the day it was hidden). Only these change what is due
    or waited on: a snooze that has ended leaves an item as the rules find it."""
    return {
        key: (until, on)
        for key, until, on in conn.execute(_HIDING_STATES, {"today": today}).fetchall()
    }


def _sorted_out(
    conn: duckdb.DuckDBPyConnection,
    today: date,
    items: list[DueItem],
    ruled_out: frozenset[int] | None = None,
    states: dict[str, tuple[date | None, date]] | None = None,
) -> tuple[list[DueItem], list[HiddenItem]]:
    """The items still due (neither dismissed, snoozed past today nor for a ruled-out company),
    oldest first, and those the user hid, the latest hidden first; items for a ruled-out
    company are in neither. `ruled_out`: the companies' ids, and `states`:
    `_hiding_states`, when already read."""
    if not items:
        return [], []
    if ruled_out is None:
        ruled_out = profile.ruled_out_company_ids(conn)
    if states is None:
        states = _hiding_states(conn, today)
    kept, hidden = [], []
    for item in items:
        if item.company_id in ruled_out:
            continue
        if item.key in states:
            hidden.append(HiddenItem(item, *states[item.key]))
        else:
            kept.append(item)
    order = {key: number for number, key in enumerate(states)}
    hidden.sort(key=lambda one: order[one.item.key])
    return sorted(kept, key=lambda item: (item.due_on, item.title)), hidden


def kind_label(kind: str) -> str:
    """'Follow up': how the page names a kind (a kind a new rule adds, from its name)."""
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


def count_by_kind(items: list[DueItem]) -> list[KindCount]:
    """How many items there are of each kind, in `KIND_LABELS` order (a filter keeps its
    place as counts change), from the due list the page already holds: no second query."""
    counts = Counter(item.kind for item in items)
    order = {kind: number for number, kind in enumerate(KIND_LABELS)}
    kinds = sorted(counts, key=lambda kind: (order.get(kind, len(order)), kind))
    return [KindCount(kind, kind_label(kind), counts[kind]) for kind in kinds]


def describe_counts(counts: list[KindCount]) -> str:
    """'Try someone else: 90 · Follow up: 120 · Say thank you: 8'."""
    return " · ".join(f"{count.label}: {count.count:,}" for count in counts)


def of_kind(items: list[DueItem], kind: str | None) -> list[DueItem]:
    """The items of one kind, in their order; every item for None."""
    return items if kind is None else [item for item in items if item.kind == kind]


def long_overdue(
    items: list[DueItem], today: date, more_than_days: int = OLD_AFTER_DAYS
) -> list[DueItem]:
    """The items overdue by more than `more_than_days` days on `today`: those offered to
    snooze or dismiss all at once."""
    return [item for item in items if (today - item.due_on).days > more_than_days]


@dataclass(frozen=True)
class WaitingOn:
    """Someone silent so far whose next step (a follow-up, or trying someone else at their
    company) is still ahead: due on a later day, or snoozed until one."""

    contact_id: int
    name: str
    company: str
    wrote_on: date
    next_kind: str  # "follow_up" or "try_another", as `DueItem.kind`
    next_on: date

    @property
    def next_step(self) -> str:
        """'Follow up on Thu 12 Mar 2026', 'Try someone else at Acme on Fri 6 Mar 2026'."""
        step = KIND_LABELS[self.next_kind]
        if self.next_kind == "try_another":
            step += f" at {self.company}"
        return f"{step} on {text.weekday_day(self.next_on)}"


@dataclass(frozen=True)
class Waiting:
    """The people waited on: how many, when the first next step falls due, the first few."""

    count: int  # everyone waited on, not only those in `people`
    next_on: date | None  # the soonest next step of all of them
    people: tuple[WaitingOn, ...]  # the first few, soonest first


def _waiting(
    steps: pa.Table,
    today: date,
    limit: int,
    apart: dict[int, tuple[str, ...]],
    ruled_out: frozenset[int],
    states: dict[str, tuple[date | None, date]],
) -> Waiting:
    """Whom you are waiting on, soonest next step first, the first `limit` of them in full:
    the due list says what to do today, this says what is coming, by the same rules, so a
    quiet day still says when to look again. `apart`: what tells namesakes apart, for
    everyone in `steps` (`Found.apart`); `ruled_out`: the ruled-out companies' ids;
    `states`: `_hiding_states`.

    Per person, the soonest of their steps still ahead: not dismissed, not for a ruled-out
    company, due after today or snoozed past it (then it falls due when the snooze ends),
    and due while the message is still inside the window (the rules leave older silence
    alone). Worked out here, not in SQL: a few hundred steps, on every run of the page (a
    snooze changes them), where DuckDB took 12-15 ms to join and group them. People whose
    next step falls on one day are ordered by name in Python's lowercase, which differs from
    DuckDB's for a few letters (a final Greek sigma, a Turkish dotted I)."""
    soonest: dict[int, tuple] = {}
    now = today.toordinal()
    # Moments as day numbers, states' dates likewise: Arrow hands over a few hundred dates
    # in 1-1.5 ms a column, as numbers in a hundredth of that.
    days = {
        key: (None if until is None else until.toordinal()) for key, (until, _) in states.items()
    }
    columns = (steps["key"], steps["contact_id"], steps["company_id"], steps["name"])
    for key, contact_id, company_id, name, company, rule, due_on, sent_on in zip(
        *(column.to_pylist() for column in columns),
        steps["company"].to_pylist(),
        steps["rule"].to_pylist(),
        _day_numbers(steps["due_on"]),
        _day_numbers(steps["sent_at"]),
        strict=True,
    ):
        if company_id in ruled_out or due_on > sent_on + STALE_AFTER_DAYS:
            continue
        until = days.get(key, now)
        if until is None or (due_on <= now and until <= now):
            continue  # dismissed, or due now
        step = (max(due_on, until), rule, name, company, sent_on)
        if (known := soonest.get(contact_id)) is None:
            soonest[contact_id] = step
        else:  # the soonest step, and the latest message written
            soonest[contact_id] = (*min(step[:2], known[:2]), name, company, max(sent_on, known[4]))
    people = sorted(soonest.items(), key=lambda one: (one[1][0], one[1][2].lower(), one[0]))
    return Waiting(
        count=len(people),
        next_on=date.fromordinal(people[0][1][0]) if people else None,
        people=tuple(
            WaitingOn(
                contact_id,
                # Two Ana Lees at Acme: told apart by what else differs, the company being beside
                referrals.told_apart(name, apart.get(contact_id, ()), beside=company),
                company,
                date.fromordinal(sent_on),
                rule,
                date.fromordinal(next_on),
            )
            for contact_id, (next_on, rule, name, company, sent_on) in people[:limit]
        ),
    )


# Arrow's day 0, as `date.toordinal` counts.
_ARROW_EPOCH = date(1970, 1, 1).toordinal()


def _day_numbers(column: pa.ChunkedArray) -> list[int]:
    """Each date's (or moment's day's) `date.toordinal`."""
    days = pc.cast(pc.cast(column, pa.date32()), pa.int32())
    return pc.add(days, _ARROW_EPOCH).to_pylist()


@dataclass(frozen=True)
class Found:
    """What the rules find at a moment, before the user's snoozes and dismissals: it reads
    no `due_item_states`, so a page may keep it across them (`ui.cached(...,
    reads_reminders=False)`), and a snooze costs only `agenda`'s cheap part."""

    today: date  # the user's, when it was found
    steps: pa.Table  # `_silence_steps`
    items: list[DueItem]  # every rule's items due today, none left out yet
    # What tells namesakes apart (`referrals.names_apart`), for everyone in `steps` and in
    # the meetings' items: the due list and whom you are waiting on name people from it.
    apart: dict[int, tuple[str, ...]]
    # The companies ruled out, directly or by industry: their items are neither due nor
    # waited on. Read here, once per change to the data, not again on every run of the page
    # (twice, 4-8 ms each at 2,000 companies).
    ruled_out: frozenset[int]


def found(conn: duckdb.DuckDBPyConnection, now: datetime | None = None) -> Found:
    """Run every rule (see `Found`)."""
    now = _user_now(conn, now)
    today = now.date()
    # The meetings the meeting rules speak of, and any other rules' items, are read on a
    # cursor of their own meanwhile: DuckDB plans and runs each query off the interpreter, so
    # the two overlap on a second core.
    beside = _BESIDE.submit(_read_beside, conn.cursor(), now)
    steps = _silence_steps(conn, today)
    due_meetings, others = beside.result()
    # Namesakes, once for everyone named below (5-15 ms a time at 30,000 contacts): the
    # silence rules' people (due, or waited on) and the meetings'.
    apart = referrals.names_apart(
        conn, [*steps["contact_id"].to_pylist(), *(m.contact_id for m in due_meetings)]
    )
    items = [
        *_silence_due(conn, now, steps, apart),
        *meeting_due(conn, now, due_meetings, apart),
        *others,
    ]
    return Found(today, steps, items, apart, frozenset(profile.ruled_out_company_ids(conn)))


@dataclass(frozen=True)
class Agenda:
    due: list[DueItem]  # as `due_items`
    waiting: Waiting  # whom you are waiting on (`_waiting`)
    # What the user snoozed past today or dismissed, the latest hidden first: an item whose
    # situation has changed since (a follow-up logged, a message too old) is due no more, so
    # not here either.
    hidden: list[HiddenItem]


def agenda(
    conn: duckdb.DuckDBPyConnection,
    now: datetime | None = None,
    waiting_limit: int = 10,
    *,
    rules_found: Found | None = None,
) -> Agenda:
    """`due_items` and whom you are waiting on, for Follow-ups and Home: both come from the
    same steps of the silence rules, worked out once, or taken from `rules_found`."""
    if rules_found is None:
        rules_found = found(conn, now)
    today = rules_found.today
    states = _hiding_states(conn, today)
    due, hidden = _sorted_out(conn, today, rules_found.items, rules_found.ruled_out, states)
    waiting = _waiting(
        rules_found.steps,
        today,
        waiting_limit,
        rules_found.apart,
        rules_found.ruled_out,
        states,
    )
    return Agenda(due, waiting, hidden)


# Those written to before the rules' window (`STALE_AFTER_DAYS` back) and silent since: no
# answer, no meeting arranged after their latest outreach, their company not ruled out. The
# rules leave them alone; `Quiet` says so, rather than a bare "nothing is due".
_LEFT_ALONE = f"""
    WITH latest AS (
        SELECT contact_id, max(occurred_at) AS sent_at
        FROM interactions WHERE kind = 'outreach' GROUP BY contact_id
    )
    SELECT count(*)
    FROM latest l
    JOIN contacts c ON c.id = l.contact_id
    LEFT JOIN companies co ON co.id = c.company_id
    WHERE l.sent_at < $since
      AND NOT coalesce({profile.RULED_OUT_COMPANY_SQL}, false)
      AND NOT EXISTS (
        SELECT 1 FROM interactions a
        WHERE a.contact_id = l.contact_id AND a.kind IN {_ANSWER_KINDS!r}
          AND CAST(a.occurred_at AS DATE) >= CAST(l.sent_at AS DATE))
      AND NOT EXISTS (
        SELECT 1 FROM meetings m
        WHERE m.contact_id = l.contact_id AND m.status <> 'cancelled'
          AND (m.created_at >= l.sent_at OR CAST(m.starts_at AS TIMESTAMP) >= l.sent_at))
"""


@dataclass(frozen=True)
class Quiet:
    """Why nothing is due today, said where the list would be: whom you wait on, what you
    snoozed or dismissed, and the silent written to before the rules' window. A bare "Nothing
    is due today" read as if the app had lost them (walkthrough)."""

    waiting: int
    next_on: date | None  # the soonest next step of those waited on
    snoozed: int
    dismissed: int
    left_alone: int  # silent since an outreach more than `STALE_AFTER_DAYS` days back

    def _reasons(self, here: bool) -> list[str]:
        page = "this page" if here else "Follow-ups"
        reasons = []
        if self.waiting:
            reasons.append(
                f"you are waiting on {text.counted(self.waiting, 'person', 'people')}, and the "
                f"next step falls due on {text.weekday_day(self.next_on)}"
            )
        if hidden := self.snoozed + self.dismissed:
            done = [
                f"{verb} {count:,}"
                for verb, count in (("snoozed", self.snoozed), ("dismissed", self.dismissed))
                if count
            ]
            done[0] += " thing" if done[0].endswith(" 1") else " things"
            where = "the foot of this page" if here else "Follow-ups"
            them = "it" if hidden == 1 else "them"
            reasons.append(f"you {' and '.join(done)}, and {where} can show {them} again")
        if self.left_alone:
            who = text.counted(self.left_alone, "person", "people")
            have = "has" if self.left_alone == 1 else "have"
            reasons.append(
                f"{who} you last wrote to more than {STALE_AFTER_DAYS} days ago {have} not "
                f"answered since, and {page} suggests nothing for silence that old: write to "
                "someone new"
            )
        return reasons[:2]  # one or two sentences: the nearest reasons

    def said(self, here: bool) -> str:
        """'Nothing is due today; you snoozed 1 thing and dismissed 2, and the foot of this
        page can show them again.' `here`: said on Follow-ups; else on Home, of Follow-ups."""
        reasons = self._reasons(here)
        if not reasons:
            return (
                "Nothing is due today. When you write to someone, log it on Outreach: if they "
                "stay silent, this page tells you what to do next."
                if here
                else "Nothing is due: a good moment to reach out to the next person on your list."
            )
        first, *more = reasons
        return " ".join(
            [f"Nothing is due today; {first}.", *(f"{r[0].upper()}{r[1:]}." for r in more)]
        )


def left_alone(conn: duckdb.DuckDBPyConnection, today: date) -> int:
    """How many people are silent since an outreach more than `STALE_AFTER_DAYS` days
    before `today`, their company not ruled out: the rules leave them alone. It reads no
    snoozes or dismissals (a page may keep it across them)."""
    since = datetime.combine(today - timedelta(days=STALE_AFTER_DAYS), datetime.min.time())
    return int(conn.execute(_LEFT_ALONE, {"since": since}).fetchall()[0][0])


def quiet(
    conn: duckdb.DuckDBPyConnection,
    now: datetime | None = None,
    *,
    plan: Agenda | None = None,
    today: date | None = None,
    silent_before: int | None = None,
) -> Quiet:
    """Why nothing is due at `now` (see `Quiet`), from `plan` (the page's `agenda`, for
    `today`) and `silent_before` (`left_alone`, for `today`) when given."""
    if plan is None:
        now = _user_now(conn, now)
        today = now.date()
        plan = agenda(conn, now)
    elif today is None:
        today = _user_now(conn, now).date()
    if silent_before is None:
        silent_before = left_alone(conn, today)
    dismissed = sum(one.dismissed for one in plan.hidden)
    return Quiet(
        waiting=plan.waiting.count,
        next_on=plan.waiting.next_on,
        snoozed=len(plan.hidden) - dismissed,
        dismissed=dismissed,
        left_alone=silent_before,
    )


_BESIDE = ThreadPoolExecutor(max_workers=1, thread_name_prefix="infoint-followups")


def _read_beside(
    cursor: duckdb.DuckDBPyConnection, now: datetime
) -> tuple[list[meetings.MeetingSummary], list[DueItem]]:
    """On `cursor` (closed here): the meetings the meeting rules speak of
    (`meetings.due_meetings`), and the items of every rule `found` does not run itself."""
    try:
        others = [rule for rule in RULES if rule not in (_silence_due, meeting_due)]
        return meetings.due_meetings(cursor, now), [i for r in others for i in r(cursor, now)]
    finally:
        cursor.close()


# Item keys start '<kind>:<id>', the id being the event the item is about.
_ITEMS_ABOUT_INTERACTIONS = ("follow_up", "try_another")
_ITEMS_ABOUT_MEETINGS = ("thank_you", "prepare", "debrief")


def forget_item_states(
    conn: duckdb.DuckDBPyConnection, interaction_ids: list[int], meeting_ids: list[int]
) -> None:
    """Drop the snoozes and dismissals of items about these events, which are being deleted.

    Call inside the caller's transaction: deleting a person must leave no row about them.
    """
    event_id = "TRY_CAST(split_part(item_key, ':', 2) AS BIGINT)"
    conn.execute(
        "DELETE FROM due_item_states WHERE"
        f" (split_part(item_key, ':', 1) IN {_ITEMS_ABOUT_INTERACTIONS}"
        f"  AND list_contains($interactions, {event_id}))"
        f" OR (split_part(item_key, ':', 1) IN {_ITEMS_ABOUT_MEETINGS}"
        f"  AND list_contains($meetings, {event_id}))",
        {
            "interactions": [int(i) for i in interaction_ids],
            "meetings": [int(i) for i in meeting_ids],
        },
    )


def _remember(
    conn: duckdb.DuckDBPyConnection, keys: list[str], snoozed_until: date | None, dismissed: bool
) -> int:
    """Store one choice for every item in `keys` in one statement; how many items it is."""
    unique = list(dict.fromkeys(keys))  # an upsert may touch each row once
    if not unique:
        raise InvalidInputError("No items were chosen, so nothing changed.")
    if any(not key.strip() for key in unique):
        raise InvalidInputError("An item has no key; reload the page and try again.")
    with db.transaction(conn, reminders_only=True):
        conn.execute(
            "INSERT INTO due_item_states (item_key, snoozed_until, dismissed)"
            " SELECT unnest($keys), $until, $dismissed"
            " ON CONFLICT (item_key) DO UPDATE SET snoozed_until = excluded.snoozed_until,"
            " dismissed = excluded.dismissed, updated_at = current_localtimestamp()",
            {"keys": unique, "until": snoozed_until, "dismissed": dismissed},
        )
    return len(unique)


def default_snooze_day(
    conn: duckdb.DuckDBPyConnection, today: date, business_days: int = SNOOZE_BUSINESS_DAYS
) -> date:
    """The day a snooze offers to end: `business_days` business days after `today`, weekends
    and the user's holidays skipped, as the rules count. Three days ahead on a Thursday would
    be a Sunday, when the page says weekends don't count; the user may still pick any day."""
    return add_business_days(today, business_days, _holidays(conn))


def snooze(
    conn: duckdb.DuckDBPyConnection, key: str, until: date | None, today: date | None = None
) -> None:
    """Hide an item until `until` (it shows again on that day); `today` is the user's."""
    snooze_many(conn, [key], until, today)


def snooze_many(
    conn: duckdb.DuckDBPyConnection, keys: list[str], until: date | None, today: date | None = None
) -> int:
    """Hide these items until `until`, all in one write; returns how many items that is."""
    if until is None:  # a picker emptied by the user
        raise InvalidInputError("Pick a day to snooze until.")
    today = today or profile.now(conn).date()
    if until <= today:
        when = "is today" if until == today else "has passed"
        raise InvalidInputError(
            f"{text.day(until)} {when}: pick a day after today to snooze until."
        )
    return _remember(conn, keys, until, False)


def dismiss(conn: duckdb.DuckDBPyConnection, key: str) -> None:
    """Hide an item for good (the situation it describes may still produce a new one)."""
    dismiss_many(conn, [key])


def dismiss_many(conn: duckdb.DuckDBPyConnection, keys: list[str]) -> int:
    """Hide these items for good, all in one write; returns how many items that is."""
    return _remember(conn, keys, None, True)


def show_again(conn: duckdb.DuckDBPyConnection, keys: list[str]) -> int:
    """Undo snoozes and dismissals, all in one write: the items are due again now if the
    rules still find them so. Returns how many of them had been hidden."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        raise InvalidInputError("No items were chosen, so nothing changed.")
    if any(not key.strip() for key in unique):
        raise InvalidInputError("An item has no key; reload the page and try again.")
    with db.transaction(conn, reminders_only=True):
        [(count,)] = conn.execute(
            "DELETE FROM due_item_states WHERE list_contains($keys, item_key)", {"keys": unique}
        ).fetchall()
    return int(count)
