"""The user: name, current role, what they need to learn, holidays, and what they ruled out.

Ruling out a company or a whole industry is a result of the campaign (you learned you don't
want it), so the home page counts it; nothing is due for what was ruled out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb

from infoint import clock, db
from infoint.errors import InvalidInputError, NotFoundError
from infoint.text import counted, joined, typed_day
from infoint.text import day as written_day

# The same three needs tag the question bank (`questions.need`).
FOCUS_KINDS = ("occupation", "industry", "company")
FOCUS_KIND_LABELS = {
    "occupation": "An occupation: what the work is like",
    "industry": "An industry: how it works and where it is going",
    "company": "Company fit: which employer suits you",
}
FOCUS_KIND_SHORT = {
    "occupation": "an occupation",
    "industry": "an industry",
    "company": "which company fits you",
}
_HOLIDAY_SPLIT = re.compile(r"[\s,;]+")
# What `typed_day` reads: day/month/year (with slashes, dots or dashes) or YYYY-MM-DD.
_NUMERIC_DAY = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2}")
# A day as the app writes one ('24 Dec 2026', `text.day`), or with the month in full; its
# month is looked up in `_MONTHS`, so 'Christmas 2026' is no date.
_NAMED_DAY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\b")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS = {
    **{name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}


@dataclass(frozen=True)
class Profile:
    name: str
    job_title: str
    focus_kind: str
    focus: str
    focus_detail: str
    holidays: tuple[date, ...]
    time_zone: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else ""


@dataclass(frozen=True)
class RuledOutIndustry:
    industry: str
    reason: str
    ruled_out_on: date


@dataclass(frozen=True)
class RuledOutSummary:
    companies: int
    industries: int
    # Companies on the user's list (targets, researching) in a ruled-out industry: with
    # `companies`, the "ruled out" under Home's targets.
    in_industries: int = 0

    @property
    def total(self) -> int:
        return self.companies + self.industries

    @property
    def sentence(self) -> str:
        """What ruling out achieved, said as a result."""
        if not self.total:
            return ""
        parts = []
        if self.companies:
            parts.append(counted(self.companies, "company", "companies"))
        if self.industries:
            parts.append(counted(self.industries, "industry", "industries"))
        more = ""
        if self.in_industries:
            taken = counted(self.in_industries, "more company", "more companies")
            more = f", which takes {taken} off your list"
        return (
            f"You have ruled out {' and '.join(parts)}{more}. Knowing what you don't want "
            "narrows the search: that is progress."
        )


# A bad holiday line is quoted up to this many characters: a paragraph pasted by mistake
# would otherwise fill the message.
_QUOTED = 40
# Bad holiday lines named in one message; beyond these, a count.
_BAD_LINES_NAMED = 5
_HOLIDAY_FORMS = "write each holiday as 25 Dec 2026 or 25/12/2026 and save again."


class _BadHolidayLine(InvalidInputError):
    """A holiday line that is not a date: `str()` says so for that line alone; `quoted` and
    `why` ("there is no 31 February 2027", or '' for no date at all) name it among others."""

    def __init__(self, sentence: str, quoted: str, why: str = "") -> None:
        super().__init__(sentence)
        self.quoted = quoted
        self.why = why


def parse_holidays(text: str) -> tuple[date, ...]:
    """Dates written as the app writes them (24 Dec 2026), day first (25/12/2026) or as
    YYYY-MM-DD, separated by commas, spaces or lines; sorted, unique.

    Every line that is not a date is named in one refusal, by its number in the box, so the
    user fixes them all at once (named one at a time, each save brought the next)."""
    days: set[date] = set()
    bad: list[tuple[int, _BadHolidayLine]] = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        try:
            days.update(_holiday_line(line))
        except _BadHolidayLine as exc:
            bad.append((number, exc))
    if len(bad) == 1:
        raise bad[0][1]
    if bad:
        raise InvalidInputError(_bad_lines_sentence(bad))
    return tuple(sorted(days))


def _bad_lines_sentence(bad: list[tuple[int, _BadHolidayLine]]) -> str:
    """'Lines 3 and 7 are not dates: 'Xmas' and '31/02/2026' (there is no 31 February
    2026); write each holiday as …'; past `_BAD_LINES_NAMED`, the first of them and a count."""
    named = bad[:_BAD_LINES_NAMED]
    numbers = joined([str(number) for number, _ in named])
    quotes = [f"{exc.quoted} ({exc.why})" if exc.why else exc.quoted for _, exc in named]
    if len(bad) > len(named):
        which = f"{len(bad):,} lines are not dates, the first of them lines {numbers}"
    else:
        which = f"Lines {numbers} are not dates"
    return f"{which}: {joined(quotes)}; {_HOLIDAY_FORMS}"


def _quoted(line: str) -> str:
    line = line.strip()
    return f"'{line[:_QUOTED]}…'" if len(line) > _QUOTED else f"'{line}'"


def _holiday_line(line: str) -> list[date]:
    """The dates on one line. A word that is no date at all is refused with the whole line
    quoted: 'not a date' said as "'not' is not a date" reads as if part of it were one."""
    named: list[date] = []

    def take(found: re.Match[str]) -> str:
        month = _MONTHS.get(found[2].lower())
        if month is None:  # left in place: the line is refused below
            return found[0]
        named.append(_named_day(int(found[1]), month, int(found[3]), line))
        return " "

    tokens = [token for token in _HOLIDAY_SPLIT.split(_NAMED_DAY.sub(take, line)) if token]
    if any(not _NUMERIC_DAY.fullmatch(token) for token in tokens):
        raise _BadHolidayLine(f"{_quoted(line)} is not a date; {_HOLIDAY_FORMS}", _quoted(line))
    return named + [_typed_holiday(token, line) for token in tokens]


def _typed_holiday(token: str, line: str) -> date:
    """`typed_day` of one token of `line`, its refusal said for the line too."""
    try:
        return typed_day(token, "holiday")
    except InvalidInputError as exc:
        numbers = [int(part) for part in re.findall(r"\d+", token)]
        iso = re.match(r"\d{4}-", token)  # YYYY-MM-DD, else day/month/year
        year, month, day_number = numbers if iso else numbers[::-1]
        if not 1 <= month <= 12:
            why = f"there is no month {month}"
        elif year >= 1:
            why = f"there is no {day_number} {_MONTH_NAMES[month - 1]} {year}"
        else:
            why = ""
        raise _BadHolidayLine(str(exc), _quoted(line), why) from None


def _named_day(day_number: int, month: int, year: int, line: str) -> date:
    """The day, or the sentence `typed_day` gives for one that does not exist."""
    try:
        return date(year, month, day_number)
    except ValueError:
        why = f"there is no {day_number} {_MONTH_NAMES[month - 1]} {year}"
        raise _BadHolidayLine(f"T{why[1:]}; check that holiday.", _quoted(line), why) from None


def _a_year_before(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def get_profile(conn: duckdb.DuckDBPyConnection) -> Profile:
    rows = conn.execute(
        "SELECT name, job_title, focus_kind, focus, focus_detail, holidays, time_zone"
        " FROM profile WHERE id = 1"
    ).fetchall()
    name, job_title, focus_kind, focus, detail, holidays, time_zone = rows[0]
    return Profile(name, job_title, focus_kind, focus, detail, parse_holidays(holidays), time_zone)


def holidays(conn: duckdb.DuckDBPyConnection) -> tuple[date, ...]:
    """The days the user does not count as business days."""
    return get_profile(conn).holidays


def zone(conn: duckdb.DuckDBPyConnection) -> ZoneInfo:
    """The user's time zone: the one chosen, else this machine's (see `infoint.clock`)."""
    return clock.resolve_zone(get_profile(conn).time_zone)


def zone_label(zone: ZoneInfo, at: datetime) -> str:
    """'Berlin (Europe), now UTC+1', or 'UTC': a zone as people say it, not 'Europe/Berlin'."""
    offset = at.astimezone(zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    sign = "+" if minutes >= 0 else "\u2212"
    utc = "UTC" if not minutes else f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    region, _, place = zone.key.partition("/")
    if not place or region == "Etc":  # 'UTC', 'Etc/UTC', 'Etc/GMT+5': the offset says it all
        return utc
    return f"{zone_place(zone.key)}, now {utc}"


def zone_place(key: str) -> str:
    """'Berlin (Europe)' for 'Europe/Berlin', as a list of zones names them; 'UTC' for UTC and
    its aliases. Other 'Etc/…' zones keep their key: 'Etc/GMT+5' is five hours behind UTC,
    which 'GMT+5' alone would say the other way round."""
    if key in ("UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu"):
        return "UTC"
    region, _, place = key.partition("/")
    if not place or region == "Etc":
        return key
    return f"{place.rpartition('/')[2].replace('_', ' ')} ({region})"


def now(conn: duckdb.DuckDBPyConnection) -> datetime:
    """The moment, on the user's clock (aware, in their zone); its date is their today."""
    return datetime.now(zone(conn))


def save_profile(
    conn: duckdb.DuckDBPyConnection,
    *,
    name: str,
    job_title: str,
    focus_kind: str,
    focus: str,
    focus_detail: str = "",
    holidays_text: str = "",
) -> Profile:
    """Store the user's profile and focus; holidays as text (see `parse_holidays`)."""
    if focus_kind not in FOCUS_KINDS:
        raise InvalidInputError(
            "Choose what you need to learn: an occupation, an industry or a company fit."
        )
    fields = {
        "name": name.strip(),
        "job_title": job_title.strip(),
        "focus": focus.strip(),
        "focus_detail": focus_detail.strip(),
    }
    check_lengths(fields)
    days = parse_holidays(holidays_text)
    with db.transaction(conn):
        conn.execute(
            "UPDATE profile SET name = ?, job_title = ?, focus_kind = ?, focus = ?,"
            " focus_detail = ?, holidays = ? WHERE id = 1",
            [
                fields["name"],
                fields["job_title"],
                focus_kind,
                fields["focus"],
                fields["focus_detail"],
                "\n".join(d.isoformat() for d in days),
            ],
        )
    return get_profile(conn)


def _limits() -> dict[str, tuple[str, int]]:
    """The profile's text fields: how a refusal names each, and the most characters it takes.
    The name, role and focus are short phrases the templates and Home put in a sentence, so
    they take as much as a name anywhere (`targets.NAME_LIMIT`); the detail is a note
    (`contacts.NOTES_LIMIT`)."""
    # Imported here: both modules import, through others, this one.
    from infoint.contacts import NOTES_LIMIT
    from infoint.targets import NAME_LIMIT

    return {
        "name": ("your name", NAME_LIMIT),
        "job_title": ("your role", NAME_LIMIT),
        "focus": ("your focus in a few words", NAME_LIMIT),
        "focus_detail": ("the detail on your focus", NOTES_LIMIT),
    }


def check_lengths(fields: dict[str, str]) -> None:
    """Refuse, in one sentence naming all of them, profile fields longer than they may be
    (`_limits`); `fields` by column name, as saved (trimmed)."""
    too_long = [
        (said, limit, len(fields[field]))
        for field, (said, limit) in _limits().items()
        if len(fields.get(field, "")) > limit
    ]
    if len(too_long) == 1:
        [(said, limit, length)] = too_long
        raise InvalidInputError(
            f"{said[0].upper()}{said[1:]} can be at most {limit:,} characters; "
            f"this has {length:,}: shorten it and save again."
        )
    if too_long:
        named = joined(
            [
                f"{said} ({length:,} characters, at most {limit:,})"
                for said, limit, length in too_long
            ]
        )
        raise InvalidInputError(f"These are too long: {named}; shorten them and save again.")


# What a saved profile holds beside the time zone (set apart, with its own control), each as
# a refusal or a notice names it.
_FORM_FIELDS = (
    ("name", "your name"),
    ("job_title", "your role"),
    ("focus_kind", "what kind of thing you need to learn"),
    ("focus", "what you need to learn"),
    ("focus_detail", "the detail on your focus"),
    ("holidays", "your holidays"),
)
_ALL_BLANK = (
    "Your name, role and what you need to learn are {now}; fill them in for your message "
    "templates and Home."
)
_FILL_IN = (
    "fill in your name and role for your message templates, and what you need to learn, in a "
    "few words, for Home."
)


def profile_changed(before: Profile, after: Profile) -> bool:
    """Whether a save changed anything the profile form holds (the time zone aside)."""
    return any(getattr(before, field) != getattr(after, field) for field, _ in _FORM_FIELDS)


def _blank_parts(me: Profile) -> list[str]:
    return [
        part
        for part, filled in (
            ("your name", me.name),
            ("your role", me.job_title),
            ("what you need to learn", me.focus),
        )
        if not filled
    ]


def _in_use(me: Profile) -> list[str]:
    used = []
    if me.name or me.job_title:
        said = " and ".join(
            part for part, filled in (("name", me.name), ("role", me.job_title)) if filled
        )
        used.append(f"templates use your {said}")
    if me.focus:
        used.append("Home shows your focus")
    if me.holidays:
        used.append(f"follow-ups skip your {counted(len(me.holidays), 'holiday')}")
    return used


def nothing_to_save_sentence(me: Profile) -> str:
    """What a save that changed nothing says: no save is claimed, and what to fill in. A new
    user sent the blank form and read 'Saved, but your profile is still blank', a save of
    nothing."""
    if not _in_use(me):
        return f"Nothing to save yet: {_FILL_IN}"
    blank = _blank_parts(me)
    still = f" Still blank: {joined(blank)}." if blank else ""
    return f"Nothing changed, so there was nothing to save.{still}"


def saved_sentence(me: Profile, before: Profile | None = None) -> str:
    """What the saved profile does now, and what is still blank: a blank form saved is not
    done, and saying "Home shows your focus" then promises what Home will not show. With
    `before`, a profile emptied on purpose names what was cleared."""
    used = _in_use(me)
    blank = _blank_parts(me)
    if not used:
        cleared = [
            said
            for field, said in _FORM_FIELDS
            if before is not None and getattr(before, field) and not getattr(me, field)
        ]
        if cleared:
            return f"Saved: you cleared {joined(cleared)}. {_ALL_BLANK.format(now='all blank now')}"
        return f"Saved. {_ALL_BLANK.format(now='still blank')}"
    done = "; ".join(used)
    still = f" Still blank: {joined(blank)}." if blank else ""
    return f"Saved. {done[0].upper()}{done[1:]}.{still}"


def long_past_warning(me: Profile, today: date) -> str:
    """A word on holidays more than a year ago; '' if none.

    They are saved, not refused: such a day is no harm, only of no use (follow-ups fall due
    days after a recent message, so it changes none), and a holiday saved last year grows
    old in the box, where a refusal would then block the next change of name. But it is
    most likely a mistyped year (01/01/1990 for 2027), so it is named after every save.
    """
    earliest = _a_year_before(today)
    old = [written_day(holiday) for holiday in me.holidays if holiday < earliest]
    if not old:
        return ""
    if len(old) == 1:
        return (
            f"{old[0]} is more than a year ago, so it cannot change when a follow-up is due: "
            "check its year, or remove it."
        )
    return (
        f"{joined(old)} are more than a year ago, so they cannot change when a follow-up is "
        "due: check their years, or remove them."
    )


def far_ahead_warning(me: Profile, today: date) -> str:
    """A word on holidays after the end of next year; '' if none.

    The mirror of `long_past_warning`: saved, not refused. Next year's holidays are typed
    in November, so a year from today would be too near (25/12/2027 is right on 27 Nov
    2026); after next year, though, 25/12/2206 for 2026 is most likely a mistyped year.
    """
    latest = date(today.year + 1, 12, 31)
    far = [written_day(holiday) for holiday in me.holidays if holiday > latest]
    if not far:
        return ""
    if len(far) == 1:
        return (
            f"{far[0]} is after the end of next year, so it will not change when a follow-up "
            "is due for a long while: check its year."
        )
    return (
        f"{joined(far)} are after the end of next year, so they will not change when a "
        "follow-up is due for a long while: check their years."
    )


def focus_summary(conn: duckdb.DuckDBPyConnection) -> str:
    """One line for the home page saying what the user is learning about; '' if not set."""
    current = get_profile(conn)
    if not current.focus:
        return ""
    line = f"You are learning about {FOCUS_KIND_SHORT[current.focus_kind]}: {current.focus}."
    if detail := current.focus_detail:  # a sentence of its own after the full stop
        line += f" {detail[0].upper()}{detail[1:]}"
    return line


def _industry_key(industry: str) -> str:
    return " ".join((industry or "").split()).lower()


def industry_key_sql(expr: str) -> str:
    """SQL for `_industry_key` of a column: 'Retail ' and 'retail' are one industry, written
    once so every comparison with the ruled-out industries matches them alike."""
    return f"lower(regexp_replace(trim({expr}), '\\s+', ' ', 'g'))"


def rule_out_industry(conn: duckdb.DuckDBPyConnection, industry: str, reason: str) -> None:
    """Record that a whole industry is not for the user; ruling it out again updates the reason."""
    from infoint import targets  # here: targets imports this module

    name = " ".join((industry or "").split())
    if not name:
        raise InvalidInputError("Name the industry you want to rule out.")
    targets.check_industry_length(name)
    if not (reason or "").strip():
        raise InvalidInputError(
            f"Say why you are ruling out {name}: what you learned is worth keeping."
        )
    targets.check_reason(reason.strip(), name)
    with db.transaction(conn):
        conn.execute(
            f"DELETE FROM ruled_out_industries WHERE {industry_key_sql('industry')} = ?",
            [_industry_key(name)],
        )
        conn.execute(
            "INSERT INTO ruled_out_industries (industry, reason) VALUES (?, ?)",
            [name, reason.strip()],
        )


def bring_back_industry(conn: duckdb.DuckDBPyConnection, industry: str) -> None:
    """Undo ruling out an industry (the user changed their mind)."""
    with db.transaction(conn):
        gone = conn.execute(
            "DELETE FROM ruled_out_industries"
            f" WHERE {industry_key_sql('industry')} = ? RETURNING 1",
            [_industry_key(industry)],
        ).fetchall()
    if not gone:
        raise NotFoundError(f"'{industry}' is not among the ruled-out industries.")


def list_ruled_out_industries(conn: duckdb.DuckDBPyConnection) -> list[RuledOutIndustry]:
    rows = conn.execute(
        "SELECT industry, reason, CAST(ruled_out_at AS DATE) FROM ruled_out_industries"
        " ORDER BY lower(industry)"
    ).fetchall()
    return [RuledOutIndustry(*row) for row in rows]


# Companies out of the campaign: ruled out themselves or by their industry. A condition on
# a companies row aliased `co`, for the modules that must skip them (follow-ups, suggestions).
RULED_OUT_COMPANY_SQL = (
    "(co.status = 'ruled_out' OR "
    + industry_key_sql("coalesce(co.industry, '')")
    + f" IN (SELECT {industry_key_sql('industry')} FROM ruled_out_industries))"
)


def ruled_out_company_ids(conn: duckdb.DuckDBPyConnection) -> set[int]:
    """Ids of companies ruled out directly or through their industry."""
    rows = conn.execute(f"SELECT co.id FROM companies co WHERE {RULED_OUT_COMPANY_SQL}").fetchall()
    return {int(row[0]) for row in rows}


def ruled_out_summary(conn: duckdb.DuckDBPyConnection) -> RuledOutSummary:
    """How many companies and industries the user ruled out, and the listed companies the
    industries take off the list."""
    companies, industries, in_industries = conn.execute(
        "SELECT (SELECT count(*) FROM companies WHERE status = 'ruled_out'),"
        f" (SELECT count(DISTINCT {industry_key_sql('industry')})"
        "  FROM ruled_out_industries),"
        f" (SELECT count(*) FROM companies co WHERE co.status IN ('target', 'researching')"
        f"  AND {RULED_OUT_COMPANY_SQL})"
    ).fetchall()[0]
    return RuledOutSummary(int(companies), int(industries), int(in_industries))
