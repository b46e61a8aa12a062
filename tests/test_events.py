from datetime import UTC, date, datetime

import pytest

from infoint import funnel, home, interactions, meetings
from infoint.errors import InvalidInputError, NotFoundError


def add_contact(conn, key, company=None, degree="1st", referred_by=None):
    return conn.execute(
        "INSERT INTO contacts (profile_key, first_name, company_id, degree, referred_by)"
        " VALUES (?, ?, ?, ?, ?) RETURNING id",
        [key, key, company, degree, referred_by],
    ).fetchall()[0][0]


def counts(conn, **kw):
    return [c.count for c in funnel.stage_counts(conn, funnel.FunnelFilter(**kw))]


def test_stages_are_cumulative_and_derived(conn):
    a, b, c = (add_contact(conn, k) for k in "abc")
    interactions.log_interaction(conn, a, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, b, "outreach", occurred_at=date(2026, 3, 3))
    interactions.log_interaction(conn, b, "reply", occurred_at=date(2026, 3, 4))
    m = meetings.schedule_meeting(conn, b, datetime(2026, 3, 10, 9, tzinfo=UTC))
    assert counts(conn) == [2, 1, 0, 0, 0]
    meetings.set_outcome(conn, m, "held", actual_minutes=25)
    assert counts(conn) == [2, 1, 1, 0, 0]
    # the person introduced starts at no stage; the introducer becomes Referred
    add_contact(conn, "d", referred_by=b)
    assert counts(conn) == [2, 1, 1, 1, 0]
    interactions.log_interaction(conn, c, "opportunity", occurred_at=date(2026, 4, 1))
    assert counts(conn) == [3, 2, 2, 2, 1]
    conv = funnel.stage_counts(conn)
    assert conv[0].conversion is None and conv[1].conversion == pytest.approx(2 / 3)


def test_each_event_says_the_stage_it_reaches_and_when(conn):
    """`contact_events`, which the stages, the picker's labels and Insights all read."""
    a, b = add_contact(conn, "a"), add_contact(conn, "b")
    interactions.log_interaction(conn, a, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, a, "reply", occurred_at=date(2026, 3, 4))
    interactions.log_interaction(conn, a, "note", occurred_at=date(2026, 3, 5))  # no stage
    m = meetings.schedule_meeting(conn, a, datetime(2026, 3, 10, 9, tzinfo=UTC))
    meetings.set_outcome(conn, m, "held", actual_minutes=25)
    cancelled = meetings.schedule_meeting(conn, b, datetime(2026, 3, 11, 9, tzinfo=UTC))
    meetings.set_outcome(conn, cancelled, "cancelled")
    conn.execute(
        "UPDATE contacts SET referred_by = ?, referred_at = ? WHERE id = ?",
        [a, datetime(2026, 3, 12, 8), b],
    )
    events = conn.execute(
        "SELECT contact_id, stage, CAST(occurred_at AS DATE) FROM contact_events ORDER BY 3"
    ).fetchall()
    assert events == [
        (a, 1, date(2026, 3, 2)),
        (a, 2, date(2026, 3, 4)),
        (a, 3, date(2026, 3, 10)),
        (a, 4, date(2026, 3, 12)),  # a introduced b
    ]
    assert conn.execute(
        "SELECT stage, CAST(first_outreach_at AS DATE) FROM contact_stages WHERE contact_id = ?",
        [a],
    ).fetchall() == [(4, date(2026, 3, 2))]


def test_filters_by_industry_degree_and_week(conn):
    conn.execute(
        "INSERT INTO companies (id, name, match_key, industry) VALUES"
        " (1, 'A', 'a', 'Health'), (2, 'B', 'b', NULL)"
    )
    a = add_contact(conn, "a", company=1)
    b = add_contact(conn, "b", company=2, degree="cold")
    interactions.log_interaction(conn, a, "outreach", occurred_at=date(2026, 3, 4))
    interactions.log_interaction(conn, b, "outreach", occurred_at=date(2026, 3, 11))
    assert counts(conn, industries=("Health",))[0] == 1
    assert counts(conn, industries=(funnel.NO_INDUSTRY,))[0] == 1
    assert counts(conn, degrees=("cold",))[0] == 1
    # 2026-03-02 is the Monday of the first outreach's week
    assert counts(conn, start=date(2026, 3, 2), end=date(2026, 3, 8))[0] == 1
    assert counts(conn, start=date(2026, 3, 9))[0] == 1


def test_bad_events_are_refused(conn):
    a = add_contact(conn, "a")
    with pytest.raises(InvalidInputError):
        interactions.log_interaction(conn, a, "lunch")
    with pytest.raises(InvalidInputError):
        interactions.log_interaction(conn, a, "outreach", channel="pigeon")
    with pytest.raises(NotFoundError):
        interactions.log_interaction(conn, 999, "outreach")
    with pytest.raises(InvalidInputError):
        meetings.schedule_meeting(conn, a, datetime(2026, 1, 1, tzinfo=UTC), promised_minutes=0)
    assert conn.execute("SELECT count(*) FROM interactions").fetchall()[0][0] == 0


def test_edit_and_delete_an_interaction(conn):
    a = add_contact(conn, "a")
    i = interactions.log_interaction(conn, a, "note", occurred_at=date(2026, 1, 5))
    interactions.update_interaction(
        conn, i, kind="outreach", channel="linkedin", occurred_at=date(2026, 1, 6)
    )
    got = interactions.get_interaction(conn, i)
    assert (got.kind, got.channel, got.occurred_at.date()) == (
        "outreach",
        "linkedin",
        date(2026, 1, 6),
    )
    interactions.delete_interaction(conn, i)
    assert interactions.list_interactions(conn, a) == []


def test_company_match_key_macro(conn):
    keys = {
        conn.execute("SELECT company_key(?)", [n]).fetchall()[0][0]
        for n in ("Acme", "ACME Inc.", "Acme, Inc", " acme  corp ")
    }
    assert keys == {"acme"}
    assert conn.execute("SELECT company_key('N/A')").fetchall()[0][0] == "n/a"


def test_stats_shape(conn):
    s = home.stats(conn)
    assert set(s) == {"contacts", "companies", "interactions", "meetings", "funnel"}
    assert list(s["funnel"]) == list(funnel.STAGES)
