"""People: the network from LinkedIn and the people added by hand or by referral."""

from __future__ import annotations

import dataclasses
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from infoint import db, targets
from infoint.errors import InvalidInputError, NotFoundError
from infoint.funnel import NO_INDUSTRY, stage_name
from infoint.linkedin import normalise_profile_url
from infoint.text import day as written_date
from infoint.text import folded_sql, holds_sql, name_order_sql
from infoint.text import joined as and_list

DEGREES = ("1st", "2nd", "cold")
# Where the user picks a degree: what each means, and what to do for a 2nd.
DEGREE_HELP = {
    "1st": "you know them directly",
    "2nd": "someone you know knows them (name that person as the mutual contact)",
    "cold": "no one connects you yet",
}
# Where a record shows it: a description, asking for nothing (`degree_description`).
DEGREE_MEANINGS = {
    "1st": "you know them directly",
    "2nd": "someone you know knows them",
    "cold": "no one connects you yet",
}
SOURCES = ("linkedin", "manual", "referral", "demo")
# Where a person came from says who owns their name and job. The people of a LinkedIn export
# (the demo's came from one too) have them from LinkedIn: an import updates their company and
# title, and never their name. People added by hand or introduced are the user's to correct.
TYPED_SOURCES = ("manual", "referral")
SOURCE_LABELS = {
    "linkedin": "your LinkedIn export",
    "manual": "added by hand",
    "referral": "introduced by someone",
    "demo": "demo data",
}
# Held by every write that adds people, from checking their profile keys to its commit: with no
# UNIQUE index on contacts.profile_key (migration 0005), two writers at once could each add the
# same person. Only one process can open the database, so a lock in it is enough.
ADDING_PEOPLE = threading.Lock()
# The longest notes on a person or a meeting, in characters: four messages' worth
# (`interactions.BODY_LIMIT`), as they gather what many conversations taught (some 3,000
# words, ten printed pages); more is a pasted document, not notes. Notes already longer
# (written before there was a limit, or joined by a merge) stay as they are, and can be saved
# as they are or shortened (`check_notes`).
NOTES_LIMIT = 20_000
# The Contacts page's address with `?add=person` shows "Add a person by hand" open, at the top
# of the page: where Referrals' "Add the people introduced" leads (it sat closed at the bottom).
ADD_PERSON_PARAM = "add"
ADD_PERSON_VALUE = "person"
# With it, `?by=<id>` names who introduced the people to add: the form opens with them chosen
# under "Introduced by" (Referrals' links name the introducer whose introductions lack names).
INTRODUCER_PARAM = "by"
PERSON_NOTES = "Notes on a person"  # what the sentence of `check_notes` calls a contact's notes


def employer_sql(name: str) -> str:
    """SQL: the company name `name` (a column or an expression) as an employer, NULL for none.
    A placeholder such as 'N/A' or 'Self-employed' (`targets.PLACEHOLDER_COMPANIES`) names no
    employer, so a list shows it as it shows no company, and a search or an order by company
    passes it by; what is stored stays as it is."""
    return (
        f"CASE WHEN {targets.placeholder_company_sql(name)} THEN NULL ELSE nullif({name}, '') END"
    )


def employer(company: str) -> str:
    """`company` as an employer: '' for a placeholder such as 'N/A', by the rule
    `employer_sql` follows (`targets.is_placeholder_company`)."""
    return "" if targets.is_placeholder_company(company) else company


def check_notes(notes: str, subject: str, kept: str = "", counted: str = "") -> None:
    """Refuse `notes` longer than `NOTES_LIMIT` and than `kept`, the notes they replace, in one
    sentence about `subject` ("Notes on a person"); `counted`, a sentence, says what the count
    includes beyond what was typed, if anything. As `interactions.update_interaction` does for
    a body: an old note over the limit can still be saved unchanged, or shortened."""
    if len(notes) <= max(NOTES_LIMIT, len(kept)):
        return
    if len(kept) > NOTES_LIMIT:  # so they need not be cut to the limit, only kept from growing
        sentence = (
            f"These {subject.lower()} were already {len(kept):,} characters, over the "
            f"{NOTES_LIMIT:,} limit: they can be kept or shortened, not made longer (these have "
            f"{len(notes):,})."
        )
    else:
        sentence = (
            f"{subject} can be at most {NOTES_LIMIT:,} characters; these have {len(notes):,}."
        )
    raise InvalidInputError(f"{sentence} {counted}".strip())


def require_contact(conn: duckdb.DuckDBPyConnection, contact_id: int) -> None:
    """Raise our error if the contact is gone (references are enforced here, not by FKs)."""
    found = conn.execute("SELECT count(*) FROM contacts WHERE id = ?", [contact_id]).fetchall()
    if not found[0][0]:
        raise NotFoundError("That contact no longer exists.")


def left_unlinked_sql(going: str) -> str:
    """SQL condition on `contacts`: a 2nd-degree person whom only people about to go (`going`,
    a query of contact ids) connect you to, as mutual contact, introducer or both. With them
    gone no one does, which `require_link` refuses of a 2nd: they are to be made cold."""
    return (
        f"degree = '2nd' AND id NOT IN ({going})"
        " AND coalesce(mutual_contact_id, referred_by) IS NOT NULL"
        f" AND coalesce(mutual_contact_id IN ({going}), true)"
        f" AND coalesce(referred_by IN ({going}), true)"
    )


def require_link(degree: str, mutual_contact_id: int | None, referred_by: int | None) -> None:
    """A 2nd-degree contact is one someone you know connects you to: the form promises to name
    that person, so a 2nd with no one named is refused. Who introduced them connects you too
    (introductions named at a meeting make the introducer the mutual contact)."""
    if degree == "2nd" and mutual_contact_id is None and referred_by is None:
        raise InvalidInputError(
            "A 2nd-degree contact needs the person who connects you: pick their mutual contact "
            "(or who introduced them), or choose 1st or cold."
        )


def add_contact(
    conn: duckdb.DuckDBPyConnection,
    first_name: str,
    last_name: str = "",
    *,
    company: str = "",
    position: str = "",
    email: str = "",
    linkedin_url: str = "",
    degree: str = "1st",
    mutual_contact_id: int | None = None,
    referred_by: int | None = None,
    source: str = "manual",
    notes: str = "",
) -> int:
    """Add a person by hand (met at an event, introduced by someone); returns their id.

    A 2nd-degree contact needs the person who connects you (`require_link`), whoever adds
    them: the page, a script or a test; a cold one, whom no one connects you to, has none."""
    first_name, last_name = first_name.strip(), last_name.strip()
    if not (first_name or last_name):
        raise InvalidInputError("Give the person a first or last name.")
    targets.check_name_length(f"{first_name} {last_name}".strip())  # as lists show it
    if degree not in DEGREES:
        raise InvalidInputError(f"'{degree}' is not a degree infoint knows (1st, 2nd or cold).")
    require_link(degree, mutual_contact_id, referred_by)
    if degree == "cold" and (mutual_contact_id is not None or referred_by is not None):
        # Cold reads "no one connects you yet" where it is picked and on the record.
        raise InvalidInputError(
            "Cold means no one connects you, yet you named who does: choose 2nd, or 1st if "
            "you know them directly, or set the mutual contact and introducer to Nobody."
        )
    if source not in SOURCES:
        raise InvalidInputError(f"'{source}' is not a contact source infoint knows.")
    email = _checked_email(email)
    check_notes(notes, PERSON_NOTES)
    for other in (mutual_contact_id, referred_by):
        if other is not None:
            require_contact(conn, other)
    typed_url = targets.visible_name(linkedin_url or "")  # as `normalise_profile_url` reads it
    url = normalise_profile_url(typed_url) if typed_url else ""
    if typed_url and not url:
        raise InvalidInputError(
            "That does not look like a LinkedIn profile address: paste one like "
            "https://www.linkedin.com/in/name, or leave it empty."
        )
    key = url or f"{source}:{uuid.uuid4().hex}"
    with ADDING_PEOPLE, db.transaction(conn):
        if url and (owner := _owner_of(conn, url)):  # unique by this check, not by an index
            raise InvalidInputError(profile_taken_sentence(owner[1]))  # (migration 0005)
        company_id = targets.ensure_company(conn, company, source=source)
        row = conn.execute(
            "INSERT INTO contacts (profile_key, linkedin_url, first_name, last_name, email,"
            " company_id, position, degree, mutual_contact_id, referred_by, referred_at,"
            " source, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " CASE WHEN CAST(? AS BIGINT) IS NOT NULL THEN current_localtimestamp() END, ?, ?)"
            " RETURNING id",
            [
                key,
                url or None,
                first_name,
                last_name,
                email,
                company_id,
                position.strip(),
                degree,
                mutual_contact_id,
                referred_by,
                referred_by,  # dated now when there is one
                source,
                notes,
            ],
        ).fetchall()
    return int(row[0][0])


def _owner_of(conn: duckdb.DuckDBPyConnection, url: str) -> tuple[int, str] | None:
    """(id, name) of whoever has the normalised profile address `url`, as their own or as an
    alias left by a merge."""
    taken = conn.execute(
        "SELECT id, trim(first_name || ' ' || last_name) FROM contacts"
        " WHERE linkedin_url = $url OR profile_key = $url"
        " OR id IN (SELECT contact_id FROM contact_aliases WHERE profile_key = $url)"
        " ORDER BY id LIMIT 1",
        {"url": url},
    ).fetchall()
    return (int(taken[0][0]), taken[0][1] or NAMELESS) if taken else None


def profile_owner(conn: duckdb.DuckDBPyConnection, linkedin_url: str) -> tuple[int, str] | None:
    """Who already has the LinkedIn profile address typed (any spelling LinkedIn's addresses
    take), as (id, name): adding a person says so before anything else, as `add_contact` would
    refuse them. None when no one has it, or it is no profile address."""
    url = normalise_profile_url(linkedin_url)
    return _owner_of(conn, url) if url else None


def profile_taken_sentence(name: str) -> str:
    """What adding a person with a profile address someone has already is told."""
    return (
        f"{name} already has that LinkedIn profile. Open them to add what you know, or check "
        "the address if you are adding someone else."
    )


NAMELESS = "(no name)"
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _checked_email(email: str) -> str:
    """The address as it reads (`targets.visible_name`: trimmed, and without the characters
    that take no room, such as the word joiners `ui.as_written` puts in an address quoted in
    the app's own words, which come with it when it is copied), or our error if it is not
    shaped like one; empty is allowed."""
    email = targets.visible_name(email or "")
    if email and not _EMAIL_SHAPE.match(email):
        raise InvalidInputError(
            f"'{email}' does not look like an email address: check it, or leave it empty."
        )
    return email


_NAME_SQL = "trim(c.first_name || ' ' || c.last_name)"


def _words(text: str) -> list[str]:
    return [word for word in (text or "").lower().split() if word]


def _as_typed(text: str) -> str:
    return " ".join(text.split())


def _all_words_in(column: str, words: list[str]) -> tuple[str, list]:
    """Every word must appear in the column, any case, accents or none (`text.holds_sql`:
    `contains` needs no escaping of % or _)."""
    return " AND ".join(holds_sql(column) for _ in words), list(words)


def words_condition(column: str, text: str) -> tuple[str, list]:
    """SQL true when `column` holds every word typed, any case, accents or none ("zoe" finds
    Zoë), with its parameters.

    The one way pickers on every page search: `%` and `_` are taken as typed, never as
    wildcards; nothing typed matches everyone.
    """
    words = _words(text)
    return _all_words_in(column, words) if words else ("TRUE", [])


@dataclass(frozen=True)
class ContactSearch:
    """The filters of the network search, applied in this order to show how each narrows."""

    name: str = ""
    company: str = ""
    position: str = ""
    industries: tuple[str, ...] = ()  # funnel.NO_INDUSTRY stands for companies without one
    degrees: tuple[str, ...] = ()
    stages: tuple[int, ...] = ()  # numbers from contact_stages: 0 not contacted … 5
    connected_since: date | None = None

    def conditions(self) -> list[tuple[str, str, list]]:
        """(label, SQL condition over c, co and s, parameters) for each filter in use."""
        found = []
        # Each filter is named as typed (the company's too): only the search ignores case.
        if words := _words(self.name):
            found.append((f"name '{_as_typed(self.name)}'", *_all_words_in(_NAME_SQL, words)))
        if company := self.company.strip():
            found.append((f"company '{company}'", holds_sql(employer_sql("co.name")), [company]))
        if words := _words(self.position):
            label = f"position '{_as_typed(self.position)}'"
            found.append((label, *_all_words_in("c.position", words)))
        if self.industries:
            named = [i for i in self.industries if i != NO_INDUSTRY]
            parts, params = [], []
            if named:
                parts.append("list_contains(?, co.industry)")
                params.append(named)
            if NO_INDUSTRY in self.industries:
                parts.append("coalesce(co.industry, '') = ''")
            label = "industry " + ", ".join(self.industries)
            found.append((label, "(" + " OR ".join(parts) + ")", params))
        if self.degrees:
            found.append(
                (
                    "degree " + ", ".join(self.degrees),
                    "list_contains(?, c.degree)",
                    [list(self.degrees)],
                )
            )
        if self.stages:
            label = "stage " + ", ".join(stage_name(s) for s in sorted(self.stages))
            found.append((label, "list_contains(?, s.stage)", [sorted(self.stages)]))
        if self.connected_since is not None:
            found.append(
                (
                    f"connected since {written_date(self.connected_since)}",
                    "c.connected_on >= ?",
                    [self.connected_since],
                )
            )
        return found


def _matching_from(search: ContactSearch, order: str = "name") -> str:
    """Contacts with their company; stages joined only when the search filters or sorts by them."""
    joined = "contacts c LEFT JOIN companies co ON co.id = c.company_id"
    if search.stages or order == "stage":
        joined += " LEFT JOIN contact_stages s ON s.contact_id = c.id"
    return joined


# How the search can order everyone who matches, before a page is cut from them.
SORTS = {
    "name": "Name (A–Z)",
    "company": "Company (A–Z)",
    "newest": "Newest connection first",
    "oldest": "Oldest connection first",
    "stage": "Furthest stage first",
}
# "Name (A–Z)" orders the Name column as it reads, first name first (what a click on its
# header does to one page, for everyone who matches): folded as searches fold (`folded_sql`:
# no case, no accents), punctuation left out, so 'Sam "Sammy" Lee' is placed by "sam sammy
# lee", Zoë Ñúñez among the Z's and "Bob", with one name, by "bob". No name at all: last.
_NAME_SORT_SQL = name_order_sql(_NAME_SQL)
_BY_NAME = [(_NAME_SORT_SQL, "ASC NULLS LAST")]
# Each ends with the name, then the id (added in the query), so every page is stable.
_SORT_KEYS = {
    "name": _BY_NAME,
    "company": [(f"lower({employer_sql('co.name')})", "ASC NULLS LAST"), *_BY_NAME],
    "newest": [("c.connected_on", "DESC NULLS LAST"), *_BY_NAME],
    "oldest": [("c.connected_on", "ASC NULLS LAST"), *_BY_NAME],
    "stage": [("coalesce(s.stage, 0)", "DESC"), *_BY_NAME],
}


def count_contacts(conn: duckdb.DuckDBPyConnection) -> int:
    return int(conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0])


def narrowing_counts(
    conn: duckdb.DuckDBPyConnection, search: ContactSearch
) -> list[tuple[str, int]]:
    """How many people match as each filter is added: everyone first, then each prefix.

    One query: each filter is computed once as a flag, then a `count(*) FILTER` per prefix.
    """
    conditions = search.conditions()
    flags = [f"({sql}) AS f{n}" for n, (_, sql, _) in enumerate(conditions)]
    counts = ["count(*)"] + [
        "count(*) FILTER (WHERE " + " AND ".join(f"f{n}" for n in range(end)) + ")"
        for end in range(1, len(conditions) + 1)
    ]
    params = [value for _, _, values in conditions for value in values]
    row = conn.execute(
        f"SELECT {', '.join(counts)}"
        f" FROM (SELECT {', '.join(['1 AS one', *flags])} FROM {_matching_from(search)})",
        params,
    ).fetchall()[0]
    labels = ["everyone", *(label for label, _, _ in conditions)]
    return [(label, int(count)) for label, count in zip(labels, row, strict=True)]


def search_contacts(
    conn: duckdb.DuckDBPyConnection,
    search: ContactSearch,
    page: int = 1,
    page_size: int = 50,
    order: str = "name",
) -> tuple[pd.DataFrame, int]:
    """One page of the people matching (indexed by contact id) and how many match in all.

    All who match are put in `order` (a key of SORTS) before the page is cut, so page 1 of
    "oldest first" starts with the oldest of everyone. Only the page's rows get their details
    and stage; the rest are only counted.
    """
    if page < 1 or not 1 <= page_size <= 1000:
        raise InvalidInputError("That page of results does not exist.")
    if order not in _SORT_KEYS:
        raise InvalidInputError(f"'{order}' is not an order the search knows.")
    conditions = search.conditions()
    where = " AND ".join(sql for _, sql, _ in conditions) or "TRUE"
    params = [value for _, _, values in conditions for value in values]
    keys = _SORT_KEYS[order]
    sort_columns = ", ".join(f"{sql} AS sort_{n}" for n, (sql, _) in enumerate(keys))
    sorted_by = ", ".join(f"sort_{n} {direction}" for n, (_, direction) in enumerate(keys))
    page_sorted_by = ", ".join(
        f"page.sort_{n} {direction}" for n, (_, direction) in enumerate(keys)
    )
    frame = conn.execute(
        f"""
        WITH hits AS (
            SELECT c.id, {sort_columns} FROM {_matching_from(search, order)} WHERE {where}
        ),
        page AS (
            SELECT * FROM hits ORDER BY {sorted_by}, id LIMIT ? OFFSET ?
        )
        SELECT total.n AS total, c.id, {_NAME_SQL} AS name,
               coalesce({employer_sql("co.name")}, '') AS company,
               c.position, coalesce(co.industry, '') AS industry, c.degree,
               coalesce(s.stage, 0) AS stage, c.connected_on
        FROM (SELECT count(*) AS n FROM hits) AS total
        LEFT JOIN (
            page JOIN contacts c ON c.id = page.id
            LEFT JOIN companies co ON co.id = c.company_id
            LEFT JOIN contact_stages s ON s.contact_id = c.id
        ) ON TRUE
        ORDER BY {page_sorted_by}, page.id
        """,
        [*params, page_size, (page - 1) * page_size],
    ).df()
    total = int(frame["total"].iloc[0])
    frame = frame.dropna(subset=["id"]).drop(columns="total")
    frame["id"] = frame["id"].astype("int64")
    frame["name"] = frame["name"].replace("", NAMELESS)
    frame["stage"] = frame["stage"].astype("int64").map(stage_name)
    return frame.set_index("id"), total


def list_industries(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """The industries of the companies people work at, for the search's industry filter."""
    rows = conn.execute(
        "SELECT DISTINCT industry FROM companies WHERE coalesce(industry, '') <> ''"
        " ORDER BY industry"
    ).fetchall()
    return [row[0] for row in rows]


@dataclass(frozen=True)
class Contact:
    id: int
    first_name: str
    last_name: str
    email: str  # typed by the user; wins over the one LinkedIn gave
    linkedin_email: str
    linkedin_url: str | None
    company_id: int | None
    company: str
    industry: str
    position: str
    connected_on: date | None
    degree: str
    mutual_contact_id: int | None
    mutual_contact_name: str
    referred_by: int | None
    referred_by_name: str
    source: str
    notes: str
    tags: str
    stage: int

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or NAMELESS

    @property
    def typed_in(self) -> bool:
        """Added by hand or introduced, not from an export: their name and job are the
        user's to correct (`update_contact`)."""
        return self.source in TYPED_SOURCES

    @property
    def job_kept_by_imports(self) -> bool:
        """Whether a new LinkedIn import updates their company and position: someone from an
        export, or someone added by hand whom an export's row finds by their profile address
        (one typed in, or matched already, which dated the connection). The importer keeps
        their source, so a correction typed here is overwritten by the next import."""
        if self.source == "linkedin":
            return True
        return self.typed_in and bool(self.linkedin_url or self.connected_on)

    @property
    def shown_email(self) -> str:
        return self.email or self.linkedin_email

    @property
    def job(self) -> str:
        """'Analyst at Acme', the parts known, under their name on their record. A placeholder
        company such as 'N/A' is not said as an employer ('Analyst at N/A'), yet what is on
        their record is said: 'Analyst · no company named (“N/A” on their record)'."""
        if self.company and not employer(self.company):
            none = f"no company named (“{self.company}” on their record)"
            return f"{self.position} · {none}" if self.position else none[0].upper() + none[1:]
        return " at ".join(part for part in (self.position, self.company) if part)


def degree_description(person: Contact) -> str:
    """'2nd — you know them through Ana Lee': the degree on a person's record, naming their
    mutual contact when one is named (plain text: user text in it)."""
    if person.degree == "2nd" and person.mutual_contact_id is not None:
        return f"2nd — you know them through {person.mutual_contact_name or NAMELESS}"
    return f"{person.degree} — {DEGREE_MEANINGS.get(person.degree, '')}".removesuffix(" — ")


def get_contact(conn: duckdb.DuckDBPyConnection, contact_id: int) -> Contact:
    rows = conn.execute(
        """
        SELECT c.id, c.first_name, c.last_name, c.email, c.linkedin_email, c.linkedin_url,
               c.company_id, coalesce(co.name, ''), coalesce(co.industry, ''), c.position,
               c.connected_on, c.degree,
               m.id, coalesce(trim(m.first_name || ' ' || m.last_name), ''),
               r.id, coalesce(trim(r.first_name || ' ' || r.last_name), ''),
               c.source, c.notes, c.tags,
               coalesce((SELECT stage FROM contact_stages WHERE contact_id = $id), 0)
        FROM contacts c
        LEFT JOIN companies co ON co.id = c.company_id
        LEFT JOIN contacts m ON m.id = c.mutual_contact_id
        LEFT JOIN contacts r ON r.id = c.referred_by
        WHERE c.id = $id
        """,
        {"id": contact_id},
    ).fetchall()
    if not rows:
        raise NotFoundError("That contact no longer exists.")
    row = list(rows[0])
    row[13] = row[13] or (NAMELESS if row[12] is not None else "")
    row[15] = row[15] or (NAMELESS if row[14] is not None else "")
    return Contact(*row)


def find_contacts_by_name(
    conn: duckdb.DuckDBPyConnection, text: str, *, limit: int = 20, exclude: int | None = None
) -> list[tuple[int, str]]:
    """People whose name holds every word typed, as (id, "Name — Company") for pickers."""
    words = _words(text)
    if not words:
        return []
    where, params = _all_words_in(_NAME_SQL, words)
    rows = conn.execute(
        f"""
        SELECT c.id, {_NAME_SQL}, coalesce({employer_sql("co.name")}, '')
        FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE {where} AND c.id IS DISTINCT FROM ?
        ORDER BY {_NAME_SORT_SQL} NULLS LAST, c.id
        LIMIT ?
        """,
        [*params, exclude, limit],
    ).fetchall()
    return [(int(cid), picker_label(name, company)) for cid, name, company in rows]


def picker_label(name: str, company: str) -> str:
    """'Ana Lee — Acme': a person as the pickers list them, `company` as `employer` says it."""
    name = name or NAMELESS
    return f"{name} — {company}" if company else name


def count_contacts_by_name(
    conn: duckdb.DuckDBPyConnection, text: str, *, exclude: int | None = None
) -> int:
    """How many people `find_contacts_by_name` would find with no limit, so a picker cut
    short can say so."""
    words = _words(text)
    if not words:
        return 0
    where, params = _all_words_in(_NAME_SQL, words)
    rows = conn.execute(
        f"SELECT count(*) FROM contacts c WHERE {where} AND c.id IS DISTINCT FROM ?",
        [*params, exclude],
    ).fetchall()
    return int(rows[0][0])


@dataclass(frozen=True)
class SameName:
    """Someone already in the network by the name about to be added."""

    id: int
    name: str
    company: str  # as an employer: '' for a placeholder such as 'N/A' (`employer_sql`)
    stage: int
    same_company: bool


def _squeezed(sql: str) -> str:
    """SQL: `sql` in lower case without any space, so "Edda  Abara" and "edda abara" meet."""
    return f"regexp_replace(lower({sql}), '\\s+', '', 'g')"


def _spaced(sql: str) -> str:
    """SQL: `sql` in lower case, trimmed, each run of spaces made one: "Cara  Diaz" and
    "cara diaz" meet, while "Anna Smith" and "Ann Asmith" stay two names."""
    return f"trim(regexp_replace(lower({sql}), '\\s+', ' ', 'g'))"


def find_same_name(
    conn: duckdb.DuckDBPyConnection, first_name: str, last_name: str, *, company: str = ""
) -> list[SameName]:
    """People already there under this name (any case, accents or none, any spaces between
    and around its words), those at `company` first, then by last and first name read as
    they are matched (folded, spaces made one): a name alike to the last accent keeps the
    order they were added in.

    Adding someone by hand asks first when the person may be there already: a second record
    would start again at Not contacted, apart from all that was logged about the first.
    Names are folded as searches fold them (`text.folded_sql`), so "Zoe Nunez" is asked about
    when Zoë Ñúñez is there: a search for either finds both.
    """
    name = " ".join(f"{first_name} {last_name}".split())
    if not name:
        return []
    full_name = folded_sql("c.first_name || ' ' || c.last_name")
    rows = conn.execute(
        f"""
        WITH same AS (
            SELECT c.id, {_NAME_SQL} AS name, coalesce(co.name, '') AS company,
                   {_squeezed("coalesce(co.name, '')")} = $company AS same_company,
                   {_spaced(folded_sql("c.last_name"))} AS last,
                   {_spaced(folded_sql("c.first_name"))} AS first
            FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
            WHERE {_spaced(full_name)} = {folded_sql("$name")}
        )
        SELECT same.id, same.name, coalesce({employer_sql("same.company")}, ''),
               coalesce(s.stage, 0), same.same_company
        FROM same LEFT JOIN contact_stages s ON s.contact_id = same.id
        ORDER BY same.same_company DESC, same.last, same.first, same.id
        """,
        {"name": name, "company": re.sub(r"\s+", "", company.lower())},
    ).fetchall()
    return [
        SameName(int(cid), who, firm, int(stage), same_company=bool(alike))
        for cid, who, firm, stage, alike in rows
    ]


def _typed_tags(tags: str) -> list[str]:
    """The tags between the commas as they read, empty ones too: trimmed, spaces inside one
    tag made one, and the characters that take no room taken out (`targets.visible_name`, as
    for a typed email), such as the word joiners `ui.unlinked` puts in an address that a
    confirmation quotes, which come along when the tags are copied out of it."""
    return [" ".join(targets.visible_name(tag).split()) for tag in (tags or "").split(",")]


def normalise_tags(tags: str) -> str:
    """The tags as saved and shown: trimmed, empty ones dropped, each once whatever its case
    (the first spelling, in the order typed), joined by a comma and a space."""
    seen, kept = set(), []
    for tag in _typed_tags(tags):
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return ", ".join(kept)


def tags_note(tags: str) -> str:
    """One short line when saving `tags` leaves out an empty tag or a repeat, naming what is
    kept; '' when every tag typed is kept (spacing and unseen characters aside, which the field
    shows saved)."""
    typed = _typed_tags(tags)
    if not any(typed):
        return ""  # nothing typed but commas or spaces: no tags, as the field will show
    kept = normalise_tags(tags)
    empty = sum(1 for tag in typed if not tag)
    repeats = sum(1 for tag in typed if tag) - len(kept.split(", "))
    left_out = []
    if empty:
        left_out.append("an empty tag" if empty == 1 else f"{empty} empty tags")
    if repeats:
        left_out.append("a repeat" if repeats == 1 else f"{repeats} repeats")
    if not left_out:
        return ""
    were = "was" if left_out in (["an empty tag"], ["a repeat"]) else "were"
    return f"Tags saved as “{kept}”: {and_list(left_out)} {were} left out."


def update_contact(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    *,
    email: str,
    degree: str,
    mutual_contact_id: int | None,
    referred_by: int | None,
    notes: str,
    tags: str,
    first_name: str | None = None,
    last_name: str | None = None,
    company: str | None = None,
    position: str | None = None,
) -> None:
    """Save the fields the user owns (a re-import never overwrites them).

    The name, company and position of someone added by hand or introduced (`TYPED_SOURCES`)
    are theirs too, to correct a typo or follow a move: checked as `add_contact` checks them,
    the company found or added by its match key (`targets.ensure_company`), and each change
    of company or title recorded in `contact_changes`, as an import records one (no import
    batch). Those of someone from a LinkedIn export come from it: a change is refused. Any
    left None stays as it is.

    A new introducer dates the introduction now, the week it counts in on Home; the same one
    keeps its date; none clears both, and someone added as introduced ('referral') becomes
    added by hand ('manual'), so the app stops saying someone introduced them. A LinkedIn or
    demo person keeps their source whoever introduced them: it says where they came from, and
    the demo's removal finds its people by it.

    A change of degree, mutual contact or introducer leaving a 2nd with no one who connects
    you is refused (`require_link`). A record already so (its mutual contact deleted) whose
    links stay as they are is saved: its notes stay editable.

    Notes longer than `NOTES_LIMIT` are refused, unless no longer than those saved before
    (`check_notes`).
    """
    found = conn.execute(
        "SELECT c.degree, c.mutual_contact_id, c.referred_by, c.notes, c.source,"
        " coalesce(c.first_name, ''), coalesce(c.last_name, ''), c.company_id,"
        " coalesce(co.name, ''), coalesce(c.position, '')"
        " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?",
        [contact_id],
    ).fetchall()
    if not found:
        raise NotFoundError("That contact no longer exists.")
    *links, kept_notes, source = found[0][:5]
    job = _typed_job(source, found[0][5:], first_name, last_name, company, position)
    email = _checked_email(email)
    check_notes(notes, PERSON_NOTES, kept_notes)
    if degree not in DEGREES:
        raise InvalidInputError(f"'{degree}' is not a degree infoint knows (1st, 2nd or cold).")
    if (degree, mutual_contact_id, referred_by) != tuple(links):  # kept as it was: not asked
        require_link(degree, mutual_contact_id, referred_by)
    if mutual_contact_id is not None:
        if mutual_contact_id == contact_id:
            raise InvalidInputError("A person cannot be their own mutual contact.")
        require_contact(conn, mutual_contact_id)
    with db.transaction(conn):
        _check_introducer(conn, contact_id, referred_by)
        if job is not None:
            _save_job(conn, contact_id, source, found[0][5:], job)
        conn.execute(
            "UPDATE contacts SET email = $email, degree = $degree, mutual_contact_id = $mutual,"
            " referred_at = CASE WHEN CAST($by AS BIGINT) IS NULL THEN NULL"
            "   WHEN referred_by IS NOT DISTINCT FROM $by THEN referred_at"
            "   ELSE current_localtimestamp() END,"
            " referred_by = $by, notes = $notes, tags = $tags,"
            " source = CASE WHEN CAST($by AS BIGINT) IS NULL AND source = 'referral'"
            "   THEN 'manual' ELSE source END,"
            " updated_at = current_localtimestamp() WHERE id = $id",
            {
                "email": email,
                "degree": degree,
                "mutual": mutual_contact_id,
                "by": referred_by,
                "notes": notes,
                "tags": normalise_tags(tags),
                "id": contact_id,
            },
        )


def _typed_job(
    source: str,
    kept: tuple,
    first_name: str | None,
    last_name: str | None,
    company: str | None,
    position: str | None,
) -> tuple[str, str, str, str] | None:
    """The name and job typed for `update_contact`, checked as `add_contact` checks them, or
    None if they are as `kept` (first name, last name, company id, company, position).

    Each is compared as the page shows it (trimmed; a company's name as `targets.visible_name`
    makes it, its spaces squeezed), and one that reads as it did is kept as stored. Edit
    details sends the Company box as shown, the company's display name: after a rename on
    Targets that name has another match key than the company's, so looking it up
    (`targets.ensure_company`) would add a second company and move the person there."""
    kept_first, kept_last, _, kept_company, kept_position = kept
    typed = (
        _as_kept(first_name, kept_first, str.strip, str.strip),
        _as_kept(last_name, kept_last, str.strip, str.strip),
        _as_kept(company, kept_company, targets.visible_name, _company_as_shown),
        _as_kept(position, kept_position, str.strip, str.strip),
    )
    if typed == (kept_first, kept_last, kept_company, kept_position):
        return None
    if source == "demo":
        raise InvalidInputError(
            "They are made-up demo data: their name, company and position can't be changed here."
        )
    if source not in TYPED_SOURCES:
        raise InvalidInputError(
            "Their name, company and position come from your LinkedIn export, which keeps them "
            "up to date: they can't be changed here."
        )
    if not (typed[0] or typed[1]):
        raise InvalidInputError("Give the person a first or last name.")
    targets.check_name_length(f"{typed[0]} {typed[1]}".strip())  # as lists show it
    targets.check_name_length(typed[2])  # a company's, before anything is written
    return typed


def _company_as_shown(name: str) -> str:
    """A company name as Edit details reads it, to tell a typed change from the name shown."""
    return " ".join(targets.visible_name(name).split())


def _as_kept(
    typed: str | None, kept: str, clean: Callable[[str], str], read: Callable[[str], str]
) -> str:
    """`typed` as it is saved (`clean`), or `kept` as stored when the two read alike (`read`)."""
    if typed is None or read(typed) == read(kept):
        return kept
    return clean(typed)


def _drop_company_left_empty(conn: duckdb.DuckDBPyConnection, company_id: int | None) -> None:
    """Take out, inside the caller's transaction, a company the last person at it just left
    (corrected on Edit details, or deleted): left behind with no one at it, it stood in
    Targets, Settings' counts and the workbook. Only one that holds nothing of the user's
    goes: still 'network', no industry, notes or scores, no names merged into it, nor a
    rename on Targets (which leaves its match key behind its name)."""
    conn.execute(
        "DELETE FROM companies co WHERE co.id = ? AND co.status = 'network'"
        " AND co.industry IS NULL AND co.research_notes = '' AND co.motivation = 0"
        " AND co.postings = 0 AND co.match_key = company_key(co.name)"
        " AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.company_id = co.id)"
        " AND NOT EXISTS (SELECT 1 FROM company_aliases a WHERE a.company_id = co.id)",
        [company_id],
    )


def _save_job(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    source: str,
    kept: tuple,
    job: tuple[str, str, str, str],
) -> None:
    """Write `_typed_job`'s name and job, inside the caller's transaction, recording a change
    of company or title in `contact_changes` as an import does (under no import batch). A
    company as it was (`_typed_job` keeps it as stored) stays the one on their record; only a
    company typed anew is looked up by its match key, or added."""
    _, _, kept_company_id, kept_company, kept_position = kept
    first_name, last_name, company, position = job
    if company == kept_company:
        company_id = kept_company_id
    else:
        company_id = targets.ensure_company(conn, company, source=source)
    conn.execute(
        "UPDATE contacts SET first_name = ?, last_name = ?, company_id = ?, position = ?"
        " WHERE id = ?",
        [first_name, last_name, company_id, position, contact_id],
    )
    if company_id != kept_company_id:
        conn.execute(
            "INSERT INTO contact_changes (contact_id, field, old_value, new_value)"
            " SELECT ?, 'company', ?, coalesce((SELECT name FROM companies WHERE id = ?), '')",
            [contact_id, kept_company, company_id],
        )
        # A misspelt company typed with them goes with the typo.
        _drop_company_left_empty(conn, kept_company_id)
    if position != kept_position:
        conn.execute(
            "INSERT INTO contact_changes (contact_id, field, old_value, new_value)"
            " VALUES (?, 'position', ?, ?)",
            [contact_id, kept_position, position],
        )


def _check_introducer(
    conn: duckdb.DuckDBPyConnection, contact_id: int, referred_by: int | None
) -> None:
    """Refuse a new introducer who is the person, is gone, or came to you through them.

    In a loop no one starts the chain: Referrals, tracing back to where it started, would
    stop at whoever it met twice and show a start that is not one. The introducer already
    recorded passes unchecked, so a loop in older data never blocks saving other details.
    """
    current = conn.execute(
        "SELECT referred_by FROM contacts WHERE id = ?", [contact_id]
    ).fetchall()[0][0]
    if referred_by is None or referred_by == current:
        return
    if referred_by == contact_id:
        raise InvalidInputError("A person cannot have introduced themself.")
    rows = conn.execute(
        f"""
        WITH RECURSIVE upstream(id, path) AS (  -- the introducer, who introduced them, ...
            SELECT $by, [$by]
            UNION ALL
            SELECT c.referred_by, list_append(u.path, c.referred_by)
            FROM upstream u JOIN contacts c ON c.id = u.id
            WHERE c.referred_by IS NOT NULL AND NOT list_contains(u.path, c.referred_by)
        )
        SELECT {_NAME_SQL}, (SELECT {_NAME_SQL} FROM contacts c WHERE c.id = $id),
               $id IN (SELECT id FROM upstream)
        FROM contacts c WHERE c.id = $by
        """,
        {"by": referred_by, "id": contact_id},
    ).fetchall()
    if not rows:
        raise NotFoundError("The person you picked as introducer is no longer in your contacts.")
    introducer, person, loop = rows[0]
    if loop:
        introducer, person = introducer or NAMELESS, person or NAMELESS
        raise InvalidInputError(
            f"{introducer} cannot have introduced {person}, who led you to {introducer}."
        )


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    text: str  # one plain sentence
    details: str = ""
    interaction_id: int | None = None
    meeting_id: int | None = None
    other_contact_id: int | None = None  # the person introduced, or who introduced them
    # what to call that person: their first name, or else the name on record
    other_called: str = ""

    @property
    def details_start(self) -> str:
        """As much of `details` as the timeline shows at first (`start_of`)."""
        return start_of(self.details)

    @property
    def details_cut(self) -> bool:
        """Whether `details_start` leaves something out (`is_cut`)."""
        return is_cut(self.details)


def start_of(details: str) -> str:
    """As much of a message or notes as a page shows at first: all of a short one; of a long
    one its first `DETAILS_SHOWN` characters or `DETAILS_LINES` lines, ended at a word, with
    '…' (the page shows the rest on request). A pasted page made the timeline some 12,000
    pixels high."""
    lines = details.splitlines()
    start = "\n".join(lines[:DETAILS_LINES])[:DETAILS_SHOWN]
    if not is_cut(details):
        return start.rstrip()
    if len(start) == DETAILS_SHOWN and (space := start.rfind(" ")) > DETAILS_SHOWN // 2:
        start = start[:space]
    return f"{start.rstrip()} …"


def is_cut(details: str) -> bool:
    """Whether `start_of(details)` leaves something out. Line ends and trailing spaces are
    not text: a note ending in one, or a mail's Windows line ends, is shown whole."""
    lines = details.rstrip().splitlines()
    return len(lines) > DETAILS_LINES or len("\n".join(lines)) > DETAILS_SHOWN


# How much of a long message or note the timeline shows before "Show all of it".
DETAILS_SHOWN = 500
DETAILS_LINES = 6


_SAID = {
    "outreach": "You reached out",
    "reply": "They replied",
    "follow_up": "You followed up",
    "thank_you": "You thanked them",
    "referral": "They introduced you to someone",
    "opportunity": "An opportunity came of it",
    "note": "Note",
}
_BY = {
    "email": "by email",
    "linkedin": "on LinkedIn",
    "phone": "by phone",
    "in_person": "in person",
    "video": "by video call",
    "other": "",
}
_FIELD_NAMES = {"position": "Title", "company": "Company"}


# Kinds that are no message, so "by email" would misread: a note to self, and an opportunity
# (what came of the talks, not how it was said). Contacts' log form does not ask "How" for them.
KINDS_WITHOUT_CHANNEL = frozenset({"note", "opportunity"})


def _interaction_text(kind: str, channel: str, subject: str) -> str:
    by = "" if kind in KINDS_WITHOUT_CHANNEL else _BY.get(channel, "")
    text = " ".join(part for part in (_SAID.get(kind, kind), by) if part)
    return f"{text}: {subject}" if subject else text


# What people type as a meeting's place when it is no place: the channel names of Log an
# interaction among them. Anything else is a place, met "at" it.
_NOT_A_PLACE = {
    "by phone": ("phone", "telephone", "phone call", "call", "by phone", "on the phone"),
    "on a video call": (
        "video",
        "video call",
        "videocall",
        "zoom",
        "teams",
        "microsoft teams",
        "google meet",
        "meet",
        "skype",
        "webex",
        "online",
    ),
    "in person": ("in person", "in_person"),
}
_PLACE_WORDS = {typed: words for words, names in _NOT_A_PLACE.items() for typed in names}


def place_words(place: str, *, keep_link: bool = False) -> str:
    """How a meeting's place reads after "You met": "by phone", "on a video call" (a video
    link too, and then the link itself with `keep_link`: it joins the call), "in person", or
    "at <place>"; empty when no place was given."""
    place = (place or "").strip()
    typed = " ".join(place.lower().split())
    if not typed:
        return ""
    if typed in _PLACE_WORDS:
        return _PLACE_WORDS[typed]
    if typed.startswith(("http://", "https://")):
        return f"on a video call: {place}" if keep_link else "on a video call"
    return f"at {place}"


def _meeting_text(status: str, promised: int, actual: int | None, place: str) -> str:
    where = f" {words}" if (words := place_words(place)) else ""
    if status == "held":
        length = f" for {actual} minutes ({promised} promised)" if actual else ""
        return f"You met{length}{where}"
    if status == "cancelled":
        return f"Meeting{where} cancelled"
    if status == "no_show":
        return f"Meeting{where} missed (no-show)"
    return f"Meeting planned for {promised} minutes{where}"


def _change_text(field: str, old: str | None, new: str | None, *, by_you: bool = False) -> str:
    """A change of company or title in words: one an import found reads as their move
    ("Moved from Acne to Acme"); one `by_you`, a correction on Edit details (recorded under no
    import batch), says that you changed it, so a fixed typo does not read as a job move."""
    old, new = (old or "").strip(), (new or "").strip()
    if by_you and field in _FIELD_NAMES:
        what = _FIELD_NAMES[field].lower()
        if field != "company":  # a title is quoted, as below
            old, new = old and f"'{old}'", new and f"'{new}'"
        if not old:
            return f"You set their {what} to {new}"
        if not new:
            return f"You removed their {what}, {old}"
        return f"You changed their {what} from {old} to {new}"
    if field == "company":
        if not old:
            return f"Now at {new}"
        return f"Left {old}" if not new else f"Moved from {old} to {new}"
    what = _FIELD_NAMES.get(field, field.replace("_", " ").capitalize())
    if not old:
        return f"{what} now '{new}'"
    return f"{what} '{old}' removed" if not new else f"{what} changed from '{old}' to '{new}'"


# What happens first in the method, for events dated alike: a debrief's introductions share
# its meeting's start, and a day logged alone is 9:00. Ids come from different tables and say
# nothing of it. A reply is placed by the messages beside it (`_in_order`).
_STEPS = (
    "change",  # a job change an import noticed, or your correction of one
    "introduced_by",
    "outreach",
    "follow_up",
    "meeting",
    "thank_you",
    "referral",
    "introduced",
    "opportunity",
    "note",
)


# On a day with a meeting, what leads to it and what comes of it, for entries logged by hand:
# those have their day only (9:00 for a day picked, the moment of logging for today), so
# their clock says nothing against the meeting's start, which the user chose.
_BEFORE_A_MEETING = frozenset({"outreach", "follow_up"})
_AFTER_A_MEETING = frozenset({"thank_you", "referral", "opportunity"})


def _in_order(rows: list[tuple], messages: tuple[str, ...]) -> list[tuple]:
    """`timeline`'s rows, newest first. Each row is (happened_at, what, id, a, ..., known,
    for_meeting): `a` is an interaction's kind, `known` whether its time is when it happened
    (`history.known_time_sql`), `for_meeting` the meeting a thank-you thanks.

    Events go by their moment, and at one moment in the method's order (`_STEPS`), except
    entries logged by hand on a day with a meeting: those are placed at its start (the first
    meeting's for what leads to one, the one thanked or the day's last for what comes of
    one) and then go by the method's order too. A reply is placed just after the message it
    answers: on such a day, the last of that day logged before it, else the last of that
    day; elsewhere the last message at its moment (a follow-up when none is).
    """
    follow_up = _STEPS.index("follow_up")
    last = len(_STEPS)  # a kind not in the method, should one ever be stored
    # a moment unknown (none should be) goes below the rest, as the database sorted it
    moments = [row[0] or datetime.min for row in rows]
    starts = {row[2]: moments[n] for n, row in enumerate(rows) if row[1] == "meeting"}
    days: dict[date, list[datetime]] = {}
    for start in sorted(starts.values()):
        days.setdefault(start.date(), []).append(start)

    def by_hand(row: tuple) -> bool:
        return row[1] == "interaction" and not row[9]

    keys: dict[int, tuple] = {}
    for n, row in enumerate(rows):
        at, what, kind = moments[n], row[1], row[3]
        if what == "interaction" and kind == "reply":
            continue
        placed, met = at, days.get(at.date())
        if met and by_hand(row):
            if kind in _BEFORE_A_MEETING:
                placed = met[0]
            elif kind in _AFTER_A_MEETING:
                thanked = starts.get(row[10])
                placed = thanked if thanked in met else met[-1]
        step = (
            _STEPS.index(name)
            if (name := kind if what == "interaction" else what) in _STEPS
            else last
        )
        keys[n] = (placed, step)
    sent = [n for n, row in enumerate(rows) if row[1] == "interaction" and row[3] in messages]
    for n, row in enumerate(rows):
        if n in keys:
            continue
        at = moments[n]
        met = days.get(at.date())
        if met and by_hand(row):
            same_day = [m for m in sent if moments[m].date() == at.date()]
            before = [m for m in same_day if rows[m][2] < row[2]]
            if before:
                answered = max(before, key=lambda m: rows[m][2])
            else:
                answered = max(same_day, key=lambda m: (*keys[m], rows[m][2]), default=None)
            placed, step = keys[answered] if answered is not None else (met[0], follow_up)
        else:
            placed = at
            step = max((keys[m][1] for m in sent if keys[m][0] == at), default=follow_up)
        keys[n] = (placed, step + 0.5)
    order = sorted(range(len(rows)), key=lambda n: (*keys[n], rows[n][2]), reverse=True)
    return [rows[n] for n in order]


def timeline(conn: duckdb.DuckDBPyConnection, contact_id: int) -> list[TimelineEvent]:
    """Everything logged about a person, newest first, each in plain words, in the order
    things happened as far as it is known (`_in_order`)."""
    from infoint import history  # it imports this module, through interactions
    from infoint.interactions import MESSAGE_KINDS

    require_contact(conn, contact_id)
    rows = conn.execute(
        f"""
        SELECT occurred_at AS happened_at, 'interaction' AS what, id, kind AS a, channel AS b,
               subject AS c, body AS d, NULL::INTEGER AS n1, NULL::INTEGER AS n2,
               {history.known_time_sql("interactions")} AS known, meeting_id AS for_meeting
        FROM interactions WHERE contact_id = $id
        UNION ALL
        SELECT CAST(starts_at AS TIMESTAMP), 'meeting', id, status, place, NULL, notes,
               promised_minutes, actual_minutes, true, NULL
        FROM meetings WHERE contact_id = $id
        UNION ALL
        SELECT referred_at, 'introduced', id, {_NAME_SQL}, first_name, NULL, NULL, NULL, NULL,
               true, NULL
        FROM contacts c WHERE referred_by = $id
        UNION ALL
        SELECT c.referred_at, 'introduced_by', r.id, trim(r.first_name || ' ' || r.last_name),
               r.first_name, NULL, NULL, NULL, NULL, true, NULL
        FROM contacts c JOIN contacts r ON r.id = c.referred_by WHERE c.id = $id
        UNION ALL
        SELECT changed_at, 'change', id, field, old_value, new_value, NULL,
               (batch_id IS NULL)::INTEGER, NULL, true, NULL
        FROM contact_changes WHERE contact_id = $id
        """,
        {"id": contact_id},
    ).fetchall()
    events = []
    for at, what, ref, a, b, c, d, n1, n2, _, _ in _in_order(rows, MESSAGE_KINDS):
        if what == "interaction":
            events.append(TimelineEvent(at, _interaction_text(a, b, c), d, interaction_id=ref))
        elif what == "meeting":
            events.append(TimelineEvent(at, _meeting_text(a, n1, n2, b), d, meeting_id=ref))
        elif what == "introduced":
            events.append(
                TimelineEvent(
                    at,
                    f"Introduced you to {a or NAMELESS}",
                    other_contact_id=ref,
                    other_called=b or a or NAMELESS,
                )
            )
        elif what == "introduced_by":
            events.append(
                TimelineEvent(
                    at,
                    f"{a or NAMELESS} introduced you to them",
                    other_contact_id=ref,
                    other_called=b or a or NAMELESS,
                )
            )
        else:
            # no import batch: you corrected it on Edit details
            events.append(TimelineEvent(at, _change_text(a, b, c, by_you=bool(n1))))
    return events


@dataclass(frozen=True)
class Moved:
    """What a merge moved to the contact kept, or a delete removed."""

    interactions: int
    meetings: int
    changes: int
    # A 2nd-degree contact left with no one who connects you is cold now: the sentence that
    # says so, to add to the page's confirmation ('' when no one is).
    made_cold: str = ""


def _event_counts(conn: duckdb.DuckDBPyConnection, contact_id: int) -> Moved:
    row = conn.execute(
        "SELECT (SELECT count(*) FROM interactions WHERE contact_id = $id),"
        " (SELECT count(*) FROM meetings WHERE contact_id = $id),"
        " (SELECT count(*) FROM contact_changes WHERE contact_id = $id)",
        {"id": contact_id},
    ).fetchall()[0]
    return Moved(*(int(n) for n in row))


# Keys an export can carry: a profile address, or the importer's fallback of name and date.
_IMPORTED_KEYS = ("https://", "nourl:")
_MERGE_COLUMNS = (
    "first_name, last_name, email, linkedin_email, linkedin_url, profile_key, company_id,"
    " position, connected_on, degree, mutual_contact_id, referred_by, referred_at, source,"
    " notes, tags"
)


def merge_contacts(conn: duckdb.DuckDBPyConnection, keep_id: int, drop_id: int) -> Moved:
    """Fold `drop_id` into `keep_id` (the same person twice); the dropped one is deleted.

    Its events move over, the kept one's empty fields are filled from it, and links to it
    point to the kept one. Snoozed and dismissed reminders stay as they were: their keys name
    the event, which keeps its id. Every key an export may know either of them by stays with
    the kept one, as its own or as an alias (`contact_aliases`), so no import brings the
    dropped one back. The dropped one's company goes when no one is left at it and it holds
    nothing of the user's (`_drop_company_left_empty`).
    """
    if keep_id == drop_id:
        raise InvalidInputError("Pick two different people to merge.")
    rows = conn.execute(
        f"SELECT id, {_MERGE_COLUMNS} FROM contacts WHERE id IN (?, ?)", [keep_id, drop_id]
    ).fetchall()
    found = {row[0]: dict(zip(_MERGE_COLUMNS.split(", "), row[1:], strict=True)) for row in rows}
    if keep_id not in found or drop_id not in found:
        raise NotFoundError("One of those two contacts no longer exists.")
    keep, drop = found[keep_id], found[drop_id]
    merged = {
        field: keep[field] or drop[field]
        for field in (
            "email",
            "linkedin_email",
            "linkedin_url",
            "company_id",
            "position",
            "connected_on",
        )
    }
    if not (keep["first_name"] or keep["last_name"]):
        merged.update(first_name=drop["first_name"], last_name=drop["last_name"])
    # A record made by hand takes the LinkedIn one's key, by which the importer adopts people.
    merged["profile_key"] = (
        drop["profile_key"]
        if not _from_linkedin(keep) and _from_linkedin(drop)
        else keep["profile_key"]
    )
    aliases = sorted(
        {
            key
            for record in (keep, drop)
            for key in (record["profile_key"], record["linkedin_url"])
            if key and key.startswith(_IMPORTED_KEYS)
        }
        - {merged["profile_key"], merged["linkedin_url"]}
    )
    # Kept as a demo person, the user's own would go with "Remove demo data", events and all.
    merged["source"] = drop["source"] if keep["source"] == "demo" else keep["source"]
    # The closer link is the truer one: a LinkedIn 1st beats a hand-entered 'cold'.
    merged["degree"] = min(keep["degree"], drop["degree"], key=_degree_rank)
    for link in ("mutual_contact_id", "referred_by"):
        candidates = [keep[link], drop[link]]
        merged[link] = next((c for c in candidates if c not in (None, keep_id, drop_id)), None)
    # Merged with the one who connected them (their own mutual contact or introducer), a 2nd
    # has no one left to connect you, which `require_link` refuses: they are cold (a 1st, had
    # either record been one, stays 1st above).
    made_cold = ""
    if merged["degree"] == "2nd" and merged["mutual_contact_id"] is merged["referred_by"] is None:
        merged["degree"] = "cold"
        named = {**keep, **merged}
        name = f"{named['first_name'] or ''} {named['last_name'] or ''}".strip() or NAMELESS
        made_cold = (
            f"{name} was connected to you through the record merged into them, so they are "
            "cold now: pick a mutual contact on their record if someone else connects you."
        )
    # The introduction kept keeps its date; none kept, none dated.
    merged["referred_at"] = next(
        (r["referred_at"] for r in (keep, drop) if r["referred_by"] == merged["referred_by"]),
        None,
    )
    # Both notes are kept whole, even past NOTES_LIMIT: a merge loses none of the user's words,
    # and the joined notes stay editable as notes written before the limit are.
    merged["notes"] = "\n\n".join(dict.fromkeys(n for n in (keep["notes"], drop["notes"]) if n))
    merged["tags"] = normalise_tags(f"{keep['tags']}, {drop['tags']}")
    moved = _event_counts(conn, drop_id)
    with db.transaction(conn):
        for table in _tables_about_a_contact(conn):  # contact_aliases among them
            conn.execute(
                f"UPDATE {table} SET contact_id = ? WHERE contact_id = ?", [keep_id, drop_id]
            )
        conn.execute(
            "INSERT INTO contact_aliases (profile_key, contact_id)"
            " SELECT key, ? FROM unnest(?) AS t(key)"
            " WHERE key NOT IN (SELECT profile_key FROM contact_aliases)",
            [keep_id, aliases],
        )
        # Delete first: the kept row may take over the dropped one's unique profile key.
        conn.execute("DELETE FROM contacts WHERE id = ?", [drop_id])
        for link in ("mutual_contact_id", "referred_by"):
            conn.execute(
                f"UPDATE contacts SET {link} = ? WHERE {link} = ? AND id <> ?",
                [keep_id, drop_id, keep_id],
            )
        assignments = ", ".join(f"{field} = ?" for field in merged)
        conn.execute(
            f"UPDATE contacts SET {assignments}, updated_at = current_localtimestamp()"
            " WHERE id = ?",
            [*merged.values(), keep_id],
        )
        # The kept one works elsewhere: the dropped one's company may have no one left at it.
        _drop_company_left_empty(conn, drop["company_id"])
    return dataclasses.replace(moved, made_cold=made_cold)


def _tables_about_a_contact(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table with a `contact_id` (interactions, meetings, contact_changes, and any a
    later migration adds), so merge and delete can't miss one."""
    rows = conn.execute(
        "SELECT table_name FROM duckdb_columns()"
        " WHERE column_name = 'contact_id' AND database_name = current_database()"
        " AND schema_name = 'main' AND table_name IN"
        " (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database())"
        " ORDER BY table_name"
    ).fetchall()
    return [row[0] for row in rows]


def _from_linkedin(row: dict) -> bool:
    return bool(row["linkedin_url"]) or row["source"] == "linkedin"


def _degree_rank(degree: str) -> int:
    return DEGREES.index(degree) if degree in DEGREES else len(DEGREES)


def delete_contact(conn: duckdb.DuckDBPyConnection, contact_id: int) -> Moved:
    """Forget a person: the contact, all their events and answers, the snoozes and dismissals
    of reminders about those events, and every link to them; their company too when no one
    else is at it and it holds nothing of the user's (`_drop_company_left_empty`).

    A later import must not bring them back, yet nothing here may say who they were: what is
    kept (`forgotten_people`) is a one-way hash of each key an export could carry them by,
    and the day. Demo people are only made up, so nothing is kept of them. Backups taken
    earlier still hold them; the page says so.
    """
    # Imported here: followups imports meetings, which imports this module.
    from infoint import followups

    require_contact(conn, contact_id)
    removed = _event_counts(conn, contact_id)
    with db.transaction(conn):
        conn.execute(_FORGET, {"id": contact_id})
        events = conn.execute(
            "SELECT (SELECT list(id) FROM interactions WHERE contact_id = $id),"
            " (SELECT list(id) FROM meetings WHERE contact_id = $id)",
            {"id": contact_id},
        ).fetchall()[0]
        followups.forget_item_states(conn, events[0] or [], events[1] or [])
        conn.execute(
            "DELETE FROM meeting_questions"
            " WHERE meeting_id IN (SELECT id FROM meetings WHERE contact_id = ?)",
            [contact_id],
        )
        for table in _tables_about_a_contact(conn):  # contact_aliases among them
            conn.execute(f"DELETE FROM {table} WHERE contact_id = ?", [contact_id])
        # A 2nd they alone connected you to has no one left to (`require_link`): cold now.
        stranded = conn.execute(
            f"UPDATE contacts SET degree = 'cold' WHERE {left_unlinked_sql('SELECT $id')}"
            " RETURNING trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))",
            {"id": contact_id},
        ).fetchall()
        conn.execute(
            "UPDATE contacts SET mutual_contact_id = NULL WHERE mutual_contact_id = ?",
            [contact_id],
        )
        # An introduction by someone forgotten is gone, and so is its date.
        conn.execute(
            "UPDATE contacts SET referred_by = NULL, referred_at = NULL WHERE referred_by = ?",
            [contact_id],
        )
        company_id = conn.execute(
            "DELETE FROM contacts WHERE id = ? RETURNING company_id", [contact_id]
        ).fetchall()[0][0]
        _drop_company_left_empty(conn, company_id)
    if not stranded:
        return removed
    names = sorted(name or NAMELESS for (name,) in stranded)
    shown = and_list(names[:3] + ([f"{len(names) - 3:,} others"] if len(names) > 3 else []))
    cold = f"{shown} had no one else connecting you to them, so they are cold now."
    return dataclasses.replace(removed, made_cold=cold)


# The keys of a person an import could bring back (their own, the fallback of name and the
# day LinkedIn connected them, and those of people merged into them: `_IMPORTED_KEYS`), hashed.
_FORGET = """
    INSERT INTO forgotten_people (key_hash)
    SELECT DISTINCT sha256(key)
    FROM (
        SELECT unnest([
            profile_key,
            linkedin_url,
            fallback_key(first_name, last_name, connected_on)
        ]) AS key
        FROM contacts WHERE id = $id AND source <> 'demo'
        UNION ALL
        SELECT a.profile_key FROM contact_aliases a JOIN contacts c ON c.id = a.contact_id
        WHERE c.id = $id AND c.source <> 'demo'
    )
    WHERE (starts_with(key, 'https://') OR starts_with(key, 'nourl:'))
      AND sha256(key) NOT IN (SELECT key_hash FROM forgotten_people)
"""
