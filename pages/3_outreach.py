import streamlit as st

from infoint import ui

conn = ui.page("Outreach")
st.title("Outreach")
st.caption("Write a networking email worth answering.")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
