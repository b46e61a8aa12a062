"""A comma in a company ('Acme, Inc.') or a position ('VP, Engineering') in the debrief's "Who
else should you talk to?" box is never guessed at: semicolons keep the parts apart, and a line
that could be read more than one way is refused with what to write instead, nothing saved."""

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, meetings, referrals
from infoint.errors import InvalidInputError
from infoint.referrals import ReferredPerson
from infoint.text import plain_markdown
from tests.test_page_meetings import ROOT, run, submit
from tests.test_page_meetings_names import asking_to_add, debrief, met_tam  # noqa: F401


def test_semicolons_keep_commas_inside_company_and_position():
    assert referrals.parse_referred("Jo Smith; Acme, Inc.\nAna Ruiz; Globex; VP, Engineering") == [
        ReferredPerson("Jo", "Smith", "Acme, Inc.", ""),
        ReferredPerson("Ana", "Ruiz", "Globex", "VP, Engineering"),
    ]


def test_one_comma_or_dashes_still_split():
    assert referrals.parse_referred("Jo Smith, Acme\nPriya Patel - Quartz Games - Producer") == [
        ReferredPerson("Jo", "Smith", "Acme", ""),
        ReferredPerson("Priya", "Patel", "Quartz Games", "Producer"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Jo Smith, Acme, Inc.",
        "Ana Ruiz, Globex, VP, Engineering",
        "Bo Chen, Beta Labs, Head of Research",
        "Jo Smith - Acme, Inc. - VP",
    ],
)
def test_a_line_that_reads_two_ways_is_refused(line):
    with pytest.raises(InvalidInputError, match=r"^Line 2 \(.*\) can be read more than one way"):
        referrals.parse_referred("Cy Dee\n" + line)


def test_the_debrief_reads_semicolons_and_refuses_the_comma_line():
    read = meetings.read_names("Jo Smith; Acme, Inc.; VP, Sales\nBo Chen, Beta")
    assert [(p.name, p.company, p.position) for p in read.people] == [
        ("Jo Smith", "Acme, Inc.", "VP, Sales"),
        ("Bo Chen", "Beta", ""),
    ]
    with pytest.raises(InvalidInputError, match=r"Jo Smith; Acme, Inc\.; VP, Sales"):
        meetings.read_names("Jo Smith, Acme, Inc.")


def test_page_refuses_the_comma_line_and_adds_the_semicolon_one(met_tam):  # noqa: F811
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/5_meetings.py")
    run(at)
    at.text_area(key="debrief_names_1").set_value("Jo Smith, Acme, Inc.")
    at = submit(at, "Save the debrief", errors=1)
    assert not asking_to_add(at)
    assert "Line 1 (Jo Smith, Acme, Inc.) can be read more than one way" in at.error[0].value
    assert [c.first_name for c in contacts_now(met_tam)] == ["Tam", "Flora"]
    at.text_area(key="debrief_names_1").set_value("Jo Smith; Acme, Inc.; VP, Sales")
    at = submit(at, "Save the debrief")
    assert asking_to_add(at)
    submit(at, "Yes, add them and save")
    jo = contacts_now(met_tam)[-1]
    assert (jo.first_name, jo.company, jo.position) == ("Jo", "Acme, Inc.", "VP, Sales")
    conn = db.connect(met_tam)
    try:
        # Opened again, the box shows the line with semicolons, as it was typed.
        assert meetings.names_box(conn, 1) == "Jo Smith; Acme, Inc.; VP, Sales"
    finally:
        conn.close()


def contacts_now(db_path) -> list:
    conn = db.connect(db_path)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM contacts ORDER BY id").fetchall()]
        return [contacts.get_contact(conn, i) for i in ids]
    finally:
        conn.close()


def test_the_list_to_confirm_keeps_each_part_whole(met_tam):  # noqa: F811
    """Joined with commas, 'Jo Smith, Acme, Inc., VP, Sales' could be read several ways, just
    what the semicolons were typed to avoid: the list says who and where in words."""
    conn = db.connect(met_tam)
    try:
        contacts.add_contact(
            conn, "Ana", "Ruiz", company="Globex, Ltd.", position="VP, Engineering"
        )
        typed = "Jo Smith; Acme, Inc.; VP, Sales\nAna Ruiz; Globex, Ltd.\nBo Chen; Beta, Inc."
        adding = meetings.new_contacts(conn, 1, meetings.read_names(typed).people)
    finally:
        conn.close()
    assert adding.people == ("Jo Smith — VP, Sales at Acme, Inc.", "Bo Chen at Beta, Inc.")
    [ana] = adding.existing
    assert ana.label.startswith("Ana Ruiz — VP, Engineering at Globex, Ltd., already in your")


def test_the_page_lists_them_so(met_tam):  # noqa: F811
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/5_meetings.py")
    run(at)
    at.text_area(key="debrief_names_1").set_value("Jo Smith; Acme, Inc.; VP, Sales")
    at = submit(at, "Save the debrief")
    assert asking_to_add(at)
    listed = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert listed == [f"- {plain_markdown('Jo Smith — VP, Sales at Acme, Inc.')}"]
