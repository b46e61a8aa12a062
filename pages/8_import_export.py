from datetime import UTC, datetime

import streamlit as st

from infoint import (
    db,
    demo,
    export,
    ics,
    importer,
    insights,
    meetings,
    profile,
    settings,
    targets,
    text,
    ui,
)
from infoint import history as linkedin_history
from infoint.errors import InfointError
from infoint.linkedin import HistoryFileError

MAX_UPLOAD_MB = 50
# The uploaders take any file: a type filter would only grey a wrong one out with an icon,
# while the reader says in a sentence what it expected.
SKIPPED_SHOWN_OPEN = 10
CHANGED = {"company": "Company", "position": "Title"}
SINCE_WIDTH = 170  # px: a day as the app writes it, its calendar icon and the box's padding
# "Your imports" in 456 px (an 800 px window, sidebar open, scroll bars drawn): the time as
# wide as it reads ("28 Nov 2026, 07:05" with the cell's padding), the rest wrapped: LinkedIn's
# archive name in three lines, the words of what the import did in two or three.
IMPORTS_WHEN_WIDTH = 126
IMPORTS_WRAPPED = {"did": 150, "file_name": 180}
# After the reason an import failed, in the same box: it wrote nothing (`importer.import_file`).
NOTHING_IMPORTED = "Nothing was imported; your data is as it was."

conn = ui.page("Import & export")
# A confirmation said where the user clicked, taken where it is said (`ui.SaidHere`): what
# the last target list added, what the LinkedIn history added, and the undo of an import (or
# why it failed).
where_clicked = ui.SaidHere("target_list_done", until_said=True)
UNDONE = "undo_import"  # where the undo is said: under "Your imports", where its button was


st.title("Import & export")
st.caption("Bring your LinkedIn network in; take your data out.")

st.subheader("Bring in your LinkedIn connections")
st.markdown(
    "On LinkedIn, open **Settings & Privacy → Data privacy → Get a copy of your data**, "
    "tick **Connections** and request the archive. LinkedIn emails you a link to a .zip, "
    "usually within minutes. Upload that .zip as it is, or the `Connections.csv` inside it. "
    "Importing again later is safe: your notes stay, and new jobs and titles are picked up. "
    "A file older than one you imported before is only imported once you say so."
)
upload_round = st.session_state.setdefault("upload_round", 0)
uploaded = st.file_uploader(
    "Your LinkedIn export (.zip or Connections.csv)",
    max_upload_size=MAX_UPLOAD_MB,
    key=f"linkedin_upload_{upload_round}",
)
if uploaded is not None:
    # Another file chosen: the last import's report is that file's, and LinkedIn names every
    # export Connections.csv, so under this file's question or error it read as this file's
    # outcome. The import stays listed under "Your imports".
    st.session_state.pop("import_report", None)
import_clicked = st.button(
    "Import", type="primary", icon=":material/upload:", disabled=uploaded is None
)
# The file the import found older than one imported before (importer.OlderExportError), and
# what it said: asked about while that same file stays chosen.
older = st.session_state.get("older_import")
if older is not None and (uploaded is None or uploaded.file_id != older["file_id"]):
    del st.session_state["older_import"]
    older = None
anyway = False
if older is not None:
    st.warning(older["sentence"], icon=":material/history:")
    go_on, cancel = st.columns(2)
    anyway = go_on.button("Import anyway", icon=":material/upload:")
    if cancel.button("Cancel", icon=":material/close:"):
        del st.session_state["older_import"]
        st.session_state["upload_round"] = upload_round + 1  # nothing was imported: start over
        st.rerun()
if import_clicked or anyway:
    # The progress in a slot of its own, cleared when the import fails: the error then says
    # in one box why, and that nothing changed. A status "Nothing was imported; …" over the
    # reason in red read as two things gone wrong (walkthrough in Chromium).
    progress = st.empty()
    with progress.status("Importing your connections…", expanded=True) as status:
        bar = st.progress(0.0, text="Reading the file…")
        try:
            report = importer.import_file(
                conn,
                uploaded.getvalue(),
                filename=uploaded.name,
                progress=lambda fraction, message: bar.progress(fraction, text=message),
                anyway=anyway,
            )
        except importer.OlderExportError as exc:
            status.update(label="Nothing was imported yet.", state="complete", expanded=False)
            failure = exc
        except InfointError as exc:
            failure = exc
        else:
            status.update(label="Import finished.", state="complete", expanded=False)
            failure = None
    if isinstance(failure, importer.OlderExportError):
        st.session_state["older_import"] = {"file_id": uploaded.file_id, "sentence": str(failure)}
        st.rerun()
    elif failure is not None:
        progress.empty()
        # messages.csv or Invitations.csv: its section further down opens once connections
        # are in (`offer_history`), so before, the step to say is the connections first.
        if isinstance(failure, HistoryFileError) and not linkedin_history.can_match(conn):
            failure = failure.connections_first()
        ui.show_error(InfointError(f"{failure} {NOTHING_IMPORTED}"))
    else:
        st.session_state.pop("older_import", None)
        st.session_state["import_report"] = report
        st.session_state["upload_round"] = upload_round + 1
        st.rerun()

# The report of the import just done is drawn last, into its place here: Streamlit shows the
# page's sections from before the import until this run reaches them, so a report drawn first
# said "Added 9 people" above "No imports yet" and "First bring in your connections above"
# (seen in Chromium while the machine was busy). Each section below reads the data as it is
# after the import; the report appears once they all do.
report_box = st.container()

st.subheader("Your imports")
# The undo's outcome, where its button was: at the top of the page it was out of view, and
# the place clicked showed only "No imports yet" (walkthrough in Chromium at 1280 px). First
# under the heading, before the list or the note on why it is empty: under "No imports kept:
# the last one was undone" the user read the result second.
where_clicked.here(UNDONE)
history = settings.import_history(conn)
if history.empty:
    st.info(settings.no_imports_sentence(conn))
else:
    # The time, what the import did in words and the file it read (two imports in one minute
    # are told apart by it), in the 456 px an 800 px window leaves the table (sidebar open,
    # scroll bars drawn): four columns of counts and the time took 395 of them, and LinkedIn's
    # archive name ("Complete_LinkedInDataExport_11-27-2026.zip/Connections.csv", 370 px) ran
    # on past the edge. Words and names wrap onto taller rows where long; a wider window gives
    # each column the same share of its spare width.
    row_height = max(
        insights.wrapped_row_height(list(history[column]), width) or 0
        for column, width in IMPORTS_WRAPPED.items()
    )
    st.dataframe(
        history,
        column_config={
            "imported_at": st.column_config.DatetimeColumn(
                "When", format=text.MOMENT_COLUMN_FORMAT, width=IMPORTS_WHEN_WIDTH
            ),
            "did": st.column_config.TextColumn(
                "What it did",
                width=IMPORTS_WRAPPED["did"],
                help="Added: new people. Updated: someone's company or title changed. "
                "Unchanged: here already, as they were. Skipped: rows that could not be used.",
            ),
            "file_name": st.column_config.TextColumn("File", width=IMPORTS_WRAPPED["file_name"]),
        },
        column_order=("imported_at", "did", "file_name"),
        hide_index=True,
        width="stretch",
        row_height=row_height or None,
        height=insights.wrapped_table_height(len(history), row_height or None),
    )
offer, no_undo = settings.undo_state(conn)
if no_undo:
    st.write(ui.plain(no_undo))  # it names the file imported
    if settings.can_go_back(conn):  # a backup from before that import, as the sentence says
        st.page_link(
            "pages/9_settings.py", label="Restore a backup in Settings", icon=":material/restore:"
        )
if offer is not None:
    since = (
        ""
        if not offer.unchanged_since
        else " The import after it changed nothing."
        if offer.unchanged_since == 1
        else f" The {offer.unchanged_since:,} imports after it changed nothing."
    )
    st.write(
        f"Imported the wrong file? You can undo the import of {ui.plain(offer.file_name)} from "
        f"{text.moment(offer.imported_at)} until you change anything else.{since}"
    )
    if ui.ask_first(
        f"undo_import_{offer.batch_id}",
        "Undo the last import",
        f"Your data goes back to how it was just before {ui.plain(offer.file_name)} was "
        f"imported ({text.moment(offer.imported_at)}). "
        # Saving a draft leaves the offer: the drafts are kept, bar those to people it added.
        f"{ui.plain(settings.undo_drafts_sentence(conn, offer))}",
        "Yes, undo the import",
    ):
        db_path = db.database_path(conn)
        ui.release_connection()  # `conn` is closed from here on: finish with a rerun
        try:
            settings.undo_import(db_path, offer)
        except InfointError as exc:
            where_clicked.keep(UNDONE, str(exc), failed=True)  # it may quote a file's name
        else:
            st.session_state.pop("import_report", None)
            where_clicked.keep(UNDONE, f"The import of {ui.plain(offer.file_name)} was undone.")
        st.rerun()


def show_lines(title: str, rows: list[targets.RowProblem]) -> None:
    """The lines of a target list left out, each with why, under `title` as the LinkedIn import
    says "Why 2 rows were skipped": open when there are a few, written as lines of text (a table
    is drawn, not written: a reader that takes the page's text, a screen reader among them, got
    the warning's count and no line), and for many a table to search, closed."""
    with st.expander(title, expanded=len(rows) <= SKIPPED_SHOWN_OPEN):
        if len(rows) <= SKIPPED_SHOWN_OPEN:
            st.markdown("\n".join(f"- Line {row.line:,}: {ui.plain(row.reason)}" for row in rows))
        else:
            st.dataframe(
                [{"Line": row.line, "Reason": row.reason} for row in rows], hide_index=True
            )


st.subheader("Add target companies from a list")
st.markdown(
    "Brainstormed your companies in a spreadsheet? Upload it as Excel (.xlsx) or CSV with a "
    "column **name**, and if you like **industry**, **motivation** and **postings** "
    "(each 0–3). You see what will be added before anything is saved."
)
# What the last add did, here where the user clicked: at the top of the page, far above,
# a new user saw only the upload box empty.
where_clicked.here("target_list")
target_round = st.session_state.setdefault("target_round", 0)
target_file = st.file_uploader(
    "Your list of companies (.xlsx or .csv)",
    max_upload_size=MAX_UPLOAD_MB,
    key=f"target_upload_{target_round}",
)
if target_file is not None:
    try:
        preview = targets.read_target_list(conn, target_file, target_file.name)
    except InfointError as exc:
        ui.show_error(exc)
    else:
        st.dataframe(
            preview.shown(),
            column_config={
                "line": "Line",
                "name": "Company",
                "industry": "Industry",
                "motivation": "Motivation (0–3)",
                "postings": "Postings (0–3)",
                "now": st.column_config.TextColumn(
                    "Now",
                    help="New: not here yet. In your network: someone you know works there. "
                    "Either way it becomes a target. Otherwise the status you gave it.",
                ),
            },
            hide_index=True,
            placeholder="",  # a value not given is a blank cell, not the word None
        )
        if said := preview.columns_sentence():
            st.caption(ui.plain(said))
        if preview.problems:
            them = "it" if len(preview.problems) == 1 else "them"
            st.warning(
                f"{text.counted(len(preview.problems), 'row')} can't be read and will be left "
                f"out; fix {them} in your file and upload the file again to add {them} too."
            )
            show_lines(
                f"Why {text.counted(len(preview.problems), 'row')} can't be read",
                preview.problems,
            )
        if preview.repeats:
            repeated = len(preview.repeats)
            st.info(
                f"{text.counted(repeated, 'row')} {'names' if repeated == 1 else 'name'} a "
                "company an earlier line names; only the first line of each is added."
            )
            show_lines("Which lines", preview.repeats)
        # Companies the user chose already: what the file would change of each, and whether
        # it may (by default not: what the user typed stays).
        update = False
        if preview.on_list:
            on_list = len(preview.on_list)
            with st.expander(
                f"Already on your list: {text.counted(on_list, 'company', 'companies')}",
                expanded=on_list <= SKIPPED_SHOWN_OPEN,
            ):
                st.markdown("\n".join(f"- {c.said(ui.plain)}" for c in preview.on_list))
            if preview.differing:
                update = st.radio(
                    "The companies already on your list",
                    (False, True),
                    format_func=targets.UPDATE_CHOICES.get,
                    horizontal=True,
                    key=f"target_update_{target_file.file_id}",
                )
            st.caption(preview.kept_note(update, ui.plain))
        companies = len(preview.frame)
        add_label = preview.button_label(update)
        # Keyed by the upload (the preview is read from it alone) and what the preview showed,
        # as the history's Add button is: a click on the button of another file's preview is
        # not this button's, so nothing is added that the preview on screen did not show.
        add_key = f"target_add_{target_file.file_id}_{companies}_{preview.skipped}_{update}"
        if not add_label:
            st.caption(preview.nothing_to_add())
        # A file whose rows are mostly left out is likely no list of companies (a list of
        # people names each employer again and again): asked about before it changes them all.
        elif (
            ui.ask_first(
                add_key,
                f"{add_label}…",
                preview.left_out_question(update),
                "Yes, add them" if preview.newly_targeted else "Yes, update them",
            )
            if preview.mostly_left_out
            else st.button(add_label, icon=":material/flag:", key=add_key)
        ):
            try:
                result = targets.import_target_list(conn, preview, update=update)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                st.session_state["target_round"] = target_round + 1
                them = "it" if result.touched == 1 else "them"
                where_clicked.keep(
                    "target_list",
                    f"From {ui.plain(target_file.name)}: {result.sentence(ui.plain)} See {them} "
                    "on the Targets page.",
                )
                st.rerun()

st.subheader("Take your data out")
st.write(
    "Everything you keep here in one Excel workbook (a sheet each for your contacts, "
    "companies, what you logged, meetings, introductions and more, with names, not codes), "
    "or your contacts as a CSV file for other tools, and your meetings still ahead as a "
    "calendar file (.ics). Cells that a spreadsheet could run as a formula are made harmless."
)
sizes = ui.cached(export.sheet_sizes, conn)
st.caption(f"The workbook's sheets and their rows: {export.describe_sizes(sizes)}")
today = datetime.now(ui.cached(profile.zone, conn)).date()  # the user's, in their time zone
# The two downloads share one row, side by side. The workbook is built on request and kept for
# this version of the data: a big workbook takes a moment, and a download button fed up front
# would build it again on every rerun of the page. The bar takes the Prepare button's place
# while it is built (after the row is drawn, so the CSV download stays usable), and the
# download takes the bar's.
downloads = st.container(horizontal=True, vertical_alignment="center")
workbook = downloads.empty()
this_version = (str(ui.database_path()), db.data_version(conn))
prepared = st.session_state.get("prepared_workbook")
if prepared is not None and prepared[0] != this_version:
    prepared = None
prepare = prepared is None and workbook.button(
    "Prepare the Excel workbook", icon=":material/table_view:"
)
downloads.download_button(
    "Download contacts (CSV)",
    data=lambda: export.contacts_csv_bytes(conn.cursor()),
    file_name=f"infoint-contacts-{today}.csv",
    mime="text/csv",
    icon=":material/download:",
)
# The calendar file, as Meetings offers it (its list is cached per minute there too): only
# with a meeting ahead, as an empty calendar would add nothing to the user's.
this_minute = datetime.now(UTC).replace(second=0, microsecond=0)
if ui.cached(meetings.upcoming_meetings, conn, this_minute):
    downloads.download_button(
        "Download all upcoming meetings (.ics)",
        data=lambda: ics.upcoming_ics(conn.cursor(), datetime.now(UTC)),
        file_name="infoint-upcoming-meetings.ics",
        mime="text/calendar",
        icon=":material/calendar_month:",
        help="One calendar file with every meeting still ahead; your notes stay out of it.",
    )
else:
    st.caption(
        "No meetings ahead, so no calendar file to download yet; you schedule them on Meetings."
    )
if prepare:
    bar = workbook.progress(
        0.0,
        text=f"Preparing {text.counted(sizes['Contacts'], 'contact')} and the rest of "
        "your records…",
    )
    built = export.prepare_workbook(
        conn, progress=lambda fraction, message: bar.progress(fraction, text=message)
    )
    prepared = st.session_state["prepared_workbook"] = (this_version, built)
if prepared is not None:
    workbook.download_button(
        "Download everything (Excel)",
        data=prepared[1].data,
        file_name=f"infoint-{today}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        on_click="ignore",
    )
if prepared is not None and prepared[1].cut:
    st.info(export.describe_cut(prepared[1].cut), icon=":material/content_cut:")


# --- LinkedIn history (messages and invitations as events) is offered below. ---
# Self-contained, with its own upload of the full archive; it needs contacts to match against.
def offer_history() -> None:
    """Messages and invitations from the full archive as outreach and reply events."""
    st.subheader("Bring in what you already sent on LinkedIn")
    st.markdown(
        "LinkedIn's full archive holds your messages and invitations (`messages.csv`, "
        "`Invitations.csv`). infoint can turn the messages you sent, and invitations you sent "
        "with a note, into outreach, and the answers into replies, so your funnel starts with "
        "what you already did. Upload the archive .zip as it is, or, if you unzipped it, its "
        "`messages.csv` and then its `Invitations.csv`. Your own words are kept; of the other "
        "person's messages only the fact and the date of an answer are kept, never what they "
        "wrote."
    )
    history_round = st.session_state.setdefault("history_round", 0)
    if not linkedin_history.can_match(conn):
        st.info(
            "First bring in your connections above: messages are matched to people by their "
            "LinkedIn profile address.",
            icon=":material/link:",
        )
        return
    # The day beside the upload, as wide as it reads in full, in a row that wraps: in a
    # quarter of an 800 px window (sidebar open) it read "29/08/20", its year cut.
    inputs_row = st.container(horizontal=True, gap="medium", key="history_inputs")
    archive_file = inputs_row.file_uploader(
        "Your LinkedIn archive (.zip), or its messages.csv or Invitations.csv",
        max_upload_size=MAX_UPLOAD_MB,
        key=f"history_upload_{history_round}",
    )
    since = ui.day_input(
        inputs_row,
        "Starting from",
        value=linkedin_history.default_since(today),
        help="Messages before this day are left out; the default is 90 days back.",
        key="history_since",
        width=SINCE_WIDTH,
    )
    # What the last add did, under the upload where its button was: said at the top of the
    # page, some 930 px above, the section read as an empty box and the file was sent again.
    where_clicked.here("history")
    if archive_file is not None:
        try:
            found = linkedin_history.preview_history(
                conn, archive_file.getvalue(), archive_file.name, since
            )
        except InfointError as exc:
            ui.show_error(exc)
        else:
            st.write(found.describe())
            for note in found.notes:
                st.caption(note)
            # Keyed by the file and the preview: a day typed and the button clicked at once
            # reach one run, and a click on the button shown for another day or file (another
            # key) is not this button's, so nothing is added that the preview did not say.
            if found.events and st.button(
                "Add this event to your history"
                if found.events == 1
                else f"Add these {text.counted(found.events, 'event')} to your history",
                icon=":material/history:",
                key=f"history_add_{archive_file.file_id}_{found}",
            ):
                try:
                    added = linkedin_history.import_history(
                        conn, archive_file.getvalue(), archive_file.name, since
                    )
                except InfointError as exc:
                    ui.show_error(exc)
                else:
                    st.session_state["history_round"] = history_round + 1
                    where_clicked.keep("history", added.describe(done=True))
                    st.rerun()


offer_history()


def show_report(report: importer.ImportReport) -> None:
    """What the import just done found, in its place under the Import button."""
    with st.container(border=True):
        st.markdown(f"**{ui.plain(report.file_name)}**: {report.summary()}")
        # Each figure as wide as its words, in a row that wraps: in four even columns, a
        # quarter of the box in an 800 px window (sidebar open, scroll bars drawn), "New
        # people" read "29,…" for 29,699 (walkthrough with a 30,000-row export).
        figures = st.container(horizontal=True, gap="medium", key="import_figures")
        figures.metric("New people", f"{report.added:,}", width="content")
        figures.metric(
            "Updated",
            f"{report.updated:,}",
            help="Something LinkedIn holds about them changed, such as company or title.",
            width="content",
        )
        figures.metric("Unchanged", f"{report.unchanged:,}", width="content")
        figures.metric(
            "Skipped",
            f"{report.skipped:,}",
            help="Rows that could not be used; see why.",
            width="content",
        )
        if report.skipped_rows:
            with st.expander(
                f"Why {text.counted(report.skipped, 'row')} "
                f"{'was' if report.skipped == 1 else 'were'} skipped",
                expanded=len(report.skipped_rows) <= SKIPPED_SHOWN_OPEN,
            ):
                st.dataframe(
                    [{"Line": row.line, "Reason": row.reason} for row in report.skipped_rows],
                    hide_index=True,
                )
        # Someone added by hand has no day of connecting, so the import could not find them:
        # a namesake it added may be them again. Said, never merged: two people share names.
        if report.namesakes:
            st.info(ui.unlinked(report.namesakes_sentence(ui.plain)), icon=":material/group:")
            yours = {n.yours_id: n.yours_name for n in report.namesakes}
            if len(yours) == 1:
                [(yours_id, yours_name)] = yours.items()
                if st.button(
                    f"Open {ui.plain(yours_name)}, whom you added",
                    icon=":material/person:",
                    key="open_namesake",
                ):
                    ui.open_contact(yours_id)
            else:
                ui.contact_opener(
                    "Open one you added",
                    yours,
                    "Choose a person to merge on their record",
                    key="namesake",
                )
        if demo.has_demo(conn):
            st.info(demo.STILL_LOADED, icon=":material/science:")
            st.page_link(
                "pages/9_settings.py",
                label="Remove demo data in Settings",
                icon=":material/delete:",
            )
        # In a row that wraps, each link as wide as its words: in half of an 800 px window
        # (sidebar open) the first read "Next: mark the companies yo". A small gap: it is also
        # the space between the lines when the row wraps, and a large one left 4rem empty
        # above "Search your network" at 800 px.
        next_steps = st.container(horizontal=True, gap="small", key="import_next_steps")
        next_steps.page_link(
            "pages/1_targets.py",
            label="Next: mark the companies you want to learn about",
            icon=":material/flag:",
        )
        next_steps.page_link(
            "pages/2_contacts.py", label="Search your network", icon=":material/group:"
        )
        if report.moved_back:
            st.info(report.moved_back_sentence(), icon=":material/history:")
        if report.changes:
            st.markdown("**Worth a message: a new job or title**")
            st.caption(
                "A change is a good reason to get back in touch: congratulate them, and ask "
                "how the new role is going."
            )
            st.dataframe(
                [
                    {"Name": c.name, "What": CHANGED[c.field], "Was": c.old, "Now": c.new}
                    for c in report.changes
                ],
                hide_index=True,
            )
            ui.contact_opener(
                "Open a contact",
                {c.contact_id: c.name for c in report.changes},
                "Choose a person to see and log on their record",
                key="job_change",
            )


if (report := st.session_state.get("import_report")) is not None:
    with report_box:
        show_report(report)
