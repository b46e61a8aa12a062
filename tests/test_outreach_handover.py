"""Which draft a "Write to …" button on another page opens: the user's own, unsent, first."""

from datetime import date, timedelta

from infoint import contacts, interactions, outreach
from infoint.outreach import Template


def template(template_id: int, name: str, kind: str = "outreach") -> Template:
    return Template(template_id, name, "", "Hi {first_name}", True, False, kind, False)


NONE_LOGGED: dict[str, int] = {}


def test_the_last_draft_seen_with_the_users_words_is_remembered_per_kind():
    drafts: dict[str, tuple[int | None, int]] = {}
    outreach.note_draft(drafts, "outreach", 3, edited=True, logged=NONE_LOGGED)
    outreach.note_draft(drafts, "outreach", None, edited=True, logged=NONE_LOGGED)  # blank, later
    outreach.note_draft(drafts, "follow_up", 4, edited=True, logged={"outreach": 9})
    outreach.note_draft(drafts, "outreach", 1, edited=False, logged=NONE_LOGGED)  # untouched
    assert drafts == {"outreach": (None, 0), "follow_up": (4, 0)}
    outreach.note_draft(drafts, "follow_up", 4, edited=False, logged=NONE_LOGGED)  # sent
    assert drafts == {"outreach": (None, 0)}


def test_a_draft_of_the_kind_asked_for_comes_first_then_one_of_another_kind():
    kept = {"body_7_3", "body_7_4", "body_8_1"}
    drafts = {"outreach": (3, 0), "follow_up": (4, 0)}
    reopen = outreach.draft_to_reopen
    assert reopen(drafts, kept, 7, "follow_up", {1, 3, 4}, NONE_LOGGED) == ("follow_up", 4)
    assert reopen(drafts, kept, 7, "outreach", {1, 3, 4}, NONE_LOGGED) == ("outreach", 3)
    only_first = {"outreach": (3, 0)}
    assert reopen(only_first, kept, 7, "follow_up", {3}, NONE_LOGGED) == ("outreach", 3)
    blank = {"outreach": (None, 0)}
    assert reopen(blank, {"body_7_None"}, 7, "outreach", set(), NONE_LOGGED) == ("outreach", None)


def test_a_draft_sent_or_under_an_archived_template_is_not_reopened():
    drafts = {"outreach": (3, 0)}
    reopen = outreach.draft_to_reopen
    assert reopen(drafts, set(), 7, "outreach", {3}, NONE_LOGGED) is None  # sent: forgotten
    assert reopen(drafts, {"body_7_3"}, 7, "outreach", {1}, NONE_LOGGED) is None
    assert reopen({}, {"body_7_3"}, 7, "outreach", {3}, NONE_LOGGED) is None


def test_a_draft_of_a_kind_logged_since_it_was_last_seen_is_not_reopened():
    """A first message logged on Contacts after the draft was last seen was sent: the draft
    is not opened as unsent, and a follow-up asked for starts afresh."""
    kept = {"body_7_3", "body_7_4"}
    reopen = outreach.draft_to_reopen
    seen_before_any = {"outreach": (3, 0)}
    assert reopen(seen_before_any, kept, 7, "follow_up", {3, 4}, {"outreach": 12}) is None
    assert reopen(seen_before_any, kept, 7, "outreach", {3, 4}, {"outreach": 12}) is None
    # seen again after that message was logged: it is the user's own again
    seen_since = {"outreach": (3, 12)}
    assert reopen(seen_since, kept, 7, "follow_up", {3, 4}, {"outreach": 12}) == ("outreach", 3)
    # a message of the other kind logged since says nothing about this one
    both = {"outreach": (3, 12), "follow_up": (4, 0)}
    logged = {"outreach": 12, "follow_up": 15}
    assert reopen(both, kept, 7, "follow_up", {3, 4}, logged) == ("outreach", 3)


def test_the_last_message_of_each_kind_logged_for_a_person(conn):
    ana = contacts.add_contact(conn, "Ana", "Lee")
    bo = contacts.add_contact(conn, "Bo", "Berg")
    assert outreach.last_logged(conn, ana) == {}
    first = interactions.log_interaction(conn, ana, "outreach")
    interactions.log_interaction(conn, ana, "reply")
    interactions.log_interaction(conn, bo, "outreach")
    assert outreach.last_logged(conn, ana) == {"outreach": first}
    # logged later but dated earlier: still the last logged
    later = interactions.log_interaction(
        conn, ana, "follow_up", occurred_at=date.today() - timedelta(30)
    )
    assert outreach.last_logged(conn, ana) == {"outreach": first, "follow_up": later}
    assert later > first


def test_the_line_says_the_draft_is_kept_and_how_to_start_from_the_template():
    mutual = template(1, "Through a mutual connection")
    said = outreach.kept_draft_sentence
    assert said("Dana", "outreach", "outreach", mutual, 3) == (
        "Your unsent draft to Dana is kept as you left it; to start from “Through a mutual "
        "connection” instead, pick it under Template."
    )
    assert said("Dana", "outreach", "outreach", mutual, 1) == (
        "Your unsent draft to Dana is kept as you left it."
    )
    assert said("Dana", "outreach", "outreach", None, 3) == (
        "Your unsent draft to Dana is kept as you left it; to start from a blank page instead, "
        "pick “A blank page” under Template."
    )
    assert said("Bo", "outreach", "follow_up", template(4, "One polite follow-up"), 3) == (
        "Your unsent draft to Bo is kept as you left it; to write a follow-up instead, choose "
        "“A follow-up to someone silent” above."
    )
    assert said("Bo", "follow_up", "outreach", template(1, "Cold"), 4) == (
        "Your unsent draft to Bo is kept as you left it; to write a first message instead, "
        "choose “A first message” above."
    )
    assert {outreach.KIND_LABELS[k] for k in outreach.SEND_KINDS} == {
        "A first message",
        "A follow-up to someone silent",
    }
