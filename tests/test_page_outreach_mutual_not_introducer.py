"""A mutual contact is someone you both know, not someone who suggested you write. The
composer starts from the template through a mutual connection only when Marcus is also the
one who introduced you (Contacts' "Introduced by"); since migration 0019 that template says
only that you both know Marcus, and a draft that says more of someone who introduced no one
(the user's own words, or their copy of the old template) is pointed out beside the
checklist."""

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


@pytest.mark.parametrize(
    ("introduced", "said"), [(None, False), ("priya", False), ("marcus", True)]
)
def test_only_an_introducer_is_said_to_have_suggested_writing(conn, introduced, said):
    jordan = add_jordan(conn, introduced=introduced)
    person = outreach.get_recipient(conn, jordan)
    assert person.mutual_name == "Marcus Lee"
    assert "you both know Marcus Lee" in person.facts
    assert person.mutual_introduced is said
    templates = outreach.list_templates(conn)
    chosen = outreach.suggest_template(templates, "outreach", has_mutual=person.mutual_introduced)
    name = outreach.get_template(conn, chosen).name
    assert (name == MUTUAL_TEMPLATE) is said
    draft = outreach.compose(conn, chosen, jordan)
    assert ("we both know Marcus" in draft.body) is said
    assert "suggested" not in draft.subject + draft.body  # of no one
    assert "spoke highly" not in draft.body


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


def test_a_mutual_contact_who_did_not_introduce_is_not_said_to_have_suggested(app_db):
    """The walkthrough: Jordan added by hand, Marcus as mutual contact, Introduced by left
    empty. The draft claimed 'Marcus suggested I get in touch … Marcus spoke highly of your
    work at Canva', and the checklist called it 7 of 7."""
    at, jordan = composer_for(app_db, None)
    picked = at.selectbox(key="outreach_template")
    assert picked.value != 1
    assert picked.format_func(picked.value) != MUTUAL_TEMPLATE
    body = at.text_area(key=f"body_{jordan}_{picked.value}").value
    assert "Marcus" not in body and "suggested" not in body
    # what you share is still said beside the person, for the user to name if they wish
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
