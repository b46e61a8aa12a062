"""Home's funnel in words leaves out the people who still have time to reply, as its Response
rate does (2be278b) and Insights does: a new user read 'The one person you contacted has not
replied yet — 0 %' minutes after a first message. Now the line says they have time, and any
share is of the others, the same share as the Response rate's."""

from datetime import date

import pytest

from infoint import contacts, funnel, home, insights, interactions, targets

MONDAY = date(2026, 3, 2)
THURSDAY, FRIDAY = date(2026, 3, 5), date(2026, 3, 6)
LATELY = "written to in the last 3 business days"


def write(conn, name: str, on: date, answer: date | None = None, company=None) -> int:
    person = contacts.add_contact(conn, name, company=company)
    interactions.log_interaction(conn, person, "outreach", occurred_at=on)
    if answer is not None:
        interactions.log_interaction(conn, person, "reply", occurred_at=answer)
    return person


def said(conn, today: date, filters: funnel.FunnelFilter | None = None) -> list[str]:
    counted = home.funnel_counts(conn, filters, today)
    narrows = filters is not None and filters.narrows
    return home.describe_funnel(counted.stages, filtered=narrows, waiting=counted.waiting)


def test_a_first_message_minutes_ago_still_has_time(conn):
    write(conn, "Ana", MONDAY)
    counted = home.funnel_counts(conn, today=MONDAY)
    assert [s.count for s in counted.stages] == [1, 0, 0, 0, 0]  # the funnel itself is as before
    assert counted.waiting == 1
    lines = said(conn, MONDAY)
    assert lines[:3] == [
        "You contacted 1 person.",
        f"The one person you contacted, {LATELY}, still has time to reply.",
        "No replies yet, so no meetings.",
    ]
    assert not any("0 %" in line for line in lines[:2])
    # as the Response rate and Insights say it
    assert home.response_figure(home.headline(conn, MONDAY)) == (
        "Too soon",
        "1 may still reply",
    )
    assert "still have time to reply" in insights.reply_timing(conn, MONDAY).sentence


def test_everyone_still_in_time_has_no_share(conn):
    write(conn, "Ana", MONDAY)
    write(conn, "Ben", MONDAY)
    assert (
        said(conn, MONDAY)[1] == f"Both people you contacted, {LATELY}, still have time to reply."
    )
    write(conn, "Cy", MONDAY)
    assert said(conn, MONDAY)[1] == (
        f"All 3 people you contacted, {LATELY}, still have time to reply."
    )


def test_the_share_is_the_response_rates(conn):
    """Ana replied, Ben was silent for weeks, Cy and Di were written to today: 1 of the other 2
    replied, 50 %, as the Response rate says; Cy and Di have time."""
    write(conn, "Ana", date(2026, 2, 2), answer=date(2026, 2, 3))
    write(conn, "Ben", date(2026, 2, 2))
    write(conn, "Cy", MONDAY)
    write(conn, "Di", MONDAY)
    assert said(conn, MONDAY)[:2] == [
        "You contacted 4 people.",
        "2 people you wrote to in the last 3 business days still have time to reply; "
        "1 of the other 2 replied — 50 %.",
    ]
    assert home.response_figure(home.headline(conn, MONDAY)) == (
        "50 %",
        "1 of 2 replied; 2 more may reply",
    )


@pytest.mark.parametrize(
    ("replied", "line"),
    [
        (0, "the other one has not replied yet — 0 %."),
        (1, "the other one replied — 100 %."),
    ],
)
def test_one_other_person(conn, replied, line):
    write(conn, "Ana", date(2026, 2, 2), answer=date(2026, 2, 3) if replied else None)
    write(conn, "Cy", MONDAY)
    assert said(conn, MONDAY)[1] == (
        f"1 person you wrote to in the last 3 business days still has time to reply; {line}"
    )


def test_a_reply_in_time_counts_at_once(conn):
    write(conn, "Ana", MONDAY, answer=MONDAY)
    write(conn, "Cy", MONDAY)
    assert said(conn, MONDAY)[1] == (
        "1 person you wrote to in the last 3 business days still has time to reply; "
        "the other one replied — 100 %."
    )
    assert home.response_figure(home.headline(conn, MONDAY))[0] == "100 %"


def test_once_the_days_have_passed_the_line_is_as_before(conn):
    """Written on Monday: in time on Thursday, not on Friday (as the Response rate and
    Insights count it); then the funnel says what it always said."""
    write(conn, "Ana", MONDAY)
    assert (
        said(conn, THURSDAY)[1]
        == f"The one person you contacted, {LATELY}, still has time to reply."
    )
    assert (
        home.headline(conn, THURSDAY).waiting == insights.reply_timing(conn, THURSDAY).waiting == 1
    )
    assert said(conn, FRIDAY)[1] == "The one person you contacted has not replied yet — 0 %."
    assert home.headline(conn, FRIDAY).waiting == insights.reply_timing(conn, FRIDAY).waiting == 0
    assert home.response_figure(home.headline(conn, FRIDAY)) == ("0 %", "0 of 1 replied")


def test_some_replied_and_all_waited_out(conn):
    write(conn, "Ana", date(2026, 2, 2), answer=date(2026, 2, 3))
    write(conn, "Ben", date(2026, 2, 2))
    assert home.funnel_counts(conn, today=MONDAY).waiting == 0
    assert said(conn, MONDAY)[:2] == ["You contacted 2 people.", "1 of 2 contacted replied — 50 %."]


def test_the_filters_choose_who_has_time_too(conn):
    """Ana at Acme (Health) was written to today; Ben at Volt (Energy) weeks ago. Filtered to
    Energy, nobody has time left: Ben's silence is his 0 %. Filtered to Health, Ana has time."""
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Volt", industry="Energy")
    write(conn, "Ana", MONDAY, company="Acme")
    write(conn, "Ben", date(2026, 2, 2), company="Volt")
    energy = funnel.FunnelFilter(industries=("Energy",))
    assert home.funnel_counts(conn, energy, MONDAY).waiting == 0
    assert (
        said(conn, MONDAY, energy)[1] == "The one person you contacted has not replied yet — 0 %."
    )
    health = funnel.FunnelFilter(industries=("Health",))
    assert home.funnel_counts(conn, health, MONDAY).waiting == 1
    assert said(conn, MONDAY, health)[:2] == [
        "Of the people your filters choose, you contacted 1 person.",
        f"The one person you contacted, {LATELY}, still has time to reply.",
    ]
    everyone = home.funnel_counts(conn, today=MONDAY)
    assert [s.count for s in everyone.stages] == [s.count for s in funnel.stage_counts(conn)]
    assert everyone.waiting == home.headline(conn, MONDAY).waiting == 1
