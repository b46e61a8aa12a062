"""Who introduced you to whom: the people named in meetings, the chains of introductions,
and how much each introducer's introductions yielded."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from infoint import targets
from infoint.contacts import employer_sql
from infoint.errors import InvalidInputError, NotFoundError
from infoint.funnel import stage_name
from infoint.text import counted, day, folded_sql, joined, name_order_sql, percent

MAX_NAMES = 20
# The headline names this many of the introducers who logged introductions without a name.
NAMED_UNNAMED = 3


@dataclass(frozen=True)
class ReferredPerson:
    first_name: str
    last_name: str = ""
    company: str = ""
    position: str = ""
    line: int = field(default=0, compare=False)  # where it was typed, to point at it

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Introductions:
    """What the names from one meeting became; `sentences` says it to the user."""

    introducer: str  # the person met, who named them
    added: tuple[int, ...] = ()  # new contacts introduced by the person met
    marked: tuple[str, ...] = ()  # already contacts, now marked as introduced by them
    known: tuple[str, ...] = ()  # already introduced by them (a second save)
    # Already contacts, left as they were: (name, why), e.g. introduced by someone else.
    kept: tuple[tuple[str, str], ...] = ()
    # Lines naming several contacts, so nothing was done for them: (line, as typed, how
    # many match, what would tell them apart).
    unclear: tuple[tuple[int, str, int, str], ...] = ()
    marked_ids: tuple[int, ...] = ()  # the contacts `marked` names, in its order
    left: tuple[str, ...] = ()  # already contacts the user chose to leave as they were
    # People added as new who share their whole name with a contact at another company, who
    # may be the same person moved on: (the line they were typed on, that namesake), to ask
    elsewhere: tuple[tuple[int, int], ...] = ()
    added_lines: tuple[int, ...] = ()  # the line each of `added` was typed on, in its order

    @property
    def sentences(self) -> list[str]:
        """What the names became, each sentence with what to do next, where nothing else says
        it: "1 new contact introduced by Ana Lee: write to them from the Outreach page."."""
        return self.said()

    def said(self, *, outreach_linked: bool = False) -> list[str]:
        """`sentences`, or with `outreach_linked` for a page that puts the way to Outreach
        ("Write to them on the Outreach page") right under them: the new contacts are then
        only counted, "Added 1 new contact introduced by Ana Lee.", not told twice where to
        go next."""
        said = []
        if self.added:
            count = len(self.added)
            them = f"{count} new {'contact' if count == 1 else 'contacts'} introduced by "
            said.append(
                f"Added {them}{self.introducer}."
                if outreach_linked
                else f"{them}{self.introducer}: write to them from the Outreach page."
            )
        said += [
            f"{name} was already in your contacts: now marked as introduced by {self.introducer}."
            for name in self.marked
        ]
        if self.known:
            said.append(f"Already introduced by {self.introducer}: {', '.join(self.known)}.")
        said += [
            f"{name} was already in your contacts: left as it was, as you chose."
            for name in self.left
        ]
        said += [
            f"{name} was already in your contacts, {why}: left as it was."
            for name, why in self.kept
        ]
        said += [
            f"Line {line} ({typed}) matches {count} people in your contacts, so nothing was "
            f"added for it: {hint}."
            for line, typed, count, hint in self.unclear
        ]
        return said


def _tell_apart(person: ReferredPerson) -> str:
    """What to add to a line that matches several contacts."""
    if not person.company:
        more = "their company" if person.last_name else "their last name or company"
        return f"add {more} to tell them apart"
    if not person.last_name:
        return "add their last name to tell them apart"
    return "they share that name and company; add the right one on the Contacts page"


# What tells namesakes apart, tried in this order (`names_apart`): their company, their
# position, the day LinkedIn connected you (else the day they were added), and last the order
# they were added in, in words ('first of 2'), so it does not read as a degree. The Outreach
# picker says that order in these words too (`outreach._told_apart`).
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def name_endings_sql(names: str) -> str:
    """SQL for every way a trimmed last name, lower-cased, can end the names `names` gives (a
    query with a column `name`): the whole name, each part after a space, and '' for a name
    held in the first name alone ('Anna Maria' 'Berg' and 'Anna' 'Maria Berg' read alike).
    Whoever shares one of those names has a last name among these, so they narrow the
    contacts cheaply (by the last name alone) before whole names are built and compared:
    here (`names_apart`) and in the Outreach picker (`outreach._told_apart`)."""
    return f"""
        SELECT lower(array_to_string(list_slice(parts, k, len(parts)), ' '))
        FROM (SELECT parts, unnest(range(1, len(parts) + 1)) AS k
              FROM (SELECT string_split(trim(name), ' ') AS parts FROM ({names})))
        UNION ALL SELECT ''
    """


# The contacts sharing a name with any of $ids (read trimmed, in any case), oldest first, with
# what may tell them apart; `{among}` narrows them to $ids themselves. The names are read in
# the same query, not in a round trip before it. Contacts are narrowed by their last name
# first (`name_endings_sql`), materialized so that the whole names are built only for those:
# left to the planner, a few ids got the whole names of all 30,000 contacts built first.
_WANTED_NAMES = (
    "SELECT trim(first_name || ' ' || last_name) AS name FROM contacts"
    " WHERE id IN (SELECT unnest($ids::BIGINT[]))"
)
_NAMESAKES = f"""
    WITH near AS MATERIALIZED (
        SELECT id, first_name, last_name, company_id, position, connected_on, created_at
        FROM contacts
        WHERE {{among}} lower(trim(last_name)) IN ({name_endings_sql(_WANTED_NAMES)})
    )
    SELECT c.id, lower(trim(c.first_name || ' ' || c.last_name)),
           coalesce(co.name, ''), trim(c.position), c.connected_on,
           CAST(c.created_at AS DATE)
    FROM near c
    LEFT JOIN companies co ON co.id = c.company_id
    WHERE lower(trim(c.first_name || ' ' || c.last_name))
          IN (SELECT lower(trim(first_name || ' ' || last_name)) FROM near
              WHERE id IN (SELECT unnest($ids::BIGINT[])))
    ORDER BY c.created_at, c.id
"""


def names_apart(
    conn: duckdb.DuckDBPyConnection, ids: Iterable[int], *, among: bool = False
) -> dict[int, tuple[str, ...]]:
    """For each of these contacts whose name another contact shares (read trimmed, in any
    case): what tells them apart, the fewest details that do, as the Outreach picker does it
    (`outreach._told_apart`): their company, where the namesakes' differ; then the position,
    for those still alike; then the day they were connected or added; then the order they were
    added in. Someone sharing a name always gets one detail, so no sentence or picture reads two
    people as one. Everyone else is left out (no detail needed).

    `among`: only these contacts count as namesakes, and only company and position are said:
    for words written to someone who knows them (a thank-you naming whom they introduced).

    One query, about as long for a few hundred ids as for one: a page or a list that names
    several kinds of people asks once for all of them, and hands the answer down."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if not wanted:
        return {}
    # `among`: only these contacts are compared; else every contact sharing a name
    among_them = "id IN (SELECT unnest($ids::BIGINT[])) AND" if among else ""
    rows = conn.execute(_NAMESAKES.format(among=among_them), {"ids": wanted}).fetchall()
    groups: dict[str, list[tuple]] = {}
    for row in rows:
        groups.setdefault(row[1], []).append(row)
    apart: dict[int, tuple[str, ...]] = {}
    for group in groups.values():
        if len(group) > 1:
            apart |= _details_apart(group, dated=not among)
    return {i: apart[i] for i in wanted if i in apart}


def _details_apart(group: list[tuple], *, dated: bool) -> dict[int, tuple[str, ...]]:
    """The details telling apart namesakes (rows of `names_apart`, oldest first): one kind at a
    time, each only for those still alike and only when it differs among them."""
    details: dict[int, list[str]] = {row[0]: [] for row in group}

    def alike() -> list[list[tuple]]:
        sets: dict[str, list[tuple]] = {}
        for row in group:
            sets.setdefault(", ".join(details[row[0]]).lower(), []).append(row)
        return [rows for rows in sets.values() if len(rows) > 1]

    for column in (2, 3):  # the company, then the position
        for rows in alike():
            if len({row[column].lower() for row in rows}) > 1:
                for row in rows:
                    if row[column]:
                        details[row[0]].append(row[column])
    if not dated:
        return {i: tuple(parts) for i, parts in details.items() if parts}
    for row in group:  # one with no company or position said, among others with theirs
        if not details[row[0]]:
            details[row[0]].append(_day_of(row))
    for rows in alike():
        for row in rows:
            if _day_of(row) not in details[row[0]]:
                details[row[0]].append(_day_of(row))
    for rows in alike():  # oldest first: the order they were added in
        for at, row in enumerate(rows):
            nth = ORDINALS[at] if at < len(ORDINALS) else f"number {at + 1}"
            details[row[0]].append(f"{nth} of {len(rows)}")
    return {i: tuple(parts) for i, parts in details.items()}


def _day_of(row: tuple) -> str:
    return f"connected {day(row[4])}" if row[4] else f"added {day(row[5])}"


def told_apart(name: str, details: tuple[str, ...], beside: str = "") -> str:
    """'Bo Chen (Beta Labs)': the name with what tells them apart from their namesakes, less
    `beside`, a company the page shows next to the name already; the name alone when nothing
    is left to say."""
    said = [part for part in details if not (beside and part.lower() == beside.lower())]
    return f"{name} ({', '.join(said)})" if said else name


# A contact's employer as Referrals shows it beside their name, in the table, the chain, the
# picture and the picker: NULL for no company or a placeholder such as 'N/A' or
# 'Self-employed', as on Contacts and Meetings (`contacts.employer_sql`). `names_apart` reads
# the stored name instead: what their record holds tells namesakes apart.
_EMPLOYER = employer_sql("co.name")
_NAME = "trim(c.first_name || ' ' || c.last_name)"


@dataclass(frozen=True)
class Link:
    """One introduction: `introducer_id` introduced you to `contact_id`."""

    contact_id: int
    name: str
    company: str
    stage: int
    introducer_id: int | None
    introduced: int = 0  # everyone they introduced, drawn or not


@dataclass(frozen=True)
class Yield:
    """What one introducer's introductions became, by the furthest funnel stage reached."""

    contact_id: int
    name: str
    company: str
    introduced: int
    contacted: int
    replied: int
    met: int
    referred: int
    opportunity: int
    further_down: int  # people introduced by the people they introduced, and so on


@dataclass(frozen=True)
class ChainStep:
    contact_id: int
    name: str
    company: str
    stage: int
    hops: int  # 0 for the person asked about; the start of the chain has the most
    # What tells them apart from contacts of the same name (`names_apart`); () for most
    told_apart: tuple[str, ...] = ()
    # The furthest stage since they were introduced (`_SINCE_INTRODUCED`), as the page's
    # headline counts it; None for someone nobody introduced (the start of the chain)
    since_introduced: int | None = None
    # Introduced in a meeting's debrief, dated at its start: what came that day counts as
    # before the introduction (`_SINCE_INTRODUCED`)
    at_meeting: bool = False

    def said(self, beside: str = "") -> str:
        """Their name, told apart from namesakes, less `beside` (`told_apart`)."""
        return told_apart(self.name, self.told_apart, beside)

    @property
    def to_write_to(self) -> bool:
        """Not written to since they were introduced (or ever, if nobody introduced them):
        writing to them is the next step, as the headline counts it."""
        return (self.stage if self.since_introduced is None else self.since_introduced) == 0

    @property
    def stage_said(self) -> str:
        """'met', or for someone further along before the introduction than since,
        'contacted before the introduction; not contacted since' ('before the introduction or
        on its day' when a debrief named them: that day counts as before)."""
        now = stage_name(self.stage).lower()
        if self.since_introduced is None or self.since_introduced == self.stage:
            return now
        before = (
            "before the introduction or on its day"
            if self.at_meeting
            else "before the introduction"
        )
        return f"{now} {before}; {stage_name(self.since_introduced).lower()} since"


# What splits a line of names into name, company and position when it has no semicolon: a
# comma, or a dash with spaces around it (Priya Patel - Quartz Games - Producer, with -, – or
# —); a dash inside a word (Lee-Ann) splits nothing.
REFERRED_PARTS = re.compile(r",|\s+[-–—]\s+")
_DASH = re.compile(r"\s+[-–—]\s+")


def referred_parts(line: str) -> list[str]:
    """A line of names split into its parts, trimmed: by semicolons when it has one (a comma
    is then part of the words: 'Jo Smith; Acme, Inc.; VP, Sales'), else by commas and dashes."""
    parts = line.split(";") if ";" in line else REFERRED_PARTS.split(line)
    return [part.strip() for part in parts]


def parse_referred(text: str) -> list[ReferredPerson]:
    """One person per line: 'name', 'name; company' or 'name; company; position'.

    Without a semicolon, the parts may be split by one comma ('Jo Smith, Acme') or by dashes
    ('Priya Patel - Quartz Games - Producer'). A comma can be part of a company ('Acme, Inc.')
    or a position ('VP, Engineering'), so a line with more than one comma, or with commas and
    dashes both, is refused rather than guessed at: semicolons say it plainly."""
    people = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = referred_parts(line)
        if not any(parts):
            continue
        if not parts[0]:
            raise InvalidInputError(
                f"Line {number} has no name before its company: add their name first, or "
                "remove the line."
            )
        if ";" not in line and (line.count(",") > 1 or ("," in line and _DASH.search(line))):
            said = line.strip() if len(line.strip()) <= 60 else line.strip()[:59] + "…"
            raise InvalidInputError(
                f"Line {number} ({said}) can be read more than one way, as a company "
                "or position may hold a comma: put semicolons between the name, company and "
                "position, as in “Jo Smith; Acme, Inc.; VP, Sales”."
            )
        if len(parts) > 3:
            raise InvalidInputError(
                f"Line {number} has more than three parts: write the name, company and position "
                "with semicolons between them."
            )
        first, _, last = parts[0].partition(" ")
        company = parts[1] if len(parts) > 1 else ""
        position = parts[2] if len(parts) > 2 else ""
        people.append(ReferredPerson(first, last.strip(), company, position, number))
    if len(people) > MAX_NAMES:
        raise InvalidInputError(f"Add at most {MAX_NAMES} people at a time.")
    return people


# Contacts a named person could be: the same full name (or first name, when only that is
# given), in any case and with or without accents, as searches find them; with whether they
# have no employer on record (no company, or a placeholder such as
# 'N/A': `targets.PLACEHOLDER_COMPANIES`), whether they are at the company named
# (`targets.find_company_id`: by match key, a name merged away standing for the company
# kept; never a placeholder, which gathers strangers), who introduced them, whether their
# whole name is the one typed (not only their first name): a namesake at another company, and
# whether they were introduced at $at (by this debrief, saved before, when by its introducer).
_CANDIDATES = f"""
    SELECT c.id, trim(c.first_name || ' ' || c.last_name), c.referred_by,
           c.company_id IS NULL OR coalesce({targets.placeholder_company_sql("co.name")}, false),
           coalesce(c.company_id = $company_id
                    AND NOT {targets.placeholder_company_sql("co.name")}, false),
           trim(coalesce(r.first_name || ' ' || r.last_name, '')),
           {folded_sql("trim(c.first_name || ' ' || c.last_name)")} = {folded_sql("$name")},
           coalesce(c.referred_at = $at, false)
    FROM contacts c
    LEFT JOIN companies co ON co.id = c.company_id
    LEFT JOIN contacts r ON r.id = c.referred_by
    WHERE {folded_sql("trim(c.first_name || ' ' || c.last_name)")} = {folded_sql("$name")}
       OR ($last = '' AND {folded_sql("trim(c.first_name)")} = {folded_sql("$name")})
    ORDER BY c.id
"""


def add_referred_people(
    conn: duckdb.DuckDBPyConnection,
    introducer_id: int,
    people: list[ReferredPerson],
    *,
    introduced_at: datetime | None = None,
    leave: Iterable[int] = (),
    same: Iterable[tuple[int, int]] = (),
) -> Introductions:
    """Link each person named to `introducer_id`: an existing contact, or a new one.

    `introduced_at` is when they were named, now by default. A debrief passes its meeting's
    start: it may be saved days later, and the meeting held is dated at its start
    (`contact_events`), so Met and Referred from one meeting share its day and its week, on
    Home and in the workbook. Stored on the user's clock, as `referred_at` always is.

    Call inside the caller's transaction (the debrief is one write). A person is matched
    by name (first name alone when only that is given, any case) and, when a company is
    named, by its match key, a name merged away meaning the company kept (a contact with no
    company on record, or only a placeholder such as 'N/A', fits any). One match that
    nobody introduced is marked as introduced by them (and, unless the user knows them
    directly, 1st degree, they become the mutual contact if there is none), unless its id is
    in `leave`: the user chose to leave it as it is; several matches do nothing but say
    which line to make precise; no match becomes a new 2nd-degree contact. Saving the same
    names again changes nothing.
    A person named with a company where no contact of that name is (nor one with no
    employer), whose whole name a contact at another company has, may be that contact moved
    on: never merged unasked, a new contact is added and `Introductions.elsewhere` pairs its
    line with each such namesake, so the page can ask; a namesake paired with that line in
    `same`, as (line, contact id), is the person named (the user said so), linked as any one
    match is, and no one is added. One this introducer introduced at this very moment
    (`introduced_at`: this debrief, saved before with her ticked) is that person too, so a
    second save adds no one; one introduced by them at another meeting, or added or linked by
    another line of these, is not (`_namesakes`).
    The sentences say a name another contact shares with what tells them apart
    (`names_apart`): 'Bo Chen (Beta Labs) was already in your contacts…'.
    """
    chain = referral_chain(conn, introducer_id)
    if not chain:
        raise NotFoundError("The person who introduced them is no longer in your contacts.")
    upstream = {step.contact_id for step in chain}
    at = _introduction_moment(conn, introduced_at)
    # Contacts are kept by id, as (id, name), and named once all are known: a name another
    # contact shares is said with what tells them apart (`names_apart`).
    added, marked, known, kept, unclear, left, elsewhere = [], [], [], [], [], [], []
    added_lines = []
    leave = {int(i) for i in leave}
    same = {(int(line), int(i)) for line, i in same}
    # Whom the lines before have named, by id: (that line, as typed). A namesake one of them
    # took is not another line's to take (`_namesakes`).
    taken: dict[int, tuple[int, tuple[str, str]]] = {}
    claimed = None  # whom the lines name at the company they name: read only when needed
    for person in people:
        if not person.name:
            raise InvalidInputError("Every person introduced needs a name.")
        found = _candidates(conn, person, at)
        namesakes = []
        if person.company:
            fitting = [row for row in found if row[4]] or [row for row in found if row[3]]
            if not fitting:  # the whole name typed, at another company: the same person?
                whole = [
                    row
                    for row in found
                    if row[6] and row[0] != introducer_id and row[0] not in upstream
                ]
                if whole and claimed is None:
                    claimed = _claimed(conn, people)
                fitting, namesakes = _namesakes(
                    person, whole, introducer_id, same, taken, claimed or {}
                )
            found = fitting
        theirs = [row for row in found if row[2] == introducer_id]
        took = None  # the contact this line names, once it is known
        if theirs:
            known.append(theirs[0][:2])
            took = theirs[0][0]
        elif len(found) > 1:
            typed = ", ".join(p for p in (person.name, person.company) if p)
            unclear.append((person.line, typed, len(found), _tell_apart(person)))
        elif found:
            contact_id, name, referred_by, _, _, introduced_by, *_ = found[0]
            took = contact_id
            if contact_id == introducer_id:
                kept.append(((contact_id, name), "met", None))
            elif contact_id in upstream:
                kept.append(((contact_id, name), "led", (introducer_id, chain[-1].name)))
            elif referred_by is not None:
                kept.append(((contact_id, name), "by", (referred_by, introduced_by)))
            elif contact_id in leave:
                left.append((contact_id, name))
            else:
                # Someone the user knows directly has no one between them: a mutual contact
                # beside "1st — you know them directly" said two things at once.
                conn.execute(
                    "UPDATE contacts SET referred_by = $by, referred_at = $at,"
                    " mutual_contact_id = CASE WHEN degree = '1st' THEN mutual_contact_id"
                    " ELSE coalesce(mutual_contact_id, $by) END,"
                    " updated_at = current_localtimestamp() WHERE id = $id",
                    {"by": introducer_id, "at": at, "id": contact_id},
                )
                marked.append((contact_id, name))
        else:
            took = _add_referred(conn, introducer_id, person, at)
            added.append(took)
            added_lines.append(person.line)
            elsewhere += [(person.line, row[0]) for row in namesakes]
        if took is not None:
            taken.setdefault(took, (person.line, _as_typed(person)))
    named = [(introducer_id, chain[-1].name), *marked, *known, *left]
    named += [who for first, _, by in kept for who in (first, by) if who is not None]
    # Nobody named (a debrief without names): no sentence to say, nothing to tell apart.
    apart = names_apart(conn, [contact_id for contact_id, _ in named]) if people else {}

    def said(who: tuple[int, str]) -> str:
        return told_apart(who[1], apart.get(who[0], ()))

    introducer = said((introducer_id, chain[-1].name))
    return Introductions(
        introducer,
        tuple(added),
        tuple(said(who) for who in marked),
        tuple(said(who) for who in known),
        tuple((said(who), _why_kept(why, by, said)) for who, why, by in kept),
        tuple(unclear),
        tuple(contact_id for contact_id, _ in marked),
        tuple(said(who) for who in left),
        tuple(elsewhere),
        tuple(added_lines),
    )


def _candidates(
    conn: duckdb.DuckDBPyConnection, person: ReferredPerson, at: datetime | None
) -> list[tuple]:
    """The contacts `person` could be (`_CANDIDATES`), with whether each was introduced at
    `at`."""
    return conn.execute(
        _CANDIDATES,
        {
            "name": person.name,
            "last": person.last_name,
            "company_id": targets.find_company_id(conn, person.company),
            "at": at,
        },
    ).fetchall()


def _as_typed(person: ReferredPerson) -> tuple[str, str]:
    """A line's name and company, in any case: two lines alike name one person."""
    return (" ".join(person.name.casefold().split()), " ".join(person.company.casefold().split()))


def _claimed(conn: duckdb.DuckDBPyConnection, people: list[ReferredPerson]) -> dict[int, set[int]]:
    """The contacts a line names by their whole name at their own company: id -> those lines.
    Such a contact is that line's person, never a namesake another line may take."""
    claimed: dict[int, set[int]] = {}
    for person in people:
        if person.name and person.company:
            for row in _candidates(conn, person, None):
                if row[4] and row[6]:
                    claimed.setdefault(row[0], set()).add(person.line)
    return claimed


def _namesakes(
    person: ReferredPerson,
    rows: list[tuple],
    introducer_id: int,
    same: set[tuple[int, int]],
    taken: dict[int, tuple[int, tuple[str, str]]],
    claimed: dict[int, set[int]],
) -> tuple[list[tuple], list[tuple]]:
    """For a line naming a company where no contact of its name is, the contacts of its whole
    name elsewhere (`rows`, as `_CANDIDATES` reads them): (those that are the person named,
    those to ask about).

    Not this line's at all: one another line names at their own company (`claimed`), or one
    a line before took (`taken`: added, linked or named), unless that line was typed alike
    (the same person named twice), when they are the person named. So is one the introducer
    introduced at this very moment (this debrief, saved before with her ticked). Else the
    person named is the one the user ticked for this line (`same`), if any; two are refused,
    and so is one ticked for this line that a line typed otherwise took."""
    typed = _as_typed(person)
    again, ours, asked = [], [], []
    for row in rows:
        if claimed.get(row[0], set()) - {person.line}:
            continue
        if row[0] in taken:
            line, as_typed = taken[row[0]]
            if as_typed == typed:
                again.append(row)
            elif (person.line, row[0]) in same:
                raise InvalidInputError(
                    f"You ticked the same {row[1]} for line {line} and line {person.line}, "
                    "which name different people: tick them for one line only, then save again."
                )
        elif row[2] == introducer_id and row[7]:
            ours.append(row)
        else:
            asked.append(row)
    picked = [row for row in asked if (person.line, row[0]) in same]
    if not (again or ours) and len(picked) > 1:
        raise InvalidInputError(
            f"You ticked {len(picked)} contacts as the {person.name} of line {person.line}, "
            "and only one can be: tick one, or none, then save again."
        )
    return again or ours or picked, asked


def _why_kept(why: str, by: tuple[int, str] | None, said: Callable[[tuple[int, str]], str]) -> str:
    """Why someone named was left as they were: the person met ("met"), one who led you to
    the person met ("led", `by` that person), or introduced by someone else ("by", `by` who)."""
    if why == "met" or by is None:
        return "and is the person you met"
    if why == "led":
        return f"and led you to {said(by)}"
    return f"introduced by {said(by) if by[1] else 'someone else'}"


def _introduction_moment(conn: duckdb.DuckDBPyConnection, at: datetime | None) -> datetime:
    """`at` (now if None) on the user's clock, without its zone, as `referred_at` holds it:
    DuckDB's TimeZone is the profile's, so an aware moment converts to the user's time and a
    naive one is read as already theirs."""
    rows = conn.execute(
        "SELECT coalesce(CAST(CAST(? AS TIMESTAMPTZ) AS TIMESTAMP), current_localtimestamp())",
        [at],
    ).fetchall()
    return rows[0][0]


def _add_referred(
    conn: duckdb.DuckDBPyConnection, introducer_id: int, person: ReferredPerson, at: datetime
) -> int:
    company_id = targets.ensure_company(conn, person.company, source="referral")
    row = conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name, company_id, position,"
        " degree, mutual_contact_id, referred_by, referred_at, source)"
        " VALUES (?, ?, ?, ?, ?, '2nd', ?, ?, ?, 'referral')"
        " RETURNING id",
        [
            f"referral:{uuid.uuid4().hex}",
            person.first_name,
            person.last_name,
            company_id,
            person.position,
            introducer_id,
            introducer_id,
            at,
        ],
    ).fetchall()
    return int(row[0][0])


# Each person introduced, with the furthest funnel stage the introduction took them to: what
# it yielded, which the Referrals page counts. DESIGN's funnel: "the person introduced starts
# at no stage". So someone already in your contacts before the introduction (`referred_at`),
# say written to in 2023 and named at a meeting now, is counted from the introduction on: the
# outreach before it was the user's own doing, not the introducer's. Someone who came into
# your contacts with the introduction (added from a debrief, source 'referral'; or added by
# hand as introduced, dated in the same statement; or introduced before 0015 dated the
# introductions, which took the row's date) counts with everything logged of them, a history
# typed in late included. Their own place in the funnel (`contact_stages`) is unchanged.
# A debrief dates its introductions at the meeting's start (`add_referred_people`), not when
# the user typed the names: a message to someone already known, logged later that day, may
# well have come before anyone named them (a walkthrough wrote to Maria, then named
# her in the debrief of a meeting held earlier that day, and read 'You have written to 1 of
# them').
# So for an introduction dated at a meeting with the introducer, only what came on a later
# day counts (`MEETING_DAY_SAID`); one recorded by hand is dated when it was, to the moment.
_SINCE_INTRODUCED = """
    SELECT r.id AS contact_id,
           coalesce(max(e.stage) FILTER (
               WHERE r.referred_at IS NULL
                  OR r.source = 'referral'
                  OR r.created_at = r.referred_at
                  OR (m.contact_id IS NULL AND e.occurred_at >= r.referred_at)
                  OR CAST(e.occurred_at AS DATE) > CAST(r.referred_at AS DATE)), 0) AS stage,
           m.contact_id IS NOT NULL AS at_meeting
    FROM contacts r
    LEFT JOIN (SELECT DISTINCT contact_id, CAST(starts_at AS TIMESTAMP) AS at FROM meetings) m
        ON m.contact_id = r.referred_by AND m.at = r.referred_at
    LEFT JOIN contact_events e ON e.contact_id = r.id
    WHERE r.referred_by IS NOT NULL
    GROUP BY r.id, m.contact_id
"""

# What the rule above means for the user, said under the table of yields.
MEETING_DAY_SAID = (
    "For someone already in your contacts, only what came after the introduction counts. "
    "When they were named in a meeting's debrief, what you logged of them on that meeting's "
    "day counts as before it, as it may have come first."
)


def _furthest_first(stage: str) -> str:
    """How introducers are ranked, in the table and the picture, grouped by introducer with
    `stage` the funnel stage of each person they introduced: the furthest stage anyone they
    introduced reached (an opportunity, Referred, met, replied, contacted, introduced only),
    then how many reached each stage from the furthest down, then how many they introduced."""
    at_least = ", ".join(f"count(*) FILTER (WHERE {stage} >= {n}) DESC" for n in (5, 4, 3, 2, 1))
    return f"max({stage}) DESC, {at_least}, count(*) DESC"


# The picture draws this many introducers and at most this many of the people they
# introduced, so it stays readable (and its height bounded) however many there are.
PICTURE_INTRODUCERS = 15
PICTURE_PEOPLE = 25


@dataclass(frozen=True)
class Picture:
    """The introductions worth drawing, and how many were left to the table and the tracer."""

    links: list[Link]
    introducers: int  # drawn: those whose introductions went furthest, who led you to them
    all_introducers: int  # everyone who named someone
    people: int  # people introduced who are drawn
    all_people: int  # everyone named by someone

    @property
    def note(self) -> str:
        """What the picture leaves out, and where to find it; empty when it shows everyone."""
        if self.introducers == self.all_introducers and self.people == self.all_people:
            return ""
        more = self.all_introducers - self.introducers
        said = [
            f"The picture shows the {counted(self.introducers, 'introducer')} whose "
            f"introductions went furthest and {self.people:,} of the "
            f"{counted(self.all_people, 'person', 'people')} introduced, those furthest along "
            "first."
        ]
        if more:
            said.append(f"And {counted(more, 'more introducer')}: see the table above.")
        said.append("Pick anyone introduced to you above to see their whole chain.")
        return " ".join(said)


def referral_picture(
    conn: duckdb.DuckDBPyConnection,
    introducers: int = PICTURE_INTRODUCERS,
    people: int = PICTURE_PEOPLE,
) -> Picture:
    """The introducers whose introductions went furthest (ranked as in `referral_yields`),
    whoever led you to them, and up to `people` of the people they introduced: one of each
    introducer's first, furthest along first, then a second of each, and so on.

    Only the people introduced take a row of the picture (an introducer sits beside those
    they introduced), so its height stays bounded by `people`.
    """
    rows = conn.execute(
        f"""
        WITH RECURSIVE
        introduced AS (  -- everyone named by someone still in your contacts
            -- ranked by what the introduction yielded, as the table is (`_SINCE_INTRODUCED`)
            SELECT r.id, r.referred_by, s.stage
            FROM contacts r
            JOIN contacts i ON i.id = r.referred_by
            JOIN ({_SINCE_INTRODUCED}) s ON s.contact_id = r.id
        ),
        ranked AS (
            SELECT referred_by AS id,
                   row_number() OVER (
                       ORDER BY {_furthest_first("stage")}, referred_by
                   ) AS rank,
                   count(*) AS introduced
            FROM introduced GROUP BY referred_by
        ),
        drawn_people AS (
            SELECT id FROM (
                SELECT i.id, r.rank,
                       row_number() OVER (PARTITION BY i.referred_by
                                          ORDER BY i.stage DESC, i.id) AS turn
                FROM introduced i JOIN ranked r ON r.id = i.referred_by
                WHERE r.rank <= $introducers
            )
            ORDER BY turn, rank LIMIT $people
        ),
        -- the introducers drawn, and who led you to them, back to where it started
        upstream(id, path) AS (
            SELECT id, [id] FROM ranked WHERE rank <= $introducers
            UNION ALL
            SELECT c.referred_by, list_append(u.path, c.referred_by)
            FROM upstream u JOIN contacts c ON c.id = u.id
            WHERE c.referred_by IS NOT NULL AND NOT list_contains(u.path, c.referred_by)
              AND EXISTS (SELECT 1 FROM contacts x WHERE x.id = c.referred_by)
        ),
        drawn AS (SELECT id FROM upstream UNION SELECT id FROM drawn_people)
        SELECT c.id, trim(c.first_name || ' ' || c.last_name), coalesce({_EMPLOYER}, ''),
               s.stage,
               -- an introducer that no longer exists ends the chain
               CASE WHEN EXISTS (SELECT 1 FROM contacts r WHERE r.id = c.referred_by)
                    THEN c.referred_by END,
               coalesce(n.introduced, 0),
               (SELECT count(*) FROM ranked), (SELECT count(*) FROM introduced)
        FROM drawn d
        JOIN contacts c ON c.id = d.id
        JOIN contact_stages s ON s.contact_id = c.id
        LEFT JOIN companies co ON co.id = c.company_id
        LEFT JOIN ranked n ON n.id = c.id
        ORDER BY c.id
        """,
        {"introducers": introducers, "people": people},
    ).fetchall()
    # Namesakes told apart in the picture's names: its dots are people, never one name twice.
    apart = names_apart(conn, [row[0] for row in rows])
    links = [
        Link(int(i), told_apart(name, apart.get(i, ())), company, int(stage), ref, int(n))
        for i, name, company, stage, ref, n, *_ in rows
    ]
    drawn_ids = {link.contact_id for link in links}
    all_introducers, all_people = (int(n) for n in rows[0][6:]) if rows else (0, 0)
    return Picture(
        links,
        # those with an introduction in the picture: the top ones and who led you to them
        introducers=len({link.introducer_id for link in links if link.introducer_id in drawn_ids}),
        all_introducers=all_introducers,
        people=sum(1 for link in links if link.introducer_id in drawn_ids),
        all_people=all_people,
    )


def referral_yields(conn: duckdb.DuckDBPyConnection) -> list[Yield]:
    """Per introducer: how many they introduced, how far those went, and the chains beyond."""
    rows = conn.execute(
        f"""
        WITH RECURSIVE below(root, id, path) AS (
            SELECT referred_by, id, [referred_by, id] FROM contacts
            WHERE referred_by IS NOT NULL
            UNION ALL
            SELECT b.root, c.id, list_append(b.path, c.id)
            FROM below b JOIN contacts c ON c.referred_by = b.id
            WHERE NOT list_contains(b.path, c.id)
        ),
        further AS (
            SELECT b.root, count(DISTINCT b.id) AS n
            FROM below b JOIN contacts c ON c.id = b.id
            WHERE c.referred_by <> b.root AND b.id <> b.root
            GROUP BY b.root
        )
        SELECT i.id, trim(i.first_name || ' ' || i.last_name), coalesce({_EMPLOYER}, ''),
               count(*),
               count(*) FILTER (WHERE s.stage >= 1), count(*) FILTER (WHERE s.stage >= 2),
               count(*) FILTER (WHERE s.stage >= 3), count(*) FILTER (WHERE s.stage >= 4),
               count(*) FILTER (WHERE s.stage >= 5),
               coalesce(any_value(f.n), 0)
        FROM contacts r
        JOIN contacts i ON i.id = r.referred_by
        JOIN ({_SINCE_INTRODUCED}) s ON s.contact_id = r.id
        LEFT JOIN companies co ON co.id = i.company_id
        LEFT JOIN further f ON f.root = i.id
        GROUP BY i.id, i.first_name, i.last_name, co.name
        ORDER BY {_furthest_first("s.stage")}, i.id
        """
    ).fetchall()
    apart = names_apart(conn, [row[0] for row in rows])  # the Company column is beside
    return [
        Yield(
            int(row[0]),
            told_apart(row[1], apart.get(row[0], ()), beside=row[2]),
            row[2],
            *(int(n) for n in row[3:]),
        )
        for row in rows
    ]


def referral_chain(conn: duckdb.DuckDBPyConnection, contact_id: int) -> list[ChainStep]:
    """From a contact back through who introduced whom, to where it started.

    Ordered from the start of the chain to this contact. A cycle (A introduced by B, B by A,
    after a mistaken edit) stops at the first person seen twice.
    """
    rows = conn.execute(
        f"""
        WITH RECURSIVE chain(id, hops, path) AS (
            SELECT id, 0, [id] FROM contacts WHERE id = ?
            UNION ALL
            SELECT c.referred_by, chain.hops + 1, list_append(chain.path, c.referred_by)
            FROM chain JOIN contacts c ON c.id = chain.id
            WHERE c.referred_by IS NOT NULL AND NOT list_contains(chain.path, c.referred_by)
        )
        SELECT c.id, trim(c.first_name || ' ' || c.last_name), coalesce({_EMPLOYER}, ''),
               s.stage, chain.hops, i.stage, coalesce(i.at_meeting, false)
        FROM chain
        JOIN contacts c ON c.id = chain.id
        JOIN contact_stages s ON s.contact_id = c.id
        -- what each introduction yielded, as the headline counts it; for the chain's people only
        LEFT JOIN ({_SINCE_INTRODUCED} HAVING r.id IN (SELECT id FROM chain)) i
            ON i.contact_id = c.id
        LEFT JOIN companies co ON co.id = c.company_id
        ORDER BY chain.hops DESC
        """,
        [contact_id],
    ).fetchall()
    apart = names_apart(conn, [row[0] for row in rows])
    return [
        ChainStep(
            int(i),
            name,
            company,
            int(stage),
            int(h),
            apart.get(i, ()),
            None if since is None else int(since),
            bool(at_meeting),
        )
        for i, name, company, stage, h, since, at_meeting in rows
    ]


def referred_people(conn: duckdb.DuckDBPyConnection, limit: int = 500) -> list[tuple[int, str]]:
    """People someone introduced you to, for picking whose chain to show: 'Bo Chen — Beta
    Labs' ('Bo Chen' for no company or a placeholder such as 'N/A'), a name another contact
    shares told apart (`names_apart`). By name as it reads, folded as Contacts orders names
    (`text.name_order_sql`): 'émile Zola' among the E's."""
    rows = conn.execute(
        f"SELECT c.id, {_NAME}, {_EMPLOYER}"
        " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id"
        " WHERE c.referred_by IS NOT NULL"
        f" ORDER BY {name_order_sql(_NAME)} NULLS LAST, c.id LIMIT ?",
        [limit],
    ).fetchall()
    apart = names_apart(conn, [row[0] for row in rows])
    people = []
    for i, name, company in rows:
        label = told_apart(name, apart.get(i, ()), beside=company or "")
        people.append((int(i), f"{label} — {company}" if company is not None else label))
    return people


@dataclass(frozen=True)
class Totals:
    introducers: int  # people who introduced you, however recorded: at Referred or beyond (the
    # funnel's Referred also counts people at Opportunity who introduced no one)
    named_by: int  # those of them who named someone: the rows of the table of yields
    introduced: int  # the people they named
    contacted: int  # of the people named
    met: int
    unnamed: int  # introductions logged by introducers who have named nobody
    # the first few of those introducers (`NAMED_UNNAMED`), by name: whose debriefs to add to
    unnamed_by: tuple[str, ...]
    # People at Opportunity who introduced no one: the funnel's Referred counts them too (a
    # stage counts those at it or beyond), so the headline says so beside `introducers`.
    beyond: int = 0
    # The ids of `unnamed_by`, in its order: Referrals' way to add the people each introduced
    # opens Contacts' form with them chosen. Not compared: the same people, said the same.
    unnamed_ids: tuple[int, ...] = field(default=(), compare=False)

    @property
    def sentence(self) -> str:
        """The headline, told so that its numbers match the table below it: the introducers
        who named someone are the table's rows, the others are said apart."""
        if not self.introducers:
            return ""
        people = "person" if self.introducers == 1 else "people"
        # the funnel's Referred when it is exactly these people; else said apart, last
        where = "" if self.beyond else " (Referred or further in your funnel)"
        said = [f"{self.introducers:,} {people} introduced you to someone{where}."]
        if self.named_by:
            who = (
                "They"
                if self.named_by == self.introducers
                else f"{self.named_by:,} of them, listed in the table below,"
            )
            said.append(f"{who} named {counted(self.introduced, 'person', 'people')}.")
            said.append(self._reached())
        if self.unnamed:
            # Everyone else who introduced you did it without a name (the table omits them):
            # named, so the user knows whose introductions to add, and as whose.
            others = self.introducers - self.named_by
            names = list(self.unnamed_by)
            source = (
                joined(names)
                if others <= len(names)
                else f"{', '.join(names)} and {others - len(names):,} more"
            )
            what = "an introduction" if self.unnamed == 1 else f"{self.unnamed:,} introductions"
            whom = "that person" if self.unnamed == 1 else "those people"
            introducer = f"with {names[0]} as" if others == 1 else "each with"
            said.append(
                f"From {source}, you logged {what} without a name: add {whom} on the Contacts "
                f"page (“Add a person by hand”), {introducer} who put you in touch."
            )
        if self.beyond:
            # Home's Referred is larger: said whom else it counts, so the numbers agree
            who = "the one" if self.introducers == 1 else f"the {self.introducers:,}"
            said.append(
                f"Your funnel's Referred counts {self.introducers + self.beyond:,}: {who} "
                f"who introduced you and {self.beyond:,} at Opportunity who introduced no one."
            )
        return " ".join(said)

    def _reached(self) -> str:
        """How far you got with the people named, said as theirs: 'Of the 2 people they
        named, you have written to 1 (50 %)'; 'You have written to 1 of them' read as one of
        the introducers (walkthrough). One person named is 'that person'."""
        if self.introduced == 1:
            return {
                (False, False): "You have not written to that person since they were named.",
                (True, False): "You have written to that person and not met them yet.",
                (True, True): "You have written to that person and met them.",
                (False, True): "You have met that person.",
            }[(self.contacted > 0, self.met > 0)]
        of = f"Of the {self.introduced:,} people they named, you have written to"
        if not self.contacted:
            met = f", but met {self.met:,}" if self.met else ""
            return f"{of} none since they were named{met}."
        share = percent(self.contacted / self.introduced)
        met = f"{self.met:,}" if self.met else "none yet"
        return f"{of} {self.contacted:,} ({share}) and met {met}."


def referral_totals(conn: duckdb.DuckDBPyConnection) -> Totals:
    """The whole referral picture in a few numbers.

    An introducer is anyone the funnel counts as Referred for an introduction: a referral
    logged on them, or someone added as introduced by them. So the first number here and
    the funnel's Referred agree even when no name was written down, but for the people at
    Opportunity who introduced no one (`beyond`), whom the headline names apart.
    """
    row = conn.execute(
        f"""
        WITH named AS (
            SELECT DISTINCT referred_by AS id FROM contacts WHERE referred_by IS NOT NULL
        ),
        introducers AS (
            SELECT id FROM named
            UNION
            SELECT contact_id FROM interactions WHERE kind = 'referral'
        ),
        givers AS (
            SELECT count(*) AS everyone,
                   count(*) FILTER (WHERE i.id IN (SELECT id FROM named)) AS naming
            FROM introducers i JOIN contacts c ON c.id = i.id
        ),
        -- each introduction logged by someone who has named nobody, as the sentence says
        unnamed_by_each AS (
            SELECT c.id, any_value(trim(c.first_name || ' ' || c.last_name)) AS name,
                   count(*) AS logged
            FROM interactions r JOIN contacts c ON c.id = r.contact_id
            WHERE r.kind = 'referral' AND r.contact_id NOT IN (SELECT id FROM named)
            GROUP BY c.id
        ),
        -- and who logged them, the first few by name as it reads (`text.name_order_sql`):
        -- whose introductions to add
        unnamed AS (
            SELECT coalesce(sum(logged), 0) AS unnamed,
                   list_slice(list(id ORDER BY {name_order_sql("name")} NULLS LAST, id), 1, ?)
                       AS unnamed_by
            FROM unnamed_by_each
        ),
        introduced AS (  -- counted from each introduction on (`_SINCE_INTRODUCED`)
            SELECT count(*) AS introduced,
                   count(*) FILTER (WHERE s.stage >= 1) AS contacted,
                   count(*) FILTER (WHERE s.stage >= 3) AS met
            FROM contacts c JOIN ({_SINCE_INTRODUCED}) s ON s.contact_id = c.id
            WHERE c.referred_by IS NOT NULL
        ),
        -- the funnel's Referred counts everyone at it or beyond: those at Opportunity who
        -- introduced no one too, said apart in the headline. Only an opportunity logged takes
        -- anyone past Referred (`contact_events`): read from those, not every contact's stage.
        beyond AS (
            SELECT count(DISTINCT o.contact_id) AS beyond
            FROM interactions o JOIN contacts c ON c.id = o.contact_id
            WHERE o.kind = 'opportunity' AND o.contact_id NOT IN (SELECT id FROM introducers)
        )
        SELECT everyone, naming, introduced, contacted, met, unnamed, unnamed_by, beyond
        FROM givers, introduced, unnamed, beyond
        """,
        [NAMED_UNNAMED],
    ).fetchall()[0]
    ids = row[6] or []
    return Totals(
        *(int(n) for n in row[:6]),
        _names(conn, ids),
        int(row[7]),
        unnamed_ids=tuple(int(i) for i in ids),
    )


def _names(conn: duckdb.DuckDBPyConnection, ids: list[int]) -> tuple[str, ...]:
    """These contacts' names, in this order, namesakes told apart (`names_apart`)."""
    if not ids:
        return ()
    names = dict(
        conn.execute(
            "SELECT id, trim(first_name || ' ' || last_name) FROM contacts"
            " WHERE id IN (SELECT unnest(?::BIGINT[]))",
            [ids],
        ).fetchall()
    )
    apart = names_apart(conn, ids)
    return tuple(told_apart(names[i], apart.get(i, ())) for i in ids)
