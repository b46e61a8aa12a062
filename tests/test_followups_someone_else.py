"""followups.suggests_someone_else: the try-another rule asked of one person, the question
Outreach asks once a first message is logged ("Follow-ups will suggest someone else to
try"), without working out everyone's steps. It must answer as `found(...).steps` does."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from infoint import contacts, followups, interactions, meetings, targets

TUE = date(2026, 11, 17)  # today, in these tests
SENT = datetime(2026, 11, 17, 10)  # the first message to Ana, logged today


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def in_steps(conn, contact_id: int, day: date) -> bool:
    """What the whole list says: a try-another step for this person, due or not."""
    steps = followups.found(conn, noon(day)).steps
    rows = zip(steps["rule"].to_pylist(), steps["contact_id"].to_pylist(), strict=True)
    return ("try_another", contact_id) in set(rows)


def test_someone_else_there_not_yet_written_to_is_suggested(conn):
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=SENT)
    assert followups.suggests_someone_else(conn, ana, TUE) is True
    assert in_steps(conn, ana, TUE)


@pytest.mark.parametrize(
    "why",
    [
        "alone",
        "introduced",
        "written to",
        "answering",
        "met",
        "no company",
        "placeholder company",
        "not written to yet",
        "answered",
        "someone there written to since",
    ],
)
def test_no_one_else_to_try_means_no(conn, why):
    """Alone at their company, with only people introduced or written to there, where
    someone is talking to you, at no real employer; or nothing silent to be about."""
    company = {"no company": "", "placeholder company": "N/A"}.get(why, "Acme")
    ana = contacts.add_contact(conn, "Ana", "Silva", company=company)
    cy = contacts.add_contact(conn, "Cy", "Moss", company="Elsewhere")
    if why != "alone":
        bo = contacts.add_contact(
            conn, "Bo", "Berg", company=company, referred_by=cy if why == "introduced" else None
        )
    if why in ("written to", "answering", "met"):
        interactions.log_interaction(conn, bo, "outreach", occurred_at=datetime(2026, 11, 10, 9))
    if why in ("answering", "met"):
        contacts.add_contact(conn, "Di", "Ng", company="Acme")  # never written to
    if why == "answering":
        interactions.log_interaction(conn, bo, "reply", occurred_at=datetime(2026, 11, 11))
    if why == "met":
        held = meetings.schedule_meeting(conn, bo, datetime(2026, 11, 12, 9, tzinfo=UTC))
        meetings.set_outcome(conn, held, "held", actual_minutes=20)
    if why != "not written to yet":
        interactions.log_interaction(conn, ana, "outreach", occurred_at=SENT)
    if why == "answered":
        interactions.log_interaction(conn, ana, "reply", occurred_at=datetime(2026, 11, 17, 15))
    if why == "someone there written to since":
        contacts.add_contact(conn, "Di", "Ng", company="Acme")  # never written to
        interactions.log_interaction(conn, bo, "outreach", occurred_at=datetime(2026, 11, 17, 11))
        # the company's latest outreach is Bo's: he is the one someone else is tried for
        assert followups.suggests_someone_else(conn, bo, TUE) is True
    assert followups.suggests_someone_else(conn, ana, TUE) is False
    assert not in_steps(conn, ana, TUE)


def _mixed(conn) -> list[int]:
    """A small campaign with a bit of everything: several companies, some talking, some
    silent, introductions, a placeholder, a ruled-out company, silence in and out of the
    window, follow-ups logged."""
    gone = targets.add_company(conn, "Gone Ltd")
    targets.rule_out(conn, gone, "Not for me after all.")
    people = {}
    for company, names in {
        "Acme": ["Ana", "Bo", "Cai", "Dee"],
        "Globex": ["Eli", "Fay"],
        "Initech": ["Gus", "Hal", "Ida"],
        "Gone Ltd": ["Jo", "Kit"],
        "N/A": ["Lu", "Max"],
        "": ["Ned", "Oli"],
        "Umbrella": ["Pia"],
        "Hooli": ["Quin", "Rae", "Sam"],
    }.items():
        for name in names:
            people[name] = contacts.add_contact(conn, name, "Test", company=company)
    contacts.add_contact(conn, "Tia", "Test", company="Hooli", referred_by=people["Pia"])

    def write(name: str, day: int, kind: str = "outreach", hour: int = 9) -> None:
        at = datetime(2026, 11, day, hour) if day > 0 else datetime(2026, 10, 31 + day, hour)
        interactions.log_interaction(conn, people[name], kind, occurred_at=at)

    write("Ana", 2)
    write("Bo", 9)  # Acme's latest outreach: Bo's
    write("Eli", 4)
    write("Fay", 5)
    write("Fay", 6, "reply")  # Globex is talking to you
    write("Gus", 3)
    write("Gus", 12, "follow_up")
    write("Jo", 10)  # ruled out: the rules still find it, the page leaves it out
    write("Lu", 11)
    write("Ned", 11)
    write("Pia", 13)  # alone at Umbrella
    write("Quin", -20)  # outside the window
    write("Rae", 16)  # Hooli: only Sam left (Tia was introduced)
    return [*people.values()]


@pytest.mark.parametrize("day", [date(2026, 11, 13), TUE, date(2026, 11, 24)])
def test_the_one_person_answer_agrees_with_the_whole_list(conn, day):
    everyone = _mixed(conn)
    steps = followups.found(conn, noon(day)).steps
    rows = zip(steps["rule"].to_pylist(), steps["contact_id"].to_pylist(), strict=True)
    suggested = {who for rule, who in rows if rule == "try_another"}
    assert suggested  # the data gives the rule something to find, and something not
    assert suggested != set(everyone)
    assert {c for c in everyone if followups.suggests_someone_else(conn, c, day)} == suggested
