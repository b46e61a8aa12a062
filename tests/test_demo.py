import re
from datetime import UTC, date, datetime, timedelta

import pytest

from benchmarks.generate import sample_bytes
from infoint import (
    contacts,
    db,
    demo,
    funnel,
    home,
    importer,
    interactions,
    meetings,
    referrals,
    targets,
)
from infoint.errors import InvalidInputError
from infoint.linkedin import read_connections

TODAY = date(2026, 5, 13)  # a Wednesday


def own_data(conn):
    """The user's own rows: a person with notes and an outreach, at a company of theirs."""
    ada = contacts.add_contact(
        conn,
        "Ada",
        "Quill",
        company="Nimbus Labs",
        notes="my old colleague",
        linkedin_url="https://www.linkedin.com/in/ada-q",
    )
    interactions.log_interaction(conn, ada, "outreach", occurred_at=date(2026, 4, 1))
    meetings.schedule_meeting(conn, ada, datetime(2026, 4, 8, 9, tzinfo=UTC))
    return ada


def snapshot(conn):
    """Every non-demo row, in full."""
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        for table in ("contacts", "companies", "interactions", "meetings", "contact_changes")
    }


def test_the_committed_sample_is_what_the_generator_makes():
    assert demo.SAMPLE_PATH.read_bytes() == sample_bytes()


def test_demo_fills_every_funnel_stage_over_the_last_ten_weeks(conn):
    summary = demo.load_demo(conn, today=TODAY)
    assert summary.people >= 140 and summary.companies >= 30
    counts = home.stats(conn)["funnel"]
    assert all(counts[stage] > 0 for stage in funnel.STAGES), counts
    assert counts == {"contacted": 31, "replied": 15, "met": 8, "referred": 2, "opportunity": 1}
    first, last = conn.execute(
        "SELECT min(occurred_at), max(occurred_at) FROM interactions"
    ).fetchall()[0]
    assert TODAY - timedelta(weeks=10) <= first.date() and last.date() <= TODAY
    kinds = {row[0] for row in conn.execute("SELECT DISTINCT kind FROM interactions").fetchall()}
    assert {"outreach", "reply", "follow_up", "thank_you", "referral", "opportunity"} <= kinds
    statuses = dict(
        conn.execute("SELECT status, count(*) FROM companies GROUP BY status").fetchall()
    )
    assert statuses["target"] == 6 and statuses["researching"] == 2
    assert statuses["ruled_out"] == 2
    held = conn.execute(
        "SELECT count(*) FROM meetings WHERE status = 'held' AND actual_minutes > 0"
    ).fetchall()[0][0]
    assert held == 8
    upcoming = conn.execute(
        "SELECT CAST(starts_at AS DATE) FROM meetings WHERE status = 'scheduled'"
    ).fetchall()
    assert upcoming == [(date(2026, 5, 19),)]  # Tuesday next week
    referred = conn.execute(
        "SELECT count(*) FROM contacts WHERE referred_by IS NOT NULL AND source = 'demo'"
    ).fetchall()[0][0]
    assert referred == 1
    untagged = conn.execute(
        "SELECT (SELECT count(*) FROM contacts WHERE source <> 'demo')"
        " + (SELECT count(*) FROM companies WHERE source <> 'demo')"
        " + (SELECT count(*) FROM interactions WHERE source <> 'demo')"
    ).fetchall()[0][0]
    assert untagged == 0
    assert conn.execute("SELECT count(*) FROM import_batches").fetchall()[0][0] == 0


def test_loading_twice_is_refused_and_changes_nothing(conn):
    demo.load_demo(conn, today=TODAY)
    before = snapshot(conn)
    with pytest.raises(InvalidInputError, match="already loaded"):
        demo.load_demo(conn, today=TODAY)
    assert snapshot(conn) == before


def test_removing_the_demo_leaves_the_users_own_data_exactly_as_it_was(conn):
    ada = own_data(conn)
    before = snapshot(conn)
    demo.load_demo(conn, today=TODAY)
    assert demo.has_demo(conn)
    assert contacts.get_contact(conn, ada).notes == "my old colleague"
    # The user links one of their people to a demo person and logs on a demo person.
    demo_person = conn.execute("SELECT min(id) FROM contacts WHERE source = 'demo'").fetchall()[0][
        0
    ]
    with db.transaction(conn):
        conn.execute("UPDATE contacts SET referred_by = ? WHERE id = ?", [demo_person, ada])
    interactions.log_interaction(conn, demo_person, "note", body="looks interesting")

    removed = demo.remove_demo(conn)
    assert removed.people >= 140
    assert not demo.has_demo(conn)
    after = snapshot(conn)
    # Only the link to the demo person is gone; everything else is as before.
    assert conn.execute("SELECT referred_by FROM contacts WHERE id = ?", [ada]).fetchall() == [
        (None,)
    ]
    assert after == before
    orphans = conn.execute(
        "SELECT (SELECT count(*) FROM meetings WHERE contact_id NOT IN (SELECT id FROM contacts))"
        " + (SELECT count(*) FROM interactions"
        "    WHERE contact_id NOT IN (SELECT id FROM contacts))"
        " + (SELECT count(*) FROM meeting_questions"
        "    WHERE meeting_id NOT IN (SELECT id FROM meetings))"
    ).fetchall()[0][0]
    assert orphans == 0


def test_each_demo_thank_you_is_for_the_meeting_it_followed(conn):
    """The demo's eight held meetings were each thanked the day after, as from the meeting's
    own tab: nothing asks for a thank-you already sent, and only thank-yous name a meeting."""
    demo.load_demo(conn, today=TODAY)
    thanks = conn.execute(
        "SELECT m.contact_id = i.contact_id AND m.status = 'held',"
        " CAST(i.occurred_at AS DATE) - CAST(m.starts_at AS DATE)"
        " FROM interactions i LEFT JOIN meetings m ON m.id = i.meeting_id"
        " WHERE i.kind = 'thank_you'"
    ).fetchall()
    assert thanks == [(True, 1)] * 8
    assert conn.execute(
        "SELECT count(DISTINCT meeting_id), count(*) FILTER (WHERE kind <> 'thank_you')"
        " FROM interactions WHERE meeting_id IS NOT NULL"
    ).fetchall() == [(8, 0)]
    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    assert [i.kind for i in meetings.due_items(conn, now) if i.kind == "thank_you"] == []


def test_every_demo_reply_answers_a_message_sent_before_it(conn):
    """The demo is written straight into the tables, past `interactions.log_interaction`:
    its replies keep the rule the app keeps (a reply answers an outreach or follow-up on its
    day or before), so its Insights time every reply from a first message."""
    demo.load_demo(conn, today=TODAY)
    replies = conn.execute("SELECT count(*) FROM interactions WHERE kind = 'reply'").fetchall()
    assert replies[0][0] == 15
    assert interactions.unanswered_replies(conn) == []


def test_a_demo_company_the_user_works_with_stays_as_theirs(conn):
    demo.load_demo(conn, today=TODAY)
    name = conn.execute(
        "SELECT name FROM companies WHERE status = 'target' ORDER BY id LIMIT 1"
    ).fetchall()[0][0]
    contacts.add_contact(conn, "Bo", "Holm", company=name)  # matches the demo company
    demo.remove_demo(conn)
    # As added by hand, with the name typed: what contacts.add_contact makes of a new company.
    assert conn.execute("SELECT name, source, status FROM companies").fetchall() == [
        (name, "manual", "network")
    ]
    assert not demo.has_demo(conn)
    assert home.stats(conn)["contacts"] == 1


def test_removing_the_demo_leaves_no_alias_of_a_removed_row(conn):
    ada = own_data(conn)
    nimbus = contacts.get_contact(conn, ada).company_id
    demo.load_demo(conn, today=TODAY)
    # Two demo companies merged, and a demo company merged into the user's company.
    first, second, third = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM companies WHERE source = 'demo' ORDER BY id LIMIT 3"
        ).fetchall()
    ]
    targets.merge_companies(conn, first, second)
    targets.merge_companies(conn, nimbus, third)
    # Two demo people merged, and a demo person merged into the user's person.
    one, two, three = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM contacts WHERE source = 'demo' ORDER BY id LIMIT 3"
        ).fetchall()
    ]
    contacts.merge_contacts(conn, one, two)
    contacts.merge_contacts(conn, ada, three)
    kept = conn.execute(
        "SELECT (SELECT list(match_key) FROM company_aliases WHERE company_id = ?),"
        " (SELECT count(*) FROM contact_aliases)",
        [nimbus],
    ).fetchall()[0]
    # A made-up person has no key an import could find anyone by, so none is kept for them.
    assert len(kept[0]) == 1 and kept[1] == 0

    demo.remove_demo(conn)
    orphans = conn.execute(
        "SELECT (SELECT count(*) FROM company_aliases"
        "        WHERE company_id NOT IN (SELECT id FROM companies)),"
        " (SELECT count(*) FROM contact_aliases WHERE contact_id NOT IN (SELECT id FROM contacts))"
    ).fetchall()[0]
    assert orphans == (0, 0)
    # The alias that now belongs to the user's company stays with it.
    assert (
        conn.execute(
            "SELECT (SELECT list(match_key) FROM company_aliases),"
            " (SELECT count(*) FROM contact_aliases)"
        ).fetchall()[0]
        == kept
    )


def test_the_demo_needs_people_of_its_own(conn):
    importer.import_connections(conn, read_connections(demo.SAMPLE_PATH))
    before = snapshot(conn)
    with pytest.raises(InvalidInputError) as refused:
        demo.load_demo(conn, today=TODAY)
    assert snapshot(conn) == before
    # Why (the same made-up people as the sample, which you have) and what to do instead.
    message = str(refused.value)
    assert message == demo.ALREADY_HAVE_THE_PEOPLE
    for words in ("same made-up people", "data/sample", "already has them", "undo that import"):
        assert words in message


# A seniority word before a person's title ("Head of Product Manager", "VP Nurse").
SENIORITY_BEFORE_A_PERSON = re.compile(
    r"^(Head of|VP|Vice President|Director,?|Chief) (?!of\b).*"
    r"\b(Manager|Analyst|Nurse|Engineer|Scientist|Designer|Executive|Recruiter|Consultant"
    r"|Teacher|Counsel|Partner|Planner)$"
)


def demo_titles(conn):
    return [
        row[0]
        for row in conn.execute(
            "SELECT position FROM contacts WHERE source = 'demo' ORDER BY profile_key"
        ).fetchall()
    ]


def test_every_demo_title_is_a_whole_title_someone_really_holds(conn, tmp_path):
    demo.load_demo(conn, today=TODAY)
    titles = demo_titles(conn)
    assert [t for t in titles if SENIORITY_BEFORE_A_PERSON.match(t)] == []
    every_title = {*demo._WHOLE_TITLE.values(), demo.REFERRED_TITLE}  # the ladders' rungs
    assert set(titles) <= every_title
    # Seniority varies as in a real network, and the same people hold the same titles each time.
    assert {"Lead Software Engineer", "Senior Product Manager", "Head of Product"} <= set(titles)
    again = db.connect(tmp_path / "again.duckdb")
    try:
        demo.load_demo(again, today=TODAY)
        assert demo_titles(again) == titles
    finally:
        again.close()


def test_the_title_check_catches_a_seniority_word_before_a_person():
    for broken in ("Head of Product Manager", "VP Nurse", "Director, Teacher"):
        assert SENIORITY_BEFORE_A_PERSON.match(broken)
    for whole in ("Head of Product", "VP of Engineering", "Director of Nursing", "Head Teacher"):
        assert not SENIORITY_BEFORE_A_PERSON.match(whole)


EXPORT_HEAD = "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
# The first person of the sample export, as a real person of that name might be exported.
ANOUK = "Anouk,Ivers,https://www.linkedin.com/in/anouk-ivers,,Real Works,Nurse,02 Feb 2024"


def test_demo_people_have_no_address_a_real_person_could_have(conn):
    demo.load_demo(conn, today=TODAY)
    keys = conn.execute(
        "SELECT linkedin_url, profile_key FROM contacts WHERE source = 'demo'"
    ).fetchall()
    assert len(keys) >= 140
    assert {url for url, _ in keys} == {None}  # no LinkedIn address, so no link to follow
    assert all(key.startswith("demo:") for _, key in keys)  # a key no import can carry
    # What the person's page shows: no "LinkedIn profile" button.
    anouk = conn.execute("SELECT id FROM contacts WHERE first_name = 'Anouk'").fetchall()[0][0]
    assert contacts.get_contact(conn, anouk).linkedin_url is None


def test_a_real_person_with_a_demo_persons_address_stays_theirs(conn):
    """Someone in the user's export may have the address a made-up person was generated with."""
    before = importer.import_file(conn, (EXPORT_HEAD + ANOUK).encode(), filename="mine.csv")
    assert before.added == 1
    summary = demo.load_demo(conn, today=TODAY)
    # The demo leaves the user's Anouk as she was and brings no second one.
    assert summary.people == 148  # the sample's 148 people, less Anouk, and Marit Solberg
    rows = conn.execute(
        "SELECT c.source, c.position, co.name FROM contacts c"
        " JOIN companies co ON co.id = c.company_id"
        " WHERE c.first_name = 'Anouk' AND c.last_name = 'Ivers'"
    ).fetchall()
    assert rows == [("linkedin", "Nurse", "Real Works")]
    # A later import finds the user's Anouk; removing the demo keeps her.
    again = importer.import_file(
        conn, (EXPORT_HEAD + ANOUK.replace("Nurse", "Charge Nurse")).encode(), filename="2.csv"
    )
    assert (again.added, again.updated) == (0, 1)
    demo.remove_demo(conn)
    assert conn.execute("SELECT source, position, linkedin_url FROM contacts").fetchall() == [
        ("linkedin", "Charge Nurse", "https://www.linkedin.com/in/anouk-ivers")
    ]


def test_an_import_after_the_demo_never_becomes_demo_data(conn):
    demo.load_demo(conn, today=TODAY)
    report = importer.import_file(conn, (EXPORT_HEAD + ANOUK).encode(), filename="mine.csv")
    assert report.added == 1
    demo.remove_demo(conn)
    assert conn.execute("SELECT first_name, source FROM contacts").fetchall() == [
        ("Anouk", "linkedin")
    ]


KEPT = "Your own people, companies and notes stay as they are."


def introduced_by_a_demo_person(conn):
    """As the user does in a debrief with a demo person: two people they introduced."""
    introducer = conn.execute(
        "SELECT min(contact_id) FROM meetings WHERE status = 'held'"
    ).fetchall()[0][0]
    with db.transaction(conn):
        referrals.add_referred_people(
            conn,
            introducer,
            [referrals.ReferredPerson("Bo", "Chen"), referrals.ReferredPerson("Maria", "Lund")],
        )
    return introducer


def test_the_warning_before_removal_says_what_stays_and_what_goes(conn):
    own_data(conn)
    demo.load_demo(conn, today=TODAY)
    assert demo.removal_warning(conn) == (
        f"This deletes every demo person and company and everything logged about them. {KEPT}"
    )
    introduced_by_a_demo_person(conn)
    warning = demo.removal_warning(conn)
    assert warning.endswith(
        f"{KEPT} Bo Chen and Maria Lund, whom a demo person introduced to you, stay;"
        " only those introductions go with the demo. They will be cold, no longer 2nd degree, as"
        " only demo people connect you to them."
    )


def test_people_a_demo_person_introduced_stay_without_the_introduction(conn):
    demo.load_demo(conn, today=TODAY)
    introduced_by_a_demo_person(conn)
    assert {link.name for link in referrals.referral_picture(conn).links} >= {
        "Bo Chen",
        "Maria Lund",
    }
    demo.remove_demo(conn)
    kept = conn.execute(
        "SELECT first_name, last_name, source, degree, referred_by, mutual_contact_id"
        " FROM contacts ORDER BY first_name"
    ).fetchall()
    # No one connects you to them now: cold, as a 2nd must name who does.
    assert kept == [
        ("Bo", "Chen", "referral", "cold", None, None),
        ("Maria", "Lund", "referral", "cold", None, None),
    ]
    assert referrals.referral_picture(conn).links == []  # as the warning said
    assert demo.removal_warning(conn) == (
        f"This deletes every demo person and company and everything logged about them. {KEPT}"
    )


def test_the_warning_names_a_few_and_counts_the_rest(conn):
    ada = own_data(conn)
    demo.load_demo(conn, today=TODAY)
    introducer = introduced_by_a_demo_person(conn)
    other = conn.execute(
        "SELECT max(id) FROM contacts WHERE source = 'demo' AND id <> ?", [introducer]
    ).fetchall()[0][0]
    with db.transaction(conn):
        referrals.add_referred_people(
            conn, other, [referrals.ReferredPerson("Cy", "Abel"), referrals.ReferredPerson("Di")]
        )
    contacts.update_contact(
        conn,
        ada,
        email="",
        degree="2nd",
        mutual_contact_id=other,
        referred_by=None,
        notes="",
        tags="",
    )
    assert demo.removal_warning(conn).endswith(
        f"{KEPT} Bo Chen, Cy Abel, Di and one more, whom demo people introduced to you,"
        " stay; only those introductions go with the demo. Ada Quill stays too, without the"
        " demo person you named as the mutual contact. They will be cold, no longer 2nd degree, as"
        " only demo people connect you to them."
    )


def test_the_demo_never_adopts_a_person_of_the_users_without_an_address(conn):
    """An export row without an address is known by name and day; a made-up person may share
    both, and the importer would give that person the demo's key."""
    mine = "Anouk,Ivers,,,Real Works,Nurse,17 May 2026"  # the sample's Anouk, to the day
    importer.import_file(conn, (EXPORT_HEAD + mine).encode(), filename="mine.csv")
    demo.load_demo(conn, today=TODAY)
    rows = conn.execute(
        "SELECT source, position, linkedin_url FROM contacts"
        " WHERE first_name = 'Anouk' AND last_name = 'Ivers'"
    ).fetchall()
    assert rows == [("linkedin", "Nurse", None)]


def test_the_users_person_merged_into_a_demo_one_stays_when_the_demo_goes(conn):
    demo.load_demo(conn)
    pretend = conn.execute("SELECT min(id) FROM contacts WHERE source = 'demo'").fetchall()[0][0]
    mine = contacts.add_contact(conn, "Ada", "Lovelace", notes="met at the meetup")
    interactions.log_interaction(conn, mine, "outreach", subject="Coffee?")
    contacts.merge_contacts(conn, keep_id=pretend, drop_id=mine)  # kept the wrong one
    demo.remove_demo(conn)
    [(kept, notes)] = conn.execute("SELECT id, notes FROM contacts").fetchall()
    assert kept == pretend and "met at the meetup" in notes
    assert conn.execute(
        "SELECT subject FROM interactions WHERE contact_id = ?", [kept]
    ).fetchall() == [("Coffee?",)]


def demo_company(conn, status):
    """The first demo company the demo gave this status, with what the demo set on it."""
    return conn.execute(
        "SELECT id, name, industry, motivation, postings, ruled_out_reason FROM companies"
        " WHERE source = 'demo' AND status = ? ORDER BY id LIMIT 1",
        [status],
    ).fetchall()[0]


def test_a_kept_demo_company_keeps_none_of_the_demos_decisions(conn):
    """The walkthrough: the user's export has people at companies named as the demo's; once
    the demo goes, those companies are as the user's own import would have made them."""
    demo.load_demo(conn, today=TODAY)
    ruled_out = demo_company(conn, "ruled_out")
    target = demo_company(conn, "target")
    assert ruled_out[5]  # the demo's made-up reason, say "Long hours and little room…"
    assert target[3] > 0  # and a made-up motivation
    mine = "\n".join(
        (
            f"Ida,Berg,https://www.linkedin.com/in/ida-berg,,{ruled_out[1]},Nurse,02 Feb 2024",
            f"Jon,Falk,https://www.linkedin.com/in/jon-falk,,{target[1]},Teacher,03 Feb 2024",
        )
    )
    report = importer.import_file(conn, (EXPORT_HEAD + mine).encode(), filename="mine.csv")
    assert report.added == 2
    # Both went to the demo's companies, as the importer finds a company by its name.
    assert conn.execute(
        "SELECT list(company_id ORDER BY first_name) FROM contacts WHERE source = 'linkedin'"
    ).fetchall()[0][0] == [ruled_out[0], target[0]]

    demo.remove_demo(conn)
    # What importer._add_companies makes: a network company, nothing decided about it.
    plain = ("network", None, None, 0, 0, "", "linkedin")
    assert conn.execute(
        "SELECT id, name, status, industry, ruled_out_reason, motivation, postings,"
        " research_notes, source FROM companies ORDER BY id"
    ).fetchall() == sorted([(ruled_out[0], ruled_out[1], *plain), (target[0], target[1], *plain)])
    assert home.stats(conn)["contacts"] == 2


def test_a_kept_company_loses_the_answers_of_demo_meetings_and_keeps_the_users_words(conn):
    """A debrief of a demo meeting writes its answers into the company's notes (a block marked
    with the meeting): that block goes with the meeting; what the user typed there stays, and
    so do the answers of the user's own meetings."""
    demo.load_demo(conn, today=TODAY)
    meeting_id, company_id, name = conn.execute(
        "SELECT m.id, c.company_id, co.name FROM meetings m"
        " JOIN contacts c ON c.id = m.contact_id JOIN companies co ON co.id = c.company_id"
        " WHERE m.status = 'held' ORDER BY m.id LIMIT 1"
    ).fetchall()[0]
    ida = contacts.add_contact(conn, "Ida", "Berg", company=name)  # the user's, at that name
    assert contacts.get_contact(conn, ida).company_id == company_id
    question = conn.execute(
        "SELECT id FROM meeting_questions WHERE meeting_id = ? ORDER BY id LIMIT 1", [meeting_id]
    ).fetchall()[0][0]
    meetings.record_debrief(
        conn, meeting_id, "held", actual_minutes=20, answers={question: "Mostly meetings."}
    )
    # The user's own meeting with Ida, debriefed, and a line of their own in between.
    own = meetings.schedule_meeting(conn, ida, datetime(2026, 5, 1, 9, tzinfo=UTC))
    with db.transaction(conn):
        conn.execute(
            "INSERT INTO meeting_questions (meeting_id, question, answer)"
            " VALUES (?, 'What is hard here?', '')",
            [own],
        )
    own_question = conn.execute(
        "SELECT id FROM meeting_questions WHERE meeting_id = ?", [own]
    ).fetchall()[0][0]
    notes = conn.execute(
        "SELECT research_notes FROM companies WHERE id = ?", [company_id]
    ).fetchall()[0][0]
    with db.transaction(conn):
        conn.execute(
            "UPDATE companies SET research_notes = ? WHERE id = ?",
            [notes + "\n\nMy own note: they hire in spring.", company_id],
        )
    meetings.record_debrief(
        conn, own, "held", actual_minutes=30, answers={own_question: "Finding people."}
    )
    notes = conn.execute(
        "SELECT research_notes FROM companies WHERE id = ?", [company_id]
    ).fetchall()[0][0]
    assert meetings.answered_meetings(notes) == {meeting_id, own}

    demo.remove_demo(conn)
    [(kept,)] = conn.execute("SELECT research_notes FROM companies").fetchall()
    assert kept == (
        "My own note: they hire in spring.\n\n"
        f"Answers from the meeting with Ida Berg on 1 May 2026:{meetings.answers_key(own)}\n"
        "Q: What is hard here?\n"
        "A: Finding people.\n"
        f"(End of these answers.){meetings.answers_key(own)}"
    )


def test_the_answers_of_a_demo_meeting_leave_the_users_own_company_too(conn):
    """A demo person at a company of the user's (the user imported first): the demo never
    touches that company, but a debrief of the demo person's meeting writes to its notes."""
    demo.load_demo(conn, today=TODAY)
    meeting_id, demo_person = conn.execute(
        "SELECT id, contact_id FROM meetings WHERE status = 'held' ORDER BY id LIMIT 1"
    ).fetchall()[0]
    ada = contacts.add_contact(conn, "Ada", "Quill", company="Nimbus Labs")
    nimbus = contacts.get_contact(conn, ada).company_id
    with db.transaction(conn):
        conn.execute("UPDATE contacts SET company_id = ? WHERE id = ?", [nimbus, demo_person])
        conn.execute("UPDATE companies SET research_notes = 'Mine.' WHERE id = ?", [nimbus])
    question = conn.execute(
        "SELECT id FROM meeting_questions WHERE meeting_id = ? ORDER BY id LIMIT 1", [meeting_id]
    ).fetchall()[0][0]
    meetings.record_debrief(conn, meeting_id, "held", answers={question: "Mostly meetings."})
    assert (
        "Mostly meetings."
        in conn.execute("SELECT research_notes FROM companies WHERE id = ?", [nimbus]).fetchall()[
            0
        ][0]
    )

    demo.remove_demo(conn)
    assert conn.execute("SELECT id, research_notes, source FROM companies").fetchall() == [
        (nimbus, "Mine.", "manual")
    ]


def test_the_warning_says_a_kept_company_goes_back_to_plain(conn):
    demo.load_demo(conn, today=TODAY)
    ruled_out = demo_company(conn, "ruled_out")
    contacts.add_contact(conn, "Ida", "Berg", company=ruled_out[1])
    assert demo.removal_warning(conn) == (
        "This deletes every demo person and company and everything logged about them. "
        f"{KEPT} {ruled_out[1]} stays, as one of your people works there, but as a plain"
        " company of your network: what was set on it while the demo was loaded (its status,"
        " industry, scores and reason) goes."
    )
