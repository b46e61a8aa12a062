import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.proto.Dataframe_pb2 import Dataframe as DataframeProto
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Selectbox

from infoint import contacts, db, funnel, interactions, meetings, profile, targets, text
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent


def contacts_page(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/2_contacts.py")
    at.query_params.update(query)
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    """The main area's text as the page wrote it: user text escaped, so escaping is checked."""
    texts = [m.value for m in at.main.markdown] + [c.value for c in at.main.caption]
    return " ".join(texts)


def stage_counts(path: Path) -> list[int]:
    conn = db.connect(path)
    try:
        return [s.count for s in funnel.stage_counts(conn)]
    finally:
        conn.close()


@pytest.fixture
def people(app_db):
    conn = db.connect(app_db)
    ann = contacts.add_contact(
        conn, "Ann", "Lee", company="Acme", position="Human Resources Manager"
    )
    ids = {
        "ann": ann,
        "bob": contacts.add_contact(
            conn,
            "Bob",
            "Stone",
            company="Acme",
            position="Engineer",
            degree="2nd",
            mutual_contact_id=ann,
        ),
        "cara": contacts.add_contact(
            conn, "Cara", "Diaz", company="Globex", position="Head of Human Resources"
        ),
    }
    interactions.log_interaction(
        conn, ids["cara"], "outreach", occurred_at=date(2026, 3, 2), subject="Coffee?"
    )
    conn.close()
    return ids


def test_empty_database_leads_to_import_or_demo_data(app_db):
    at = run(contacts_page())
    assert "No one in your network yet" in at.info[0].value
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links["Import your LinkedIn export"] == "import_export"
    # the demo's button is on Home (Settings has it too, though not as what to do first)
    assert links["Load the demo data on Home"] == ""


def test_with_target_companies_but_no_one_the_demo_is_in_settings(app_db):
    """Home welcomes with the demo's button only while it has no companies either."""
    conn = db.connect(app_db)
    targets.add_company(conn, "Acme")
    conn.close()
    at = run(contacts_page())
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links["Load the demo data in Settings"] == "settings"
    assert "Load the demo data on Home" not in links
    assert at.main.button(key="add_person").label == "Add this person"
    assert not at.main.dataframe


def test_search_narrows_the_rows_and_shows_each_step(people):
    at = run(contacts_page())
    assert len(at.dataframe[0].value) == 3
    assert "3 people" in shown(at)
    at.text_input(key="search_company").input("acme")
    run(at)
    assert sorted(at.dataframe[0].value["name"]) == ["Ann Lee", "Bob Stone"]
    at.text_input(key="search_position").input("human resources")
    run(at)
    assert list(at.dataframe[0].value["name"]) == ["Ann Lee"]
    trail = "3 people → company 'acme': 2 → position 'human resources': 1"
    assert f"**{plain_markdown(trail)}**" in shown(at)
    at.text_input(key="search_company").input("")
    at.multiselect(key="search_stages").select(1)
    run(at)
    assert list(at.dataframe[0].value["name"]) == ["Cara Diaz"]
    assert list(at.dataframe[0].value["stage"]) == ["Contacted"]
    at.text_input(key="search_position").input("astronaut")
    run(at)
    assert "No one matches all of these" in at.info[0].value


def test_opening_a_contact_shows_its_timeline(people):
    at = run(contacts_page())
    picker = at.selectbox(key="open_from_page_0")
    picker.select(people["cara"])
    run(at)
    assert at.query_params["contact"] == str(people["cara"])
    assert at.title[0].value == "Cara Diaz"
    assert "**2 Mar 2026** · " + plain_markdown("You reached out by email: Coffee?") in shown(at)
    at.button[0].click()  # back to the search
    run(at)
    assert at.title[0].value == "Contacts"
    assert len(at.dataframe[0].value) == 3


def test_a_rows_box_opens_that_person(people):
    """The box at the left of a row (or Shift+Space on the row, in Chromium) selects it."""
    at = run(contacts_page())
    table = at.dataframe[0]
    assert list(table.value["name"]) == ["Ann Lee", "Bob Stone", "Cara Diaz"]  # as they read
    assert "Tick the box at the left of a row to open that person" in shown(at)
    at.session_state[table.key] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    run(at)
    assert at.query_params["contact"] == str(people["bob"])
    assert at.title[0].value == "Bob Stone"
    at.button[0].click()  # back to the search: the pick is not made again
    run(at)
    assert at.title[0].value == "Contacts"


def test_moving_through_the_table_opens_no_one(people):
    """With cells selectable, the arrow keys moved the selected cell and each move reached
    the page: arrowing into a name opened that person (seen in Chromium). Rows alone are
    selectable now, so moving through the cells tells the page nothing."""
    at = run(contacts_page())
    table = at.dataframe[0]
    assert list(table.proto.selection_mode) == [DataframeProto.SelectionMode.SINGLE_ROW]
    assert table.proto.column_order[0] == "name"


def test_an_empty_cell_reads_as_a_dash(people):
    """People added by hand have no LinkedIn connection date: '—' in the table, not 'None'."""
    at = run(contacts_page())
    table = at.dataframe[0]
    assert table.value["connected_on"].isna().all()
    assert table.proto.placeholder == "—"


def test_another_page_can_hand_over_a_contact(people):
    at = contacts_page()
    at.session_state["open_contact"] = people["bob"]
    run(at)
    assert at.title[0].value == "Bob Stone"
    assert "Nothing logged yet" in at.info[0].value


def test_a_deep_link_to_a_deleted_contact_says_so(people):
    at = run(contacts_page(contact="999"))
    assert "no longer exists" in at.error[0].value


def test_logging_an_outreach_raises_contacted(people, app_db):
    assert stage_counts(app_db)[0] == 1
    at = contacts_page(contact=str(people["ann"]))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.text_input[0].input("Twenty minutes of your time?")
    at.button(key="FormSubmitter:log_{}-Log it".format(people["ann"])).click()
    run(at)
    assert stage_counts(app_db)[0] == 2
    today = db.connect(app_db)
    try:
        day = profile.now(today).date()
    finally:
        today.close()
    assert f"Logged: Outreach with Ann Lee on {day.day} {day:%b %Y}." in at.success[0].value


def test_logging_a_day_still_ahead_is_refused_and_keeps_what_was_typed(people, app_db):
    at = contacts_page(contact=str(people["ann"]))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    ahead = date(date.today().year + 3, 1, 1)  # ahead whenever the test runs, not only before 2030
    at.date_input[0].set_value(ahead)
    at.text_input[0].input("Twenty minutes of your time?")
    at.button(key="FormSubmitter:log_{}-Log it".format(people["ann"])).click()
    run(at)
    assert at.error[0].value == f"1 Jan {ahead.year} is still ahead: log it once it has happened."
    assert stage_counts(app_db)[0] == 1
    assert at.text_input[0].value == "Twenty minutes of your time?"


def test_logging_an_earlier_day_names_it(people, app_db):
    at = contacts_page(contact=str(people["ann"]))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    earlier = date.today() - timedelta(days=3)  # within a month: logged without a question
    at.date_input[0].set_value(earlier)
    at.button(key="FormSubmitter:log_{}-Log it".format(people["ann"])).click()
    run(at)
    assert f"Logged: Outreach with Ann Lee on {text.day(earlier)}." in at.success[0].value
    assert at.date_input[0].value != earlier  # the form starts afresh


def test_logging_the_same_interaction_twice_counts_it_once(people, app_db):
    ann = people["ann"]
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)

    earlier = date.today() - timedelta(days=3)

    def log(kind: str, subject: str) -> None:
        at.selectbox[0].set_value(kind)
        at.date_input[0].set_value(earlier)
        at.text_input[0].input(subject)
        at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
        run(at)

    log("outreach", "Coffee?")
    log("outreach", "Coffee?")  # a second click: the same entry again
    assert at.success[0].value == (
        f"Outreach with Ann Lee on {text.day(earlier)} was already logged: it counts once."
    )
    log("note", "Coffee?")  # a different entry the same day is its own
    assert at.success[0].value == f"Logged: Note with Ann Lee on {text.day(earlier)}."
    conn = db.connect(app_db)
    kinds = [x.kind for x in interactions.list_interactions(conn, ann)]
    conn.close()
    assert sorted(kinds) == ["note", "outreach"]


def test_a_reply_from_someone_never_written_to_is_refused_with_what_to_do(people, app_db):
    """The walkthrough: a reply dated 1 Jan 2020 for someone never written to was logged and
    made them Replied. Refused now in one sentence, nothing logged; once the message sent is
    logged, the reply is taken. A correction that would leave it unanswered is refused too."""
    bob = people["bob"]
    at = contacts_page(contact=str(bob))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)

    def log(kind: str, day: date, asked: bool = True) -> None:
        at.selectbox[0].set_value(kind)
        at.date_input[0].set_value(day)
        at.button(key=f"FormSubmitter:log_{bob}-Log it").click()
        run(at)
        if asked:
            yes_the_day_is_right(at, day)  # years back: asked about first

    log("reply", date(2020, 1, 1), asked=False)  # refused before any question on the year
    assert [e.value for e in at.error] == [
        "A reply answers a message, and none to this person is logged on or before "
        "1 Jan 2020: log the message you sent first, dated when you sent it."
    ]
    assert not at.warning
    assert not at.success
    assert stage_counts(app_db) == [1, 0, 0, 0, 0]  # Cara alone, written to
    log("outreach", date(2019, 12, 30))
    log("reply", date(2020, 1, 1))
    assert at.success[0].value == "Logged: Reply with Bob Stone on 1 Jan 2020."
    assert stage_counts(app_db) == [2, 1, 0, 0, 0]

    # Fix something logged by mistake: the outreach moved after the reply is refused.
    conn = db.connect(app_db)
    sent = next(x for x in interactions.list_interactions(conn, bob) if x.kind == "outreach")
    conn.close()
    at.selectbox(key=f"fix_{bob}").set_value(sent.id)
    run(at)
    at.date_input[1].set_value(date(2020, 1, 2))
    at.button(key=f"FormSubmitter:fix_form_{sent.id}-Save the correction").click()
    run(at)
    yes_the_day_is_right(at, date(2020, 1, 2))
    assert [e.value for e in at.error] == [
        "Their reply of 1 Jan 2020 answers this message: keep this message on or before that "
        "day, or correct that reply first."
    ]
    conn = db.connect(app_db)
    assert interactions.get_interaction(conn, sent.id).occurred_at.date() == date(2019, 12, 30)
    conn.close()


def test_a_refused_removal_closes_its_question_and_says_why_in_its_place(people, app_db):
    """Seen in the browser: 'Yes, remove it' on a message a reply answers showed the refusal
    below the fold, under the question and its yes, still open. The question closes and the
    refusal shows where it was."""
    bob = people["bob"]
    conn = db.connect(app_db)
    sent = interactions.log_interaction(conn, bob, "outreach", occurred_at=date(2019, 12, 30))
    interactions.log_interaction(conn, bob, "reply", occurred_at=date(2020, 1, 1))
    conn.close()
    at = contacts_page(contact=str(bob))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.selectbox(key=f"fix_{bob}").set_value(sent)
    run(at)
    at.button(key=f"remove_interaction_{sent}").click()
    run(at)
    assert [w.value for w in at.warning] == [
        "Remove this interaction for good? Your funnel will count it no more."
    ]
    at.button(key=f"remove_interaction_{sent}_confirm").click()
    run(at)
    assert [e.value for e in at.error] == [
        "Their reply of 1 Jan 2020 answers this message: correct or remove that reply first."
    ]
    assert not at.warning
    assert not [b for b in at.button if b.label in ("Yes, remove it", "Cancel")]
    conn = db.connect(app_db)
    assert interactions.get_interaction(conn, sent).kind == "outreach"
    conn.close()
    run(at)  # and it stays closed
    assert not at.warning and not at.error


def test_a_meeting_scheduled_here_points_to_meetings_to_prepare(people, app_db):
    at = contacts_page(contact=str(people["cara"]))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    ahead = date(date.today().year + 3, 3, 10)
    at.date_input[0].set_value(ahead)
    at.button(key=f"FormSubmitter:schedule_{people['cara']}-Schedule").click()
    run(at)
    assert at.success[0].value.endswith(". Prepare it on Meetings.")


def test_marking_a_meeting_held_raises_met(people, app_db):
    at = contacts_page(contact=str(people["cara"]))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    at.date_input[0].set_value(date(2026, 3, 10))  # a meeting logged after the fact
    at.text_input[0].input("Café Blue")
    at.button(key=f"FormSubmitter:schedule_{people['cara']}-Schedule").click()
    run(at)
    [yes] = [b for b in at.button if b.label == "Yes, 10 Mar 2026 is right"]
    yes.click()
    run(at)
    assert at.success[0].value == (
        "Scheduled with Cara Diaz for 10 Mar 2026, 10:00. That time has already passed: if you"
        " met, say how it went below; if not, change its date."
    )
    assert stage_counts(app_db)[2] == 0
    at.radio[0].set_value("held")
    at.number_input[1].set_value(25)
    at.button(key=f"FormSubmitter:outcome_{people['cara']}-Save the outcome").click()
    run(at)
    assert stage_counts(app_db)[2] == 1
    conn = db.connect(app_db)
    (meeting,) = meetings.list_meetings(conn, people["cara"])
    starts = meeting.starts_at.astimezone(meetings.time_zone(conn))
    conn.close()
    assert (meeting.status, meeting.actual_minutes, meeting.promised_minutes) == ("held", 25, 20)
    assert (meeting.place, starts.hour, starts.minute) == ("Café Blue", 10, 0)


def click(at: AppTest, label: str) -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    button.click()
    return run(at)


def yes_the_day_is_right(at: AppTest, day: date) -> AppTest:
    """Answer the question a day long ago asks; fails when none was asked."""
    return click(at, f"Yes, {text.day(day)} is right")


def cara_meetings(app_db, cara: int) -> list[datetime]:
    conn = db.connect(app_db)
    try:
        return [m.starts_at for m in meetings.list_meetings(conn, cara)]
    finally:
        conn.close()


def written_to_in_1990(app_db, cara: int) -> None:
    """A first message in 1990: a meeting in March 1990 is not before it."""
    conn = db.connect(app_db)
    interactions.log_interaction(conn, cara, "outreach", occurred_at=date(1990, 3, 1))
    conn.close()


def schedule_in_1990(cara: int) -> AppTest:
    """Cara's record, a meeting typed in for 12 Mar 1990 and Schedule clicked."""
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    at.date_input[0].set_value(date(1990, 3, 12))
    at.button(key=f"FormSubmitter:schedule_{cara}-Schedule").click()
    return run(at)


def test_scheduling_in_1990_asks_first_as_meetings_does(people, app_db):
    """A typo'd year booked a meeting at once, gone from Coming up and every reminder: now a
    start more than 30 days back is asked about before anything is saved. (Cara written to in
    1990 too: a meeting is not dated before the first message to its person.)"""
    cara = people["cara"]
    written_to_in_1990(app_db, cara)
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    at.date_input[0].set_value(date(1990, 3, 12))
    at.text_input[0].input("Café Blue")
    at.button(key=f"FormSubmitter:schedule_{cara}-Schedule").click()
    run(at)
    assert not at.success
    [question] = [w.value for w in at.warning if "1990" in w.value]
    assert question.startswith("**Meeting with Cara Diaz**\n\n")
    assert re.search(r"\n12 Mar 1990 is \d\d years ago: is the year right\?", question)
    assert cara_meetings(app_db, cara) == []
    # "No": the question goes, nothing is saved, and what was typed is there to fix
    click(at, "No, let me fix the date")
    assert not [w for w in at.warning if "1990" in w.value]
    assert cara_meetings(app_db, cara) == []
    assert (at.date_input[0].value, at.text_input[0].value) == (date(1990, 3, 12), "Café Blue")
    at.button(key=f"FormSubmitter:schedule_{cara}-Schedule").click()
    run(at)
    click(at, "Yes, 12 Mar 1990 is right")
    assert at.success[0].value.startswith("Scheduled with Cara Diaz for 12 Mar 1990, 10:00.")
    [start] = cara_meetings(app_db, cara)
    assert start.date() == date(1990, 3, 12)
    assert not [w for w in at.warning if "1990" in w.value]
    assert at.text_input[0].value == ""  # the form starts afresh once scheduled


def test_scheduling_before_the_first_message_is_refused_at_once_as_meetings_does(people, app_db):
    """Cara was first written to on 2 Mar 2026: 1990 is refused in one sentence, never asked
    about first (a "Yes" would only be refused after it), and nothing is booked."""
    cara = people["cara"]
    at = schedule_in_1990(cara)
    assert [e.value for e in at.error] == [
        "Your first message to this person is logged on 2 Mar 2026, and a meeting comes after "
        "it: pick 2 Mar 2026 or a later day, or correct that message first."
    ]
    assert not [w for w in at.warning if "1990" in w.value]
    assert cara_meetings(app_db, cara) == []


def test_a_year_question_goes_once_the_page_is_left(people, app_db):
    """Back from another page, the form shows the suggested day again: the 1990 question it
    asked is gone with what was typed, so its "Yes" can book nothing the form does not show."""
    cara = people["cara"]
    written_to_in_1990(app_db, cara)
    at = schedule_in_1990(cara)
    [question] = [w.value for w in at.warning if "1990" in w.value]
    assert question.startswith("**Meeting with Cara Diaz**\n\n12 Mar 1990 is ")
    at.switch_page("pages/5_meetings.py")
    run(at)
    at.switch_page("pages/2_contacts.py")
    at.query_params.update(contact=str(cara))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    assert at.date_input[0].value != date(1990, 3, 12)  # the suggested day
    assert not [w for w in at.warning if "1990" in w.value]
    assert not [b for b in at.button if b.label.startswith("Yes, 12 Mar 1990")]
    assert cara_meetings(app_db, cara) == []


def test_scheduling_last_week_asks_nothing(people, app_db):
    cara = people["cara"]
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    last_week = date.today() - timedelta(days=6)
    at.date_input[0].set_value(last_week)
    at.button(key=f"FormSubmitter:schedule_{cara}-Schedule").click()
    run(at)
    assert at.success[0].value.startswith(f"Scheduled with Cara Diaz for {text.day(last_week)}")
    assert [s.date() for s in cara_meetings(app_db, cara)] == [last_week]


def test_a_note_is_not_asked_how_it_was_sent(people, app_db):
    """A note to self, or an opportunity, is no message: "How" (email, phone…) means nothing
    for it, and the timeline never says it."""
    ann = people["ann"]
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert "How" in [s.label for s in at.selectbox]
    at.selectbox[0].set_value("note")
    run(at)
    assert "How" not in [s.label for s in at.selectbox]
    at.text_input[0].input("Ask about the Lyon team")
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert at.success[0].value.startswith("Logged: Note with Ann Lee on ")
    conn = db.connect(app_db)
    [note] = interactions.list_interactions(conn, ann)
    conn.close()
    assert (note.kind, note.subject) == ("note", "Ask about the Lyon team")
    assert at.selectbox(key=f"fix_{ann}").options == [
        f"{text.day(note.occurred_at)} · Note Ask about the Lyon team"
    ]
    at.selectbox[0].set_value("reply")
    run(at)
    assert "How" in [s.label for s in at.selectbox]


def test_adding_a_person_by_hand_with_who_introduced_them(people, app_db):
    at = run(contacts_page())
    at.text_input(key="add_first").input("Dee")
    at.text_input(key="add_last").input("Park")
    at.text_input(key="add_company").input("Initech")
    at.radio(key="add_degree").set_value("2nd")
    at.text_input(key="add_referrer_typed").input("ann")
    run(at)
    at.selectbox(key="add_referrer_pick_ann").select(people["ann"])
    at.text_area(key="add_notes").input("Met at the spring meetup")
    at.button(key="add_person").click()
    run(at)
    assert at.title[0].value == "Dee Park"
    assert "Added Dee Park." in at.success[0].value
    conn = db.connect(app_db)
    found = contacts.find_contacts_by_name(conn, "dee park")
    dee = contacts.get_contact(conn, found[0][0])
    ann_stage = contacts.get_contact(conn, people["ann"]).stage
    conn.close()
    assert (dee.company, dee.degree, dee.source) == ("Initech", "2nd", "referral")
    assert (dee.referred_by_name, dee.notes) == ("Ann Lee", "Met at the spring meetup")
    assert ann_stage == 4  # introducing someone makes Ann Referred


def test_adding_a_nameless_person_is_refused(people, app_db):
    at = run(contacts_page())
    at.button(key="add_person").click()
    run(at)
    assert "first or last name" in at.error[0].value
    conn = db.connect(app_db)
    assert contacts.count_contacts(conn) == 3
    conn.close()


def test_editing_details_refuses_a_bad_email_and_saves_a_good_one(people, app_db):
    ann = people["ann"]
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Edit details"
    run(at)
    at.text_input(key=f"edit_email_{ann}").input("ann at home")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert at.error[0].value == (
        "'ann at home' does not look like an email address: check it, or leave it empty."
    )
    at.text_input(key=f"edit_email_{ann}").input("ann@home.example")
    at.text_input(key=f"edit_mutual_{ann}_typed").input("bob")
    run(at)
    at.selectbox(key=f"edit_mutual_{ann}_pick_bob").select(people["bob"])
    at.text_input(key=f"edit_tags_{ann}").input("alumni, warm")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert at.success[0].value == "Saved."
    conn = db.connect(app_db)
    saved = contacts.get_contact(conn, ann)
    conn.close()
    assert (saved.email, saved.mutual_contact_name, saved.tags) == (
        "ann@home.example",
        "Bob Stone",
        "alumni, warm",
    )
    assert "**Email:** ann@home\\.example" in [m.value for m in at.main.markdown]
    # The record describes the degree, naming the mutual contact: it asks for nothing.
    assert "**Degree:** 1st — you know them directly" in [m.value for m in at.main.markdown]


def test_the_record_names_a_2nd_degree_contacts_mutual_contact(people, app_db):
    conn = db.connect(app_db)
    ann = contacts.get_contact(conn, people["ann"])
    contacts.update_contact(
        conn,
        people["bob"],
        email="",
        degree="2nd",
        mutual_contact_id=people["ann"],
        referred_by=None,
        notes="",
        tags="",
    )
    conn.close()
    at = run(contacts_page(contact=str(people["bob"])))
    degree = [m.value for m in at.main.markdown if m.value.startswith("**Degree:**")]
    assert degree == [f"**Degree:** 2nd — you know them through {ann.name}"]
    assert "mutual contact)" not in shown(at)


def choose_by_label(box: Selectbox, label: str) -> None:
    """Choose an option as the browser does, by the label it shows. AppTest's `select` sends
    an option whose value is None (a picker's "Nobody") as no choice at all, which leaves the
    choice the picker started from."""
    assert label in box.options
    chosen = WidgetState(id=box.id, string_value=label)
    box.__class__ = type("ChosenByLabel", (type(box),), {"_widget_state": chosen})


def edit_tab(contact_id: int) -> AppTest:
    at = contacts_page(contact=str(contact_id))
    at.session_state["contact_tab"] = "Edit details"
    return run(at)


def test_changing_who_introduced_someone_is_saved_and_moves_referred(people, app_db):
    ann, bob = people["ann"], people["bob"]
    at = edit_tab(ann)
    picker = at.text_input(key=f"edit_referrer_{ann}_typed")
    assert picker.label == "Introduced by: who put you in touch"
    assert "Referred" in picker.help
    assert at.selectbox(key=f"edit_referrer_{ann}_pick_").value is None  # "Nobody" so far
    picker.input("bob")
    run(at)
    at.selectbox(key=f"edit_referrer_{ann}_pick_bob").select(bob)
    at.button(key=f"save_{ann}").click()
    run(at)
    assert at.success[0].value == "Saved."
    assert any(b.label == "Introduced by: Bob Stone" for b in at.button)
    conn = db.connect(app_db)
    saved, bob_stage = contacts.get_contact(conn, ann), contacts.get_contact(conn, bob).stage
    conn.close()
    assert (saved.referred_by, saved.referred_by_name) == (bob, "Bob Stone")
    assert bob_stage == 4  # introducing Ann makes Bob Referred


def test_clearing_who_introduced_someone(people, app_db):
    """Rae was added as introduced by Cara (as the Add form does); once the introducer is
    cleared, the page no longer says she came by an introduction: she was added by hand."""
    cara = people["cara"]
    conn = db.connect(app_db)
    rae = contacts.add_contact(conn, "Rae", "Moss", referred_by=cara, source="referral")
    conn.close()
    at = edit_tab(rae)
    assert "**From:** introduced by someone" in [m.value for m in at.main.markdown]
    chosen = at.selectbox(key=f"edit_referrer_{rae}_pick_")
    assert chosen.value == cara  # the picker starts from who is recorded
    choose_by_label(chosen, "Nobody")
    at.button(key=f"save_{rae}").click()
    run(at)
    assert at.success[0].value == "Saved."
    shown = [m.value for m in at.main.markdown]
    assert "**Introduced by:** —" in shown
    assert "**From:** added by hand" in shown
    conn = db.connect(app_db)
    saved = contacts.get_contact(conn, rae)
    [(referred_at,)] = conn.execute(
        "SELECT referred_at FROM contacts WHERE id = ?", [rae]
    ).fetchall()
    conn.close()
    assert (saved.referred_by, referred_at, saved.source) == (None, None, "manual")


def test_an_introducer_who_would_make_a_loop_is_refused_in_one_sentence(people, app_db):
    """Ann introduced Bob; naming Bob as Ann's introducer is refused, and nothing is saved."""
    ann, bob = people["ann"], people["bob"]
    conn = db.connect(app_db)
    contacts.update_contact(
        conn,
        bob,
        email="",
        degree="2nd",
        mutual_contact_id=None,
        referred_by=ann,
        notes="",
        tags="",
    )
    conn.close()
    at = edit_tab(ann)
    at.text_input(key=f"edit_referrer_{ann}_typed").input("bob")
    run(at)
    at.selectbox(key=f"edit_referrer_{ann}_pick_bob").select(bob)
    at.text_area(key=f"edit_notes_{ann}").input("not saved")
    at.button(key=f"save_{ann}").click()
    run(at)
    assert (
        at.error[0].value == "Bob Stone cannot have introduced Ann Lee, who led you to Bob Stone."
    )
    conn = db.connect(app_db)
    saved = contacts.get_contact(conn, ann)
    conn.close()
    assert (saved.referred_by, saved.notes) == (None, "")


def test_deleting_a_person_asks_first_and_mentions_backups(people, app_db):
    cara = people["cara"]
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.button(key=f"delete_person_{cara}").click()
    run(at)
    assert "backups" in at.warning[0].value
    conn = db.connect(app_db)
    assert contacts.count_contacts(conn) == 3  # nothing gone before the answer
    conn.close()
    at.button(key=f"delete_person_{cara}_confirm").click()
    run(at)
    assert "Cara Diaz was deleted" in at.success[0].value
    assert "backups" in at.success[0].value
    assert at.title[0].value == "Contacts"
    conn = db.connect(app_db)
    assert contacts.find_contacts_by_name(conn, "cara") == []
    assert conn.execute("SELECT count(*) FROM interactions").fetchall() == [(0,)]
    conn.close()


def test_merging_two_records_of_one_person(people, app_db):
    conn = db.connect(app_db)
    twin = contacts.add_contact(conn, "Cara", "Diaz", email="cara@globex.example")
    conn.close()
    cara = people["cara"]
    at = contacts_page(contact=str(twin))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.text_input(key=f"merge_{twin}_typed").input("cara")
    run(at)
    at.selectbox(key=f"merge_{twin}_pick_cara").select(cara)
    run(at)
    at.button(key=f"merge_{twin}_{cara}").click()
    run(at)
    at.button(key=f"merge_{twin}_{cara}_confirm").click()
    run(at)
    assert "Merged Cara Diaz into Cara Diaz: 1 interaction and" in at.success[0].value
    conn = db.connect(app_db)
    kept = contacts.get_contact(conn, twin)
    left = contacts.find_contacts_by_name(conn, "cara")
    conn.close()
    assert (kept.email, kept.company, kept.stage) == ("cara@globex.example", "Globex", 1)
    assert left == [(twin, "Cara Diaz — Globex")]


def test_removing_an_interaction_logged_by_mistake_asks_first(people, app_db):
    cara = people["cara"]
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert at.selectbox(key=f"fix_{cara}").options == ["2 Mar 2026 · Outreach (Email) Coffee?"]
    conn = db.connect(app_db)
    (fix_id,) = [item.id for item in interactions.list_interactions(conn, cara)]
    conn.close()
    at.selectbox(key=f"fix_{cara}").set_value(fix_id)
    run(at)
    at.button(key=f"remove_interaction_{fix_id}").click()
    run(at)
    assert "Remove this interaction for good?" in at.warning[0].value
    assert stage_counts(app_db)[0] == 1
    at.button(key=f"remove_interaction_{fix_id}_confirm").click()
    run(at)
    assert at.success[0].value == "Removed."
    assert stage_counts(app_db)[0] == 0


def test_names_with_markup_are_shown_as_typed(app_db):
    conn = db.connect(app_db)
    odd = contacts.add_contact(conn, "<img src=x onerror=alert(1)>", "*Bold* [link](http://x)")
    conn.close()
    at = run(contacts_page(contact=str(odd)))
    title = at.title[0].value
    assert "\\<img" in title and "\\*Bold\\*" in title and "\\[link\\]\\(http" in title
    assert title == plain_markdown("<img src=x onerror=alert(1)> *Bold* [link](http://x)")


def test_a_meeting_still_ahead_cannot_be_marked_held(people, app_db):
    conn = db.connect(app_db)
    meetings.set_time_zone(conn, "UTC")
    meetings.schedule_meeting(conn, people["cara"], datetime(2126, 12, 1, 10, tzinfo=UTC))
    conn.close()
    at = contacts_page(contact=str(people["cara"]))
    at.session_state["contact_tab"] = "Meetings"
    run(at)
    at.radio[0].set_value("held")
    at.button(key=f"FormSubmitter:outcome_{people['cara']}-Save the outcome").click()
    run(at)
    assert at.error[0].value == (
        "This meeting is on 1 Dec 2126, 10:00, still ahead: change its date first if it moved."
    )
    assert stage_counts(app_db)[2] == 0


@pytest.fixture
def crowd(app_db):
    """Fifty Abaras connected lately and Zed Young, connected first of all, last by name."""
    conn = db.connect(app_db)
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name, connected_on)"
        " SELECT 'abara' || n, 'Ada' || lpad(CAST(n AS VARCHAR), 2, '0'), 'Abara',"
        " DATE '2025-01-01' + CAST(n AS INTEGER) FROM range(50) AS t(n)"
    )
    zed = conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name, connected_on)"
        " VALUES ('zed', 'Zed', 'Young', DATE '2012-05-01') RETURNING id"
    ).fetchall()[0][0]
    conn.close()
    return zed


def test_sort_by_orders_everyone_before_the_page_is_cut(crowd):
    at = run(contacts_page())
    names = list(at.dataframe[0].value["name"])
    assert (names[0], names[-1], len(names)) == ("Ada00 Abara", "Ada49 Abara", 50)
    assert "Zed Young" not in names  # alone on page 2 by name
    notes = shown(at)
    assert "A click on a column header orders only the 50 people on this page" in notes
    assert "To order all 51, use Sort by" in notes
    assert at.main.get("page_link")[0].proto.page == "import_export"
    at.number_input(key="search_page").set_value(2)
    run(at)
    assert list(at.dataframe[0].value["name"]) == ["Zed Young"]
    at.selectbox(key="search_sort").set_value("oldest")
    run(at)
    assert at.number_input(key="search_page").value == 1  # a new order starts at its top
    names = list(at.dataframe[0].value["name"])
    assert names[:2] == ["Zed Young", "Ada00 Abara"]
    at.selectbox(key="search_sort").set_value("newest")
    run(at)
    assert list(at.dataframe[0].value["name"])[:2] == ["Ada49 Abara", "Ada48 Abara"]


def in_order(at: AppTest) -> list:
    """The main area's elements as the page shows them, top to bottom."""
    return [node for node in at.main if not hasattr(node, "children")]


def test_where_you_are_is_said_above_the_table(crowd):
    """Fifty rows are a scroll long: the count and the pager come before the rows."""
    at = run(contacts_page())
    shown_in_order = in_order(at)
    table = next(n for n, e in enumerate(shown_in_order) if e.type == "dataframe")
    above, below = shown_in_order[:table], shown_in_order[table + 1 :]
    # the count of pages in the caption: "Page (of 597)" took two lines in its column
    assert any(
        e.type == "caption" and e.value.startswith("Showing 1–50 of 51 (page 1 of 2).")
        for e in above
    )
    assert [e.label for e in above if e.type == "number_input"] == ["Page"]
    assert not any(e.type == "number_input" for e in below)  # one pager
    assert not any(e.type == "caption" and "Showing" in e.value for e in below)
    at.number_input(key="search_page").set_value(2)
    run(at)
    assert "Showing 51 of 51 (page 2 of 2)." in shown(at)
    assert list(at.dataframe[0].value["name"]) == ["Zed Young"]


def test_one_page_of_results_needs_no_warning_about_header_sorting(people):
    at = run(contacts_page())
    assert "column header" not in shown(at)
    assert at.selectbox(key="search_sort").value == "name"


def test_a_name_finder_cut_short_says_so(crowd):
    at = contacts_page(contact=str(crowd))
    at.session_state["contact_tab"] = "Merge or delete"
    run(at)
    at.text_input(key=f"merge_{crowd}_typed").input("abara")
    run(at)
    assert len(at.selectbox(key=f"merge_{crowd}_pick_abara").options) == 21  # none and 20
    assert "Showing the first 20 of 50 — type more of the name." in shown(at)
    at.text_input(key=f"merge_{crowd}_typed").input("ada0")
    run(at)
    assert len(at.selectbox(key=f"merge_{crowd}_pick_ada0").options) == 11
    assert "Showing the first" not in shown(at)


def test_a_persons_date_boxes_take_any_day_and_the_domain_says_no_in_words(people, app_db):
    """A browser never sends a day typed outside a date box's range: the box reddens and the
    script keeps the old day (Streamlit's default range is ten years either side). So an
    outreach of 2014 was logged as today, without a word. A person's date boxes now take any
    day; a slip of year is refused in one sentence, nothing logged."""
    ann = people["ann"]
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    assert [(d.label, d.min, d.max) for d in at.date_input] == [
        ("When", date(1, 1, 1), date(9998, 12, 31))  # ui.day_input
    ]
    at.date_input[0].set_value(date(1, 3, 2))
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert [e.value for e in at.error] == ["The year 1 is too long ago: pick a date from 1900 on."]
    assert stage_counts(app_db)[0] == 1
    at.date_input[0].set_value(date(2014, 3, 10))
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    yes_the_day_is_right(at, date(2014, 3, 10))
    assert at.success[0].value.startswith("Logged: Outreach with Ann Lee on 10 Mar 2014.")

    conn = db.connect(app_db)
    [sent] = interactions.list_interactions(conn, ann)
    conn.close()
    at.selectbox(key=f"fix_{ann}").set_value(sent.id)
    run(at)
    fix = at.date_input[1]
    assert (fix.label, fix.min, fix.max) == ("When", date(1, 1, 1), date(9998, 12, 31))
    fix.set_value(date(2013, 3, 10))
    at.button(key=f"FormSubmitter:fix_form_{sent.id}-Save the correction").click()
    run(at)
    yes_the_day_is_right(at, date(2013, 3, 10))
    assert at.success[0].value == "Corrected: it now reads 10 Mar 2013."

    at.session_state["contact_tab"] = "Meetings"
    run(at)
    schedule = [d for d in at.date_input if d.label == "Date"]
    assert [(d.min, d.max) for d in schedule] == [(date(1, 1, 1), date(9998, 12, 31))]
    schedule[0].set_value(date(1, 1, 1))
    at.button(key=f"FormSubmitter:schedule_{ann}-Schedule").click()
    run(at)
    assert [e.value for e in at.error] == [
        "The year 1 is out of reach: pick a date from 1900 to 2200."
    ]


def test_a_connected_since_day_before_linkedin_or_ahead_is_applied_and_named(people, app_db):
    """Before 2003 or after today, the day typed used to be dropped (the box reddened, the
    filter stayed off); now it filters, and the trail names it."""
    conn = db.connect(app_db)
    conn.execute("UPDATE contacts SET connected_on = DATE '2001-06-01'")
    conn.close()
    at = run(contacts_page())
    at.date_input(key="search_since").set_value(date(2000, 1, 1))
    run(at)
    assert plain_markdown("connected since 1 Jan 2000: 3") in shown(at)
    ahead = date(date.today().year + 20, 1, 1)
    at.date_input(key="search_since").set_value(ahead)
    run(at)
    assert plain_markdown(f"connected since 1 Jan {ahead.year}: 0") in shown(at)
    assert at.info[0].value == "No one matches all of these. Loosen the last filter you added."


def visit_home_and_come_back(at: AppTest) -> AppTest:
    """Another page drawn in the same session: Streamlit forgets the widgets it did not draw."""
    at.switch_page("app.py")
    run(at)
    at.switch_page("pages/2_contacts.py")
    return run(at)


def test_the_filters_are_kept_across_a_visit_to_another_page(people):
    at = run(contacts_page())
    at.text_input(key="search_company").input("acme")
    at.multiselect(key="search_degrees").select("2nd")
    run(at)
    assert list(at.dataframe[0].value["name"]) == ["Bob Stone"]
    visit_home_and_come_back(at)
    assert at.text_input(key="search_company").value == "acme"
    assert at.multiselect(key="search_degrees").value == ["2nd"]
    assert list(at.dataframe[0].value["name"]) == ["Bob Stone"]


def test_the_order_and_page_are_kept_across_a_visit_to_another_page(crowd):
    at = run(contacts_page())
    at.selectbox(key="search_sort").set_value("newest")
    run(at)
    at.number_input(key="search_page").set_value(2)
    run(at)
    assert list(at.dataframe[0].value["name"]) == ["Zed Young"]
    visit_home_and_come_back(at)
    assert at.selectbox(key="search_sort").value == "newest"
    assert at.number_input(key="search_page").value == 2
    assert list(at.dataframe[0].value["name"]) == ["Zed Young"]


def type_a_person_to_add(at: AppTest, first: str, last: str, company: str) -> None:
    at.text_input(key="add_first").input(first)
    at.text_input(key="add_last").input(last)
    at.text_input(key="add_company").input(company)
    run(at)


def test_adding_someone_already_there_asks_first_and_offers_to_open_them(people, app_db):
    """Cara Diaz at Globex was written to: adding her again would start a second record at
    Not contacted, apart from all that was logged."""
    at = run(contacts_page())
    type_a_person_to_add(at, "cara", "  DIAZ", "globex")
    assert "Cara Diaz at Globex · Contacted" in shown(at)
    at.button(key="add_person").click()
    run(at)
    assert "Add a second record all the same?" in at.warning[-1].value
    assert at.button(key="add_person_confirm").label == "Add anyway"
    conn = db.connect(app_db)
    assert contacts.count_contacts(conn) == 3  # nothing added yet
    conn.close()
    at.button(key="add_same_0").click()
    run(at)
    assert at.title[0].value == "Cara Diaz"
    assert at.query_params["contact"] == str(people["cara"])


def test_adding_a_name_two_records_have_already_asks_about_another_not_a_second(people, app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Cara", "Diaz", company="Initech")
    conn.close()
    at = run(contacts_page())
    type_a_person_to_add(at, "Cara", "Diaz", "Hooli")
    at.button(key="add_person").click()
    run(at)
    assert "Add another record all the same?" in at.warning[-1].value


def test_the_log_form_starts_at_linkedin_for_someone_with_no_address(people, app_db):
    """As Outreach does: a reply logged for someone with no email address on file read 'They
    replied by email' when the user left 'How' as it was."""
    conn = db.connect(app_db)
    no_address = contacts.add_contact(conn, "Dan", "Vo", company="Globex")
    with_address = contacts.add_contact(conn, "Eve", "Ng", company="Globex", email="eve@x.org")
    conn.close()
    for person, channel in ((no_address, "linkedin"), (with_address, "email")):
        at = contacts_page(contact=str(person))
        at.session_state["contact_tab"] = "Log an interaction"
        run(at)
        how = next(box for box in at.selectbox if box.label == "How")
        assert how.value == channel


def test_adding_someone_by_a_name_already_there_anyway(people, app_db):
    at = run(contacts_page())
    type_a_person_to_add(at, "Cara", "Diaz", "Initech")
    assert "Cara Diaz at Globex · Contacted" in shown(at)  # at another company: asked too
    at.button(key="add_person").click()
    run(at)
    at.button(key="add_person_confirm").click()
    run(at)
    assert "Added Cara Diaz." in at.success[0].value
    conn = db.connect(app_db)
    found = contacts.find_same_name(conn, "Cara", "Diaz", company="Initech")
    conn.close()
    assert [(p.company, p.stage) for p in found] == [("Initech", 0), ("Globex", 1)]


def test_many_by_the_same_name_are_shown_five_and_counted(people, app_db):
    conn = db.connect(app_db)
    for n in range(6):
        contacts.add_contact(conn, "Ann", "Lee", company=f"Firm {n}")
    conn.close()
    at = run(contacts_page())
    type_a_person_to_add(at, "Ann", "Lee", "Acme")
    assert "Ann Lee at Acme · Not contacted" in shown(at)  # at the same company: first
    assert [b.key for b in at.main.button if b.key.startswith("add_same_")] == [
        f"add_same_{n}" for n in range(5)
    ]
    assert "And 2 more by this name: search for them above." in shown(at)


def test_fixing_a_note_does_not_ask_how_and_a_message_still_does(people, app_db):
    """A note is no message: its Fix form asks no "How". Made a message there, "How" shows at
    once, starting where the log form would: by phone, as the user's last message to Ann went
    (not LinkedIn, which the lack of an email address on file would have said)."""
    ann = people["ann"]
    conn = db.connect(app_db)
    called = interactions.log_interaction(
        conn, ann, "outreach", channel="phone", occurred_at=date(2026, 3, 2)
    )
    note = interactions.log_interaction(
        conn, ann, "note", occurred_at=date(2026, 3, 3), subject="Ask about Lyon"
    )
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.selectbox(key=f"fix_{ann}").set_value(called)
    run(at)
    assert at.selectbox(key=f"fix_channel_{called}").value == "phone"
    at.selectbox(key=f"fix_kind_{called}").set_value("note")  # made a note: "How" goes at once
    run(at)
    assert f"fix_channel_{called}" not in [s.key for s in at.selectbox]
    at.selectbox(key=f"fix_{ann}").set_value(note)
    run(at)
    keys = [s.key for s in at.selectbox]
    assert f"fix_kind_{note}" in keys and f"fix_channel_{note}" not in keys
    at.selectbox(key=f"fix_kind_{note}").set_value("follow_up")
    run(at)
    assert at.selectbox(key=f"fix_channel_{note}").value == "phone"
    at.button(key=f"FormSubmitter:fix_form_{note}-Save the correction").click()
    run(at)
    assert at.success[0].value == "Corrected: it now reads 3 Mar 2026."
    conn = db.connect(app_db)
    fixed = interactions.get_interaction(conn, note)
    conn.close()
    assert (fixed.kind, fixed.channel, fixed.subject) == ("follow_up", "phone", "Ask about Lyon")


def ann_logged(app_db, ann: int) -> list[tuple[str, date]]:
    conn = db.connect(app_db)
    try:
        return [(x.kind, x.occurred_at.date()) for x in interactions.list_interactions(conn, ann)]
    finally:
        conn.close()


def test_logging_an_outreach_in_1990_asks_first_as_meetings_does(people, app_db):
    """The walkthrough: an outreach dated 1 Jan 1990 was logged without a question, and Home
    said 'Response rate 100 %'. Now a day more than 30 days back is asked about first."""
    ann = people["ann"]
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.date_input[0].set_value(date(1990, 1, 1))
    at.text_input[0].input("Twenty minutes?")
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert not at.success
    [question] = [w.value for w in at.warning if "1990" in w.value]
    assert question.startswith("**Outreach with Ann Lee**\n\n")
    assert re.search(r"\n1 Jan 1990 is \d\d years ago: is the year right\? Home, ", question)
    assert ann_logged(app_db, ann) == []
    # "No": nothing is logged, and what was typed is there to fix
    click(at, "No, let me fix the date")
    assert not [w for w in at.warning if "1990" in w.value]
    assert ann_logged(app_db, ann) == []
    assert (at.date_input[0].value, at.text_input[0].value) == (date(1990, 1, 1), "Twenty minutes?")
    # a question about a form since changed goes: its "Yes" would log what is no longer shown
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    assert [b for b in at.button if b.label == "Yes, 1 Jan 1990 is right"]
    at.selectbox[0].set_value("note")
    run(at)
    assert not [b for b in at.button if b.label.startswith("Yes, 1 Jan 1990")]
    at.selectbox[0].set_value("outreach")
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    yes_the_day_is_right(at, date(1990, 1, 1))
    assert at.success[0].value == "Logged: Outreach with Ann Lee on 1 Jan 1990."
    assert ann_logged(app_db, ann) == [("outreach", date(1990, 1, 1))]
    assert not at.warning
    assert at.text_input[0].value == ""  # the form starts afresh once logged


def test_an_outreach_before_the_linkedin_connection_asks_first(people, app_db):
    """A first message before you connected is possible (an email), so it is asked, not refused."""
    ann = people["ann"]
    connected, written = date.today() - timedelta(days=5), date.today() - timedelta(days=10)
    conn = db.connect(app_db)
    conn.execute("UPDATE contacts SET connected_on = ? WHERE id = ?", [connected, ann])
    conn.close()
    at = contacts_page(contact=str(ann))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    at.date_input[0].set_value(written)
    at.button(key=f"FormSubmitter:log_{ann}-Log it").click()
    run(at)
    [question] = [w.value for w in at.warning if "connected" in w.value]
    assert question == (
        f"**Outreach with Ann Lee**\n\n{text.day(written)} is before you connected on LinkedIn"
        f" ({text.day(connected)}): is the date right? It is if you first wrote another way,"
        " by email say."
    )
    assert ann_logged(app_db, ann) == []
    yes_the_day_is_right(at, written)
    assert ann_logged(app_db, ann) == [("outreach", written)]


def test_moving_a_logged_entry_to_a_day_long_ago_asks_first(people, app_db):
    """The Fix form asks as the log form does; keeping an old entry's day asks nothing."""
    cara = people["cara"]  # her outreach of 2 Mar 2026, months back
    at = contacts_page(contact=str(cara))
    at.session_state["contact_tab"] = "Log an interaction"
    run(at)
    conn = db.connect(app_db)
    [sent] = interactions.list_interactions(conn, cara)
    conn.close()
    at.selectbox(key=f"fix_{cara}").set_value(sent.id)
    run(at)
    at.text_input(key=f"fix_subject_{sent.id}").input("Coffee, maybe?")
    at.button(key=f"FormSubmitter:fix_form_{sent.id}-Save the correction").click()
    run(at)
    assert at.success[0].value == "Corrected: it now reads 2 Mar 2026."  # kept: not asked
    at.selectbox(key=f"fix_{cara}").set_value(sent.id)
    run(at)
    at.date_input[1].set_value(date(1996, 3, 2))
    at.button(key=f"FormSubmitter:fix_form_{sent.id}-Save the correction").click()
    run(at)
    assert not at.success
    [question] = [w.value for w in at.warning if "1996" in w.value]
    assert question.startswith("**Outreach with Cara Diaz**\n\n2 Mar 1996 is ")
    assert ann_logged(app_db, cara) == [("outreach", date(2026, 3, 2))]
    yes_the_day_is_right(at, date(1996, 3, 2))
    assert at.success[0].value == "Corrected: it now reads 2 Mar 1996."
    assert ann_logged(app_db, cara) == [("outreach", date(1996, 3, 2))]
