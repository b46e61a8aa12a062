"""Import & export: an import that adds a namesake of someone added by hand says so, and how
to merge them; the person added by hand opens from there."""

from __future__ import annotations

from infoint import contacts, ui
from tests.test_page_import_export import export_csv, open_page, run, upload

ZOE = "zoe,nunez,https://www.linkedin.com/in/zoe-n,,Acme Robotics,Engineer,06 Nov 2024"
GRACE = "Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023"


def infos(at) -> list[str]:
    return [i.value for i in at.info]


def test_an_import_names_a_namesake_of_someone_added_by_hand_and_opens_them(app_db):
    at = open_page()
    yours = contacts.add_contact(ui.connection(), "Zoë", "Núñez", company="Acme Robotics")
    at = upload(at, export_csv(ZOE, GRACE))
    said = [i for i in infos(at) if "whom you added yourself" in i]
    assert said == [
        "zoe nunez (Acme Robotics) is new from this file and has the same name as "
        "Zoë Núñez, whom you added yourself. If it is one person twice, open the one you "
        "added on Contacts and, under Merge or delete, find the new one as the other record, "
        "then choose Merge into this record."
    ]
    # Nothing merged: both are there.
    count = ui.connection().execute("SELECT count(*) FROM contacts").fetchall()[0][0]
    assert count == 3
    [opener] = [b for b in at.button if b.label == "Open Zoë Núñez, whom you added"]
    opener.click()
    run(at)
    assert at.title[0].value == "Zoë Núñez"
    assert at.query_params["contact"] == str(yours)


def test_several_people_added_by_hand_are_offered_to_open_one_by_one(app_db):
    at = open_page()
    conn = ui.connection()
    zoe = contacts.add_contact(conn, "Zoe", "Nunez")
    contacts.add_contact(conn, "Grace", "Hopper")
    at = upload(at, export_csv(ZOE, GRACE))
    assert any(i.startswith("2 people new from this file") for i in infos(at))
    [picker] = [s for s in at.selectbox if s.label == "Open one you added"]
    picker.select(zoe)
    run(at)
    [opener] = [b for b in at.button if b.label == "Open contact"]
    opener.click()
    run(at)
    assert at.title[0].value == "Zoe Nunez"


def test_no_namesake_no_word(app_db):
    at = upload(open_page(), export_csv(ZOE, GRACE))
    assert not any("whom you added" in i for i in infos(at))
    assert not [s for s in at.selectbox if s.label == "Open one you added"]
