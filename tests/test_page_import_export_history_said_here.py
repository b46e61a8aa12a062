"""Import & export says what "Add these … events to your history" added where it was clicked,
under "Bring in what you already sent on LinkedIn", not at the top of the page.

A tester uploaded a messages.csv and clicked "Add these 3 events to your history": the section
came back as an empty upload box, and "Added 2 outreach events with 2 of your contacts since
30 Aug 2026. 1 was already in infoint." was drawn under the page title, some 930 px above what
was in view. It read as if nothing had happened, and the file was uploaded again.
"""

from __future__ import annotations

from datetime import date

from infoint import contacts, db
from tests.test_history import ANA, CY, history_zip
from tests.test_page_import_export import button, open_page, run
from tests.test_page_import_export_undo_said_here import in_order, section

HEADING = "Bring in what you already sent on LinkedIn"


def test_the_history_added_is_said_in_its_section_once(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA)
    contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY)
    conn.close()
    at = open_page()
    at.date_input(key="history_since").set_value(date(2026, 2, 1))
    at.file_uploader(key="history_upload_0").set_value(
        ("Complete_LinkedInDataExport.zip", history_zip(), "application/zip")
    )
    run(at)
    button(at, "Add these 4 events to your history").click()
    run(at)
    [said] = [e.value for e in at.success]  # said once: not under the title too
    assert said.startswith("Added 2 outreach")
    assert ("Success", said) in section(at, HEADING)
    drawn = in_order(at)
    assert drawn.index(("Success", said)) > drawn.index(("Subheader", HEADING))
    run(at)
    assert not at.success  # said once, then gone
