"""The box of items overdue for weeks stays open while the user snoozes or dismisses one item
at a time. A walkthrough with a heavy user: "93 items overdue by more than 14 days: snooze or
dismiss them all" opened, one item snoozed, and the box shut as "92 items…": an expander's
label is part of what the browser knows it by (`ui.expander`), so the count is said inside."""

from streamlit.testing.v1 import AppTest

from infoint.text import plain_markdown
from tests.test_page_follow_ups import button, follow_ups_page, item_keys, old_and_new, run  # noqa: F401 (a fixture)

LABEL = "Items overdue by more than 14 days: snooze or dismiss them all"


def old_box(at: AppTest):
    [box] = at.main.expander
    return box


def said_inside(at: AppTest) -> str:
    return old_box(at).markdown[0].value


def test_the_old_items_box_stays_open_as_items_go_one_at_a_time(old_and_new):  # noqa: F811
    at = run(follow_ups_page())
    assert old_box(at).label == LABEL
    assert not old_box(at).proto.expanded
    at.session_state["old_items_open"] = True  # the user opens it
    run(at)
    assert said_inside(at) == plain_markdown("3 items are overdue by more than 14 days.")

    ana_follow_up = f"follow_up:{old_and_new['ana']}"
    assert ana_follow_up in item_keys(at)
    [snooze] = [b for b in at.button if b.key == f"snooze_{ana_follow_up}"]
    snooze.click()
    run(at)
    assert ana_follow_up not in item_keys(at)
    assert old_box(at).label == LABEL
    assert old_box(at).proto.expanded  # still open, as the user left it
    assert said_inside(at) == plain_markdown("2 items are overdue by more than 14 days.")

    [dismiss] = [b for b in at.button if b.key == f"dismiss_follow_up:{old_and_new['dee']}"]
    dismiss.click()
    run(at)
    button(at, "Yes, dismiss").click()
    run(at)
    assert old_box(at).proto.expanded
    assert said_inside(at) == plain_markdown("1 item is overdue by more than 14 days.")


def test_the_old_items_box_shut_by_the_user_stays_shut(old_and_new):  # noqa: F811
    at = run(follow_ups_page())
    at.session_state["old_items_open"] = True
    run(at)
    at.session_state["old_items_open"] = False  # and shuts it again
    run(at)
    [snooze] = [b for b in at.button if b.key == f"snooze_follow_up:{old_and_new['ana']}"]
    snooze.click()
    run(at)
    assert not old_box(at).proto.expanded
