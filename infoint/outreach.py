"""Outreach: email templates and their placeholders, the email checklist, and logging a send.

Placeholders are words in braces. Those in `PLACEHOLDERS` are filled from the contact, their
company, their mutual contact and the user's profile; anything still in braces after filling
(a missing value, or a blank such as `{shared_group}` that only the user can write) is
"unfilled": highlighted in the preview, listed, and it blocks logging the message as sent.

The checklist (`check_email`) is deterministic: lower-cased text, curly quotes made straight,
and the word lists and patterns below. What makes each key pass, warn or fail:

- connection: pass when a phrase saying how you found them or what you share (`CONNECTION`,
  e.g. "suggested I", "we both", "fellow", "I read your") starts within the first
  `EARLY_WORDS` words of the body, or is in the subject; warn when it only comes later;
  fail when there is none.
- introduction: pass when you say who you are and what you do (`INTRODUCTION`, or "I'm
  <Name>, ..."); warn when you only give your name ("My name is Sam.") or when the
  introduction spreads over more than `MAX_INTRO_SENTENCES` sentences; fail when missing.
- competence: pass for specific interest in their work ("your article", "your team"), a
  sign of your own competence ("I built", "I led") or an offer of help ("happy to share");
  warn when there is only generic praise ("impressive", "your profile", "your
  experience"); fail when there is none.
- ask: a request sentence is one with a polite request form (`REQUEST_FORMS`, or ending
  with "?") that names something specific to agree to (`ASK_OBJECTS`: a call, a coffee, a
  short meeting...). Pass for one or two such sentences; warn for more than
  `MAX_ASK_SENTENCES` (several asks), for a meeting named without a request ("Let's meet"),
  or a request with nothing specific in it ("Could you help me?"); fail when there is none.
- time: pass when a stated time is at most `SHORT_MINUTES` minutes ("20 minutes", "half an
  hour"); warn when brevity is promised without a number ("a quick call", "brief") or the
  stated time is over `SHORT_MINUTES` but at most an hour; fail for more than an hour or
  when neither a time nor brevity is mentioned.
- no_job_request (subject included): fail for a job request (`JOB_REQUEST`: "job
  interview", "any openings", "a position", "hire me", "look at my resume"...); warn for
  wording a reader may take as one (`JOB_HINTS`: "job search", "hiring", "a role", or
  "interview" without "informational"). A phrase right after a negation ("not", "no",
  "never", "n't" within `NEGATION_WINDOW` words) does not count: "this is not a job
  request" is fine, and so is "informational interview" or talk of one's own interests.
- length: words in the body (letters or digits joined by apostrophes or hyphens, so
  "20-minute" and "don't" are one word): pass up to `PASS_WORDS`, warn up to `WARN_WORDS`,
  fail above.

A body with no words yet fails nothing and passes nothing it does not hold: every point is
"todo" (not yet checked, "Not yet" on the page), each saying what to write (`BEFORE_WRITING`),
no_job_request and length, which only a word could spoil, saying to write the message first;
only a subject that says what connects you covers its point. An email (`channel` "email")
with an empty subject gets one more point, first: "subject", failed once the body has words,
"todo" before. A LinkedIn message to a connection has no subject line, and a call none
either, so theirs is not asked.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import quote

import duckdb

from infoint import db, followups, funnel, interactions, profile, targets
from infoint.contacts import employer_sql, require_contact, words_condition
from infoint.errors import InfointError, InvalidInputError, NotFoundError
from infoint.profile import get_profile
from infoint.referrals import ORDINALS, name_endings_sql
from infoint.text import counted, joined, name_order_sql, plain_markdown, weekday_day
from infoint.text import day as short_day

# --- Placeholders -------------------------------------------------------------------------

PLACEHOLDERS = {
    "first_name": "their first name",
    "last_name": "their last name",
    "full_name": "their full name",
    "company": "their company",
    "position": "their position",
    "mutual_first_name": "the first name of the person who connects you",
    "mutual_name": "the full name of the person who connects you",
    "last_written": "the day you last wrote to them",
    "my_name": "your name, from Settings",
    "my_first_name": "your first name, from Settings",
    "my_role": "your current role, from Settings",
    "my_focus": "what you are learning about, from Settings",
}
# Placeholders the user's profile fills, and the detail each asks for: when one is left, the
# way on is the Settings page.
PROFILE_PLACEHOLDERS = {
    "my_name": "name",
    "my_first_name": "name",
    "my_role": "role",
    "my_focus": "focus",
}
# Placeholders that only a contact with a mutual contact fills: a template using them is not
# offered first to someone without one (it would ask the user to invent a referrer).
MUTUAL_PLACEHOLDERS = ("mutual_first_name", "mutual_name")
# Blanks in the built-in templates that only the user can write.
BLANKS = {
    "shared_group": "the school, group or community you share",
    "their_work": "what of theirs you read or saw (an article, a talk, a project)",
    "what_struck_you": "what in it struck you, in a few words",
}
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

# What the composer writes and logs; a template is for one of them.
SEND_KINDS = ("outreach", "follow_up")
# Session-state keys other pages set before switching to the Outreach page, to open the
# composer on a contact (and as a follow-up).
COMPOSE_CONTACT_KEY = "compose_contact_id"
COMPOSE_KIND_KEY = "compose_kind"
# How the composer and the line on a kept draft name each kind.
KIND_LABELS = {"outreach": "A first message", "follow_up": "A follow-up to someone silent"}
# Session-state key of the drafts `note_draft` remembers, by person: kept on the Outreach
# page, forgotten with every kept draft when a restore or an undo replaces the data.
MY_DRAFTS = "outreach_my_drafts"
# Session-state key the Outreach page sets while a draft is in view (and drops otherwise):
# Settings, opened from there (say, by "Fill in your name … in Settings"), then offers the
# way back to that draft once the profile is saved.
DRAFT_IN_VIEW = "outreach_draft_in_view"


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    subject: str
    body: str
    builtin: bool
    archived: bool
    kind: str  # one of SEND_KINDS
    for_known: bool  # the built-in first message for someone the user already knows

    @property
    def placeholders(self) -> tuple[str, ...]:
        return unfilled_placeholders(self.subject, self.body)


@dataclass(frozen=True)
class Recipient:
    id: int
    name: str
    first_name: str
    company: str
    position: str
    email: str
    degree: str
    mutual_name: str
    wrote_on: date | None = None  # the latest outreach, for people awaiting a follow-up
    stage: int = 0  # from contact_stages: 0 not contacted … 5
    stage_on: date | None = None  # the latest event of that stage
    introduced_by: str = ""  # who introduced you, for someone not yet written to
    # Whether the mutual contact is also the one who introduced you (Introduced by): only
    # then may a draft say they suggested you write (`unrecorded_claim`, `suggest_template`).
    mutual_introduced: bool = False
    # For someone whose name, position and company another contact shares too: what tells
    # them apart ('connected 3 Mar 2024'); '' for everyone else (see `_told_apart`).
    told_apart: str = ""

    @property
    def through_mutual(self) -> bool:
        """Whether they are 2nd degree with a mutual contact on record: the draft through a
        mutual connection ("I saw that we both know …", since 0019) is true of them, whether
        or not that contact introduced you (`suggest_template`)."""
        return self.degree == "2nd" and bool(self.mutual_name)

    @property
    def label(self) -> str:
        return self.labelled()

    def labelled(self, quoted: bool = False) -> str:
        """The label; `quoted` puts what is on record (their position and company, else
        their name) in quotes, for a label another's would read as (see `picker_labels`)."""
        where, name = _where(self.position, self.company), self.name
        if quoted and where:
            where = f"“{where}”"
        elif quoted:
            name = f"“{name}”"
        who = ", ".join(part for part in (where, self.told_apart) if part)
        label = f"{name} — {who}" if who else name
        if self.wrote_on:
            return f"{label} · you wrote on {short_day(self.wrote_on)}"
        if self.stage:
            when = f" {short_day(self.stage_on)}" if self.stage_on else ""
            return f"{label} · {STAGE_WORDS[self.stage]}{when}"
        if self.introduced_by:
            return f"{label} · introduced by {self.introduced_by}"
        return label

    @property
    def facts(self) -> list[str]:
        """What the composer says of the person chosen, under the picker: their label, then
        their degree, whom you both know and their email, each fact once (a label that tells
        namesakes apart may already hold the degree or the email)."""
        in_label = self.told_apart.split(", ")
        degree = _DEGREE_WORDS.get(self.degree, f"{self.degree} degree")
        facts = [self.label]
        if degree not in in_label:
            facts.append(degree)
        if self.mutual_name:
            facts.append(f"you both know {self.mutual_name}")
        if not self.email:
            facts.append("no email address on file")
        elif self.email not in in_label:
            facts.append(f"email: {self.email}")
        return facts


# How a person's label says how far you got with them (a stage of `contact_stages`).
STAGE_WORDS = {
    1: "you wrote",
    2: "replied",
    3: "met",
    4: "introduced you to someone",
    5: "a lead came of it",
}


@dataclass(frozen=True)
class History:
    """What already happened with a person, for the word beside a first message to them."""

    stage: int
    wrote_on: date | None
    replied_on: date | None
    met_on: date | None
    meets_on: date | None  # the next scheduled meeting

    @property
    def spoken(self) -> bool:
        """Whether you have talked with them (they replied, or you met): only then does a
        message for someone you already know fit. Being connected on LinkedIn is not enough:
        many connections are people you never spoke to."""
        return bool(self.replied_on or self.met_on)

    def sentence(self, first_name: str) -> str:
        """'You already wrote to Edda on 3 Jun 2026 and met on 23 Jun 2026: a first message
        would repeat yourself.' ('' for someone not yet contacted)."""
        if not self.stage and not self.meets_on:
            return ""
        done = []
        if self.wrote_on:
            done.append(f"wrote to {first_name} on {short_day(self.wrote_on)}")
        if self.replied_on:
            done.append(f"heard back on {short_day(self.replied_on)}")
        if self.met_on:
            done.append(f"met on {short_day(self.met_on)}")
        if self.meets_on:
            on = short_day(self.meets_on)
            done.append(
                f"are to meet on {on}" if done else f"have a meeting with {first_name} on {on}"
            )
        if not done:
            return (
                f"{first_name} is already at the {funnel.stage_name(self.stage)} stage: "
                "a first message would repeat yourself."
            )
        return f"You already {joined(done)}: a first message would repeat yourself."


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    unfilled: tuple[str, ...]


def unfilled_placeholders(*texts: str) -> tuple[str, ...]:
    """Placeholder names still in braces, in order of first appearance."""
    seen: dict[str, None] = {}
    for text in texts:
        for name in _PLACEHOLDER.findall(text or ""):
            seen.setdefault(name, None)
    return tuple(seen)


def settings_to_fill(missing: tuple[str, ...]) -> str:
    """'your name and role': the user's own details a draft still lacks, '' for none. Named
    alike under the Outreach draft and the thank-you, for the link to Settings."""
    wanted = {PROFILE_PLACEHOLDERS[name] for name in missing if name in PROFILE_PLACEHOLDERS}
    fields = [field for field in ("name", "role", "focus") if field in wanted]
    if not fields:
        return ""
    listed = fields[0] if len(fields) == 1 else f"{', '.join(fields[:-1])} and {fields[-1]}"
    return f"your {listed}"


def describe_placeholder(name: str) -> str:
    """What to write in place of `{name}`."""
    return PLACEHOLDERS.get(name) or BLANKS.get(name) or "a value only you can fill in"


# A weekday names one day only within the week past: further back, "on Friday" reads as
# last Friday, so the date is said instead.
WEEKDAY_NAMED_WITHIN_DAYS = 7


def met_on(met: date, today: date) -> str:
    """How a thank-you says when you met: 'today', 'yesterday', 'on Friday' within the last
    week, else 'on 3 May 2019'. A thank-you written the same day said "on Friday" of today."""
    days = (today - met).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 0 < days < WEEKDAY_NAMED_WITHIN_DAYS:
        return f"on {met:%A}"
    return f"on {short_day(met)}"


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each placeholder that has a non-empty value; leave the others in braces."""

    def replace(match: re.Match[str]) -> str:
        value = (values.get(match[1]) or "").strip()
        return value or match[0]

    return _PLACEHOLDER.sub(replace, text or "")


def day_in_words(day: date | datetime, today: date | None = None) -> str:
    """'3 November' (the year too when it is not this year's): a date in the user's email,
    in full words, where the app's own pages write `text.day`."""
    today = today or date.today()
    day = day.date() if isinstance(day, datetime) else day
    return f"{day.day} {day:%B}" + ("" if day.year == today.year else f" {day.year}")


# A person's company as a draft and a label say it: a placeholder such as 'N/A' or
# 'Self-employed' is no employer ('Analyst', not 'Analyst at N/A'), as on Contacts
# (`contacts.employer_sql`).
_EMPLOYER = f"coalesce({employer_sql('co.name')}, '')"


def placeholder_values(conn: duckdb.DuckDBPyConnection, contact_id: int | None) -> dict[str, str]:
    """Values for `PLACEHOLDERS` from the contact, company, mutual contact, log and profile."""
    me = get_profile(conn)
    values = {
        "my_name": me.name,
        "my_first_name": me.first_name,
        "my_role": me.job_title,
        "my_focus": me.focus,
    }
    if contact_id is None:
        return values
    # A placeholder employer ("N/A", "Self-employed") is no company to write about: left
    # unfilled, the draft asks the user for one rather than saying "your work at N/A".
    rows = conn.execute(
        "SELECT c.first_name, c.last_name,"
        f" {_EMPLOYER}, c.position,"
        " coalesce(m.first_name, ''), trim(coalesce(m.first_name || ' ' || m.last_name, '')),"
        " (SELECT max(occurred_at) FROM interactions"
        "  WHERE contact_id = c.id AND kind = 'outreach')"
        " FROM contacts c LEFT JOIN companies co ON co.id = c.company_id"
        " LEFT JOIN contacts m ON m.id = c.mutual_contact_id WHERE c.id = ?",
        [contact_id],
    ).fetchall()
    if not rows:
        raise NotFoundError("That contact no longer exists.")
    first, last, company, position, mutual_first, mutual_name, wrote = rows[0]
    values.update(
        first_name=first,
        last_name=last,
        full_name=f"{first} {last}".strip(),
        company=company,
        position=position,
        mutual_first_name=mutual_first,
        mutual_name=mutual_name,
        last_written=day_in_words(wrote) if wrote else "",
    )
    return values


def compose(
    conn: duckdb.DuckDBPyConnection, template_id: int | None, contact_id: int | None
) -> Draft:
    """A template filled for a contact; an empty draft without a template."""
    if template_id is None:
        return Draft("", "", ())
    template = get_template(conn, template_id)
    return as_sent((template.subject, template.body), placeholder_values(conn, contact_id))


def as_sent(typed: tuple[str, str], values: dict[str, str]) -> Draft:
    """The subject and body as they go out: every placeholder with a known value filled in.

    A draft is filled once, when composed; a placeholder the user types later (their
    `{my_first_name}` under a template that did not sign with it) is filled here, so Settings
    already holding the name is enough. The text in the box stays as they typed it.
    """
    subject, body = (fill(text, values) for text in typed)
    return Draft(subject, body, unfilled_placeholders(subject, body))


def filled_on_sending(typed: tuple[str, str], values: dict[str, str]) -> str:
    """'In what you send, {my_first_name} reads “Sam”.': the placeholders the box still shows
    in braces that `as_sent` fills ('' for none), so the user is not left wondering."""
    known = {name: (values.get(name) or "").strip() for name in unfilled_placeholders(*typed)}
    read = [f"{{{name}}} reads “{value}”" for name, value in known.items() if value]
    return f"In what you send, {joined(read)}." if read else ""


def keep_edits(
    conn: duckdb.DuckDBPyConnection,
    typed: tuple[str, str],
    composed_then: tuple[str, str],
    composed_now: tuple[str, str],
) -> tuple[str, str, str]:
    """The subject and body the user edited, to show again when they come back to the draft
    (from Settings, say), and a sentence for them ('' when there is nothing to say).

    Their words stay: only the profile placeholders still in them are filled. Other new
    details are theirs to add, as rewriting their text could undo what they meant.
    `composed_then` and `composed_now` are the template's draft when they left and now.
    """
    mine = placeholder_values(conn, None)  # the profile's alone
    subject, body = (fill(text, mine) for text in typed)
    if (subject, body) != typed:
        return subject, body, "Your edits are kept, with your details from Settings filled in."
    if composed_now != composed_then:
        return (
            subject,
            body,
            "Your edits are kept as you wrote them: add your new details from Settings by hand "
            "where they belong.",
        )
    return subject, body, ""


def last_logged(conn: duckdb.DuckDBPyConnection, contact_id: int) -> dict[str, int]:
    """The id of the last message of each kind (first message, follow-up) logged for a
    person, wherever it was logged (Outreach, Contacts, an import): ids only grow, so a
    larger one was logged later. A kind never logged is left out."""
    rows = conn.execute(
        "SELECT kind, max(id) FROM interactions"
        " WHERE contact_id = ? AND kind IN ('outreach', 'follow_up') GROUP BY kind",
        [contact_id],
    ).fetchall()
    return {kind: int(last) for kind, last in rows}


def note_draft(
    drafts: dict[str, tuple[int | None, int]],
    kind: str,
    template_id: int | None,
    *,
    edited: bool,
    logged: Mapping[str, int],
) -> None:
    """Remember, in `drafts` (one person's: kind -> the template id, None for a blank page,
    and the last message of that kind logged for them then, from `last_logged`), the draft of
    each kind the user last saw with their own words in it; an untouched one is forgotten
    again. `draft_to_reopen` reads it when another page opens the composer."""
    if edited:
        drafts.pop(kind, None)
        drafts[kind] = (template_id, logged.get(kind, 0))  # the last one seen comes last
    elif kind in drafts and drafts[kind][0] == template_id:
        del drafts[kind]


def draft_key(contact_id: int | None, template_id: int | None) -> str:
    """What a draft's boxes are keyed by (`subject_<key>`, `body_<key>`): the person and the
    template, so choosing another starts a fresh draft and going back finds the edits."""
    return f"{contact_id}_{template_id}"


def draft_to_reopen(
    drafts: dict[str, tuple[int | None, int]],
    kept: Collection[str],
    contact_id: int,
    asked_kind: str,
    available: Collection[int],
    logged: Mapping[str, int],
) -> tuple[str, int | None] | None:
    """The (kind, template id) of an unsent draft to a person, to open instead of a fresh
    one when another page hands them over ("Write to …"), or None when there is none.

    `drafts` is what `note_draft` kept for them, `kept` the message boxes still holding the
    user's words (by key, `body_<contact>_<template>`), `available` the templates that can be
    picked, `logged` what `last_logged` says now. A draft of the kind asked for comes first,
    then the last one of another kind: starting them afresh from a template would hide what
    they wrote. One of a kind logged for them since it was last seen (on Contacts, say) was
    sent: opening it as unsent would invite sending it twice."""
    alive = {
        kind: template_id
        for kind, (template_id, seen) in drafts.items()
        if f"body_{draft_key(contact_id, template_id)}" in kept
        and (template_id is None or template_id in available)
        and logged.get(kind, 0) <= seen
    }
    if asked_kind in alive:
        return asked_kind, alive[asked_kind]
    if alive:
        kind = list(alive)[-1]
        return kind, alive[kind]
    return None


def kept_draft_sentence(
    first_name: str,
    kind: str,
    asked_kind: str,
    suggested: Template | None,
    kept_template_id: int | None,
) -> str:
    """One line on arriving from a "Write to …" button at a draft the user wrote: it is
    kept, and how to start from what the button would have opened instead."""
    kept = f"Your unsent draft to {first_name} is kept as you left it"
    if kind != asked_kind:
        wanted = "a follow-up" if asked_kind == "follow_up" else "a first message"
        return f"{kept}; to write {wanted} instead, choose “{KIND_LABELS[asked_kind]}” above."
    suggested_id = None if suggested is None else suggested.id
    if suggested_id == kept_template_id:
        return f"{kept}."
    start = "a blank page" if suggested is None else f"“{suggested.name}”"
    pick = "“A blank page”" if suggested is None else "it"
    return f"{kept}; to start from {start} instead, pick {pick} under Template."


@dataclass(frozen=True)
class SavedDraft:
    """An unsent draft kept in the database (`save_draft`): the words the user typed, and the
    template's words for the person when they were saved (`keep_edits` reads both)."""

    contact_id: int
    template_id: int | None  # None: a blank page
    kind: str  # one of SEND_KINDS
    typed: tuple[str, str]
    composed: tuple[str, str]


# Drafts to people still there, and not sent: none of their kind logged for the person since.
_SAVED_DRAFTS_SQL = """
    SELECT d.contact_id, d.template_id, d.kind, d.subject, d.body,
           d.composed_subject, d.composed_body
    FROM outreach_drafts d JOIN contacts c ON c.id = d.contact_id
    WHERE ({where}) AND d.logged_before >= coalesce((
        SELECT max(i.id) FROM interactions i WHERE i.contact_id = d.contact_id AND i.kind = d.kind
    ), 0)
    ORDER BY {first} d.saved_at DESC, d.id DESC
    LIMIT 1
"""


def _saved(row: tuple) -> SavedDraft:
    return SavedDraft(
        int(row[0]), None if row[1] is None else int(row[1]), row[2], row[3:5], row[5:7]
    )


def saved_draft(
    conn: duckdb.DuckDBPyConnection, contact_id: int, template_id: int | None
) -> SavedDraft | None:
    """The user's unsent draft to a person under a template (None: a blank page), as last
    saved, or None. A draft of a kind logged for them since was sent, and is not offered."""
    rows = conn.execute(
        _SAVED_DRAFTS_SQL.format(
            where="d.contact_id = $contact AND d.template_id IS NOT DISTINCT FROM $template",
            first="",
        ),
        {"contact": contact_id, "template": template_id},
    ).fetchall()
    return _saved(rows[0]) if rows else None


def latest_saved_draft(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int | None = None,
    kind: str | None = None,
    templates: Collection[int] | None = None,
) -> SavedDraft | None:
    """The unsent draft saved last (`saved_draft`): to anyone, or to one person; one of
    `kind` first when there is one, else the last of another kind. `templates`, if given, are
    those that can be picked (a blank page always can): a draft under an archived template is
    passed over."""
    where = ["true"]
    if contact_id is not None:
        where.append("d.contact_id = $contact")
    if templates is not None:
        where.append("(d.template_id IS NULL OR list_contains($templates, d.template_id))")
    rows = conn.execute(
        _SAVED_DRAFTS_SQL.format(
            where=" AND ".join(where), first="d.kind IS NOT DISTINCT FROM $kind DESC,"
        ),
        {
            "kind": kind,
            **({} if contact_id is None else {"contact": contact_id}),
            **({} if templates is None else {"templates": [int(t) for t in templates]}),
        },
    ).fetchall()
    return _saved(rows[0]) if rows else None


def save_draft(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    template_id: int | None,
    kind: str,
    typed: tuple[str, str],
    composed: tuple[str, str],
) -> None:
    """Keep the user's unsent draft to a person under a template (None: a blank page), so a
    reload, another tab or a restart brings it back: one per person and template, the last
    words saved. It goes once a message of its kind is logged for them, or with `discard_draft`.
    """
    if kind not in SEND_KINDS:
        raise InvalidInputError("Only an outreach or a follow-up can be drafted here.")
    require_contact(conn, contact_id)
    with db.transaction(conn, draft_only=True):
        conn.execute(
            "DELETE FROM outreach_drafts"
            " WHERE contact_id = $contact AND template_id IS NOT DISTINCT FROM $template",
            {"contact": contact_id, "template": template_id},
        )
        conn.execute(
            "INSERT INTO outreach_drafts (contact_id, template_id, kind, subject, body,"
            " composed_subject, composed_body, logged_before)"
            " SELECT $contact, $template, $kind, $subject, $body, $composed_subject,"
            " $composed_body, coalesce(max(id), 0) FROM interactions"
            " WHERE contact_id = $contact AND kind = $kind",
            {
                "contact": contact_id,
                "template": template_id,
                "kind": kind,
                "subject": typed[0],
                "body": typed[1],
                "composed_subject": composed[0],
                "composed_body": composed[1],
            },
        )


def discard_draft(
    conn: duckdb.DuckDBPyConnection, contact_id: int, template_id: int | None
) -> None:
    """Forget the user's saved draft to a person under a template (None: a blank page)."""
    with db.transaction(conn, draft_only=True):
        conn.execute(
            "DELETE FROM outreach_drafts"
            " WHERE contact_id = $contact AND template_id IS NOT DISTINCT FROM $template",
            {"contact": contact_id, "template": template_id},
        )


def preview_markdown(text: str) -> str:
    """The draft as Markdown: the user's text escaped, unfilled placeholders highlighted."""
    pieces, last = [], 0
    for match in _PLACEHOLDER.finditer(text or ""):
        pieces.append(plain_markdown(text[last : match.start()]))
        pieces.append(f":orange-background[**\\{{{match[1]}\\}}**]")
        last = match.end()
    pieces.append(plain_markdown((text or "")[last:]))
    return "".join(pieces).replace("\n", "  \n")


def mailto_link(address: str, subject: str, body: str) -> str:
    """A `mailto:` address that opens the user's email program with the draft in it."""
    to = quote(address.strip(), safe="@")
    text = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(text, safe='')}"


# --- Templates ----------------------------------------------------------------------------

_TEMPLATE_COLUMNS = "id, name, subject, body, builtin, archived, kind, for_known"


def list_templates(
    conn: duckdb.DuckDBPyConnection, *, include_archived: bool = False, kind: str | None = None
) -> list[Template]:
    """Built-in templates first, then the user's, in the order made; of one kind if given."""
    rows = conn.execute(
        f"SELECT {_TEMPLATE_COLUMNS} FROM templates WHERE ($archived OR NOT archived)"
        " AND kind = coalesce($kind, kind) ORDER BY builtin DESC, id",
        {"archived": include_archived, "kind": kind},
    ).fetchall()
    return [Template(*row) for row in rows]


def suggest_template(
    templates: list[Template],
    kind: str,
    has_mutual: bool,
    knows_them: bool = False,
    introduced: bool = False,
) -> int | None:
    """The template to start from, by what we know; None for a blank page.

    A follow-up starts from the first follow-up template. A first message starts from one
    naming the mutual contact when there is one on record (`has_mutual`,
    `Recipient.through_mutual`): since 0019 ours says only "I saw that we both know
    {mutual_first_name}", true of anyone you both know. A template that says more of them, as
    a copy edited before 0019 may ("{mutual_first_name} suggested I write to you"), is
    started from only when they introduced you (`introduced`, `Recipient.mutual_introduced`).
    Otherwise from the first that neither names a mutual contact nor a shared school or group
    (the user picks that one knowingly). For a stranger that is the built-in cold message,
    written after reading their work, and never the one for someone known. Someone the user
    already knows would find the cold message odd: a template of the user's own comes first
    (they wrote it in their words, maybe for just such people, and it was offered to them
    before ours existed), then our built-in one for someone known, else a blank page.
    """
    fitting = [t for t in templates if t.kind == kind and not t.archived]
    if kind == "follow_up":
        return fitting[0].id if fitting else None
    needs_mutual = [t for t in fitting if set(MUTUAL_PLACEHOLDERS) & set(t.placeholders)]
    true_of_them = [t for t in needs_mutual if introduced or not _claims_introduction(t)]
    if has_mutual and true_of_them:
        return true_of_them[0].id
    plain = [t for t in fitting if t not in needs_mutual and "shared_group" not in t.placeholders]
    if knows_them:
        plain = [t for t in plain if not t.builtin] + [t for t in plain if t.for_known]
    else:
        plain = [t for t in plain if not t.for_known]
    return plain[0].id if plain else None


def _claims_introduction(template: Template) -> bool:
    """Whether a template says of the mutual contact what only an introducer did (suggested
    writing, spoke of their work), as `unrecorded_claim` reads a draft."""
    named = re.compile(r"\{mutual_(?:first_)?name\}")
    said = [template.subject, *_sentences(template.body)]
    return any(named.search(one) and _INTRODUCER_CLAIM.search(one) for one in said)


def get_template(conn: duckdb.DuckDBPyConnection, template_id: int) -> Template:
    rows = conn.execute(
        f"SELECT {_TEMPLATE_COLUMNS} FROM templates WHERE id = ?", [template_id]
    ).fetchall()
    if not rows:
        raise NotFoundError("That template no longer exists.")
    return Template(*rows[0])


def save_template(
    conn: duckdb.DuckDBPyConnection,
    name: str,
    subject: str,
    body: str,
    template_id: int | None = None,
    kind: str = "outreach",
) -> int:
    """Add a template (no id) or change one, built-in ones included; returns its id."""
    if kind not in SEND_KINDS:
        raise InvalidInputError("A template is for a first message or a follow-up.")
    name = name.strip()
    if not name:
        raise InvalidInputError("Give the template a name.")
    if not body.strip():
        raise InvalidInputError("A template needs some text in its body.")
    taken = conn.execute(
        "SELECT count(*) FROM templates WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?"
        " AND NOT archived",
        [name, template_id],
    ).fetchall()[0][0]
    if taken:
        raise InvalidInputError(f"There is already a template called '{name}'.")
    if template_id is not None:
        get_template(conn, template_id)
    with db.transaction(conn):
        if template_id is None:
            row = conn.execute(
                "INSERT INTO templates (name, subject, body, kind) VALUES (?, ?, ?, ?)"
                " RETURNING id",
                [name, subject.strip(), body, kind],
            ).fetchall()
            return int(row[0][0])
        conn.execute(
            "UPDATE templates SET name = ?, subject = ?, body = ?, kind = ? WHERE id = ?",
            [name, subject.strip(), body, kind, template_id],
        )
    return template_id


# How alike a word in braces must be to a field's name to be taken for a misspelling of it
# (difflib's ratio): 'firstname' and 'compnay' are, 'event' or 'talk_title' are not.
LOOKS_MISSPELT = 0.8


def template_doubts(subject: str, body: str) -> str:
    """What in a template's text looks like a slip, in a sentence or two ('' for nothing): a
    word in braces close to a field infoint fills in but not one, and a brace left open or
    closed alone. Said when it is saved, not refused: a word in braces far from every field
    is the user's own blank to fill in before sending."""
    known = [*PLACEHOLDERS, *BLANKS]
    misspelt = []
    for name in unfilled_placeholders(subject, body):
        if name in known:
            continue
        close = difflib.get_close_matches(name.lower(), known, n=1, cutoff=LOOKS_MISSPELT)
        if close:
            misspelt.append((name, close[0]))
    said = []
    if len(misspelt) == 1:
        [(name, meant)] = misspelt
        said.append(f"{{{name}}} is not a field infoint fills in; did you mean {{{meant}}}?")
    elif misspelt:
        names = joined([f"{{{name}}}" for name, _ in misspelt])
        meant = joined([f"{{{meant}}}" for _, meant in misspelt])
        said.append(f"{names} are not fields infoint fills in; did you mean {meant}?")
    where = [part for part, text in (("subject", subject), ("message", body)) if _stray(text)]
    if where:
        said.append(
            f"The {' and the '.join(where)} {'have' if len(where) > 1 else 'has'} a brace "
            "without its pair: a field is written with one on each side, like {first_name}."
        )
    return " ".join(said)


def _stray(text: str) -> bool:
    """A brace left when every {placeholder} is taken out: one opened or closed alone."""
    rest = _PLACEHOLDER.sub("", text or "")
    return "{" in rest or "}" in rest


def archive_template(
    conn: duckdb.DuckDBPyConnection, template_id: int, archived: bool = True
) -> None:
    """Hide a template from the composer (or bring it back); outreach logged with it stays."""
    get_template(conn, template_id)
    with db.transaction(conn):
        conn.execute("UPDATE templates SET archived = ? WHERE id = ?", [archived, template_id])


# --- Recipients and sending ---------------------------------------------------------------


# The people introduced to you and not yet written to (no event at all: `contact_stages` 0),
# the warmest of leads: found once per query, as a CTE every `_RECIPIENT_SQL` query starts
# with (a test per person read the events for each row, 3-4 times the query's cost).
_WAITING = """waiting AS (
    SELECT c.id, c.referred_by FROM contacts c
    WHERE c.referred_by IS NOT NULL AND c.id NOT IN (SELECT contact_id FROM contact_events)
)"""

# Each person, with who introduced them when they are waiting (`w`), for the label.
_RECIPIENT_SQL = f"""
    SELECT c.id, trim(c.first_name || ' ' || c.last_name), c.first_name,
           {_EMPLOYER}, c.position, coalesce(nullif(c.email, ''), c.linkedin_email),
           c.degree, trim(coalesce(m.first_name || ' ' || m.last_name, '')),
           trim(r.first_name || ' ' || r.last_name),
           coalesce(c.mutual_contact_id = c.referred_by, false)
    FROM contacts c
    LEFT JOIN companies co ON co.id = c.company_id
    LEFT JOIN contacts m ON m.id = c.mutual_contact_id
    LEFT JOIN waiting w ON w.id = c.id
    LEFT JOIN contacts r ON r.id = w.referred_by
"""


def _recipient(row: tuple) -> Recipient:
    """A row of `_RECIPIENT_SQL` as a person to write to."""
    *person, introduced_by, mutual_introduced = row
    return Recipient(
        *person, introduced_by=introduced_by or "", mutual_introduced=bool(mutual_introduced)
    )


# What a search looks in: the name, the company as the label says it, and the position.
_SEARCHED = f"c.first_name || ' ' || c.last_name || ' ' || {_EMPLOYER} || ' ' || c.position"
_DEGREE_ORDER = "CASE c.degree WHEN '1st' THEN 0 WHEN '2nd' THEN 1 ELSE 2 END"
# Then by name as the picker reads it, folded as Contacts orders names: "émile Zola" and
# "Émile Abel" among the E's (not after Z, nor by last name), no name at all last.
_BY_NAME = name_order_sql("trim(c.first_name || ' ' || c.last_name)") + " NULLS LAST"
RECIPIENTS_SHOWN = 25


def find_recipients(
    conn: duckdb.DuckDBPyConnection, text: str, limit: int = RECIPIENTS_SHOWN
) -> list[Recipient]:
    """Contacts whose name, company or position contains every word typed, each with how far
    you got with them.

    Best known first (closest degree); among those, people at a company you target or
    research come before the rest, then people introduced to you and not yet written to:
    the first of three Eddas should be the one worth writing to. Then by name.
    """
    where, params = words_condition(_SEARCHED, text)
    # The companies aimed at are few: found once, not tested again for each person.
    rows = conn.execute(
        f"WITH {_WAITING}, aimed AS (SELECT co.id FROM companies co WHERE"
        f" {_SUGGESTED_COMPANY_SQL}) {_RECIPIENT_SQL} WHERE {where}"
        f" ORDER BY {_DEGREE_ORDER}, coalesce(c.company_id IN (SELECT id FROM aimed), false)"
        f" DESC, w.id IS NOT NULL DESC, {_BY_NAME}, c.id LIMIT ?",
        [*params, limit],
    ).fetchall()
    return _told_apart(conn, _with_stages(conn, [_recipient(row) for row in rows]))


def count_recipients(conn: duckdb.DuckDBPyConnection, text: str) -> int:
    """How many people `find_recipients` would find with no limit, so a list cut short can
    say so."""
    where, params = words_condition(_SEARCHED, text)
    rows = conn.execute(
        "SELECT count(*) FROM contacts c LEFT JOIN companies co ON co.id = c.company_id"
        f" WHERE {where}",
        params,
    ).fetchall()
    return int(rows[0][0])


# The companies whose people are suggested for a first message (see `suggested_recipients`).
_SUGGESTED_COMPANY_SQL = (
    f"co.status IN ('target', 'researching') AND NOT {profile.RULED_OUT_COMPANY_SQL}"
    f" AND NOT {targets.placeholder_company_sql('co.name')}"
)


def suggested_recipients(
    conn: duckdb.DuckDBPyConnection, limit: int = RECIPIENTS_SHOWN
) -> list[Recipient]:
    """The people most worth a first message, before anything is typed: not yet contacted,
    and either introduced to you (the warmest leads, wherever they work: the latest
    introduction first) or at a company you target or research (not in an industry you
    ruled out, and not a placeholder such as 'N/A', whose people are not colleagues). Those
    at the targets come best target first (the Targets page's rank: motivation, postings,
    the people you know there, how far anyone there got), then closest degree, then by
    name."""
    rows = conn.execute(
        f"""
        WITH {_WAITING},
        suggested AS (SELECT co.id FROM companies co WHERE {_SUGGESTED_COMPANY_SQL}),
        colleagues AS ({targets.colleagues_sql("SELECT id FROM suggested")}),
        targets AS (
            SELECT co.id, co.motivation, co.postings, coalesce(k.known, 0) AS known,
                   coalesce(k.furthest, 0) AS furthest
            FROM companies co LEFT JOIN colleagues k ON k.company_id = co.id
            WHERE co.id IN (SELECT id FROM suggested)
        )
        {_RECIPIENT_SQL}
        LEFT JOIN targets t ON t.id = c.company_id
        JOIN contact_stages s ON s.contact_id = c.id
        WHERE s.stage = 0 AND (c.referred_by IS NOT NULL OR t.id IS NOT NULL)
        ORDER BY c.referred_by IS NOT NULL DESC, c.referred_at DESC NULLS LAST,
                 t.motivation DESC, t.postings DESC, t.known DESC, t.furthest DESC,
                 lower(co.name), co.id,
                 {_DEGREE_ORDER}, {_BY_NAME}, c.id
        LIMIT ?
        """,
        [limit],
    ).fetchall()
    return _told_apart(conn, [_recipient(row) for row in rows])


def _with_stages(conn: duckdb.DuckDBPyConnection, people: list[Recipient]) -> list[Recipient]:
    """The people with their stage (`contact_stages`) and the day they last reached it (the
    latest of their `contact_events` at that stage); only for these few ids, so a picker's
    labels cost little."""
    if not people:
        return people
    rows = conn.execute(
        """
        WITH wanted AS (SELECT unnest(?) AS id)
        SELECT s.contact_id, s.stage, CAST(max(e.occurred_at) AS DATE)
        FROM contact_stages s
        LEFT JOIN contact_events e ON e.contact_id = s.contact_id AND e.stage = s.stage
        WHERE s.contact_id IN (SELECT id FROM wanted) AND s.stage > 0
        GROUP BY s.contact_id, s.stage
        """,
        [[p.id for p in people]],
    ).fetchall()
    reached = {contact_id: (stage, on) for contact_id, stage, on in rows}
    return [
        replace(p, stage=reached[p.id][0], stage_on=reached[p.id][1]) if p.id in reached else p
        for p in people
    ]


def picker_labels(people: list[Recipient]) -> dict[int, str]:
    """Each person's label, by id in the order given, none the same as another's (a picker
    whose labels are equal keeps the first chosen, whichever is picked).

    `_told_apart` tells apart people whose name and 'where' read alike, but free text can
    still read as another's label: a position 'Engineer, added 20 Nov 2026' reads as the
    'Engineer' added that day. Labels alike put what is on record in quotes ('Ann Lee —
    “Engineer, added 20 Nov 2026”', 'Ann Lee — “Engineer”, added 20 Nov 2026'); any still
    alike then say their order, oldest first ('first of 2 alike'), until none are."""
    by_id = {p.id: p for p in people}
    labels = {p.id: p.label for p in people}
    for ids in _alike_labels(labels):
        for contact_id in ids:
            labels[contact_id] = by_id[contact_id].labelled(quoted=True)
    while alike := _alike_labels(labels):
        for ids in alike:
            for at, contact_id in enumerate(sorted(ids), start=1):
                labels[contact_id] += f" · {_nth(at)} of {len(ids)} alike"
    return labels


def _alike_labels(labels: dict[int, str]) -> list[list[int]]:
    """The ids whose labels are the same as another's, in sets."""
    sets: dict[str, list[int]] = {}
    for contact_id, label in labels.items():
        sets.setdefault(label, []).append(contact_id)
    return [ids for ids in sets.values() if len(ids) > 1]


# How a label names a degree when that is what tells namesakes apart.
_DEGREE_WORDS = {"1st": "1st degree", "2nd": "2nd degree", "cold": "cold contact"}
# The last resort for namesakes nothing else tells apart is the order they were added in, in
# words (`referrals.ORDINALS`), so it does not read as a degree ('second of 2 that day').


def _where(position: str, company: str) -> str:
    """What a label shows after the name: 'Engineer at Acme', 'Engineer', 'Acme' or ''."""
    return " at ".join(part for part in (position, company) if part)


def _told_apart(conn: duckdb.DuckDBPyConnection, people: list[Recipient]) -> list[Recipient]:
    """The people, each whose label another contact's would repeat (the same name and the
    same position and company as the label shows them, read lower-cased and trimmed,
    anywhere in the contacts, listed or not) with what tells them apart: the day LinkedIn
    connected you, else the day they were added; then, for those still alike, their email
    address and then their degree, each only when it differs among them; and, when nothing
    on record does, the order they were added in ('added 20 Nov 2026, second of 2 that
    day'; 'connected 3 Mar 2024, added second of 2'). Everyone else's label stays short,
    and the same in every list.

    Only the namesakes of these few are read, by their name as a label shows it: 'Anna
    Maria' 'Berg' and 'Anna' 'Maria Berg' read alike too. Building that name for every
    contact cost 9-13 ms a list of 25 at 30,000 contacts (benchmarks' heavy-v2 database), so
    contacts are first narrowed by their last name alone, which must end a name looked for
    (`referrals.name_endings_sql`): 4-7 ms, below the 6-9 ms of reading first and last names
    apart before."""
    if not people:
        return people
    names = [p.name for p in people]
    rows = conn.execute(
        f"""
        SELECT c.id, lower(trim(c.first_name || ' ' || c.last_name)), c.position,
               {_EMPLOYER}, c.connected_on, CAST(c.created_at AS DATE),
               coalesce(nullif(c.email, ''), c.linkedin_email), c.degree
        FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE lower(trim(c.last_name)) IN ({name_endings_sql("SELECT unnest($names) AS name")})
          AND lower(trim(c.first_name || ' ' || c.last_name))
              IN (SELECT lower(trim(unnest($names))))
        ORDER BY c.created_at, c.id
        """,
        {"names": names},
    ).fetchall()
    groups: dict[tuple, list[tuple]] = {}
    for row in rows:
        groups.setdefault((row[1], _where(row[2], row[3]).strip().lower()), []).append(row)
    apart: dict[int, str] = {}
    for group in groups.values():
        if len(group) > 1:
            apart |= _details_apart(group)
    return [replace(p, told_apart=apart[p.id]) if p.id in apart else p for p in people]


def _details_apart(group: list[tuple]) -> dict[int, str]:
    """For people whose labels would read alike (rows of `_told_apart`, oldest first): the
    fewest details that tell each from the others, added one kind at a time, each only for
    those still alike and only when it differs among them."""
    details = {
        row[0]: [f"connected {short_day(row[4])}" if row[4] else f"added {short_day(row[5])}"]
        for row in group
    }

    def alike() -> list[list[tuple]]:
        """The rows whose details so far read the same as another's, in sets."""
        sets: dict[str, list[tuple]] = {}
        for row in group:
            sets.setdefault(", ".join(details[row[0]]).lower(), []).append(row)
        return [rows for rows in sets.values() if len(rows) > 1]

    for rows in alike():
        if len({(row[6] or "").lower() for row in rows}) > 1:
            for row in rows:
                if row[6]:
                    details[row[0]].append(row[6])
    for rows in alike():
        if len({row[7] for row in rows}) > 1:
            for row in rows:
                details[row[0]].append(_DEGREE_WORDS.get(row[7], row[7]))
    for rows in alike():  # oldest first: the order they were added in
        for at, row in enumerate(rows):
            nth = ORDINALS[at] if at < len(ORDINALS) else f"number {at + 1}"
            # 'added 20 Nov 2026, first of 2 that day'; 'connected …, added first of 2'
            details[row[0]].append(
                f"added {nth} of {len(rows)}" if row[4] else f"{nth} of {len(rows)} that day"
            )
    return {contact_id: ", ".join(parts) for contact_id, parts in details.items()}


def history(conn: duckdb.DuckDBPyConnection, contact_id: int) -> History:
    """What already happened with this person: their stage and the days that mark it."""
    rows = conn.execute(
        """
        SELECT coalesce((SELECT stage FROM contact_stages WHERE contact_id = $id), 0),
               (SELECT CAST(max(occurred_at) AS DATE) FROM interactions
                WHERE contact_id = $id AND kind IN ('outreach', 'follow_up')),
               (SELECT CAST(max(occurred_at) AS DATE) FROM interactions
                WHERE contact_id = $id AND kind = 'reply'),
               (SELECT CAST(max(timezone($zone, starts_at)) AS DATE) FROM meetings
                WHERE contact_id = $id AND status = 'held'),
               (SELECT CAST(min(timezone($zone, starts_at)) AS DATE) FROM meetings
                WHERE contact_id = $id AND status = 'scheduled' AND starts_at > now())
        """,
        {"id": contact_id, "zone": profile.zone(conn).key},
    ).fetchall()
    return History(*rows[0])


# The people whose follow-up is due, from the follow-up rule's own list
# (`followups.pending_follow_ups`, as `_due` passes it), with what a picker shows and how
# many there are in all.
_SILENT_SQL = f"""
    WITH due AS (SELECT unnest(?) AS contact_id, unnest(?) AS sent_at, unnest(?) AS due_on)
    SELECT c.id, trim(c.first_name || ' ' || c.last_name), c.first_name,
           {_EMPLOYER}, c.position, coalesce(nullif(c.email, ''), c.linkedin_email),
           c.degree, trim(coalesce(m.first_name || ' ' || m.last_name, '')),
           CAST(d.sent_at AS DATE), count(*) OVER () AS total
    FROM due d
    JOIN contacts c ON c.id = d.contact_id
    LEFT JOIN companies co ON co.id = c.company_id
    LEFT JOIN contacts m ON m.id = c.mutual_contact_id
    WHERE d.due_on <= ?
"""


def _user_today(conn: duckdb.DuckDBPyConnection) -> date:
    """Today where the user is (their profile's time zone), as the Follow-ups page counts."""
    return datetime.now(profile.zone(conn)).date()


def _due(conn: duckdb.DuckDBPyConnection, today: date | None) -> list:
    """The parameters `_SILENT_SQL` starts with: the follow-up rule's list on `today`."""
    today = today or _user_today(conn)
    pending = followups.pending_follow_ups(conn, today)
    return [pending.contact_ids, pending.sent_at, pending.due_on, today]


@dataclass(frozen=True)
class FollowUpList:
    people: list[Recipient]  # the first few, written to longest ago first
    total: int  # everyone the list holds, so a list cut short can say of how many


def follow_up_list(
    conn: duckdb.DuckDBPyConnection,
    text: str = "",
    limit: int = RECIPIENTS_SHOWN,
    today: date | None = None,
) -> FollowUpList:
    """People waiting for a follow-up: those the Follow-ups page says to follow up today, by
    its rule (written to in the last `followups.STALE_AFTER_DAYS` days, silent for
    `followups.FOLLOW_UP_AFTER` business days, not followed up, not snoozed or dismissed
    there). Those you wrote to longest ago first; narrowed like `find_recipients` by every
    word typed. The rule's list is worked out once for both the people and their number.
    """
    where, params = words_condition(_SEARCHED, text)
    rows = conn.execute(
        f"{_SILENT_SQL} AND {where} ORDER BY d.sent_at, c.id LIMIT ?",
        [*_due(conn, today), *params, limit],
    ).fetchall()
    people = _told_apart(conn, [Recipient(*row[:-1]) for row in rows])
    return FollowUpList(people, int(rows[0][-1]) if rows else 0)


@dataclass(frozen=True)
class FollowUpTiming:
    """When the one follow-up to someone still silent is due, by the Follow-ups page's rule:
    the composer names the day rather than offering a reminder the day you wrote."""

    wrote_on: date
    due_on: date  # the rule's day, or the end of a snooze on Follow-ups
    today: date

    @property
    def due(self) -> bool:
        return self.due_on <= self.today

    def _wrote(self, first_name: str) -> str:
        # With its weekday, as the day a follow-up is due is written beside it.
        when = "today" if self.wrote_on == self.today else f"on {weekday_day(self.wrote_on)}"
        return f"wrote to {first_name} {when}"

    def instead_of_a_first_message(self, first_name: str) -> Notice:
        """What the composer says over a first message to someone it already waits on, in
        one notice: a follow-up when it is due, else the day it will be and, until then,
        patience ('already wrote' is said once, by the facts, not twice)."""
        if self.due:
            return Notice(
                f"You {self._wrote(first_name)} and have heard nothing since: it is time for "
                "one short, polite follow-up.",
                "Or carry on below if you mean to write a first message all the same.",
            )
        return Notice(
            f"You {self._wrote(first_name)}. If there is no answer, a follow-up is due on "
            f"{weekday_day(self.due_on)}.",
            f"Until then, give {first_name} time to reply; the follow-up will be on the "
            "Follow-ups page that day. To write again anyway, carry on below.",
        )

    def early(self, first_name: str) -> str:
        """What the composer says over a follow-up drafted before it is due: it is still
        theirs to send (they may know of a deadline), but they should know it is early."""
        return (
            f"This follow-up would be early: you {self._wrote(first_name)}, and one is due on "
            f"{weekday_day(self.due_on)} if there is no answer by then. Many people take a week "
            "or more to reply, so waiting is usually kinder; if you have a reason to write "
            "sooner, the draft is yours."
        )


@dataclass(frozen=True)
class Notice:
    """What the composer says before a first message to someone you already wrote to, met
    or were introduced through: what happened, then what to do next."""

    said: str
    next_step: str


def first_message_notice(
    earlier: History, timing: FollowUpTiming | None, first_name: str
) -> Notice | None:
    """The one notice over a first message to this person; None when nothing happened yet.
    While a follow-up is awaited it speaks of that (`FollowUpTiming`); otherwise it says what
    already happened and points to their record."""
    if timing is not None:
        return timing.instead_of_a_first_message(first_name)
    said = earlier.sentence(first_name)
    if not said:
        return None
    return Notice(
        said,
        "Their record shows what happened so far and what comes next. Or carry on below if "
        "you mean to write a first message all the same.",
    )


def follow_up_timing(
    conn: duckdb.DuckDBPyConnection, contact_id: int, today: date | None = None
) -> FollowUpTiming | None:
    """When a follow-up to this person is due, or was (`FollowUpTiming.due`); None when no
    follow-up is waited for: never written to, answered, followed up already, or dismissed
    or ruled out on Follow-ups."""
    today = today or _user_today(conn)
    pending = followups.pending_follow_ups(conn, today)
    if contact_id not in pending.contact_ids:
        return None
    at = pending.contact_ids.index(contact_id)
    return FollowUpTiming(pending.sent_at[at].date(), pending.due_on[at], today)


RECIPIENT_LISTS = ("suggested", "found", "silent")
"""The composer's lists of people: `suggested_recipients`, `find_recipients`,
`follow_up_list`."""


def is_recipient(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    listing: str,
    text: str = "",
    today: date | None = None,
) -> bool:
    """Whether this person is among everyone the list would hold with no limit (`text`: the
    words typed): the person chosen before, kept at the end of a list cut short, may be one of
    its matches past the cut, or not one of them at all, and the page says which."""
    if listing not in RECIPIENT_LISTS:
        raise InvalidInputError(f"'{listing}' is not a list of people infoint knows.")
    if listing == "suggested":  # offered before anything is typed
        query, params = (
            (
                "SELECT 1 FROM contacts c LEFT JOIN companies co ON co.id = c.company_id"
                " JOIN contact_stages s ON s.contact_id = c.id WHERE s.stage = 0"
                f" AND (c.referred_by IS NOT NULL OR coalesce({_SUGGESTED_COMPANY_SQL}, false))"
            ),
            [],
        )
    elif listing == "silent":
        where, params = words_condition(_SEARCHED, text)
        query, params = f"{_SILENT_SQL} AND {where}", [*_due(conn, today), *params]
    else:
        where, params = words_condition(_SEARCHED, text)
        query = (
            f"SELECT 1 FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE {where}"
        )
    return bool(conn.execute(f"{query} AND c.id = ?", [*params, contact_id]).fetchall())


def kept_sentence(name: str, *, listed: bool, shown: int) -> str:
    """What the page says of the person chosen before, kept at the end of a list of `shown`
    people: one of its matches past the cut, or not one of them (`is_recipient`)."""
    if listed:
        return (
            f"{name} is one of them too, past the first {shown:,} shown, and stays chosen at "
            "the end of the list, with your draft below."
        )
    return f"{name}, not one of them, stays chosen at the end of the list, with your draft below."


def get_recipient(
    conn: duckdb.DuckDBPyConnection, contact_id: int, *, with_stage: bool = False
) -> Recipient:
    """One person to write to; `with_stage` adds their stage for a label in a picker (a
    costlier query, so only when asked)."""
    rows = conn.execute(f"WITH {_WAITING} {_RECIPIENT_SQL} WHERE c.id = ?", [contact_id]).fetchall()
    if not rows:
        raise NotFoundError("That contact no longer exists.")
    found = _told_apart(conn, [_recipient(rows[0])])
    return (_with_stages(conn, found) if with_stage else found)[0]


def log_sent(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    *,
    subject: str,
    body: str,
    channel: str = "email",
    kind: str = "outreach",
    template_id: int | None = None,
) -> interactions.Logged:
    """Record that the user sent this message; refuses a draft with unfilled placeholders.

    The same message to the same person on the same day is recorded once
    (`interactions.log_once`)."""
    if kind not in SEND_KINDS:
        raise InvalidInputError("Only an outreach or a follow-up can be logged from here.")
    require_contact(conn, contact_id)
    if not body.strip():
        raise InvalidInputError("The message is empty; write it before logging it as sent.")
    missing = unfilled_placeholders(subject, body)
    if missing:
        names = ", ".join(f"{{{name}}}" for name in missing)
        raise InvalidInputError(f"Fill in {names} before logging this message as sent.")
    if template_id is not None:
        get_template(conn, template_id)
    logged = interactions.log_once(
        conn,
        contact_id,
        kind,
        channel=channel,
        template_id=template_id,
        subject=subject,
        body=body,
    )
    # Sent: the saved draft goes. Were that to fail, the message is logged all the same, and a
    # message of its kind logged since hides the draft (`saved_draft`).
    with suppress(InfointError):
        discard_draft(conn, contact_id, template_id)
    return logged


def _nth(number: int) -> str:
    """'second': the order of a message that day, in words while they last."""
    if number <= len(ORDINALS):
        return ORDINALS[number - 1]
    ends = {1: "st", 2: "nd", 3: "rd"}
    return f"{number}{'th' if number % 100 in (11, 12, 13) else ends.get(number % 10, 'th')}"


def _someone_else_to_try(conn: duckdb.DuckDBPyConnection, contact_id: int, today: date) -> bool:
    """Whether Follow-ups will suggest someone else at this person's company if they stay
    silent: its own rule, asked of this one person (`followups.suggests_someone_else`), not
    a copy of it. Alone at their company, with only people introduced or written to already,
    at a company where someone is talking to you, or at none (or "N/A"), it suggests no one."""
    return followups.suggests_someone_else(conn, contact_id, today)


def logged_sentence(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    sent: interactions.Logged,
    kind: str,
    *,
    today: date | None = None,
) -> str:
    """What the composer says once `log_sent` has logged a message: what actually happened.

    A first message ever makes the person Contacted; a second one that day, or another after
    earlier days, says so, and when the one follow-up now falls due if there is no answer
    (`follow_up_timing`: the latest message sets the day). A follow-up is the one follow-up,
    or a second one that day. The same message again is counted once (`log_once`)."""
    person = get_recipient(conn, contact_id)
    name, first = person.name, person.first_name or person.name
    if sent.already_logged:
        return f"Already logged: this message to {name} today counts once."
    counted_kinds = list(interactions.MESSAGE_KINDS) if kind == "outreach" else [kind]
    nth, wrote_before = conn.execute(
        """
        WITH this AS (SELECT occurred_at AS at, id FROM interactions WHERE id = $id)
        SELECT count(*) FILTER (
                   WHERE CAST(i.occurred_at AS DATE) = CAST(this.at AS DATE)
                     AND list_contains($counted, i.kind)
                     AND (i.occurred_at, i.id) <= (this.at, this.id)),
               CAST(max(i.occurred_at) FILTER (
                   WHERE CAST(i.occurred_at AS DATE) < CAST(this.at AS DATE)) AS DATE)
        FROM interactions i, this
        WHERE i.contact_id = $contact AND list_contains($messages, i.kind)
        """,
        {
            "id": sent.interaction_id,
            "contact": contact_id,
            "counted": counted_kinds,
            "messages": list(interactions.MESSAGE_KINDS),
        },
    ).fetchall()[0]
    if kind == "follow_up":
        if nth > 1:
            return (
                f"Logged: your {_nth(nth)} follow-up to {name} today. One follow-up is enough: "
                "if there is still no answer, let it rest."
            )
        return (
            f"Follow-up to {name} logged. That was the one follow-up; if there is still no "
            "answer, let it rest."
        )
    timing = follow_up_timing(conn, contact_id, today)
    if nth <= 1 and wrote_before is None:
        said = f"Logged: {name} now counts as Contacted."
        if timing is None:  # ruled out: Follow-ups suggests nothing about them
            return said
        if _someone_else_to_try(conn, contact_id, timing.today):
            return (
                f"{said} If {first} has not answered in {followups.TRY_ANOTHER_AFTER} business "
                "days, Follow-ups will suggest someone else to try."
            )
        # Alone at their company (or no one else there it would suggest): the follow-up comes.
        return f"{said} If there is no answer, a follow-up is due on {weekday_day(timing.due_on)}."
    if nth > 1:
        said = f"Logged: your {_nth(nth)} message to {name} today."
        due = "a follow-up is due on"
    else:
        said = (
            f"Logged: another message to {name}, whom you last wrote to on "
            f"{weekday_day(wrote_before)}."
        )
        due = "the follow-up is now due on"
    if timing is None or timing.due:  # answered already, say, or ruled out: no day to name
        return said
    return f"{said} If there is no answer, {due} {weekday_day(timing.due_on)}."


# What only an introducer did: suggested writing, spoke of their work, gave their name.
_INTRODUCER_CLAIM = re.compile(
    r"suggest|recommend|spoke highly|speaks highly|referred|put me in touch|gave me your name"
    r"|passed (?:on|along) your name|pointed me|told me about you|introduc",
    re.IGNORECASE,
)


def unrecorded_claim(person: Recipient, subject: str, body: str) -> str:
    """A sentence for a draft that says the mutual contact suggested writing, or praised their
    work, when nothing on file says they introduced you (`Recipient.mutual_introduced`): a
    mutual contact is only someone you both know. '' when there is nothing to say. Our
    built-in template says no such thing since 0019; the user's own words may, and so may
    their copy of it edited before then, which 0019 left as they wrote it."""
    if not person.mutual_name or person.mutual_introduced:
        return ""
    first = person.mutual_name.split()[0]
    named = re.compile(rf"\b{re.escape(first)}\b")
    said = [subject, *_sentences(body)]
    if not any(named.search(one) and _INTRODUCER_CLAIM.search(one) for one in said):
        return ""
    return (
        f"Nothing on file says {first} introduced you, yet the draft says {first} suggested "
        f"writing or spoke of their work. Check with {first} first, or say only that you both "
        f"know {first}."
    )


# --- The checklist ------------------------------------------------------------------------

CHECK_KEYS = ("connection", "introduction", "competence", "ask", "time", "no_job_request", "length")
CHECK_LABELS = {
    "connection": "How you found them",
    "introduction": "Who you are",
    "competence": "Interest, competence or help",
    "ask": "One specific ask",
    "time": "A short, stated time",
    "no_job_request": "No job request",
    "length": "Short enough",
}
# Only for an email whose subject is empty (`check_email`), so not among the points every
# draft is checked on.
SUBJECT_LABEL = "A subject line"
# What a point only words could spoil says while the message has none (status "todo").
WRITE_FIRST = "Nothing to check yet: write your message first."
# What each point to be written says while the message has no words (status "todo"): what to
# put in, not what is wrong, as nothing is yet. The subject's, for an email, is `check_email`'s.
BEFORE_WRITING = {
    "connection": "Start with how you found them or what you share: a person, a school, a post.",
    "introduction": "Say in a sentence who you are and what you do.",
    "competence": "Mention something of theirs you liked, a skill of yours, or help you can offer.",
    "ask": "Ask for one thing, as a question: a short call or a coffee.",
    "time": "Say how long it would take, e.g. 20 minutes.",
}
SUBJECT_BEFORE_WRITING = "Add a subject that says what connects you, e.g. “We both know Maria”."

EARLY_WORDS = 50
MAX_INTRO_SENTENCES = 2
MAX_ASK_SENTENCES = 2
SHORT_MINUTES = 30
PASS_WORDS = 100
WARN_WORDS = 200
NEGATION_WINDOW = 4

# How you found them or what you share.
CONNECTION = (
    r"suggested (?:that )?(?:i|you|we)\b",
    r"recommended (?:that )?(?:i|you|we)\b",
    r"referred me",
    r"pointed me",
    r"gave me your name",
    r"passed (?:on|along) your name",
    r"mentioned (?:you|your name)",
    r"told me about you",
    r"put me in touch",
    r"introduced (?:us|me)",
    r"found you (?:through|via|on|in)",
    r"found your (?:name|profile)",
    r"came across your",
    r"i (?:read|saw|heard|watched|listened to) your",
    r"we both",
    r"we share",
    r"we (?:met|spoke|studied|worked)",
    r"fellow",
    r"alum(?:ni|nus|na)?\b",
    r"same (?:school|university|college|program|programme|course|class|team|group|club)",
    r"both (?:members|studied|attended|belong|went)",
    r"mutual (?:connection|friend|contact)",
    r"our mutual",
    r"a friend of yours",
    r"colleague of yours",
    r"wrote to you",
    r"my (?:earlier|last|previous) (?:message|email|note)",
    r"following up",
)
# Saying who you are and what you do.
INTRODUCTION = (
    r"i(?:'m| am) (?:a|an|currently|now|working|studying|finishing|completing)\b",
    r"i work(?:ed)? (?:as|at|in|on|for)\b",
    r"i(?:'ve| have) (?:been working|worked|spent|been a|been an|led|built)\b",
    r"i (?:recently|graduated|studied|lead|manage|run|teach)\b",
    r"i(?:'m| am) (?:a )?(?:student|graduate|engineer|designer|analyst|manager|developer)",
)
# Only a name: "My name is Sam." or "I'm Sam." (case matters for the capitalised name).
_NAME = re.compile(r"\bmy name is\b")
# "I'm Sam Lee, a data analyst" or "I am Élodie van der Berg": the words after "I'm" that
# could be a name, read by `_introduced_as`.
_INTRODUCED = re.compile(r"\bI(?:['’]m| am) ([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*)*)")
# Short lower-case words inside a name: "van der", "de la", "bin", "dos".
_NAME_PARTICLE_LETTERS = 3
# Specific interest in their work, your own competence, or an offer of help.
COMPETENCE = (
    r"your (?:recent |latest |new )?(?:work|article|post|talk|presentation|paper|research"
    r"|project|team|book|podcast|newsletter|blog|interview|keynote|thread|product|launch|study"
    r"|report|course|episode|essay|piece|video|panel|session|approach)\b",
    r"i (?:read|enjoyed|admired|appreciated|loved|liked|followed)\b",
    r"caught my (?:eye|attention)",
    r"stayed with me",
    r"resonated",
    r"stood out",
    r"i(?:'ve| have)? (?:built|led|designed|launched|shipped|managed|published|developed"
    r"|created|improved|grew|reduced|increased|founded|organised|organized|won|delivered)\b",
    r"happy to (?:share|help)",
    r"glad to (?:share|help)",
    r"if i can (?:ever )?help",
    r"in return",
    r"return the (?:favour|favor)",
    r"anything i can do",
    r"i (?:could|can) help",
)
GENERIC_PRAISE = (
    r"impress(?:ive|ed)",
    r"amazing",
    r"inspir(?:ing|ed|ation)",
    r"admire",
    r"your (?:profile|background|experience|career)",
)
REQUEST_FORMS = (
    r"would you (?:be )?(?:open|willing|available|have|mind|like|consider)",
    r"would it be (?:possible|ok|okay|alright)",
    r"(?:could|can|may|might) (?:we|i|you)\b",
    r"do you have",
    r"are you (?:free|available|open)",
    r"i (?:was|am|'m) wondering (?:if|whether)",
    r"i wondered (?:if|whether)",
    r"is there a chance",
    r"if you(?:'re| are) open to",
    r"if you have",
    r"i(?:'d| would) (?:be grateful|love|welcome|appreciate|value)",
)
ASK_OBJECTS = (
    r"coffee",
    r"tea\b",
    r"lunch",
    r"breakfast",
    r"call\b",
    r"chat\b",
    r"phone",
    r"zoom",
    r"video",
    r"meet(?:ing)?\b",
    r"conversation",
    r"talk\b",
    r"walk\b",
    r"informational interview",
    r"information interview",
    r"minutes",
)
_MINUTE_WORDS = {
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
}
_MINUTES = re.compile(
    r"\b(\d{1,3}|" + "|".join(sorted(_MINUTE_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s*(?:-|–|to|or)\s*(\d{1,3}))?[\s-]*(?:min|mins|minute|minutes)\b"
)
_HALF_HOUR = re.compile(r"\bhalf(?: an|-an)?[\s-]hour\b")
_HOURS = re.compile(r"(?<!half )(?<!half-)\b(an|one|1|two|2|three|3|a few|several)[\s-]+hours?\b")
BREVITY = (
    r"brief(?:ly)?",
    r"quick",
    r"short",
    r"a few minutes",
    r"(?:won't|will not|shouldn't|should not) take (?:long|much)",
    r"little of your time",
    r"keep it (?:short|brief)",
    r"respect your time",
)
# Asking for a job, a position, an opening, a job interview or a look at your résumé.
JOB_REQUEST = (
    r"job interviews?",
    r"(?:any|open|available|upcoming) (?:openings?|positions?|roles?|vacanc(?:y|ies)"
    r"|jobs?)\b",
    r"(?:job )?openings\b",
    r"(?:an|job) opening\b",
    r"a (?:job|position|vacancy)\b(?! to\b)",
    r"(?:hire|hiring|employ) me",
    r"(?:are you|is your (?:team|company|group|firm)|you(?:'re| are)) (?:currently |still )?"
    r"hiring",
    r"consider me\b",
    r"apply for\b",
    r"refer me (?:for|to (?:a|an|the) (?:job|role|position|opening))",
    r"put in a (?:good )?word",
    r"job offer",
    r"(?:look at|review|read|see|check|forward|pass on|share) (?:my|the attached) "
    r"(?:résumé|resumé|resume|cv)",
    r"(?:my|attached|attaching) (?:résumé|resumé|resume|cv)\b",
    r"(?:résumé|resumé|resume|cv) (?:is )?attached",
)
# Wording a reader may take as a job request.
JOB_HINTS = (
    r"job[\s-]?(?:search|hunt|hunting)",
    r"looking for (?:a |an )?(?:new )?(?:job|work|role|position|opportunit(?:y|ies))",
    r"between jobs",
    r"hiring",
    r"recruit\w*",
    r"a role\b",
    r"vacanc(?:y|ies)",
    r"referral",
    r"opportunit(?:y|ies) (?:at|with|in your)",
    r"jobs?\b",
)
_INTERVIEW = re.compile(r"(\S+)\s+interviews?\b|^interviews?\b")
_NEGATIONS = {"not", "no", "never", "without", "nor"}

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Check:
    key: str
    status: str
    hint: str

    @property
    def label(self) -> str:
        return SUBJECT_LABEL if self.key == "subject" else CHECK_LABELS[self.key]


def _normalise(text: str) -> str:
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[ \t]+", " ", text.lower())


def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"\b" + pattern) for pattern in patterns)


_CONNECTION = _compiled(CONNECTION)
_INTRODUCTION = _compiled(INTRODUCTION)
_COMPETENCE = _compiled(COMPETENCE)
_GENERIC_PRAISE = _compiled(GENERIC_PRAISE)
_REQUEST_FORMS = _compiled(REQUEST_FORMS)
_ASK_OBJECTS = _compiled(ASK_OBJECTS)
_BREVITY = _compiled(BREVITY)
_JOB_REQUEST = _compiled(JOB_REQUEST)
_JOB_HINTS = _compiled(JOB_HINTS)


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The earliest match of any of the patterns."""
    found = [match for pattern in patterns if (match := pattern.search(text))]
    return min(found, key=lambda match: match.start()) if found else None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _negated(text: str, start: int) -> bool:
    before = _WORD.findall(text[:start])[-NEGATION_WINDOW:]
    return any(word in _NEGATIONS or word.endswith("n't") for word in before)


def _unnegated(patterns: tuple[re.Pattern[str], ...], text: str) -> list[str]:
    return [
        match[0]
        for pattern in patterns
        for match in pattern.finditer(text)
        if not _negated(text, match.start())
    ]


def _check_connection(subject: str, body: str) -> Check:
    if _any(_CONNECTION, subject):
        return Check("connection", "pass", "The subject says what connects you.")
    match = _any(_CONNECTION, body)
    if match is None:
        return Check(
            "connection",
            "fail",
            "Say early how you found them or what you share (a person, a school, their work).",
        )
    if len(_WORD.findall(body[: match.start()])) >= EARLY_WORDS:
        return Check(
            "connection",
            "warn",
            "You say what connects you, but late: move it into the first sentence or two.",
        )
    return Check("connection", "pass", "You say early how you found them.")


def _introduced_as(sentence: str) -> str:
    """'role' for "I'm <name>, <more words>", 'name' for "I'm <name>" alone, else ''.

    A name starts and ends with a word that is not lower case, whatever its alphabet (Élodie,
    Łukasz, 李明 count as Sam does), with particles such as "van der" between: "I'm writing"
    names no one."""
    found = ""
    for match in _INTRODUCED.finditer(sentence):
        name: list[str] = []
        for word in match[1].split(" "):
            particle = len(word) <= _NAME_PARTICLE_LETTERS and word.isalpha()
            if not word[0].islower() or (name and particle):
                name.append(word)
            else:
                break
        while name and name[-1][0].islower():
            name.pop()
        if not name:
            continue
        after = sentence[match.start(1) + len(" ".join(name)) :]
        if re.match(r",\s+\w", after):
            return "role"
        found = "name"
    return found


def _check_introduction(original: str) -> Check:
    role_sentences, named = 0, False
    for sentence in _sentences(original):
        lower = _normalise(sentence)
        introduced = _introduced_as(sentence)
        if introduced == "role" or _any(_INTRODUCTION, lower):
            role_sentences += 1
        elif introduced == "name" or _NAME.search(lower):
            named = True
    if role_sentences > MAX_INTRO_SENTENCES:
        return Check(
            "introduction",
            "warn",
            "Your introduction runs over more than two sentences: keep only what matters to them.",
        )
    if role_sentences:
        return Check("introduction", "pass", "You introduce yourself briefly.")
    if named:
        return Check(
            "introduction", "warn", "You give your name; add what you do or study, in one line."
        )
    return Check(
        "introduction", "fail", "Introduce yourself in a sentence: who you are, what you do."
    )


def _check_competence(body: str) -> Check:
    if _any(_COMPETENCE, body):
        return Check(
            "competence", "pass", "You show interest in their work, your competence, or offer help."
        )
    if _any(_GENERIC_PRAISE, body):
        return Check(
            "competence",
            "warn",
            "The praise is general: name what you read or admire (an article, a project, a talk).",
        )
    return Check(
        "competence",
        "fail",
        "Show interest in their work, a skill of yours, or offer something in return.",
    )


def _check_ask(body: str) -> Check:
    asks, vague, unasked = 0, 0, 0
    for sentence in _sentences(body):
        request = _any(_REQUEST_FORMS, sentence) or sentence.endswith("?")
        named = _any(_ASK_OBJECTS, sentence)
        if request and named:
            asks += 1
        elif request:
            vague += 1
        elif named:
            unasked += 1
    if asks > MAX_ASK_SENTENCES:
        return Check("ask", "warn", "Several requests: keep the one that matters most.")
    if asks:
        return Check("ask", "pass", "One specific ask, put as a question or a polite request.")
    if unasked:
        return Check(
            "ask", "warn", "Put the meeting as a question: “Would you be open to a short call?”"
        )
    if vague:
        return Check("ask", "warn", "Make the ask specific: a coffee, a call or a short meeting.")
    return Check("ask", "fail", "Ask for one thing: a short call or a coffee, as a question.")


def _stated_minutes(body: str) -> list[int]:
    # In a range ("15-20 minutes") the upper end is what the reader hears.
    minutes = [
        int(m[2] or m[1]) if (m[2] or m[1]).isdigit() else _MINUTE_WORDS[m[1]]
        for m in _MINUTES.finditer(body)
    ]
    minutes += [30 for _ in _HALF_HOUR.finditer(body)]
    for match in _HOURS.finditer(body):
        count = {"an": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}.get(match[1], 2)
        minutes.append(60 * count)
    return minutes


def _check_time(body: str) -> Check:
    minutes = _stated_minutes(body)
    if minutes and max(minutes) > 60:
        return Check("time", "fail", "Ask for 30 minutes at most; more than an hour is a lot.")
    if minutes and max(minutes) > SHORT_MINUTES:
        return Check(
            "time", "warn", "That is long for a first talk: 20 minutes is easier to say yes to."
        )
    if minutes:
        return Check("time", "pass", "You name a short time.")
    if _any(_BREVITY, body):
        return Check("time", "warn", "You promise to be brief: say how long, e.g. 20 minutes.")
    return Check("time", "fail", "Name a short time, e.g. 20 minutes, and keep to it.")


def _check_no_job_request(text: str) -> Check:
    requests = _unnegated(_JOB_REQUEST, text)
    if requests:
        return Check(
            "no_job_request",
            "fail",
            f"“{requests[0]}” asks for a job; ask to learn from them instead.",
        )
    hints = _unnegated(_JOB_HINTS, text)
    interviews = [
        m
        for m in _INTERVIEW.finditer(text)
        if (m[1] or "") not in ("informational", "information") and not _negated(text, m.start())
    ]
    if interviews:
        return Check(
            "no_job_request",
            "warn",
            "“Interview” can sound like a job interview: say “informational interview”.",
        )
    if hints:
        return Check(
            "no_job_request",
            "warn",
            f"“{hints[0]}” may read as a job request; keep the message about learning.",
        )
    return Check("no_job_request", "pass", "No job request: the message is about learning.")


def word_count(body: str) -> int:
    """Words as the length check counts them."""
    return len(_WORD.findall(body or ""))


def _check_length(body: str) -> Check:
    count = word_count(body)
    words = counted(count, "word")  # '3,608 words', as the app writes every count
    if count <= PASS_WORDS:
        return Check("length", "pass", f"{words}: short enough to read on a phone.")
    if count <= WARN_WORDS:
        return Check(
            "length",
            "warn",
            f"{words}: aim for {PASS_WORDS} or fewer; cut what they don't need.",
        )
    return Check("length", "fail", f"{words}: too long for a first message; aim for {PASS_WORDS}.")


def check_email(body: str, subject: str = "", channel: str | None = None) -> list[Check]:
    """The draft against the points of a good networking email, one `Check` per key, with a
    "subject" point first for an email (`channel` "email") whose subject is empty.

    A point covered only by a sentence that still holds an unfilled placeholder does not
    count yet: "We both know {mutual_first_name}" names no one. Such a point is a
    warning that says what to fill in; one that the user's details from Settings would cover
    ("I'm {my_name}, {my_role}" while the profile is blank) says to add them there.
    """
    if channel != "email" or (subject or "").strip():
        subject_point = []
    elif not word_count(body):  # nothing written yet: a point to do, not a mistake
        subject_point = [Check("subject", "todo", SUBJECT_BEFORE_WRITING)]
    else:
        subject_point = [
            Check(
                "subject",
                "fail",
                "Write a subject: an email without one is easy to pass over. Say what connects "
                "you, e.g. “We both know Maria”.",
            )
        ]
    return subject_point + _body_checks(body, subject)


def _body_checks(body: str, subject: str) -> list[Check]:
    """`check_email`'s seven points, the unfilled placeholders weighed."""
    checks = _checks(body, subject)
    blanks = unfilled_placeholders(subject, body)
    if not blanks:
        return checks
    finished = _checks(_without_blanks(body), _without_blanks(subject))
    # A point the user's own details would cover ("I'm {my_name}, {my_role}" with Settings
    # blank) is no mistake in the draft: it says where to add them, weighed as a blank is.
    mine = settings_to_fill(blanks)
    others = [name for name in blanks if name not in PROFILE_PLACEHOLDERS]
    if mine:
        body_mine, subject_mine = fill(body, _PROFILE_STAND_INS), fill(subject, _PROFILE_STAND_INS)
        imagined = _checks(body_mine, subject_mine)
        # With the profile in, without the sentences resting on the draft's own blanks.
        rest = (
            _checks(_without_blanks(body_mine), _without_blanks(subject_mine))
            if others
            else imagined
        )
    else:
        imagined, rest = checks, finished

    def to_settings(names: list[str]) -> str:
        # The details in the sentences the point rests on; all the draft lacks if none is
        # told apart (the point rests on several sentences together).
        wanted = settings_to_fill(tuple(names)) or mine
        return (
            f"Add {wanted} in Settings, and the draft fills "
            f"{'them' if ' and ' in wanted else 'it'} in."
        )

    # The draft's own blanks are weighed with the profile's details in, where they are missing.
    filled_in = (body_mine, subject_mine) if mine else (body, subject)
    hinted = []
    for check, without, profiled, rested in zip(checks, finished, imagined, rest, strict=True):
        if _RANK[profiled.status] < _RANK[check.status]:
            names = _details_behind(check.key, body, subject)
            hinted.append(Check(check.key, "warn", to_settings(names)))
        elif _RANK[without.status] > _RANK[check.status]:
            # A point resting on the profile's details alone is Settings' to fill, not the
            # draft's: "Fill in …" names only the blanks the user writes in the draft, and of
            # those only the ones in the sentences this point rests on.
            if others and _RANK[rested.status] > _RANK[check.status]:
                names = _blanks_behind(check.key, *filled_in) or others
                hint = (
                    f"Fill in {', '.join(f'{{{name}}}' for name in names)} first: until then"
                    " this point is not covered."
                )
            else:
                hint = to_settings(_blanks_behind(check.key, body, subject, profile=True))
            hinted.append(Check(check.key, "warn", hint))
        else:
            hinted.append(check)
    return hinted


def _blanks_behind(key: str, body: str, subject: str, *, profile: bool = False) -> list[str]:
    """The draft's own blanks (not the profile's; with `profile`, the profile's alone) a
    point rests on: those in each sentence that, put back alone among the sentences without
    blanks, would raise the point. A draft with the mutual contact's blank beside
    {their_work} named all three under each point. Empty when no single sentence would (the
    point rests on several together)."""
    parts = {"body": _sentences(body or ""), "subject": _sentences(subject or "")}

    def status(place: str | None = None, index: int = -1) -> str:
        kept = {
            where: "\n".join(
                s
                for i, s in enumerate(sentences)
                if not _PLACEHOLDER.search(s) or (where == place and i == index)
            )
            for where, sentences in parts.items()
        }
        [check] = [c for c in _checks(kept["body"], kept["subject"]) if c.key == key]
        return check.status

    without = _RANK[status()]
    names: dict[str, None] = {}
    for place, sentences in parts.items():
        for index, sentence in enumerate(sentences):
            blanks = [
                n for n in _PLACEHOLDER.findall(sentence) if (n in PROFILE_PLACEHOLDERS) == profile
            ]
            if blanks and _RANK[status(place, index)] < without:
                names.update(dict.fromkeys(blanks))
    # In the order the draft holds them, as the other lists of blanks are.
    return [name for name in unfilled_placeholders(subject, body) if name in names]


def _details_behind(key: str, body: str, subject: str) -> list[str]:
    """The user's details from Settings that a point waits for: those in each sentence that,
    with them filled in (stand-ins for the profile's), would raise the point. The follow-up's
    'I wrote to you … about {my_focus}' waits on the focus alone, where each point said to
    add the name, role and focus."""
    parts = {"body": _sentences(body or ""), "subject": _sentences(subject or "")}

    def status(place: str | None = None, index: int = -1) -> int:
        filled = {
            where: "\n".join(
                fill(s, _PROFILE_STAND_INS) if (where, i) == (place, index) else s
                for i, s in enumerate(sentences)
            )
            for where, sentences in parts.items()
        }
        [check] = [c for c in _checks(filled["body"], filled["subject"]) if c.key == key]
        return _RANK[check.status]

    unfilled = status()
    names: dict[str, None] = {}
    for place, sentences in parts.items():
        for index, sentence in enumerate(sentences):
            details = [n for n in _PLACEHOLDER.findall(sentence) if n in PROFILE_PLACEHOLDERS]
            if details and status(place, index) < unfilled:
                names.update(dict.fromkeys(details))
    return list(names)


_RANK = {"pass": 0, "todo": 1, "warn": 1, "fail": 2}
# Details such as a profile holds, to see which points the user's own would cover.
_PROFILE_STAND_INS = {
    "my_name": "Alex Morgan",
    "my_first_name": "Alex",
    "my_role": "a data analyst",
    "my_focus": "product design",
}


def _without_blanks(text: str) -> str:
    """The text without its sentences that still hold an unfilled placeholder."""
    return "\n".join(s for s in _sentences(text or "") if not _PLACEHOLDER.search(s))


def _checks(body: str, subject: str) -> list[Check]:
    text, heading = _normalise(body), _normalise(subject)
    original = (body or "").replace("\u2019", "'")
    written = [
        _check_connection(heading, text),
        _check_introduction(original),
        _check_competence(text),
        _check_ask(text),
        _check_time(text),
    ]
    if word_count(body):
        return [*written, _check_no_job_request(f"{heading}\n{text}"), _check_length(body)]
    # Nothing written yet: no point is a mistake ("Fix this" before a word reads as scolding),
    # each says what to write; and none is praised for what is not there (no job request in
    # it, short). A subject saying what connects you still covers its point.
    return [
        *(
            c if c.status == "pass" else Check(c.key, "todo", BEFORE_WRITING[c.key])
            for c in written
        ),
        Check("no_job_request", "todo", WRITE_FIRST),
        Check("length", "todo", WRITE_FIRST),
    ]
