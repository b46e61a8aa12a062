import streamlit as st

from infoint import ui

conn = ui.page("Import & export")
st.title("Import & export")
st.caption("Bring your LinkedIn network in; take your data out.")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
