"""Templates, placeholder filling, the preview, mailto links and logging a send."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from infoint import contacts, funnel, interactions, outreach, profile
from infoint.errors import InvalidInputError, NotFoundError


@pytest.fixture
def ana(conn):
    maria = contacts.add_contact(conn, "Maria", "Lopez", company="Globex")
    return contacts.add_contact(
        conn,
        "Ana",
        "Silva",
        company="Acme Health",
        position="Product lead",
        email="ana@example.org",
        degree="2nd",
        mutual_contact_id=maria,
    )


def test_fill_replaces_known_values_and_leaves_missing_ones_in_braces():
    text = "Hi {first_name}, {mutual_first_name} said {company} is great. {shared_group}"
    filled = outreach.fill(text, {"first_name": "Ana", "mutual_first_name": " ", "company": ""})
    assert filled == "Hi Ana, {mutual_first_name} said {company} is great. {shared_group}"
    assert outreach.unfilled_placeholders(filled) == (
        "mutual_first_name",
        "company",
        "shared_group",
    )


def test_unfilled_placeholders_are_listed_once_in_order_across_subject_and_body():
    assert outreach.unfilled_placeholders("{b} and {a}", "{a} {c} {b}") == ("b", "a", "c")
    assert outreach.unfilled_placeholders("no braces {}, { spaced }") == ()


def test_values_come_from_contact_company_mutual_contact_and_profile(conn, ana):
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="a data analyst",
        focus_kind="occupation",
        focus="product management",
    )
    values = outreach.placeholder_values(conn, ana)
    assert values == {
        "first_name": "Ana",
        "last_name": "Silva",
        "full_name": "Ana Silva",
        "company": "Acme Health",
        "position": "Product lead",
        "mutual_first_name": "Maria",
        "mutual_name": "Maria Lopez",
        "my_name": "Sam Lee",
        "my_first_name": "Sam",
        "my_role": "a data analyst",
        "my_focus": "product management",
    }


def test_compose_from_a_built_in_template_with_missing_values(conn):
    lone = contacts.add_contact(conn, "Bo")  # no company, no mutual contact, empty profile
    template = outreach.list_templates(conn)[0]
    assert template.name == "Through a mutual connection"
    draft = outreach.compose(conn, template.id, lone)
    assert draft.body.startswith("Hi Bo,")
    assert draft.subject == "{mutual_first_name} suggested I write to you"
    assert draft.unfilled == ("mutual_first_name", "my_name", "my_role", "my_focus", "company")
    assert outreach.compose(conn, None, lone) == outreach.Draft("", "", ())


def test_preview_escapes_the_users_markdown_and_highlights_unfilled_placeholders():
    preview = outreach.preview_markdown("Hi {first_name},\n*Bold* <b>x</b> $5 [link](x)")
    assert ":orange-background[**\\{first_name\\}**]" in preview
    assert "\\*Bold\\* \\<b\\>x\\</b\\> \\$5 \\[link\\]\\(x\\)" in preview
    assert "  \n" in preview  # line breaks survive Markdown


def test_mailto_link_encodes_subject_and_body():
    link = outreach.mailto_link(
        "ana@example.org", "Coffee & a question?", "Hi Ana,\nWould 20% work? #1"
    )
    address, _, query = link.partition("?")
    assert address == "mailto:ana@example.org"
    subject, body = (part.split("=", 1)[1] for part in query.split("&"))
    assert " " not in link and "\n" not in link and "#" not in link
    assert unquote(subject) == "Coffee & a question?"
    assert unquote(body) == "Hi Ana,\r\nWould 20% work? #1"


def test_templates_can_be_added_edited_and_archived(conn):
    builtin = outreach.list_templates(conn)[1]
    outreach.save_template(conn, "Shared school", "Hello", "Hi {first_name}", builtin.id)
    edited = outreach.get_template(conn, builtin.id)
    assert (edited.name, edited.subject, edited.body, edited.builtin) == (
        "Shared school",
        "Hello",
        "Hi {first_name}",
        True,
    )
    mine = outreach.save_template(conn, "After a meetup", "", "Hi {first_name}, ...")
    assert [t.name for t in outreach.list_templates(conn)][-1] == "After a meetup"
    outreach.archive_template(conn, mine)
    assert mine not in [t.id for t in outreach.list_templates(conn)]
    assert mine in [t.id for t in outreach.list_templates(conn, include_archived=True)]
    outreach.archive_template(conn, mine, archived=False)
    assert mine in [t.id for t in outreach.list_templates(conn)]


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("  ", "Hi", "name"),
        ("New", "  ", "text in its body"),
        ("one polite FOLLOW-UP", "Hi", "already a template"),
    ],
)
def test_bad_templates_are_refused_and_nothing_changes(conn, name, body, message):
    before = outreach.list_templates(conn)
    with pytest.raises(InvalidInputError, match=message):
        outreach.save_template(conn, name, "", body)
    assert outreach.list_templates(conn) == before


def test_log_sent_records_the_outreach_and_raises_contacted(conn, ana):
    template = outreach.list_templates(conn)[0]
    sent = outreach.log_sent(
        conn,
        ana,
        subject="Maria suggested I write",
        body="Hi Ana, ...",
        channel="linkedin",
        template_id=template.id,
    )
    logged = interactions.get_interaction(conn, sent)
    assert (logged.kind, logged.channel, logged.template_id, logged.subject, logged.body) == (
        "outreach",
        "linkedin",
        template.id,
        "Maria suggested I write",
        "Hi Ana, ...",
    )
    assert funnel.stage_counts(conn)[0].count == 1


def test_log_sent_refuses_unfilled_placeholders_and_empty_messages(conn, ana):
    with pytest.raises(InvalidInputError, match=r"Fill in \{first_name\}, \{company\}"):
        outreach.log_sent(conn, ana, subject="{first_name}", body="At {company}")
    with pytest.raises(InvalidInputError, match="empty"):
        outreach.log_sent(conn, ana, subject="Hello", body="  ")
    with pytest.raises(InvalidInputError, match="outreach or a follow-up"):
        outreach.log_sent(conn, ana, subject="", body="Thanks", kind="thank_you")
    with pytest.raises(NotFoundError):
        outreach.log_sent(conn, 999, subject="", body="Hi")
    assert interactions.list_interactions(conn, ana) == []


def test_find_recipients_matches_every_word_closest_degree_first(conn, ana):
    contacts.add_contact(conn, "Anders", "Berg", company="Acme Health", degree="1st")
    contacts.add_contact(conn, "Zed", "Acme")
    found = outreach.find_recipients(conn, "acme  health")
    assert [r.name for r in found] == ["Anders Berg", "Ana Silva"]
    assert found[1].label == "Ana Silva — Product lead at Acme Health"
    assert found[1].mutual_name == "Maria Lopez" and found[1].email == "ana@example.org"
    assert [r.name for r in outreach.find_recipients(conn, "ana product")] == ["Ana Silva"]
    assert len(outreach.find_recipients(conn, "", limit=2)) == 2
    assert outreach.get_recipient(conn, ana).first_name == "Ana"
    with pytest.raises(NotFoundError):
        outreach.get_recipient(conn, 999)


def test_find_recipients_takes_percent_and_underscore_as_typed(conn):
    axb = contacts.add_contact(conn, "Axb", "Moss")
    a_b = contacts.add_contact(conn, "a_b", "Kay")
    contacts.add_contact(conn, "Cleo", "Ray", company="Fifty Co")
    assert [r.id for r in outreach.find_recipients(conn, "a_b")] == [a_b]
    assert [r.id for r in outreach.find_recipients(conn, "A_B kay")] == [a_b]
    assert outreach.find_recipients(conn, "%") == []
    assert axb in [r.id for r in outreach.find_recipients(conn, "axb")]
