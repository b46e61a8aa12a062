"""Settings: the time zone is changed there too, with the control Meetings uses
(`ui.pick_time_zone`), and the caption names the new zone on the very next run."""

from __future__ import annotations

from infoint import db, meetings, profile, ui
from tests.test_page_settings import open_page, run


def zone_caption(at) -> str:
    [said] = [c.value for c in at.main.caption if c.value.startswith("Your time zone is ")]
    return said


def stored_zone(app_db) -> str:
    conn = db.connect(app_db)
    try:
        return profile.get_profile(conn).time_zone
    finally:
        conn.close()


def test_the_time_zone_is_changed_on_settings_and_the_caption_follows_at_once(app_db):
    meetings.set_time_zone(ui.connection(), "UTC")
    at = open_page()
    assert zone_caption(at).startswith("Your time zone is UTC. ")
    pick = at.selectbox(key="settings_time_zone_pick")
    assert pick.label == "Time zone for typing and showing meeting times"
    # listed as people say them: 'Tokyo (Asia)', 'UTC'
    assert pick.options == [profile.zone_place(name) for name in meetings.time_zone_names()]
    assert "Tokyo (Asia)" in pick.options and "Asia/Tokyo" not in pick.options
    assert pick.value == "UTC"
    pick.set_value("Asia/Tokyo")
    at.button(key="settings_time_zone_save").click()
    run(at)
    assert zone_caption(at).startswith("Your time zone is Tokyo (Asia), now UTC+9. ")
    assert [s.value for s in at.success] == ["Time zone saved: Tokyo (Asia), now UTC+9."]
    assert not at.error
    assert stored_zone(app_db) == "Asia/Tokyo"
    assert at.selectbox(key="settings_time_zone_pick").value == "Asia/Tokyo"
    assert at.session_state["settings_zone_open"] is False  # closed: it would cover the words
    run(at)  # said once
    assert not at.success
    assert zone_caption(at).startswith("Your time zone is Tokyo (Asia), now UTC+9. ")


def test_using_the_zone_shown_keeps_it_and_the_page_keeps_one_primary_button(app_db):
    meetings.set_time_zone(ui.connection(), "Europe/Berlin")
    at = open_page()
    at.button(key="settings_time_zone_save").click()
    run(at)
    assert stored_zone(app_db) == "Europe/Berlin"
    assert zone_caption(at).startswith("Your time zone is Berlin (Europe), now UTC+")
    assert [b.label for b in at.button if b.proto.type == "primary"] == ["Back up now"]
