"""Templates, placeholder filling, the preview, mailto links and logging a send."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import unquote

import duckdb
import pytest

from infoint import (
    contacts,
    db,
    followups,
    funnel,
    interactions,
    meetings,
    outreach,
    profile,
    targets,
    text,
)
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


def test_a_placeholder_employer_is_not_written_into_a_draft_as_their_company(conn):
    """'Your work at N/A' reads as a mail merge gone wrong: {company} is left for the user."""
    vik = contacts.add_contact(conn, "Vik", "Adler", company=" N/A ")
    assert outreach.placeholder_values(conn, vik)["company"] == ""
    template = outreach.save_template(conn, "Ask", "About {company}", "Hi {first_name}")
    assert outreach.compose(conn, template, vik).unfilled == ("company",)


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
        "last_written": "",  # not written to yet
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
    assert draft.subject == "We both know {mutual_first_name}"
    assert draft.unfilled == ("mutual_first_name", "my_name", "my_role", "my_focus", "company")
    assert outreach.compose(conn, None, lone) == outreach.Draft("", "", ())


def test_a_saved_template_signed_with_either_name_still_fills(conn):
    """Your name and your first name are two placeholders of the one set: a template the user
    saved with either (the thank-you now signs with the first) fills from the same Settings."""
    profile.save_profile(conn, name="Sam Lee", job_title="", focus_kind="occupation", focus="")
    mine = outreach.save_template(
        conn, "Mine", "From {my_name}", "Hi {first_name},\nI'm {my_name}.\n{my_first_name}"
    )
    bo = contacts.add_contact(conn, "Bo")
    assert outreach.compose(conn, mine, bo) == outreach.Draft(
        "From Sam Lee", "Hi Bo,\nI'm Sam Lee.\nSam", ()
    )


def test_edits_keep_the_users_words_and_fill_only_profile_placeholders(conn):
    profile.save_profile(
        conn, name="Sam Lee", job_title="an analyst", focus_kind="occupation", focus="health"
    )
    then = ("Hello", "Hi {first_name},\n{my_name}")
    now = ("Hello", "Hi {first_name},\nSam Lee")
    typed = ("Hello again", "Hi {first_name}, about {company}.\n{my_first_name} ({my_role})")
    assert outreach.keep_edits(conn, typed, then, now) == (
        "Hello again",
        "Hi {first_name}, about {company}.\nSam (an analyst)",
        "Your edits are kept, with your details from Settings filled in.",
    )
    signed = ("Hello", "Hi {first_name},\nSam")
    assert outreach.keep_edits(conn, signed, then, now) == (
        *signed,
        "Your edits are kept as you wrote them: add your new details from Settings by hand "
        "where they belong.",
    )
    assert outreach.keep_edits(conn, signed, now, now) == (*signed, "")  # nothing new to add


def test_placeholders_typed_into_a_draft_go_out_filled_when_their_value_is_known(conn, ana):
    """The draft was filled when composed; what the user types after is filled on sending."""
    profile.save_profile(conn, name="Sam Lee", job_title="", focus_kind="occupation", focus="")
    values = outreach.placeholder_values(conn, ana)
    typed = ("For {first_name}", "Hi,\nI'm {my_first_name}, {my_role}. {shared_group}\n{my_name}")
    assert outreach.as_sent(typed, values) == outreach.Draft(
        "For Ana",
        "Hi,\nI'm Sam, {my_role}. {shared_group}\nSam Lee",
        ("my_role", "shared_group"),
    )
    assert outreach.filled_on_sending(typed, values) == (
        "In what you send, {first_name} reads “Ana”, {my_first_name} reads “Sam” and "
        "{my_name} reads “Sam Lee”."
    )
    done = ("For Ana", "Hi,\nSam")
    assert outreach.as_sent(done, values) == outreach.Draft(*done, ())
    assert outreach.filled_on_sending(done, values) == ""


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


@pytest.mark.parametrize(
    ("missing", "said"),
    [
        (("first_name", "company"), ""),
        (("my_name",), "your name"),
        (("my_first_name", "my_name", "shared_group"), "your name"),
        (("my_focus", "my_first_name"), "your name and focus"),
        (("my_focus", "my_role", "my_name"), "your name, role and focus"),
    ],
)
def test_the_settings_to_fill_name_only_what_the_draft_lacks(missing, said):
    assert outreach.settings_to_fill(missing) == said


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
    assert not sent.already_logged
    logged = interactions.get_interaction(conn, sent.interaction_id)
    assert (logged.kind, logged.channel, logged.template_id, logged.subject, logged.body) == (
        "outreach",
        "linkedin",
        template.id,
        "Maria suggested I write",
        "Hi Ana, ...",
    )
    assert funnel.stage_counts(conn)[0].count == 1


def test_the_same_message_logged_twice_the_same_day_counts_once(conn, ana):
    first = outreach.log_sent(conn, ana, subject="Coffee?", body="Hi Ana, ...")
    again = outreach.log_sent(conn, ana, subject="Coffee? ", body="Hi Ana, ...")
    assert (again.interaction_id, again.already_logged) == (first.interaction_id, True)
    assert len(interactions.list_interactions(conn, ana)) == 1
    # another message, or the follow-up kind, is a message of its own
    other = outreach.log_sent(conn, ana, subject="Coffee?", body="Hi Ana, one more thing")
    assert not other.already_logged
    assert len(interactions.list_interactions(conn, ana)) == 2


def test_the_same_message_on_another_day_is_a_message_of_its_own(conn, ana):
    interactions.log_interaction(
        conn, ana, "outreach", occurred_at=date(2026, 3, 2), subject="Coffee?", body="Hi"
    )
    assert not outreach.log_sent(conn, ana, subject="Coffee?", body="Hi").already_logged
    assert len(interactions.list_interactions(conn, ana)) == 2


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


# --- which template, and who is waiting for a follow-up --------------------------------------


def test_templates_have_a_kind_and_the_follow_up_is_one(conn):
    kinds = {t.name: t.kind for t in outreach.list_templates(conn)}
    assert kinds == {
        "Through a mutual connection": "outreach",
        "Shared school or group": "outreach",
        "Cold, after reading their profile or work": "outreach",
        "One polite follow-up": "follow_up",
        "Someone you already know": "outreach",
    }
    assert [t.id for t in outreach.list_templates(conn, kind="follow_up")] == [4]
    mine = outreach.save_template(conn, "Second nudge", "", "Hi {first_name}", kind="follow_up")
    assert [t.id for t in outreach.list_templates(conn, kind="follow_up")] == [4, mine]
    with pytest.raises(InvalidInputError, match="first message or a follow-up"):
        outreach.save_template(conn, "Odd", "", "Hi", kind="thank_you")


def test_the_template_suggested_follows_what_we_know(conn):
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", has_mutual=True) == 1  # mutual
    # no mutual contact: never the mutual one, nor the shared group one: the cold one
    assert outreach.suggest_template(templates, "outreach", has_mutual=False) == 3
    assert outreach.suggest_template(templates, "follow_up", has_mutual=False) == 4
    outreach.archive_template(conn, 3)
    outreach.archive_template(conn, 4)
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", has_mutual=False) is None
    assert outreach.suggest_template(templates, "follow_up", has_mutual=True) is None
    mine = outreach.save_template(conn, "After a meetup", "", "Hi {first_name}, we met at {x}.")
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", has_mutual=False) == mine
    assert outreach.suggest_template(templates, "outreach", has_mutual=True) == 1


KNOWN = 5  # "Someone you already know", seeded by migration 0013


def test_someone_you_know_is_offered_ours_for_them_not_the_cold_message(conn):
    templates = outreach.list_templates(conn)
    assert [t.id for t in templates if t.for_known] == [KNOWN]
    assert outreach.suggest_template(templates, "outreach", False, knows_them=True) == KNOWN
    # through a mutual contact still fits them
    assert outreach.suggest_template(templates, "outreach", True, knows_them=True) == 1
    # a template of the user's own comes first, as before ours existed
    mine = outreach.save_template(conn, "Catching up", "", "Hi {first_name}, it has been a while.")
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", False, knows_them=True) == mine
    # ours, archived, is not offered: a blank page
    outreach.archive_template(conn, mine)
    outreach.archive_template(conn, KNOWN)
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", False, knows_them=True) is None


def test_a_stranger_is_never_offered_the_message_for_someone_known(conn):
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", has_mutual=False) == 3  # cold
    outreach.archive_template(conn, 3)
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", has_mutual=False) is None
    # renamed and reworded, it is still the one for someone known
    outreach.save_template(conn, "Old friends", "Hello", "Hi {first_name}, long time!", KNOWN)
    templates = outreach.list_templates(conn)
    assert outreach.suggest_template(templates, "outreach", has_mutual=False) is None
    assert outreach.suggest_template(templates, "outreach", False, knows_them=True) == KNOWN


def test_the_message_for_someone_known_is_ready_once_composed_for_them(conn):
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="a data analyst at a logistics firm",
        focus_kind="occupation",
        focus="product management in health tech",
    )
    maria = contacts.add_contact(conn, "Maria", "Lopez", company="Globex")
    draft = outreach.compose(conn, KNOWN, maria)
    assert draft.unfilled == ()
    assert draft.subject == "A question about product management in health tech"
    # true of someone met last week as of an old colleague (offered to both: `knows_them`)
    assert draft.body.startswith(
        "Hi Maria,\n\nI hope you've been well since we spoke last. I'm currently a data"
        " analyst at a logistics firm, and I'm learning about product management in health tech."
    )
    assert "a while" not in draft.body
    assert "your work at Globex" in draft.body
    assert draft.body.endswith("All the best,\nSam")
    checks = {c.key: c.status for c in outreach.check_email(draft.body, draft.subject)}
    assert checks == dict.fromkeys(outreach.CHECK_KEYS, "pass")


def _known_templates(conn) -> list[tuple[str, bool, bool, str]]:
    return conn.execute(
        "SELECT name, builtin, archived, kind FROM templates WHERE for_known"
    ).fetchall()


def test_the_message_for_someone_known_is_seeded_once(db_path):
    fresh = db.connect(db_path)
    assert _known_templates(fresh) == [("Someone you already know", True, False, "outreach")]
    assert db.apply_migrations(fresh) == []
    assert _known_templates(fresh) == [("Someone you already know", True, False, "outreach")]
    assert fresh.execute("SELECT count(*) FROM templates WHERE builtin").fetchall() == [(5,)]
    fresh.close()


def test_an_older_database_gets_it_once_beside_the_users_templates(tmp_path):
    path = tmp_path / "older.duckdb"
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=12)
    old.execute(
        "INSERT INTO templates (name, subject, body) VALUES"
        " ('Someone you already know', 'Hi', 'Hi {first_name}'), ('Mine', 'Hi', 'Hello')"
    )
    old.close()
    upgraded = db.connect(path)
    # the user's template keeps its name; ours says it is the built-in one
    assert _known_templates(upgraded) == [
        ("Someone you already know (built-in)", True, False, "outreach")
    ]
    assert upgraded.execute(
        "SELECT name, builtin, for_known FROM templates WHERE NOT builtin ORDER BY id"
    ).fetchall() == [("Someone you already know", False, False), ("Mine", False, False)]
    upgraded.close()
    again = db.connect(path)
    assert db.apply_migrations(again) == []
    assert again.execute("SELECT count(*) FROM templates WHERE for_known").fetchall() == [(1,)]
    assert again.execute("SELECT count(*) FROM templates").fetchall() == [(7,)]
    # the upgraded database suggests it like a fresh one
    templates = outreach.list_templates(again)
    [known] = [t for t in templates if t.for_known]
    theirs, mine = (t.id for t in templates if not t.builtin)
    assert outreach.suggest_template(templates, "outreach", False, knows_them=True) == theirs
    outreach.archive_template(again, theirs)
    outreach.archive_template(again, mine)
    templates = outreach.list_templates(again)
    assert outreach.suggest_template(templates, "outreach", False, knows_them=True) == known.id
    again.close()


def test_the_follow_up_names_the_day_you_wrote(conn, ana):
    interactions.log_interaction(conn, ana, "outreach", occurred_at=datetime(2025, 11, 3, 9))
    values = outreach.placeholder_values(conn, ana)
    assert values["last_written"] in ("3 November", "3 November 2025")
    draft = outreach.compose(conn, 4, ana)
    assert "last week" not in draft.body
    assert f"I wrote to you on {values['last_written']} about" in draft.body
    assert outreach.day_in_words(date(2025, 11, 3), today=date(2025, 12, 1)) == "3 November"
    assert outreach.day_in_words(date(2025, 11, 3), today=date(2026, 1, 5)) == "3 November 2025"


def test_the_follow_up_list_holds_those_written_to_without_an_answer_or_follow_up(conn, ana):
    today = date(2026, 3, 20)
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Beta")
    cy = contacts.add_contact(conn, "Cy", "Dunn")
    di = contacts.add_contact(conn, "Di", "Eze")
    contacts.add_contact(conn, "Ed", "Fox")  # never written to
    old = contacts.add_contact(conn, "Flo", "Gale")
    for who, day in ((ana, 2), (bo, 3), (cy, 4), (di, 5)):
        interactions.log_interaction(conn, who, "outreach", occurred_at=date(2026, 3, day))
    interactions.log_interaction(conn, old, "outreach", occurred_at=date(2026, 1, 5))
    interactions.log_interaction(conn, cy, "reply", occurred_at=date(2026, 3, 6))
    interactions.log_interaction(conn, di, "follow_up", occurred_at=date(2026, 3, 16))
    found = outreach.follow_up_list(conn, today=today).people
    # written to longest ago first; Cy answered, Di was followed up, Flo's is too old
    assert [r.id for r in found] == [ana, bo]
    assert found[1].wrote_on == date(2026, 3, 3)
    assert found[1].label == "Bo Berg — Beta · you wrote on 3 Mar 2026"
    assert [r.id for r in outreach.follow_up_list(conn, "beta", today=today).people] == [bo]
    # a meeting arranged since is an answer too
    meetings.schedule_meeting(conn, bo, datetime(2026, 3, 25, 10, tzinfo=UTC))
    assert [r.id for r in outreach.follow_up_list(conn, today=today).people] == [ana]


def test_the_follow_up_list_counts_everyone_it_holds_past_its_limit(conn, ana):
    """So a follow-up list cut at 25 can say of how many."""
    today = date(2026, 3, 20)
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Beta")
    cy = contacts.add_contact(conn, "Cy", "Dunn", company="Beta")
    old = contacts.add_contact(conn, "Flo", "Gale", company="Beta")
    for who in (ana, bo, cy):
        interactions.log_interaction(conn, who, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, old, "outreach", occurred_at=date(2026, 1, 5))
    interactions.log_interaction(conn, cy, "reply", occurred_at=date(2026, 3, 6))
    # Ana and Bo are silent; Cy answered, Flo's message is too old
    assert outreach.follow_up_list(conn, today=today).total == 2
    cut = outreach.follow_up_list(conn, limit=1, today=today)
    assert (len(cut.people), cut.total) == (1, 2)
    assert outreach.follow_up_list(conn, "beta", today=today).total == 1  # Bo
    assert outreach.follow_up_list(conn, "nobody", today=today).total == 0


def test_the_follow_up_list_matches_the_follow_ups_due(conn, ana):
    """Everyone Follow-ups says to follow up is offered when writing a follow-up."""
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Beta")
    today = date.today()
    for who in (ana, bo):
        interactions.log_interaction(conn, who, "outreach", occurred_at=today - timedelta(20))
    interactions.log_interaction(conn, bo, "thank_you", occurred_at=today - timedelta(2))
    due = {i.contact_id for i in followups.due_items(conn) if i.kind == "follow_up"}
    assert due == {ana}
    assert {r.id for r in outreach.follow_up_list(conn).people} == due


# --- Who to write to, and what already happened with them ---------------------------------


def _held_meeting(conn, contact_id: int, starts_at: datetime) -> int:
    meeting = meetings.schedule_meeting(conn, contact_id, starts_at)
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    return meeting


def test_suggested_recipients_are_the_uncontacted_at_the_best_targets_closest_first(conn):
    """Zeta (motivation 3) comes first; Beta and Alpha tie on motivation 2, postings 3, and
    Beta wins as you know someone there; within a company 1st, 2nd, then cold. Gamma is only
    in the network, Ruled is ruled out, and people already written to or met are left out."""
    targets.add_company(conn, "Zeta", motivation=3, postings=0)
    targets.add_company(conn, "Alpha", motivation=2, postings=3)
    targets.add_company(conn, "Beta", motivation=2, postings=3, status="researching")
    ruled = targets.add_company(conn, "Ruled", motivation=3, postings=3)
    targets.rule_out(conn, ruled, "Not my field")
    add = contacts.add_contact
    mia = add(conn, "Mia", "Ng")  # who connects you to the 2nd-degree ones, at no target
    zoe = add(conn, "Zoe", "Cold", company="Zeta", degree="cold")
    ann = add(conn, "Ann", "First", company="Zeta", degree="1st")
    carl = add(conn, "Carl", "Written", company="Zeta", degree="1st")
    bo = add(conn, "Bo", "Second", company="Beta", degree="2nd", mutual_contact_id=mia)
    bea = add(conn, "Bea", "Known", company="Beta", degree="1st")
    aaron = add(conn, "Aaron", "Cold", company="Alpha", degree="cold")
    al = add(conn, "Al", "Second", company="Alpha", degree="2nd", mutual_contact_id=mia)
    mel = add(conn, "Mel", "Met", company="Alpha", degree="2nd", mutual_contact_id=mia)
    add(conn, "Gus", "Network", company="Gamma", degree="1st")
    add(conn, "Rae", "Ruled", company="Ruled", degree="1st")
    interactions.log_interaction(conn, carl, "outreach", occurred_at=date(2026, 6, 3))
    _held_meeting(conn, mel, datetime(2026, 6, 23, 10, tzinfo=UTC))  # met without writing

    found = outreach.suggested_recipients(conn)
    assert [r.id for r in found] == [ann, zoe, bea, bo, al, aaron]
    assert all(r.stage == 0 for r in found)
    assert [r.id for r in outreach.suggested_recipients(conn, limit=3)] == [ann, zoe, bea]


def test_suggestions_follow_the_targets_rank_past_the_scores(conn):
    """As on Targets: with the scores equal, more people you know there first (Beta: two
    1st-degree, the others one), then how far anyone there got (Gamma, where someone
    replied), then the name (Alpha, Delta)."""
    for name in ("Alpha", "Beta", "Gamma", "Delta"):
        targets.add_company(conn, name, motivation=2)
    add = contacts.add_contact
    mia = add(conn, "Mia", "Ng")  # who connects you to the 2nd-degree ones, at no target
    al = add(conn, "Al", "One", company="Alpha", degree="2nd", mutual_contact_id=mia)
    add(conn, "Ada", "Known", company="Alpha", degree="1st")
    bo = add(conn, "Bo", "One", company="Beta", degree="2nd", mutual_contact_id=mia)
    for first in ("Bea", "Ben"):
        add(conn, first, "Known", company="Beta", degree="1st")
    gus = add(conn, "Gus", "One", company="Gamma", degree="1st")
    gil = add(conn, "Gil", "Replied", company="Gamma", degree="2nd", mutual_contact_id=mia)
    interactions.log_interaction(conn, gil, "outreach", occurred_at=date(2026, 6, 1))
    interactions.log_interaction(conn, gil, "reply", occurred_at=date(2026, 6, 2))
    dee = add(conn, "Dee", "One", company="Delta", degree="1st")
    companies = {r.id: r.company for r in outreach.suggested_recipients(conn)}
    order = list(dict.fromkeys(companies.values()))
    assert order == ["Beta", "Gamma", "Alpha", "Delta"]
    assert {al, bo, gus, dee} <= set(companies)


def test_suggestions_leave_out_targets_in_an_industry_you_ruled_out(conn):
    """A target whose industry was ruled out in Settings is off the list, as on Follow-ups:
    its people are not suggested for a first message."""
    targets.add_company(conn, "Kept", industry="Health", motivation=1)
    targets.add_company(conn, "Retailer", industry="Retail", motivation=3)
    kim = contacts.add_contact(conn, "Kim", "Kept", company="Kept")
    contacts.add_contact(conn, "Rita", "Retail", company="Retailer")
    profile.rule_out_industry(conn, " retail ", "Not for me")
    assert [r.id for r in outreach.suggested_recipients(conn)] == [kim]


def test_people_at_a_placeholder_you_made_a_target_are_not_suggested_as_colleagues(conn):
    """'N/A' made a target (motivation 3) gathers strangers: Ann and Bo there are not people
    at a company to write to; Cy at Acme is."""
    targets.add_company(conn, "N/A", motivation=3)
    targets.add_company(conn, "Acme", motivation=1)
    contacts.add_contact(conn, "Ann", "First", company="N/A", degree="1st")
    mia = contacts.add_contact(conn, "Mia", "Ng")  # who connects you to Bo
    contacts.add_contact(conn, "Bo", "Second", company="n/a ", degree="2nd", mutual_contact_id=mia)
    cy = contacts.add_contact(conn, "Cy", "Cold", company="Acme", degree="cold")
    assert [r.id for r in outreach.suggested_recipients(conn)] == [cy]


def test_no_targets_means_no_suggestions(conn, ana):
    assert outreach.suggested_recipients(conn) == []


def test_labels_say_how_far_you_got_with_each_person(conn, ana):
    edda = contacts.add_contact(conn, "Edda", "Abara", company="Acme Health", degree="1st")
    interactions.log_interaction(conn, edda, "outreach", occurred_at=date(2026, 6, 3))
    interactions.log_interaction(conn, edda, "reply", occurred_at=date(2026, 6, 5))
    _held_meeting(conn, edda, datetime(2026, 6, 23, 10, tzinfo=UTC))
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 6, 1))
    interactions.log_interaction(conn, ana, "follow_up", occurred_at=date(2026, 6, 9))
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "acme")}
    assert labels[edda] == "Edda Abara — Acme Health · met 23 Jun 2026"
    assert labels[ana] == "Ana Silva — Product lead at Acme Health · you wrote 9 Jun 2026"
    assert outreach.get_recipient(conn, edda, with_stage=True).label == labels[edda]
    assert outreach.get_recipient(conn, edda).label == "Edda Abara — Acme Health"
    maria = outreach.find_recipients(conn, "maria")[0]
    assert (maria.stage, maria.label) == (0, "Maria Lopez — Globex")


def test_count_recipients_counts_what_find_recipients_cuts_short(conn, ana):
    for number in range(4):
        contacts.add_contact(conn, f"Person{number}", "Abara", company="Acme Health")
    assert len(outreach.find_recipients(conn, "abara", limit=3)) == 3
    assert outreach.count_recipients(conn, "abara") == 4
    assert outreach.count_recipients(conn, "acme health") == 5
    assert outreach.count_recipients(conn, "") == 6  # Maria, Ana and the four
    assert outreach.count_recipients(conn, "nobody") == 0


def test_a_person_kept_chosen_is_known_to_be_in_a_list_or_not(conn, ana):
    """The page keeps the person chosen before at the end of a list cut at 25; whether they
    are among all its matches (past the cut) or not one of them at all is the domain's call,
    for each of the three lists, with no limit."""
    today = date.today()
    targets.add_company(conn, "Acme Health", motivation=2)
    edda = contacts.add_contact(conn, "Edda", "Abara", company="Acme Health", degree="1st")
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Beta")
    # two weeks ago: 10 business days, so Bo's follow-up is due
    interactions.log_interaction(conn, bo, "outreach", occurred_at=today - timedelta(14))
    interactions.log_interaction(conn, edda, "outreach", occurred_at=today - timedelta(14))
    maria = outreach.find_recipients(conn, "maria")[0].id

    def listed(who, listing, typed=""):
        return outreach.is_recipient(conn, who, listing, typed)

    # Found: anyone matching every word typed; nothing typed matches everyone.
    assert listed(ana, "found", "acme silva") and listed(maria, "found", "")
    assert not listed(ana, "found", "maria")
    # Suggested: not yet contacted at a target. Ana is; Edda was written to; Maria is at
    # Globex, only in the network.
    assert listed(ana, "suggested")
    assert not listed(edda, "suggested") and not listed(maria, "suggested")
    # Silent: written to, no answer since, narrowed by the words typed.
    assert listed(bo, "silent") and listed(bo, "silent", "beta")
    assert not listed(bo, "silent", "acme") and not listed(ana, "silent")
    with pytest.raises(InvalidInputError):
        listed(ana, "everyone")


def test_the_sentence_for_a_person_kept_chosen_says_whether_they_match():
    assert outreach.kept_sentence("Ana Silva", listed=False, shown=3) == (
        "Ana Silva, not one of them, stays chosen at the end of the list, with your draft below."
    )
    assert outreach.kept_sentence("Ana Silva", listed=True, shown=25) == (
        "Ana Silva is one of them too, past the first 25 shown, and stays chosen at the end "
        "of the list, with your draft below."
    )


def test_history_says_what_a_first_message_would_repeat(conn, ana):
    assert outreach.history(conn, ana).sentence("Ana") == ""
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 6, 3))
    assert outreach.history(conn, ana).sentence("Ana") == (
        "You already wrote to Ana on 3 Jun 2026: a first message would repeat yourself."
    )
    _held_meeting(conn, ana, datetime(2026, 6, 23, 10, tzinfo=UTC))
    assert outreach.history(conn, ana).sentence("Ana") == (
        "You already wrote to Ana on 3 Jun 2026 and met on 23 Jun 2026: a first message "
        "would repeat yourself."
    )
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 6, 5))
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=30))
    ahead = (datetime.now(UTC) + timedelta(days=30)).astimezone(profile.zone(conn)).date()
    assert outreach.history(conn, ana).sentence("Ana") == (
        "You already wrote to Ana on 3 Jun 2026, heard back on 5 Jun 2026, met on 23 Jun 2026 "
        f"and are to meet on {text.day(ahead)}: a first message would repeat yourself."
    )


def test_history_of_someone_you_only_arranged_to_meet_reads_as_a_sentence(conn, ana):
    ahead = datetime.now(UTC) + timedelta(days=30)
    meetings.schedule_meeting(conn, ana, ahead)
    on = text.day(ahead.astimezone(profile.zone(conn)).date())
    assert outreach.history(conn, ana).sentence("Ana") == (
        f"You already have a meeting with Ana on {on}: a first message would repeat yourself."
    )


def test_history_of_someone_who_only_introduced_you_names_their_stage(conn, ana):
    maria = contacts.get_contact(conn, ana).mutual_contact_id
    contacts.add_contact(conn, "Nia", "Park", referred_by=maria)
    assert outreach.history(conn, maria).sentence("Maria") == (
        "Maria is already at the Referred stage: a first message would repeat yourself."
    )


def test_a_thank_you_names_the_weekday_only_for_a_meeting_within_the_last_week():
    """'On Friday' is last Friday only within a week; further back the date says which day,
    and a meeting today or yesterday is said so ("talking with me on Friday" on that Friday)."""
    today = date(2026, 11, 27)  # a Friday
    assert outreach.met_on(date(2026, 11, 27), today) == "today"
    assert outreach.met_on(date(2026, 11, 26), today) == "yesterday"
    assert outreach.met_on(date(2026, 11, 24), today) == "on Tuesday"
    assert outreach.met_on(date(2026, 11, 21), today) == "on Saturday"  # six days back
    assert outreach.met_on(date(2026, 11, 20), today) == "on 20 Nov 2026"  # a week back
    assert outreach.met_on(date(2019, 5, 3), today) == "on 3 May 2019"


def test_a_thank_you_for_a_meeting_years_back_says_its_date(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, datetime(2019, 5, 3, 10, tzinfo=UTC))
    meetings.record_debrief(conn, meeting, "held")
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    body = meetings.thank_you_draft(conn, meeting, now=now)[1]
    assert body.startswith("Hi Ana,\n\nThank you for talking with me on 3 May 2019.")
    recent = meetings.schedule_meeting(conn, ana, datetime(2026, 11, 24, 10, tzinfo=UTC))
    meetings.record_debrief(conn, recent, "held")
    body = meetings.thank_you_draft(conn, recent, now=now)[1]
    assert body.startswith("Hi Ana,\n\nThank you for talking with me on Tuesday.")
    today = meetings.schedule_meeting(conn, ana, datetime(2026, 11, 27, 9, tzinfo=UTC))
    meetings.record_debrief(conn, today, "held")
    body = meetings.thank_you_draft(conn, today, now=now)[1]
    assert body.startswith("Hi Ana,\n\nThank you for talking with me today.")


# --- finding the right person, and defaults that fit them ------------------------------------


def test_among_equal_matches_people_at_your_targets_then_the_introduced_come_first(conn):
    """Three Eddas, all 1st degree: the one at a target first, then the one introduced to you
    and not yet written to, then the rest by name (A before H before I)."""
    targets.add_company(conn, "Indigo Robotics", motivation=2)
    contacts.add_contact(conn, "Edda", "Abara", company="Harbor Motors")
    at_target = contacts.add_contact(conn, "Edda", "Abara", company="Indigo Robotics")
    lena = contacts.add_contact(conn, "Lena", "Ito")
    introduced = contacts.add_contact(conn, "Edda", "Holm", company="Acorn", referred_by=lena)
    written = contacts.add_contact(conn, "Edda", "Aalto", company="Acorn", referred_by=lena)
    interactions.log_interaction(conn, written, "outreach")
    found = outreach.find_recipients(conn, "edda")
    assert [r.id for r in found][:2] == [at_target, introduced]
    assert [r.name for r in found][2:] == ["Edda Aalto", "Edda Abara"]
    # a closer degree still comes first: 'closest first' says so
    cold = contacts.add_contact(
        conn, "Edda", "Zorn", company="Indigo Robotics", degree="2nd", mutual_contact_id=lena
    )
    assert outreach.find_recipients(conn, "edda")[-1].id == cold


def test_people_introduced_to_you_and_not_yet_written_to_are_suggested_first(conn):
    targets.add_company(conn, "Acme", motivation=3)
    contacts.add_contact(conn, "Aino", "Aalto", company="Acme")
    lena = contacts.add_contact(conn, "Lena", "Ito", company="Globex")
    jonas = contacts.add_contact(conn, "Jonas", "Weber", company="Umbra", referred_by=lena)
    written = contacts.add_contact(conn, "Kai", "Berg", company="Umbra", referred_by=lena)
    interactions.log_interaction(conn, written, "outreach")
    suggested = outreach.suggested_recipients(conn)
    # Jonas is at no target, yet first; Kai, written to already, is not offered
    assert [r.name for r in suggested] == ["Jonas Weber", "Aino Aalto"]
    assert suggested[0].introduced_by == "Lena Ito"
    assert suggested[0].label == "Jonas Weber — Umbra · introduced by Lena Ito"
    assert suggested[1].introduced_by == ""
    assert outreach.is_recipient(conn, jonas, "suggested")
    assert not outreach.is_recipient(conn, written, "suggested")
    assert outreach.find_recipients(conn, "jonas")[0].introduced_by == "Lena Ito"


def test_the_channel_fits_what_is_on_file(conn, ana):
    assert interactions.likely_channel(outreach.get_recipient(conn, ana).email) == "email"
    maria = contacts.add_contact(conn, "Maria", "Lopez", company="Globex")
    assert interactions.likely_channel(outreach.get_recipient(conn, maria).email) == "linkedin"
    assert interactions.likely_channel("  ") == "linkedin"


def test_only_someone_you_have_spoken_with_counts_as_known(conn):
    """A LinkedIn connection is often someone you never spoke to: knowing them takes a reply
    from them or a meeting held with them."""
    maria = contacts.add_contact(conn, "Maria", "Lopez", company="Globex")  # 1st degree
    assert not outreach.history(conn, maria).spoken
    interactions.log_interaction(conn, maria, "outreach", occurred_at=date(2026, 3, 2))
    assert not outreach.history(conn, maria).spoken  # written to, no answer
    interactions.log_interaction(conn, maria, "reply", occurred_at=date(2026, 3, 3))
    assert outreach.history(conn, maria).spoken
    met = outreach.History(
        stage=3, wrote_on=None, replied_on=None, met_on=date(2026, 3, 9), meets_on=None
    )
    assert met.spoken


# --- People of the same name ----------------------------------------------------------------


def _on_record(conn, contact_id, *, connected_on=None, added_on=date(2026, 11, 20)):
    """When LinkedIn connected them and when they were added, as an import would leave it."""
    conn.execute(
        "UPDATE contacts SET connected_on = ?, created_at = ? WHERE id = ?",
        [connected_on, datetime.combine(added_on, datetime.min.time()), contact_id],
    )


def test_people_whose_labels_would_read_alike_are_told_apart_by_when_you_connected(conn):
    """Two Kim Parks with no company or position looked the same in the picker: the one on
    LinkedIn says when you connected, the one added by hand when; a namesake whose position
    or company already tells them apart, and anyone else, keeps a short label."""
    linked = contacts.add_contact(conn, "Kim", "Park")
    _on_record(conn, linked, connected_on=date(2024, 3, 3))
    by_hand = contacts.add_contact(conn, "KIM", "PARK")  # any case: it reads as the same name
    at_acme = contacts.add_contact(conn, "Kim", "Park", company="Acme", position="Analyst")
    lone = contacts.add_contact(conn, "Kim", "Lund")
    for person in (by_hand, at_acme, lone):
        _on_record(conn, person)
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "kim")}
    assert labels == {
        linked: "Kim Park — connected 3 Mar 2024",
        by_hand: "KIM PARK — added 20 Nov 2026",
        at_acme: "Kim Park — Analyst at Acme",
        lone: "Kim Lund",
    }
    # the same label in every list, whether or not the namesake is listed with them
    assert outreach.find_recipients(conn, "kim park", limit=1)[0].label == labels[linked]
    assert outreach.get_recipient(conn, by_hand).label == labels[by_hand]
    assert outreach.get_recipient(conn, by_hand, with_stage=True).label == labels[by_hand]


def test_namesakes_at_the_same_company_with_the_same_position_are_told_apart_too(conn):
    first = contacts.add_contact(conn, "Jo", "Li", company="Acme", position="Nurse")
    second = contacts.add_contact(conn, "Jo", "Li", company="Acme", position="nurse ")
    _on_record(conn, first, connected_on=date(2025, 1, 9))
    _on_record(conn, second, connected_on=date(2025, 2, 1))
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "jo li")}
    assert labels == {
        first: "Jo Li — Nurse at Acme, connected 9 Jan 2025",
        second: "Jo Li — nurse at Acme, connected 1 Feb 2025",
    }


def test_namesakes_added_the_same_day_are_told_apart_by_their_email_address(conn):
    with_email = contacts.add_contact(conn, "Jo", "Li", email="jo.li@example.org")
    without = contacts.add_contact(conn, "Jo", "Li")
    for person in (with_email, without):
        _on_record(conn, person)
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "jo")}
    assert labels == {
        with_email: "Jo Li — added 20 Nov 2026, jo.li@example.org",
        without: "Jo Li — added 20 Nov 2026",
    }


def test_namesakes_nothing_on_record_tells_apart_get_their_degree_then_their_order(conn):
    """Added the same day with no email, or with the same one, two Jo Lis read the same: their
    degree tells them apart when it differs, and when nothing on record does, the order they
    were added in.
    Each detail is added only for those still alike; a namesake already told apart keeps
    the label it had."""
    first = contacts.add_contact(conn, "Jo", "Li")
    second = contacts.add_contact(conn, "Jo", "Li", degree="2nd", mutual_contact_id=first)
    mailed = contacts.add_contact(conn, "Jo", "Li", email="jo@example.org")
    twice = [contacts.add_contact(conn, "Bo", "Ek", email="bo@example.org") for _ in range(2)]
    linked = contacts.add_contact(conn, "Bo", "Ek")
    for person in (first, second, mailed, *twice):
        _on_record(conn, person)
    _on_record(conn, linked, connected_on=date(2024, 3, 3))
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "jo li")}
    assert labels == {
        first: "Jo Li — added 20 Nov 2026, 1st degree",
        second: "Jo Li — added 20 Nov 2026, 2nd degree",
        mailed: "Jo Li — added 20 Nov 2026, jo@example.org",
    }
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "bo ek")}
    assert labels == {  # the email they share tells nothing, so it is left out
        twice[0]: "Bo Ek — added 20 Nov 2026, first of 2 that day",
        twice[1]: "Bo Ek — added 20 Nov 2026, second of 2 that day",
        linked: "Bo Ek — connected 3 Mar 2024",
    }
    # the same in every list, the namesake listed or not
    assert outreach.get_recipient(conn, twice[1]).label == labels[twice[1]]


def test_names_and_companies_that_read_alike_are_told_apart_however_they_are_stored(conn):
    """'Anna Maria' 'Berg' and 'Anna' 'Maria Berg' both read 'Anna Maria Berg'; two companies
    renamed to one name read as one. The label is what the user compares, so they count as
    namesakes too."""
    split = [
        contacts.add_contact(conn, "Anna Maria", "Berg"),
        contacts.add_contact(conn, "Anna", "Maria Berg"),
    ]
    acme = contacts.add_contact(conn, "Al", "Ro", company="Acme")
    other = contacts.add_contact(conn, "Al", "Ro", company="Acme Holdings")
    for person in (*split, acme, other):
        _on_record(conn, person)
    _on_record(conn, split[1], added_on=date(2026, 11, 21))
    _on_record(conn, other, added_on=date(2026, 11, 21))
    holdings = contacts.get_contact(conn, other).company_id
    assert contacts.get_contact(conn, acme).company_id != holdings
    targets.update_companies(conn, {holdings: {"name": "Acme"}})
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "berg")}
    assert labels == {
        split[0]: "Anna Maria Berg — added 20 Nov 2026",
        split[1]: "Anna Maria Berg — added 21 Nov 2026",
    }
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "al ro")}
    assert labels == {
        acme: "Al Ro — Acme, added 20 Nov 2026",
        other: "Al Ro — Acme, added 21 Nov 2026",
    }


def test_namesakes_whose_position_and_company_read_alike_are_told_apart(conn):
    """The label joins position and company with " at ": 'Engineer at Acme' with no company
    and 'Engineer' at Acme both read "Zed Quux — Engineer at Acme", as do a position alone
    and a company of that name. What the label shows is what is compared."""
    titled = contacts.add_contact(conn, "Zed", "Quux", position="Engineer at Acme")
    at_acme = contacts.add_contact(conn, "Zed", "Quux", company="Acme", position="Engineer")
    position = contacts.add_contact(conn, "Lu", "Ma", position="Globex")
    company = contacts.add_contact(conn, "Lu", "Ma", company="GLOBEX")
    for person in (titled, at_acme, position, company):
        _on_record(conn, person)
    _on_record(conn, at_acme, connected_on=date(2025, 6, 2))
    _on_record(conn, company, added_on=date(2026, 11, 21))
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "zed")}
    assert labels == {
        titled: "Zed Quux — Engineer at Acme, added 20 Nov 2026",
        at_acme: "Zed Quux — Engineer at Acme, connected 2 Jun 2025",
    }
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "lu ma")}
    assert labels == {
        position: "Lu Ma — Globex, added 20 Nov 2026",
        company: "Lu Ma — GLOBEX, added 21 Nov 2026",
    }


def test_an_email_namesakes_share_is_not_added_to_their_labels(conn):
    """An email tells namesakes apart only where it differs: three Ana Ruiz added the same day,
    two with one address and one with another, show the addresses, then the two who share
    theirs their order; two who share one address and nothing else show their order alone."""
    shared = [contacts.add_contact(conn, "Ana", "Ruiz", email="ana@a.org") for _ in range(2)]
    other = contacts.add_contact(conn, "Ana", "Ruiz", email="ANA@b.org")
    pair = [contacts.add_contact(conn, "Eli", "Sol", email="eli@a.org") for _ in range(2)]
    linked = [contacts.add_contact(conn, "Ian", "Wu", email="ian@a.org") for _ in range(2)]
    for person in (*shared, other, *pair):
        _on_record(conn, person)
    for person in linked:
        _on_record(conn, person, connected_on=date(2024, 3, 3))
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "ana ruiz")}
    assert labels == {
        shared[0]: "Ana Ruiz — added 20 Nov 2026, ana@a.org, first of 2 that day",
        shared[1]: "Ana Ruiz — added 20 Nov 2026, ana@a.org, second of 2 that day",
        other: "Ana Ruiz — added 20 Nov 2026, ANA@b.org",
    }
    labels = [r.label for r in outreach.find_recipients(conn, "eli sol")]
    assert labels == [
        "Eli Sol — added 20 Nov 2026, first of 2 that day",
        "Eli Sol — added 20 Nov 2026, second of 2 that day",
    ]
    # connected the same day: the order is the day they were added, and says so
    labels = {r.id: r.label for r in outreach.find_recipients(conn, "ian wu")}
    assert labels == {
        linked[0]: "Ian Wu — connected 3 Mar 2024, added first of 2",
        linked[1]: "Ian Wu — connected 3 Mar 2024, added second of 2",
    }


def test_namesakes_are_found_whichever_part_of_the_name_holds_what(conn):
    """Contacts are first narrowed by their last name alone (for speed): a name held in the
    first name, in the last name, split anywhere, with spaces around or in any case, still
    finds every namesake."""
    ways = [
        contacts.add_contact(conn, "Anna Maria Berg", ""),
        contacts.add_contact(conn, "", "anna maria berg"),
        contacts.add_contact(conn, " Anna", "Maria Berg "),
        contacts.add_contact(conn, "ANNA MARIA", "  BERG"),
    ]
    for at, person in enumerate(ways):
        _on_record(conn, person, added_on=date(2026, 11, 20 + at))
    labels = [r.label for r in outreach.find_recipients(conn, "berg")]
    assert sorted(label.lower() for label in labels) == [
        f"anna maria berg — added {day} nov 2026" for day in (20, 21, 22, 23)
    ]
    for person in ways:
        assert outreach.get_recipient(conn, person).told_apart


def test_the_facts_under_the_picker_say_the_degree_and_email_once(conn):
    """The caption under the picker repeated what the label held: "Jo Li — added …,
    jo@a.com, 2nd degree · 2nd degree · email: jo@a.com"."""
    mia = contacts.add_contact(conn, "Mia", "Ng")
    first = contacts.add_contact(
        conn, "Jo", "Li", email="jo@a.com", degree="2nd", mutual_contact_id=mia
    )
    second = contacts.add_contact(conn, "Jo", "Li", email="jo@b.com")
    lone = contacts.add_contact(conn, "Kai", "Ho", email="kai@a.com", degree="cold")
    for person in (first, second, lone):
        _on_record(conn, person)
    assert outreach.get_recipient(conn, first).facts == [
        "Jo Li — added 20 Nov 2026, jo@a.com",
        "2nd degree",
        "you both know Mia Ng",
    ]
    conn.execute("UPDATE contacts SET email = 'jo@a.com' WHERE id = ?", [second])
    assert outreach.get_recipient(conn, first).facts == [
        "Jo Li — added 20 Nov 2026, 2nd degree",
        "you both know Mia Ng",
        "email: jo@a.com",
    ]
    assert outreach.get_recipient(conn, lone).facts == [
        "Kai Ho",
        "cold contact",
        "email: kai@a.com",
    ]


def test_suggested_and_silent_namesakes_are_told_apart(conn):
    targets.add_company(conn, "Umbra", motivation=3)
    older = contacts.add_contact(conn, "Kim", "Park", company="Umbra")
    newer = contacts.add_contact(conn, "Kim", "Park", company="Umbra")
    _on_record(conn, older, connected_on=date(2023, 5, 2))
    _on_record(conn, newer, connected_on=date(2026, 10, 1))
    suggested = {r.id: r.label for r in outreach.suggested_recipients(conn)}
    assert suggested == {
        older: "Kim Park — Umbra, connected 2 May 2023",
        newer: "Kim Park — Umbra, connected 1 Oct 2026",
    }
    interactions.log_interaction(conn, older, "outreach", occurred_at=date(2026, 11, 2))
    [silent] = outreach.follow_up_list(conn, today=date(2026, 11, 20)).people
    assert silent.label == "Kim Park — Umbra, connected 2 May 2023 · you wrote on 2 Nov 2026"


def test_a_reply_logged_by_its_day_alone_is_an_answer_to_that_days_outreach(conn, ana):
    """Written to at 17:00; the reply logged later as "that day" is stored at the hour a day
    alone is given, before 17:00: Ana answered, so she is not waiting for a follow-up."""
    sent = datetime(2026, 3, 2, 17)  # wall time, as stored
    interactions.log_interaction(conn, ana, "outreach", occurred_at=sent)
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 2))
    [(stored,)] = conn.execute(
        "SELECT occurred_at FROM interactions WHERE kind = 'reply'"
    ).fetchall()
    assert stored < sent  # the case: stored before the message it answers
    assert outreach.follow_up_list(conn, today=date(2026, 3, 20)).people == []
