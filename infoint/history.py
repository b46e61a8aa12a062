"""A LinkedIn archive's messages and invitations -> outreach, follow-up and reply events.

So that a new user's funnel starts with their real history. From the archive's messages.csv
and Invitations.csv (shapes in linkedin-format.md), or either of them unzipped from it, from a
start date the user picks:

- Whose archive it is: the profile address in the most conversations that is not among the
  contacts (the owner takes part in every conversation; their own profile is not a contact).
- Only one-to-one conversations count (group chats are not outreach); drafts are skipped.
  Messages from archives before 2022 name people without profile addresses, and so do
  invitations before 2023; those cannot be matched and are reported, not guessed by name.
- Each person's messages and invitations *with a message* form one timeline, cut into
  episodes wherever `NEW_APPROACH_AFTER` days pass in silence. An episode the user opened is
  an approach: its first day's messages make one `outreach` event, the user's messages on
  later days before any answer are `follow_up`s, and the other side's first message is the
  `reply`. The rest is ordinary conversation and is left out, as are episodes the other
  side opened (answering someone is not outreach).
- The user's own text is kept as the event body; of the other side only the fact and the
  time of their answer are kept, never what they wrote.
- Events are matched to contacts by normalised profile address; people who are not contacts
  are counted and skipped. Approaches that started before the start date are left out.
- Each event carries `interactions.external_key`, so importing the same (or a newer) archive
  again adds only what is new.
- Times in the archive are UTC; events are stored as wall time in the user's time zone
  (`infoint.clock`), like every logged time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from infoint import db, interactions, linkedin, profile, text
from infoint.errors import InvalidInputError, NotAnExportError

DEFAULT_DAYS_BACK = 90
NEW_APPROACH_AFTER = 30
SOURCE = "linkedin"

_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "ISO8601", "%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p")


@dataclass(frozen=True)
class HistorySummary:
    """What an archive's history adds (a preview) or added (after the import)."""

    since: date
    outreach: int
    follow_ups: int
    replies: int
    people: int
    already_imported: int
    not_in_contacts: int
    notes: tuple[str, ...]

    @property
    def events(self) -> int:
        return self.outreach + self.follow_ups + self.replies

    def describe(self, done: bool = False) -> str:
        """One or two sentences for the user."""
        verb = "Added" if done else "Found"
        if not self.events:
            said = f"No new messages or invitations since {text.day(self.since)} to add."
        else:
            kinds = [
                f"{count:,} {kind}"
                for count, kind in (
                    (self.outreach, "outreach"),
                    (self.follow_ups, "follow-up"),
                    (self.replies, "reply"),
                )
                if count
            ]
            events = "event" if self.events == 1 else "events"
            said = (
                f"{verb} {text.joined(kinds)} {events} with {self.people:,} of your contacts "
                f"since {text.day(self.since)}."
            )
        if self.already_imported:
            were = "was" if self.already_imported == 1 else "were"
            said += f" {self.already_imported:,} {were} already in infoint."
        if self.not_in_contacts:
            left_out = (
                "person you wrote to is not among your contacts and was"
                if self.not_in_contacts == 1
                else "people you wrote to are not among your contacts and were"
            )
            said += f" {self.not_in_contacts:,} {left_out} left out."
        return said


def known_time_sql(alias: str) -> str:
    """SQL, true for an interaction (`alias`) whose clock time is when it happened: one
    brought in from an archive, which times each message to the second (`external_key` is
    only ever set here). One logged by hand has its day only: 9:00 for a day picked, the
    moment of logging for today, neither of them when it happened."""
    return f"({alias}.external_key IS NOT NULL)"


def can_match(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether any contact has a profile address that history could be matched to."""
    return bool(
        conn.execute("SELECT count(*) FROM contacts WHERE linkedin_url IS NOT NULL").fetchall()[0][
            0
        ]
    )


def default_since(today: date) -> date:
    """The start date offered: `DEFAULT_DAYS_BACK` days before the user's today."""
    return today - timedelta(days=DEFAULT_DAYS_BACK)


def preview_history(
    conn: duckdb.DuckDBPyConnection,
    source: str | os.PathLike | bytes,
    filename: str | None,
    since: date | None,
) -> HistorySummary:
    """What `import_history` would add, without writing anything."""
    _, summary = _plan(conn, source, filename, since)
    return summary


def import_history(
    conn: duckdb.DuckDBPyConnection,
    source: str | os.PathLike | bytes,
    filename: str | None,
    since: date | None,
) -> HistorySummary:
    """Add the archive's history since `since` as events, in one transaction."""
    with db.transaction(conn):
        events, summary = _plan(conn, source, filename, since)
        if len(events):
            conn.register("history_events", events)
            try:
                conn.execute(
                    "INSERT INTO interactions (contact_id, kind, channel, occurred_at, subject,"
                    " body, source, external_key)"
                    " SELECT contact_id, kind, 'linkedin', occurred_at, subject, body, ?,"
                    " external_key FROM history_events"
                    " WHERE external_key NOT IN (SELECT external_key FROM interactions"
                    "  WHERE external_key IS NOT NULL)",
                    [SOURCE],
                )
            finally:
                conn.unregister("history_events")
    return summary


# --- Reading ------------------------------------------------------------------------------


def _columns(frame: pd.DataFrame) -> dict[str, str]:
    """Header names by a key without case, spaces or underscores: 'SENDER PROFILE URL' ->
    'senderprofileurl'."""
    return {"".join(str(c).split()).replace("_", "").lower(): c for c in frame.columns}


def _text(frame: pd.DataFrame, names: dict[str, str], key: str) -> pd.Series:
    if key not in names:
        return pd.Series("", index=frame.index, dtype="str")
    return frame[names[key]].fillna("").astype("str").str.strip()


def _urls(values: pd.Series) -> pd.Series:
    codes, distinct = pd.factorize(values)
    normalised = np.array([linkedin.normalise_profile_url(u) for u in distinct], dtype=object)
    return pd.Series(normalised[codes] if len(codes) else [], index=values.index, dtype="str")


def _times(values: pd.Series) -> pd.Series:
    """UTC times from any of the archive's formats; NaT where none fits."""
    text = values.str.replace(r"\s*UTC$", "", regex=True)
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us, UTC]")
    for fmt in _TIME_FORMATS:
        missing = parsed.isna() & (text != "")
        if not missing.any():
            break
        found = pd.to_datetime(text[missing], format=fmt, errors="coerce", utc=True)
        parsed[missing] = found.astype("datetime64[us, UTC]")
    return parsed


def _not_ahead(
    at: pd.Series, now: pd.Timestamp, what: str, file: str, notes: list[str]
) -> pd.Series:
    """Where `at` has happened: a row dated after `now` (a 2099 once became an outreach event
    still ahead) is left out, and said with its row as a spreadsheet numbers it (the header is
    row 1; a message written on several lines is still one row). The archive's times are UTC
    moments, so no time zone needs a day's grace here: later than now is later everywhere."""
    ahead = at > now
    if ahead.any():
        rows = [f"{row:,}" for row in at.index[ahead.to_numpy()] + 2]
        listed = text.joined(rows[:10]) + (
            f" and {len(rows) - 10:,} more" if len(rows) > 10 else ""
        )
        were = "was" if len(rows) == 1 else "were"
        notes.append(
            f"{text.counted(len(rows), what)} dated still ahead {were} left out: "
            f"{'row' if len(rows) == 1 else 'rows'} {listed} of {file}."
        )
    return ~ahead


def _empty_timeline() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "counterpart": pd.Series(dtype="str"),
            "at": pd.Series(dtype="datetime64[us, UTC]"),
            "from_owner": pd.Series(dtype="bool"),
            "subject": pd.Series(dtype="str"),
            "content": pd.Series(dtype="str"),
        }
    )


def _known_urls(conn: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, int]:
    rows = conn.execute(
        "SELECT linkedin_url, min(id) FROM contacts WHERE linkedin_url IN (SELECT unnest(?))"
        " GROUP BY linkedin_url",
        [urls],
    ).fetchall()
    return {url: int(contact_id) for url, contact_id in rows}


def _message_timeline(
    conn: duckdb.DuckDBPyConnection, frame: pd.DataFrame, now: pd.Timestamp, notes: list[str]
) -> pd.DataFrame:
    names = _columns(frame)
    if "senderprofileurl" not in names or "date" not in names:
        notes.append(
            "The messages in this archive name people without their profile addresses "
            "(LinkedIn added those in 2022), so they cannot be matched to your contacts."
        )
        return _empty_timeline()
    drafts = _text(frame, names, "ismessagedraft").str.lower().isin(("yes", "true", "1"))
    messages = pd.DataFrame(
        {
            "conversation": _text(frame, names, "conversationid"),
            "sender": _urls(_text(frame, names, "senderprofileurl")),
            "recipients": _text(frame, names, "recipientprofileurls"),
            "at": _times(_text(frame, names, "date")),
            "subject": _text(frame, names, "subject"),
            "content": _text(frame, names, "content"),
        }
    )[~drafts]
    happened = _not_ahead(messages["at"], now, "message", "messages.csv", notes)
    messages = messages[messages["at"].notna() & (messages["sender"] != "") & happened]
    if messages.empty:
        return _empty_timeline()
    if (messages["conversation"] == "").all():
        messages["conversation"] = messages.index.astype("str")
    recipients = (
        messages[["conversation", "recipients"]]
        .assign(url=messages["recipients"].str.split(r"[;,]"))
        .explode("url")
    )
    recipients["url"] = _urls(recipients["url"].fillna("").str.strip())
    participants = pd.concat(
        [
            messages[["conversation", "sender"]].rename(columns={"sender": "url"}),
            recipients[["conversation", "url"]],
        ]
    )
    participants = participants[participants["url"] != ""].drop_duplicates()
    # The owner: in the most conversations, and not a contact.
    counts = participants.groupby("url").size()
    known = _known_urls(conn, counts.index.tolist())
    ranking = pd.DataFrame(
        {"url": counts.index, "n": counts.to_numpy(), "known": counts.index.isin(list(known))}
    ).sort_values(["known", "n", "url"], ascending=[True, False, True])
    owner = ranking["url"].iloc[0]
    others = participants[participants["url"] != owner]
    sizes = others.groupby("conversation")["url"].transform("size")
    one_to_one = others[sizes == 1].set_index("conversation")["url"]
    groups = others.loc[sizes > 1, "conversation"].nunique()
    if groups:
        notes.append(f"{groups:,} group conversations were left out: they are not outreach.")
    messages = messages[messages["conversation"].isin(one_to_one.index)]
    return pd.DataFrame(
        {
            "counterpart": messages["conversation"].map(one_to_one).astype("str"),
            "at": messages["at"],
            "from_owner": messages["sender"] == owner,
            "subject": messages["subject"],
            "content": messages["content"],
        }
    )


def _invitation_timeline(frame: pd.DataFrame, now: pd.Timestamp, notes: list[str]) -> pd.DataFrame:
    names = _columns(frame)
    if "inviteeprofileurl" not in names:
        notes.append(
            "The invitations in this archive name people without their profile addresses "
            "(LinkedIn added those in 2023), so they cannot be matched to your contacts."
        )
        return _empty_timeline()
    message = _text(frame, names, "message")
    outgoing = _text(frame, names, "direction").str.upper() == "OUTGOING"
    chosen = frame[outgoing & (message != "")]
    if chosen.empty:
        return _empty_timeline()
    timeline = pd.DataFrame(
        {
            "counterpart": _urls(_text(chosen, names, "inviteeprofileurl")),
            "at": _times(_text(chosen, names, "sentat")),
            "from_owner": True,
            "subject": "",
            "content": message[chosen.index],
        }
    )
    happened = _not_ahead(timeline["at"], now, "invitation", "Invitations.csv", notes)
    return timeline[timeline["at"].notna() & (timeline["counterpart"] != "") & happened]


# --- Threading ----------------------------------------------------------------------------


def _first_text(values: pd.Series) -> str:
    return next((value for value in values if value), "")


def _joined(values: pd.Series) -> str:
    return "\n\n".join(value for value in values if value)


def _events(timeline: pd.DataFrame, since: date, zone: str) -> pd.DataFrame:
    """Approaches, follow-ups and replies per person, as documented at the top."""
    columns = ["counterpart", "kind", "at", "occurred_at", "subject", "body", "external_key"]
    if timeline.empty:
        return pd.DataFrame({column: pd.Series(dtype="str") for column in columns})
    t = timeline.sort_values(["counterpart", "at"], kind="stable").reset_index(drop=True)
    previous = t.groupby("counterpart", sort=False)["at"].shift()
    gap = previous.isna() | ((t["at"] - previous) > pd.Timedelta(days=NEW_APPROACH_AFTER))
    t["episode"] = gap.astype("int64").groupby(t["counterpart"]).cumsum()
    key = ["counterpart", "episode"]
    t = t[t.groupby(key)["from_owner"].transform("first")].copy()
    t["local"] = t["at"].dt.tz_convert(zone).dt.tz_localize(None)
    t["day"] = t["local"].dt.normalize()
    t["start_day"] = t.groupby(key)["day"].transform("min")
    t = t[t["start_day"].dt.date >= since]
    answered = t["at"].where(~t["from_owner"]).groupby([t["counterpart"], t["episode"]])
    t["first_answer"] = answered.transform("min")
    before_answer = t["from_owner"] & (t["first_answer"].isna() | (t["at"] < t["first_answer"]))
    sent = (
        t[before_answer]
        .groupby([*key, "day"], as_index=False, sort=False)
        .agg(
            at=("at", "first"),
            occurred_at=("local", "first"),
            start_day=("start_day", "first"),
            subject=("subject", _first_text),
            body=("content", _joined),
        )
    )
    sent["kind"] = np.where(sent["day"] == sent["start_day"], "outreach", "follow_up")
    replies = t[~t["from_owner"] & (t["at"] == t["first_answer"])].drop_duplicates(key)
    replies = replies.assign(kind="reply", occurred_at=replies["local"], subject="", body="")
    events = pd.concat([sent[columns[:-1]], replies[columns[:-1]]], ignore_index=True)
    events["external_key"] = (
        "linkedin:"
        + events["kind"]
        + ":"
        + events["counterpart"]
        + ":"
        + events["at"].dt.strftime("%Y-%m-%dT%H:%M:%S")
    )
    return events.drop_duplicates("external_key")


def _answered_only(
    conn: duckdb.DuckDBPyConnection, new: pd.DataFrame, notes: list[str]
) -> pd.DataFrame:
    """The new events without replies that would answer no message (`interactions.answered_sql`).
    Each reply comes after the user's message in the archive, but that message may be in
    infoint already, changed since into something else or moved after the reply (a re-import
    brings back only what was removed): then the reply is left out and said so."""
    replies = new[new["kind"] == "reply"]
    if replies.empty:
        return new
    messages = (
        "(SELECT contact_id, kind, occurred_at FROM interactions"
        " UNION ALL SELECT contact_id, kind, occurred_at FROM history_new)"
    )
    conn.register("history_new", new)
    try:
        unanswered = conn.execute(
            "SELECT r.external_key FROM history_new r WHERE r.kind = 'reply'"
            f" AND NOT {interactions.answered_sql('r', messages)}"
        ).fetchall()
    finally:
        conn.unregister("history_new")
    if not unanswered:
        return new
    answered = (
        "the message it answers is" if len(unanswered) == 1 else "the messages they answer are"
    )
    notes.append(
        f"{text.counted(len(unanswered), 'reply', 'replies')} left out: {answered} no longer "
        "logged in infoint as sent on that day or before."
    )
    return new[~new["external_key"].isin([row[0] for row in unanswered])]


def _read(
    source: str | os.PathLike | bytes, filename: str | None, notes: list[str]
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The archive's messages.csv and Invitations.csv; or, from a user who unzipped the
    archive, one of the two (known by its header, whatever the file is called), so they need
    not zip it again. Anything else is refused in one sentence."""
    unzipped = linkedin.read_unzipped_csv(source, filename)
    if unzipped is None:
        messages = linkedin.read_archive_csv(source, "messages.csv", filename)
        invitations = linkedin.read_archive_csv(source, "Invitations.csv", filename)
        if messages is None and invitations is None:
            raise NotAnExportError(
                "This archive holds neither messages.csv nor Invitations.csv; request "
                "LinkedIn's full archive (it includes your messages) to bring in your history."
            )
        return messages, invitations
    names = set(_columns(unzipped))
    if any(header <= names for header in linkedin.MESSAGES_HEADERS):
        notes.append(
            "Only your messages were read: invitations you sent with a note are in the "
            "archive's Invitations.csv, so upload that file too, or the archive .zip as it is."
        )
        return unzipped, None
    if names >= linkedin.INVITATIONS_HEADER:
        notes.append(
            "Only your invitations were read: your messages are in the archive's messages.csv, "
            "so upload that file too, or the archive .zip as it is."
        )
        return None, unzipped
    raise NotAnExportError(
        "This file is neither LinkedIn's messages.csv nor its Invitations.csv; upload the "
        "LinkedIn archive .zip as LinkedIn sent it, or one of those two files from inside it."
    )


def _checked_since(conn: duckdb.DuckDBPyConnection, since: date | None) -> date:
    """The picker takes any day (a browser never sends one typed outside its range, and the
    default would then be used without a word), so a day that cannot start a history is
    refused here: none at all, or one still ahead."""
    if since is None:
        raise InvalidInputError("Pick the day to start from.")
    if since > profile.now(conn).date():
        raise InvalidInputError(
            f"{text.day(since)} is still ahead: pick today or an earlier day to start from."
        )
    return since


def _plan(
    conn: duckdb.DuckDBPyConnection,
    source: str | os.PathLike | bytes,
    filename: str | None,
    since: date | None,
) -> tuple[pd.DataFrame, HistorySummary]:
    since = _checked_since(conn, since)
    notes: list[str] = []
    messages, invitations = _read(source, filename, notes)
    parts = [_empty_timeline()]
    now = pd.Timestamp(profile.now(conn))
    if messages is not None and len(messages):
        parts.append(_message_timeline(conn, messages, now, notes))
    if invitations is not None and len(invitations):
        parts.append(_invitation_timeline(invitations, now, notes))
    timeline = pd.concat([p for p in parts if len(p)] or parts, ignore_index=True)
    events = _events(timeline, since, profile.zone(conn).key)
    known = _known_urls(conn, events["counterpart"].unique().tolist())
    events["contact_id"] = events["counterpart"].map(known)
    not_in_contacts = events.loc[events["contact_id"].isna(), "counterpart"].nunique()
    events = events[events["contact_id"].notna()].astype({"contact_id": "int64"})
    existing = {
        row[0]
        for row in conn.execute(
            "SELECT external_key FROM interactions WHERE external_key IN (SELECT unnest(?))",
            [events["external_key"].tolist()],
        ).fetchall()
    }
    already = events["external_key"].isin(existing)
    new = _answered_only(conn, events[~already], notes)
    kinds = new["kind"].value_counts()
    summary = HistorySummary(
        since=since,
        outreach=int(kinds.get("outreach", 0)),
        follow_ups=int(kinds.get("follow_up", 0)),
        replies=int(kinds.get("reply", 0)),
        people=int(new["contact_id"].nunique()),
        already_imported=int(already.sum()),
        not_in_contacts=int(not_in_contacts),
        notes=tuple(notes),
    )
    return new[["contact_id", "kind", "occurred_at", "subject", "body", "external_key"]], summary
