"""The targets table's Status, read two ways: `list_companies` (the page of the list) and
`table_rows` (the rows an edit is checked against) say the same word for each company, as
both are built on one definition. And among the rows listed last, the companies you ruled
out come first, then those out by industry, each by name, as the line above names them
('then 1 ruled out and 2 in an industry you ruled out')."""

from __future__ import annotations

import pytest

from infoint import profile, targets
from infoint.targets import CompanyFilter

OUT_BY_INDUSTRY = "industry_ruled_out"  # targets.INDUSTRY_RULED_OUT


@pytest.fixture
def mixed(conn):
    """One of each: a target, one researching, one ruled out by the user, a target and one
    researching in Logistics (ruled out in Settings, one spelled 'logistics '), one only in
    the network in Logistics, one only in the network elsewhere, one in Logistics the user
    ruled out too, and one with no industry. Names chosen so that by name alone the two kinds
    of ruled out would be mixed."""
    ids = {
        "Alder Health": targets.add_company(conn, "Alder Health", industry="Health", motivation=2),
        "Hydro": targets.add_company(conn, "Hydro", industry="Energy", status="researching"),
        "Zinc Retail": targets.add_company(conn, "Zinc Retail", industry="Retail"),
        "Acme Freight": targets.add_company(conn, "Acme Freight", industry="Logistics"),
        "Cargo Co": targets.add_company(
            conn, "Cargo Co", industry="logistics ", status="researching"
        ),
        "Marble GmbH": targets.ensure_company(conn, "Marble GmbH"),
        "Omega": targets.ensure_company(conn, "Omega"),
        "Kite Logistics": targets.add_company(conn, "Kite Logistics", industry="Logistics"),
        "Nameless": targets.add_company(conn, "Nameless"),
    }
    targets.set_industry(conn, [ids["Marble GmbH"]], "Logistics")
    targets.set_industry(conn, [ids["Omega"]], "Media")
    targets.rule_out(conn, ids["Zinc Retail"], "Night shifts")
    targets.rule_out(conn, ids["Kite Logistics"], "Too far")
    profile.rule_out_industry(conn, "Logistics", "Too much driving")
    return ids


EXPECTED = {
    "Alder Health": "target",
    "Hydro": "researching",
    "Nameless": "target",
    "Omega": "network",
    "Zinc Retail": "ruled_out",
    "Kite Logistics": "ruled_out",  # ruled out by you, whatever its industry
    "Acme Freight": OUT_BY_INDUSTRY,
    "Cargo Co": OUT_BY_INDUSTRY,
    "Marble GmbH": OUT_BY_INDUSTRY,  # only in the network
}


def test_the_list_and_the_table_rows_say_the_same_status(conn, mixed):
    frame = targets.list_companies(conn, CompanyFilter(whole_network=True), limit=100)
    listed = dict(zip(frame["name"], frame["status"], strict=True))
    rows = targets.table_rows(conn, mixed.values())
    edited = {
        rows.at[company_id, "name"]: rows.at[company_id, "status"] for company_id in rows.index
    }
    assert listed == EXPECTED
    assert edited == EXPECTED
    # Companies you chose, without the whole network: the same words for those listed.
    chosen = targets.list_companies(conn, CompanyFilter(), limit=100)
    assert dict(zip(chosen["name"], chosen["status"], strict=True)) == {
        name: status for name, status in EXPECTED.items() if name not in ("Omega", "Marble GmbH")
    }
    # Taking the industry off the list brings each back to its own status.
    profile.bring_back_industry(conn, "Logistics")
    frame = targets.list_companies(conn, CompanyFilter(whole_network=True), limit=100)
    rows = targets.table_rows(conn, mixed.values())
    back = {"Acme Freight": "target", "Cargo Co": "researching", "Marble GmbH": "network"}
    assert dict(zip(frame["name"], frame["status"], strict=True)) == {**EXPECTED, **back}
    assert dict(zip(rows["name"], rows["status"], strict=True)) == {**EXPECTED, **back}


def test_those_you_ruled_out_come_before_those_out_by_industry(conn, mixed):
    everything = CompanyFilter(whole_network=True)
    frame = targets.list_companies(conn, everything, limit=100)
    assert list(zip(frame["name"], frame["status"], frame["rank"].isna(), strict=True))[4:] == [
        ("Kite Logistics", "ruled_out", True),
        ("Zinc Retail", "ruled_out", True),
        ("Acme Freight", OUT_BY_INDUSTRY, True),
        ("Cargo Co", OUT_BY_INDUSTRY, True),
        ("Marble GmbH", OUT_BY_INDUSTRY, True),
    ]
    assert targets.count_listed(conn, everything).caption(1, 9) == (
        "Companies 1–9 of 9, best first: 2 targets, 1 researching and 1 only in your network, "
        "then 2 ruled out and 3 in an industry you ruled out."
    )
    # Page by page, in the same order; where_now finds each on its page.
    names = list(frame["name"])
    paged = [
        targets.list_companies(conn, everything, limit=2, offset=first)["name"].tolist()
        for first in range(0, len(names), 2)
    ]
    assert [name for page in paged for name in page] == names
    ids = [mixed[name] for name in names]
    assert [
        (place.name, place.page) for place in targets.where_now(conn, everything, ids, page_size=2)
    ] == [(name, position // 2 + 1) for position, name in enumerate(names)]
