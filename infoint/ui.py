"""Page setup shared by every page: config, the cached connection, our sidebar menu.

The only module of the package that imports Streamlit.
"""

from __future__ import annotations

import functools
import hashlib
import math
import pickle
import re
import time
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from infoint import contacts, db, demo, meetings, profile, updates
from infoint.errors import InfointError
from infoint.outreach import (
    COMPOSE_CONTACT_KEY,
    COMPOSE_KIND_KEY,
    MY_DRAFTS,
    PLACEHOLDERS,
    Draft,
    as_sent,
    describe_placeholder,
    filled_on_sending,
    keep_edits,
    mailto_link,
    placeholder_values,
    settings_to_fill,
)
from infoint.plotly_bundle import PLOTLY_URL
from infoint.text import COUNT_COLUMN_FORMAT, DATE_INPUT_FORMAT, plain_markdown

MENU = (
    ("app.py", "Home", ":material/home:"),
    ("pages/1_targets.py", "Targets", ":material/flag:"),
    ("pages/2_contacts.py", "Contacts", ":material/group:"),
    ("pages/3_outreach.py", "Outreach", ":material/edit:"),
    ("pages/4_follow_ups.py", "Follow-ups", ":material/schedule:"),
    ("pages/5_meetings.py", "Meetings", ":material/coffee:"),
    ("pages/6_referrals.py", "Referrals", ":material/share:"),
    ("pages/7_insights.py", "Insights", ":material/insights:"),
    ("pages/8_import_export.py", "Import & export", ":material/upload_file:"),
    ("pages/9_settings.py", "Settings", ":material/settings:"),
)


@st.cache_resource(show_spinner=False, on_release=lambda conn: conn.close())
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return db.connect(path)


def database_path() -> Path:
    return db.default_path()


def connection() -> duckdb.DuckDBPyConnection:
    """A cursor on the process-wide connection: one per script run, safe across sessions."""
    return db.cursor(_connection(str(database_path())))


def release_connection() -> None:
    """Close the cached connection (before a restore or an undone import replaces the file).

    The drafts and table edits kept in this session go too: they were made on people and
    companies of the data being replaced, and the next one added may be given the id of one
    of them, whose words would then open under their name."""
    _connection.clear()
    for drafts in (KEPT_DRAFTS, MY_DRAFTS, UNSAVED_TARGET_EDITS, UNSAVED_TARGET_EDITS_DRAWN):
        st.session_state.pop(drafts, None)


# Edits made in the Targets table and not saved yet, by company id, and those of them drawn
# into the table (pages/1_targets.py): Streamlit forgets a table's own edits when its page is
# left, so the page keeps them, until the data they were made on is replaced.
UNSAVED_TARGET_EDITS = "targets_unsaved"
UNSAVED_TARGET_EDITS_DRAWN = "targets_unsaved_drawn"


# The page the last run was of, and whether this run's page is another (`came_back`).
# How soon after a write a click that would make it again, with nothing saved between, is
# taken for the same click made twice (Contacts' log form, Settings' "Back up now"): a double
# click's second click reaches the server well under a second after the first, and an
# impatient one a second or two later, even with a slow run between them; reading the
# confirmation and then meaning to do it again takes longer than this.
DOUBLE_CLICK_SECONDS = 5.0
# Room under a table's rows for the sideways scroll bar the grid draws when its columns are wider
# than the window leaves (Targets and Contacts at 800 px): it covered half of a lone row. Where
# the columns fit, it is a blank strip.
SIDEWAYS_SCROLL_BAR_PX = 10

_PAGE_RUN = "_page_run"
_CAME_BACK = "_came_back"
_CAME_FROM = "_came_from"  # the title of the page before this one (`came_from`)


def page(title: str) -> duckdb.DuckDBPyConnection:
    """Set up a page: config, menu, and a database cursor; stops the page if it can't open."""
    _keep_boxes(title)  # before anything that can stop this run
    # No page icon: `serve.OwnFavicon` answers for the default one.
    st.set_page_config(page_title=f"{title} · infoint", layout="wide")
    if updates.updated_since_start():
        st.warning(UPDATED_UNDER_US, icon=":material/restart_alt:")
        st.stop()
    before = st.session_state.get(_PAGE_RUN)
    st.session_state[_CAME_BACK] = before != title
    if before != title:
        st.session_state[_CAME_FROM] = before
    st.session_state[_PAGE_RUN] = title
    with st.sidebar:
        st.markdown("### infoint")
        for path, label, menu_icon in MENU:
            st.page_link(path, label=label, icon=menu_icon)
        st.divider()
    try:
        conn = connection()
    except InfointError as exc:
        show_error(exc)  # the database's path may hold what Markdown reads as marks
        st.stop()
    with st.sidebar:
        st.caption(f"Database: `{database_path()}`")
        # Its made-up people count in every number: said on every page, not only in Settings.
        if cached(demo.has_demo, conn, reads_reminders=False):
            st.caption(DEMO_LOADED)
    return conn


UPDATED_UNDER_US = (
    "infoint's code was updated while it was running. Stop it (Ctrl+C where you started it) "
    "and start it again with `make run`; your saved data is safe."
)

DEMO_LOADED = (
    ":material/science: Demo data is loaded: its made-up people count in every number here. "
    "Remove it in Settings when you are done looking around."
)


def came_back() -> bool:
    """Whether this is the page's first run since the user was on another page (or opened
    the app): the page is then shown from its top, and a long list may start short again."""
    return st.session_state.get(_CAME_BACK, True)


def came_from() -> str | None:
    """The title (as given to `page`) of the page the user was on before this one, for the
    whole of their stay here; None when this is the first page of the session."""
    return st.session_state.get(_CAME_FROM)


def show_error(exc: InfointError) -> None:
    """One clear sentence for an error the user can act on, shown as written (`as_written`):
    errors quote what was typed, an email address, a company or a file name."""
    st.error(as_written(str(exc)), icon=":material/error:")


# What `as_written` escapes: marks that are Markdown (or Streamlit's) wherever they stand,
# an entity such as "&amp;", shortcodes (":smile:", ":red[…]", ":material/home:"), and what
# starts a list, heading or quote.
_MARKS = re.compile(r"([\\`*_~\[\]<>$|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_DIRECTIVE = re.compile(r":(?=[\w-]+\\\[)")
_SHORTCODE = re.compile(r"(:[\w+-][\w+-]*):")
_ICON = re.compile(r":(material|streamlit)/")
_LINE_MARK = re.compile(r"^([ \t]*)([-+=#>])", re.MULTILINE)
_LINE_NUMBER = re.compile(r"^([ \t]*\d+)([.)])", re.MULTILINE)
# Where a web or email address starts to be one: "http(s)" before "://", "www" before ".",
# "@" before a domain. GFM makes a link of an address it finds in the text once escapes are
# read, so no escape stops it ('ana@example.org' is taken: a mailto link); a word joiner
# there (U+2060, no width, nothing to see) does, in Chromium, and the address reads as typed.
_ADDRESS_START = re.compile(r"https?(?=://)|www(?=\.)|@(?=[\w-])", re.IGNORECASE)
WORD_JOINER = "\u2060"


def as_written(text: str) -> str:
    """`text` for an alert (`st.error` and the like, which read Markdown), shown exactly as
    written: no bold, link, icon, formula, list or heading made of what the user typed.

    Unlike `plain`, an ordinary sentence is left as it is (an error reads the same here, in
    the CLI and in a test): only what Markdown or Streamlit would take for a mark is escaped,
    and a web or email address holds a word joiner where it starts to be one (after "@",
    before "://" or "." of "www."), unseen, so that it shows as text, not as a link.
    """
    text = _ADDRESS_START.sub(lambda found: found.group() + WORD_JOINER, text)
    text = _MARKS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _DIRECTIVE.sub(r"\\:", text)
    text = _SHORTCODE.sub(r"\1\\:", text)
    text = _ICON.sub(r":\1\\/", text)
    text = _LINE_MARK.sub(r"\1\\\2", text)
    return _LINE_NUMBER.sub(r"\1\\\2", text)


# Where an address starts to be one in Markdown `plain` escaped ("https\://", "www\."), or
# in words as written: `unlinked` puts the word joiner there, as `as_written` does.
_ESCAPED_ADDRESS_START = re.compile(r"https?(?=\\?://)|www(?=\\?\.)|@(?=\\?[\w-])", re.IGNORECASE)


def unlinked(markdown: str) -> str:
    """`markdown` for a success or info box, with each web or email address in it shown as
    text, not as a link: a word joiner where it starts to be one, as errors have it
    (`as_written`). User text in a confirmation is escaped by `plain`, but GFM finds an address
    once escapes are read, so 'Tags saved as “ana@example.org”' made a mailto link of what was
    typed. Copied, the joiners come along, and the app takes an address pasted back without
    them (`targets.visible_name`)."""
    return _ESCAPED_ADDRESS_START.sub(lambda found: found.group() + WORD_JOINER, markdown)


def pick_time_zone(conn: duckdb.DuckDBPyConnection, key: str = "time_zone") -> str | None:
    """The user's time zone to choose and use (`meetings.set_time_zone`'s rules), one control
    for every page that offers it: the zone's name on the run it was saved, else None. The
    page says so and reruns, so that what it shows in the old zone is drawn again."""
    names = meetings.time_zone_names()
    current = cached(profile.zone, conn).key
    chosen = st.selectbox(
        "Time zone for typing and showing meeting times",
        names,
        index=names.index(current) if current in names else None,
        format_func=profile.zone_place,  # 'Paris (Europe)', as the page says it elsewhere
        key=f"{key}_pick",
    )
    if st.button("Use this time zone", key=f"{key}_save") and chosen:
        try:
            meetings.set_time_zone(conn, chosen)
        except InfointError as exc:
            show_error(exc)
        else:
            return chosen
    return None


def ask_first(
    key: str,
    label: str,
    warning: str,
    confirm_label: str,
    on_confirm: Callable[[], None] | None = None,
) -> bool:
    """A destructive action in two steps: its button, then a warning to confirm or cancel.

    Returns True on the run where the user confirmed; the question is open until answered.
    Once confirmed it is taken off the page, so what the page says next (a refusal, say)
    shows in its place, where the user clicked, not below a question still asking.
    With `on_confirm`, the yes runs it instead, as the button's callback: before the page's
    next run, so that one run shows what it did (no rerun drawing the page twice).
    """
    asking = f"_ask_first_{key}"
    if st.button(label, key=key):
        st.session_state[asking] = True
    if not st.session_state.get(asking):
        return False
    question = st.empty()
    with question.container(border=True):
        st.warning(warning, icon=":material/warning:")
        confirm, cancel = st.columns(2)
        confirmed = confirm.button(
            confirm_label,
            key=f"{key}_confirm",
            on_click=None if on_confirm is None else _answered,
            args=None if on_confirm is None else (asking, on_confirm),
        )
        cancel.button("Cancel", key=f"{key}_cancel", on_click=_answered, args=(asking,))
    if confirmed:
        st.session_state[asking] = False
        question.empty()
    return confirmed


def _answered(asking: str, then: Callable[[], None] | None = None) -> None:
    """Close `ask_first`'s question before the next run draws it, then do what was asked."""
    st.session_state[asking] = False
    if then is not None:
        then()


def question_open(key: str) -> bool:
    """Whether `ask_first`'s question for `key` is asked on this run: just clicked, or kept
    open from the run before. A question that costs something to word is worded only then."""
    return bool(st.session_state.get(key) or st.session_state.get(f"_ask_first_{key}"))


def forget_question(key: str) -> None:
    """Close `ask_first`'s question for `key`, unanswered: what it asked about has changed."""
    st.session_state.pop(f"_ask_first_{key}", None)


class SaidHere:
    """A confirmation said where the user clicked, on the next run, which shows the fresh
    data: beside the button or form used, not at the top of the page, far above it and out
    of view, while nothing changed near the click (walkthroughs in Chromium, on several
    pages). A page makes one, under a session-state key of its own, early in its run;
    `keep` leaves what to say for a place, and `here(place)` says it there, once.

    By default what the last run kept is taken as this one starts, so it is said on this
    run only, wherever its place is drawn (a tab not open lets it go) and never lingers to
    come up later. With `until_said`, it waits in session state until a run draws its place.
    """

    def __init__(self, key: str, *, until_said: bool = False) -> None:
        self._key = key
        self._until_said = until_said
        self._taken = None if until_said else st.session_state.pop(key, None)

    def keep(
        self,
        near: str,
        message: str,
        *,
        failed: bool = False,
        link: tuple[str, str, str] | None = None,
        about: Any = None,
    ) -> None:
        """Say `message` where `here(near)` is: a refusal when `failed` (shown as written,
        `as_written`), else a confirmation (its addresses as text, `unlinked`); with a link
        under it when `link` (page, label, icon); `about` is what else the page needs to word
        it then (`here`'s `worded`)."""
        st.session_state[self._key] = (near, message, failed, link, about)

    def waiting(self, near: str = "") -> bool:
        """Whether something waits to be said at a place whose name starts with `near`."""
        kept = st.session_state.get(self._key) if self._until_said else self._taken
        return kept is not None and kept[0].startswith(near)

    def here(self, near: str, *, worded: Callable[[str, Any], str] | None = None) -> bool:
        """Say here what was kept for `near`, if anything, and say whether it was;
        `worded(message, about)` words it afresh first (a name the page shows differently
        now)."""
        kept = st.session_state.get(self._key) if self._until_said else self._taken
        if kept is None or kept[0] != near:
            return False
        if self._until_said:
            st.session_state.pop(self._key)
        else:
            self._taken = None
        _, message, failed, link, about = kept
        if worded is not None:
            message = worded(message, about)
        if failed:
            st.error(as_written(message), icon=":material/error:")
        else:
            st.success(unlinked(message), icon=":material/check_circle:")
        if link is not None:
            page_path, label, icon = link
            st.page_link(page_path, label=label, icon=icon)
        return True


def ask_date(
    key: str,
    question: str,
    *,
    who: str,
    day: str,
    form: tuple,
    wanted: tuple,
    what: str = "Meeting",
) -> None:
    """Open the question a start long ago asks (`meetings.long_ago_question`), under the form
    it was typed in: `form` is what the form holds, `wanted` what to save on a yes. `what` is
    headed "… with {who}": a logged entry's kind ("Outreach") asks for it as a meeting does."""
    st.session_state[key] = {
        "question": question,
        "what": what,
        "who": who,
        "day": day,
        "form": form,
        "wanted": wanted,
    }


def date_is_right(key: str, form: tuple) -> tuple | None:
    """Draw the question `ask_date` opened; on the run the user says yes, what to save.

    The question lives only as long as its form shows what it asked about: back from another
    page, or with the form showing other values, it is dropped, so a "Yes" can never save a
    date the form no longer shows. "No" closes it, for the date to be fixed above. A typo'd
    year would book a meeting that leaves Coming up and every reminder.
    """
    asked = st.session_state.get(key)
    if asked is None:
        return None
    if came_back() or asked["form"] != form:
        st.session_state.pop(key, None)
        return None
    with st.container(border=True):
        st.warning(
            f"**{asked['what']} with {plain(asked['who'])}**\n\n{asked['question']}",
            icon=":material/warning:",
        )
        yes_box, no_box = st.columns(2)
        confirmed = yes_box.button(f"Yes, {asked['day']} is right", key=f"{key}_yes")
        no_box.button(
            "No, let me fix the date",
            key=f"{key}_no",
            on_click=st.session_state.pop,
            args=(key, None),
        )
    if not confirmed:
        return None
    st.session_state.pop(key, None)
    return asked["wanted"]


CONTACTS_PAGE = "pages/2_contacts.py"


# The boxes whose words a page copies out on every run of any page (`keep_box`), by key.
_KEEPERS = "_box_keepers"


def keep_box(key: str, keeper: Callable[[str], None]) -> None:
    """Have `keeper(key)` copy the words of box `key`, drawn on this page, out of it at the start
    of every run of another page, while the session still holds them. Besides the box's
    `on_change`: a callback's first read of the session is a point where Streamlit stops a run
    for the next, so a menu link clicked right as the box lost focus could cut it short with the
    words in the session and not copied, and the other page's run then forgets them (seen in
    Chromium under load). Its own page copies them as it draws the box."""
    page_now = st.session_state.get(_PAGE_RUN)
    st.session_state.setdefault(_KEEPERS, {})[key] = (page_now, keeper)


def _keep_boxes(title: str) -> None:
    for key, (drawn_on, keeper) in list(st.session_state.get(_KEEPERS, {}).items()):
        if drawn_on != title and key in st.session_state:
            keeper(key)
    _copied_undrawn(title)


# The text of each draft the user edited, by the key of its message box.
KEPT_DRAFTS = "kept_drafts"


def _keep_draft(subject_key: str, body_key: str, composed: tuple[str, str]) -> bool:
    """Copy edited words out of the boxes; whether there were any. A draft back at the
    composed text keeps the words last typed (they go with `forget_draft`, once sent): a link
    clicked right after typing can make the browser send the box's first text back as a
    change, and forgetting the words then lost them for good (seen in Chromium, three tries
    in four). A box the run holds no value for (a quick menu click can leave one out) changes
    nothing kept."""
    if subject_key not in st.session_state or body_key not in st.session_state:
        return False
    typed = (st.session_state[subject_key], st.session_state[body_key])
    if typed == composed:
        return False
    st.session_state.setdefault(KEPT_DRAFTS, {})[body_key] = {"typed": typed, "composed": composed}
    return True


# Words copied out of a draft's boxes as they changed, which no run of their page has drawn
# since, by the message box's key: the page they were drawn on, and what it has done with them
# when another page runs first (`draft_boxes`).
_COPIED_UNDRAWN = "_drafts_copied_undrawn"


def _keep_typed_draft(
    subject_key: str,
    body_key: str,
    composed: tuple[str, str],
    drawn_on: str | None,
    copied: Callable[[], None] | None,
) -> None:
    """The boxes' `on_change`: copy the words out, and remember that their page has yet to
    draw them."""
    if _keep_draft(subject_key, body_key, composed) and copied is not None:
        st.session_state.setdefault(_COPIED_UNDRAWN, {})[body_key] = (drawn_on, copied)


def _keep_box_draft(
    subject_key: str,
    composed: tuple[str, str],
    copied: Callable[[], None] | None,
    body_key: str,
) -> None:
    """The boxes' words as `keep_box` copies them, on another page's run."""
    if _keep_draft(subject_key, body_key, composed) and copied is not None:
        copied()


def _copied_undrawn(title: str) -> None:
    """At the start of a run of page `title`: words of another page's drafts copied out and
    not drawn there since are done with as that page would have (`draft_boxes`)."""
    undrawn = st.session_state.get(_COPIED_UNDRAWN, {})
    for body_key, (drawn_on, copied) in list(undrawn.items()):
        if drawn_on != title:
            del undrawn[body_key]
            copied()


def _holds_only(
    conn: duckdb.DuckDBPyConnection,
    edited: dict,
    composed: tuple[str, str],
    subject_key: str,
    body_key: str,
) -> bool:
    """Whether the draft's boxes hold exactly the words kept, and opening those as on a return
    would change nothing (no note said, no detail filled in)."""
    if subject_key not in st.session_state or body_key not in st.session_state:
        return False
    typed = tuple(edited["typed"])
    if (st.session_state[subject_key], st.session_state[body_key]) != typed:
        return False
    return keep_edits(conn, typed, tuple(edited["composed"]), composed) == (*typed, "")


def draft_boxes(
    conn: duckdb.DuckDBPyConnection,
    composed: tuple[str, str],
    subject_key: str,
    body_key: str,
    height: int,
    copied: Callable[[], None] | None = None,
) -> tuple[str, str]:
    """The subject and message of a draft (Outreach, the thank-you), as the user left them.

    Streamlit drops a box's state once it is not shown (another draft; another page, such as
    Settings through the "Fill in …" link). An edited draft is copied out on every change, so
    a link clicked right after typing loses nothing, and comes back with the user's words
    (see `outreach.keep_edits`); an untouched one is composed afresh.

    Words typed right before a menu click can reach the server on the other page's run, or
    have the run they started cut short by it (after the boxes' `on_change` copied them, or
    before): no run of this page then draws them. `copied` is called at the start of the other
    page's run then, for what the page does with the words it draws (Outreach notes whose
    draft they are, for a "Write to …" button, and saves them); words the session holds and
    no `on_change` copied are copied then too (`keep_box`). Not on this page's own run: the
    page decides where words go (Outreach moves words typed into the box of the template just
    left to the one chosen).
    """
    subject, body, note = (*composed, "")
    edited = st.session_state.get(KEPT_DRAFTS, {}).get(body_key)
    if edited and _holds_only(conn, edited, composed, subject_key, body_key):
        # The boxes are drawn from the words kept, as on a return, so that they are the
        # browser's fallback: a menu link clicked right as a box loses focus can send the page
        # change before the words, and the browser, letting go of its boxes' values for it,
        # draws them from their default (the template's text over an Outreach draft, 8 tries
        # in 9 in Chromium) while the page runs on with the words.
        del st.session_state[subject_key]
        del st.session_state[body_key]
    if edited and body_key not in st.session_state:
        subject, body, note = keep_edits(conn, edited["typed"], edited["composed"], composed)
    if note:
        st.info(note, icon=":material/history:")
    page_now = st.session_state.get(_PAGE_RUN)
    keep = {
        "on_change": _keep_typed_draft,
        "args": (subject_key, body_key, composed, page_now, copied),
    }
    subject = st.text_input("Subject", value=subject, key=subject_key, **keep)
    body = st.text_area("Message", value=body, height=height, key=body_key, **keep)
    keep_box(body_key, functools.partial(_keep_box_draft, subject_key, composed, copied))
    _keep_draft(subject_key, body_key, composed)
    # This page draws its words now, and does with them what it does (a draft it left for
    # another, the words typed into it moved, included).
    undrawn = st.session_state.get(_COPIED_UNDRAWN, {})
    for key, (drawn_on, _) in list(undrawn.items()):
        if drawn_on == page_now:
            del undrawn[key]
    return subject, body


def forget_draft(body_key: str) -> None:
    """Once a draft is sent, the next one starts from the template again."""
    st.session_state.get(KEPT_DRAFTS, {}).pop(body_key, None)


def draft_as_sent(
    conn: duckdb.DuckDBPyConnection, contact_id: int, subject: str, body: str
) -> Draft:
    """The draft as it goes out (`outreach.as_sent`), under a caption naming what is filled in
    on the way while the box still shows it in braces. The Outreach draft and the thank-you
    check, preview, copy and log this, never the box's text as such."""
    values = cached(placeholder_values, conn, contact_id)
    if said := filled_on_sending((subject, body), values):
        st.caption(plain(said))
    return as_sent((subject, body), values)


def warn_unfilled(missing: tuple[str, ...]) -> None:
    """What a draft still lacks before it is sent, and the way to Settings for the user's own
    details: one warning for the Outreach draft and the thank-you."""
    if not missing:
        return
    st.warning(
        "Fill in before sending, in the message above:\n"
        + "\n".join(
            f"- {plain(f'{{{name}}}')}: {plain(describe_placeholder(name))}" for name in missing
        ),
        icon=":material/edit_note:",
    )
    if settings := settings_to_fill(missing):
        st.page_link(
            "pages/9_settings.py",
            label=f"Fill in {settings} in Settings",
            icon=":material/settings:",
        )


def placeholder_help() -> str:
    """What the words in braces of a template stand for, in one sentence."""
    return (
        "Words in braces are filled in for you: "
        + "; ".join(f"{plain(f'{{{name}}}')} ({meaning})" for name, meaning in PLACEHOLDERS.items())
        + ". Any other word in braces stays for you to fill in before sending."
    )


def copy_or_mail(address: str, subject: str, body: str, missing: tuple[str, ...]) -> None:
    """The draft to copy, and a link opening the user's email program with it addressed,
    once it has text and nothing left to fill, so nothing half-written goes out: one way to
    send for the Outreach draft and the thank-you. Without an address on file there is no
    link (it would open a message to no one): the draft is there to copy, and the caption
    says why."""
    mail = bool(address and address.strip())
    if missing or not body.strip():
        ready = (
            "Copying and your email program open once the message has"
            if mail
            else "The message can be copied once it has"
        )
        st.info(
            f"{ready} text and every {{placeholder}} is filled in, so nothing goes out "
            "half-written.",
            icon=":material/lock:",
        )
        return
    st.caption(
        f"Copy it with “{COPY_LABEL}” under the box, or open your email program."
        if mail
        else f"Copy it with “{COPY_LABEL}” under the box; with no email address on file for "
        "them, there is no link to your email program."
    )
    copy_box(f"Subject: {subject}\n\n{body}")
    if mail:
        st.link_button(
            "Open in your email program",
            mailto_link(address, subject, body),
            icon=":material/mail:",
        )


COPY_LABEL = "Copy message"  # the button under the box, which the caption above names


@functools.cache
def _copy_component() -> Callable[..., Any]:
    here = Path(__file__).parent
    return st.components.v2.component(
        "infoint.copy",
        js=(here / "copy.js").read_text(),
        css=(here / "copy.css").read_text(),
        isolate_styles=False,
    )


def copy_box(text: str) -> None:
    """`text` as plain text (never HTML or markdown: "<b>" and "*" show as typed) with a button
    that copies it exactly (infoint/copy.js).

    Not `st.code`: its copy icon came with Streamlit's syntax highlighter, a 1.5 MB script the
    browser fetched and ran before the first such box showed. Opening Outreach on a draft to
    copy (Chromium, 800 px, a machine under load) then took the browser one more task of up to
    3 s, and the box showed 4.1-11.9 s after the page was opened (median 6.5 s), where ours
    shows in 2.6-5.5 s (median 4.3 s). One box a page."""
    _copy_component()(data={"text": text, "label": COPY_LABEL}, key="copy_box")


@functools.cache
def _scroll_component() -> Callable[..., Any]:
    script = Path(__file__).with_name("scroll.js").read_text()
    return st.components.v2.component("infoint.scroll", js=script, isolate_styles=False)


def scroll_to_top() -> None:
    """Bring the top of the page into view, once: call it on the run that shows a new view
    after an action (a person just added, a message just logged), last, under all else. The
    browser keeps the main area's scroll position when the content changes, so the new view
    opened as far down as the old one had been scrolled, its title and confirmation out of sight
    (344 px at 1280x800). Its element is there for that run only: drawn at the top, its going on
    the next run moved the page (the browser's scroll anchoring); at the end it moves nothing.

    Each call draws the element with a new turn, and infoint/scroll.js moves the page only for
    a turn it has not seen: a run that does not call this (a search typed, a box ticked) moves
    nothing.
    """
    turn = str(time.time_ns())  # new each call, in this session or after a restart
    _scroll_component()(data={"turn": turn}, key="scroll_to_top")


def bring_into_view(key: str) -> None:
    """Scroll the page, once, so that the container keyed `key`, drawn above on this run, is in
    view: its foot up to the window's, never its head above the window's top. Call it on the
    run a click brings something up under the button (a question, a form opened): at 800x800
    it was drawn below the fold. Like `scroll_to_top`, a new turn each call (infoint/scroll.js
    moves the page only for a turn it has not seen), and only the runs that call it move it."""
    turn = str(time.time_ns())
    _scroll_component()(data={"turn": turn, "target": key}, key=f"into_view_{key}")


def open_contact(contact_id: int) -> None:
    """Jump to a person's record on the Contacts page, from any page."""
    st.session_state["open_contact"] = int(contact_id)
    st.switch_page(CONTACTS_PAGE, query_params={"contact": str(int(contact_id))})


def whose_record(conn: duckdb.DuckDBPyConnection, contact_id: int) -> str:
    """Whose record `open_contact` opens, by first name ("Priya's record"), as Outreach and
    Contacts name the way there: "Open Priya Raghunathan, PhD's record" read badly, and at 800
    px was cut short. Someone without a first name is named by their name as it stands, the
    last alone ("Okafor's record")."""
    person = cached(contacts.get_contact, conn, contact_id)
    return f"{plain(person.first_name or person.name)}'s record"


def contact_opener(label: str, names: dict[int, str], placeholder: str, key: str) -> None:
    """A picker of the people a report names and a button that opens the one chosen on
    Contacts: the page's report stays put until the user picks."""
    chosen = st.selectbox(
        label,
        list(names),
        index=None,
        format_func=names.get,
        placeholder=placeholder,
        key=f"{key}_pick",
    )
    if chosen is not None and st.button(
        "Open contact", icon=":material/person:", key=f"{key}_open"
    ):
        open_contact(chosen)


def plain(text: str) -> str:
    """User text for a markdown element, shown exactly as typed (no formatting, no link made
    of its marks). A web or email address in it is still a link, GFM's (Meetings keeps a video
    call's so): a confirmation shows it as text through `unlinked`."""
    return plain_markdown(text)


def as_text(text: str) -> str:
    """User text for a markdown element, as typed (`plain`) and with an address in it shown as
    text, not as a link (`unlinked`): a place, notes, a company typed as a web address."""
    return unlinked(plain(text))


def count_column(label: str, *, width: str | int | None = None) -> Any:
    """A table column of counts, written "3,467" in every browser language, as the app writes
    counts (`text.COUNT_COLUMN_FORMAT`); `width` "small", or pixels, for narrow figures."""
    return st.column_config.NumberColumn(label, format=COUNT_COLUMN_FORMAT, width=width)


# Every day a date box takes: from 1 Jan of the year 1 to 31 Dec 9998, not 9999. With the
# last day in 9999, a year from 9990 on typed into a box froze the browser tab for good:
# the calendar's year list runs from the year shown to nine years on, stopped at the last day
# the box takes, a year at a time, and a step past 9999 (its calendar's last year) stays in
# 9999, so a list that ends in 9999 never does (Streamlit 1.67's date picker, seen in
# Chromium). Ending in 9998, the step to 9999 passes the end. The year 1 is no trouble.
FIRST_DAY, LAST_DAY = date.min, date(9998, 12, 31)


def day_input(where: Any, label: str, value: Any, **kwargs: Any) -> Any:
    """`where.date_input` that takes any day typed up to 9998, written as the app writes days.

    A browser never sends the script a day typed outside a date box's range (by default ten
    years either side of the day shown): the box reddens and the script keeps the day it had,
    so the user's day would be lost without a word. Every box takes any day from FIRST_DAY to
    LAST_DAY; the domain refuses, in one sentence, a day it cannot keep. Only the year 9999
    is left to the box, which reddens and names the last day it takes.
    """
    return where.date_input(
        label,
        value=value,
        min_value=FIRST_DAY,
        max_value=LAST_DAY,
        format=DATE_INPUT_FORMAT,
        **kwargs,
    )


def form(key: str, **kwargs: Any) -> Any:
    """`st.form` that only its button sends.

    By default Enter in a text box sends the form: a user pressing Enter after a reply's
    subject logged the reply half written, and the notes they typed next went into a second
    entry, of the kind the cleared form had fallen back to.
    """
    return st.form(key, enter_to_submit=False, **kwargs)


def expander(label: str, key: str, **kwargs: Any) -> Any:
    """`st.expander` that stays as the user left it, open or shut, while other widgets run
    the page again.

    Without a key the browser knows an expander by its place: when the elements above it
    change (a search's results, a message at the top), it takes it for a new one and shows it
    at its `expanded` default. "Add a person by hand" folded shut, hiding the names typed in
    it, when a company typed in the search above it matched no one (seen in Chromium). Kept in
    `st.session_state[key]`, it stays put; a new `expanded` (a page's rule for opening it by
    itself) starts it afresh there, as before. Opening or shutting it runs the page again.
    """
    return st.expander(label, key=key, on_change="rerun", **kwargs)


OUTREACH_PAGE = "pages/3_outreach.py"


def compose_to(contact_id: int, kind: str = "outreach") -> None:
    """Open the Outreach composer on a person, for a first message or a follow-up."""
    st.session_state[COMPOSE_CONTACT_KEY] = int(contact_id)
    st.session_state[COMPOSE_KIND_KEY] = kind
    st.switch_page(OUTREACH_PAGE)


Result = TypeVar("Result")


# Answers for older data versions are never asked for again: the bounds keep them from
# piling up in a long session (the server's memory budget is 300 MB).
@st.cache_data(show_spinner=False, max_entries=500, ttl=3600)
def _cached_result(
    name: str,
    path: str,
    version: int,
    moment: int | None,
    key: tuple,
    _fn: Callable[..., Any],
    _conn: duckdb.DuckDBPyConnection,
    _args: tuple,
    _kwargs: dict,
) -> Any:
    return _fn(_conn, *_args, **_kwargs)


def _name(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


def _hashable(value: Any) -> Any:
    """The value as a cache key part: functions (which Streamlit can't hash) by their name."""
    if callable(value) and hasattr(value, "__qualname__"):
        return _name(value)
    if isinstance(value, list | tuple):
        return tuple(_hashable(item) for item in value)
    return value


def cached(
    fn: Callable[..., Result],
    conn: duckdb.DuckDBPyConnection,
    *args: Any,
    refresh_every: int | None = None,
    reads_reminders: bool = True,
    **kwargs: Any,
) -> Result:
    """`fn(conn, *args, **kwargs)`, computed once per version of the data.

    Streamlit reruns the whole page on every click; at 30,000 contacts the queries behind a
    page take longer than the click may. Every committed `db.transaction` (and a restore)
    changes `db.data_version`, which is part of the key, so a cached answer is never stale.
    An answer that also depends on the clock (what is due now) passes `refresh_every`
    seconds: it is worked out again at least that often. One that never reads the user's
    snoozes and dismissals (`due_item_states`) may pass `reads_reminders=False`: it is then
    kept across them (`db.content_version`), which a snooze would otherwise throw away.
    """
    moment = None if refresh_every is None else int(time.time() // refresh_every)
    key = (_hashable(args), tuple(sorted((k, _hashable(v)) for k, v in kwargs.items())))
    # Content versions count below zero, so the two kinds of key never meet.
    version = db.data_version(conn) if reads_reminders else -1 - db.content_version(conn)
    return _cached_result(
        name=_name(fn),
        path=str(database_path()),
        version=version,
        moment=moment,
        key=_fingerprint(key),
        _fn=fn,
        _conn=conn,
        _args=args,
        _kwargs=kwargs,
    )


def _fingerprint(key: tuple) -> tuple | str:
    """The key's pickle, hashed: equal pickles only for equal values, and far cheaper than
    Streamlit's hashing, which walked every dataclass in the key on every run (about a third of
    the Meetings page's run). A key that cannot be pickled is left to Streamlit."""
    try:
        return hashlib.blake2b(pickle.dumps(key, protocol=5)).hexdigest()
    except (pickle.PicklingError, TypeError, AttributeError):
        return key


def _digest(inputs: tuple) -> str:
    """A fingerprint of a figure's inputs: frames by their hashed cells, the rest by repr.

    Cheaper than Streamlit's own hashing, which walks every dataclass in a long list.
    """
    parts = []
    for value in inputs:
        if isinstance(value, pd.DataFrame):
            cells = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
            parts.append(repr((list(value.columns), list(value.dtypes))).encode() + cells)
        else:
            parts.append(repr(value).encode())
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


# Trace types our plotly.js bundle draws (static/plotly-infoint.min.js, `make plotly-bundle`).
CHART_TRACES = frozenset({"bar", "funnel", "scatter"})


CHART_HEIGHT = 450  # pixels, for a figure that names none, as Streamlit's own Plotly charts


@functools.cache
def _chart_component() -> Callable[..., Any]:
    script = Path(__file__).with_name("chart.js").read_text()
    return st.components.v2.component("infoint.chart", js=script, isolate_styles=False)


@st.cache_resource(show_spinner=False, max_entries=40, ttl=3600)
def _built_spec(name: str, digest: str, _build: Callable[..., Any], _inputs: tuple) -> dict:
    """`_build(*_inputs)`, a figure as plotly.js reads it (`charts.Figure`), once per distinct
    input. Shared, not copied: the component only serialises it."""
    return _build(*_inputs)


def load_charts_early() -> None:
    """Have the browser fetch and run Plotly's bundle for `chart` as Home's run starts, from
    the sidebar, rather than once the chart's own element arrives: Home's filters, metrics and
    their scripts come before the funnel and took a second to draw. The launcher names the
    bundle in the page itself (serve.py), so this matters when Home is reached from another
    page, or the app is run without the launcher."""
    with st.sidebar:
        _chart_component()(data={"script": PLOTLY_URL}, key="charts_early")


def chart(where: Any, build: Callable[..., Any], *inputs: Any, config: dict, key: str) -> None:
    """Draw `build(*inputs)`, a figure as plotly.js reads it (`charts.Figure`), in `where`
    with our plotly.js bundle.

    Not `st.plotly_chart`: it needs Plotly's Python package, which Streamlit imports whenever
    it is installed (16 MB of the server's memory, and 80-180 ms before Home's first figure),
    and it makes the browser load and run Plotly's full bundle (4.7 MB) before any chart
    appears, where ours is 1.2 MB. A trace type the bundle lacks is refused here.
    """
    name, digest = _name(build), _digest(inputs)
    spec = _built_spec(name, digest, build, inputs)
    if missing := {trace.get("type", "scatter") for trace in spec["data"]} - CHART_TRACES:
        raise ValueError(f"infoint's plotly.js cannot draw {', '.join(sorted(missing))}.")
    # Its height is reserved from the first frame: the component's own script, then the
    # bundle, take a moment to load, and a box that grew then pushed down what follows.
    height = spec["layout"].get("height", CHART_HEIGHT)
    data = {"figure": spec, "config": config, "script": PLOTLY_URL, "height": height}
    with where:
        _chart_component()(data=data, key=key, height=height)


# The data grid's 14 px Source Sans, each character's width rounded up to half a pixel
# (measured in Chromium), so a column sized to the longest words it holds shows them whole: in
# a fixed 120 px Name column "Priya Raghunathan, PhD" (142 px) read "Priya Raghunathan,".
_GRID_CHAR_PX = {
    3.0: " ",
    3.5: "',.:;ij|",
    4.0: "!Il",
    4.5: "()-[]f{}",
    5.0: "/\\rt",
    6.0: '"*?sz',
    6.5: "cvxy",
    7.0: "#$+0123456789<=>FJLY^_ek~",
    7.5: "ESTVXZag",
    8.0: "ACPR`bdhnopqu",
    8.5: "&BK",
    9.0: "DGU",
    9.5: "HNOQ",
    10.5: "Mw",
    11.0: "W",
    11.5: "%",
    12.0: "@m",
}
_GRID_PX_OF = {char: px for px, chars in _GRID_CHAR_PX.items() for char in chars}
_GRID_CELL_PADDING_PX = 16  # 8 px each side of the words


def grid_words_px(words: str) -> float:
    """How wide the grid draws `words`, near enough and never much less: an accented letter as
    its letter, a wide (East Asian) one as 14 px, any other as 8."""
    wide = 0.0
    for char in words:
        letter = unicodedata.normalize("NFKD", char)[:1] or char
        default = 14.0 if unicodedata.east_asian_width(char) in "WF" else 8.0
        wide += _GRID_PX_OF.get(letter, default)
    return wide


def grid_column_px(values, bounds: tuple[int, int]) -> int:
    """A column's width for its longest words shown whole, within `bounds`."""
    longest = max((grid_words_px(str(value)) for value in values), default=0.0)
    least, most = bounds
    return min(most, max(least, math.ceil(longest) + _GRID_CELL_PADDING_PX))
