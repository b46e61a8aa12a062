import dataclasses
import math

import streamlit as st

from infoint import charts, funnel, home, targets, text, ui
from infoint.errors import InfointError

PAGE_SIZE = 50
EDITOR = "targets_editor"
EDITOR_VERSION = "targets_editor_version"
NOTICE = "targets_notice"
# Edits not saved yet, by company id (`targets.recheck_edits`): Streamlit forgets the table's
# own when the page is left, so a trip to Contacts lost them without a word.
UNSAVED = ui.UNSAVED_TARGET_EDITS
# (the table's key, {id: {field: value}}): the edits kept, drawn into the table's data when
# it was drawn afresh; its own edits are then on top of them.
DRAWN = ui.UNSAVED_TARGET_EDITS_DRAWN
# The scores and the status first after the name: at 800 px (sidebar open) the table shows
# 456 px (466 where the browser hides its scroll bars), the status read 'Ta' there after the
# industry. Now the tick, the name, the scores and the status are in view ('Researching' whole:
# see `WIDTHS`; 'Out by industry' and 'In your network' lose their last letters); the rest is a
# sideways scroll away.
TABLE_COLUMNS = (
    "picked",
    "name",
    "motivation",
    "postings",
    "status",
    "ruled_out_reason",
    "industry",
    "people",
    "contacted",
    "met",
)
# The columns' widths in px, for the grid's 14 px Source Sans drawn 8 px from a cell's left
# edge, an editable column's header with its pencil first (24 px). At 1280 px, beside the
# menu, the table's box is 808 px where the browser draws scroll bars (818 where it hides
# them, and the grid widens the columns to fill it), and these fill it. With more rows than
# the box shows, the grid draws its own scroll bar over its last 10 px: Met read 'Me', its
# digits cut, at 30 px. It has 10 px to spare now, its digits on the left, clear of the bar.
# The walkthrough read 'Vantage Analytics LL', 'Upland Consulting I' and 'Manufacturin' at
# 120 and 80. Company holds 'Upland Consulting Inc.' (133 px) whole, Industry 'Manufacturing'
# (85), Status 'In your network' (93); each label is whole. The first four are as narrow as
# their labels read whole (an editable column's label takes 32 px more than its words:
# 'Motivation' 62, 'Postings' 50, 'Pick' 25) and Company as 'Upland Consulting Inc.' needs: at
# 800 px Status starts 375 px in, so 'Researching' (71 px and the padding) reads whole in the
# 456 px shown; it lost its 'g' at 378. The 3 px saved went to Reason, whose cells are cut
# anyway.
WIDTHS = {
    "picked": 57,
    "name": 141,
    "motivation": 95,
    "postings": 82,
    "status": 101,
    "ruled_out_reason": 79,
    "industry": 93,
    "people": 50,
    "contacted": 70,
    "met": 40,
}
# The table's box shows this many rows, then scrolls: Streamlit's own box held 10, so an 11th
# company (the demo's 10 and one added) sat under a scroll. 15 rows and the header (35 px each,
# a border and `ui.SIDEWAYS_SCROLL_BAR_PX`) keep the box within a laptop's window.
ROWS_SHOWN = 15
ROW_PX = 35
SCORE_RANGE = "A whole number from 0 to 3."
NEW_INDUSTRY = "new_industry"
SCOPE = "targets_scope"
# Set by a bulk industry change: the next run empties the box before drawing it (a drawn
# widget's value cannot change), so it is not set again by mistake.
CLEAR_NEW_INDUSTRY = "targets_clear_new_industry"
# Set by a merge: the next run empties the merge's search box before drawing it. Taken out of
# the session instead, the box went on showing the old words in the browser while the page
# read it as empty (no Keep and Merge boxes, no word about it).
CLEAR_MERGE_SEARCH = "targets_clear_merge_search"
# 'Chosen' counts the targets and the researching together; the list's line and Home say them
# apart ('6 targets, 2 researching'), so 'Targets' here read 8 beside their 6 (walkthrough).
COVERAGE_NOTE = (
    "Chosen: your targets and the companies you are researching, together. Reached: those "
    "where you wrote to someone. Met: those where you met someone. People: your contacts "
    "there. Contacted: how many of them you wrote to. Share: the part of them you wrote to, "
    "in percent. Companies you ruled out, or whose industry you ruled out in Settings, are "
    "left out, as on Home."
)


COVERAGE_CHART_WIDTH = 340
COVERAGE_TABLE_WIDTH = 446  # its columns' widths, and a border


def companies(count: int) -> str:
    return text.counted(count, "company", "companies")


def score_column(label: str, width: int, meaning: str):
    """A score's column: the box takes no minus sign nor decimal point as they are typed (0 and
    whole steps). No top: Streamlit 1.67 shows a 7 typed as 7, then turns it into 3 on Enter
    without a word (seen in Chromium); unbounded, the page says at once, in words, why a score
    over 3 is refused (`targets.check_changes`)."""
    return st.column_config.NumberColumn(
        label, width=width, min_value=min(targets.SCALE), step=1, help=f"{SCORE_RANGE} {meaning}"
    )


def changes(count: int) -> str:
    return text.counted(count, "change")


def awaiting_reason(frame, pending: dict[int, dict]) -> dict[int, str]:
    """The companies the edits rule out with no reason typed yet, {id: name}.

    Choosing 'Ruled out' comes before typing why, in the next cell: that is a step to come,
    said as a hint, and refused in red only by a save without the reason."""
    waiting = {}
    for company_id, fields in pending.items():
        row = {**frame.loc[company_id].to_dict(), **fields}
        reason = row["ruled_out_reason"]
        if row["status"] == "ruled_out" and not (isinstance(reason, str) and reason.strip()):
            name = row["name"] if isinstance(row["name"], str) and row["name"].strip() else None
            waiting[company_id] = name or frame.at[company_id, "name"]
    return waiting


def checked_now(pending: dict[int, dict], reason_to_come: dict[int, str]) -> dict[int, dict]:
    """The edits to check as they are typed: of a company whose reason is still to come, all
    but its status and reason (a score typed out of range there is still said at once)."""
    now = {}
    for company_id, fields in pending.items():
        if company_id in reason_to_come:
            fields = {k: v for k, v in fields.items() if k not in ("status", "ruled_out_reason")}
        if fields:
            now[company_id] = fields
    return now


def editor_key() -> str:
    return f"{EDITOR}_{st.session_state.get(EDITOR_VERSION, 0)}"


def forget_edits() -> None:
    """Start the table afresh: after a save, or when it shows other rows.

    Dropping the editor's state alone is not enough: the browser keeps its ticks and typed
    cells for a widget it already knows, and shows them while the page counts none. A new
    key is a new table in the browser too.
    """
    st.session_state.pop(editor_key(), None)
    st.session_state[EDITOR_VERSION] = st.session_state.get(EDITOR_VERSION, 0) + 1


def forget_unsaved() -> None:
    """Drop the edits kept: they were saved, or the user discarded them."""
    st.session_state.pop(UNSAVED, None)
    st.session_state.pop(DRAWN, None)
    forget_edits()


def kept_edits(conn, frame) -> dict[int, dict]:
    """The edits kept to draw into the table's data, {id: {field: value}}, for its rows.

    Worked out again only when the table is drawn afresh (first, after a trip, a new view, a
    save), so its data stays the same while the user edits it. A company gone or changed
    meanwhile loses its edits, and the page says so."""
    key = editor_key()
    drawn = st.session_state.get(DRAWN)
    if drawn is not None and drawn[0] == key and key in st.session_state:
        return drawn[1]
    if drawn is not None and drawn[0] == key:
        # Back from another page: a new key is a new table in the browser too.
        forget_edits()
        key = editor_key()
    checked = targets.recheck_edits(conn, st.session_state.get(UNSAVED, {}))
    st.session_state[UNSAVED] = checked.kept
    if said := checked.sentence(ui.plain):
        st.info(said, icon=":material/info:")
    drawn = (key, {i: edit["now"] for i, edit in checked.kept.items() if i in frame.index})
    st.session_state[DRAWN] = drawn
    return drawn[1]


def with_edits(frame, edits: dict[int, dict]):
    """The frame with these edits in its cells."""
    frame = frame.copy()
    for company_id, fields in edits.items():
        for field, value in fields.items():
            try:
                frame.at[company_id, field] = value
            except (TypeError, ValueError):  # 1.5 in a column of whole numbers
                frame[field] = frame[field].astype(object)
                frame.at[company_id, field] = value
    return frame


def keep_unsaved(frame, typed: dict[int, dict]) -> dict[int, dict]:
    """Note the edits of the rows in view (those kept and drawn, with those typed on top) and
    return all edits not saved yet, {id: {field: value}}: of rows in view and out of it.

    A cell set back to its saved value is no change."""
    drawn = st.session_state[DRAWN][1]
    unsaved = {
        i: edit for i, edit in st.session_state.get(UNSAVED, {}).items() if i not in frame.index
    }
    for company_id in frame.index:
        fields = {
            field: value
            for field, value in {**drawn.get(company_id, {}), **typed.get(company_id, {})}.items()
            if not targets.same_cell(value, frame.at[company_id, field])
        }
        if fields:
            was = {field: frame.at[company_id, field] for field in {*fields, "name"}}
            unsaved[int(company_id)] = {"was": was, "now": fields}
    st.session_state[UNSAVED] = unsaved
    return {i: edit["now"] for i, edit in unsaved.items()}


def with_rows_saved(conn, frame, pending: dict[int, dict]):
    """(the edits not saved yet, the saved rows they change): the page's rows, or these
    companies' own when some are out of view. One gone meanwhile (merged in another window)
    loses its edits, said as after a trip."""
    if all(i in frame.index for i in pending):
        return pending, frame
    rows = targets.table_rows(conn, pending)
    if any(i not in rows.index for i in pending):
        checked = targets.recheck_edits(conn, st.session_state.get(UNSAVED, {}))
        st.session_state[UNSAVED] = checked.kept
        st.info(checked.sentence(ui.plain), icon=":material/info:")
        pending = {i: edit["now"] for i, edit in checked.kept.items()}
    return pending, rows


def unsaved_out_of_view(then: str) -> None:
    """Say that edits are kept while no table shows them, and how to see them again (`then`
    says it with `{it}` for the edits)."""
    if kept := st.session_state.get(UNSAVED):
        edits = sum(len(edit["now"]) for edit in kept.values())
        it = "it" if edits == 1 else "them"
        st.caption(
            f"{changes(edits).capitalize()} to {companies(len(kept))} not saved yet: "
            f"{then.format(it=it)}."
        )


def new_view() -> None:
    forget_edits()
    st.session_state["targets_page"] = 1


def done(message: str, where: str, *, keep_ticks: bool = False) -> None:
    """Show the message after the rerun that shows the saved data, `where` the user acted.

    `keep_ticks` is for a change to the ticked companies that leaves the rows in place
    (industry, status): the table stays the same widget, ticks and typed cells included, so
    the next change can go to the same companies. Streamlit keeps a keyed table's edits while
    its rows are the same ones in the same order, and starts it afresh by itself when they are
    not (the change took them out of the view).
    """
    if not keep_ticks:
        forget_edits()
    st.session_state[NOTICE] = (where, message)
    st.rerun()


def just_done(where: str) -> bool:
    """Whether this run shows the message of an action taken `where`."""
    return (shown := st.session_state.get(NOTICE)) is not None and shown[0] == where


def notice(where: str) -> None:
    """The message of the last action, beside the button that did it."""
    if just_done(where):
        st.success(st.session_state[NOTICE][1], icon=":material/check_circle:")
        st.session_state[NOTICE] = None


def bulk_button(
    key: str,
    everything: bool,
    label: str,
    question: str,
    confirm: str,
    *,
    disabled: bool,
    icon: str | None = None,
) -> bool:
    """True when the change should be made: at once for the ticked companies, and for all
    that match only after the user said yes to `question` (`label…` opens it)."""
    if everything and not disabled:
        return ui.ask_first(key, f"{label}…", question, confirm)
    ui.forget_question(key)  # asked about all that match: back to them, it is asked afresh
    return st.button(label, disabled=disabled, icon=icon)


def shown(plan: targets.TargetPlan) -> targets.TargetPlan:
    """The plan with the industries it names (user text) escaped for a markdown element."""
    return dataclasses.replace(plan, industries=tuple(map(ui.plain, plan.industries)))


def bulk_change(
    conn,
    filters: targets.CompanyFilter,
    picked: list[int],
    in_view: list[int],
    matching: int,
    known_industries: list[str],
) -> None:
    """Set the industry of, or make targets of, the ticked companies or all that match.

    One company matching is the one row in view, ticked or not: the change goes to it, with
    no choice between two ways of naming it and no question, as for a ticked one.
    """
    with st.container(border=True):
        if matching == 1:
            st.markdown("**Change the one company that matches**")
            st.session_state.pop(SCOPE, None)  # widened again, start from the ticked ones
            everything, ids = False, in_view
        else:
            st.markdown("**Change many companies at once**")
            # Keyed: its labels hold the counts, and a radio without a key is known by them,
            # so a tick or a new filter would make a new one and drop the user's choice.
            scope = st.radio(
                "Which companies",
                ("picked", "matching"),
                format_func=targets.scope_choices(len(picked), matching).get,
                horizontal=True,
                key=SCOPE,
            )
            # Ticked companies are at most one page of the table, in plain view. All that
            # match can be thousands: that change waits for a yes to a question naming the count.
            everything = scope == "matching"
            ids = ui.cached(targets.list_company_ids, conn, filters) if everything else picked
        if st.session_state.pop(CLEAR_NEW_INDUSTRY, False):
            st.session_state[NEW_INDUSTRY] = None
        new_industry = st.selectbox(
            "New industry",
            known_industries,
            index=None,
            accept_new_options=True,
            placeholder="Choose one, or type a new industry",
            key=NEW_INDUSTRY,
            width=420,
        )
        if bulk_button(
            "industry_of_all",
            everything,
            "Set industry",
            *targets.industry_question(len(ids), ui.plain(new_industry)),
            disabled=not ids or not new_industry,
        ):
            try:
                changed = targets.set_industry(conn, ids, new_industry)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                st.session_state[CLEAR_NEW_INDUSTRY] = True
                done(
                    f"Put {companies(changed)} in {ui.plain(new_industry)}.",
                    "bulk",
                    keep_ticks=True,
                )
        if filters.whole_network:
            # Offered only when it changes something: not for companies on the list already.
            plan = ui.cached(targets.plan_targets, conn, ids) if ids else None
            if plan is not None and not plan.becoming:
                ui.forget_question("targets_of_all")
                if not just_done("bulk"):  # 'already' under 'Added 1 company' reads oddly
                    st.caption(shown(plan).nothing_to_add())
            else:
                make, yes = targets.make_targets_labels(len(ids))
                if bulk_button(
                    "targets_of_all",
                    everything,
                    make,
                    shown(plan).question() if plan else "",
                    yes,
                    disabled=not ids,
                    icon=":material/flag:",
                ):
                    try:
                        made = targets.make_targets(conn, ids)
                    except InfointError as exc:
                        ui.show_error(exc)
                    else:
                        done(shown(made).outcome(), "bulk", keep_ticks=True)
        notice("bulk")


ADD_FORM_FIELDS = ("add_name", "add_industry", "add_motivation", "add_postings", "add_status")
ADD_FORM_VERSION = "add_form_version"


def add_form_key(field: str) -> str:
    """The key of a box of the form as it is now drawn; a new version is a new, empty form.

    Dropping the boxes' state after an addition is not enough: the browser keeps showing
    what was typed in a widget it already knows, and sends it back with the next click.
    """
    return f"{field}_{st.session_state.get(ADD_FORM_VERSION, 0)}"


def add_company_form(conn) -> None:
    # Kept after a refusal, so the user corrects what they typed; emptied after an addition.
    with ui.form("add_company", border=True):
        st.markdown("**Add a company**")
        name_box, industry_box = st.columns(2)
        name = name_box.text_input("Company name", key=add_form_key("add_name"))
        industry = industry_box.text_input(
            "Industry", placeholder="e.g. Health care", key=add_form_key("add_industry")
        )
        motivation_box, postings_box, status_box = st.columns(3)
        # Bounded, so the box says the range and its arrows stop there as the user types
        # (Streamlit 1.67 marks a 7 "outside the allowed range", and the form adds nothing
        # while it shows). Streamlit resets a value out of range that reaches the server to
        # the default, so `add_company`'s check in words is for its other callers.
        motivation = motivation_box.number_input(
            "Motivation (0–3)",
            min_value=0,
            max_value=3,
            value=0,
            step=1,
            help=targets.MOTIVATION_HELP,
            key=add_form_key("add_motivation"),
        )
        postings = postings_box.number_input(
            "Postings (0–3)",
            min_value=0,
            max_value=3,
            value=0,
            step=1,
            help=targets.POSTINGS_HELP,
            key=add_form_key("add_postings"),
        )
        status = status_box.selectbox(
            "Status",
            ("target", "researching"),
            format_func=targets.STATUS_LABELS.get,
            key=add_form_key("add_status"),
        )
        if st.form_submit_button("Add company", icon=":material/add:"):
            try:
                added = targets.add_company(
                    conn,
                    name,
                    industry=industry,
                    motivation=motivation,
                    postings=postings,
                    status=status,
                )
                added_name = targets.company_name(conn, added)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                for field in ADD_FORM_FIELDS:
                    st.session_state.pop(add_form_key(field), None)
                st.session_state[ADD_FORM_VERSION] = st.session_state.get(ADD_FORM_VERSION, 0) + 1
                done(f"{ui.plain(added_name)} is on your list.", "add")
    notice("add")


conn = ui.page("Targets")
st.title("Targets")
st.caption(
    "Which companies do you want to learn about? Choose them, score them, "
    "and see how far you have got with the people there."
)
# A message whose place is not on the page this time (a filter hides the table) shows here.
unplaced_notice = st.empty()

all_companies, chosen = ui.cached(targets.count_chosen, conn)
if all_companies == 0:
    st.info(
        "No companies yet. Import your LinkedIn connections: the companies they work at come "
        "in as your network, and you pick your targets among them. Or add a company yourself.",
        icon=":material/flag:",
    )
    st.page_link(
        "pages/8_import_export.py", label="Go to Import & export", icon=":material/upload_file:"
    )
    add_company_form(conn)
    st.stop()

whole_network = st.toggle(
    "Show whole network",
    key="whole_network",
    on_change=new_view,
    help="Also list every company your contacts work at, not only the ones you chose. "
    "After an import these are thousands: use the name search to find one.",
)
search_box, industry_box = st.columns(2)
search = search_box.text_input(
    "Company name contains", key="targets_search", on_change=new_view, placeholder="e.g. bank"
)
known_industries = ui.cached(targets.industries, conn)
chosen_industries = industry_box.multiselect(
    "Industry",
    [*known_industries, funnel.NO_INDUSTRY],
    key="targets_industries",
    on_change=new_view,
    placeholder="All industries",
)
filters = targets.CompanyFilter(whole_network, tuple(chosen_industries), search)
listed = ui.cached(targets.count_listed, conn, filters)
matching = listed.companies

if chosen == 0 and not whole_network:
    st.info(
        "No targets yet. Switch on **Show whole network** above and pick "
        + ("the one company" if all_companies == 1 else f"some of the {companies(all_companies)}")
        + " your contacts work at, or add one below.",
        icon=":material/lightbulb:",
    )
    unsaved_out_of_view("switch on **Show whole network** to see and save {it}")
elif matching == 0:
    st.info("No company matches these filters. Clear the search or the industry to see more.")
    unsaved_out_of_view("clear the search or the industry to see and save {it}")
else:
    pages = math.ceil(matching / PAGE_SIZE)
    page = 1
    if pages > 1:
        # Fewer pages than before (a merge, a filter): stay on the last one.
        st.session_state["targets_page"] = min(st.session_state.get("targets_page", 1), pages)
        page = st.number_input(
            f"Page (of {pages:,})", 1, pages, key="targets_page", on_change=forget_edits, width=160
        )
    first = (page - 1) * PAGE_SIZE
    st.caption(
        f"{listed.caption(first + 1, min(first + PAGE_SIZE, matching))} "
        "Change any cell, then save.",
        help=targets.RANK_HELP,
    )
    frame = ui.cached(targets.list_companies, conn, filters, limit=PAGE_SIZE, offset=first)
    table = with_edits(frame, kept_edits(conn, frame))
    table.insert(0, "picked", False)
    edited = st.data_editor(
        table,
        key=editor_key(),
        hide_index=True,
        width="stretch",
        height=ROW_PX * (min(len(table), ROWS_SHOWN) + 1) + 2 + ui.SIDEWAYS_SCROLL_BAR_PX,
        placeholder="",
        # What you can change first, the coverage you can only read after it. The rank is the
        # rows' order (the caption's help says how it is worked out), so it takes no column.
        column_order=TABLE_COLUMNS,
        disabled=["rank", "people", "contacted", "met"],
        # Widths in px (`WIDTHS`): every column in view in a 1280-pixel window beside the menu,
        # labels and names in full.
        column_config={
            "picked": st.column_config.CheckboxColumn(
                "Pick",
                width=WIDTHS["picked"],
                help="Tick companies to change them together, below the table.",
            ),
            "name": st.column_config.TextColumn(
                "Company",
                width=WIDTHS["name"],
                required=True,
                help="Rename freely: later imports still recognise the company.",
            ),
            "industry": st.column_config.TextColumn("Industry", width=WIDTHS["industry"]),
            "motivation": score_column("Motivation", WIDTHS["motivation"], targets.MOTIVATION_HELP),
            "postings": score_column("Postings", WIDTHS["postings"], targets.POSTINGS_HELP),
            "status": st.column_config.SelectboxColumn(
                "Status",
                options=targets.TABLE_STATUSES,
                format_func=targets.TABLE_STATUS_LABELS.get,
                required=True,
                width=WIDTHS["status"],
                help="Target: you want to learn about it. Researching: you are on it. "
                "Ruled out: you learned it is not for you (say why under Reason). "
                "Out by industry: its industry is ruled out in Settings.",
            ),
            "ruled_out_reason": st.column_config.TextColumn(
                "Reason",
                width=WIDTHS["ruled_out_reason"],
                help="Why you ruled it out: what you learned. Shown in full below the table.",
            ),
            # Numbers, not "3 of 16" in one text cell, so a click on a header sorts them as
            # numbers (10 after 9); side by side they read "16 people, 3 contacted, 1 met".
            "people": st.column_config.NumberColumn(
                "People",
                width=WIDTHS["people"],
                format=text.COUNT_COLUMN_FORMAT,
                help="Your contacts who work there.",
            ),
            "contacted": st.column_config.NumberColumn(
                "Contacted",
                width=WIDTHS["contacted"],
                format=text.COUNT_COLUMN_FORMAT,
                help="How many of the people there you have written to.",
            ),
            "met": st.column_config.NumberColumn(
                "Met",
                width=WIDTHS["met"],
                format=text.COUNT_COLUMN_FORMAT,
                alignment="left",  # clear of the grid's own scroll bar (`WIDTHS`)
                help="People there you have met.",
            ),
        },
    )
    edited_rows = st.session_state.get(editor_key(), {}).get("edited_rows", {})
    typed = {
        int(frame.index[int(position)]): fields
        for position, row in edited_rows.items()
        if (fields := {name: value for name, value in row.items() if name != "picked"})
    }
    # Edits of companies out of view too (another filter or page): kept, counted and saved.
    pending = keep_unsaved(frame, typed)
    picked = [int(i) for i in edited.index[edited["picked"]]]
    pending, saved_rows = with_rows_saved(conn, frame, pending)
    elsewhere = [i for i in pending if i not in frame.index]

    edits = sum(len(fields) for fields in pending.values())
    refused = None
    reason_to_come = awaiting_reason(saved_rows, pending)
    if pending:
        to_come = (
            " Say why you are ruling out "
            + text.joined([ui.plain(name) for name in reason_to_come.values()])
            + " under Reason, then save."
            if reason_to_come
            else ""
        )
        out_of_view = [
            ui.plain(pending[i].get("name") or saved_rows.at[i, "name"]) for i in elsewhere
        ]
        not_shown = (
            f" {text.joined(out_of_view)} {'is' if len(out_of_view) == 1 else 'are'} not in "
            "the table as it is shown now."
            if out_of_view
            else ""
        )
        st.caption(
            f"{changes(edits).capitalize()} to {companies(len(pending))}, not saved yet."
            f"{not_shown}{to_come}"
        )
        try:  # said as soon as typed, not only at Save: a score out of range, say
            targets.check_changes(conn, checked_now(pending, reason_to_come))
        except InfointError as exc:
            refused = exc
    with st.container(horizontal=True, gap="small"):
        saving = st.button(
            "Save changes", type="primary", icon=":material/save:", disabled=not pending
        )
        # Kept through trips to other pages, the edits need a way out other than saving.
        discarding = pending and st.button("Discard changes", icon=":material/undo:")
    if discarding:
        forget_unsaved()
        done(f"Discarded {changes(edits)}; the table shows what is saved.", "save")
    elif refused is not None:
        ui.show_error(refused)  # once, where Save would say it: Save changes nothing then
    elif saving:
        try:
            saved = targets.update_companies(conn, pending)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            # A new score moves a company in the order: say where it went, if off this page.
            moved = [
                dataclasses.replace(place, name=ui.plain(place.name))
                for place in targets.where_now(
                    conn, filters, [i for i in pending if i in frame.index], page_size=PAGE_SIZE
                )
                if place.page != page
            ]
            forget_unsaved()
            done(targets.saved_sentence(edits, saved, moved), "save")
    notice("save")
    if pages > 1:
        # Streamlit sorts and downloads only the rows it was given, and neither can be
        # turned off for this table alone: say so, and where the whole list is.
        st.caption(
            f"A click on a column header orders only the {companies(len(frame))} on this page, "
            "and the table's download icon saves only them. All "
            f"{matching:,} are in the order above, best first; to save them all, export from "
            "Import & export."
        )
    # The reason's cell is narrow so the table fits a laptop's window (at 800 px it is a
    # sideways scroll away): in full here, with the companies an industry ruled out in Settings
    # (their status reads 'Out by industry'), and one typed but not saved yet as it will be.
    saved_reasons = ui.cached(targets.why_ruled_out, conn, tuple(frame.index))
    if reasons := targets.why_ruled_out_with_edits(saved_reasons, frame, pending):
        st.markdown("**Why you ruled them out**")
        st.markdown(
            "\n".join(
                f"- {ui.plain(frame.at[company_id, 'name'])}: {ui.plain(reason)}"
                + (" (not saved yet)" if unsaved else "")
                for company_id, (reason, unsaved) in reasons.items()
            )
        )

    bulk_change(conn, filters, picked, list(frame.index), matching, known_industries)

st.subheader("Coverage of the companies you chose, by industry")
coverage = ui.cached(targets.coverage_by_industry, conn)
if coverage.empty:
    st.caption(
        "Once you have targets or companies you are researching, this shows how many you chose "
        "per industry and whom you know there."
    )
else:
    # The chart and the table side by side in a row that wraps: the table as wide as its seven
    # columns (444 px: labels and "(no industry yet)" in full, seen in Chromium), the bars in
    # less. In two columns an 800 px window (sidebar open) showed 250 px of the table; there
    # it now goes under the chart. Short headers to fit; the caption under it says what each
    # counts.
    coverage_row = st.container(horizontal=True, gap="small", key="coverage_row")
    chart_box = coverage_row.container(width=COVERAGE_CHART_WIDTH)
    numbers_box = coverage_row.container(width=COVERAGE_TABLE_WIDTH)
    ui.chart(
        chart_box, charts.coverage_figure, coverage, config=charts.PLOTLY_CONFIG, key="coverage"
    )
    numbers_box.dataframe(
        coverage,
        hide_index=True,
        width="stretch",
        height="content",  # every industry in view, as in the chart beside
        placeholder="—",  # no people there, so no share of them
        column_config={
            "industry": st.column_config.TextColumn("Industry", width=112),
            "targets": st.column_config.NumberColumn(
                "Chosen",
                width=56,
                format=text.COUNT_COLUMN_FORMAT,
                help="Companies in this industry you chose: your targets and those you are "
                "researching, together. The line above the list and Home count them apart.",
            ),
            "targets_contacted": st.column_config.NumberColumn(
                "Reached",
                width=62,
                format=text.COUNT_COLUMN_FORMAT,
                help="Companies you chose where you have written to at least one person.",
            ),
            "targets_met": st.column_config.NumberColumn(
                "Met",
                width=40,
                format=text.COUNT_COLUMN_FORMAT,
                help="Companies you chose where you have met at least one person.",
            ),
            "people": st.column_config.NumberColumn(
                "People",
                width=54,
                format=text.COUNT_COLUMN_FORMAT,  # 3,467: thousands are common here
                help="Your contacts who work at these companies.",
            ),
            "contacted": st.column_config.NumberColumn(
                "Contacted",
                width=72,
                format=text.COUNT_COLUMN_FORMAT,
                help="How many of those people you have written to.",
            ),
            "contacted_percent": st.column_config.NumberColumn(
                "Share",
                width=48,
                format=home.PERCENT_COLUMN_FORMAT,
                help="Contacted ÷ people: the share of your contacts at these companies you have "
                "written to.",
            ),
        },
    )
    numbers_box.caption(COVERAGE_NOTE)

with ui.expander("Two entries for the same company? Merge them", "merge_open"):
    st.caption(
        "An import can bring the same employer under two names. Merging moves the people of "
        "one to the other; the one you keep keeps its name."
    )
    if st.session_state.pop(CLEAR_MERGE_SEARCH, False):
        st.session_state["merge_search"] = ""
    merge_search = st.text_input("Find them by name", key="merge_search")
    found = dict(targets.find_companies(conn, merge_search)) if merge_search.strip() else {}
    if merge_search.strip() and len(found) < 2:
        st.caption("Fewer than two companies match; try a shorter part of the name.")
    elif found:
        keep_box, other_box = st.columns(2)
        keep = keep_box.selectbox("Keep", list(found), format_func=found.get, key="merge_keep")
        other = other_box.selectbox(
            "Merge into it",
            [i for i in found if i != keep],
            format_func=found.get,
            key="merge_other",
        )
        if ui.ask_first(
            "merge",
            "Merge…",
            f"Merge {ui.plain(found[other])} into {ui.plain(found[keep])}? Its people move "
            "over and the entry disappears. This cannot be undone.",
            "Yes, merge them",
        ):
            try:
                moved = targets.merge_companies(conn, keep, other)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                st.session_state[CLEAR_MERGE_SEARCH] = True
                done(f"Merged. People who moved over: {moved}.", "merge")
notice("merge")

add_company_form(conn)
if leftover := st.session_state.pop(NOTICE, None):
    unplaced_notice.success(leftover[1], icon=":material/check_circle:")
