"""One count of targets everywhere: Home, the Targets list's line, the coverage by industry;
and where an edited company went in the list."""

from datetime import date

import pytest

from infoint import contacts, home, profile, targets
from infoint.targets import CompanyFilter, Whereabouts


def company_id(conn, name):
    return conn.execute("SELECT id FROM companies WHERE name = ?", [name]).fetchall()[0][0]


@pytest.fixture
def ruled_out_campaign(conn):
    """Three targets the user works on (Acme, Beta in Health; Hydro in Energy, researched);
    Shop and Mall chosen in Retail, an industry ruled out in Settings; Tobacco ruled out by
    itself; Outlet (Retail) and Omega only in the network."""
    targets.add_company(conn, "Acme", industry="Health", motivation=3)
    targets.add_company(conn, "Beta", industry="Health", motivation=1)
    targets.add_company(conn, "Hydro", industry="Energy", motivation=2, status="researching")
    targets.add_company(conn, "Shop", industry="Retail", motivation=3)
    targets.add_company(conn, "Mall", industry="retail ", status="researching")
    targets.add_company(conn, "Tobacco", industry="Energy", motivation=3)
    targets.rule_out(conn, company_id(conn, "Tobacco"), "Not for me")
    targets.set_industry(conn, [targets.ensure_company(conn, "Outlet")], "Retail")
    contacts.add_contact(conn, "Olga", company="Omega")
    contacts.add_contact(conn, "Sam", company="Shop")
    contacts.add_contact(conn, "Ann", company="Acme")
    profile.rule_out_industry(conn, "Retail", "Weekend shifts")
    return conn


def test_home_the_list_and_the_coverage_count_the_same_targets(ruled_out_campaign):
    conn = ruled_out_campaign
    # Targets: Acme, Beta, Hydro. Ruled out: Tobacco (itself), Shop and Mall (Retail).
    figures = home.headline(conn, today=date(2026, 3, 2))
    assert (figures.targets, figures.ruled_out) == (3, 3)

    # The line says which way, as the Status column does: Tobacco 'Ruled out', Shop and
    # Mall 'Out by industry'. Home's 3 is the two added up.
    listed = targets.count_listed(conn, CompanyFilter())
    assert (listed.companies, listed.targets, listed.ruled_out) == (6, 3, 1)
    assert listed.in_ruled_out_industry == 2
    assert figures.ruled_out == listed.ruled_out + listed.in_ruled_out_industry
    assert listed.researching == 1  # Hydro, one of the 3 targets Home counts
    assert listed.caption(1, 6) == (
        "Companies 1–6 of 6, best first: 2 targets and 1 researching, then 1 ruled out and "
        "2 in an industry you ruled out."
    )
    assert len(targets.list_companies(conn)) == listed.companies  # the rows it pages

    coverage = targets.coverage_by_industry(conn)
    assert dict(zip(coverage["industry"], coverage["targets"], strict=True)) == {
        "Health": 2,
        "Energy": 1,
    }
    assert coverage["targets"].sum() == figures.targets
    # Sam at Shop is not among the people at targets: Retail is ruled out.
    assert coverage["people"].sum() == 1


def test_the_whole_network_names_each_group_in_the_order_listed(ruled_out_campaign):
    # Omega is only in the network; Outlet too, but in Retail, ruled out in Settings: like the
    # ruled out it has no rank and comes last, so it is not counted as only in the network.
    # It reads 'Out by industry', as Shop and Mall do, and is counted with them.
    listed = targets.count_listed(ruled_out_campaign, CompanyFilter(whole_network=True))
    assert listed == targets.ListCount(
        companies=8, targets=3, ruled_out=1, in_ruled_out_industry=3, researching=1
    )
    assert listed.caption(1, 8) == (
        "Companies 1–8 of 8, best first: 2 targets, 1 researching and 1 only in your network, "
        "then 1 ruled out and 3 in an industry you ruled out."
    )
    frame = targets.list_companies(ruled_out_campaign, CompanyFilter(whole_network=True))
    # unranked: ruled out by you, then out by industry, each by name, as the line names them
    assert list(frame["name"].iloc[4:]) == ["Tobacco", "Mall", "Outlet", "Shop"]
    retail = targets.count_listed(
        ruled_out_campaign, CompanyFilter(whole_network=True, industries=("Retail",))
    )
    assert retail.caption(1, 3) == (  # Shop and Mall, chosen; Outlet, not: all out by industry
        "Companies 1–3 of 3, best first: 3 in an industry you ruled out, listed last."
    )


def test_the_whole_network_line_with_one_group_listed_last():
    network = targets.ListCount(companies=10, targets=2, ruled_out=0, in_ruled_out_industry=3)
    assert network.caption(1, 10) == (
        "Companies 1–10 of 10, best first: 2 targets, 5 only in your network and "
        "3 in an industry you ruled out, listed last."
    )
    chosen = targets.ListCount(companies=10, targets=2, ruled_out=3, in_ruled_out_industry=0)
    assert chosen.caption(1, 10) == (
        "Companies 1–10 of 10, best first: 2 targets, 5 only in your network and "
        "3 ruled out, listed last."
    )
    assert targets.ListCount(companies=4, targets=0, ruled_out=0, in_ruled_out_industry=4).caption(
        1, 4
    ) == ("Companies 1–4 of 4, best first: 4 in an industry you ruled out, listed last.")


def test_the_line_counts_within_the_filters_and_writes_thousands(ruled_out_campaign):
    health = targets.count_listed(ruled_out_campaign, CompanyFilter(industries=("Health",)))
    assert health.caption(1, 2) == "Companies 1–2 of 2, best first: 2 targets."
    retail = targets.count_listed(ruled_out_campaign, CompanyFilter(industries=("Retail",)))
    assert retail.caption(1, 2) == (
        "Companies 1–2 of 2, best first: 2 in an industry you ruled out, listed last."
    )
    many = targets.ListCount(companies=1_963, targets=1_900, ruled_out=63)
    assert many.caption(1_951, 1_963) == (
        "Companies 1,951–1,963 of 1,963, best first: 1,900 targets and 63 ruled out, listed last."
    )
    one = targets.ListCount(companies=2, targets=1, ruled_out=1)
    assert (
        one.caption(1, 2)
        == "Companies 1–2 of 2, best first: 1 target and 1 ruled out, listed last."
    )


def test_companies_ruled_out_by_their_industry_have_no_rank(ruled_out_campaign):
    frame = targets.list_companies(ruled_out_campaign)
    assert list(frame["name"]) == ["Acme", "Hydro", "Beta", "Tobacco", "Mall", "Shop"]
    assert list(frame["rank"].iloc[:3]) == [1, 2, 3]
    assert frame["rank"].iloc[3:].isna().all()


def test_where_edited_companies_are_now(ruled_out_campaign):
    conn = ruled_out_campaign
    acme, beta, hydro = (company_id(conn, n) for n in ("Acme", "Beta", "Hydro"))
    # Acme drops from 3 to 0: Hydro (2), Beta (1), then Acme, the third row, so page 2 of
    # pages of two. Hydro moves up to the first row, page 1.
    targets.update_companies(conn, {acme: {"motivation": 0}})
    assert targets.where_now(conn, CompanyFilter(), [acme, hydro], page_size=2) == [
        Whereabouts("Hydro", 1),
        Whereabouts("Acme", 2),
    ]
    # Beta becomes only a network company: out of the list of chosen ones.
    targets.update_companies(conn, {beta: {"status": "network", "name": "Beta Ltd"}})
    assert targets.where_now(conn, CompanyFilter(), [beta], page_size=2) == [
        Whereabouts("Beta Ltd", None)
    ]


def test_the_saved_sentence_says_where_companies_went():
    assert targets.saved_sentence(1, 1, []) == "Saved 1 change to 1 company."
    assert targets.saved_sentence(1, 1, [Whereabouts("Alder Consulting", 3)]) == (
        "Saved 1 change to 1 company: Alder Consulting is now on page 3."
    )
    assert targets.saved_sentence(3, 2, [Whereabouts("Alder", 3), Whereabouts("Birch", None)]) == (
        "Saved 3 changes to 2 companies: Alder is now on page 3 and Birch is no longer in "
        "this list."
    )
    moved = [Whereabouts(name, 2) for name in ("A", "B", "C", "D", "E")]
    assert targets.saved_sentence(5, 5, moved) == (
        "Saved 5 changes to 5 companies: A is now on page 2, B is now on page 2, "
        "C is now on page 2 and 2 more moved elsewhere."
    )


def test_why_each_is_ruled_out_by_itself_or_its_industry(ruled_out_campaign):
    conn = ruled_out_campaign
    ids = {n: company_id(conn, n) for n in ("Acme", "Shop", "Mall", "Tobacco", "Outlet")}
    assert targets.why_ruled_out(conn, ids.values()) == {
        ids["Shop"]: "Retail is ruled out in Settings (Weekend shifts)",
        ids["Mall"]: "Retail is ruled out in Settings (Weekend shifts)",
        ids["Tobacco"]: "Not for me",
        ids["Outlet"]: "Retail is ruled out in Settings (Weekend shifts)",
    }
    # In the order asked, the table's, which the page lists the reasons in.
    asked = [ids["Outlet"], ids["Acme"], ids["Tobacco"], ids["Shop"], ids["Mall"]]
    assert list(targets.why_ruled_out(conn, asked)) == [
        ids["Outlet"],
        ids["Tobacco"],
        ids["Shop"],
        ids["Mall"],
    ]
