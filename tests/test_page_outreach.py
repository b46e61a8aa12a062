"""The composer: pick a person and a template, see the checklist, log as sent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode
from streamlit.testing.v1 import AppTest

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
    ui,
)
from infoint.business_days import silence_noticed_on
from infoint.text import day, plain_markdown, weekday_day
from tests.conftest import copy_texts

FILTER_MODE_NONE = SelectWidgetFilterMode.FILTER_MODE_NONE

ROOT = Path(__file__).resolve().parent.parent
OUTREACH = "pages/3_outreach.py"


def outreach_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(OUTREACH)
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def shown(at: AppTest) -> str:
    """The markdown as the page wrote it: user text escaped, so escaping is checked too."""
    return " ".join(m.value for m in at.markdown)


def button(at: AppTest, label: str):
    [found] = [b for b in at.button if b.label == label]
    return found


@pytest.fixture
def network(app_db):
    """Sam's profile is filled in; Ana is a 2nd-degree contact through Maria."""
    conn = db.connect(app_db)
    maria = contacts.add_contact(conn, "Maria", "Lopez", company="Globex")
    ana = contacts.add_contact(
        conn,
        "Ana",
        "Silva",
        company="Acme Health",
        position="Product lead",
        email="ana@example.org",
        degree="2nd",
        mutual_contact_id=maria,
    )
    profile.save_profile(
        conn,
        name="Sam Lee",
        job_title="a data analyst at a logistics firm",
        focus_kind="occupation",
        focus="product management in health tech",
    )
    conn.close()
    return {"maria": maria, "ana": ana, "db": app_db}


def through_maria(at: AppTest) -> AppTest:
    """The template through a mutual connection: the one suggested for Ana, 2nd degree
    through Maria, and set here all the same, for the draft the tests write in."""
    at.selectbox(key="outreach_template").set_value(1)
    return run(at)


def contacted(db_path) -> int:
    conn = db.connect(db_path)
    try:
        return funnel.stage_counts(conn)[0].count
    finally:
        conn.close()


def test_an_empty_database_leads_to_the_import(app_db):
    at = run(outreach_page())
    assert "no one to write to yet" in at.info[0].value
    assert not at.button


def test_pick_compose_see_the_checklist_and_log_as_sent(network):
    at = run(outreach_page())
    assert "Choose a person above" in at.info[0].value
    at.text_input(key="outreach_find").set_value("acme")
    run(at)
    assert at.selectbox(key="outreach_contact").options == [
        "Ana Silva — Product lead at Acme Health"
    ]
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    through_maria(at)
    body = at.text_area(key=f"body_{network['ana']}_1").value
    assert body.startswith(
        "Hi Ana,\n\nI saw that we both know Maria, so I hope you don't mind a note from me. "
        "I'm Sam Lee, a data"
    )
    # the checklist is visible beside the draft
    page = shown(at)
    assert "Checklist: 7 of 7 points covered" in page
    for label in outreach.CHECK_LABELS.values():
        assert label in page
    assert not at.warning  # nothing left to fill in
    assert contacted(network["db"]) == 0
    button(at, "Log as sent").click()
    run(at)
    assert "Ana Silva now counts as Contacted" in at.success[0].value
    assert contacted(network["db"]) == 1
    conn = db.connect(network["db"])
    [sent] = interactions.list_interactions(conn, network["ana"])
    conn.close()
    assert (sent.kind, sent.channel, sent.template_id) == ("outreach", "email", 1)
    assert sent.subject == "We both know Maria" and sent.body == body
    # the page starts afresh for the next person, the sentence still there
    assert at.selectbox(key="outreach_contact").value is None
    assert at.text_input(key="outreach_find").value == ""
    assert "Choose a person above" in at.info[0].value
    at.text_input(key="outreach_find").set_value("maria")
    run(at)
    assert at.selectbox(key="outreach_contact").options == ["Maria Lopez — Globex"]
    # choosing Ana again and logging the same draft logs nothing more, and says so
    at.text_input(key="outreach_find").set_value("")
    run(at)
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    through_maria(at)
    button(at, "Log as sent").click()
    run(at)
    assert at.success[0].value == plain_markdown(
        "Already logged: this message to Ana Silva today counts once."
    )
    conn = db.connect(network["db"])
    assert len(interactions.list_interactions(conn, network["ana"])) == 1
    conn.close()


def test_the_checklist_follows_the_users_edits(network):
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    run(at)
    through_maria(at)
    at.text_area(key=f"body_{network['ana']}_1").set_value(
        "Hi Ana, do you have any openings? Please look at my resume."
    )
    run(at)
    page = shown(at)
    assert "Checklist: 2 of 7 points covered" in page  # the subject and the length
    assert "**No job request** · Fix this" in page
    assert "“any openings” asks for a job" in page


def test_an_unfilled_placeholder_is_listed_highlighted_and_blocks_logging(network):
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    run(at)
    at.selectbox(key="outreach_template").set_value(2)  # shared school or group
    run(at)
    [warning] = at.warning
    assert "- {shared_group}: the school, group or community you share" in warning.value.replace(
        "\\", ""
    )
    assert ":orange-background[**\\{shared_group\\}**]" in " ".join(m.value for m in at.markdown)
    assert button(at, "Log as sent").disabled
    assert not at.get("link_button") and not copy_texts(at)  # nothing half-written can go out
    body = at.text_area(key=f"body_{network['ana']}_2")
    body.set_value(body.value.replace("{shared_group}", "the Leeds alumni network"))
    at.text_input(key=f"subject_{network['ana']}_2").set_value("A fellow Leeds graduate")
    run(at)
    assert not at.warning
    assert not button(at, "Log as sent").disabled
    assert copy_texts(at)[0].startswith("Subject: A fellow Leeds graduate\n\nHi Ana,")


def test_a_follow_up_opened_from_another_page(network):
    conn = db.connect(network["db"])
    two_weeks_ago = date.today() - timedelta(days=14)  # the follow-up is due, as Follow-ups says
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=two_weeks_ago)
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    at.session_state[outreach.COMPOSE_KIND_KEY] = "follow_up"
    run(at)
    assert at.radio(key="outreach_kind").value == "follow_up"
    assert at.selectbox(key="outreach_template").value == 4  # the polite follow-up
    assert at.selectbox(key=f"outreach_channel_{network['ana']}").value == "email"  # on file
    at.selectbox(key=f"outreach_channel_{network['ana']}").set_value("linkedin")
    button(at, "Log as sent").click()
    run(at)
    # Ana was Contacted already: the sentence speaks of the follow-up, not of a new stage
    assert at.success[0].value == plain_markdown(
        "Follow-up to Ana Silva logged. That was the one follow-up; if there is still no "
        "answer, let it rest."
    )
    conn = db.connect(network["db"])
    kinds = [(i.kind, i.channel) for i in interactions.list_interactions(conn, network["ana"])]
    conn.close()
    assert kinds[0] == ("follow_up", "linkedin")


def test_mailto_link_carries_address_subject_and_body(network):
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    run(at)
    through_maria(at)
    [link] = at.get("link_button")
    assert link.proto.url.startswith("mailto:ana@example.org?subject=We%20both%20know%20Maria&")
    assert (
        "&body=Hi%20Ana%2C%0D%0A%0D%0AI%20saw%20that%20we%20both%20know%20Maria" in link.proto.url
    )


def test_add_a_template_of_your_own(network):
    at = run(outreach_page())
    at.text_input(key="template_name_-1").set_value("After a meetup")
    at.text_area(key="template_body_-1").set_value("Hi {first_name}, we met at the {event} meetup.")
    at.button(key="FormSubmitter:template_form_-1-Save template").click()
    run(at)
    assert plain_markdown("Template 'After a meetup' saved.") in at.success[0].value
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    run(at)
    templates = at.selectbox(key="outreach_template")
    assert templates.options[-2:] == ["After a meetup", "A blank page"]
    templates.set_value(6)  # after our five
    run(at)
    assert f"- {plain_markdown('{event}')}: a value only you can fill in" in at.warning[0].value


def test_a_built_in_template_can_be_edited_and_archived(network):
    at = run(outreach_page())
    at.selectbox(key="template_editing").set_value(3)
    run(at)
    at.text_input(key="template_subject_3").set_value("About your {their_work}")
    at.button(key="FormSubmitter:template_form_3-Save template").click()
    run(at)
    button(at, "Archive it").click()
    run(at)
    assert "is archived" in at.success[0].value
    assert (
        "Cold, after reading their profile or work"
        not in at.selectbox(key="outreach_template").options
    )
    conn = db.connect(network["db"])
    template = outreach.get_template(conn, 3)
    conn.close()
    assert (template.subject, template.archived, template.builtin) == (
        "About your {their_work}",
        True,
        True,
    )


def test_a_follow_up_uses_the_follow_up_template_and_offers_only_silent_people(network):
    conn = db.connect(network["db"])
    wrote = date.today() - timedelta(days=14)  # 10 business days: the follow-up is due
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=wrote)
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["maria"]
    run(at)
    assert len(at.selectbox(key="outreach_contact").options) == 2  # everyone, for a first message
    at.radio(key="outreach_kind").set_value("follow_up")
    run(at)
    # Maria was never written to: she is not someone to follow up, so she is no longer chosen
    assert at.selectbox(key="outreach_contact").value is None
    assert at.selectbox(key="outreach_contact").options == [
        f"Ana Silva — Product lead at Acme Health · you wrote on {day(wrote)}"
    ]
    assert at.selectbox(key="outreach_template").options == ["One polite follow-up", "A blank page"]
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    assert at.selectbox(key="outreach_template").value == 4  # one polite follow-up
    body = at.text_area(key=f"body_{network['ana']}_4").value
    assert f"I wrote to you on {outreach.day_in_words(wrote)} about" in body
    assert "last week" not in body
    # back to a first message: the first-message templates, the suggested one chosen
    at.radio(key="outreach_kind").set_value("outreach")
    run(at)
    # Maria is a mutual contact (not her introducer): ours through her, "we both know Maria"
    assert at.selectbox(key="outreach_template").value == 1
    assert "One polite follow-up" not in at.selectbox(key="outreach_template").options


def test_no_one_silent_says_who_would_appear(network):
    at = run(outreach_page())
    at.radio(key="outreach_kind").set_value("follow_up")
    run(at)
    assert at.selectbox(key="outreach_contact").options == []
    assert (
        "No one is due a follow-up: a person appears here, as on Follow-ups, after 7 "
        in " ".join(c.value for c in at.caption)
    )


def met_maria(network) -> None:
    """A meeting held with Maria: someone the user has spoken with."""
    conn = db.connect(network["db"])
    held = meetings.schedule_meeting(conn, network["maria"], datetime(2026, 3, 2, 10, 0))
    meetings.set_outcome(conn, held, "held")
    conn.close()


def test_the_template_is_chosen_by_what_we_know_about_the_person(network):
    met_maria(network)
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["maria"]  # 1st degree, no mutual
    run(at)
    # someone you met: not the cold message for a stranger, but ours for someone known
    assert at.selectbox(key="outreach_template").value == 5  # someone you already know
    body = at.text_area(key=f"body_{network['maria']}_5").value
    conn = db.connect(network["db"])  # its words are the template's, whatever they say now
    assert body == outreach.compose(conn, 5, network["maria"]).body
    conn.close()
    assert body.startswith("Hi Maria,\n\n")
    assert "Checklist: 7 of 7 points covered" in shown(at)
    assert "so a blank page" not in " ".join(c.value for c in at.caption)
    assert "may not mean you have spoken" not in captions(at)
    # Ana is 2nd degree through Maria, who did not introduce her: ours through a mutual
    # connection, which says only that you both know Maria
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    assert at.selectbox(key="outreach_template").value == 1  # through a mutual connection
    assert at.text_area(key=f"body_{network['ana']}_1").value.startswith(
        "Hi Ana,\n\nI saw that we both know Maria,"
    )
    # a template the user picks stays picked
    at.selectbox(key="outreach_template").set_value(2)
    run(at)
    assert at.selectbox(key="outreach_template").value == 2  # shared school or group


def test_someone_you_know_gets_a_blank_page_once_ours_for_them_is_archived(network):
    met_maria(network)
    conn = db.connect(network["db"])
    outreach.archive_template(conn, 5)  # someone you already know
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["maria"]
    run(at)
    assert "Someone you already know" not in at.selectbox(key="outreach_template").options
    assert at.selectbox(key="outreach_template").value == 0  # not the cold one: a blank page
    assert "You have spoken with Maria before, so a blank page" in captions(at)


def test_an_unfilled_referrer_does_not_count_as_how_you_found_them(network):
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["maria"]
    run(at)
    at.selectbox(key="outreach_template").set_value(1)  # through a mutual connection: none
    run(at)
    page = shown(at)
    assert "**How you found them** · Worth a look" in page
    assert plain_markdown("Fill in {mutual_first_name} first") in page
    assert "Checklist: 7 of 7" not in page


def test_the_placeholder_help_reads_plainly(app_db):
    conn = db.connect(app_db)
    lone = contacts.add_contact(conn, "Bo", degree="cold")  # empty profile: {my_name} unfilled
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = lone
    run(at)
    warning = at.warning[0].value
    assert f"- {plain_markdown('{my_name}')}: your name, from Settings" in warning
    assert "(Settings)" not in warning and "))" not in warning
    [settings] = [link for link in at.main.get("page_link") if "Settings" in link.proto.label]
    assert (settings.proto.label, settings.proto.page) == (
        "Fill in your name, role and focus in Settings",
        "settings",
    )
    caption = " ".join(c.value for c in at.caption)
    assert f"{plain_markdown('{my_name}')} (your name, from Settings)" in caption
    assert "))" not in caption


def test_the_way_to_settings_names_only_the_details_still_missing(app_db):
    """With a role and focus saved but no name, the link asks for the name alone."""
    conn = db.connect(app_db)
    lone = contacts.add_contact(conn, "Bo", degree="cold")
    profile.save_profile(
        conn, name="", job_title="a data analyst", focus_kind="occupation", focus="product work"
    )
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = lone
    run(at)
    [settings] = [link for link in at.main.get("page_link") if "Settings" in link.proto.label]
    assert settings.proto.label == "Fill in your name in Settings"


def test_a_name_that_matches_one_person_picks_them(network):
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("Ana Silva")
    run(at)
    assert at.selectbox(key="outreach_contact").value == network["ana"]
    assert at.selectbox(key="outreach_template").value == 1  # as for a pick (Maria: mutual)
    at.text_input(key="outreach_find").set_value("a")  # Ana and Maria: the pick stays
    run(at)
    assert at.selectbox(key="outreach_contact").value == network["ana"]


def test_the_trip_to_settings_and_back_keeps_the_draft_chosen(app_db, trip_to_settings):
    """The 'Fill in … in Settings' link leaves Outreach: coming back finds the same person,
    kind and template, and the draft now carries the details saved in Settings."""
    conn = db.connect(app_db)
    wrote = date.today() - timedelta(days=14)  # 10 business days: the follow-up is due
    bo = contacts.add_contact(conn, "Bo", "Berg", degree="cold")
    interactions.log_interaction(conn, bo, "outreach", occurred_at=wrote)
    contacts.add_contact(conn, "Cy", "Dunn", degree="cold")
    conn.close()
    at = run(outreach_page())
    at.radio(key="outreach_kind").set_value("follow_up")
    run(at)
    at.selectbox(key="outreach_contact").set_value(bo)
    run(at)
    at.selectbox(key="outreach_template").set_value(0)  # a blank page, picked by hand
    run(at)
    at.selectbox(key="outreach_template").set_value(4)  # and back to the polite follow-up
    run(at)
    assert "{my_name}" in at.text_area(key=f"body_{bo}_4").value
    trip_to_settings(at, "Sam Lee", OUTREACH)
    assert at.radio(key="outreach_kind").value == "follow_up"
    assert at.selectbox(key="outreach_contact").value == bo
    assert at.selectbox(key="outreach_template").value == 4
    assert "Sam Lee" in at.text_area(key=f"body_{bo}_4").value
    assert not any("Choose a person above" in i.value for i in at.info)


def draft_for_bo(app_db) -> tuple[AppTest, str]:
    """A first message to Bo, with an empty profile: the draft asks for {my_name}."""
    conn = db.connect(app_db)
    bo = contacts.add_contact(conn, "Bo", "Berg", degree="cold")
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = bo
    run(at)
    draft_key = f"{bo}_{at.selectbox(key='outreach_template').value}"
    assert "{my_name}" in at.text_area(key=f"body_{draft_key}").value
    return at, draft_key


def test_words_typed_into_the_draft_survive_the_trip_to_settings(app_db, trip_to_settings):
    """Coming back from Settings, the user's own text stays; the {my_name} still in it is
    filled with the name just saved."""
    at, draft_key = draft_for_bo(app_db)
    mine = "Hi Bo, your talk on Tuesday stayed with me. Could we have a 15-minute call?\n{my_name}"
    at.text_input(key=f"subject_{draft_key}").set_value("After your talk on Tuesday")
    at.text_area(key=f"body_{draft_key}").set_value(mine)
    run(at)
    trip_to_settings(at, "Sam Lee", OUTREACH)
    assert at.text_input(key=f"subject_{draft_key}").value == "After your talk on Tuesday"
    assert at.text_area(key=f"body_{draft_key}").value == mine.replace("{my_name}", "Sam Lee")
    assert [i.value for i in at.info] == [
        "Your edits are kept, with your details from Settings filled in."
    ]


def test_edits_without_the_placeholders_are_kept_as_written(app_db, trip_to_settings):
    """The user signed by hand: nothing of theirs is rewritten, and they are told the new
    details are theirs to add."""
    at, draft_key = draft_for_bo(app_db)
    mine = "Hi Bo, your talk on Tuesday stayed with me. Could we have a 15-minute call?\nSam"
    at.text_area(key=f"body_{draft_key}").set_value(mine)
    run(at)
    trip_to_settings(at, "Sam Lee", OUTREACH)
    assert at.text_area(key=f"body_{draft_key}").value == mine
    assert (
        "Your edits are kept as you wrote them: add your new details from Settings by hand "
        "where they belong."
    ) in [i.value for i in at.info]
    at.text_area(key=f"body_{draft_key}").set_value(mine + " Lee")
    run(at)
    assert at.text_area(key=f"body_{draft_key}").value == mine + " Lee"
    assert not any("edits are kept" in i.value for i in at.info)  # said once, on the way back


def test_an_untouched_draft_is_composed_again_with_the_new_profile(app_db, trip_to_settings):
    at, draft_key = draft_for_bo(app_db)
    trip_to_settings(at, "Sam Lee", OUTREACH)
    conn = db.connect(app_db)
    template_id = int(draft_key.split("_")[1])
    fresh = outreach.compose(conn, template_id, int(draft_key.split("_")[0]))
    conn.close()
    assert "Sam Lee" in fresh.body
    assert at.text_area(key=f"body_{draft_key}").value == fresh.body
    assert at.text_input(key=f"subject_{draft_key}").value == fresh.subject
    assert not any("edits are kept" in i.value for i in at.info)


def test_going_back_to_a_draft_finds_the_edits(network):
    """Trying another template and returning to the first brings back what was typed in it."""
    at = run(outreach_page())
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    through_maria(at)
    draft_key = f"{network['ana']}_1"
    mine = "Hi Ana, Maria says you know the health side well. Could we talk for 15 minutes?"
    at.text_area(key=f"body_{draft_key}").set_value(mine)
    run(at)
    at.selectbox(key="outreach_template").set_value(0)
    run(at)
    assert at.text_area(key=f"body_{network['ana']}_None").value == ""
    at.selectbox(key="outreach_template").set_value(1)
    run(at)
    assert at.text_area(key=f"body_{draft_key}").value == mine


def test_switching_templates_says_where_the_edits_went(network):
    """The box shows the other template's words: the page says the edits are kept, and under
    which template, until they are back in view."""
    at = run(outreach_page())
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    through_maria(at)
    first = at.selectbox(key="outreach_template").format_func(1)
    assert "are kept" not in captions(at)
    at.text_area(key=f"body_{network['ana']}_1").set_value("Hi Ana, a question of mine.")
    run(at)
    assert "are kept" not in captions(at)  # they are in the box
    at.selectbox(key="outreach_template").set_value(0)
    run(at)
    assert (
        f"Your edits under “{plain_markdown(first)}” are kept: pick it again to go back to them."
        in captions(at)
    )
    at.selectbox(key="outreach_template").set_value(1)
    run(at)
    assert "are kept" not in captions(at)


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_a_first_message_to_someone_already_met_says_so_and_leads_to_their_record(network):
    conn = db.connect(network["db"])
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=date(2026, 6, 3))
    meeting = meetings.schedule_meeting(conn, network["ana"], datetime(2026, 6, 23, 10, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("ana")
    run(at)
    through_maria(at)
    assert at.selectbox(key="outreach_contact").value == network["ana"]
    assert at.selectbox(key="outreach_contact").options == [
        "Ana Silva — Product lead at Acme Health · met 23 Jun 2026"
    ]
    assert plain_markdown(
        "You already wrote to Ana on 3 Jun 2026 and met on 23 Jun 2026: a first message "
        "would repeat yourself."
    ) in shown(at)
    assert "Their record shows what happened so far" in captions(at)
    assert not [b for b in at.button if b.label == "Write the follow-up"]
    assert at.text_area(key=f"body_{network['ana']}_1").value  # the draft is still there
    button(at, "Open Ana's record").click()  # the notice's, and no second one below
    run(at)
    assert at.query_params["contact"] == str(network["ana"])
    assert at.title[0].value == "Ana Silva"  # her record, on Contacts


def test_the_way_to_the_record_at_the_foot_says_whose_it_is(network):
    """Beside logging, the way to the person's record names them, as the page's other ways do
    and as Meetings does, not "their record"."""
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("acme")
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    assert at.button(key="open_record").label == "Open Ana's record"
    at.button(key="open_record").click()
    run(at)
    assert at.query_params["contact"] == str(network["ana"])
    assert at.title[0].value == "Ana Silva"


def notice(at: AppTest) -> str:
    """The bordered notice over a first message to someone already written to, as read: the
    words of the box holding the line with its icon."""

    def boxes(node):
        children = getattr(node, "children", {})
        yield node, list(children.values())
        for child in children.values():
            yield from boxes(child)

    for _, inside in boxes(at.main):
        said = [e.value for e in inside if e.type in ("markdown", "caption")]
        icons = (":material/history:", ":material/schedule:", ":material/reply:")
        if any(text.startswith(f":orange[{icon}]") for text in said for icon in icons):
            return " ".join(said)
    return ""


def test_a_first_message_to_someone_silent_offers_the_follow_up(network):
    """One notice: what happened and the follow-up it calls for, with the button to write
    it; no "You already wrote …" beside it saying the same again."""
    conn = db.connect(network["db"])
    two_weeks_ago = date.today() - timedelta(days=14)  # 10 business days: a follow-up is due
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=two_weeks_ago)
    conn.close()
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("ana")
    run(at)
    wrote = weekday_day(two_weeks_ago)
    said = (
        f"You wrote to Ana on {wrote} and have heard nothing since: it is time for one short, "
        "polite follow-up."
    )
    assert plain_markdown(said) in shown(at)
    assert plain_markdown(
        "Or carry on below if you mean to write a first message all the same."
    ) in captions(at)
    assert "already" not in notice(at) and notice(at).count("wrote") == 1
    button(at, "Write the follow-up").click()
    run(at)
    assert at.radio(key="outreach_kind").value == "follow_up"
    assert at.selectbox(key="outreach_contact").value == network["ana"]
    assert "You wrote to Ana" not in shown(at)  # a follow-up is what fits


def test_someone_written_to_today_is_told_when_a_follow_up_is_due_not_offered_one(network):
    """The walkthrough's fault: the day you wrote, Outreach offered "one gentle reminder".
    Then it said twice that you wrote ("You already wrote to Ana on …", then "You wrote to Ana
    today; … a follow-up is due on …"): one notice now says when, and what to do until then."""
    conn = db.connect(network["db"])
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=date.today())
    conn.close()
    due = weekday_day(silence_noticed_on(date.today(), followups.FOLLOW_UP_AFTER))
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("ana")
    run(at)
    assert plain_markdown(
        f"You wrote to Ana today. If there is no answer, a follow-up is due on {due}."
    ) in shown(at)
    assert plain_markdown(
        "Until then, give Ana time to reply; the follow-up will be on the Follow-ups page "
        "that day. To write again anyway, carry on below."
    ) in captions(at)
    assert "already" not in notice(at) and notice(at).count("wrote") == 1
    assert "fits better" not in captions(at)
    assert not [b for b in at.button if b.label == "Write the follow-up"]
    # A follow-up all the same: still possible, said to be early before logging it.
    at.radio(key="outreach_kind").set_value("follow_up")
    run(at)
    assert at.selectbox(key="outreach_contact").value == network["ana"]
    assert "No one is due a follow-up by that name" in captions(at)
    [early] = at.info
    assert early.value.startswith(
        f"This follow-up would be early: you wrote to Ana today, and one is due on {due} if "
    )
    assert f"Early: the follow-up is due on {due}." in captions(at)
    assert not button(at, "Log as sent").disabled
    button(at, "Log as sent").click()
    run(at)
    conn = db.connect(network["db"])
    kinds = [i.kind for i in interactions.list_interactions(conn, network["ana"])]
    conn.close()
    assert sorted(kinds) == ["follow_up", "outreach"]


def test_a_follow_up_that_is_due_says_nothing_of_being_early(network):
    conn = db.connect(network["db"])
    two_weeks_ago = date.today() - timedelta(days=14)
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=two_weeks_ago)
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    at.session_state[outreach.COMPOSE_KIND_KEY] = "follow_up"
    run(at)
    assert at.selectbox(key="outreach_contact").value == network["ana"]
    assert not at.info
    assert "Early" not in captions(at)


def test_a_meeting_that_has_begun_leaves_the_notice_within_a_minute(network, monkeypatch):
    """The notice counts only meetings still ahead: once one begins, the next minute's run
    says no more of it, though nothing was written in between."""
    conn = db.connect(network["db"])
    meetings.schedule_meeting(conn, network["ana"], datetime.now(UTC) + timedelta(hours=2))
    conn.close()
    clock = [1_000_000.0]
    monkeypatch.setattr(ui, "time", SimpleNamespace(time=lambda: clock[0]))
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("ana")
    run(at)
    assert "You already have a meeting with Ana on" in shown(at)
    # The hours pass: the meeting has begun (moved back here, without a write the data
    # version would count, as time itself changes nothing in the database).
    conn = db.connect(network["db"])
    conn.execute("UPDATE meetings SET starts_at = starts_at - INTERVAL 3 HOUR")
    conn.close()
    clock[0] += 60
    run(at)
    assert "You already" not in shown(at)


def test_someone_not_yet_contacted_gets_no_notice(network):
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("ana")
    run(at)
    assert at.selectbox(key="outreach_contact").value == network["ana"]
    assert "You already" not in shown(at)


def test_with_nothing_typed_the_list_offers_the_uncontacted_at_your_targets(network):
    conn = db.connect(network["db"])
    targets.add_company(conn, "Acme Health", motivation=1)
    targets.add_company(conn, "Initech", motivation=3)
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Initech", degree="cold")
    contacts.add_contact(conn, "Cy", "Dahl", company="Initech", degree="1st")
    written = contacts.add_contact(conn, "Di", "Eng", company="Initech", degree="1st")
    interactions.log_interaction(conn, written, "outreach")
    conn.close()
    at = run(outreach_page())
    people = at.selectbox(key="outreach_contact")
    assert people.options == [
        "Cy Dahl — Initech",
        "Bo Berg — Initech",
        "Ana Silva — Product lead at Acme Health",
    ]  # Initech first (motivation 3), Cy (1st) before Bo (cold); Globex is no target, and
    # Di was written to already
    assert people.value is None
    said = "3 people not yet contacted at your targets, best first; type a name to find anyone."
    assert said in captions(at)
    people.set_value(bo)
    run(at)
    assert at.selectbox(key="outreach_contact").value == bo
    assert "You already" not in shown(at)


def test_suggestions_cut_short_say_they_are_the_first(network):
    conn = db.connect(network["db"])
    targets.add_company(conn, "Delta", motivation=2)
    for number in range(26):
        contacts.add_contact(conn, f"Person{number:02}", "Abara", company="Delta")
    conn.close()
    at = run(outreach_page())
    assert len(at.selectbox(key="outreach_contact").options) == 25
    said = (
        "The first 25 people not yet contacted at your targets, best first; type a name to "
        "find anyone."
    )
    assert said in captions(at)


def test_without_targets_the_list_says_it_holds_everyone(network):
    at = run(outreach_page())
    assert len(at.selectbox(key="outreach_contact").options) == 2
    assert (
        "No one at your targets is waiting for a first message, so here is everyone, closest "
        "first; type a name to find anyone." in captions(at)
    )


def test_a_search_cut_short_says_how_many_match(network):
    conn = db.connect(network["db"])
    for number in range(27):
        contacts.add_contact(conn, f"Person{number:02}", "Abara", company="Delta")
    conn.close()
    at = run(outreach_page())
    assert "here are the first" not in captions(at)
    at.text_input(key="outreach_find").set_value("abara")
    run(at)
    assert len(at.selectbox(key="outreach_contact").options) == 25
    assert "Showing the first 25 of 27, closest first — type more of the name." in captions(at)
    at.text_input(key="outreach_find").set_value("person2 abara")  # 20 to 26: all shown
    run(at)
    assert len(at.selectbox(key="outreach_contact").options) == 7
    assert "Showing the first" not in captions(at)


def test_a_name_placeholder_typed_by_hand_is_filled_from_settings(network):
    """Settings has the name; {my_first_name} typed into the draft by hand reads 'Sam' in what
    goes out (checklist, preview, copy, log), asks for no trip to Settings, and the box keeps
    the words as typed."""
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    run(at)
    through_maria(at)
    draft_key = f"{network['ana']}_1"
    mine = (
        "Hi Ana,\n\nWe both know Maria. I'm {my_first_name}, a data analyst. "
        "Could we have a 15-minute call?\n\n{my_first_name}"
    )
    at.text_area(key=f"body_{draft_key}").set_value(mine)
    run(at)
    assert at.text_area(key=f"body_{draft_key}").value == mine  # the user's words stay
    assert not at.warning
    assert not [link for link in at.main.get("page_link") if "Settings" in link.proto.label]
    sent = mine.replace("{my_first_name}", "Sam")
    assert copy_texts(at) == [f"Subject: We both know Maria\n\n{sent}"]
    assert plain_markdown("I'm Sam, a data analyst") in shown(at)
    assert plain_markdown("In what you send, {my_first_name} reads “Sam”.") in [
        c.value for c in at.caption
    ]
    assert "**Who you are** · Good" in shown(at)  # "I'm Sam, a data analyst"
    button(at, "Log as sent").click()
    run(at)
    conn = db.connect(network["db"])
    [logged] = interactions.list_interactions(conn, network["ana"])
    conn.close()
    assert logged.body == sent


def test_a_placeholder_typed_by_hand_without_a_value_says_where_to_fill_it(network):
    """Settings has the name but no role, and nothing was written to Ana yet: {my_first_name}
    is filled, {my_role} and {last_written} are named, with the way to Settings for the role."""
    conn = db.connect(network["db"])
    profile.save_profile(conn, name="Sam Lee", job_title="", focus_kind="occupation", focus="x")
    conn.close()
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["ana"]
    run(at)
    through_maria(at)
    body = at.text_area(key=f"body_{network['ana']}_1")
    body.set_value(body.value + "\nI wrote on {last_written} as {my_role}. {my_first_name}")
    run(at)
    [warning] = at.warning
    said = warning.value
    assert f"- {plain_markdown('{my_role}')}: your current role, from Settings" in said
    assert f"- {plain_markdown('{last_written}')}: the day you last wrote to them" in said
    assert plain_markdown("{my_first_name}") not in said
    [settings] = [link for link in at.main.get("page_link") if "Settings" in link.proto.label]
    assert settings.proto.label == "Fill in your role in Settings"
    assert button(at, "Log as sent").disabled


def chosen_ana_with_a_draft(network) -> AppTest:
    """Ana chosen through a search, and words of the user's own typed into her draft."""
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("Ana Silva")
    run(at)
    through_maria(at)
    at.text_area(key=f"body_{network['ana']}_1").set_value("Hi Ana, my own words.")
    return run(at)


def test_a_search_that_finds_nobody_says_so_and_keeps_the_draft(network):
    at = chosen_ana_with_a_draft(network)
    at.text_input(key="outreach_find").set_value("zzzqx")
    run(at)
    assert (
        "No one matches “zzzqx”: try part of a first or last name, a company or a role."
        in captions(at)
    )
    assert "Ana Silva stays chosen, with your draft below." in captions(at)
    people = at.selectbox(key="outreach_contact")
    assert people.value == network["ana"]
    assert people.options == ["Ana Silva — Product lead at Acme Health"]
    assert at.text_area(key=f"body_{network['ana']}_1").value == "Hi Ana, my own words."


def test_the_person_chosen_before_a_search_comes_last_and_is_not_counted_as_found(network):
    at = chosen_ana_with_a_draft(network)
    at.text_input(key="outreach_find").set_value("maria")
    run(at)
    people = at.selectbox(key="outreach_contact")
    assert people.value == network["ana"]
    assert people.options == [
        "Maria Lopez — Globex",  # the one who matches, first
        "Ana Silva — Product lead at Acme Health",
    ]
    said = captions(at)
    assert "1 person matches, closest first." in said
    assert (
        "Ana Silva, not one of them, stays chosen at the end of the list, with your draft below."
        in said
    )
    assert "No one matches" not in said
    assert at.text_area(key=f"body_{network['ana']}_1").value == "Hi Ana, my own words."


def test_the_person_chosen_past_the_first_25_is_said_to_match(network):
    """Person26 Abara matches 'abara' too, but comes 27th: kept last, not called a stranger."""
    conn = db.connect(network["db"])
    for number in range(27):
        contacts.add_contact(conn, f"Person{number:02}", "Abara", company="Delta")
    conn.close()
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("person26")
    run(at)
    people = at.selectbox(key="outreach_contact")
    chosen = people.value
    assert people.options == ["Person26 Abara — Delta"]
    at.text_input(key="outreach_find").set_value("abara")
    run(at)
    people = at.selectbox(key="outreach_contact")
    assert (people.value, len(people.options)) == (chosen, 26)
    assert people.options[-1] == "Person26 Abara — Delta"
    said = captions(at)
    assert "Showing the first 25 of 27, closest first — type more of the name." in said
    assert (
        "Person26 Abara is one of them too, past the first 25 shown, and stays chosen at the "
        "end of the list, with your draft below." in said
    )
    assert "not one of them" not in said


def test_a_search_finding_the_chosen_person_says_nothing_about_keeping_them(network):
    at = chosen_ana_with_a_draft(network)
    at.text_input(key="outreach_find").set_value("silva")
    run(at)
    assert at.selectbox(key="outreach_contact").value == network["ana"]
    assert "1 person matches, closest first." in captions(at)
    assert "stays chosen" not in captions(at)


def test_follow_ups_say_how_many_of_how_many_are_shown(network):
    conn = db.connect(network["db"])
    wrote = date.today() - timedelta(days=14)  # 10 business days: the follow-up is due
    for number in range(27):
        person = contacts.add_contact(conn, f"Person{number:02}", "Abara", company="Delta")
        interactions.log_interaction(conn, person, "outreach", occurred_at=wrote)
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=wrote)
    conn.close()
    at = run(outreach_page())
    at.radio(key="outreach_kind").set_value("follow_up")
    run(at)
    assert len(at.selectbox(key="outreach_contact").options) == 25
    assert (
        "The first 25 of 28 people due a follow-up, written to longest ago first; "
        "type a name to narrow the list." in captions(at)
    )
    at.text_input(key="outreach_find").set_value("person2 abara")  # 20 to 26
    run(at)
    assert len(at.selectbox(key="outreach_contact").options) == 7
    assert "7 people due a follow-up by that name, written to longest ago first." in captions(at)
    at.text_input(key="outreach_find").set_value("zzzqx")
    run(at)
    assert "No one is due a follow-up by that name" in captions(at)


# --- finding the right person, and defaults that fit them ------------------------------------


def test_the_person_box_is_picked_from_and_the_search_is_find_a_person(network):
    """Typing into the Person box only ever searched the 25 people it held: it takes no typing,
    and says where to search."""
    at = run(outreach_page())
    people = at.selectbox(key="outreach_contact")
    assert people.proto.filter_mode == FILTER_MODE_NONE
    assert "Find a person" in people.proto.placeholder
    assert "Find a person" in people.proto.help


def test_among_equal_matches_the_one_at_a_target_comes_first(network):
    conn = db.connect(network["db"])
    targets.add_company(conn, "Indigo Robotics", motivation=2)
    contacts.add_contact(conn, "Edda", "Abara", company="Harbor Motors")
    indigo = contacts.add_contact(conn, "Edda", "Abara", company="Indigo Robotics")
    conn.close()
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("Edda Abara")
    run(at)
    people = at.selectbox(key="outreach_contact")
    assert people.options == ["Edda Abara — Indigo Robotics", "Edda Abara — Harbor Motors"]
    assert "2 people match, closest first, then those at your targets" in captions(at)
    people.set_value(indigo)
    run(at)
    assert at.text_area(key=f"body_{indigo}_3").value.startswith("Hi Edda,")


def test_someone_introduced_to_you_is_suggested_first(network):
    """After a debrief names Jonas ('write to them from the Outreach page'), he heads the list
    though his company is no target, and the label says who introduced him."""
    conn = db.connect(network["db"])
    targets.add_company(conn, "Acme Health", motivation=3)
    contacts.add_contact(conn, "Aino", "Aalto", company="Acme Health")
    contacts.add_contact(conn, "Jonas", "Weber", company="Umbra", referred_by=network["maria"])
    conn.close()
    at = run(outreach_page())
    people = at.selectbox(key="outreach_contact")
    assert people.options[0] == "Jonas Weber — Umbra · introduced by Maria Lopez"
    assert len(people.options) == 3  # then Aino and Ana at Acme Health
    said = (
        "3 people not yet contacted: 1 person introduced to you, then those at your targets, "
        "best first; type a name to find anyone."
    )
    assert said in captions(at)


def test_a_list_of_introductions_alone_says_so_when_it_is_cut(network):
    """Found by review: with more people introduced than the list holds, it read '25 people
    introduced to you, then those at your targets', and no one at a target was on it."""
    conn = db.connect(network["db"])
    targets.add_company(conn, "Acme Health", motivation=3)
    for number in range(outreach.RECIPIENTS_SHOWN + 1):
        contacts.add_contact(
            conn, "Person", f"Introduced {number}", company="Umbra", referred_by=network["maria"]
        )
    conn.close()
    at = run(outreach_page())
    assert (
        f"The first {outreach.RECIPIENTS_SHOWN} people introduced to you and not yet contacted;"
        " type a name to find anyone."
    ) in captions(at)


def test_without_an_email_address_the_channel_is_linkedin(network):
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["maria"]  # no address on file
    run(at)
    assert "no email address on file" in captions(at)
    assert at.selectbox(key=f"outreach_channel_{network['maria']}").value == "linkedin"
    at.selectbox(key="outreach_contact").set_value(network["ana"])
    run(at)
    assert at.selectbox(key=f"outreach_channel_{network['ana']}").value == "email"


def test_a_connection_never_spoken_to_is_not_greeted_as_an_old_friend(network):
    """Maria is a 1st-degree connection with nothing on record: the draft makes no claim that
    you have spoken, and the page says which template to pick if you have."""
    at = outreach_page()
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = network["maria"]
    run(at)
    assert at.selectbox(key="outreach_template").value == 3  # cold, after reading their work
    body = at.text_area(key=f"body_{network['maria']}_3").value
    assert "since we spoke" not in body
    assert (
        "Maria is a 1st-degree contact, which may not mean you have spoken, so this draft "
        "does not say you know each other. If you do, pick “Someone you already know”."
    ) in captions(at)
    at.selectbox(key="outreach_template").set_value(5)
    run(at)
    assert "may not mean you have spoken" not in captions(at)


def test_a_blank_profile_makes_who_you_are_worth_a_look_not_a_mistake(app_db):
    """The cold template's 'I'm {my_name}, {my_role}' waits for Settings: the checklist says
    so, with the weight of the other unfilled points, and the way to Settings is there."""
    at, _ = draft_for_bo(app_db)
    page = shown(at)
    assert "**Who you are** · Worth a look" in page
    assert (
        plain_markdown("Add your name, role and focus in Settings, and the draft fills them in.")
        in page
    )
    assert "Fix this" not in page
    [settings] = [link for link in at.main.get("page_link") if "Settings" in link.proto.label]
    assert settings.proto.label == "Fill in your name, role and focus in Settings"


def test_people_of_the_same_name_are_told_apart_in_the_picker(app_db):
    """Two Kim Parks with no company read the same: each label says when you connected or
    when they were added; the one with a position needs nothing more."""
    conn = db.connect(app_db)
    linked = contacts.add_contact(conn, "Kim", "Park")
    by_hand = contacts.add_contact(conn, "Kim", "Park")
    contacts.add_contact(conn, "Kim", "Park", position="Nurse")
    conn.execute("UPDATE contacts SET connected_on = DATE '2024-03-03' WHERE id = ?", [linked])
    conn.execute(
        "UPDATE contacts SET created_at = TIMESTAMP '2026-11-20 09:00' WHERE id = ?", [by_hand]
    )
    conn.close()
    at = outreach_page()
    run(at)
    at.text_input(key="outreach_find").set_value("kim")
    run(at)
    assert sorted(at.selectbox(key="outreach_contact").options) == [
        "Kim Park — Nurse",
        "Kim Park — added 20 Nov 2026",
        "Kim Park — connected 3 Mar 2024",
    ]
    at.selectbox(key="outreach_contact").set_value(by_hand)
    run(at)
    assert any(c.value.startswith("Kim Park — added 20 Nov 2026 · 1st degree") for c in at.caption)


def test_namesakes_nothing_else_tells_apart_read_differently_in_the_picker(app_db):
    """Two Jo Lis added by hand the same day, no company, title or email: the picker showed
    two identical "Jo Li — added …" labels. The degree tells them apart when it differs, and
    their order when nothing does; the person chosen is the one whose label was picked."""
    conn = db.connect(app_db)
    first = contacts.add_contact(conn, "Jo", "Li")
    second = contacts.add_contact(conn, "Jo", "Li", degree="2nd", mutual_contact_id=first)
    twins = [contacts.add_contact(conn, "Bo", "Ek") for _ in range(2)]
    conn.execute(
        "UPDATE contacts SET created_at = TIMESTAMP '2026-11-20 09:00' WHERE id IN (?, ?, ?, ?)",
        [first, second, *twins],
    )
    conn.close()
    at = outreach_page()
    run(at)
    at.text_input(key="outreach_find").set_value("jo li")
    run(at)
    picker = at.selectbox(key="outreach_contact")
    assert picker.options == [  # the closest degree first
        "Jo Li — added 20 Nov 2026, 1st degree",
        "Jo Li — added 20 Nov 2026, 2nd degree",
    ]
    at.text_input(key="outreach_find").set_value("bo ek")
    run(at)
    picker = at.selectbox(key="outreach_contact")
    assert sorted(picker.options) == [
        "Bo Ek — added 20 Nov 2026, first of 2 that day",
        "Bo Ek — added 20 Nov 2026, second of 2 that day",
    ]
    picker.set_value(twins[1])
    run(at)
    assert any(
        c.value.startswith("Bo Ek — added 20 Nov 2026, second of 2 that day · 1st degree")
        for c in at.caption
    )


def test_namesakes_whose_position_and_company_read_alike_get_labels_of_their_own(app_db):
    """'Engineer at Acme' with no company and 'Engineer' at Acme both read "Zed Quux —
    Engineer at Acme": the picker showed two identical labels."""
    conn = db.connect(app_db)
    titled = contacts.add_contact(conn, "Zed", "Quux", position="Engineer at Acme")
    at_acme = contacts.add_contact(conn, "Zed", "Quux", company="Acme", position="Engineer")
    conn.execute("UPDATE contacts SET connected_on = DATE '2025-06-02' WHERE id = ?", [at_acme])
    conn.execute(
        "UPDATE contacts SET created_at = TIMESTAMP '2026-11-20 09:00' WHERE id = ?", [titled]
    )
    conn.close()
    at = outreach_page()
    run(at)
    at.text_input(key="outreach_find").set_value("zed")
    run(at)
    picker = at.selectbox(key="outreach_contact")
    assert sorted(picker.options) == [
        "Zed Quux — Engineer at Acme, added 20 Nov 2026",
        "Zed Quux — Engineer at Acme, connected 2 Jun 2025",
    ]
    picker.set_value(titled)
    run(at)
    assert "Zed Quux — Engineer at Acme, added 20 Nov 2026 · 1st degree" in captions(at)


@pytest.mark.parametrize(
    ("other_email", "expected"),
    [
        # one address for both: the degree tells them apart, the email follows once
        (
            "jo@a.com",
            "Jo Li — added 20 Nov 2026, 2nd degree · you both know Mia Ng · email: jo@a.com",
        ),
        # addresses of their own: the email is in the label, the degree after it
        ("jo@b.com", "Jo Li — added 20 Nov 2026, jo@a.com · 2nd degree · you both know Mia Ng"),
    ],
)
def test_the_caption_under_the_picker_says_each_fact_once(app_db, other_email, expected):
    """The label may hold the degree or the email that tells namesakes apart; the caption
    said them again ("Jo Li — added …, 2nd degree · 2nd degree · email: jo@a.com")."""
    conn = db.connect(app_db)
    mia = contacts.add_contact(conn, "Mia", "Ng")
    first = contacts.add_contact(
        conn, "Jo", "Li", email="jo@a.com", degree="2nd", mutual_contact_id=mia
    )
    second = contacts.add_contact(conn, "Jo", "Li", email=other_email)
    conn.execute(
        "UPDATE contacts SET created_at = TIMESTAMP '2026-11-20 09:00' WHERE id IN (?, ?)",
        [first, second],
    )
    conn.close()
    at = outreach_page()
    run(at)
    at.text_input(key="outreach_find").set_value("jo li")
    run(at)
    at.selectbox(key="outreach_contact").set_value(first)
    run(at)
    [facts] = [c.value for c in at.caption if c.value.startswith("Jo Li")]
    assert facts == plain_markdown(expected)


def test_a_notice_writes_both_its_days_with_their_weekday(network):
    """ "You wrote to Ana on 16 Nov 2026. … a follow-up is due on Tue 1 Dec 2026" wrote two
    days of one notice two ways; and "it will be on Follow-ups" left "it" unclear."""
    yesterday = date.today() - timedelta(days=1)
    conn = db.connect(network["db"])
    interactions.log_interaction(conn, network["ana"], "outreach", occurred_at=yesterday)
    conn.close()
    due = weekday_day(silence_noticed_on(yesterday, followups.FOLLOW_UP_AFTER))
    at = run(outreach_page())
    at.text_input(key="outreach_find").set_value("ana")
    run(at)
    assert plain_markdown(
        f"You wrote to Ana on {weekday_day(yesterday)}. If there is no answer, a follow-up is "
        f"due on {due}."
    ) in shown(at)
    assert plain_markdown("the follow-up will be on the Follow-ups page that day") in notice(at)
