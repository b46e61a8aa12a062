"""A file the import refuses gets one box: the reason first, then that nothing changed. A new
user saw two (walkthrough in Chromium): a grey status "Nothing was imported; your data is as
it was." over a red box with the reason, which read as two things gone wrong."""

from infoint import ui
from tests.test_page_import_export import PICTURE, open_page, scalar, upload

NOTHING = "Nothing was imported; your data is as it was."


def test_a_file_that_is_not_text_gets_one_box_reason_first(app_db):
    at = upload(open_page(), PICTURE, "bad.bin")
    assert [e.value for e in at.error] == [
        ui.as_written(
            "This file is not text, so it is not a CSV file; expected LinkedIn's "
            "Connections.csv or the LinkedIn archive .zip that contains it (save an Excel "
            f"workbook as CSV first). {NOTHING}"
        )
    ]
    assert not at.status  # the import's progress is gone with it
    assert not [w for w in at.warning if NOTHING in w.value]
    assert scalar("SELECT count(*) FROM import_batches") == 0


def test_a_wrong_csv_says_its_reason_then_that_nothing_changed(app_db):
    at = upload(open_page(), b"Name,Phone\nAda,123\n", name="phone-list.csv")
    [message] = [e.value for e in at.error]
    reason = message.removesuffix(f" {NOTHING}")
    assert reason != message and reason.endswith(".") and ". " not in reason
    assert not at.status
    assert scalar("SELECT count(*) FROM contacts") == 0
