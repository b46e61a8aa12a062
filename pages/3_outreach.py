import functools

import streamlit as st

from infoint import contacts, followups, interactions, outreach, text, ui
from infoint.errors import InfointError

conn = ui.page("Outreach")
# Set again below once a draft is drawn: Settings offers the way back only to a draft.
st.session_state.pop(outreach.DRAFT_IN_VIEW, None)
FLASH = "outreach_flash"
FLASH_DOUBT = "outreach_flash_doubt"  # what looks like a slip in a template just saved
TEMPLATE_KIND_LABELS = {"outreach": "First messages", "follow_up": "Follow-ups"}
STATUS_MARKS = {
    "pass": ":green[:material/check_circle:]",
    "warn": ":orange[:material/error:]",
    "fail": ":red[:material/cancel:]",
    "todo": ":gray[:material/radio_button_unchecked:]",
}
STATUS_WORDS = {"pass": "Good", "warn": "Worth a look", "fail": "Fix this", "todo": "Not yet"}
NEW_TEMPLATE = -1
BLANK = 0  # template ids start at 1
# Widths in px that read at 800 px (the page 458 px wide with the sidebar open) and 1280 (810):
# the template's name whole; the message and the checklist side by side where both fit.
TEMPLATE_PX = 420
CHECKLIST_PX = 330
# The message takes the room a wide window gives, from DRAFT_PX up to DRAFT_PX_MOST: about 100
# characters a line, as longer lines read badly (450 px held about 70, at 1920 px too).
DRAFT_PX = 450
DRAFT_PX_MOST = 640
# "Find a person" and the Person picker share a row, a third and two thirds of the extra room,
# where each has at least this much; else each has a row of its own (at 800 px the picker,
# a third of the page, showed "Priya Raghunathan, PhD — Nimbus Consul").
FIND_PX = 260
PERSON_PX = 420
# Streamlit gives a box in a row a fixed width, or a share of the room from 8rem up, no more:
# the message would shrink to 300 px beside the checklist (at 1100 px) before going under it.
# This CSS gives each box its least width and the message its most, on the row's item that
# holds the box with the key's class: Streamlit's own page structure (checked on 1.67), which
# an upgrade may change; tests/e2e/test_outreach_fit_800 then fails.
BOX_WIDTHS_CSS = f"""<style>
.stHorizontalBlock > :has(> .st-key-outreach_find_area) {{ flex: 1 1 {FIND_PX}px; }}
.stHorizontalBlock > :has(> .st-key-outreach_person_area) {{ flex: 2 1 {PERSON_PX}px; }}
.stHorizontalBlock > :has(> .st-key-outreach_draft_area) {{
  flex: 1 1 {DRAFT_PX}px;
  max-width: min(100%, {DRAFT_PX_MOST}px);
}}
</style>"""
# Set once the user picks a template themselves; until then the suggested one is used.
TEMPLATE_PICKED = "outreach_template_picked"
# Streamlit forgets a page's widgets when the user leaves it (say, for Settings through the
# "Fill in …" link): the choices are kept here as well and put back on the way in.
KEPT = "outreach_kept"
# Set by a successful "Log as sent": the next run clears the person and the search, so the
# one just logged is not offered again first.
START_AFRESH = "outreach_start_afresh"
# For each person, the draft of each kind last seen with the user's own words in it
# (`outreach.note_draft`): a "Write to …" button on another page opens that one again.
MY_DRAFTS = outreach.MY_DRAFTS
# Set by this page's own "Write the follow-up": the user asked for a fresh follow-up here.
FRESH_HERE = "outreach_fresh_here"
# Set by what opens another view on this page ("Log as sent", "Write the follow-up"): the next
# run starts at the top of the page (`ui.scroll_to_top`, by `end_of_page`). The browser kept
# the old view's scroll position: a follow-up just logged reopened 170 px down, title hidden.
MOVED = "outreach_moved"
# The draft the last run drew: its key, what its boxes held and the words kept for it then
# (`follow_the_choice`). Read and dropped as each run starts, so a run that drew no draft
# leaves none.
DRAWN = "outreach_drawn"
drawn_before = st.session_state.pop(DRAWN, None)
# Set by the template's and the kind's pickers when the user changes them on the page in
# view (a callback runs only for a widget drawn on the run before), read on the run it
# starts: only such a choice moves words typed right after it (`follow_the_choice`).
CHOSEN_HERE = "outreach_chosen_here"
chosen_here = st.session_state.pop(CHOSEN_HERE, False)
# The words of each draft (by its message box's key) as this session last saved them to the
# database or found them there (`outreach.save_draft`): only words changed here are saved, so
# an open tab does not write its older words over those saved in another.
SAVED = "outreach_saved_drafts"
# Set by "Start again from the template" when that would throw away words: asked first.
START_AGAIN = "outreach_start_again"


def end_of_page() -> None:
    """The template editor, then, after a "Log as sent" or a "Write the follow-up", the top of
    the page brought into view: last, so its element, there for one run, moves nothing above it
    when it goes (the browser's scroll anchoring)."""
    template_editor()
    if moved:
        ui.scroll_to_top()


def suggest_again() -> None:
    """Another person or kind: start again from the template suggested for them."""
    st.session_state.pop(TEMPLATE_PICKED, None)


def keep_pick() -> None:
    st.session_state[TEMPLATE_PICKED] = True
    st.session_state[CHOSEN_HERE] = True


def kind_chosen() -> None:
    suggest_again()
    st.session_state[CHOSEN_HERE] = True


def follow_the_choice(contact_id: int, this_draft: str, composed: tuple[str, str]) -> None:
    """Words typed the moment after choosing another template (or kind) go to the draft now
    chosen. Until the choice's run draws the new draft, the box of the one before stays on
    screen and takes typing: words typed there reach this run with the choice, in the old
    box, and were kept under the old template while the box in view showed the new one's
    text, the words gone from sight. They are the new draft's now (a box not typed into,
    often the subject, starts as the new draft's own), and the old one keeps what it held
    before; unless the new draft already holds words of the user's, which are not replaced
    (the caption under the picker then says where the new ones are). Words typed and sent
    before the choice (a click outside the box) came on a run of their own, and stay with
    their template; so do words arriving with pickers the user did not change on the page in
    view (a return from another page, say). Words still in the old box, not sent, when the
    new one replaces it are dropped by the browser with it: no run ever has them."""
    drawn = drawn_before
    if not chosen_here or ui.came_back():  # a return, or the picker not changed on the page
        return
    if drawn is None or drawn["contact"] != contact_id or drawn["key"] == this_draft:
        return
    old_subject, old_body = f"subject_{drawn['key']}", f"body_{drawn['key']}"
    if old_subject not in st.session_state or old_body not in st.session_state:
        return
    typed = (st.session_state[old_subject], st.session_state[old_body])
    kept = st.session_state.setdefault(ui.KEPT_DRAFTS, {})
    if typed == tuple(drawn["shown"]) or f"body_{this_draft}" in kept:
        return
    if drawn["kept"] is None:
        kept.pop(old_body, None)
    else:
        kept[old_body] = drawn["kept"]
    # A box not typed into (the subject, often) starts as the new draft's own.
    shown = drawn["shown"]
    mine = tuple(t if t != was else c for t, was, c in zip(typed, shown, composed, strict=True))
    kept[f"body_{this_draft}"] = {"typed": mine, "composed": composed}
    for key in (f"subject_{this_draft}", f"body_{this_draft}"):
        st.session_state.pop(key, None)


def shown_as_held(key: str) -> None:
    """Tell the browser again what a picker holds, as the page does when it sets one. After a
    menu link clicked right as the message box lost focus (see `ui.draft_boxes`), the
    browser drew the pickers from their first option while the draft went on to the person
    and template chosen, and the next edit switched to those shown."""
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]


def template_editor() -> None:
    """Edit, add and archive templates (built-in ones included)."""
    with ui.expander("Your templates", "templates_open", icon=":material/description:"):
        st.caption(
            "Change any template, built-in ones included, or add your own. " + ui.placeholder_help()
        )
        every = {t.id: t for t in outreach.list_templates(conn, include_archived=True)}
        editing = st.selectbox(
            "Template to edit",
            [NEW_TEMPLATE, *every],
            format_func=lambda i: (
                "A new template"
                if i == NEW_TEMPLATE
                else every[i].name + (" (archived)" if every[i].archived else "")
            ),
            key="template_editing",
        )
        current = every.get(editing)
        with ui.form(f"template_form_{editing}"):
            name = st.text_input(
                "Name", value=current.name if current else "", key=f"template_name_{editing}"
            )
            new_subject = st.text_input(
                "Subject",
                value=current.subject if current else "",
                key=f"template_subject_{editing}",
            )
            new_body = st.text_area(
                "Message",
                value=current.body if current else "",
                height=260,
                key=f"template_body_{editing}",
            )
            used_for = st.radio(
                "Used for",
                outreach.SEND_KINDS,
                index=outreach.SEND_KINDS.index(current.kind if current else "outreach"),
                format_func=TEMPLATE_KIND_LABELS.get,
                horizontal=True,
                key=f"template_kind_{editing}",
            )
            if st.form_submit_button("Save template", icon=":material/save:"):
                try:
                    outreach.save_template(
                        conn,
                        name,
                        new_subject,
                        new_body,
                        None if current is None else current.id,
                        kind=used_for,
                    )
                except InfointError as exc:
                    ui.show_error(exc)
                else:
                    st.session_state[FLASH] = f"Template '{name.strip()}' saved."
                    # Saved all the same: a word in braces may be the user's own blank.
                    st.session_state[FLASH_DOUBT] = outreach.template_doubts(new_subject, new_body)
                    st.rerun()
        if current is not None:
            label = "Bring it back" if current.archived else "Archive it"
            if st.button(label, key=f"archive_{current.id}", icon=":material/archive:"):
                try:
                    outreach.archive_template(conn, current.id, archived=not current.archived)
                except InfointError as exc:
                    ui.show_error(exc)
                else:
                    word = "back in the list" if current.archived else "archived"
                    st.session_state[FLASH] = f"Template '{current.name}' is {word}."
                    st.rerun()


st.title("Write to someone")
st.caption(
    "Pick a person and a template, make the draft your own, send it from your email or "
    "LinkedIn, then log it here so the follow-ups can keep track."
)

# Another page (Follow-ups, Referrals, Contacts) may have chosen the person and the kind of
# message. A draft the user wrote to them and did not send opens as they left it, whatever
# template the button would start from: a fresh one would hide their words.
preset = st.session_state.pop(outreach.COMPOSE_CONTACT_KEY, None)
reopened_for = None  # the kind a "Write to …" button asked for, when it found the user's draft
if preset is not None:
    preset = int(preset)
    asked_kind = st.session_state.pop(outreach.COMPOSE_KIND_KEY, None) or "outreach"
    available = {t.id for t in ui.cached(outreach.list_templates, conn)}
    fresh = st.session_state.pop(FRESH_HERE, False)
    theirs = (
        None
        if fresh
        else outreach.draft_to_reopen(
            st.session_state.get(MY_DRAFTS, {}).get(preset, {}),
            st.session_state.get(ui.KEPT_DRAFTS, {}),
            preset,
            asked_kind,
            available,
            ui.cached(outreach.last_logged, conn, preset),
        )
    )
    if theirs is None and not fresh:  # one saved before this session: a reload, a restart
        saved = outreach.latest_saved_draft(conn, preset, asked_kind, available)
        theirs = None if saved is None else (saved.kind, saved.template_id)
    st.session_state["outreach_contact"] = preset
    st.session_state.pop(KEPT, None)
    if theirs is None:
        st.session_state["outreach_kind"] = asked_kind
        suggest_again()
    else:
        st.session_state["outreach_kind"], reopened = theirs
        st.session_state["outreach_template"] = BLANK if reopened is None else reopened
        keep_pick()
        reopened_for = asked_kind
if st.session_state.pop(START_AFRESH, False):
    st.session_state["outreach_contact"] = None
    st.session_state["outreach_find"] = ""
    suggest_again()
elif preset is None and KEPT not in st.session_state:
    # The first visit of a session (a reload, a new tab, a restart) opens on the draft the
    # user saved last, if any: its template is found below, as for anyone with a saved draft.
    available = {t.id for t in ui.cached(outreach.list_templates, conn)}
    if last_saved := outreach.latest_saved_draft(conn, templates=available):
        st.session_state["outreach_contact"] = last_saved.contact_id
        st.session_state["outreach_kind"] = last_saved.kind
        suggest_again()
for key, value in st.session_state.get(KEPT, {}).items():
    st.session_state.setdefault(key, value)
moved = st.session_state.pop(MOVED, False)
if FLASH in st.session_state:
    st.success(ui.plain(st.session_state.pop(FLASH)), icon=":material/check:")
if doubt := st.session_state.pop(FLASH_DOUBT, ""):
    st.warning(ui.plain(doubt), icon=":material/spellcheck:")

if not ui.cached(contacts.count_contacts, conn):
    st.info(
        "There is no one to write to yet. Bring in your LinkedIn network, or add a person "
        "by hand on the Contacts page.",
        icon=":material/group_add:",
    )
    st.page_link("pages/8_import_export.py", label="Import your LinkedIn export")
    st.page_link("pages/2_contacts.py", label="Add a person on Contacts")
    st.stop()

# --- What kind, who, which template ---------------------------------------------------------

# The kind narrows the people and the templates: a follow-up goes to someone who went silent.
shown_as_held("outreach_kind")
kind = st.radio(
    "What are you writing?",
    outreach.SEND_KINDS,
    format_func=outreach.KIND_LABELS.get,
    key="outreach_kind",
    on_change=kind_chosen,
    horizontal=True,
)
following_up = kind == "follow_up"
# Wide boxes: a person's label ("… at Solar Insurance AE") is read whole at 1280 px, and at
# 800 px the picker has a row of its own (`BOX_WIDTHS_CSS`). Longer labels are named in full
# under it.
st.html(BOX_WIDTHS_CSS)
finding = st.container(horizontal=True)
find_box = finding.container(key="outreach_find_area")
who_box = finding.container(key="outreach_person_area")
with find_box:
    typed = st.text_input(
        "Find a person", placeholder="Part of a name, a company or a role", key="outreach_find"
    )
with who_box:
    suggesting = not following_up and not typed.strip()
    if following_up:
        listing = "silent"
        due = ui.cached(outreach.follow_up_list, conn, typed, refresh_every=60)
        people = due.people
    elif suggesting:
        listing = "suggested"
        people = ui.cached(outreach.suggested_recipients, conn)
    else:
        listing = "found"
        people = ui.cached(outreach.find_recipients, conn, typed)
    if suggesting and people:
        cut = len(people) == outreach.RECIPIENTS_SHOWN  # more wait
        first = "The first " if cut else ""
        introduced = sum(1 for p in people if p.introduced_by)
        if introduced == len(people):
            who = f"{first}{text.counted(introduced, 'person', 'people')} introduced to you"
            find_box.caption(f"{who} and not yet contacted; type a name to find anyone.")
        else:
            whom = (
                f": {text.counted(introduced, 'person', 'people')} introduced to you, then "
                "those at your targets"
                if introduced
                else " at your targets"
            )
            find_box.caption(
                f"{first}{text.counted(len(people), 'person', 'people')} not yet contacted"
                f"{whom}, best first; type a name to find anyone."
            )
    elif not following_up:
        if suggesting:  # no one left to write to at the targets: everyone, closest first
            listing = "found"
            people = ui.cached(outreach.find_recipients, conn, "")
        cut = len(people) == outreach.RECIPIENTS_SHOWN
        total = ui.cached(outreach.count_recipients, conn, typed) if cut else len(people)
        shown = f"the first {len(people)} of {total:,}" if total > len(people) else "everyone"
        if suggesting:
            find_box.caption(
                "No one at your targets is waiting for a first message, so here is "
                f"{shown}, closest first; type a name to find anyone."
            )
        elif total > len(people):
            find_box.caption(f"Showing {shown}, closest first — type more of the name.")
        elif len(people) == 1:
            find_box.caption("1 person matches, closest first.")
        elif people:
            find_box.caption(
                f"{len(people)} people match, closest first, then those at your targets and "
                "those introduced to you."
            )
    elif people:
        total = due.total
        waiting = (
            f"The first {len(people)} of {total:,} people"
            if total > len(people)
            else text.counted(total, "person", "people")
        ) + " due a follow-up"
        by_name = " by that name" if typed.strip() else ""
        narrow = "type more of the name" if typed.strip() else "type a name to narrow the list"
        find_box.caption(
            f"{waiting}{by_name}, written to longest ago first"
            + (f"; {narrow}." if total > len(people) else ".")
        )
    # Each label its own, whatever the text: a picker keeps the first of two equal labels.
    found = outreach.picker_labels(people)
    # The person chosen before this search stays chosen, so their draft is not lost; if the
    # list does not show them they come last, said so (a match past the cut, or none), rather
    # than first as if they were shown.
    chosen = st.session_state.get("outreach_contact")
    kept_name = None
    if chosen is not None and chosen not in found:
        try:
            if following_up and not ui.cached(
                outreach.follow_up_timing, conn, chosen, refresh_every=60
            ):
                st.session_state["outreach_contact"] = None  # no answer is awaited from them
            else:
                kept = ui.cached(outreach.get_recipient, conn, chosen, with_stage=True)
                found = outreach.picker_labels([*people, kept])
                kept_name = ui.plain(kept.name)
        except InfointError:
            st.session_state["outreach_contact"] = None
    if following_up and not people:
        find_box.caption(
            "No one is due a follow-up"
            + (" by that name" if typed.strip() else "")
            + f": a person appears here, as on Follow-ups, after {followups.FOLLOW_UP_AFTER} "
            "business days without an answer (weekends and your holidays don't count). "
            "Follow-ups says who is next, and when."
        )
    elif typed.strip() and not people:
        find_box.caption(
            f"No one matches “{ui.plain(typed.strip())}”: try part of a first or last name, "
            "a company or a role."
        )
    if kept_name and people:
        listed = ui.cached(outreach.is_recipient, conn, chosen, listing, typed, refresh_every=60)
        find_box.caption(outreach.kept_sentence(kept_name, listed=listed, shown=len(people)))
    elif kept_name:
        find_box.caption(f"{kept_name} stays chosen, with your draft below.")
    st.session_state.setdefault("outreach_contact", None)
    if typed.strip() and len(found) == 1 and st.session_state["outreach_contact"] is None:
        st.session_state["outreach_contact"] = next(iter(found))  # the one person it can be
        suggest_again()
    # Picked from, not typed into: typing here would only ever search the people listed, so
    # the one search is "Find a person", and the box says so.
    shown_as_held("outreach_contact")
    contact_id = st.selectbox(
        "Person",
        list(found),
        format_func=found.get,
        placeholder=("Choose who to follow up" if following_up else "Choose who to write to")
        + ", or search in “Find a person”",
        key="outreach_contact",
        on_change=suggest_again,
        filter_mode=None,
        help="The people listed here come from “Find a person”: type part of a name, a company "
        "or a role there to find anyone.",
    )
person = None if contact_id is None else ui.cached(outreach.get_recipient, conn, contact_id)
if person is not None:
    # The picker's label leads, as it may have been made distinct from another's
    # (`picker_labels`): in full here, where a narrow picker cuts it short.
    who_box.caption(ui.plain(" · ".join([found.get(contact_id, person.label), *person.facts[1:]])))
# When the one follow-up to them is due, by the Follow-ups page's rule (None: none awaited).
timing = (
    None
    if person is None
    else ui.cached(outreach.follow_up_timing, conn, contact_id, refresh_every=60)
)
# Worked out again each minute: a meeting still ahead leaves the history once it begins.
earlier = (
    None
    if person is None or following_up
    else ui.cached(outreach.history, conn, contact_id, refresh_every=60)
)
every_template = ui.cached(outreach.list_templates, conn)
templates = {t.id: t.name for t in every_template if t.kind == kind} | {BLANK: "A blank page"}
if (
    not st.session_state.get(TEMPLATE_PICKED)
    or st.session_state.get("outreach_template") not in templates
):
    # A draft the user saved to them (before a reload, say) opens again, not a fresh one.
    saved = (
        None
        if person is None
        else outreach.latest_saved_draft(conn, contact_id, kind, set(templates) - {BLANK})
    )
    if saved is not None and saved.kind == kind:
        st.session_state["outreach_template"] = (
            BLANK if saved.template_id is None else saved.template_id
        )
        st.session_state[TEMPLATE_PICKED] = True
    else:
        suggested = outreach.suggest_template(
            every_template,
            kind,
            has_mutual=bool(person and person.through_mutual),
            knows_them=bool(earlier and earlier.spoken),
            introduced=bool(person and person.mutual_introduced),
        )
        st.session_state["outreach_template"] = BLANK if suggested is None else suggested
# As wide as "Cold, after reading their profile or work" needs, whatever the window: half the
# page (2 columns) cut it to "Cold, after reading their profil" at 800 px.
template_box = st.container(width=TEMPLATE_PX)
shown_as_held("outreach_template")
chosen_template = template_box.selectbox(
    "Template",
    list(templates),
    format_func=templates.get,
    key="outreach_template",
    on_change=keep_pick,
    help="Picked for what you know about the person; choose another if it fits better. "
    "Edit templates at the bottom of this page.",
)
template_id = None if chosen_template == BLANK else chosen_template
if contact_id is not None:
    composed_now = ui.cached(outreach.compose, conn, template_id, contact_id)
    follow_the_choice(
        contact_id,
        outreach.draft_key(contact_id, template_id),
        (composed_now.subject, composed_now.body),
    )
# Drafts are kept per template: edits made under another are not lost by switching, and the
# box that now shows the template's words says where they are (a new user thought them gone).
edited_elsewhere = [
    name
    for shown_id, name in templates.items()
    if shown_id != chosen_template
    and f"body_{outreach.draft_key(contact_id, None if shown_id == BLANK else shown_id)}"
    in st.session_state.get(ui.KEPT_DRAFTS, {})
]
if contact_id is not None and edited_elsewhere:
    named = text.joined([f"“{ui.plain(name)}”" for name in edited_elsewhere], "or")
    template_box.caption(
        f"Your edits under {named} are kept: pick it again to go back to them."
        if len(edited_elsewhere) == 1
        else f"Your edits under {named} are kept: pick one again to go back to it."
    )
st.session_state[KEPT] = {
    "outreach_kind": kind,
    "outreach_find": typed,
    "outreach_contact": contact_id,
    "outreach_template": chosen_template,
}

if person is None:
    st.info("Choose a person above to start a draft.", icon=":material/arrow_upward:")
    end_of_page()
    st.stop()

first_name = ui.plain(person.first_name or person.name)
if not st.session_state.get(TEMPLATE_PICKED) and not following_up:
    for_known = [t for t in every_template if t.for_known and t.kind == "outreach"]
    if template_id is None and earlier.spoken:
        st.caption(
            f"You have spoken with {first_name} before, so a blank page: a few words of your "
            "own suit them better than a message for a stranger. Pick a template if you would "
            "rather start from one, or save your own below."
        )
    elif (
        person.degree == "1st"
        and not earlier.spoken
        and for_known
        and template_id != for_known[0].id
    ):
        st.caption(
            f"{first_name} is a 1st-degree contact, which may not mean you have spoken, so "
            "this draft does not say you know each other. If you do, pick "
            f"“{ui.plain(for_known[0].name)}”."
        )
early = following_up and timing is not None and not timing.due
if early:
    st.info(timing.early(first_name), icon=":material/schedule:")
# One notice for someone already written to, met or introduced through: what happened and
# what to do next (a follow-up when it is due, else the day it will be).
notice = (
    None
    if following_up
    else outreach.first_message_notice(earlier, timing, person.first_name or person.name)
)
if notice:
    with st.container(border=True):
        icon = (
            ":material/history:"
            if timing is None
            else ":material/reply:"
            if timing.due
            else ":material/schedule:"
        )
        st.markdown(f":orange[{icon}] {ui.plain(notice.said)}")
        st.caption(ui.plain(notice.next_step))
        buttons = st.container(horizontal=True)
        if (
            timing is not None
            and timing.due
            and buttons.button(
                "Write the follow-up", icon=":material/reply:", key="notice_follow_up"
            )
        ):
            st.session_state[outreach.COMPOSE_CONTACT_KEY] = contact_id
            st.session_state[outreach.COMPOSE_KIND_KEY] = "follow_up"
            st.session_state[FRESH_HERE] = True
            st.session_state[MOVED] = True
            st.rerun()
        if buttons.button(
            f"Open {first_name}'s record", icon=":material/person:", key="notice_open_record"
        ):
            ui.open_contact(contact_id)

# Arrived by a "Write to …" button at the user's own draft: said once, with the way to what
# the button would have opened.
if reopened_for is not None:
    asked_history = (
        None
        if reopened_for == "follow_up"
        else earlier
        if not following_up
        else ui.cached(outreach.history, conn, contact_id, refresh_every=60)
    )
    would_open = outreach.suggest_template(
        every_template,
        reopened_for,
        has_mutual=person.through_mutual,
        knows_them=bool(asked_history and asked_history.spoken),
        introduced=person.mutual_introduced,
    )
    st.info(
        ui.plain(
            outreach.kept_draft_sentence(
                person.first_name or person.name,
                kind,
                reopened_for,
                next((t for t in every_template if t.id == would_open), None),
                template_id,
            )
        ),
        icon=":material/edit_note:",
    )

# --- The draft and its checklist ------------------------------------------------------------

draft = ui.cached(outreach.compose, conn, template_id, contact_id)
this_draft = outreach.draft_key(contact_id, template_id)
subject_key, body_key = f"subject_{this_draft}", f"body_{this_draft}"


def keep_saved() -> None:
    """Save the draft's words to the database when this session changed them, so a reload,
    another tab or a restart finds them (`outreach.save_draft`); a draft this session holds no
    words for takes those saved before, if any."""
    kept = st.session_state.setdefault(ui.KEPT_DRAFTS, {})
    saved = st.session_state.setdefault(SAVED, {})
    if body_key not in kept:
        # Boxes on screen with the template's words (words saved since in another tab, say)
        # are left as the browser shows them: the saved words open on the next visit.
        on_screen = subject_key in st.session_state or body_key in st.session_state
        found = None if on_screen else outreach.saved_draft(conn, contact_id, template_id)
        if found is None:
            saved.pop(body_key, None)
        else:
            kept[body_key] = {"typed": found.typed, "composed": found.composed}
            saved[body_key] = found.typed
        return
    typed = tuple(kept[body_key]["typed"])
    if saved.get(body_key) == typed:
        return
    try:
        outreach.save_draft(
            conn, contact_id, template_id, kind, typed, tuple(kept[body_key]["composed"])
        )
    except InfointError as exc:
        ui.show_error(exc)
    else:
        saved[body_key] = typed


def words_copied(
    contact_id: int, template_id: int | None, kind: str, logged: dict[str, int]
) -> None:
    """What the page does with the words it draws, for words copied out of the boxes where no
    run of it draws them (`ui.draft_boxes`: typed, then the menu clicked at once): noted as the
    person's draft, for a "Write to …" button (`outreach.draft_to_reopen`), and saved. Saved
    words are left unmarked when saving fails: the page tries again when it draws them, and
    says why."""
    body_key = f"body_{outreach.draft_key(contact_id, template_id)}"
    kept = st.session_state.get(ui.KEPT_DRAFTS, {}).get(body_key)
    if kept is None:  # moved to the draft chosen next (`follow_the_choice`), or forgotten
        return
    outreach.note_draft(
        st.session_state.setdefault(MY_DRAFTS, {}).setdefault(contact_id, {}),
        kind,
        template_id,
        edited=True,
        logged=logged,
    )
    typed = tuple(kept["typed"])
    saved = st.session_state.setdefault(SAVED, {})
    if saved.get(body_key) == typed:
        return
    try:
        outreach.save_draft(
            ui.connection(), contact_id, template_id, kind, typed, tuple(kept["composed"])
        )
    except InfointError:
        return
    saved[body_key] = typed


def start_again() -> None:
    """Back to the template's words: the saved draft goes, and the boxes show the template."""
    try:
        outreach.discard_draft(conn, contact_id, template_id)
    except InfointError as exc:
        ui.show_error(exc)
        return
    ui.forget_draft(body_key)
    st.session_state.get(SAVED, {}).pop(body_key, None)
    # Set, not dropped: a box whose state is dropped keeps showing what the browser holds.
    st.session_state[subject_key], st.session_state[body_key] = draft.subject, draft.body
    st.rerun()


# The checklist beside the message where both fit (1280 px), else under it: in [3, 2] columns
# at 800 px it was 175 px wide and its points wrapped word by word. A row that wraps, as
# columns never do above 640 px; the message grows with the window (`BOX_WIDTHS_CSS`).
drafting = st.container(horizontal=True, gap="small")
draft_box = drafting.container(key="outreach_draft_area")
checklist_box = drafting.container(width=CHECKLIST_PX)
with draft_box:
    keep_saved()
    start_from = "a blank page" if template_id is None else "the template"
    if body_key in st.session_state.get(SAVED, {}):
        st.caption(
            f":material/save: Your saved draft to {first_name}: it stays here, even after a "
            "reload or a restart, until you log it as sent."
        )
        if st.button(f"Start again from {start_from}", type="tertiary", key="start_again"):
            shown = (st.session_state.get(subject_key), st.session_state.get(body_key))
            if shown == (draft.subject, draft.body):  # no words of theirs would go
                start_again()
            else:
                st.session_state[START_AGAIN] = this_draft
    if st.session_state.get(START_AGAIN) == this_draft:
        st.warning(
            f"Start again from {start_from}? The words you wrote to {first_name} here will be "
            "gone.",
            icon=":material/warning:",
        )
        sure, keep_mine = st.columns(2)
        if sure.button(f"Yes, start again from {start_from}", key="start_again_sure"):
            del st.session_state[START_AGAIN]
            start_again()
        elif keep_mine.button("No, keep my draft", key="start_again_keep"):
            del st.session_state[START_AGAIN]
            st.rerun()
    else:
        st.session_state.pop(START_AGAIN, None)
    subject, body = ui.draft_boxes(
        conn,
        (draft.subject, draft.body),
        subject_key,
        body_key,
        380,
        functools.partial(
            words_copied,
            contact_id,
            template_id,
            kind,
            ui.cached(outreach.last_logged, conn, contact_id),
        ),
    )
    keep_saved()
    st.session_state[DRAWN] = {
        "contact": contact_id,
        "key": this_draft,
        "shown": (subject, body),
        "kept": st.session_state.get(ui.KEPT_DRAFTS, {}).get(f"body_{this_draft}"),
    }
    outreach.note_draft(
        st.session_state.setdefault(MY_DRAFTS, {}).setdefault(contact_id, {}),
        kind,
        template_id,
        edited=f"body_{this_draft}" in st.session_state.get(ui.KEPT_DRAFTS, {}),
        logged=ui.cached(outreach.last_logged, conn, contact_id),
    )
    # What goes out: placeholders typed by hand are filled too, the box left as typed.
    sending = ui.draft_as_sent(conn, contact_id, subject, body)
# One box per person: each starts from how a message to them most likely goes out, by the
# rule Contacts' log form follows: the way the user's last message to them went, else by
# email when an address is on file. Read here, above the box, as an email is checked for a
# subject and a LinkedIn message is not.
channel_key = f"outreach_channel_{contact_id}"
likely_channel = ui.cached(
    interactions.likely_channel_to, conn, contact_id, person.email, reads_reminders=False
)
with checklist_box, st.container(border=True):
    checks = outreach.check_email(
        sending.body, sending.subject, st.session_state.get(channel_key, likely_channel)
    )
    good = sum(c.status == "pass" for c in checks)
    st.markdown(f"**Checklist: {good} of {len(checks)} points covered**")
    if not outreach.word_count(sending.body):
        st.caption("Start by writing your message: each point is checked as you write.")
    for check in checks:
        st.markdown(
            f"{STATUS_MARKS[check.status]} **{check.label}** · {STATUS_WORDS[check.status]}  \n"
            f"{ui.plain(check.hint)}"
        )
    if claim := outreach.unrecorded_claim(person, sending.subject, sending.body):
        st.markdown(f":orange[:material/help:] {ui.plain(claim)}")
    st.caption("The checklist updates when you click outside the message (or press Ctrl+Enter).")

missing = sending.unfilled
ui.warn_unfilled(missing)
st.session_state[outreach.DRAFT_IN_VIEW] = True  # Settings leads back here
with ui.expander("Preview", "preview_open", expanded=bool(missing), icon=":material/visibility:"):
    st.markdown(f"**{outreach.preview_markdown(sending.subject)}**")
    st.markdown(outreach.preview_markdown(sending.body))

# --- Sending stays with you -----------------------------------------------------------------

st.subheader("Send it yourself, then log it")
copy_box, log_box = st.columns([3, 2])
with copy_box:
    ui.copy_or_mail(person.email, sending.subject, sending.body, missing)
with log_box:
    channel = st.selectbox(
        "Sent by",
        interactions.CHANNELS,
        index=interactions.CHANNELS.index(likely_channel),
        format_func=interactions.CHANNEL_LABELS.get,
        key=channel_key,
    )
    blocked = bool(missing) or not sending.body.strip()
    if st.button(
        "Log as sent", type="primary", disabled=blocked, icon=":material/send:", key="log_sent"
    ):
        try:
            sent = outreach.log_sent(
                conn,
                contact_id,
                subject=sending.subject,
                body=sending.body,
                channel=channel,
                kind=kind,
                template_id=template_id,
            )
        except InfointError as exc:
            ui.show_error(exc)
        else:
            # The message is logged: saying more about it must never look like a failure, which
            # would keep the draft and invite logging it twice.
            try:
                # What happened: a first message, a second one today, another after earlier days.
                said = outreach.logged_sentence(conn, contact_id, sent, kind)
            except InfointError:
                said = f"Logged: your message to {person.name}."
            st.session_state[FLASH] = said
            st.session_state[START_AFRESH] = not sent.already_logged
            st.session_state[MOVED] = True  # to the confirmation at the top
            ui.forget_draft(body_key)
            st.session_state.get(SAVED, {}).pop(body_key, None)  # logging it discarded it
            st.rerun()
    if blocked:
        st.caption("Logging opens once the message has text and no {placeholder} is left.")
    elif early:
        st.caption(f"Early: the follow-up is due on {text.weekday_day(timing.due_on)}.")
    # Not twice: the notice above, for someone written to or met before, has its own.
    if not notice and st.button(
        f"Open {first_name}'s record", icon=":material/person:", key="open_record"
    ):
        ui.open_contact(contact_id)

end_of_page()
