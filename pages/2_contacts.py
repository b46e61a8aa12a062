import streamlit as st

from infoint import ui

conn = ui.page("Contacts")
st.title("Contacts")
st.caption("Who do you know, and where do things stand with them?")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
