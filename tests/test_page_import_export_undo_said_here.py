"""Import & export says an import's undo where its button was, under "Your imports", and
then no longer "No imports yet".

A walkthrough in Chromium at 1280 px imported a small Connections.csv and undid it: the page
stayed scrolled where the user clicked, which showed only "Your imports / No imports yet. Your
first one appears here with what it added.", untrue after an import, while "The import of
Connections.csv was undone." sat under the page title, out of view. A failed undo was said at
the top too.
"""

from __future__ import annotations

from infoint import settings
from infoint.errors import InvalidInputError
from infoint.text import plain_markdown
from tests.test_page_import_export import (
    ADA,
    FIRST,
    GRACE,
    button,
    export_csv,
    open_page,
    run,
    upload,
)

KEPT = "No imports kept: the last one was undone. Your next one appears here with what it added."
YET = "No imports yet. Your first one appears here with what it added."
LINUS = "Linus,Torvalds,https://www.linkedin.com/in/linus-t,,Linux Foundation,Fellow,03 Mar 2025"
UNDONE = f"The import of {plain_markdown('Connections.csv')} was undone."


def in_order(at) -> list[tuple[str, str]]:
    """The page's main column as (kind, words), in the order it is drawn."""
    found = []

    def walk(node) -> None:
        children = getattr(node, "children", None)
        if children:
            for child in children.values():
                walk(child)
            return
        value = getattr(node, "value", None)
        if isinstance(value, str):
            found.append((type(node).__name__, value))

    walk(at.main)
    return found


def section(at, heading: str) -> list[tuple[str, str]]:
    """What is drawn under the subheader `heading`, up to the next subheader."""
    drawn = in_order(at)
    start = drawn.index(("Subheader", heading))
    rest = drawn[start + 1 :]
    end = next((i for i, (kind, _) in enumerate(rest) if kind == "Subheader"), len(rest))
    return rest[:end]


def undo(at):
    button(at, "Undo the last import").click()
    run(at)
    button(at, "Yes, undo the import").click()
    return run(at)


def test_the_undo_is_said_under_your_imports_once_and_not_at_the_top(app_db):
    at = undo(upload(open_page(), FIRST))
    # the result first, then why the list is empty: a walkthrough read the note, then below it
    # the result of the click
    assert [value for _, value in section(at, "Your imports")][:2] == [
        UNDONE,
        KEPT,
    ]
    assert [e.value for e in at.success] == [UNDONE]  # said once: not under the title too
    before = in_order(at)[: in_order(at).index(("Subheader", "Bring in your LinkedIn connections"))]
    assert not [value for kind, value in before if kind in ("Success", "Error")]
    run(at)
    assert not at.success  # said once


def kinds_under(at, heading: str) -> list[str]:
    """The kinds of element drawn under the subheader `heading`, tables included."""
    found = []

    def walk(node) -> None:
        children = getattr(node, "children", None)
        if children:
            for child in children.values():
                walk(child)
            return
        found.append((type(node).__name__, getattr(node, "value", None)))

    walk(at.main)
    start = found.index(("Subheader", heading))
    rest = [kind for kind, _ in found[start + 1 :]]
    return rest[: rest.index("Subheader") if "Subheader" in rest else len(rest)]


def test_with_imports_left_the_undo_is_said_above_their_list(app_db):
    at = upload(open_page(), FIRST)
    at = undo(upload(at, export_csv(ADA, GRACE, LINUS), "Connections-later.csv"))
    later = f"The import of {plain_markdown('Connections-later.csv')} was undone."
    assert [e.value for e in at.success] == [later]
    under = kinds_under(at, "Your imports")
    assert under[0] == "Success"
    assert under[1] == "Dataframe"  # the first import is still listed, under the result


def test_after_an_undo_your_imports_no_longer_says_no_imports_yet(app_db):
    at = undo(upload(open_page(), FIRST))
    assert [i.value for i in at.info if "imports" in i.value] == [KEPT]
    assert not [i for i in at.info if "No imports yet" in i.value]
    at = open_page()  # a new session: the words come from the data
    assert [i.value for i in at.info if "imports" in i.value] == [KEPT]


def test_before_any_import_it_still_says_no_imports_yet(app_db):
    at = open_page()
    assert YET in [i.value for i in at.info]


def test_a_failed_undo_is_said_where_its_button_was(app_db, monkeypatch):
    at = upload(open_page(), FIRST)
    button(at, "Undo the last import").click()
    run(at)

    def fails(db_path, offer) -> None:
        raise InvalidInputError(
            f"The import of {offer.file_name} can no longer be undone: something was saved "
            "since, so nothing was changed."
        )

    monkeypatch.setattr(settings, "undo_import", fails)
    button(at, "Yes, undo the import").click()
    run(at)
    assert [e.value for e in at.error] == [
        "The import of Connections.csv can no longer be undone: something was saved since, "
        "so nothing was changed."
    ]
    under = section(at, "Your imports")
    assert ("Error", at.error[0].value) in under
    assert under.index(("Error", at.error[0].value)) < next(
        i for i, (_, value) in enumerate(under) if value.startswith("Imported the wrong file?")
    )
    assert not at.success
