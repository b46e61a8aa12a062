"""Companies: the network's employers and the targets the user chose among them."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import duckdb
import pandas as pd

from infoint import db, export, funnel, profile
from infoint.errors import InvalidInputError, NotFoundError
from infoint.text import counted, holds_sql, joined, not_text, whole_percents

STATUSES = ("network", "target", "researching", "ruled_out")
STATUS_LABELS = {
    "network": "In your network",
    "target": "Target",
    "researching": "Researching",
    "ruled_out": "Ruled out",
}
# The statuses a user gives a company; 'network' only means it came in with an import.
CHOSEN_STATUSES = ("target", "researching", "ruled_out")
# What the targets table shows for a company whose industry is ruled out in Settings, unless
# the user ruled it out: ruled out, listed last and named below the table as the list's line
# says, though its own status stays as it was (it comes back when the industry does). One
# only in the network too: it read 'In your network' while the line counted it 'in an
# industry you ruled out'. Never stored; the width of "In your network".
INDUSTRY_RULED_OUT = "industry_ruled_out"
TABLE_STATUSES = (*STATUSES, INDUSTRY_RULED_OUT)
TABLE_STATUS_LABELS = {**STATUS_LABELS, INDUSTRY_RULED_OUT: "Out by industry"}
SCALE = range(4)
MOTIVATION_HELP = (
    "How much you want to work there: 0 not at all, 1 a little, 2 quite a lot, 3 very much."
)
POSTINGS_HELP = (
    "How often they post openings in your field: 0 never seen one, 1 rarely, 2 sometimes, 3 often."
)
RANK_HELP = (
    "The order to work through them: highest motivation first, then most postings, then "
    "the most people you know there (1st-degree contacts), then how far you got with "
    "someone there (met before replied before contacted), then the name. Companies ruled "
    "out, by you or through an industry you ruled out in Settings, have no rank: they come "
    "last, those you ruled out before those out by industry."
)
# Fields the user may edit in the targets table, with the words used in error messages.
EDITABLE_FIELDS = {
    "name": "name",
    "industry": "industry",
    "motivation": "motivation",
    "postings": "postings",
    "status": "status",
    "ruled_out_reason": "reason for ruling out",
}
TARGET_LIST_SOURCE = "target_list"

PLACEHOLDER_COMPANIES = (
    "n/a", "na", "n.a.", "-", "--", ".", "none", "null", "nil", "not applicable",
    "self-employed", "self employed", "selfemployed", "freelance", "freelancer",
    "independent", "independent consultant", "retired", "unemployed", "looking for work",
    "open to work", "seeking opportunities", "career break", "confidential", "stealth",
    "stealth startup", "stealth mode", "stealth mode startup",
)  # fmt: skip
"""What people type in LinkedIn's Company field when they have no employer to name (the
export keeps it as typed: /work/shared/linkedin-format.md has 'N/A' in 3 of 6 files, and
'None'). Everyone with one of these lands in one "company" of that name, yet they are not
colleagues: no one to try next, no one you know there, no company to target. A name is
compared as it reads, in lower case: `is_placeholder_company` in Python, and
`placeholder_company_sql` in SQL."""


def is_placeholder_company(name: str) -> bool:
    """Whether the company name `name` is one of `PLACEHOLDER_COMPANIES`, compared as it reads:
    each run of spaces of any kind (tabs and no-break spaces too) made one plain space, then
    trimmed, in lower case. `placeholder_company_sql` says the same in SQL; a test holds the
    two to one answer. ('İ' is made 'i' first, as DuckDB's `lower` makes it; Python's makes it
    'i' and a combining dot.) Invisible characters are not looked for: a name is saved without
    them (`visible_name`)."""
    return " ".join(name.split()).replace("\u0130", "i").lower() in PLACEHOLDER_COMPANIES


def placeholder_company_sql(name: str) -> str:
    """SQL: whether the company name `name` (a column or an expression) is one of
    `PLACEHOLDER_COMPANIES`, compared as `is_placeholder_company` compares them in Python; its
    spaces are those `str.isspace` knows (tab to carriage return, the plain one, `_SPACES`)."""
    names = ", ".join("'" + each.replace("'", "''") + "'" for each in PLACEHOLDER_COMPANIES)
    squeezed = f"regexp_replace({name}, '[\\x{{0009}}-\\x{{000D}} {_SPACES}]+', ' ', 'g')"
    return f"lower(trim({squeezed})) IN ({names})"


# The longest name a person or a company may have. The longest real ones run to about 100
# characters (a full legal name with several given names and surnames; "The Royal Society for
# the Prevention of Cruelty to Animals" is 59): 200 leaves room for any of them, and stops a
# pasted paragraph from filling every list and table it would be shown in.
NAME_LIMIT = 200


# Spaces other than the plain one, as a regular expression (Arrow's and DuckDB's RE2 reads
# `\\s` as ASCII only): the no-break space a web page or a word processor puts between words.
# With the next-line character and the ASCII separators, as Python's `str.isspace` reads them.
_SPACES = (
    r"\x{001C}-\x{001F}\x{0085}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}"
    r"\x{205F}\x{3000}"
)
OTHER_SPACES = f"[{_SPACES}]"
# Characters that take no room on screen: Unicode's format characters (category Cf), such as
# the zero-width space, joiner and non-joiner, the byte-order mark, the soft hyphen, the word
# joiner and the marks of writing direction. Pasted with a name from a web page or a chat,
# they made 'Globex\u200b Corp' a second Globex Corp that looked the same in every list.
INVISIBLE = r"\p{Cf}"
# Either: what `visible_name` takes out or makes plain.
_UNSEEN = f"[\\p{{Cf}}{_SPACES}]"
# The ASCII characters among them (no Cf character is ASCII): a name or key all ASCII needs
# cleaning only when it holds one of these, whatever else a file holds.
ASCII_SPACES = r"[\x{001C}-\x{001F}]"
_ASCII_SPACES = re.compile("[\x1c-\x1f]")


def _cleaned_sql(text: str) -> str:
    """SQL: `text` with invisible characters taken out and other spaces made plain."""
    return (
        f"regexp_replace(regexp_replace({text}, '{INVISIBLE}', '', 'g'), '{OTHER_SPACES}', ' ',"
        " 'g')"
    )


def visible_key_sql(key: str, name: str | None = None) -> str:
    """SQL: the match key `key` (a column or an expression) as `visible_name` would have made
    it. A company saved before names were cleaned keeps its key (keys never change), and that
    key may hold an invisible character or a no-break space ('globex\u200b' for 'Globex\u200b
    Corp'): the key of the name as it reads is 'globex'. Any other key is returned as it is;
    the regular expressions run only on keys that are not ASCII.

    `name`, the company's name (a column), is keyed cleaned when it still names what the key
    does: keying the key again could take off more legal endings than the name's own key does
    ('acme\u200b group co', saved for 'Acme\u200b Group Co Ltd Inc', would be 'acme group',
    where the name as it reads is 'acme group co'). A name renamed since (its key is not the
    key cleaned, give or take the endings a second keying takes off), or no `name` (a merged
    name), leaves keying the key cleaned."""
    rekeyed = f"company_key({_cleaned_sql(key)})"
    if name is not None:
        # The key cleaned, spaces as company_key leaves them, between which and `rekeyed` (as
        # whole words) the name's key must lie.
        spaced = f"trim(regexp_replace({_cleaned_sql(key)}, '\\s+', ' ', 'g'))"
        named = f"company_key({_cleaned_sql(name)})"
        rekeyed = (
            f"CASE WHEN {named} <> '' AND starts_with({spaced} || ' ', {named} || ' ')"
            f" AND starts_with({named} || ' ', {rekeyed} || ' ') THEN {named} ELSE {rekeyed} END"
        )
    return (
        f"CASE WHEN strlen({key}) = length({key})"
        f" AND NOT regexp_matches({key}, '{ASCII_SPACES}') THEN {key}"
        f" WHEN NOT regexp_matches({key}, '{_UNSEEN}') THEN {key} ELSE {rekeyed} END"
    )


# Companies saved before names were cleaned (see `visible_key_sql`), or a name merged into a
# company (`company_aliases`) that was: (clean_key, match_key), the key a cleaned name has and
# the key of the company it stands for. A cleaned key that is a company's own key, or a merged
# name's, is not listed: that company, or the one it was merged into, is the match. Two saved
# alike: the one saved first. Almost always empty; one pass over the companies' keys to find.
LOOKALIKE_KEYS = f"""
    SELECT clean_key, first(match_key ORDER BY kind, id) AS match_key
    FROM (
        SELECT {visible_key_sql("match_key", "name")} AS clean_key, match_key, 0 AS kind, id
        FROM companies
        WHERE regexp_matches(match_key, '{_UNSEEN}')
        UNION ALL
        SELECT {visible_key_sql("a.match_key")}, co.match_key, 1, co.id
        FROM company_aliases a JOIN companies co ON co.id = a.company_id
        WHERE regexp_matches(a.match_key, '{_UNSEEN}')
    ) lookalike
    WHERE clean_key NOT IN (SELECT match_key FROM companies)
        AND clean_key NOT IN (SELECT match_key FROM company_aliases)
    GROUP BY clean_key
"""


class Lookalikes(NamedTuple):
    """What `lookalikes` finds of companies saved before names were cleaned."""

    unseen: bool  # a company's key, or a merged name's, holds an unseen character (`_UNSEEN`)
    pairs: tuple[tuple[str, str], ...]  # the rows of `LOOKALIKE_KEYS`

    def join(self, key: str) -> tuple[str, str]:
        """(join, match_key) for a query that finds the company a key `key` (a column or an
        expression) names: a LEFT JOIN of `LOOKALIKE_KEYS` as `look` and `look.match_key`, the
        key of a company saved before names were cleaned that it stands for (NULL when none),
        or '' and 'NULL' when there is none, as almost always. The rows are joined as values:
        planning `LOOKALIKE_KEYS`' regular expressions takes milliseconds."""
        if not self.pairs:
            return "", "NULL"
        if len(self.pairs) > _MOST_LOOKALIKES_WRITTEN:
            rows = f"({LOOKALIKE_KEYS})"
        else:
            written = ", ".join(f"({_quoted(a)}, {_quoted(b)})" for a, b in self.pairs)
            rows = f"(VALUES {written})"
        return f"LEFT JOIN {rows} look(clean_key, match_key) ON look.clean_key = {key}", (
            "look.match_key"
        )


def lookalike_join(conn: duckdb.DuckDBPyConnection, key: str) -> tuple[str, str]:
    """`Lookalikes.join` of the lookalikes now: read once per write (`lookalikes`)."""
    return lookalikes(conn).join(key)


# More lookalikes than this are joined as `LOOKALIKE_KEYS` itself rather than written out.
_MOST_LOOKALIKES_WRITTEN = 500


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# By database file: (data version, whether a key holds an unseen character, LOOKALIKE_KEYS).
_lookalikes_by_version: dict[Path, tuple[int, Lookalikes]] = {}


def lookalikes(conn: duckdb.DuckDBPyConnection) -> Lookalikes:
    """Whether a saved key holds an unseen character, and the rows of `LOOKALIKE_KEYS`.

    The first is a scan of the keys not ASCII or holding an ASCII separator, checked by
    `visible_name`; only when it is true are the lookalikes read. Both are worked out once per
    `db.data_version` of a database file, as every committed write changes it. Read inside a
    write, they are not kept (the write may yet be undone); a write adds no key holding an
    unseen character, as it keys names cleaned. In-memory databases are not remembered."""
    path, version = db.database_path(conn), db.data_version(conn)
    known = _lookalikes_by_version.get(path) if path is not None else None
    if known is not None and known[0] == version:
        return known[1]
    odd = conn.execute(
        "SELECT match_key FROM (SELECT match_key FROM companies"
        " UNION ALL SELECT match_key FROM company_aliases)"
        " WHERE strlen(match_key) <> length(match_key)"
        f" OR regexp_matches(match_key, '{ASCII_SPACES}')"
    ).fetchall()
    unseen = any(visible_name(key) != key for (key,) in odd)
    pairs: tuple[tuple[str, str], ...] = ()
    if unseen:
        pairs = tuple(conn.execute(f"{LOOKALIKE_KEYS} ORDER BY clean_key").fetchall())
    found = Lookalikes(unseen, pairs)
    if path is not None and not _in_a_write(conn):
        _lookalikes_by_version[path] = (version, found)
    return found


def _in_a_write(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether `conn` is inside a transaction begun explicitly: there, two statements share
    one transaction id (each of its own otherwise)."""
    first, second = (conn.execute("SELECT txid_current()").fetchall()[0][0] for _ in range(2))
    return first == second


def visible_name(name: str) -> str:
    """A company name as it reads: invisible characters (`INVISIBLE`) taken out, other spaces
    (`OTHER_SPACES`) made plain spaces, then trimmed, so that it finds the company whose name
    looks the same. Applied wherever a company name is typed or imported; the LinkedIn reader
    does the same to a whole column at once (`linkedin._visible`)."""
    if name.isascii() and not _ASCII_SPACES.search(name):
        return name.strip()
    kept = (" " if char.isspace() else char for char in name if unicodedata.category(char) != "Cf")
    return "".join(kept).strip()


def check_name_length(name: str) -> None:
    """Our sentence for a name longer than `NAME_LIMIT`; it does not quote the name."""
    if len(name) > NAME_LIMIT:
        raise InvalidInputError(
            f"A name can be at most {NAME_LIMIT} characters; this one has {len(name):,}."
        )


# What to do about text too long, said after the refusal: it is typed in a box, whose words
# are kept, then saved with a button (Save changes, Add company, Rule out this industry…).
TRY_AGAIN = ": shorten it, then try again."


def check_industry_length(industry: str, kept: str | None = None, *, then: str = TRY_AGAIN) -> None:
    """Our sentence for an industry longer than `NAME_LIMIT` (an industry is a name too, shown
    in every list of them), unless it is `kept`, the one saved before; `then` ends it with
    what to do (a row of a file is said to be left out, and how to add it, by the page)."""
    if len(industry) > NAME_LIMIT and industry != kept:
        raise InvalidInputError(
            f"An industry's name can be at most {NAME_LIMIT} characters; this one has "
            f"{len(industry):,}{then}"
        )


def check_reason(reason: str, ruled_out: str, kept: str = "") -> None:
    """Refuse a reason for ruling out `ruled_out` (a company or an industry) longer than notes
    may be (`contacts.NOTES_LIMIT`), unless no longer than `kept`, the reason it replaces, as
    `contacts.check_notes` lets an old note over the limit be kept or shortened."""
    from infoint.contacts import NOTES_LIMIT  # here: contacts imports this module

    if len(reason) <= max(NOTES_LIMIT, len(kept)):
        return
    raise InvalidInputError(
        f"The reason for ruling out {ruled_out} can be at most {NOTES_LIMIT:,} characters; "
        f"this one has {len(reason):,}{TRY_AGAIN}"
    )


def check_company_notes(notes: str, kept: str = "") -> None:
    """Refuse a company's notes (`research_notes`) longer than a person's or a meeting's may be
    (`contacts.check_notes`), unless no longer than `kept`, the notes they replace."""
    from infoint.contacts import check_notes  # here: contacts imports this module

    check_notes(notes, "Notes on a company", kept)


# A placeholder only in the network: not a company to offer as a target. One the user chose
# stays listed as they left it.
_PLACEHOLDER_IN_NETWORK = f"(co.status = 'network' AND {placeholder_company_sql('co.name')})"


def ensure_company(
    conn: duckdb.DuckDBPyConnection, name: str, *, status: str = "network", source: str = "manual"
) -> int | None:
    """The id of the company with this name's match key, created if new; None for no name.

    Call inside the caller's transaction: it writes but does not commit.
    """
    name = visible_name(name or "")
    if not name:
        return None
    check_name_length(name)
    if status not in STATUSES:
        raise InvalidInputError(f"'{status}' is not a company status infoint knows.")
    found = _find_company(conn, name)
    if found:
        return int(found[0])
    row = conn.execute(
        "INSERT INTO companies (name, match_key, status, source)"
        " VALUES (?, company_key(?), ?, ?) RETURNING id",
        [name, name, status, source],
    ).fetchall()
    return int(row[0][0])


def find_company_id(conn: duckdb.DuckDBPyConnection, name: str) -> int | None:
    """The company a typed name stands for, a name merged away included (see `_find_company`),
    so that other modules match companies the way imports and the Targets page do."""
    name = visible_name(name or "")
    found = _find_company(conn, name) if name else None
    return found[0] if found else None


def company_name(conn: duckdb.DuckDBPyConnection, company_id: int) -> str:
    """The company's name as stored: what to say after adding 'copper security ab' found
    'Copper Security AB'."""
    rows = conn.execute("SELECT name FROM companies WHERE id = ?", [company_id]).fetchall()
    if not rows:
        raise NotFoundError("That company is no longer in your list.")
    return rows[0][0]


def _find_company(conn: duckdb.DuckDBPyConnection, name: str) -> tuple[int, str, str] | None:
    """(id, name, status) of the company with this name's match key, or of the company a
    company with that key was merged into (`company_aliases`), or of a company saved before
    names were cleaned whose key cleans to it (`LOOKALIKE_KEYS`); None if there is none."""
    lookalike, saved_so = lookalike_join(conn, "wanted.key")
    rows = conn.execute(
        f"""
        SELECT co.id, co.name, co.status
        FROM (SELECT company_key($name) AS key) wanted
        LEFT JOIN company_aliases a ON a.match_key = wanted.key
        {lookalike}
        JOIN companies co
            ON co.match_key = wanted.key OR co.id = a.company_id OR co.match_key = {saved_so}
        ORDER BY co.match_key = wanted.key DESC
        LIMIT 1
        """,
        {"name": name},
    ).fetchall()
    return (int(rows[0][0]), rows[0][1], rows[0][2]) if rows else None


# --- Reading the list --------------------------------------------------------------------


@dataclass(frozen=True)
class CompanyFilter:
    """Which companies a list shows: the chosen ones (or the whole network), then narrowed."""

    whole_network: bool = False
    industries: tuple[str, ...] = ()  # funnel.NO_INDUSTRY stands for companies without one
    search: str = ""

    def scope(self) -> tuple[str, ...]:
        return STATUSES if self.whole_network else CHOSEN_STATUSES

    def where(self) -> tuple[str, list]:
        """SQL conditions over `co` (companies): the scope (a placeholder such as 'N/A' only
        in the network is none), then industry and name."""
        clause, params = funnel.FunnelFilter(industries=self.industries).where()
        clauses = ["co.status IN (SELECT unnest(?))", f"NOT {_PLACEHOLDER_IN_NETWORK}", clause]
        params = [list(self.scope()), *params]
        if self.search.strip():
            clauses.append(holds_sql("co.name"))
            params.append(self.search.strip())
        return " AND ".join(clauses), params


def _coverage(companies: str) -> str:
    """People at each company and how far the campaign got with them, from `contact_stages`.

    `companies` is a condition on `companies` (as `co`) picking the ones wanted: the stages are the
    costly part, so they are worked out only for the people there.
    """
    return f"""
        SELECT c.company_id,
               count(*) AS people,
               count(*) FILTER (WHERE s.stage >= 1) AS contacted,
               count(*) FILTER (WHERE s.stage >= 3) AS met
        FROM contacts c
        JOIN contact_stages s ON s.contact_id = c.id
        WHERE c.company_id IN (SELECT co.id FROM companies co WHERE {companies})
        GROUP BY c.company_id
    """


_RULED_OUT = profile.RULED_OUT_COMPANY_SQL
# The one count of targets, for Home, the list's line and the coverage by industry: a target
# is a company you chose (target, researching) that is not ruled out, by you or through its
# industry; Home's ruled out are those you chose, then ruled out either way. The list's line
# says which way, as the Status column does ('Ruled out', 'Out by industry'): `count_listed`.
ACTIVE_TARGET_SQL = f"(co.status IN ('target', 'researching') AND NOT {_RULED_OUT})"
RULED_OUT_TARGET_SQL = f"(co.status <> 'network' AND {_RULED_OUT})"


def colleagues_sql(company_ids: str) -> str:
    """SQL: per company among `company_ids` (a query of ids), the rank's tiebreaks after the
    user's scores: `known`, its 1st-degree contacts, and `furthest`, the furthest stage
    anyone there reached. Outreach orders its suggestions by them too."""
    return f"""
        SELECT c.company_id, count(*) FILTER (WHERE c.degree = '1st') AS known,
               max(e.stage) AS furthest
        FROM contacts c
        LEFT JOIN (SELECT contact_id, max(stage) AS stage FROM contact_events GROUP BY 1) e
               ON e.contact_id = c.id
        WHERE c.company_id IN ({company_ids})
        GROUP BY c.company_id
    """


# Rank is computed over the whole scope before the industry and name filters, so a
# company keeps its place in the order whatever the user narrows the list to. Ruled out,
# by the company or its industry, means no rank: such companies come last. After the user's
# own scores come the people you know there (1st-degree contacts; none at a placeholder such
# as 'N/A': they are not colleagues), then the furthest stage anyone there reached, so that
# with nothing scored yet the order is not the alphabet's. Neither needs the stages of
# everyone there (`contact_stages`, worked out for the page shown in `list_companies`): the
# progress is read from the events alone (`contact_events`: interactions and meetings, some
# 11,000 rows at 30,000 contacts), which adds about 10 ms of CPU to the query.
_SCOPED_COLLEAGUES = colleagues_sql(
    f"SELECT co.id FROM scoped co WHERE NOT {placeholder_company_sql('co.name')}"
)
_RANKED = f"""
    WITH scoped AS (
        SELECT co.*, {_RULED_OUT} AS ruled_out FROM companies co
        WHERE co.status IN (SELECT unnest(?)) AND NOT {_PLACEHOLDER_IN_NETWORK}
    ),
    colleagues AS ({_SCOPED_COLLEAGUES}),
    ranked AS (
        SELECT co.id, co.name, co.industry, co.motivation, co.postings, co.status,
               co.ruled_out_reason, co.ruled_out,
               CASE WHEN NOT co.ruled_out THEN row_number() OVER (
                   PARTITION BY co.ruled_out
                   ORDER BY co.motivation DESC, co.postings DESC,
                            coalesce(colleagues.known, 0) DESC,
                            coalesce(colleagues.furthest, 0) DESC,
                            lower(co.name), co.id
               ) END AS rank
        FROM scoped co
        LEFT JOIN colleagues ON colleagues.company_id = co.id
    )
    SELECT * FROM ranked co
"""
# The list's order: by rank, then the unranked: those you ruled out, then those out by
# industry (`INDUSTRY_RULED_OUT`), each by name, as the list's line names them
# (`ListCount.caption`: '..., then 1 ruled out and 2 in an industry you ruled out').
_LIST_ORDER = "co.rank NULLS LAST, co.status <> 'ruled_out', lower(co.name), co.id"


def _table_status_sql(ruled_out: str) -> str:
    """SQL: the status the targets table shows a company `co` (`TABLE_STATUSES`): its own,
    but `INDUSTRY_RULED_OUT` when it is ruled out through its industry and not by the user.
    `ruled_out` says whether it is ruled out either way: `_RULED_OUT`, or a column holding it.
    `list_companies` and `table_rows` both use it, so the two never read differently."""
    return (
        f"CASE WHEN {ruled_out} AND co.status <> 'ruled_out'"
        f" THEN '{INDUSTRY_RULED_OUT}' ELSE co.status END"
    )


LIST_COLUMNS = (
    "rank",
    "name",
    "industry",
    "motivation",
    "postings",
    "status",
    "ruled_out_reason",
    "people",
    "contacted",
    "met",
)


def list_companies(
    conn: duckdb.DuckDBPyConnection,
    filters: CompanyFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
) -> pd.DataFrame:
    """One page of companies in rank order, indexed by id, with their coverage. The status
    is the table's (`TABLE_STATUSES`): a company in an industry ruled out in Settings, unless
    ruled out itself, reads `INDUSTRY_RULED_OUT`, as the list's line counts it."""
    filters = filters or CompanyFilter()
    where, params = filters.where()
    frame = conn.execute(
        f"""
        WITH page AS ({_RANKED} WHERE {where} ORDER BY {_LIST_ORDER} LIMIT ? OFFSET ?),
        coverage AS ({_coverage("co.id IN (SELECT id FROM page)")})
        SELECT co.* REPLACE ({_table_status_sql("co.ruled_out")} AS status),
               coalesce(cv.people, 0) AS people,
               coalesce(cv.contacted, 0) AS contacted,
               coalesce(cv.met, 0) AS met
        FROM page co LEFT JOIN coverage cv ON cv.company_id = co.id
        ORDER BY {_LIST_ORDER}
        """,
        [list(filters.scope()), *params, limit, offset],
    ).df()
    frame = frame.set_index("id")[list(LIST_COLUMNS)]
    frame["rank"] = frame["rank"].astype("Int64")
    for column in ("motivation", "postings", "people", "contacted", "met"):
        frame[column] = frame[column].astype("int64")
    # Text columns are text even when every row is blank: an all-NULL column comes back as
    # objects, which Arrow types as null, and the page's table is known by its columns' types.
    # Setting the industry of a page of companies with none gave it a new type, so a new
    # table in the browser, and the ticks for the next change were gone.
    for column in ("name", "industry", "status", "ruled_out_reason"):
        frame[column] = frame[column].astype("str")
    return frame


@dataclass(frozen=True)
class ListCount:
    """What the list holds: the companies that match, and among them the targets (as Home
    counts them); those you ruled out yourself (Status 'Ruled out'); those in an industry you
    ruled out in Settings, chosen or only in the network (Status 'Out by industry',
    `INDUSTRY_RULED_OUT`); the rest are only in the network. Each is counted under the word
    its row reads: Home's 'ruled out' under Targets is the chosen among the last two.
    `researching` is how many of the `targets` have that status: the line names them apart,
    as the table's Status column does ('6 targets, 2 researching'), and so does Home
    (`home.targets_figure`)."""

    companies: int
    targets: int
    ruled_out: int
    in_ruled_out_industry: int = 0
    researching: int = 0

    def caption(self, first: int, last: int) -> str:
        """'Companies 1–50 of 360, best first: 294 targets and 66 ruled out, listed last.'

        Each group is named in the order listed: the ranked (targets, only in the network),
        then the unranked. The ruled out are in the list so they can be brought back; saying
        so here keeps its total in step with the targets Home counts. Those you are
        researching are named by that status, as the table shows them.
        """
        network = self.companies - self.targets - self.ruled_out - self.in_ruled_out_industry
        only_targets = self.targets - self.researching
        ranked = [counted(only_targets, "target")] if only_targets else []
        if self.researching:
            ranked.append(f"{self.researching:,} researching")
        if network:
            ranked.append(f"{network:,} only in your network")
        unranked = [f"{self.ruled_out:,} ruled out"] if self.ruled_out else []
        if self.in_ruled_out_industry:
            unranked.append(f"{self.in_ruled_out_industry:,} in an industry you ruled out")
        if ranked and len(unranked) > 1:
            standing = f"{joined(ranked)}, then {joined(unranked)}"
        elif unranked:
            standing = f"{joined([*ranked, joined(unranked)])}, listed last"
        else:
            standing = joined(ranked)
        standing = f": {standing}" if standing else ""
        return f"Companies {first:,}–{last:,} of {self.companies:,}, best first{standing}."


def count_listed(
    conn: duckdb.DuckDBPyConnection, filters: CompanyFilter | None = None
) -> ListCount:
    """How many companies the filter matches, with how many are targets, how many you ruled
    out and how many are in an industry ruled out: the statuses of `list_companies`."""
    filters = filters or CompanyFilter()
    where, params = filters.where()
    row = conn.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {ACTIVE_TARGET_SQL}),"
        " count(*) FILTER (WHERE co.status = 'ruled_out'),"
        f" count(*) FILTER (WHERE {_table_status_sql(_RULED_OUT)} = '{INDUSTRY_RULED_OUT}'),"
        f" count(*) FILTER (WHERE co.status = 'researching' AND {ACTIVE_TARGET_SQL})"
        f" FROM companies co WHERE {where}",
        params,
    ).fetchall()[0]
    return ListCount(*(int(n) for n in row))


@dataclass(frozen=True)
class Whereabouts:
    """Where a company is in the list after a change: its page, None once out of the list."""

    name: str
    page: int | None

    def said(self) -> str:
        if self.page is None:
            return f"{self.name} is no longer in this list"
        return f"{self.name} is now on page {self.page:,}"


def where_now(
    conn: duckdb.DuckDBPyConnection,
    filters: CompanyFilter,
    company_ids: Iterable[int],
    *,
    page_size: int,
) -> list[Whereabouts]:
    """The page of the list each of these companies is on now, in list order (those no longer
    in it last): a change of score moves a company in the order, and the user should know where."""
    ids = sorted({int(i) for i in company_ids})
    where, params = filters.where()
    rows = conn.execute(
        f"""
        WITH listed AS (
            SELECT co.id, row_number() OVER (ORDER BY {_LIST_ORDER}) - 1 AS position
            FROM ({_RANKED} WHERE {where}) co
        )
        SELECT co.name, listed.position
        FROM companies co LEFT JOIN listed ON listed.id = co.id
        WHERE co.id IN (SELECT unnest(?))
        ORDER BY listed.position NULLS LAST, lower(co.name), co.id
        """,
        [list(filters.scope()), *params, ids],
    ).fetchall()
    return [
        Whereabouts(name, None if position is None else int(position) // page_size + 1)
        for name, position in rows
    ]


def why_ruled_out(conn: duckdb.DuckDBPyConnection, company_ids: Iterable[int]) -> dict[int, str]:
    """Why each of these companies is ruled out, {id: reason}, in the order given (the table's,
    which the page lists the reasons in): its own reason, or its industry ruled out in
    Settings (the table's status reads `INDUSTRY_RULED_OUT` for those)."""
    ids = [int(i) for i in company_ids]
    rows = conn.execute(
        f"""
        SELECT co.id,
               CASE WHEN co.status = 'ruled_out' THEN co.ruled_out_reason
                    ELSE trim(co.industry) || ' is ruled out in Settings ('
                         || trim(r.reason) || ')' END
        FROM companies co
        LEFT JOIN ruled_out_industries r
               ON {profile.industry_key_sql("r.industry")}
                = {profile.industry_key_sql("co.industry")}
        WHERE co.id IN (SELECT unnest(?)) AND {_RULED_OUT}
        """,
        [sorted(set(ids))],
    ).fetchall()
    found = {int(company_id): reason for company_id, reason in rows if reason}
    return {company_id: found[company_id] for company_id in ids if company_id in found}


def why_ruled_out_with_edits(
    saved: Mapping[int, str], rows: pd.DataFrame, pending: Mapping[int, Mapping[str, Any]]
) -> dict[int, tuple[str, bool]]:
    """Why each company of the table's `rows` is ruled out once its edits not saved yet are
    saved, {id: (reason, not saved yet)}, in the rows' order: `saved` is `why_ruled_out`'s
    answer for them, `pending` the table's edits. A company ruled out with its reason still to
    come has none yet, and one taken back onto the list none any more."""
    shown = {}
    for company_id in rows.index:
        edits = pending.get(company_id, {})
        status = edits.get("status", rows.at[company_id, "status"])
        if ("status" in edits or "ruled_out_reason" in edits) and status == "ruled_out":
            reason = edits.get("ruled_out_reason", rows.at[company_id, "ruled_out_reason"])
            if isinstance(reason, str) and reason.strip():
                shown[int(company_id)] = (reason.strip(), True)
        elif status != "ruled_out" and status != INDUSTRY_RULED_OUT:
            continue
        elif company_id in saved:
            shown[int(company_id)] = (saved[company_id], False)
    return shown


_MOVES_NAMED = 3  # more would not read as one sentence


def saved_sentence(edits: int, saved: int, moved: list[Whereabouts]) -> str:
    """'Saved 1 change to 1 company: Alder Consulting is now on page 3.' `moved`: the edited
    companies that left the page the user is on."""
    done = f"Saved {counted(edits, 'change')} to {counted(saved, 'company', 'companies')}"
    if not moved:
        return f"{done}."
    said = [place.said() for place in moved[:_MOVES_NAMED]]
    if len(moved) > _MOVES_NAMED:
        said.append(f"{len(moved) - _MOVES_NAMED:,} more moved elsewhere")
    return f"{done}: {joined(said)}."


def list_company_ids(
    conn: duckdb.DuckDBPyConnection, filters: CompanyFilter | None = None
) -> list[int]:
    """Every id the filter matches, not just one page: for changes to the whole selection."""
    filters = filters or CompanyFilter()
    where, params = filters.where()
    rows = conn.execute(
        f"SELECT co.id FROM companies co WHERE {where} ORDER BY co.id", params
    ).fetchall()
    return [int(r[0]) for r in rows]


def count_chosen(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(all companies, companies the user chose): which empty state the targets page shows.
    A placeholder such as 'N/A' only in the network is not counted, as the list leaves it out."""
    row = conn.execute(
        f"SELECT count(*) FILTER (WHERE NOT {_PLACEHOLDER_IN_NETWORK}),"
        " count(*) FILTER (WHERE co.status <> 'network') FROM companies co"
    ).fetchall()
    return int(row[0][0]), int(row[0][1])


def industries(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """The industries given to any company, alphabetically: the options of industry filters."""
    rows = conn.execute(
        "SELECT DISTINCT industry FROM companies WHERE coalesce(industry, '') <> ''"
        " ORDER BY lower(industry)"
    ).fetchall()
    return [r[0] for r in rows]


def find_companies(
    conn: duckdb.DuckDBPyConnection, search: str, *, limit: int = 100
) -> list[tuple[int, str]]:
    """Companies of any status whose name contains the words, as (id, 'Name — status, N people')."""
    rows = conn.execute(
        f"""
        WITH coverage AS ({_coverage(holds_sql("name"))})
        SELECT co.id, co.name, co.status, coalesce(cv.people, 0)
        FROM companies co LEFT JOIN coverage cv ON cv.company_id = co.id
        WHERE {holds_sql("co.name")}
        ORDER BY lower(co.name), co.id
        LIMIT ?
        """,
        [search.strip(), search.strip(), limit],
    ).fetchall()
    return [
        (int(i), f"{name} — {STATUS_LABELS[status].lower()}, {_people(people)}")
        for i, name, status, people in rows
    ]


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def coverage_by_industry(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per industry of the targets (target, researching, not ruled out: `ACTIVE_TARGET_SQL`):
    how many there are, at how many you have written to or met someone, and the people there
    with how many you contacted.

    `targets` counts the researching too: the page names it 'Chosen' and the chart 'companies
    chosen', since the list's line and Home say 'targets' for the others alone ('6 targets, 2
    researching', `ListCount`, `home.targets_figure`).

    Targets and people are counted apart: 28 targets beside 3,000 people there would read as
    no targets at all on one scale.
    """
    frame = conn.execute(
        f"""
        WITH coverage AS ({_coverage(ACTIVE_TARGET_SQL)}),
        active AS (
            SELECT CASE WHEN coalesce(co.industry, '') = '' THEN ? ELSE co.industry END
                       AS industry,
                   coalesce(cv.people, 0) AS people,
                   coalesce(cv.contacted, 0) AS contacted,
                   coalesce(cv.met, 0) AS met
            FROM companies co LEFT JOIN coverage cv ON cv.company_id = co.id
            WHERE {ACTIVE_TARGET_SQL}
        )
        SELECT industry, count(*) AS targets,
               count(*) FILTER (WHERE contacted > 0) AS targets_contacted,
               count(*) FILTER (WHERE met > 0) AS targets_met,
               sum(people) AS people, sum(contacted) AS contacted,
               sum(contacted) / nullif(sum(people), 0) AS contacted_share
        FROM active
        GROUP BY industry
        ORDER BY targets DESC, lower(industry)
        """,
        [funnel.NO_INDUSTRY],
    ).df()
    for column in COVERAGE_COUNTS:
        frame[column] = frame[column].astype("int64")
    # Whole percents, as Home and Insights write them (`text.percent`); none where nobody
    # works there (no share to give).
    share = frame.pop("contacted_share").astype("float64")
    frame["contacted_percent"] = whole_percents(share)
    return frame


COVERAGE_COUNTS = ("targets", "targets_contacted", "targets_met", "people", "contacted")


# --- Changing companies ------------------------------------------------------------------


def _scale(value: Any, what: str, company: str) -> int:
    """A 0–3 score from what a table cell or a spreadsheet holds, or our error."""
    number = math.nan
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            number = float(value.strip())
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
    if not (math.isfinite(number) and number.is_integer() and int(number) in SCALE):
        raise InvalidInputError(
            f"The {what} of {company} must be a whole number from 0 to 3, not '{value}'."
        )
    return int(number)


def _text(value: Any) -> str:
    """A cell's text; empty for None and NaN (what a cleared table cell holds)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _industry(value: Any, kept: str | None = None, then: str = TRY_AGAIN) -> str | None:
    """The industry typed, or None; `kept`, the one saved before, may stay however long;
    `then`, what a refusal says to do (`check_industry_length`)."""
    industry = _text(value)
    if industry == funnel.NO_INDUSTRY:
        raise InvalidInputError(
            f"'{funnel.NO_INDUSTRY}' is how infoint shows a missing industry; "
            "leave the industry empty instead."
        )
    check_industry_length(industry, kept, then=then)
    return industry or None


def _spelled_as_before(
    conn: duckdb.DuckDBPyConnection, industry: str | None, changing: Iterable[int] = ()
) -> str | None:
    """The industry as other companies already spell it, so 'health' joins 'Health'."""
    if industry is None:
        return None
    rows = conn.execute(
        "SELECT min(industry) FROM companies"
        " WHERE lower(industry) = lower(?) AND id NOT IN (SELECT unnest(?))",
        [industry, sorted(changing)],
    ).fetchall()
    return rows[0][0] or industry


_COMPANY_FIELDS = "id, name, industry, motivation, postings, status, ruled_out_reason"


def _current(conn: duckdb.DuckDBPyConnection, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The editable fields of these companies; NotFoundError if any is gone."""
    wanted = sorted({int(i) for i in ids})
    rows = conn.execute(
        f"SELECT {_COMPANY_FIELDS} FROM companies WHERE id IN (SELECT unnest(?))", [wanted]
    ).fetchall()
    found = {
        int(r[0]): dict(zip(_COMPANY_FIELDS.split(", ")[1:], r[1:], strict=True)) for r in rows
    }
    if len(found) != len(wanted):
        raise NotFoundError("A company you changed no longer exists; reload the page.")
    return found


def _checked(
    record: dict[str, Any], was_name: str, was: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The record made valid (trimmed, typed, reason cleared when not ruled out), or our error;
    `was`, the record saved before: its industry and reason may stay however long they are."""
    was = was or {}
    name = visible_name(_text(record["name"]))
    if not name:
        raise InvalidInputError(f"{was_name} needs a name; it cannot be empty.")
    check_name_length(name)
    status = _text(record["status"])
    if status not in STATUSES:
        raise InvalidInputError(f"'{status}' is not a company status infoint knows.")
    reason = _text(record["ruled_out_reason"])
    if status == "ruled_out" and not reason:
        raise InvalidInputError(
            f"Say why you are ruling out {name}: what you learned is worth keeping."
        )
    if status == "ruled_out":
        check_reason(reason, name, was.get("ruled_out_reason") or "")
    return {
        "name": name,
        "industry": _industry(record["industry"], was.get("industry")),
        "motivation": _scale(record["motivation"], "motivation", name),
        "postings": _scale(record["postings"], "postings", name),
        "status": status,
        "ruled_out_reason": reason if status == "ruled_out" else None,
    }


def _checked_changes(
    conn: duckdb.DuckDBPyConnection, changes: Mapping[int, Mapping[str, Any]]
) -> list[list[Any]]:
    """The rows `update_companies` writes, or our error for the first change it refuses."""
    for change in changes.values():
        for name in change:
            if name not in EDITABLE_FIELDS:
                raise InvalidInputError(f"'{name}' cannot be changed in the targets table.")
    current = _current(conn, changes)
    rows = []
    for company_id, change in changes.items():
        was = current[int(company_id)]
        change = _as_stored(conn, change, was)
        clean = _checked({**was, **change}, was["name"], was)
        clean["industry"] = _spelled_as_before(conn, clean["industry"], [int(company_id)])
        rows.append([*clean.values(), int(company_id)])
    return rows


def check_changes(
    conn: duckdb.DuckDBPyConnection, changes: Mapping[int, Mapping[str, Any]]
) -> None:
    """Refuse, as saving them would, edits of the targets table not saved yet, before Save:
    a score typed out of range (9 postings) is said at once, in words, and nothing is saved
    until it is changed. Reads only."""
    if changes:
        _checked_changes(conn, changes)


def update_companies(
    conn: duckdb.DuckDBPyConnection, changes: Mapping[int, Mapping[str, Any]]
) -> int:
    """Save edits made in the targets table, {id: {field: value}}, all or none; returns the count.

    Renaming changes the display name only: the match key stays, so later imports still match.
    """
    if not changes:
        return 0
    rows = _checked_changes(conn, changes)
    with db.transaction(conn):
        conn.executemany(
            "UPDATE companies SET name = ?, industry = ?, motivation = ?, postings = ?,"
            " status = ?, ruled_out_reason = ? WHERE id = ?",
            rows,
        )
    return len(rows)


# --- Edits of the table not saved yet ----------------------------------------------------
#
# The page keeps them by company id, as {id: {"was": {field: value shown before the edit},
# "now": {field: value typed}}}, so they outlive a trip to another page (Streamlit forgets a
# table's edits when its page is left) and follow the company whatever the order or filter.

EDIT_FIELDS = ("name", "industry", "motivation", "postings", "status", "ruled_out_reason")


def table_rows(conn: duckdb.DuckDBPyConnection, company_ids: Iterable[int]) -> pd.DataFrame:
    """These companies' editable fields as the targets table shows them (`list_companies`:
    a company in an industry ruled out in Settings reads `INDUSTRY_RULED_OUT`), indexed by id;
    a company no longer there is left out."""
    frame = conn.execute(
        f"""
        SELECT co.id, co.name, co.industry, co.motivation, co.postings,
               {_table_status_sql(_RULED_OUT)} AS status,
               co.ruled_out_reason
        FROM companies co WHERE co.id IN (SELECT unnest(?))
        """,
        [sorted({int(i) for i in company_ids})],
    ).df()
    frame = frame.set_index("id")[list(EDIT_FIELDS)]
    frame.index = frame.index.astype("int64")
    for column in ("motivation", "postings"):
        frame[column] = frame[column].astype("int64")
    for column in ("name", "industry", "status", "ruled_out_reason"):
        frame[column] = frame[column].astype("str")
    return frame


def same_cell(a: Any, b: Any) -> bool:
    """Whether two cells of the targets table hold the same: a cleared cell (None, NaN) is an
    empty one, and 2 is 2.0."""
    if _blank(a) or _blank(b):
        return _blank(a) and _blank(b)
    if isinstance(a, numbers.Real) and isinstance(b, numbers.Real):
        return float(a) == float(b)
    return str(a) == str(b)


def _blank(value: Any) -> bool:
    if isinstance(value, str):
        return value == ""
    return value is None or bool(pd.isna(value)) if pd.api.types.is_scalar(value) else False


@dataclass(frozen=True)
class KeptEdits:
    """Edits not saved yet, checked again before the table shows them: those of a company
    gone (merged away) or changed meanwhile (elsewhere, or by an import) are dropped."""

    kept: dict[int, dict[str, dict[str, Any]]]
    gone: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    gone_edits: int = 0
    changed_edits: int = 0

    def sentence(self, plain: Callable[[str], str] = str) -> str:
        """What was dropped and why, in a sentence for each reason; empty when nothing was."""
        said = []
        if self.gone:
            names, one = joined([plain(n) for n in self.gone]), len(self.gone) == 1
            said.append(
                f"Your unsaved {_changes(self.gone_edits)} to {names} "
                f"{'was' if self.gone_edits == 1 else 'were'} dropped: "
                f"{'that company is' if one else 'those companies are'} no longer on your list "
                "(merged into another, or removed)."
            )
        if self.changed:
            names, one = joined([plain(n) for n in self.changed]), len(self.changed) == 1
            them = "it" if one else "them"
            said.append(
                f"{names} changed since you edited {them} here, so your unsaved "
                f"{_changes(self.changed_edits)} to {them} "
                f"{'was' if self.changed_edits == 1 else 'were'} dropped; make "
                f"{'it' if self.changed_edits == 1 else 'them'} again if you still want to."
            )
        return " ".join(said)


def _changes(count: int) -> str:
    return "change" if count == 1 else "changes"


def recheck_edits(
    conn: duckdb.DuckDBPyConnection, edits: Mapping[int, Mapping[str, Mapping[str, Any]]]
) -> KeptEdits:
    """The edits kept (`{id: {"was": ..., "now": ...}}`) whose company is still as it was
    when they were made: same name, and the same values in the fields edited."""
    if not edits:
        return KeptEdits({})
    now = table_rows(conn, edits)
    kept: dict[int, dict[str, dict[str, Any]]] = {}
    gone, changed, gone_edits, changed_edits = [], [], 0, 0
    for company_id, edit in edits.items():
        was, typed = edit["was"], edit["now"]
        name = _text(was.get("name")) or f"company {company_id}"
        if int(company_id) not in now.index:
            gone.append(name)
            gone_edits += len(typed)
        elif all(same_cell(now.at[int(company_id), f], v) for f, v in was.items()):
            kept[int(company_id)] = {"was": dict(was), "now": dict(typed)}
        else:
            changed.append(name)
            changed_edits += len(typed)
    return KeptEdits(kept, tuple(gone), tuple(changed), gone_edits, changed_edits)


def _industry_ruled_out(conn: duckdb.DuckDBPyConnection, industry: Any) -> bool:
    rows = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM ruled_out_industries"
        f" WHERE {profile.industry_key_sql('industry')} = {profile.industry_key_sql('?')})",
        [_text(industry)],
    ).fetchall()
    return bool(rows[0][0])


def _as_stored(
    conn: duckdb.DuckDBPyConnection, change: Mapping[str, Any], was: Mapping[str, Any]
) -> Mapping[str, Any]:
    """A table row's change with its status as stored. `INDUSTRY_RULED_OUT` is what the table
    shows for a company whose industry is ruled out in Settings (not ruled out itself): kept,
    it changes nothing; it is no status to give another company. And such a company made a
    target (again) stays ruled out while its industry is: refused, rather than saved to no
    effect."""
    if "status" not in change:
        return change
    status = _text(change["status"])
    shown_out = was["status"] != "ruled_out" and _industry_ruled_out(conn, was["industry"])
    name = visible_name(_text(change.get("name", was["name"]))) or was["name"]
    if status == INDUSTRY_RULED_OUT:
        if not shown_out:
            raise InvalidInputError(
                f"'{TABLE_STATUS_LABELS[INDUSTRY_RULED_OUT]}' is for companies in an industry "
                f"you ruled out in Settings: to rule out {name} itself, choose "
                f"'{STATUS_LABELS['ruled_out']}' and say why."
            )
        return {field: value for field, value in change.items() if field != "status"}
    industry = _text(change.get("industry", was["industry"]))
    if shown_out and status in ("target", "researching") and _industry_ruled_out(conn, industry):
        if was["status"] == "network":
            raise InvalidInputError(
                f"{name} cannot be a target while its industry, {industry}, is ruled out in "
                f"Settings: take {industry} off the ruled-out industries there, or give {name} "
                "another industry."
            )
        raise InvalidInputError(
            f"{name} stays ruled out while its industry, {industry}, is ruled out in Settings: "
            f"to bring it back, take {industry} off the ruled-out industries there, or give "
            f"{name} another industry."
        )
    return change


def rule_out(conn: duckdb.DuckDBPyConnection, company_id: int, reason: str) -> None:
    """Record that this company is not for you, and why (a real outcome of the campaign)."""
    update_companies(conn, {company_id: {"status": "ruled_out", "ruled_out_reason": reason}})


@dataclass(frozen=True)
class TargetPlan:
    """What making some companies targets does to each of them.

    Only companies that are merely in the network become targets. Those you ruled out, by
    themselves or by their industry, are left out: a bulk change must not undo a decision
    you made. Those on your list already keep the status you gave them.
    """

    becoming: int
    chosen: int
    ruled_out: int
    ruled_out_industry: int
    industries: tuple[str, ...] = ()  # the ruled-out industries the left-out ones are in

    @property
    def total(self) -> int:
        return self.becoming + self.chosen + self.ruled_out + self.ruled_out_industry

    def left_out(self) -> str:
        """'Left out: 2 you ruled out and 40 in industries you ruled out (Retail).', or ''."""
        parts = []
        if self.ruled_out:
            parts.append(f"{self.ruled_out:,} you ruled out")
        if self.ruled_out_industry:
            named = list(self.industries[:3])
            if len(self.industries) > 3:
                named.append(f"{len(self.industries) - 3:,} more")
            where = "an industry" if len(self.industries) == 1 else "industries"
            parts.append(f"{self.ruled_out_industry:,} in {where} you ruled out ({joined(named)})")
        return f"Left out: {joined(parts)}." if parts else ""

    def kept(self) -> str:
        if not self.chosen:
            return ""
        were = "was" if self.chosen == 1 else "were"
        return f"{counted(self.chosen, 'company', 'companies')} {were} on your list already."

    def nothing_to_add(self) -> str:
        """Why none of them would become a target, said where the button would be: a button
        that would change nothing is not offered."""
        if self.total == 1:
            if self.chosen:
                return "It is on your list already."
            if self.ruled_out:
                return "You ruled it out, so it is not made a target."
            industry = joined(list(self.industries))
            return f"You ruled out its industry ({industry}), so it is not made a target."
        on_list = (
            f"{self.chosen:,} {'is' if self.chosen == 1 else 'are'} on your list already."
            if self.chosen
            else ""
        )
        return " ".join(part for part in ("Nothing to add.", self.left_out(), on_list) if part)

    def question(self) -> str:
        """The question before changing every company that matches the filters."""
        matching = counted(self.total, "company that matches", "companies that match")
        into = "into a target" if self.becoming == 1 else "into targets"
        asked = (
            "Turn the one company that matches into a target?"
            if self.total == 1
            else f"Turn all {matching} {into}?"
            if self.becoming == self.total
            else f"Turn {self.becoming:,} of the {matching} {into}?"
        )
        undo = (
            "There is no undo: to take one back off, set its status to "
            f"'{STATUS_LABELS['network']}' in the table."
        )
        return " ".join(part for part in (asked, self.left_out(), self.kept(), undo) if part)

    def outcome(self) -> str:
        """What was done, with who was left out and why."""
        if self.becoming:
            done = f"Added {counted(self.becoming, 'company', 'companies')} to your targets."
        elif self.chosen and not (self.ruled_out or self.ruled_out_industry):
            return (
                "It was on your list already."
                if self.chosen == 1
                else "All of them were on your list already."
            )
        else:
            done = "No company was added to your targets."
        return " ".join(part for part in (done, self.left_out(), self.kept()) if part)


def scope_choices(ticked: int, matching: int) -> dict[str, str]:
    """The companies a change to many can go to, by scope: those ticked (offered at none too,
    and first, so the small change that asks nothing stays the default) or all that match."""
    return {
        "picked": "The ones you tick in the table (none ticked yet)"
        if not ticked
        else "The one you ticked in the table"
        if ticked == 1
        else f"The {ticked:,} you ticked in the table",
        "matching": "The one company that matches the search and industry above"
        if matching == 1
        else f"All {matching:,} that match the search and industry above",
    }


def industry_question(count: int, industry: str) -> tuple[str, str]:
    """The question before giving every company that matches `industry` (as it is to be
    shown), and its yes."""
    if count == 1:
        return (
            f"Put the one company that matches in {industry}? The industry it has now is "
            "replaced, and there is no undo.",
            "Yes, set its industry",
        )
    return (
        f"Put all {count:,} companies that match in {industry}? The industry each one has now "
        "is replaced, and there is no undo.",
        "Yes, set their industry",
    )


def make_targets_labels(count: int) -> tuple[str, str]:
    """The button that makes `count` companies targets, and the yes to its question."""
    if count == 1:
        return "Make it a target", "Yes, make it a target"
    return "Make them targets", "Yes, make them targets"


def plan_targets(conn: duckdb.DuckDBPyConnection, company_ids: Iterable[int]) -> TargetPlan:
    """What `make_targets` would do to these companies, to ask before it is done."""
    row = conn.execute(
        f"""
        SELECT count(*) FILTER (WHERE co.status = 'network' AND NOT {_RULED_OUT}),
               count(*) FILTER (WHERE co.status IN ('target', 'researching')),
               count(*) FILTER (WHERE co.status = 'ruled_out'),
               count(*) FILTER (WHERE co.status = 'network' AND {_RULED_OUT}),
               list_sort(list_distinct(list(co.industry)
                   FILTER (WHERE co.status = 'network' AND {_RULED_OUT})))
        FROM companies co
        WHERE co.id IN (SELECT unnest(?))
        """,
        [sorted({int(i) for i in company_ids})],
    ).fetchall()[0]
    return TargetPlan(*(int(n) for n in row[:4]), tuple(row[4] or ()))


def make_targets(conn: duckdb.DuckDBPyConnection, company_ids: Iterable[int]) -> TargetPlan:
    """Turn network companies into targets, all in one write; see `TargetPlan` for who is not."""
    ids = sorted({int(i) for i in company_ids})
    _current(conn, ids)
    with db.transaction(conn):
        plan = plan_targets(conn, ids)
        conn.execute(
            "UPDATE companies AS co SET status = 'target'"
            f" WHERE co.id IN (SELECT unnest(?)) AND co.status = 'network' AND NOT {_RULED_OUT}",
            [ids],
        )
    return plan


def set_industry(conn: duckdb.DuckDBPyConnection, company_ids: Iterable[int], industry: str) -> int:
    """Give many companies the same industry in one statement; empty clears it."""
    ids = sorted({int(i) for i in company_ids})
    if not ids:
        raise InvalidInputError("Tick at least one company to set its industry.")
    _current(conn, ids)
    value = _spelled_as_before(conn, _industry(industry), ids)
    with db.transaction(conn):
        conn.execute(
            "UPDATE companies SET industry = ? WHERE id IN (SELECT unnest(?))", [value, ids]
        )
    return len(ids)


def add_company(
    conn: duckdb.DuckDBPyConnection,
    name: str,
    *,
    industry: str = "",
    motivation: int = 0,
    postings: int = 0,
    status: str = "target",
) -> int:
    """Add a company you want to learn about; one already in your network becomes a target."""
    record = _checked(
        {
            "name": name,
            "industry": industry,
            "motivation": motivation,
            "postings": postings,
            "status": status,
            "ruled_out_reason": None,
        },
        "The company",
    )
    record["industry"] = _spelled_as_before(conn, record["industry"])
    found = _find_company(conn, record["name"])
    if found and found[2] != "network":
        raise InvalidInputError(
            f"{found[1]} is already on your list ({STATUS_LABELS[found[2]].lower()}). To "
            "change it, type its name in “Company name contains” above the table."
        )
    with db.transaction(conn):
        if found:
            company_id = found[0]
            conn.execute(
                "UPDATE companies SET industry = coalesce(?, industry), motivation = ?,"
                " postings = ?, status = ? WHERE id = ?",
                [
                    record["industry"],
                    record["motivation"],
                    record["postings"],
                    record["status"],
                    company_id,
                ],
            )
        else:
            company_id = conn.execute(
                "INSERT INTO companies (name, match_key, industry, motivation, postings, status,"
                " source) VALUES (?, company_key(?), ?, ?, ?, ?, 'manual') RETURNING id",
                [
                    record["name"],
                    record["name"],
                    record["industry"],
                    record["motivation"],
                    record["postings"],
                    record["status"],
                ],
            ).fetchall()[0][0]
    return int(company_id)


def merge_companies(conn: duckdb.DuckDBPyConnection, keep_id: int, merge_id: int) -> int:
    """Fold a duplicate into the company kept; returns how many contacts moved.

    The kept company keeps its name and match key; blanks in it are filled from the other,
    it takes the higher scores, and the other's choice of status if it had none of its own.
    The other's match key, and those merged into it before, become aliases of the kept one
    (`company_aliases`), so no import or list brings the merged company back.
    """
    if int(keep_id) == int(merge_id):
        raise InvalidInputError("Pick two different companies to merge.")
    _current(conn, [keep_id, merge_id])
    with db.transaction(conn):
        moved = conn.execute(
            "UPDATE contacts SET company_id = ? WHERE company_id = ? RETURNING id",
            [keep_id, merge_id],
        ).fetchall()
        conn.execute(
            """
            UPDATE companies AS k SET
                industry = coalesce(nullif(k.industry, ''), m.industry),
                motivation = greatest(k.motivation, m.motivation),
                postings = greatest(k.postings, m.postings),
                status = CASE WHEN k.status = 'network' THEN m.status ELSE k.status END,
                ruled_out_reason = CASE WHEN k.status = 'network' THEN m.ruled_out_reason
                                        ELSE k.ruled_out_reason END,
                research_notes = concat_ws(chr(10) || chr(10), nullif(k.research_notes, ''),
                                           nullif(m.research_notes, ''))
            FROM companies AS m
            WHERE k.id = ? AND m.id = ?
            """,
            [keep_id, merge_id],
        )
        conn.execute(
            "UPDATE company_aliases SET company_id = $keep WHERE company_id = $merge",
            {"keep": keep_id, "merge": merge_id},
        )
        # A key can be left from a company since deleted (demo data): one alias per key.
        conn.execute(
            "DELETE FROM company_aliases"
            " WHERE match_key = (SELECT match_key FROM companies WHERE id = ?)",
            [merge_id],
        )
        conn.execute(
            "INSERT INTO company_aliases (match_key, company_id)"
            " SELECT match_key, ? FROM companies WHERE id = ?",
            [keep_id, merge_id],
        )
        conn.execute("DELETE FROM companies WHERE id = ?", [merge_id])
    return len(moved)


# --- A list of target companies from a spreadsheet ----------------------------------------

TARGET_LIST_COLUMNS = ("name", "industry", "motivation", "postings")
# Headers people use for the company column besides 'name'; one of these is taken before a
# column called 'name', which in a list of people (Google Contacts' 'Name' beside 'Given
# Name' and 'Organization 1 - Name') is a person's name.
_COMPANY_HEADERS = re.compile(
    r"^(?:company|employer|organi[sz]ation)(?: \d+)?(?: -)?(?: name)?$|^company name$"
)
# Headers a careful user's spreadsheet gives the industry column ('Sector' most of all). A
# column called 'industry' is taken before these; the preview says which one was read as it.
_INDUSTRY_HEADERS = {
    "industry",
    "industries",
    "sector",
    "sectors",
    "industry sector",
    "business sector",
    "industry / sector",
    "industry/sector",
    "sector / industry",
    "sector/industry",
    "field",
    "vertical",
}
# Columns that name a person: beside them, a column called 'name' is the person's.
_PERSON_HEADERS = {"first name", "given name", "last name", "family name", "surname"}
# LinkedIn's Connections.csv: a list of people, not companies, which belongs in the LinkedIn
# import (its Company column would otherwise read as a list of targets). Known by these
# columns and no others (compared without case, spaces, underscores): our own export of
# contacts has the first three too, besides Stage and more, and reads as a list of companies.
_LINKEDIN_COLUMNS = {"firstname", "lastname", "connectedon"}
_LINKEDIN_OTHER_COLUMNS = {
    "url",
    "profileurl",
    "emailaddress",
    "email",
    "company",
    "position",
    "tags",
    "",
}
_LINKEDIN_HEADER_LINES = 10  # its header follows a preamble of three lines, or fewer
_TO_THE_LINKEDIN_IMPORT = "under “Bring in your LinkedIn connections” at the top of this page"
OUR_WORKBOOK = (
    "This is infoint's own workbook, a copy of everything you keep here for reading in Excel, "
    "so nothing was added: your companies are on the Targets page already, and this box takes "
    "a list of companies of your own."
)


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str


# A company a list names that is on your list already, and what the list would change.
_LIST_FIELDS = ("industry", "motivation", "postings")
_NAMED = 3  # names said in one sentence before 'and 2 more'


def _as_is(text: str) -> str:
    return text


@dataclass(frozen=True)
class Change:
    field: str  # industry, motivation or postings
    now: Any  # None: none yet
    listed: Any

    def said(self, plain: Callable[[str], str] = _as_is) -> str:
        """'industry Robotics → Hardware', 'industry none yet → Hardware'."""
        now = "none yet" if self.now is None else plain(str(self.now))
        return f"{self.field} {now} → {plain(str(self.listed))}"


@dataclass(frozen=True)
class OnList:
    """A company the list names that you chose already (target, researching or ruled out)."""

    name: str  # as you have it
    status: str
    changes: tuple[Change, ...] = ()  # what the list gives that differs from what you have

    def said(self, plain: Callable[[str], str] = _as_is) -> str:
        """'Acme is on your list already (Target): industry Robotics → Hardware, motivation
        2 → 1.'"""
        already = f"{plain(self.name)} is on your list already ({STATUS_LABELS[self.status]})"
        if not self.changes:
            return f"{already}, as this file has it."
        return f"{already}: {', '.join(change.said(plain) for change in self.changes)}."


def _names(names: list[str], plain: Callable[[str], str]) -> str:
    """'Acme, Beta and 2 more'."""
    said = [plain(name) for name in names[:_NAMED]]
    if len(names) > _NAMED:
        said.append(f"{len(names) - _NAMED:,} more")
    return joined(said)


@dataclass(frozen=True)
class TargetListPreview:
    """What a target list holds: readable rows (by file line) and the ones it cannot use, and
    what adding it would do: the companies it makes targets (new here, or only in your network)
    and those on your list already, with what the list would change of each."""

    frame: pd.DataFrame  # columns: line, name, industry, motivation, postings (None = not given)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # Lines naming a company an earlier line names: nothing to fix, so apart from the problems.
    repeats: list[RowProblem] = field(default_factory=list)
    # Of the companies named, those the add would make targets: new, or only in the network.
    newly_targeted: int = 0
    # Those you chose already, in the order of the file; and of the rows, what each is now.
    on_list: list[OnList] = field(default_factory=list)
    standing: list[str] = field(default_factory=list)  # per row of `frame`: its status here
    # The header of the column read as the industry, when it is called otherwise ('Sector').
    industry_from: str | None = None

    @property
    def skipped(self) -> int:
        return len(self.problems) + len(self.repeats)

    @property
    def differing(self) -> list[OnList]:
        """The companies on your list the file would change, if you let it."""
        return [company for company in self.on_list if company.changes]

    @property
    def mostly_left_out(self) -> bool:
        """More rows left out than kept: likely not a list of companies at all (a list of
        people, with a Company column naming each employer many times), so not one click
        away from changing every company it names."""
        return self.skipped > len(self.frame)

    def columns_sentence(self) -> str:
        """What the preview says of the file's columns: the one read as the industry under
        another name, and those left aside, as 'Sector is read as the industry. Columns left
        aside: Why.' (empty when there is nothing to say)."""
        said = []
        if self.industry_from:
            said.append(f"{self.industry_from} is read as the industry.")
        if self.ignored_columns:
            said.append(f"Columns left aside: {', '.join(self.ignored_columns)}.")
        return " ".join(said)

    def shown(self) -> pd.DataFrame:
        """The rows as the preview shows them, with what each company is here now: 'New',
        'In your network' (it becomes a target), or the status you gave it."""
        frame = self.frame.copy()
        frame["now"] = self.standing or ["New"] * len(frame)
        return frame

    def updates(self, update: bool) -> int:
        """How many companies on your list the add changes: none unless you let it."""
        return len(self.differing) if update else 0

    def button_label(self, update: bool = False) -> str:
        """The add's label, counting what it does; '' when it would do nothing."""
        adds, updates = self.newly_targeted, self.updates(update)
        if adds and adds == len(self.frame):
            add = (
                "Add this company as a target"
                if adds == 1
                else f"Add these {counted(adds, 'company', 'companies')} as targets"
            )
        elif adds:
            add = f"Add {counted(adds, 'company', 'companies')} as {_targets(adds)}"
        else:
            add = ""
        if not updates:
            return add
        if add:
            return f"{add} and update {updates:,} on your list"
        if updates == 1 and len(self.frame) == 1:
            return "Update this company"
        return f"Update {counted(updates, 'company', 'companies')} on your list"

    def nothing_to_add(self) -> str:
        """Said instead of the button when adding would change nothing."""
        if self.differing:
            return (
                "Nothing to add: every company in this file is on your list already, and you "
                "chose to keep them as they are. To take this file's details, choose "
                f"“{UPDATE_CHOICES[True]}” above."
            )
        return (
            "Nothing to add: every company in this file is on your list already, as this file "
            "has it."
        )

    def kept_note(self, update: bool, plain: Callable[[str], str] = _as_is) -> str:
        """What happens to the companies on your list: '' when there are none."""
        if not self.on_list:
            return ""
        if update:
            same = [c.name for c in self.on_list if not c.changes]
            changed = len(self.differing)
            said = f"{counted(changed, 'company', 'companies')} on your list {_take(changed)} "
            said += "this file's details"
            if same:
                said += f"; {_names(same, plain)} {_are(len(same))} as this file has "
                said += "it" if len(same) == 1 else "them"
            return f"{said}."
        names = [c.name for c in self.on_list]
        return (
            f"{_names(names, plain)}, on your list already, "
            f"{'stays as it is' if len(names) == 1 else 'stay as they are'}."
        )

    def _change(self, update: bool) -> str:
        adds, updates = self.newly_targeted, self.updates(update)
        if adds:
            change = f"makes {counted(adds, 'company', 'companies')} {_targets(adds, 'a ')}"
            if updates:
                change += f" and updates {counted(updates, 'company', 'companies')} on your list"
        elif updates:
            change = (
                f"makes no new target but updates {counted(updates, 'company', 'companies')} "
                "on your list"
            )
        else:
            change = "changes nothing"
        return change

    def left_out_question(self, update: bool = False) -> str:
        """What to ask before adding a list that is `mostly_left_out`, counting what the add
        does as its button does."""
        rows = len(self.frame) + self.skipped
        change = self._change(update)
        kept = [c.name for c in self.on_list] if not update else []
        if kept:
            change += (
                f"; {counted(len(kept), 'company', 'companies')} on your list already "
                f"{'stays as it is' if len(kept) == 1 else 'stay as they are'}"
            )
        # Said by reason, each counted: "left out as repeats or unreadable" read as repeats to
        # a tester whose rows were all unreadable.
        lines = f"{self.skipped:,} of the {rows:,} rows in this file"
        unreadable, repeats = len(self.problems), len(self.repeats)
        if not repeats:
            return (
                f"{lines} can't be read and are left out (the reasons are above): adding the "
                f"rest {change}."
            )
        names = f"{'names' if repeats == 1 else 'name'} a company an earlier line names"
        if not unreadable:
            left_out = f"{lines} {names}"
        else:
            left_out = f"{lines} are left out ({unreadable:,} can't be read, {repeats:,} {names})"
        return f"{left_out}, so it may not be your list of companies: adding it {change}."


UPDATE_CHOICES = {
    False: "Keep them as they are",
    True: "Update them from this file",
}


def _targets(count: int, a: str = "a ") -> str:
    return f"{a}target" if count == 1 else "targets"


def _take(count: int) -> str:
    return "takes" if count == 1 else "take"


def _are(count: int) -> str:
    return "is" if count == 1 else "are"


@dataclass(frozen=True)
class TargetListImport:
    added: int  # new companies, made targets
    # Companies the list names that were here already, in your network or on your list,
    # whatever the add did to them: made targets, changed, already as the file has them, kept.
    already_here: int
    skipped: int
    made_targets: int = 0  # of those `already_here`, the ones only in your network: made targets
    # Of those on your list: changed as shown (when you let the file update them), already as
    # the file has them, and left as they were (when you kept them).
    changed: list[OnList] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def sentence(self, plain: Callable[[str], str] = _as_is) -> str:
        """What the add did, for after the file's name: '1 new target; Acme, on your list
        already, stayed as it was.' or '…; Acme updated: industry Robotics → Hardware.'"""
        said = []
        if new := self.added + self.made_targets:
            said.append(counted(new, "new target"))
        for company in self.changed[:_NAMED]:
            changes = ", ".join(change.said(plain) for change in company.changes)
            said.append(f"{plain(company.name)} updated: {changes}")
        if len(self.changed) > _NAMED:
            said.append(f"{len(self.changed) - _NAMED:,} more updated")
        if self.unchanged:
            names = _names(self.unchanged, plain)
            said.append(
                f"{names} {'was' if len(self.unchanged) == 1 else 'were'} already as the "
                "file has " + ("it" if len(self.unchanged) == 1 else "them")
            )
        if self.kept:
            one = len(self.kept) == 1
            said.append(
                f"{_names(self.kept, plain)}, on your list already, "
                f"{'stayed as it was' if one else 'stayed as they were'}"
            )
        if not said:
            return "nothing was added."
        return "; ".join(said) + "."

    @property
    def touched(self) -> int:
        """The companies the add made targets or changed."""
        return self.added + self.made_targets + len(self.changed)


def _read_bytes(source: bytes | BinaryIO | str | Path) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    if hasattr(source, "getvalue"):  # an upload may have been read once already
        return source.getvalue()
    return source.read()


_NOT_TEXT = not_text("your list of companies as CSV, or as an Excel workbook (.xlsx)")


# Notes above the column names (a title, a date, a remark) take a few rows, not a page.
_HEADER_SEARCH_ROWS = 30
_DELIMITERS = ",;\t"


def _header_key(title: str) -> str:
    return " ".join(export.restore(title.strip()).lower().replace("_", " ").split())


def _column(title: str) -> str:
    """The column of ours a header cell names ('name' for 'Company'), else the cell as read."""
    key = _header_key(title)
    if key == "name" or _COMPANY_HEADERS.match(key):
        return "name"
    return "industry" if key in _INDUSTRY_HEADERS else key


def _company_column(header: list[str]) -> int | None:
    """Which cell of the header names the companies: the first company or organisation
    column, else one called 'name' unless the list names people (then it is theirs)."""
    keys = [_header_key(title) for title in header]
    for index, key in enumerate(keys):
        if _COMPANY_HEADERS.match(key):
            return index
    if "name" in keys and not _PERSON_HEADERS & set(keys):
        return keys.index("name")
    return None


def _named_columns(cells: list[str]) -> int:
    """How many of our columns a row names, 0 unless 'name' is one: the header's mark."""
    columns = {_column(cell) for cell in cells}
    return len(columns & set(TARGET_LIST_COLUMNS)) if "name" in columns else 0


def _filled(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _heads_the_list(cells: list[str], widest_above: int) -> int:
    """How many of our columns a row names as the header, 0 when it cannot be the header.

    A row naming two of our columns or more is the header ('Name,Industry' under a note
    'Updated:,27/11/2026'). One naming 'name' alone may be a row of the list with a note
    reading 'name': it is the header only when the lines above it are notes, filling one cell
    or fewer than it does.
    """
    named = _named_columns(cells)
    if named == 1 and widest_above > 1 and widest_above >= _filled(cells):
        return 0
    return named


def _header_at(text: str) -> tuple[int, str] | None:
    """The number of file lines before the header, with the delimiters that cut it into our
    columns.

    Found together: the first record naming a 'name' column when cut at a comma, a semicolon
    or a tab. Notes above it are passed over, a semicolon in one of them included, which
    would mislead a sniffer reading the whole top of the file. Records, not lines: a quoted
    note may run over several lines, and its second line is no header.
    """
    found: dict[str, tuple[int, int]] = {}  # delimiter: (lines before the header, named)
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        before = widest = 0
        with contextlib.suppress(csv.Error):  # unreadable at this delimiter: not the one
            for cells in itertools.islice(reader, _HEADER_SEARCH_ROWS):
                if named := _heads_the_list(cells, widest):
                    found[delimiter] = (before, named)
                    break
                before, widest = reader.line_num, max(widest, _filled(cells))
    if not found:
        return None
    first = min(found.values())[0]
    most = max(named for before, named in found.values() if before == first)
    return first, "".join(d for d, place in found.items() if place == (first, most))


def _csv_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """The rows from the column names on (all of them when none are found), numbered by
    their line in the file."""
    # UTF-16 with its byte-order mark is text, as the LinkedIn upload reads it. Other zero
    # bytes are not: cp1252 reads almost any bytes, and a picture would come out garbled.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    elif b"\x00" in data:
        raise InvalidInputError(_NOT_TEXT)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # a broken UTF-16 file (cp1252 decodes almost any bytes)
        raise InvalidInputError(_NOT_TEXT)
    start, delimiters = _header_at(text) or (0, _DELIMITERS)
    lines = io.StringIO(text, newline="").readlines()
    # The sniffer reads the quoting from the header on, among the delimiters the header
    # allows (all three for a lone 'name' column); failing that, Excel's way at the first.
    dialect: Any = csv.excel
    delimiter = delimiters[0]
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff("".join(lines[start:])[:4096], delimiters=delimiters)
        delimiter = dialect.delimiter
        # A quote inside a quoted cell is written twice (RFC 4180, Excel, our own export);
        # the sniffer guesses that from the rows it sees, and a short list misleads it.
        dialect.doublequote = True
    reader = csv.reader(lines[start:], dialect, delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append((start + reader.line_num, cells))
    except csv.Error as exc:
        raise InvalidInputError(
            f"Line {start + reader.line_num} of the CSV file cannot be read ({exc})."
        ) from None
    return rows


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    import openpyxl  # only a spreadsheet upload needs it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise InvalidInputError(
            "That file could not be opened as an Excel workbook (.xlsx)."
        ) from None
    try:
        if _is_our_workbook(book.sheetnames):
            raise InvalidInputError(OUR_WORKBOOK)
        sheet = book.worksheets[0]
        return [
            (number, ["" if v is None else str(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()


def _is_our_workbook(sheet_names: list[str]) -> bool:
    """Whether a workbook is the one 'Prepare the Excel workbook' writes: most of its sheets.

    Its first sheet is Contacts, whose Company column read as a list of targets would make
    every employer in the network a target in one click."""
    ours = export.sheet_titles()
    return "Contacts" in sheet_names and 2 * len(set(sheet_names) & set(ours)) >= len(ours)


def _is_linkedin_connections(rows: list[tuple[int, list[str]]]) -> bool:
    """Whether one of the first lines names LinkedIn's columns, split at any delimiter: behind
    LinkedIn's preamble the sniffer can miss a semicolon, leaving the header one cell."""
    for _, cells in rows[:_LINKEDIN_HEADER_LINES]:
        line = ",".join(cells).replace(";", ",").replace("\t", ",")
        names = {"".join(name.split()).replace("_", "").casefold() for name in line.split(",")}
        if names >= _LINKEDIN_COLUMNS and names <= _LINKEDIN_COLUMNS | _LINKEDIN_OTHER_COLUMNS:
            return True
    return False


def read_target_list(
    conn: duckdb.DuckDBPyConnection, source: bytes | BinaryIO | str | Path, filename: str
) -> TargetListPreview:
    """Read a CSV or .xlsx list of companies (name, industry, motivation, postings) for preview.

    Nothing is written: the user sees the rows and the problems first. The connection keys
    the names, with the database's own company_key(), so that the preview and the import
    agree on which lines name one company, and counts the companies the add would make
    targets, for the question asked before adding a list that is mostly left out.
    """
    suffix = Path(filename).suffix.lower()
    data = _read_bytes(source)
    if suffix == ".zip":
        raise InvalidInputError(
            f"A .zip like LinkedIn's archive goes {_TO_THE_LINKEDIN_IMPORT}; here, upload your "
            "own list of companies as CSV or Excel (.xlsx)."
        )
    if suffix == ".csv":
        rows = _csv_rows(data)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(data)
    else:
        raise InvalidInputError(
            f"{Path(filename).name} is not a CSV or Excel (.xlsx) file; save your list as one."
        )
    rows = [(line, cells) for line, cells in rows if any(c.strip() for c in cells)]
    if not rows:
        raise InvalidInputError(f"{Path(filename).name} is empty.")
    if _is_linkedin_connections(rows):
        raise InvalidInputError(
            "This is LinkedIn's list of your connections, people rather than companies: bring "
            f"it in {_TO_THE_LINKEDIN_IMPORT}."
        )
    # A CSV's rows start at its header already; a workbook's may have notes above it too.
    first = widest = 0
    for index, (_, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if _heads_the_list(cells, widest):
            first = index
            break
        widest = max(widest, _filled(cells))
    rows = rows[first:]
    header_line, header = rows[0]
    positions: dict[str, int] = {}
    if (company := _company_column(header)) is not None:
        positions["name"] = company
    keys = [_header_key(title) for title in header]
    if "industry" in keys:  # called so, it is the one, beside a 'Sector' or a 'Field'
        positions["industry"] = keys.index("industry")
    ignored = []
    for index, title in enumerate(header):
        column = _column(title)
        if column in TARGET_LIST_COLUMNS and column != "name" and column not in positions:
            positions[column] = index
        elif title.strip() and positions.get(column) != index:
            ignored.append(title.strip())
    if "name" not in positions and "name" in {_column(title) for title in header}:
        people = [title.strip() for title in header if _header_key(title) in _PERSON_HEADERS]
        raise InvalidInputError(
            f"{Path(filename).name} lists people (its columns include {people[0]}) and no "
            "company column: add one called 'company', or upload a list of companies."
        )
    if "name" not in positions:
        raise InvalidInputError(
            f"Line {header_line} of {Path(filename).name} should name the columns, with one "
            "called 'name' (also: industry, motivation, postings)."
        )
    readable, problems = [], []
    for line, cells in rows[1:]:

        def cell(column: str, cells: list[str] = cells) -> str:
            index = positions.get(column)
            if index is None or index >= len(cells):
                return ""
            # Invisible characters go before our export's formula guard comes off: what the
            # guard kept from running (a leading tab) is part of the name, as written.
            text = visible_name(cells[index]) if column == "name" else cells[index].strip()
            return export.restore(text)

        name = cell("name")
        # Every problem of the row, so that one upload shows all there is to fix in it.
        found = _RowProblems()
        if not name:
            found.said.append("It has no company name.")
            found.name = "it has no company name"
        try:
            check_name_length(name)
        except InvalidInputError as exc:
            found.said.append(str(exc))
            found.name = f"its name is {_too_long(name)}"
        scores: dict[str, int | None] = {}
        for column in ("motivation", "postings"):
            try:
                scores[column] = None if not cell(column) else _scale(cell(column), column, name)
            except InvalidInputError as exc:
                found.said.append(str(exc))
                found.bad_scores[column] = cell(column)
        try:
            # The page says what to do about a row left out: fix it in the file.
            industry = _industry(cell("industry"), then=".")
        except InvalidInputError as exc:
            found.said.append(str(exc))
            listed = cell("industry")
            found.industry = (
                f"its industry should be left empty, not '{listed}'"
                if listed == funnel.NO_INDUSTRY
                else f"its industry is {_too_long(listed)}"
            )
        if found.said:
            problems.append(RowProblem(line, found.reason(name)))
            continue
        readable.append({"line": line, "name": name, "industry": industry, **scores})
    problems.sort(key=lambda problem: problem.line)
    good, repeats = _first_of_each_company(conn, readable)
    frame = pd.DataFrame(good, columns=["line", "name", "industry", "motivation", "postings"])
    for column in ("line", "motivation", "postings"):
        frame[column] = frame[column].astype("Int64")
    planned = _plan(conn, frame) if good else []
    industry_at = positions.get("industry")
    return TargetListPreview(
        frame,
        problems,
        ignored,
        repeats,
        industry_from=(
            header[industry_at].strip()
            if industry_at is not None and keys[industry_at] != "industry"
            else None
        ),
        newly_targeted=sum(
            row.first and (row.company_id is None or row.status == "network") for row in planned
        ),
        on_list=[
            row.on_list()
            for row in planned
            if row.first and row.company_id is not None and row.status != "network"
        ],
        standing=["New" if row.status is None else STATUS_LABELS[row.status] for row in planned],
    )


@dataclass
class _RowProblems:
    """The problems of one row of a target list: each as said alone (`said`), and the parts of
    the one sentence that says them all, in the order the columns usually run."""

    said: list[str] = field(default_factory=list)
    name: str = ""  # "it has no company name", or its length
    bad_scores: dict[str, str] = field(default_factory=dict)  # column: the cell as written
    industry: str = ""

    def reason(self, name: str) -> str:
        """The one problem as said alone, or all of them in one short sentence, such as
        "It has no company name; its motivation must be a whole number from 0 to 3, not '9'."
        """
        if len(self.said) == 1:
            return self.said[0]
        scores = ""
        if self.bad_scores:
            # By the company's name when it is fine, else "its" (no name, or a paragraph).
            columns = " and ".join(self.bad_scores)
            whose = f"the {columns} of {name}" if name and not self.name else f"its {columns}"
            numbers = "a whole number" if len(self.bad_scores) == 1 else "whole numbers"
            values = " and ".join(f"'{value}'" for value in self.bad_scores.values())
            scores = f"{whose} must be {numbers} from 0 to 3, not {values}"
        sentence = "; ".join(part for part in (self.name, scores, self.industry) if part)
        return sentence[0].upper() + sentence[1:] + "."


def _too_long(text: str) -> str:
    return f"{len(text):,} characters long, over the {NAME_LIMIT} allowed"


@dataclass(frozen=True)
class _Planned:
    """A row of the list beside the company it names here, if any."""

    line: int
    match_key: str
    first: bool  # the first row naming its company: the one the add takes
    listed: dict[str, Any]  # industry (spelled as other companies spell it), motivation, postings
    company_id: int | None
    name: str | None  # as you have it
    status: str | None
    now: dict[str, Any]

    def changes(self) -> tuple[Change, ...]:
        return tuple(
            Change(column, self.now[column], self.listed[column])
            for column in _LIST_FIELDS
            if self.listed[column] is not None and self.listed[column] != self.now[column]
        )

    def on_list(self) -> OnList:
        return OnList(self.name or "", self.status or "", self.changes())


def _plan(conn: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> list[_Planned]:
    """Each row of the list, in its order, with the company it names here (a name merged into
    another company stands for the company kept), by the match key the add uses."""
    rows = frame.astype(object).where(frame.notna(), None)
    view = "target_list_upload"
    lookalike, saved_so = lookalike_join(conn, "u.key")
    conn.register(view, rows)
    try:
        found = conn.execute(
            f"""
            WITH keyed AS (
                SELECT u.line, coalesce(kept.match_key, {saved_so}, u.key) AS match_key,
                       coalesce((SELECT min(co.industry) FROM companies co
                                 WHERE lower(co.industry) = lower(u.industry)), u.industry)
                           AS industry,
                       CAST(u.motivation AS SMALLINT) AS motivation,
                       CAST(u.postings AS SMALLINT) AS postings
                FROM (SELECT *, company_key(name) AS key FROM {view}) u
                LEFT JOIN company_aliases a ON a.match_key = u.key
                LEFT JOIN companies kept ON kept.id = a.company_id
                {lookalike}
            )
            SELECT k.line, k.match_key,
                   row_number() OVER (PARTITION BY k.match_key ORDER BY k.line) = 1,
                   k.industry, k.motivation, k.postings,
                   co.id, co.name, co.status, co.industry, co.motivation, co.postings
            FROM keyed k LEFT JOIN companies co ON co.match_key = k.match_key
            ORDER BY k.line
            """
        ).fetchall()
    finally:
        conn.unregister(view)
    planned = []
    for (
        line,
        key,
        first,
        *listed,
        company_id,
        name,
        status,
        industry,
        motivation,
        postings,
    ) in found:
        planned.append(
            _Planned(
                line=int(line),
                match_key=key,
                first=bool(first),
                listed=dict(zip(_LIST_FIELDS, listed, strict=True)),
                company_id=None if company_id is None else int(company_id),
                name=name,
                status=status,
                now={"industry": industry, "motivation": motivation, "postings": postings},
            )
        )
    return planned


def _first_of_each_company(
    conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    """The rows naming a company no earlier row names, and why each of the others is left out.

    One query keys every name at once, by the match key the import uses (merges aside: the
    import alone follows a merged name to the company kept).
    """
    if not rows:
        return [], []
    later = conn.execute(
        """
        SELECT i, first FROM (
            SELECT i, min(i) OVER (PARTITION BY company_key(name)) AS first
            FROM unnest(?) WITH ORDINALITY AS t(name, i)
        ) WHERE i <> first ORDER BY i
        """,
        [[row["name"] for row in rows]],
    ).fetchall()
    repeated = {i - 1: rows[first - 1] for i, first in later}  # ordinality counts from 1
    repeats = [
        RowProblem(rows[i]["line"], _repeated(rows[i]["name"], first["line"], first["name"]))
        for i, first in repeated.items()
    ]
    return [row for i, row in enumerate(rows) if i not in repeated], repeats


def _repeated(name: str, first_line: int, first_name: str) -> str:
    """Why a line naming a company again is left out: the import would keep one of them."""
    if name == first_name:
        return f"{name} is on line {first_line} too; line {first_line} is kept."
    return (
        f"{name} is the same company as {first_name} on line {first_line}; "
        f"line {first_line} is kept."
    )


def import_target_list(
    conn: duckdb.DuckDBPyConnection, preview: TargetListPreview, *, update: bool = False
) -> TargetListImport:
    """Add the readable rows by match key in one transaction.

    New companies become targets, with the list's details; companies only in your network
    become targets and take the details the list gives. Companies you chose already (target,
    researching, ruled out) keep their status, and keep their industry and scores too unless
    `update`: then a detail the list gives replaces yours (a blank leaves it). A company named
    twice keeps its first line, as the preview says (`read_target_list`); so do two names
    merged into one company.
    """
    if preview.frame.empty:
        return TargetListImport(0, 0, preview.skipped)
    with db.transaction(conn):
        planned = [row for row in _plan(conn, preview.frame) if row.first]
        new = [row for row in planned if row.company_id is None]
        network = [row for row in planned if row.status == "network"]
        chosen = [row for row in planned if row.company_id is not None and row not in network]
        changing = [row for row in chosen if update and row.changes()]
        taken = {row.line for row in [*new, *network, *changing]}
        rows = preview.frame[preview.frame["line"].isin(taken)]
        view = "target_list_upload"
        lookalike, saved_so = lookalike_join(conn, "u.key")
        conn.register(view, rows.astype(object).where(rows.notna(), None))
        try:
            conn.execute(
                f"""
                CREATE OR REPLACE TEMP TABLE target_list_rows AS
                WITH keyed AS (
                    -- A name merged into another company stands for the company kept; a
                    -- name saved before names were cleaned, for the company saved so.
                    SELECT u.*, coalesce(kept.match_key, {saved_so}, u.key) AS match_key
                    FROM (SELECT *, company_key(name) AS key FROM {view}) u
                    LEFT JOIN company_aliases a ON a.match_key = u.key
                    LEFT JOIN companies kept ON kept.id = a.company_id
                    {lookalike}
                )
                SELECT name, match_key,
                       coalesce((SELECT min(co.industry) FROM companies co
                                 WHERE lower(co.industry) = lower(u.industry)), u.industry)
                           AS industry,
                       CAST(motivation AS SMALLINT) AS motivation,
                       CAST(postings AS SMALLINT) AS postings
                FROM keyed u
                """
            )
        finally:
            conn.unregister(view)
        conn.execute(
            """
            UPDATE companies AS co SET
                industry = coalesce(t.industry, co.industry),
                motivation = coalesce(t.motivation, co.motivation),
                postings = coalesce(t.postings, co.postings),
                status = CASE WHEN co.status = 'network' THEN 'target' ELSE co.status END
            FROM target_list_rows AS t
            WHERE co.match_key = t.match_key
            """
        )
        conn.execute(
            """
            INSERT INTO companies (name, match_key, industry, motivation, postings, status, source)
            SELECT name, match_key, industry, coalesce(motivation, 0), coalesce(postings, 0),
                   'target', ?
            FROM target_list_rows t
            WHERE NOT EXISTS (SELECT 1 FROM companies co WHERE co.match_key = t.match_key)
            """,
            [TARGET_LIST_SOURCE],
        )
        conn.execute("DROP TABLE target_list_rows")
    return TargetListImport(
        added=len(new),
        already_here=len(network) + len(chosen),
        skipped=preview.skipped,
        made_targets=len(network),
        changed=[row.on_list() for row in changing],
        unchanged=[row.name or "" for row in chosen if update and not row.changes()],
        kept=[row.name or "" for row in chosen if not update],
    )
