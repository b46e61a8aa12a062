"""Every place that says how many companies you have counts them as the Targets page lists
them for the whole network (`targets.count_chosen`): a placeholder employer such as 'N/A',
only in the network, is no company. An anxious user comparing the numbers finds one."""

import io

from openpyxl import load_workbook

from infoint import contacts, export, home, settings, targets


def companies_in_the_workbook(conn) -> list[str]:
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    return [row[1] for row in book["Companies"].iter_rows(min_row=2, values_only=True)]


def test_settings_the_workbook_and_stats_count_the_companies_targets_lists(conn):
    """Ann at Nimbus Labs, Ben at 'N/A', Cy at ' none ' (placeholders), Di at Acme (a target):
    two companies everywhere; three once N/A is made a target, as Targets then lists it."""
    contacts.add_contact(conn, "Ann", company="Nimbus Labs")
    contacts.add_contact(conn, "Ben", company="N/A")
    contacts.add_contact(conn, "Cy", company=" none ")
    targets.add_company(conn, "Acme")
    contacts.add_contact(conn, "Di", company="Acme")

    assert targets.count_chosen(conn)[0] == 2
    assert home.stats(conn)["companies"] == 2
    assert settings.database_summary(conn).companies == 2
    assert export.sheet_sizes(conn)["Companies"] == 2
    assert sorted(companies_in_the_workbook(conn)) == ["Acme", "Nimbus Labs"]
    # Their people keep the employer they gave, as typed.
    book = load_workbook(io.BytesIO(export.workbook_bytes(conn)))
    employers = {row[1]: row[3] for row in book["Contacts"].iter_rows(min_row=2, values_only=True)}
    assert employers["Ben"] == "N/A"

    targets.add_company(conn, "N/A")  # chosen: a company like any other from now on
    assert targets.count_chosen(conn)[0] == 3
    assert settings.database_summary(conn).companies == 3
    assert export.sheet_sizes(conn)["Companies"] == 3
    assert sorted(companies_in_the_workbook(conn)) == ["Acme", "N/A", "Nimbus Labs"]
