from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoint import (
    contacts,
    followups,
    funnel,
    interactions,
    meetings,
    outreach,
    profile,
    questions,
    targets,
)
from infoint.errors import InvalidInputError, NotFoundError
from infoint.referrals import ReferredPerson

# A meeting's key, unseen, at the end of its block's first and last lines.
key = meetings.answers_key


def at(day, hour=9, minute=0):
    """A moment on a day of March 2026, in UTC (2 March is a Monday)."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def ana(conn):
    return contacts.add_contact(conn, "Ana", "Lee", company="Acme")


def test_schedule_in_the_users_time_zone(conn, ana):
    zone = ZoneInfo("America/New_York")
    start = meetings.local_start(date(2026, 3, 10), time(9, 30), zone)
    meeting = meetings.schedule_meeting(conn, ana, start, place=" Zoom ")
    got = meetings.get_meeting(conn, meeting)
    assert got.starts_at == datetime(2026, 3, 10, 13, 30, tzinfo=UTC)  # EDT is UTC-4
    assert (got.promised_minutes, got.place, got.status) == (20, "Zoom", "scheduled")


def test_upcoming_and_past_lists(conn, ana):
    ben = contacts.add_contact(conn, "Ben", "Ode")
    soon = meetings.schedule_meeting(conn, ben, at(12))
    later = meetings.schedule_meeting(conn, ana, at(20))
    over = meetings.schedule_meeting(conn, ana, at(5))
    called_off = meetings.schedule_meeting(conn, ana, at(25))
    meetings.set_outcome(conn, called_off, "cancelled")
    now = at(10)
    assert [m.id for m in meetings.upcoming_meetings(conn, now)] == [soon, later]
    # called off ahead of time, and still ahead: neither coming up nor past
    assert [m.id for m in meetings.past_meetings(conn, now)] == [over]
    assert [m.id for m in meetings.cancelled_ahead(conn, now)] == [called_off]
    assert meetings.summary(conn, later).title == "Ana Lee (Acme)"
    assert meetings.summary(conn, soon).title == "Ben Ode"
    # a meeting under way is still upcoming until its promised time is over
    assert soon in [m.id for m in meetings.upcoming_meetings(conn, at(12, 9, 19))]
    assert soon not in [m.id for m in meetings.upcoming_meetings(conn, at(12, 9, 20))]


def test_update_and_delete(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    assert meetings.update_meeting(conn, meeting, at(11, 14), promised_minutes=30, place="Café")
    got = meetings.get_meeting(conn, meeting)
    assert (got.starts_at, got.promised_minutes, got.place) == (at(11, 14), 30, "Café")
    writes = conn.execute("SELECT count(*) FROM write_log").fetchall()[0][0]
    assert not meetings.update_meeting(
        conn, meeting, at(11, 14), promised_minutes=30, place="Café "
    )
    assert conn.execute("SELECT count(*) FROM write_log").fetchall()[0][0] == writes  # no write
    with pytest.raises(InvalidInputError):
        meetings.update_meeting(conn, meeting, at(11), promised_minutes=0, place="")
    meetings.delete_meeting(conn, meeting)
    with pytest.raises(NotFoundError):
        meetings.get_meeting(conn, meeting)
    assert conn.execute("SELECT count(*) FROM meeting_questions").fetchall()[0][0] == 0


def test_people_to_meet(conn, ana):
    ben = contacts.add_contact(conn, "Ben", "Ode", company="Beta")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 3))
    assert [p.label for p in meetings.people_to_meet(conn)] == ["Ana Lee — Acme"]
    assert [p.id for p in meetings.people_to_meet(conn, "bet")] == [ben]
    assert meetings.people_to_meet(conn, "nobody") == []
    # every word typed, in any order, across name and company
    assert [p.id for p in meetings.people_to_meet(conn, "acme ana")] == [ana]


def test_people_to_meet_leaves_out_who_has_a_meeting_booked(conn, ana):
    """Those who replied wait for a meeting until one is booked; a cancelled or missed one
    puts them back, and once met (a held meeting) they are past waiting: Met, not Replied."""
    ben = contacts.add_contact(conn, "Ben", "Ode", company="Beta")
    cy = contacts.add_contact(conn, "Cy", "Park", company="Core")
    for person in (ana, ben, cy):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 3))
    assert [p.id for p in meetings.people_to_meet(conn)] == [ana, ben, cy]
    ahead = meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=5))
    missed = meetings.schedule_meeting(conn, ben, at(4))  # over, not yet debriefed
    met = meetings.schedule_meeting(conn, cy, at(4))
    meetings.set_outcome(conn, met, "held", actual_minutes=20)
    assert meetings.people_to_meet(conn) == []  # Ben's next step is the debrief, not a booking
    meetings.set_outcome(conn, ahead, "cancelled")
    meetings.set_outcome(conn, missed, "no_show")
    assert [p.id for p in meetings.people_to_meet(conn)] == [ana, ben]
    # typing a name still finds anyone, a second meeting with Cy included
    assert [p.id for p in meetings.people_to_meet(conn, "cy")] == [cy]


def test_people_to_meet_takes_percent_and_underscore_as_typed(conn):
    contacts.add_contact(conn, "Axb", "Moss")
    a_b = contacts.add_contact(conn, "a_b", "Kay", company="50% Ltd")
    assert [p.id for p in meetings.people_to_meet(conn, "a_b")] == [a_b]
    assert [p.id for p in meetings.people_to_meet(conn, "50%")] == [a_b]
    assert [p.id for p in meetings.people_to_meet(conn, "%")] == [a_b]


def test_prep_keeps_notes_with_company_and_person(conn, ana):
    bank = questions.list_questions(conn)
    first = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(
        conn,
        first,
        question_ids=[bank[3].id, bank[0].id, bank[3].id],
        company_notes=" Water sensors. ",
        person_notes="Was a teacher.",
        prep_notes="How do designers work with engineers?",
    )
    sheet = meetings.prep_sheet(conn, first)
    assert [q.question_id for q in sheet.questions] == [bank[3].id, bank[0].id]  # picked order
    assert (sheet.company, sheet.company_notes, sheet.person_notes) == (
        "Acme",
        "Water sensors.",
        "Was a teacher.",
    )
    assert sheet.meeting.prep_notes == "How do designers work with engineers?"
    # the next meeting at the same company starts from the same notes
    cy = contacts.add_contact(conn, "Cy", "Dunn", company="ACME Inc.")
    meetings.set_outcome(conn, first, "held", actual_minutes=20)
    second = meetings.prep_sheet(conn, meetings.schedule_meeting(conn, cy, at(20)))
    assert (second.company_notes, second.earlier_meetings_there) == ("Water sensors.", 1)


def test_prep_drops_unpicked_questions_but_keeps_answered_ones(conn, ana):
    bank = questions.list_questions(conn)
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, meeting, question_ids=[bank[0].id, bank[1].id, bank[2].id])
    sheet = meetings.prep_sheet(conn, meeting)
    meetings.record_debrief(conn, meeting, "held", answers={sheet.questions[0].id: "Yes."})
    meetings.save_prep(conn, meeting, question_ids=[bank[2].id, bank[4].id])
    kept = [(q.question_id, q.answer) for q in meetings.prep_sheet(conn, meeting).questions]
    assert kept == [(bank[0].id, "Yes."), (bank[2].id, ""), (bank[4].id, "")]


def test_prep_refusals(conn):
    loner = contacts.add_contact(conn, "Lou")
    meeting = meetings.schedule_meeting(conn, loner, at(10))
    with pytest.raises(InvalidInputError, match="no company"):
        meetings.save_prep(conn, meeting, question_ids=[], company_notes="Notes", person_notes="x")
    with pytest.raises(NotFoundError):
        meetings.save_prep(conn, meeting, question_ids=[999])
    assert meetings.prep_sheet(conn, meeting).person_notes == ""


def test_debrief_records_answers_and_referrals_in_one_step(conn, ana):
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    bank = questions.list_questions(conn)
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, meeting, question_ids=[bank[0].id, bank[1].id], company_notes="Old.")
    asked = meetings.prep_sheet(conn, meeting).questions
    result = meetings.record_debrief(
        conn,
        meeting,
        "held",
        actual_minutes=25,
        notes="Warm, generous.",
        answers={asked[0].id: "Sensors everywhere.", asked[1].id: ""},
        referred=[ReferredPerson("Bo", "Chen", "Beta Labs"), ReferredPerson("Cy")],
    )
    got = meetings.get_meeting(conn, meeting)
    assert (got.status, got.actual_minutes, got.notes) == ("held", 25, "Warm, generous.")
    assert [q.answer for q in meetings.prep_sheet(conn, meeting).questions] == [
        "Sensors everywhere.",
        "",
    ]
    assert meetings.prep_sheet(conn, meeting).company_notes == (
        f"Old.\n\nAnswers from the meeting with Ana Lee on 10 Mar 2026:{key(meeting)}\n"
        f"Q: {bank[0].text}\nA: Sensors everywhere.\n"
        f"(End of these answers.){key(meeting)}"
    )
    rows = conn.execute(
        "SELECT first_name, last_name, degree, source, referred_by FROM contacts"
        " WHERE id IN (SELECT unnest(?)) ORDER BY id",
        [list(result.referred_ids)],
    ).fetchall()
    assert rows == [("Bo", "Chen", "2nd", "referral", ana), ("Cy", "", "2nd", "referral", ana)]
    # Ana: contacted, met, and now Referred; Bo and Cy start at no stage
    assert [s.count for s in funnel.stage_counts(conn)] == [1, 1, 1, 1, 0]


def test_introductions_named_in_a_debrief_are_dated_at_the_meeting(conn, ana):
    """A debrief saved days later still dates its introductions when they were made: at the
    meeting, so the workbook and Home's weeks put them beside it."""
    meeting = meetings.schedule_meeting(conn, ana, at(10, hour=15))
    result = meetings.record_debrief(conn, meeting, "held", referred=[ReferredPerson("Bo", "Chen")])
    [when] = conn.execute(
        "SELECT referred_at FROM contacts WHERE id = ?", [result.referred_ids[0]]
    ).fetchall()[0]
    assert when == datetime(2026, 3, 10, 15, 0)


def test_saving_the_debrief_again_adds_nothing_twice(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    row = meetings.prep_sheet(conn, meeting).questions[0].id
    for _ in range(2):
        result = meetings.record_debrief(
            conn, meeting, "held", answers={row: "Yes."}, referred=[ReferredPerson("Bo", "Chen")]
        )
    assert result.referred_ids == () and result.introductions.known == ("Bo Chen",)
    assert meetings.prep_sheet(conn, meeting).company_notes.count("A: Yes.") == 1
    assert conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0] == 2


def test_correcting_a_debrief_replaces_its_answers_in_the_company_notes(conn, ana):
    bank = questions.list_questions(conn)
    first = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, first, question_ids=[bank[0].id, bank[1].id], company_notes="Old.")
    asked = [q.id for q in meetings.prep_sheet(conn, first).questions]
    meetings.record_debrief(conn, first, "held", answers={asked[0]: "Yes."})
    # Another meeting at Acme, and the user's own words after both blocks.
    cy = contacts.add_contact(conn, "Cy", "Dunn", company="Acme")
    second = meetings.schedule_meeting(conn, cy, at(12))
    meetings.save_prep(conn, second, question_ids=[bank[2].id])
    [cy_asked] = [q.id for q in meetings.prep_sheet(conn, second).questions]
    meetings.record_debrief(conn, second, "held", answers={cy_asked: "Through friends."})
    notes = meetings.prep_sheet(conn, first).company_notes
    picked = [bank[0].id, bank[1].id]
    meetings.save_prep(conn, first, question_ids=picked, company_notes=notes + "\n\nCall in May.")
    cy_block = (
        f"Answers from the meeting with Cy Dunn on 12 Mar 2026:{key(second)}\n"
        f"Q: {bank[2].text}\nA: Through friends.\n(End of these answers.){key(second)}"
    )

    meetings.record_debrief(
        conn, first, "held", answers={asked[0]: "Yes, mostly.", asked[1]: "Two teams."}
    )
    assert meetings.prep_sheet(conn, first).company_notes == (
        f"Old.\n\nAnswers from the meeting with Ana Lee on 10 Mar 2026:{key(first)}\n"
        f"Q: {bank[0].text}\nA: Yes, mostly.\nQ: {bank[1].text}\nA: Two teams.\n"
        f"(End of these answers.){key(first)}\n\n{cy_block}\n\nCall in May."
    )
    # Every answer taken back: the block goes, the words around it stay.
    meetings.record_debrief(conn, first, "held", answers={asked[0]: "", asked[1]: ""})
    assert meetings.prep_sheet(conn, first).company_notes == f"Old.\n\n{cy_block}\n\nCall in May."


def test_a_debrief_block_the_user_cut_short_is_left_alone(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    [row] = [q.id for q in meetings.prep_sheet(conn, meeting).questions]
    meetings.record_debrief(conn, meeting, "held", answers={row: "Yes."})
    # The user deleted the block's last line and wrote on: nothing of theirs may be lost.
    notes = meetings.prep_sheet(conn, meeting).company_notes
    edited = notes.rsplit("\n", 1)[0] + "\nMy thoughts on it."
    meetings.save_prep(conn, meeting, question_ids=[row], company_notes=edited)
    meetings.record_debrief(conn, meeting, "held", answers={row: "No."})
    got = meetings.prep_sheet(conn, meeting).company_notes
    assert got.startswith(edited + "\n\nAnswers from the meeting with Ana Lee")
    assert got.endswith(f"A: No.\n(End of these answers.){key(meeting)}")


# The note versions before the marked blocks appended to the company notes, for a debrief
# answering both questions of a meeting with Ana Lee on 10 March.
OLD_NOTE = "2026-03-10 — from Ana Lee:\nQ: {0}\nA: Yes.\nQ: {1}\nA: Two teams."


def debriefed_by_an_older_version(conn, ana, notes):
    """A meeting with two answers on record, and the company notes `notes` as that version
    left them ({old} is OLD_NOTE, {q0} and {q1} the questions): (meeting, rows, the notes)."""
    bank = questions.list_questions(conn)
    picked = [bank[0].id, bank[1].id]
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.save_prep(conn, meeting, question_ids=picked)
    rows = [q.id for q in meetings.prep_sheet(conn, meeting).questions]
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "Yes.", rows[1]: "Two teams."})
    asked = (bank[0].text, bank[1].text)
    notes = notes.format(old=OLD_NOTE.format(*asked), q0=asked[0], q1=asked[1])
    meetings.save_prep(conn, meeting, question_ids=picked, company_notes=notes)
    return meeting, rows, meetings.prep_sheet(conn, meeting).company_notes


def test_correcting_a_debrief_replaces_the_note_an_older_version_wrote(conn, ana):
    bank = questions.list_questions(conn)
    meeting, rows, _ = debriefed_by_an_older_version(conn, ana, "Old.\n\n{old}\n\nCall in May.")
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "Yes, mostly."})
    assert meetings.prep_sheet(conn, meeting).company_notes == (
        f"Old.\n\nAnswers from the meeting with Ana Lee on 10 Mar 2026:{key(meeting)}\n"
        f"Q: {bank[0].text}\nA: Yes, mostly.\nQ: {bank[1].text}\nA: Two teams.\n"
        f"(End of these answers.){key(meeting)}\n\nCall in May."
    )


def test_taking_every_answer_back_removes_the_note_an_older_version_wrote(conn, ana):
    meeting, rows, _ = debriefed_by_an_older_version(conn, ana, "{old}\n\nCall in May.")
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "", rows[1]: ""})
    assert meetings.prep_sheet(conn, meeting).company_notes == "Call in May."


@pytest.mark.parametrize(
    ("notes", "same_day_meeting"),
    [
        pytest.param("{old} Ask Bo too.", False, id="the user added to an answer"),
        pytest.param("{old}\nCall in May.", False, id="a line of theirs right below"),
        pytest.param("Old.\n{old}", False, id="a line of theirs right above"),
        pytest.param("{old}\n\n{old}", False, id="the note twice"),
        pytest.param("{old}", True, id="another meeting with Ana Lee that day"),
        pytest.param(
            "2026-03-11 — from Ana Lee:\nQ: {q0}\nA: Yes.\nQ: {q1}\nA: Two teams.",
            False,
            id="the same answers on another day",
        ),
    ],
)
def test_a_note_from_an_older_version_not_provably_this_meetings_is_left_alone(
    conn, ana, notes, same_day_meeting
):
    bank = questions.list_questions(conn)
    meeting, rows, before = debriefed_by_an_older_version(conn, ana, notes)
    if same_day_meeting:
        meetings.schedule_meeting(conn, ana, at(10, 15))
    meetings.record_debrief(conn, meeting, "held", answers={rows[0]: "No."})
    assert meetings.prep_sheet(conn, meeting).company_notes == (
        f"{before}\n\nAnswers from the meeting with Ana Lee on 10 Mar 2026:{key(meeting)}\n"
        f"Q: {bank[0].text}\nA: No.\nQ: {bank[1].text}\nA: Two teams.\n"
        f"(End of these answers.){key(meeting)}"
    )


def test_debrief_names_a_company_by_the_name_it_had_before_a_merge(conn, ana):
    bo = contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs")
    contacts.add_contact(conn, "Bo", "Chen", company="Gamma")
    old_beta = targets.add_company(conn, "Old Beta")
    beta = conn.execute("SELECT company_id FROM contacts WHERE id = ?", [bo]).fetchall()[0][0]
    targets.merge_companies(conn, beta, old_beta)
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    result = meetings.record_debrief(
        conn, meeting, "held", referred=[ReferredPerson("Bo", "Chen", "Old Beta")]
    )
    # the other Bo Chen is at Gamma: the one marked is said with his company
    assert result.introductions.marked == ("Bo Chen (Beta Labs)",)
    assert result.referred_ids == ()
    assert conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0] == 3
    assert contacts.get_contact(conn, bo).referred_by == ana


def test_a_failing_debrief_changes_nothing(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    with pytest.raises(InvalidInputError, match="needs a name"):
        meetings.record_debrief(
            conn,
            meeting,
            "held",
            actual_minutes=20,
            referred=[ReferredPerson("Bo"), ReferredPerson("")],
        )
    assert meetings.get_meeting(conn, meeting).status == "scheduled"
    assert conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0] == 1
    with pytest.raises(InvalidInputError, match="mark it as held"):
        meetings.record_debrief(conn, meeting, "no_show", referred=[ReferredPerson("Bo")])
    with pytest.raises(InvalidInputError):
        meetings.record_debrief(conn, meeting, "scheduled")
    meetings.record_debrief(conn, meeting, "no_show", actual_minutes=20)
    assert meetings.get_meeting(conn, meeting).actual_minutes is None


def test_thank_you_draft_and_log(conn, ana):
    conn.execute("UPDATE profile SET name = 'Sam Park'")
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    with pytest.raises(InvalidInputError, match="as held"):
        meetings.log_thank_you(conn, meeting, subject="Thanks", body="Thanks")
    meetings.record_debrief(
        conn, meeting, "held", referred=[ReferredPerson("Bo", "Chen"), ReferredPerson("Cy")]
    )
    subject, body = meetings.thank_you_draft(conn, meeting, now=at(12))  # two days later
    assert subject == "Thank you, Ana"
    assert body.startswith("Hi Ana,\n\nThank you for talking with me on Tuesday.")
    assert "how things really work at Acme" in body
    assert "I will get in touch with Bo Chen and Cy, as you suggested." in body
    assert body.endswith("Thank you again,\nSam")  # to someone met, as one signs to them
    assert "{" not in body
    logged = meetings.log_thank_you(
        conn, meeting, subject=subject, body=body, sent_at=datetime(2026, 3, 10, 18)
    )
    got = interactions.get_interaction(conn, logged)
    assert (got.kind, got.contact_id, got.subject) == ("thank_you", ana, "Thank you, Ana")
    assert meetings.summary(conn, meeting).thanked
    again = meetings.log_thank_you(
        conn, meeting, subject=subject, body=body, sent_at=datetime(2026, 3, 10, 18, 1)
    )  # a second click
    assert again == logged
    thanks = "SELECT count(*) FROM interactions WHERE kind = 'thank_you' AND contact_id = ?"
    assert conn.execute(thanks, [ana]).fetchall() == [(1,)]


def test_a_thank_you_without_your_name_is_not_signed_blank(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(10))
    meetings.record_debrief(conn, meeting, "held")
    subject, body = meetings.thank_you_draft(conn, meeting)  # the profile has no name yet
    assert body.endswith("Thank you again,\n{my_first_name}")
    with pytest.raises(InvalidInputError) as refused:
        meetings.log_thank_you(conn, meeting, subject=subject, body=body)
    assert str(refused.value) == "Fill in {my_first_name} before logging this thank-you as sent."
    assert not meetings.summary(conn, meeting).thanked


def test_the_thank_you_speaks_outreachs_placeholders(conn):
    """The thank-you is written in the placeholders of Outreach's templates and filled as they
    are: what it leaves for the user is one of them, described and sent to Settings alike."""
    bo = contacts.add_contact(conn, "Bo")  # no company, nobody introduced, empty profile
    meeting = meetings.schedule_meeting(conn, bo, at(10))
    meetings.record_debrief(conn, meeting, "held")
    subject, body = meetings.thank_you_draft(conn, meeting)
    assert subject == "Thank you, Bo"
    assert "how things really work helped me" in body  # no "at" without a company
    assert "get in touch" not in body
    assert outreach.unfilled_placeholders(subject, body) == ("my_first_name",)
    assert set(outreach.unfilled_placeholders(*meetings.THANK_YOU)) - {"met_on", "introduced"} <= (
        set(outreach.PLACEHOLDERS)
    )
    profile.save_profile(conn, name="Sam Lee", job_title="", focus_kind="occupation", focus="")
    assert meetings.thank_you_draft(conn, meeting)[1].endswith("Thank you again,\nSam")


def test_the_thank_you_sent_for_each_meeting(conn, ana):
    """Each meeting shows the first thank-you logged on its day or later, in the user's zone:
    an older one was for an earlier meeting, a later one for the next meeting."""
    meetings.set_time_zone(conn, "Asia/Tokyo")  # UTC+9
    early = meetings.schedule_meeting(conn, ana, at(2, 10))  # 2 March, 19:00 in Tokyo
    late = meetings.schedule_meeting(conn, ana, at(9, 20))  # 9 March 20:00 UTC: 10 March there
    for meeting in (early, late):
        meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert meetings.thank_you_sent(conn, early) is None
    first = interactions.log_interaction(
        conn, ana, "thank_you", occurred_at=date(2026, 3, 3), subject="For Monday"
    )
    interactions.log_interaction(
        conn, ana, "thank_you", occurred_at=date(2026, 3, 9), subject="Again"
    )  # 9 March in Tokyo: before the later meeting's day
    assert meetings.thank_you_sent(conn, late) is None
    assert not meetings.summary(conn, late).thanked
    after = interactions.log_interaction(
        conn, ana, "thank_you", occurred_at=date(2026, 3, 10), channel="linkedin"
    )
    assert meetings.thank_you_sent(conn, early).id == first
    got = meetings.thank_you_sent(conn, late)
    assert (got.id, got.channel, got.occurred_at) == (after, "linkedin", datetime(2026, 3, 10, 9))
    assert meetings.summary(conn, late).thanked
    with pytest.raises(NotFoundError):
        meetings.thank_you_sent(conn, late + 1)


def due(conn, now):
    return [(d.kind, d.meeting_id) for d in meetings.due_items(conn, now)]


def test_thank_you_is_overdue_24_hours_after_the_meeting(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(9, 10))  # Monday 10:00, 20 minutes
    meetings.set_outcome(conn, meeting, "held", actual_minutes=30)  # ended 10:30
    assert due(conn, at(10, 10, 29)) == []
    assert due(conn, at(10, 10, 30)) == [("thank_you", meeting)]
    [item] = meetings.due_items(conn, at(10, 10, 30))
    assert item.title == "Send a thank-you to Ana Lee (Acme)" and item.due_on == date(2026, 3, 10)
    # a thank-you logged the same day (dates without a time count as that day) settles it
    interactions.log_interaction(conn, ana, "thank_you", occurred_at=date(2026, 3, 9))
    assert due(conn, at(11)) == []


def test_an_old_thank_you_does_not_count_for_a_new_meeting(conn, ana):
    interactions.log_interaction(conn, ana, "thank_you", occurred_at=date(2026, 2, 1))
    meeting = meetings.schedule_meeting(conn, ana, at(9, 10))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert due(conn, at(12)) == [("thank_you", meeting)]


# A thank-you is recorded for the meeting it was written for (`interactions.meeting_id`).


def held_with_ana(conn, ana, *starts):
    held = [meetings.schedule_meeting(conn, ana, start) for start in starts]
    for meeting in held:
        meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    return held


def thank(conn, meeting_id, sent_at, words="Thank you for your time"):
    """The thank-you logged from the meeting's own tab, sent at `sent_at` (the user's clock)."""
    return meetings.log_thank_you(conn, meeting_id, subject=words, body=words, sent_at=sent_at)


def thanked(conn, *meeting_ids):
    return [meetings.summary(conn, m).thanked for m in meeting_ids]


def sent(conn, meeting_id):
    found = meetings.thank_you_sent(conn, meeting_id)
    return found and found.id


def thank_yous(conn):
    """Every thank-you as (meeting it is for, subject), in the order logged."""
    return conn.execute(
        "SELECT meeting_id, subject FROM interactions WHERE kind = 'thank_you' ORDER BY id"
    ).fetchall()


def test_a_thank_you_counts_for_the_meeting_it_was_written_for(conn, ana):
    """Met Ana on 2 March (no thank-you) and on 20 March (thanked on the 21st): 2 March stays
    unthanked and due. Its thank-you, logged late from its own tab after 20 March was held,
    clears it, and 20 March stays thanked by its own."""
    first, second = held_with_ana(conn, ana, at(2, 10), at(20, 10))
    for_the_second = thank(conn, second, datetime(2026, 3, 21, 8), "Thank you for Friday")
    assert thank_yous(conn) == [(second, "Thank you for Friday")]
    assert thanked(conn, first, second) == [False, True]
    assert (sent(conn, first), sent(conn, second)) == (None, for_the_second)
    assert [m.thanked for m in meetings.past_meetings(conn, at(22))] == [True, False]
    assert [m.thanked for m in meetings.find_meetings(conn, "Ana")] == [True, False]
    assert due(conn, at(22)) == [("thank_you", first)]
    [item] = followups.due_items(conn, at(22))
    assert (item.kind, item.key, item.due_on) == (
        "thank_you",
        f"thank_you:{first}",
        date(2026, 3, 3),
    )
    late = thank(conn, first, datetime(2026, 3, 23, 8), "Sorry this comes late")
    assert thank_yous(conn) == [(second, "Thank you for Friday"), (first, "Sorry this comes late")]
    assert thanked(conn, first, second) == [True, True]
    assert (sent(conn, first), sent(conn, second)) == (late, for_the_second)
    assert due(conn, at(24)) == []
    assert followups.due_items(conn, at(24)) == []


def test_a_thank_you_for_no_meeting_counts_from_each_meetings_day_as_before(conn, ana):
    """One logged before thank-yous named their meeting, or on the person's record, counts for
    every meeting with them on its day or earlier, as it always did: which one it was for
    cannot be known. A thank-you written for the meeting is what the meeting shows as sent."""
    first, second = held_with_ana(conn, ana, at(2, 10), at(20, 10))
    unnamed = interactions.log_interaction(conn, ana, "thank_you", occurred_at=date(2026, 3, 21))
    assert thank_yous(conn) == [(None, "")]
    assert thanked(conn, first, second) == [True, True]
    assert (sent(conn, first), sent(conn, second)) == (unnamed, unnamed)
    assert due(conn, at(22)) == []
    own = thank(conn, second, datetime(2026, 3, 22, 8))
    assert (sent(conn, first), sent(conn, second)) == (unnamed, own)
    # one dated before a meeting's day is not for it
    third = held_with_ana(conn, ana, at(23, 10))[0]
    assert thanked(conn, third) == [False]
    assert due(conn, at(24, 12)) == [("thank_you", third)]


def test_thanking_two_meetings_the_same_day_in_the_same_words_logs_each(conn, ana):
    """A second click logs nothing more; the same words for another meeting are its own."""
    first, second = held_with_ana(conn, ana, at(2, 10), at(20, 10))
    for_the_first = thank(conn, first, datetime(2026, 3, 21, 8))
    for_the_second = thank(conn, second, datetime(2026, 3, 21, 8))
    assert for_the_first != for_the_second
    assert thank(conn, second, datetime(2026, 3, 21, 9)) == for_the_second  # a second click
    assert thank(conn, first, datetime(2026, 3, 21, 9)) == for_the_first
    words = "Thank you for your time"
    assert thank_yous(conn) == [(first, words), (second, words)]
    assert (sent(conn, first), sent(conn, second)) == (for_the_first, for_the_second)


def test_a_thank_you_moves_to_the_meeting_kept_when_its_copy_is_deleted(conn, ana):
    """A meeting entered twice, thanked on the copy, which is then deleted: the thank-you stays
    in Ana's history, now for the meeting kept: the one held with her that day nearest in time
    (not the breakfast entered before it)."""
    breakfast, kept, copy = held_with_ana(conn, ana, at(2, 8), at(2, 10), at(2, 10))
    thank(conn, breakfast, datetime(2026, 3, 2, 9), "Thanks for breakfast")
    thanks = thank(conn, copy, datetime(2026, 3, 3, 8))
    assert thanked(conn, kept, copy) == [False, True]
    meetings.delete_meeting(conn, copy)
    assert thank_yous(conn) == [
        (breakfast, "Thanks for breakfast"),
        (kept, "Thank you for your time"),
    ]
    assert thanked(conn, kept) == [True]
    assert sent(conn, kept) == thanks
    assert due(conn, at(4)) == []


def test_deleting_a_thanked_meeting_does_not_thank_an_earlier_one(conn, ana):
    """Met Ana on 2 March (never thanked) and on 20 March (thanked from its tab); 20 March is
    deleted. Its thank-you stays in her history but thanks no meeting: 2 March still asks for
    one, as it did before."""
    first, second = held_with_ana(conn, ana, at(2, 10), at(20, 10))
    thanks = thank(conn, second, datetime(2026, 3, 21, 8))
    meetings.delete_meeting(conn, second)
    assert [i.id for i in interactions.list_interactions(conn, ana)] == [thanks]
    assert thanked(conn, first) == [False]
    assert sent(conn, first) is None
    assert due(conn, at(22)) == [("thank_you", first)]


def test_merging_two_records_of_a_person_keeps_each_thank_you_with_its_meeting(conn, ana):
    twin = contacts.add_contact(conn, "Ana", "Lee")
    [first] = held_with_ana(conn, twin, at(2, 10))
    [second] = held_with_ana(conn, ana, at(20, 10))
    for_the_second = thank(conn, second, datetime(2026, 3, 21, 8))
    contacts.merge_contacts(conn, ana, twin)
    assert [m.id for m in meetings.list_meetings(conn, ana)] == [second, first]
    assert thanked(conn, first, second) == [False, True]
    assert sent(conn, second) == for_the_second
    assert due(conn, at(22)) == [("thank_you", first)]


def test_prepare_for_tomorrows_meeting(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(12, 15))  # Thursday 15:00
    assert due(conn, at(10, 23, 59)) == []  # Tuesday: two days ahead
    assert due(conn, at(11, 0, 0)) == [("prepare", meeting)]  # Wednesday: tomorrow
    assert due(conn, at(12, 14, 59)) == [("prepare", meeting)]  # the day itself, not started
    meetings.save_prep(conn, meeting, question_ids=[questions.list_questions(conn)[0].id])
    assert due(conn, at(11)) == []
    # prep notes alone count as prepared too
    other = meetings.schedule_meeting(conn, ana, at(12, 17))
    meetings.save_prep(conn, other, question_ids=[], prep_notes="What is design ops?")
    assert due(conn, at(11)) == []


def test_tomorrow_is_the_users_tomorrow(conn, ana):
    conn.execute("UPDATE profile SET time_zone = 'America/New_York'")
    # 12 March 01:00 UTC is 11 March 21:00 in New York
    meeting = meetings.schedule_meeting(conn, ana, at(12, 1))
    # 10 March 12:00 UTC is 10 March in New York: the meeting is tomorrow there
    assert due(conn, at(10, 12)) == [("prepare", meeting)]
    conn.execute("UPDATE profile SET time_zone = 'UTC'")
    assert due(conn, at(10, 12)) == []  # in UTC it is two days ahead


def test_debrief_due_once_the_promised_time_is_over(conn, ana):
    meeting = meetings.schedule_meeting(conn, ana, at(9, 10))
    meetings.save_prep(conn, meeting, question_ids=[], prep_notes="Ready.")
    assert due(conn, at(9, 10, 19)) == []
    assert due(conn, at(9, 10, 20)) == [("debrief", meeting)]
    meetings.set_outcome(conn, meeting, "cancelled")
    assert due(conn, at(20)) == []


def test_meeting_items_join_the_one_due_now_list(conn, ana):
    held = meetings.schedule_meeting(conn, ana, at(9, 10))  # Monday 10:00
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    ben = contacts.add_contact(conn, "Ben", "Ode")
    upcoming = meetings.schedule_meeting(conn, ben, at(11, 15))  # Wednesday 15:00
    # Tuesday noon is past 24 hours after Monday's meeting, and Wednesday is tomorrow
    items = followups.due_items(conn, at(10, 12))
    assert [(i.kind, i.key, i.due_on) for i in items] == [
        ("prepare", f"prepare:{upcoming}:20260311T1500", date(2026, 3, 10)),
        ("thank_you", f"thank_you:{held}", date(2026, 3, 10)),
    ]
    prepare, thanks = items
    assert thanks.title == "Send a thank-you to Ana Lee (Acme)"
    assert (thanks.action_page, thanks.action_label) == (
        "pages/5_meetings.py",
        "Write the thank-you",
    )
    assert thanks.action_state == ((meetings.OPEN_MEETING_KEY, held),)
    assert thanks.company_id is not None and prepare.company_id is None
    # the shared mechanism: dismiss, and nothing due for a ruled-out company
    followups.dismiss(conn, prepare.key)
    conn.execute("UPDATE companies SET status = 'ruled_out' WHERE id = ?", [thanks.company_id])
    assert followups.due_items(conn, at(10, 12)) == []


def test_reminders_stop_after_a_month(conn, ana):
    held = meetings.schedule_meeting(conn, ana, at(2, 10))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    forgotten = meetings.schedule_meeting(conn, ana, at(3, 10))
    meetings.save_prep(conn, forgotten, question_ids=[], prep_notes="Ready.")
    assert due(conn, datetime(2026, 4, 1, 10, tzinfo=UTC)) == [
        ("thank_you", held),
        ("debrief", forgotten),
    ]
    # more than 30 days after the meeting started, it is too late for a reminder
    assert due(conn, datetime(2026, 4, 1, 10, 1, tzinfo=UTC)) == [("debrief", forgotten)]
    assert due(conn, datetime(2026, 4, 2, 10, 1, tzinfo=UTC)) == []


def test_set_the_time_zone(conn):
    meetings.set_time_zone(conn, "Asia/Tokyo")
    assert meetings.time_zone(conn).key == "Asia/Tokyo"
    with pytest.raises(InvalidInputError, match="not a time zone"):
        meetings.set_time_zone(conn, "Mars/Olympus")
    assert meetings.time_zone(conn).key == "Asia/Tokyo"


def test_a_meeting_still_ahead_cannot_be_held_or_missed(conn, ana):
    start = datetime(2126, 12, 1, 9, tzinfo=UTC)
    meetings.set_time_zone(conn, "UTC")
    ahead = meetings.schedule_meeting(conn, ana, start)
    sentence = (
        "This meeting is on 1 Dec 2126, 09:00, still ahead: change its date first if it moved."
    )
    for status in ("held", "no_show"):
        with pytest.raises(InvalidInputError) as refused:
            meetings.record_debrief(conn, ahead, status, actual_minutes=20)
        assert str(refused.value) == sentence
        with pytest.raises(InvalidInputError, match="still ahead"):
            meetings.set_outcome(conn, ahead, status, actual_minutes=20)
    assert meetings.get_meeting(conn, ahead).status == "scheduled"
    assert funnel.stage_counts(conn)[2].count == 0
    meetings.record_debrief(conn, ahead, "cancelled")  # calling it off ahead of time is fine
    assert meetings.get_meeting(conn, ahead).status == "cancelled"


def test_a_new_meeting_is_offered_the_next_business_day_at_ten(conn):
    meetings.set_time_zone(conn, "Europe/Berlin")
    today = datetime.now(ZoneInfo("Europe/Berlin")).date()
    day_after = {4: 3, 5: 2}.get(today.weekday(), 1)  # Friday and Saturday skip to Monday
    suggested = meetings.suggested_start(conn)
    assert suggested.date() == today + timedelta(days=day_after)
    assert (suggested.hour, suggested.minute, suggested.tzinfo) == (
        10,
        0,
        ZoneInfo("Europe/Berlin"),
    )


def test_a_holiday_is_skipped_too(conn):
    meetings.set_time_zone(conn, "UTC")
    first = meetings.suggested_start(conn).date()
    profile.save_profile(
        conn,
        name="",
        job_title="",
        focus_kind="industry",
        focus="",
        holidays_text=first.isoformat(),
    )
    assert meetings.suggested_start(conn).date() > first


def test_scheduling_says_when_and_what_next(conn):
    meetings.set_time_zone(conn, "UTC")
    ahead = datetime(2126, 3, 2, 10, tzinfo=UTC)
    assert meetings.scheduled_sentence(conn, "Ana Lee", ahead) == (
        "Scheduled with Ana Lee for 2 Mar 2126, 10:00. Now prepare below."
    )
    assert meetings.scheduled_sentence(conn, "Ana Lee", ahead, prepare_here=False) == (
        "Scheduled with Ana Lee for 2 Mar 2126, 10:00. Prepare it on Meetings."
    )
    assert meetings.scheduled_sentence(conn, "Ana Lee", at(2, 10)) == (
        "Scheduled with Ana Lee for 2 Mar 2026, 10:00. That time has already passed: if you met,"
        " say how it went below; if not, change its date."
    )


def test_a_meeting_held_cannot_be_moved_into_the_future(conn, ana):
    meetings.set_time_zone(conn, "UTC")
    held = meetings.schedule_meeting(conn, ana, at(10))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    with pytest.raises(InvalidInputError) as refused:
        meetings.update_meeting(
            conn, held, datetime(2126, 3, 2, 10, tzinfo=UTC), promised_minutes=20, place=""
        )
    assert str(refused.value) == (
        "2 Mar 2126, 10:00 is still ahead, but you have already met: keep a day that has come."
    )
    assert meetings.get_meeting(conn, held).starts_at == at(10)
    missed = meetings.schedule_meeting(conn, ana, at(11))
    meetings.set_outcome(conn, missed, "no_show")
    with pytest.raises(InvalidInputError, match="still ahead, but it was already missed"):
        meetings.update_meeting(
            conn, missed, datetime(2126, 3, 2, 10, tzinfo=UTC), promised_minutes=20, place=""
        )
    meetings.update_meeting(conn, held, at(9), promised_minutes=20, place="Café")  # a past day
    assert meetings.get_meeting(conn, held).starts_at == at(9)


def test_find_meetings_and_count_the_past_ones_the_list_leaves_out(conn):
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Beta Labs")
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    ahead = meetings.schedule_meeting(conn, ana, now + timedelta(days=1))
    old = meetings.schedule_meeting(conn, ana, now - timedelta(days=300))
    recent = meetings.schedule_meeting(conn, ana, now - timedelta(days=3))
    called_off = meetings.schedule_meeting(conn, bo, now - timedelta(days=9))
    meetings.set_outcome(conn, called_off, "cancelled")
    assert [m.id for m in meetings.past_meetings(conn, now, limit=2)] == [recent, called_off]
    assert meetings.count_past_meetings(conn, now) == 3  # all but the one ahead
    assert [m.id for m in meetings.find_meetings(conn, "ana")] == [ahead, recent, old]
    assert [m.id for m in meetings.find_meetings(conn, "LEE acme", limit=2)] == [ahead, recent]
    assert [m.id for m in meetings.find_meetings(conn, "beta")] == [called_off]
    assert meetings.find_meetings(conn, "ana beta") == []


def test_a_date_outside_1900_to_2200_or_none_is_refused_in_one_sentence(conn, ana):
    """The date pickers take any day (a browser never sends one typed outside their range),
    so the domain refuses what it cannot keep: time zone sums overflow near years 1 and 9999."""
    zone = ZoneInfo("America/Los_Angeles")
    with pytest.raises(InvalidInputError) as year_one:
        meetings.local_start(date(1, 1, 1), time(10, 0), zone)
    assert str(year_one.value) == "The year 1 is out of reach: pick a date from 1900 to 2200."
    with pytest.raises(InvalidInputError) as emptied:
        meetings.local_start(None, time(10, 0), zone)
    assert str(emptied.value) == "Pick the meeting's date."
    with pytest.raises(InvalidInputError) as no_time:
        meetings.local_start(date(2026, 3, 10), None, zone)
    assert str(no_time.value) == "Pick the meeting's time."
    # the ends of the range are kept, as typed
    early = meetings.local_start(date(1900, 1, 1), time(0, 0), zone)
    late = meetings.local_start(date(2200, 12, 31), time(23, 45), zone)
    assert (early.year, late.year) == (1900, 2200)

    meeting = meetings.schedule_meeting(conn, ana, at(10))
    for far in (datetime(9999, 12, 31, 23, 45, tzinfo=zone), datetime(1899, 12, 31, 12, 0)):
        with pytest.raises(InvalidInputError, match="out of reach: pick a date from 1900"):
            meetings.schedule_meeting(conn, ana, far)
        with pytest.raises(InvalidInputError, match="out of reach: pick a date from 1900"):
            meetings.update_meeting(conn, meeting, far, promised_minutes=20, place="")
    assert [m.id for m in meetings.list_meetings(conn, ana)] == [meeting]
    assert meetings.get_meeting(conn, meeting).starts_at == at(10)


def test_the_meeting_list_is_said_naturally_at_none_one_and_many():
    """Seen in the browser: 'Coming up: 0 · your 1 past meeting.'"""
    assert meetings.list_said(0, 1, 1) == "Nothing coming up · 1 past meeting."
    assert meetings.list_said(1, 0, 0) == "1 coming up · nothing past yet."
    assert meetings.list_said(2, 5, 5) == "2 coming up · 5 past meetings."
    assert meetings.list_said(0, 30, 31) == (
        "Nothing coming up · your last 30 past meetings; find the older one by the person's name."
    )
    assert meetings.list_said(1_200, 30, 2_030) == (
        "1,200 coming up · your last 30 past meetings; find the 2,000 older ones by the person's "
        "name."
    )


def test_a_start_more_than_a_month_back_is_asked_about_before_it_is_saved(conn, ana):
    """A year typed wrong (1990 for 2026) took the meeting off Coming up and every reminder
    without a word; last week's meeting, logged late, is saved without a question."""
    meetings.set_time_zone(conn, "UTC")
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    asked = meetings.long_ago_question
    assert asked(conn, datetime(1990, 3, 12, 10, tzinfo=UTC), now=now) == (
        "12 Mar 1990 is 36 years ago: is the year right? A meeting that far back leaves Coming "
        "up and gets no reminders."
    )
    assert asked(conn, datetime(2025, 11, 20, 10, tzinfo=UTC), now=now).startswith(
        "20 Nov 2025 is a year ago: is the year right?"
    )
    assert asked(conn, datetime(2026, 8, 3, 10, tzinfo=UTC), now=now).startswith(
        "3 Aug 2026 is 3 months ago: is the date right?"
    )
    assert asked(conn, datetime(2026, 10, 20, 10, tzinfo=UTC), now=now).startswith(
        "20 Oct 2026 is 5 weeks ago: is the date right?"
    )
    # within the reminders' month, and anything ahead, is saved without a word
    assert asked(conn, now - timedelta(days=meetings.STALE_AFTER_DAYS), now=now) is None
    assert asked(conn, datetime(2026, 11, 20, 10, tzinfo=UTC), now=now) is None
    assert asked(conn, datetime(2126, 11, 20, 10, tzinfo=UTC), now=now) is None
    # a meeting logged years back is not asked about again when its place is corrected
    old = datetime(2014, 3, 10, 10, tzinfo=UTC)
    assert asked(conn, old, was=old + timedelta(seconds=30), now=now) is None
    assert asked(conn, old, was=old + timedelta(days=1), now=now).startswith("10 Mar 2014 is 12")


def test_the_question_names_the_day_on_the_users_clock(conn):
    meetings.set_time_zone(conn, "Pacific/Auckland")  # UTC+13 in March
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    start = datetime(1990, 3, 11, 20, tzinfo=UTC)  # 12 Mar 1990, 09:00 in Auckland
    assert meetings.long_ago_question(conn, start, now=now).startswith("12 Mar 1990 is 36 years")


def test_a_change_says_where_the_meeting_went(conn):
    meetings.set_time_zone(conn, "UTC")
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    ahead = datetime(2026, 12, 3, 10, tzinfo=UTC)
    said = meetings.change_said
    assert said(conn, "scheduled", ahead, datetime(1990, 3, 12, 10, tzinfo=UTC), now=now) == (
        "Moved to 12 Mar 1990, 10:00, in the past: record how it went below.",
        True,
    )
    assert said(conn, "scheduled", ahead, datetime(2026, 12, 4, 15, tzinfo=UTC), now=now) == (
        "Moved to 4 Dec 2026, 15:00. Download its calendar file again for your calendar.",
        False,
    )
    # a meeting already held keeps its outcome: nothing left to record
    held = datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert said(conn, "held", held, held - timedelta(days=1), now=now) == (
        "Moved to 19 Nov 2026, 10:00.",
        False,
    )
    # the same start (to the minute): only the place or the minutes changed
    assert said(conn, "scheduled", ahead, ahead + timedelta(seconds=20), now=now) == (
        "Meeting changed. Download its calendar file again for your calendar.",
        False,
    )
    assert said(conn, "scheduled", held, held, now=now) == ("Meeting changed.", False)


@pytest.mark.parametrize(
    ("minutes", "fit"),
    [(20, "four or five"), (15, "three"), (30, "six or seven"), (5, "one"), (60, "12 to 15")],
)
def test_the_questions_that_fit_the_promised_minutes(minutes, fit):
    assert meetings.questions_that_fit(minutes) == fit


def test_the_count_of_questions_picked_is_said_against_what_fits():
    said = meetings.picked_sentence
    assert said(0, 20) == "None picked yet: four or five fit in 20 minutes."
    assert said(1, 20) == "1 picked: four or five fit in 20 minutes."
    assert said(4, 20) == "4 picked: four or five fit in 20 minutes."
    assert said(5, 20) == "5 picked: four or five fit in 20 minutes."
    assert said(7, 20) == (
        "7 picked: about four or five fit in 20 minutes, so ask the ones that matter most first."
    )
    assert said(1, 5) == "1 picked: one fits in 5 minutes."
