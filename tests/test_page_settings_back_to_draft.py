"""Settings leads back to the Outreach draft the user came from. Outreach's "Fill in your
name … in Settings" led to Settings, and after "Save your profile" nothing there led back:
the draft was kept, but the user had to know to find it through the menu. A saved profile now
offers "Back to your draft in Outreach" (a link: "Back up now" is the page's one primary
button) when the user came straight from a draft, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, outreach

ROOT = Path(__file__).resolve().parent.parent
OUTREACH = "pages/3_outreach.py"
SETTINGS = "pages/9_settings.py"
BACK = "Back to your draft in Outreach"
SAVE = "FormSubmitter:profile_form-Save your profile"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def button(at: AppTest, label: str):
    [found] = [b for b in at.button if b.label == label]
    return found


def links(at: AppTest) -> dict[str, str]:
    return {link.proto.label: link.proto.page for link in at.main.get("page_link")}


def save_name(at: AppTest, name: str) -> AppTest:
    at.text_input(key="profile_name").set_value(name)
    at.button(key=SAVE).click()
    return run(at)


def draft_for_bo(app_db) -> tuple[AppTest, str]:
    """A first message to Bo with an empty profile: the draft asks for the user's name."""
    conn = db.connect(app_db)
    bo = contacts.add_contact(conn, "Bo", "Berg", degree="cold")
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(OUTREACH)
    at.session_state[outreach.COMPOSE_CONTACT_KEY] = bo
    run(at)
    draft_key = f"{bo}_{at.selectbox(key='outreach_template').value}"
    assert "{my_name}" in at.text_area(key=f"body_{draft_key}").value
    return at, draft_key


def test_a_saved_profile_leads_back_to_the_draft(app_db):
    at, draft_key = draft_for_bo(app_db)
    mine = "Hi Bo, your talk on Tuesday stayed with me. Could we have a 15-minute call?\n{my_name}"
    at.text_area(key=f"body_{draft_key}").set_value(mine)
    run(at)
    [fill_in] = [label for label in links(at) if label.startswith("Fill in")]
    assert links(at)[fill_in] == "settings"
    at.switch_page(SETTINGS)  # the "Fill in … in Settings" link
    run(at)
    assert BACK not in links(at)  # nothing saved yet: the menu is the way back meanwhile
    save_name(at, "Sam Lee")
    assert at.success[0].value.startswith("Saved. Templates use your name.")
    assert links(at)[BACK] == "outreach"
    # One primary action on the page still: the link is no button.
    assert [b.label for b in at.button if b.proto.type == "primary"] == ["Back up now"]
    at.switch_page(OUTREACH)  # the link
    run(at)
    assert at.text_area(key=f"body_{draft_key}").value == mine.replace("{my_name}", "Sam Lee")
    assert BACK not in links(at)


def test_saved_again_while_still_there_it_still_leads_back(app_db):
    at, _ = draft_for_bo(app_db)
    at.switch_page(SETTINGS)
    run(at)
    at.text_input(key="rule_out_industry_reason").set_value("Too much travel")  # a rerun here
    run(at)
    save_name(at, "Sam")
    assert BACK in links(at)
    save_name(at, "Sam Lee")
    assert BACK in links(at)


def test_no_way_back_to_a_draft_when_there_is_none(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Bo", "Berg", degree="cold")
    conn.close()
    # From Home.
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    at.switch_page(SETTINGS)
    run(at)
    save_name(at, "Sam Lee")
    assert BACK not in links(at)
    # From Outreach with no one chosen, so no draft.
    at.switch_page(OUTREACH)
    run(at)
    assert any("Choose a person above" in i.value for i in at.info)
    at.switch_page(SETTINGS)
    run(at)
    save_name(at, "Sam Lee")
    assert BACK not in links(at)


def test_settings_opened_again_from_home_offers_no_way_back(app_db):
    """The way back is for the visit that came from the draft: Settings left for Home and
    opened again from there offers none."""
    at, _ = draft_for_bo(app_db)
    at.switch_page(SETTINGS)
    run(at)
    at.switch_page("app.py")
    run(at)
    at.switch_page(SETTINGS)
    run(at)
    save_name(at, "Sam Lee")
    assert BACK not in links(at)


@pytest.mark.parametrize("between", ["app.py", "pages/2_contacts.py", "pages/5_meetings.py"])
def test_settings_reached_through_another_page_offers_no_way_back(app_db, between):
    """Outreach's draft, then another page, then Settings: the user came from that page, not
    from the draft, so "Back to your draft" would not be true of the visit (the mark Outreach
    left stayed set through the page between, and the link showed)."""
    at, _ = draft_for_bo(app_db)
    at.switch_page(between)
    run(at)
    at.switch_page(SETTINGS)
    run(at)
    save_name(at, "Sam Lee")
    assert BACK not in links(at)
    # Straight from the draft again, the way back is there.
    at.switch_page(OUTREACH)
    run(at)
    at.switch_page(SETTINGS)
    run(at)
    save_name(at, "Sam Lee")
    assert links(at)[BACK] == "outreach"


def test_after_a_restore_there_is_no_draft_to_go_back_to(app_db):
    """A restore drops the drafts kept in the session (ui.release_connection): the words
    typed to Bo are gone, so "Back to your draft" would lead to a draft that is not there.
    (The backup is taken before they are typed: Outreach saves a draft in the database, so one
    typed before the backup comes back with it.)"""
    at, draft_key = draft_for_bo(app_db)
    at.switch_page(SETTINGS)
    run(at)
    button(at, "Back up now").click()
    run(at)
    at.switch_page(OUTREACH)
    run(at)
    at.text_area(key=f"body_{draft_key}").set_value("Hi Bo, my own words.\n{my_name}")
    run(at)
    at.switch_page(SETTINGS)
    run(at)
    button(at, "Restore this backup").click()
    run(at)
    button(at, "Yes, restore it").click()
    run(at)
    assert "Restored the backup" in at.success[0].value
    save_name(at, "Sam Lee")
    assert BACK not in links(at)
    at.switch_page(OUTREACH)  # by the menu: the words typed are gone indeed
    run(at)
    assert all("my own words" not in box.value for box in at.text_area)
