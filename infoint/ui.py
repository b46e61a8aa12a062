"""Page setup shared by every page: config, the cached connection, our sidebar menu.

The only module of the package that imports Streamlit.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

from infoint import db
from infoint.errors import InfointError

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
