from datetime import date, datetime

import streamlit as st

from infoint import followups, profile, text, ui
from infoint.errors import InfointError

conn = ui.page("Follow-ups")
# A snooze or dismissal that failed: (where: an item's key, or OLD_ITEMS, the message). It is
# shown there, beside what the user clicked, not at the top of a long page, by the run its
# click starts; taken off the page on the run after.
FAILED = "follow_ups_failed"
OLD_ITEMS = "old items"
# What a click did, said by the run it starts (`done`).
DONE = "follow_ups_done"
# Items shown at first, and added by each "show more": a short list reads (and runs) faster.
SHOWN_STEP = 10
SHOWN_KEY = "follow_ups_shown"
WAITING_SHOWN_KEY = "follow_ups_waiting_shown"
KIND_KEY = "follow_ups_kind"
# Whose answer to log: their record on Contacts opens at its log form (its tab's key, name).
WAITING_ANSWER_KEY = "follow_ups_answer_from"
CONTACT_TAB = "contact_tab"
LOG_TAB = "Log an interaction"
# The items snoozed or dismissed one by one on this visit: each keeps its place in the list,
# empty, so the cards below it stay where they are. Moved up by one, every card below is
# drawn anew: a snooze at item 100 of 160 cost Chromium 4.2 s of work, 1.8 to 2.2 s with
# the place kept.
HANDLED = "follow_ups_handled"
# The items snoozed or dismissed, listed at the foot of the page (a slip must lose nothing),
# each with its way back; and where a failure to bring one back is said (`FAILED`).
HIDDEN_OPEN_KEY = "follow_ups_hidden_open"
HIDDEN_SHOWN_KEY = "follow_ups_hidden_shown"
HIDDEN_ITEMS = "hidden items"
if ui.came_back():  # the page starts at its top: so do its lists
    st.session_state.pop(SHOWN_KEY, None)
    st.session_state.pop(WAITING_SHOWN_KEY, None)
    st.session_state.pop(HIDDEN_OPEN_KEY, None)
    st.session_state.pop(HIDDEN_SHOWN_KEY, None)
    st.session_state.pop(HANDLED, None)

st.title("What is due now?")
st.caption(
    f"No answer after {followups.TRY_ANOTHER_AFTER} business days, and no one else at that "
    "company answering or meeting you: try someone else there. "
    f"After {followups.FOLLOW_UP_AFTER}: one polite follow-up to the same person. "
    "Weekends and your holidays (Settings) don't count. Each item goes away once you log "
    f"what it suggests. Meetings and messages more than {followups.STALE_AFTER_DAYS} days back "
    "are left alone: write the thank-you for an older meeting on Meetings."
)
if said := st.session_state.pop(DONE, None):
    st.toast(said, icon=":material/check:", duration="long")

# the user's, in their time zone
today = datetime.now(ui.cached(profile.zone, conn, reads_reminders=False)).date()
waiting_shown = st.session_state.get(WAITING_SHOWN_KEY, SHOWN_STEP)
# What the rules find is kept across snoozes and dismissals (it reads none of them); which
# items those leave, and whom you wait on, is worked out on every run from it.
rules_found = ui.cached(followups.found, conn, refresh_every=60, reads_reminders=False)
agenda = followups.agenda(conn, waiting_limit=waiting_shown, rules_found=rules_found)
items, waiting, hidden = agenda.due, agenda.waiting, agenda.hidden


def show_more(key: str, now_shown: int) -> None:
    """A "show more" button's callback: the run it starts draws the longer list (a rerun
    after the click would draw the page twice)."""
    st.session_state[key] = now_shown + SHOWN_STEP


def done(message: str) -> None:
    """Say what a click did where the user is, however far down the page they have scrolled
    (a message drawn at the top of a long list goes unseen), and run the whole page: a click
    in a card runs only that card (`show_item`), but what it did changes the list, its
    counts and whom you wait on. A callback's `st.rerun()` makes the click's one run the
    page's, so the toast is kept for that run to show."""
    st.session_state[DONE] = ui.plain(message)
    st.rerun()


def failed(where: str, exc: InfointError) -> None:
    """Say, beside what was clicked, why it did nothing; the whole page runs, as for `done`."""
    st.session_state[FAILED] = (where, str(exc))
    st.rerun()


def show_failure(where: str) -> None:
    if st.session_state.get(FAILED, (None,))[0] == where:
        # shown as written, as `ui.show_error` shows errors: they may quote what was typed
        st.error(ui.as_written(st.session_state.pop(FAILED)[1]), icon=":material/error:")


def show_waiting() -> None:
    """Whom you are waiting on, below the due items or instead of them."""
    st.subheader(f"Waiting on {text.counted(waiting.count, 'person', 'people')}")
    st.caption(
        "Soonest first. If they stay silent, the next step falls due on the day shown; "
        "an answer or a meeting takes them off this list: log it below."
        + (
            f" The first {len(waiting.people)} are shown here."
            if waiting.count > waiting_shown
            else ""
        )
    )
    st.markdown(
        text.markdown_table(
            ["Person", "Company", "You wrote", "Next step"],
            [(p.name, p.company, text.day(p.wrote_on), p.next_step) for p in waiting.people],
        )
    )
    show_log_answer()
    if waiting.count > waiting_shown:
        st.button(
            "Show "
            + text.counted(
                min(SHOWN_STEP, waiting.count - waiting_shown), "more person", "more people"
            ),
            key="show_more_waiting",
            icon=":material/expand_more:",
            on_click=show_more,
            args=(WAITING_SHOWN_KEY, waiting_shown),
        )


def show_log_answer() -> None:
    """A way to log the answer of someone waited on: their record on Contacts, opened at
    its log form (which offers their reply first)."""
    people = {person.contact_id: person for person in waiting.people}

    def label(contact_id: int) -> str:
        person = people[contact_id]
        where = f" — {person.company}" if person.company else ""
        return f"{person.name}{where} · you wrote on {text.day(person.wrote_on)}"

    with st.container(horizontal=True, vertical_alignment="bottom"):
        chosen = st.selectbox(
            "Heard back from someone?",
            list(people),
            index=None,
            format_func=label,
            placeholder="Choose a person",
            key=WAITING_ANSWER_KEY,
        )
        if st.button(
            "Log their answer",
            key="log_answer",
            icon=":material/reply:",
            disabled=chosen is None,
            help="Opens their record on Contacts, at “Log an interaction”.",
        ):
            st.session_state[CONTACT_TAB] = LOG_TAB
            ui.open_contact(chosen)


def bring_back(item: followups.DueItem) -> None:
    """The callback of "Show it again": the item is due again, in its place in the list."""
    try:
        followups.show_again(ui.connection(), [item.key])
    except InfointError as exc:
        failed(HIDDEN_ITEMS, exc)
    else:
        handled = st.session_state.get(HANDLED, [])
        st.session_state[HANDLED] = [one for one in handled if one.key != item.key]
        done(f"Back on the list: {item.title}.")


def show_hidden() -> None:
    """What was snoozed or dismissed, latest first, each with a way back: one quiet line at
    the foot of the page, the list drawn only when asked for."""
    if not hidden:
        return
    dismissed = sum(one.dismissed for one in hidden)
    what = " and ".join(
        f"{verb} ({count:,})"
        for verb, count in (("snoozed", len(hidden) - dismissed), ("dismissed", dismissed))
        if count
    )
    if not st.toggle(f"Show what you {what}", key=HIDDEN_OPEN_KEY):
        return
    st.caption(
        "A snoozed item comes back by itself on its day, a dismissed one not at all. "
        '"Show it again" puts it back on the list now.'
    )
    show_failure(HIDDEN_ITEMS)
    hidden_shown = st.session_state.get(HIDDEN_SHOWN_KEY, SHOWN_STEP)
    for one in hidden[:hidden_shown]:
        when = (
            f"dismissed on {text.day(one.hidden_on)}"
            if one.dismissed
            else f"snoozed until {text.weekday_day(one.snoozed_until)}"
        )
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"{ui.plain(one.item.title)} · {when}", width="stretch")
            st.button(
                "Show it again",
                key=f"show_again_{one.item.key}",
                icon=":material/undo:",
                on_click=bring_back,
                args=(one.item,),
            )
    if len(hidden) > hidden_shown:
        st.button(
            "Show " + text.counted(min(SHOWN_STEP, len(hidden) - hidden_shown), "more item"),
            key="show_more_hidden",
            icon=":material/expand_more:",
            on_click=show_more,
            args=(HIDDEN_SHOWN_KEY, hidden_shown),
        )


if not items:
    # Why: whom you wait on, what you snoozed or dismissed, silence older than the rules look at.
    day = rules_found.today
    silent_before = ui.cached(followups.left_alone, conn, day, reads_reminders=False)
    quiet = followups.quiet(conn, plan=agenda, today=day, silent_before=silent_before)
    st.success(quiet.said(here=True), icon=":material/task_alt:")
    st.page_link("pages/3_outreach.py", label="Write to someone", icon=":material/edit:")
    if waiting.count:
        show_waiting()
    show_hidden()
    st.session_state.pop(FAILED, None)  # its item has gone: nowhere left to say it
    st.stop()


def start_short() -> None:
    """Another kind chosen: a new list, which starts short."""
    st.session_state.pop(SHOWN_KEY, None)
    st.session_state.pop(HANDLED, None)


counts = followups.count_by_kind(items)
st.markdown(f"**{text.counted(len(items), 'thing')} to do**, oldest first.")
st.caption(followups.describe_counts(counts))
kind = None
if len(counts) > 1:
    kinds = ["all", *(count.kind for count in counts)]
    if st.session_state.get(KIND_KEY) not in kinds:
        st.session_state[KIND_KEY] = "all"  # that kind is all done: back to everything
    chosen = st.pills(
        "Show",
        kinds,
        format_func=lambda option: "All" if option == "all" else followups.kind_label(option),
        key=KIND_KEY,
        on_change=start_short,
    )
    kind = None if chosen in (None, "all") else chosen
total = len(items)
items = followups.of_kind(items, kind)
shown = st.session_state.get(SHOWN_KEY, SHOWN_STEP)
if kind is not None or len(items) > shown:
    st.caption(
        (f"{followups.kind_label(kind)}: {len(items):,} of the {total:,}. " if kind else "")
        + (f"The first {shown} are shown here." if len(items) > shown else "")
    )


# The callbacks of the buttons that snooze or dismiss: each runs before the page's next run,
# so that one run shows the list without the item (a rerun after the click would draw every
# card twice).


def keep_place(item: followups.DueItem) -> None:
    """Keep a snoozed or dismissed item's place in the list (`HANDLED`), once."""
    handled = st.session_state.setdefault(HANDLED, [])
    if all(one.key != item.key for one in handled):
        handled.append(item)


def snooze(item: followups.DueItem) -> None:
    until = st.session_state[f"until_{item.key}"]
    try:
        followups.snooze(ui.connection(), item.key, until, today)
    except InfointError as exc:
        failed(item.key, exc)
    else:
        keep_place(item)
        done(f"Snoozed until {text.day(until)}: {item.title}.")


def dismiss(item: followups.DueItem) -> None:
    try:
        followups.dismiss(ui.connection(), item.key)
    except InfointError as exc:
        failed(item.key, exc)
    else:
        keep_place(item)
        done(f"Dismissed: {item.title}.")


def snooze_old(keys: list[str], until: date, what: str) -> None:
    try:
        followups.snooze_many(ui.connection(), keys, until, today)
    except InfointError as exc:
        failed(OLD_ITEMS, exc)
    else:
        done(f"Snoozed {what} until {text.weekday_day(until)}.")


def dismiss_old(keys: list[str], what: str) -> None:
    try:
        followups.dismiss_many(ui.connection(), keys)
    except InfointError as exc:
        failed(OLD_ITEMS, exc)
    else:
        done(f"Dismissed {what}.")


def clear_old(old: list[followups.DueItem]) -> None:
    """Snooze or dismiss, after a yes, every shown item overdue for weeks: a long list of
    old items hides what is due today."""
    what = text.counted(len(old), "item") + (f" ({followups.kind_label(kind)})" if kind else "")
    days = followups.OLD_AFTER_DAYS
    until = ui.cached(
        followups.default_snooze_day,
        conn,
        today,
        followups.BULK_SNOOZE_BUSINESS_DAYS,
        reads_reminders=False,
    )
    keys = [item.key for item in old]
    # The count is said inside, not in the label: a box whose label changes is a new box to
    # the browser, and it shut as the user snoozed its items one at a time ('93 items…' became
    # '92 items…').
    with ui.expander(
        f"Items overdue by more than {days} days: snooze or dismiss them all",
        "old_items_open",
        icon=":material/event_busy:",
    ):
        are = "is" if len(old) == 1 else "are"
        st.markdown(ui.plain(f"{what} {are} overdue by more than {days} days."))
        show_failure(OLD_ITEMS)
        ui.ask_first(
            "bulk_snooze",
            "Snooze all these for a working week",
            f"Snooze {what} overdue by more than {days} days until "
            f"{text.weekday_day(until)}? Those still due come back that day.",
            f"Yes, snooze {len(old):,}",
            on_confirm=lambda: snooze_old(keys, until, what),
        )
        ui.ask_first(
            "bulk_dismiss",
            "Dismiss all these",
            f"Dismiss {what} overdue by more than {days} days? They will not come back by "
            "themselves; the list at the foot of this page can show them again.",
            f"Yes, dismiss {len(old):,}",
            on_confirm=lambda: dismiss_old(keys, what),
        )


if old := followups.long_overdue(items, today):
    clear_old(old)


def open_action(item: followups.DueItem) -> None:
    for key, value in item.action_state:
        st.session_state[key] = value
    st.switch_page(item.action_page)


# The day each item's snooze offers (weekends and holidays skipped); any later day may be picked.
snooze_offered = ui.cached(followups.default_snooze_day, conn, today, reads_reminders=False)


@st.fragment
def show_item(item: followups.DueItem, kind_of_button: str) -> None:
    """One item's card. A click in it runs only the card, not a page of 160 cards (seconds
    in a browser): opening the dismissal's question, picking a day. A snooze or dismissal
    done then runs the whole page (`done`), which leaves the card out."""
    # Every card and widget is keyed by its item: when an item goes, the one taking its place
    # keeps nothing of it (an open Snooze, a question asked).
    with st.container(border=True, key=f"item_{item.key}"):
        label = followups.kind_label(item.kind)
        overdue = (today - item.due_on).days
        since = "due today" if overdue <= 0 else f"due since {text.day(item.due_on)}"
        st.markdown(f"**{ui.plain(item.title)}**")
        st.caption(f"{label} · {since}")
        st.markdown(ui.plain(item.detail))
        if item.compose_kind and item.people:
            for person_id, person in item.people:
                if st.button(
                    f"{item.action_label} {ui.plain(person)}",
                    key=f"write_{item.key}_{person_id}",
                    icon=":material/edit:",
                    type=kind_of_button,
                ):
                    ui.compose_to(person_id, item.compose_kind)
                kind_of_button = "secondary"
        elif item.compose_kind and item.contact_id is not None:
            if st.button(
                item.action_label,
                key=f"act_{item.key}",
                icon=":material/edit:",
                type=kind_of_button,
            ):
                ui.compose_to(item.contact_id, item.compose_kind)
        elif st.button(
            item.action_label,
            key=f"act_{item.key}",
            icon=":material/arrow_forward:",
            type=kind_of_button,
        ):
            open_action(item)
        # One row of its own: fewer elements for the browser to draw than columns (four).
        with st.container(horizontal=True):
            if item.contact_id is not None and st.button(
                "Open the contact", key=f"contact_{item.key}", icon=":material/person:"
            ):
                ui.open_contact(item.contact_id)
            # Its contents are drawn on every run, closed or not: drawing them only while open
            # (on_change="rerun") costs a run to open it, more than it saves.
            with st.popover("Snooze", icon=":material/snooze:", key=f"snooze_menu_{item.key}"):
                ui.day_input(st, "Show it again on", value=snooze_offered, key=f"until_{item.key}")
                st.button("Snooze", key=f"snooze_{item.key}", on_click=snooze, args=(item,))
            ui.ask_first(
                f"dismiss_{item.key}",
                "Dismiss",
                "Dismiss this? It will not come back by itself; the list at the foot of this "
                "page can show it again.",
                "Yes, dismiss",
                on_confirm=lambda: dismiss(item),
            )
        show_failure(item.key)


# The first item's action is the page's one primary action: the thing to do first.
listed = items[:shown]
due_keys = {item.key for item in items}
last = (listed[-1].due_on, listed[-1].title)
gone = [
    item
    for item in st.session_state.get(HANDLED, [])
    if item.key not in due_keys and kind in (None, item.kind) and (item.due_on, item.title) <= last
]
primary = "primary"
for item in sorted([*listed, *gone], key=lambda item: (item.due_on, item.title)):
    if item.key in due_keys:
        show_item(item, primary)
        primary = "secondary"
    else:
        st.container(key=f"gone_{item.key}")  # its place kept, empty

if len(items) > shown:
    st.button(
        "Show "
        + text.counted(
            min(SHOWN_STEP, len(items) - shown), "more thing to do", "more things to do"
        ),
        key="show_more",
        icon=":material/expand_more:",
        on_click=show_more,
        args=(SHOWN_KEY, shown),
    )

if waiting.count:
    st.divider()
    show_waiting()
show_hidden()
st.session_state.pop(FAILED, None)  # one for an item no longer shown: nowhere left to say it
