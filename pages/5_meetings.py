import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import streamlit as st

from infoint import (
    contacts,
    followups,
    ics,
    insights,
    interactions,
    meetings,
    outreach,
    profile,
    questions,
    text,
    ui,
)
from infoint.errors import InfointError

conn = ui.page("Meetings")
FLASH = "meetings_flash"
# A confirmation said beside the button that caused it, not at the top of the page, 1,000 px
# above where the user clicked (a walkthrough missed 'Prep sheet saved.' and 'Question
# added.'): `done(..., near=...)` keeps it by place, and `where_clicked.here` shows it there,
# once: it waits until a run draws its place (`ui.SaidHere`'s `until_said`).
where_clicked = ui.SaidHere("meetings_flash_near", until_said=True)
REMOVED = "meeting_removed"  # where 'Meeting removed.' is said (`where_clicked.here`)
# Under a debrief's confirmation when it added people: the way to write to them.
TO_OUTREACH = (ui.OUTREACH_PAGE, "Write to them on the Outreach page", ":material/edit:")
BANK_OPEN = "bank_open"  # the question bank's expander, kept open while it is worked in
SCHEDULE_OPEN = "schedule_open"  # whether "Schedule a meeting" is open (`ui.expander`)
SCHEDULED = "meeting_scheduled"  # a meeting was just scheduled: the form is put away
SCHEDULE_SEEN_OPEN = "schedule_seen_open"  # (shown open, open by default) on the last run
SCHEDULE_BOX = "schedule_box"  # what the form holds and says: brought into view (`show_schedule`)
CHOSEN = meetings.OPEN_MEETING_KEY
DUE_SHOWN = 5
OUTCOMES = {"held": "We met", "cancelled": "It was cancelled", "no_show": "They did not show up"}
TABS = ("Prepare", "Debrief", "Thank you", "Change")
TAB = "meeting_tab"  # the open tab, which the page sets when it opens a meeting
TAB_FOR = "meeting_tab_for"  # the meeting that tab was chosen for
NEXT_TAB = "meeting_next_tab"
DUE_TABS = {"prepare": "Prepare", "debrief": "Debrief", "thank_you": "Thank you"}
# Streamlit forgets a page's widgets when the user leaves it: a thank-you in progress (its
# meeting, the tab and the channel) is kept here too and put back on the way in, so the trip
# to Settings through "Fill in your name" comes back to it. Its words: `ui.draft_boxes`.
KEPT = "meetings_kept"
# What the user typed or picked in a prep sheet and has not saved, by its box's key, with the
# saved text it was typed over (`stored_text`, `keep_typed`): Home and back loses none of it.
TYPED = "meetings_prep_typed"
PICK_FIRST = "meeting_pick_first"  # set by a new search: its newest meeting comes up
# A start long ago waiting for the user's yes (`ui.date_is_right`), with what to schedule then.
SCHEDULE_ASKED = "schedule_date_asked"
PROMISED = "{} to {} minutes".format(*meetings.PROMISED_MINUTES)  # the boxes' help says it
# The boxes this run put words in through session state (`stored_text`), which the browser is
# sent as set; every other box is drawn with the words it holds as its default (`as_held`).
set_here: set[str] = set()
# The containers, by key, that a click on this run brought up and that are scrolled into view
# (`ui.bring_into_view`), drawn at the page's end: there its element moves nothing on the page.
into_view: list[str] = []

now = datetime.now(UTC)
# Meeting lists are cached per minute: one that ended seconds ago moves on the next minute.
this_minute = now.replace(second=0, microsecond=0)
zone = ui.cached(profile.zone, conn)
zone_said = profile.zone_label(zone, now)  # "Berlin (Europe), now UTC+1", not a zone's key


def done(
    message: str,
    meeting_id: int | None = None,
    tab: str | None = None,
    *,
    near: str = "",
    to_outreach: bool = False,
) -> None:
    """Say what happened on the next run, which shows the fresh data (on `tab`, if given): at
    the top of the page, or where `where_clicked.here(near)` is, beside the button clicked,
    there with the way to Outreach when `to_outreach` (new contacts to write to)."""
    if near:
        where_clicked.keep(near, message, link=TO_OUTREACH if to_outreach else None)
    else:
        st.session_state[FLASH] = message
    if meeting_id is not None:
        st.session_state[CHOSEN] = meeting_id
    if tab is not None:
        st.session_state[NEXT_TAB] = tab
    st.rerun()


def tab_for(meeting: meetings.MeetingSummary) -> str:
    """The tab a meeting needs next: prepare it, record how it went, or say thank you."""
    if meeting.status == "held":
        return "Debrief" if meeting.thanked else "Thank you"
    if meeting.status == "scheduled" and meeting.starts_at > now:
        return "Prepare"
    return "Debrief"


def when(moment: datetime) -> str:
    """The moment as the user's clock shows it: '26 Nov 2026, 14:30'."""
    return text.moment(moment.astimezone(zone))


def stored_text(key: str, stored: object) -> str:
    """Show the saved text again once it changed elsewhere (a debrief adds to the company
    notes), so the browser's older copy cannot be saved back over it, and once the box was
    forgotten (Streamlit forgets a page's boxes when the user leaves it, not this note of
    what they held: they came back empty, and a save then wiped the notes); returns the key.

    A forgotten box the user had typed in (or a pick of questions) comes back with what they
    left in it, not yet saved (`keep_typed`), while what is saved is still what it was then."""
    seen = f"{key}_stored"
    if st.session_state.get(seen) != stored or key not in st.session_state:
        typed = st.session_state.get(TYPED, {}).get(key)
        forgotten = key not in st.session_state
        kept = forgotten and typed is not None and typed["stored"] == stored
        st.session_state[key] = typed["typed"] if kept else stored
        st.session_state[seen] = stored
        set_here.add(key)
    return key


def as_held(key: str, fallback: object = None, name: str = "value") -> dict:
    """The box's default (`name`, as its widget calls it): what it holds, else `fallback`.

    A menu link clicked right as a box loses focus can send the page change before the box's
    words: Streamlit then runs this page again with the words while the browser, having let go
    of its boxes' values for the page change, draws each box from its default and sends that
    with the next click. The prep sheet came back empty in Chromium (10 runs in 12), and a
    save then wiped the notes. Drawn with what it holds as its default, a box falls back to
    its own words. Not a box set through session state on this run (`set_here`): Streamlit
    refuses a default beside that, and the browser is told those words anyway."""
    if key in set_here or key not in st.session_state:
        return {} if fallback is None else {name: fallback}
    held = st.session_state[key]
    del st.session_state[key]  # drawn anew from the default, with the same words
    return {name: held}


def keep_typed(key: str, stored: object) -> None:
    """Copy what the user put in a prep sheet's box out of it, so a trip to another page does
    not lose it before they save (Streamlit drops the box's state on the way). Called as the
    box's `on_change`, which runs even when the change comes with a click on another page's
    link, and after drawing it. Like `ui.draft_boxes`, a box back at the saved text keeps the
    words last typed: a link clicked right after typing can send the box's first text back."""
    value = st.session_state.get(key)
    if key in st.session_state and value != stored:
        st.session_state.setdefault(TYPED, {})[key] = {"typed": value, "stored": stored}


def keep_typed_over_stored(key: str) -> None:
    """`keep_typed` over the saved text the box was last drawn with, on every run of any page
    (`ui.keep_box`): its `on_change` can be cut short by a menu link clicked right after."""
    if (seen := f"{key}_stored") in st.session_state:
        keep_typed(key, st.session_state[seen])


def kept_box(key: str, stored: object, default: str | None = "value") -> dict:
    """The keyword arguments of a prep sheet's box showing `stored`: its key (`stored_text`),
    the copy of what is typed in it (`keep_typed`, and `keep_typed_over_stored` on every run)
    and, unless `default` is None, what it holds as its `default` argument (`as_held`)."""
    ui.keep_box(key, keep_typed_over_stored)
    return {
        "key": stored_text(key, stored),
        "on_change": keep_typed,
        "args": (key, stored),
        **(as_held(key, name=default) if default else {}),
    }


def shown_value(key: str, value: object) -> str:
    """Put `value` in the box again once what it shows changed here (a new time zone moves the
    hour shown, a change saved moves the day): a keyed box keeps what it held before, so it read
    09:00 in Kolkata for a meeting at 14:30 there, and saving sent that back. Returns the key."""
    seen = f"{key}_shown"
    if st.session_state.get(seen) != value and key in st.session_state:
        st.session_state[key] = value
    st.session_state[seen] = value
    return key


def show_due() -> bool:
    """This page's share of the due-now list (snoozed and dismissed items stay hidden);
    True when something is due, which is then the next step."""
    due = ui.cached(followups.due_items, conn, rules=[followups.meeting_due], refresh_every=60)
    if not due:
        return False
    with st.container(border=True):
        st.subheader("Due now")
        for item in due[:DUE_SHOWN]:
            # A fifth of the box, 800 px wide (the sidebar open), cut its button to "Recor…":
            # two fifths, and its words wrap where that is still too narrow.
            words, action = st.columns([3, 2])
            words.markdown(f"**{ui.plain(item.title)}**  \n{ui.plain(item.detail)}")
            if action.button(item.action_label, key=f"due_{item.key}", wrap=True):
                done(
                    "Here it is, below.",
                    dict(item.action_state)[meetings.OPEN_MEETING_KEY],
                    DUE_TABS.get(item.kind),
                )
        more = f"{len(due) - DUE_SHOWN} more, and " if len(due) > DUE_SHOWN else ""
        # Short: a link's words do not wrap, and at 800 px "(snooze or dismiss there)" was cut.
        st.page_link(
            "pages/4_follow_ups.py",
            label=f"See {more}everything due on Follow-ups",
            icon=":material/schedule:",
            help="Snooze or dismiss what is due there.",
        )
    return True


def one_found_is_picked() -> None:
    """A search that finds exactly one person picks them, as on Outreach and Contacts: 'Lena
    Park' + Enter left the Person box at 'Choose who you are meeting', and scheduling then
    refused. Two or more leave the choice to the user."""
    typed = st.session_state.get("schedule_search", "")
    if typed.strip() and len(found := meetings.people_to_meet(conn, typed, limit=2)) == 1:
        st.session_state["schedule_person"] = found[0].id


def clear_schedule_form() -> None:
    """Empty the form once its meeting is booked, before its boxes are drawn: opened again, it
    held the same person, day, time and place, and Schedule booked the same meeting twice.
    The boxes set here are drawn without a default on this run (`schedule_default`)."""
    suggested = meetings.suggested_start(conn)
    cleared = {
        "schedule_search": "",
        "schedule_person": None,
        "schedule_day": suggested.date(),
        "schedule_time": suggested.time(),
        "schedule_minutes": meetings.DEFAULT_MINUTES,
        "schedule_place": "",
    }
    for key, value in cleared.items():
        st.session_state[key] = value
        set_here.add(key)


def schedule_default(key: str, value: object, unset: str) -> object:
    """The default of the form's box `key`: `value`, or `unset` (the widget's own word for
    none: "today", "now", "min") on a run that set the box through session state
    (`clear_schedule_form`). Given both, Streamlit logs 'The widget with key "schedule_day"
    was created with a default value but also had its value set via the Session State API.'
    and the session state's value is the one shown either way."""
    return unset if key in set_here else value


def show_schedule(expanded: bool) -> None:
    # Put away once a meeting is scheduled, the new one shown below: left open, the person and
    # place still in it, the form read as not yet sent (before it kept its state, the message
    # said at the top shut it).
    if st.session_state.pop(SCHEDULED, False):
        st.session_state[SCHEDULE_OPEN] = False
        clear_schedule_form()
    if ui.came_back():  # shown from the top on the way in: nothing is brought into view
        st.session_state.pop(SCHEDULE_SEEN_OPEN, None)
    with (
        ui.expander(
            "Schedule a meeting", SCHEDULE_OPEN, icon=":material/event:", expanded=expanded
        ),
        st.container(key=SCHEDULE_BOX),
    ):
        said = schedule_form()
    # Opened by the user, the form comes into view: under "Due now" at 800x800 its Person box
    # was cut at the window's foot, the button below it. So does what a click on the button
    # says under it ("Choose who you are meeting first" was drawn below the window's foot).
    # Its default (`expanded`) is part of the expander's identity: when the default flips (the
    # last item due handled), Streamlit opens it anew, which no one asked to see.
    now_open = bool(st.session_state.get(SCHEDULE_OPEN))
    if said or (now_open and st.session_state.get(SCHEDULE_SEEN_OPEN) == (False, expanded)):
        into_view.append(SCHEDULE_BOX)
    st.session_state[SCHEDULE_SEEN_OPEN] = (now_open, expanded)


def schedule_form() -> bool:
    """The form in "Schedule a meeting"; True when its button was clicked and what that said
    (a refusal, a question about the date) is at its foot."""
    search = st.text_input(
        "Who are you meeting? Type part of a name or company",
        key="schedule_search",
        placeholder="Leave empty to see the people who replied",
        on_change=one_found_is_picked,
    )
    found = {p.id: p.label for p in ui.cached(meetings.people_to_meet, conn, search)}
    if not found:
        st.info(
            "No one matches. Add the person on the Contacts page first."
            if search.strip()
            else "No one is waiting for a meeting: people appear here once you log their "
            "reply, until a meeting with them is booked. Or type a name to find anyone in "
            "your contacts."
        )
        return False
    # Empty at first: scheduling with the first who replied, never chosen, booked a
    # meeting with the wrong person. Another page's person has its own form (Contacts).
    # Outside the form, so choosing someone runs the page again and takes away the
    # "Choose who you are meeting first" said before, which no longer applies.
    person = st.selectbox(
        "Person",
        list(found),
        index=None,
        placeholder="Choose who you are meeting",
        format_func=found.get,
        key="schedule_person",
    )
    with ui.form("schedule_form", border=False):
        suggested = meetings.suggested_start(conn)
        day_box, time_box, minutes_box = st.columns(3)
        day = ui.day_input(
            day_box,
            "Date",
            value=schedule_default("schedule_day", suggested.date(), "today"),
            key="schedule_day",
            help="Your next working day to start with: change it to the day you agreed.",
        )
        at = time_box.time_input(
            f"Time in {zone_said}",
            value=schedule_default("schedule_time", suggested.time(), "now"),
            step=900,
            key="schedule_time",
        )
        # No bounds on the box: out of them it only turned red and Schedule did nothing,
        # without a word; the domain says what fits instead (as the debrief's minutes).
        minutes = minutes_box.number_input(
            "Minutes you promise",
            value=schedule_default("schedule_minutes", meetings.DEFAULT_MINUTES, "min"),
            step=5,
            key="schedule_minutes",
            help=f"From {PROMISED}. Twenty minutes is plenty for a first conversation, "
            "and easy to say yes to.",
        )
        place = st.text_input(
            "Place or video link", key="schedule_place", placeholder="Café Central, or a link"
        )
        form = (person, day, at, minutes, place)  # what a question about the date is of
        clicked = st.form_submit_button("Schedule the meeting", type="primary")
        if clicked:
            st.session_state.pop(SCHEDULE_ASKED, None)  # a new try: asked afresh
            try_schedule(found, form)
    if wanted := ui.date_is_right(SCHEDULE_ASKED, form):
        schedule(*wanted)
    return clicked


def try_schedule(found: dict[int, str], form: tuple) -> None:
    """Schedule what the form holds (`form`: person, day, time, minutes, place), or say why
    not, or ask about a day long ago first."""
    person, day, at, minutes, place = form
    if person is None:
        st.error(
            "Choose who you are meeting first, in the Person box.",
            icon=":material/error:",
        )
        return
    try:
        meetings.check_promised_minutes(int(minutes))  # before asking about the date
        start = meetings.local_start(day, at, zone)
        meetings.check_after_first_contact(conn, person, start)  # before asking
        question = meetings.long_ago_question(conn, start, now=now)
    except InfointError as exc:
        ui.show_error(exc)
    else:
        wanted = (found[person], person, start, int(minutes), place)
        if question:
            ui.ask_date(
                SCHEDULE_ASKED,
                question,
                who=found[person],
                day=text.day(start.astimezone(zone)),
                form=form,
                wanted=wanted,
            )
        else:
            schedule(*wanted)


def schedule(label: str, person: int, start: datetime, minutes: int, place: str) -> None:
    try:
        new_id = meetings.schedule_meeting(
            conn, person, start, promised_minutes=minutes, place=place
        )
    except InfointError as exc:
        ui.show_error(exc)
    else:
        st.session_state[SCHEDULED] = True
        # opens on Prepare, or on Debrief for a meeting logged after the fact
        done(meetings.scheduled_sentence(conn, ui.plain(label), start), new_id)


def show_time_zone() -> None:
    # The control Settings has too (`ui.pick_time_zone`); its keys: time_zone_pick and _save.
    with st.popover(f"Your time zone: {zone_said}", icon=":material/public:"):
        if chosen := ui.pick_time_zone(conn):
            said = profile.zone_label(ZoneInfo(chosen), now)
            done(f"Meeting times are now shown in {said}.")


# Coming up is a static table whose cells wrap where the window needs it (`st.table`): in the
# grid a row's height is set once for every window, and the 456 px an 800 px window leaves a
# table (sidebar open, scroll bars drawn) needed the demo's 'Otto Blom (Vantage Analytics LLC)'
# on two lines, so its rows were 65 px tall at 1280 px too, where it reads on one; with the
# heavy data's places ('Café near their office') 84 px, and the grid's own scroll bar put
# Prepared out of view at 800. Now a row is one line where it fits (the demo at 1280 px), and
# the name and the place wrap where it does not; the day and time never break.
UPCOMING_IN_VIEW = 10  # rows, then the table scrolls under its header
UPCOMING_HEIGHT = 400  # px: the header and about ten one-line rows
# A long word (a video call's link, an address) broke nowhere: at 800 px the table was 608 px
# wide in its 458, Minutes and Prepared past the edge. In the words shown (what is saved stays
# as typed) a zero-width space lets it break after / ? & . @ = _, and every ten letters of a
# run without them ('pwd=abcdefghijklmnop'); the browser breaks there only where it must.
BREAK_AFTER = re.compile(r"[^\s/?&.@=_]{10}(?=[^\s/?&.@=_])|[/?&.@=_](?=\S)")


def breakable(words: str) -> str:
    """`words` for a cell of Coming up: free to break in a long word (`BREAK_AFTER`), as typed,
    and an address as text, not a link, as the grid showed it (`ui.as_text`)."""
    spaced = BREAK_AFTER.sub(lambda found: found.group() + "\N{ZERO WIDTH SPACE}", words)
    return ui.as_text(spaced)


def show_upcoming(upcoming: list[meetings.MeetingSummary]) -> None:
    st.subheader("Coming up")
    if not upcoming:
        st.caption("Nothing scheduled. When someone agrees to talk, schedule it above.")
        return
    st.caption(f"{text.counted(len(upcoming), 'meeting')} ahead of you, soonest first.")
    named = ui.cached(meetings.titles, conn, tuple(upcoming))  # namesakes told apart
    st.table(
        [
            {
                "When": when(m.starts_at).replace(" ", "\N{NO-BREAK SPACE}"),
                # as typed: a table's cells are Markdown
                "With": breakable(named[m.id]),
                "Place": breakable(m.place),
                "Minutes": m.promised_minutes,
                "Prepared": "yes" if m.prepared else "not yet",
            }
            for m in upcoming
        ],
        hide_index=True,
        border="horizontal",
        height="content" if len(upcoming) <= UPCOMING_IN_VIEW else UPCOMING_HEIGHT,
    )
    st.download_button(
        "Download all upcoming meetings (.ics)",
        # Made when clicked, on a cursor of its own (the click is served outside this run).
        data=lambda: ics.upcoming_ics(conn.cursor(), now),
        file_name="infoint-upcoming-meetings.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        key="download_upcoming",
        help="One calendar file with every meeting still ahead; your notes stay out of it.",
    )


def open_asked_meeting() -> None:
    """Open the meeting, on its tab, that an action or another page asked for.

    Done first thing in the run: a click that interrupts this run (on a tab, say) then
    still wins over it. "Write the thank-you" lands on the thank-you draft.
    """
    asked = st.session_state.pop(CHOSEN, None)
    if asked is None:
        return
    tab = st.session_state.pop(NEXT_TAB, None)
    if tab is None:
        try:
            tab = tab_for(ui.cached(meetings.summary, conn, asked))
        except InfointError:
            return
    pick(asked)
    st.session_state[TAB] = tab
    st.session_state[TAB_FOR] = asked


FIND_SEEN = "meeting_find_seen"  # what the search box held on this page's last run


def pick_afresh() -> None:
    """A new search: its newest meeting comes up, rather than the one picked before it (or
    the thank-you kept for the way back, which would put that one back).

    Only a search that changed: after a menu link clicked right as a prep sheet's box lost
    focus, Streamlit ran the other page, then this one again with the box's words, and the
    search box, forgotten on the way, came back with the same words as a change: the first
    meeting came up over the one being prepared, and its words were lost."""
    if st.session_state.get("meeting_find", "") == st.session_state.get(FIND_SEEN, ""):
        return
    st.session_state[PICK_FIRST] = True
    st.session_state.pop(KEPT, None)


PICKED_LABEL = "meeting_pick_label"  # (id, words) the Meeting box last showed for its pick


def pick(meeting_id: int | None) -> None:
    """Put this meeting in the Meeting box. Set, never just forgotten: a forgotten pick
    leaves the browser showing the old meeting's label over the new one's notes."""
    st.session_state["meeting_pick"] = meeting_id


def preparing(meeting_id: int | None) -> bool:
    """Whether words typed in this meeting's prep sheet wait to be saved (`keep_typed`)."""
    typed = st.session_state.get(TYPED, {})
    return meeting_id is not None and any(
        f"prep_{box}_{meeting_id}" in typed for box in ("company", "person", "goal", "questions")
    )


def choose_meeting(choices: dict[int, meetings.MeetingSummary]) -> int | None:
    """The meeting to work on: the one just acted on, one named in the URL, or the user's pick."""
    shown_id, shown_label = st.session_state.get(PICKED_LABEL, (None, None))
    if "meeting_pick" not in st.session_state and preparing(shown_id):
        # The box forgotten with its pick while words typed in that meeting's prep sheet wait
        # to be saved: it stays open, as a thank-you in progress does (`keep_thank_you`). Under
        # load, a menu link clicked right as a prep box lost focus could stop Meetings' run with
        # the words before it began, and back on Meetings the first meeting came up over the
        # one being prepared (e2e meetings_words_kept's second test, 2 traced runs of 2).
        pick(shown_id)
    if st.session_state.pop(PICK_FIRST, False):
        pick(next(iter(choices), None))
    asked = st.query_params.pop("meeting", None)
    if asked and asked.isdigit():
        if int(asked) not in choices:
            try:
                choices[int(asked)] = meetings.summary(conn, int(asked))
            except InfointError:
                st.warning("That meeting no longer exists; choose another below.")
        if int(asked) in choices:
            pick(int(asked))
    picked = st.session_state.get("meeting_pick")
    if picked is not None and not isinstance(picked, int):  # words, never an id: whose they are
        picked = shown_id if picked == shown_label else next(iter(choices), None)
        pick(picked)
    if picked is not None and picked not in choices:  # kept in the list while it is worked on
        try:
            choices[picked] = ui.cached(meetings.summary, conn, picked)
        except InfointError:  # removed meanwhile
            picked = next(iter(choices), None)
            pick(picked)
    # Who and when first, then the status; the company, and what tells namesakes apart, last.
    # The box shows one line: at 800 px (the sidebar open) "30 Nov 2026, 03:00 — Priya
    # Raghunathan, PhD (Northwind Health Partn…" was cut before the status; now the company is
    # what gives way, named whole on the prep sheet below.
    beside = ui.cached(meetings.details_beside_names, conn, tuple(choices.values()))
    labels = {
        i: f"{m.person} — {when(m.starts_at)} · {meetings.STATUS_LABELS[m.status].lower()}"
        + (f" · {', '.join(beside[i])}" if beside[i] else "")
        for i, m in choices.items()
    }
    # The browser keeps the words it was last sent as the box's value, and sends them back
    # with the next click. The pick is set again on every run, which sends its words: else,
    # when they changed while it stayed picked (a new time zone, a status, a name), the box
    # went on showing "09:00" after a move to Kolkata and handed that label to the page as its
    # pick; and after a menu link clicked right as a prep sheet's box lost focus (`as_held`),
    # the browser drew the box from its first option over the meeting being prepared, and the
    # next click opened that one, the words typed meanwhile lost.
    if picked in labels:
        pick(picked)
    chosen = st.selectbox(
        "Meeting",
        list(labels),
        format_func=lambda i: labels.get(i, str(i)),  # words already are what they say
        key="meeting_pick",
    )
    if chosen is not None and chosen not in labels:  # never a label where an id is expected
        chosen = next((i for i, said in labels.items() if said == chosen), None)
    st.session_state[PICKED_LABEL] = (chosen, labels.get(chosen))
    return chosen


PREP_AFTER = (
    "This meeting is over: its prep sheet stays as you left it, to read again before the next "
    "one. Say how it went under Debrief."
)


def show_prepare(current: meetings.MeetingSummary, sheet: meetings.PrepSheet, title: str) -> None:
    """The prep sheet, headed by the meeting's `title` (its person told apart from namesakes)."""
    chosen = current.id
    where = contacts.place_words(current.place, keep_link=True)
    place = f", {ui.plain(where)}" if where else ""
    length = (
        insights.minutes_in_words(current.actual_minutes, current.promised_minutes)
        if current.actual_minutes
        else f"{current.promised_minutes} minutes promised"
    )
    st.markdown(f"**{ui.plain(title)}**, {when(current.starts_at)}, {length}{place}")
    # Advice for before a meeting reads wrong under one that is over: the sheet stays, to
    # read again or to fill in afterwards.
    ahead = current.status == "scheduled" and current.starts_at > now
    if not ahead and current.status != "cancelled":
        st.caption(PREP_AFTER)
    if met_there := sheet.met_there:
        st.caption(met_there)
    company_box, person_box = st.columns(2)
    company_notes = None  # None: the company's notes are not saved from this sheet
    if sheet.no_company:  # 'N/A' on their record: no company to read up on
        company_box.info(ui.plain(sheet.no_company), icon=":material/domain_disabled:")
        if kept := sheet.kept_under_placeholder:
            company_notes = company_box.text_area(
                f"Notes kept under “{ui.plain(sheet.company)}”",
                height=120,
                **kept_box(f"prep_company_{chosen}", sheet.company_notes),
            )
            company_box.caption(ui.plain(kept))
    else:
        company_notes = company_box.text_area(
            f"About {ui.plain(sheet.company)}" if sheet.company else "About the company",
            height=200,
            **kept_box(f"prep_company_{chosen}", sheet.company_notes),
            disabled=sheet.company_id is None,
            placeholder="No company on this person's record yet."
            if sheet.company_id is None
            else "",
            help="What they do, recent news, what you want to understand. Kept with the "
            "company, so the next meeting there starts from it.",
        )
    person_notes = person_box.text_area(
        f"About {ui.plain(sheet.person)}",
        height=200,
        **kept_box(f"prep_person_{chosen}", sheet.person_notes),
        help="Their path so far, what they post or write about. Kept with the contact.",
    )
    goal = st.text_input(
        "What do you want to learn from this conversation?",
        **kept_box(f"prep_goal_{chosen}", sheet.meeting.prep_notes),
    )
    st.markdown("**Questions to ask**")
    category_box, need_box = st.columns(2)
    categories = category_box.multiselect(
        "Kind of question",
        questions.CATEGORIES,
        format_func=lambda c: f"{questions.CATEGORY_LABELS[c]}: {questions.CATEGORY_HELP[c]}",
        key="bank_categories",
        placeholder="All kinds",
    )
    needs = need_box.multiselect(
        "What you need to learn about",
        questions.NEEDS,
        default=[ui.cached(questions.default_need, conn)],
        format_func=questions.NEED_LABELS.get,
        key="bank_needs",
        placeholder="Everything",
    )
    bank = {q.id: q.text for q in ui.cached(questions.list_questions, conn, include_archived=True)}
    already = [q.question_id for q in sheet.questions if q.question_id in bank]
    offered = ui.cached(
        questions.list_questions, conn, categories=tuple(categories), needs=tuple(needs)
    )
    # Picks not yet saved stay offered when the filters change, and after a trip elsewhere.
    questions_box = kept_box(f"prep_questions_{chosen}", already, default=None)
    if gone := [q for q in st.session_state[questions_box["key"]] if q not in bank]:
        # a question removed from the bank while its pick was kept
        st.session_state[questions_box["key"]] = [
            q for q in st.session_state[questions_box["key"]] if q not in gone
        ]
        set_here.add(questions_box["key"])
    unsaved = st.session_state.get(f"prep_questions_{chosen}", [])
    minutes = current.promised_minutes
    picked = st.multiselect(
        f"Pick {meetings.questions_that_fit(minutes)}: {minutes} minutes go quickly",
        list(dict.fromkeys([*already, *unsaved, *(q.id for q in offered)])),
        format_func=bank.get,
        **questions_box,
        **as_held(questions_box["key"], name="default"),
        select_all=False,  # the words ask for a few: no button picking the whole bank
    )
    st.caption(meetings.picked_sentence(len(picked), minutes))
    # The picker cuts a long question short ("How has your kind of work changed over the last
    # few ye…" at 800 px) and scrolls inside itself past the first or last: here they read
    # whole, numbered, in the order they were picked.
    if picked:
        with st.container(key=f"prep_picked_{chosen}"):
            st.markdown("\n".join(f"{n}. {ui.plain(bank[q])}" for n, q in enumerate(picked, 1)))
    for box in ("company", "person", "goal", "questions"):
        keep_typed_over_stored(f"prep_{box}_{chosen}")
    for question_id in picked:
        if hint := questions.searchable_hint(bank[question_id]):
            st.warning(f"“{ui.plain(bank[question_id])}”: {hint}", icon=":material/search:")
    if st.button("Save the prep sheet", key=f"save_prep_{chosen}"):
        try:
            meetings.save_prep(
                conn,
                chosen,
                question_ids=picked,
                company_notes=company_notes if sheet.company_id is not None else None,
                person_notes=person_notes,
                prep_notes=goal,
            )
        except InfointError as exc:
            ui.show_error(exc)
        else:
            for box in ("company", "person", "goal", "questions"):  # saved: nothing to keep
                st.session_state.get(TYPED, {}).pop(f"prep_{box}_{chosen}", None)
            done("Prep sheet saved.", chosen, "Prepare", near=f"prep_{chosen}")
    where_clicked.here(f"prep_{chosen}")
    if ahead:
        st.info(
            "Before you leave, ask: “Who else do you think I should talk to?”",
            icon=":material/lightbulb:",
        )


def show_debrief(current: meetings.MeetingSummary, sheet: meetings.PrepSheet) -> None:
    chosen = current.id
    asked_key = f"debrief_adding_{chosen}"
    if ahead := meetings.debrief_ahead(current.starts_at, when(current.starts_at), now):
        # Only what can be true before it starts: cancelled. 'We met' would be refused.
        if current.status == "cancelled":
            st.info(
                f"This meeting, on {when(current.starts_at)}, is marked as cancelled.",
                icon=":material/event_busy:",
            )
            where_clicked.here(f"debrief_{chosen}")
            return
        st.info(ahead, icon=":material/event_upcoming:")
        if st.button("Mark it as cancelled", key=f"debrief_cancel_{chosen}"):
            save_debrief(current, ("cancelled", None, (), "", sheet.meeting.notes), NOT_READ)
        where_clicked.here(f"debrief_{chosen}")
        return
    with ui.form(f"debrief_form_{chosen}", border=False):
        status = st.radio(
            "How did it go?",
            list(OUTCOMES),
            index=list(OUTCOMES).index(current.status) if current.status in OUTCOMES else 0,
            format_func=OUTCOMES.get,
            horizontal=True,
            key=f"debrief_status_{chosen}",
        )
        # No bounds on the box: out of them it only turns red and Save does nothing, without
        # a word; the domain says what fits instead.
        actual = st.number_input(
            f"Minutes it actually took (you promised {current.promised_minutes})",
            value=current.actual_minutes or current.promised_minutes,
            step=1,
            key=f"debrief_minutes_{chosen}",
            help="From 1 to 600 minutes; only counted when you met.",
        )
        if sheet.questions:
            st.markdown(f"**What you learned**: {sheet.answers_go}")
        answers = {
            question.id: st.text_area(
                ui.plain(question.text),
                key=f"answer_{question.id}",
                **as_held(f"answer_{question.id}", question.answer),
            )
            for question in sheet.questions
        }
        names_key = f"debrief_names_{chosen}"
        if names_key not in st.session_state:  # opened again: the people it introduced
            st.session_state[names_key] = ui.cached(meetings.names_box, conn, chosen)
            set_here.add(names_key)
        names = st.text_area(
            "Who else should you talk to? One person per line: name; company; position",
            key=names_key,
            **as_held(names_key),
            placeholder="Bo Chen; Beta Labs, Inc.; Head of Research",
            help="Semicolons between the parts, as a company or position may hold a comma. "
            "Without one, a single comma (Bo Chen, Beta Labs) or dashes (Priya Patel - Quartz "
            "Games - Producer) do too; a line that could be read two ways is refused, not "
            "guessed at. "
            "A first and last name, or a name with their company, becomes a contact "
            f"introduced by {ui.plain(current.person)} (2nd degree), ready for your outreach: "
            "you are asked before anyone new is added. Someone already in your contacts is "
            "not added twice: you are shown what would change on them, and may leave them as "
            "they are. Other lines are kept with your notes.",
        )
        notes_key = stored_text(f"debrief_notes_{chosen}", sheet.meeting.notes)
        notes = st.text_area("Anything else to remember", key=notes_key, **as_held(notes_key))
        submitted = st.form_submit_button("Save the debrief")
    form = (status, actual, tuple(answers.items()), names, notes)  # what a question is about
    where_clicked.here(f"debrief_{chosen}")  # under "Save the debrief", where the user clicked
    if submitted:
        st.session_state.pop(asked_key, None)  # a new try: asked afresh
        # and its boxes start afresh too: kept by their keys, a "same person" ticked for the
        # line before would stand for whatever that line says now, unasked. A new key for each
        # try, so a browser holding the old tick has no box to put it in.
        try_key = f"debrief_try_{chosen}"
        st.session_state[try_key] = st.session_state.get(try_key, 0) + 1
        held = status == "held"
        try:
            # Names come from a meeting held: for another, the box is not read at all.
            read = meetings.read_debrief_names(conn, chosen, names) if held else NOT_READ
            # Whatever would refuse the save (a day still ahead, the minutes, the notes' length)
            # is said before asking to add anyone, not after the user said yes.
            meetings.check_debrief(conn, chosen, **debrief_fields(form, read))
            adding = meetings.new_contacts(conn, chosen, read.people)
        except InfointError as exc:
            ui.show_error(exc)
            return
        if not adding.people and not adding.existing:
            save_debrief(current, form, read)
            return
        st.session_state[asked_key] = {
            "form": form,
            "adding": adding,
            "read": read,
            "try": st.session_state[try_key],
        }
    asked = st.session_state.get(asked_key)
    if asked is None:
        return
    if ui.came_back() or asked["form"] != form:  # the form shows something else now
        st.session_state.pop(asked_key, None)
        return
    question = st.empty()
    # Brought into view on the run the click on "Save the debrief" asks it (`into_view`): at
    # 800x800 its tick boxes and Yes were drawn below the fold.
    asking = f"debrief_question_{chosen}"
    if submitted:
        into_view.append(asking)
    with question.container(border=True, key=asking):
        adding: meetings.NewContacts = asked["adding"]
        # Filled once the boxes below are read: the question and the people it adds follow
        # them (a namesake ticked is not added anew).
        question_said, people_listed = st.empty(), st.empty()
        # Each one already in your contacts, with what saving changes on them: ticked, as
        # typed; unticked, left as they are (a person you know directly, say). A namesake at
        # another company starts unticked: ticked, no new one is added for that line.
        # Someone already there keeps what the user chose for them on this meeting, on a try
        # before or in a save before (saved again to fix a typo, a box back to ticked would
        # mark whom they left); only a namesake's "same person" is asked afresh each try, as
        # its line may name someone else now.
        chose: dict[int, bool] = st.session_state.setdefault(f"debrief_marks_{chosen}", {})
        ticked = {
            known: st.checkbox(
                ui.plain(known.label),
                value=known.ticked if known.line else chose.get(known.id, known.ticked),
                key=f"{asked_key}_{asked['try']}_{known.key}",
            )
            for known in adding.existing
        }
        chose.update({known.id: box for known, box in ticked.items() if not known.line})
        question_said.warning(ui.plain(adding.asked(ticked)), icon=":material/person_add:")
        if to_add := adding.to_add(ticked):
            people_listed.markdown("\n".join(f"- {ui.plain(person)}" for person in to_add))
        if kept := asked["read"].kept_sentence:
            st.caption(ui.plain(kept))
        yes_box, no_box = st.columns(2)
        confirmed = yes_box.button(
            "Yes, add them and save" if adding.adds(ticked) else "Yes, save the debrief",
            key=f"{asked_key}_yes",
        )
        no_box.button(
            "No, let me change the names",
            key=f"{asked_key}_no",
            on_click=st.session_state.pop,
            args=(asked_key, None),
        )
    if confirmed:
        st.session_state.pop(asked_key, None)
        question.empty()  # answered: a refusal of the save shows alone, not beside its buttons
        save_debrief(current, form, asked["read"], *adding.chosen(ticked))


NOT_READ = meetings.NamesRead((), ())  # the names box of a meeting that did not take place


def debrief_fields(form: tuple, read: meetings.NamesRead) -> dict:
    """The debrief the form holds, as `meetings.check_debrief` and `record_debrief` take it."""
    status, actual, answers, _, notes = form
    held = status == "held"
    return {
        "status": status,
        "actual_minutes": int(actual) if held else None,
        "notes": notes,
        "answers": dict(answers) if held else {},
        "referred": list(read.people),
        "not_people": read.not_people,
    }


def save_debrief(
    current: meetings.MeetingSummary,
    form: tuple,
    read: meetings.NamesRead,
    leave: tuple[int, ...] = (),
    same: tuple[tuple[int, int], ...] = (),
) -> None:
    """Save the debrief the form holds, with the people `read` from its names box; those
    already in your contacts whose ids are in `leave` are left as they are, and namesakes at
    another company in `same`, as (line, id), are the people named on those lines
    (`NewContacts.chosen`)."""
    held = form[0] == "held"
    try:
        result = meetings.record_debrief(
            conn, current.id, **debrief_fields(form, read), leave=leave, same=same
        )
    except InfointError as exc:
        ui.show_error(exc)
        return
    said = [
        result.notes_full,
        # the way to write to new contacts is the link under it (`done`'s `to_outreach`)
        *result.introductions.said(outreach_linked=True),
        read.kept_sentence,
        read.still_sentence,
        read.unchanged_sentence,
        "" if held else meetings.not_added_sentence(conn, current.id, form[3]),
    ]
    message = " ".join(["Debrief saved.", *(ui.plain(s) for s in said if s)])
    thank_next = held and not current.thanked
    if thank_next:
        message += " Next: the thank-you, on the “Thank you” tab."  # opened for it (`done`)
    # Said where the user looks next: under the button, or atop the Thank you tab opened.
    tab = "Thank you" if thank_next else "Debrief"
    done(
        message,
        current.id,
        tab,
        near=f"{'thanks' if thank_next else 'debrief'}_{current.id}",
        to_outreach=bool(result.introductions.added),
    )


def show_thanks(current: meetings.MeetingSummary) -> None:
    chosen = current.id
    where_clicked.here(f"thanks_{chosen}")  # "Debrief saved. … Next: the thank-you"
    if current.status != "held":
        st.info("Once the meeting is recorded as held (Debrief tab), a thank-you draft is here.")
        return
    if current.thanked and (sent := ui.cached(meetings.thank_you_sent, conn, chosen)):
        show_thanks_sent(current, sent)
        return
    st.caption("A short thank-you within a day is remembered. Edit, send it, then log it.")
    subject, body = ui.draft_boxes(
        conn,
        ui.cached(meetings.thank_you_draft, conn, chosen, refresh_every=60),  # names the day
        f"thanks_subject_{chosen}",
        f"thanks_body_{chosen}",
        260,
    )
    sending = ui.draft_as_sent(conn, current.contact_id, subject, body)
    missing = sending.unfilled
    ui.warn_unfilled(missing)
    copy_box, log_box = st.columns([3, 2])
    with copy_box:
        email = ui.cached(outreach.get_recipient, conn, current.contact_id).email
        ui.copy_or_mail(email, sending.subject, sending.body, missing)
    # The way the last message to them went; never email without an address to go to.
    likely = ui.cached(meetings.thank_you_channel, conn, current.contact_id)
    if not email and likely == "linkedin":  # why not email, where a user may look for it
        log_box.caption(ui.plain(meetings.no_address_sentence(current.person)))
    channel = log_box.selectbox(
        "Sent by",
        interactions.CHANNELS,
        index=interactions.CHANNELS.index(likely),
        format_func=interactions.CHANNEL_LABELS.get,
        key=f"thanks_channel_{chosen}",
    )
    # Its words wrap: in a column beside the message a window 800 px wide cut them to
    # "Log the thank-you as s…" (walkthrough in Chromium).
    if log_box.button(
        "Log the thank-you as sent",
        key=f"log_thanks_{chosen}",
        disabled=bool(missing),
        wrap=True,
    ):
        try:
            meetings.log_thank_you(
                conn, chosen, subject=sending.subject, body=sending.body, channel=channel
            )
        except InfointError as exc:
            ui.show_error(exc)
        else:
            ui.forget_draft(f"thanks_body_{chosen}")  # sent: a later visit shows what was sent
            done("Thank-you logged: what you sent is below.", chosen, "Thank you")


def show_thanks_sent(current: meetings.MeetingSummary, sent: interactions.Interaction) -> None:
    """What was sent, as the log holds it, in place of a draft that could be logged twice."""
    how = interactions.CHANNEL_LABELS[sent.channel]
    st.success(
        f"You thanked {ui.plain(current.person)} on {text.day(sent.occurred_at)} ({how}). "
        "Well done.",
        icon=":material/check_circle:",
    )
    with st.container(border=True):
        if sent.subject:
            st.markdown(f"**{outreach.preview_markdown(sent.subject)}**")
        st.markdown(outreach.preview_markdown(sent.body))
    st.caption(
        "Next, in a few weeks: tell them what you did with their advice. Something to correct "
        f"in what was logged? Open {ui.whose_record(conn, current.contact_id)} above."
    )


def keep_thank_you(current: meetings.MeetingSummary) -> None:
    """Keep the thank-you being written, for the way back to this page; only that: from
    another tab, or once it is logged, the page opens on what is next, as ever."""
    writing = current.status == "held" and not current.thanked
    if writing and st.session_state.get(TAB) == "Thank you":
        channel = f"thanks_channel_{current.id}"
        st.session_state[KEPT] = {
            "meeting_pick": current.id,
            TAB: "Thank you",
            channel: st.session_state[channel],
        }
    else:
        st.session_state.pop(KEPT, None)


def save_change(
    current: meetings.MeetingSummary, moved: datetime, minutes: int, place: str
) -> None:
    try:
        changed = meetings.update_meeting(
            conn, current.id, moved, promised_minutes=minutes, place=place
        )
    except InfointError as exc:
        ui.show_error(exc)
        return
    if not changed:
        st.info("Nothing to change.", icon=":material/info:")
        return
    # Said plainly where it went: moved into the past, it leaves Coming up for the Debrief.
    said, record_next = meetings.change_said(
        conn, current.status, current.starts_at, moved, now=now
    )
    done(said, current.id, "Debrief" if record_next else "Change")


def show_change(current: meetings.MeetingSummary, title: str) -> None:
    """Move or remove the meeting; `title` names it in a question about its date."""
    chosen = current.id
    asked_key = f"change_date_asked_{chosen}"
    start = current.starts_at.astimezone(zone)
    with ui.form(f"change_form_{chosen}", border=False):
        day_box, time_box, minutes_box = st.columns(3)
        day = ui.day_input(
            day_box,
            "Date",
            value=start.date(),
            key=shown_value(f"change_day_{chosen}", start.date()),
        )
        at = time_box.time_input(
            f"Time in {zone_said}",
            value=start.time(),
            step=900,
            key=shown_value(f"change_time_{chosen}", start.time()),
        )
        minutes = minutes_box.number_input(
            "Minutes you promise",
            value=current.promised_minutes,
            step=5,
            key=f"change_minutes_{chosen}",
            help=f"From {PROMISED}.",
        )
        place = st.text_input(
            "Place or video link", value=current.place, key=f"change_place_{chosen}"
        )
        form = (day, at, minutes, place)  # what a question about the date is of
        if st.form_submit_button("Save the changes"):
            st.session_state.pop(asked_key, None)  # a new try: asked afresh
            try:
                if int(minutes) != current.promised_minutes:  # as it was is never refused
                    meetings.check_promised_minutes(int(minutes))
                moved = meetings.local_start(day, at, zone)
                meetings.check_after_first_contact(
                    conn, current.contact_id, moved, was=current.starts_at
                )
                question = meetings.long_ago_question(conn, moved, was=current.starts_at, now=now)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                wanted = (moved, int(minutes), place)
                if question:
                    ui.ask_date(
                        asked_key,
                        question,
                        who=title,
                        day=text.day(moved.astimezone(zone)),
                        form=form,
                        wanted=wanted,
                    )
                else:
                    save_change(current, *wanted)
    if wanted := ui.date_is_right(asked_key, form):
        save_change(current, *wanted)
    if ui.ask_first(
        f"remove_{chosen}",
        "Remove this meeting",
        "This removes the meeting with its questions and answers (the company notes stay). "
        "If it was cancelled, record that in the Debrief tab instead.",
        "Yes, remove it",
    ):
        try:
            meetings.delete_meeting(conn, chosen)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            done("Meeting removed.", near=REMOVED)  # where the view is: at the tabs


def show_meetings(upcoming: list[meetings.MeetingSummary]) -> None:
    past = ui.cached(meetings.past_meetings, conn, this_minute)
    cancelled = ui.cached(meetings.cancelled_ahead, conn, this_minute)
    if not upcoming and not past and not cancelled:
        where_clicked.here(REMOVED)  # the last one: the page is short now
        st.info(
            "No meetings yet. When someone agrees to talk, schedule it above: this page then "
            "helps you prepare, note what you learned, and thank them."
        )
        st.page_link(
            "pages/3_outreach.py",
            label="Ask someone for twenty minutes on the Outreach page",
            icon=":material/edit:",
        )
        st.page_link(
            "pages/2_contacts.py",
            label="Find who you know at a company on Contacts",
            icon=":material/group:",
        )
        return
    kept = ui.cached(insights.minutes_kept, conn)
    if kept.meetings:
        # A heading of its own, then Insights' sentence whole: after a colon, its capital read
        # as a slip ("Keeping your word: Your one meeting ended within …").
        st.caption(f"**Keeping your word.** {kept.sentence}")
    show_upcoming(upcoming)
    st.subheader("Work on a meeting")
    # One above the other, each the page's width: side by side at 800 px (the sidebar open),
    # the search's placeholder read "Part of a name or com" and the Meeting box was cut.
    find_box, pick_box = st.container(), st.container()
    search = find_box.text_input(
        "Find a meeting by person",
        placeholder="Part of a name or company",
        key="meeting_find",
        **as_held("meeting_find"),
        on_change=pick_afresh,
        help="Any meeting, however old, with the people whose name or company you type.",
    )
    st.session_state[FIND_SEEN] = search
    if search.strip():
        found = ui.cached(meetings.find_meetings, conn, search)
        if not found:
            find_box.caption("No meeting with anyone by that name; try part of a first name.")
        else:
            latest = ", the latest" if len(found) == meetings.FOUND_SHOWN else ""
            find_box.caption(
                f"{text.counted(len(found), 'meeting')}{latest} with people by that name, "
                "newest first."
            )
        choices = {m.id: m for m in found}
    else:
        choices = {m.id: m for m in [*upcoming, *cancelled, *past]}
        past_all = ui.cached(meetings.count_past_meetings, conn, this_minute)
        find_box.caption(
            meetings.list_said(len(upcoming), len(past), past_all, cancelled=len(cancelled))
        )
    with pick_box:
        chosen = choose_meeting(choices)
    if chosen is None:
        return
    current = choices[chosen]
    if st.session_state.get(TAB_FOR) != chosen:  # another meeting: the tab it needs
        st.session_state[TAB] = tab_for(current)
        st.session_state[TAB_FOR] = chosen
    sheet = ui.cached(meetings.prep_sheet, conn, chosen)
    # Two Ana Lees at Acme: the prep sheet and a question about the date name this one.
    title = ui.cached(meetings.titles, conn, (current,))[chosen]
    open_box, download_box = st.columns(2)
    if open_box.button(f"Open {ui.whose_record(conn, current.contact_id)}", key="open_person"):
        ui.open_contact(current.contact_id)
    if chosen in {m.id for m in upcoming}:  # a calendar file of a meeting over is noise
        download_box.download_button(
            "Download this meeting (.ics)",
            data=lambda: ics.meeting_ics(conn.cursor(), chosen),
            file_name=f"infoint-meeting-{chosen}.ics",
            mime="text/calendar",
            icon=":material/calendar_month:",
            key="download_one",
        )
    where_clicked.here(REMOVED)  # above the tabs of the meeting in its place, where the view is
    if TAB in st.session_state:  # told again, as the Meeting box is (`choose_meeting`)
        st.session_state[TAB] = st.session_state[TAB]
    prepare, debrief, thanks, change = st.tabs(TABS, key=TAB, on_change="rerun")
    with prepare:
        show_prepare(current, sheet, title)
    with debrief:
        show_debrief(current, sheet)
    with thanks:
        show_thanks(current)
    with change:
        show_change(current, title)
    keep_thank_you(current)


def show_question_bank() -> None:
    # Stateful, so that it stays open across the rerun that saves a question (`done`); open
    # whatever the browser last said while its confirmation waits to be read inside it.
    if where_clicked.waiting("bank_"):
        st.session_state[BANK_OPEN] = True
    with st.expander(
        "Your question bank: add, reword or archive",
        icon=":material/quiz:",
        key=BANK_OPEN,
        on_change="rerun",
    ):
        st.caption(
            "Questions are grouped the TIARA way: trends, insights, advice, resources and "
            "assignments. Ask what only someone inside can tell you."
        )
        with ui.form("bank_add_form", clear_on_submit=True, border=False):
            question = st.text_area("A new question", key="bank_new_text", height=70)
            kind_box, need_box = st.columns(2)
            category = kind_box.selectbox(
                "Kind",
                questions.CATEGORIES,
                format_func=questions.CATEGORY_LABELS.get,
                key="bank_new_category",
            )
            need = need_box.selectbox(
                "Useful when learning about",
                questions.NEEDS,
                format_func=questions.NEED_LABELS.get,
                key="bank_new_need",
            )
            if st.form_submit_button("Add to the bank"):
                try:
                    questions.add_question(conn, question, category, need)
                except InfointError as exc:
                    ui.show_error(exc)
                else:
                    hint = questions.searchable_hint(question)
                    bank_done("Question added." + (f" One thought: {hint}" if hint else ""), "add")
        where_clicked.here("bank_add")
        every = {q.id: q for q in ui.cached(questions.list_questions, conn, include_archived=True)}
        if not every:
            return
        edited_id = st.selectbox(
            "Reword or archive",
            list(every),
            format_func=lambda i: ("(archived) " if every[i].archived else "") + every[i].text,
            key="bank_edit_pick",
        )
        edited = every[edited_id]
        with ui.form(f"bank_edit_form_{edited_id}", border=False):
            question = st.text_area(
                "Question", value=edited.text, key=f"bank_edit_text_{edited_id}"
            )
            kind_box, need_box = st.columns(2)
            category = kind_box.selectbox(
                "Kind",
                questions.CATEGORIES,
                index=questions.CATEGORIES.index(edited.category),
                format_func=questions.CATEGORY_LABELS.get,
                key=f"bank_edit_category_{edited_id}",
            )
            need = need_box.selectbox(
                "Useful when learning about",
                questions.NEEDS,
                index=questions.NEEDS.index(edited.need),
                format_func=questions.NEED_LABELS.get,
                key=f"bank_edit_need_{edited_id}",
            )
            save_box, archive_box = st.columns(2)
            if save_box.form_submit_button("Save the question"):
                try:
                    questions.update_question(conn, edited_id, question, category, need)
                except InfointError as exc:
                    ui.show_error(exc)
                else:
                    bank_done("Question saved.", "edit")
            if archive_box.form_submit_button("Bring it back" if edited.archived else "Archive it"):
                try:
                    questions.set_archived(conn, edited_id, not edited.archived)
                except InfointError as exc:
                    ui.show_error(exc)
                else:
                    bank_done(
                        "Question brought back."
                        if edited.archived
                        else "Question archived; meetings that used it keep it.",
                        "edit",
                    )
        where_clicked.here("bank_edit")


def bank_done(message: str, form: str) -> None:
    """Say `message` under the bank's `form` ("add" or "edit"), with the bank still open."""
    done(message, near=f"bank_{form}")


open_asked_meeting()  # an action or another page asking for a meeting wins over the kept one
for kept_key, kept_value in st.session_state.get(KEPT, {}).items():
    st.session_state.setdefault(kept_key, kept_value)
st.title("Meetings")
st.caption(
    "Prepare, keep to the time you promised, ask who else to talk to, and say thank you "
    "within a day."
)
if message := st.session_state.pop(FLASH, None):
    st.success(message, icon=":material/check_circle:")
upcoming_meetings = ui.cached(meetings.upcoming_meetings, conn, this_minute)
something_due = show_due()
show_time_zone()
# Open by itself only when scheduling is the next step: nothing ahead and nothing due now.
show_schedule(expanded=not upcoming_meetings and not something_due)
show_meetings(upcoming_meetings)
show_question_bank()
if into_view:
    ui.bring_into_view(into_view[-1])
