"""Import & export: the question about a file older than one imported before is not read
together with the report of the import before it.

The walkthrough: a first Connections.csv imported, then an older Connections.csv chosen and
Import clicked. The page asked whether to import it anyway, and right under the question kept
the earlier import's box, "Connections.csv: Added 2 people." with its counts, so the new file
read as imported already. The earlier import stays in "Your imports"; its report goes once
another file is chosen.
"""

from __future__ import annotations

from infoint.text import plain_markdown
from tests.test_page_import_export import (
    FIRST,
    OLDER,
    OLDER_SENTENCE,
    button,
    grace_title,
    labels,
    markdown,
    open_page,
    run,
    upload,
)

NAME = "Connections.csv"  # LinkedIn names every export so
SHOWN = plain_markdown(NAME)  # as the page writes it, escaped
EARLIER_REPORT = f"**{SHOWN}**: Added 2 people"


def metrics(at) -> list[str]:
    return [m.label for m in at.metric]


def test_the_question_about_an_older_file_comes_without_the_earlier_import_s_report(app_db):
    at = upload(open_page(), FIRST, name=NAME)
    assert EARLIER_REPORT in markdown(at) and "New people" in metrics(at)
    at = upload(at, OLDER, name=NAME)
    assert [w.value for w in at.warning] == [OLDER_SENTENCE]
    assert "Import anyway" in labels(at)
    assert EARLIER_REPORT not in markdown(at)
    assert metrics(at) == []  # no counts of the earlier import under the question
    assert "Next: mark the companies" not in [p.proto.label for p in at.get("page_link")]
    assert grace_title() == "Rear Admiral"
    # The earlier import is still listed among the imports, by its file.
    [history] = [d for d in at.dataframe if "file_name" in d.value.columns]
    assert list(history.value["file_name"]) == [NAME]


def test_after_import_anyway_the_report_is_this_file_s(app_db):
    at = upload(open_page(), FIRST, name=NAME)
    at = upload(at, OLDER, name=NAME)
    button(at, "Import anyway").click()
    run(at)
    assert f"**{SHOWN}**: Updated 1 person." in markdown(at)
    assert EARLIER_REPORT not in markdown(at)
    assert grace_title() == "Commander"


def test_after_cancel_the_earlier_report_is_not_shown_again_as_news(app_db):
    at = upload(open_page(), FIRST, name=NAME)
    at = upload(at, OLDER, name=NAME)
    button(at, "Cancel").click()
    run(at)
    assert not at.warning
    assert EARLIER_REPORT not in markdown(at)
    assert grace_title() == "Rear Admiral"
