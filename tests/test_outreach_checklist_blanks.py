"""The email checklist: a point waiting on blanks names the blanks in the sentences it rests
on, not every blank in the draft ('Fill in {mutual_first_name} first' under the point about
their work, where the draft's {their_work} was what it waited for)."""

from __future__ import annotations

from infoint import outreach

# The mutual template's first line and a line about their work, in one draft the user made.
MIXED = """Hi Ana,

{mutual_first_name} suggested I get in touch with you. I'm Sam Lee, a data analyst.

I enjoyed your {their_work}, especially {what_struck_you}.

Would you be open to a 20-minute call in the next two weeks?

Thank you,
Sam"""


def hints(body: str, subject: str = "A question") -> dict[str, str]:
    return {c.key: c.hint for c in outreach.check_email(body, subject) if c.status == "warn"}


def test_each_point_names_only_the_blanks_it_rests_on():
    found = hints(MIXED)
    assert found == {
        "connection": "Fill in {mutual_first_name} first: until then this point is not covered.",
        "competence": (
            "Fill in {their_work}, {what_struck_you} first: until then this point is not covered."
        ),
    }


def test_a_blank_in_the_subject_is_named_under_the_point_it_covers():
    body = MIXED.replace("{mutual_first_name} suggested I get in touch with you. ", "")
    found = hints(body, "{mutual_first_name} suggested I write to you")
    assert found["connection"] == (
        "Fill in {mutual_first_name} first: until then this point is not covered."
    )
    assert "{mutual_first_name}" not in found["competence"]


def test_a_point_two_blanks_would_each_cover_names_both():
    """Either sentence alone would cover the point: both are worth filling in, and neither is
    left out as if it did not matter."""
    body = MIXED.replace(
        "I enjoyed your {their_work}, especially {what_struck_you}.",
        "I liked your {their_work}. I enjoyed {shared_group} too.",
    )
    assert hints(body)["competence"] == (
        "Fill in {their_work}, {shared_group} first: until then this point is not covered."
    )


def test_a_sentence_covering_two_points_is_named_under_both():
    """'I read your {their_work}' says how you found them as well as what you liked: the
    point is the sentence's, so its blanks are named under both, the referrer under one."""
    body = MIXED.replace("I enjoyed your", "I read your")
    found = hints(body)
    assert found["connection"] == (
        "Fill in {mutual_first_name}, {their_work}, {what_struck_you} first: until then this"
        " point is not covered."
    )
    assert found["competence"] == (
        "Fill in {their_work}, {what_struck_you} first: until then this point is not covered."
    )


def test_the_profile_s_blanks_still_point_to_settings_beside_the_draft_s_own():
    body = MIXED.replace("I'm Sam Lee, a data analyst.", "I'm {my_name}, {my_role}.")
    found = hints(body)
    assert found["introduction"] == (
        "Add your name and role in Settings, and the draft fills them in."
    )
    assert found["connection"] == (
        "Fill in {mutual_first_name} first: until then this point is not covered."
    )
    assert found["competence"] == (
        "Fill in {their_work}, {what_struck_you} first: until then this point is not covered."
    )


# The built-in follow-up, composed while Settings is still blank.
FOLLOW_UP_WITH_BLANK_PROFILE = """Hi Cai,

I wrote to you on 3 November about {my_focus}. Inboxes get full, so here is one gentle reminder.

I'm {my_name}, {my_role}, and your work at Vantage Analytics LLC is close to what I hope to
understand.

Would you have 20 minutes for a call in the next few weeks? If now is not a good time, no
problem at all, and thank you either way.

Best,
{my_name}"""


def test_a_point_waiting_on_settings_names_only_the_details_it_rests_on():
    """Each point said 'Add your name, role and focus in Settings': 'I wrote to you … about
    {my_focus}' waits on the focus alone, the introduction on the name and role."""
    found = hints(FOLLOW_UP_WITH_BLANK_PROFILE, "Following up: 20 minutes about {my_focus}")
    assert found == {
        "connection": "Add your focus in Settings, and the draft fills it in.",
        "introduction": "Add your name and role in Settings, and the draft fills them in.",
        "competence": "Add your name and role in Settings, and the draft fills them in.",
    }
