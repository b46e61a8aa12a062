import streamlit as st

from infoint import db, demo, settings, ui
from infoint.errors import InfointError

conn = ui.page("Settings", ":material/settings:")
st.title("Settings")
st.caption("Your data, its backups, and the demo data.")

if done := st.session_state.pop("settings_done", None):
    st.success(done, icon=":material/check_circle:")

summary = settings.database_summary(conn)
st.subheader("Where your data lives")
st.write(f"One file on this computer, {summary.size_bytes / 1_000_000:.1f} MB:")
st.code(str(summary.path), language=None, wrap_lines=True)
people, companies, logged, meetings = st.columns(4)
people.metric("People", summary.contacts)
companies.metric("Companies", summary.companies)
logged.metric("Interactions logged", summary.interactions)
meetings.metric("Meetings", summary.meetings)

st.markdown(
    "- **It stays here.** Everything you enter lives in that one file on this machine. "
    "infoint sends nothing anywhere: no account, no cloud, no usage statistics.\n"
    "- **Backups** are copies of the file in the `backups` folder beside it; the last "
    f"{db.BACKUPS_KEPT} are kept.\n"
    "- **Deleting a person** removes them from the database, but backups made before that "
    "still hold them. Delete those backup files too if the person must be gone everywhere."
)

st.subheader("Backups")
st.write(
    "A backup is a copy of your whole database. infoint makes one before every import; "
    "make one yourself before big changes."
)
if st.button("Back up now", type="primary", icon=":material/backup:"):
    try:
        st.session_state["fresh_backup"] = db.backup(conn)
    except InfointError as exc:
        ui.show_error(exc)
fresh = st.session_state.get("fresh_backup")
if fresh is not None and fresh.is_file():
    st.success(f"Backed up to {fresh.name}. You can also keep a copy elsewhere:")
    st.download_button(
        "Download this backup",
        data=fresh.read_bytes,
        file_name=fresh.name,
        mime="application/octet-stream",
        icon=":material/download:",
    )

backups = settings.list_backups(conn)
if not backups:
    st.info("No backups yet. “Back up now” makes the first one.")
else:
    st.dataframe(
        [
            {"Taken": b.taken_at, "Size (MB)": b.size_bytes / 1_000_000, "Note": b.note}
            for b in backups
        ],
        column_config={
            "Taken": st.column_config.DatetimeColumn(format="ddd D MMM YYYY, HH:mm:ss"),
            "Size (MB)": st.column_config.NumberColumn(format="%.1f"),
        },
        hide_index=True,
    )
    chosen = st.selectbox(
        "Backup to restore",
        backups,
        format_func=lambda b: f"{b.taken_at:%a %d %b %Y, %H:%M:%S} · {b.size_bytes / 1e6:.1f} MB",
    )
    if ui.ask_first(
        "restore_backup",
        "Restore this backup",
        f"Your data goes back to how it was on {chosen.taken_at:%a %d %b at %H:%M}. "
        "Everything you changed after that is lost. To keep today's data too, "
        "cancel and “Back up now” first.",
        "Yes, restore it",
    ):
        db_path = db.database_path(conn)
        ui.release_connection()
        try:
            db.restore(db_path, chosen.path)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            st.session_state.pop("import_report", None)
            st.session_state["settings_done"] = (
                f"Restored the backup from {chosen.taken_at:%a %d %b at %H:%M}."
            )
            st.rerun()

st.subheader("Demo data")
st.write(
    "Demo data is a made-up network to try infoint with. Every demo row is marked as "
    "demo and kept apart from yours, so removing it later takes exactly those rows and "
    "nothing you entered or imported."
)
if demo.has_demo(conn):
    if ui.ask_first(
        "remove_demo",
        "Remove demo data",
        "This deletes every demo person and company and everything logged about them. "
        "Your own people, companies and notes stay as they are.",
        "Yes, remove demo data",
    ):
        try:
            removed = demo.remove_demo(conn)
        except InfointError as exc:
            ui.show_error(exc)
        else:
            st.session_state["settings_done"] = (
                f"Removed the demo data ({removed} people); your own data is untouched."
            )
            st.rerun()
elif st.button("Load demo data", icon=":material/science:"):
    try:
        loaded = demo.load_demo(conn)
    except InfointError as exc:
        ui.show_error(exc)
    else:
        st.session_state["settings_done"] = (
            f"{loaded.sentence()} Have a look at Home and Contacts; remove it here when done."
        )
        st.rerun()

# --- "Your profile and focus" (issue 7 / H6) is added below this line. ---
