from datetime import UTC, date, datetime

from infoint import contacts, funnel, home, interactions, meetings, targets

TODAY = date(2026, 3, 11)  # a Wednesday; its week runs 9–15 March


def test_an_empty_campaign(conn):
    figures = home.headline(conn, TODAY)
    assert figures == home.Headline(0, 0, 0, 0, 0, 0, 0, 0)
    assert figures.response_rate is None
    assert home.percent(figures.response_rate) == "–"
    assert home.next_step(figures).page == "pages/1_targets.py"
    assert home.describe_funnel(funnel.stage_counts(conn))[0] == (
        "You have not contacted anyone yet."
    )


def test_headline_figures(conn):
    targets.add_company(conn, "Acme")
    targets.add_company(conn, "Nope")
    targets.rule_out(conn, targets.ensure_company(conn, "Nope"), "Not my field")
    waiting = contacts.add_contact(conn, "Ann", company="Acme")
    answered = contacts.add_contact(conn, "Bob")
    met = contacts.add_contact(conn, "Cy", company="Acme")
    ruled_out = contacts.add_contact(conn, "Di", company="Nope")
    contacts.add_contact(conn, "Ed")
    for person in (waiting, answered, met, ruled_out):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
    for person in (answered, met):
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 3))
    held = meetings.schedule_meeting(conn, met, datetime(2026, 3, 9, 10, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    meetings.schedule_meeting(conn, answered, datetime(2026, 3, 15, 10, tzinfo=UTC))
    cancelled = meetings.schedule_meeting(conn, answered, datetime(2026, 3, 12, tzinfo=UTC))
    meetings.set_outcome(conn, cancelled, "cancelled")
    meetings.schedule_meeting(conn, answered, datetime(2026, 3, 17, 10, tzinfo=UTC))

    figures = home.headline(conn, TODAY)
    # conversations: Ann and Bob (Cy was met, Di's company is ruled out)
    assert figures == home.Headline(
        contacts=5,
        companies=2,
        targets=1,
        ruled_out=1,
        conversations=2,
        meetings_this_week=2,
        contacted=4,
        replied=2,
    )
    assert figures.response_rate == 0.5
    assert home.percent(figures.response_rate) == "50 %"
    assert home.next_step(figures).page == "pages/3_outreach.py"


def test_weekly_activity_is_zero_filled_and_counts_by_kind(conn):
    ann = contacts.add_contact(conn, "Ann")
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ann, "follow_up", occurred_at=date(2026, 3, 4))
    interactions.log_interaction(conn, ann, "reply", occurred_at=date(2026, 3, 10))
    interactions.log_interaction(conn, ann, "note", occurred_at=date(2026, 3, 10))
    interactions.log_interaction(conn, ann, "outreach", occurred_at=date(2025, 1, 6))
    held = meetings.schedule_meeting(conn, ann, datetime(2026, 3, 11, 10, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=30)

    frame = home.weekly_activity(conn, weeks=3, today=TODAY)
    kinds = list(home.ACTIVITY_LABELS)
    assert list(frame.columns) == ["week", "kind", "label", "count"]
    assert len(frame) == 3 * len(kinds)
    assert sorted(set(frame["week"])) == [date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)]
    counted = frame[frame["count"] > 0]
    assert counted[["week", "label", "count"]].values.tolist() == [
        [date(2026, 3, 2), "Outreach", 1],
        [date(2026, 3, 2), "Follow-up", 1],
        [date(2026, 3, 9), "Reply", 1],
        [date(2026, 3, 9), "Meeting held", 1],
    ]
    summary = home.summarise_activity(frame).set_index("What")
    assert summary.loc["Outreach"].tolist() == [0, 1]
    assert summary.loc["Reply"].tolist() == [1, 1]
    assert list(summary.columns) == ["This week", "Last 3 weeks"]


def test_the_funnel_in_words():
    counts = [
        funnel.StageCount("contacted", "Contacted", 20, None),
        funnel.StageCount("replied", "Replied", 8, 0.4),
        funnel.StageCount("met", "Met", 3, 3 / 8),
        funnel.StageCount("referred", "Referred", 0, 0.0),
        funnel.StageCount("opportunity", "Opportunity", 0, None),
    ]
    assert home.describe_funnel(counts) == [
        "You contacted 20 people.",
        "8 of 20 contacted replied — 40 %.",
        "3 of 8 who replied met you — 38 %.",
        "0 of 3 you met introduced you to someone — 0 %.",
        "No introductions yet.",
    ]


def test_next_step_follows_the_campaign():
    start = home.Headline(10, 5, 0, 0, 0, 0, 0, 0)
    assert home.next_step(start).label == "Pick your target companies"
    chosen = home.Headline(10, 5, 2, 0, 0, 0, 0, 0)
    assert home.next_step(chosen).label == "Write your first outreach"
    under_way = home.Headline(10, 5, 2, 0, 1, 0, 1, 0)
    assert home.next_step(under_way).label == "Write to someone new"
