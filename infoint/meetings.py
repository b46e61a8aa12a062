"""Meetings: scheduled, then held (or cancelled, or a no-show). A held one makes a contact Met."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import duckdb

from infoint import business_days, clock, db, interactions, profile, referrals, targets, text
from infoint.contacts import (
    NOTES_LIMIT,
    PERSON_NOTES,
    check_notes,
    employer,
    employer_sql,
    require_contact,
    words_condition,
)
from infoint.errors import InvalidInputError, NotFoundError

STATUSES = ("scheduled", "held", "cancelled", "no_show")
STATUS_LABELS = {
    "scheduled": "Scheduled",
    "held": "Held",
    "cancelled": "Cancelled",
    "no_show": "No-show",
}
DEFAULT_MINUTES = 20
# The time a meeting may promise, as the page's boxes say it: five minutes to four hours.
PROMISED_MINUTES = (5, 240)
# A thank-you or a debrief more than this many days late is no longer worth a reminder
# (and an imported history would otherwise flood the due-now list).
STALE_AFTER_DAYS = 30
# A thank-you more than a week after the meeting is late: the reminder says so, kindly.
THANKS_LATE_AFTER_DAYS = 7
# How many meetings a search by person lists, newest first.
FOUND_SHOWN = 30
# Session-state key another page sets (then switches to the Meetings page) to open a meeting.
OPEN_MEETING_KEY = "meeting_chosen"
# The years a meeting may be in (`_check_year`): years back for a history being logged.
EARLIEST_YEAR, LATEST_YEAR = interactions.EARLIEST_YEAR, 2200


@dataclass(frozen=True)
class Meeting:
    id: int
    contact_id: int
    starts_at: datetime
    promised_minutes: int
    actual_minutes: int | None
    place: str
    status: str
    prep_notes: str
    notes: str


_COLUMNS = (
    "id, contact_id, starts_at, promised_minutes, actual_minutes, place, status, prep_notes, notes"
)
# What the sentence of `check_notes` calls each: the page asks "What do you want to learn from
# this conversation?" for the first.
PREP_NOTES = "Notes on what you want to learn"
MEETING_NOTES = "Notes on a meeting"
_KEPT_LINES_COUNTED = (
    "That count includes the lines from the names box that name no one, which are kept with "
    "the notes: shorten the notes or those lines."
)


def _check_minutes(minutes: int | None, what: str) -> None:
    if minutes is not None and not 1 <= minutes <= 600:
        raise InvalidInputError(f"The {what} must be between 1 and 600 minutes.")


def check_promised_minutes(minutes: int) -> None:
    """Refuse a promised time outside `PROMISED_MINUTES`, in one sentence that says the range
    (the page's box has no bounds of its own: out of them it only turned red, without a word)."""
    low, high = PROMISED_MINUTES
    if not low <= minutes <= high:
        raise InvalidInputError(f"The minutes you promise must be between {low} and {high}.")


def schedule_meeting(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    starts_at: datetime,
    *,
    promised_minutes: int = DEFAULT_MINUTES,
    place: str = "",
    prep_notes: str = "",
) -> int:
    """Put a meeting in the calendar.

    `starts_at` is a moment; without a time zone it is read as wall time in the user's zone,
    as they typed it (`infoint.clock`).
    """
    check_promised_minutes(promised_minutes)
    check_notes(prep_notes, PREP_NOTES)
    require_contact(conn, contact_id)
    check_after_first_contact(conn, contact_id, starts_at)
    with db.transaction(conn):
        row = conn.execute(
            "INSERT INTO meetings (contact_id, starts_at, promised_minutes, place, prep_notes)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            [contact_id, _moment(conn, starts_at), promised_minutes, place.strip(), prep_notes],
        ).fetchall()
    return int(row[0][0])


# What makes the first contact with someone: a message that asks (a reply needs one before
# it). Not a thank-you: it follows a meeting, and someone met before any message was logged
# (introduced at the meeting before) would have that meeting refused at every change.
FIRST_CONTACT_KINDS = ("outreach", "follow_up")


def check_after_first_contact(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    starts_at: datetime,
    *,
    was: datetime | None = None,
) -> None:
    """Refuse a meeting on a day before the first message to this person, as a reply before it
    is refused (`interactions.check_reply_answered`): moved to 27 Nov, a meeting set up by a
    message of 28 Nov was accepted and debriefed. Someone never written to may meet any day.
    `was`: the start before a change; one kept (to the minute) is not refused, so a meeting
    logged before the first message still takes a new place."""
    moment = _moment(conn, starts_at)
    if was is not None and _to_minute(_moment(conn, was)) == _to_minute(moment):
        return
    first = conn.execute(
        "SELECT CAST(min(occurred_at) AS DATE) FROM interactions"
        " WHERE contact_id = ? AND list_contains(?, kind)",
        [contact_id, list(FIRST_CONTACT_KINDS)],
    ).fetchall()[0][0]
    day = moment.astimezone(profile.zone(conn)).date()
    if first is not None and day < first:
        raise InvalidInputError(
            f"Your first message to this person is logged on {text.day(first)}, and a meeting "
            f"comes after it: pick {text.day(first)} or a later day, or correct that message "
            "first."
        )


def _moment(conn: duckdb.DuckDBPyConnection, starts_at: datetime) -> datetime:
    _check_year(starts_at)
    return starts_at if starts_at.tzinfo else starts_at.replace(tzinfo=profile.zone(conn))


def _check_year(day: date) -> None:
    """Time zone sums overflow near the calendar's ends (years 1 and 9999), and the date
    pickers take any day, so a meeting keeps to years no real one lies outside."""
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise InvalidInputError(
            f"The year {day.year} is out of reach: pick a date from {EARLIEST_YEAR} to "
            f"{LATEST_YEAR}."
        )


def _to_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def get_meeting(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> Meeting:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM meetings WHERE id = ?", [meeting_id]).fetchall()
    if not rows:
        raise NotFoundError("That meeting no longer exists.")
    return Meeting(*rows[0])


def _require_started(conn: duckdb.DuckDBPyConnection, meeting: Meeting, status: str) -> None:
    """Only a meeting whose start has come can have been held or missed: a wrong click must not
    count someone as Met before you have met them."""
    if status not in ("held", "no_show") or meeting.starts_at <= datetime.now(UTC):
        return
    start = meeting.starts_at.astimezone(profile.zone(conn))
    raise InvalidInputError(
        f"This meeting is on {text.moment(start)}, still ahead: change its date first if it moved."
    )


def debrief_ahead(starts_at: datetime, shown: str, now: datetime) -> str | None:
    """Said at the top of the Debrief tab of a meeting still ahead, before the user fills it
    in (saving it as held is refused, `_require_started`); `shown` is its start as the user's
    clock says it. None once the start has come."""
    if starts_at <= now:
        return None
    return (
        f"This meeting is still ahead: its debrief opens when it starts, on {shown}. If it "
        "was cancelled, mark it so below; if it took place earlier, change its date in the "
        "Change tab first."
    )


def set_outcome(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    status: str,
    *,
    actual_minutes: int | None = None,
    notes: str | None = None,
) -> None:
    """Record how a meeting went: held (with its actual length), cancelled or a no-show."""
    if status not in STATUSES:
        raise InvalidInputError(f"'{status}' is not a meeting status infoint knows.")
    _check_minutes(actual_minutes, "actual time")
    meeting = get_meeting(conn, meeting_id)
    if notes is not None:
        check_notes(notes, MEETING_NOTES, meeting.notes)
    _require_started(conn, meeting, status)
    with db.transaction(conn):
        conn.execute(
            "UPDATE meetings SET status = ?, actual_minutes = ?, notes = coalesce(?, notes)"
            " WHERE id = ?",
            [status, actual_minutes if status == "held" else None, notes, meeting_id],
        )


def list_meetings(conn: duckdb.DuckDBPyConnection, contact_id: int) -> list[Meeting]:
    """A contact's meetings, newest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM meetings WHERE contact_id = ? ORDER BY starts_at DESC",
        [contact_id],
    ).fetchall()
    return [Meeting(*row) for row in rows]


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting with who and where, as the meetings list shows it."""

    id: int
    contact_id: int
    person: str
    company: str  # '' for none, or a placeholder such as 'N/A' (`contacts.employer_sql`)
    starts_at: datetime
    promised_minutes: int
    actual_minutes: int | None
    place: str
    status: str
    prepared: bool
    thanked: bool
    company_id: int | None

    @property
    def title(self) -> str:
        """'Ana Lee (Acme)': the person, with their company when known."""
        return f"{self.person} ({self.company})" if self.company else self.person


def _details_beside(company: str, details: tuple[str, ...]) -> tuple[str, ...]:
    """The company when known, then whatever else of `details` tells the person apart."""
    said = [company] if company else []
    said += [part for part in details if part.lower() != company.lower()]
    return tuple(said)


def person_told_apart(person: str, company: str, details: tuple[str, ...]) -> str:
    """'Ana Lee (Acme)': the person with their company when known, and what else tells them
    apart from contacts of the same name (`referrals.names_apart`): 'Ana Lee (Acme, Engineer)'
    for one of two Ana Lees at Acme, so a title names one person."""
    return referrals.told_apart(person, _details_beside(company, details))


def details_beside_names(
    conn: duckdb.DuckDBPyConnection, found: Iterable[MeetingSummary]
) -> dict[int, tuple[str, ...]]:
    """By meeting id, what is said beside its person's name (`person_told_apart`): their
    company when known, and for one of two Ana Lees at Acme what tells her apart, ('Acme',
    'Engineer'); () for someone with no company and no namesake."""
    found = list(found)
    apart = referrals.names_apart(conn, [m.contact_id for m in found])
    return {m.id: _details_beside(m.company, apart.get(m.contact_id, ())) for m in found}


def titles(conn: duckdb.DuckDBPyConnection, found: Iterable[MeetingSummary]) -> dict[int, str]:
    """Each meeting's title by its id, its person told apart from contacts of the same name
    (`person_told_apart`): two Ana Lees at Acme read 'Ana Lee (Acme, Engineer)' and 'Ana Lee
    (Acme, Designer)' where `MeetingSummary.title` read both alike; everyone else as there."""
    found = list(found)
    said = details_beside_names(conn, found)
    return {m.id: referrals.told_apart(m.person, said[m.id]) for m in found}


@dataclass(frozen=True)
class PickedQuestion:
    id: int  # the meeting_questions row
    question_id: int | None
    text: str
    answer: str


@dataclass(frozen=True)
class PrepSheet:
    meeting: Meeting
    person: str
    company_id: int | None
    company: str  # as on their record, a placeholder such as 'N/A' too (see `employer`)
    company_notes: str
    person_notes: str
    questions: tuple[PickedQuestion, ...]
    # held meetings at the same company, this one aside; none at a placeholder such as 'N/A'
    earlier_meetings_there: int

    @property
    def employer(self) -> str:
        """The company to read up on: '' for none, and for a placeholder such as 'N/A' or
        'Self-employed' (`contacts.employer`), which names no company: everyone whose record
        says 'N/A' shares its one row of notes, yet they do not work together."""
        return employer(self.company)

    @property
    def no_company(self) -> str:
        """What the sheet says in place of notes on a company their record only seems to
        name ('N/A'); '' otherwise."""
        if not self.company or self.employer:
            return ""
        return (
            f"“{self.company}” on {self.person}'s record names no company, so there is none to "
            f"read up on: notes on their work go in “About {self.person}”."
        )

    @property
    def kept_under_placeholder(self) -> str:
        """What the sheet says over notes saved before on a placeholder 'company' such as 'N/A'
        (shown, so nothing the user wrote is hidden, and theirs to move or clear); '' when
        there are none."""
        if not self.no_company or not self.company_notes.strip():
            return ""
        return (
            f"These were saved earlier as notes on “{self.company}”, which everyone whose "
            "record says so shares, though they do not work together. Move what is about "
            f"{self.person} to “About {self.person}”, and clear the rest if you like."
        )

    @property
    def answers_go(self) -> str:
        """Where the debrief's answers are kept, said over them."""
        if self.employer:
            return (
                "each answer is also added to the company notes. When those notes are full, "
                "the answers are kept here, with this meeting, and saving says so."
            )
        return "kept with this meeting, as their record names no company to add them to."

    @property
    def met_there(self) -> str:
        """'You have met 2 other people at this company', and where what they said is: the
        company notes, only when they hold answers a debrief put there (`_answers_block`);
        notes the user typed themselves are theirs, not what someone told them."""
        if not self.earlier_meetings_there:
            return ""
        others = text.counted(self.earlier_meetings_there, "other person", "other people")
        met = f"You have met {others} at this company"
        if _holds_answers(self.company_notes, self.meeting.id):
            return f"{met}; what they told you is in the notes on the company below."
        if self.company_notes.strip():
            return f"{met}. Your own notes on the company are below."
        return f"{met}."


# A block of answers in the company notes (`_answers_block`) is keyed by its meeting's id,
# written in characters that show as nothing between two word joiners (`_key`): the notes read
# "Answers from the meeting with Ana Lee on 10 Mar 2026:", as a user knows no meeting ids,
# while a corrected debrief, or the demo's removal, still finds the block of its own meeting,
# whatever the person is called or the day is by then. Blocks written before named the
# meeting in words ("… on 10 Mar 2026 (meeting 12):", "(End of the answers from meeting
# 12.)"): they are found, replaced and taken out all the same, and rewritten in the new form.
ANSWERS_KEY_MARK = "\u2060"  # word joiner
_KEY_BITS = "\u200b\u200c"  # zero-width space for 0, zero-width non-joiner for 1
_ANY_KEY = f"{ANSWERS_KEY_MARK}([{_KEY_BITS}]+){ANSWERS_KEY_MARK}"
_ANSWERS_END = "(End of these answers.)"


def answers_key(meeting_id: int) -> str:
    """The meeting's id as the notes keep it, unseen (`ANSWERS_KEY_MARK`)."""
    return (
        ANSWERS_KEY_MARK
        + "".join(_KEY_BITS[int(bit)] for bit in f"{meeting_id:b}")
        + ANSWERS_KEY_MARK
    )


def _key_id(bits: str) -> int:
    return int("".join(str(_KEY_BITS.index(bit)) for bit in bits), 2)


# The first line of a debrief's answers in the company notes: the block, keyed or in the form
# written before (`_key`), or the note older versions wrote ("2026-03-10 — from Ana Lee:").
_ANSWERS_HEADING = re.compile(
    rf"^(?:Answers from the meeting with .*?(?: \(meeting (\d+)\):|:{_ANY_KEY})"
    r"|\d{4}-\d{2}-\d{2} — from .+:)$",
    re.MULTILINE,
)


def _heading_meeting(found: re.Match[str]) -> int | None:
    """The meeting an `_ANSWERS_HEADING` names, None for an older version's note."""
    if found.group(1):
        return int(found.group(1))
    return _key_id(found.group(2)) if found.group(2) else None


def answered_meetings(notes: str) -> set[int]:
    """The meetings whose block of answers (`_answers_block`) the notes hold, in either form."""
    return {
        meeting
        for found in _ANSWERS_HEADING.finditer(notes)
        if (meeting := _heading_meeting(found)) is not None
    }


def _holds_answers(notes: str, meeting_id: int) -> bool:
    """Whether the notes hold answers from a meeting other than `meeting_id`."""
    return any(_heading_meeting(found) != meeting_id for found in _ANSWERS_HEADING.finditer(notes))


@dataclass(frozen=True)
class PersonOption:
    id: int
    label: str


@dataclass(frozen=True)
class DebriefResult:
    introductions: referrals.Introductions  # what the names given became
    # Said when the answers were not copied into the company's notes as usual: the notes too
    # full for them (kept with the meeting all the same), or holding a copy of this meeting's
    # answers the user changed, left as it is (`_company_notes_with_answers`); '' otherwise.
    notes_full: str = ""

    @property
    def referred_ids(self) -> tuple[int, ...]:
        """The new contacts the names became."""
        return self.introductions.added


# A name, as the debrief reads one: one to four words of letters (with ' - . inside, as in
# O'Neil, Lee-Ann, J.), the first and last not starting in lower case (van and de may sit
# between); a line that is not one is kept with the notes (`read_names`), not made a person.
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")
NAME_WORDS = 4
# Where the lines that name no one go in the meeting's notes, under this heading.
ALSO_SAID = "Also said when asked who else to talk to:"


@dataclass(frozen=True)
class NamesRead:
    """The "Who else should you talk to?" box, read: the people it names, and the lines that
    do not read as a person, which the debrief keeps with its notes instead."""

    people: tuple[referrals.ReferredPerson, ...]
    not_people: tuple[str, ...]
    # The lines of people this debrief introduced before (`introduced_here`) that the box no
    # longer holds: nothing undoes an introduction, so they stay, and `still_sentence` says it.
    still: tuple[str, ...] = ()
    introducer: str = ""
    # Lines naming someone it introduced before with another company or position than their
    # record's: saving links people, it does not edit them (`unchanged_sentence`).
    unchanged: tuple[str, ...] = ()

    @property
    def unchanged_sentence(self) -> str:
        """What becomes of the details typed anew for someone introduced, or ''."""
        if not self.unchanged:
            return ""
        lines = ", ".join(f"“{line}”" for line in self.unchanged)
        return (
            f"Already in your contacts, so their record stays as it was: {lines}. To change "
            "their details, open their record on the Contacts page."
        )

    @property
    def still_sentence(self) -> str:
        """What becomes of the people taken out of the box, or '' when there are none."""
        if not self.still:
            return ""
        lines = ", ".join(f"“{line}”" for line in self.still)
        return (
            f"Taken out of the names but still in your contacts, introduced by "
            f"{self.introducer}: {lines}. To change that, open their record on the Contacts page."
        )

    @property
    def kept_sentence(self) -> str:
        """What becomes of the lines that are not a person, or '' when there are none."""
        if not self.not_people:
            return ""
        lines = ", ".join(f"“{line}”" for line in self.not_people)
        it = "it is" if len(self.not_people) == 1 else "they are"
        return (
            f"Not read as a person, so kept with your notes: {lines} (write a first and last "
            f"name, or a name and their company, to add someone; {it} not a contact)."
        )


def _reads_as_name(name: str, *, with_company: bool, lower_case_ok: bool = True) -> bool:
    words = name.split()
    if not 1 <= len(words) <= NAME_WORDS or (len(words) == 1 and not with_company):
        return False
    if not all(_NAME_WORD.fullmatch(word) for word in words):
        return False
    # A name typed in lower case is still one when the line has its company after it
    # (after a comma: a dash in a sentence, 'ask about plans - she knows', names no one).
    capitalised = not (words[0][0].islower() or words[-1][0].islower())
    return capitalised or (with_company and lower_case_ok)


def read_names(typed: str, known: dict[str, referrals.ReferredPerson] | None = None) -> NamesRead:
    """The people named, one a line as 'name; company; position'.

    `known`: lines that already stand for a person (`introduced_here`, by `_spaced` line),
    taken as that person whatever the line holds (a comma in a LinkedIn name, say).

    The parts are split by semicolons; a line without one may use a single comma ('Jo Smith,
    Acme') or dashes with spaces around them ('Priya Patel - Quartz Games - Producer', with -,
    – or —): a dash inside a word (Lee-Ann) splits nothing. A line whose commas could fall in
    more than one place is refused, never guessed at (`referrals.parse_referred`).
    A line becomes a person only when it reads as one: a first and last name, capitalised,
    or any name followed by a company. Anything else (a sentence, 'just a first name', a
    lone word) is kept for the notes rather than made a contact; a line of commas alone is
    nothing. A line with a company but no name, or too many parts, is refused as before, and
    so is a name longer than `targets.NAME_LIMIT` (it would run across every list)."""
    people_lines, not_people, shown = [], [], []
    for number, line in enumerate(typed.splitlines(), start=1):
        if (person := (known or {}).get(_spaced(line))) is not None:
            people_lines.append("")  # the line numbers of the people stay as typed
            shown.append(dataclasses.replace(person, line=number))
            continue
        parts = referrals.referred_parts(line)
        with_company, by_commas = any(parts[1:]), "," in line or ";" in line
        if not parts[0] or _reads_as_name(
            parts[0], with_company=with_company, lower_case_ok=by_commas
        ):
            people_lines.append(line)  # blank and ", , ," lines are skipped
        else:
            people_lines.append("")  # the line numbers of the people stay as typed
            not_people.append(line.strip())
    people = referrals.parse_referred("\n".join(people_lines))
    for person in people:
        _check_referred_name(person)
    people = sorted([*people, *shown], key=lambda person: person.line)
    return NamesRead(tuple(people), tuple(dict.fromkeys(not_people)))


def _spaced(line: str) -> str:
    """A line of the names box as compared with the lines `introduced_here` shows: spaces aside."""
    return " ".join(line.split())


# The people a meeting's debrief introduced: introduced by the person met, dated at the
# meeting's start, on the user's clock, as `referrals.add_referred_people` dates them for it.
_INTRODUCED_HERE = """
    SELECT c.first_name, c.last_name, coalesce(co.name, ''), coalesce(c.position, '')
    FROM meetings m
    JOIN contacts c ON c.referred_by = m.contact_id
                   AND c.referred_at = CAST(m.starts_at AS TIMESTAMP)
    LEFT JOIN companies co ON co.id = c.company_id
    WHERE m.id = ?
    ORDER BY c.id
"""


def introduced_here(
    conn: duckdb.DuckDBPyConnection, meeting_id: int
) -> tuple[tuple[str, referrals.ReferredPerson], ...]:
    """The people this meeting's debrief introduced, each with the line the names box shows
    for them: 'name, company, position' as their record holds it now (a company left out when
    there is none, and an empty one kept before a position). Read from their records (who
    introduced them, and when), so the box opened again shows them and saving it again keeps
    them, with nothing stored twice."""
    found = []
    for first, last, company, position in conn.execute(_INTRODUCED_HERE, [meeting_id]).fetchall():
        person = referrals.ReferredPerson(first, last, company, position)
        parts = [person.name, company.strip(), position.strip()]
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        # Semicolons when a comma alone would not say which part is which (`parse_referred`).
        apart = "; " if len(parts) > 2 or any("," in part for part in parts) else ", "
        found.append((apart.join(parts), person))
    return tuple(found)


def names_box(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> str:
    """What the debrief's names box holds when opened: the people it introduced, one a line."""
    return "\n".join(line for line, _ in introduced_here(conn, meeting_id))


def read_debrief_names(conn: duckdb.DuckDBPyConnection, meeting_id: int, typed: str) -> NamesRead:
    """The names box of this meeting's debrief, read (`read_names`): a line as the box showed
    it for someone this debrief introduced stands for that person, who is then already
    introduced (`referrals.add_referred_people` adds no one for them). Someone it introduced
    whose line is gone, and whose name no line names, stays introduced: `NamesRead.still`."""
    here = introduced_here(conn, meeting_id)
    read = read_names(typed, {_spaced(line): person for line, person in here})
    named = {_spaced(person.name).casefold() for person in read.people}
    lines = typed.splitlines()
    typed_lines = {_spaced(line) for line in lines}
    shown = {_spaced(line) for line, _ in here}
    still = tuple(
        line
        for line, person in here
        if _spaced(line) not in typed_lines and _spaced(person.name).casefold() not in named
    )
    records = {_spaced(person.name).casefold(): person for _, person in here}
    unchanged = tuple(
        _spaced(lines[person.line - 1])
        for person in read.people
        if _spaced(lines[person.line - 1]) not in shown
        and (record := records.get(_spaced(person.name).casefold())) is not None
        and _details_differ(person, record)
    )
    if not still and not unchanged:
        return read
    introducer = summary(conn, meeting_id).person
    return dataclasses.replace(read, still=still, introducer=introducer, unchanged=unchanged)


def _details_differ(typed: referrals.ReferredPerson, record: referrals.ReferredPerson) -> bool:
    """Whether a line gives a company or position (any case and spacing aside) that the
    record of the person it names does not hold."""
    return any(
        _spaced(said).casefold() not in ("", _spaced(held).casefold())
        for said, held in ((typed.company, record.company), (typed.position, record.position))
    )


def _check_referred_name(person: referrals.ReferredPerson) -> None:
    """Refuse a name longer than `targets.NAME_LIMIT`, saying on which line it was typed."""
    if len(person.name) > targets.NAME_LIMIT:
        where = f"Line {person.line} has" if person.line else "One line has"
        raise InvalidInputError(
            f"{where} a name of {len(person.name):,} characters; a name can be at most "
            f"{targets.NAME_LIMIT}: write it shorter, or keep it with your notes."
        )


@dataclass(frozen=True)
class KnownPerson:
    """Someone a debrief names who is already in your contacts, and what saving changes on
    them (`new_contacts`), so the user sees it and may leave them as they are.

    Or, with `line`, someone sharing the whole name typed on that line who is at another
    company (she may have changed jobs): a new contact is added unless the user ticks that
    they are the same person, who is then linked instead, with the change said."""

    id: int
    said: str  # 'Alan Turing — Cryptanalyst at Bletchley Labs' (`person_said`)
    change: str  # 'you know them directly (1st degree): marked as introduced by …'
    line: int = 0  # for a namesake at another company: the line of the person named

    @property
    def label(self) -> str:
        """The tick box's words: who they are and what saving it ticked does."""
        return self.change if self.line else f"{self.said}, {self.change}"

    @property
    def ticked(self) -> bool:
        """As the box starts: marked as typed; a namesake elsewhere only when the user says."""
        return not self.line

    @property
    def key(self) -> str:
        """Their box's own key: one contact may be a namesake of two lines."""
        return f"same_{self.line}_{self.id}" if self.line else f"mark_{self.id}"


def _already_there(count: int) -> str:
    """'1 person already in your contacts', '2 people already in your contacts'."""
    return f"{count} {'person' if count == 1 else 'people'} already in your contacts"


# How the change on someone already in your contacts names their degree.
_DEGREE_SAID = {"1st": "1st degree", "2nd": "2nd degree", "cold": "cold"}


@dataclass(frozen=True)
class NewContacts:
    """Who saving a debrief's names would add as new contacts, and who already in your
    contacts it would mark as introduced (`new_contacts`)."""

    introducer: str
    people: tuple[str, ...]  # each as 'name — position at company' (`person_said`)
    # Those already in your contacts it marks, then namesakes at other companies of people it
    # adds (`KnownPerson.line`), each with a tick box
    existing: tuple[KnownPerson, ...] = ()
    # The line each of `people` was typed on, in its order: a namesake ticked stands for it
    lines: tuple[int, ...] = field(default=(), compare=False)

    @property
    def question(self) -> str:
        """What to ask before they are added or marked, with the boxes as they start."""
        return self.asked({known: known.ticked for known in self.existing})

    def asked(self, ticked: dict[KnownPerson, bool]) -> str:
        """What to ask before they are added or marked, with the boxes ticked so (the page
        lists `to_add` below it): the people it adds are those no namesake ticked stands for."""
        said = []
        adding = self.to_add(ticked)
        if adding:
            them = "this person" if len(adding) == 1 else f"these {len(adding)} people"
            said.append(f"Saving adds {them} to your contacts, as introduced by {self.introducer}.")
        namesakes = [known for known in self.existing if known.line]
        sure = [known for known in namesakes if ticked.get(known, False)]
        # What saving would refuse (`referrals._namesakes`), said before, not after.
        lines = [known.line for known in sure]
        if twice := [k for k in sure if [j.id for j in sure].count(k.id) > 1][:1]:
            name, _, where = twice[0].said.partition(" — ")  # 'Priya Shah (Analyst at Globex)'
            who = f"{name} ({where})" if where else name
            said.append(
                f"You ticked {who} for more than one line, and they can be only one of those "
                "people: untick all but one."
            )
        elif crowded := [line for line in lines if lines.count(line) > 1][:1]:
            typed = dict(zip(self.lines, self.people, strict=False)).get(crowded[0], "")
            said.append(
                f"You ticked {lines.count(crowded[0])} people for line {crowded[0]}"
                + (f" ({typed})" if typed else "")
                + ", and only one can be that person: untick all but one."
            )
        elif sure:
            said.append(
                "You ticked 1 person already in your contacts as the same person as one named, so "
                "no new one is added for them."
                if len(sure) == 1
                else f"You ticked {len(sure)} people already in your contacts as the same people "
                "as ones named, so no new ones are added for them."
            )
        elif len(there := {known.id for known in namesakes}) > 1:
            said.append(
                f"{len(there)} people in your contacts have the same names, at other companies: "
                "tick anyone below who is the same person, and no one new is added for them."
            )
        elif len(namesakes) > 1:  # one contact, asked about for each line of their name
            said.append(
                f"Someone in your contacts, at another company, has the name of "
                f"{len(namesakes)} people named: if they are one of them, tick that box below, "
                "and no one new is added for them."
            )
        elif namesakes:
            said.append(
                "You already have someone by that name, at another company: if it is the same "
                "person, tick the box below, and no one new is added for them."
            )
        # Those already in your contacts: the ticked are marked, the unticked left as they
        # are (a box keeps what the user chose, a second save included), and it says which.
        marking = [known for known in self.existing if not known.line]
        marks = [known for known in marking if ticked.get(known, True)]
        left = len(marking) - len(marks)
        if marks:
            also = "It also marks" if adding else "Saving marks"
            said.append(
                f"{also} {_already_there(len(marks))} as introduced by {self.introducer}"
                + (
                    f" and leaves the {left} you unticked as they are: tick or untick anyone to "
                    "change that."
                    if left
                    else ": untick anyone you want to leave as they are."
                )
            )
        elif marking:
            also = "It leaves" if adding else "Saving leaves"
            tick = "tick them" if left == 1 else "tick anyone you want"
            said.append(
                f"{also} {_already_there(left)} as they are, unticked: {tick} to mark as "
                f"introduced by {self.introducer}."
            )
        # Everyone named or marked: one is asked about in the singular, as the first sentence;
        # the answer is one of the two buttons under the question: "Yes, …" saves (adding
        # whoever is listed, the boxes as ticked), "No, let me change the names" goes back to
        # the names box, where one not to talk to is taken out. "Is this a person to talk to?"
        # alone left a new user wondering what to answer, and where; "if not, choose No and
        # change the names" left them wondering what to change (walkthrough).
        if len(self.people) + len(marking) > 1:
            said.append(
                "Are these people to talk to? If so, choose Yes; if anyone is not, choose No "
                "and take their line out."
            )
        else:
            said.append(
                "Is this someone to talk to? If so, choose Yes; if not, choose No and take "
                "their line out."
            )
        return " ".join(said)

    def to_add(self, ticked: dict[KnownPerson, bool]) -> tuple[str, ...]:
        """The people saving with these tick boxes adds: not one whose line has a namesake
        elsewhere ticked as the same person."""
        linked = {k.line for k in self.existing if k.line and ticked.get(k, False)}
        return tuple(
            person
            for person, line in zip(self.people, self.lines or (0,) * len(self.people), strict=True)
            if line not in linked
        )

    def adds(self, ticked: dict[KnownPerson, bool]) -> bool:
        """Whether saving with these tick boxes still adds someone new (`to_add`)."""
        return bool(self.to_add(ticked))

    def chosen(
        self, ticked: dict[KnownPerson, bool]
    ) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
        """What the tick boxes say, as `record_debrief` takes it: those already in your
        contacts to leave as they are (unticked), and the namesakes elsewhere who are the
        person named (ticked), each with the line they were ticked for, for that line only."""
        leave = tuple(k.id for k in self.existing if not k.line and not ticked.get(k, True))
        same = tuple((k.line, k.id) for k in self.existing if k.line and ticked.get(k, False))
        return leave, same


def new_contacts(
    conn: duckdb.DuckDBPyConnection, meeting_id: int, people: tuple[referrals.ReferredPerson, ...]
) -> NewContacts:
    """Who saving these names with the debrief would add as new contacts, without adding
    them, so the page can name them first (a line taken for a person must never become a
    contact unseen): the save's own rules run in a transaction rolled back, so they cannot
    disagree with what the save then does."""
    meeting = get_meeting(conn, meeting_id)
    if not people:
        return NewContacts(summary(conn, meeting_id).person, ())
    with db.rolled_back(conn):
        added = referrals.add_referred_people(
            conn, meeting.contact_id, list(people), introduced_at=meeting.starts_at
        )
        said = {row[0]: row[1] for row in _people_said(conn, added.added)}
    # Read once the trial is rolled back: their degree and mutual contact as they are now.
    ids = (*added.marked_ids, *(i for _, i in added.elsewhere))
    known = {row[0]: row for row in _people_said(conn, ids)}
    existing = tuple(
        KnownPerson(i, known[i][1], _change_said(added.introducer, *known[i][2:4]))
        for i in added.marked_ids
        if i in known
    )
    people_said = tuple(said[i] for i in added.added)
    # With namesakes asked about for several lines, each box names the line it is for.
    typed = dict(zip(added.added_lines, people_said, strict=True))
    several = len({line for line, _ in added.elsewhere}) > 1
    existing += tuple(
        KnownPerson(
            i,
            known[i][1],
            _namesake_said(
                added.introducer,
                *known[i][2:],
                named=f"on line {line} ({typed[line]})" if several else "",
            ),
            line,
        )
        for line, i in added.elsewhere
        if i in known
    )
    return NewContacts(added.introducer, people_said, existing, added.added_lines)


def _people_said(conn: duckdb.DuckDBPyConnection, ids: tuple[int, ...]) -> list[tuple]:
    """(id, 'name — position at company' (`person_said`), degree, mutual contact's name or
    None, name, company, position, who introduced them: their name, 'someone else' for one no
    longer there, or None) for these. The label leaves out a placeholder such as 'N/A', as
    every list of people does; the company after the name is as stored, for comparing with
    what a line names."""
    rows = conn.execute(
        "SELECT c.id, trim(c.first_name || ' ' || c.last_name),"
        f" coalesce({employer_sql('co.name')}, ''), trim(coalesce(c.position, '')), c.degree,"
        " CASE WHEN c.mutual_contact_id IS NOT NULL"
        "  THEN coalesce(nullif(trim(m.first_name || ' ' || m.last_name), ''), 'someone') END,"
        " trim(c.first_name || ' ' || c.last_name), coalesce(co.name, ''),"
        " trim(coalesce(c.position, '')),"
        " CASE WHEN c.referred_by IS NOT NULL"
        "  THEN coalesce(nullif(trim(r.first_name || ' ' || r.last_name), ''), 'someone else')"
        " END"
        " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id"
        " LEFT JOIN contacts m ON m.id = c.mutual_contact_id"
        " LEFT JOIN contacts r ON r.id = c.referred_by"
        " WHERE c.id IN (SELECT unnest(?::BIGINT[])) ORDER BY c.id",
        [list(ids)],
    ).fetchall()
    return [
        (i, person_said(name, employer, position), *rest)
        for i, name, employer, position, *rest in rows
    ]


def person_said(name: str, company: str, position: str) -> str:
    """Who someone is, each part whole however many commas it holds: 'Jo Smith — VP, Sales
    at Acme, Inc.', 'Jo Smith at Acme, Inc.', 'Jo Smith — VP, Sales', or the name alone.
    Joined with commas, 'Jo Smith, Acme, Inc., VP, Sales' could be read several ways."""
    if position:
        role = f"{position} at {company}" if company else position
        return f"{name} — {role}" if name else role
    return " at ".join(part for part in (name, company) if part)


def _change_said(introducer: str, degree: str, mutual: str | None) -> str:
    """What marking someone already in your contacts as introduced changes on their record,
    as `referrals.add_referred_people` does it."""
    return (
        f"already in your contacts ({_DEGREE_SAID.get(degree, degree)}): will be "
        f"{_marking_said(introducer, degree, mutual)}"
    )


def _marking_said(introducer: str, degree: str, mutual: str | None) -> str:
    """'marked as introduced by …', and what becomes of their mutual contact."""
    marked = f"marked as introduced by {introducer}"
    if degree == "1st":
        return f"{marked}; you know them directly, so no mutual contact is set."
    if mutual is None:
        return f"{marked}, who becomes their mutual contact."
    return f"{marked}; their mutual contact stays {mutual}."


def _namesake_said(
    introducer: str,
    degree: str,
    mutual: str | None,
    name: str,
    company: str,
    position: str,
    introduced_by: str | None,
    *,
    named: str = "",
) -> str:
    """The question about a contact at another company sharing the name typed (`KnownPerson`
    with a line), and what ticking it changes, as `referrals.add_referred_people` does it;
    `named` says which line it is for ('on line 2 (Priya Shah, Hooli)'), when several ask."""
    where = f"at {company}" + (f" ({position})" if position else "")
    same = f"the same person {named}" if named else "the same person"
    if introduced_by is not None:  # already introduced (by anyone): nothing on them changes
        return (
            f"You already have a {name}, {where}, introduced by {introduced_by}. Tick if it is "
            f"{same}, so that no new one is added: they stay as they are."
        )
    return (
        f"You already have a {name}, {where}. Tick if it is {same}, to link them rather than "
        f"add a new one: they will be {_marking_said(introducer, degree, mutual)} Their company "
        f"stays {company} until you change it."
    )


def not_added_sentence(conn: duckdb.DuckDBPyConnection, meeting_id: int, typed: str) -> str:
    """For a debrief saved as cancelled or a no-show, whose names box is not read (names come
    from a meeting that took place): the lines typed there, the people it introduced before
    aside (`introduced_here`, shown again), said not added; or '' when there are none."""
    shown = {_spaced(line) for line, _ in introduced_here(conn, meeting_id)}
    lines = [_spaced(line) for line in typed.splitlines()]
    lines = [line for line in dict.fromkeys(lines) if line.strip(", ") and line not in shown]
    if not lines:
        return ""
    quoted = ", ".join(f"“{line}”" for line in lines)
    return (
        f"Not added, as the meeting did not take place: {quoted}. If you met, choose “We met” "
        "and save again."
    )


def notes_with(notes: str, not_people: tuple[str, ...]) -> str:
    """The meeting's notes with the lines of the names box that named no one, under their
    own heading, each once however often the debrief is saved."""
    notes = notes.strip()
    have = set(notes.splitlines())
    missing = [line for line in not_people if line not in have]
    if not missing:
        return notes
    heading = [] if ALSO_SAID in have else [ALSO_SAID]
    return "\n\n".join(part for part in (notes, "\n".join([*heading, *missing])) if part)


@dataclass(frozen=True)
class MeetingDue:
    """Something a meeting needs from the user now (see `due_items`)."""

    key: str  # stable while the item means the same thing (snoozes and dismissals use it)
    kind: str  # "thank_you", "prepare" or "debrief"
    meeting_id: int
    contact_id: int
    company_id: int | None
    title: str
    detail: str
    due_on: date


def time_zone(conn: duckdb.DuckDBPyConnection) -> ZoneInfo:
    """The user's time zone, in which meeting times are typed and shown (the machine's if unset)."""
    return profile.zone(conn)


def time_zone_names() -> list[str]:
    """Every time zone the user can choose, by name (Europe/Berlin, America/New_York …)."""
    return list(_zone_names())


@functools.cache
def _zone_names() -> tuple[str, ...]:
    # Listing them walks the time zone database on disk: once per process is enough.
    return tuple(sorted(available_timezones() - {"localtime", "Factory"}))


def set_time_zone(conn: duckdb.DuckDBPyConnection, name: str) -> None:
    """Store the user's time zone; meetings keep their moment, logged times their wall time.

    An introduction a debrief dated at its meeting's start (`referrals.add_referred_people`)
    is that meeting's moment, so it moves with the meeting: else the debrief opened again no
    longer knew its people (`introduced_here`), nor a second save that they were its own.
    The database's clock follows at once (`infoint.clock`), for every cursor.
    """
    if name not in available_timezones():
        raise InvalidInputError(f"'{name}' is not a time zone infoint knows, e.g. Europe/Berlin.")
    with db.transaction(conn):
        # Read on the clock of the zone being left: the session's, until `use_profile_zone`.
        conn.execute(
            "UPDATE contacts SET referred_at = moved.at FROM ("
            " SELECT DISTINCT c.id, timezone(?, m.starts_at) AS at"
            " FROM contacts c JOIN meetings m ON m.contact_id = c.referred_by"
            "  AND c.referred_at = CAST(m.starts_at AS TIMESTAMP)) moved"
            " WHERE contacts.id = moved.id",
            [name],
        )
        conn.execute("UPDATE profile SET time_zone = ? WHERE id = 1", [name])
    clock.use_profile_zone(conn)


def local_start(day: date | None, at: time | None, zone: ZoneInfo) -> datetime:
    """The moment a meeting starts, from the date and time the user typed in their zone (a
    picker the user emptied gives None)."""
    if day is None:
        raise InvalidInputError("Pick the meeting's date.")
    if at is None:
        raise InvalidInputError("Pick the meeting's time.")
    _check_year(day)
    return datetime.combine(day, at, tzinfo=zone)


DEFAULT_START_TIME = time(10, 0)


def suggested_start(conn: duckdb.DuckDBPyConnection) -> datetime:
    """The start a new meeting is offered: the next business day at 10:00, the user's clock.
    Today at 10:00 was often already over, and the meeting landed in the past unseen."""
    mine = profile.get_profile(conn)  # read once: the page asks on every run
    zone = clock.resolve_zone(mine.time_zone)
    day = business_days.add_business_days(datetime.now(zone).date(), 1, mine.holidays)
    return local_start(day, DEFAULT_START_TIME, zone)


def scheduled_sentence(
    conn: duckdb.DuckDBPyConnection, person: str, starts_at: datetime, *, prepare_here: bool = True
) -> str:
    """What scheduling said: the start, and, for a start already past (a meeting logged
    after the fact), that it now waits for how it went rather than for preparation.

    `prepare_here`: the page has the preparation below (Meetings); else it points there."""
    start = starts_at.astimezone(profile.zone(conn))
    said = f"Scheduled with {person} for {text.moment(start)}."
    if starts_at > datetime.now(UTC):
        return f"{said} Now prepare below." if prepare_here else f"{said} Prepare it on Meetings."
    return (
        f"{said} That time has already passed: if you met, say how it went below; if not,"
        " change its date."
    )


# A start further back than this is asked about before it is saved. Reminders leave such a
# meeting alone (`due_items`), so a year typed wrong (1990 for 2026) took it off Coming up and
# every reminder without a word; last week's meeting, logged late, is saved without a question.
ASK_BEYOND_DAYS = STALE_AFTER_DAYS


def long_ago_question(
    conn: duckdb.DuckDBPyConnection,
    starts_at: datetime,
    *,
    was: datetime | None = None,
    now: datetime | None = None,
) -> str | None:
    """What to ask before saving a start more than `ASK_BEYOND_DAYS` days back, else None.

    `was`: the start before a change; a start kept (to the minute) is not asked about again,
    so the place of a meeting logged years back is corrected without a question.
    """
    moment = _moment(conn, starts_at)
    now = now or datetime.now(UTC)
    if moment >= now - timedelta(days=ASK_BEYOND_DAYS):
        return None
    if was is not None and _to_minute(_moment(conn, was)) == _to_minute(moment):
        return None
    zone = profile.zone(conn)
    day = moment.astimezone(zone).date()
    return (
        f"{is_it_right(day, now.astimezone(zone).date())} A meeting that far back leaves Coming "
        "up and gets no reminders."
    )


def is_it_right(day: date, today: date) -> str:
    """'12 Mar 1990 is 36 years ago: is the year right?' for a day over 30 days back ('3
    months ago', '5 weeks ago'), asking of the part of the date most likely mistyped: the
    year, once it is a year or more. Meetings and logged entries ask alike."""
    before_in_year = (today.month, today.day) < (day.month, day.day)
    years = today.year - day.year - before_in_year
    months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
    if years:
        ago, part = ("a year ago" if years == 1 else f"{years} years ago"), "year"
    elif months >= 2:
        ago, part = f"{months} months ago", "date"
    else:
        ago, part = f"{(today - day).days // 7} weeks ago", "date"
    return f"{text.day(day)} is {ago}: is the {part} right?"


def change_said(
    conn: duckdb.DuckDBPyConnection,
    status: str,
    was: datetime,
    moved: datetime,
    *,
    now: datetime | None = None,
) -> tuple[str, bool]:
    """What saving a change says, plainly where the meeting went, and whether how it went is
    the next thing to record (a meeting still scheduled, moved to a time already over).

    A meeting moved into the past leaves Coming up: saying only "Meeting changed." left the
    user looking for it there."""
    now = now or datetime.now(UTC)
    moved = _moment(conn, moved)
    ahead = moved > now
    calendar = " Download its calendar file again for your calendar." if ahead else ""
    if _to_minute(_moment(conn, was)) == _to_minute(moved):
        return f"Meeting changed.{calendar}", False
    said = f"Moved to {text.moment(moved.astimezone(profile.zone(conn)))}"
    if ahead:
        return f"{said}.{calendar}", False
    if status == "scheduled":
        return f"{said}, in the past: record how it went below.", True
    return f"{said}.", False


# About four to five minutes a question, with the hellos and the thanks around them: twenty
# minutes hold four or five.
MINUTES_PER_QUESTION = (5, 4)
# Counts of questions up to ten are said in words ("four or five"), beyond in figures.
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _fitting(minutes: int) -> tuple[int, int]:
    slow, quick = MINUTES_PER_QUESTION
    fewest = max(1, minutes // slow)
    return fewest, max(fewest, minutes // quick)


def questions_that_fit(minutes: int) -> str:
    """'four or five' for 20 minutes: how many questions the promised time holds, in words."""
    fewest, most = _fitting(minutes)
    said = [_NUMBER_WORDS[n - 1] if most <= len(_NUMBER_WORDS) else f"{n}" for n in (fewest, most)]
    if fewest == most:
        return said[0]
    return f"{said[0]}{' or ' if most == fewest + 1 else ' to '}{said[1]}"


def picked_sentence(picked: int, minutes: int) -> str:
    """The questions picked, counted against what fits: the list offers many more, and
    picking every one would not fit the time promised."""
    fits = "fits" if _fitting(minutes)[1] == 1 else "fit"
    fit = f"{questions_that_fit(minutes)} {fits} in {minutes} minutes"
    if not picked:
        return f"None picked yet: {fit}."
    if picked > _fitting(minutes)[1]:
        return f"{picked} picked: about {fit}, so ask the ones that matter most first."
    return f"{picked} picked: {fit}."


# What a search for a person to meet, or a meeting, looks in: their name and their company, as
# the pickers show it (a placeholder such as 'N/A' is no company: `contacts.employer_sql`).
_NAME_AND_EMPLOYER = (
    f"c.first_name || ' ' || c.last_name || ' ' || coalesce({employer_sql('co.name')}, '')"
)


# People in a picker, of the same rank, by name as it reads, folded as Contacts' "Name (A–Z)"
# and Outreach's picker order names (`text.name_order_sql`): "émile Zola" among the E's.
_BY_NAME = text.name_order_sql("trim(c.first_name || ' ' || c.last_name)") + " NULLS LAST"


def people_to_meet(
    conn: duckdb.DuckDBPyConnection, search: str = "", limit: int = 25
) -> list[PersonOption]:
    """People to schedule with: matches for the search, else those who replied and wait.

    Waiting means no meeting booked: one still scheduled (ahead, or over and awaiting its
    debrief) takes them off the list, a cancelled or missed one puts them back; a held one
    makes them Met, past waiting. A search finds anyone, for a second meeting too."""
    where, params = words_condition(_NAME_AND_EMPLOYER, search)
    waiting = (
        "s.stage = 2 AND c.id NOT IN (SELECT contact_id FROM meetings WHERE status = 'scheduled')"
    )
    rows = conn.execute(
        f"""
        SELECT c.id,
               trim(c.first_name || ' ' || c.last_name)
                   || coalesce(' — ' || {employer_sql("co.name")}, '')
        FROM contacts c
        JOIN contact_stages s ON s.contact_id = c.id
        LEFT JOIN companies co ON co.id = c.company_id
        WHERE {where if params else waiting}
        ORDER BY s.stage DESC, {_BY_NAME}, c.id
        LIMIT ?
        """,
        [*params, limit],
    ).fetchall()
    return [PersonOption(int(i), label) for i, label in rows]


def update_meeting(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    starts_at: datetime,
    *,
    promised_minutes: int,
    place: str,
) -> bool:
    """Move a meeting or change where it happens (a naive `starts_at` as in `schedule_meeting`).

    False, writing nothing, when all is as it was: the page then says so rather than claiming
    a change that would send the user to download the calendar file again for nothing.
    """
    meeting = get_meeting(conn, meeting_id)
    if promised_minutes != meeting.promised_minutes:  # one kept as it was is not refused
        check_promised_minutes(promised_minutes)
    moved = _moment(conn, starts_at)
    # To the minute, as the time is typed: seconds the form cannot show are no change.
    same_start = _to_minute(meeting.starts_at) == _to_minute(moved)
    if same_start and (meeting.promised_minutes, meeting.place) == (
        promised_minutes,
        place.strip(),
    ):
        return False
    if meeting.status in ("held", "no_show") and moved > datetime.now(UTC):
        when = text.moment(moved.astimezone(profile.zone(conn)))
        happened = "you have already met" if meeting.status == "held" else "it was already missed"
        raise InvalidInputError(f"{when} is still ahead, but {happened}: keep a day that has come.")
    check_after_first_contact(conn, meeting.contact_id, moved, was=meeting.starts_at)
    with db.transaction(conn):
        conn.execute(
            "UPDATE meetings SET starts_at = ?, promised_minutes = ?, place = ? WHERE id = ?",
            [moved, promised_minutes, place.strip(), meeting_id],
        )
    return True


def delete_meeting(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> None:
    """Remove a meeting entered by mistake, with its questions and answers, and the snoozes
    and dismissals of reminders about it.

    A thank-you logged for it stays in the person's history. It moves to a held meeting with
    them the same day, if any (the meeting was entered twice and thanked on the copy deleted);
    else it keeps the deleted meeting's id and so thanks no meeting (`_THANKS`). Set to NULL it
    would count by its day, and clear the reminder for an earlier meeting never thanked."""
    from infoint import followups  # imported here: followups imports this module

    get_meeting(conn, meeting_id)
    with db.transaction(conn):
        followups.forget_item_states(conn, [], [meeting_id])
        # The nearest in time: a copy began when the meeting kept did.
        conn.execute(
            """
            UPDATE interactions SET meeting_id = twin.id
            FROM (SELECT o.id FROM meetings d
                  JOIN meetings o ON o.contact_id = d.contact_id AND o.id <> d.id
                  WHERE d.id = $gone AND o.status = 'held'
                    AND CAST(timezone($zone, o.starts_at) AS DATE)
                        = CAST(timezone($zone, d.starts_at) AS DATE)
                  ORDER BY abs(epoch(o.starts_at) - epoch(d.starts_at)), o.id
                  LIMIT 1) twin
            WHERE interactions.meeting_id = $gone
            """,
            {"gone": meeting_id, "zone": profile.zone(conn).key},
        )
        conn.execute("DELETE FROM meeting_questions WHERE meeting_id = ?", [meeting_id])
        conn.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])


# The one rule for which thank-you thanks a meeting, read by `thanked` (the lists and the
# reminders) and by `thank_you_sent` (what the page shows as sent), so they cannot disagree.
# A thank-you logged for the meeting (`log_thank_you`) thanks it, and no other; one for a
# meeting since deleted thanks none (`delete_meeting`). One logged for no meeting (before
# migration 0017, or on the person's record) cannot say which it was for: it thanks every
# meeting with that person whose day is its day or earlier (`?` is the user's time zone:
# `occurred_at` is wall time there). One row per thanked meeting, with the
# thank-you shown: the one written for it if any, else the first since the meeting's day.
_THANKS = """
    SELECT m.id AS meeting_id,
           arg_min(t.id, (t.meeting_id IS NULL, t.occurred_at, t.id)) AS thank_you_id
    FROM meetings m
    JOIN interactions t ON t.contact_id = m.contact_id AND t.kind = 'thank_you'
    WHERE t.meeting_id = m.id
       OR (t.meeting_id IS NULL
           AND t.occurred_at >= date_trunc('day', timezone(?, m.starts_at)))
    GROUP BY m.id
"""

# Shared by the meeting lists and the due-now rules: who, where, prepared, thanked.
# Joins to per-meeting aggregates rather than a subquery per meeting; `?` as in `_THANKS`.
_SUMMARY = f"""
    SELECT m.id, m.contact_id, trim(c.first_name || ' ' || c.last_name) AS person,
           coalesce({employer_sql("co.name")}, '') AS company, m.starts_at, m.promised_minutes,
           m.actual_minutes, m.place, m.status,
           m.prep_notes <> '' OR q.meeting_id IS NOT NULL AS prepared,
           t.meeting_id IS NOT NULL AS thanked,
           c.company_id
    FROM meetings m
    JOIN contacts c ON c.id = m.contact_id
    LEFT JOIN companies co ON co.id = c.company_id
    LEFT JOIN (SELECT DISTINCT meeting_id FROM meeting_questions) q ON q.meeting_id = m.id
    LEFT JOIN ({_THANKS}) t ON t.meeting_id = m.id
"""


def _summaries(
    conn: duckdb.DuckDBPyConnection, where: str, order: str, params: list
) -> list[MeetingSummary]:
    rows = conn.execute(
        f"{_SUMMARY} WHERE {where} ORDER BY {order}", [profile.zone(conn).key, *params]
    ).fetchall()
    return [MeetingSummary(*row) for row in rows]


def upcoming_meetings(conn: duckdb.DuckDBPyConnection, now: datetime) -> list[MeetingSummary]:
    """Scheduled meetings that have not ended yet, soonest first."""
    return _summaries(
        conn,
        "m.status = 'scheduled' AND m.starts_at + to_minutes(m.promised_minutes) > ?",
        "m.starts_at, m.id",
        [now],
    )


# Past: begun, and no longer coming up. A meeting whose start is still ahead is not past,
# whatever its status: one cancelled ahead of time was counted among the past ones. Both `?`
# are the moment taken as now.
_PAST = (
    "m.starts_at <= ?"
    " AND NOT (m.status = 'scheduled' AND m.starts_at + to_minutes(m.promised_minutes) > ?)"
)


def past_meetings(
    conn: duckdb.DuckDBPyConnection, now: datetime, limit: int = 30
) -> list[MeetingSummary]:
    """Meetings that are over (or were called off once their time had come), newest first."""
    return _summaries(
        conn,
        _PAST,
        f"m.starts_at DESC, m.id DESC LIMIT {int(limit)}",
        [now, now],
    )


def cancelled_ahead(conn: duckdb.DuckDBPyConnection, now: datetime) -> list[MeetingSummary]:
    """Meetings cancelled ahead of time whose start is still to come, soonest first: neither
    coming up nor past (only a cancelled one can be ahead with an outcome: `set_outcome`)."""
    return _summaries(
        conn, "m.status <> 'scheduled' AND m.starts_at > ?", "m.starts_at, m.id", [now]
    )


def count_past_meetings(conn: duckdb.DuckDBPyConnection, now: datetime) -> int:
    """How many meetings `past_meetings` would list with no limit, so a list of the latest
    can say that older ones are left out."""
    rows = conn.execute(f"SELECT count(*) FROM meetings m WHERE {_PAST}", [now, now]).fetchall()
    return int(rows[0][0])


def list_said(upcoming: int, past_shown: int, past_all: int, *, cancelled: int = 0) -> str:
    """What the list of meetings to work on holds, in words at none, one and many, and the
    way to the older ones it leaves out; `cancelled`: those cancelled ahead of time, still
    to come (`cancelled_ahead`)."""
    ahead = f"{upcoming:,} coming up" if upcoming else "Nothing coming up"
    if cancelled:
        ahead += f" · {cancelled:,} cancelled"
    older = past_all - past_shown
    if not past_shown:
        over = "nothing past yet"
    elif older > 0:
        over = f"your last {text.counted(past_shown, 'past meeting')}"
    else:
        over = text.counted(past_shown, "past meeting")
    if older <= 0:
        return f"{ahead} · {over}."
    them = "the older one" if older == 1 else f"the {older:,} older ones"
    return f"{ahead} · {over}; find {them} by the person's name."


def find_meetings(
    conn: duckdb.DuckDBPyConnection, search: str, limit: int = FOUND_SHOWN
) -> list[MeetingSummary]:
    """Meetings, of any age, with people whose name or company holds every word typed,
    newest first: the way to an old meeting the lists leave out."""
    where, params = words_condition(_NAME_AND_EMPLOYER, search)
    return _summaries(conn, where, f"m.starts_at DESC, m.id DESC LIMIT {int(limit)}", params)


def summary(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> MeetingSummary:
    found = _summaries(conn, "m.id = ?", "m.id", [meeting_id])
    if not found:
        raise NotFoundError("That meeting no longer exists.")
    return found[0]


def prep_sheet(conn: duckdb.DuckDBPyConnection, meeting_id: int) -> PrepSheet:
    """Everything to read before the meeting: notes on the company and person, and questions.
    People at a placeholder such as 'N/A' (`PrepSheet.employer`) were not met 'there'."""
    meeting = get_meeting(conn, meeting_id)
    found = conn.execute(
        f"""
        SELECT trim(c.first_name || ' ' || c.last_name), c.company_id, coalesce(co.name, ''),
               coalesce(co.research_notes, ''), c.notes,
               CASE WHEN {employer_sql("co.name")} IS NULL THEN 0 ELSE
               (SELECT count(*) FROM meetings m JOIN contacts o ON o.id = m.contact_id
                WHERE o.company_id = c.company_id AND m.status = 'held' AND m.id <> ?) END
        FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE c.id = ?
        """,
        [meeting_id, meeting.contact_id],
    ).fetchall()
    if not found:
        raise NotFoundError("The person this meeting was with is no longer in your contacts.")
    person, company_id, company, company_notes, person_notes, earlier = found[0]
    picked = conn.execute(
        "SELECT id, question_id, question, answer FROM meeting_questions"
        " WHERE meeting_id = ? ORDER BY id",
        [meeting_id],
    ).fetchall()
    return PrepSheet(
        meeting,
        person,
        company_id,
        company,
        company_notes,
        person_notes,
        tuple(PickedQuestion(*row) for row in picked),
        int(earlier),
    )


def save_prep(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    *,
    question_ids: list[int],
    company_notes: str | None = None,
    person_notes: str | None = None,
    prep_notes: str | None = None,
) -> None:
    """Save the prep sheet in one write.

    Company notes go to the company and person notes to the contact, so the next meeting
    there starts from them. Questions no longer picked are dropped unless already answered.
    Company, person and preparation notes longer than `contacts.NOTES_LIMIT` are refused,
    unless no longer than before (`check_notes`), before anything is saved. A placeholder
    such as 'N/A' names no company: notes on it are refused, except those saved there before,
    which the user may still change or clear (`PrepSheet.kept_under_placeholder`).
    """
    meeting = get_meeting(conn, meeting_id)
    person_notes = None if person_notes is None else person_notes.strip()
    prep_notes = None if prep_notes is None else prep_notes.strip()
    wanted = list(dict.fromkeys(int(q) for q in question_ids))
    known = conn.execute(
        "SELECT id FROM questions WHERE id IN (SELECT unnest(?::BIGINT[]))", [wanted]
    ).fetchall()
    if len(known) != len(wanted):
        raise NotFoundError("One of the questions picked is no longer in the bank.")
    company_id, person_before, company_before, company, person = conn.execute(
        "SELECT c.company_id, c.notes, coalesce(co.research_notes, ''), coalesce(co.name, ''),"
        " trim(c.first_name || ' ' || c.last_name) FROM contacts c"
        " LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?",
        [meeting.contact_id],
    ).fetchall()[0]
    if company_notes is not None and company_id is not None:
        targets.check_company_notes(company_notes.strip(), company_before)
        if company_notes.strip() and not company_before.strip() and not employer(company):
            raise InvalidInputError(
                f"“{company}” names no company, so it keeps no notes: put what you learn "
                f"in the notes on {person}."
            )
    if person_notes is not None:
        check_notes(person_notes, PERSON_NOTES, person_before)
    if prep_notes is not None:
        check_notes(prep_notes, PREP_NOTES, meeting.prep_notes)
    if company_notes is not None and company_notes.strip() and company_id is None:
        raise InvalidInputError(
            "This person has no company yet; add one on their contact record to keep company notes."
        )
    with db.transaction(conn):
        conn.execute(
            "DELETE FROM meeting_questions WHERE meeting_id = ? AND answer = ''"
            " AND (question_id IS NULL OR question_id NOT IN (SELECT unnest(?::BIGINT[])))",
            [meeting_id, wanted],
        )
        conn.execute(
            """
            INSERT INTO meeting_questions (meeting_id, question_id, question)
            SELECT ?, q.id, q.text
            FROM unnest(?::BIGINT[]) WITH ORDINALITY AS w(question_id, position)
            JOIN questions q ON q.id = w.question_id
            WHERE q.id NOT IN (SELECT question_id FROM meeting_questions
                               WHERE meeting_id = ? AND question_id IS NOT NULL)
            ORDER BY w.position
            """,
            [meeting_id, wanted, meeting_id],
        )
        if company_notes is not None and company_id is not None:
            conn.execute(
                "UPDATE companies SET research_notes = ? WHERE id = ?",
                [company_notes.strip(), company_id],
            )
        if person_notes is not None:
            conn.execute(
                "UPDATE contacts SET notes = ?, updated_at = current_localtimestamp() WHERE id = ?",
                [person_notes, meeting.contact_id],
            )
        if prep_notes is not None:
            conn.execute(
                "UPDATE meetings SET prep_notes = ? WHERE id = ?", [prep_notes, meeting_id]
            )


def record_debrief(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    status: str,
    *,
    actual_minutes: int | None = None,
    notes: str = "",
    answers: dict[int, str] | None = None,
    referred: list[referrals.ReferredPerson] | None = None,
    not_people: tuple[str, ...] = (),
    leave: tuple[int, ...] = (),
    same: tuple[tuple[int, int], ...] = (),
) -> DebriefResult:
    """How the meeting went, in one write: outcome, answers, and the people they named.

    The meeting's answers are also kept in the company's research notes, as one block
    marked with the meeting (`_answers_block`), unless their record names no company, or
    only a placeholder such as 'N/A' (`PrepSheet.employer`): then they stay with the meeting.
    A corrected debrief rewrites that block in place when it is there as the app wrote it, or
    the note an older version wrote when it is provably this meeting's (`_old_answers_note`);
    nothing the user typed there is cut.
    Each person named is linked as referred by this one, introduced at
    the meeting (not when the debrief was saved): a contact already there, or a new
    2nd-degree one (`referrals.add_referred_people`); a company named by a name merged away
    stands for the company it was merged into. `not_people`: the lines of the names box that
    name no one (`read_names`), kept with the notes (`notes_with`). Notes longer than
    `contacts.NOTES_LIMIT`, those lines counted, are refused unless no longer than before, and
    so is an answer (`_check_answer`). Answers that would take the company's notes past that
    limit are saved with the meeting, not copied there (`_company_notes_with_answers`), and
    `DebriefResult.notes_full` says so. `leave`: contacts already there, named, that the user
    chose to leave as they are (`new_contacts` lists them first); `same`: contacts at another
    company sharing a name typed, that the user said are the person named, as (the line they
    were ticked for, their id), linked rather than a new contact added (`KnownPerson.line`).
    """
    answers = {int(k): v.strip() for k, v in (answers or {}).items()}
    referred = referred or []
    sheet, kept_notes, (research, notes_full) = _checked_debrief(
        conn, meeting_id, status, actual_minutes, notes, answers, referred, not_people
    )
    with db.transaction(conn):
        conn.execute(
            "UPDATE meetings SET status = ?, actual_minutes = ?, notes = ? WHERE id = ?",
            [
                status,
                actual_minutes if status == "held" else None,
                kept_notes,
                meeting_id,
            ],
        )
        for row_id, answer in answers.items():
            conn.execute("UPDATE meeting_questions SET answer = ? WHERE id = ?", [answer, row_id])
        if research is not None:
            conn.execute(
                "UPDATE companies SET research_notes = ? WHERE id = ?",
                [research, sheet.company_id],
            )
        introductions = referrals.add_referred_people(
            conn,
            sheet.meeting.contact_id,
            referred,
            introduced_at=sheet.meeting.starts_at,
            leave=leave,
            same=same,
        )
    return DebriefResult(introductions, notes_full)


def check_debrief(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    status: str,
    *,
    actual_minutes: int | None = None,
    notes: str = "",
    answers: dict[int, str] | None = None,
    referred: list[referrals.ReferredPerson] | None = None,
    not_people: tuple[str, ...] = (),
) -> None:
    """Refuse the debrief as `record_debrief` would, writing nothing: the outcome, the minutes,
    a meeting still ahead, answers or names for one that did not take place, the length of the
    notes and of each answer. The page asks it before asking to add new people, so a refusal is
    heard first, not after the user said yes to adding them. (The company's notes being full
    refuses nothing: the answers are then kept with the meeting only.)"""
    answers = {int(k): v.strip() for k, v in (answers or {}).items()}
    _checked_debrief(
        conn, meeting_id, status, actual_minutes, notes, answers, referred or [], not_people
    )


def _checked_debrief(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    status: str,
    actual_minutes: int | None,
    notes: str,
    answers: dict[int, str],
    referred: list[referrals.ReferredPerson],
    not_people: tuple[str, ...],
) -> tuple[PrepSheet, str, tuple[str | None, str]]:
    """`record_debrief`'s checks: its meeting's sheet, the notes it stores, and the company's
    notes with the answers (`_company_notes_with_answers`), or our error."""
    if status not in STATUSES or status == "scheduled":
        raise InvalidInputError("Choose whether the meeting was held, cancelled or a no-show.")
    _check_minutes(actual_minutes, "actual time")
    if status != "held" and (any(answers.values()) or referred):
        raise InvalidInputError(
            "Answers and names come from a meeting that took place; mark it as held first."
        )
    for person in referred:
        _check_referred_name(person)
    sheet = prep_sheet(conn, meeting_id)
    _require_started(conn, sheet.meeting, status)
    kept_notes = _checked_debrief_notes(notes, not_people, sheet.meeting.notes)
    if set(answers) - {q.id for q in sheet.questions}:
        raise NotFoundError("One of those questions is no longer on this meeting's sheet.")
    for question in sheet.questions:
        if question.id in answers:
            _check_answer(question, answers[question.id])
    return sheet, kept_notes, _company_notes_with_answers(conn, sheet, answers)


def _company_notes_with_answers(
    conn: duckdb.DuckDBPyConnection, sheet: PrepSheet, answers: dict[int, str]
) -> tuple[str | None, str]:
    """The company's notes with the meeting's answers in their block, None when they stay as
    they are (or the person has no company, or only a placeholder such as 'N/A', whose notes
    everyone 'there' would share: nothing is copied, and nothing saved there is taken out);
    and '' or the sentence saying why the answers were not copied as usual.

    Only a block the app wrote is ever replaced or taken out: the copy of the answers on
    record, word for word (`_copy_span`), the pointer to them, or the note an older version
    wrote (`_old_answers_note`). Everything else in the notes is the user's and is never cut:
    a copy of this meeting's answers the user changed stays as they wrote it, and the new
    answers go at the end (said), or, with no room for them, stay with the meeting only.

    Notes may not pass `contacts.NOTES_LIMIT` (nor notes kept from before the limit their
    length), as typing them may not (`targets.check_company_notes`). When the answers would
    take them past it, a short pointer to the meeting takes the place of the app's own copy,
    else nothing does (that copy goes, rather than stay out of date): the answers are saved
    with the meeting either way, and the debrief is never refused for it, so a meeting held
    is never left 'scheduled'. A debrief changing no answer puts the answers in place of a
    pointer once they fit, and otherwise leaves the notes alone."""
    if sheet.company_id is None or not sheet.employer:
        return None, ""
    meeting_id, notes = sheet.meeting.id, sheet.company_notes
    day = sheet.meeting.starts_at.astimezone(profile.zone(conn)).date()
    on_record = [(q.text, q.answer) for q in sheet.questions if q.answer]
    answered = [(q.text, answers.get(q.id, q.answer)) for q in sheet.questions]
    block = _answers_block(meeting_id, day, sheet.person, [qa for qa in answered if qa[1]])
    pointer = _answers_pointer(meeting_id, day, sheet.person)
    pointed = _copy_span(notes, meeting_id, pointer)
    room = max(NOTES_LIMIT, len(notes))
    asked = {q.id: q.answer for q in sheet.questions}
    if all(a == asked[i] for i, a in answers.items()):
        research = _replaced(notes, pointed, block) if pointed else notes
        return (research, "") if research != notes and len(research) <= room else (None, "")
    copy = _answers_block(meeting_id, day, sheet.person, on_record)
    span = (
        _copy_span(notes, meeting_id, copy)
        or pointed
        or _old_note_span(notes, _old_answers_note(conn, sheet, day))
    )
    full = f"{sheet.company}'s notes are full, so these answers stay with the meeting"
    if span is None and _answers_header(meeting_id).search(notes):
        # A copy of this meeting's answers the user changed: theirs, left as they wrote it.
        added = _replaced(notes, None, block)
        if not block or len(added) > room:
            return None, (f"{full} only (on its Debrief tab)." if block else "")
        return added, (
            f"{sheet.company}'s notes hold a copy of this meeting's answers that you changed,"
            " so it is left as you wrote it and these answers are added at the end."
        )
    for put, said in (
        (block, ""),
        (pointer, f"{full} (on its Debrief tab), and the notes point to them."),
        ("", f"{full} only (on its Debrief tab)."),
    ):
        research = _replaced(notes, span, put)
        if len(research) <= room:
            return (research if research != notes else None), said
    return None, f"{full} only (on its Debrief tab)."


# How much of a question an answer's refusal quotes, to say which answer it is.
QUOTED_QUESTION = 60


def _check_answer(question: PickedQuestion, answer: str) -> None:
    """Refuse an answer longer than `contacts.NOTES_LIMIT`, the limit of notes, unless no longer
    than the answer it replaces (one kept from before the limit may stay, or be shortened)."""
    if len(answer) <= max(NOTES_LIMIT, len(question.answer)):
        return
    asked = question.text.strip()
    if len(asked) > QUOTED_QUESTION:
        asked = asked[: QUOTED_QUESTION - 1].rstrip() + "…"
    raise InvalidInputError(
        f"An answer can be at most {NOTES_LIMIT:,} characters, and yours to “{asked}” has "
        f"{len(answer):,}: shorten it, then save again."
    )


def _checked_debrief_notes(notes: str, not_people: tuple[str, ...], before: str) -> str:
    """The notes a debrief stores (`notes_with`), refused by `check_notes` against `before`."""
    kept_notes = notes_with(notes, not_people)
    check_notes(
        kept_notes,
        MEETING_NOTES,
        before,
        _KEPT_LINES_COUNTED if kept_notes != notes.strip() else "",
    )
    return kept_notes


def _answers_block(meeting_id: int, day: date, person: str, answers: list[tuple[str, str]]) -> str:
    """A meeting's answers as the company notes keep them; '' when there are none.

    The first line names the person and the day; it and the last line end with the meeting's
    key, unseen (`_key`), so a corrected debrief finds and replaces its own block and nothing
    the user wrote around it."""
    if not answers:
        return ""
    lines = [f"Answers from the meeting with {person} on {text.day(day)}:{answers_key(meeting_id)}"]
    for question, answer in answers:
        lines.extend((f"Q: {question}", f"A: {answer}"))
    lines.append(f"{_ANSWERS_END}{answers_key(meeting_id)}")
    return "\n".join(lines)


def _answers_pointer(meeting_id: int, day: date, person: str) -> str:
    """In place of a meeting's answers (`_answers_block`) in notes too full for them: where
    they are. Marked as the block is, so a later save with room puts the answers in its place."""
    return "\n".join(
        (
            f"Answers from the meeting with {person} on {text.day(day)}:{answers_key(meeting_id)}",
            "Kept with the meeting on the Meetings page (Debrief tab): these notes were too full.",
            f"{_ANSWERS_END}{answers_key(meeting_id)}",
        )
    )


def _old_answers_note(conn: duckdb.DuckDBPyConnection, sheet: PrepSheet, day: date) -> str:
    """This meeting's answers as the note older versions appended instead of a marked block,
    word for word as one save of every answer on record wrote it; '' when it could be
    another meeting's note.

    That note ("2026-03-10 — from Ana Lee:", then Q:/A: lines for the answers that save
    changed) named no meeting: only its date, person and exact answers tie it to this one,
    so another meeting that day with someone of that name makes it ambiguous."""
    answered = [(q.text, q.answer) for q in sheet.questions if q.answer]
    if not answered:
        return ""
    others = conn.execute(
        "SELECT count(*) FROM meetings m JOIN contacts c ON c.id = m.contact_id"
        " WHERE m.id <> ? AND trim(c.first_name || ' ' || c.last_name) = ?"
        " AND CAST(timezone(?, m.starts_at) AS DATE) = ?",
        [sheet.meeting.id, sheet.person, profile.zone(conn).key, day],
    ).fetchall()[0][0]
    if others:
        return ""
    lines = [f"{day.isoformat()} — from {sheet.person}:"]
    for question, answer in answered:
        lines.extend((f"Q: {question}", f"A: {answer}"))
    return "\n".join(lines)


def without_answers(research: str, meeting_id: int) -> str:
    """The notes less the block of this meeting's answers, for a meeting that is going (the
    demo's, when the demo is removed): a header of this meeting, its end line, and no other
    header of it between (`_block_span`), each such block if there are more (one written in the
    form before `answers_key` and one after); a block the user cut short is theirs and stays."""
    while span := _block_span(research, meeting_id):
        research = _replaced(research, span, "")
    return research


def _replaced(research: str, span: tuple[int, int] | None, block: str) -> str:
    """The notes with `span` replaced by `block` (taken out, with the blank line it leaves,
    when `block` is ''), or without a span `block` added at the end after a blank line."""
    if not span:
        return (
            "\n\n".join(part for part in (research.rstrip(), block) if part) if block else research
        )
    before, after = research[: span[0]], research[span[1] :]
    if block:
        return before + block + after
    return "\n\n".join(part for part in (before.rstrip(), after.lstrip()) if part)


def _answers_header(meeting_id: int) -> re.Pattern[str]:
    """The first line of this meeting's block (`_answers_block`) or pointer, any person and day,
    keyed or in the form written before (`_key`)."""
    return re.compile(
        rf"^Answers from the meeting with .*"
        rf"(?: \(meeting {meeting_id}\):|:{re.escape(answers_key(meeting_id))})$",
        re.MULTILINE,
    )


def _block_span(research: str, meeting_id: int) -> tuple[int, int] | None:
    """The first end line of this meeting's block and the last header of it before that end."""
    end = re.compile(
        rf"^(?:\(End of the answers from meeting {meeting_id}\.\)"
        rf"|{re.escape(_ANSWERS_END + answers_key(meeting_id))})$",
        re.MULTILINE,
    ).search(research)
    starts = end and list(_answers_header(meeting_id).finditer(research, 0, end.start()))
    return (starts[-1].start(), end.end()) if starts else None


def _copy_span(research: str, meeting_id: int, written: str) -> tuple[int, int] | None:
    """Where `written`, a block of this meeting's as the app writes it (`_answers_block`,
    `_answers_pointer`), is in the notes once, word for word and in whole lines; None when it
    is not, or is there more than once. Its first line may name the person and day otherwise
    (a contact renamed, a meeting moved since): it is ours all the same, and so is the same
    block in the form written before (`_key`). '' is never found."""
    if not written:
        return None
    _, body = written.split("\n", 1)
    lines = body.rsplit("\n", 1)[0]
    before = f"{lines}\n(End of the answers from meeting {meeting_id}.)"
    found = list(
        re.finditer(
            rf"^Answers from the meeting with [^\n]* on \d{{1,2}} [A-Z][a-z]{{2}} \d{{4}}"
            rf"(?::{re.escape(answers_key(meeting_id))}\n{re.escape(body)}"
            rf"| \(meeting {meeting_id}\):\n{re.escape(before)})$",
            research,
            re.MULTILINE,
        )
    )
    return found[0].span() if len(found) == 1 else None


def _old_note_span(research: str, old_note: str) -> tuple[int, int] | None:
    at = research.find(old_note) if old_note else -1
    if at < 0 or research.count(old_note) > 1:
        return None
    end = at + len(old_note)
    alone_above = at == 0 or research.endswith("\n\n", 0, at)
    alone_below = end == len(research) or research.startswith("\n\n", end)
    return (at, end) if alone_above and alone_below else None


# The thank-you, in the placeholders of Outreach's templates (`outreach.PLACEHOLDERS`) and
# filled as they are, so what it leaves for the user is named and described alike; signed with
# the first name, as one writes to someone met (and as Outreach's template for someone you know
# does). {met_on} and {introduced} are its own, always filled; the parts in `_THANK_YOU_BITS`
# are dropped when the meeting has no company on record or no one was introduced.
THANK_YOU = (
    "Thank you, {first_name}",
    """Hi {first_name},

Thank you for talking with me {met_on}. Hearing how things really work at {company} helped \
me a lot, and I came away with a clearer idea of my next steps.

I will get in touch with {introduced}, as you suggested. I will let you know what I do with \
your advice.

Thank you again,
{my_first_name}""",
)
_THANK_YOU_BITS = {
    "company": " at {company}",
    "introduced": "I will get in touch with {introduced}, as you suggested. ",
}


def thank_you_draft(
    conn: duckdb.DuckDBPyConnection, meeting_id: int, now: datetime | None = None
) -> tuple[str, str]:
    """A subject and body to start the thank-you from; the user edits before sending. `now`
    (default: the real now) says whether the meeting's weekday or its date names it."""
    from infoint import outreach  # imported here: outreach imports followups, which imports us

    sheet = prep_sheet(conn, meeting_id)
    zone = profile.zone(conn)
    values = outreach.placeholder_values(conn, sheet.meeting.contact_id)
    named = conn.execute(
        "SELECT id, trim(first_name || ' ' || last_name) FROM contacts"
        " WHERE referred_by = ? ORDER BY id",
        [sheet.meeting.contact_id],
    ).fetchall()
    # Two of them by one name are told apart by company or position, as the person thanked
    # knows them ('Bo Chen (Beta Labs) and Bo Chen (Gamma)'), not said as one name twice.
    apart = referrals.names_apart(conn, [i for i, _ in named], among=True)
    introduced = [referrals.told_apart(name, apart.get(i, ())) for i, name in named]
    values.update(
        first_name=values["first_name"] or sheet.person,
        met_on=outreach.met_on(
            sheet.meeting.starts_at.astimezone(zone).date(),
            (now or datetime.now(zone)).astimezone(zone).date(),
        ),
        introduced=text.joined(introduced or []),
    )
    subject, body = THANK_YOU
    for name, bit in _THANK_YOU_BITS.items():
        if not values[name]:
            body = body.replace(bit, "")
    # One pass over our own words: names filled in are not read again for placeholders.
    return outreach.fill(subject, values), outreach.fill(body, values)


def thank_you_channel(conn: duckdb.DuckDBPyConnection, contact_id: int) -> str:
    """How a thank-you to this person most likely goes out, as the log should say: the way
    the user's last message to them went, else by email when an address is on file (typed, or
    from LinkedIn), else on LinkedIn, as Outreach and the Contacts page's log form offer
    (`interactions.likely_channel_to`). Never by email to someone with no address on file: a
    thank-you logged so said something that never happened."""
    from infoint import outreach  # imported here: outreach imports followups, which imports us

    address = outreach.get_recipient(conn, contact_id).email
    channel = interactions.likely_channel_to(conn, contact_id, address)
    return interactions.likely_channel(address) if channel == "email" else channel


def no_address_sentence(person: str) -> str:
    """What the thank-you says of someone with no email address on file, beside 'Sent by'."""
    return (
        f"No email address on file for {person}, so “Sent by” starts at LinkedIn: change it "
        "if you thank them another way."
    )


def log_thank_you(
    conn: duckdb.DuckDBPyConnection,
    meeting_id: int,
    *,
    subject: str,
    body: str,
    channel: str | None = None,
    sent_at: datetime | None = None,
) -> int:
    """Record the thank-you as sent (an interaction of kind thank_you, for this meeting), once
    however often it is clicked; returns its id. Refuses one with a {placeholder} left, as
    Outreach does. Without a `channel`, it went the likely way (`thank_you_channel`): as the
    last message to them went, by email only when an address is on file."""
    from infoint import outreach  # imported here: outreach imports followups, which imports us

    meeting = get_meeting(conn, meeting_id)
    if channel is None:
        channel = thank_you_channel(conn, meeting.contact_id)
    if meeting.status != "held":
        raise InvalidInputError("Record the meeting as held before logging a thank-you for it.")
    missing = outreach.unfilled_placeholders(subject, body)
    if missing:
        names = ", ".join(f"{{{name}}}" for name in missing)
        raise InvalidInputError(f"Fill in {names} before logging this thank-you as sent.")
    return interactions.log_once(  # a second click on "Log" must not thank them twice
        conn,
        meeting.contact_id,
        "thank_you",
        channel=channel,
        occurred_at=sent_at,
        subject=subject,
        body=body,
        meeting_id=meeting_id,
    ).interaction_id


def thank_you_sent(
    conn: duckdb.DuckDBPyConnection, meeting_id: int
) -> interactions.Interaction | None:
    """The thank-you that thanks this meeting, or None, by the rule `thanked` follows
    (`_THANKS`), so the page shows what was sent rather than a draft that would be logged a
    second time."""
    get_meeting(conn, meeting_id)
    found = conn.execute(
        f"SELECT thank_you_id FROM ({_THANKS}) WHERE meeting_id = ?",
        [profile.zone(conn).key, meeting_id],
    ).fetchall()
    return interactions.get_interaction(conn, found[0][0]) if found else None


def due_meetings(conn: duckdb.DuckDBPyConnection, now: datetime) -> list[MeetingSummary]:
    """The meetings `due_items` speaks of at `now`, soonest first (see there)."""
    zone = profile.zone(conn)
    today = now.astimezone(zone).date()
    stale = now - timedelta(days=STALE_AFTER_DAYS)
    return _summaries(
        conn,
        """
        (m.status = 'held' AND NOT thanked AND m.starts_at >= ?
         AND m.starts_at + to_minutes(coalesce(m.actual_minutes, m.promised_minutes))
             + INTERVAL 24 HOUR <= ?)
        OR (m.status = 'scheduled' AND NOT prepared AND m.starts_at > ?
            AND CAST(timezone(?, m.starts_at) AS DATE) <= ?)
        OR (m.status = 'scheduled' AND m.starts_at + to_minutes(m.promised_minutes) <= ?
            AND m.starts_at >= ?)
        """,
        "m.starts_at, m.id",
        [stale, now, now, zone.key, today + timedelta(days=1), now, stale],
    )


def due_items(
    conn: duckdb.DuckDBPyConnection,
    now: datetime,
    *,
    rows: list[MeetingSummary] | None = None,
    apart: dict[int, tuple[str, ...]] | None = None,
) -> list[MeetingDue]:
    """What meetings ask of the user now.

    - held, and 24 hours after its end no thank-you is logged: the thank-you is overdue;
    - scheduled for today (not yet started) or tomorrow and nothing prepared: prepare;
    - scheduled, its promised time is over, and no outcome recorded: debrief.
    Meetings more than `STALE_AFTER_DAYS` days ago are left alone.

    `rows` (`due_meetings`) and `apart` (`referrals.names_apart` of their people, or more)
    may be given by a caller that read them already: the Follow-ups page reads the
    namesakes of everyone it names at once.
    """
    zone = profile.zone(conn)
    today = now.astimezone(zone).date()
    if rows is None:
        rows = due_meetings(conn, now)
    if apart is None:  # Two Ana Lees at Acme: each title names its own (`person_told_apart`).
        apart = referrals.names_apart(conn, [m.contact_id for m in rows])
    due = []
    for m in rows:
        start = m.starts_at.astimezone(zone)
        who = person_told_apart(m.person, m.company, apart.get(m.contact_id, ()))
        if m.status == "held":
            kind, key, due_on = "thank_you", f"thank_you:{m.id}", start.date() + timedelta(days=1)
            title = f"Send a thank-you to {who}"
            if (today - start.date()).days > THANKS_LATE_AFTER_DAYS:
                detail = (
                    f"You met on {text.day(start)}. It is late, but a short thank-you still "
                    "lands well; or dismiss this if the moment has passed."
                )
            else:
                detail = (
                    f"You met on {text.day(start)}. A short note within a day is best, and it "
                    "is not too late."
                )
        elif m.starts_at > now:
            kind, key = "prepare", f"prepare:{m.id}:{start:%Y%m%dT%H%M}"
            due_on = start.date() - timedelta(days=1)
            title = f"Prepare for your meeting with {who}"
            # No company on record, or only a placeholder such as 'N/A' (`m.company` is '' for
            # both): there is no company to read up on, as the prep sheet says; the person is.
            about = "the company" if m.company else f"{m.person} and their work"
            detail = (
                f"You meet on {text.day(start)} at {start:%H:%M}. Pick a few questions and read "
                f"up on {about}."
            )
        else:
            kind, key, due_on = "debrief", f"debrief:{m.id}:{start:%Y%m%dT%H%M}", start.date()
            title = f"Record how the meeting with {who} went"
            detail = (
                f"It was on {text.day(start)}. Note the answers and who they suggested while "
                "you still remember."
            )
        due.append(MeetingDue(key, kind, m.id, m.contact_id, m.company_id, title, detail, due_on))
    return due
