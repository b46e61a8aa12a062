"""Targets: edits made in the table and not saved yet survive a trip to another page.

The walkthrough: on the demo data, River Consulting's Motivation changed from 2 to 1 read
"1 change to 1 company, not saved yet."; a click on Contacts in the menu and back on Targets
showed it at 2 again, with no word: Streamlit forgets a table's edits when its page is left.
The page keeps them by company (not by row, which another order or filter gives to another
company) until they are saved or discarded.
"""

from __future__ import annotations

from infoint import db, demo, targets
from tests.test_page_targets import (
    button,
    companies,
    edit,
    editor,
    names,
    network,  # noqa: F401 (a fixture)
    run_targets,
)

NOT_SAVED = "1 change to 1 company, not saved yet."


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def there_and_back(at, where: str = "pages/2_contacts.py"):
    at.switch_page(where)
    at.run()
    assert not at.exception, at.exception
    at.switch_page("pages/1_targets.py")
    return run_targets(at)


def shown(at, name: str, column: str):
    """What the table shows in `column` for `name`, its edits included."""
    table = editor(at)
    values = table.value
    position = list(values["name"]).index(name)
    edited = at.session_state[table.key]["edited_rows"].get(position, {})
    return edited.get(column, values[column].iloc[position])


def row_of(at, name: str) -> int:
    return names(at).index(name)


def test_a_score_changed_on_the_demo_survives_a_trip_to_contacts(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    conn.close()
    at = run_targets()
    assert shown(at, "River Consulting", "motivation") == 2
    edit(at, {row_of(at, "River Consulting"): {"motivation": 1}})
    assert NOT_SAVED in captions(at)
    at = there_and_back(at)
    assert NOT_SAVED in captions(at)
    assert shown(at, "River Consulting", "motivation") == 1
    assert not button(at, "Save changes").disabled
    button(at, "Save changes").click()
    run_targets(at)
    assert at.success[0].value.startswith("Saved 1 change to 1 company")
    assert companies(app_db)["River Consulting"][2] == 1


def test_edits_kept_follow_the_company_when_the_order_changed_meanwhile(network):  # noqa: F811
    at = run_targets()
    assert names(at) == ["Acme", "Volt", "Medix"]
    edit(at, {1: {"motivation": 0}})  # Volt, 2 -> 0
    at.switch_page("pages/2_contacts.py")
    at.run()
    conn = db.connect(network)  # meanwhile a new company takes the first place
    targets.add_company(conn, "Zeta", industry="Energy", motivation=3, postings=3)
    conn.close()
    at.switch_page("pages/1_targets.py")
    run_targets(at)
    assert names(at) == ["Zeta", "Acme", "Volt", "Medix"]
    assert NOT_SAVED in captions(at)
    assert shown(at, "Volt", "motivation") == 0
    assert shown(at, "Acme", "motivation") == 3  # the row Volt had is not given the edit
    button(at, "Save changes").click()
    run_targets(at)
    saved = companies(network)
    assert saved["Volt"][2] == 0
    assert saved["Acme"][2] == 3
    assert saved["Zeta"][2] == 3


def test_saved_edits_do_not_come_back_after_a_trip(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 0}})
    button(at, "Save changes").click()
    run_targets(at)
    at = there_and_back(at)
    assert "not saved yet" not in captions(at)
    assert button(at, "Save changes").disabled
    conn = db.connect(network)  # changed again elsewhere: the old edit must not return
    targets.update_companies(conn, {targets.find_company_id(conn, "Volt"): {"motivation": 2}})
    conn.close()
    at = there_and_back(at)
    assert "not saved yet" not in captions(at)
    assert shown(at, "Volt", "motivation") == 2


def test_discarded_edits_are_gone_and_stay_gone(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 0}, 2: {"name": "Medix Health"}})
    assert "2 changes to 2 companies, not saved yet." in captions(at)
    button(at, "Discard changes").click()
    run_targets(at)
    assert "not saved yet" not in captions(at)
    assert names(at) == ["Acme", "Volt", "Medix"]
    assert shown(at, "Volt", "motivation") == 2
    at = there_and_back(at)
    assert "not saved yet" not in captions(at)
    assert shown(at, "Volt", "motivation") == 2
    assert button(at, "Save changes").disabled


def test_edits_survive_a_new_filter_and_are_saved_with_the_others(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 0}})  # Volt
    at.text_input(key="targets_search").set_value("Med")
    run_targets(at)
    assert names(at) == ["Medix"]
    assert NOT_SAVED in captions(at)
    assert "Volt is not in the table as it is shown now." in captions(at)
    edit(at, {0: {"postings": 3}})
    assert "2 changes to 2 companies, not saved yet." in captions(at)
    button(at, "Save changes").click()
    run_targets(at)
    saved = companies(network)
    assert saved["Volt"][2] == 0
    conn = db.connect(network)
    try:
        assert (
            targets.list_companies(conn).loc[targets.find_company_id(conn, "Medix")].postings == 3
        )
    finally:
        conn.close()


def test_a_company_merged_away_meanwhile_drops_its_edits_with_a_word(network):  # noqa: F811
    at = run_targets()
    edit(at, {2: {"motivation": 3}})  # Medix
    at.switch_page("pages/2_contacts.py")
    at.run()
    conn = db.connect(network)
    targets.merge_companies(
        conn, targets.find_company_id(conn, "Acme"), targets.find_company_id(conn, "Medix")
    )
    conn.close()
    at.switch_page("pages/1_targets.py")
    run_targets(at)
    assert not at.error
    assert "not saved yet" not in captions(at)
    assert any("Your unsaved change to Medix was dropped" in i.value for i in at.info), [
        i.value for i in at.info
    ]
    assert names(at) == ["Acme", "Volt"]
    assert shown(at, "Acme", "motivation") == 3
    assert shown(at, "Volt", "motivation") == 2


def test_a_company_changed_meanwhile_drops_its_edits_with_a_word(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 0}, 2: {"postings": 3}})  # Volt, Medix
    at.switch_page("pages/2_contacts.py")
    at.run()
    conn = db.connect(network)
    targets.update_companies(conn, {targets.find_company_id(conn, "Volt"): {"motivation": 1}})
    conn.close()
    at.switch_page("pages/1_targets.py")
    run_targets(at)
    assert not at.error
    assert NOT_SAVED in captions(at)  # Medix's, still to save
    said = [i.value for i in at.info]
    assert any("Volt changed" in s and "dropped" in s for s in said), said
    assert shown(at, "Volt", "motivation") == 1
    button(at, "Save changes").click()
    run_targets(at)
    assert companies(network)["Volt"][2] == 1


def test_a_cleared_or_refused_score_kept_comes_back_as_typed_without_a_traceback(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 7}, 2: {"postings": None}})  # Volt, Medix
    refusals = [e.value for e in at.error]
    assert refusals
    at = there_and_back(at)
    assert [e.value for e in at.error] == refusals  # said again, nothing saved
    assert "2 changes to 2 companies, not saved yet." in captions(at)
    assert shown(at, "Volt", "motivation") == 7
    button(at, "Discard changes").click()
    run_targets(at)
    assert not at.error
    assert "not saved yet" not in captions(at)


def test_edits_hidden_by_a_filter_matching_nothing_are_said_and_come_back(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 0}})  # Volt
    at.text_input(key="targets_search").set_value("zzz")
    run_targets(at)
    assert (
        "1 change to 1 company not saved yet: clear the search or the industry to see and save it."
        in captions(at)
    )
    at.text_input(key="targets_search").set_value("")
    run_targets(at)
    assert NOT_SAVED in captions(at)
    assert shown(at, "Volt", "motivation") == 0


def test_a_cell_set_back_to_what_is_saved_is_no_change(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 0}})
    at = there_and_back(at)
    assert NOT_SAVED in captions(at)
    edit(at, {1: {"motivation": 2}})  # Volt's saved score again
    assert "not saved yet" not in captions(at)
    assert button(at, "Save changes").disabled
    at = there_and_back(at)
    assert "not saved yet" not in captions(at)
    assert shown(at, "Volt", "motivation") == 2


def test_a_company_out_of_view_merged_in_another_window_drops_its_edits_with_a_word(network):  # noqa: F811
    at = run_targets()
    edit(at, {1: {"motivation": 0}})  # Volt
    at.text_input(key="targets_search").set_value("Med")
    run_targets(at)
    edit(at, {0: {"postings": 3}})  # Medix
    conn = db.connect(network)  # another window merges Volt away meanwhile
    targets.merge_companies(
        conn, targets.find_company_id(conn, "Acme"), targets.find_company_id(conn, "Volt")
    )
    conn.close()
    run_targets(at)
    assert not at.error
    said = [i.value for i in at.info]
    assert any("Your unsaved change to Volt was dropped" in s for s in said), said
    assert NOT_SAVED in captions(at)  # Medix's
    button(at, "Save changes").click()
    run_targets(at)
    assert at.success[0].value.startswith("Saved 1 change to 1 company")


def test_a_restore_takes_the_edits_made_on_the_data_it_replaced(app_db):
    """A backup restored in Settings replaces the companies the edits were made on: a company
    added after it may be given the id of one edited, and the edit would land on it."""
    conn = db.connect(app_db)
    demo.load_demo(conn)
    db.backup(conn)
    conn.close()
    at = run_targets()
    edit(at, {row_of(at, "River Consulting"): {"motivation": 1}})
    assert NOT_SAVED in captions(at)
    at.switch_page("pages/9_settings.py")
    at.run()
    button(at, "Restore this backup").click()
    at.run()
    button(at, "Yes, restore it").click()
    at.run()
    assert not at.exception, at.exception
    assert "Restored the backup" in at.success[0].value
    at.switch_page("pages/1_targets.py")
    run_targets(at)
    assert NOT_SAVED not in captions(at)
    assert shown(at, "River Consulting", "motivation") == 2
