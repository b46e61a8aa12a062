import streamlit as st

from infoint import funnel, ui

conn = ui.page("Home", ":material/home:")
st.title("Your information-interview campaign")
figures = funnel.stats(conn)
st.metric("Contacts", figures["contacts"])
if figures["contacts"] == 0:
    st.info("Your database is empty. Import your LinkedIn export, or load the demo data.")
    st.page_link("pages/8_import_export.py", label="Import your LinkedIn export")
