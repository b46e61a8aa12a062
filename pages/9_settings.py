import streamlit as st

from infoint import ui

conn = ui.page("Settings")
st.title("Settings")
st.caption("Your profile, templates, backups and demo data.")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
