"""A placeholder employer such as 'N/A' or 'Self-employed' (`targets.PLACEHOLDER_COMPANIES`)
is no company on Referrals either, as on Contacts, Meetings, Outreach and Follow-ups
(`contacts.employer_sql`): the table of yields had 'N/A' in its Company column, the chain
read 'Ana Lee (N/A)', the picture's hover 'Ana Lee (N/A)' and the picker 'Bo Chen —
Self-employed'. What tells namesakes apart (`referrals.names_apart`) still says what their
record holds: 'Dee Ode (Self-employed)'."""

import pytest

from infoint import contacts, db, referrals
from tests.test_page_referrals import referrals_page, shown


def introduced(conn) -> dict[str, int]:
    """Ana (N/A) introduced Bo (Self-employed) and Dee (Self-employed); Bo introduced Cy
    (Acme); Dee has a namesake at Orbit Labs, whom Ana introduced too."""
    ana = contacts.add_contact(conn, "Ana", "Lee", company="N/A")
    bo = contacts.add_contact(conn, "Bo", "Chen", company="Self-employed", referred_by=ana)
    cy = contacts.add_contact(conn, "Cy", "Dunn", company="Acme", referred_by=bo)
    dee = contacts.add_contact(conn, "Dee", "Ode", company=" self-employed", referred_by=ana)
    dora = contacts.add_contact(conn, "Dee", "Ode", company="Orbit Labs", referred_by=ana)
    return {"ana": ana, "bo": bo, "cy": cy, "dee": dee, "dora": dora}


@pytest.fixture
def people(conn):
    return introduced(conn)


def test_the_table_of_yields_names_no_placeholder_as_a_company(conn, people):
    yields = {y.contact_id: y for y in referrals.referral_yields(conn)}
    assert (yields[people["ana"]].name, yields[people["ana"]].company) == ("Ana Lee", "")
    assert (yields[people["bo"]].name, yields[people["bo"]].company) == ("Bo Chen", "")


def test_the_chain_names_no_placeholder_as_a_company(conn, people):
    chain = referrals.referral_chain(conn, people["cy"])
    assert [(step.name, step.company) for step in chain] == [
        ("Ana Lee", ""),
        ("Bo Chen", ""),
        ("Cy Dunn", "Acme"),
    ]


def test_the_picture_names_no_placeholder_as_a_company(conn, people):
    links = {link.contact_id: link for link in referrals.referral_picture(conn).links}
    assert links[people["ana"]].company == ""
    assert links[people["bo"]].company == ""
    assert links[people["cy"]].company == "Acme"


def test_the_picker_names_the_person_alone_and_tells_namesakes_apart(conn, people):
    assert dict(referrals.referred_people(conn)) == {
        people["bo"]: "Bo Chen",
        people["cy"]: "Cy Dunn — Acme",
        # what their record holds tells them apart, as `names_apart` says it
        people["dee"]: "Dee Ode (Self-employed)",
        people["dora"]: "Dee Ode — Orbit Labs",
    }


def test_the_page_shows_no_placeholder_as_a_company(app_db):
    conn = db.connect(app_db)
    people = introduced(conn)
    conn.close()
    at = referrals_page()
    table = at.dataframe[0].value
    assert dict(zip(table["Introduced by"], table["Company"], strict=True)) == {
        "Ana Lee": "",
        "Bo Chen": "",
    }
    picker = at.selectbox(key="chain_person")
    assert "Bo Chen" in picker.options
    assert not [option for option in picker.options if "— Self-employed" in option]
    picker.set_value(people["cy"])
    at.run()
    chain = shown(at)
    assert "1. **Ana Lee**: where it started" in chain
    assert "2. **Bo Chen**: introduced by Ana Lee" in chain
    assert "3. **Cy Dunn** (Acme): introduced by Bo Chen" in chain
    assert "N/A" not in chain and "Self-employed" not in chain
