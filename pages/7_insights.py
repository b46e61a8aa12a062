import streamlit as st

from infoint import ui

conn = ui.page("Insights")
st.title("Insights")
st.caption("What is working for you?")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
