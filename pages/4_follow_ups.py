import streamlit as st

from infoint import ui

conn = ui.page("Follow-ups")
st.title("Follow-ups")
st.caption("What is due now?")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
