import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, funnel, insights, interactions, meetings, profile, questions, ui
from infoint.text import day, moment, plain_markdown
from tests.conftest import copy_texts

ROOT = Path(__file__).resolve().parent.parent
MEETINGS = "pages/5_meetings.py"


def meetings_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(MEETINGS)
    return at


def run(at: AppTest, errors: int = 0) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert len(at.error) == errors, [e.value for e in at.error]
    return at


def shown(at: AppTest) -> str:
    """The markdown as the page wrote it: user text escaped, so escaping is checked too."""
    return " ".join(m.value for m in at.markdown)


def submit(at: AppTest, label: str, errors: int = 0) -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    button.click()
    return run(at, errors)


def choose_ana(at: AppTest) -> None:
    """The Person box starts empty: scheduling with someone is a choice, never a default."""
    at.selectbox(key="schedule_person").set_value(1)


def start_of_meeting(db_path) -> datetime:
    conn = db.connect(db_path)
    try:
        return meetings.get_meeting(conn, 1).starts_at
    finally:
        conn.close()


@pytest.fixture
def replied(app_db):
    """Ana replied and waits for a meeting; Ben is in the network, not contacted."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    contacts.add_contact(conn, "Ben", "Ode", company="Beta")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date.today() - timedelta(6))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date.today() - timedelta(5))
    conn.close()
    return app_db


def written_in_1990(db_path) -> None:
    """Ana written to on 1 Mar 1990 too: a meeting is not dated before the first message to
    its person, and the tests of days years back, or of many past meetings, date hers before
    the outreach of last week."""
    conn = db.connect(db_path)
    interactions.log_interaction(conn, 1, "outreach", occurred_at=date(1990, 3, 1))
    conn.close()


@pytest.fixture
def past_meeting(replied):
    """Ana's meeting was yesterday and is not debriefed yet; two questions were picked."""
    conn = db.connect(replied)
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    meeting = meetings.schedule_meeting(conn, 1, start, place="Café Blau")
    bank = questions.list_questions(conn, needs=("company",))
    meetings.save_prep(conn, meeting, question_ids=[bank[0].id, bank[1].id])
    conn.close()
    return replied


def test_empty_database_says_what_to_do(app_db):
    at = run(meetings_page())
    infos = " ".join(i.value for i in at.info)
    assert "No one is waiting for a meeting" in infos
    assert "No meetings yet" in infos
    assert not at.tabs
    onward = {link.proto.page for link in at.main.get("page_link")}
    assert {"outreach", "contacts"} <= onward


def test_schedule_a_meeting_with_someone_who_replied(replied):
    at = run(meetings_page())
    people = at.selectbox(key="schedule_person")
    assert people.options == ["Ana Lee — Acme"]  # only those who replied, when nothing is typed
    tomorrow = date.today() + timedelta(days=1)
    at.date_input(key="schedule_day").set_value(tomorrow)
    at.text_input(key="schedule_place").set_value("https://meet.example/ana")
    choose_ana(at)
    submit(at, "Schedule the meeting")
    assert "Scheduled with Ana Lee" in at.success[0].value
    conn = db.connect(replied)
    try:
        [meeting] = meetings.list_meetings(conn, 1)
    finally:
        conn.close()
    assert (meeting.promised_minutes, meeting.place) == (20, "https://meet.example/ana")
    assert meeting.starts_at.astimezone(UTC).date() == tomorrow  # profile time zone: UTC
    # the new meeting is the one being worked on, with its calendar file ready
    assert at.selectbox(key="meeting_pick").value == meeting.id
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download all upcoming meetings (.ics)", "Download this meeting (.ics)"]
    # nothing prepared for tomorrow yet: due now says so
    assert plain_markdown("Prepare for your meeting with Ana Lee (Acme)") in shown(at)
    # booked: Ana no longer waits for a meeting
    assert "No one is waiting for a meeting" in " ".join(i.value for i in at.info)


def test_the_person_box_starts_empty_and_scheduling_waits_for_a_choice(replied):
    """The walkthrough: the box started on the first who replied, and "Schedule the meeting"
    booked them without the user choosing anyone. Now it starts empty and asks for a choice."""
    at = run(meetings_page())
    people = at.selectbox(key="schedule_person")
    assert people.value is None
    assert people.placeholder == "Choose who you are meeting"
    submit(at, "Schedule the meeting", errors=1)
    assert at.error[0].value == "Choose who you are meeting first, in the Person box."
    assert not at.success
    conn = db.connect(replied)
    try:
        assert meetings.list_meetings(conn, 1) == []
    finally:
        conn.close()
    choose_ana(at)
    submit(at, "Schedule the meeting")
    assert at.success[0].value.startswith("Scheduled with Ana Lee — Acme for ")


def test_a_meeting_already_held_offers_no_calendar_file(past_meeting):
    """A calendar file is for a meeting still ahead; yesterday's, held or not yet debriefed,
    would only add noise to the user's calendar."""
    at = run(meetings_page())
    assert at.selectbox(key="meeting_pick").value is not None
    assert [b.proto.label for b in at.get("download_button")] == []


def test_search_finds_anyone_in_contacts(replied):
    at = run(meetings_page())
    at.text_input(key="schedule_search").set_value("beta")
    run(at)
    assert at.selectbox(key="schedule_person").options == ["Ben Ode — Beta"]


def test_prepare_with_questions_and_notes(past_meeting):
    at = run(meetings_page())
    at.text_area(key="prep_company_1").set_value("They build water sensors.")
    at.text_area(key="prep_person_1").set_value("Moved from teaching into design.")
    picker = at.multiselect(key="prep_questions_1")
    assert len(picker.value) == 2
    # after the two picked, the bank offers questions for the profile's focus (an occupation)
    assert picker.options[2].startswith("How has your kind of work changed")
    picker.select(1)
    at.button(key="save_prep_1").click()
    run(at)
    conn = db.connect(past_meeting)
    try:
        sheet = meetings.prep_sheet(conn, 1)
    finally:
        conn.close()
    assert sheet.company_notes == "They build water sensors."
    assert sheet.person_notes == "Moved from teaching into design."
    assert len(sheet.questions) == 3


def set_place(path, place: str) -> None:
    conn = db.connect(path)
    try:
        [(start, minutes)] = conn.execute(
            "SELECT starts_at, promised_minutes FROM meetings WHERE id = 1"
        ).fetchall()
        meetings.update_meeting(conn, 1, start, promised_minutes=minutes, place=place)
    finally:
        conn.close()


def test_the_meeting_says_where_in_words(past_meeting):
    """'by phone', not 'at Phone'; a video link stays, since it is what joins the call."""
    at = run(meetings_page())
    assert ", at Café Blau" in shown(at)
    set_place(past_meeting, "Phone")
    at = run(meetings_page())
    assert ", by phone" in shown(at) and "at Phone" not in shown(at)
    set_place(past_meeting, "https://meet.example.com/abc")
    at = run(meetings_page())
    assert ", on a video call\\: https\\://meet\\.example\\.com/abc" in shown(at)  # escaped


def test_a_question_a_web_search_answers_gets_a_hint(past_meeting):
    conn = db.connect(past_meeting)
    question = questions.add_question(conn, "Who are your main competitors?", "insights", "company")
    meetings.save_prep(conn, 1, question_ids=[question])
    conn.close()
    at = run(meetings_page())
    assert any("web search" in w.value for w in at.warning)


def test_debrief_naming_someone_adds_them_as_referred(past_meeting):
    at = run(meetings_page())
    assert plain_markdown("Record how the meeting with Ana Lee (Acme) went") in shown(at)
    sheet_rows = [t for t in at.text_area if t.key.startswith("answer_")]
    assert len(sheet_rows) == 2
    sheet_rows[0].set_value("Sensors everywhere, and data people to read them.")
    at.number_input(key="debrief_minutes_1").set_value(25)
    at.text_area(key="debrief_names_1").set_value("Bo Chen; Beta Labs; Head of Research")
    submit(at, "Save the debrief")
    submit(at, "Yes, add them and save")  # asked first: Bo would be a new contact
    assert "1 new contact introduced by Ana Lee" in at.success[0].value
    conn = db.connect(past_meeting)
    try:
        bo = conn.execute(
            "SELECT id, referred_by, degree, source FROM contacts WHERE first_name = 'Bo'"
        ).fetchall()
        meeting = meetings.get_meeting(conn, 1)
        counts = {c.stage: c.count for c in funnel.stage_counts(conn)}
        notes = meetings.prep_sheet(conn, 1).company_notes
    finally:
        conn.close()
    assert [row[1:] for row in bo] == [(1, "2nd", "referral")]
    assert (meeting.status, meeting.actual_minutes) == ("held", 25)
    assert counts["referred"] == 1
    assert "Sensors everywhere" in notes
    # next: the thank-you draft is ready and can be logged
    assert at.text_input(key="thanks_subject_1").value == "Thank you, Ana"
    draft = at.text_area(key="thanks_body_1").value
    assert "Bo Chen" in draft
    # no name in Settings yet: the draft is not signed blank, and the way to Settings is there
    assert draft.endswith("Thank you again,\n{my_first_name}")
    assert at.button(key="log_thanks_1").disabled
    assert plain_markdown("{my_first_name}") in at.warning[0].value
    [settings] = [link for link in at.main.get("page_link") if "Settings" in link.proto.label]
    assert (settings.proto.label, settings.proto.page) == (
        "Fill in your name in Settings",
        "settings",
    )
    at.text_area(key="thanks_body_1").set_value(draft.replace("{my_first_name}", "Sam"))
    run(at)
    at.button(key="log_thanks_1").click()
    run(at)
    assert "Thank-you logged" in at.success[0].value
    conn = db.connect(past_meeting)
    try:
        kinds = [i.kind for i in interactions.list_interactions(conn, 1)]
    finally:
        conn.close()
    assert kinds.count("thank_you") == 1


def test_bad_name_list_shows_one_sentence_and_changes_nothing(past_meeting):
    at = run(meetings_page())
    at.text_area(key="debrief_names_1").set_value("Bo; Beta; Lead; Extra")
    submit(at, "Save the debrief", errors=1)
    assert "more than three parts" in at.error[0].value
    conn = db.connect(past_meeting)
    try:
        assert meetings.get_meeting(conn, 1).status == "scheduled"
        assert conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0] == 2
    finally:
        conn.close()


def test_add_a_question_to_the_bank(app_db):
    at = run(meetings_page())
    at.text_area(key="bank_new_text").set_value("What would you tell your younger self?")
    at.selectbox(key="bank_new_category").set_value("advice")
    submit(at, "Add to the bank")
    assert at.success[0].value == "Question added."
    conn = db.connect(app_db)
    try:
        texts = [q.text for q in questions.list_questions(conn, categories=("advice",))]
    finally:
        conn.close()
    assert "What would you tell your younger self?" in texts


def test_due_item_opens_its_meeting(past_meeting):
    conn = db.connect(past_meeting)
    later = meetings.schedule_meeting(conn, 2, datetime.now(UTC) + timedelta(days=7))
    meetings.save_prep(conn, later, question_ids=[], prep_notes="Ask about their move.")
    conn.close()
    at = run(meetings_page())
    assert at.selectbox(key="meeting_pick").value == later  # the next one comes first
    [due] = [b for b in at.button if b.key and b.key.startswith("due_")]
    assert due.label == "Record how it went"
    due.click()
    run(at)
    assert at.selectbox(key="meeting_pick").value == 1


def test_times_are_typed_in_the_chosen_time_zone(replied):
    at = run(meetings_page())
    at.selectbox(key="time_zone_pick").set_value("Asia/Tokyo")
    at.button(key="time_zone_save").click()
    run(at)
    assert at.success[0].value == "Meeting times are now shown in Tokyo (Asia), now UTC+9."
    at.date_input(key="schedule_day").set_value(date(2026, 12, 1))
    at.time_input(key="schedule_time").set_value(time(9, 0))
    choose_ana(at)
    submit(at, "Schedule the meeting")
    conn = db.connect(replied)
    try:
        [meeting] = meetings.list_meetings(conn, 1)
    finally:
        conn.close()
    assert meeting.starts_at == datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # Tokyo is UTC+9


def test_debrief_naming_a_contact_links_them_instead_of_adding_a_second(past_meeting):
    at = run(meetings_page())
    at.text_area(key="debrief_names_1").set_value("ben ode; Beta Ltd; Director\nCara Diaz")
    submit(at, "Save the debrief")
    submit(at, "Yes, add them and save")  # asked first: Cara would be a new contact
    message = at.success[0].value
    assert "1 new contact introduced by Ana Lee" in message
    assert (
        plain_markdown("Ben Ode was already in your contacts: now marked as introduced by Ana Lee.")
        in message
    )
    submit(at, "Save the debrief")  # again: nothing changes
    assert plain_markdown("Already introduced by Ana Lee: Ben Ode, Cara Diaz.") in (
        at.success[0].value
    )
    conn = db.connect(past_meeting)
    try:
        rows = conn.execute("SELECT first_name, referred_by FROM contacts ORDER BY id").fetchall()
    finally:
        conn.close()
    assert rows == [("Ana", None), ("Ben", 1), ("Cara", 1)]


def test_write_the_thank_you_lands_on_the_thank_you_draft(past_meeting):
    """From Follow-ups or from the page's own due list: the Thank you tab, open."""
    conn = db.connect(past_meeting)
    meetings.set_outcome(conn, 1, "held", actual_minutes=20)
    conn.execute("UPDATE meetings SET starts_at = starts_at - INTERVAL 2 DAY")  # thank-you due
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/4_follow_ups.py")
    run(at)
    [write] = [b for b in at.button if b.label == "Write the thank-you"]
    write.click()
    run(at)
    assert at.title[0].value == "Meetings"
    assert at.session_state["meeting_tab"] == "Thank you"
    assert at.text_input(key="thanks_subject_1").value == "Thank you, Ana"
    # moving to another tab, then the page's own due button opens the draft again
    at.switch_page("pages/5_meetings.py")  # AppTest's next run would be the first page again
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    assert at.session_state["meeting_tab"] == "Prepare"
    [due] = [b for b in at.button if b.key and b.key.startswith("due_")]
    assert due.label == "Write the thank-you"
    due.click()
    run(at)
    assert at.session_state["meeting_tab"] == "Thank you"
    assert "Here it is, below." in at.success[0].value


def test_a_held_debrief_moves_on_to_the_thank_you(past_meeting):
    at = run(meetings_page())
    assert at.session_state["meeting_tab"] == "Debrief"  # yesterday's meeting, not recorded
    submit(at, "Save the debrief")
    assert "Next: the thank-you, on the “Thank you” tab." in at.success[0].value
    assert at.session_state["meeting_tab"] == "Thank you"


def test_a_few_minutes_over_is_said_kindly_with_units(past_meeting):
    conn = db.connect(past_meeting)
    meetings.set_outcome(conn, 1, "held", actual_minutes=25)
    conn.close()
    at = run(meetings_page())
    assert "25 minutes, 5 over the 20 you promised" in shown(at)
    # The sentence is Insights' (its wording is tested there: one meeting said as one).
    kept = insights.minutes_kept(ui.connection()).sentence
    assert "5 minutes over the 20 you promised" in kept
    assert f"**Keeping your word.** {kept}" in [c.value for c in at.caption]


def test_saving_the_prep_after_a_debrief_keeps_what_the_debrief_added(past_meeting):
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    assert at.text_area(key="prep_company_1").value == ""
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    answers = [t for t in at.text_area if t.key.startswith("answer_")]
    answers[0].set_value("They hire through their open-source community.")
    submit(at, "Save the debrief")
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    assert "open-source community" in at.text_area(key="prep_company_1").value
    at.button(key="save_prep_1").click()
    run(at)
    conn = db.connect(past_meeting)
    try:
        notes = meetings.prep_sheet(conn, 1).company_notes
    finally:
        conn.close()
    assert "open-source community" in notes


def test_a_meeting_still_ahead_cannot_be_debriefed_as_held(replied):
    conn = db.connect(replied)
    meetings.set_time_zone(conn, "UTC")
    meetings.schedule_meeting(conn, 1, datetime(2126, 12, 1, 10, tzinfo=UTC))
    conn.close()
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Debrief"
    run(at)
    assert "Save the debrief" not in [b.label for b in at.button]  # only "Mark it as cancelled"
    assert "Mark it as cancelled" in [b.label for b in at.button]
    assert not at.success
    conn = db.connect(replied)
    try:
        assert meetings.get_meeting(conn, 1).status == "scheduled"
        assert funnel.stage_counts(conn)[2].count == 0
    finally:
        conn.close()


def test_schedule_offers_the_next_business_day_and_says_when_a_start_is_past(replied):
    at = run(meetings_page())
    conn = db.connect(replied)
    try:
        suggested = meetings.suggested_start(conn)
    finally:
        conn.close()
    assert at.date_input(key="schedule_day").value == suggested.date()
    assert at.time_input(key="schedule_time").value == time(10, 0)
    at.date_input(key="schedule_day").set_value(date.today() - timedelta(days=2))
    choose_ana(at)
    submit(at, "Schedule the meeting")
    assert "That time has already passed: if you met, say how it went below" in (
        at.success[0].value
    )
    assert at.session_state["meeting_tab"] == "Debrief"


def test_zero_minutes_in_the_debrief_says_what_fits(past_meeting):
    at = run(meetings_page())
    at.number_input(key="debrief_minutes_1").set_value(0)
    submit(at, "Save the debrief", errors=1)
    assert at.error[0].value == "The actual time must be between 1 and 600 minutes."
    assert "From 1 to 600 minutes" in at.number_input(key="debrief_minutes_1").help
    conn = db.connect(past_meeting)
    try:
        assert meetings.get_meeting(conn, 1).status == "scheduled"
    finally:
        conn.close()


def test_the_change_tab_names_the_time_zone_as_scheduling_does(past_meeting):
    conn = db.connect(past_meeting)
    meetings.set_time_zone(conn, "Europe/Berlin")
    conn.close()
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    at.text_input(key="schedule_search").set_value("ana")  # booked: found by name only
    run(at)
    said = f"Time in {profile.zone_label(ZoneInfo('Europe/Berlin'), datetime.now(UTC))}"
    assert at.time_input(key="schedule_time").label == said
    assert at.time_input(key="change_time_1").label == said  # not "Time (Europe/Berlin)"


def test_saving_the_change_tab_unchanged_says_nothing_to_change(past_meeting):
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    submit(at, "Save the changes")
    assert not at.success
    assert [i.value for i in at.info if i.value == "Nothing to change."] == ["Nothing to change."]


def test_calendar_advice_only_for_a_meeting_still_ahead(past_meeting):
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    at.text_input(key="change_place_1").set_value("Café Rot")
    submit(at, "Save the changes")
    assert at.success[0].value == "Meeting changed."
    two_days_ahead = date.today() + timedelta(days=2)
    at.date_input(key="change_day_1").set_value(two_days_ahead)
    submit(at, "Save the changes")
    moved = start_of_meeting(past_meeting).astimezone(ZoneInfo("UTC"))  # the profile's zone
    assert moved.date() == two_days_ahead
    assert at.success[0].value == (
        f"Moved to {moment(moved)}. Download its calendar file again for your calendar."
    )
    at.text_input(key="change_place_1").set_value("Café Grün")  # ahead, at the same time
    submit(at, "Save the changes")
    assert at.success[0].value == (
        "Meeting changed. Download its calendar file again for your calendar."
    )


def test_the_schedule_form_stays_closed_while_something_is_due(past_meeting):
    at = run(meetings_page())
    [due] = [b for b in at.button if b.key and b.key.startswith("due_")]
    assert due.label == "Record how it went"  # nothing ahead, but the debrief is due
    [schedule] = [e for e in at.expander if e.label == "Schedule a meeting"]
    assert not schedule.proto.expanded


def test_the_schedule_form_opens_when_nothing_is_ahead_or_due(replied):
    at = run(meetings_page())
    [schedule] = [e for e in at.expander if e.label == "Schedule a meeting"]
    assert schedule.proto.expanded


@pytest.fixture
def thanks_due(past_meeting):
    """Ana's meeting yesterday was held, no name in Settings yet; Ben's is tomorrow, so the
    page opens on his meeting unless told otherwise."""
    conn = db.connect(past_meeting)
    meetings.set_outcome(conn, 1, "held", actual_minutes=20)
    meetings.schedule_meeting(conn, 2, datetime.now(UTC) + timedelta(days=1))
    conn.close()
    return past_meeting


def thank_ana(at: AppTest) -> AppTest:
    """Open Ana's meeting, which lands on its thank-you draft."""
    run(at)
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.session_state["meeting_tab"] == "Thank you"
    return at


def test_the_thank_you_being_written_survives_the_trip_to_settings(thanks_due, trip_to_settings):
    """Back from Settings: the same meeting, on its thank-you, with the words typed, the
    channel picked, and the {my_name} left in them (what the draft signed with before it took
    {my_first_name}: a draft kept from then still fills) filled with the name just saved."""
    at = thank_ana(meetings_page())
    mine = "Ana, the tip about the sensor team was gold. I owe you a coffee.\n{my_name}"
    at.text_input(key="thanks_subject_1").set_value("Thanks for Tuesday")
    at.text_area(key="thanks_body_1").set_value(mine)
    at.selectbox(key="thanks_channel_1").set_value("linkedin")
    run(at)
    trip_to_settings(at, "Sam Lee", MEETINGS)
    assert at.selectbox(key="meeting_pick").value == 1
    assert at.session_state["meeting_tab"] == "Thank you"
    assert at.text_input(key="thanks_subject_1").value == "Thanks for Tuesday"
    assert at.text_area(key="thanks_body_1").value == mine.replace("{my_name}", "Sam Lee")
    assert at.selectbox(key="thanks_channel_1").value == "linkedin"
    assert "Your edits are kept, with your details from Settings filled in." in [
        i.value for i in at.info
    ]
    assert not at.button(key="log_thanks_1").disabled


def test_an_untouched_thank_you_is_drafted_again_with_the_new_name(thanks_due, trip_to_settings):
    at = trip_to_settings(thank_ana(meetings_page()), "Sam Lee", MEETINGS)
    assert at.selectbox(key="meeting_pick").value == 1
    assert at.session_state["meeting_tab"] == "Thank you"
    conn = db.connect(thanks_due)
    fresh = meetings.thank_you_draft(conn, 1)
    conn.close()
    assert fresh[1].endswith("Thank you again,\nSam")
    assert (
        at.text_input(key="thanks_subject_1").value,
        at.text_area(key="thanks_body_1").value,
    ) == fresh
    assert not any("edits are kept" in i.value for i in at.info)


def test_leaving_from_another_tab_opens_the_next_meeting_as_before(thanks_due, trip_to_settings):
    """Only a thank-you in progress is kept: from the Prepare tab, the page opens afresh."""
    at = thank_ana(meetings_page())
    at.session_state["meeting_tab"] = "Prepare"
    run(at)
    trip_to_settings(at, "Sam Lee", MEETINGS)
    assert at.selectbox(key="meeting_pick").value == 2


def test_a_logged_thank_you_shows_what_was_sent_and_keeps_no_draft(thanks_due, trip_to_settings):
    """Once logged, the thank-you tab says when and how it went, with the words from the log,
    and offers no draft to log twice; the edited draft kept for the trip to Settings is gone,
    so a later visit does not bring it back."""
    at = thank_ana(meetings_page())
    mine = "Ana, the tip about the sensor team was gold.\nI owe you a coffee.\n{my_name}"
    at.text_input(key="thanks_subject_1").set_value("Thanks for Tuesday")
    at.text_area(key="thanks_body_1").set_value(mine)
    at.selectbox(key="thanks_channel_1").set_value("linkedin")
    run(at)
    trip_to_settings(at, "Sam Lee", MEETINGS)
    at.button(key="log_thanks_1").click()
    run(at)
    sent_on = f"You thanked Ana Lee on {day(date.today())} (LinkedIn)."

    def says_it_was_sent() -> None:
        assert at.session_state["meeting_tab"] == "Thank you"
        assert any(s.value.startswith(sent_on) for s in at.success), [s.value for s in at.success]
        assert plain_markdown("Thanks for Tuesday") in shown(at)
        assert plain_markdown("I owe you a coffee") in shown(at)
        assert plain_markdown("Sam Lee") in shown(at)
        assert not [box for box in at.text_area if box.key == "thanks_body_1"]
        assert not [b for b in at.button if b.key == "log_thanks_1"]
        assert "thanks_body_1" not in at.session_state[ui.KEPT_DRAFTS]

    assert "Thank-you logged" in at.success[0].value
    says_it_was_sent()
    at.switch_page("pages/1_targets.py")
    run(at)
    at.switch_page(MEETINGS)
    run(at)
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.session_state["meeting_tab"] == "Debrief"  # thanked: the next step is done
    at.session_state["meeting_tab"] = "Thank you"
    run(at)
    says_it_was_sent()
    # what is shown is what the log holds: corrected there, it reads corrected here
    conn = db.connect(thanks_due)
    [logged] = [i for i in interactions.list_interactions(conn, 1) if i.kind == "thank_you"]
    interactions.update_interaction(
        conn,
        logged.id,
        kind="thank_you",
        channel="email",
        occurred_at=logged.occurred_at,
        subject="Thank you for Tuesday",
        body=logged.body,
    )
    conn.close()
    run(at)
    assert any(s.value.startswith(sent_on.replace("LinkedIn", "Email")) for s in at.success)
    assert plain_markdown("Thank you for Tuesday") in shown(at)


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


@pytest.fixture
def many_meetings(replied):
    """Ana: 2 meetings ahead and 30 over in the last 30 days; Olle Timer: 2 long ago."""
    written_in_1990(replied)
    conn = db.connect(replied)
    olle = contacts.add_contact(conn, "Olle", "Timer", company="Zinc")
    now = datetime.now(UTC).replace(microsecond=0)
    for days in (2, 3):
        meetings.schedule_meeting(conn, 1, now + timedelta(days=days))
    for days in range(1, 31):
        meetings.schedule_meeting(conn, 1, now - timedelta(days=days))
    old = [meetings.schedule_meeting(conn, olle, now - timedelta(days=d)) for d in (200, 100)]
    conn.close()
    return old


def test_one_older_meeting_is_said_in_the_singular(replied):
    """'find the older one', never 'the 1 older ones'."""
    written_in_1990(replied)
    conn = db.connect(replied)
    now = datetime.now(UTC).replace(microsecond=0)
    for days in range(1, 32):  # the last 30 shown, the 31st days ago the one left out
        meetings.schedule_meeting(conn, 1, now - timedelta(days=days))
    conn.close()
    at = run(meetings_page())
    assert (
        "Nothing coming up · your last 30 past meetings; find the older one by the person's name."
        in captions(at)
    )


def test_the_meeting_list_says_what_it_holds_and_finds_older_ones(many_meetings):
    at = run(meetings_page())
    assert "2 meetings ahead of you, soonest first." in captions(at)
    assert (
        "2 coming up · your last 30 past meetings; find the 2 older ones by the person's name."
        in captions(at)
    )
    picker = at.selectbox(key="meeting_pick")
    assert len(picker.options) == 32 and not any("Olle" in o for o in picker.options)
    at.text_input(key="meeting_find").set_value("timer")
    run(at)
    picker = at.selectbox(key="meeting_pick")
    assert len(picker.options) == 2
    assert all(o.startswith("Olle Timer — ") for o in picker.options)
    assert all(o.endswith(" · scheduled · Zinc") for o in picker.options)
    assert picker.value == many_meetings[1]  # the newest of the two
    assert "2 meetings with people by that name, newest first." in captions(at)
    at.text_input(key="meeting_find").set_value("nobody")
    run(at)
    assert "No meeting with anyone by that name" in captions(at)
    assert not at.tabs


def test_few_meetings_need_no_word_about_older_ones(past_meeting):
    at = run(meetings_page())
    assert "Nothing coming up · 1 past meeting." in captions(at)


def test_a_new_search_opens_its_newest_meeting_after_a_thank_you_was_open(thanks_due):
    """The thank-you kept for the trip to Settings must not hold the picker against a search:
    typing a name brings up that person's newest meeting."""
    at = thank_ana(meetings_page())
    at.text_input(key="meeting_find").set_value("ben")
    run(at)
    picker = at.selectbox(key="meeting_pick")
    assert picker.value == 2


def test_the_thank_you_can_be_copied_or_opened_in_your_email_program(thanks_due):
    """As on Outreach: once nothing is left to fill, the draft as typed is in a box to copy
    and in a link that opens the email program addressed to them."""
    conn = db.connect(thanks_due)
    conn.execute("UPDATE contacts SET email = 'ana@example.org' WHERE id = 1")
    conn.close()
    at = thank_ana(meetings_page())
    assert not at.get("link_button") and not copy_texts(at)  # your name is left: nothing goes out
    assert any(i.value.startswith("Copying and your email program open once") for i in at.info)
    body = at.text_area(key="thanks_body_1")
    body.set_value(
        body.value.replace("{my_first_name}", "Sam") + "\nP.S. 20% of it was new to me & more"
    )
    run(at)
    [link] = at.get("link_button")
    assert link.proto.label == "Open in your email program"
    assert link.proto.url.startswith(
        "mailto:ana@example.org?subject=Thank%20you%2C%20Ana&body=Hi%20Ana%2C%0D%0A%0D%0AThank"
        "%20you%20for%20talking%20with%20me%20"
    )
    assert link.proto.url.endswith(
        "%0D%0ASam%0D%0AP.S.%2020%25%20of%20it%20was%20new%20to%20me%20%26%20more"
    )
    assert copy_texts(at) == [f"Subject: Thank you, Ana\n\n{body.value}"]


def test_the_thank_you_names_its_placeholders_as_outreach_does(thanks_due):
    """The thank-you is written in Outreach's placeholders: what is left of them is named as
    Outreach names it, and no line promises to fill words in a draft already filled."""
    at = thank_ana(meetings_page())
    assert at.text_area(key="thanks_body_1").value.endswith("Thank you again,\n{my_first_name}")
    [warning] = at.warning
    assert f"{plain_markdown('{my_first_name}')}: your first name, from Settings" in warning.value
    assert not any("Words in braces are filled in" in said for said in captions(at))


def test_a_name_placeholder_typed_into_the_thank_you_is_filled_from_settings(thanks_due):
    """With the name in Settings, {my_first_name} typed by hand needs no trip there: the box
    keeps it as typed, and what is copied and logged reads 'Sam'."""
    conn = db.connect(thanks_due)
    profile.save_profile(conn, name="Sam Lee", job_title="", focus_kind="occupation", focus="")
    conn.close()
    at = thank_ana(meetings_page())
    mine = "Ana, the tip about the sensor team was gold.\nBest,\n{my_first_name}"
    at.text_area(key="thanks_body_1").set_value(mine)
    run(at)
    assert at.text_area(key="thanks_body_1").value == mine
    assert not at.warning
    assert not [link for link in at.main.get("page_link") if "Settings" in link.proto.label]
    sent = mine.replace("{my_first_name}", "Sam")
    assert copy_texts(at) == [f"Subject: Thank you, Ana\n\n{sent}"]
    assert plain_markdown("In what you send, {my_first_name} reads “Sam”.") in [
        c.value for c in at.caption
    ]
    at.button(key="log_thanks_1").click()
    run(at)
    conn = db.connect(thanks_due)
    [logged] = [i for i in interactions.list_interactions(conn, 1) if i.kind == "thank_you"]
    conn.close()
    assert logged.body == sent


def test_each_meeting_shows_the_thank_you_written_for_it(thanks_due):
    """Ana was met three weeks ago too (meeting 3), not thanked; yesterday's meeting (1) was.
    Meeting 3 still offers its draft, not yesterday's thank-you; logged late from there, each
    meeting shows its own."""
    written_in_1990(thanks_due)
    conn = db.connect(thanks_due)
    profile.save_profile(conn, name="Sam Lee", job_title="", focus_kind="occupation", focus="")
    earlier = meetings.schedule_meeting(conn, 1, datetime.now(UTC) - timedelta(days=21))
    meetings.set_outcome(conn, earlier, "held", actual_minutes=20)
    meetings.log_thank_you(conn, 1, subject="Thanks for yesterday", body="It helped a lot.")
    conn.close()
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(earlier)
    run(at)
    assert at.session_state["meeting_tab"] == "Thank you"
    assert not [s for s in at.success if s.value.startswith("You thanked")]
    assert plain_markdown("Thanks for yesterday") not in shown(at)
    at.text_input(key=f"thanks_subject_{earlier}").set_value("Sorry this comes late")
    at.text_area(key=f"thanks_body_{earlier}").set_value("Thank you for your advice, Ana.")
    at.button(key=f"log_thanks_{earlier}").click()
    run(at)
    # Ana has no email address on file: logged as sent on LinkedIn, not by email
    sent_on = f"You thanked Ana Lee on {day(date.today())} (LinkedIn)."
    assert any(s.value.startswith(sent_on) for s in at.success)
    assert plain_markdown("Sorry this comes late") in shown(at)
    assert plain_markdown("Thanks for yesterday") not in shown(at)
    at.selectbox(key="meeting_pick").set_value(1)
    run(at)
    assert at.session_state["meeting_tab"] == "Debrief"  # thanked already
    at.session_state["meeting_tab"] = "Thank you"
    run(at)
    assert plain_markdown("Thanks for yesterday") in shown(at)
    assert plain_markdown("Sorry this comes late") not in shown(at)
    conn = db.connect(thanks_due)
    logged = conn.execute(
        "SELECT meeting_id, subject FROM interactions WHERE kind = 'thank_you' ORDER BY id"
    ).fetchall()
    conn.close()
    assert logged == [(1, "Thanks for yesterday"), (earlier, "Sorry this comes late")]


def test_any_typed_date_reaches_the_schedule_and_one_it_cannot_keep_is_refused(replied):
    """Seen in Chromium: 10/03/2014 typed turned the box red (Streamlit's default range is ten
    years either side), and the meeting was scheduled for the day offered instead. So the
    picker takes any day it can hold, and the domain refuses, in words, what it cannot keep."""
    written_in_1990(replied)
    at = run(meetings_page())
    picker = at.date_input(key="schedule_day")
    assert (picker.min, picker.max) == (date(1, 1, 1), date(9998, 12, 31))  # ui.day_input
    for typed, said in (
        (date(1, 1, 1), "The year 1 is out of reach: pick a date from 1900 to 2200."),
        (None, "Pick the meeting's date."),
    ):
        at.date_input(key="schedule_day").set_value(typed)
        choose_ana(at)
        submit(at, "Schedule the meeting", errors=1)
        assert at.error[0].value == said
        assert not at.success
    at.date_input(key="schedule_day").set_value(date(2014, 3, 10))
    choose_ana(at)
    submit(at, "Schedule the meeting")
    submit(at, "Yes, 10 Mar 2014 is right")  # so long ago, the year is asked about first
    assert at.success[0].value.startswith("Scheduled with Ana Lee — Acme for 10 Mar 2014, 10:00.")
    conn = db.connect(replied)
    try:
        [meeting] = meetings.list_meetings(conn, 1)
    finally:
        conn.close()
    assert meeting.starts_at.date() == date(2014, 3, 10)


def test_a_change_to_a_date_it_cannot_keep_is_refused_and_the_meeting_stays(past_meeting):
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    picker = at.date_input(key="change_day_1")
    assert (picker.min, picker.max) == (date(1, 1, 1), date(9998, 12, 31))
    picker.set_value(date(9998, 12, 31))  # the box's last day (9999 froze the browser's tab)
    submit(at, "Save the changes", errors=1)
    assert at.error[0].value == "The year 9998 is out of reach: pick a date from 1900 to 2200."
    conn = db.connect(past_meeting)
    try:
        assert meetings.get_meeting(conn, 1).starts_at.date() == date.today() - timedelta(days=1)
    finally:
        conn.close()


@pytest.fixture
def coming_meeting(replied):
    """Ana's meeting is in three days, at 10:00 (UTC, the profile's zone here)."""
    conn = db.connect(replied)
    meetings.set_time_zone(conn, "UTC")
    start = datetime.combine(date.today() + timedelta(days=3), time(10), tzinfo=UTC)
    meetings.schedule_meeting(conn, 1, start)
    conn.close()
    return replied


def test_moving_a_coming_meeting_to_1990_asks_first_then_says_where_it_went(coming_meeting):
    """A new user changed a coming meeting's year to 1990: "Meeting changed.", and it left
    Coming up and every reminder. Now the year is asked about before anything is saved."""
    written_in_1990(coming_meeting)
    was = start_of_meeting(coming_meeting)
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    at.date_input(key="change_day_1").set_value(date(1990, 3, 12))
    submit(at, "Save the changes")
    assert not at.success
    [question] = [w.value for w in at.warning if "1990" in w.value]
    assert question.startswith(f"**Meeting with {plain_markdown('Ana Lee (Acme)')}**\n\n")
    assert re.search(r"\n12 Mar 1990 is \d\d years ago: is the year right\?", question)
    assert start_of_meeting(coming_meeting) == was  # nothing saved yet
    # "No": the question goes, the meeting stays where it was
    submit(at, "No, let me fix the date")
    assert not [w for w in at.warning if "1990" in w.value]
    assert start_of_meeting(coming_meeting) == was
    submit(at, "Save the changes")
    submit(at, "Yes, 12 Mar 1990 is right")
    assert at.success[0].value == (
        "Moved to 12 Mar 1990, 10:00, in the past: record how it went below."
    )
    assert at.session_state["meeting_tab"] == "Debrief"
    assert at.selectbox(key="meeting_pick").value == 1
    assert start_of_meeting(coming_meeting) == datetime(1990, 3, 12, 10, tzinfo=UTC)
    assert not [w for w in at.warning if "1990" in w.value]


def year_questions(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if "1990" in w.value]


def test_a_year_question_goes_with_the_form_it_asked_about(replied):
    """Left for another page, the form came back with the suggested day, under the 1990
    question still open: its "Yes" booked a 1990 meeting the form no longer showed."""
    written_in_1990(replied)
    at = run(meetings_page())
    at.date_input(key="schedule_day").set_value(date(1990, 3, 12))
    choose_ana(at)
    submit(at, "Schedule the meeting")
    [question] = year_questions(at)
    assert question.startswith("**Meeting with Ana Lee — Acme**\n\n12 Mar 1990 is ")
    at.switch_page("pages/2_contacts.py")
    run(at)
    at.switch_page(MEETINGS)
    run(at)
    assert at.date_input(key="schedule_day").value != date(1990, 3, 12)  # the suggested day
    assert not year_questions(at)
    assert not [b for b in at.button if b.label.startswith("Yes, 12 Mar 1990")]
    conn = db.connect(replied)
    try:
        assert meetings.list_meetings(conn, 1) == []
    finally:
        conn.close()


def test_a_change_question_goes_when_its_meeting_is_shown_afresh(coming_meeting):
    """Another meeting picked and this one picked again: the Change form shows the meeting's
    own date again, and the question about 1990 goes with what was typed."""
    written_in_1990(coming_meeting)
    conn = db.connect(coming_meeting)
    ben = contacts.get_contact(conn, 2)
    later = datetime.combine(date.today() + timedelta(days=5), time(11), tzinfo=UTC)
    meetings.schedule_meeting(conn, ben.id, later)
    conn.close()
    was = start_of_meeting(coming_meeting)
    at = run(meetings_page())
    at.selectbox(key="meeting_pick").set_value(1)
    at.session_state["meeting_tab"] = "Change"
    run(at)
    at.date_input(key="change_day_1").set_value(date(1990, 3, 12))
    submit(at, "Save the changes")
    [question] = year_questions(at)
    assert question.startswith(
        f"**Meeting with {plain_markdown('Ana Lee (Acme)')}**\n\n12 Mar 1990 is "
    )
    at.selectbox(key="meeting_pick").set_value(2)
    run(at)
    at.selectbox(key="meeting_pick").set_value(1)
    at.session_state["meeting_tab"] = "Change"
    run(at)
    assert at.date_input(key="change_day_1").value == was.date()
    assert not year_questions(at)
    assert start_of_meeting(coming_meeting) == was


def test_moving_a_meeting_to_last_week_asks_nothing_and_says_so(coming_meeting):
    last_week = date.today() - timedelta(days=6)
    at = run(meetings_page())
    at.session_state["meeting_tab"] = "Change"
    run(at)
    at.date_input(key="change_day_1").set_value(last_week)
    submit(at, "Save the changes")
    assert at.success[0].value == (
        f"Moved to {day(last_week)}, 10:00, in the past: record how it went below."
    )
    assert at.session_state["meeting_tab"] == "Debrief"
    assert start_of_meeting(coming_meeting).date() == last_week


def test_scheduling_in_1990_asks_first(replied):
    written_in_1990(replied)
    at = run(meetings_page())
    at.date_input(key="schedule_day").set_value(date(1990, 3, 12))
    choose_ana(at)
    submit(at, "Schedule the meeting")
    assert not at.success
    [question] = [w.value for w in at.warning if "1990" in w.value]
    assert question.startswith("**Meeting with Ana Lee — Acme**\n\n")
    assert re.search(r"\n12 Mar 1990 is \d\d years ago: is the year right\?", question)
    conn = db.connect(replied)
    try:
        assert meetings.list_meetings(conn, 1) == []
    finally:
        conn.close()
    submit(at, "Yes, 12 Mar 1990 is right")
    assert at.success[0].value.startswith("Scheduled with Ana Lee — Acme for 12 Mar 1990, 10:00.")
    assert start_of_meeting(replied).date() == date(1990, 3, 12)


def test_the_prep_list_counts_the_questions_picked_and_offers_no_select_all(past_meeting):
    at = run(meetings_page())
    picker = at.multiselect(key="prep_questions_1")
    assert picker.label == "Pick four or five: 20 minutes go quickly"
    assert picker.proto.select_all == 0  # "Select all" would pick the whole bank
    assert "2 picked: four or five fit in 20 minutes." in [c.value for c in at.caption]
    conn = db.connect(past_meeting)
    try:
        offered = questions.list_questions(conn, needs=(questions.default_need(conn),))
    finally:
        conn.close()
    picker.set_value([*picker.value, *[q.id for q in offered if q.id not in picker.value][:5]])
    run(at)
    assert (
        "7 picked: about four or five fit in 20 minutes, so ask the ones that matter most first."
        in [c.value for c in at.caption]
    )
