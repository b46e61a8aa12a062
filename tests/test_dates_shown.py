"""One way to write a date on every page we show dates on: "2 Mar 2026" in text, tables and
pickers, day/month/year in date inputs."""

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, importer, interactions, meetings, text

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
