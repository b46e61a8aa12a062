"""The home page's answers to "how is my campaign going?": headline figures, weekly activity."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from infoint import followups, funnel, insights, profile, targets, text
from infoint.contacts import DEGREES
from infoint.funnel import StageCount
from infoint.interactions import KIND_LABELS

CONVERSATIONS_HELP = (
    "People who answered you or agreed to meet, and whom you have not met yet (companies you "
    "ruled out left aside): with them, the next step is a meeting. Those who have not answered "
    "yet are not counted here; Follow-ups says when to write to them again."
)
MEETINGS_HELP = "Meetings held or planned this week, Monday to Sunday (cancelled ones left out)."
# Added to it while a meeting is planned (`next_meeting`), said under the figures.
MEETINGS_NEXT_HELP = "Under the figures: the next meeting you planned, whichever week it is in."
TARGETS_HELP = (
    "Companies marked as a target, except those ruled out: by you, or through an industry you "
    "ruled out in Settings. Under the number, as the Targets page counts them: how many you are "
    "researching, and how many of the companies you chose are out each way (ruled out by you, "
    "and by industry)."
)
RESPONSE_HELP = (
    "Of the people you contacted, the share who replied, and under it how many replied of how "
    f"many. Someone written to in the last {insights.QUICK_REPLY_DAYS} business days who has "
    "not answered yet is left out until those days pass: they still have time to reply (said "
    "under the share as 'more may reply'; Insights counts them the same way). A "
    "meeting held or an introduction counts as a reply even when no reply was logged: you "
    "cannot meet someone who never answered. The funnel counts replies the same way. A reply "
    "counts however long it took: Insights also gives the share who replied within "
    f"{insights.QUICK_REPLY_DAYS} business days, which can be smaller."
)
# The response rate while everyone written to still has time to reply: no share to give yet.
TOO_SOON = "Too soon"

# Where no focus is set: a link to Settings (one line, so short enough for an 800 px window with
# the sidebar open) and, under it, what a focus can be.
FOCUS_PROMPT = "Say what you want to learn"
FOCUS_PROMPT_WHY = (
    "An occupation, an industry or which company fits you. Write it in Settings and Home keeps "
    "it in view."
)

# The welcome's second way in, beside importing one's own network: what the demo is, and that
# it goes again in one step, with what was logged about its people (as Settings says it).
DEMO_INVITATION = (
    "Load a small made-up campaign to see how everything works. You can remove it later in "
    "Settings: its made-up people and companies go, with everything logged about them."
)

# What counts as activity: every kind of interaction except private notes, meetings held,
# and introductions — a referral logged, or a person added as introduced by someone
# (the funnel counts both as Referred).
ACTIVITY_LABELS = {
    kind: KIND_LABELS[kind]
    for kind in ("outreach", "follow_up", "reply", "thank_you", "referral", "opportunity")
} | {"meeting_held": "Meeting held", "referral": "Introduction"}
# Said under the weekly numbers, so they and the funnel's Referred read as one story.
ACTIVITY_NOTE = (
    "Each number counts what you logged that week. An introduction counts once a week for "
    "each person who made it; the funnel counts each person once, whatever the week."
)


@dataclass(frozen=True)
class Headline:
    contacts: int
    companies: int
    targets: int
    ruled_out: int
    conversations: int
    meetings_this_week: int
    contacted: int
    replied: int
    # Of those contacted, not answered since a first message that went in the last
    # `insights.QUICK_REPLY_DAYS` business days: they still have time to reply, as Insights
    # says (`insights.ReplyTiming.waiting`, the same rule), so the response rate leaves them out.
    waiting: int = 0
    # Of `ruled_out` (companies you chose, then ruled out either way), those out only through an
    # industry you ruled out in Settings (Targets' Status 'Out by industry'); the rest you ruled
    # out yourself. Said apart under Targets (`targets_delta`).
    out_by_industry: int = 0
    # Of `targets` (every company you chose and did not rule out, as `targets.ListCount` counts
    # them), those whose status is 'Researching': Home's figure says them apart
    # (`targets_figure`), as the Targets page does ('6 targets, 2 researching').
    researching: int = 0

    @property
    def time_passed(self) -> int:
        """The people the response rate is of: those who replied, or whose time has passed."""
        return self.contacted - self.waiting

    @property
    def response_rate(self) -> float | None:
        return self.replied / self.time_passed if self.time_passed else None


def targets_delta(figures: Headline) -> str | None:
    """Under Targets: '1 ruled out, 2 by industry' (the Targets table's Status reads 'Ruled
    out' and 'Out by industry'), each way said only when there is some, None when there is
    neither. One sum, '3 ruled out', beside the line 'You have ruled out 1 company and 1
    industry, which takes 2 more companies off your list' matched none of its numbers
    (walkthrough). Short: 'out by industry' sent Response rate to a second row at 1280 px."""
    by_you = figures.ruled_out - figures.out_by_industry
    said = [f"{by_you:,} ruled out"] if by_you else []
    if figures.out_by_industry:
        said.append(f"{figures.out_by_industry:,} by industry")
    return ", ".join(said) or None


def targets_figure(figures: Headline) -> tuple[str, str | None]:
    """Home's 'Targets' and the note under it, in the Targets page's words: '6', and under it
    '2 researching' over '2 ruled out' where that page says '6 targets, 2 researching and 2
    ruled out'. Counting the researching in, Home read 'Targets 8' beside it (walkthrough).

    The researching take a line of their own (a Markdown line break): on one line, '2
    researching, 2 ruled out, 2 by industry' (241 px) sent Response rate to a second row at
    1280 px on the demo, where the row had 8 px to spare."""
    said = [f"{figures.researching:,} researching"] if figures.researching else []
    if out := targets_delta(figures):
        said.append(out)
    return f"{figures.targets - figures.researching:,}", "  \n".join(said) or None


def response_figure(figures: Headline) -> tuple[str, str]:
    """Home's 'Response rate' and the note under it: '50 %' and '1 of 2 replied', with those
    who still have time to reply said after ('; 1 more may reply': 'more', since they are not
    among the 2) rather than counted as silent; while everyone still has time, no share yet
    (`TOO_SOON`, '1 may still reply').

    The note is short: it sets the width of its figure, and a heavy user's '1,994 of 4,897
    replied; 76 more still have time to reply' (321 px) sent the figure to a second row at
    1280 px. The help (`RESPONSE_HELP`) says who those are."""
    waiting = figures.waiting
    if not figures.time_passed:
        return TOO_SOON, f"{waiting:,} may still reply"
    said = f"{figures.replied:,} of {figures.time_passed:,} replied"
    if waiting:
        said += f"; {waiting:,} more may reply"
    return text.percent(figures.response_rate), said


def headline(conn: duckdb.DuckDBPyConnection, today: date | None = None) -> Headline:
    """The figures at the top of the home page, in one query (`today`: the user's)."""
    day = today or profile.now(conn).date()
    week = funnel.week_start(day)
    # One pass over the stages (the costly part) for every per-contact figure. Ruled out
    # means the company or its industry (`profile.RULED_OUT_COMPANY_SQL`), as Follow-ups has it.
    # A conversation is open once they answer or a meeting is arranged, until a meeting is
    # held: the silent are not in it. Answering is a reply logged, or, for someone you wrote
    # to, going further (an introduction, a lead) once you had written, as Follow-ups reads
    # silence. Being named as an introducer reaches Referred too, but is no conversation
    # with someone you never wrote to, nor an answer to a message sent after it.
    ruled_out = profile.RULED_OUT_COMPANY_SQL
    row = conn.execute(
        f"""
        WITH {insights.TODAY_SQL},
        met AS (
            SELECT contact_id, bool_or(status = 'held') AS held,
                   bool_or(status = 'scheduled') AS arranged
            FROM meetings GROUP BY contact_id
        ),
        written AS (
            SELECT contact_id, bool_or(kind = 'reply') AS replied,
                   min(occurred_at) FILTER (WHERE kind IN ('outreach', 'follow_up'))
                       AS first_written,
                   max(occurred_at) FILTER (WHERE kind IN ('referral', 'opportunity'))
                       AS last_went_further
            FROM interactions
            WHERE kind IN ('outreach', 'follow_up', 'reply', 'referral', 'opportunity')
            GROUP BY contact_id
        ),
        introduced AS (
            SELECT referred_by AS contact_id, max(referred_at) AS last_introduction
            FROM contacts WHERE referred_by IS NOT NULL GROUP BY referred_by
        ),
        people AS (
            SELECT count(*) AS contacts,
                   count(*) FILTER (WHERE (coalesce(m.arranged, false)
                                           OR coalesce(w.replied, false)
                                           OR coalesce(greatest(w.last_went_further,
                                                                i.last_introduction)
                                                       >= w.first_written, false))
                                    AND NOT coalesce(m.held, false)
                                    AND NOT coalesce({ruled_out}, false)) AS conversations,
                   count(*) FILTER (WHERE s.stage >= 1) AS contacted,
                   count(*) FILTER (WHERE s.stage >= 2) AS replied,
                   count(*) FILTER (WHERE {insights.STILL_IN_TIME_SQL}) AS waiting
            FROM contact_stages s CROSS JOIN now_day
            JOIN contacts c ON c.id = s.contact_id
            LEFT JOIN companies co ON co.id = c.company_id
            LEFT JOIN met m ON m.contact_id = s.contact_id
            LEFT JOIN written w ON w.contact_id = s.contact_id
            LEFT JOIN introduced i ON i.contact_id = s.contact_id
        ),
        firms AS (
            SELECT count(*) AS companies,
                   count(*) FILTER (WHERE {targets.ACTIVE_TARGET_SQL}) AS targets,
                   count(*) FILTER (WHERE {targets.RULED_OUT_TARGET_SQL}) AS ruled_out,
                   count(*) FILTER (WHERE {targets.RULED_OUT_TARGET_SQL}
                                    AND co.status <> 'ruled_out') AS out_by_industry,
                   count(*) FILTER (WHERE {targets.ACTIVE_TARGET_SQL}
                                    AND co.status = 'researching') AS researching
            FROM companies co
        ),
        week AS (
            SELECT count(*) AS meetings FROM meetings
            WHERE status IN ('scheduled', 'held') AND CAST(starts_at AS DATE) BETWEEN ? AND ?
        )
        SELECT contacts, companies, targets, ruled_out, conversations, meetings, contacted,
               replied, waiting, out_by_industry, researching
        FROM people, firms, week
        """,
        [list(profile.holidays(conn)), day, week, week + timedelta(days=6)],
    ).fetchall()[0]
    return Headline(*(int(v) for v in row))


@dataclass(frozen=True)
class NextMeeting:
    """The next planned meeting, said under Home's figures: on a weekend 'Meetings this week'
    reads 0 while Tuesday's meeting is two days away."""

    starts_at: datetime  # on the user's clock (aware, in their zone)
    person: str
    today: date  # the user's, when it was read

    @property
    def said(self) -> str:
        """'Next meeting: Tue 1 Dec 2026, 15:00 with Otto Blom'; 'Next meeting: today, 15:00
        with …'. A line of its own under the figures, whose words wrap: the name is said whole."""
        day = self.starts_at.date()
        when = "today" if day == self.today else text.weekday_day(day)
        said = f"Next meeting: {when}, {self.starts_at:%H:%M}"
        return f"{said} with {self.person}" if self.person else said


def next_meeting(
    conn: duckdb.DuckDBPyConnection, now: datetime | None = None
) -> NextMeeting | None:
    """The soonest meeting still planned that starts after `now` (the user's clock by
    default), whichever week it is in; None when there is none."""
    zone = profile.zone(conn)
    now = (now or datetime.now(zone)).astimezone(zone)
    rows = conn.execute(
        """
        SELECT m.starts_at, trim(c.first_name || ' ' || c.last_name)
        FROM meetings m JOIN contacts c ON c.id = m.contact_id
        WHERE m.status = 'scheduled' AND m.starts_at > ?
        ORDER BY m.starts_at, m.id
        LIMIT 1
        """,
        [now],
    ).fetchall()
    if not rows:
        return None
    starts_at, person = rows[0]
    return NextMeeting(starts_at.astimezone(zone), person, now.date())


@dataclass(frozen=True)
class FunnelCounts:
    stages: list[StageCount]
    # Of those at Contacted, how many still have time to reply (`Headline.waiting`'s rule).
    waiting: int


def funnel_counts(
    conn: duckdb.DuckDBPyConnection,
    filters: funnel.FunnelFilter | None = None,
    today: date | None = None,
) -> FunnelCounts:
    """Home's funnel: `funnel.stage_counts` under `filters` and, in the same pass, those of
    them who still have time to reply on `today` (the user's), for `describe_funnel`."""
    day = today or profile.now(conn).date()
    in_time = funnel.AlsoCount(
        insights.STILL_IN_TIME_SQL,
        with_=insights.TODAY_SQL,
        joined=("now_day",),
        params=(list(profile.holidays(conn)), day),
    )
    counted = funnel.counted(conn, filters, also=in_time)
    return FunnelCounts(counted.stages, counted.also)


def stats(conn: duckdb.DuckDBPyConnection) -> dict:
    """Headline counts and the funnel, as `infoint stats --json` prints them. The companies
    are those the Targets page lists for the whole network (`targets.count_chosen`): a
    placeholder such as 'N/A' only in the network is no employer there, nor here."""
    contacts, interactions, meetings = conn.execute(
        "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions),"
        " (SELECT count(*) FROM meetings)"
    ).fetchall()[0]
    return {
        "contacts": int(contacts),
        "companies": targets.count_chosen(conn)[0],
        "interactions": int(interactions),
        "meetings": int(meetings),
        "funnel": funnel.funnel_dict(conn),
    }


def weekly_activity(
    conn: duckdb.DuckDBPyConnection,
    weeks: int = 12,
    today: date | None = None,
    filters: funnel.FunnelFilter | None = None,
) -> pd.DataFrame:
    """Things done per week over the last `weeks` weeks, zero-filled: week, kind, label, count.

    `filters`: the funnel's, choosing people as it does (their company's industry, their
    degree, the week of their first outreach); only what you did with them is counted. With
    first-outreach weeks chosen, the weeks start earlier when one of them was first written to
    before the last `weeks`: their first outreach is among the bars.
    """
    last = funnel.week_start(today or profile.now(conn).date())
    first = last - timedelta(weeks=weeks - 1)
    kinds = list(ACTIVITY_LABELS)
    chosen = filters if filters is not None and filters.narrows else None
    # Without filters: everyone, from `first`. With them: the people they choose (`people`),
    # from `first` or their first outreach if earlier (`since`, a query then).
    people, people_params, theirs = "", [], ""
    since, since_params = "CAST(? AS DATE)", [first]
    if chosen is not None:
        where, people_params = chosen.where()
        by_weeks = chosen.start is not None or chosen.end is not None
        # The stages (the costly view) only when weeks are chosen: the rest is on the row.
        stages = "JOIN contact_stages s ON s.contact_id = c.id" if by_weeks else ""
        first_outreach = "s.first_outreach_at" if by_weeks else "NULL"
        people = f"""
        people AS (
            SELECT c.id, {first_outreach} AS first_outreach_at
            FROM contacts c
            LEFT JOIN companies co ON co.id = c.company_id
            {stages}
            WHERE {where}
        ),"""
        theirs = "AND {} IN (SELECT id FROM people)"
        if by_weeks:
            # From the week of the first of them written to, not the range's start: a range
            # open to year 1 draws no centuries of empty weeks.
            since = """(SELECT least(CAST(? AS DATE),
                                     CAST(date_trunc('week', min(first_outreach_at)) AS DATE))
                        FROM people)"""
    frame = conn.execute(
        f"""
        WITH {people}
        weeks AS (
            SELECT CAST(unnest(generate_series({since}, CAST(? AS DATE),
                                               INTERVAL 7 DAY)) AS DATE) AS week
        ),
        kinds AS (SELECT unnest(?) AS kind, unnest(range(len(?))) AS position),
        -- An introduction counts once per introducer and week, however it was recorded.
        events AS (
            SELECT CAST(date_trunc('week', occurred_at) AS DATE) AS week, kind,
                   CASE WHEN kind = 'referral' THEN 'by ' || contact_id ELSE 'i' || id END
                       AS event
            FROM interactions WHERE occurred_at >= {since} {theirs.format("contact_id")}
            UNION ALL
            SELECT CAST(date_trunc('week', CAST(starts_at AS DATE)) AS DATE), 'meeting_held',
                   'm' || id
            FROM meetings
            WHERE status = 'held' AND CAST(starts_at AS DATE) >= {since}
                {theirs.format("contact_id")}
            UNION ALL
            SELECT CAST(date_trunc('week', referred_at) AS DATE), 'referral', 'by ' || referred_by
            FROM contacts
            WHERE referred_by IS NOT NULL AND referred_at >= {since}
                {theirs.format("referred_by")}
        )
        SELECT w.week, k.kind, count(DISTINCT e.event) AS count
        FROM weeks w CROSS JOIN kinds k
        LEFT JOIN events e ON e.week = w.week AND e.kind = k.kind
        GROUP BY w.week, k.kind, k.position
        ORDER BY w.week, k.position
        """,
        [*people_params, *since_params, last, kinds, kinds, *since_params * 3],
    ).df()
    frame["week"] = frame["week"].dt.date
    frame["label"] = frame["kind"].map(ACTIVITY_LABELS)
    frame["count"] = frame["count"].astype("int64")
    return frame[["week", "kind", "label", "count"]]


@dataclass(frozen=True)
class _StageWords:
    """How a stage reads after the one before it, `m` people there: several of them, none of
    several, or the one person at the stage before, who did or did not go on."""

    some: str  # '{n} of {m} ...'
    none: str  # 'None of ... {m} ... yet'
    one: str  # the one person, who went on
    one_not: str  # the one person, who has not yet
    empty: str  # when the stage before is empty


# Only the Replied line leaves out people still in their time (`_replied_in_time`): the app
# has a rule for how long a reply may take (Follow-ups', Insights' and the Response rate's),
# none for how long a meeting, an introduction or a lead takes to come. The later lines give
# the share so far, and their "yet" says more may come ("has not met you yet — 0 %").
_STAGE_SENTENCES = {
    "replied": _StageWords(
        "{n} of {m} contacted replied",
        "None of the {m} people you contacted has replied yet",
        "The one person you contacted replied",
        "The one person you contacted has not replied yet",
        "No one to hear back from yet",
    ),
    "met": _StageWords(
        "{n} of {m} who replied met you",
        "None of the {m} people who replied has met you yet",
        "The one person who replied met you",
        "The one person who replied has not met you yet",
        "No replies yet, so no meetings",
    ),
    # Stages count the people at them or beyond: someone at Opportunity counts as Referred
    # even without an introduction, so the sentence says "or went further".
    "referred": _StageWords(
        "{n} of {m} you met introduced you to someone or went further",
        "None of the {m} people you met has introduced you to anyone or gone further yet",
        "The one person you met introduced you to someone or went further",
        "The one person you met has not introduced you to anyone or gone further yet",
        "No meetings held yet",
    ),
    "opportunity": _StageWords(
        "{n} of those {m} led to an opportunity",
        "None of those {m} has led to an opportunity yet",
        "That person led to an opportunity",
        "That person has not led to an opportunity yet",
        "No introductions yet",
    ),
}


def funnel_filter(
    industries: Iterable[str],
    every_industry: Iterable[str],
    degrees: Iterable[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> funnel.FunnelFilter:
    """The funnel's filter from Home's boxes, `every_industry` being the Industry box's
    options (`funnel.NO_INDUSTRY` among them). A box with every option chosen, as its
    "Select all" does, leaves no one out, so it is no filter: every industry there is, and
    no industry (which takes in people with no company too), is everyone; so is every degree,
    as each contact has one. Counted and described as no filter, the funnel says nothing
    about filtering."""
    industries, degrees = tuple(industries), tuple(degrees)
    if set(every_industry) <= set(industries):
        industries = ()
    if set(DEGREES) <= set(degrees):
        degrees = ()
    return funnel.FunnelFilter(industries=industries, degrees=degrees, start=start, end=end)


# Whom a filtered funnel counts, said in its first line.
FILTERED_WHOM = "the people your filters choose"
WITH_AN_INDUSTRY = "the people at a company with an industry"


def counted_whom(chosen: funnel.FunnelFilter, every_industry: Iterable[str]) -> str:
    """Whom the funnel counts under `chosen` (from `funnel_filter`), for `describe_funnel`:
    with every industry chosen but "no industry", only the industry box narrows, and what
    it leaves out is said exactly: people whose company has no industry, or who have no
    company. Otherwise `FILTERED_WHOM`."""
    named = {industry for industry in every_industry if industry != funnel.NO_INDUSTRY}
    only_industries = not (chosen.degrees or chosen.start or chosen.end)
    if only_industries and named and set(chosen.industries) == named:
        return WITH_AN_INDUSTRY
    return FILTERED_WHOM


# Written to lately, with no answer yet: said as Insights says it.
_LATELY = f"in the last {insights.QUICK_REPLY_DAYS} business days"


def _replied_in_time(contacted: int, replied: int, waiting: int) -> str:
    """The Replied line while `waiting` of the `contacted` still have time to reply: they are
    said to have it, and the share is of the others, as Home's Response rate has it (no '0 %'
    minutes after a first message)."""
    others = contacted - waiting
    has = "has" if waiting == 1 else "have"
    if not others:
        everyone = {1: "The one person", 2: "Both people"}.get(
            contacted, f"All {contacted:,} people"
        )
        return f"{everyone} you contacted, written to {_LATELY}, still {has} time to reply."
    lately = text.counted(waiting, "person", "people")
    if others == 1:
        said = "the other one replied" if replied else "the other one has not replied yet"
    elif replied == others:
        said = "both others replied" if others == 2 else f"all {others:,} others replied"
    elif not replied:
        said = f"{_none_of_others(others)} has replied yet"
    else:
        said = f"{replied:,} of the other {others:,} replied"
    return (
        f"{lately} you wrote to {_LATELY} still {has} time to reply; {said} — "
        f"{text.percent(replied / others)}."
    )


def _none_of_others(others: int) -> str:
    return "neither of the other 2" if others == 2 else f"none of the other {others:,}"


def describe_funnel(
    counts: list[StageCount], filtered: bool, whom: str = FILTERED_WHOM, waiting: int = 0
) -> list[str]:
    """The funnel in words, one line per stage: '8 of 20 contacted replied — 40 %'; one
    person and none of several get sentences of their own ('0 of those 1' reads badly).

    For a funnel with someone in it: before the first outreach Home says
    `BEFORE_FIRST_OUTREACH`, and with filters that leave no one, `FILTERED_OUT`.
    `filtered`: the counts are of the people the filters choose, `whom` (`counted_whom`),
    and the first line says so. `waiting`: of those contacted, the people who still have time
    to reply (`FunnelCounts.waiting`), left out of the reply share and said to have time.
    """
    contacted = text.counted(counts[0].count, "person", "people")
    lines = [
        f"Of {whom}, you contacted {contacted}." if filtered else f"You contacted {contacted}."
    ]
    for previous, current in itertools.pairwise(counts):
        words = _STAGE_SENTENCES[current.stage]
        if current.stage == "replied" and waiting:
            lines.append(_replied_in_time(previous.count, current.count, waiting))
            continue
        if current.conversion is None:
            lines.append(f"{words.empty}.")
            continue
        if previous.count == 1:
            sentence = words.one if current.count else words.one_not
        else:
            sentence = words.some if current.count else words.none
        said = sentence.format(n=f"{current.count:,}", m=f"{previous.count:,}")
        lines.append(f"{said} — {text.percent(current.conversion)}.")
    return lines


# The same '40 %' in a table, for a column of whole percentages (st.column_config format).
PERCENT_COLUMN_FORMAT = "%d %%"


def summarise_activity(activity: pd.DataFrame) -> pd.DataFrame:
    """The numbers beside the activity chart: per kind, this week and the whole period."""
    this_week = activity["week"] == activity["week"].max()
    summary = (
        activity.assign(this_week=activity["count"].where(this_week, 0))
        .groupby("label", sort=False)[["this_week", "count"]]
        .sum()
        .reset_index()
    )
    weeks = activity["week"].nunique()
    return summary.rename(
        columns={"label": "What", "this_week": "This week", "count": f"Last {weeks} weeks"}
    )


# Said instead of an empty funnel when the filters leave no one you wrote to.
FILTERED_OUT = (
    "You have not contacted anyone your filters choose. Clear a filter to see the rest of "
    "your funnel."
)
# Over the weekly numbers while the filters above narrow the funnel: they follow them too.
ACTIVITY_FILTERED = (
    "Filtered as the funnel is: these count only what you did with the people your filters choose."
)


def quiet_weeks(activity: pd.DataFrame, filtered: bool) -> str:
    """Said instead of the weekly chart and its numbers when nothing at all was logged in
    `activity`'s weeks (`weekly_activity`): an empty chart and a table of zeros say it less
    plainly. `filtered`: the funnel's filters narrow it, and the way on is to widen them, as
    the funnel's `FILTERED_OUT` says. "" while there is something to draw."""
    if activity["count"].sum():
        return ""
    weeks = text.counted(activity["week"].nunique(), "week")
    if filtered:
        return (
            f"You logged nothing in these {weeks} with anyone your filters choose. Clear a "
            "filter to see what you did each week."
        )
    return (
        f"You logged nothing in the last {weeks}. What you log from now on shows here, "
        "week by week."
    )


def activity_too_soon(activity: pd.DataFrame) -> str:
    """Said instead of "What you did each week"'s chart while `activity` (`weekly_activity`,
    for everyone: a filter's people may fill one week of a longer campaign) has something
    logged in fewer than `insights.TREND_WEEKS` of its weeks. In a first week its one group
    of bars among empty weeks read as a trend of nothing. "" once there are enough, or while
    nothing is logged (`quiet_weeks` says so)."""
    logged = activity.loc[activity["count"] > 0, "week"].drop_duplicates()
    return insights.too_soon_for_trend(
        sorted(logged),
        f"everything you logged in the last {activity['week'].nunique():,} weeks was",
        "log something",
    )


# Said instead of empty charts while nobody has been written to yet.
BEFORE_FIRST_OUTREACH = (
    "You have not contacted anyone yet. Your funnel and weekly numbers start with your "
    "first outreach."
)


DUE_LISTED = 3  # the items due that Home lists; Follow-ups has them all


def due_more(total: int) -> tuple[str, str]:
    """Under the items listed: how many more are due, and the link's label to see them."""
    if total <= DUE_LISTED:
        return "", "See what is due and act on it"
    return f"…and {total - DUE_LISTED} more.", f"See all {total} on Follow-ups"


@dataclass(frozen=True)
class NextStep:
    page: str
    label: str
    why: str


def next_step(figures: Headline, quiet: followups.Quiet | None = None) -> NextStep:
    """The one thing most worth doing when nothing is due, from where the campaign stands;
    once under way, `quiet` says why nothing is due (`followups.quiet`)."""
    if figures.targets == 0:
        return NextStep(
            "pages/1_targets.py",
            "Pick your target companies",
            "Start with the companies you want to learn about; they decide whom to write to.",
        )
    if figures.contacted == 0:
        return NextStep(
            "pages/3_outreach.py",
            "Write your first outreach",
            "A short, specific email to someone at one of your targets is the first step.",
        )
    return NextStep(
        "pages/3_outreach.py",
        "Write to someone new",
        (quiet or followups.Quiet(0, None, 0, 0, 0)).said(here=False),
    )
