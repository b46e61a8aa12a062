"""Issue 7: names, notes and company names holding HTML or script are shown as text, never run.

Every page is visited with such data in it (and the person opened); on each, the payload
has not run (`window.__pwned` stays undefined, no dialog, no injected element) and the
literal text is on screen as text.
"""

import csv
import io
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from infoint import (
    contacts,
    db,
    importer,
    interactions,
    meetings,
    outreach,
    profile,
    questions,
    ui,
)
from infoint import targets as target_list
from infoint.referrals import ReferredPerson

from .conftest import (
    choose,
    first_grid,
    go,
    see,
    start_server,
    stop_server,
    type_into,
    wait_for_app,
)

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
COMPANY = f"{IMG} Holdings"
PERSON = f"{SCRIPT} {IMG}"  # first name, last name
FILE_NAME = f"{IMG}.csv"

# The payload's traces, had any of it been read as HTML.
RAN = """() => ({
    pwned: typeof window.__pwned !== "undefined",
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.scripts].filter(s => s.textContent.includes("__pwned")).length,
})"""


def hostile_export() -> bytes:
    """A LinkedIn export whose people and companies are the payloads."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    url = "https://www.linkedin.com/in/hostile"
    writer.writerow([IMG, "Imported", url, "", f"{SCRIPT} Labs", SCRIPT, "01 May 2025"])
    return out.getvalue().encode()


def seed_hostile(db_path) -> None:
    """Hostile text in every place a page shows user text."""
    now = datetime.now(UTC)
    conn = db.connect(db_path)
    profile.save_profile(
        conn, name=SCRIPT, job_title=IMG, focus_kind="industry", focus=f"{SCRIPT} and {IMG}"
    )
    target_list.add_company(conn, COMPANY, industry=SCRIPT, motivation=3)
    silent = contacts.add_contact(
        conn, SCRIPT, IMG, company=COMPANY, position=IMG, notes=f"Note: {SCRIPT} {IMG}"
    )
    interactions.log_interaction(
        conn, silent, "outreach", occurred_at=now - timedelta(days=14), subject=SCRIPT, body=IMG
    )
    introducer = contacts.add_contact(conn, "Bea", SCRIPT, company=COMPANY)
    interactions.log_interaction(conn, introducer, "outreach", occurred_at=now - timedelta(days=20))
    interactions.log_interaction(conn, introducer, "reply", occurred_at=now - timedelta(days=19))
    held = meetings.schedule_meeting(conn, introducer, now - timedelta(days=5), place=IMG)
    introduced = meetings.record_debrief(
        conn,
        held,
        "held",
        actual_minutes=25,
        notes=SCRIPT,
        referred=[ReferredPerson(IMG, "Cole", f"{SCRIPT} Labs", IMG)],
    ).referred_ids[0]
    coming = meetings.schedule_meeting(conn, introduced, now + timedelta(days=2), place=SCRIPT)
    question = questions.add_question(conn, f"What does {SCRIPT} mean here?", "trends", "industry")
    meetings.save_prep(conn, coming, question_ids=[question], person_notes=IMG, prep_notes=SCRIPT)
    outreach.save_template(conn, f"{IMG} template", SCRIPT, f"Hi {{first_name}}, {IMG}")
    profile.rule_out_industry(conn, IMG, SCRIPT)
    # Last, so the Import & export page still offers to undo it (it names the file).
    importer.import_file(conn, hostile_export(), filename=FILE_NAME)
    conn.close()


def test_hostile_text_is_shown_as_text_on_every_page(tmp_path, page, shots):
    db_path = tmp_path / "hostile.duckdb"
    seed_hostile(db_path)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visited = []
    menu_seen = {"Home"}

    def visit(menu_label: str, heading: str) -> None:
        go(page, menu_label, heading)
        menu_seen.add(menu_label)

    def shown(*texts: str) -> None:
        for text in texts:
            page.get_by_text(text).filter(visible=True).first.wait_for()

    def harmless(name: str) -> None:
        wait_for_app(page)
        visited.append(name)
        page.screenshot(path=shots / f"{len(visited):02d}-{name}.png")
        assert page.evaluate(RAN) == {"pwned": False, "images": 0, "scripts": 0}, name
        assert dialogs == [], name

    server = start_server(db_path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        shown(f"{SCRIPT} and {IMG}", f"Follow up with {PERSON}")
        harmless("home")

        visit("Targets", "Targets")
        page.locator(".st-key-coverage").locator("text", has_text=SCRIPT).first.wait_for()
        expect(first_grid(page)).to_contain_text(COMPANY)  # the list, drawn above the coverage
        harmless("targets")

        visit("Contacts", "Contacts")
        type_into(page, "Company", "Holdings")
        see(page, "company 'Holdings': 2")
        assert PERSON in first_grid(page).text_content()
        harmless("contacts")
        choose(page, "Or open someone on this page", f"{PERSON} — {COMPANY}")
        page.get_by_role("heading", name=PERSON).wait_for()
        shown(f"{IMG} at {COMPANY}", f": {SCRIPT}")  # the caption; the timeline's subject
        harmless("contact")
        page.get_by_role("tab", name="Edit details").click()
        expect(page.get_by_role("textbox", name="Notes")).to_have_value(f"Note: {SCRIPT} {IMG}")
        harmless("contact-notes")

        visit("Follow-ups", "What is due now?")
        shown(f"Follow up with {PERSON}")
        harmless("follow-ups")
        page.get_by_role("button", name="Write the follow-up").first.click()
        page.get_by_role("heading", name="Write to someone").wait_for()
        shown(f"{PERSON} — {IMG} at {COMPANY}")
        preview = page.get_by_test_id("stExpander").filter(has_text="Preview")
        preview.get_by_text("Preview").click()
        preview.get_by_text(SCRIPT).first.wait_for()  # the draft, as markdown, greets them
        harmless("outreach-composer")
        visit("Outreach", "Write to someone")
        harmless("outreach")

        visit("Meetings", "Meetings")
        shown(f"{IMG} Cole ({SCRIPT} Labs)", f"What does {SCRIPT} mean here?")
        harmless("meetings")

        visit("Referrals", "Referrals")
        shown(f"Bea {SCRIPT}", f"{IMG} Cole")
        labels = page.locator(".st-key-referral_picture").locator("g.textpoint text")
        labels.filter(has_text="Cole").wait_for()
        assert {f"Bea {SCRIPT}", f"{IMG} Cole"} <= set(labels.all_text_contents())
        harmless("referrals")

        visit("Insights", "Insights")
        page.get_by_test_id("stRadio").get_by_text("Industry", exact=True).click()
        wait_for_app(page)
        page.locator(".st-key-rates_chart").locator("text", has_text=SCRIPT).first.wait_for()
        harmless("insights")

        visit("Import & export", "Import & export")
        shown(f"undo the import of {FILE_NAME}")
        harmless("import-export")

        visit("Settings", "Settings")
        shown(f"{IMG}: {SCRIPT}")
        harmless("settings")
    finally:
        stop_server(server)
    assert menu_seen == {label for _, label, _ in ui.MENU}
