"""The targets table's status of a company whose industry is ruled out, and edits of it.

The walkthrough: with Finance ruled out in Settings, a target in Finance read 'Target' in
the table while the line above it counted it ruled out and 'Why you ruled them out' named
it.
"""

from __future__ import annotations

import pytest

from infoint import profile, targets
from infoint.errors import InvalidInputError
from infoint.targets import CompanyFilter

OUT_BY_INDUSTRY = "industry_ruled_out"  # targets.INDUSTRY_RULED_OUT


@pytest.fixture
def finance(conn):
    """Acme Logistics and Beta (researching) in Finance, ruled out in Settings; Gamma, a
    target; Delta, ruled out itself; Omega, only in the network, in Finance too."""
    ids = {
        "Acme Logistics": targets.add_company(conn, "Acme Logistics", industry="Finance"),
        "Beta": targets.add_company(conn, "Beta", industry="finance ", status="researching"),
        "Gamma": targets.add_company(conn, "Gamma", industry="Energy", motivation=2),
        "Delta": targets.add_company(conn, "Delta", industry="Energy"),
        "Omega": targets.ensure_company(conn, "Omega"),
    }
    targets.set_industry(conn, [ids["Omega"]], "Finance")
    targets.rule_out(conn, ids["Delta"], "Night shifts")
    profile.rule_out_industry(conn, "Finance", "Too far from what I want")
    return ids


def stored(conn, company_id: int) -> tuple:
    return conn.execute(
        "SELECT status, industry, motivation, postings, ruled_out_reason FROM companies"
        " WHERE id = ?",
        [company_id],
    ).fetchall()[0]


def test_the_table_says_ruled_out_through_the_industry_as_the_line_counts(conn, finance):
    frame = targets.list_companies(conn, CompanyFilter())
    statuses = dict(zip(frame["name"], frame["status"], strict=True))
    assert statuses == {
        "Gamma": "target",
        "Acme Logistics": OUT_BY_INDUSTRY,
        "Beta": OUT_BY_INDUSTRY,
        "Delta": "ruled_out",
    }
    listed = targets.count_listed(conn, CompanyFilter())
    assert listed.caption(1, 4) == (
        "Companies 1–4 of 4, best first: 1 target, then 1 ruled out and 2 in an industry you "
        "ruled out."
    )
    assert list(statuses.values()).count("ruled_out") == listed.ruled_out
    assert list(statuses.values()).count(OUT_BY_INDUSTRY) == listed.in_ruled_out_industry
    assert targets.INDUSTRY_RULED_OUT == OUT_BY_INDUSTRY
    assert targets.TABLE_STATUS_LABELS[OUT_BY_INDUSTRY] == "Out by industry"
    # Its own status is kept, for the day the industry comes back.
    assert stored(conn, finance["Acme Logistics"])[0] == "target"


def test_other_cells_of_such_a_row_save_and_its_status_is_kept(conn, finance):
    acme = finance["Acme Logistics"]
    saved = targets.update_companies(conn, {acme: {"status": OUT_BY_INDUSTRY, "postings": 2}})
    assert saved == 1
    assert stored(conn, acme) == ("target", "Finance", 0, 2, None)


def test_it_is_no_status_to_give_another_company(conn, finance):
    before = stored(conn, finance["Gamma"])
    with pytest.raises(InvalidInputError) as refused:
        targets.update_companies(conn, {finance["Gamma"]: {"status": OUT_BY_INDUSTRY}})
    assert str(refused.value) == (
        "'Out by industry' is for companies in an industry you ruled out in Settings: to rule "
        "out Gamma itself, choose 'Ruled out' and say why."
    )
    assert stored(conn, finance["Gamma"]) == before


def test_made_a_target_again_while_the_industry_is_ruled_out_is_refused(conn, finance):
    acme = finance["Acme Logistics"]
    with pytest.raises(InvalidInputError) as refused:
        targets.update_companies(conn, {acme: {"status": "target"}})
    assert str(refused.value) == (
        "Acme Logistics stays ruled out while its industry, Finance, is ruled out in Settings: "
        "to bring it back, take Finance off the ruled-out industries there, or give Acme "
        "Logistics another industry."
    )
    assert stored(conn, acme)[0:2] == ("target", "Finance")
    # With another industry it is a target again; ruled out itself, it says why.
    targets.update_companies(conn, {acme: {"status": "researching", "industry": "Transport"}})
    assert stored(conn, acme)[0:2] == ("researching", "Transport")
    beta = finance["Beta"]
    targets.update_companies(conn, {beta: {"status": "ruled_out", "ruled_out_reason": "Meh"}})
    assert stored(conn, beta)[0] == "ruled_out"


def test_one_only_in_the_network_reads_out_by_industry_as_the_line_counts_it(conn, finance):
    """The walkthrough: Quartz Games, only in the network, set to Retail (ruled out) read 'In
    your network' while the line above counted '1 in an industry you ruled out' and the list
    below said 'Quartz Games: Retail is ruled out in Settings'."""
    everything = CompanyFilter(whole_network=True)
    frame = targets.list_companies(conn, everything)
    assert list(zip(frame["name"], frame["status"], frame["rank"].isna(), strict=True)) == [
        ("Gamma", "target", False),
        # unranked, listed last: ruled out by the user, then through the industry, by name
        ("Delta", "ruled_out", True),
        ("Acme Logistics", OUT_BY_INDUSTRY, True),
        ("Beta", OUT_BY_INDUSTRY, True),
        ("Omega", OUT_BY_INDUSTRY, True),
    ]
    assert targets.count_listed(conn, everything).caption(1, 5) == (
        "Companies 1–5 of 5, best first: 1 target, then 1 ruled out and 3 in an industry you "
        "ruled out."
    )
    omega = finance["Omega"]
    assert targets.why_ruled_out(conn, [omega]) == {
        omega: "Finance is ruled out in Settings (Too far from what I want)"
    }
    assert targets.table_rows(conn, [omega]).at[omega, "status"] == OUT_BY_INDUSTRY
    assert stored(conn, omega)[0] == "network"


def test_such_a_company_only_in_the_network_saves_its_other_cells(conn, finance):
    omega = finance["Omega"]
    assert targets.update_companies(conn, {omega: {"status": OUT_BY_INDUSTRY, "motivation": 1}})
    assert stored(conn, omega) == ("network", "Finance", 1, 0, None)
    # 'In your network' chosen: its status as stored, nothing else changes
    targets.update_companies(conn, {omega: {"status": "network"}})
    assert stored(conn, omega) == ("network", "Finance", 1, 0, None)


def test_made_a_target_while_its_industry_is_ruled_out_is_refused(conn, finance):
    omega = finance["Omega"]
    with pytest.raises(InvalidInputError) as refused:
        targets.update_companies(conn, {omega: {"status": "target"}})
    assert str(refused.value) == (
        "Omega cannot be a target while its industry, Finance, is ruled out in Settings: take "
        "Finance off the ruled-out industries there, or give Omega another industry."
    )
    assert stored(conn, omega)[0] == "network"
    # ruled out itself, with a reason, it reads 'Ruled out'
    targets.update_companies(conn, {omega: {"status": "ruled_out", "ruled_out_reason": "Far"}})
    frame = targets.list_companies(conn, CompanyFilter(whole_network=True)).set_index("name")
    assert frame.at["Omega", "status"] == "ruled_out"
    # with another industry it is a target
    targets.update_companies(conn, {omega: {"status": "target", "industry": "Energy"}})
    assert stored(conn, omega)[0:2] == ("target", "Energy")
