import codecs
import io
from datetime import UTC, date, datetime

import pandas as pd
import pyarrow as pa
import pytest

from infoint import contacts, funnel, interactions, meetings, profile, targets
from infoint.errors import InvalidInputError, NotFoundError
from infoint.targets import CompanyFilter


def company_id(conn, name):
    return conn.execute("SELECT id FROM companies WHERE name = ?", [name]).fetchall()[0][0]


def snapshot(conn):
    return conn.execute("SELECT * FROM companies ORDER BY id").fetchall()


@pytest.fixture
def campaign(conn):
    """Five companies; Beta is covered: met one person there, contacted another."""
    targets.add_company(conn, "Acme", industry="Health", motivation=3, postings=1)
    targets.add_company(conn, "Beta", industry="Health", motivation=3, postings=1)
    targets.add_company(conn, "Gamma", industry="Energy", motivation=2, postings=3)
    targets.add_company(conn, "Delta", motivation=3, postings=3)
    targets.rule_out(conn, company_id(conn, "Delta"), "Too much travel")
    contacts.add_contact(conn, "Ann", company="Acme", degree="cold")
    met = contacts.add_contact(conn, "Bob", company="Beta Inc.", degree="1st")
    asked = contacts.add_contact(conn, "Bea", company="beta", degree="2nd", mutual_contact_id=met)
    contacts.add_contact(conn, "Bo", company="Beta", degree="cold")
    contacts.add_contact(conn, "Olga", company="Omega", degree="1st")
    interactions.log_interaction(conn, met, "outreach", occurred_at=date(2026, 3, 2))
    interactions.log_interaction(conn, met, "reply", occurred_at=date(2026, 3, 3))
    meeting = meetings.schedule_meeting(conn, met, datetime(2026, 3, 9, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    interactions.log_interaction(conn, asked, "outreach", occurred_at=date(2026, 3, 4))
    return conn


def test_rank_is_motivation_then_postings_then_knowing_someone(campaign):
    frame = targets.list_companies(campaign)
    # Acme and Beta tie on motivation and postings; Bob (1st degree) puts Beta first.
    assert list(frame["name"]) == ["Beta", "Acme", "Gamma", "Delta"]
    assert list(frame["rank"])[:3] == [1, 2, 3]
    assert pd.isna(frame["rank"].iloc[3])  # ruled out: no rank
    assert frame.loc[company_id(campaign, "Delta"), "ruled_out_reason"] == "Too much travel"
    assert frame.index.name == "id"


def test_coverage_counts_come_from_the_stages(campaign):
    frame = targets.list_companies(campaign).set_index("name")
    assert frame.loc["Beta", ["people", "contacted", "met"]].tolist() == [3, 2, 1]
    assert frame.loc["Acme", ["people", "contacted", "met"]].tolist() == [1, 0, 0]
    assert frame.loc["Gamma", ["people", "contacted", "met"]].tolist() == [0, 0, 0]


def test_network_companies_only_with_the_switch(campaign):
    assert "Omega" not in set(targets.list_companies(campaign)["name"])
    assert targets.count_listed(campaign).companies == 4
    everything = CompanyFilter(whole_network=True)
    assert targets.count_listed(campaign, everything).companies == 5
    frame = targets.list_companies(campaign, everything)
    # Omega: motivation 0 but a 1st-degree contact; ranked after the scored companies.
    assert list(frame["name"]) == ["Beta", "Acme", "Gamma", "Omega", "Delta"]
    assert targets.count_chosen(campaign) == (5, 4)


def test_a_placeholder_company_only_in_your_network_is_not_offered_as_a_target(conn):
    """'N/A' and 'Self-employed' gather people with no employer to name: the whole network's
    list does not offer them (nor rank them, count them or make them targets in bulk), though
    the merge search still finds them."""
    contacts.add_contact(conn, "Ann", company="N/A", degree="1st")
    contacts.add_contact(conn, "Ben", company="Self-Employed", degree="1st")
    contacts.add_contact(conn, "Cy", company="Acme", degree="cold")
    acme = company_id(conn, "Acme")
    everything = CompanyFilter(whole_network=True)
    frame = targets.list_companies(conn, everything)
    assert (list(frame["name"]), list(frame["rank"])) == (["Acme"], [1])
    assert targets.count_listed(conn, everything) == targets.ListCount(1, 0, 0)
    assert targets.list_company_ids(conn, everything) == [acme]
    assert (
        targets.count_listed(conn, CompanyFilter(whole_network=True, search="n/a")).companies == 0
    )
    assert targets.count_chosen(conn) == (1, 0)
    assert targets.find_companies(conn, "n/a") == [
        (company_id(conn, "N/A"), "N/A — in your network, 1 person")
    ]


def test_a_placeholder_you_made_a_target_stays_without_the_boost_of_knowing_someone(conn):
    """Ann (1st degree) at 'N/A' is no one you know at a company: N/A ties with Acme and Beta
    on scores, Beta goes first as you know Bea there, then Acme and N/A by name."""
    for name in ("Acme", "N/A", "Beta"):
        targets.add_company(conn, name, motivation=2, postings=1)
    contacts.add_contact(conn, "Ann", company="N/A", degree="1st")
    contacts.add_contact(conn, "Bea", company="Beta", degree="1st")
    contacts.add_contact(conn, "Al", company="Acme", degree="cold")
    for filters in (CompanyFilter(), CompanyFilter(whole_network=True)):
        frame = targets.list_companies(conn, filters)
        assert list(frame["name"]) == ["Beta", "Acme", "N/A"]
        assert list(frame["rank"]) == [1, 2, 3]
        assert list(frame["people"]) == [1, 1, 1]
    assert targets.count_chosen(conn) == (3, 3)


def test_placeholder_companies_are_written_as_compared():
    """`placeholder_company_sql` compares a company's name trimmed and in lower case with
    these."""
    names = targets.PLACEHOLDER_COMPANIES
    assert names and all(name == name.strip().lower() for name in names)
    assert {"n/a", "-", "none", "self-employed", "freelance", "retired"} <= set(names)


def test_industry_filter_and_search_keep_the_rank(campaign):
    health = targets.list_companies(campaign, CompanyFilter(industries=("Health",)))
    assert list(health["name"]) == ["Beta", "Acme"]
    no_industry = CompanyFilter(industries=(funnel.NO_INDUSTRY,))
    assert list(targets.list_companies(campaign, no_industry)["name"]) == ["Delta"]
    energy = CompanyFilter(industries=("Energy",))
    assert list(targets.list_companies(campaign, energy)["rank"]) == [3]
    assert list(targets.list_companies(campaign, CompanyFilter(search="CME"))["name"]) == ["Acme"]
    assert targets.list_company_ids(campaign, CompanyFilter(industries=("Health",))) == sorted(
        [company_id(campaign, "Acme"), company_id(campaign, "Beta")]
    )


def test_coverage_shares_are_whole_percents_as_elsewhere_in_the_app(conn):
    """Written '67 %' as Home and Insights write shares, not '66.7 %': 2 of 3 people at Sol
    contacted; 1 of 8 at Volt is 12.5, rounded half to even as `text.percent` rounds."""
    for company, people, written_to in (("Sol", 3, 2), ("Volt", 8, 1), ("Wax", 201, 1)):
        targets.add_company(conn, company, industry=company)
        for number in range(people):
            person = contacts.add_contact(conn, f"P{number}", company, company=company)
            if number < written_to:
                interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 2))
    frame = targets.coverage_by_industry(conn).set_index("industry")
    # 1 of 201 at Wax is 0.5 %: contacted, so never '0 %' (`text.whole_percents`).
    assert frame["contacted_percent"].to_dict() == {"Sol": 67, "Volt": 12, "Wax": 1}


def test_paging(campaign):
    page_two = targets.list_companies(campaign, limit=2, offset=2)
    assert list(page_two["name"]) == ["Gamma", "Delta"]


def test_each_page_counts_the_people_of_its_own_companies(campaign):
    """The stages are worked out for the page shown only: a page of one is Beta's people, the
    next Acme's, each in its place in the order."""
    first, second = (targets.list_companies(campaign, limit=1, offset=n) for n in (0, 1))
    assert first[["name", "rank", "people", "contacted", "met"]].values.tolist() == [
        ["Beta", 1, 3, 2, 1]
    ]
    assert second[["name", "rank", "people", "contacted", "met"]].values.tolist() == [
        ["Acme", 2, 1, 0, 0]
    ]


def test_industries_and_coverage_by_industry(campaign):
    assert targets.industries(campaign) == ["Energy", "Health"]
    frame = targets.coverage_by_industry(campaign)
    # Delta is ruled out and Omega only in the network: neither counts as a target.
    # Health: at Beta you wrote to Bob and Bea and met Bob; at Acme nobody yet. Four people
    # there (Ann; Bob, Bea, Bo), two contacted: 50 %. Energy: no one there, so no share.
    assert frame.fillna({"contacted_percent": -1}).to_dict("records") == [
        {
            "industry": "Health",
            "targets": 2,
            "targets_contacted": 1,
            "targets_met": 1,
            "people": 4,
            "contacted": 2,
            "contacted_percent": 50.0,
        },
        {
            "industry": "Energy",
            "targets": 1,
            "targets_contacted": 0,
            "targets_met": 0,
            "people": 0,
            "contacted": 0,
            "contacted_percent": -1,  # nobody there: no share to give
        },
    ]


def test_edits_save_together_and_rename_keeps_the_match_key(campaign):
    acme, gamma = company_id(campaign, "Acme"), company_id(campaign, "Gamma")
    saved = targets.update_companies(
        campaign,
        {
            acme: {"name": "Acme Health Group", "motivation": 1.0},
            gamma: {"status": "researching", "industry": "health "},
        },
    )
    assert saved == 2
    row = campaign.execute(
        "SELECT name, match_key, motivation FROM companies WHERE id = ?", [acme]
    ).fetchall()
    assert row == [("Acme Health Group", "acme", 1)]
    # a later import of the old name still finds the renamed company
    assert targets.ensure_company(campaign, "ACME Inc.") == acme
    assert targets.list_companies(campaign).loc[gamma, ["status", "industry"]].tolist() == [
        "researching",
        "Health",
    ]


def test_bad_edits_are_refused_and_nothing_changes(campaign):
    acme, beta = company_id(campaign, "Acme"), company_id(campaign, "Beta")
    before = snapshot(campaign)
    bad_edits = [
        {beta: {"motivation": 2}, acme: {"motivation": 4}},
        {acme: {"postings": "lots"}},
        {acme: {"postings": 1.5}},
        {acme: {"motivation": None}},
        {acme: {"status": "dream"}},
        {acme: {"name": "  "}},
        {acme: {"status": "ruled_out"}},
        {acme: {"industry": funnel.NO_INDUSTRY}},
        {acme: {"people": 3}},
    ]
    for edit in bad_edits:
        with pytest.raises(InvalidInputError):
            targets.update_companies(campaign, edit)
    with pytest.raises(NotFoundError):
        targets.update_companies(campaign, {beta: {"motivation": 2}, 999: {"motivation": 1}})
    assert snapshot(campaign) == before


def test_rule_out_needs_a_reason_and_un_ruling_clears_it(campaign):
    acme = company_id(campaign, "Acme")
    with pytest.raises(InvalidInputError, match="Say why"):
        targets.rule_out(campaign, acme, "  ")
    targets.rule_out(campaign, acme, "No remote work")
    assert targets.list_companies(campaign).loc[acme, "ruled_out_reason"] == "No remote work"
    delta = company_id(campaign, "Delta")
    targets.update_companies(campaign, {delta: {"status": "target"}})
    got = campaign.execute(
        "SELECT status, ruled_out_reason FROM companies WHERE id = ?", [delta]
    ).fetchall()
    assert got == [("target", None)]


def test_make_targets_leaves_chosen_statuses_alone(campaign):
    omega, delta = company_id(campaign, "Omega"), company_id(campaign, "Delta")
    assert targets.make_targets(campaign, [omega, delta]).becoming == 1
    statuses = dict(campaign.execute("SELECT name, status FROM companies").fetchall())
    assert statuses["Omega"] == "target" and statuses["Delta"] == "ruled_out"
    with pytest.raises(NotFoundError):
        targets.make_targets(campaign, [999])


@pytest.fixture
def ruled_out_industries(campaign):
    """Campaign plus three network companies in the industries ruled out, Retail and Banking."""
    for name, industry in (("Shopco", "Retail"), ("Mallco", "retail"), ("Bankco", "Banking")):
        targets.set_industry(campaign, [targets.ensure_company(campaign, name)], industry)
    campaign.commit()
    profile.rule_out_industry(campaign, "Retail", "Weekend work")
    profile.rule_out_industry(campaign, "  banking ", "Too formal")
    return campaign


def test_bulk_targets_leave_out_what_you_ruled_out(ruled_out_industries):
    conn = ruled_out_industries
    before = dict(conn.execute("SELECT name, status FROM companies").fetchall())
    names = ["Omega", "Shopco", "Mallco", "Bankco", "Delta", "Acme"]
    ids = [company_id(conn, name) for name in names]
    # Omega is only in the network; Shopco, Mallco (Retail) and Bankco (Banking) are in an
    # industry ruled out; Delta is ruled out itself; Acme is a target already.
    expected = targets.TargetPlan(1, 1, 1, 3, ("Banking", "Retail"))
    assert targets.plan_targets(conn, ids) == expected
    assert expected.question() == (
        "Turn 1 of the 6 companies that match into a target? Left out: 1 you ruled out and 3 "
        "in industries you ruled out (Banking and Retail). 1 company was on your list already. "
        "There is no undo: to take one back off, set its status to 'In your network' in the table."
    )
    assert dict(conn.execute("SELECT name, status FROM companies").fetchall()) == before
    assert targets.make_targets(conn, ids) == expected
    assert expected.outcome() == (
        "Added 1 company to your targets. Left out: 1 you ruled out and 3 in industries you "
        "ruled out (Banking and Retail). 1 company was on your list already."
    )
    after = dict(conn.execute("SELECT name, status FROM companies").fetchall())
    assert {name for name in after if after[name] != before[name]} == {"Omega"}
    assert after["Omega"] == "target"


def test_the_bulk_target_sentences_count_with_commas_and_name_a_few_industries():
    heavy = targets.TargetPlan(1603, 0, 12, 349, ("Retail",))
    assert heavy.question().startswith(
        "Turn 1,603 of the 1,964 companies that match into targets? Left out: 12 you ruled out "
        "and 349 in an industry you ruled out (Retail). There is no undo"
    )
    assert (
        targets.TargetPlan(5, 0, 0, 0)
        .question()
        .startswith("Turn all 5 companies that match into targets? There is no undo")
    )
    many = targets.TargetPlan(0, 0, 0, 5, ("A", "B", "C", "D", "E"))
    assert many.left_out() == "Left out: 5 in industries you ruled out (A, B, C and 2 more)."
    assert many.outcome() == "No company was added to your targets. " + many.left_out()
    assert targets.TargetPlan(0, 2, 0, 0).outcome() == "All of them were on your list already."


def test_set_industry_of_many_at_once(conn):
    ids = [targets.ensure_company(conn, f"Bank {i}") for i in range(300)]
    conn.commit()
    assert targets.set_industry(conn, ids[:250], "  Banking ") == 250
    counts = dict(conn.execute("SELECT industry, count(*) FROM companies GROUP BY 1").fetchall())
    assert counts == {"Banking": 250, None: 50}
    # typed in another case, an industry joins the one already there
    assert targets.set_industry(conn, ids[250:260], "banking") == 10
    assert targets.industries(conn) == ["Banking"]
    # unless every company that has it changes: then the new spelling is the one
    targets.set_industry(conn, ids[:260], "BANKING")
    assert targets.industries(conn) == ["BANKING"]
    assert targets.set_industry(conn, ids[:10], "") == 10
    assert conn.execute("SELECT count(*) FROM companies WHERE industry IS NULL").fetchall() == [
        (50,)
    ]
    with pytest.raises(InvalidInputError):
        targets.set_industry(conn, [], "Banking")


def test_add_company(conn):
    network = targets.ensure_company(conn, "Initech")
    conn.commit()
    assert targets.add_company(conn, "INITECH LLC", industry="Software", motivation=2) == network
    assert conn.execute(
        "SELECT name, status, industry, motivation FROM companies WHERE id = ?", [network]
    ).fetchall() == [("Initech", "target", "Software", 2)]
    with pytest.raises(InvalidInputError, match="already on your list"):
        targets.add_company(conn, "Initech")
    with pytest.raises(InvalidInputError):
        targets.add_company(conn, "Hooli", postings=7)
    assert targets.count_listed(conn).companies == 1


def test_merge_moves_contacts_and_keeps_the_match_key(campaign):
    beta = company_id(campaign, "Beta")
    duplicate = targets.ensure_company(campaign, "Beta Europe")
    contacts.add_contact(campaign, "Eve", company="Beta Europe")
    campaign.execute(
        "UPDATE companies SET research_notes = 'Has a Berlin office', status = 'researching',"
        " postings = 3 WHERE id = ?",
        [duplicate],
    )
    assert targets.merge_companies(campaign, beta, duplicate) == 1
    assert campaign.execute("SELECT count(*) FROM companies WHERE id = ?", [duplicate]).fetchall()[
        0
    ] == (0,)
    row = campaign.execute(
        "SELECT name, match_key, status, postings, research_notes FROM companies WHERE id = ?",
        [beta],
    ).fetchall()
    # Beta was already a target: it keeps its status but takes the higher postings score.
    assert row == [("Beta", "beta", "target", 3, "Has a Berlin office")]
    assert targets.list_companies(campaign).loc[beta, "people"] == 4
    with pytest.raises(InvalidInputError):
        targets.merge_companies(campaign, beta, beta)
    with pytest.raises(NotFoundError):
        targets.merge_companies(campaign, beta, duplicate)


def test_find_companies(campaign):
    found = targets.find_companies(campaign, "eta")
    assert found == [(company_id(campaign, "Beta"), "Beta — target, 3 people")]


TARGET_LIST = (
    "Company,Industry,Motivation,Postings,Notes\n"
    "Acme Inc.,Health care,2,,call Sam\n"
    "Hooli,'-Tech,3,2,\n"
    ",Energy,1,1,\n"
    "Initrode,Energy,high,1,\n"
    "Vandelay,,1,5,\n"
    "Omega,Logistics,,,\n"
    ",,,,\n"
    "hooli,Software,1,1,\n"
)


def test_read_target_list_previews_rows_and_problems(conn):
    preview = targets.read_target_list(conn, TARGET_LIST.encode(), "targets.csv")
    assert list(preview.frame["name"]) == ["Acme Inc.", "Hooli", "Omega"]
    assert list(preview.frame["line"]) == [2, 3, 7]
    assert preview.frame.loc[1, "industry"] == "-Tech"  # our export's formula guard undone
    assert pd.isna(preview.frame.loc[0, "postings"])
    assert [(p.line, p.reason.split()[0:3]) for p in preview.problems] == [
        (4, ["It", "has", "no"]),
        (5, ["The", "motivation", "of"]),
        (6, ["The", "postings", "of"]),
    ]
    assert [(p.line, p.reason) for p in preview.repeats] == [
        (9, "hooli is the same company as Hooli on line 3; line 3 is kept.")
    ]
    assert "Initrode" in preview.problems[1].reason
    assert preview.ignored_columns == ["Notes"]


def test_the_list_has_the_same_column_types_whether_cells_are_blank_or_not(conn):
    """The page's table is known by its columns' types: an Industry column of blanks only
    came back as objects (Arrow: null), text once one was set, and the ticks were lost."""
    for name in ("Volt", "Nova"):
        targets.add_company(conn, name)
    blank = targets.list_companies(conn)
    targets.set_industry(conn, [company_id(conn, "Volt"), company_id(conn, "Nova")], "Software")
    targets.rule_out(conn, company_id(conn, "Nova"), "Too far")
    filled = targets.list_companies(conn)
    assert list(filled["industry"]) == ["Software", "Software"]
    assert blank.dtypes.to_dict() == filled.dtypes.to_dict()
    assert pa.Schema.from_pandas(blank) == pa.Schema.from_pandas(filled)


def test_import_target_list_upserts_by_match_key(campaign):
    preview = targets.read_target_list(campaign, TARGET_LIST.encode(), "targets.csv")
    acme = company_id(campaign, "Acme")
    # Hooli is new, Omega only in the network: both become targets. Acme is on the list
    # already: what the file would change of it is said, and by default it is kept.
    assert preview.newly_targeted == 2
    assert [c.said() for c in preview.on_list] == [
        "Acme is on your list already (Target): industry Health → Health care, motivation 3 → 2."
    ]
    assert list(preview.shown()["now"]) == ["Target", "New", "In your network"]
    summary = targets.import_target_list(campaign, preview)
    assert summary == targets.TargetListImport(
        added=1, already_here=2, skipped=4, made_targets=1, kept=["Acme"]
    )
    assert summary.sentence() == "2 new targets; Acme, on your list already, stayed as it was."
    rows = {
        r[0]: r[1:]
        for r in campaign.execute(
            "SELECT name, status, industry, motivation, postings, source FROM companies"
        ).fetchall()
    }
    assert rows["Acme"] == ("target", "Health", 3, 1, "manual")
    assert rows["Omega"][:4] == ("target", "Logistics", 0, 0)
    # Hooli appears twice: the first line is kept, as the preview said.
    assert rows["Hooli"] == ("target", "-Tech", 3, 2, targets.TARGET_LIST_SOURCE)
    assert "hooli" not in rows
    # Let the file update Acme: it keeps its postings (blank in the file) and takes the new
    # industry and motivation.
    updated = targets.import_target_list(campaign, preview, update=True)
    assert updated.sentence() == (
        "Acme updated: industry Health → Health care, motivation 3 → 2; Hooli and Omega were "
        "already as the file has them."
    )
    acme_now = "SELECT status, industry, motivation, postings FROM companies WHERE id = ?"
    assert campaign.execute(acme_now, [acme]).fetchall() == [("target", "Health care", 2, 1)]
    again = targets.import_target_list(campaign, preview, update=True)
    assert (again.added, again.already_here, again.unchanged) == (0, 3, ["Acme", "Hooli", "Omega"])
    assert again.sentence() == ("Acme, Hooli and Omega were already as the file has them.")


def test_import_keeps_a_ruled_out_company_ruled_out(campaign):
    preview = targets.read_target_list(
        campaign, b"name;motivation;industry\nDelta;1;ENERGY\n", "list.csv"
    )
    targets.import_target_list(campaign, preview)
    assert campaign.execute(
        "SELECT status, motivation, industry FROM companies WHERE name = 'Delta'"
    ).fetchall() == [("ruled_out", 3, None)]
    targets.import_target_list(campaign, preview, update=True)
    assert campaign.execute(
        "SELECT status, motivation, industry FROM companies WHERE name = 'Delta'"
    ).fetchall() == [("ruled_out", 1, "Energy")]


def test_an_upload_read_once_already_is_read_whole(conn):
    upload = io.BytesIO(b"name\nAcme\n")
    upload.read()
    assert list(targets.read_target_list(conn, upload, "list.csv").frame["name"]) == ["Acme"]


def test_a_target_list_saved_as_utf16_text_is_read_as_linkedins_reader_reads_it(conn):
    """A CSV with a UTF-16 byte-order mark is text (the LinkedIn upload reads it so): its
    zero bytes are not those of a picture."""
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
            encoding, b""
        )
        data = bom + "name\tindustry\nAcme Héalth\tHealth\n".encode(encoding)
        preview = targets.read_target_list(conn, data, "targets.csv")
        assert list(preview.frame["name"]) == ["Acme Héalth"], encoding
        assert list(preview.frame["industry"]) == ["Health"]


def test_read_target_list_from_excel(conn, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NAME", "industry", "MOTIVATION"])
    sheet.append(["Acme", "Health", 3])
    sheet.append(["Beta", None, 2.0])
    sheet.append(["Gamma", None, 9])
    path = tmp_path / "targets.xlsx"
    book.save(path)
    preview = targets.read_target_list(conn, path.read_bytes(), "targets.xlsx")
    assert preview.frame[["line", "name", "motivation"]].values.tolist() == [
        [2, "Acme", 3],
        [3, "Beta", 2],
    ]
    assert [p.line for p in preview.problems] == [4]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"a,b\n1,2\n", "list.txt", "not a CSV or Excel"),
        (b"", "list.csv", "is empty"),
        (b"industry,motivation\nHealth,1\n", "list.csv", "one called 'name'"),
        (b"not a workbook", "list.xlsx", "could not be opened"),
    ],
)
def test_unreadable_target_lists_get_one_sentence(conn, data, filename, message):
    with pytest.raises(InvalidInputError, match=message):
        targets.read_target_list(conn, data, filename)


LINKEDIN_CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Analytical Engines,Engineer,06 Nov 2024"
)
IN_THE_LINKEDIN_IMPORT = (
    "This is LinkedIn's list of your connections, people rather than companies: bring it in "
    "under “Bring in your LinkedIn connections” at the top of this page."
)


@pytest.mark.parametrize(
    "data",
    [
        LINKEDIN_CONNECTIONS.encode(),
        # the preamble deleted: its Company column once read as a list of target companies
        LINKEDIN_CONNECTIONS.split("\n", 3)[3].encode(),
        # re-saved by Excel: semicolons, the preamble padded with them, the URL column gone
        LINKEDIN_CONNECTIONS.replace(",", ";")
        .replace("URL;", "")
        .replace("Notes:", "Notes:;;")
        .encode("cp1252"),
    ],
    ids=["as-exported", "no-preamble", "excel-resaved"],
)
def test_linkedins_connections_file_is_sent_to_the_linkedin_import(conn, data):
    with pytest.raises(InvalidInputError) as raised:
        targets.read_target_list(conn, data, "Connections.csv")
    assert str(raised.value) == IN_THE_LINKEDIN_IMPORT


def test_linkedins_archive_is_sent_to_the_linkedin_import(conn):
    with pytest.raises(InvalidInputError) as raised:
        targets.read_target_list(conn, b"PK\x03\x04", "Basic_LinkedInDataExport_11-26-2026.zip")
    assert str(raised.value) == (
        "A .zip like LinkedIn's archive goes under “Bring in your LinkedIn connections” at "
        "the top of this page; here, upload your own list of companies as CSV or Excel (.xlsx)."
    )


@pytest.mark.parametrize(
    "header",
    [
        # ('name' beside a first and last name would be the person's: see GOOGLE_CONTACTS)
        "company,first name,last name",
        # our own contacts export: LinkedIn's first columns, and ours besides
        "First name,Last name,Company,Position,Email,LinkedIn profile,Connected on,Degree,Stage",
    ],
)
def test_a_list_with_some_of_linkedins_columns_is_still_a_list_of_companies(conn, header):
    """Only LinkedIn's columns, first and last name and connected on among them, send it away."""
    data = f"{header}\n{','.join(['Acme'] * header.count(','))},Acme\n".encode()
    preview = targets.read_target_list(conn, data, "people-at-targets.csv")
    assert list(preview.frame["name"]) == ["Acme"]


class FailingInsert:
    """A connection whose INSERT into companies fails, after the UPDATE already ran."""

    def __init__(self, conn):
        self.conn = conn

    def __getattr__(self, name):
        return getattr(self.conn, name)

    def execute(self, sql, *args):
        if sql.lstrip().startswith("INSERT INTO companies"):
            raise InvalidInputError("The disk is full.")
        return self.conn.execute(sql, *args)


def test_import_writes_nothing_when_it_fails(campaign):
    preview = targets.read_target_list(
        campaign, b"name,industry\nNew Co,\nAcme,Retail\n", "list.csv"
    )
    before = snapshot(campaign)
    with pytest.raises(InvalidInputError):
        targets.import_target_list(FailingInsert(campaign), preview)
    assert snapshot(campaign) == before


# Notes above the column names, as people keep a list: one with a semicolon of its own, which
# must not make the semicolon file's delimiter a comma or the comma file's a semicolon.
PREAMBLE = "My targets for spring\nUpdated 2 Mar; from the careers fair\n\n"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"], ids=["semicolons", "commas", "tabs"])
def test_a_list_with_notes_above_its_column_names_is_read_from_them(conn, delimiter):
    rows = [
        ["Company", "industry", "motivation"],
        ["Acme, Inc.", "Health", "3"],
        ["Beta", "", "2"],
        ["Gamma", "Energy", "9"],
    ]
    lines = (delimiter.join(f'"{c}"' if "," in c else c for c in row) for row in rows)
    data = (PREAMBLE + "\n".join(lines) + "\n").encode()
    preview = targets.read_target_list(conn, data, "targets.csv")
    shown = preview.frame.astype(object).where(preview.frame.notna(), None)
    assert shown[["line", "name", "industry", "motivation"]].values.tolist() == [
        [5, "Acme, Inc.", "Health", 3],
        [6, "Beta", None, 2],
    ]
    assert [p.line for p in preview.problems] == [7]  # Gamma's 9, by its line in the file
    assert preview.ignored_columns == []


def test_a_semicolon_list_saved_by_excel_with_notes_padded_with_semicolons(conn):
    data = (
        "Companies to look at;;\n"
        "Note: scores 0-3; 3 is best;;\n"
        ";;\n"
        "name;postings;notes\n"
        "Acme;1;liked the talk\n"
    ).encode("cp1252")
    preview = targets.read_target_list(conn, data, "targets.csv")
    assert preview.frame[["line", "name", "postings"]].values.tolist() == [[5, "Acme", 1]]
    assert preview.ignored_columns == ["notes"]


def test_a_note_with_a_line_break_is_one_note_not_the_column_names(conn):
    """A spreadsheet cell holding two lines is saved quoted over two lines of the file: its
    second line ('Name, industry...') is inside the note, not the header."""
    data = (
        b'"My targets for spring\nName, industry and a score each"\n'
        b"Company,Industry,Motivation\n"
        b"Acme,Health,3\n"
    )
    preview = targets.read_target_list(conn, data, "targets.csv")
    assert preview.frame[["line", "name", "industry", "motivation"]].values.tolist() == [
        [4, "Acme", "Health", 3]
    ]
    assert (preview.problems, preview.ignored_columns) == ([], [])


def test_notes_without_column_names_under_them_get_one_sentence(conn):
    data = (PREAMBLE + "Acme;Health\n").encode()
    with pytest.raises(InvalidInputError) as raised:
        targets.read_target_list(conn, data, "targets.csv")
    assert str(raised.value) == (
        "Line 1 of targets.csv should name the columns, with one called 'name' "
        "(also: industry, motivation, postings)."
    )


def test_an_excel_list_with_notes_above_its_column_names(conn, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["My targets", None])
    sheet.append([None, None])
    sheet.append(["Name", "Postings"])
    sheet.append(["Acme", 2])
    path = tmp_path / "targets.xlsx"
    book.save(path)
    preview = targets.read_target_list(conn, path.read_bytes(), "targets.xlsx")
    assert preview.frame[["line", "name", "postings"]].values.tolist() == [[4, "Acme", 2]]


def test_the_sentences_of_a_change_to_many_companies_read_naturally_at_none_one_and_many():
    """Seen in the browser: 'The 0 you ticked in the table', 'All 1 that match …', 'Put the 1
    company that matches in Software? The industry each one has now is replaced'."""
    assert targets.scope_choices(0, 1) == {
        "picked": "The ones you tick in the table (none ticked yet)",
        "matching": "The one company that matches the search and industry above",
    }
    assert targets.scope_choices(1, 1_200) == {
        "picked": "The one you ticked in the table",
        "matching": "All 1,200 that match the search and industry above",
    }
    assert targets.scope_choices(3, 7)["picked"] == "The 3 you ticked in the table"
    assert targets.industry_question(1, "Software") == (
        "Put the one company that matches in Software? The industry it has now is replaced, "
        "and there is no undo.",
        "Yes, set its industry",
    )
    assert targets.industry_question(1_200, "Software") == (
        "Put all 1,200 companies that match in Software? The industry each one has now is "
        "replaced, and there is no undo.",
        "Yes, set their industry",
    )
    assert targets.make_targets_labels(1) == ("Make it a target", "Yes, make it a target")
    assert targets.make_targets_labels(2) == ("Make them targets", "Yes, make them targets")
    assert (
        targets.TargetPlan(1, 0, 0, 0)
        .question()
        .startswith("Turn the one company that matches into a target? There is no undo")
    )
    assert targets.TargetPlan(0, 1, 0, 0).outcome() == "It was on your list already."


def test_unscored_companies_go_by_people_you_know_then_progress_before_the_name(conn):
    """Seen by a new user with nothing scored yet: 'best first' read as alphabetical, Alder
    Analytics (1 person) before Maple Media (243), Birch Cloud (no one contacted) before
    Indigo Robotics (someone met). After the user's own scores come the people you know
    there (1st degree), then how far you got with anyone there, and only then the name."""
    targets.add_company(conn, "Zinc Co", motivation=1)  # scored: first, with no one there
    people = {
        "Alder Analytics": 1,
        "Maple Media": 3,
        "Birch Cloud": 2,
        "Indigo Robotics": 2,
        "Cedar Labs": 2,
        "Oak Works": 1,
    }
    first = {}
    for company, count in people.items():
        for n in range(count):
            made = contacts.add_contact(conn, f"{company} {n}", company=company, degree="1st")
            first.setdefault(company, made)
    for n in range(3):  # people you don't know add nothing to the order
        contacts.add_contact(conn, f"Stranger {n}", company="Oak Works", degree="cold")
    interactions.log_interaction(
        conn, first["Cedar Labs"], "outreach", occurred_at=date(2026, 3, 2)
    )
    meeting = meetings.schedule_meeting(
        conn, first["Indigo Robotics"], datetime(2026, 3, 9, 9, tzinfo=UTC)
    )
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    expected = [
        "Zinc Co",
        "Maple Media",
        "Indigo Robotics",
        "Cedar Labs",
        "Birch Cloud",
        "Alder Analytics",
        "Oak Works",
    ]
    everything = CompanyFilter(whole_network=True)
    frame = targets.list_companies(conn, everything)
    assert list(frame["name"]) == expected
    assert list(frame["rank"]) == list(range(1, 8))
    # One company per page keeps the same order, and where_now finds each on its page.
    paged = [
        targets.list_companies(conn, everything, limit=1, offset=n)["name"].iloc[0]
        for n in range(7)
    ]
    assert paged == expected
    ids = [company_id(conn, name) for name in expected]
    assert [p.page for p in targets.where_now(conn, everything, ids, page_size=1)] == list(
        range(1, 8)
    )
    # Among your targets alike.
    targets.make_targets(conn, ids)
    assert list(targets.list_companies(conn)["name"]) == expected


def test_when_none_would_become_a_target_the_plan_says_why_in_the_present():
    """Said instead of a 'Make it a target' button that would change nothing."""
    assert targets.TargetPlan(0, 1, 0, 0).nothing_to_add() == "It is on your list already."
    assert targets.TargetPlan(0, 0, 1, 0).nothing_to_add() == (
        "You ruled it out, so it is not made a target."
    )
    assert targets.TargetPlan(0, 0, 0, 1, ("Retail",)).nothing_to_add() == (
        "You ruled out its industry (Retail), so it is not made a target."
    )
    assert targets.TargetPlan(0, 3, 1, 1, ("Retail",)).nothing_to_add() == (
        "Nothing to add. Left out: 1 you ruled out and 1 in an industry you ruled out "
        "(Retail). 3 are on your list already."
    )
    assert targets.TargetPlan(0, 1, 1, 0).nothing_to_add() == (
        "Nothing to add. Left out: 1 you ruled out. 1 is on your list already."
    )


def test_a_list_mostly_of_repeats_is_flagged_and_the_question_counts_in_words(conn):
    """A list of people (each employer named again and again) is likely no list of companies:
    the page asks before adding it."""
    people = "name\n" + "Acme\n" * 3 + "Volt\n" + ",a note\n"  # 2 kept, 2 repeats, 1 nameless
    preview = targets.read_target_list(conn, people.encode(), "people.csv")
    assert (len(preview.frame), preview.skipped, preview.mostly_left_out) == (2, 3, True)
    assert preview.left_out_question() == (
        "3 of the 5 rows in this file are left out (1 can't be read, 2 name a company an "
        "earlier line names), so it may not be your list of companies: adding it makes 2 "
        "companies targets."
    )
    assert preview.button_label() == "Add these 2 companies as targets"
    even = targets.read_target_list(conn, b"name\nAcme\nAcme\nVolt\n", "list.csv")
    assert (len(even.frame), even.skipped, even.mostly_left_out) == (2, 1, False)


GOOGLE_CONTACTS = (
    b"Name,Given Name,Additional Name,Family Name,Organization 1 - Type,Organization 1 - Name,"
    b"Organization 1 - Title\n"
    b"Anna Smith,Anna,,Smith,,Acme GmbH,Engineer\n"
    b"Bo Li,Bo,,Li,,Volt,CTO\n"
)


def test_a_list_of_people_gives_the_companies_from_its_organisation_column(conn):
    """Google Contacts' CSV: 'Name' is the person's; the companies are 'Organization 1 - Name'
    (the walkthrough saw 'Anna Smith' previewed as a company)."""
    preview = targets.read_target_list(conn, GOOGLE_CONTACTS, "contacts.csv")
    assert preview.frame[["line", "name"]].values.tolist() == [[2, "Acme GmbH"], [3, "Volt"]]
    assert preview.ignored_columns == [
        "Name",
        "Given Name",
        "Additional Name",
        "Family Name",
        "Organization 1 - Type",
        "Organization 1 - Title",
    ]


@pytest.mark.parametrize(
    "header",
    ["Employer", "Organisation", "organization_name", "Company Name", "Organization 1 - Name"],
)
def test_company_columns_by_other_names_are_taken_before_a_name_column(conn, header):
    preview = targets.read_target_list(conn, f"Name,{header}\nAda,Acme\n".encode(), "list.csv")
    assert (list(preview.frame["name"]), preview.ignored_columns) == (["Acme"], ["Name"])


def test_a_list_of_people_without_a_company_column_says_so(conn):
    with pytest.raises(InvalidInputError) as refused:
        targets.read_target_list(
            conn, b"Name,Given Name,Family Name\nAnna Smith,Anna,Smith\n", "c.csv"
        )
    assert str(refused.value) == (
        "c.csv lists people (its columns include Given Name) and no company column: add one "
        "called 'company', or upload a list of companies."
    )


def test_the_question_counts_only_the_companies_the_add_would_newly_make_targets(campaign):
    """Companies already chosen (target, researching, ruled out) are not marked again: on a
    copy of real data the question said 1,963 where the add marked 1,603."""
    people = "company\n" + "Acme\nDelta\nOmega\nNova\n" * 2 + "Nova\n"  # 4 kept, 5 repeats
    preview = targets.read_target_list(campaign, people.encode(), "people.csv")
    assert (len(preview.frame), preview.mostly_left_out) == (4, True)
    assert preview.left_out_question() == (
        "5 of the 9 rows in this file name a company an earlier line names, so it may not be "
        "your list of companies: adding it makes 2 companies targets; 2 companies on your "
        "list already stay as they are."
    )
    assert preview.button_label() == "Add 2 companies as targets"
    before = dict(campaign.execute("SELECT name, status FROM companies").fetchall())
    targets.import_target_list(campaign, preview)
    after = dict(campaign.execute("SELECT name, status FROM companies").fetchall())
    marked = {name for name, status in after.items() if status != before.get(name)}
    assert marked == {"Omega", "Nova"}


def test_rows_that_update_companies_are_not_left_out_and_unreadable_ones_are_said_so(campaign):
    """The walkthrough's list: 2 rows naming companies already here (one changed industry and
    motivation), 3 unreadable, no repeats; the question said 'left out as repeats or
    unreadable'. The updates are kept, not counted as left out."""
    rows = "name,industry,motivation\nAcme,Software,2\nGamma,,\nBeta,,high\n,Energy,1\nX,,9\n"
    preview = targets.read_target_list(campaign, rows.encode(), "mine.csv")
    assert list(preview.frame["name"]) == ["Acme", "Gamma"]
    assert (len(preview.problems), len(preview.repeats), preview.skipped) == (3, 0, 3)
    # Kept as they are (the default), adding would change nothing: no button, and why.
    assert preview.button_label() == ""
    assert preview.nothing_to_add() == (
        "Nothing to add: every company in this file is on your list already, and you chose to "
        "keep them as they are. To take this file's details, choose “Update them from this "
        "file” above."
    )
    assert preview.button_label(update=True) == "Update 1 company on your list"
    assert preview.left_out_question(update=True) == (
        "3 of the 5 rows in this file can't be read and are left out (the reasons are above): "
        "adding the rest makes no new target but updates 1 company on your list."
    )
    done = targets.import_target_list(campaign, preview, update=True)
    assert done.sentence() == (
        "Acme updated: industry Health → Software, motivation 3 → 2; Gamma was already as the "
        "file has it."
    )


def test_what_the_add_did_is_said_for_one_company_changed_or_not():
    acme = targets.OnList(
        "Acme",
        "target",
        (targets.Change("industry", None, "Hardware"), targets.Change("motivation", 2, 1)),
    )
    one = targets.TargetListImport(0, 1, 0, changed=[acme])
    assert one.sentence() == "Acme updated: industry none yet → Hardware, motivation 2 → 1."
    made = targets.TargetListImport(2, 1, 0, made_targets=1)
    assert made.sentence() == "3 new targets."
    same = targets.TargetListImport(0, 1, 0, unchanged=["Acme"])
    assert same.sentence() == "Acme was already as the file has it."
    kept = targets.TargetListImport(1, 4, 0, kept=["A", "B", "C", "D"])
    assert kept.sentence() == (
        "1 new target; A, B, C and 1 more, on your list already, stayed as they were."
    )
    many = targets.TargetListImport(0, 5, 0, changed=[acme] * 5)
    assert many.sentence().endswith("; 2 more updated.")
    assert targets.TargetListImport(0, 0, 3).sentence() == "nothing was added."


def test_the_question_says_so_when_the_add_marks_no_new_target(campaign):
    people = "company\n" + "Acme\nDelta\n" * 3
    preview = targets.read_target_list(campaign, people.encode(), "people.csv")
    assert preview.mostly_left_out
    assert (preview.button_label(), preview.button_label(update=True)) == ("", "")
    assert preview.nothing_to_add() == (
        "Nothing to add: every company in this file is on your list already, as this file has it."
    )
    assert preview.left_out_question() == (
        "4 of the 6 rows in this file name a company an earlier line names, so it may not be "
        "your list of companies: adding it changes nothing; 2 companies on your list already "
        "stay as they are."
    )
