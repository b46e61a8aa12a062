"""A mutual contact is someone you both know, not someone who suggested you write. Since
migration 0019 the template through a mutual connection says only that ("I saw that we both
know Marcus"), true of anyone 2nd degree with a mutual contact on record: the composer starts
from it for them, whoever introduced them. Until then (fa3b585) it was offered only when
Marcus had also introduced them, as it said "Marcus suggested I write to you". A template
that still says so (a copy edited before 0019, or the user's own) is started from only for
someone Marcus introduced, and a draft that says it of someone he did not introduce is
pointed out beside the checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, outreach, profile

ROOT = Path(__file__).resolve().parent.parent
MUTUAL_TEMPLATE = "Through a mutual connection"


def add_jordan(conn, *, introduced: str | None) -> int:
    """Jordan Patel at Canva, 2nd degree, with Marcus Lee as the mutual contact; introduced
    by Marcus, by Priya or by no one."""
    marcus = contacts.add_contact(conn, "Marcus", "Lee", company="Atlassian")
    priya = contacts.add_contact(conn, "Priya", "Nair", company="Xero")
    referred_by = {None: None, "marcus": marcus, "priya": priya}[introduced]
    return contacts.add_contact(
        conn,
        "Jordan",
        "Patel",
        company="Canva",
        position="Design lead",
        email="jordan@example.org",
        degree="2nd",
        mutual_contact_id=marcus,
        referred_by=referred_by,
    )


@pytest.mark.parametrize("introduced", [None, "priya", "marcus"])
def test_a_mutual_contact_on_record_starts_the_draft_through_them(conn, introduced):
    jordan = add_jordan(conn, introduced=introduced)
    person = outreach.get_recipient(conn, jordan)
    assert person.mutual_name == "Marcus Lee"
    assert "you both know Marcus Lee" in person.facts
    assert person.mutual_introduced is (introduced == "marcus")
    assert person.through_mutual
    templates = outreach.list_templates(conn)
    chosen = outreach.suggest_template(
        templates,
        "outreach",
        has_mutual=person.through_mutual,
        introduced=person.mutual_introduced,
    )
    assert outreach.get_template(conn, chosen).name == MUTUAL_TEMPLATE
    draft = outreach.compose(conn, chosen, jordan)
    assert draft.subject == "We both know Marcus"
    assert "I saw that we both know Marcus," in draft.body
    assert "suggested" not in draft.subject + draft.body  # of no one
    assert "spoke highly" not in draft.body
    assert not outreach.unrecorded_claim(person, draft.subject, draft.body)


def test_no_mutual_contact_on_record_is_no_draft_through_one(conn):
    """1st degree, or 2nd through no one on record (Marcus removed): the cold message."""
    marcus = contacts.add_contact(conn, "Marcus", "Lee", company="Atlassian")
    first = contacts.add_contact(conn, "Ivo", "Maric", company="Canva", mutual_contact_id=marcus)
    second = contacts.add_contact(
        conn, "Lea", "Roux", company="Canva", degree="2nd", referred_by=marcus
    )
    templates = outreach.list_templates(conn)
    for someone in (first, second):
        person = outreach.get_recipient(conn, someone)
        assert not person.through_mutual
        chosen = outreach.suggest_template(templates, "outreach", has_mutual=person.through_mutual)
        assert outreach.get_template(conn, chosen).name != MUTUAL_TEMPLATE


@pytest.mark.parametrize(
    ("introduced", "kept"), [(None, False), ("priya", False), ("marcus", True)]
)
def test_a_template_claiming_a_suggestion_is_started_from_only_after_an_introduction(
    conn, introduced, kept
):
    """Our template as 0002 wrote it, kept by an edit made before 0019 (a word changed)."""
    jordan = add_jordan(conn, introduced=introduced)
    person = outreach.get_recipient(conn, jordan)
    outreach.save_template(
        conn,
        MUTUAL_TEMPLATE,
        "{mutual_first_name} suggested I write to you",
        "Hi {first_name},\n\n{mutual_first_name} suggested I get in touch with you. I'm "
        "{my_name}.\n\nWould you have 20 minutes for a call?\n\nThanks,\n{my_name}",
        1,
    )
    templates = outreach.list_templates(conn)
    chosen = outreach.suggest_template(
        templates,
        "outreach",
        has_mutual=person.through_mutual,
        introduced=person.mutual_introduced,
    )
    assert (chosen == 1) is kept
    if not kept:
        assert chosen == 3  # cold, after reading their work


def composer_for(app_db, introduced: str | None) -> tuple[AppTest, int]:
    conn = db.connect(app_db)
    jordan = add_jordan(conn, introduced=introduced)
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="a data analyst at a logistics firm",
        focus_kind="occupation",
        focus="product management in health tech",
    )
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/3_outreach.py")
    at.run()
    at.text_input(key="outreach_find").set_value("jordan")
    at.run()
    at.selectbox(key="outreach_contact").set_value(jordan)
    at.run()
    assert not at.exception, at.exception
    return at, jordan


def test_a_mutual_contact_who_did_not_introduce_starts_the_draft_saying_only_that(app_db):
    """The walkthrough: Jordan added by hand, Marcus as mutual contact, Introduced by left
    empty. Before 0019 the draft claimed 'Marcus suggested I get in touch … Marcus spoke
    highly of your work at Canva'; since then it says only that you both know Marcus, and it
    is the one the composer starts from."""
    at, jordan = composer_for(app_db, None)
    picked = at.selectbox(key="outreach_template")
    assert picked.value == 1
    assert picked.format_func(picked.value) == MUTUAL_TEMPLATE
    body = at.text_area(key=f"body_{jordan}_1").value
    assert body.startswith("Hi Jordan,\n\nI saw that we both know Marcus,")
    assert "suggested" not in body and "spoke highly" not in body
    page = " ".join(m.value for m in at.markdown)
    assert "Checklist: 7 of 7 points covered" in page
    assert "Nothing on file says" not in page
    assert any("you both know Marcus Lee" in m.value for m in [*at.markdown, *at.caption])


def test_an_introducer_who_is_the_mutual_contact_still_starts_the_mutual_draft(app_db):
    at, jordan = composer_for(app_db, "marcus")
    picked = at.selectbox(key="outreach_template")
    assert picked.value == 1
    body = at.text_area(key=f"body_{jordan}_1").value
    assert body.startswith("Hi Jordan,\n\nI saw that we both know Marcus,")
    assert at.text_input(key=f"subject_{jordan}_1").value == "We both know Marcus"


# The words 0002 gave the template through a mutual connection: a copy the user edited keeps
# them (0019), and anyone may type them.
OLD_SUBJECT = "Marcus suggested I write to you"
OLD_BODY = (
    "Hi Jordan,\n\nMarcus suggested I get in touch with you. I'm Sam Lee, a data analyst.\n\n"
    "Marcus spoke highly of your work at Canva. Would you have 20 minutes for a call?"
)


@pytest.mark.parametrize(("introduced", "said"), [(None, True), ("priya", True), ("marcus", False)])
def test_a_suggestion_claimed_for_a_mutual_contact_alone_is_pointed_out(conn, introduced, said):
    jordan = add_jordan(conn, introduced=introduced)
    person = outreach.get_recipient(conn, jordan)
    # our template through a mutual connection, picked by hand, says nothing untrue of anyone
    draft = outreach.compose(conn, 1, jordan)
    assert not outreach.unrecorded_claim(person, draft.subject, draft.body)
    claim = outreach.unrecorded_claim(person, OLD_SUBJECT, OLD_BODY)
    assert bool(claim) is said
    if said:
        assert claim == (
            "Nothing on file says Marcus introduced you, yet the draft says Marcus suggested "
            "writing or spoke of their work. Check with Marcus first, or say only that you both "
            "know Marcus."
        )
    # what is true of anyone you both know passes
    assert not outreach.unrecorded_claim(
        person, "Hello from a fellow designer", "Hi Jordan, we're both connected to Marcus."
    )


def test_the_mutual_template_picked_by_hand_claims_nothing_and_a_claim_typed_is_pointed_out(
    app_db,
):
    at, jordan = composer_for(app_db, None)
    at.selectbox(key="outreach_template").set_value(1)
    at.run()
    assert not at.exception, at.exception
    page = " ".join(m.value for m in at.markdown)
    assert "Checklist: 7 of 7 points covered" in page
    assert "Nothing on file says" not in page
    at.text_area(key=f"body_{jordan}_1").set_value(OLD_BODY)
    at.run()
    page = " ".join(m.value for m in at.markdown)
    assert "Nothing on file says Marcus introduced you" in page
    at.text_area(key=f"body_{jordan}_1").set_value(
        "Hi Jordan,\n\nWe're both connected to Marcus. I'm Sam Lee, a data analyst. "
        "Would you have 15 minutes for a call?\n\nSam"
    )
    at.run()
    page = " ".join(m.value for m in at.markdown)
    assert "Nothing on file says" not in page
