"""What works: response and meeting rates by degree, channel, template and industry; how
fast people reply; the funnel by week of first outreach; promised against actual minutes.

Everything is SQL over the event tables (and the `contact_stages` view) returning small
frames; business days are counted in SQL too, with the holidays from the user's profile.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from infoint import business_days, followups, funnel, interactions, profile, text

# "Replied within 3 business days": the window after which Follow-ups suggests trying
# someone else, counted the same way (`infoint.business_days`).
QUICK_REPLY_DAYS = followups.TRY_ANOTHER_AFTER
TOP_GROUPS = 15  # groups drawn in a rates chart; the table beside it lists them all
WEEKS_CHARTED = 12  # the latest weeks in the weekly funnel, as on Home; earlier ones are folded
BREAKDOWNS = ("degree", "channel", "template", "industry")
BREAKDOWN_LABELS = {
    "degree": "Degree of connection",
    "channel": "Channel of the first message",
    "template": "Template of the first message",
    "industry": "Industry",
}
BREAKDOWN_COLUMNS = {
    "degree": "Degree",
    "channel": "Channel",
    "template": "Template",
    "industry": "Industry",
}
NOT_LOGGED = "(not logged)"
NO_TEMPLATE = "(no template)"
# A first message logged with a follow-up template (its kind changed since it was used, or
# logged so by hand) is said to be one, rather than pass for a first-message template.
FOLLOW_UP_TEMPLATE = " (a follow-up template)"
FOLLOW_UP_TEMPLATE_NOTE = (
    "A template marked “a follow-up template” was used for a first message: it was logged "
    "that way, or the template was changed into a follow-up afterwards."
)
# Met at an event, say, or heard from first, then written to, and nothing since: Replied in
# the funnel (stages are cumulative), but there is no reply to time from the first message.
TALKED_BEFORE = "Talked before you wrote"
TALKED_BEFORE_NOTE = (
    f"“{TALKED_BEFORE}”: you met them or heard from them before your first message, and "
    "nothing is logged from them since. They count as Replied, but there is no reply to time, "
    "so they are left out of how fast people replied."
)
FOLLOWED_UP_UNANSWERED = "No reply after the follow-up"
STILL_SILENT = "No reply yet, no follow-up sent"
# Written to in the last QUICK_REPLY_DAYS business days (today included) and no answer yet:
# a reply now would still be quick, so they are neither quick nor slow, and the share of quick
# replies leaves them out (a new user written to today read as one who had not replied in time).
# Short, to fit the waits' 300 px table beside its chart, as "No reply yet, no follow-up sent".
STILL_IN_TIME = "Still has time to reply"
SPEED_GROUPS = (
    f"Replied within {QUICK_REPLY_DAYS} business days",
    "Replied later",
    TALKED_BEFORE,
    STILL_IN_TIME,
    FOLLOWED_UP_UNANSWERED,
    STILL_SILENT,
)
# Groups with a row only when someone is in them: neither is a wait that can be missed.
LISTED_WHEN_FILLED = (TALKED_BEFORE, STILL_IN_TIME)
# Four working weeks: about the month (`followups.STALE_AFTER_DAYS`) after which Follow-ups
# leaves a silence alone; replies later than that are few.
LONG_WAIT_DAYS = 20


def _days(first: int, last: int | None = None) -> str:
    if last is None:
        return f"{first} business {'day' if first == 1 else 'days'}"
    return f"{first}–{last} business days"


# When people replied, in the steps of the rules of thumb: each day up to the quick-reply
# window; then up to the follow-up (`followups.FOLLOW_UP_AFTER`); then up to four working
# weeks; then later. Those who talked with you before you wrote follow, and the people still
# silent close the list. (label, speed group, last day)
REPLY_WAITS = (
    ("Same day", 0, 0),
    *((_days(day), 0, day) for day in range(1, QUICK_REPLY_DAYS + 1)),
    (_days(QUICK_REPLY_DAYS + 1, followups.FOLLOW_UP_AFTER), 1, followups.FOLLOW_UP_AFTER),
    (_days(followups.FOLLOW_UP_AFTER + 1, LONG_WAIT_DAYS), 1, LONG_WAIT_DAYS),
    (f"More than {_days(LONG_WAIT_DAYS)}", 1, None),
    *(
        (group, SPEED_GROUPS.index(group), None)
        for group in (TALKED_BEFORE, STILL_IN_TIME, FOLLOWED_UP_UNANSWERED, STILL_SILENT)
    ),
)
DEGREE_LABELS = {"1st": "1st degree", "2nd": "2nd degree", "cold": "Cold"}
# Where "replied" is inferred, said on the page beside the numbers.
ANSWER_NOTE = (
    "A meeting held or an introduction counts as a reply when no reply was logged: "
    "you cannot meet someone who never answered, and the funnel counts them as Replied too."
)
_LAST_QUICK_DAY = business_days.add_business_days(date(2026, 3, 2), QUICK_REPLY_DAYS)  # a Monday
WITHIN_NOTE = (
    f"Within {QUICK_REPLY_DAYS} business days: counting the working days after the day you "
    f"wrote, the reply came on day {QUICK_REPLY_DAYS} or sooner (written on a Monday: by "
    f"{_LAST_QUICK_DAY:%A}). Weekends and the holidays in your profile do not count. Nothing "
    "by then? Follow-ups suggests writing to someone else at that company the next working day."
)

# Still has time to reply, over `contact_stages s` (with `TODAY_SQL`'s `now_day` and `holiday`):
# at Contacted and no further (nothing from them at all), first written to so lately that an
# answer today would be within the quick-reply window (`_TIMING`'s `in_time`, the same people).
# One rule for every reply rate in the app: Home's Response rate and funnel line, and the rates
# by degree, channel, template and industry here (`rates_by`), leave these people out alike.
STILL_IN_TIME_SQL = (
    "s.stage = 1 AND "
    f"{business_days.between_sql('s.first_outreach_at', 'now_day.today', 'holiday')}"
    f" <= {QUICK_REPLY_DAYS}"
)
# The user's holidays and their today: the first two parameters of a query with
# `STILL_IN_TIME_SQL`.
TODAY_SQL = """holiday AS (SELECT DISTINCT unnest(?::DATE[]) AS day),
        now_day AS (SELECT CAST(? AS DATE) AS today)"""

# The first message to each contact: its channel and template describe the approach.
_FIRST_MESSAGE = """
    SELECT contact_id,
           arg_min(channel, (occurred_at, id)) AS channel,
           arg_min(template_id, (occurred_at, id)) AS template_id
    FROM interactions WHERE kind IN ('outreach', 'follow_up')
    GROUP BY contact_id
"""

_GROUP_EXPRESSIONS = {
    "degree": "c.degree",
    "channel": "coalesce(f.channel, '')",
    "template": "CASE WHEN f.template_id IS NULL THEN ''"
    f" WHEN t.kind = 'follow_up' THEN t.name || '{FOLLOW_UP_TEMPLATE}'"
    " ELSE coalesce(t.name, '(a template since removed)') END",
    "industry": "coalesce(nullif(trim(co.industry), ''), '')",
}


@dataclass(frozen=True)
class ReplyTiming:
    contacted: int  # people sent an outreach or a follow-up
    quick: int  # of them, replied within QUICK_REPLY_DAYS business days
    replies: int  # answered after your first message: the replies timed
    median_business_days: int | None  # whole days: at least half replied within it
    # … and in calendar days: 0 business days can be a Saturday reply to a Friday message,
    # which is not "the same day".
    median_days: int | None
    # At a stage in the funnel with no outreach or follow-up logged (met, introduced, or a
    # reply stored before replies needed a message): no first message to time a reply from.
    not_written_to: int = 0
    # Answered only before your first message (met at an event, say): Replied in the funnel,
    # with no reply to time (`TALKED_BEFORE`).
    talked_before: int = 0
    # Of the timed replies, how many came within the median wait the sentence names (the
    # same day, before the next business day, or within N business days): the lower median
    # says "at least half", and often it is all of them. None: not counted.
    within_median: int | None = None
    # Not answered since your first message, which went in the last QUICK_REPLY_DAYS business
    # days: they still have time, so the share of quick replies is of the others only
    # (`STILL_IN_TIME`). Those who talked with you before you wrote are not among them.
    waiting: int = 0

    @property
    def not_written_note(self) -> str:
        if not self.not_written_to:
            return ""
        verb = "is" if self.not_written_to == 1 else "are"
        return (
            f"{text.counted(self.not_written_to, 'person', 'people')} you met or heard from "
            f"with no message of yours logged {verb} not counted here: there is no first "
            "message to time a reply from."
        )

    @property
    def sentence(self) -> str:
        """Markdown (no user text in it), worded for one person, two and many ('1 of the 1
        people' reads as a glitch); 'within 0 business days' too, so it says 'the same day'
        or 'before the next business day'."""
        if not self.contacted:
            return ""
        days = self.median_business_days
        if self.waiting == self.contacted:
            everyone = {1: "1 person", 2: "both people"}.get(
                self.contacted, f"all {self.contacted:,} people"
            )
            return (
                f"You wrote to {everyone} in the last {_days(QUICK_REPLY_DAYS)}: "
                "they still have time to reply."
            )
        said = self._said(days)
        return f"{said} {self.still_in_time}" if self.waiting else said

    @property
    def still_in_time(self) -> str:
        """Those written to lately, who may still reply in time: said after the share."""
        if not self.waiting:
            return ""
        who = f"{self.waiting:,} of them" if not self.replies else f"{self.waiting:,} more"
        has = "has" if self.waiting == 1 else "have"
        return (
            f"{who}, written to in the last {_days(QUICK_REPLY_DAYS)}, still {has} time to reply."
        )

    def _said(self, days: int | None) -> str:
        if self.contacted == 1:
            if self.talked_before:
                return (
                    "You wrote to 1 person, who had already talked with you before you wrote: "
                    "there is no reply since to time."
                )
            if not self.replies or days is None:
                return "You wrote to 1 person, who has not replied yet."
            return f"You wrote to 1 person, who replied {self._after('your message')}."
        wrote_to = "people you wrote to"
        if not self.replies or days is None:
            if not self.talked_before:
                return f"{_none_of(self.contacted, wrote_to)} has replied yet."
            before = f"{self.talked_before:,}"
            if self.talked_before == self.contacted:
                before = "both" if self.contacted == 2 else f"all {before}"
            return (
                f"{_none_of(self.contacted, wrote_to)} has replied to your message yet "
                f"({before} had talked with you before you wrote)."
            )
        # The share is of those whose window has closed, or who replied in it.
        closed = self.contacted - self.waiting
        if closed == 1:  # the one who replied: "1 of the 1 people" reads as a glitch
            return (
                f"You wrote to {self.contacted:,} people. The one who replied did so "
                f"{self._after('your first message')}."
            )
        quick = self._replied_share(closed, wrote_to)
        # The replies timed are to your message: those who talked with you before you wrote
        # are in the share above (as on Home), not here.
        since = " after you wrote" if self.talked_before else ""
        if self.replies == 1:
            return (
                f"{quick}. The one who replied{since} did so {self._after('your first message')}."
            )
        if days == QUICK_REPLY_DAYS:
            # "1,402 within 3 business days" is in the share already: "1,402 of the 1,992
            # people who replied did so within 3 business days" said it again (walkthrough).
            return f"{quick}."
        if days == 0:
            how_fast = self._after("your first message")
        else:
            how_fast = f"within **{text.counted(days, 'business day')}** of your first message"
        if self.within_median is None:
            who = f"At least half of the {self.replies:,} who replied{since}"
        else:
            who = _share_of(self.within_median, self.replies, f"people who replied{since}")
        return f"{quick}. {who} did so {how_fast}."

    def _replied_share(self, closed: int, wrote_to: str) -> str:
        """Who replied of the `closed` (those whose time to reply has passed, or who replied):
        '2 of the 5 people you wrote to replied within 3 business days (40 %)' when every
        reply came that soon; else who replied at all first, as Home's Response rate counts
        them, then how many within the days: '15 of the 30 people you wrote to replied
        (50 %); 14 within 3 business days (47 %)'. A walkthrough read only the second share
        (47 %) here beside Home's 50 % and took them for one figure that disagreed.

        Those who talked with you before you wrote are Replied on Home and in the chart of
        waits: counted here too, and said so in the same sentence ('1,994 of the 4,897 people
        you wrote to replied (41 %), counting the 2 who had talked with you before you
        wrote; ...'). Left out, the sentence said 1,992 beside Home's 1,994 (walkthrough)."""
        within = f"within {QUICK_REPLY_DAYS} business days"
        if self.replies == self.quick and not self.talked_before:  # one share says both
            said = f"{_share_of(self.quick, closed, wrote_to)} replied {within}"
            if 0 < self.quick < closed:
                said += f" ({text.percent(self.quick / closed)})"
            return said
        answered = self.replies + self.talked_before  # Home's Replied, of those written to
        said = f"{_share_of(answered, closed, wrote_to)} replied"
        if answered < closed:
            said += f" ({text.percent(answered / closed)})"
        if self.talked_before:
            who = "the one" if self.talked_before == 1 else f"the {self.talked_before:,}"
            said += f", counting {who} who had talked with you before you wrote"
        if not self.quick:
            return f"{said}; none {within}"
        return f"{said}; {self.quick:,} {within} ({text.percent(self.quick / closed)})"

    @property
    def replied_note(self) -> str:
        """How the reply-speed groups add up to Replied in the funnel (Home's count): the
        timed replies, those who talked with you before you wrote, and the people at Replied
        never written to, who are not timed at all."""
        groups = (
            (self.quick, f"within {QUICK_REPLY_DAYS} business days"),
            (self.replies - self.quick, "later"),
            (self.talked_before, "who talked with you before you wrote"),
            (self.not_written_to, "you met or heard from with no message of yours logged"),
        )
        total = sum(count for count, _ in groups)
        if not total:
            return ""
        parts = [f"{count:,} {words}" for count, words in groups if count]
        return (
            f"Replied in your funnel: {text.counted(total, 'person', 'people')} — "
            f"{text.joined(parts)}."
        )

    def _after(self, message: str) -> str:
        """When the (median) reply came: '**on the same day** as your message', '**before
        the next business day** after it' (a weekend reply), '**2 business days** after it'."""
        if self.median_days == 0:
            return f"**on the same day** as {message}"
        if self.median_business_days == 0:
            return f"**before the next business day** after {message}"
        return f"**{text.counted(self.median_business_days, 'business day')}** after {message}"


def _none_of(whole: int, plural: str) -> str:
    return f"Neither of the 2 {plural}" if whole == 2 else f"None of the {whole:,} {plural}"


def _share_of(part: int, whole: int, plural: str, of: str = "of the") -> str:
    """The subject of a sentence about `part` of `whole` (at least 2): 'Both people you wrote
    to', 'All 5 …', 'None of the 5 …', '2 of the 5 …'."""
    if part == whole:
        return f"Both {plural}" if whole == 2 else f"All {whole:,} {plural}"
    if not part:
        return _none_of(whole, plural)
    return f"{part:,} {of} {whole:,} {plural}"


# A meeting a few minutes over still kept its word: the other person rarely minds five.
GRACE_MINUTES = 5
# How long held meetings took against the promise; the first three are the ones kept, so the
# table and the sentence above it count by one rule.
MINUTE_BUCKETS = (
    "Shorter than promised",
    "As promised",
    f"1–{GRACE_MINUTES} minutes over",
    f"More than {GRACE_MINUTES} minutes over",
)


@dataclass(frozen=True)
class MinutesKept:
    meetings: int  # held meetings with the actual minutes recorded
    promised_average: float | None
    actual_average: float | None
    kept: int  # ended within the promised time, or at most GRACE_MINUTES over

    @property
    def sentence(self) -> str:
        """Worded for one meeting, two and many, as `ReplyTiming.sentence`."""
        if not self.meetings:
            return ""
        within = f"within the time you promised, or at most {GRACE_MINUTES} minutes over"
        if self.meetings == 1:
            promised, actual = round(self.promised_average), round(self.actual_average)
            took = f"you promised {promised} minutes and took {actual}."
            if actual <= promised:
                return f"Your one meeting ended within the time you promised: {took}"
            if self.kept:  # over, yet within the grace: said as such, not as "within"
                return (
                    f"Your one meeting ran {text.counted(actual - promised, 'minute')} over the "
                    f"{promised} you promised, within the {GRACE_MINUTES} minutes' grace most "
                    "people give."
                )
            return (
                f"Your one meeting ran more than {GRACE_MINUTES} minutes over the time you "
                f"promised: {took}"
            )
        if self.meetings == 2 and not self.kept:
            ended = f"Neither meeting ended {within}."
        else:
            ended = f"{_share_of(self.kept, self.meetings, 'meetings', 'of')} ended {within}"
            if 0 < self.kept < self.meetings:
                ended += f" ({text.percent(self.kept / self.meetings)})"
            ended += "."
        return (
            f"{ended} On average you promised {self.promised_average:.0f} minutes and took "
            f"{self.actual_average:.0f} minutes."
        )


def minutes_in_words(actual: int, promised: int) -> str:
    """'25 minutes, 5 over the 20 you promised': a meeting's length, kindly."""
    if actual == promised:
        return f"{actual} minutes, as promised"
    if actual < promised:
        return f"{actual} minutes, within the {promised} you promised"
    return f"{actual} minutes, {actual - promised} over the {promised} you promised"


def _label(breakdown: str, value: str) -> str:
    if breakdown == "degree":
        return DEGREE_LABELS.get(value, value)
    if breakdown == "channel":
        return interactions.CHANNEL_LABELS.get(value, NOT_LOGGED)
    if breakdown == "template":
        return value or NO_TEMPLATE
    return value or funnel.NO_INDUSTRY


def rates_by(
    conn: duckdb.DuckDBPyConnection, breakdown: str, today: date | None = None
) -> pd.DataFrame:
    """Per group of contacted people: how many replied and met, and the rates.

    Those who still have time to reply on `today` (the user's, by default;
    `STILL_IN_TIME_SQL`) are left out, as Home's Response rate leaves them out: `contacted`
    counts the others, so a group's reply rate is Home's, for that group, and the groups add
    up to Home's 'n of m replied'. `waiting` counts those left out. A group of people who all
    still have time (written to at a new industry this week) keeps its row, after the others,
    with `contacted` 0 and no rates (NaN, `pd.NA`): it had none, and a user who had just
    written to five people there looked for it in vain (`waiting_groups`).

    Columns: group, contacted, replied, met, waiting, response_rate, meeting_rate (0..1),
    replied_percent, met_percent (whole numbers); the biggest groups first, then those with
    no rate yet, the most people waiting first.
    """
    if breakdown not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {breakdown!r}")
    frame = conn.execute(
        f"""
        WITH {TODAY_SQL},
        f AS ({_FIRST_MESSAGE}),
        grouped AS (
            SELECT {_GROUP_EXPRESSIONS[breakdown]} AS label,
                   count(*) FILTER (WHERE NOT coalesce({STILL_IN_TIME_SQL}, false)) AS contacted,
                   count(*) FILTER (WHERE s.stage >= 2) AS replied,
                   count(*) FILTER (WHERE s.stage >= 3) AS met,
                   count(*) FILTER (WHERE coalesce({STILL_IN_TIME_SQL}, false)) AS waiting
            FROM contact_stages s CROSS JOIN now_day
            JOIN contacts c ON c.id = s.contact_id
            LEFT JOIN f ON f.contact_id = c.id
            LEFT JOIN templates t ON t.id = f.template_id
            LEFT JOIN companies co ON co.id = c.company_id
            WHERE s.stage >= 1
            GROUP BY label
        )
        -- the biggest groups first; on a tie, "not logged" and the like after named ones;
        -- the groups with no rate yet (everyone in them still has time) last
        SELECT label AS "group", contacted, replied, met, waiting FROM grouped
        ORDER BY contacted = 0, contacted DESC, waiting DESC, label = '', label
        """,
        [list(profile.holidays(conn)), _today(conn, today)],
    ).df()
    frame["group"] = [_label(breakdown, value) for value in frame["group"]]
    for column in ("contacted", "replied", "met", "waiting"):
        frame[column] = frame[column].astype("int64")
    counted = frame["contacted"].where(frame["contacted"] > 0)  # no rate over no one
    frame["response_rate"] = frame["replied"] / counted
    frame["meeting_rate"] = frame["met"] / counted
    # For the table: whole percentages, as `text.percent` writes them.
    frame["replied_percent"] = text.whole_percents(frame["response_rate"]).astype("Int64")
    frame["met_percent"] = text.whole_percents(frame["meeting_rate"]).astype("Int64")
    return frame


# The rates table's Meeting rate is Met of Contacted, for the group; Home's funnel line gives
# Met of Replied ('8 of 15 who replied met you — 53 %'). A new user read the two (27 % and
# 53 % in the demo) as one number said twice, differently (walkthrough): the column's help and
# the note under the table (`meeting_rate_note`) say of whom each is a share.
MEETING_RATE_HELP = (
    "Met of Contacted: the share of the people you contacted in this group whom you met. "
    "Home's funnel gives it of those who replied (Met of Replied), so there it is higher."
)


def _met_of(met: int, whole: int, who: str) -> str:
    """'1 of the 4 you contacted met you (25 %)', 'the one person who replied has not met you
    yet (0 %)', 'none of the 3 you contacted has met you yet (0 %)'."""
    share = text.percent(met / whole)
    if whole == 1:
        did = "met you" if met else "has not met you yet"
        return f"the one person {who} {did} ({share})"
    if not met:
        return f"none of the {whole:,} {who} has met you yet ({share})"
    return f"{met:,} of the {whole:,} {who} met you ({share})"


def meeting_rate_note(rates: pd.DataFrame) -> str:
    """Under the rates table, Markdown: what its Meeting rate is a share of, and what Home's is
    a share of, both with the numbers of its first (biggest) group: 'Meeting rate is a share of
    the people you contacted: for **Health**, 5 of the 17 you contacted met you (29 %). On Home
    it is a share of those who replied: for **Health**, 5 of the 8 who replied met you (62 %).'
    (Home's funnel, filtered to Health, says the same.) Home's figure for everyone there, '8 of
    the 15 who replied', read as Health's (walkthrough). `rates`: the table's rows
    (`rated_groups`); those left out, who still have time to reply, have neither replied nor
    met."""
    rated = rated_groups(rates)
    if rated.empty:
        return ""
    first = rated.iloc[0]
    group = f"**{text.plain_markdown(str(first['group']))}**"
    met, replied = int(first["met"]), int(first["replied"])
    here = _met_of(met, int(first["contacted"]), "you contacted")
    said = f"Meeting rate is a share of the people you contacted: for {group}, {here}."
    home = _met_of(met, replied, "who replied") if replied else "no one has replied yet"
    return f"{said} On Home it is a share of those who replied: for {group}, {home}."


def rated_groups(rates: pd.DataFrame) -> pd.DataFrame:
    """The groups of a `rates_by` frame that have rates: the table's rows (a group whose
    people all still have time to reply has none to show, and a grid shows "None" for a
    missing number)."""
    return rates[rates["contacted"] > 0]


def waiting_groups(rates: pd.DataFrame) -> pd.DataFrame:
    """The groups of a `rates_by` frame with no rate yet: everyone in them still has time."""
    return rates[(rates["contacted"] == 0) & (rates["waiting"] > 0)]


def still_in_time_words(waiting: int, *, short: bool = False, there: bool = False) -> str:
    """What a group with no rate yet says in place of one: 'all 5 people you wrote to still
    have time to reply' ('… you wrote to there …' with `there`); `short` for the chart's
    line: 'all 5 still have time to reply', 'both …', '1 person still has time to reply'
    (the sentences say 'the one person you wrote to …')."""
    wrote_to = "you wrote to there" if there else "you wrote to"
    if waiting == 1:
        who = "1 person" if short else f"the one person {wrote_to}"
        return f"{who} still has time to reply"
    if waiting == 2:
        who = "both" if short else f"both people {wrote_to}"
    else:
        who = f"all {waiting:,}" if short else f"all {waiting:,} people {wrote_to}"
    return f"{who} still have time to reply"


def waiting_groups_note(rates: pd.DataFrame) -> str:
    """Under the rates table, Markdown: the groups of a `rates_by` frame that are not in it, as
    everyone in them still has time to reply ('' for none), by name with their counts: 'No
    rates yet for **Fintech**: all 5 people you wrote to there still have time to reply.'"""
    waiting = waiting_groups(rates)
    if waiting.empty:
        return ""
    named = [
        (f"**{text.plain_markdown(group)}**", int(people))
        for group, people in zip(waiting["group"], waiting["waiting"], strict=True)
    ]
    if len(named) == 1:
        [(name, people)] = named
        return f"No rates yet for {name}: {still_in_time_words(people, there=True)}."
    listed = text.joined([f"{name} ({text.counted(n, 'person', 'people')})" for name, n in named])
    return f"No rates yet for {listed}: everyone you wrote to there still has time to reply."


def rated_people(conn: duckdb.DuckDBPyConnection, today: date | None = None) -> int:
    """How many people the rates by group count (`rates_by`'s contacted, whatever the
    breakdown): everyone in the funnel but those who still have time to reply on `today`.
    With no one, the rates give way to `RATES_TOO_SOON`, and there is nothing to compare."""
    [(people,)] = conn.execute(
        f"""
        WITH {TODAY_SQL}
        SELECT count(*) FROM contact_stages s CROSS JOIN now_day
        WHERE s.stage >= 1 AND NOT coalesce({STILL_IN_TIME_SQL}, false)
        """,
        [list(profile.holidays(conn)), _today(conn, today)],
    ).fetchall()
    return int(people)


def rates_waiting_note(waiting: int, *, named: int = 0) -> str:
    """Under the rates: who they leave out for now, as Home's Response rate does ('' for no
    one). `waiting`: `ReplyTiming.waiting`, the same people. `named`: how many of them are in
    the groups `waiting_groups_note` names; when that is all of them, that note says it alone
    ('' here): the two read as one thing said twice."""
    if not waiting or named >= waiting:
        return ""
    verb = "is" if waiting == 1 else "are"
    return (
        f"{text.counted(waiting, 'person', 'people')} you wrote to in the last "
        f"{_days(QUICK_REPLY_DAYS)} {verb} left out of these rates, as on Home: they still have "
        "time to reply."
    )


# Said instead of the rates, and of the choice of what to compare them by, while everyone
# written to still has time to reply: a choice that changed nothing confused.
RATES_TOO_SOON = (
    "Everyone you wrote to still has time to reply. The rates start once someone replies or "
    f"{_days(QUICK_REPLY_DAYS)} pass; then you can compare them by degree, channel, template "
    "and industry."
)


def shows_follow_up_template(rates: pd.DataFrame) -> bool:
    """Whether a `rates_by(conn, "template")` frame has a follow-up template among the first
    messages (then the page says what that means)."""
    return bool(rates["group"].str.endswith(FOLLOW_UP_TEMPLATE).any())


# How the browser's grid draws a cell: 14 px Source Sans with 8 px of padding either side, and,
# in rows taller than 4rem (64 px), the words wrapped at spaces onto lines 1.4 × 14 px apart
# (3 px of padding above). A character's width is guessed on the wide side (measured: about
# 6 px a letter in names, 3.4 for an "i", 11–12 for "m" and "W"), so a row is never too short.
CELL_PADDING = 8
WRAPPING_ROW = 65  # the shortest row height in which the grid wraps
HEADER_ROW = 35  # the grid's header row, whatever the rows' height
ROWS_IN_VIEW = 10  # rows in a table of the grid's own height ("auto"), as many as there are
# About 80 characters at 800 px: one name of hundreds would make every row as tall.
MOST_NAME_LINES = 8
_NARROW = set(" ijlfrt.,;:'!|()[]-")
_WIDE = set("mwMW@%")


def _guessed_width(words: str) -> float:
    """The width in pixels of `words` in the grid's font, guessed on the wide side."""
    width = 0.0
    for char in words:
        if unicodedata.east_asian_width(char) in ("W", "F"):
            width += 15
        elif char in _NARROW:
            width += 4.5
        elif char in _WIDE:
            width += 12.5
        elif char.isupper() or char.isdigit():
            width += 9
        else:
            width += 7
    return width


def _lines(name: str, room: float) -> int:
    """How many lines `name` takes wrapped at its spaces into `room` pixels."""
    lines: list[str] = []
    for word in name.split():
        if lines and _guessed_width(f"{lines[-1]} {word}") <= room:
            lines[-1] += f" {word}"
            continue
        while len(word) > 1 and _guessed_width(word) > room:  # broken where a line ends
            cut = len(word) - 1
            while cut > 1 and _guessed_width(word[:cut]) > room:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return max(len(lines), 1)


def wrapped_row_height(names: list[str], column_width: int) -> int | None:
    """The height of a table's rows that holds each of `names` whole in a column
    `column_width` pixels wide, wrapped; None when every name fits on one line (the grid's
    own height of a row, and no wrapping)."""
    room = column_width - 2 * CELL_PADDING
    lines = min(max((_lines(str(name), room) for name in names), default=1), MOST_NAME_LINES)
    if lines == 1:
        return None
    return max(WRAPPING_ROW, math.ceil(3 + 14 + 1.4 * 14 * (lines - 1)) + 8)


def wrapped_table_height(rows: int, row_height: int | None) -> int | str:
    """The height of a table of `rows` rows `row_height` tall: as many as the grid's own height
    shows (ten), the header row above; its own ("auto") for rows of the grid's own height. Left
    to the grid, wrapped rows twice as tall showed half as many."""
    if row_height is None:
        return "auto"
    return HEADER_ROW + min(rows, ROWS_IN_VIEW) * row_height + 2  # and the table's borders


# Who answered, and when: the events that put a contact at Replied or beyond in
# `contact_stages` (a reply, a held meeting, an introduction, an opportunity). Stages are
# cumulative: someone you met answered you, even if the reply itself was never logged, so
# the first of these events is their answer. Only people you wrote to (an outreach or a
# follow-up: the funnel's stage 1 events) are counted, from your first message to them: one
# you met or who replied with no message logged (stored before replies needed one) has no
# first message to time from. Someone whose answers all came on days before the first message
# (met at an event, then written to, then silence) talked with you before you wrote: Replied in the
# funnel, with no reply to time, so a group of their own (`TALKED_BEFORE`), never "at once".
# The business days from the first message up to today, counted as a reply's would be.
_SO_FAR = business_days.between_sql("c.sent", "now_day.today", "holiday")
_TIMING = f"""
    WITH holiday AS (SELECT DISTINCT unnest(?::DATE[]) AS day),
    now_day AS (SELECT CAST(? AS DATE) AS today),  -- the user's today
    answers AS (  -- a reply, or what counts as one: anything at Replied or beyond
        SELECT contact_id, occurred_at AS at FROM contact_events WHERE stage >= 2
    ),
    contacted AS (  -- the people you wrote to, from your first message
        SELECT contact_id, min(occurred_at) AS sent FROM contact_events WHERE stage = 1
        GROUP BY contact_id
    ),
    answered AS (
        -- the first answer since the first message's day, timed from the message at the
        -- earliest (a reply logged by its day alone is stored at a set hour, which may come
        -- before the message's own time); NULL when all came on earlier days
        SELECT c.contact_id,
               min(greatest(a.at, c.sent)) FILTER (WHERE CAST(a.at AS DATE) >= CAST(c.sent AS DATE))
                   AS at
        FROM contacted c JOIN answers a ON a.contact_id = c.contact_id
        GROUP BY c.contact_id, c.sent
    ),
    followed AS (
        SELECT DISTINCT i.contact_id FROM interactions i
        JOIN contacted c ON c.contact_id = i.contact_id
        WHERE i.kind = 'follow_up' AND i.occurred_at > c.sent
    ),
    timing AS (
        SELECT c.contact_id, answered.at IS NOT NULL AS has_reply,
               answered.contact_id IS NOT NULL AND answered.at IS NULL AS talked_before,
               followed.contact_id IS NOT NULL AS followed_up,
               -- no answer since the first message, which went so lately that one today
               -- would still be within the quick-reply window (`business_days.within`)
               answered.contact_id IS NULL AND {_SO_FAR} <= {QUICK_REPLY_DAYS} AS in_time,
               {business_days.between_sql("c.sent", "answered.at", "holiday")} AS business_days,
               CAST(answered.at AS DATE) - CAST(c.sent AS DATE) AS days
        FROM contacted c CROSS JOIN now_day
        LEFT JOIN answered ON answered.contact_id = c.contact_id
        LEFT JOIN followed ON followed.contact_id = c.contact_id
    )
"""


def _today(conn: duckdb.DuckDBPyConnection, today: date | None) -> date:
    return profile.now(conn).date() if today is None else today


def reply_timing(conn: duckdb.DuckDBPyConnection, today: date | None = None) -> ReplyTiming:
    """How many replied within the quick-reply window, and the median number of business
    days from the first outreach to the first reply; those who talked with you only before
    you wrote are counted apart, not timed, and those still inside the window on `today` (the
    user's, by default) without an answer are counted apart too (`ReplyTiming.waiting`).

    The lower median of whole days (`quantile_disc`), not the interpolated one: replies after
    0 and 1 days would read "within 0.5 business days", which no one can wait.
    """
    (
        contacted,
        quick,
        replies,
        median,
        median_days,
        not_written_to,
        talked_before,
        same_day,
        next_business_day,
        within_median,
        waiting,
    ) = conn.execute(
        f"""{_TIMING}
        SELECT count(*),
               count(*) FILTER (WHERE has_reply AND business_days <= {QUICK_REPLY_DAYS}),
               count(*) FILTER (WHERE has_reply),
               quantile_disc(business_days, 0.5) FILTER (WHERE has_reply),
               quantile_disc(days, 0.5) FILTER (WHERE has_reply),
               (SELECT count(*) FROM contact_stages s WHERE s.stage >= 1
                  AND s.contact_id NOT IN (SELECT contact_id FROM contacted)),
               count(*) FILTER (WHERE talked_before),
               count(*) FILTER (WHERE has_reply AND days = 0),
               count(*) FILTER (WHERE has_reply AND business_days = 0),
               count(*) FILTER (WHERE has_reply AND business_days <= (
                   SELECT quantile_disc(business_days, 0.5) FROM timing WHERE has_reply)),
               count(*) FILTER (WHERE in_time)
        FROM timing""",
        [list(profile.holidays(conn)), _today(conn, today)],
    ).fetchall()[0]
    # The count within the wait the sentence names, by the rule of `ReplyTiming._after`.
    if median_days == 0:
        within_median = same_day
    elif median == 0:
        within_median = next_business_day
    return ReplyTiming(
        int(contacted),
        int(quick),
        int(replies),
        None if median is None else int(median),
        None if median_days is None else int(median_days),
        int(not_written_to),
        int(talked_before),
        int(within_median),
        int(waiting),
    )


def _wait_position() -> str:
    """SQL: the place in `REPLY_WAITS` of a row of `timing`, found by the name of its group,
    not its place in `SPEED_GROUPS`, which may change. Replies and talks come first (a
    follow-up may have gone to someone who replied since), then those who still have time to
    reply (followed up or not), the still silent last."""
    replies, talked, in_time, followed, silent = [], [], [], [], []
    for position, (_, speed, last_day) in enumerate(REPLY_WAITS):
        group = SPEED_GROUPS[speed]
        if group == TALKED_BEFORE:
            talked.append(f"WHEN talked_before THEN {position}")
        elif group == STILL_IN_TIME:
            in_time.append(f"WHEN in_time THEN {position}")
        elif group == FOLLOWED_UP_UNANSWERED:
            followed.append(f"WHEN followed_up THEN {position}")
        elif group == STILL_SILENT:
            silent.append(f"ELSE {position}")
        elif last_day is not None:
            replies.append(f"WHEN has_reply AND business_days <= {last_day} THEN {position}")
        else:
            replies.append(f"WHEN has_reply THEN {position}")
    return f"CASE {' '.join([*replies, *talked, *in_time, *followed, *silent])} END"


def reply_waits(conn: duckdb.DuckDBPyConnection, today: date | None = None) -> pd.DataFrame:
    """The people sent an outreach, by how long their reply took (`REPLY_WAITS`), then those
    who talked with you before you wrote, then those who still have time to reply on `today`
    (the user's, by default), then those still silent. Columns: wait (the label), people,
    speed (its place in `SPEED_GROUPS`).

    Every wait is listed, even when empty, in order: a chart of one bar per day ran to 110
    days, with the few late replies too small to see. Only "Talked before you wrote" and
    `STILL_IN_TIME` are left out when no one is in them (`LISTED_WHEN_FILLED`): neither is a
    wait, and a row at 0 reads as something missed.
    """
    waits = ", ".join("(?, ?, ?)" for _ in REPLY_WAITS)
    labels = [
        value
        for position, (label, speed, _) in enumerate(REPLY_WAITS)
        for value in (position, label, speed)
    ]
    frame = conn.execute(
        f"""{_TIMING},
        waits(position, wait, speed) AS (VALUES {waits}),
        placed AS (SELECT {_wait_position()} AS position FROM timing)
        SELECT w.wait, count(p.position) AS people, w.speed
        FROM waits w LEFT JOIN placed p ON p.position = w.position
        GROUP BY w.position, w.wait, w.speed
        HAVING w.speed NOT IN ({", ".join("?" for _ in LISTED_WHEN_FILLED)})
            OR count(p.position) > 0
        ORDER BY w.position
        """,
        [
            list(profile.holidays(conn)),
            _today(conn, today),
            *labels,
            *(SPEED_GROUPS.index(group) for group in LISTED_WHEN_FILLED),
        ],
    ).df()
    return frame.astype({"people": "int64", "speed": "int64"})


def funnel_by_week(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Contacts by the week of their first outreach and how far they got.

    Columns: week (the Monday), then one per `funnel.STAGES` name: the contacts of that
    week at that stage or beyond, so each week is a small funnel of its own. Every week from
    the first to the last is listed, quiet ones with zeros: on the chart's category axis a
    missing week would vanish without a gap.
    """
    counts = ", ".join(
        f"count(*) FILTER (WHERE s.stage >= {i + 1}) AS {name}"
        for i, name in enumerate(funnel.STAGES)
    )
    zeros = ", ".join(f"coalesce(w.{name}, 0) AS {name}" for name in funnel.STAGES)
    frame = conn.execute(
        f"""
        WITH w AS (
            SELECT CAST(date_trunc('week', s.first_outreach_at) AS DATE) AS week, {counts}
            FROM contact_stages s
            WHERE s.stage >= 1
            GROUP BY week
        ),
        weeks AS (
            SELECT CAST(unnest(generate_series(CAST(min(week) AS TIMESTAMP),
                                               CAST(max(week) AS TIMESTAMP),
                                               INTERVAL 7 DAY)) AS DATE) AS week
            FROM w
        )
        SELECT weeks.week, {zeros}
        FROM weeks LEFT JOIN w ON w.week = weeks.week
        ORDER BY weeks.week
        """
    ).df()
    return frame.astype({name: "int64" for name in funnel.STAGES})


# Under the weekly funnel's table: what its numbers count (the chart's axis says it; a table
# of bare numbers did not).
WEEKLY_NOTE = (
    "Each row: the people you first wrote to that week, and how many of them have replied, "
    "met you, introduced you to someone or led to an opportunity so far (or gone further)."
)
TREND_WEEKS = 2  # the fewest weeks drawn as a chart of the weeks (Insights' and Home's)


def too_soon_for_trend(weeks: list[date], so_far: str, until: str) -> str:
    """Said instead of a chart of the weeks while `weeks`, those it would draw something in,
    are fewer than `TREND_WEEKS`: '{so_far} in the week of 23 Nov 2026', and the chart appears
    once you '{until}' in another week. "" once there are enough, or before any."""
    if not weeks or len(weeks) >= TREND_WEEKS:
        return ""
    return (
        f"Trends need at least {TREND_WEEKS} weeks: {so_far} in the week of "
        f"{text.day(weeks[0])}. That week's numbers are below; the chart appears once you "
        f"{until} in another week."
    )


def trend_too_soon(weekly: pd.DataFrame) -> str:
    """Said instead of the weekly chart while `weekly` (`funnel_by_week`) has fewer than
    `TREND_WEEKS` weeks: in a first week one group of bars, drawn as weeks, read as a trend
    (walkthrough). "" once there are enough, or before any (nothing to say of a week)."""
    return too_soon_for_trend(
        list(weekly["week"]),
        "everyone you contacted so far was first written to",
        "first write to someone",
    )


def minutes_kept(conn: duckdb.DuckDBPyConnection) -> MinutesKept:
    """Across held meetings with the actual time recorded: did they keep to the promise
    (give or take `GRACE_MINUTES`)?"""
    count, promised, actual, kept = conn.execute(
        "SELECT count(*), avg(promised_minutes), avg(actual_minutes),"
        " count(*) FILTER (WHERE actual_minutes <= promised_minutes + ?)"
        " FROM meetings WHERE status = 'held' AND actual_minutes IS NOT NULL",
        [GRACE_MINUTES],
    ).fetchall()[0]
    return MinutesKept(int(count), promised, actual, int(kept))


def minutes_buckets(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Held meetings by how far they ran past the promise (columns group, meetings): the
    first three buckets are the meetings `minutes_kept` counts as kept."""
    rows = conn.execute(
        """
        SELECT CASE WHEN actual_minutes < promised_minutes THEN 0
                    WHEN actual_minutes = promised_minutes THEN 1
                    WHEN actual_minutes <= promised_minutes + ? THEN 2
                    ELSE 3 END AS bucket,
               count(*)
        FROM meetings WHERE status = 'held' AND actual_minutes IS NOT NULL
        GROUP BY bucket
        """,
        [GRACE_MINUTES],
    ).fetchall()
    counts = dict(rows)
    return pd.DataFrame(
        {"group": list(MINUTE_BUCKETS), "meetings": [int(counts.get(i, 0)) for i in range(4)]}
    )
