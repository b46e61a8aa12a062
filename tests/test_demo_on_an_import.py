"""The demo loaded on top of the user's own import, whose companies share names with the
demo's: what it says it added, and that removing it leaves the user's data as it was."""

from datetime import UTC, date, datetime

from infoint import contacts, demo, importer, interactions, meetings, targets
from infoint.linkedin import read_connections

TODAY = date(2026, 5, 13)
EXPORT_HEAD = "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
SHARED = 36  # of the demo's company names, in the user's export too


def sample_companies() -> list[str]:
    """The demo's company names, in the order they first appear in the sample."""
    names = read_connections(demo.sample_path()).rows["company"].to_pylist()
    return list(dict.fromkeys(name for name in names if name))


def own_import(conn) -> None:
    """The user's export: one real person at each of 36 companies the demo also names, and
    what they did since: a target with a score, a note, an outreach, a meeting."""
    lines = [
        f"Real{n},Person,https://www.linkedin.com/in/real-person-{n},,{company},Engineer,"
        "01 Feb 2025"
        for n, company in enumerate(sample_companies()[:SHARED])
    ]
    report = importer.import_file(
        conn, (EXPORT_HEAD + "\n".join(lines)).encode(), filename="mine.csv"
    )
    assert report.added == SHARED
    first = conn.execute("SELECT min(id) FROM contacts").fetchall()[0][0]
    company_id = contacts.get_contact(conn, first).company_id
    targets.update_companies(conn, {company_id: {"status": "target", "motivation": 3}})
    conn.execute("UPDATE contacts SET notes = 'Met her at the meetup.' WHERE id = ?", [first])
    interactions.log_interaction(conn, first, "outreach", occurred_at=date(2026, 4, 1))
    meetings.schedule_meeting(conn, first, datetime(2026, 4, 8, 9, tzinfo=UTC))


def users_data(conn) -> dict:
    """Every row of the user's own data, in full."""
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        for table in (
            "contacts",
            "companies",
            "interactions",
            "meetings",
            "meeting_questions",
            "contact_changes",
            "company_aliases",
            "contact_aliases",
            "import_batches",
            "profile",
        )
    }


def test_the_demo_on_an_import_says_which_companies_it_added_and_which_were_yours(conn):
    own_import(conn)
    # 33 companies: the 36 names spell three twice ('True Cloud', 'True Cloud GmbH').
    assert conn.execute("SELECT count(*) FROM companies").fetchall()[0][0] == 33

    loaded = demo.load_demo(conn, today=TODAY)

    # The demo's people are at 38 companies: 5 it made, and all 33 of the user's.
    assert conn.execute("SELECT count(*) FROM companies").fetchall()[0][0] == 38
    assert (loaded.people, loaded.companies, loaded.joined) == (149, 5, 33)
    assert loaded.sentence() == (
        f"Loaded the demo: 149 made-up people, {loaded.interactions} logged interactions and "
        f"{loaded.meetings} meetings. It added 5 companies; the other 33 companies its people "
        "work at were already yours (same names). Removing the demo leaves those companies "
        "and your own people as they are."
    )


def test_the_sentence_names_one_company_of_yours_and_none_added():
    joined_one = demo.DemoSummary(people=40, companies=0, interactions=5, meetings=1, joined=1)
    assert joined_one.sentence() == (
        "Loaded the demo: 40 made-up people, 5 logged interactions and 1 meeting. Its people "
        "work at 1 company that was already yours (same name). Removing the demo leaves those "
        "companies and your own people as they are."
    )


def test_the_demo_on_an_empty_database_says_where_its_people_work(conn):
    loaded = demo.load_demo(conn, today=TODAY)
    assert (loaded.companies, loaded.joined) == (38, 0)
    assert loaded.sentence() == (
        f"Loaded the demo: 149 made-up people at 38 companies, "
        f"{loaded.interactions} logged interactions and {loaded.meetings} meetings."
    )


def test_removing_the_demo_after_an_import_leaves_the_users_companies_and_people(conn):
    own_import(conn)
    before = users_data(conn)

    demo.load_demo(conn, today=TODAY)
    assert demo.removal_warning(conn) == (
        "This deletes every demo person and company and everything logged about them. "
        "Your own people, companies and notes stay as they are."
    )
    assert demo.remove_demo(conn).people == 149

    assert users_data(conn) == before
    assert not demo.has_demo(conn)
