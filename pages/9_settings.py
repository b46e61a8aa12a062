import functools
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import streamlit as st

from infoint import db, demo, outreach, profile, settings, targets, text, ui
from infoint.errors import InfointError

conn = ui.page("Settings")
# Whether the user came here straight from a draft on Outreach (by its "Fill in your name …
# in Settings", or the menu): decided on the way in and kept while they stay, so a saved
# profile offers the way back to the draft, which Outreach keeps. Outreach drops its mark only
# on its own runs, so after Outreach, another page, then Settings, the mark was still there
# and "Back to your draft" was offered to someone who came from elsewhere: the page just left
# must be Outreach. A link, not a button: Settings' one primary action is "Back up now".
FROM_DRAFT = "settings_from_draft"
if ui.came_back():
    in_view = st.session_state.pop(outreach.DRAFT_IN_VIEW, False)
    st.session_state[FROM_DRAFT] = in_view and ui.came_from() == "Outreach"
ZONE_SAVED = "settings_zone_saved"  # said under the time zone's control, on the next run
ZONE_OPEN = "settings_zone_open"  # whether that control is open
# What a restore or the demo did, said beside the button clicked, not at the top of the page,
# out of view far above it, while "Backed up: …" still showed by the buttons (a
# walkthrough in Chromium): `keep(..., near=...)` keeps it by place for the next run, which
# takes it at its start (`ui.SaidHere`), so it is said once and gives way to whatever is done
# next.
SAID_NEAR = "settings_said_near"
# The backup "Back up now" made last: its file, when (an interval's clock, which a change of
# the wall clock can't move) and the data's version then. A click within
# ui.DOUBLE_CLICK_SECONDS of it, nothing saved between, is the same click made twice.
JUST_BACKED_UP = "settings_just_backed_up"


# "Your profile and focus" comes first on the page: it is what a new user comes for, and where
# the "Fill in your name … in Settings" link of Outreach and Meetings leads. The profile form,
# ruled-out industries, and ruling out a company are one function each.
def profile_form() -> None:
    """Name, role, what to learn, holidays: they fill templates and count business days."""
    me = profile.get_profile(conn)
    saved = False
    with ui.form("profile_form"):
        name = st.text_input("Your name", value=me.name, key="profile_name")
        role = st.text_input(
            "Your current role, as you would say it in a sentence",
            value=me.job_title,
            placeholder="a data analyst at a logistics firm",
            help="Templates use it after your name: “I'm Sam Lee, a data analyst at …”.",
            key="profile_role",
        )
        kind = st.radio(
            "What do you need to learn?",
            profile.FOCUS_KINDS,
            index=profile.FOCUS_KINDS.index(me.focus_kind),
            format_func=profile.FOCUS_KIND_LABELS.get,
            key="profile_focus_kind",
        )
        focus = st.text_input(
            "In a few words",
            value=me.focus,
            placeholder="product management in health tech",
            help="Shown on Home, and used in templates: “I'm learning about …”.",
            key="profile_focus",
        )
        detail = st.text_area(
            "More detail (optional)",
            value=me.focus_detail,
            placeholder="What you want to find out, and why it matters to you now.",
            key="profile_focus_detail",
        )
        holidays = st.text_area(
            "Holidays: days that don't count as business days for follow-ups",
            value="\n".join(text.day(d) for d in me.holidays),  # as the app writes dates
            placeholder="25 Dec 2026\n26/12/2026",
            help="One date per line, as 25 Dec 2026 or as day/month/year, e.g. 25/12/2026.",
            key="profile_holidays",
        )
        if st.form_submit_button("Save your profile", icon=":material/save:"):
            before = me
            try:
                me = profile.save_profile(
                    conn,
                    name=name,
                    job_title=role,
                    focus_kind=kind,
                    focus=focus,
                    focus_detail=detail,
                    holidays_text=holidays,
                )
            except InfointError as exc:
                ui.show_error(exc)
            else:
                saved = True
                # A form sent as it was saved changed nothing: said so, with no "Saved".
                if profile.profile_changed(before, me):
                    st.success(profile.saved_sentence(me, before))
                else:
                    st.info(profile.nothing_to_save_sentence(me), icon=":material/info:")
                today = profile.now(conn).date()
                for unlikely in (
                    profile.long_past_warning(me, today),
                    profile.far_ahead_warning(me, today),
                ):
                    if unlikely:
                        st.warning(unlikely, icon=":material/event_busy:")
        if me.holidays:
            st.caption(
                f"Follow-ups skip these days: {text.joined([text.day(d) for d in me.holidays])}."
            )
    if saved and st.session_state.get(FROM_DRAFT):
        st.page_link(
            ui.OUTREACH_PAGE, label="Back to your draft in Outreach", icon=":material/edit_note:"
        )


def ruled_out_industries() -> None:
    """Industries the user learned are not for them: nothing is due in them any more."""
    st.markdown("**Industries you ruled out**")
    ruled = profile.list_ruled_out_industries(conn)
    if not ruled:
        st.caption(
            "None yet. Learning that a field is not for you is a real result: record it here."
        )
    for entry in ruled:
        text_box, button_box = st.columns([4, 1])
        text_box.markdown(
            f"{ui.plain(entry.industry)}: {ui.plain(entry.reason)} "
            f"(since {text.day(entry.ruled_out_on)})"
        )
        if button_box.button("Bring back", key=f"bring_back_{entry.industry}"):
            try:
                profile.bring_back_industry(conn, entry.industry)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                st.rerun()
    industry_box, reason_box = st.columns(2)
    industry = industry_box.selectbox(
        "Industry",
        targets.industries(conn),
        index=None,
        accept_new_options=True,
        placeholder="Choose or type an industry",
        key="rule_out_industry",
    )
    reason = reason_box.text_input(
        "What you learned", placeholder="Too much travel for me", key="rule_out_industry_reason"
    )
    if st.button("Rule out this industry", icon=":material/block:"):
        try:
            profile.rule_out_industry(conn, industry or "", reason)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            st.rerun()


def rule_out_a_company() -> None:
    """One company at a time (the Targets page does it in its table too)."""
    st.markdown("**Rule out a company**")
    typed = st.text_input(
        "Find the company", placeholder="Part of its name", key="rule_out_company_find"
    )
    found = dict(targets.find_companies(conn, typed, limit=20)) if typed.strip() else {}
    if typed.strip() and not found:
        st.caption("No company by that name.")
    # One above the other, each the page's width: side by side, at 800 px (the sidebar open)
    # the company chosen read "Nimbus Consulting Ltd —", its status and people cut off.
    company = st.selectbox(
        "Company",
        list(found),
        index=None,
        format_func=found.get,
        placeholder="Type above, then choose",
        key=f"rule_out_company_{typed}",
    )
    reason = st.text_input(
        "What you learned", placeholder="The team I'd join is shrinking", key="rule_out_reason"
    )
    if st.button("Rule out this company", icon=":material/block:", disabled=company is None):
        try:
            targets.rule_out(conn, company, reason)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            name = ui.plain(found[company].split(" — ")[0])
            st.success(ui.unlinked(f"Ruled out {name}. Nothing is due there now."))


def keep(
    message: str, *, near: str, failed: bool = False, backup: tuple[Path, str] | None = None
) -> None:
    """Say `message` on the next run, which shows the fresh data, where
    `where_clicked.here(near)` is. `backup` is (path, label) of a backup the message names by
    that label (`named_now`)."""
    where_clicked.keep(near, message, failed=failed, about=backup)


def named_now(message: str, backup: tuple[Path, str] | None) -> str:
    """`message` naming its backup as the list names it now: a restore takes a backup of its
    own, so restoring one made a moment ago puts two in the same minute, which then read to
    the second."""
    if backup is None:
        return message
    path, label = backup
    return message.replace(label, next((b.label for b in backups if b.path == path), label))


# A restore and the demo's load and removal run as the yes's callback (ui.ask_first's
# on_confirm), before the page's next run, so one run shows what they did: run in the page,
# they took the question off it first and left the page drawn without it while they worked,
# then drew it all again after a rerun (and a restore left `conn` closed meanwhile).
def restore(db_path: Path, chosen: settings.BackupInfo) -> None:
    ui.release_connection()  # the next run opens the data restored
    # The drafts kept go with it: there is no draft on Outreach to lead back to any more.
    st.session_state.pop(FROM_DRAFT, None)
    try:
        db.restore(db_path, chosen.path)
    except InfointError as exc:
        keep(str(exc), near="restore", failed=True)
    else:
        st.session_state.pop("import_report", None)
        keep(
            f"Restored the backup from {chosen.label}.",
            near="restore",
            backup=(chosen.path, chosen.label),
        )


def change_demo(*, load: bool) -> None:
    """Load the demo, or remove it, and keep what was done to say under its heading."""
    try:
        if load:
            said = (
                f"{demo.load_demo(ui.connection()).sentence()} "
                "Have a look at Home and Contacts; remove it here when done."
            )
        else:
            said = ui.plain(demo.remove_demo(ui.connection()).sentence())
    except InfointError as exc:
        keep(str(exc), near="demo", failed=True)
    else:
        keep(said, near="demo")


where_clicked = ui.SaidHere(SAID_NEAR)  # this run's only

st.title("Settings")
st.caption("Your profile and focus, your data and its backups, and the demo data.")

st.subheader("Your profile and focus")
st.write(
    "What you need to learn guides everything else: which companies to target, who to ask, "
    "and what to ask them."
)
profile_form()
now = profile.now(conn)  # aware, in the user's zone
st.caption(
    f"Your time zone is {profile.zone_label(now.tzinfo, now)}. "
    "Meeting times are typed and shown in it, and your day begins at midnight there for what "
    "is due."
)
if ZONE_SAVED in st.session_state:
    st.session_state[ZONE_OPEN] = False  # closed, so that it does not cover what is said
with st.popover(
    "Change your time zone", icon=":material/public:", key=ZONE_OPEN, on_change="rerun"
):
    if chosen_zone := ui.pick_time_zone(conn, key="settings_time_zone"):
        st.session_state[ZONE_SAVED] = (
            f"Time zone saved: {profile.zone_label(ZoneInfo(chosen_zone), now)}."
        )
        st.rerun()  # the caption above was drawn in the old zone
if zone_saved := st.session_state.pop(ZONE_SAVED, None):
    st.success(zone_saved, icon=":material/check_circle:")  # here, not at the page's top
if (summary_ruled_out := profile.ruled_out_summary(conn)).total:
    st.caption(summary_ruled_out.sentence)
ruled_out_industries()
rule_out_a_company()

summary = settings.database_summary(conn)
st.subheader("Where your data lives")
st.markdown("One file on this computer:")
st.markdown(settings.path_said(summary.path))  # as text: a code block costs a first visit 1-2 s
people, companies, logged, meetings = st.columns(4)
people.metric("People", f"{summary.contacts:,}")
companies.metric("Companies", f"{summary.companies:,}", help=settings.COMPANIES_HELP)
# A short label: a quarter of the page at 800 px (the sidebar open) cut "Interactions lo…".
logged.metric(
    "Interactions",
    f"{summary.interactions:,}",
    help=(
        "Every outreach, reply, follow-up, thank-you, introduction, opportunity and note "
        "you logged."
    ),
)
meetings.metric("Meetings", f"{summary.meetings:,}")

st.markdown(
    "- **It stays here.** Everything you enter lives in that one file on this machine. "
    "infoint sends nothing anywhere: no account, no cloud, no usage statistics.\n"
    "- **Backups** are copies of the file in the `backups` folder beside it: the last "
    f"{db.BACKUPS_KEPT} you made, and apart from those the last {db.BACKUPS_KEPT} infoint "
    "made, are kept.\n"
    "- **Deleting a person** removes them from the database, and later imports leave them "
    "out, but backups made before that still hold them. Delete those backup files too if "
    "the person must be gone everywhere."
)

st.subheader("Backups")
st.write(
    "A backup is a copy of your whole database. infoint makes one before a LinkedIn import "
    "adds or changes people in a database that already holds some, and before every restore; "
    "make one yourself before big changes."
)
fresh_path = None
clicked_again = False
if st.button("Back up now", type="primary", icon=":material/backup:"):
    # Taken off as it is read: a click after the one it stops makes a backup again.
    just = st.session_state.pop(JUST_BACKED_UP, None)
    if (
        just is not None
        and time.monotonic() - just["at"] < ui.DOUBLE_CLICK_SECONDS
        and just["version"] == db.data_version(conn)
        and just["path"].is_file()
    ):
        fresh_path, clicked_again = just["path"], True
    else:
        try:
            fresh_path = db.backup(conn)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            st.session_state[JUST_BACKED_UP] = {
                "path": fresh_path,
                "at": time.monotonic(),
                "version": db.data_version(conn),
            }
backups = settings.list_backups(conn)
# Said on this run only: the next action on the page (restoring this very backup, say) is
# not to be read beside an old "Backed up: …". Downloading it runs nothing, so it stays.
fresh = next((b for b in backups if b.path == fresh_path), None)
if fresh is not None:
    st.success(
        f"Backed up: a copy of all your data as it was at {fresh.label}. "
        "It is in the list below, to restore if you ever need it. "
        "For safety, keep a copy elsewhere too, such as on a USB stick:"
    )
    st.download_button(
        "Download this backup",
        data=fresh.path.read_bytes,
        file_name=fresh.path.name,
        mime="application/octet-stream",
        on_click="ignore",
        icon=":material/download:",
    )
    if clicked_again:
        st.info(
            "That second click made no other backup: it came right after the first. "
            "To make another anyway, click “Back up now” again.",
            icon=":material/info:",
        )

st.caption(settings.space_used(conn))
if not backups:
    # The first import, into an empty database, takes none: its undo deletes what it added.
    why_none = (
        "An import into an empty database needs none: undoing it removes what it added. "
        if summary.imports
        else ""
    )
    st.info(f"No backups yet. {why_none}“Back up now” makes the first one.")
else:
    st.dataframe(
        # Named as the picker below names them (`BackupInfo.label`): to the second when two
        # share a minute, and numbered when they share a second, which a time alone can't say.
        [
            {"Taken": b.label, "Size (MB)": b.size_bytes / 1_000_000, "Note": b.note}
            for b in backups
        ],
        column_config={"Size (MB)": st.column_config.NumberColumn(format="%.1f")},
        hide_index=True,
    )
    chosen = st.selectbox(
        "Backup to restore",
        backups,
        format_func=lambda b: f"{b.label} · {b.note}",
    )
    # Whether anything was saved since the backup opens it (75 ms at 30,000 people), so it is
    # read only while the question is asked: on the click, and while ui.ask_first keeps it open.
    ui.ask_first(
        "restore_backup",
        "Restore this backup",
        settings.restore_question(conn, chosen) if ui.question_open("restore_backup") else "",
        "Yes, restore it",
        on_confirm=functools.partial(restore, db.database_path(conn), chosen),
    )
    where_clicked.here("restore", worded=named_now)  # right under "Restore this backup"

st.subheader("Demo data")
# Under the heading, above the words and the button: after the yes the page is shorter, and
# seen from the foot of the page a message under the button fell below the window (Chromium).
where_clicked.here("demo")
if demo.has_demo(conn):
    st.write(demo.ABOUT)
    ui.forget_question("load_demo")  # loaded: a question still open would ask to load it again
    ui.ask_first(
        "remove_demo",
        "Remove demo data",
        # Worded only while asked: it counts what the user logged with every demo person.
        ui.plain(demo.removal_warning(conn)) if ui.question_open("remove_demo") else "",
        "Yes, remove demo data",
        on_confirm=functools.partial(change_demo, load=False),
    )
else:
    st.write(demo.ABOUT_TO_LOAD)  # what loading gives, not what removing takes: none is here
    ui.forget_question("remove_demo")  # it went another way: loaded again, it is not asked
    # Beside the user's own data the demo joins every count: asked first, as removing it is.
    if demo.beside_own_data(conn):
        ui.ask_first(
            "load_demo",
            "Load demo data",
            ui.plain(demo.LOADING_BESIDE_YOURS),
            "Yes, load demo data",
            on_confirm=functools.partial(change_demo, load=True),
        )
    else:
        st.button(
            "Load demo data",
            icon=":material/science:",
            on_click=functools.partial(change_demo, load=True),
        )
