from datetime import UTC, date, datetime

import pytest

from infoint import (
    business_days,
    contacts,
    funnel,
    insight_charts,
    insights,
    interactions,
    meetings,
    outreach,
    text,
)


def template(conn, name):
    return conn.execute("INSERT INTO templates (name) VALUES (?) RETURNING id", [name]).fetchall()[
        0
    ][0]


@pytest.fixture
def campaign(conn):
    """Five people written to in March 2026 (2 March is a Monday; 9 March a holiday).

    person  degree company (industry)  first message               reply        met
    Ana     1st    Acme (Health)       Mon 2 Mar, email, Warm      Wed 4 Mar    yes
    Ben     1st    Acme (Health)       Mon 2 Mar, LinkedIn         Mon 9 Mar    no
    Cat     2nd    Beta (Finance)      Tue 3 Mar, email, Warm      — (followed up 12 Mar)
    Dan     cold   Beta (Finance)      Wed 11 Mar, email, Cold     —
    Eve     cold   (none)              Fri 6 Mar, email            Tue 10 Mar
    Fay     1st    Acme                not contacted
    """
    conn.execute("UPDATE profile SET holidays = '2026-03-09'")
    conn.execute(
        "INSERT INTO companies (name, match_key, industry) VALUES"
        " ('Acme', 'acme', 'Health'), ('Beta', 'beta', 'Finance')"
    )
    warm, cold = template(conn, "Warm"), template(conn, "Cold")
    people = {}
    for name, company, degree in [
        ("Ana", "Acme", "1st"),
        ("Ben", "Acme", "1st"),
        ("Cat", "Beta", "2nd"),  # through Ana: a 2nd needs the person who connects you
        ("Dan", "Beta", "cold"),
        ("Eve", "", "cold"),
        ("Fay", "Acme", "1st"),
    ]:
        mutual = people["Ana"] if degree == "2nd" else None
        people[name] = contacts.add_contact(
            conn, name, company=company, degree=degree, mutual_contact_id=mutual
        )
    log = interactions.log_interaction
    log(conn, people["Ana"], "outreach", occurred_at=date(2026, 3, 2), template_id=warm)
    log(conn, people["Ana"], "reply", occurred_at=date(2026, 3, 4))
    log(conn, people["Ben"], "outreach", channel="linkedin", occurred_at=date(2026, 3, 2))
    log(conn, people["Ben"], "reply", channel="linkedin", occurred_at=date(2026, 3, 9))
    log(conn, people["Cat"], "outreach", occurred_at=date(2026, 3, 3), template_id=warm)
    log(conn, people["Cat"], "follow_up", occurred_at=date(2026, 3, 12))
    log(conn, people["Dan"], "outreach", occurred_at=date(2026, 3, 11), template_id=cold)
    log(conn, people["Eve"], "outreach", occurred_at=date(2026, 3, 6))
    log(conn, people["Eve"], "reply", occurred_at=date(2026, 3, 10))
    # Ana: three held meetings (25, 15 and 40 minutes for 20 promised), one without the
    # actual time, and one cancelled
    for day, actual, status in [
        (12, 25, "held"),
        (16, 15, "held"),
        (23, 40, "held"),
        (24, None, "held"),
        (25, None, "cancelled"),
    ]:
        meeting = meetings.schedule_meeting(conn, people["Ana"], datetime(2026, 3, day, tzinfo=UTC))
        meetings.set_outcome(conn, meeting, status, actual_minutes=actual)
    return people


def rows(frame):
    return [
        tuple(r) for r in frame[["group", "contacted", "replied", "met"]].itertuples(index=False)
    ]


def test_rates_by_degree(conn, campaign):
    frame = insights.rates_by(conn, "degree")
    assert rows(frame) == [
        ("1st degree", 2, 2, 1),
        ("Cold", 2, 1, 0),
        ("2nd degree", 1, 0, 0),
    ]
    assert list(frame["response_rate"]) == [1.0, 0.5, 0.0]
    assert list(frame["meeting_rate"]) == [0.5, 0.0, 0.0]
    # whole percentages for the table, rounded as Home writes them ("50 %")
    assert list(frame["replied_percent"]) == [100, 50, 0]
    assert list(frame["met_percent"]) == [50, 0, 0]


def test_rates_are_whole_percentages_rounded_as_home_rounds_them(conn):
    for name in ("Ana", "Bo", "Cy"):
        person = contacts.add_contact(conn, name)
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        if name != "Cy":
            interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 3))
    frame = insights.rates_by(conn, "degree")
    assert list(frame["replied_percent"]) == [67]  # 2 of 3: not 66.67
    assert text.percent(frame["response_rate"][0]) == "67 %"


def test_rates_by_channel(conn, campaign):
    assert rows(insights.rates_by(conn, "channel")) == [("Email", 4, 2, 1), ("LinkedIn", 1, 1, 0)]


def test_rates_by_template(conn, campaign):
    assert rows(insights.rates_by(conn, "template")) == [
        ("Warm", 2, 1, 1),
        (insights.NO_TEMPLATE, 2, 2, 0),
        ("Cold", 1, 0, 0),
    ]


def test_rates_by_industry(conn, campaign):
    assert rows(insights.rates_by(conn, "industry")) == [
        ("Finance", 2, 0, 0),
        ("Health", 2, 2, 1),
        (funnel.NO_INDUSTRY, 1, 1, 0),
    ]


def waits(frame):
    return dict(zip(frame["wait"], frame["people"], strict=True))


def test_median_business_days_to_reply(conn, campaign):
    # The business days after the day of the message, up to the day of the reply:
    # Ana: Mon→Wed = Tue, Wed = 2; Ben: Mon→next Mon, the holiday = Tue–Fri = 4;
    # Eve: Fri→Tue over the Monday holiday = Tue = 1. Of the 5 written to, Ana and Eve
    # replied within 3.
    timing = insights.reply_timing(conn)
    assert (timing.contacted, timing.quick) == (5, 2)
    assert (timing.replies, timing.median_business_days) == (3, 2)
    assert timing.sentence == (
        "3 of the 5 people you wrote to replied (60 %); 2 within 3 business days (40 %). "
        "2 of the 3 people who replied did so within **2 business days** of your first message."
    )
    assert waits(insights.reply_waits(conn)) == {
        "Same day": 0,
        "1 business day": 1,  # Eve
        "2 business days": 1,  # Ana
        "3 business days": 0,
        "4–7 business days": 1,  # Ben
        "8–20 business days": 0,
        "More than 20 business days": 0,
        "No reply after the follow-up": 1,  # Cat
        "No reply yet, no follow-up sent": 1,  # Dan
    }
    # without the holiday Eve's reply took 2 business days, Ben's 5
    conn.execute("UPDATE profile SET holidays = ''")
    counted = waits(insights.reply_waits(conn))
    assert (counted["1 business day"], counted["2 business days"]) == (0, 2)
    assert counted["4–7 business days"] == 1


def test_replies_after_weeks_are_counted_in_their_buckets_in_order(conn):
    """A chart of one bar per day ran to 110 days, the late replies too small to see: the
    days are grouped by the rules of thumb, every group listed in order even when empty.

    person  first message   reply            business days
    Ana     Mon 2 Mar       Fri 6 Mar        4: after the 3 of a quick reply
    Ben     Mon 2 Mar       Wed 11 Mar       7: the last day before the follow-up is due
    Cy      Mon 2 Mar       Thu 12 Mar       8: the first day after it
    Di      Mon 2 Mar       Mon 23 Mar       15 (three weeks)
    Ed      Mon 2 Mar       Mon 30 Mar       20: four working weeks
    Flo     Mon 2 Mar       Tue 31 Mar       21
    Gil     Mon 2 Mar       Mon 27 Apr       40 (eight weeks)
    """
    replies = {
        "Ana": date(2026, 3, 6),
        "Ben": date(2026, 3, 11),
        "Cy": date(2026, 3, 12),
        "Di": date(2026, 3, 23),
        "Ed": date(2026, 3, 30),
        "Flo": date(2026, 3, 31),
        "Gil": date(2026, 4, 27),
    }
    for name, answered in replies.items():
        person = contacts.add_contact(conn, name)
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=answered)
    frame = insights.reply_waits(conn)
    assert list(frame["wait"]) == [
        label for label, _, _ in insights.REPLY_WAITS if label not in insights.LISTED_WHEN_FILLED
    ]
    assert waits(frame) == {
        "Same day": 0,
        "1 business day": 0,
        "2 business days": 0,
        "3 business days": 0,
        "4–7 business days": 2,  # Ana, Ben
        "8–20 business days": 3,  # Cy, Di, Ed
        "More than 20 business days": 2,  # Flo, Gil
        "No reply after the follow-up": 0,
        "No reply yet, no follow-up sent": 0,
    }
    assert list(frame["speed"]) == [0, 0, 0, 0, 1, 1, 1, 4, 5]
    assert frame.dtypes["people"] == "int64"


def speed_groups(conn) -> dict[str, int]:
    """The people of each of `insights.SPEED_GROUPS`: the reply waits added up by group (a
    group left out, as an empty "Talked before you wrote" is, has no one)."""
    by_speed = insights.reply_waits(conn).groupby("speed")["people"].sum()
    return {group: int(by_speed.get(n, 0)) for n, group in enumerate(insights.SPEED_GROUPS)}


def test_the_waits_add_up_to_the_speed_groups(conn, campaign):
    frame = insights.reply_waits(conn)
    assert frame.groupby("speed")["people"].sum().to_dict() == {0: 2, 1: 1, 4: 1, 5: 1}


def test_business_days_are_counted_as_the_shared_definition_counts_them(conn, campaign):
    pairs = [(date(2026, 3, 2), date(2026, 3, 4)), (date(2026, 3, 2), date(2026, 3, 9))]
    pairs.append((date(2026, 3, 6), date(2026, 3, 10)))
    holidays = [date(2026, 3, 9)]
    expected = [business_days.business_days_between(a, b, holidays) for a, b in pairs]
    assert expected == [2, 4, 1]  # Ana, Ben, Eve: their waits, counted one way
    counted = waits(insights.reply_waits(conn))
    assert (counted["2 business days"], counted["4–7 business days"]) == (1, 1)
    assert counted["1 business day"] == 1


def test_reply_speed_groups(conn, campaign):
    assert list(speed_groups(conn).items()) == [
        ("Replied within 3 business days", 2),  # Ana, Eve
        ("Replied later", 1),  # Ben
        ("Talked before you wrote", 0),
        (insights.STILL_IN_TIME, 0),  # all written to in March
        ("No reply after the follow-up", 1),  # Cat
        ("No reply yet, no follow-up sent", 1),  # Dan
    ]


def test_funnel_by_week_of_first_outreach(conn, campaign):
    weekly = insights.funnel_by_week(conn)
    assert list(weekly.columns) == ["week", *funnel.STAGES]
    assert [str(w.date()) for w in weekly["week"]] == ["2026-03-02", "2026-03-09"]
    assert [list(row)[1:] for row in weekly.itertuples(index=False)] == [
        [4, 3, 1, 0, 0],  # Ana, Ben, Cat, Eve; Ana, Ben and Eve replied; Ana met
        [1, 0, 0, 0, 0],  # Dan
    ]


def test_weeks_without_a_first_outreach_are_listed_with_zeros(conn):
    """A gap in the weeks shows as empty weeks: on a category axis a missing week would
    vanish, and the bars would look continuous."""
    ana, ben = (contacts.add_contact(conn, name) for name in ("Ana", "Ben"))
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 3))
    interactions.log_interaction(conn, ben, "outreach", occurred_at=date(2026, 3, 26))
    interactions.log_interaction(conn, ben, "reply", occurred_at=date(2026, 3, 27))
    weekly = insights.funnel_by_week(conn)
    assert [str(w.date()) for w in weekly["week"]] == [
        "2026-03-02",
        "2026-03-09",
        "2026-03-16",
        "2026-03-23",
    ]
    assert list(weekly["contacted"]) == [1, 0, 0, 1]
    assert list(weekly["replied"]) == [0, 0, 0, 1]
    assert weekly.dtypes["met"] == "int64"
    figure = insight_charts.weekly_funnel_figure(weekly)
    assert figure["data"][0]["x"] == ["w/c 2 Mar", "w/c 9 Mar", "w/c 16 Mar", "w/c 23 Mar"]


def test_promised_against_actual_minutes(conn, campaign):
    kept = insights.minutes_kept(conn)
    # 25 minutes for 20 is within the five minutes' grace; 40 is not
    assert (kept.meetings, kept.kept, kept.promised_average) == (3, 2, 20)
    assert kept.actual_average == pytest.approx(80 / 3)
    assert kept.sentence == (
        "2 of 3 meetings ended within the time you promised, or at most 5 minutes over (67 %). "
        "On average you promised 20 minutes and took 27 minutes."
    )
    buckets = insights.minutes_buckets(conn)
    assert list(buckets["meetings"]) == [1, 0, 1, 1]


def test_the_time_buckets_and_the_sentence_use_one_rule(conn):
    """Over by -5, 0, 3, 5, 6 and 15 minutes: the sentence's 4 kept are the first three
    buckets (shorter, as promised, within the five minutes' grace), the other 2 the last."""
    ana = contacts.add_contact(conn, "Ana")
    for day, actual in enumerate((15, 20, 23, 25, 26, 35), start=2):
        meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, day, tzinfo=UTC))
        meetings.set_outcome(conn, meeting, "held", actual_minutes=actual)
    kept = insights.minutes_kept(conn)
    assert (kept.meetings, kept.kept) == (6, 4)
    buckets = insights.minutes_buckets(conn)
    assert list(buckets["group"]) == [
        "Shorter than promised",
        "As promised",
        "1–5 minutes over",
        "More than 5 minutes over",
    ]
    assert list(buckets["meetings"]) == [1, 1, 2, 2]
    assert buckets["meetings"][:3].sum() == kept.kept


def test_a_meetings_length_in_words():
    assert insights.minutes_in_words(25, 20) == "25 minutes, 5 over the 20 you promised"
    assert insights.minutes_in_words(20, 20) == "20 minutes, as promised"
    assert insights.minutes_in_words(15, 20) == "15 minutes, within the 20 you promised"


def test_a_weekend_reply_to_a_friday_message_is_not_called_the_same_day(conn):
    friday, saturday = date(2026, 11, 20), date(2026, 11, 21)
    ana = contacts.add_contact(conn, "Ana")
    interactions.log_interaction(conn, ana, "outreach", occurred_at=friday)
    interactions.log_interaction(conn, ana, "reply", occurred_at=saturday)
    timing = insights.reply_timing(conn)
    assert (timing.median_business_days, timing.median_days) == (0, 1)
    assert timing.sentence == (
        "You wrote to 1 person, who replied **before the next business day** after your message."
    )


def test_empty_database(conn):
    for breakdown in insights.BREAKDOWNS:
        assert insights.rates_by(conn, breakdown).empty
    assert insights.reply_timing(conn) == insights.ReplyTiming(0, 0, 0, None, None, 0, 0, 0, 0)
    assert insights.reply_waits(conn)["people"].sum() == 0
    # no one talked before, no one is still in time
    assert len(insights.reply_waits(conn)) == len(insights.REPLY_WAITS) - 2
    assert list(speed_groups(conn).values()) == [0, 0, 0, 0, 0, 0]
    assert insights.funnel_by_week(conn).empty
    assert insights.minutes_kept(conn).meetings == 0 and insights.minutes_kept(conn).sentence == ""
    assert list(insights.minutes_buckets(conn)["meetings"]) == [0, 0, 0, 0]


def test_figures_carry_the_numbers_and_stage_colours(conn, campaign):
    figure = insight_charts.rates_figure(insights.rates_by(conn, "degree"), "Degree of connection")
    replied, met = figure["data"]
    # Both axes say what they hold (the groups' axis had no title)
    assert figure["layout"]["yaxis"]["title"]["text"] == "Degree of connection"
    assert replied["x"] == [100.0, 50.0, 0.0] and met["x"] == [50.0, 0.0, 0.0]
    assert replied["customdata"] == [[2, 2], [1, 2], [0, 1]]  # "2 of 2" on hover
    assert figure["layout"]["xaxis"]["title"]["text"] == "Share of the people you contacted (%)"
    weekly = insight_charts.weekly_funnel_figure(insights.funnel_by_week(conn))
    colours = [t["marker"]["color"] for t in weekly["data"]]
    assert colours == [funnel.STAGE_COLOURS[s] for s in funnel.STAGES]
    assert weekly["layout"]["yaxis"]["title"]["text"] == "Contacts at this stage or beyond"


def test_reply_speed_counts_the_people_the_funnel_counts_as_replied(conn):
    """Stages are cumulative: Ana met you without a logged reply, Cy introduced someone.
    Both replied for the funnel, so both have an answer in the reply speed too; the first
    three speed groups add up to the Replied of the rates, and the groups to Contacted.

    person  first message   answer                                 business days
    Ana     Mon 2 Mar       held meeting Mon 9 Mar (no reply)     5: later
    Ben     Mon 2 Mar       —                                      no reply yet
    Cy      Tue 3 Mar       reply Wed 4 Mar, then an introduction  1: within 3
    """
    ana, ben, cy = (contacts.add_contact(conn, name) for name in ("Ana", "Ben", "Cy"))
    for person, day in ((ana, 2), (ben, 2), (cy, 3)):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, day))
    meeting = meetings.schedule_meeting(conn, ana, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    interactions.log_interaction(conn, cy, "reply", occurred_at=date(2026, 3, 4))
    contacts.add_contact(conn, "Di", referred_by=cy, degree="2nd")
    [rates] = insights.rates_by(conn, "degree").itertuples()
    assert (rates.contacted, rates.replied, rates.met) == (3, 2, 2)  # Cy, Referred, is past Met
    speed = list(speed_groups(conn).values())
    assert speed == [1, 1, 0, 0, 0, 1]
    assert sum(speed[:3]) == rates.replied and sum(speed) == rates.contacted
    timing = insights.reply_timing(conn)
    assert (timing.replies, timing.median_business_days) == (2, 1)  # 1 and 5: half within 1
    assert (timing.contacted, timing.quick) == (3, 1)


def test_the_reply_speed_sentence_counts_those_within_the_wait_it_names(conn):
    """A new user's two replies both came the same day, and the table said "Same day 2",
    while the sentence said "Half of the 2 who replied did so on the same day".

    person  first message   reply
    Ana     Mon 2 Mar       Mon 2 Mar       same day
    Ben     Mon 2 Mar       Mon 2 Mar       same day
    then Cy, Tue 3 Mar, replies Mon 9 Mar (4 business days): 2 of the 3 the same day
    then Di, Fri 6 Mar, replies Sat 7 Mar (before the next business day), Ed, Wed 4 Mar,
    replies Fri 6 Mar (2): business days 0, 0, 0, 2, 4, calendar days 0, 0, 1, 2, 6:
    the lower median is the same day for neither, before the next business day for 3 of 5
    """
    ana, ben = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Ben")
    for person in (ana, ben):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
        interactions.log_interaction(conn, person, "reply", occurred_at=date(2026, 3, 2))
    timing = insights.reply_timing(conn)
    waits = insights.reply_waits(conn).set_index("wait")["people"]
    assert waits["Same day"] == 2
    assert timing.within_median == 2
    assert timing.sentence == (
        "Both people you wrote to replied within 3 business days. Both people who replied did "
        "so **on the same day** as your first message."
    )
    cy = contacts.add_contact(conn, "Cy")
    interactions.log_interaction(conn, cy, "outreach", occurred_at=date(2026, 3, 3))
    interactions.log_interaction(conn, cy, "reply", occurred_at=date(2026, 3, 9))
    assert insights.reply_timing(conn).sentence.endswith(
        "2 of the 3 people who replied did so **on the same day** as your first message."
    )
    di, ed = contacts.add_contact(conn, "Di"), contacts.add_contact(conn, "Ed")
    interactions.log_interaction(conn, di, "outreach", occurred_at=date(2026, 3, 6))
    interactions.log_interaction(conn, di, "reply", occurred_at=date(2026, 3, 7))
    interactions.log_interaction(conn, ed, "outreach", occurred_at=date(2026, 3, 4))
    interactions.log_interaction(conn, ed, "reply", occurred_at=date(2026, 3, 6))
    timing = insights.reply_timing(conn)
    assert (timing.median_business_days, timing.median_days, timing.within_median) == (0, 1, 3)
    assert timing.sentence.endswith(
        "3 of the 5 people who replied did so **before the next business day** after your "
        "first message."
    )


def test_the_reply_speed_sentence_says_same_day_and_one_day_in_words():
    same_day = insights.ReplyTiming(4, 3, 3, 0, 0, within_median=2).sentence
    assert same_day == (
        "3 of the 4 people you wrote to replied within 3 business days (75 %). "
        "2 of the 3 people who replied did so **on the same day** as your first message."
    )
    assert "**1 business day** after your message" in insights.ReplyTiming(1, 1, 1, 1, 1).sentence
    assert insights.ReplyTiming(0, 0, 0, None, None).sentence == ""
    # nobody replied yet, with thousands marked as the numbers grow
    assert insights.ReplyTiming(4973, 0, 0, None, None).sentence == (
        "None of the 4,973 people you wrote to has replied yet."
    )


def test_a_first_message_with_a_follow_up_template_is_said_to_be_one(conn):
    """The composer offers follow-up templates for follow-ups only, but a template can be
    changed into a follow-up after it opened conversations (or an entry logged by hand):
    the breakdown says so, instead of passing it off as a first-message template."""
    nudge = outreach.save_template(conn, "Nudge", "Hi", "Hello {first_name}")
    ana, ben = contacts.add_contact(conn, "Ana"), contacts.add_contact(conn, "Ben")
    for person in (ana, ben):  # in March: their time to reply has passed, so rates count them
        interactions.log_interaction(
            conn, person, "outreach", template_id=nudge, occurred_at=date(2026, 3, 2)
        )
    rates = insights.rates_by(conn, "template")
    assert list(rates["group"]) == ["Nudge"]
    assert not insights.shows_follow_up_template(rates)
    outreach.save_template(conn, "Nudge", "Hi", "Hello {first_name}", nudge, kind="follow_up")
    rates = insights.rates_by(conn, "template")
    assert list(rates["group"]) == ["Nudge (a follow-up template)"]
    assert list(rates["contacted"]) == [2]
    assert insights.shows_follow_up_template(rates)


def test_the_waits_chart_lists_every_wait_in_order_with_its_count(conn, campaign):
    figure = insight_charts.reply_waits_figure(insights.reply_waits(conn))
    labels = [
        label for label, _, _ in insights.REPLY_WAITS if label not in insights.LISTED_WHEN_FILLED
    ]
    yaxis = figure["layout"]["yaxis"]
    assert yaxis["categoryarray"] == labels  # the empty waits too
    assert yaxis["autorange"] == "reversed"  # the same day at the top
    assert figure["layout"]["xaxis"]["title"]["text"] == "People you sent an outreach to"
    assert yaxis["title"]["text"] == "When they replied"
    quick, later, followed, silent = figure["data"]  # no one talked with you before you wrote
    assert quick["name"] == "Replied within 3 business days"
    assert quick["marker"]["color"] == funnel.STAGE_COLOURS["replied"]
    assert quick["y"] == labels[:4] and quick["x"] == [0, 1, 1, 0]
    assert later["y"] == labels[4:7] and later["x"] == [1, 0, 0]  # Ben, after 4
    assert (followed["x"], silent["x"]) == ([1], [1])  # Cat; Dan
    assert quick["customdata"] == ["people", "person", "person", "people"]
    assert quick["hovertemplate"] == "%{y}: %{x:,} %{customdata}<extra></extra>"  # 1,994 people


def test_the_minutes_sentence_writes_thousands_with_a_separator():
    kept = insights.MinutesKept(meetings=1_000, promised_average=20, actual_average=22, kept=950)
    assert kept.sentence.startswith("950 of 1,000 meetings ended within the time you promised")


@pytest.mark.parametrize(
    ("timing", "said"),
    [
        ((1, 0, 0, None, None), "You wrote to 1 person, who has not replied yet."),
        (
            (1, 1, 1, 0, 0),
            "You wrote to 1 person, who replied **on the same day** as your message.",
        ),
        (
            (1, 1, 1, 1, 1),
            "You wrote to 1 person, who replied **1 business day** after your message.",
        ),
        (
            (1, 0, 1, 9, 13),
            "You wrote to 1 person, who replied **9 business days** after your message.",
        ),
        ((2, 0, 0, None, None), "Neither of the 2 people you wrote to has replied yet."),
        (
            (2, 0, 1, 9, 13),
            "1 of the 2 people you wrote to replied (50 %); none within 3 business days. The one "
            "who replied did so **9 business days** after your first message.",
        ),
        (
            (2, 1, 1, 0, 0),
            "1 of the 2 people you wrote to replied within 3 business days (50 %). The one who "
            "replied did so **on the same day** as your first message.",
        ),
        (
            (2, 2, 2, 0, 0, 0, 0, 2),
            "Both people you wrote to replied within 3 business days. Both people who replied "
            "did so **on the same day** as your first message.",
        ),
        ((4973, 0, 0, None, None), "None of the 4,973 people you wrote to has replied yet."),
        (
            (5, 0, 2, 5, 7, 0, 0, 1),
            "2 of the 5 people you wrote to replied (40 %); none within 3 business days. 1 of the "
            "2 people who replied did so within **5 business days** of your first message.",
        ),
        (
            (3, 3, 3, 1, 1, 0, 0, 3),
            "All 3 people you wrote to replied within 3 business days. All 3 people who replied "
            "did so within **1 business day** of your first message.",
        ),
        (
            (1, 1, 1, 0, 1),
            "You wrote to 1 person, who replied **before the next business day** after your "
            "message.",
        ),
        (
            (3, 3, 3, 0, 1, 0, 0, 2),
            "All 3 people you wrote to replied within 3 business days. 2 of the 3 people who "
            "replied did so **before the next business day** after your first message.",
        ),
        (
            (3, 3, 3, 1, 1),  # not counted: only what the lower median promises
            "All 3 people you wrote to replied within 3 business days. At least half of the 3 "
            "who replied did so within **1 business day** of your first message.",
        ),
    ],
)
def test_the_reply_speed_sentence_reads_naturally_for_one_two_and_many(timing, said):
    assert insights.ReplyTiming(*timing).sentence == said


@pytest.mark.parametrize(
    ("kept", "said"),
    [
        (
            (1, 20, 25, 1),
            "Your one meeting ran 5 minutes over the 20 you promised, within the 5 minutes' "
            "grace most people give.",
        ),
        (
            (1, 20, 21, 1),
            "Your one meeting ran 1 minute over the 20 you promised, within the 5 minutes' "
            "grace most people give.",
        ),
        (
            (1, 30, 25, 1),
            "Your one meeting ended within the time you promised: you promised 30 minutes and "
            "took 25.",
        ),
        (
            (1, 20, 40, 0),
            "Your one meeting ran more than 5 minutes over the time you promised: you promised "
            "20 minutes and took 40.",
        ),
        (
            (2, 20, 20, 2),
            "Both meetings ended within the time you promised, or at most 5 minutes over. On "
            "average you promised 20 minutes and took 20 minutes.",
        ),
        (
            (2, 20, 35, 0),
            "Neither meeting ended within the time you promised, or at most 5 minutes over. On "
            "average you promised 20 minutes and took 35 minutes.",
        ),
        (
            (4, 30, 41, 0),
            "None of the 4 meetings ended within the time you promised, or at most 5 minutes "
            "over. On average you promised 30 minutes and took 41 minutes.",
        ),
        (
            (1000, 20, 21, 1000),
            "All 1,000 meetings ended within the time you promised, or at most 5 minutes over. "
            "On average you promised 20 minutes and took 21 minutes.",
        ),
    ],
)
def test_the_minutes_sentence_reads_naturally_for_one_two_and_many(kept, said):
    meetings, promised, actual, kept_count = kept
    assert insights.MinutesKept(meetings, promised, actual, kept_count).sentence == said


@pytest.fixture
def met_before_writing(conn):
    """Cy and Dee met you before you first wrote to them, and have not answered since; Eve
    met you before too, then replied to your message. No holidays.

    person  met (held)   first message   after it                   wait (business days)
    Ana     —            Mon 2 Mar       reply Wed 4 Mar            2
    Ben     —            Mon 2 Mar       reply Mon 9 Mar            5
    Cy      Mon 2 Mar    Wed 4 Mar       —                          talked before you wrote
    Dee     Tue 3 Mar    Thu 5 Mar       follow-up Mon 16 Mar       talked before you wrote
    Eve     Mon 2 Mar    Wed 4 Mar       reply Thu 5 Mar            1
    Fay     —            Mon 2 Mar       —                          no reply yet
    """
    names = ("Ana", "Ben", "Cy", "Dee", "Eve", "Fay")
    people = {name: contacts.add_contact(conn, name) for name in names}
    log = interactions.log_interaction
    for name, met in (("Cy", 2), ("Dee", 3), ("Eve", 2)):
        meeting = meetings.schedule_meeting(
            conn, people[name], datetime(2026, 3, met, 9, tzinfo=UTC)
        )
        meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    for name, day in (("Ana", 2), ("Ben", 2), ("Cy", 4), ("Dee", 5), ("Eve", 4), ("Fay", 2)):
        log(conn, people[name], "outreach", occurred_at=date(2026, 3, day))
    log(conn, people["Ana"], "reply", occurred_at=date(2026, 3, 4))
    log(conn, people["Ben"], "reply", occurred_at=date(2026, 3, 9))
    log(conn, people["Dee"], "follow_up", occurred_at=date(2026, 3, 16))
    log(conn, people["Eve"], "reply", occurred_at=date(2026, 3, 5))
    return people


def test_someone_met_before_you_wrote_is_not_a_same_day_reply(conn, met_before_writing):
    """Cy and Dee answered nothing after your message: the answer that puts them at Replied
    came first. They were counted as replying at once (same day, quick, 0 days in the
    median); now they are a group of their own, and the timed replies are Ana, Ben and Eve."""
    counted = waits(insights.reply_waits(conn))
    assert counted == {
        "Same day": 0,  # not Cy and Dee
        "1 business day": 1,  # Eve: met before, but replied to your message
        "2 business days": 1,  # Ana
        "3 business days": 0,
        "4–7 business days": 1,  # Ben
        "8–20 business days": 0,
        "More than 20 business days": 0,
        "Talked before you wrote": 2,  # Cy, Dee (followed up, yet not 'no reply')
        "No reply after the follow-up": 0,
        "No reply yet, no follow-up sent": 1,  # Fay
    }
    timing = insights.reply_timing(conn)
    assert (timing.contacted, timing.quick, timing.replies, timing.talked_before) == (6, 2, 3, 2)
    # Business days 1, 2, 5 and calendar days 1, 2, 7: the middle ones, not 0 (Cy, Dee).
    assert (timing.median_business_days, timing.median_days) == (2, 2)
    assert timing.sentence == (
        "5 of the 6 people you wrote to replied (83 %), counting the 2 who had talked with you "
        "before you wrote; 2 within 3 business days (33 %). 2 of the 3 people who replied after "
        "you wrote did so within **2 business days** of your first message."
    )


def test_the_speed_groups_add_up_to_the_funnels_replied(conn, met_before_writing):
    replied = funnel.funnel_dict(conn)["replied"]
    assert replied == 5  # Ana, Ben, Cy, Dee, Eve
    groups = speed_groups(conn)
    assert groups == {
        "Replied within 3 business days": 2,  # Ana, Eve
        "Replied later": 1,  # Ben
        "Talked before you wrote": 2,  # Cy, Dee
        insights.STILL_IN_TIME: 0,
        "No reply after the follow-up": 0,
        "No reply yet, no follow-up sent": 1,  # Fay
    }
    assert sum(list(groups.values())[:3]) == replied
    timing = insights.reply_timing(conn)
    assert timing.replies + timing.talked_before == replied
    assert timing.replied_note == (
        "Replied in your funnel: 5 people — 2 within 3 business days, 1 later and 2 who "
        "talked with you before you wrote."
    )


def test_the_replied_note_counts_the_people_never_written_to_as_well(conn, met_before_writing):
    """Gil met you and was never written to: the funnel counts him at Replied, the reply
    speed does not (no first message); the sentence adds him so the sum is the funnel's."""
    gil = contacts.add_contact(conn, "Gil")
    meeting = meetings.schedule_meeting(conn, gil, datetime(2026, 3, 2, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    assert funnel.funnel_dict(conn)["replied"] == 6
    timing = insights.reply_timing(conn)
    assert (timing.not_written_to, timing.talked_before) == (1, 2)
    assert timing.replied_note == (
        "Replied in your funnel: 6 people — 2 within 3 business days, 1 later, 2 who talked "
        "with you before you wrote and 1 you met or heard from with no message of yours logged."
    )


@pytest.mark.parametrize(
    ("timing", "said"),
    [
        ((1, 0, 0, None, None, 0, 0), ""),  # nobody at Replied: the sentence above says so
        ((1, 1, 1, 0, 0), "Replied in your funnel: 1 person — 1 within 3 business days."),
        (
            (1, 0, 0, None, None, 0, 1),
            "Replied in your funnel: 1 person — 1 who talked with you before you wrote.",
        ),
        (
            (4973, 1404, 1992, 3, 4, 0, 2),
            "Replied in your funnel: 1,994 people — 1,404 within 3 business days, 588 later "
            "and 2 who talked with you before you wrote.",
        ),
    ],
)
def test_the_replied_note_reads_naturally(timing, said):
    assert insights.ReplyTiming(*timing).replied_note == said


@pytest.mark.parametrize(
    ("timing", "said"),
    [
        (
            (1, 0, 0, None, None, 0, 1),
            "You wrote to 1 person, who had already talked with you before you wrote: there "
            "is no reply since to time.",
        ),
        (
            (3, 0, 0, None, None, 0, 1),
            "None of the 3 people you wrote to has replied to your message yet (1 had talked "
            "with you before you wrote).",
        ),
        (
            (2, 0, 0, None, None, 0, 2),
            "Neither of the 2 people you wrote to has replied to your message yet (both had "
            "talked with you before you wrote).",
        ),
    ],
)
def test_the_reply_speed_sentence_when_the_only_answers_came_before_you_wrote(timing, said):
    assert insights.ReplyTiming(*timing).sentence == said


def test_the_waits_chart_draws_those_who_talked_before_apart(conn, met_before_writing):
    figure = insight_charts.reply_waits_figure(insights.reply_waits(conn))
    names = [trace["name"] for trace in figure["data"]]
    assert names == [g for g in insights.SPEED_GROUPS if g != insights.STILL_IN_TIME]
    before = figure["data"][names.index("Talked before you wrote")]
    assert (before["y"], before["x"]) == (["Talked before you wrote"], [2])
    assert before["hovertemplate"] == "%{y}: %{x:,} %{customdata}<extra></extra>"
    assert before["customdata"] == ["people"]
    colours = [trace["marker"]["color"] for trace in figure["data"]]
    assert len(set(colours)) == len(colours)  # a colour of its own
    assert colours[0] == funnel.STAGE_COLOURS["replied"]


def test_a_reply_logged_by_its_day_alone_after_a_message_that_day_is_a_same_day_reply(conn):
    """An outreach sent at 14:30 and a reply logged the next morning as "yesterday": the reply
    is stored at the hour a day alone is given, before 14:30, yet it answered the message."""
    ana = contacts.add_contact(conn, "Ana")
    sent = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
    interactions.log_interaction(conn, ana, "outreach", occurred_at=sent)
    interactions.log_interaction(conn, ana, "reply", occurred_at=date(2026, 3, 2))
    answered = conn.execute(
        "SELECT occurred_at < ? FROM interactions WHERE kind = 'reply'", [sent]
    ).fetchall()
    assert answered == [(True,)]  # stored before the message, as the case needs
    timing = insights.reply_timing(conn)
    assert (timing.replies, timing.talked_before, timing.quick) == (1, 0, 1)
    assert (timing.median_business_days, timing.median_days) == (0, 0)


def test_the_talked_before_row_is_left_out_when_no_one_is_in_it(conn, campaign):
    """A row at 0 for a group the user has never met reads as something missed; the other
    groups keep their empty rows, as their place in the order says how long a reply took."""
    frame = insights.reply_waits(conn)
    assert insights.TALKED_BEFORE not in list(frame["wait"])
    assert list(frame["wait"]) == [
        label for label, _, _ in insights.REPLY_WAITS if label not in insights.LISTED_WHEN_FILLED
    ]
    figure = insight_charts.reply_waits_figure(frame)
    assert [trace["name"] for trace in figure["data"]] == [
        group for group in insights.SPEED_GROUPS if group not in insights.LISTED_WHEN_FILLED
    ]
    assert insights.TALKED_BEFORE not in figure["layout"]["yaxis"]["categoryarray"]
    # what is shown still adds up to Replied, as the note beside it says
    timing = insights.reply_timing(conn)
    replied = frame[frame["speed"] < 2]["people"].sum()
    assert replied == timing.replies == 3
    assert timing.replied_note == (
        "Replied in your funnel: 3 people — 2 within 3 business days and 1 later."
    )


def test_the_row_left_out_is_talked_before_by_name_whatever_the_order_of_the_groups(
    conn, campaign, monkeypatch
):
    """`SPEED_GROUPS` reordered (talked before after the follow-up): the empty "Talked before
    you wrote" is still the row left out, and no one is placed in another group's row. The
    rule once read `speed <> 2`, so it dropped whichever group came third."""
    groups = list(insights.SPEED_GROUPS)
    follow_up = groups.index(insights.FOLLOWED_UP_UNANSWERED)
    groups[2], groups[follow_up] = groups[follow_up], groups[2]
    renumbered = {2: follow_up, follow_up: 2}
    monkeypatch.setattr(insights, "SPEED_GROUPS", tuple(groups))
    monkeypatch.setattr(
        insights,
        "REPLY_WAITS",
        tuple(
            (label, renumbered.get(speed, speed), last)
            for label, speed, last in insights.REPLY_WAITS
        ),
    )
    frame = insights.reply_waits(conn)
    assert insights.TALKED_BEFORE not in list(frame["wait"])
    assert waits(frame) == {
        "Same day": 0,
        "1 business day": 1,  # Eve
        "2 business days": 1,  # Ana
        "3 business days": 0,
        "4–7 business days": 1,  # Ben
        "8–20 business days": 0,
        "More than 20 business days": 0,
        "No reply after the follow-up": 1,  # Cat
        "No reply yet, no follow-up sent": 1,  # Dan
    }
    assert speed_groups(conn)["No reply after the follow-up"] == 1
