"""Import & export points to Settings only with a backup from before the import it names.

The walkthrough: after an import was followed by other changes, the page said "to go back,
restore a backup in Settings" with a button to Settings, where every backup had been taken
after that import, so restoring none of them went back before it.
"""

from __future__ import annotations

from infoint import contacts, db, ui
from infoint.text import plain_markdown
from tests.test_page_import_export import (
    ADA_MOVED,
    FIRST,
    GRACE,
    button,
    export_csv,
    markdown,
    open_page,
    run,
    upload,
)
from tests.test_undo import named

NEW = export_csv(ADA_MOVED, GRACE)
TO_SETTINGS = plain_markdown("to go back, restore a backup in Settings.")
NONE_BEFORE = plain_markdown(
    "there is no backup from before it either: the backups in Settings were all taken after it."
)


def backup_links(at) -> list[str]:
    return [link.proto.page for link in at.get("page_link") if "backup" in link.proto.label]


def test_after_undoing_the_second_import_only_later_backups_are_left(app_db):
    at = upload(open_page(), FIRST)
    at = upload(at, NEW, name="Connections_new.csv")
    button(at, "Undo the last import").click()
    run(at)
    button(at, "Yes, undo the import").click()
    run(at)
    assert "Undo the last import" in [b.label for b in at.button]  # Connections.csv's, now
    contacts.add_contact(ui.connection(), "Katherine", "Johnson")
    run(at)
    said = markdown(at)
    imported = named(ui.connection(), "Connections.csv")
    assert plain_markdown(f"You saved other changes after importing {imported}") in said
    assert NONE_BEFORE in said
    assert TO_SETTINGS not in said
    assert backup_links(at) == []


def test_the_import_s_own_backup_is_pointed_to(app_db):
    at = upload(open_page(), FIRST)
    at = upload(at, NEW, name="Connections_new.csv")
    contacts.add_contact(ui.connection(), "Katherine", "Johnson")
    run(at)
    said = markdown(at)
    imported = named(ui.connection(), "Connections_new.csv")
    assert plain_markdown(f"You saved other changes after importing {imported}") in said
    assert TO_SETTINGS in said
    assert backup_links(at) == ["settings"]


def test_a_backup_made_before_the_first_import_is_pointed_to(app_db):
    at = open_page()
    db.backup(ui.connection())
    at = upload(at, FIRST)
    contacts.add_contact(ui.connection(), "Katherine", "Johnson")
    run(at)
    assert TO_SETTINGS in markdown(at)
    assert backup_links(at) == ["settings"]
