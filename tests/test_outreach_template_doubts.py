"""A template saved with a slip in its braces: saved, and the slip named in a sentence.

A walkthrough saved 'Hi {firstname}, {{broken' and read "Template 'My quick one' saved.",
then, drafting, '{firstname}: a value only you can fill in'."""

import pytest

from infoint import db, outreach


def test_a_near_miss_of_a_field_is_named_with_the_field_meant():
    assert outreach.template_doubts("", "Hi {firstname},") == (
        "{firstname} is not a field infoint fills in; did you mean {first_name}?"
    )
    assert outreach.template_doubts("A question about {compnay}", "Hi,") == (
        "{compnay} is not a field infoint fills in; did you mean {company}?"
    )
    assert outreach.template_doubts("", "Hi {First_Name},") == (
        "{First_Name} is not a field infoint fills in; did you mean {first_name}?"
    )


def test_several_near_misses_are_one_sentence():
    assert outreach.template_doubts("At {compnay}", "Hi {firstname}, I'm {myname}.") == (
        "{compnay}, {firstname} and {myname} are not fields infoint fills in; did you mean "
        "{company}, {first_name} and {my_name}?"
    )


def test_a_brace_without_its_pair_gets_a_hint():
    assert outreach.template_doubts("", "Hi {firstname}, {{broken") == (
        "{firstname} is not a field infoint fills in; did you mean {first_name}? The message "
        "has a brace without its pair: a field is written with one on each side, like "
        "{first_name}."
    )
    assert outreach.template_doubts("Hello first_name}", "Hi {first_name") == (
        "The subject and the message have a brace without its pair: a field is written with "
        "one on each side, like {first_name}."
    )


@pytest.mark.parametrize(
    "body",
    [
        "Hi {first_name}, we met at the {event} meetup.",  # a blank of the user's own
        "Your {talk_title} was great. {my_name}",
        "I read your {their_work}; {what_struck_you} stayed with me.",  # our own blanks
        "Hi {name},",  # far enough from every field to be the user's own
        "No braces at all.",
    ],
)
def test_fields_and_the_users_own_blanks_raise_no_doubt(body):
    assert outreach.template_doubts("Hello {first_name}", body) == ""


def test_a_template_with_a_near_miss_is_saved_as_written(tmp_path):
    conn = db.connect(tmp_path / "t.duckdb")
    saved = outreach.save_template(conn, "My quick one", "", "Hi {firstname}, {{broken")
    assert outreach.get_template(conn, saved).body == "Hi {firstname}, {{broken"
    conn.close()
