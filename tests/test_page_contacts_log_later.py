"""An untouched "Log it" is taken for a double-click only right after a log.

The guard against a double-click (tests/test_page_contacts_log_twice.py) refused any untouched
send of the fresh form, however late: someone who logged an Outreach and, a minute later, meant
to log the Reply the form offers was told "Nothing more logged" once. The page keeps the
moment of the log (time.monotonic) and refuses only a send that comes soon after it. The
clock here is held still and moved on by the tests, never waited for.
"""

from __future__ import annotations

import pytest

from infoint import contacts, db
from tests.test_page_contacts import run
from tests.test_page_contacts_log_twice import SAME_AGAIN, kinds, log_it, log_tab


@pytest.fixture
def ann(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(conn, "Ann", "Lee", company="Acme")
    conn.close()
    return ann


pytestmark = pytest.mark.usefixtures("held_clock")


@pytest.fixture
def later(held_clock):
    """Moves the held monotonic clock on by the seconds given: what the page reads for 'soon'."""

    def move(seconds: float) -> None:
        held_clock[0] += seconds

    return move


def test_an_untouched_send_a_minute_after_a_log_is_sent(app_db, ann, later):
    """Sent, not refused; the fresh form keeps the kind just logged, so it is the same entry,
    counted once (test_page_contacts_log_keeps_kind.py). Her Reply is a choice in the box."""
    at = log_it(log_tab(ann), ann)
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on ")
    assert at.selectbox(key=f"log_{ann}_1_kind").value == "outreach"
    later(60)
    log_it(at, ann)
    assert not at.info
    assert at.success[0].value.endswith("was already logged: it counts once.")
    assert kinds(app_db, ann) == ["outreach"]
    later(60)  # heard back: the Reply, chosen (on the form drawn after that send)
    at.selectbox(key=f"log_{ann}_2_kind").set_value("reply")
    run(at)
    log_it(at, ann)
    assert not at.info
    assert at.success[0].value.startswith("Logged: Reply with Ann Lee on ")
    assert kinds(app_db, ann) == ["reply", "outreach"]


def test_an_untouched_send_a_second_after_a_log_is_a_double_click(app_db, ann, later):
    at = log_it(log_tab(ann), ann)
    later(1)  # an impatient second click, the fresh form drawn between
    log_it(at, ann)
    [said] = at.info
    assert said.value.startswith(
        "Nothing more logged: that click came right after the Outreach with Ann Lee on "
    )
    assert kinds(app_db, ann) == ["outreach"]
    # Clicked again, late or not, it is sent: the same entry, counted once.
    later(60)
    log_it(at, ann)
    assert at.success[0].value.endswith("was already logged: it counts once.")
    assert kinds(app_db, ann) == ["outreach"]


def test_the_window_starts_again_at_each_log(app_db, ann, later):
    """A Reply logged late is itself a log: a send at once after it is its double-click."""
    at = log_it(log_tab(ann), ann)
    later(60)
    at.selectbox(key=f"log_{ann}_1_kind").set_value("reply")
    run(at)
    log_it(at, ann)  # the Reply, logged
    assert kinds(app_db, ann) == ["reply", "outreach"]
    assert at.selectbox(key=f"log_{ann}_2_kind").value == "reply"  # kept: the same entry
    log_it(at, ann)  # its second click
    [said] = at.info
    assert said.value.startswith(
        "Nothing more logged: that click came right after the Reply with Ann Lee on "
    )
    assert said.value.endswith(SAME_AGAIN)
    assert kinds(app_db, ann) == ["reply", "outreach"]
