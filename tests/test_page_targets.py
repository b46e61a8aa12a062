import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, demo, funnel, home, interactions, profile, targets, text, ui
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent
EDITOR = "targets_editor"


def run_targets(at: AppTest | None = None) -> AppTest:
    if at is None:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        at.switch_page("pages/1_targets.py")
    at.run()
    assert not at.exception, at.exception
    return at


def editor(at: AppTest):
    """The targets table; its key changes each time the page starts it afresh."""
    [table] = [d for d in at.dataframe if (d.key or "").startswith(EDITOR)]
    return table


def coverage_boxes(at: AppTest):
    """The boxes of the coverage chart and of its numbers, in their row that wraps."""
    [row] = [
        block
        for block in at.main.children.values()
        if getattr(block.proto, "id", "").endswith("-coverage_row")
    ]
    return tuple(row.children.values())


def names(at: AppTest) -> list[str]:
    return list(editor(at).value["name"])


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def edit(at: AppTest, rows: dict) -> None:
    """Cells changed in the table (a rerun, as in the browser), which enables the buttons."""
    at.session_state[editor(at).key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    run_targets(at)


def ticked(at: AppTest) -> list[str]:
    """The companies ticked in the table: the ticks are edits kept in the session, by row
    position (the element's value is the data the page drew)."""
    table = editor(at)
    picked = table.value["picked"].tolist()
    for position, row in at.session_state[table.key]["edited_rows"].items():
        picked[int(position)] = row.get("picked", picked[int(position)])
    return [name for name, tick in zip(table.value["name"], picked, strict=True) if tick]


def shown_as(at: AppTest, label: str) -> str:
    """The column of the table's data whose header reads `label`."""
    columns = json.loads(editor(at).proto.columns)
    [name] = [name for name, config in columns.items() if config.get("label") == label]
    return name


def companies(path: Path) -> dict[str, tuple]:
    """name -> (status, industry, motivation, reason), read as the app would."""
    rows = (
        ui.connection()
        .execute("SELECT name, status, industry, motivation, ruled_out_reason FROM companies")
        .fetchall()
    )
    return {r[0]: r[1:] for r in rows}


@pytest.fixture
def network(app_db):
    """Three targets in two industries and two companies only in the network."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme", industry="Health", motivation=3, postings=2)
    targets.add_company(conn, "Medix", industry="Health", motivation=1)
    targets.add_company(conn, "Volt", industry="Energy", motivation=2)
    ann = contacts.add_contact(conn, "Ann", company="Acme")
    contacts.add_contact(conn, "Bob", company="Acme", degree="2nd", mutual_contact_id=ann)
    contacts.add_contact(conn, "Cy", company="Omega Bank")
    contacts.add_contact(conn, "Di", company="Omega Banking Group")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    conn.close()
    return app_db


def test_empty_database_leads_to_import_and_lets_you_add_one(app_db):
    at = run_targets()
    assert "No companies yet" in at.info[0].value
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links["Go to Import & export"] == "import_export"
    at.text_input[0].set_value("Initech")
    at.text_input[1].set_value("Software")
    at.number_input[0].set_value(2)
    at.button[0].click()
    run_targets(at)
    assert "Initech is on your list." in at.success[0].value
    assert names(at) == ["Initech"]
    assert companies(app_db)["Initech"] == ("target", "Software", 2, None)


def test_the_name_added_is_said_as_typed(app_db):
    at = run_targets()
    at.text_input[0].set_value("*Globex*")
    at.number_input[0].set_value(2)
    at.button[0].click()
    run_targets(at)
    assert at.success[0].value == "\\*Globex\\* is on your list."  # as typed, not in italics


def test_a_company_found_under_another_spelling_is_named_as_stored(network):
    """'omega bank' finds Omega Bank, only in the network so far: it is named as stored."""
    at = run_targets()
    add_box(at, "text_input", "Company name").set_value("omega bank")
    button(at, "Add company").click()
    run_targets(at)
    assert "Omega Bank is on your list." in [s.value for s in at.success]
    assert companies(network)["Omega Bank"][0] == "target"
    assert "omega bank" not in companies(network)


def test_targets_in_rank_order_with_coverage(network):
    at = run_targets()
    frame = editor(at).value
    assert list(frame["name"]) == ["Acme", "Volt", "Medix"]
    assert list(frame["rank"]) == [1, 2, 3]
    assert frame.iloc[0][["people", "contacted", "met"]].tolist() == [2, 1, 0]
    chart = quick_charts(at)["coverage"]
    assert chart["layout"]["title"]["text"] == "How far you got at the companies you chose"
    bars = {trace["name"]: trace for trace in chart["data"]}
    # Health: Ann at Acme written to, nobody at Medix yet; Energy: nobody at Volt yet.
    assert bars["Nobody written to yet"]["y"] == ["Health (2)", "Energy (1)"]
    assert [bars[name]["text"] for name in bars] == [["", ""], ["1", ""], ["1", "1"]]
    assert [bars[name]["x"] for name in bars] == [[0, 0], [50, 0], [50, 100]]
    numbers = next(d for d in at.dataframe if d.key is None or not d.key.startswith(EDITOR))
    assert numbers.value.fillna({"contacted_percent": -1}).to_dict("list") == {
        "industry": ["Health", "Energy"],
        "targets": [2, 1],
        "targets_contacted": [1, 0],
        "targets_met": [0, 0],
        "people": [2, 0],
        "contacted": [1, 0],
        "contacted_percent": [50.0, -1],  # nobody at Volt: no share
    }


def test_industry_filter_and_search_change_the_rows(network):
    at = run_targets()
    industry = at.multiselect(key="targets_industries")
    assert industry.options == ["Energy", "Health", "(no industry yet)"]
    industry.set_value(["Health"])
    run_targets(at)
    assert names(at) == ["Acme", "Medix"]
    at.text_input(key="targets_search").set_value("med")
    run_targets(at)
    assert names(at) == ["Medix"]
    at.text_input(key="targets_search").set_value("zzz")
    run_targets(at)
    assert "No company matches" in at.info[0].value


def test_no_targets_yet_points_to_the_whole_network(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Cy", company="Omega Bank")
    conn.close()
    at = run_targets()
    assert "Show whole network" in at.info[0].value
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    assert names(at) == ["Omega Bank"]
    edit(at, {0: {"picked": True}})
    button(at, "Make it a target").click()
    run_targets(at)
    assert "Added 1 company to your targets." in at.success[0].value
    assert companies(app_db)["Omega Bank"][0] == "target"


def test_saving_edits_from_the_table(network):
    at = run_targets()
    assert button(at, "Save changes").proto.type == "primary"
    # Medix is third; rename it and raise its motivation, in one save.
    edit(at, {2: {"name": "Medix Health", "motivation": 3}, 1: {"industry": "Utilities"}})
    button(at, "Save changes").click()
    run_targets(at)
    assert at.success[0].value == "Saved 3 changes to 2 companies."
    saved = companies(network)
    assert saved["Medix Health"] == ("target", "Health", 3, None)
    assert saved["Volt"][1] == "Utilities"
    assert names(at) == ["Acme", "Medix Health", "Volt"]  # the new rank, edits cleared
    assert at.session_state[editor(at).key]["edited_rows"] == {}


def test_ruling_out_asks_for_a_reason(network):
    at = run_targets()
    before = companies(network)
    edit(at, {1: {"status": "ruled_out"}})
    button(at, "Save changes").click()
    run_targets(at)
    assert "Say why you are ruling out Volt" in at.error[0].value
    assert companies(network) == before
    edit(at, {1: {"status": "ruled_out", "ruled_out_reason": "Shift work"}})
    button(at, "Save changes").click()
    run_targets(at)
    assert companies(network)["Volt"] == ("ruled_out", "Energy", 2, "Shift work")


def test_bad_scores_are_refused(network):
    at = run_targets()
    before = companies(network)
    edit(at, {0: {"postings": 5}, 1: {"motivation": 1}})
    button(at, "Save changes").click()
    run_targets(at)
    assert "from 0 to 3" in at.error[0].value
    assert companies(network) == before


def test_the_filter_and_the_new_industry_are_told_apart_by_their_labels(network):
    """Two boxes both called "Industry" (the filter, and the one a change to many companies
    sets) could not be told apart by a screen reader, nor by a helper's script."""
    at = run_targets()
    labels = [w.label for w in at.multiselect] + [w.label for w in at.selectbox]
    assert labels.count("Industry") == 1
    assert at.selectbox(key="new_industry").label == "New industry"


def test_set_the_industry_of_picked_and_of_all_matching(network):
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    at.text_input(key="targets_search").set_value("omega")
    run_targets(at)
    assert sorted(names(at)) == ["Omega Bank", "Omega Banking Group"]
    edit(at, {0: {"picked": True}})
    at.selectbox(key="new_industry").set_value("Energy")
    run_targets(at)
    button(at, "Set industry").click()
    run_targets(at)
    assert "Put 1 company in Energy." in at.success[0].value
    at.radio[0].set_value("matching")
    at.selectbox(key="new_industry").set_value("Health")
    run_targets(at)
    before = companies(network)
    button(at, "Set industry…").click()
    run_targets(at)
    assert at.warning[0].value == (
        "Put all 2 companies that match in Health? "
        "The industry each one has now is replaced, and there is no undo."
    )
    assert companies(network) == before  # nothing until the yes
    button(at, "Yes, set their industry").click()
    run_targets(at)
    assert "Put 2 companies in Health." in at.success[0].value
    saved = companies(network)
    assert saved["Omega Bank"][1] == saved["Omega Banking Group"][1] == "Health"
    assert saved["Volt"][1] == "Energy"


@pytest.fixture
def ruled_out_network(network):
    """The network, plus Zeta Labs (network only), Omega Banking Group in Retail (an industry
    ruled out) and Tobacco Co, ruled out itself."""
    conn = ui.connection()
    contacts.add_contact(conn, "Zed", company="Zeta Labs")
    group = conn.execute("SELECT id FROM companies WHERE name = 'Omega Banking Group'")
    targets.set_industry(conn, [group.fetchall()[0][0]], "Retail")
    profile.rule_out_industry(conn, "retail", "Weekend shifts")
    targets.rule_out(conn, targets.ensure_company(conn, "Tobacco Co"), "Not for me")
    return network


def test_making_all_that_match_targets_asks_first_and_leaves_out_the_ruled_out(
    ruled_out_network,
):
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    at.radio[0].set_value("matching")
    run_targets(at)
    assert at.radio[0].options[1] == "All 7 that match the search and industry above"
    before = companies(ruled_out_network)
    button(at, "Make them targets…").click()
    run_targets(at)
    question = (
        "Turn 2 of the 7 companies that match into targets? Left out: 1 you ruled out and 1 in "
        "an industry you ruled out (Retail). 3 companies were on your list already. There is "
        "no undo: to take one back off, set its status to 'In your network' in the table."
    )
    assert at.warning[0].value == question
    assert companies(ruled_out_network) == before
    button(at, "Cancel").click()
    run_targets(at)
    assert not at.warning and companies(ruled_out_network) == before

    # A question left open closes when the choice goes back to the ticked companies.
    button(at, "Make them targets…").click()
    run_targets(at)
    assert at.warning
    at.radio[0].set_value("picked")
    run_targets(at)
    at.radio[0].set_value("matching")
    run_targets(at)
    assert not at.warning and companies(ruled_out_network) == before

    button(at, "Make them targets…").click()
    run_targets(at)
    button(at, "Yes, make them targets").click()
    run_targets(at)
    assert at.success[0].value == (
        "Added 2 companies to your targets. Left out: 1 you ruled out and 1 in an industry you "
        "ruled out (Retail). 3 companies were on your list already."
    )
    after = companies(ruled_out_network)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"Omega Bank", "Zeta Labs"}
    assert {after[name][0] for name in changed} == {"target"}
    assert after["Omega Banking Group"][0] == "network"
    assert after["Tobacco Co"][0] == "ruled_out"
    # Nothing left to add: no button that would change nothing, and the page says why (on
    # the next run: under the message of what was just added, 'already' read oddly).
    assert not [b for b in at.button if b.label.startswith("Make them targets")]
    run_targets(at)
    assert (
        "Nothing to add. Left out: 1 you ruled out and 1 in an industry you ruled out (Retail). "
        "5 are on your list already."
    ) in [c.value for c in at.caption]


def test_ticked_companies_in_a_ruled_out_industry_are_not_made_targets(ruled_out_network):
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    at.text_input(key="targets_search").set_value("omega")
    run_targets(at)
    assert names(at) == ["Omega Bank", "Omega Banking Group"]
    edit(at, {0: {"picked": True}, 1: {"picked": True}})
    button(at, "Make them targets").click()  # a page of ticked rows: no question
    run_targets(at)
    assert at.success[0].value == (
        "Added 1 company to your targets. Left out: 1 in an industry you ruled out (Retail)."
    )
    saved = companies(ruled_out_network)
    assert (saved["Omega Bank"][0], saved["Omega Banking Group"][0]) == ("target", "network")


def test_the_industry_box_is_emptied_after_the_industry_is_set(network):
    """A chosen industry left in the box would be one click away from going on the next
    companies ticked: once it is set, the box starts empty again."""
    at = run_targets()
    edit(at, {1: {"picked": True}, 2: {"picked": True}})  # Volt and Medix
    at.selectbox(key="new_industry").set_value("Energy")
    run_targets(at)
    button(at, "Set industry").click()
    run_targets(at)
    assert at.success[0].value == "Put 2 companies in Energy."
    assert at.selectbox(key="new_industry").value is None
    saved = companies(network)
    assert saved["Volt"][1] == saved["Medix"][1] == "Energy"
    assert saved["Acme"][1] == "Health"
    run_targets(at)  # and it stays empty
    assert at.selectbox(key="new_industry").value is None


def test_ticks_survive_a_bulk_change_so_the_next_one_goes_to_the_same_companies(network):
    """Set their industry, then make them targets: the ticks stay for the second change, as
    the companies stay in view. Changing the search starts the ticks afresh."""
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    assert names(at) == ["Acme", "Volt", "Medix", "Omega Bank", "Omega Banking Group"]
    edit(at, {3: {"picked": True}, 4: {"picked": True}})
    at.selectbox(key="new_industry").set_value("Health")
    run_targets(at)
    button(at, "Set industry").click()
    run_targets(at)
    assert at.success[0].value == "Put 2 companies in Health."
    assert list(editor(at).value["industry"])[3:] == ["Health", "Health"]  # the saved value
    assert ticked(at) == ["Omega Bank", "Omega Banking Group"]
    assert at.radio[0].options[0] == "The 2 you ticked in the table"
    assert not button(at, "Make them targets").disabled
    button(at, "Make them targets").click()
    run_targets(at)
    assert at.success[0].value == "Added 2 companies to your targets."
    saved = companies(network)
    assert saved["Omega Bank"][:2] == saved["Omega Banking Group"][:2] == ("target", "Health")
    assert saved["Volt"][:2] == ("target", "Energy")
    assert ticked(at) == ["Omega Bank", "Omega Banking Group"]
    at.text_input(key="targets_search").set_value("o")
    run_targets(at)
    assert ticked(at) == []
    assert at.radio[0].options[0] == "The ones you tick in the table (none ticked yet)"


def test_ticks_survive_setting_the_industry_of_companies_that_had_none(app_db):
    """The walkthrough: 3 companies of the network, none with an industry, ticked; after
    'Put 3 companies in Software.' the ticks and the choice of the ticked ones were gone, and
    'Make them targets' was disabled. The Industry column changed type (all blank, then
    text), so the table was a new one."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Zed", industry="Software")  # out of the search below
    for person, company in (("Ann", "Volt"), ("Bo", "Vortex"), ("Cy", "Nova")):
        contacts.add_contact(conn, person, company=company)
    conn.close()
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    at.text_input(key="targets_search").set_value("v")
    run_targets(at)
    assert names(at) == ["Nova", "Volt", "Vortex"]
    edit(at, {0: {"picked": True}, 1: {"picked": True}, 2: {"picked": True}})
    at.selectbox(key="new_industry").set_value("Software")
    run_targets(at)
    button(at, "Set industry").click()
    run_targets(at)
    assert at.success[0].value == "Put 3 companies in Software."
    assert ticked(at) == ["Nova", "Volt", "Vortex"]
    assert (at.radio[0].value, at.radio[0].options[0]) == (
        "picked",
        "The 3 you ticked in the table",
    )
    assert not button(at, "Make them targets").disabled
    button(at, "Make them targets").click()
    run_targets(at)
    assert at.success[0].value == "Added 3 companies to your targets."
    assert {companies(app_db)[name][:2] for name in ("Nova", "Volt", "Vortex")} == {
        ("target", "Software")
    }


def test_a_bulk_change_that_takes_the_ticked_companies_out_of_view_leaves_no_tick(network):
    """Acme leaves the Health list when it moves to Energy; Medix, now first, is not ticked
    in its place, and nothing is left to change until the user ticks again."""
    targets.add_company(ui.connection(), "Carely", industry="Health")
    at = run_targets()
    at.multiselect(key="targets_industries").set_value(["Health"])
    run_targets(at)
    assert names(at) == ["Acme", "Medix", "Carely"]
    edit(at, {0: {"picked": True}})
    at.selectbox(key="new_industry").set_value("Energy")
    run_targets(at)
    button(at, "Set industry").click()
    run_targets(at)
    assert at.success[0].value == "Put 1 company in Energy."
    assert names(at) == ["Medix", "Carely"]
    assert ticked(at) == []
    assert at.radio[0].options[0] == "The ones you tick in the table (none ticked yet)"
    assert button(at, "Set industry").disabled
    edit(at, {0: {"picked": True}})
    assert at.radio[0].options[0] == "The one you ticked in the table"


def test_a_change_to_many_companies_reads_naturally_for_none_and_one(network):
    """Seen in the browser: 'The 0 you ticked in the table', 'All 1 that match …'."""
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    at.text_input(key="targets_search").set_value("omega")
    run_targets(at)
    assert at.radio[0].options == [
        "The ones you tick in the table (none ticked yet)",
        "All 2 that match the search and industry above",
    ]
    edit(at, {0: {"picked": True}})
    assert at.radio[0].options[0] == "The one you ticked in the table"
    button(at, "Make it a target").click()
    run_targets(at)
    assert at.success[0].value == "Added 1 company to your targets."
    # Still ticked, and a target now: making it one again would change nothing.
    assert ticked(at) == ["Omega Bank"]
    assert not {"Make it a target", "Make them targets"} & {b.label for b in at.button}
    # Not 'already' under 'Added 1 company' (seen in Chromium); said on the next run.
    assert "It is on your list already." not in [c.value for c in at.caption]
    run_targets(at)
    assert "It is on your list already." in [c.value for c in at.caption]


def test_the_coverage_columns_are_numbers_so_they_sort_as_numbers(app_db):
    """'10 of 10' sorted as text comes before '9 of 12': as numbers, 10 comes after 9."""
    conn = db.connect(app_db)
    for company, people, written_to in (("Alpha", 12, 9), ("Beta", 10, 10)):
        targets.add_company(conn, company)
        for i in range(people):
            person = contacts.add_contact(conn, f"P{i}", company, company=company)
            if i < written_to:
                interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
    conn.close()
    at = run_targets()
    frame = editor(at).value
    columns = json.loads(editor(at).proto.columns)
    contacted = shown_as(at, "Contacted")
    assert columns[contacted]["type_config"]["type"] == "number", columns[contacted]
    assert pd.api.types.is_integer_dtype(frame[contacted]), frame[contacted].dtype
    assert list(frame.sort_values(contacted)["name"]) == ["Alpha", "Beta"]
    # How many people there, beside it: "9 of 12" reads across the row.
    people = shown_as(at, "People")
    assert columns[people]["type_config"]["type"] == "number", columns[people]
    by_name = frame.set_index("name")
    assert by_name.loc[["Alpha", "Beta"], [people, contacted]].values.tolist() == [
        [12, 9],
        [10, 10],
    ]


def test_counts_in_both_tables_have_thousands_separators_in_every_browser(network):
    """'3,467' people at a target, not '3467', nor '3.467' in a German browser ("localized")."""
    at = run_targets()
    listed = json.loads(editor(at).proto.columns)
    _, box = coverage_boxes(at)
    covered = json.loads(box.dataframe[0].proto.columns)
    formats = [
        listed[shown_as(at, label)]["type_config"].get("format")
        for label in ("People", "Contacted", "Met")
    ]
    formats += [
        covered[name]["type_config"].get("format")
        for name in ("targets", "targets_contacted", "targets_met", "people", "contacted")
    ]
    assert formats == [text.COUNT_COLUMN_FORMAT] * 8


def test_the_table_fits_a_laptop_window_without_scrolling_sideways(network):
    """At 1280 pixels wide the table's box is 808 beside the menu (less the page's scroll
    bar): every column fits with its label in full, Met too when the table's own scroll bar
    covers the last 10 px (its words on the left, clear of it), and Company and Industry hold
    'Upland Consulting Inc.' and 'Manufacturing' whole (seen in Chromium,
    tests/e2e/test_tables_fit.py), and the rank is the rows' order, not a column. At 800
    pixels (456 beside the menu) the tick, the name and the scores are in view."""
    at = run_targets()
    table = editor(at)
    shown = list(table.proto.column_order)
    assert shown == [
        "picked",
        "name",
        "motivation",
        "postings",
        "status",
        "ruled_out_reason",
        "industry",
        "people",
        "contacted",
        "met",
    ]
    columns = json.loads(table.proto.columns)
    widths = [columns[name]["width"] for name in shown]
    assert all(isinstance(width, int) for width in widths), widths
    assert sum(widths) <= 808, widths
    # 'Met' 22 px drawn 8 px in, with 10 to spare for the table's own scroll bar
    assert columns["met"]["width"] >= 8 + 22 + 10 and columns["met"]["alignment"] == "left"
    assert sum(widths[:4]) <= 456, widths
    # 'Upland Consulting Inc.' 133 px, 'Manufacturing' 85, drawn 8 px into the cell
    assert columns["name"]["width"] >= 8 + 133 and columns["industry"]["width"] >= 8 + 85
    for column, label in (("people", "People"), ("contacted", "Contacted"), ("met", "Met")):
        assert columns[column]["label"] == label and columns[column]["disabled"], column
    assert "written to" in columns["contacted"]["help"]
    best_first = next(c for c in at.caption if c.value.startswith("Companies 1–3 of 3"))
    assert best_first.proto.help == targets.RANK_HELP
    # The coverage numbers beside the chart, in a row that wraps (under the chart at 800 px):
    # their seven columns fit in their box, labels in full (seen in Chromium).
    chart_box, numbers_box = coverage_boxes(at)
    assert chart_box.get("bidi_component")
    widths = [box.proto.width_config.pixel_width for box in (chart_box, numbers_box)]
    assert widths == [340, 446] and sum(widths) <= 800
    numbers = json.loads(numbers_box.dataframe[0].proto.columns)
    assert sum(config.get("width", 0) for config in numbers.values()) <= 444, numbers
    assert len([c for c in numbers.values() if "width" in c]) == 7, numbers


def test_the_coverage_table_says_in_plain_words_what_it_counts(network, app_db):
    """'Met at' read as nothing in particular, and '(no industry yet' lost its end."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Nameless", motivation=1)
    conn.close()
    at = run_targets()
    _, box = coverage_boxes(at)
    table = box.dataframe[0]
    columns = json.loads(table.proto.columns)
    labels = {name: config["label"] for name, config in columns.items() if "label" in config}
    assert labels == {
        "industry": "Industry",
        "targets": "Chosen",
        "targets_contacted": "Reached",
        "targets_met": "Met",
        "people": "People",
        "contacted": "Contacted",
        "contacted_percent": "Share",
    }
    # Contacted ÷ people, said in words, as whole percents like the rest of the app.
    assert columns["contacted_percent"]["help"] == (
        "Contacted ÷ people: the share of your contacts at these companies you have written to."
    )
    assert columns["contacted_percent"]["type_config"]["format"] == home.PERCENT_COLUMN_FORMAT
    assert columns["targets_contacted"]["help"] == (
        "Companies you chose where you have written to at least one person."
    )
    assert columns["targets_met"]["help"] == (
        "Companies you chose where you have met at least one person."
    )
    assert box.caption[0].value == (
        "Chosen: your targets and the companies you are researching, together. Reached: "
        "those where you wrote to someone. Met: those where you met someone. People: your "
        "contacts there. Contacted: how many of them you wrote to. Share: the part of them you "
        "wrote to, in percent. Companies you ruled out, or whose industry you ruled out in "
        "Settings, are left out, as on Home."
    )
    # "(no industry yet)" is read whole at 112 pixels (seen in Chromium); a company with no
    # one there has no share, shown as a dash rather than "None".
    assert funnel.NO_INDUSTRY in list(table.value["industry"])
    assert columns["industry"]["width"] >= 112
    assert table.proto.placeholder == "—"


def test_the_table_keeps_scores_in_range_and_the_save_still_refuses_a_bad_one(network):
    """A new user typed 5 for Motivation and was refused only at Save; the grid bounded to
    0–3 then turned a 9 typed into 3 without a word. So the grid takes any whole number of 0
    or more as typed (no minus sign, no decimal point), and a score over 3 is refused in words
    as soon as it is typed, and again at Save. Status and reason get room to be read."""
    at = run_targets()
    columns = json.loads(editor(at).proto.columns)
    for score in ("motivation", "postings"):
        bounds = columns[score]["type_config"]
        assert "max_value" not in bounds, columns
        assert (bounds["min_value"], bounds["step"]) == (0, 1), columns
    assert columns["status"]["width"] >= 8 + 93  # "In your network" in full
    assert columns["ruled_out_reason"]["width"] >= 76  # its label in full (seen in Chromium)
    before = companies(network)
    edit(at, {0: {"postings": 7}})
    assert "1 change to 1 company, not saved yet." in [c.value for c in at.caption]
    assert [e.value for e in at.error] == [
        "The postings of Acme must be a whole number from 0 to 3, not '7'."
    ]
    button(at, "Save changes").click()
    run_targets(at)
    assert at.error[0].value == "The postings of Acme must be a whole number from 0 to 3, not '7'."
    assert companies(network) == before


def add_box(at: AppTest, kind: str, label: str):
    """A box of the Add a company form, found by its label (its key changes once it is
    emptied)."""
    [found] = [w for w in at.get(kind) if w.label == label and w.form_id == "add_company"]
    return found


def test_adding_a_company_refused_says_why_and_keeps_what_was_typed(network):
    # The score boxes stop at 0 and 3 themselves (test_page_targets_add_limits): a name
    # already on the list is what the form can still send that the domain refuses.
    at = run_targets()
    add_box(at, "text_input", "Company name").set_value("Medix")
    add_box(at, "number_input", "Motivation (0–3)").set_value(2)
    button(at, "Add company").click()
    run_targets(at)
    assert at.error[0].value.startswith("Medix is already on your list (target).")
    assert companies(network)["Medix"][2] == 1
    kept = add_box(at, "text_input", "Company name")
    assert (kept.value, kept.key) == ("Medix", "add_name_0")  # to correct, not retype
    assert add_box(at, "number_input", "Motivation (0–3)").value == 2
    kept.set_value("Beta Corp")
    add_box(at, "number_input", "Postings (0–3)").set_value(1)
    button(at, "Add company").click()
    run_targets(at)
    assert at.success[0].value == "Beta Corp is on your list."
    assert companies(network)["Beta Corp"] == ("target", None, 2, None)
    # Emptied as a new form: a browser shows and sends back what a box it knows holds, so
    # the boxes get new keys (tests/e2e/test_targets_add.py sees them empty in Chromium).
    name = add_box(at, "text_input", "Company name")
    assert (name.value, name.key) == ("", "add_name_1")
    assert add_box(at, "number_input", "Motivation (0–3)").value == 0


def test_merge_asks_first_then_moves_the_people(network):
    at = run_targets()
    at.text_input(key="merge_search").set_value("omega")
    run_targets(at)
    keep = at.selectbox(key="merge_keep")
    assert keep.value == targets.ensure_company(ui.connection(), "Omega Bank")
    button(at, "Merge…").click()
    run_targets(at)
    assert "cannot be undone" in at.warning[0].value
    assert len(companies(network)) == 5
    button(at, "Yes, merge them").click()
    run_targets(at)
    assert "People who moved over: 1." in at.success[0].value
    assert "Omega Banking Group" not in companies(network)
    people = ui.connection().execute(
        "SELECT count(*) FROM contacts c JOIN companies co ON co.id = c.company_id"
        " WHERE co.name = 'Omega Bank'"
    )
    assert people.fetchall()[0][0] == 2


def test_paging_through_thousands(app_db):
    conn = db.connect(app_db)
    for i in range(120):
        targets.ensure_company(conn, f"Company {i:03}")
    conn.commit()
    conn.close()
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    assert len(names(at)) == 50
    at.number_input(key="targets_page").set_value(3)
    run_targets(at)
    assert names(at) == [f"Company {i:03}" for i in range(100, 120)]
    assert "Companies 101–120 of 120" in " ".join(c.value for c in at.caption)


def test_demo_targets_by_industry(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    expected = targets.list_companies(conn, targets.CompanyFilter(industries=("Software",)))
    conn.close()
    at = run_targets()
    everything = names(at)
    assert len(everything) == 10  # the demo's ten chosen companies
    at.multiselect(key="targets_industries").set_value(["Software"])
    run_targets(at)
    assert names(at) == list(expected["name"])
    assert 0 < len(names(at)) < len(everything)


def test_the_scores_help_names_the_range_the_save_allows(network):
    columns = json.loads(editor(run_targets()).proto.columns)
    for score in ("motivation", "postings"):
        assert columns[score]["help"].startswith("A whole number from 0 to 3. "), columns[score]
    assert columns["motivation"]["help"].endswith(targets.MOTIVATION_HELP)
    assert columns["postings"]["help"].endswith(targets.POSTINGS_HELP)


def test_a_reason_too_long_for_its_cell_is_shown_in_full_below_the_table(network):
    reason = "Long hours are the norm there, and the team I'd join is shrinking"
    conn = ui.connection()
    volt = conn.execute("SELECT id FROM companies WHERE name = 'Volt'").fetchall()[0][0]
    targets.rule_out(conn, volt, reason)
    at = run_targets()
    assert "ruled_out_reason" in editor(at).proto.column_order  # still in the table, cut short
    shown = [m.value for m in at.main.markdown]
    assert "**Why you ruled them out**" in shown
    assert f"- Volt: {ui.plain(reason)}" in shown[shown.index("**Why you ruled them out**") + 1]


@pytest.fixture
def retail_ruled_out(network):
    """The network's three targets, plus Shop in Retail (an industry ruled out in Settings)
    and Tobacco Co (Health) ruled out by itself."""
    conn = db.connect(network)
    targets.add_company(conn, "Shop", industry="Retail", motivation=3)
    tobacco = targets.add_company(conn, "Tobacco Co", industry="Health", motivation=3)
    targets.rule_out(conn, tobacco, "Not for me")
    contacts.add_contact(conn, "Sam", company="Shop")
    profile.rule_out_industry(conn, "Retail", "Weekend shifts")
    conn.close()
    return network


def test_home_the_list_and_the_coverage_agree_on_the_targets(retail_ruled_out):
    # Targets: Acme, Medix (Health), Volt (Energy). Ruled out: Shop (Retail), Tobacco Co.
    home = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    home.run()
    assert not home.exception, home.exception
    [metric] = [m for m in home.metric if m.label == "Targets"]
    # the two ways apart, in the Status column's words, as the line below says them
    assert (metric.value, metric.proto.delta) == ("3", "1 ruled out, 1 by industry")

    at = run_targets()
    # ruled out, either way: last, as the line names them (by you, then by industry)
    assert names(at)[-2:] == ["Tobacco Co", "Shop"]
    line = next(c for c in at.caption if c.value.startswith("Companies "))
    # Home's '1 ruled out, 1 by industry' are these two, as the Status column says them.
    assert line.value == (
        "Companies 1–5 of 5, best first: 3 targets, then 1 ruled out and 1 in an industry you "
        "ruled out. Change any cell, then save."
    )
    numbers = next(d for d in at.dataframe if d.key is None or not d.key.startswith(EDITOR))
    coverage = numbers.value
    assert dict(zip(coverage["industry"], coverage["targets"], strict=True)) == {
        "Health": 2,
        "Energy": 1,
    }
    assert coverage["people"].sum() == 2  # Ann and Bob at Acme; Sam at Shop is left out
    chart = quick_charts(at)["coverage"]
    assert chart["data"][0]["y"] == ["Health (2)", "Energy (1)"]
    assert "ruled out in Settings, are left out" in " ".join(c.value for c in at.caption)
    shown = [m.value for m in at.main.markdown]
    why = shown[shown.index("**Why you ruled them out**") + 1]
    # In the table's order (above): the reasons read down beside their rows.
    assert why == (
        "- Tobacco Co: Not for me\n- Shop: Retail is ruled out in Settings \\(Weekend shifts\\)"
    )


@pytest.fixture
def two_pages(app_db):
    """Alder Consulting first (motivation 3), then 59 companies scored 2: two pages of 50."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Alder Consulting", motivation=3)
    for i in range(59):
        targets.add_company(conn, f"Company {i:02}", motivation=2)
    conn.close()
    return app_db


def test_a_saved_score_that_moves_a_company_says_where_it_went(two_pages):
    at = run_targets()
    assert names(at)[0] == "Alder Consulting"
    assert at.number_input(key="targets_page").label == "Page (of 2)"
    edit(at, {0: {"motivation": 1}})
    button(at, "Save changes").click()
    run_targets(at)
    # Below the 59 companies scored 2: the 60th, on page 2.
    assert at.success[0].value == "Saved 1 change to 1 company: Alder Consulting is now on page 2."
    assert "Alder Consulting" not in names(at)


def test_a_saved_change_that_keeps_the_company_on_the_page_says_only_what_was_saved(two_pages):
    at = run_targets()
    edit(at, {1: {"postings": 3}})  # Company 00 moves up one row, on the same page
    button(at, "Save changes").click()
    run_targets(at)
    assert at.success[0].value == "Saved 1 change to 1 company."
    assert names(at)[:2] == ["Alder Consulting", "Company 00"]


def test_one_company_is_said_in_the_singular(app_db):
    """'1 company', never '1 companies': the hint with no targets yet, and the last page of
    the table when one company is left on it."""
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ann", company="Acme")
    conn.close()
    at = run_targets()
    assert at.info[0].value == (
        "No targets yet. Switch on **Show whole network** above and pick the one company your "
        "contacts work at, or add one below."
    )
    conn = db.connect(app_db)
    for i in range(51):  # fifty a page: the 51st alone on page 2
        targets.add_company(conn, f"Company {i:02}", motivation=2)
    conn.close()
    at = run_targets()
    at.number_input(key="targets_page").set_value(2)
    run_targets(at)
    assert names(at) == ["Company 50"]
    captions = " ".join(c.value for c in at.caption)
    assert "A click on a column header orders only the 1 company on this page" in captions


def test_a_header_click_sorts_only_the_page_and_the_page_says_so(two_pages):
    at = run_targets()
    captions = " ".join(c.value for c in at.caption)
    assert "A click on a column header orders only the 50 companies on this page" in captions
    assert "All 60 are in the order above, best first" in captions


def test_the_choice_of_companies_stays_when_a_row_is_ticked_or_the_filter_changes(network):
    """Seen in the browser: the choice's labels hold counts ('The 3 you ticked'), and a radio
    without a key is known by its labels, so a tick or a new filter made a new one and the
    choice jumped back to the ticked companies."""
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    at.radio[0].set_value("matching")
    run_targets(at)
    assert at.radio[0].options[1] == "All 5 that match the search and industry above"
    edit(at, {0: {"picked": True}})
    assert at.radio[0].options[0] == "The one you ticked in the table"
    assert at.radio[0].value == "matching"
    at.text_input(key="targets_search").set_value("o")  # Volt, Omega Bank, Omega Banking Group
    run_targets(at)
    assert at.radio[0].options[1] == "All 3 that match the search and industry above"
    assert at.radio[0].value == "matching"
    at.radio[0].set_value("picked")
    run_targets(at)
    edit(at, {1: {"picked": True}})
    assert at.radio[0].value == "picked"
    assert at.radio[0].options[0] == "The one you ticked in the table"


def test_one_company_matching_is_changed_at_once_without_a_choice_or_a_question(network):
    """With one company in the table, 'the ones you tick' and 'all that match' are the same
    company: no choice between them, and no question, as for one ticked. Widened again, the
    choice starts from the ticked companies, not from all of a list the user no longer saw."""
    at = run_targets()
    at.toggle(key="whole_network").set_value(True)
    run_targets(at)
    at.radio[0].set_value("matching")
    run_targets(at)
    at.text_input(key="targets_search").set_value("banking")
    run_targets(at)
    assert names(at) == ["Omega Banking Group"]
    shown = [m.value for m in at.main.markdown]
    assert "**Change the one company that matches**" in shown
    assert "**Change many companies at once**" not in shown
    assert not at.radio
    at.selectbox(key="new_industry").set_value("Energy")
    run_targets(at)
    button(at, "Set industry").click()  # not "Set industry…": nothing to ask
    run_targets(at)
    assert not at.warning
    assert at.success[0].value == "Put 1 company in Energy."
    button(at, "Make it a target").click()
    run_targets(at)
    assert at.success[0].value == "Added 1 company to your targets."
    # The one company is a target now: it is not offered again (a new user saw it offered).
    assert "Make it a target" not in [b.label for b in at.button]
    assert "It is on your list already." not in [c.value for c in at.caption]
    run_targets(at)
    assert "It is on your list already." in [c.value for c in at.caption]
    saved = companies(network)
    assert saved["Omega Banking Group"][:2] == ("target", "Energy")
    assert saved["Omega Bank"][:2] == ("network", None)
    at.text_input(key="targets_search").set_value("omega")
    run_targets(at)
    assert "**Change many companies at once**" in [m.value for m in at.main.markdown]
    assert at.radio[0].value == "picked"
