"""One way to write a date on every page we show dates on: "2 Mar 2026" in text, tables and
pickers ("2 Mar 2026, 09:30" with a time, in the user's zone), day/month/year in date inputs."""

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import business_days, contacts, db, followups, importer, interactions, meetings, text
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent
NUMERIC_DATE = re.compile(r"\b\d{4}[-/.]\d{2}[-/.]\d{2}\b|\b\d{2}/\d{2}/\d{4}\b")
CSV = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Lee,https://www.linkedin.com/in/ana-lee,,Acme,PM,06 Nov 2024\n"
)


def page(path: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if path != "app.py":
        at.switch_page(path)
    at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
    return at


def everything_shown(at: AppTest) -> str:
    parts = [m.value for m in at.main.markdown] + [c.value for c in at.main.caption]
    parts += [str(o) for s in at.main.selectbox for o in s.options]
    parts += [a.value for a in at.main.info] + [a.value for a in at.main.success]
    return " ".join(parts)


def date_formats(at: AppTest) -> set[str]:
    return {d.proto.format for d in at.main.date_input}


def column_date_formats(at: AppTest) -> set[str]:
    found = set()
    for table in at.main.dataframe:
        for column in json.loads(table.proto.columns or "{}").values():
            config = column.get("type_config", {})
            if config.get("type") in ("date", "datetime"):
                found.add(config.get("format"))
    return found


def test_dates_read_the_same_on_home_contacts_and_import(app_db):
    conn = db.connect(app_db)
    importer.import_file(conn, CSV.encode(), filename="Connections.csv")
    ana = conn.execute("SELECT id FROM contacts").fetchall()[0][0]
    interactions.log_interaction(conn, ana, "outreach", occurred_at=date(2026, 3, 2))
    meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 9, 30, tzinfo=UTC))
    contacts.add_contact(conn, "Bo", "Chen")
    conn.close()

    home = page("app.py")
    assert date_formats(home) == {text.DATE_INPUT_FORMAT}

    search = page("pages/2_contacts.py")
    assert date_formats(search) == {text.DATE_INPUT_FORMAT}
    assert column_date_formats(search) == {text.DATE_COLUMN_FORMAT}

    record = page("pages/2_contacts.py", contact=str(ana))
    shown = everything_shown(record)
    assert "**Connected on:** 6 Nov 2024" in shown
    assert "**2 Mar 2026** · You reached out" in shown
    assert not NUMERIC_DATE.search(shown), NUMERIC_DATE.search(shown)
    for tab in ("Log an interaction", "Meetings"):
        record.session_state["contact_tab"] = tab
        record.run()
        assert date_formats(record) == {text.DATE_INPUT_FORMAT}, tab
        shown = everything_shown(record)
        assert not NUMERIC_DATE.search(shown), (tab, NUMERIC_DATE.search(shown))
    assert "**10 Mar 2026, 09:30 · Scheduled** · 20 minutes promised" in shown

    imports = page("pages/8_import_export.py")
    assert column_date_formats(imports) == {text.MOMENT_COLUMN_FORMAT}
    assert date_formats(imports) <= {text.DATE_INPUT_FORMAT}
    assert not NUMERIC_DATE.search(everything_shown(imports))


def test_dates_read_the_same_on_follow_ups(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    contacts.add_contact(conn, "Bo", "Chen", company="Acme")
    today = date.today()  # the user's day: tests run in UTC (conftest)
    interactions.log_interaction(conn, ana, "outreach", occurred_at=today - timedelta(days=20))
    due = followups.due_items(conn)
    conn.close()
    assert len(due) == 2 and all(item.due_on < today for item in due)

    at = page("pages/4_follow_ups.py")
    captions = [c.value for c in at.main.caption]
    for item in due:
        label = followups.KIND_LABELS[item.kind]
        assert f"{label} · due since {text.day(item.due_on)}" in captions, captions
    assert date_formats(at) == {text.DATE_INPUT_FORMAT}
    assert not NUMERIC_DATE.search(everything_shown(at))

    at.button(key=f"snooze_{due[0].key}").click()
    at.run()
    snoozed = at.toast[0].value
    until = text.day(business_days.add_business_days(today, followups.SNOOZE_BUSINESS_DAYS))
    assert snoozed.startswith(plain_markdown(f"Snoozed until {until}: ")), snoozed


def test_meeting_times_read_the_same_on_meetings_in_the_users_zone(app_db):
    conn = db.connect(app_db)
    meetings.set_time_zone(conn, "Europe/Paris")  # UTC+1 in March, UTC+2 in June
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    year = datetime.now(UTC).year + 3  # always ahead, whenever the test runs
    ahead = meetings.schedule_meeting(conn, ana, datetime(year, 6, 4, 9, 30, tzinfo=UTC))
    meetings.schedule_meeting(conn, ana, datetime(2026, 3, 10, 9, 30, tzinfo=UTC))
    title = meetings.summary(conn, ahead).title
    conn.close()

    at = page("pages/5_meetings.py")
    [coming_up] = at.main.table  # the day and time never break there
    assert list(coming_up.value["When"]) == [
        f"4 Jun {year}, 11:30".replace(" ", "\N{NO-BREAK SPACE}")
    ]
    pick = at.main.selectbox(key="meeting_pick")
    assert [o.split(" — ")[1].split(" · scheduled")[0] for o in pick.options] == [
        f"4 Jun {year}, 11:30",
        "10 Mar 2026, 10:30",
    ]
    shown = everything_shown(at)
    assert f"**{plain_markdown(title)}**, 4 Jun {year}, 11:30, 20 minutes promised" in shown
    assert not NUMERIC_DATE.search(shown), NUMERIC_DATE.search(shown)

    at.main.text_input(key="schedule_search").set_value("Ana")
    at.session_state["meeting_tab"] = "Change"
    at.run()
    assert not at.exception, at.exception
    assert {d.key for d in at.main.date_input} == {"schedule_day", f"change_day_{ahead}"}
    assert date_formats(at) == {text.DATE_INPUT_FORMAT}
