import streamlit as st

from infoint import ui

conn = ui.page("Referrals")
st.title("Referrals")
st.caption("Who introduced you to whom?")
st.info("This page is on its way. Meanwhile, use the menu on the left.")
