import streamlit as st

from infoint import ui

conn = ui.page("Meetings")
st.title("Meetings")
st.caption("Prepare, hold and debrief your conversations.")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
