"""The picture of who introduced whom says each person's company once on hover. A namesake's
name is already told apart by their company (`referrals.names_apart`): 'Ana Lee (Acme)' read
'Ana Lee (Acme) (Acme)' when the hover added the company again."""

from infoint import contacts, insight_charts, referrals


def hovers(conn) -> dict[str, str]:
    """Each person drawn: their dot's name, and the first line of its hover."""
    figure = insight_charts.referral_figure(referrals.referral_picture(conn).links)
    said = {}
    for trace in figure["data"][2:]:
        templates = trace["hovertemplate"]
        if isinstance(templates, str):  # one for every dot of the trace
            templates = [templates] * len(trace["text"])
        for name, data, template in zip(trace["text"], trace["customdata"], templates, strict=True):
            hover = template.replace("%{text}", name)
            said[name] = hover.replace("%{customdata[0]}", data[0]).split("<br>")[0]
    return said


def test_a_namesake_told_apart_by_company_has_it_said_once(conn):
    acme = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    zeta = contacts.add_contact(conn, "Ana", "Lee", company="Zeta")
    contacts.add_contact(conn, "Cy", "Dunn", company="Acme", referred_by=acme, degree="2nd")
    contacts.add_contact(conn, "Di", "Eze", referred_by=zeta, degree="2nd")
    assert hovers(conn) == {
        "Ana Lee (Acme)": "Ana Lee (Acme)",
        "Ana Lee (Zeta)": "Ana Lee (Zeta)",
        "Cy Dunn": "Cy Dunn (Acme)",
        "Di Eze": "Di Eze (no company yet)",
    }


def test_a_namesake_told_apart_otherwise_gets_the_company_without_more_brackets(conn):
    engineer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    designer = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    contacts.add_contact(conn, "Cy", "Dunn", referred_by=engineer, degree="2nd")
    contacts.add_contact(conn, "Di", "Eze", referred_by=designer, degree="2nd")
    said = hovers(conn)
    assert said["Ana Lee (Engineer)"] == "Ana Lee (Engineer), at Acme"
    assert said["Ana Lee (Designer)"] == "Ana Lee (Designer), at Acme"


def test_a_company_told_apart_beside_a_position_is_said_once(conn):
    one = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Designer")
    other = contacts.add_contact(conn, "Ana", "Lee", company="Zeta", position="Engineer")
    contacts.add_contact(conn, "Cy", "Dunn", referred_by=one, degree="2nd")
    contacts.add_contact(conn, "Di", "Eze", referred_by=other, degree="2nd")
    said = hovers(conn)
    assert said["Ana Lee (Acme, Engineer)"] == "Ana Lee (Acme, Engineer)"
    assert said["Ana Lee (Zeta)"] == "Ana Lee (Zeta)"


def test_a_namesake_told_apart_by_a_placeholder_employer_reads_naturally(conn):
    """A placeholder employer ('Self-employed', 'N/A') is no company in the picture, yet what
    tells namesakes apart reads their record: the hover said 'Dee Ode (Self-employed), no
    company yet'."""
    dee = contacts.add_contact(conn, "Dee", "Ode", company="Self-employed", position="Coach")
    contacts.add_contact(conn, "Dee", "Ode", company="Orbit Labs")
    odd = contacts.add_contact(conn, "Eve", "Ng", company="\u00a0n/a ", position="Engineer")
    contacts.add_contact(conn, "Eve", "Ng", company="N/A", position="Designer")
    contacts.add_contact(conn, "Eve", "Ng", company="Zeta")
    lone = contacts.add_contact(conn, "Fay", "Orr", company="N/A", position="Engineer")
    twin = contacts.add_contact(conn, "Fay", "Orr", company="N/A", position="Designer")
    for introducer, first in ((dee, "Cy"), (odd, "Di"), (lone, "Al"), (twin, "Bo")):
        contacts.add_contact(conn, first, "Dunn", referred_by=introducer, degree="2nd")
    said = hovers(conn)
    assert said["Dee Ode (Self-employed)"] == "Dee Ode (Self-employed)"
    odd_name = next(name for name in said if name.startswith("Eve Ng") and "Engineer" in name)
    assert said[odd_name] == odd_name  # 'Eve Ng (n/a, Engineer)', as their record says it
    # told apart by their titles alone: the company part still says they have none
    assert said["Fay Orr (Engineer)"] == "Fay Orr (Engineer), no company yet"
