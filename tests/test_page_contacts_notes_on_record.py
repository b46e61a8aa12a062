"""A person's notes show on their record, as typed. A note typed on Add a person ('Where you
met, what you talked about') was out of sight: the record said 'Nothing logged yet…' and the
note showed only under Edit details → Notes."""

from infoint import contacts, db
from infoint.text import plain_markdown
from tests.test_page_contacts import contacts_page, run, shown

MET = "Met at the *Lisbon* meetup: she runs data at [Acme](x), hiring in March."


def test_a_note_typed_on_add_a_person_shows_on_their_record(app_db):
    at = run(contacts_page())
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Moss")
    at.text_area(key="add_notes").input(MET)
    at.button(key="add_person").click()
    run(at)
    run(at)  # the record, opened by the add
    assert at.title[0].value == "Dee Moss"
    said = shown(at)
    assert plain_markdown(MET) in said  # as typed: no formatting, no link
    # The empty timeline does not say there is nothing at all.
    assert [i.value for i in at.info] == [
        "Nothing logged yet but your notes above. When you write to them, log it here: that "
        "starts their place in your funnel."
    ]


def test_no_notes_no_notes_line(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee")
    conn.close()
    at = run(contacts_page(contact=str(ann)))
    assert "Notes:" not in shown(at)
    assert at.info[0].value.startswith("Nothing logged yet. When you write to them")


def test_long_notes_show_their_start_and_the_rest_on_request(app_db):
    long = "word " * 1_000
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", notes=long)
    conn.close()
    at = run(contacts_page(contact=str(ann)))
    line = next(m.value for m in at.main.markdown if m.value.startswith("**Notes:**"))
    assert line.endswith("word …") and len(line) < 600  # their start, not 5,000 characters
    rest = next(e for e in at.expander if e.label.startswith("Show all of your notes"))
    assert rest.label == "Show all of your notes (5,000 characters)"
    assert rest.markdown[0].value == long.strip()  # all of it (stored without the last space)
