import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import streamlit as st

from infoint import contacts, db, funnel, home, insights, interactions, meetings, profile, text, ui
from infoint.errors import InfointError

conn = ui.page("Contacts")
PAGE_SIZE = 50
# The results' box shows this many rows, then scrolls: Streamlit's own box showed 10 of the
# 50 (seen at 800 and 1280 px). 15 rows and the header (35 px each, a border and
# `ui.SIDEWAYS_SCROLL_BAR_PX`) keep the box, and its sideways scroll bar, within a laptop's window.
ROWS_SHOWN = 15
ROW_PX = 35
PICKER_SIZE = 20
SAME_NAME_SHOWN = 5
FLASH = "contacts_flash"
# A confirmation of something done on a person's record is said beside the form or button used,
# not at the top of the page: under the log form, "Logged: …" sat above "Back to the search",
# off-screen at 1280×800, and only the form emptying said anything (a walkthrough in Chromium).
# `done(..., near=...)` keeps it by place; `where_clicked.here` shows it there, on the next run
# only (`ui.SaidHere`, made as the run starts to draw: `where_clicked`).
FLASH_NEAR = "contacts_flash_near"
SHOWN = "contacts_shown"  # the person the last run showed, if any
# Set by what opens another view (a person's record, the search again): the next run starts at
# the top of the page (`ui.scroll_to_top`, drawn last). The browser kept the old view's scroll
# position, so a person just added opened 344 px down, "Added …" and their name out of sight.
MOVED = "contacts_moved"
# Who a merge has just kept: the name typed to find the record merged away is emptied.
MERGED_AWAY = "contacts_merged_away"
# Set by a log, until the user does anything but send the log form again. The second click
# of a double-click logged an empty Reply beside the Outreach just logged (seen in Chromium):
# it lands on the fresh form, or is sent while that form is drawn (its widgets, under new
# keys, then hold their defaults), and either way the form holds the kind that comes next
# (Reply) and nothing typed. Such a send, the form as it was drawn, logs nothing and says so,
# but only within ui.DOUBLE_CLICK_SECONDS of the log: later, it is someone logging again.
# The fresh form keeps the kind and the way just logged (`show_log`), so a send of it later is
# the same kind again (the same entry counted once, `interactions.log_once`), never the next
# kind nobody chose.
JUST_LOGGED = "contacts_just_logged"
# Who put the user in touch with someone, asked alike when adding and when editing a person.
INTRODUCED_BY = "Introduced by: who put you in touch"
INTRODUCED_HELP = (
    "Someone who gave you this person's name, or wrote to you both, so you could talk. It "
    "counts toward the Referred stage of the one who introduced you. Pick Nobody if you found "
    "them yourself."
)
# Who, where, and how far things have gone first: at 800 px with the sidebar open the table
# shows 466 px, and in the old order (Name, Company, Position, ...) Stage, the method's key
# fact, was behind a sideways scroll. The rest follow in order of use.
RESULT_COLUMNS = ("name", "company", "stage", "position", "degree", "industry", "connected_on")
# Name, Company and Position share what the 800 px window leaves them beside Stage (see the
# table below): Name and Company as wide as their longest words on the page, within these
# bounds and together within NAME_AND_COMPANY_PX (past it the longer gives way, so Stage stays
# in view at 800 px and Connected on at 1280), Position the rest.
NAME_PX = (120, 260)
COMPANY_PX = (100, 170)
NAME_AND_COMPANY_PX = 320  # "Priya Raghunathan, PhD" beside "Nimbus Consulting Ltd" fits
SHARED_PX = 424


def name_and_company_px(frame) -> tuple[int, int]:
    """Name's and Company's widths for this page's rows: each its longest words whole, the
    longer giving way when both are long, so Stage is never pushed out of an 800 px view."""
    name_px = ui.grid_column_px(frame["name"], NAME_PX)
    company_px = ui.grid_column_px(frame["company"], COMPANY_PX)
    if name_px + company_px > NAME_AND_COMPANY_PX:
        if name_px >= company_px:
            name_px = NAME_AND_COMPANY_PX - company_px
        else:
            company_px = NAME_AND_COMPANY_PX - name_px
    return name_px, company_px


def people(count: int) -> str:
    """'1 person', '149 people'."""
    return text.counted(count, "person", "people")


def open_here(contact_id: int) -> None:
    """Show a person's record; the URL carries it so a reload or a shared link keeps it."""
    st.query_params["contact"] = str(contact_id)
    # A new key for the results table and its picker, so a stale pick can't reopen someone.
    st.session_state["results_nonce"] = st.session_state.get("results_nonce", 0) + 1
    st.session_state[MOVED] = True
    st.rerun()


def back_to_search(message: str | None = None) -> None:
    if message:
        st.session_state[FLASH] = message
    st.query_params.pop("contact", None)
    st.session_state[MOVED] = True
    st.rerun()


def done(message: str, *, near: str = "") -> None:
    """Say what happened on the next run, which shows the fresh data: at the top of the page,
    or where `where_clicked.here(near)` is, beside the form or button used."""
    if near:
        where_clicked.keep(near, message)
    else:
        st.session_state[FLASH] = message
    st.rerun()


def person_picker(
    label: str,
    key: str,
    *,
    none_label: str,
    exclude: int | None = None,
    current=None,
    help: str | None = None,
    on_pick: Callable[[], None] | None = None,
) -> int | None:
    """Find a person by typing part of their name, then pick them (30,000 won't fit a list).
    A name that finds exactly one person picks them. `on_pick` runs, before the next run,
    when someone (not the none label) is picked."""

    def typed_in() -> None:
        # "Marc" + Enter, the one Marc found, left the box at "Nobody" and saving refused
        # until the user opened the list: one match is taken for the one meant.
        now = st.session_state[f"{key}_typed"]
        found = contacts.find_contacts_by_name(conn, now, limit=2, exclude=exclude)
        if now.strip() and len(found) == 1:
            st.session_state[f"{key}_pick_{now}"] = found[0][0]
            if on_pick is not None:
                on_pick()

    typed = st.text_input(
        label,
        key=f"{key}_typed",
        placeholder="Type part of a name",
        help=help,
        on_change=typed_in,
    )
    picked = f"{key}_pick_{typed}"

    def someone_picked() -> None:
        if st.session_state[picked] is not None and on_pick is not None:
            on_pick()

    found = dict(contacts.find_contacts_by_name(conn, typed, limit=PICKER_SIZE, exclude=exclude))
    options = [
        None,
        *([current[0]] if current else []),
        *(i for i in found if current is None or i != current[0]),
    ]
    labels = {None: none_label, **found, **(dict([current]) if current else {})}
    if typed.strip() and not found:
        st.caption("No one by that name yet.")
    elif len(found) == PICKER_SIZE:
        everyone = contacts.count_contacts_by_name(conn, typed, exclude=exclude)
        if everyone > len(found):
            st.caption(f"Showing the first {len(found)} of {everyone:,} — type more of the name.")
    return st.selectbox(
        "Person",
        options,
        # A pick made by `typed_in` is the box's state: no index beside it (Streamlit warns).
        index=options.index(current[0]) if current and picked not in st.session_state else 0,
        format_func=labels.get,
        key=picked,
        label_visibility="collapsed",
        on_change=someone_picked,
    )


def ask_before_adding_again(same: list[contacts.SameName]) -> bool:
    """Say who is there already by this name, each a click away; adding asks first."""
    st.warning(
        "Already in your network by this name. Open them to log what happened, rather than "
        "adding them again:",
        icon=":material/group:",
    )
    for number, person in enumerate(same[:SAME_NAME_SHOWN]):
        where = f" at {person.company}" if person.company else ""
        line, action = st.columns([5, 1], vertical_alignment="center")
        # a company typed as an address is not a link
        line.markdown(ui.as_text(f"{person.name}{where} · {funnel.stage_name(person.stage)}"))
        if action.button("Open", key=f"add_same_{number}", icon=":material/person:"):
            open_here(person.id)
    if len(same) > SAME_NAME_SHOWN:
        st.caption(f"And {len(same) - SAME_NAME_SHOWN:,} more by this name: search for them above.")
    return ui.ask_first(
        "add_person",
        "Add this person",
        f"Add {'another' if len(same) > 1 else 'a second'} record all the same? Do it only "
        "for someone else with that name: "
        "the new record starts at Not contacted, without anything logged about "
        f"{'those' if len(same) > 1 else 'the one'} above.",
        "Add anyway",
    )


def say_profile_is_taken(owner_id: int, owner_name: str) -> bool:
    """Who has the LinkedIn profile address typed, a click away; adding waits for another
    address (or none)."""
    ui.forget_question("add_person")  # a question about namesakes is moot
    line, action = st.columns([5, 1], vertical_alignment="center")
    line.warning(ui.plain(contacts.profile_taken_sentence(owner_name)), icon=":material/badge:")
    if action.button("Open", key="add_owner_open", icon=":material/person:"):
        open_here(owner_id)
    st.button(
        "Add this person",
        key="add_person",
        type="primary",
        disabled=True,
        help="Change or clear the LinkedIn profile address to add someone else.",
    )
    return False


def connected_through_someone(degree_key: str) -> Callable[[], None]:
    """What picking a mutual contact or introducer does to the degree radio `degree_key`:
    someone connects you, so a degree at cold ('no one connects you yet') becomes 2nd. A 1st
    stays 1st."""

    def follow() -> None:
        if st.session_state.get(degree_key) == "cold":
            st.session_state[degree_key] = "2nd"

    return follow


def adding_a_person() -> bool:
    """Whether the user came to add someone (`contacts.ADD_PERSON_PARAM` in the address, as
    Referrals' link sends it): the form is then open at the top of the page. Read from the
    address, not taken once, so it stays put while the user types and picks in it."""
    return st.query_params.get(contacts.ADD_PERSON_PARAM) == contacts.ADD_PERSON_VALUE


def introducer_handed() -> tuple[int, str] | None:
    """Who introduced the people the user came to add, when the address names them
    (`contacts.INTRODUCER_PARAM`, as Referrals' links send it): chosen already under
    "Introduced by", as (id, what the picker says of them). Someone gone since is not chosen."""
    wanted = st.query_params.get(contacts.INTRODUCER_PARAM, "")
    if not (adding_a_person() and wanted.isdigit()):
        return None
    try:
        person = ui.cached(contacts.get_contact, conn, int(wanted))
    except InfointError:
        return None
    return person.id, contacts.picker_label(person.name, contacts.employer(person.company))


ADDING = "contacts_adding"  # a run before this one had the address of `adding_a_person`
ADD_OPEN = "add_form_open"  # whether "Add a person by hand" is open (`ui.expander`)


def show_add_person() -> None:
    with ui.expander(
        "Add a person by hand",
        ADD_OPEN,
        expanded=adding_a_person(),
        icon=":material/person_add:",
    ):
        st.caption(
            "Someone you met at an event, found on Twitter, or who was introduced to you. "
            "They join your network like anyone from LinkedIn."
        )
        first, last = st.columns(2)
        first_name = first.text_input("First name", key="add_first")
        last_name = last.text_input("Last name", key="add_last")
        company, position = st.columns(2)
        company_name = company.text_input("Company", key="add_company")
        position_text = position.text_input("Position", key="add_position")
        email, url = st.columns(2)
        email_text = email.text_input("Email", key="add_email")
        url_text = url.text_input("LinkedIn profile address", key="add_url")
        # Cold until the user says otherwise: it claims least. Left at 1st, a stranger found
        # on a company's site was offered the "Someone you already know" message and counted
        # among the people you know in Insights. Set as state, not as the radio's index, so
        # naming who connects you can move it (`connected_through_someone`).
        # Someone introduced is someone who connects you: 2nd, as picking them below makes it.
        handed = introducer_handed()
        st.session_state.setdefault("add_degree", "cold" if handed is None else "2nd")
        degree = st.radio(
            "How do you know them?",
            contacts.DEGREES,
            format_func=lambda d: f"{d} — {contacts.DEGREE_HELP[d]}",
            key="add_degree",
        )
        mutual = person_picker(
            "Mutual contact: who connects you",
            "add_mutual",
            none_label="Nobody",
            on_pick=connected_through_someone("add_degree"),
        )
        referrer = person_picker(
            INTRODUCED_BY,
            "add_referrer",
            none_label="Nobody",
            current=handed,
            help=INTRODUCED_HELP,
            on_pick=connected_through_someone("add_degree"),
        )
        notes = st.text_area("Where you met, what you talked about", key="add_notes")
        # A profile address is one person's: said before a name's namesakes, with no "Add
        # anyway", since adding would be refused.
        owner = ui.cached(contacts.profile_owner, conn, url_text) if url_text.strip() else None
        if owner:
            add = say_profile_is_taken(*owner)
        elif same := ui.cached(
            contacts.find_same_name, conn, first_name, last_name, company=company_name
        ):
            add = ask_before_adding_again(same)
        else:
            ui.forget_question("add_person")  # a question about another name is moot
            add = st.button("Add this person", key="add_person", type="primary")
        if add:
            try:
                new_id = contacts.add_contact(
                    conn,
                    first_name,
                    last_name,
                    company=company_name,
                    position=position_text,
                    email=email_text,
                    linkedin_url=url_text,
                    degree=degree,
                    mutual_contact_id=mutual,
                    referred_by=referrer,
                    source="referral" if referrer is not None else "manual",
                    notes=notes,
                )
            except InfointError as exc:
                ui.show_error(exc)
            else:
                st.session_state[FLASH] = (
                    "Added " + ui.plain(f"{first_name} {last_name}".strip()) + "."
                )
                open_here(new_id)


def reset_page() -> None:
    st.session_state["search_page"] = 1


def show_search() -> None:
    st.title("Contacts")
    st.caption(
        "Who do you know, and where do things stand? Narrow your network as on LinkedIn, then "
        "open someone to see and log everything."
    )
    if adding_a_person():  # come to add someone: the form first, open, the search below it
        show_add_person()
    name_col, company_col, position_col = st.columns(3)
    # Kept for the whole session: back from another page, the search is as the user left it.
    filters = {"on_change": reset_page, "persist_state": "session"}
    name = name_col.text_input("Name", key="search_name", **filters)
    company = company_col.text_input(
        "Company",
        key="search_company",
        help="Part of the name of the company they work at. 'N/A', 'Self-employed' and the "
        "like name no company: they are shown with none, and not matched here.",
        **filters,
    )
    position = position_col.text_input(
        "Words in the position",
        key="search_position",
        placeholder="human resources",
        help="Every word must appear, in any order and any case.",
        **filters,
    )
    # Two rows of two: in four columns an 800 px window with the sidebar open cut 'Connected
    # since' to 'dd / mm' and each list's 'Choose options' short. The stage box is the wider
    # of its row: its chips ("Opportunity") must not be cut short.
    industry_col, degree_col = st.columns(2)
    stage_col, since_col = st.columns([3, 2])
    industries = industry_col.multiselect(
        "Industry",
        [*ui.cached(contacts.list_industries, conn), funnel.NO_INDUSTRY],
        key="search_industries",
        help="The industry of the company they work at. Set industries on the Targets page.",
        **filters,
    )
    degrees = degree_col.multiselect(
        "Degree",
        contacts.DEGREES,
        key="search_degrees",
        help="1st: you know them; 2nd: through a mutual contact; cold: no link yet.",
        **filters,
    )
    stages = stage_col.multiselect(
        "Stage",
        list(range(len(funnel.STAGES) + 1)),
        format_func=funnel.stage_name,
        key="search_stages",
        help="Where things stand with them now.",
        **filters,
    )
    # The trail above the results says the day applied.
    since = ui.day_input(
        since_col,
        "Connected since",
        value=None,
        key="search_since",
        **filters,
    )
    search = contacts.ContactSearch(
        name=name,
        company=company,
        position=position,
        industries=tuple(industries),
        degrees=tuple(degrees),
        stages=tuple(stages),
        connected_since=since,
    )
    steps = ui.cached(contacts.narrowing_counts, conn, search)
    trail = [people(steps[0][1])] + [f"{label}: {count:,}" for label, count in steps[1:]]
    # Where the user is comes before the rows, 50 of them a scroll long: the pager beside the
    # order, and what is shown just above the table.
    # Three equal columns: the pager's box shows its − and + only when wider than 120 px
    # (Streamlit hides them below), and in [3, 2, 1] it was 66 px at 800 px.
    trail_col, sort_col, pager_col = st.columns(3, vertical_alignment="bottom")
    trail_col.markdown("**" + ui.plain(" → ".join(trail)) + "**")
    matched = steps[-1][1]
    if matched == 0:
        st.info("No one matches all of these. Loosen the last filter you added.")
        return
    # Sorted in the database, so page 1 starts with the first of everyone who matches.
    order = sort_col.selectbox(
        "Sort by",
        list(contacts.SORTS),
        format_func=contacts.SORTS.get,
        key="search_sort",
        **filters,
    )
    pages = -(-matched // PAGE_SIZE)
    if st.session_state.get("search_page", 1) > pages:
        st.session_state["search_page"] = pages
    # "Page", the count of pages said in the caption under it: "Page (of 597)" took two lines
    # in the narrow column at 800 px, its box out of line with Sort by's.
    page = (
        pager_col.number_input("Page", 1, pages, key="search_page", persist_state="session")
        if pages > 1
        else 1
    )
    frame, total = ui.cached(contacts.search_contacts, conn, search, page, PAGE_SIZE, order)
    first, last = (page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + len(frame)
    span = f"{first:,}" if first == last else f"{first:,}–{last:,}"
    of_pages = f" (page {page:,} of {pages:,})" if pages > 1 else ""
    # Kept clear of the right end, where the table's toolbar shows while the mouse is on it.
    info, _ = st.columns([3, 1])
    info.caption(
        f"Showing {span} of {total:,}{of_pages}. Tick the box at the left of a row to open"
        " that person (or press Shift+Space on it)."
    )
    nonce = st.session_state.get("results_nonce", 0)
    name_px, company_px = name_and_company_px(frame)
    position_px = SHARED_PX - name_px - company_px
    picked = st.dataframe(
        frame,
        hide_index=True,
        column_order=RESULT_COLUMNS,
        column_config={
            # Widths in px for the grid's 14 px Source Sans, 8 px each side of the words.
            # Name, Company and Stage (with the row's box, 32) fit the 446 px an 800 px window
            # shows with the sidebar open and scroll bars drawn (the page's and the table's,
            # 10 px each; 466 where the browser hides them); all seven fit the 798 px of
            # 1280 px (Connected on was cut there at Position 150, Degree 58), and wider
            # windows share out the rest. Company holds 99 % of the companies of a 30,000
            # connection export whole ('Kestrel Consulting GmbH', 147 px, read 'Kestrel
            # Consulting Gml' at 140); Stage 'Not contacted' (83 px). Name and Company follow
            # the page's longest (`ui.grid_column_px`): a name as long as "Priya Raghunathan,
            # PhD" is whole beside a company as long as "Nimbus Consulting Ltd", Position
            # narrower.
            # A long position is the one cut short.
            "name": st.column_config.TextColumn("Name", width=name_px),
            "company": st.column_config.TextColumn("Company", width=company_px),
            "stage": st.column_config.TextColumn("Stage", width=102),
            "position": st.column_config.TextColumn("Position", width=position_px),
            "degree": st.column_config.TextColumn("Degree", width=54),
            "industry": st.column_config.TextColumn("Industry", width=85),
            "connected_on": st.column_config.DateColumn(
                "Connected on", format=text.DATE_COLUMN_FORMAT, width=100
            ),
        },
        placeholder="—",  # no connection date: added by hand
        on_select="rerun",
        # Rows only: with cells selectable, the arrow keys moved the selected cell and each
        # move told the page, so arrowing into a name opened that person (seen in Chromium).
        # Now a click on a cell or the arrow keys only move the grid's focus, and opening
        # someone is a deliberate act: their row's box, or Shift+Space on their row.
        selection_mode="single-row",
        width="stretch",
        height=ROW_PX * (min(len(frame), ROWS_SHOWN) + 1) + 2 + ui.SIDEWAYS_SCROLL_BAR_PX,
        key=f"results_{nonce}",
    )
    if rows := picked.selection.rows:
        # positions in the frame given, even after a header click sorted the rows shown
        open_here(int(frame.index[rows[0]]))
    if pages > 1:
        # Streamlit sorts and downloads only the rows it was given, and neither can be
        # turned off for this table alone: say so, and where the whole list is.
        st.caption(
            f"A click on a column header orders only the {people(len(frame))} on this page, "
            f"and the table's download icon saves only them. To order all {total:,}, use "
            "Sort by; to save everyone, export from Import & export."
        )
        st.page_link(
            "pages/8_import_export.py",
            label="Export everyone to Excel or CSV",
            icon=":material/download:",
        )
    chosen = st.selectbox(
        "Or open someone on this page",
        list(frame.index),
        index=None,
        format_func=lambda cid: " — ".join(
            part for part in (frame.at[cid, "name"], frame.at[cid, "company"]) if part
        ),
        placeholder="Choose a person",
        key=f"open_from_page_{nonce}",
    )
    if chosen is not None:
        open_here(int(chosen))


def show_details(person: contacts.Contact) -> None:
    stage_key = funnel.STAGES[person.stage - 1] if person.stage else None
    # Across the page, not in the first of three columns: at 800 px wide, with the sidebar
    # open, a third was too narrow for the stage's large type ('Contacted' read 'Contac…').
    st.metric(
        "Stage",
        funnel.stage_name(person.stage),
        help=funnel.STAGE_HELP[stage_key] if stage_key else "You haven't reached out yet.",
    )
    first, second, third = st.columns(3)
    first.markdown(f"**Degree:** {ui.plain(contacts.degree_description(person))}")
    # Said of what the app knows, the export: someone added by hand may well be on LinkedIn,
    # their profile a button away ("not on LinkedIn" sat beside "LinkedIn profile"), and in
    # the export too: their row skipped for having no date, or added as a record of its own
    # not merged yet ("not in your LinkedIn export" was untrue then).
    if person.connected_on:
        connected = text.day(person.connected_on)
    elif person.source == "demo":
        connected = "no date (made-up demo data)"
    elif person.typed_in:
        connected = "no date from LinkedIn yet"
    else:
        connected = "no date in your LinkedIn export"
    second.markdown(f"**Connected on:** {connected}")
    second.markdown(f"**Email:** {ui.plain(person.shown_email) if person.shown_email else '—'}")
    second.markdown(f"**From:** {contacts.SOURCE_LABELS.get(person.source, person.source)}")
    if person.linkedin_url:
        second.link_button("LinkedIn profile", person.linkedin_url, icon=":material/open_in_new:")
    for column, label, other_id, other_name in (
        (third, "Mutual contact", person.mutual_contact_id, person.mutual_contact_name),
        (third, "Introduced by", person.referred_by, person.referred_by_name),
    ):
        if other_id is None:
            column.markdown(f"**{label}:** —")
        elif column.button(
            f"{label}: {ui.plain(other_name)}", key=f"go_{label}", icon=":material/person:"
        ):
            open_here(other_id)
    # Their notes, as typed: a note typed on Add a person ("Where you met, …") was out of
    # sight, under Edit details only, while the timeline said "Nothing logged yet".
    if person.notes.strip():
        st.markdown(f"**Notes:** {ui.plain(contacts.start_of(person.notes))}")
        if contacts.is_cut(person.notes):
            with st.expander(f"Show all of your notes ({len(person.notes):,} characters)"):
                st.markdown(ui.plain(person.notes))


def open_tab(name: str) -> None:
    """Open this record's tab `name` (before the next run draws the tabs)."""
    st.session_state["contact_tab"] = name


def show_timeline(person: contacts.Contact) -> None:
    events = ui.cached(contacts.timeline, conn, person.id)
    if not events:
        st.info(
            (
                "Nothing logged yet but your notes above."
                if person.notes.strip()
                else "Nothing logged yet."
            )
            + " When you write to them, log it here: that starts their place in your funnel."
        )
        return
    for number, event in enumerate(events):
        # The line takes what the button leaves: in a sixth of the width (columns 5:1), an
        # 800 px window with the sidebar open cut "Open" to "O…".
        row = st.container(horizontal=True, wrap=False, gap="small")
        line = row.container(width="stretch")
        # What the user typed (a place, notes) shows an address in it as text, not a link.
        line.markdown(f"**{text.day(event.at)}** · {ui.as_text(event.text)}")
        if event.details:
            start = event.details_start
            line.caption(ui.as_text(start))
            if event.details_cut:  # a long one: the rest only when asked for
                with line.expander(f"Show all of it ({len(event.details):,} characters)"):
                    st.caption(ui.as_text(event.details))
        # Whose record it opens, as Outreach and Meetings name it: "Open" said nothing of whose.
        if event.other_contact_id is not None and row.button(
            f"Open {ui.plain(event.other_called)}'s record",
            key=f"timeline_open_{number}",
            icon=":material/person:",
        ):
            open_here(event.other_contact_id)


def confirmed_date(asked_key: str, form: tuple) -> tuple | None:
    """`ui.date_is_right`, drawn in a place emptied once the user says yes: a refusal of what
    they confirmed then shows alone, not beside the question and its buttons, answered."""
    slot = st.empty()
    with slot.container():
        wanted = ui.date_is_right(asked_key, form)
    if wanted:
        slot.empty()
    return wanted


def log(
    person: contacts.Contact,
    kind: str,
    channel: str | None,
    day: date,
    subject: str,
    body: str,
    *,
    today: date,
) -> None:
    try:
        logged = interactions.log_once(
            conn,
            person.id,
            kind,
            channel=channel,
            # today's entries are logged as now, so the timeline orders them rightly
            occurred_at=None if day == today else day,
            subject=subject,
            body=body,
        )
    except InfointError as exc:
        ui.show_error(exc)
    else:
        st.session_state["logged_count"] = st.session_state.get("logged_count", 0) + 1
        entry = f"{interactions.KIND_LABELS[kind]} with {ui.plain(person.name)} on {text.day(day)}"
        st.session_state[JUST_LOGGED] = {
            "person": person.id,
            "entry": entry,
            "drawn": False,
            "kind": kind,  # a Reply's confirmation points to the next step, the meeting
            "channel": channel,  # kept with the kind by the fresh form
            # as the form would send it again: the same, it is this entry, counted once
            "form": (kind, channel, day, subject.strip(), body.strip()),
            "at": time.monotonic(),  # an interval's clock: a change of the wall clock can't move it
        }
        done(
            f"{entry} was already logged: it counts once."
            if logged.already_logged
            else f"Logged: {entry}.",
            near=f"log_{person.id}",
        )


def fix(
    person: contacts.Contact,
    fix_id: int,
    kind: str,
    channel: str | None,
    moment: datetime,
    subject: str,
    body: str,
) -> None:
    try:
        interactions.update_interaction(
            conn,
            fix_id,
            kind=kind,
            channel=channel,
            occurred_at=moment,
            subject=subject,
            body=body,
        )
    except InfointError as exc:
        ui.show_error(exc)
    else:
        done(f"Corrected: it now reads {text.day(moment)}.", near=f"fix_{person.id}")


def say_introduction(where, kind: str) -> None:
    """Beside the kind picked, for an introduction: what it is, and where a referral for a
    role goes instead (a job seeker read "Referral" as one)."""
    if kind == "referral":
        where.caption(interactions.INTRODUCTION_SAID)


def show_next_after_reply(person: contacts.Contact) -> None:
    """The method's next step after a reply, said with the confirmation, quietly (the page's
    primary stays "Log it"), as their meetings stand: one booked ahead is to prepare, on the
    Meetings page; one whose time has come with no outcome logged is to record how it went
    there (it was offered "arrange the meeting", as if none were); one held is to thank them
    for while that is due (`meetings.STALE_AFTER_DAYS`, as the due-now list); else a meeting
    is to arrange, on the Meetings tab: another one, once met."""
    now = datetime.now(UTC)
    found = ui.cached(meetings.list_meetings, conn, person.id)  # newest first
    zone = meetings.time_zone(conn)
    who = ui.plain(person.first_name or person.name)
    ahead = [m for m in found if m.status == "scheduled" and m.starts_at > now]
    waiting = [m for m in found if m.status == "scheduled" and m.starts_at <= now]
    met = next((m for m in found if m.status == "held"), None)
    if ahead:
        booked = ahead[-1]  # the soonest
        start = text.moment(booked.starts_at.astimezone(zone))
        st.caption(f"Your meeting with {who} is booked for {start}.")
        link, label, icon = booked, "Next: prepare it, on the Meetings page", ":material/coffee:"
    elif waiting:
        link = waiting[0]  # the latest
        start = text.moment(link.starts_at.astimezone(zone))
        st.caption(f"Your meeting with {who} was on {start}; how it went is not logged yet.")
        label, icon = "Next: record how it went, on the Meetings page", ":material/rate_review:"
    elif met is not None:
        day = text.day(met.starts_at.astimezone(zone))
        thanked = ui.cached(meetings.summary, conn, met.id).thanked
        if thanked or met.starts_at < now - timedelta(days=meetings.STALE_AFTER_DAYS):
            st.caption(f"You met {who} on {day}.")
            link = None
        else:
            st.caption(f"You met {who} on {day}; your thank-you is not logged yet.")
            link, label, icon = met, "Next: your thank-you, on the Meetings page", ":material/mail:"
    else:
        link = None
    if link is not None:
        # The Meetings page opens it on the tab it needs (Prepare, Debrief or Thank you).
        st.page_link(
            "pages/5_meetings.py", label=label, icon=icon, query_params={"meeting": str(link.id)}
        )
        return
    st.button(
        f"Next: arrange {'another' if met else 'the'} meeting, on the Meetings tab",
        key=f"reply_to_meeting_{person.id}",
        type="tertiary",
        icon=":material/event:",
        on_click=open_tab,
        args=("Meetings",),
    )


def show_log(person: contacts.Contact) -> None:
    today = profile.now(conn).date()  # the user's, in their time zone
    # Cleared only once logged: a refused date keeps what was typed. The date takes any day:
    # a browser never sends a day typed outside the picker's range (it reddens the box and
    # keeps the old day), so the domain says no, in words, to a day ahead or a slip of year.
    fresh = f"log_{person.id}_{st.session_state.get('logged_count', 0)}"
    asked_key = f"log_date_asked_{person.id}"
    just = st.session_state.get(JUST_LOGGED)
    if just is not None and just["person"] != person.id:  # logged on someone else
        del st.session_state[JUST_LOGGED]
        just = None
    # The first run after the log draws the fresh form; a run after that one, not a send of
    # the form, is the user moving on, and the log is forgotten at its end.
    drawn_before = bool(just and just["drawn"])
    if just:
        just["drawn"] = True
    # Outside the form, so the kind picked shows or hides "How" at once.
    kind_col, said_col = st.columns([1, 2])
    # Right after a log, the kind just logged: moved on to the kind likely next, the box read
    # "Outreach" right above "Logged: Reply with …" (a tester), and a second click once the
    # double-click window had passed logged an outreach nobody sent. A later visit offers the
    # likely next kind; the box keyed by the log count keeps whichever it first showed.
    likely = just["kind"] if just else interactions.likely_kind(conn, person.id)
    kept_how = just.get("channel") if just else None
    kind = kind_col.selectbox(
        "What happened",
        interactions.KINDS,
        index=interactions.KINDS.index(likely),
        format_func=interactions.KIND_CHOICES.get,
        help=interactions.KIND_HELP,
        key=f"{fresh}_kind",
    )
    say_introduction(said_col, kind)
    # A note is no message: not asked how it was sent, and none is stored.
    likely_how = (
        None
        if kind in contacts.KINDS_WITHOUT_CHANNEL
        else kept_how
        or interactions.likely_channel_to(conn, person.id, person.email or person.linkedin_email)
    )
    with ui.form(f"log_{person.id}"):
        # The day first, in the same place whatever the kind, so a change of kind keeps it.
        day_col, channel_col = st.columns(2)
        if likely_how is None:
            how = {}
        else:
            how = {
                "channel": channel_col.selectbox(
                    "How",
                    interactions.CHANNELS,
                    index=interactions.CHANNELS.index(likely_how),
                    format_func=interactions.CHANNEL_LABELS.get,
                    key=f"{fresh}_channel",
                )
            }
        day = ui.day_input(day_col, "When", value=today, key=f"{fresh}_day")
        subject = st.text_input("Subject (optional)", key=f"{fresh}_subject")
        body = st.text_area("Notes (optional)", key=f"{fresh}_body")
        form = (kind, how.get("channel"), day, subject, body)  # what a question is of
        sent = st.form_submit_button("Log it", type="primary")
        if sent:
            st.session_state.pop(JUST_LOGGED, None)  # asked once: a send again logs
        # The form as drawn, untouched, and sent at once: a second click's, not something meant.
        as_drawn = (likely, likely_how, today, "", "")
        if (
            sent
            and just
            and time.monotonic() - just["at"] < ui.DOUBLE_CLICK_SECONDS
            and (kind, how.get("channel"), day, subject.strip(), body.strip()) == as_drawn
        ):
            # Sent again as it is, the form holding the entry just logged would be that entry,
            # counted once: "click again" would log nothing, so the way to log another is said.
            st.info(
                f"Nothing more logged: that click came right after the {just['entry']} "
                "was logged. "
                + (
                    "To log another, change what happened, or add a subject or notes."
                    if just.get("form") == as_drawn
                    else f"To log this {interactions.KIND_LABELS[kind].lower()} too, click "
                    "“Log it” again."
                ),
                icon=":material/info:",
            )
        elif sent:
            st.session_state.pop(asked_key, None)  # a new try: asked afresh
            try:  # a reply to no message is refused at once, never after "is the year right?"
                interactions.check_reply_answered(conn, person.id, kind, day)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                # A day long ago (or an outreach before connecting) is asked about first.
                if question := interactions.date_question(conn, person.id, kind, day, today=today):
                    ui.ask_date(
                        asked_key,
                        question,
                        who=person.name,
                        day=text.day(day),
                        form=form,
                        wanted=form,
                        what=interactions.KIND_LABELS[kind],
                    )
                else:
                    log(person, *form, today=today)
    logged_said = where_clicked.here(f"log_{person.id}")  # right under "Log it"
    if logged_said and just and just.get("kind") == "reply":
        show_next_after_reply(person)
    if wanted := confirmed_date(asked_key, form):
        log(person, *wanted, today=today)
    if drawn_before and not sent:
        st.session_state.pop(JUST_LOGGED, None)
    logged = interactions.list_interactions(conn, person.id)
    if not logged:
        where_clicked.here(f"fix_{person.id}")  # the last one removed
        return
    st.markdown("**Fix something logged by mistake**")
    # Each label its own: a picker keeps the first of two equal labels, whichever is picked.
    labels = interactions.choice_labels(logged)
    fix_id = st.selectbox(
        "Interaction",
        list(labels),
        index=None,
        placeholder="Choose one to change or remove",
        format_func=labels.get,
        key=f"fix_{person.id}",
    )
    if fix_id is None:
        where_clicked.here(f"fix_{person.id}")  # one removed: under the picker it was chosen in
        return
    item = next(x for x in logged if x.id == fix_id)
    asked_key = f"fix_date_asked_{fix_id}"
    # Outside the form, as in the log form, so the kind picked shows or hides "How" at once.
    kind_col, said_col = st.columns([1, 2])
    kind = kind_col.selectbox(
        "What happened",
        interactions.KINDS,
        index=interactions.KINDS.index(item.kind),
        format_func=interactions.KIND_CHOICES.get,
        help=interactions.KIND_HELP,
        key=f"fix_kind_{fix_id}",
    )
    say_introduction(said_col, kind)
    with ui.form(f"fix_form_{fix_id}"):
        day_col, channel_col = st.columns(2)
        if kind in contacts.KINDS_WITHOUT_CHANNEL:
            channel = None  # a note is no message: not asked how it was sent, none stored
        else:
            channel = channel_col.selectbox(
                "How",
                interactions.CHANNELS,
                # a note made a message has no channel yet: start where the log form would
                index=interactions.CHANNELS.index(
                    item.channel
                    or interactions.likely_channel_to(
                        conn, person.id, person.email or person.linkedin_email
                    )
                ),
                format_func=interactions.CHANNEL_LABELS.get,
                key=f"fix_channel_{fix_id}",
            )
        day = ui.day_input(day_col, "When", value=item.occurred_at.date())
        subject = st.text_input("Subject", value=item.subject, key=f"fix_subject_{fix_id}")
        body = st.text_area("Notes", value=item.body, key=f"fix_body_{fix_id}")
        form = (kind, channel, day, subject, body)  # what a question about the day is of
        if st.form_submit_button("Save the correction"):
            st.session_state.pop(asked_key, None)  # a new try: asked afresh
            moment = item.occurred_at.replace(year=day.year, month=day.month, day=day.day)
            wanted = (fix_id, kind, channel, moment, subject, body)
            try:
                interactions.check_reply_answered(conn, person.id, kind, day, exclude=fix_id)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                if question := interactions.date_question(
                    conn, person.id, kind, day, was=item.occurred_at.date()
                ):
                    ui.ask_date(
                        asked_key,
                        question,
                        who=person.name,
                        day=text.day(day),
                        form=form,
                        wanted=wanted,
                        what=interactions.KIND_LABELS[kind],
                    )
                else:
                    fix(person, *wanted)
    where_clicked.here(f"fix_{person.id}")  # right under "Save the correction"
    if wanted := confirmed_date(asked_key, form):
        fix(person, *wanted)
    if ui.ask_first(
        f"remove_interaction_{fix_id}",
        "Remove this interaction",
        "Remove this interaction for good? Your funnel will count it no more.",
        "Yes, remove it",
    ):
        try:
            interactions.delete_interaction(conn, fix_id)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            done("Removed.", near=f"fix_{person.id}")


def schedule(person: contacts.Contact, start: datetime, minutes: int, place: str) -> None:
    try:
        meetings.schedule_meeting(conn, person.id, start, promised_minutes=minutes, place=place)
    except InfointError as exc:
        ui.show_error(exc)
    else:
        st.session_state["scheduled_count"] = st.session_state.get("scheduled_count", 0) + 1
        done(
            meetings.scheduled_sentence(conn, ui.plain(person.name), start, prepare_here=False),
            near=f"schedule_{person.id}",
        )


def show_meetings(person: contacts.Contact) -> None:
    held = meetings.list_meetings(conn, person.id)
    zone = meetings.time_zone(conn)
    labels = {
        m.id: f"{text.moment(m.starts_at.astimezone(zone))} · {meetings.STATUS_LABELS[m.status]}"
        for m in held
    }
    for meeting in held:
        length = (
            insights.minutes_in_words(meeting.actual_minutes, meeting.promised_minutes)
            if meeting.actual_minutes
            else f"{meeting.promised_minutes} minutes promised"
        )
        place = f" · {ui.plain(meeting.place)}" if meeting.place else ""
        st.markdown(f"**{labels[meeting.id]}** · {length}{place}")
    asked_key = f"schedule_date_asked_{person.id}"
    # Cleared only once scheduled: a question about the date, or a refusal, keeps what was typed.
    fresh = f"schedule_{person.id}_{st.session_state.get('scheduled_count', 0)}"
    with ui.form(f"schedule_{person.id}"):
        st.markdown("**Schedule a meeting**")
        day_col, time_col, minutes_col = st.columns(3)
        suggested = meetings.suggested_start(conn)
        day = ui.day_input(
            day_col,
            "Date",
            value=suggested.date(),
            key=f"{fresh}_day",
            help="Your next working day to start with: change it to the day you agreed.",
        )
        at = time_col.time_input("Time", value=suggested.time(), step=900, key=f"{fresh}_time")
        # No bounds on the box: out of them it only turned red and Schedule did nothing,
        # without a word; the domain says what fits instead, as on the Meetings page.
        minutes = minutes_col.number_input(
            "Minutes you asked for",
            value=meetings.DEFAULT_MINUTES,
            step=5,
            key=f"{fresh}_minutes",
            help="From {} to {} minutes. Keep to it: a short, kept promise makes a yes more "
            "likely next time.".format(*meetings.PROMISED_MINUTES),
        )
        place = st.text_input(
            "Where", placeholder="Café, video link, their office", key=f"{fresh}_place"
        )
        form = (day, at, minutes, place)  # what a question about the date is of
        if st.form_submit_button("Schedule"):
            st.session_state.pop(asked_key, None)  # a new try: asked afresh
            try:
                meetings.check_promised_minutes(int(minutes))  # before asking about the date
                start = meetings.local_start(day, at, zone)
                meetings.check_after_first_contact(conn, person.id, start)  # before asking
                question = meetings.long_ago_question(conn, start)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                if question:
                    ui.ask_date(
                        asked_key,
                        question,
                        who=person.name,
                        day=text.day(start.astimezone(zone)),
                        form=form,
                        wanted=(start, int(minutes), place),
                    )
                else:
                    schedule(person, start, int(minutes), place)
    where_clicked.here(f"schedule_{person.id}")  # right under "Schedule"
    if wanted := confirmed_date(asked_key, form):
        schedule(person, *wanted)
    if not held:
        return
    with ui.form(f"outcome_{person.id}"):
        st.markdown("**How did it go?**")
        meeting_id = st.selectbox(
            "Meeting",
            # the soonest meeting still waiting for an outcome first
            [m.id for m in reversed(held) if m.status == "scheduled"]
            + [m.id for m in held if m.status != "scheduled"],
            format_func=labels.get,
        )
        status = st.radio(
            "Outcome",
            ("held", "cancelled", "no_show"),
            format_func=meetings.STATUS_LABELS.get,
            horizontal=True,
        )
        actual = st.number_input(
            "Minutes it actually took (if held)",
            value=20,
            step=1,
            help="From 1 to 600 minutes; only counted when you met.",
        )
        if st.form_submit_button("Save the outcome"):
            try:
                meetings.set_outcome(
                    conn,
                    meeting_id,
                    status,
                    actual_minutes=int(actual) if status == "held" else None,
                )
            except InfointError as exc:
                ui.show_error(exc)
            else:
                done(
                    f"Meeting marked {meetings.STATUS_LABELS[status].lower()}.",
                    near=f"outcome_{person.id}",
                )
    where_clicked.here(f"outcome_{person.id}")  # right under "Save the outcome"
    st.page_link(
        "pages/5_meetings.py",
        label="Prepare questions and write the debrief on the Meetings page",
        icon=":material/coffee:",
    )


def show_edit(person: contacts.Contact) -> None:
    job = {}
    if person.typed_in:
        # Added by hand or from a debrief line: a typo in the name or company is corrected here,
        # not by deleting them and their history.
        if person.job_kept_by_imports:
            # The importer matches them by their profile and keeps their source: a correction
            # of company or position lasts until the next import.
            st.caption(
                "You added them, so all of this is yours to correct. Their LinkedIn profile is "
                "on record, though: a new LinkedIn import that lists them sets their company and "
                "position to LinkedIn's."
            )
        else:
            st.caption("You added them, so all of this is yours to correct.")
        first, last = st.columns(2)
        job["first_name"] = first.text_input(
            "First name", value=person.first_name, key=f"edit_first_{person.id}"
        )
        job["last_name"] = last.text_input(
            "Last name", value=person.last_name, key=f"edit_last_{person.id}"
        )
        company, position = st.columns(2)
        job["company"] = company.text_input(
            "Company",
            value=person.company,
            key=f"edit_company_{person.id}",
            help="A new company joins your list; a move is kept on their timeline.",
        )
        job["position"] = position.text_input(
            "Position", value=person.position, key=f"edit_position_{person.id}"
        )
    elif person.source == "demo":
        st.caption(
            "They are made-up demo data: their name, company and position stay as the demo "
            "made them. The details below are yours to try, until you remove the demo."
        )
    else:
        st.caption(
            "Their name, company and position come from your LinkedIn export: a new import "
            "keeps them up to date. The details below are yours: an import never overwrites them."
        )
    email = st.text_input(
        "Email",
        value=person.email,
        key=f"edit_email_{person.id}",
        placeholder=person.linkedin_email or "name@example.com",
        help="Leave empty to use the address LinkedIn gave, if any.",
    )
    # Set as state, not as the radio's index, so naming who connects you can move it.
    degree_key = f"edit_degree_{person.id}"
    st.session_state.setdefault(
        degree_key, person.degree if person.degree in contacts.DEGREES else "1st"
    )
    degree = st.radio(
        "Degree",
        contacts.DEGREES,
        format_func=lambda d: f"{d} — {contacts.DEGREE_HELP[d]}",
        key=degree_key,
    )
    current = (
        (person.mutual_contact_id, person.mutual_contact_name)
        if person.mutual_contact_id is not None
        else None
    )
    mutual = person_picker(
        "Mutual contact: who connects you",
        f"edit_mutual_{person.id}",
        none_label="Nobody",
        exclude=person.id,
        current=current,
        on_pick=connected_through_someone(degree_key),
    )
    introducer = person_picker(
        INTRODUCED_BY,
        f"edit_referrer_{person.id}",
        none_label="Nobody",
        exclude=person.id,
        current=(
            (person.referred_by, person.referred_by_name)
            if person.referred_by is not None
            else None
        ),
        help=f"{INTRODUCED_HELP} Picking someone new dates the introduction today.",
        on_pick=connected_through_someone(degree_key),
    )
    notes = st.text_area("Notes", value=person.notes, key=f"edit_notes_{person.id}")
    tags = st.text_input(
        "Tags",
        value=person.tags,
        key=f"edit_tags_{person.id}",
        help="Separate tags with commas, e.g. alumni, warm, hiring.",
    )
    if st.button("Save details", key=f"save_{person.id}"):
        try:
            contacts.update_contact(
                conn,
                person.id,
                email=email,
                degree=degree,
                mutual_contact_id=mutual,
                referred_by=introducer,
                notes=notes,
                tags=tags,
                **job,
            )
        except InfointError as exc:
            ui.show_error(exc)
        else:
            # The box shows the tags as saved on the next run, not as typed.
            st.session_state.pop(f"edit_tags_{person.id}", None)
            done(
                " ".join(filter(None, ["Saved.", ui.plain(contacts.tags_note(tags))])),
                near=f"save_{person.id}",
            )
    where_clicked.here(f"save_{person.id}")  # right under "Save details"


def show_merge_and_delete(person: contacts.Contact) -> None:
    st.markdown("**The same person twice?**")
    st.caption(
        f"Pick the other record. Its interactions, meetings and job changes move to "
        f"{ui.plain(person.name)}, the details this record lacks are filled from it, and the "
        "other record goes."
    )
    if st.session_state.pop(MERGED_AWAY, None) == person.id:
        st.session_state[f"merge_{person.id}_typed"] = ""
    other = person_picker(
        "Find the other record",
        f"merge_{person.id}",
        none_label="No record picked yet",
        exclude=person.id,
    )
    try:
        twin = None if other is None else ui.cached(contacts.get_contact, conn, other)
    except InfointError as exc:  # gone since the picker found them (another tab)
        ui.show_error(exc)
        twin = None
    # The question names which record goes, into whom: two records of one name read alike.
    if twin is not None and ui.ask_first(
        f"merge_{person.id}_{twin.id}",
        "Merge into this record",
        f"Merge {ui.plain(twin.name)}{f' ({ui.plain(twin.job)})' if twin.job else ''} into "
        f"{ui.plain(person.name)}? {ui.plain(twin.name)}'s record goes, and what it holds "
        f"moves to {ui.plain(person.name)}. This can't be undone (only a backup restore can).",
        "Yes, merge them",
    ):
        try:
            moved = contacts.merge_contacts(conn, person.id, twin.id)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            # The name typed to find the record merged away would find no one now: emptied
            # on the next run, before its box is drawn (the browser keeps what a box shows).
            st.session_state[MERGED_AWAY] = person.id
            done(
                f"Merged {ui.plain(twin.name)} into {ui.plain(person.name)}: "
                f"{text.counted(moved.interactions, 'interaction')} and "
                f"{text.counted(moved.meetings, 'meeting')} moved over. "
                f"{ui.plain(moved.made_cold)}".strip(),
                near=f"merge_{person.id}",
            )
    where_clicked.here(f"merge_{person.id}")  # right under "Merge into this record"
    st.divider()
    st.markdown("**Delete this person**")
    backups = db.backups_dir(ui.database_path())
    st.caption(
        "They asked you to, or you simply shouldn't keep their data: this removes them, every "
        "interaction, meeting and question answer about them, and every link to them. "
        "Later imports leave them out, knowing them only by a scrambled code, not their name."
    )
    if ui.ask_first(
        f"delete_person_{person.id}",
        "Delete this person",
        f"Delete {ui.plain(person.name)} and everything logged about them? This can't be"
        f" undone. Earlier backups (in {ui.plain(backups)}) still hold them until those"
        " backups are deleted too.",
        "Yes, delete them",
    ):
        try:
            removed = contacts.delete_contact(conn, person.id)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            back_to_search(
                f"{ui.plain(person.name)} was deleted. Earlier backups in {ui.plain(backups)}"
                f" still hold them. {ui.plain(removed.made_cold)}".strip()
            )


def show_contact(contact_id: int) -> None:
    try:
        person = ui.cached(contacts.get_contact, conn, contact_id)
    except InfointError as exc:
        ui.show_error(exc)
        if st.button("Back to the search", icon=":material/arrow_back:"):
            back_to_search()
        return
    if st.button("Back to the search", icon=":material/arrow_back:"):
        back_to_search()
    st.title(ui.plain(person.name))
    if person.job:
        st.caption(ui.as_text(person.job))  # a company typed as an address
    show_details(person)
    sections = {
        "Timeline": show_timeline,
        "Log an interaction": show_log,
        "Meetings": show_meetings,
        "Edit details": show_edit,
        "Merge or delete": show_merge_and_delete,
    }
    # Only the open tab runs: each holds its own queries and forms.
    tabs = st.tabs(list(sections), key="contact_tab", on_change="rerun")
    for tab, show in zip(tabs, sections.values(), strict=True):
        if tab.open:
            with tab:
                show(person)


if (handed := st.session_state.pop("open_contact", None)) is not None:
    st.query_params["contact"] = str(handed)
    st.session_state[MOVED] = True  # from another page's button
moved = st.session_state.pop(MOVED, False)
if message := st.session_state.pop(FLASH, None):
    st.success(message, icon=":material/check_circle:")
# This run's confirmation by a form, if any: taken now, so it is said once and never lingers,
# whichever tab this run shows.
where_clicked = ui.SaidHere(FLASH_NEAR)

wanted = st.query_params.get("contact", "")
# The sidebar's Contacts runs this page with no one open and no form to add, but the browser's
# address kept "?contact=" (or "?add=") and sent it with the next run (a name typed in the
# search), which reopened the person left (or moved the add form up, open): the address is
# told afresh, so a search shows its own results where the user left them.
left_someone = not wanted.isdigit() and st.session_state.pop(SHOWN, None) is not None
if adding_a_person():
    st.session_state[ADDING] = True
elif st.session_state.pop(ADDING, None):
    left_someone = True
if left_someone:
    st.query_params.from_dict({key: st.query_params.get_all(key) for key in st.query_params})
if wanted.isdigit():
    st.session_state[SHOWN] = wanted
    show_contact(int(wanted))
elif ui.cached(contacts.count_contacts, conn) == 0:
    st.title("Contacts")
    st.info(
        "No one in your network yet. Import your LinkedIn connections, or load the demo data "
        "to look around first. You can also add a person by hand below."
    )
    st.page_link(
        "pages/8_import_export.py",
        label="Import your LinkedIn export",
        icon=":material/upload_file:",
    )
    # Home's welcome (no people, no companies) has the demo's button; Settings always has.
    if ui.cached(home.headline, conn).companies == 0:
        st.page_link("app.py", label="Load the demo data on Home", icon=":material/science:")
    else:
        st.page_link(
            "pages/9_settings.py", label="Load the demo data in Settings", icon=":material/science:"
        )
    show_add_person()
else:
    show_search()
    if not adding_a_person():  # else shown at the top, by show_search
        show_add_person()
# Last, under all else: its element, there for one run, then moves nothing above it. At the top,
# its going on the next run moved a search typed 73 px down (the browser's scroll anchoring).
if moved:
    ui.scroll_to_top()
