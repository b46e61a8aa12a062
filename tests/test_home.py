from datetime import UTC, date, datetime

from infoint import contacts, funnel, home, interactions, meetings, profile, targets, text

TODAY = date(2026, 3, 11)  # a Wednesday; its week runs 9–15 March


def test_an_empty_campaign(conn):
    figures = home.headline(conn, TODAY)
    assert figures == home.Headline(0, 0, 0, 0, 0, 0, 0, 0)
    assert figures.response_rate is None
    assert text.percent(figures.response_rate) == "–"
    assert home.next_step(figures).page == "pages/1_targets.py"


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
    # conversations: Bob (Ann has not answered, Cy was met, Di's company is ruled out)
    assert figures == home.Headline(
        contacts=5,
        companies=2,
        targets=1,
        ruled_out=1,
        conversations=1,
        meetings_this_week=2,
        contacted=4,
        replied=2,
    )
    assert figures.response_rate == 0.5
    assert text.percent(figures.response_rate) == "50 %"
    assert home.next_step(figures).page == "pages/3_outreach.py"


def test_open_conversations_are_with_people_who_answered_and_are_not_met_yet(conn):
    """Open: Bob (replied), Dee (a meeting arranged, no reply logged), Eve (replied; the
    meeting was cancelled). Not open: Ann (silent), Cy (met), Gus (ruled out), Hal (met, and
    meeting again). So 3 open, while 7 were contacted and 5 replied."""
    targets.add_company(conn, "Nope")
    targets.rule_out(conn, targets.ensure_company(conn, "Nope"), "Not my field")
    names = ("Ann", "Bob", "Cy", "Dee", "Eve", "Gus", "Hal")
    people = {
        name: contacts.add_contact(conn, name, company="Nope" if name == "Gus" else "")
        for name in names
    }
    for person in people.values():
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
    for name in ("Bob", "Cy", "Eve", "Gus", "Hal"):
        interactions.log_interaction(conn, people[name], "reply", occurred_at=date(2026, 3, 3))
    for name in ("Cy", "Hal"):
        held = meetings.schedule_meeting(conn, people[name], datetime(2026, 3, 5, tzinfo=UTC))
        meetings.set_outcome(conn, held, "held", actual_minutes=20)
    meetings.schedule_meeting(conn, people["Hal"], datetime(2026, 3, 19, tzinfo=UTC))
    meetings.schedule_meeting(conn, people["Dee"], datetime(2026, 3, 13, tzinfo=UTC))
    cancelled = meetings.schedule_meeting(conn, people["Eve"], datetime(2026, 3, 12, tzinfo=UTC))
    meetings.set_outcome(conn, cancelled, "cancelled")

    figures = home.headline(conn, TODAY)
    assert (figures.conversations, figures.contacted, figures.replied) == (3, 7, 5)


def test_an_introducer_you_never_wrote_to_is_no_open_conversation(conn):
    """Naming someone as an introducer moves them to Referred, but a person you never wrote to
    is not a conversation you are having, however the introduction was recorded.

    Open: Lea (replied, introduced Ray), Max (written to, introduced Sam: an introduction
    answers, as the response rate counts it), Ned (a meeting arranged, nothing else logged).
    Not open: Ivy (introduced Jo, never written to), Kim (a referral logged on her, never
    written to), Oli (met), Pat (replied, company ruled out), Jo, Ray and Sam (introduced,
    nobody wrote to them). So 3.
    """
    targets.add_company(conn, "Nope")
    targets.rule_out(conn, targets.ensure_company(conn, "Nope"), "Not my field")
    names = ("Ivy", "Kim", "Lea", "Max", "Ned", "Oli", "Pat")
    people = {
        name: contacts.add_contact(conn, name, company="Nope" if name == "Pat" else "")
        for name in names
    }
    for name in ("Lea", "Max", "Oli", "Pat"):
        interactions.log_interaction(conn, people[name], "outreach", occurred_at=date(2026, 3, 2))
    for name in ("Lea", "Oli", "Pat"):
        interactions.log_interaction(conn, people[name], "reply", occurred_at=date(2026, 3, 3))
    for introducer, introduced in (("Ivy", "Jo"), ("Lea", "Ray"), ("Max", "Sam")):
        contacts.add_contact(conn, introduced, referred_by=people[introducer], degree="2nd")
    interactions.log_interaction(conn, people["Kim"], "referral", occurred_at=date(2026, 3, 4))
    meetings.schedule_meeting(conn, people["Ned"], datetime(2026, 3, 13, tzinfo=UTC))
    held = meetings.schedule_meeting(conn, people["Oli"], datetime(2026, 3, 5, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)

    assert home.headline(conn, TODAY).conversations == 3


def test_an_answer_before_you_wrote_does_not_open_a_conversation(conn):
    """Bob had a referral logged on him (he named someone) on 1 Mar; you wrote to him on
    2 Mar and heard nothing: Follow-ups asks you to write again, so Home must not count him
    as a conversation. Cy answered after you wrote, by introducing someone: open. So 1."""
    bob, cy = contacts.add_contact(conn, "Bob"), contacts.add_contact(conn, "Cy")
    interactions.log_interaction(conn, bob, "referral", occurred_at=date(2026, 3, 1))
    for person in (bob, cy):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, cy, "referral", occurred_at=date(2026, 3, 4))

    assert home.headline(conn, TODAY).conversations == 1


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
    assert home.describe_funnel(counts, filtered=False) == [
        "You contacted 20 people.",
        "8 of 20 contacted replied — 40 %.",
        "3 of 8 who replied met you — 38 %.",
        "None of the 3 people you met has introduced you to anyone or gone further yet — 0 %.",
        "No introductions yet.",
    ]
    big = [
        funnel.StageCount("contacted", "Contacted", 4973, None),
        funnel.StageCount("replied", "Replied", 1994, 1994 / 4973),
    ]
    assert home.describe_funnel(big, filtered=False) == [
        "You contacted 4,973 people.",
        "1,994 of 4,973 contacted replied — 40 %.",
    ]


def test_the_funnel_in_words_under_filters():
    counts = [
        funnel.StageCount("contacted", "Contacted", 3, None),
        funnel.StageCount("replied", "Replied", 1, 1 / 3),
    ]
    assert home.describe_funnel(counts, filtered=True) == [
        "Of the people your filters choose, you contacted 3 people.",
        "1 of 3 contacted replied — 33 %.",
    ]


def test_next_step_follows_the_campaign():
    start = home.Headline(10, 5, 0, 0, 0, 0, 0, 0)
    assert home.next_step(start).label == "Pick your target companies"
    chosen = home.Headline(10, 5, 2, 0, 0, 0, 0, 0)
    assert home.next_step(chosen).label == "Write your first outreach"
    under_way = home.Headline(10, 5, 2, 0, 1, 0, 1, 0)
    assert home.next_step(under_way).label == "Write to someone new"


def test_a_ruled_out_industry_takes_its_companies_out_of_targets_and_conversations(conn):
    """Acme and Mina are targets in Mining, Beta in Health; then Mining is ruled out.

    Targets: Beta alone; ruled out: Acme and Mina (by their industry) and Nope (by you).
    Conversations (both replied): Bo at Beta; Ana at Acme no longer counts.
    """
    targets.add_company(conn, "Acme", industry="Mining")
    targets.add_company(conn, "Mina", industry=" mining ")
    targets.add_company(conn, "Beta", industry="Health")
    targets.add_company(conn, "Nope")
    targets.rule_out(conn, targets.ensure_company(conn, "Nope"), "Not my field")
    ana = contacts.add_contact(conn, "Ana", company="Acme")
    bo = contacts.add_contact(conn, "Bo", company="Beta")
    for person in (ana, bo):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 3))
    before = home.headline(conn, TODAY)
    assert (before.targets, before.ruled_out, before.conversations) == (3, 1, 2)
    profile.rule_out_industry(conn, "Mining", "Too far from what I want to learn")
    after = home.headline(conn, TODAY)
    assert (after.targets, after.ruled_out, after.conversations) == (1, 3, 1)
    assert after.contacted == 2  # what happened stays counted


def test_an_introduction_counts_in_the_weekly_activity_as_in_the_funnel(conn):
    """Ana introduced Cy (recorded twice: a referral logged on Ana and Cy added as introduced
    by her); Bo introduced Di (Di added only). Two people introduced you: the funnel's
    Referred is 2, and this week's introductions are 2."""
    today = profile.now(conn).date()
    ana, bo = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Bo")
    interactions.log_interaction(conn, ana, "referral")
    contacts.add_contact(conn, "Cy", referred_by=ana, degree="2nd")
    contacts.add_contact(conn, "Di", referred_by=bo, degree="2nd")
    referred = next(c for c in funnel.stage_counts(conn) if c.stage == "referred")
    assert referred.count == 2
    activity = home.weekly_activity(conn, today=today)
    introductions = activity[activity["kind"] == "referral"]
    assert introductions["label"].unique().tolist() == ["Introduction"]
    assert introductions["count"].tolist()[-1] == 2 and introductions["count"].sum() == 2
    summary = home.summarise_activity(activity).set_index("What")
    assert summary.loc["Introduction", "This week"] == 2


def test_due_now_says_how_many_more_there_are_beyond_those_listed():
    assert home.DUE_LISTED == 3
    assert home.due_more(3) == ("", "See what is due and act on it")
    assert home.due_more(5) == ("…and 2 more.", "See all 5 on Follow-ups")


def test_the_funnel_in_words_reads_naturally_at_none_and_one():
    """'0 of those 1 led to an opportunity' was said: one and none get sentences of their own."""
    one_each = [
        funnel.StageCount("contacted", "Contacted", 1, None),
        funnel.StageCount("replied", "Replied", 1, 1.0),
        funnel.StageCount("met", "Met", 1, 1.0),
        funnel.StageCount("referred", "Referred", 1, 1.0),
        funnel.StageCount("opportunity", "Opportunity", 0, 0.0),
    ]
    assert home.describe_funnel(one_each, filtered=False) == [
        "You contacted 1 person.",
        "The one person you contacted replied — 100 %.",
        "The one person who replied met you — 100 %.",
        "The one person you met introduced you to someone or went further — 100 %.",
        "That person has not led to an opportunity yet — 0 %.",
    ]
    silent = [
        funnel.StageCount("contacted", "Contacted", 1, None),
        funnel.StageCount("replied", "Replied", 0, 0.0),
    ]
    assert home.describe_funnel(silent, filtered=False)[1] == (
        "The one person you contacted has not replied yet — 0 %."
    )
    none_of_many = [
        funnel.StageCount("contacted", "Contacted", 5, None),
        funnel.StageCount("replied", "Replied", 4, 0.8),
        funnel.StageCount("met", "Met", 3, 0.75),
        funnel.StageCount("referred", "Referred", 2, 2 / 3),
        funnel.StageCount("opportunity", "Opportunity", 0, 0.0),
    ]
    assert home.describe_funnel(none_of_many, filtered=False)[4] == (
        "None of those 2 has led to an opportunity yet — 0 %."
    )
    nobody_answered = [
        funnel.StageCount("contacted", "Contacted", 3, None),
        funnel.StageCount("replied", "Replied", 0, 0.0),
        funnel.StageCount("met", "Met", 0, None),
    ]
    assert home.describe_funnel(nobody_answered, filtered=False)[1:] == [
        "None of the 3 people you contacted has replied yet — 0 %.",
        "No replies yet, so no meetings.",
    ]
    one_of_many = [
        funnel.StageCount("contacted", "Contacted", 3, None),
        funnel.StageCount("replied", "Replied", 2, 2 / 3),
        funnel.StageCount("met", "Met", 2, 1.0),
        funnel.StageCount("referred", "Referred", 1, 0.5),
        funnel.StageCount("opportunity", "Opportunity", 1, 1.0),
    ]
    assert home.describe_funnel(one_of_many, filtered=False)[3:] == [
        "1 of 2 you met introduced you to someone or went further — 50 %.",
        "That person led to an opportunity — 100 %.",
    ]
