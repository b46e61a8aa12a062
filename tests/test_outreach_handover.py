"""Which draft a "Write to …" button on another page opens: the user's own, unsent, first."""

from infoint import outreach
from infoint.outreach import Template


def template(template_id: int, name: str, kind: str = "outreach") -> Template:
    return Template(template_id, name, "", "Hi {first_name}", True, False, kind, False)


def test_the_last_draft_seen_with_the_users_words_is_remembered_per_kind():
    drafts: dict[str, int | None] = {}
    outreach.note_draft(drafts, "outreach", 3, edited=True)
    outreach.note_draft(drafts, "outreach", None, edited=True)  # a blank page, later
    outreach.note_draft(drafts, "follow_up", 4, edited=True)
    outreach.note_draft(drafts, "outreach", 1, edited=False)  # an untouched one: no change
    assert drafts == {"outreach": None, "follow_up": 4}
    outreach.note_draft(drafts, "follow_up", 4, edited=False)  # put back as composed
    assert drafts == {"outreach": None}


def test_a_draft_of_the_kind_asked_for_comes_first_then_one_of_another_kind():
    kept = {"body_7_3", "body_7_4", "body_8_1"}
    drafts = {"outreach": 3, "follow_up": 4}
    assert outreach.draft_to_reopen(drafts, kept, 7, "follow_up", {1, 3, 4}) == ("follow_up", 4)
    assert outreach.draft_to_reopen(drafts, kept, 7, "outreach", {1, 3, 4}) == ("outreach", 3)
    only_first = {"outreach": 3}
    assert outreach.draft_to_reopen(only_first, kept, 7, "follow_up", {3}) == ("outreach", 3)
    blank = {"outreach": None}
    assert outreach.draft_to_reopen(blank, {"body_7_None"}, 7, "outreach", set()) == (
        "outreach",
        None,
    )


def test_a_draft_sent_or_under_an_archived_template_is_not_reopened():
    drafts = {"outreach": 3}
    assert outreach.draft_to_reopen(drafts, set(), 7, "outreach", {3}) is None  # sent: forgotten
    assert outreach.draft_to_reopen(drafts, {"body_7_3"}, 7, "outreach", {1}) is None
    assert outreach.draft_to_reopen({}, {"body_7_3"}, 7, "outreach", {3}) is None


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
