from datetime import UTC, date, datetime

import pytest

from infoint import contacts, funnel, interactions, meetings, outreach
from infoint.contacts import SOURCE_LABELS, ContactSearch
from infoint.errors import InvalidInputError, NotFoundError


@pytest.fixture
def network(conn):
    """Six people at four companies; Ann was contacted, Cara was met (hand-checked below)."""
    conn.execute(
        "INSERT INTO companies (id, name, match_key, industry) VALUES"
        " (1, 'Acme Corp', 'acme', 'Health'), (2, 'Globex', 'globex', 'Finance'),"
        " (3, 'Initech', 'initech', NULL), (4, 'Macme Ltd', 'macme', 'Health'),"
        " (5, '100% Pure_Juice', '100% pure_juice', 'Food')"
    )
    people = {
        "ann": ("Ann", "Lee", 1, "Human Resources Manager", "1st", date(2024, 1, 10)),
        "bob": ("Bob", "Stone", 1, "Software Engineer", "2nd", date(2025, 3, 1)),
        "cara": ("Cara", "Diaz", 2, "Head of Human Resources", "1st", date(2025, 6, 1)),
        "dan": ("Dan", "Wu", 3, "Resources Planner", "cold", None),
        "eve": ("Eve", "Moss", None, "HR", "1st", date(2023, 5, 5)),
        "gus": ("Gus", "Hall", 4, "human resources", "1st", date(2025, 1, 1)),
    }
    ids = {}
    for key, (first, last, company, position, degree, connected) in people.items():
        ids[key] = conn.execute(
            "INSERT INTO contacts (profile_key, first_name, last_name, company_id, position,"
            " degree, connected_on) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [key, first, last, company, position, degree, connected],
        ).fetchall()[0][0]
    interactions.log_interaction(conn, ids["ann"], "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ids["cara"], "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, ids["cara"], "reply", occurred_at=date(2026, 3, 3))
    held = meetings.schedule_meeting(conn, ids["cara"], datetime(2026, 3, 10, 9, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=25)
    return ids


def names(conn, search, page=1, page_size=50):
    frame, _ = contacts.search_contacts(conn, search, page, page_size)
    return list(frame["name"])


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        (ContactSearch(), ["Ann Lee", "Bob Stone", "Cara Diaz", "Dan Wu", "Eve Moss", "Gus Hall"]),
        (ContactSearch(name="AN"), ["Ann Lee", "Dan Wu"]),
        # a substring match: Macme contains acme
        (ContactSearch(company="acme"), ["Ann Lee", "Bob Stone", "Gus Hall"]),
        # every word must appear; "Resources Planner" lacks "human"
        (ContactSearch(position="human  RESOURCES"), ["Ann Lee", "Cara Diaz", "Gus Hall"]),
        (ContactSearch(industries=("Health",)), ["Ann Lee", "Bob Stone", "Gus Hall"]),
        (ContactSearch(industries=(funnel.NO_INDUSTRY,)), ["Dan Wu", "Eve Moss"]),
        (
            ContactSearch(industries=("Finance", funnel.NO_INDUSTRY)),
            ["Cara Diaz", "Dan Wu", "Eve Moss"],
        ),
        (ContactSearch(degrees=("cold", "2nd")), ["Bob Stone", "Dan Wu"]),
        (ContactSearch(stages=(0,)), ["Bob Stone", "Dan Wu", "Eve Moss", "Gus Hall"]),
        (ContactSearch(stages=(1, 3)), ["Ann Lee", "Cara Diaz"]),
        # people without a connection date are left out once a date is asked for
        (ContactSearch(connected_since=date(2025, 1, 1)), ["Bob Stone", "Cara Diaz", "Gus Hall"]),
        (ContactSearch(company="acme", position="human resources"), ["Ann Lee", "Gus Hall"]),
        (
            ContactSearch(position="resources", degrees=("1st",), stages=(0,)),
            ["Gus Hall"],
        ),
    ],
)
def test_each_filter_alone_and_combined(conn, network, search, expected):
    assert names(conn, search) == expected


def test_wildcards_typed_by_the_user_are_plain_text(conn, network):
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name, company_id) VALUES ('juice', 'Jo', 5)"
    )
    assert names(conn, ContactSearch(company="%")) == ["Jo"]
    assert names(conn, ContactSearch(company="_")) == ["Jo"]
    assert names(conn, ContactSearch(company="100% p")) == ["Jo"]
    assert names(conn, ContactSearch(name="%")) == []


def test_narrowing_counts_each_prefix_of_the_filters(conn, network):
    search = ContactSearch(
        company="acme",
        position="human resources",
        degrees=("1st",),
        connected_since=date(2025, 1, 1),
    )
    assert contacts.narrowing_counts(conn, search) == [
        ("everyone", 6),
        ("company 'acme'", 3),
        ("position 'human resources'", 2),
        ("degree 1st", 2),
        ("connected since 1 Jan 2025", 1),
    ]
    assert contacts.narrowing_counts(conn, ContactSearch()) == [("everyone", 6)]


def test_each_filter_is_named_as_typed_though_the_search_ignores_case(conn, network):
    """The count line read "name 'ada abara'" for "Ada Abara" typed (a walkthrough)."""
    search = ContactSearch(company="ACME", position="  Human   Resources ")
    assert contacts.narrowing_counts(conn, search) == [
        ("everyone", 6),
        ("company 'ACME'", 3),
        ("position 'Human Resources'", 2),
    ]
    [(label, *_)] = ContactSearch(name="Ada  Abara").conditions()
    assert label == "name 'Ada Abara'"
    staged = ContactSearch(industries=("Finance",), stages=(3,))
    assert contacts.narrowing_counts(conn, staged) == [
        ("everyone", 6),
        ("industry Finance", 1),
        ("stage Met", 1),
    ]


def test_results_come_a_page_at_a_time_with_the_total(conn, network):
    first, total = contacts.search_contacts(conn, ContactSearch(), page=1, page_size=4)
    assert total == 6
    assert list(first["name"]) == ["Ann Lee", "Bob Stone", "Cara Diaz", "Dan Wu"]
    second, total = contacts.search_contacts(conn, ContactSearch(), page=2, page_size=4)
    assert (list(second["name"]), total) == (["Eve Moss", "Gus Hall"], 6)
    beyond, total = contacts.search_contacts(conn, ContactSearch(), page=3, page_size=4)
    assert (len(beyond), total) == (0, 6)
    assert list(first.index) == [network[k] for k in ("ann", "bob", "cara", "dan")]
    row = first.loc[network["cara"]]
    assert (row["company"], row["industry"], row["stage"], row["degree"]) == (
        "Globex",
        "Finance",
        "Met",
        "1st",
    )
    nothing, total = contacts.search_contacts(conn, ContactSearch(name="zed"))
    assert (len(nothing), total) == (0, 0)
    with pytest.raises(InvalidInputError):
        contacts.search_contacts(conn, ContactSearch(), page=0)


def test_find_by_name_for_pickers(conn, network):
    assert contacts.find_contacts_by_name(conn, "an") == [
        (network["ann"], "Ann Lee — Acme Corp"),
        (network["dan"], "Dan Wu — Initech"),
    ]
    assert contacts.find_contacts_by_name(conn, "an", exclude=network["ann"]) == [
        (network["dan"], "Dan Wu — Initech")
    ]
    assert contacts.find_contacts_by_name(conn, "eve") == [(network["eve"], "Eve Moss")]
    assert contacts.find_contacts_by_name(conn, "  ") == []


def test_get_contact_prefers_the_email_the_user_typed(conn, network):
    conn.execute(
        "UPDATE contacts SET linkedin_email = 'ann@linkedin.example', mutual_contact_id = ?"
        " WHERE id = ?",
        [network["bob"], network["ann"]],
    )
    ann = contacts.get_contact(conn, network["ann"])
    assert (ann.name, ann.company, ann.industry, ann.stage) == ("Ann Lee", "Acme Corp", "Health", 1)
    assert ann.shown_email == "ann@linkedin.example"
    assert ann.mutual_contact_name == "Bob Stone"
    contacts.update_contact(
        conn,
        network["ann"],
        email=" ann@home.example ",
        degree="2nd",
        mutual_contact_id=network["cara"],
        referred_by=None,
        notes="Met at the spring fair",
        tags="hr, fair, HR ,",
    )
    ann = contacts.get_contact(conn, network["ann"])
    assert (ann.shown_email, ann.linkedin_email) == ("ann@home.example", "ann@linkedin.example")
    assert (ann.degree, ann.mutual_contact_id, ann.mutual_contact_name) == (
        "2nd",
        network["cara"],
        "Cara Diaz",
    )
    assert (ann.notes, ann.tags) == ("Met at the spring fair", "hr, fair")
    with pytest.raises(NotFoundError):
        contacts.get_contact(conn, 999)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"email": "ann at home"}, InvalidInputError),
        ({"email": "ann@home"}, InvalidInputError),
        ({"degree": "3rd"}, InvalidInputError),
        ({"mutual_contact_id": "self"}, InvalidInputError),
        ({"mutual_contact_id": 999}, NotFoundError),
    ],
)
def test_update_refuses_bad_input_and_changes_nothing(conn, network, change, error):
    before = conn.execute("SELECT * FROM contacts ORDER BY id").fetchall()
    fields = {
        "email": "ann@home.example",
        "degree": "1st",
        "mutual_contact_id": None,
        "referred_by": None,
        "notes": "new notes",
        "tags": "new",
    }
    fields.update(change)
    if fields["mutual_contact_id"] == "self":
        fields["mutual_contact_id"] = network["ann"]
    with pytest.raises(error):
        contacts.update_contact(conn, network["ann"], **fields)
    assert conn.execute("SELECT * FROM contacts ORDER BY id").fetchall() == before


def edit(conn, contact_id: int, **changes) -> None:
    """Save a person's details as the Edit form does: what is not changed is sent as it is."""
    person = contacts.get_contact(conn, contact_id)
    fields = {
        "email": person.email,
        "degree": person.degree,
        "mutual_contact_id": person.mutual_contact_id,
        "referred_by": person.referred_by,
        "notes": person.notes,
        "tags": person.tags,
    }
    contacts.update_contact(conn, contact_id, **{**fields, **changes})


def introduction(conn, contact_id: int) -> tuple:
    return conn.execute(
        "SELECT referred_by, referred_at FROM contacts WHERE id = ?", [contact_id]
    ).fetchall()[0]


def now(conn) -> datetime:
    return conn.execute("SELECT current_localtimestamp()").fetchall()[0][0]


def stage_of(conn, contact_id: int) -> int:
    return contacts.get_contact(conn, contact_id).stage


def test_who_introduced_someone_can_be_set_changed_and_cleared(conn, network):
    """Ann's introducer is set (dated now), kept (date kept), changed (dated now again) and
    cleared; the Referred stage moves with it: Bob's on, off again, Eve's on, off."""
    ann, bob, eve = network["ann"], network["bob"], network["eve"]
    assert introduction(conn, ann) == (None, None)
    assert (stage_of(conn, bob), stage_of(conn, eve)) == (0, 0)

    before = now(conn)
    edit(conn, ann, referred_by=bob)
    by, at = introduction(conn, ann)
    assert by == bob and before <= at <= now(conn)
    assert contacts.get_contact(conn, ann).referred_by_name == "Bob Stone"
    assert stage_of(conn, bob) == 4

    # An introduction made in February: saving other details with the same person keeps it.
    conn.execute("UPDATE contacts SET referred_at = '2026-02-01 12:00' WHERE id = ?", [ann])
    edit(conn, ann, referred_by=bob, notes="Bob put us in touch")
    assert introduction(conn, ann) == (bob, datetime(2026, 2, 1, 12))
    assert contacts.get_contact(conn, ann).notes == "Bob put us in touch"

    before = now(conn)
    edit(conn, ann, referred_by=eve)
    by, at = introduction(conn, ann)
    assert by == eve and before <= at <= now(conn)
    assert (stage_of(conn, bob), stage_of(conn, eve)) == (0, 4)

    edit(conn, ann, referred_by=None)
    assert introduction(conn, ann) == (None, None)
    assert (stage_of(conn, bob), stage_of(conn, eve)) == (0, 0)
    assert stage_of(conn, ann) == 1  # her own outreach is untouched


def source_of(conn, contact_id: int) -> str:
    return contacts.get_contact(conn, contact_id).source


def test_clearing_the_introducer_of_someone_added_as_introduced_makes_them_added_by_hand(
    conn, network
):
    """Rae was added as introduced by Bob: 'referral'. Another introducer keeps that; clearing
    it leaves a person the user added by hand: 'manual'. Sources that say where a person came
    from otherwise (LinkedIn, the demo, which its removal finds by it) never change, and naming
    an introducer for someone added by hand keeps 'manual': they were added by hand."""
    bob, eve = network["bob"], network["eve"]
    rae = contacts.add_contact(conn, "Rae", referred_by=bob, source="referral")
    edit(conn, rae, referred_by=eve)
    assert source_of(conn, rae) == "referral"
    edit(conn, rae, referred_by=None)
    assert (source_of(conn, rae), introduction(conn, rae)) == ("manual", (None, None))
    assert SOURCE_LABELS[source_of(conn, rae)] == "added by hand"

    linked = contacts.add_contact(conn, "Lin", referred_by=bob, source="linkedin")
    made_up = contacts.add_contact(conn, "Dem", referred_by=bob, source="demo")
    by_hand = contacts.add_contact(conn, "Han")
    for person in (linked, made_up):
        edit(conn, person, referred_by=None)
    edit(conn, by_hand, referred_by=bob)
    assert [source_of(conn, p) for p in (linked, made_up, by_hand)] == [
        "linkedin",
        "demo",
        "manual",
    ]


def test_changing_who_introduced_someone_moves_the_referred_count(conn, network):
    """Cara (met) introducing Ann makes her Referred: 1; Eve instead, who was never contacted,
    is Referred and so counts at every stage before it too; nobody: 0 again."""

    def referred() -> int:
        return next(s.count for s in funnel.stage_counts(conn) if s.stage == "referred")

    assert referred() == 0
    edit(conn, network["ann"], referred_by=network["cara"])
    assert referred() == 1
    edit(conn, network["ann"], referred_by=network["eve"])
    assert referred() == 1
    assert [s.count for s in funnel.stage_counts(conn)] == [3, 2, 2, 1, 0]
    edit(conn, network["ann"], referred_by=None)
    assert referred() == 0


@pytest.fixture
def chain(conn, network):
    """Eve introduced Bob, who introduced Ann: Eve -> Bob -> Ann."""
    edit(conn, network["bob"], referred_by=network["eve"])
    edit(conn, network["ann"], referred_by=network["bob"])
    return network


@pytest.mark.parametrize(
    ("person", "introducer", "error", "said"),
    [
        ("dan", "dan", InvalidInputError, "A person cannot have introduced themself."),
        ("dan", 999, NotFoundError, "The person you picked as introducer is no longer in your"),
        # Bob introduced Ann: Ann cannot have introduced Bob.
        ("bob", "ann", InvalidInputError, "Ann Lee cannot have introduced Bob Stone, who led"),
        # Up the chain: Eve led you to Ann through Bob.
        ("eve", "ann", InvalidInputError, "Ann Lee cannot have introduced Eve Moss, who led"),
    ],
)
def test_a_wrong_introducer_is_refused_and_changes_nothing(
    conn, chain, person, introducer, error, said
):
    before = conn.execute("SELECT * FROM contacts ORDER BY id").fetchall()
    introducer_id = chain[introducer] if isinstance(introducer, str) else introducer
    with pytest.raises(error) as refused:
        edit(conn, chain[person], referred_by=introducer_id, notes="changed")
    assert str(refused.value).startswith(said)
    assert str(refused.value).count(".") == 1
    assert conn.execute("SELECT * FROM contacts ORDER BY id").fetchall() == before


def test_a_loop_already_in_the_data_does_not_stop_saving_other_details(conn, chain):
    """Older data may hold a loop (Ann introduced Eve, who led to Ann); keeping that
    introducer while fixing the notes is still allowed, and the loop can then be cleared."""
    eve, ann = chain["eve"], chain["ann"]
    conn.execute("UPDATE contacts SET referred_by = ? WHERE id = ?", [ann, eve])
    edit(conn, eve, referred_by=ann, notes="fixing this")
    assert contacts.get_contact(conn, eve).notes == "fixing this"
    edit(conn, eve, referred_by=None)
    assert introduction(conn, eve) == (None, None)


def test_timeline_tells_everything_newest_first(conn, network):
    cara, ann = network["cara"], network["ann"]
    batch = conn.execute(  # changes an import found (yours have no batch)
        "INSERT INTO import_batches (file_name, sha256) VALUES ('Connections.csv', 'x')"
        " RETURNING id"
    ).fetchall()[0][0]
    conn.execute(
        "INSERT INTO contact_changes (contact_id, field, old_value, new_value, changed_at,"
        " batch_id) VALUES (?, 'company', 'Initech', 'Globex', '2026-01-05 10:00', ?),"
        " (?, 'position', 'Recruiter', 'Head of Human Resources', '2026-01-04 10:00', ?)",
        [cara, batch, cara, batch],
    )
    interactions.log_interaction(
        conn,
        cara,
        "thank_you",
        channel="linkedin",
        occurred_at=datetime(2026, 3, 11, 8),
        subject="Thanks for your time",
        body="Mentioned the book she recommended.",
    )
    planned = meetings.schedule_meeting(
        conn, cara, datetime(2026, 4, 1, 9, tzinfo=UTC), place="Café Blue"
    )
    conn.execute(
        "UPDATE contacts SET referred_by = ?, referred_at = '2026-02-01 12:00' WHERE id = ?",
        [ann, cara],
    )
    conn.execute(
        "UPDATE contacts SET referred_by = ?, referred_at = '2026-03-20 12:00' WHERE id = ?",
        [cara, network["dan"]],
    )
    events = contacts.timeline(conn, cara)
    assert [e.text for e in events] == [
        "Meeting planned for 20 minutes at Café Blue",
        "Introduced you to Dan Wu",
        "You thanked them on LinkedIn: Thanks for your time",
        "You met for 25 minutes (20 promised)",
        "They replied by email",
        "You reached out by email",
        "Ann Lee introduced you to them",
        "Moved from Initech to Globex",
        "Title changed from 'Recruiter' to 'Head of Human Resources'",
    ]
    assert events[0].meeting_id == planned
    assert events[1].other_contact_id == network["dan"]
    assert events[2].details == "Mentioned the book she recommended."
    assert events[2].interaction_id is not None
    assert events[6].other_contact_id == ann
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    assert contacts.timeline(conn, network["eve"]) == []


def add(conn, key, **fields):
    columns = ", ".join(["profile_key", *fields])
    marks = ", ".join("?" * (len(fields) + 1))
    return conn.execute(
        f"INSERT INTO contacts ({columns}) VALUES ({marks}) RETURNING id", [key, *fields.values()]
    ).fetchall()[0][0]


def test_merge_moves_everything_and_repoints_links(conn):
    friend = add(conn, "friend", first_name="Fred")
    kept = add(
        conn,
        "manual:1",
        first_name="Ann",
        last_name="Lee",
        email="ann@home.example",
        degree="cold",
        source="manual",
        notes="Met at the meetup",
        tags="event",
    )
    dropped = add(
        conn,
        "https://www.linkedin.com/in/annlee",
        linkedin_url="https://www.linkedin.com/in/annlee",
        first_name="Ann",
        last_name="Lee",
        linkedin_email="ann@work.example",
        company_id=conn.execute(
            "INSERT INTO companies (name, match_key) VALUES ('Acme', 'acme') RETURNING id"
        ).fetchall()[0][0],
        position="HR lead",
        connected_on=date(2024, 2, 2),
        degree="1st",
        mutual_contact_id=friend,
        referred_by=kept,
        notes="Knows Bob",
        tags="Event, hr",
    )
    points_mutual = add(conn, "m", first_name="Mia", mutual_contact_id=dropped)
    points_referrer = add(conn, "r", first_name="Rae", referred_by=dropped)
    interactions.log_interaction(conn, dropped, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, kept, "note", occurred_at=date(2026, 3, 1))
    held = meetings.schedule_meeting(conn, dropped, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, held, "held", actual_minutes=20)
    conn.execute(
        "INSERT INTO meeting_questions (meeting_id, question) VALUES (?, 'What next?')", [held]
    )
    conn.execute(
        "INSERT INTO contact_changes (contact_id, field, old_value, new_value)"
        " VALUES (?, 'position', 'HR', 'HR lead')",
        [dropped],
    )

    moved = contacts.merge_contacts(conn, kept, dropped)

    assert moved == contacts.Moved(interactions=1, meetings=1, changes=1)
    assert conn.execute("SELECT count(*) FROM contacts WHERE id = ?", [dropped]).fetchall() == [
        (0,)
    ]
    for table in ("interactions", "meetings", "contact_changes"):
        owners = conn.execute(f"SELECT DISTINCT contact_id FROM {table}").fetchall()
        assert owners == [(kept,)], table
    assert conn.execute("SELECT count(*) FROM interactions").fetchall() == [(2,)]
    assert conn.execute("SELECT meeting_id FROM meeting_questions").fetchall() == [(held,)]
    ann = contacts.get_contact(conn, kept)
    assert ann.email == "ann@home.example"  # the kept one's own value stays
    assert (ann.linkedin_email, ann.company, ann.position) == (
        "ann@work.example",
        "Acme",
        "HR lead",
    )
    assert (ann.connected_on, ann.degree, ann.source) == (date(2024, 2, 2), "1st", "manual")
    assert ann.linkedin_url == "https://www.linkedin.com/in/annlee"
    assert ann.mutual_contact_id == friend
    assert ann.referred_by is None  # it pointed at the kept one itself
    assert (ann.notes, ann.tags) == ("Met at the meetup\n\nKnows Bob", "event, hr")
    assert ann.stage == 4  # Rae, whom the dropped one introduced, now counts for the kept one
    key = conn.execute("SELECT profile_key FROM contacts WHERE id = ?", [kept]).fetchall()
    assert key == [("https://www.linkedin.com/in/annlee",)]
    links = conn.execute(
        "SELECT id, mutual_contact_id, referred_by FROM contacts WHERE id IN (?, ?) ORDER BY id",
        [points_mutual, points_referrer],
    ).fetchall()
    assert links == [(points_mutual, kept, None), (points_referrer, None, kept)]


def test_merge_refuses_the_same_or_a_missing_person(conn):
    a = add(conn, "a", first_name="A")
    with pytest.raises(InvalidInputError):
        contacts.merge_contacts(conn, a, a)
    with pytest.raises(NotFoundError):
        contacts.merge_contacts(conn, a, 999)
    assert conn.execute("SELECT count(*) FROM contacts").fetchall() == [(1,)]


def contact_references(conn, contact_id, meeting_ids):
    """Rows in any table that still point at a contact (found from the catalogue)."""
    columns = conn.execute(
        "SELECT table_name, column_name FROM duckdb_columns()"
        " WHERE column_name IN ('contact_id', 'mutual_contact_id', 'referred_by')"
        " AND table_name IN (SELECT table_name FROM duckdb_tables())"
    ).fetchall()
    assert {t for t, _ in columns} >= {"interactions", "meetings", "contact_changes", "contacts"}
    found = {}
    for table, column in columns:
        found[f"{table}.{column}"] = conn.execute(
            f"SELECT count(*) FROM {table} WHERE {column} = ?", [contact_id]
        ).fetchall()[0][0]
    found["contacts.id"] = conn.execute(
        "SELECT count(*) FROM contacts WHERE id = ?", [contact_id]
    ).fetchall()[0][0]
    found["meeting_questions.meeting_id"] = conn.execute(
        "SELECT count(*) FROM meeting_questions WHERE list_contains(?, meeting_id)", [meeting_ids]
    ).fetchall()[0][0]
    return found


def test_delete_leaves_no_row_referring_to_the_person(conn):
    gone = add(conn, "gone", first_name="Gone")
    other = add(conn, "other", first_name="Other", mutual_contact_id=gone, referred_by=gone)
    conn.execute("UPDATE contacts SET referred_by = ? WHERE id = ?", [other, gone])
    interactions.log_interaction(conn, gone, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, other, "outreach", occurred_at=date(2026, 3, 2))
    theirs = [
        meetings.schedule_meeting(conn, gone, datetime(2026, 3, d, 9, tzinfo=UTC)) for d in (9, 10)
    ]
    kept_meeting = meetings.schedule_meeting(conn, other, datetime(2026, 3, 9, 9, tzinfo=UTC))
    for meeting in [*theirs, kept_meeting]:
        conn.execute(
            "INSERT INTO meeting_questions (meeting_id, question, answer) VALUES (?, 'Q', 'A')",
            [meeting],
        )
    conn.execute(
        "INSERT INTO contact_changes (contact_id, field, old_value, new_value)"
        " VALUES (?, 'company', 'A', 'B')",
        [gone],
    )
    conn.execute(  # a key of someone merged into them
        "INSERT INTO contact_aliases (profile_key, contact_id) VALUES ('nourl:g|one|', ?)", [gone]
    )
    outreach.save_draft(conn, gone, None, "follow_up", ("Hi", "Hello again"), ("", ""))
    before = contact_references(conn, gone, theirs)
    assert all(before.values()), before

    removed = contacts.delete_contact(conn, gone)

    assert removed == contacts.Moved(interactions=1, meetings=2, changes=1)
    after = contact_references(conn, gone, theirs)
    assert not any(after.values()), after
    # the other person and their own events are untouched, only unlinked
    assert conn.execute(
        "SELECT first_name, mutual_contact_id, referred_by FROM contacts"
    ).fetchall() == [("Other", None, None)]
    assert conn.execute("SELECT count(*) FROM interactions").fetchall() == [(1,)]
    assert conn.execute("SELECT meeting_id FROM meeting_questions").fetchall() == [(kept_meeting,)]
    with pytest.raises(NotFoundError):
        contacts.delete_contact(conn, gone)


def test_delete_is_one_transaction(conn, monkeypatch):
    gone = add(conn, "gone", first_name="Gone")
    interactions.log_interaction(conn, gone, "outreach", occurred_at=date(2026, 3, 2))
    real_execute = type(conn).execute

    def failing_execute(self, sql, *args):
        if sql.startswith("DELETE FROM contacts"):
            raise RuntimeError("disk full")
        return real_execute(self, sql, *args)

    monkeypatch.setattr(type(conn), "execute", failing_execute)
    with pytest.raises(RuntimeError):
        contacts.delete_contact(conn, gone)
    monkeypatch.undo()
    assert conn.execute("SELECT count(*) FROM interactions").fetchall() == [(1,)]
    assert conn.execute("SELECT count(*) FROM contacts").fetchall() == [(1,)]


def test_a_degree_is_described_on_the_record_and_asked_for_where_it_is_picked(conn):
    """The record read '2nd — someone you know knows them (name that person as the mutual
    contact)' with the mutual contact named beside it: an instruction where nothing is asked.
    Pickers keep the instruction; the record describes, naming the mutual contact."""
    assert "(name that person as the mutual contact)" in contacts.DEGREE_HELP["2nd"]
    ana = contacts.add_contact(conn, "Ana", "Lee")
    bo = contacts.add_contact(conn, "Bo", "Chen", degree="2nd", mutual_contact_id=ana)
    cy = contacts.add_contact(conn, "Cy", "Diaz", degree="2nd", mutual_contact_id=ana)
    # A 2nd stored before add_contact asked for the person who connects you.
    conn.execute("UPDATE contacts SET mutual_contact_id = NULL WHERE id = ?", [cy])
    dee = contacts.add_contact(conn, "Dee", "Moss", degree="cold")
    described = {
        who: contacts.degree_description(contacts.get_contact(conn, who))
        for who in (ana, bo, cy, dee)
    }
    assert described == {
        ana: "1st — you know them directly",
        bo: "2nd — you know them through Ana Lee",
        cy: "2nd — someone you know knows them",
        dee: "cold — no one connects you yet",
    }


def test_people_by_the_same_name_are_found_whatever_the_case_and_spaces(network, conn):
    """Ann Lee at Acme Corp was contacted (stage 1); a second Ann Lee elsewhere is not."""
    other_ann = contacts.add_contact(conn, "ANN", "  lee ", company="Globex")
    contacts.add_contact(conn, "Anne", "Lee", company="Acme Corp")  # another name
    found = contacts.find_same_name(conn, " ann ", "LEE", company="acme  corp")
    assert found == [
        contacts.SameName(network["ann"], "Ann Lee", "Acme Corp", 1, same_company=True),
        contacts.SameName(other_ann, "ANN lee", "Globex", 0, same_company=False),
    ]
    # the whole name alike, however it was split between first and last
    assert [p.id for p in contacts.find_same_name(conn, "", "Cara  Diaz")] == [network["cara"]]
    assert contacts.find_same_name(conn, "Cara", "Diaz")[0].stage == 3  # met


def test_a_name_split_elsewhere_between_its_words_is_another_name(network, conn):
    """Squeezing out every space made "Anna Smith" the "Ann Asmith" already there: the
    words are compared, only the spaces between them made single."""
    contacts.add_contact(conn, "Ann", "Asmith")
    assert contacts.find_same_name(conn, "Anna", "Smith") == []
    assert contacts.find_same_name(conn, "Ann", "A smith") == []
    assert [p.name for p in contacts.find_same_name(conn, " ANN\t", "asmith ")] == ["Ann Asmith"]


def test_no_name_or_a_new_name_finds_no_one(network, conn):
    assert contacts.find_same_name(conn, "", "  ") == []
    assert contacts.find_same_name(conn, "Zoe", "Lee", company="Acme Corp") == []
