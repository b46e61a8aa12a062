"""The event log: what happened with a contact. Stages are derived from it, never stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import duckdb

from infoint import db, profile, text
from infoint.contacts import KINDS_WITHOUT_CHANNEL, require_contact
from infoint.errors import InvalidInputError, NotFoundError

KINDS = ("outreach", "reply", "follow_up", "thank_you", "referral", "opportunity", "note")
KIND_LABELS = {
    "outreach": "Outreach",
    "reply": "Reply",
    "follow_up": "Follow-up",
    "thank_you": "Thank-you",
    # The funnel's Referred: they introduced you to someone. "Referral" read, to a job seeker,
    # as "referred me for a role", which is a lead: an Opportunity.
    "referral": "Introduction",
    "opportunity": "Opportunity",
    "note": "Note",
}
# The kinds as the log form offers them, said as what happened.
KIND_CHOICES = KIND_LABELS | {"referral": "Introduced you to someone"}
# The log form's help on its kinds: where a referral for a role goes (DESIGN's funnel).
KIND_HELP = "Referred you for a role, or another lead on a job? Choose Opportunity."
# Said beside the kind once an introduction is picked: what it is, and what it is not.
INTRODUCTION_SAID = (
    "They put you in touch with someone else. A referral for a role is an Opportunity."
)
# The longest message or note an entry keeps, in characters: a long email is some 3,000, and
# a pasted page of 60,000 made the person's timeline some 12,000 pixels high. Entries already
# longer (imported, or logged before there was a limit) stay as they are, and can be fixed.
BODY_LIMIT = 5_000
CHANNELS = ("email", "linkedin", "phone", "in_person", "video", "other")
CHANNEL_LABELS = {
    "email": "Email",
    "linkedin": "LinkedIn",
    "phone": "Phone",
    "in_person": "In person",
    "video": "Video call",
    "other": "Other",
}


def likely_channel(address: str) -> str:
    """How a message to someone most likely went or goes out: by email when an address is on
    file, else on LinkedIn (where the contacts come from), so the log says what happened."""
    return "email" if address.strip() else "linkedin"


def likely_channel_to(conn: duckdb.DuckDBPyConnection, contact_id: int, address: str) -> str:
    """How the next message with this person most likely goes: the way the user's last one to
    them went (outreach, follow-up or thank-you; the latest logged), else `likely_channel`
    of their address. Someone written to by email and reached on LinkedIn afterwards is
    offered LinkedIn, and the other way round."""
    last = conn.execute(
        "SELECT channel FROM interactions WHERE contact_id = ? AND list_contains(?, kind)"
        " AND list_contains(?, channel) ORDER BY occurred_at DESC, id DESC LIMIT 1",
        [contact_id, list(MESSAGE_KINDS), list(CHANNELS)],
    ).fetchall()
    return last[0][0] if last else likely_channel(address)


# The kinds a reply can answer: a message the user sent. A reply with none of these on its day
# or before would count someone as written to who never was (Home's "contacted", Insights'
# reply times). A thank-you is one: someone met through an introduction, never written to
# first, may answer it (Insights times only replies to outreach and follow-ups).
MESSAGE_KINDS = ("outreach", "follow_up", "thank_you")
# The earliest year an event may have: long before any campaign, and the workbook export's
# dates start in 1900 (Excel's calendar).
EARLIEST_YEAR = 1900


def likely_kind(conn: duckdb.DuckDBPyConnection, contact_id: int) -> str:
    """What the log form offers first: the likely next thing to log, from where the
    conversation with them stands. Notes, referrals and opportunities move it nowhere. (Right
    after a log, the form drawn afresh keeps the kind just logged instead: the Contacts page.)

    - Their latest meeting held not thanked yet (by the rule the Meetings page follows,
      `meetings.thank_you_sent`): a thank-you.
    - Else the last message logged (outreach, follow-up, thank-you or reply) decides:
      - the thank-you for that meeting: a note, as nothing is awaited;
      - any other of yours: their reply (offering Outreach for someone already written to
        logged their answer as a second first message);
      - their reply: your message back, an outreach (to settle the meeting's time, or answer
        what they asked). Offering Reply again logged a second one; offering Note made a
        second entry logged in a hurry a note, which moves no stage and counts as no message
        (a walkthrough). The meeting, the method's next step, is logged on the Meetings tab,
        and Introduction or Opportunity, which move a stage, are never offered unasked;
      - none: an outreach.
      So the form follows the conversation turn by turn (yours, theirs, yours…), and after the
      thank-you a report-back or a new outreach months later offers Reply, and their answer
      to it your message back again.
    """
    from infoint import meetings  # it imports this module

    held = conn.execute(
        "SELECT id FROM meetings WHERE contact_id = ? AND status = 'held'"
        " ORDER BY starts_at DESC, id DESC LIMIT 1",
        [contact_id],
    ).fetchall()
    thanks = meetings.thank_you_sent(conn, held[0][0]) if held else None
    if held and thanks is None:
        return "thank_you"
    last = conn.execute(
        "SELECT id, kind FROM interactions WHERE contact_id = ? AND list_contains(?, kind)"
        " ORDER BY occurred_at DESC, id DESC LIMIT 1",
        [contact_id, [*MESSAGE_KINDS, "reply"]],
    ).fetchall()
    if not last:
        return "outreach"
    if thanks is not None and last[0][0] == thanks.id:
        return "note"
    return "outreach" if last[0][1] == "reply" else "reply"


def answered_sql(reply: str, messages: str = "interactions") -> str:
    """SQL: whether the reply row `reply` answers a message in `messages` (a table or a
    query with contact_id, kind, occurred_at): one to the same person on the reply's day or
    before. By day, since a day alone is logged as 9:00 and a same-day message may be later."""
    kinds = ", ".join(f"'{kind}'" for kind in MESSAGE_KINDS)
    return (
        f"EXISTS (SELECT 1 FROM {messages} m WHERE m.contact_id = {reply}.contact_id"
        f" AND m.kind IN ({kinds})"
        f" AND CAST(m.occurred_at AS DATE) <= CAST({reply}.occurred_at AS DATE))"
    )


def unanswered_replies(conn: duckdb.DuckDBPyConnection, contact_id: int | None = None) -> list[int]:
    """Replies that answer no message (of one person, or of everyone), oldest first. New ones
    are refused; ones stored before the rule are kept as they are."""
    rows = conn.execute(
        f"SELECT r.id FROM interactions r WHERE r.kind = 'reply'"
        f" AND (? IS NULL OR r.contact_id = ?) AND NOT {answered_sql('r')}"
        " ORDER BY r.occurred_at, r.id",
        [contact_id, contact_id],
    ).fetchall()
    return [int(row[0]) for row in rows]


def _keep_replies_answered(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    unanswered_before: list[int],
    written_id: int | None = None,
) -> None:
    """Inside the write's transaction, after it: refuse (and so roll back) a write that leaves
    a reply of this person answering no message, unless it already answered none before."""
    new = [i for i in unanswered_replies(conn, contact_id) if i not in unanswered_before]
    if not new:
        return
    if written_id in new:  # the reply itself is new, or was moved or turned into one
        _refuse_reply_unanswered(conn, contact_id, get_interaction(conn, written_id).occurred_at)
    reply = get_interaction(conn, new[0]).occurred_at
    still_a_message = written_id is not None and get_interaction(conn, written_id).kind in (
        MESSAGE_KINDS
    )
    remedy = (
        "keep this message on or before that day, or correct that reply first"
        if still_a_message
        else "correct or remove that reply first"
    )
    raise InvalidInputError(f"Their reply of {text.day(reply)} answers this message: {remedy}.")


def _refuse_reply_unanswered(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    day: date | datetime,
    exclude: int | None = None,
) -> None:
    first = conn.execute(
        "SELECT min(occurred_at) FROM interactions WHERE contact_id = ? AND kind IN"
        f" ({', '.join('?' for _ in MESSAGE_KINDS)}) AND id IS DISTINCT FROM ?",
        [contact_id, *MESSAGE_KINDS, exclude],
    ).fetchall()[0][0]
    remedy = (
        "" if first is None else f"date it on or after your first message ({text.day(first)}), or "
    )
    raise InvalidInputError(
        f"A reply answers a message, and none to this person is logged on or before "
        f"{text.day(day)}: {remedy}log the message you sent first, dated when you sent it."
    )


def check_reply_answered(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    kind: str,
    day: date,
    *,
    exclude: int | None = None,
) -> None:
    """Refuse at once a reply on `day` that would answer no message to this person, as the
    write would: asked first whether a day years back was right, the user said yes only to
    be refused. `exclude`: the entry being corrected, which is no message once it is this
    reply. Anything else is left to the write."""
    if kind != "reply":
        return
    answered = conn.execute(
        "SELECT count(*) FROM interactions WHERE contact_id = ? AND list_contains(?, kind)"
        " AND CAST(occurred_at AS DATE) <= ? AND id IS DISTINCT FROM ?",
        [contact_id, list(MESSAGE_KINDS), day, exclude],
    ).fetchall()[0][0]
    if not answered:
        _refuse_reply_unanswered(conn, contact_id, day, exclude)


@dataclass(frozen=True)
class Interaction:
    id: int
    contact_id: int
    kind: str
    channel: str | None  # None for a kind that is no message (`KINDS_WITHOUT_CHANNEL`)
    occurred_at: datetime
    template_id: int | None
    subject: str
    body: str
    source: str


@dataclass(frozen=True)
class Logged:
    interaction_id: int
    already_logged: bool  # the same entry was logged that day already: counted once


def _wall_time(value: date | datetime | None, zone: ZoneInfo) -> datetime:
    """`occurred_at` is naive wall time in the user's zone (`infoint.clock`): an aware time is
    converted to it, a naive one is taken as already there, a day alone is 9:00 that day."""
    if value is None:
        return datetime.now(zone).replace(tzinfo=None)
    if isinstance(value, datetime):
        return value.astimezone(zone).replace(tzinfo=None) if value.tzinfo else value
    return datetime.combine(value, time(9, 0))


def _happened(
    conn: duckdb.DuckDBPyConnection, value: date | datetime | None, kept_day: date | None = None
) -> datetime:
    """The wall time of something that already happened: a day still ahead is refused, never
    moved (a date picker's clamp to today once turned 2030 into today without a word). A
    correction may keep the entry's own day (`kept_day`) even when it is ahead now: after a
    change of time zone, the entry could otherwise never be corrected."""
    zone = profile.zone(conn)
    when = _wall_time(value, zone)
    if when.date() == kept_day:
        return when
    if when.date() > datetime.now(zone).date():
        raise InvalidInputError(f"{text.day(when)} is still ahead: log it once it has happened.")
    if when.year < EARLIEST_YEAR:  # a slip of the keyboard (the picker takes any day)
        raise InvalidInputError(
            f"The year {when.year} is too long ago: pick a date from {EARLIEST_YEAR} on."
        )
    return when


# What a day long ago changes: an outreach of 1990 made Home's response rate 100 % and
# Insights' reply times wrong, and a message that old never gets a follow-up reminder.
LONG_AGO_COUNTS = "Home, Insights and your reminders count it on that day."


def date_question(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    kind: str,
    day: date,
    *,
    was: date | None = None,
    today: date | None = None,
) -> str | None:
    """What to ask before logging (or moving an entry to) `day`, else None; as Meetings asks.

    A day more than `meetings.ASK_BEYOND_DAYS` back is asked about: the year is the likely
    slip. So is an outreach dated before the LinkedIn connection, as a question, never a
    refusal: a first email, or a talk at an event, often comes before connecting, and a
    reconnection leaves LinkedIn only the later day. A day the write refuses (ahead, before
    1900) is not asked about: the refusal says it. `was`: a correction's day, kept unasked.
    """
    from infoint import meetings  # it imports this module

    today = today or profile.now(conn).date()
    if day == was or day > today or day.year < EARLIEST_YEAR:
        return None
    if day < today - timedelta(days=meetings.ASK_BEYOND_DAYS):
        return f"{meetings.is_it_right(day, today)} {LONG_AGO_COUNTS}"
    if kind != "outreach":
        return None
    connected = conn.execute(
        "SELECT connected_on FROM contacts WHERE id = ?", [contact_id]
    ).fetchall()
    if not connected or connected[0][0] is None or day >= connected[0][0]:
        return None
    return (
        f"{text.day(day)} is before you connected on LinkedIn ({text.day(connected[0][0])}): "
        "is the date right? It is if you first wrote another way, by email say."
    )


def _validate(
    conn: duckdb.DuckDBPyConnection, contact_id: int, kind: str, channel: str | None
) -> str | None:
    """The channel to store: none for a kind that is no message (`KINDS_WITHOUT_CHANNEL`),
    whatever was passed, so nothing reads a note as sent "by email"; one we know for the rest."""
    if kind not in KINDS:
        raise InvalidInputError(f"'{kind}' is not a kind of interaction infoint knows.")
    if kind in KINDS_WITHOUT_CHANNEL:
        channel = None
    elif channel is None:
        # The choices in the words the form shows them, so the two never drift apart.
        choices = text.joined(list(CHANNEL_LABELS.values()), "or")
        raise InvalidInputError(f"Say how it happened: {choices}.")
    elif channel not in CHANNELS:
        raise InvalidInputError(f"'{channel}' is not a channel infoint knows.")
    require_contact(conn, contact_id)
    return channel


def _check_body(body: str) -> None:
    if len(body) > BODY_LIMIT:
        raise InvalidInputError(
            f"A message or note can be at most {BODY_LIMIT:,} characters; this one has "
            f"{len(body):,}."
        )


def _require_template(conn: duckdb.DuckDBPyConnection, template_id: int) -> None:
    found = conn.execute("SELECT count(*) FROM templates WHERE id = ?", [template_id]).fetchall()
    if not found[0][0]:
        raise NotFoundError("That template no longer exists.")


def _require_meeting(conn: duckdb.DuckDBPyConnection, meeting_id: int, contact_id: int) -> None:
    """An entry for a meeting (a thank-you) must name a meeting with the same person: the
    meeting counts it as its own (`meetings.thank_you_sent`)."""
    found = conn.execute("SELECT contact_id FROM meetings WHERE id = ?", [meeting_id]).fetchall()
    if not found:
        raise NotFoundError("That meeting no longer exists.")
    if found[0][0] != contact_id:
        raise InvalidInputError("That meeting was with someone else, not with this person.")


def log_interaction(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    kind: str,
    *,
    channel: str | None = "email",
    occurred_at: date | datetime | None = None,
    template_id: int | None = None,
    subject: str = "",
    body: str = "",
    source: str = "manual",
) -> int:
    """Record one event with a contact (by default as happening now); returns its id. A note
    or an opportunity is stored with no channel, whatever `channel` says."""
    _check_body(body)
    channel, when = _checked(conn, contact_id, kind, channel, template_id, occurred_at)
    with db.transaction(conn):
        # Only a new reply can be one that answers nothing: the check costs a query a side.
        before = unanswered_replies(conn, contact_id) if kind == "reply" else None
        logged = _insert(conn, contact_id, kind, channel, when, template_id, subject, body, source)
        if before is not None:
            _keep_replies_answered(conn, contact_id, before, logged)
    return logged


def log_once(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    kind: str,
    *,
    channel: str | None = "email",
    occurred_at: date | datetime | None = None,
    template_id: int | None = None,
    subject: str = "",
    body: str = "",
    meeting_id: int | None = None,
) -> Logged:
    """`log_interaction`, but the same entry with the same person on the same day (kind,
    channel, subject and body alike, and for the same meeting, if any) is recorded once: a
    second click on a "Log" button must not count a second message, nor skew the reply rates.
    A different entry is its own: the same words of thanks for another meeting too.
    Looked for and written in one transaction."""
    _check_body(body)
    channel, when = _checked(conn, contact_id, kind, channel, template_id, occurred_at)
    with db.transaction(conn):
        if meeting_id is not None:  # looked for in the write: a meeting deleted meanwhile is gone
            _require_meeting(conn, meeting_id, contact_id)
        earlier = conn.execute(
            "SELECT id FROM interactions WHERE contact_id = ? AND kind = ?"
            " AND channel IS NOT DISTINCT FROM ?"
            " AND subject = ? AND body = ? AND CAST(occurred_at AS DATE) = ?"
            " AND meeting_id IS NOT DISTINCT FROM ? ORDER BY id LIMIT 1",
            [contact_id, kind, channel, subject.strip(), body, when.date(), meeting_id],
        ).fetchall()
        if earlier:
            return Logged(int(earlier[0][0]), already_logged=True)
        before = unanswered_replies(conn, contact_id) if kind == "reply" else None
        logged = _insert(
            conn, contact_id, kind, channel, when, template_id, subject, body, "manual", meeting_id
        )
        if before is not None:
            _keep_replies_answered(conn, contact_id, before, logged)
    return Logged(logged, already_logged=False)


def _checked(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    kind: str,
    channel: str | None,
    template_id: int | None,
    occurred_at: date | datetime | None,
) -> tuple[str | None, datetime]:
    """The channel and the moment to record, once the person, kind, channel and template are
    known good."""
    stored = _validate(conn, contact_id, kind, channel)
    if template_id is not None:
        _require_template(conn, template_id)
    return stored, _happened(conn, occurred_at)


def _insert(
    conn: duckdb.DuckDBPyConnection,
    contact_id: int,
    kind: str,
    channel: str | None,
    when: datetime,
    template_id: int | None,
    subject: str,
    body: str,
    source: str,
    meeting_id: int | None = None,
) -> int:
    row = conn.execute(
        "INSERT INTO interactions (contact_id, kind, channel, occurred_at, template_id,"
        " subject, body, source, meeting_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [contact_id, kind, channel, when, template_id, subject.strip(), body, source, meeting_id],
    ).fetchall()
    return int(row[0][0])


def get_interaction(conn: duckdb.DuckDBPyConnection, interaction_id: int) -> Interaction:
    rows = conn.execute(
        "SELECT id, contact_id, kind, channel, occurred_at, template_id, subject, body, source"
        " FROM interactions WHERE id = ?",
        [interaction_id],
    ).fetchall()
    if not rows:
        raise NotFoundError("That interaction no longer exists.")
    return Interaction(*rows[0])


def update_interaction(
    conn: duckdb.DuckDBPyConnection,
    interaction_id: int,
    *,
    kind: str,
    channel: str | None,
    occurred_at: date | datetime,
    subject: str = "",
    body: str = "",
) -> None:
    """Correct an interaction logged by mistake; a note or an opportunity keeps no channel.
    Refused: a day moved into the future, and a change that leaves a reply answering no
    message (`MESSAGE_KINDS`), and a body longer than `BODY_LIMIT` that was not already as
    long: an entry imported longer can still be corrected, and shortened."""
    current = get_interaction(conn, interaction_id)
    if len(body) > len(current.body):
        _check_body(body)
    channel = _validate(conn, current.contact_id, kind, channel)
    when = _happened(conn, occurred_at, kept_day=current.occurred_at.date())
    # Only a reply, or a message a reply may answer, can leave a reply answering nothing.
    checked = {current.kind, kind} & {"reply", *MESSAGE_KINDS}
    with db.transaction(conn):
        before = unanswered_replies(conn, current.contact_id) if checked else None
        conn.execute(
            "UPDATE interactions SET kind = ?, channel = ?, occurred_at = ?, subject = ?,"
            " body = ? WHERE id = ?",
            [
                kind,
                channel,
                when,
                subject.strip(),
                body,
                interaction_id,
            ],
        )
        if before is not None:
            _keep_replies_answered(conn, current.contact_id, before, interaction_id)


def delete_interaction(conn: duckdb.DuckDBPyConnection, interaction_id: int) -> None:
    """Remove an interaction logged by mistake, with the snoozes and dismissals of reminders
    about it. Refused while a reply answers only this message."""
    from infoint import followups  # imported here: followups imports meetings, which imports us

    current = get_interaction(conn, interaction_id)
    with db.transaction(conn):
        # Only a message's going can leave a reply answering nothing.
        before = (
            unanswered_replies(conn, current.contact_id) if current.kind in MESSAGE_KINDS else None
        )
        followups.forget_item_states(conn, [interaction_id], [])
        conn.execute("DELETE FROM interactions WHERE id = ?", [interaction_id])
        if before is not None:
            _keep_replies_answered(conn, current.contact_id, before)


# How much of an entry's notes its label in a picker shows, where the label needs telling apart.
NOTES_IN_LABEL = 40
ORDINAL_ENDS = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ORDINAL_ENDS.get(number % 10, 'th')}"


def _notes_start(body: str) -> str:
    line = body.strip().splitlines()[0].strip() if body.strip() else ""
    if len(line) <= NOTES_IN_LABEL:
        return line
    start = line[:NOTES_IN_LABEL]
    if (space := start.rfind(" ")) > NOTES_IN_LABEL // 2:
        start = start[:space]
    return f"{start.rstrip()}…"


def choice_labels(items: list[Interaction]) -> dict[int, str]:
    """A label for each interaction, by id, for a picker: its day, kind, how and subject; two
    alike (the same kind on one day, say) also say which of that day's they are, first by
    time, and how their notes begin, so no two labels are the same (a picker whose labels
    are equal keeps the first chosen)."""
    base = {
        x.id: f"{text.day(x.occurred_at)} · {KIND_LABELS[x.kind]}"
        + ("" if x.kind in KINDS_WITHOUT_CHANNEL else f" ({CHANNEL_LABELS[x.channel]})")
        + (f" {x.subject}" if x.subject else "")
        for x in items
    }
    alike: dict[str, list[Interaction]] = {}
    for x in items:
        alike.setdefault(base[x.id], []).append(x)
    labels = dict(base)
    for group in alike.values():
        if len(group) < 2:
            continue
        for number, x in enumerate(sorted(group, key=lambda x: (x.occurred_at, x.id)), 1):
            notes = _notes_start(x.body)
            labels[x.id] = f"{base[x.id]} · {_ordinal(number)} of {len(group)} that day" + (
                f": {notes}" if notes else ""
            )
    return labels


def list_interactions(conn: duckdb.DuckDBPyConnection, contact_id: int) -> list[Interaction]:
    """A contact's interactions, newest first."""
    rows = conn.execute(
        "SELECT id, contact_id, kind, channel, occurred_at, template_id, subject, body, source"
        " FROM interactions WHERE contact_id = ? ORDER BY occurred_at DESC, id DESC",
        [contact_id],
    ).fetchall()
    return [Interaction(*row) for row in rows]
