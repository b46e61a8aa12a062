"""Issue 3: an empty app, an upload, a search, targets by industry, a funnel that moves."""

import csv
import re
from datetime import date, timedelta

from playwright.sync_api import expect

from infoint import db, demo

from .conftest import (
    ROOT,
    chart_row,
    choose,
    click,
    go,
    grid_column,
    grid_row_count,
    open_options,
    readme_screenshot,
    see,
    start_server,
    stop_server,
    type_into,
    wait_for_app,
    wait_for_grid_rows,
    widget,
)

SAMPLE = ROOT / "data" / "sample" / "Connections.csv"
PREAMBLE_LINES = 3  # LinkedIn's "Notes:" block before the header


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        lines = handle.readlines()[PREAMBLE_LINES:]
    return list(csv.DictReader(lines))


def matching_companies(page) -> int:
    """The number in the Targets caption 'Companies 1–12 of 12, best first.'."""
    caption = page.get_by_text(re.compile(r"^Companies \d+–\d+ of \d+, best first")).inner_text()
    return int(re.search(r"of (\d+)", caption).group(1))


def wait_for_targets(page, word: str = "") -> None:
    """Wait until the grid shows as many companies as the caption says, each containing `word`.

    The caption and the grid's accessible copy are redrawn separately after a rerun.
    """
    page.wait_for_function(
        """word => {
            const table = document.querySelector('table[role="grid"]');
            const caption = /of (\\d+), best first/.exec(document.body.innerText);
            if (!table || !caption) return false;
            const rows = Number(table.getAttribute("aria-rowcount")) - 1;
            if (rows !== Number(caption[1])) return false;
            return [...table.tBodies[0].rows].every(
                row => row.textContent.toLowerCase().includes(word));
        }""",
        arg=word.lower(),
    )


def test_new_user_imports_finds_targets_and_moves_the_funnel(tmp_path, page, shots):
    rows = sample_rows()
    nimbus = [r for r in rows if "nimbus" in r["Company"].lower()]
    partners = [r for r in nimbus if {"business", "partner"} <= set(r["Position"].lower().split())]
    assert len(partners) == 2  # the sample holds two HR business partners at Nimbus
    server = start_server(tmp_path / "new-user.duckdb")
    page.set_viewport_size({"width": 1280, "height": 800})
    try:
        # An empty database: a friendly start that leads to the import.
        page.goto(server.url)
        wait_for_app(page)
        see(page, "Welcome! Two ways to start")
        page.screenshot(path=shots / "01-welcome.png")
        # Importing one's own network is the welcome's one primary action; the demo, the other.
        primary = page.locator('[data-testid="stBaseButton-primary"]')
        expect(primary).to_have_count(1)
        expect(primary).to_have_accessible_name("Import from LinkedIn")
        expect(page.get_by_role("button", name="Load demo data")).to_be_visible()
        primary.click()
        page.get_by_role("heading", name="Import & export", exact=True).wait_for()
        wait_for_app(page)

        # Upload the export through the file uploader; the report counts the people.
        uploader = widget(page, "stFileUploader", "Your LinkedIn export (.zip or Connections.csv)")
        uploader.locator('input[type="file"]').set_input_files(SAMPLE)
        uploader.get_by_test_id("stFileChipName").get_by_text("Connections.csv").wait_for()
        page.get_by_role("button", name="Import", exact=True).click()
        added_metric = page.get_by_test_id("stMetric").filter(has_text="New people")
        added_metric.wait_for()
        wait_for_app(page)
        added = int(added_metric.get_by_test_id("stMetricValue").inner_text())
        skipped_metric = page.get_by_test_id("stMetric").filter(has_text="Skipped")
        skipped = int(skipped_metric.get_by_test_id("stMetricValue").inner_text())
        assert added + skipped == len(rows)
        assert added > 100
        see(page, f"Added {added} people")
        page.screenshot(path=shots / "02-import-report.png")

        # Nothing contacted yet.
        go(page, "Home", "How is your campaign going?")
        see(page, "You have not contacted anyone yet.")
        contacts_metric = page.get_by_test_id("stMetric").filter(has_text="Contacts")
        expect(contacts_metric.get_by_test_id("stMetricValue")).to_have_text(str(added))

        # Find a person the way one narrows a LinkedIn search: company, then position words.
        go(page, "Contacts", "Contacts")
        type_into(page, "Company", "Nimbus")
        see(page, f"company 'Nimbus': {len(nimbus)}")
        type_into(page, "Words in the position", "business partner")
        see(page, f"position 'business partner': {len(partners)}")
        wait_for_grid_rows(page, len(partners))
        page.screenshot(path=shots / "03-contacts-search.png")
        assert sorted(grid_column(page, "Name")) == sorted(
            f"{r['First Name']} {r['Last Name']}" for r in partners
        )
        choose(page, "Or open someone on this page", "Amara Marlow — Nimbus Consulting Ltd")
        page.get_by_role("heading", name="Amara Marlow").wait_for()
        see(page, "Junior HR Business Partner at Nimbus Consulting Ltd")
        page.screenshot(path=shots / "04-contact.png")

        # Targets: none yet; pick them from the whole network, then give them industries.
        go(page, "Targets", "Targets")
        see(page, "No targets yet.")
        widget(page, "stCheckbox", "Show whole network").get_by_test_id("stWidgetLabel").click()
        see(page, re.compile(r"^Companies 1–"))
        wait_for_app(page)
        whole_network = matching_companies(page)
        chosen = {}
        for search, industry in (("Consulting", "Consulting"), ("Analytics", "Data & analytics")):
            type_into(page, "Company name contains", search)
            wait_for_targets(page, search)
            chosen[industry] = matching_companies(page)
            assert chosen[industry] < whole_network
            assert grid_row_count(page) == chosen[industry]
            page.get_by_text(f"All {chosen[industry]} that match").click()
            wait_for_app(page)
            # All that match is more than the ticked rows: the page asks first.
            click(page, "Make them targets…")
            see(page, f"Turn all {chosen[industry]} companies that match into targets?")
            click(page, "Yes, make them targets")
            see(page, f"Added {chosen[industry]} companies to your targets.")
            page.get_by_text(f"All {chosen[industry]} that match").click()
            wait_for_app(page)
            new_industry = widget(page, "stSelectbox", "New industry").get_by_role("combobox")
            new_industry.fill(industry)  # a new one: typed, then Enter
            new_industry.press("Enter")
            wait_for_app(page)
            click(page, "Set industry…")
            see(page, f"Put all {chosen[industry]} companies that match in {industry}?")
            click(page, "Yes, set their industry")
            see(page, f"Put {chosen[industry]} companies in {industry}.")
        assert all(count >= 2 for count in chosen.values())

        # Only the chosen companies now; the industry filter narrows them.
        type_into(page, "Company name contains", "")
        widget(page, "stCheckbox", "Show whole network").get_by_test_id("stWidgetLabel").click()
        wait_for_app(page)
        all_targets = sum(chosen.values())
        see(page, f"of {all_targets}, best first")
        wait_for_targets(page)
        assert grid_row_count(page) == all_targets
        page.screenshot(path=shots / "05-targets.png")
        open_options(page, "stMultiSelect", "Industry")
        page.get_by_role("option", name="Consulting", exact=True).click()
        page.keyboard.press("Escape")
        wait_for_app(page)
        see(page, f"of {chosen['Consulting']}, best first")
        wait_for_targets(page, "consulting")
        assert grid_row_count(page) == chosen["Consulting"]
        assert set(grid_column(page, "Industry")) == {"Consulting"}

        # Log an outreach, a reply and a held meeting on Amara's record.
        go(page, "Contacts", "Contacts")
        type_into(page, "Name", "Amara Marlow")
        wait_for_grid_rows(page, 1)
        choose(page, "Or open someone on this page", "Amara Marlow — Nimbus Consulting Ltd")
        page.get_by_role("heading", name="Amara Marlow").wait_for()
        page.get_by_role("tab", name="Log an interaction").click()
        wait_for_app(page)
        # Written to a week ago, logged now: a meeting cannot come before the first message.
        log_form = page.get_by_test_id("stForm").filter(has_text="Log it")
        log_form.get_by_test_id("stDateInput").locator('[data-type="day"]').focus()
        page.keyboard.type((date.today() - timedelta(days=7)).strftime("%d%m%Y"))
        page.keyboard.press("Tab")
        click(page, "Log it")
        see(page, "Logged: Outreach with Amara Marlow on ")
        choose(page, "What happened", "Reply")
        # What she said, as a user notes it (an untouched form sent just after a log is taken
        # for a double-click and logs nothing: tests/e2e/test_contacts_log_twice.py).
        page.get_by_label("Notes (optional)", exact=True).first.fill("Glad to talk next week.")
        click(page, "Log it")
        see(page, "Logged: Reply with Amara Marlow on ")
        page.get_by_role("tab", name="Meetings").click()
        wait_for_app(page)
        # The meeting took place three days ago: logged after the fact, so typed in.
        met_on = date.today() - timedelta(days=3)
        schedule = page.get_by_test_id("stForm").filter(has_text="Schedule a meeting")
        schedule.get_by_test_id("stDateInput").locator('[data-type="day"]').focus()
        page.keyboard.type(met_on.strftime("%d%m%Y"))
        page.keyboard.press("Tab")
        click(page, "Schedule")
        see(page, re.compile(r"^Scheduled with Amara Marlow for .* That time has already passed"))
        click(page, "Save the outcome")
        see(page, "Meeting marked held.")
        stage = page.get_by_test_id("stMetric").filter(has_text="Stage")
        expect(stage.get_by_test_id("stMetricValue")).to_have_text("Met")
        page.screenshot(path=shots / "06-contact-met.png")

        # Home: the funnel moved from nobody to one person contacted, replied and met.
        go(page, "Home", "How is your campaign going?")
        see(page, "You contacted 1 person.")
        see(page, "The one person you contacted replied — 100 %")
        see(page, "The one person who replied met you — 100 %")
        response = page.get_by_test_id("stMetric").filter(has_text="Response rate")
        expect(response).to_contain_text("1 of 1 replied")
        page.screenshot(path=shots / "07-home-after.png", full_page=True)
    finally:
        stop_server(server)


def test_home_and_targets_with_demo_data_for_the_readme(tmp_path, page, shots):
    db_path = tmp_path / "demo.duckdb"
    conn = db.connect(db_path)
    loaded = demo.load_demo(conn)
    conn.close()
    server = start_server(db_path)
    page.set_viewport_size({"width": 1280, "height": 800})
    try:
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("heading", name="Your funnel").wait_for()
        see(page, re.compile(r"^You contacted \d+ people\."))
        page.locator(".js-plotly-plot").first.wait_for()
        contacts_metric = page.get_by_test_id("stMetric").filter(has_text="Contacts")
        expect(contacts_metric.get_by_test_id("stMetricValue")).to_have_text(str(loaded.people))
        readme_screenshot(page, "home.png", shots, last=chart_row(page))

        go(page, "Targets", "Targets")
        see(page, re.compile(r"^Companies 1–\d+ of \d+"))
        wait_for_targets(page)
        page.locator(".js-plotly-plot").first.wait_for()
        readme_screenshot(page, "targets.png", shots, last=chart_row(page))
    finally:
        stop_server(server)
