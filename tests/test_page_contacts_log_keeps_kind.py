"""After "Log it", the fresh log form keeps the kind just logged; a later visit offers what
likely comes next.

A tester opened a person from Follow-ups ("Log their answer") and logged her Reply: right above
"Logged: Reply with Priya Raghunathan, PhD on 28 Nov 2026.", "What happened" had moved on to
Outreach, as if the page had forgotten the choice, and a second click on "Log it" (once the
double-click window had passed) logged an outreach nobody sent, putting her back among those
waited on. Kept at Reply, the box agrees with the confirmation under it, and the same form sent
again is the same entry, counted once and said so (`interactions.log_once`). Logging what
came next is a choice in the box; the meeting, the method's next step after a reply, is
offered under the confirmation.
"""

from __future__ import annotations

import pytest

from infoint import contacts, db
from tests import test_page_contacts_log_after_reply
from tests.test_page_contacts_log_after_reply import log_it, log_tab, logged

pytestmark = pytest.mark.usefixtures("held_clock")


ann = test_page_contacts_log_after_reply.ann  # written to by email: the form offers her reply


def test_after_a_reply_the_box_still_says_reply_and_a_late_second_click_logs_no_outreach(
    app_db, ann, held_clock
):
    at = log_tab(ann)
    assert at.selectbox(key=f"log_{ann}_0_kind").value == "reply"
    at = log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Reply with Ann Lee on ")
    assert at.selectbox(key=f"log_{ann}_1_kind").value == "reply"
    held_clock[0] += 60  # read the confirmation, unsure, clicked again
    at = log_it(at, ann)
    assert at.success[0].value.endswith("was already logged: it counts once.")
    assert logged(app_db, ann) == (["reply", "outreach"], "Replied")


def test_after_an_outreach_the_box_still_says_outreach(app_db):
    conn = db.connect(app_db)
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    conn.close()
    at = log_it(log_tab(bo), bo)
    assert at.success[0].value.startswith("Logged: Outreach with Bo Berg on ")
    assert at.selectbox(key=f"log_{bo}_1_kind").value == "outreach"
    # A later visit offers what likely comes next: her answer.
    assert log_tab(bo).selectbox(key=f"log_{bo}_0_kind").value == "reply"


def test_the_way_chosen_is_kept_with_the_kind(app_db, ann, held_clock):
    """Her answer came on LinkedIn, where the form offered email (the way the last message to
    her went): the fresh form keeps LinkedIn too, so a late second click is the same entry."""
    at = log_tab(ann)
    at.selectbox(key=f"log_{ann}_0_channel").set_value("linkedin")
    at = log_it(at, ann)
    assert at.success[0].value.startswith("Logged: Reply with Ann Lee on ")
    assert at.selectbox(key=f"log_{ann}_1_channel").value == "linkedin"
    held_clock[0] += 60
    at = log_it(at, ann)
    assert at.success[0].value.endswith("was already logged: it counts once.")
    assert logged(app_db, ann) == (["reply", "outreach"], "Replied")
