"""Settings says what a restore or the demo did beside the button clicked, and an older
confirmation gives way to the next action: after "Back up now", "Restore this backup" and
"Yes, restore it", 'Restored the backup from …' showed at the very top of the page, out of
view, while 'Backed up: …' still stood by the buttons, so it read as if only a backup had
happened (a walkthrough in Chromium)."""

from __future__ import annotations

from infoint import contacts, db, ui
from tests.test_page_meetings_said_here import in_order
from tests.test_page_settings import button, open_page, people, run


def after(at, label: str) -> list[str]:
    """The words of the elements drawn after the button `label`, up to the next button."""
    elements = in_order(at.main)
    [start] = [n for n, e in enumerate(elements) if getattr(e, "label", None) == label]
    said = []
    for element in elements[start + 1 :]:
        if element.type in ("button", "download_button"):
            break
        said.append(getattr(element, "value", ""))
    return said


def under_heading(at, heading: str) -> str:
    """The words of the element drawn right under the subheader `heading`."""
    elements = in_order(at.main)
    [at_heading] = [
        n for n, e in enumerate(elements) if e.type == "subheader" and e.value == heading
    ]
    return getattr(elements[at_heading + 1], "value", "")


def successes(at) -> list[str]:
    return [s.value for s in at.success]


def test_a_restore_is_said_under_its_button_and_the_backup_sentence_goes(app_db):
    at = open_page()
    contacts.add_contact(ui.connection(), "Ada", "Lovelace")
    button(at, "Back up now").click()
    run(at)
    assert [s for s in successes(at) if s.startswith("Backed up: ")]
    button(at, "Restore this backup").click()
    run(at)
    # Asked about a restore, the page no longer says only that a backup was made.
    assert not [s for s in successes(at) if s.startswith("Backed up: ")]
    assert [d.label for d in at.get("download_button")] == []
    button(at, "Yes, restore it").click()
    run(at)
    [taken] = [b for b in db.backup_files(app_db) if b.reason == "manual"]
    [restored] = successes(at)  # the only one: no "Backed up: …" beside it
    assert restored.startswith("Restored the backup from ")
    assert after(at, "Restore this backup")[0] == restored  # right under the button clicked
    elements = in_order(at.main)
    title = next(n for n, e in enumerate(elements) if e.type == "title")
    assert not [e for e in elements[: title + 3] if e.type == "success"]  # not at the top
    assert people() == ["Ada"]
    assert taken.path.is_file()
    run(at)  # said once
    assert successes(at) == []


def test_a_refused_restore_is_said_under_its_button(app_db):
    at = open_page()
    contacts.add_contact(ui.connection(), "Ada", "Lovelace")
    button(at, "Back up now").click()
    run(at)
    button(at, "Restore this backup").click()
    run(at)
    [made] = db.backup_files(app_db)
    made.path.write_bytes(b"not a database")
    button(at, "Yes, restore it").click()
    run(at)
    [refused] = [e.value for e in at.error]
    assert "is not a readable infoint backup" in refused
    assert after(at, "Restore this backup")[0] == refused
    assert successes(at) == []


def test_the_backup_sentence_is_said_once_and_survives_no_later_action(app_db):
    at = open_page()
    button(at, "Back up now").click()
    run(at)
    [said] = [s for s in successes(at) if s.startswith("Backed up: ")]
    assert after(at, "Back up now")[0] == said
    # The download is no action on the data: it runs nothing, so nothing is taken away.
    [download] = at.get("download_button")
    assert download.proto.ignore_rerun
    button(at, "Load demo data").click()
    run(at)
    assert not [s for s in successes(at) if s.startswith("Backed up: ")]
    [loaded] = successes(at)
    assert loaded.startswith("Loaded the demo")
    assert under_heading(at, "Demo data") == loaded  # beside the demo's buttons
    button(at, "Remove demo data").click()
    run(at)
    button(at, "Yes, remove demo data").click()
    run(at)
    [removed] = successes(at)
    assert removed.startswith("Removed the demo data")
    assert under_heading(at, "Demo data") == removed
