import streamlit as st

from infoint import ui

conn = ui.page("Targets")
st.title("Targets")
st.caption("Which companies do you want to learn about?")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
