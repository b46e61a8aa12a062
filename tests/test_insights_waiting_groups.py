"""A group whose people all still have time to reply keeps its place in the rates by group.

Left out of the rates by Home's rule (`insights.STILL_IN_TIME_SQL`), such a group had no row
at all: a user who had just written to five people at a new industry saw that industry
missing, under a note that some people were left out, but not which group.
"""

from datetime import date

import pytest

from infoint import contacts, demo, home, insight_charts, insights, interactions, targets

TODAY = date(2026, 3, 11)  # a Wednesday: written to on Monday 9 March or later, still in time


@pytest.fixture
def people(conn):
    """Health (Acme): Ana replied, Ben silent since 2 March. Fintech (Coin): five people
    written to today, all still in time. Energy (Volt): Cy written to on 10 March (in time),
    Eve written to on 2 March, silent."""
    targets.add_company(conn, "Acme", industry="Health")
    targets.add_company(conn, "Coin", industry="Fintech")
    targets.add_company(conn, "Volt", industry="Energy")
    written = [
        (contacts.add_contact(conn, "Ana", company="Acme"), 2),
        (contacts.add_contact(conn, "Ben", company="Acme"), 2),
        (contacts.add_contact(conn, "Cy", company="Volt"), 10),
        (contacts.add_contact(conn, "Eve", company="Volt"), 2),
    ]
    written += [(contacts.add_contact(conn, f"Fin {n}", company="Coin"), 11) for n in range(5)]
    for person, day in written:
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, day))
    interactions.log_interaction(conn, written[0][0], "reply", occurred_at=date(2026, 3, 3))


def test_a_group_all_still_in_time_keeps_its_row_with_no_rate(conn, people):
    frame = insights.rates_by(conn, "industry", TODAY)
    assert list(frame["group"]) == ["Health", "Energy", "Fintech"]  # no rate yet: last
    fintech = frame.set_index("group").loc["Fintech"]
    assert (fintech["contacted"], fintech["replied"], fintech["met"]) == (0, 0, 0)
    assert fintech["waiting"] == 5
    assert fintech[["response_rate", "meeting_rate", "replied_percent", "met_percent"]].isna().all()
    # Those with rates are as before; Cy waits inside Energy's row, which keeps its rate.
    energy = frame.set_index("group").loc["Energy"]
    assert (energy["contacted"], energy["waiting"], energy["replied_percent"]) == (1, 1, 0)
    assert list(insights.rated_groups(frame)["group"]) == ["Health", "Energy"]
    assert list(insights.waiting_groups(frame)["group"]) == ["Fintech"]


def test_the_rates_still_add_up_to_homes(conn, people):
    figures = home.headline(conn, TODAY)
    for breakdown in insights.BREAKDOWNS:
        frame = insights.rates_by(conn, breakdown, TODAY)
        assert frame["contacted"].sum() == figures.time_passed == 3, breakdown
        assert frame["waiting"].sum() == figures.waiting == 6, breakdown
    assert insights.rated_people(conn, TODAY) == 3


def test_the_note_names_the_group_and_its_count(conn, people):
    frame = insights.rates_by(conn, "industry", TODAY)
    assert insights.waiting_groups_note(frame) == (
        "No rates yet for **Fintech**: all 5 people you wrote to there still have time to reply."
    )
    # By degree, every group has someone with a rate: nothing to name.
    assert insights.waiting_groups_note(insights.rates_by(conn, "degree", TODAY)) == ""


def test_the_note_for_several_groups_and_names_as_typed(conn, people):
    targets.add_company(conn, "Star", industry="*Space*")
    who = contacts.add_contact(conn, "Sol", company="Star")
    interactions.log_interaction(conn, who, "outreach", occurred_at=TODAY)
    frame = insights.rates_by(conn, "industry", TODAY)
    assert list(insights.waiting_groups(frame)["group"]) == ["Fintech", "*Space*"]
    assert insights.waiting_groups_note(frame) == (
        r"No rates yet for **Fintech** (5 people) and **\*Space\*** (1 person): everyone you "
        "wrote to there still has time to reply."
    )


@pytest.mark.parametrize(
    ("waiting", "short", "long"),
    [
        (
            1,
            "1 person still has time to reply",
            "the one person you wrote to still has time to reply",
        ),
        (2, "both still have time to reply", "both people you wrote to still have time to reply"),
        (5, "all 5 still have time to reply", "all 5 people you wrote to still have time to reply"),
    ],
)
def test_words_for_one_two_and_many(waiting, short, long):
    assert insights.still_in_time_words(waiting, short=True) == short
    assert insights.still_in_time_words(waiting) == long


def test_once_the_days_pass_the_group_has_its_rate(conn, people):
    """Tuesday 17 March: the five at Fintech have had their 3 business days, with no reply."""
    frame = insights.rates_by(conn, "industry", date(2026, 3, 17)).set_index("group")
    assert (frame.loc["Fintech", "contacted"], frame.loc["Fintech", "replied_percent"]) == (5, 0)
    assert frame["waiting"].sum() == 0


def test_the_chart_shows_the_group_with_words_instead_of_bars(conn, people):
    frame = insights.rates_by(conn, "industry", TODAY)
    figure = insight_charts.rates_figure(frame, "Industry")
    replied, met, waiting = figure["data"]
    # The bars are the rated groups' alone, their 'n of m' as before.
    assert replied["y"] == met["y"] == ["Health", "Energy"]
    assert replied["customdata"] == [[1, 2], [0, 1]]
    # The group with no rate yet keeps its place on the axis, with words and a hover.
    assert figure["layout"]["yaxis"]["categoryarray"] == ["Health", "Energy", "Fintech"]
    assert figure["layout"]["yaxis"]["range"] == [2.5, -0.5]  # each a whole row, the first on top
    assert figure["layout"]["yaxis"]["title"]["text"] == "Industry"
    assert waiting["y"] == ["Fintech"] and waiting["text"] == ["all 5 still have time to reply"]
    assert "%{customdata[1]}" in waiting["hovertemplate"]
    assert waiting["customdata"] == [[5, "all 5 people you wrote to still have time to reply"]]
    assert waiting["showlegend"] is False


def test_the_demo_today_has_no_group_left_unnamed(conn):
    """The demo, with five people at a new industry written to today: every group of every
    breakdown has a row, and the rates' rows still add up to Home's figures."""
    today = date(2026, 11, 25)
    demo.load_demo(conn, today=today)
    targets.add_company(conn, "Coin", industry="Fintech")
    for n in range(5):
        who = contacts.add_contact(conn, f"Fin {n}", company="Coin")
        interactions.log_interaction(conn, who, "outreach", occurred_at=today)
    figures = home.headline(conn, today)
    frame = insights.rates_by(conn, "industry", today)
    assert frame.set_index("group").loc["Fintech", "waiting"] == 5
    assert "Fintech" in list(insights.waiting_groups(frame)["group"])  # contacted 0: no rate
    assert frame["contacted"].sum() == figures.time_passed
    assert frame["waiting"].sum() == figures.waiting


def test_one_person_in_a_group_is_said_in_words(conn, people):
    """The demo's '2nd degree': 'the one person you wrote to there', not 'the 1 person'."""
    targets.add_company(conn, "Star", industry="Space")
    who = contacts.add_contact(conn, "Sol", company="Star")
    interactions.log_interaction(conn, who, "outreach", occurred_at=TODAY)
    frame = insights.rates_by(conn, "industry", TODAY)
    alone = frame[frame["group"] == "Space"]
    assert insights.waiting_groups_note(alone) == (
        "No rates yet for **Space**: the one person you wrote to there still has time to reply."
    )


def test_the_waiting_are_said_once_when_the_named_groups_hold_them_all():
    """'1 person … is left out of these rates' above 'No rates yet for **2nd degree**: the one
    person …' said the same thing twice: when the groups named hold everyone waiting, their
    note alone says it; when some wait in a group with a rate, both are said."""
    assert insights.rates_waiting_note(1, named=1) == ""
    assert insights.rates_waiting_note(5, named=5) == ""
    assert insights.rates_waiting_note(6, named=5) == insights.rates_waiting_note(6)
    assert insights.rates_waiting_note(6, named=0).startswith("6 people you wrote to in the last")
