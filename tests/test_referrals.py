import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb
import pytest
from openpyxl import load_workbook

from infoint import (
    contacts,
    db,
    export,
    funnel,
    home,
    insight_charts,
    interactions,
    meetings,
    referrals,
    targets,
)
from infoint.errors import InvalidInputError
from infoint.referrals import ReferredPerson


def person(conn, name, *, referred_by=None, company=None):
    first, _, last = name.partition(" ")
    company_id = None
    if company:
        company_id = conn.execute(
            "INSERT INTO companies (name, match_key) VALUES (?, lower(?)) RETURNING id",
            [company, company],
        ).fetchall()[0][0]
    return conn.execute(
        "INSERT INTO contacts (profile_key, first_name, last_name, company_id, referred_by)"
        " VALUES (?, ?, ?, ?, ?) RETURNING id",
        [name, first, last, company_id, referred_by],
    ).fetchall()[0][0]


@pytest.fixture
def chains(conn):
    """You reached Ana. Ana introduced Bo and Cy; Bo introduced Di; Di introduced Ed.

    Bo: contacted, replied and met (and introduced Di, so Referred). Cy: contacted only.
    Di: contacted and replied (and introduced Ed, so Referred). Ed: not contacted.
    """
    ana = person(conn, "Ana Lee", company="Acme")
    bo = person(conn, "Bo Chen", referred_by=ana)
    cy = person(conn, "Cy Dunn", referred_by=ana)
    di = person(conn, "Di Eze", referred_by=bo)
    ed = person(conn, "Ed Fox", referred_by=di)
    for who in (bo, cy, di):
        interactions.log_interaction(conn, who, "outreach", occurred_at=date(2026, 3, 2))
    for who in (bo, di):
        interactions.log_interaction(conn, who, "reply", occurred_at=date(2026, 3, 3))
    conn.execute(
        "INSERT INTO meetings (contact_id, starts_at, status) VALUES (?, ?, 'held')",
        [bo, "2026-03-05 10:00+00"],
    )
    return {"ana": ana, "bo": bo, "cy": cy, "di": di, "ed": ed}


def test_parse_one_person_per_line():
    text = "Bo Chen; Beta Labs; Head of Research\n\n  Cy  \nDi Ann Eze, Gamma\n"
    assert referrals.parse_referred(text) == [
        ReferredPerson("Bo", "Chen", "Beta Labs", "Head of Research"),
        ReferredPerson("Cy", "", "", ""),
        ReferredPerson("Di", "Ann Eze", "Gamma", ""),
    ]
    assert referrals.parse_referred("  \n ") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [(", Beta", "Line 1 has no name"), ("Bo\nCy; A; B; C", "Line 2 has more than three parts")],
)
def test_parse_refuses_what_it_cannot_read(text, message):
    with pytest.raises(InvalidInputError, match=message):
        referrals.parse_referred(text)


def test_add_referred_people_inside_a_transaction(conn):
    ana = person(conn, "Ana Lee")
    with db.transaction(conn):
        added = referrals.add_referred_people(
            conn, ana, [ReferredPerson("Bo", "Chen", "Beta Labs", "Researcher")]
        ).added
    row = conn.execute(
        "SELECT c.first_name, c.last_name, co.name, c.position, c.degree, c.source,"
        " c.referred_by, c.mutual_contact_id"
        " FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.id = ?",
        added,
    ).fetchall()
    assert row == [("Bo", "Chen", "Beta Labs", "Researcher", "2nd", "referral", ana, ana)]
    # the same name from the same introducer is not added twice
    with db.transaction(conn):
        again = referrals.add_referred_people(conn, ana, [ReferredPerson("bo", "chen")])
    assert (again.added, again.known) == ((), ("Bo Chen",))
    assert again.sentences == ["Already introduced by Ana Lee: Bo Chen."]
    # the introducer is Referred; the person introduced starts at no stage
    assert [s.count for s in funnel.stage_counts(conn)] == [1, 1, 1, 1, 0]


def test_chain_back_to_where_it_started(conn, chains):
    steps = referrals.referral_chain(conn, chains["ed"])
    assert [(s.name, s.hops) for s in steps] == [
        ("Ana Lee", 3),
        ("Bo Chen", 2),
        ("Di Eze", 1),
        ("Ed Fox", 0),
    ]
    assert steps[0].company == "Acme"
    assert [s.stage for s in steps] == [4, 4, 4, 0]
    # someone nobody introduced is a chain of one
    assert [s.name for s in referrals.referral_chain(conn, chains["ana"])] == ["Ana Lee"]


def test_chain_stops_at_a_cycle(conn):
    x = person(conn, "Xi Yu")
    y = person(conn, "Yo Zed", referred_by=x)
    conn.execute("UPDATE contacts SET referred_by = ? WHERE id = ?", [y, x])
    assert [s.name for s in referrals.referral_chain(conn, x)] == ["Yo Zed", "Xi Yu"]
    assert [s.name for s in referrals.referral_chain(conn, y)] == ["Xi Yu", "Yo Zed"]
    yields = {y.name: (y.introduced, y.further_down) for y in referrals.referral_yields(conn)}
    assert yields == {"Xi Yu": (1, 0), "Yo Zed": (1, 0)}
    figure = insight_charts.referral_figure(referrals.referral_picture(conn).links)
    names = [t for trace in figure["data"][2:] for t in trace["text"]]
    assert sorted(names) == ["Xi Yu", "Yo Zed"]


def test_yields_count_introductions_and_how_far_they_went(conn, chains):
    got = {y.name: y for y in referrals.referral_yields(conn)}
    assert set(got) == {"Ana Lee", "Bo Chen", "Di Eze"}
    ana = got["Ana Lee"]
    # Bo (met, referred) and Cy (contacted): 2 introduced, 2 contacted, 1 replied, 1 met,
    # 1 referred; further down: Di and Ed
    assert (ana.introduced, ana.contacted, ana.replied, ana.met, ana.referred) == (2, 2, 1, 1, 1)
    assert (ana.opportunity, ana.further_down, ana.company) == (0, 2, "Acme")
    bo = got["Bo Chen"]
    # Di never met you but introduced Ed: stages are cumulative, so Di counts as met too
    assert (bo.introduced, bo.contacted, bo.replied, bo.met, bo.further_down) == (1, 1, 1, 1, 1)
    di = got["Di Eze"]
    assert (di.introduced, di.contacted, di.further_down) == (1, 0, 0)
    # Ana's and Bo's went as far (Bo and Di are Referred); then Ana has more contacted (2 to 1)
    assert list(got) == ["Ana Lee", "Bo Chen", "Di Eze"]


def test_links_and_the_picture(conn, chains):
    links = {link.name: link for link in referrals.referral_picture(conn).links}
    assert set(links) == {"Ana Lee", "Bo Chen", "Cy Dunn", "Di Eze", "Ed Fox"}
    assert links["Ana Lee"].introducer_id is None
    assert links["Ed Fox"].introducer_id == chains["di"]
    figure = insight_charts.referral_figure(list(links.values()))
    people = {
        text: (x, trace["name"])
        for trace in figure["data"][2:]
        for text, x in zip(trace["text"], trace["x"], strict=True)
    }
    # left to right: you, Ana (reached by you), Bo and Cy, Di, Ed
    assert people == {
        "Ana Lee": (1, "Referred"),
        "Bo Chen": (2, "Referred"),
        "Cy Dunn": (2, "Contacted"),
        "Di Eze": (3, "Referred"),
        "Ed Fox": (4, "Not contacted"),
    }
    # one line per person, from who introduced them (or from you at 0), each ending in a gap
    # (None: plotly.js breaks a line at a null)
    lines = figure["data"][0]["x"]
    assert len(lines) == 15 and sum(x is None for x in lines) == 5
    assert lines[2::3] == [None] * 5
    assert lines[:2] == [0, 1]  # you -> Ana


def test_names_in_the_picture_are_plain_text(conn):
    ana = person(conn, "<b>Ana</b> &")
    person(conn, "Bo <a href='x'>", referred_by=ana)
    figure = insight_charts.referral_figure(referrals.referral_picture(conn).links)
    texts = [t for trace in figure["data"][2:] for t in trace["text"]]
    assert sorted(texts) == ["&lt;b&gt;Ana&lt;/b&gt; &amp;", "Bo &lt;a href='x'&gt;"]


def test_no_referrals_yet(conn):
    person(conn, "Ana Lee")
    assert referrals.referral_picture(conn).links == []
    assert referrals.referral_yields(conn) == []
    assert referrals.referred_people(conn) == []
    assert referrals.referral_totals(conn).sentence == ""


def introduce(conn, introducer, text):
    with db.transaction(conn):
        return referrals.add_referred_people(conn, introducer, referrals.parse_referred(text))


def contact_links(conn, contact_id):
    return conn.execute(
        "SELECT degree, referred_by, mutual_contact_id FROM contacts WHERE id = ?", [contact_id]
    ).fetchall()[0]


def count_contacts(conn):
    return conn.execute("SELECT count(*) FROM contacts").fetchall()[0][0]


def test_someone_already_in_contacts_is_marked_as_introduced_not_added_again(conn):
    saul = contacts.add_contact(conn, "Saul", "Kim", company="Acme")
    vik = contacts.add_contact(conn, "Vik", "Adler", company="Nimbus Consulting")
    # the company by its match key ("Ltd" aside), the name in any case
    got = introduce(conn, saul, "vik ADLER; Nimbus Consulting Ltd; Director")
    assert (got.added, got.marked) == ((), ("Vik Adler",))
    assert got.sentences == [
        "Vik Adler was already in your contacts: now marked as introduced by Saul Kim."
    ]
    assert contact_links(conn, vik) == ("1st", saul, None)  # known directly: no mutual contact
    assert count_contacts(conn) == 2
    # saving the same names again changes nothing
    again = introduce(conn, saul, "Vik Adler; Nimbus Consulting Ltd; Director")
    assert (again.added, again.marked, again.known) == ((), (), ("Vik Adler",))
    assert count_contacts(conn) == 2


def test_a_first_name_alone_finds_the_one_person_of_that_name(conn):
    saul = contacts.add_contact(conn, "Saul", "Kim")
    maria = contacts.add_contact(conn, "Maria", "Lopez")
    peter = contacts.add_contact(conn, "Peter", "Novak", company="Beta", mutual_contact_id=maria)
    got = introduce(conn, saul, "Peter")
    assert got.marked == ("Peter Novak",)
    # the mutual contact already set stays; only an empty one becomes the introducer
    assert contact_links(conn, peter) == ("1st", saul, maria)
    assert count_contacts(conn) == 3


def test_a_line_naming_several_contacts_adds_nothing_and_says_what_to_add(conn):
    saul = contacts.add_contact(conn, "Saul", "Kim")
    novak = contacts.add_contact(conn, "Peter", "Novak", company="Beta")
    ode = contacts.add_contact(conn, "Peter", "Ode", company="Gamma")
    got = introduce(conn, saul, "Bo Chen\npeter")
    assert len(got.added) == 1 and got.marked == ()
    assert got.unclear == ((2, "peter", 2, "add their last name or company to tell them apart"),)
    assert got.sentences[-1] == (
        "Line 2 (peter) matches 2 people in your contacts, so nothing was added for it: "
        "add their last name or company to tell them apart."
    )
    assert [contact_links(conn, p)[1] for p in (novak, ode)] == [None, None]
    # with the company, the line is clear
    assert introduce(conn, saul, "Peter, Gamma").marked == ("Peter Ode",)
    assert [contact_links(conn, p)[1] for p in (novak, ode)] == [None, saul]
    # and the bare first name now means the one Saul introduced
    assert introduce(conn, saul, "Peter").known == ("Peter Ode",)
    assert count_contacts(conn) == 4


def test_a_contact_introduced_by_someone_else_is_left_as_it_was(conn):
    maria = contacts.add_contact(conn, "Maria", "Lopez")
    saul = contacts.add_contact(conn, "Saul", "Kim")
    vik = contacts.add_contact(conn, "Vik", "Adler", referred_by=maria)
    got = introduce(conn, saul, "Vik Adler")
    assert got.sentences == [
        "Vik Adler was already in your contacts, introduced by Maria Lopez: left as it was."
    ]
    assert contact_links(conn, vik)[1] == maria


def test_the_person_met_and_who_led_to_them_are_not_introduced_again(conn):
    maria = contacts.add_contact(conn, "Maria", "Lopez")
    saul = contacts.add_contact(conn, "Saul", "Kim", referred_by=maria)
    got = introduce(conn, saul, "Saul Kim\nMaria Lopez")
    assert got.sentences == [
        "Saul Kim was already in your contacts, and is the person you met: left as it was.",
        "Maria Lopez was already in your contacts, and led you to Saul Kim: left as it was.",
    ]
    assert (contact_links(conn, saul)[1], contact_links(conn, maria)[1]) == (maria, None)


def test_a_different_company_is_a_different_person_and_no_company_fits_any(conn):
    saul = contacts.add_contact(conn, "Saul", "Kim")
    contacts.add_contact(conn, "Vik", "Adler", company="Nimbus")
    bo = contacts.add_contact(conn, "Bo", "Chen")
    got = introduce(conn, saul, "Vik Adler, Orbit Labs\nBo Chen, Beta Labs")
    assert len(got.added) == 1 and got.marked == ("Bo Chen",)
    assert contact_links(conn, bo)[1] == saul
    assert count_contacts(conn) == 4


def test_a_placeholder_company_is_no_company_on_either_side(conn):
    """A contact whose company is 'N/A' or 'Self-employed' has no employer on record, so any
    company named fits them, as it fits a contact with no company: Vik fits Orbit Labs, Cy
    fits Freelance, and Dee fits Acme, where her namesake at Orbit Labs does not."""
    saul = contacts.add_contact(conn, "Saul", "Kim")
    vik = contacts.add_contact(conn, "Vik", "Adler", company="N/A")
    cy = contacts.add_contact(conn, "Cy", "Berg", company="n/a")
    dee = contacts.add_contact(conn, "Dee", "Ode", company="Self-employed")
    contacts.add_contact(conn, "Dee", "Ode", company="Orbit Labs")
    got = introduce(conn, saul, "Vik Adler, Orbit Labs\nCy Berg, Freelance\nDee Ode, Acme")
    # Dee has a namesake (at Orbit Labs): said with what her record holds, to tell them apart
    marked = ("Vik Adler", "Cy Berg", "Dee Ode (Self-employed)")
    assert (got.added, got.marked, got.unclear) == ((), marked, ())
    assert [contact_links(conn, p)[1] for p in (vik, cy, dee)] == [saul, saul, saul]
    assert count_contacts(conn) == 5


def test_a_company_named_by_a_name_merged_away_is_the_company_kept(conn):
    saul = contacts.add_contact(conn, "Saul", "Kim")
    vik = contacts.add_contact(conn, "Vik", "Adler", company="Nimbus")
    contacts.add_contact(conn, "Vik", "Adler", company="Orbit Labs")  # the company decides
    nimbus = contacts.get_contact(conn, vik).company_id
    targets.merge_companies(conn, nimbus, targets.add_company(conn, "Nimbus Cloud"))
    # "Nimbus Cloud Ltd" has the merged company's match key: it stands for Nimbus now.
    got = introduce(conn, saul, "Vik Adler, Nimbus Cloud Ltd\nBo Chen, Nimbus Cloud")
    assert got.marked == ("Vik Adler (Nimbus)",)  # told apart from the Vik at Orbit Labs
    assert contact_links(conn, vik) == ("1st", saul, None)  # known directly: no mutual contact
    # the one new person is placed at the company kept, not at a revived "Nimbus Cloud"
    [bo] = got.added
    assert contacts.get_contact(conn, bo).company_id == nimbus
    assert count_contacts(conn) == 4


def test_totals_count_every_introducer_the_funnel_counts_named_or_not(conn):
    """Eva introduced Lu (logged at the meeting, and Lu added as introduced by her); Sam's
    introduction was logged without a name. Two people introduced you, as Referred says;
    the table lists Eva alone, so the headline says she is the one who named someone and
    Sam the other, who logged an introduction without a name: the headline names Sam, so the
    user knows whose introduction to add."""
    eva, sam = person(conn, "Eva Holm"), person(conn, "Sam Ode")
    interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, sam, "referral", occurred_at=date(2026, 3, 3))
    lu = person(conn, "Lu Park", referred_by=eva)
    interactions.log_interaction(conn, lu, "outreach", occurred_at=date(2026, 3, 4))
    referred = next(c for c in funnel.stage_counts(conn) if c.stage == "referred")
    totals = referrals.referral_totals(conn)
    assert totals == referrals.Totals(
        introducers=2,
        named_by=1,
        introduced=1,
        contacted=1,
        met=0,
        unnamed=1,
        unnamed_by=("Sam Ode",),
    )
    assert totals.introducers == referred.count
    assert totals.named_by == len(referrals.referral_yields(conn))  # the table's rows
    assert totals.sentence == (
        "2 people introduced you to someone (Referred or further in your funnel). "
        "1 of them, listed in the table below, named 1 person. "
        "You have written to that person and not met them yet. From Sam Ode, you logged an "
        "introduction without a name: add that person on the Contacts page (“Add a person by "
        "hand”), with Sam Ode as who put you in touch."
    )


def test_the_headline_adds_up_to_the_table_and_says_who_named_nobody(conn):
    """Ana named Bo and Cy; Eva named Lu (and logged it too); Sam logged two introductions and
    Tom one, all without a name. By hand: 4 introducers; the table lists the 2 who named
    someone (Ana, Eva); they named 3 people, of whom you wrote to Lu alone (1 of 3, 33 %) and
    met nobody; the other 2 (Sam, Tom) logged 3 introductions without a name."""
    ana, eva = person(conn, "Ana Lee"), person(conn, "Eva Holm")
    sam, tom = person(conn, "Sam Ode"), person(conn, "Tom Ruiz")
    person(conn, "Bo Chen", referred_by=ana)
    person(conn, "Cy Dunn", referred_by=ana)
    lu = person(conn, "Lu Park", referred_by=eva)
    for who, day in ((eva, 2), (sam, 3), (sam, 9), (tom, 4)):
        interactions.log_interaction(conn, who, "referral", occurred_at=date(2026, 3, day))
    interactions.log_interaction(conn, lu, "outreach", occurred_at=date(2026, 3, 5))
    totals = referrals.referral_totals(conn)
    assert totals == referrals.Totals(
        introducers=4,
        named_by=2,
        introduced=3,
        contacted=1,
        met=0,
        unnamed=3,
        unnamed_by=("Sam Ode", "Tom Ruiz"),
    )
    # Eva's went further (Lu, written to) than Ana's (Bo and Cy, not yet)
    assert [y.name for y in referrals.referral_yields(conn)] == ["Eva Holm", "Ana Lee"]
    assert totals.sentence == (
        "4 people introduced you to someone (Referred or further in your funnel). "
        "2 of them, listed in the table below, named 3 people. "
        "Of the 3 people they named, you have written to 1 (33 %) and met none yet. From Sam "
        "Ode and Tom Ruiz, you "
        "logged 3 introductions without a name: add those people on the Contacts page (“Add a "
        "person by hand”), each with who put you in touch."
    )


def test_when_everyone_named_someone_the_headline_needs_no_aside(conn, chains):
    """Ana (Bo, Cy), Bo (Di) and Di (Ed) named everyone they introduced: 3 introducers, all
    in the table; 4 people named, 3 written to (Bo, Cy, Di: 75 %), 2 met or further (Bo met;
    Di is Referred, past Met in the funnel, for introducing Ed)."""
    totals = referrals.referral_totals(conn)
    assert totals.named_by == totals.introducers == len(referrals.referral_yields(conn)) == 3
    assert totals.sentence == (
        "3 people introduced you to someone (Referred or further in your funnel). "
        "They named 4 people. Of the 4 people they named, you have written to 3 (75 %) and met 2."
    )


def test_totals_with_only_introductions_logged_without_a_name(conn):
    sam = person(conn, "Sam Ode")
    interactions.log_interaction(conn, sam, "referral", occurred_at=date(2026, 3, 3))
    interactions.log_interaction(conn, sam, "referral", occurred_at=date(2026, 3, 9))
    totals = referrals.referral_totals(conn)
    # two introductions logged, by one person: the sentence counts what was logged
    assert totals == referrals.Totals(
        introducers=1,
        named_by=0,
        introduced=0,
        contacted=0,
        met=0,
        unnamed=2,
        unnamed_by=("Sam Ode",),
    )
    assert totals.sentence == (
        "1 person introduced you to someone (Referred or further in your funnel). "
        "From Sam Ode, you logged 2 introductions without a name: add those people on the "
        "Contacts page (“Add a person by hand”), with Sam Ode as who put you in touch."
    )


def test_the_hover_on_you_points_to_where_the_people_you_reached_are(conn, chains):
    """You sit at x = 0 and the people you reached yourself (Ana) in the column at x = 1:
    to your right, so the hover must not send the eye to the left."""
    figure = insight_charts.referral_figure(referrals.referral_picture(conn).links)
    [you] = [trace for trace in figure["data"] if trace.get("name") == "You"]
    column = {
        t: x for trace in figure["data"][2:] for t, x in zip(trace["text"], trace["x"], strict=True)
    }
    assert column["Ana Lee"] > you["x"][0]
    assert "right" in you["hovertemplate"] and "left" not in you["hovertemplate"]


def test_the_top_row_of_names_has_room_above_it(conn, chains):
    """Plotly fitted the range to the dots alone, so names above the top row were cut."""
    figure = insight_charts.referral_figure(referrals.referral_picture(conn).links)
    rows = [y for trace in figure["data"][1:] for y in trace["y"]]
    bottom, top = figure["layout"]["yaxis"]["range"]  # reversed: the first row at the top
    assert top <= min(rows) - 0.5 and bottom >= max(rows) + 0.4
    assert all(trace["cliponaxis"] is False for trace in figure["data"][1:])


# When an introduction was recorded: contacts.referred_at, set with referred_by (0015).


def referred(conn, contact_id):
    return conn.execute(
        "SELECT referred_by, referred_at FROM contacts WHERE id = ?", [contact_id]
    ).fetchall()[0]


def introductions_by_week(conn):
    """Home's introductions last week and this week."""
    activity = home.weekly_activity(conn, weeks=2)
    return activity[activity["kind"] == "referral"]["count"].tolist()


def test_an_introduction_is_dated_when_it_is_recorded_not_when_the_contact_was_added(conn):
    """Bo came in with an import a week ago; Ana names him in this week's debrief. The
    introduction is this week's (it was dated by the import before), and Ana, who has no
    outreach of her own, enters the funnel's weeks this week too."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    bo = contacts.add_contact(conn, "Bo", "Chen", source="linkedin")
    conn.execute(
        "UPDATE contacts SET created_at = current_localtimestamp() - INTERVAL 7 DAY WHERE id = ?",
        [bo],
    )
    assert referred(conn, bo) == (None, None)
    before = datetime.now()
    introduce(conn, ana, "Bo Chen")
    by, at = referred(conn, bo)
    assert by == ana and at >= before - timedelta(minutes=1)
    assert introductions_by_week(conn) == [0, 1]  # last week, this week
    first_seen = conn.execute(
        "SELECT first_outreach_at FROM contact_stages WHERE contact_id = ?", [ana]
    ).fetchall()[0][0]
    assert first_seen == at
    assert [e.at for e in contacts.timeline(conn, bo)] == [at]


def test_clearing_an_introduction_clears_its_date_and_its_week(conn):
    """Forgetting the introducer clears every introduction they made, and its date."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    bo = contacts.add_contact(conn, "Bo", "Chen", referred_by=ana)
    assert referred(conn, bo)[1] is not None
    assert introductions_by_week(conn) == [0, 1]
    contacts.delete_contact(conn, ana)
    assert referred(conn, bo) == (None, None)
    assert introductions_by_week(conn) == [0, 0]


def test_someone_added_without_an_introducer_has_no_introduction_date(conn):
    cy = contacts.add_contact(conn, "Cy", "Dunn")
    assert referred(conn, cy) == (None, None)


def test_a_merge_keeps_the_introduction_with_its_own_date(conn):
    """Bo was imported; the same Bo was added by hand as introduced by Ana on 4 March. The
    merged Bo is introduced by Ana on 4 March, not on the day of the import."""
    ana = contacts.add_contact(conn, "Ana", "Lee")
    imported = contacts.add_contact(conn, "Bo", "Chen", source="linkedin")
    by_hand = contacts.add_contact(conn, "Bo", "Chen", referred_by=ana)
    conn.execute("UPDATE contacts SET referred_at = '2026-03-04 10:00' WHERE id = ?", [by_hand])
    contacts.merge_contacts(conn, imported, by_hand)
    assert referred(conn, imported) == (ana, datetime(2026, 3, 4, 10))


def test_an_older_database_gets_introduction_dates_from_when_each_person_was_added(tmp_path):
    path = tmp_path / "older.duckdb"
    old = duckdb.connect(str(path))
    db.apply_migrations(old, upto=14)
    old.execute(
        "INSERT INTO contacts (id, profile_key, first_name, referred_by, created_at) VALUES"
        " (1, 'a', 'Ana', NULL, '2026-01-05 09:00'), (2, 'b', 'Bo', 1, '2026-02-02 10:00')"
    )
    old.close()
    upgraded = db.connect(path)
    assert upgraded.execute("SELECT id, referred_at FROM contacts ORDER BY id").fetchall() == [
        (1, None),
        (2, datetime(2026, 2, 2, 10)),
    ]
    # Ana's introduction is what puts her in the funnel, on that day
    assert upgraded.execute(
        "SELECT stage, first_outreach_at FROM contact_stages WHERE contact_id = 1"
    ).fetchall() == [(4, datetime(2026, 2, 2, 10))]
    assert db.apply_migrations(upgraded) == []
    upgraded.close()


# The picture: the introducers whose introductions went furthest, with a bounded number of
# the people they introduced.


@pytest.fixture
def many_introducers(conn):
    """Twenty introducers (ids 1–20) named three people each (ids 21–80, in order). Only the
    last introducer's first person (id 78) was met, so that introducer ranks first; the
    rest tie and go by id."""
    introducers = [person(conn, f"Intro {n:02d}") for n in range(1, 21)]
    for introducer in introducers:
        for k in range(3):
            person(conn, f"Named {introducer:02d}-{k}", referred_by=introducer)
    conn.execute(
        "INSERT INTO meetings (contact_id, starts_at, status) VALUES (78, '2026-03-05 10:00+00',"
        " 'held')"
    )
    return introducers


def test_the_picture_draws_the_introducers_whose_introductions_went_furthest(
    conn, many_introducers
):
    picture = referrals.referral_picture(conn)
    drawn = {link.contact_id for link in picture.links}
    # first turn: the first (furthest along) person of each of the top 15 introducers —
    # introducer 20 (Named 20-0, met) and introducers 1–14; second turn: the next person of
    # the first ten of them (20, then 1–9), for 25 people in all
    top = [20, *range(1, 15)]
    firsts = {21 + 3 * (i - 1) for i in top}
    seconds = {22 + 3 * (i - 1) for i in top[:10]}
    assert drawn == set(top) | firsts | seconds
    assert (picture.introducers, picture.all_introducers) == (15, 20)
    assert (picture.people, picture.all_people) == (25, 60)
    assert picture.note == (
        "The picture shows the 15 introducers whose introductions went furthest and 25 of the "
        "60 people introduced, those furthest along first. And 5 more introducers: see the "
        "table above. Pick anyone introduced to you above to see their whole chain."
    )
    links = {link.contact_id: link for link in picture.links}
    assert links[20].introduced == 3 and links[78].introducer_id == 20
    figure = insight_charts.referral_figure(picture.links)
    assert max(y for trace in figure["data"][1:] for y in trace["y"]) == 24  # one row per person
    assert figure["layout"]["height"] == 120 + 38 * 25
    hovers = {
        text: details
        for trace in figure["data"][2:]
        for text, details in zip(trace["text"], trace["customdata"], strict=True)
    }
    assert hovers["Intro 01"] == ["no company yet", "3 people"]  # all three, one drawn
    assert hovers["Named 01-0"] == ["no company yet", "0 people"]


def test_the_picture_keeps_who_led_to_an_introducer_drawn(conn):
    """Ana introduced Bo; Bo introduced Cy and Di, both met, and Cy became an opportunity:
    Bo's introductions went further than Ana's (Bo, Referred), so only Bo is drawn as a top
    introducer, yet Ana, who led to him, stays in the picture, so Bo is not drawn as someone
    you reached yourself."""
    ana = person(conn, "Ana Lee")
    bo = person(conn, "Bo Chen", referred_by=ana)
    for name in ("Cy Dunn", "Di Eze"):
        met = person(conn, name, referred_by=bo)
        conn.execute(
            "INSERT INTO meetings (contact_id, starts_at, status)"
            " VALUES (?, '2026-03-05 10:00+00', 'held')",
            [met],
        )
        if name == "Cy Dunn":
            interactions.log_interaction(conn, met, "opportunity", occurred_at=date(2026, 3, 9))
    picture = referrals.referral_picture(conn, introducers=1, people=1)
    links = {link.name: link.introducer_id for link in picture.links}
    assert links == {"Ana Lee": None, "Bo Chen": ana, "Cy Dunn": bo}
    # Both introduced someone drawn: none is left to the table ("and 1 more introducer")
    assert (picture.introducers, picture.all_introducers) == (2, 2)
    assert (picture.people, picture.all_people) == (2, 3)
    assert "more introducer" not in picture.note
    figure = insight_charts.referral_figure(picture.links)
    depth = {
        t: x for trace in figure["data"][2:] for t, x in zip(trace["text"], trace["x"], strict=True)
    }
    assert depth == {"Ana Lee": 1, "Bo Chen": 2, "Cy Dunn": 3}


def test_a_small_picture_shows_everyone_and_says_nothing_more(conn, chains):
    picture = referrals.referral_picture(conn)
    assert len(picture.links) == 5 and picture.note == ""


def test_the_picture_note_says_one_introducer_in_the_singular(conn):
    """Pia's introduction went furthest (Quin introduced two more), so with room for one
    introducer the picture draws her and Quin; Quin's two are left to the table."""
    pia = contacts.add_contact(conn, "Pia", "Up")
    quin = contacts.add_contact(conn, "Quin", "Mid", referred_by=pia)
    for name in ("Ada", "Bea"):
        contacts.add_contact(conn, name, "Low", referred_by=quin)
    assert referrals.referral_picture(conn, introducers=1).note == (
        "The picture shows the 1 introducer whose introductions went furthest and 1 of the 3 "
        "people introduced, those furthest along first. And 1 more introducer: see the table "
        "above. Pick anyone introduced to you above to see their whole chain."
    )


def test_the_headline_writes_thousands_with_a_separator():
    totals = referrals.Totals(
        introducers=1_500,
        named_by=1_200,
        introduced=2_000,
        contacted=1_000,
        met=1_000,
        unnamed=0,
        unnamed_by=(),
    )
    assert totals.sentence == (
        "1,500 people introduced you to someone (Referred or further in your funnel). "
        "1,200 of them, listed in the table below, named 2,000 people. Of the 2,000 people "
        "they named, you have written to 1,000 (50 %) and met 1,000."
    )


def test_introductions_from_a_debrief_carry_the_meeting_s_moment_not_the_save_s(conn):
    """Ana, met on Wed 25 Nov 2026 at 10:00 in Auckland (21:00 on the 24th in UTC), names Bo
    (new) and Vik (already a contact) in a debrief saved later: both introductions are dated
    at the meeting's start on the user's clock, as the meeting held is, so the workbook says
    'Introduced on 25 Nov' and Home counts them in that meeting's week."""
    meetings.set_time_zone(conn, "Pacific/Auckland")
    ana = contacts.add_contact(conn, "Ana", "Lee")
    vik = contacts.add_contact(conn, "Vik", "Adler")
    met_at = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
    with db.transaction(conn):
        got = referrals.add_referred_people(
            conn,
            ana,
            referrals.parse_referred("Bo Chen, Beta Labs\nVik Adler"),
            introduced_at=met_at,
        )
    [bo] = got.added
    assert got.marked == ("Vik Adler",)
    for person in (bo, vik):
        assert referred(conn, person) == (ana, datetime(2026, 11, 25, 10, 0))
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    sheet = book["Introductions"]
    header = [cell.value for cell in sheet[1]]
    on = header.index("Introduced on")
    assert [row[on] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        datetime(2026, 11, 25),
        datetime(2026, 11, 25),
    ]
    activity = home.weekly_activity(conn, weeks=2, today=date(2026, 11, 30))
    assert activity[activity["kind"] == "referral"]["count"].tolist() == [1, 0]


@pytest.mark.parametrize(
    ("contacted", "met", "said"),
    [
        (0, 0, "You have not written to that person since they were named."),
        (1, 0, "You have written to that person and not met them yet."),
        (1, 1, "You have written to that person and met them."),
        (0, 1, "You have met that person."),
    ],
)
def test_one_person_named_is_spoken_of_as_one(contacted, met, said):
    totals = referrals.Totals(
        introducers=1,
        named_by=1,
        introduced=1,
        contacted=contacted,
        met=met,
        unnamed=0,
        unnamed_by=(),
    )
    assert totals.sentence.endswith(f"They named 1 person. {said}")


@pytest.mark.parametrize(
    ("met", "said"),
    [
        (0, "Of the 3 people they named, you have written to none since they were named."),
        (
            1,
            "Of the 3 people they named, you have written to none since they were named, "
            "but met 1.",
        ),
    ],
)
def test_none_of_several_named_written_to_is_said_as_none(met, said):
    totals = referrals.Totals(
        introducers=2,
        named_by=2,
        introduced=3,
        contacted=0,
        met=met,
        unnamed=0,
        unnamed_by=(),
    )
    assert totals.sentence.endswith(f"They named 3 people. {said}")


def test_many_who_named_nobody_are_named_a_few_and_counted():
    """Five introducers logged introductions without a name: three named, two counted."""
    totals = referrals.Totals(
        introducers=5,
        named_by=0,
        introduced=0,
        contacted=0,
        met=0,
        unnamed=6,
        unnamed_by=("Ana Lee", "Bo Chen", "Cy Dunn"),
    )
    assert totals.sentence == (
        "5 people introduced you to someone (Referred or further in your funnel). "
        "From Ana Lee, Bo Chen, Cy Dunn and 2 more, you logged 6 introductions without a name: "
        "add those people on the Contacts page (“Add a person by hand”), each with who put you "
        "in touch."
    )


def test_totals_name_at_most_three_who_named_nobody_in_alphabetical_order(conn):
    for name in ("Eve Roe", "ada Bly", "Cal Day", "Bob Fay"):
        who = person(conn, name)
        interactions.log_interaction(conn, who, "referral", occurred_at=date(2026, 3, 3))
    assert referrals.referral_totals(conn).unnamed_by == ("ada Bly", "Bob Fay", "Cal Day")


def stage_of(conn, who, stage):
    """Moves `who` to a funnel stage by what the user logs: 1 contacted, 2 replied, 3 met,
    5 an opportunity (4, Referred, is introducing someone: see the test)."""
    day = date(2026, 3, 2)
    if stage >= 1:
        interactions.log_interaction(conn, who, "outreach", occurred_at=day)
    if stage >= 2:
        interactions.log_interaction(conn, who, "reply", occurred_at=day + timedelta(days=1))
    if stage >= 3:
        conn.execute(
            "INSERT INTO meetings (contact_id, starts_at, status) VALUES (?, ?, 'held')",
            [who, "2026-03-05 10:00+00"],
        )
    if stage >= 5:
        interactions.log_interaction(conn, who, "opportunity", occurred_at=date(2026, 3, 9))


def test_the_introductions_that_went_furthest_come_first(conn):
    """By hand, each introducer and the stages of the people they introduced:
    Pia: 0, 0 (two introduced, neither written to: furthest is 'introduced only');
    Rex: 1 (one contacted); Sol: 3, 3 (two met); Tia: 3, 1, 1, 1 (one met, three
    contacted); Uma: 5 (an opportunity); Val: 2, 2 (two replied).
    Furthest first: Uma (opportunity), then Sol and Tia (met; Sol has 2 met to Tia's 1,
    though Tia introduced more), Val (replied), Rex (contacted), Pia (introduced only).
    The old order (meetings, then how many) put Pia, with 2 introduced, above Rex."""
    stages = {
        "Pia Ash": (0, 0),
        "Rex Bay": (1,),
        "Sol Cox": (3, 3),
        "Tia Dow": (3, 1, 1, 1),
        "Uma Eng": (5,),
        "Val Fry": (2, 2),
    }
    for name, reached in stages.items():
        introducer = person(conn, name)
        for n, stage in enumerate(reached):
            stage_of(conn, person(conn, f"{name.split()[0]}{n} Kid", referred_by=introducer), stage)
    order = ["Uma Eng", "Sol Cox", "Tia Dow", "Val Fry", "Rex Bay", "Pia Ash"]
    assert [y.name for y in referrals.referral_yields(conn)] == order
    # The picture draws the same introducers first: with room for two, Uma and Sol.
    picture = referrals.referral_picture(conn, introducers=2)
    assert {link.introducer_id for link in picture.links if link.introducer_id} == {
        conn.execute(
            "SELECT id FROM contacts WHERE first_name = ? AND last_name = ?", name.split()
        ).fetchall()[0][0]
        for name in order[:2]
    }


def test_a_name_typed_without_its_accents_is_the_contact_already_there(conn):
    """A walkthrough typed 'zoe nunez, Acme, Designer' in a debrief for the imported Zoë Ñúñez:
    a second person was added, and messages went to the copy while she had the address."""
    saul = contacts.add_contact(conn, "Saul", "Kim", company="Acme")
    zoe = contacts.add_contact(conn, "Zoë", "Ñúñez", company="Acme", position="Designer")
    got = introduce(conn, saul, "zoe nunez; Acme; Designer")
    assert (got.added, got.marked) == ((), ("Zoë Ñúñez",))
    assert contact_links(conn, zoe)[1] == saul
    assert count_contacts(conn) == 2


def test_new_contacts_are_only_counted_where_a_link_to_outreach_says_what_to_do():
    """The Meetings page puts 'Write to them on the Outreach page' right under the debrief's
    confirmation; said there, the sentence does not say it too. Elsewhere it still does."""
    said = referrals.Introductions("Ana Lee", added=(7, 8), marked=("Bo Chen",))
    assert said.sentences[0] == (
        "2 new contacts introduced by Ana Lee: write to them from the Outreach page."
    )
    assert said.said(outreach_linked=True) == [
        "Added 2 new contacts introduced by Ana Lee.",
        *said.sentences[1:],
    ]
    assert referrals.Introductions("Ana Lee", added=(7,)).said(outreach_linked=True) == [
        "Added 1 new contact introduced by Ana Lee."
    ]
