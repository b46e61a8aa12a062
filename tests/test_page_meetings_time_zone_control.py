"""Meetings' time-zone popover holds the shared control, `ui.pick_time_zone`, as Settings'
does (46b1822), not a copy of its own that could drift from it; with its default keys, so the
box and the button are still `time_zone_pick` and `time_zone_save`."""

import pytest

from infoint import db, profile, ui
from tests.test_page_meetings import meetings_page, run


@pytest.fixture
def calls(monkeypatch) -> list[tuple]:
    """Every call the page makes to `ui.pick_time_zone`, which still does its work."""
    made = []
    shared = ui.pick_time_zone

    def spy(*args, **kwargs):
        made.append((args[1:], kwargs))
        return shared(*args, **kwargs)

    monkeypatch.setattr(ui, "pick_time_zone", spy)
    return made


def test_meetings_draws_the_shared_time_zone_control(app_db, calls):
    at = run(meetings_page())
    assert calls == [((), {})]  # the default key: "time_zone"
    assert at.selectbox(key="time_zone_pick").label == (
        "Time zone for typing and showing meeting times"
    )
    at.selectbox(key="time_zone_pick").set_value("Asia/Tokyo")
    at.button(key="time_zone_save").click()
    run(at)
    assert at.success[0].value == "Meeting times are now shown in Tokyo (Asia), now UTC+9."
    conn = db.connect(app_db)
    try:
        assert profile.zone(conn).key == "Asia/Tokyo"
    finally:
        conn.close()
