"""Two different contacts with the same first and last name read as one person: in the
debrief's sentences about the names given, in the Referrals page's picture, table, picker and
chain, and in the thank-you naming whom they introduced. Where a name is shared, the words now
tell them apart, by the fewest details that do (company, position, the day they were connected
or added, the order they were added in), and the picture draws each as a person of their own."""

from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import contacts, insight_charts, interactions, meetings, referrals
from infoint.referrals import ReferredPerson
from infoint.text import day


@pytest.fixture
def ana(conn):
    return contacts.add_contact(conn, "Ana", "Lee", company="Acme")


@pytest.fixture
def two_bos(conn):
    """Two different Bo Chens: one at Beta Labs, one at Gamma; neither introduced yet."""
    beta = contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs", position="Engineer")
    gamma = contacts.add_contact(conn, "Bo", "Chen", company="Gamma", position="Designer")
    return beta, gamma


def held(conn, who: int) -> int:
    meeting = meetings.schedule_meeting(conn, who, datetime.now(UTC) - timedelta(days=1))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    return meeting


# --- the debrief's sentences ------------------------------------------------------------------


def test_the_debrief_says_which_namesake_was_marked_as_introduced(conn, ana, two_bos):
    said = referrals.add_referred_people(conn, ana, [ReferredPerson("Bo", "Chen", "Beta Labs")])
    assert said.sentences == [
        "Bo Chen (Beta Labs) was already in your contacts: now marked as introduced by Ana Lee."
    ]
    assert contacts.get_contact(conn, two_bos[0]).referred_by == ana
    assert contacts.get_contact(conn, two_bos[1]).referred_by is None
    # a second save: already introduced, still told apart
    again = referrals.add_referred_people(conn, ana, [ReferredPerson("Bo", "Chen", "Beta Labs")])
    assert again.sentences == ["Already introduced by Ana Lee: Bo Chen (Beta Labs)."]


def test_someone_whose_name_nobody_shares_is_said_as_before(conn, ana, two_bos):
    contacts.add_contact(conn, "Cy", "Dunn", company="Delta")
    said = referrals.add_referred_people(conn, ana, [ReferredPerson("Cy", "Dunn")])
    assert said.sentences == [
        "Cy Dunn was already in your contacts: now marked as introduced by Ana Lee."
    ]


def test_the_introducer_and_who_introduced_them_are_told_apart_too(conn, ana, two_bos):
    """Bo at Gamma was introduced by another Ana Lee (at Zeta): naming him again in the
    meeting with Ana of Acme leaves him as he was, saying which Ana is which."""
    other_ana = contacts.add_contact(conn, "Ana", "Lee", company="Zeta")
    conn.execute("UPDATE contacts SET referred_by = ? WHERE id = ?", [other_ana, two_bos[1]])
    said = referrals.add_referred_people(conn, ana, [ReferredPerson("Bo", "Chen", "Gamma")])
    assert said.introducer == "Ana Lee (Acme)"
    assert said.sentences == [
        "Bo Chen (Gamma) was already in your contacts, introduced by Ana Lee (Zeta): "
        "left as it was."
    ]


def test_namesakes_at_one_company_are_told_apart_by_position(conn, ana):
    contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs", position="Engineer")
    contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs", position="Designer")
    ids = [2, 3]
    assert referrals.names_apart(conn, ids) == {2: ("Engineer",), 3: ("Designer",)}


def test_namesakes_alike_in_everything_are_told_apart_by_day_and_order(conn):
    first = contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs")
    second = contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs")
    conn.execute("UPDATE contacts SET connected_on = DATE '2024-03-03' WHERE id = ?", [second])
    apart = referrals.names_apart(conn, [first, second])
    assert apart == {first: (f"added {day(date.today())}",), second: ("connected 3 Mar 2024",)}
    third = contacts.add_contact(conn, "Bo", "Chen", company="Beta Labs")
    apart = referrals.names_apart(conn, [first, third])
    added = f"added {day(date.today())}"
    assert apart == {first: (added, "first of 2"), third: (added, "second of 2")}


def test_a_namesake_without_a_company_is_told_apart_by_day(conn, two_bos):
    bare = contacts.add_contact(conn, "bo", "chen ")  # any case, spaces trimmed
    apart = referrals.names_apart(conn, [*two_bos, bare])
    assert apart == {
        two_bos[0]: ("Beta Labs",),
        two_bos[1]: ("Gamma",),
        bare: (f"added {day(date.today())}",),
    }


def test_a_name_split_differently_is_the_same_name(conn):
    one = contacts.add_contact(conn, "Anna Maria", "Berg", company="Acme")
    other = contacts.add_contact(conn, "Anna", "Maria Berg", company="Beta")
    assert referrals.names_apart(conn, [one]) == {one: ("Acme",)}
    assert referrals.names_apart(conn, [other]) == {other: ("Beta",)}


# --- the Referrals page's data ---------------------------------------------------------------


@pytest.fixture
def two_anas(conn):
    """Two Ana Lees at Acme, an engineer and a designer, each introduced someone."""
    engineer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    designer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    contacts.add_contact(conn, "Cy", "Dunn", referred_by=engineer, degree="2nd")
    contacts.add_contact(conn, "Di", "Eze", referred_by=designer, degree="2nd")
    return engineer, designer


def test_the_picture_draws_namesakes_as_two_people_with_names_apart(conn, two_anas):
    links = referrals.referral_picture(conn).links
    names = {link.contact_id: link.name for link in links}
    assert names[two_anas[0]] == "Ana Lee (Engineer)"
    assert names[two_anas[1]] == "Ana Lee (Designer)"
    figure = insight_charts.referral_figure(links)
    drawn = [text for trace in figure["data"][2:] for text in trace["text"]]
    assert sorted(drawn) == ["Ana Lee (Designer)", "Ana Lee (Engineer)", "Cy Dunn", "Di Eze"]
    points = {
        (x, y) for trace in figure["data"][2:] for x, y in zip(trace["x"], trace["y"], strict=True)
    }
    assert len(points) == 4  # four dots, none on another


def test_the_table_tells_introducers_apart_beyond_their_company(conn, two_anas):
    rows = {(y.name, y.company, y.introduced) for y in referrals.referral_yields(conn)}
    assert rows == {("Ana Lee (Engineer)", "Acme", 1), ("Ana Lee (Designer)", "Acme", 1)}


def test_the_table_says_no_more_when_the_company_beside_tells_them_apart(conn):
    acme = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    zeta = contacts.add_contact(conn, "Ana", "Lee", company="Zeta")
    contacts.add_contact(conn, "Cy", "Dunn", referred_by=acme, degree="2nd")
    contacts.add_contact(conn, "Di", "Eze", referred_by=zeta, degree="2nd")
    rows = {(y.name, y.company) for y in referrals.referral_yields(conn)}
    assert rows == {("Ana Lee", "Acme"), ("Ana Lee", "Zeta")}
    assert {link.name for link in referrals.referral_picture(conn).links} >= {
        "Ana Lee (Acme)",
        "Ana Lee (Zeta)",
    }


def test_the_picker_and_the_chain_tell_introduced_namesakes_apart(conn, ana):
    first = contacts.add_contact(
        conn, "Bo", "Chen", company="Beta Labs", position="Engineer", referred_by=ana
    )
    second = contacts.add_contact(
        conn, "Bo", "Chen", company="Beta Labs", position="Designer", referred_by=ana
    )
    labels = dict(referrals.referred_people(conn))
    assert labels == {
        first: "Bo Chen (Engineer) — Beta Labs",
        second: "Bo Chen (Designer) — Beta Labs",
    }
    [start, step] = referrals.referral_chain(conn, second)
    assert (start.said(), step.said(beside=step.company)) == ("Ana Lee", "Bo Chen (Designer)")


def test_the_headline_tells_apart_introducers_who_named_no_one(conn):
    for company in ("Acme", "Zeta"):
        eva = contacts.add_contact(conn, "Eva", "Holm", company=company)
        interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    totals = referrals.referral_totals(conn)
    assert totals.unnamed_by == ("Eva Holm (Acme)", "Eva Holm (Zeta)")
    assert "From Eva Holm (Acme) and Eva Holm (Zeta), you logged 2 introductions" in (
        totals.sentence
    )


# --- the thank-you --------------------------------------------------------------------------


def test_the_thank_you_tells_apart_two_people_it_names_by_one_name(conn, ana, two_bos):
    meeting = held(conn, ana)
    meetings.record_debrief(
        conn,
        meeting,
        "held",
        actual_minutes=20,
        referred=[ReferredPerson("Bo", "Chen", "Beta Labs"), ReferredPerson("Bo", "Chen", "Gamma")],
    )
    _, body = meetings.thank_you_draft(conn, meeting)
    assert (
        "I will get in touch with Bo Chen (Beta Labs) and Bo Chen (Gamma), as you suggested."
        in (body)
    )


def test_the_thank_you_names_one_person_plainly_whatever_namesakes_you_have(conn, ana, two_bos):
    """Ana knows whom she named: another Bo Chen in your contacts is nothing to her."""
    meeting = held(conn, ana)
    meetings.record_debrief(
        conn, meeting, "held", actual_minutes=20, referred=[ReferredPerson("Bo", "Chen", "Gamma")]
    )
    _, body = meetings.thank_you_draft(conn, meeting)
    assert "I will get in touch with Bo Chen, as you suggested." in body
