"""Page setup shared by every page: config, the cached connection, our sidebar menu.

The only module of the package that imports Streamlit.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import streamlit as st

from infoint import db
from infoint.errors import InfointError
from infoint.outreach import COMPOSE_CONTACT_KEY, COMPOSE_KIND_KEY

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
    return _connection(str(database_path())).cursor()


def release_connection() -> None:
    """Close the cached connection (before a restore replaces the file)."""
    _connection.clear()


def page(title: str, icon: str = ":material/work:") -> duckdb.DuckDBPyConnection:
    """Set up a page: config, menu, and a database cursor; stops the page if it can't open."""
    st.set_page_config(page_title=f"{title} · infoint", page_icon=icon, layout="wide")
    with st.sidebar:
        st.markdown("### infoint")
        for path, label, menu_icon in MENU:
            st.page_link(path, label=label, icon=menu_icon)
        st.divider()
    try:
        conn = connection()
    except InfointError as exc:
        st.error(str(exc))
        st.stop()
    with st.sidebar:
        st.caption(f"Database: `{database_path()}`")
    return conn


def show_error(exc: InfointError) -> None:
    """One clear sentence for an error the user can act on."""
    st.error(str(exc), icon=":material/error:")


def ask_first(key: str, label: str, warning: str, confirm_label: str) -> bool:
    """A destructive action in two steps: its button, then a warning to confirm or cancel.

    Returns True on the run where the user confirmed; the question is open until answered.
    """
    asking = f"_ask_first_{key}"
    if st.button(label, key=key):
        st.session_state[asking] = True
    if not st.session_state.get(asking):
        return False
    with st.container(border=True):
        st.warning(warning, icon=":material/warning:")
        confirm, cancel = st.columns(2)
        if confirm.button(confirm_label, key=f"{key}_confirm"):
            st.session_state[asking] = False
            return True
        if cancel.button("Cancel", key=f"{key}_cancel"):
            st.session_state[asking] = False
            st.rerun()
    return False


CONTACTS_PAGE = "pages/2_contacts.py"


def open_contact(contact_id: int) -> None:
    """Jump to a person's record on the Contacts page, from any page."""
    st.session_state["open_contact"] = int(contact_id)
    st.switch_page(CONTACTS_PAGE, query_params={"contact": str(int(contact_id))})


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain(text: str) -> str:
    """User text for a markdown element, shown exactly as typed (no formatting, no links)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


OUTREACH_PAGE = "pages/3_outreach.py"


def compose_to(contact_id: int, kind: str = "outreach") -> None:
    """Open the Outreach composer on a person, for a first message or a follow-up."""
    st.session_state[COMPOSE_CONTACT_KEY] = int(contact_id)
    st.session_state[COMPOSE_KIND_KEY] = kind
    st.switch_page(OUTREACH_PAGE)
