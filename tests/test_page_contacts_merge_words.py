"""Merging two records asks first and then says what it did, naming both people: which
record goes, into whom. It asked 'Merge the two records into one?', which left an anxious
user to work out which of the two would go, and it said 'Merged: 1 interactions'."""

from infoint import contacts, db, interactions
from tests.test_page_contacts import contacts_page, run


def test_the_merge_names_who_goes_into_whom_and_counts_in_words(app_db):
    conn = db.connect(app_db)
    ada = contacts.add_contact(conn, "Ada", "Rossi", company="Volt", position="Analyst")
    twin = contacts.add_contact(conn, "Ada", "Rosi", company="Nimbus")
    interactions.log_interaction(conn, twin, "outreach", subject="Coffee?")
    conn.close()
    at = contacts_page(contact=str(ada))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.text_input(key=f"merge_{ada}_typed").input("rosi")
    run(at)
    at.selectbox(key=f"merge_{ada}_pick_rosi").select(twin)
    run(at)
    at.button(key=f"merge_{ada}_{twin}").click()
    run(at)
    assert [w.value for w in at.warning] == [
        "Merge Ada Rosi (Nimbus) into Ada Rossi? Ada Rosi's record goes, and what it holds "
        "moves to Ada Rossi. This can't be undone (only a backup restore can)."
    ]
    at.button(key=f"merge_{ada}_{twin}_confirm").click()
    run(at)
    assert [s.value for s in at.success] == [
        "Merged Ada Rosi into Ada Rossi: 1 interaction and 0 meetings moved over."
    ]


def test_after_a_merge_the_search_for_the_other_record_starts_afresh(app_db):
    """The name typed to find the record merged away stayed, over 'No one by that name yet.'
    and an empty 'Choose an option': as if the merge had lost them."""
    conn = db.connect(app_db)
    ada = contacts.add_contact(conn, "Ada", "Rossi", company="Volt")
    twin = contacts.add_contact(conn, "Ada", "Rosi", company="Nimbus")
    conn.close()
    at = contacts_page(contact=str(ada))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.text_input(key=f"merge_{ada}_typed").input("rosi")
    run(at)
    at.selectbox(key=f"merge_{ada}_pick_rosi").select(twin)
    run(at)
    at.button(key=f"merge_{ada}_{twin}").click()
    run(at)
    at.button(key=f"merge_{ada}_{twin}_confirm").click()
    run(at)
    assert at.text_input(key=f"merge_{ada}_typed").value == ""
    assert "No one by that name yet." not in [c.value for c in at.main.caption]
    assert at.selectbox(key=f"merge_{ada}_pick_").value is None
