"""Home is read whole in a narrow window: no label, number or note of a headline figure is cut
short (in five equal columns an 800 px window showed "Open c…", "Meetin…", "10…" for 100 %
and "15 of 31 r…"), nor a button of the welcome ("Import your LinkedIn …")."""

import csv
import io
from datetime import UTC, datetime, timedelta

from infoint import contacts, db, demo, history, home, importer, interactions, targets

from .conftest import WAIT_MS, start_server, stop_server, wait_for_app
from .test_tables_fit import home_figures_fit

# Every part of a figure (label, number, the note under it) and everything inside them.
CUT_SHORT = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].flatMap(metric =>
    [...metric.querySelectorAll(
        '[data-testid="stMetricLabel"], [data-testid="stMetricValue"],'
        + ' [data-testid="stMetricDelta"], [data-testid="stMetricLabel"] *,'
        + ' [data-testid="stMetricValue"] *, [data-testid="stMetricDelta"] *')]
        .filter(part => part.scrollWidth > part.clientWidth + 1)
        .map(part => part.innerText))"""
BUTTONS_CUT_SHORT = """() => [...document.querySelectorAll(
    '[data-testid^="stBaseButton"], [data-testid^="stBaseButton"] *')]
    .filter(part => part.scrollWidth > part.clientWidth + 1)
    .map(part => part.innerText)"""
SHOWN = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].map(metric =>
    [metric.querySelector('[data-testid="stMetricLabel"]').innerText,
     metric.querySelector('[data-testid="stMetricValue"]').innerText])"""


def everyone_replied(path) -> None:
    """The demo, with a reply from each person it wrote to: a response rate of 100 %, the
    widest rate there is; and one more written to just now, who still has time to reply."""
    conn = db.connect(path)
    demo.load_demo(conn)
    silent = conn.execute(
        "SELECT DISTINCT contact_id FROM interactions WHERE kind = 'outreach'"
        " AND contact_id NOT IN (SELECT contact_id FROM interactions WHERE kind = 'reply')"
        " ORDER BY contact_id"
    ).fetchall()
    for (person,) in silent:
        interactions.log_interaction(
            conn, person, "reply", occurred_at=datetime.now() - timedelta(hours=1)
        )
    # and someone written to just now, who still has time to reply: the longest note there is
    newcomer = contacts.add_contact(conn, "Nia", "Newcomb")
    interactions.log_interaction(conn, newcomer, "outreach", occurred_at=datetime.now())
    assert home.headline(conn).response_rate == 1
    assert home.headline(conn).waiting == 1
    conn.close()


def test_no_headline_figure_is_cut_short_at_800_or_1280_px(browser, tmp_path):
    path = tmp_path / "replied.duckdb"
    everyone_replied(path)
    server = start_server(path)
    try:
        for width in (800, 1280):
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            page.set_default_timeout(WAIT_MS)
            page.goto(server.url)
            wait_for_app(page)
            page.get_by_test_id("stMetric").last.wait_for()
            shown = dict(page.evaluate(SHOWN))
            assert shown["Response rate"] == "100 %"
            rate = page.get_by_test_id("stMetric").filter(has_text="Response rate")
            assert "1 more may reply" in rate.inner_text()
            assert list(shown) == [
                "Contacts",
                "Targets",
                "Open conversations",
                "Meetings this week",
                "Response rate",
            ]
            assert page.evaluate(CUT_SHORT) == [], f"cut short at {width} px"
            context.close()
    finally:
        stop_server(server)


def test_the_welcomes_buttons_are_read_whole_at_800_px(server, page):
    page.set_viewport_size({"width": 800, "height": 800})
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").wait_for()
    assert page.get_by_test_id("stBaseButton-primary").count() == 1
    assert page.evaluate(BUTTONS_CUT_SHORT) == []


ME = "https://www.linkedin.com/in/the-user"
MESSAGE_HEADER = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
    "IS MESSAGE DRAFT",
]


def _csv(header: list[str], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def heavy_like(path) -> None:
    """The heavy benchmark user's figures, as wide as theirs (numbers of as many digits), in a
    second or two: 12,000 connections, 294 targets and 66 ruled out, 1,994 of 4,897 replied and
    76 written to just now ('1,994 of 4,897 replied; 76 more may reply'). Through the importer
    and the history import, as a user brings them in."""
    conn = db.connect(path)
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position"]
    people = [
        [
            f"Ann{i}",
            "Heavy",
            f"https://www.linkedin.com/in/person-{i}",
            "",
            f"Co {i % 400}",
            "Analyst",
        ]
        for i in range(12_000)
    ]
    importer.import_file(
        conn,
        _csv([*header, "Connected On"], [[*row, "01 Mar 2025"] for row in people]),
        filename="Connections.csv",
    )
    companies = [row[0] for row in conn.execute("SELECT id FROM companies ORDER BY id").fetchall()]
    targets.make_targets(conn, companies[:360])
    for company in companies[:66]:
        targets.rule_out(conn, company, "Not for me.")
    now = datetime.now(UTC)
    messages = []
    for i in range(4_897 + 76):
        sent = now - (timedelta(days=30 + i % 90) if i < 4_897 else timedelta(minutes=5))
        them = f"https://www.linkedin.com/in/person-{i}"
        said = [f"c{i}", "", "Me", ME, "Them", them, f"{sent:%Y-%m-%d %H:%M:%S} UTC", "", "Hello"]
        messages.append([*said, "INBOX", "No"])
        if i < 1_994:
            answer = f"{sent + timedelta(days=1):%Y-%m-%d %H:%M:%S} UTC"
            messages.append([f"c{i}", "", "Them", them, "Me", ME, answer, "", "Hi", "INBOX", "No"])
    since = (now - timedelta(days=200)).date()
    history.import_history(conn, _csv(MESSAGE_HEADER, messages), "messages.csv", since)
    figures = home.headline(conn)
    assert (figures.contacts, figures.targets, figures.ruled_out) == (12_000, 294, 66)
    assert home.response_figure(figures) == ("41 %", "1,994 of 4,897 replied; 76 more may reply")
    conn.close()


def test_a_heavy_users_figures_take_one_row_at_1280_px(page_with_scroll_bars, tmp_path):
    """The heavy benchmark's Response rate note, '1,994 of 4,897 replied; 76 more still have
    time to reply' (321 px), made Home's five figures 868 px wide at 1280 px, where the row has
    810 (scroll bars drawn): Response rate went to a second row. Its note is shorter now; at
    800 px the figures wrap and every word of them is read whole."""
    page = page_with_scroll_bars
    path = tmp_path / "heavy.duckdb"
    heavy_like(path)
    server = start_server(path)
    try:
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_test_id("stMetric").filter(has_text="Response rate").wait_for()
        for width in (1280, 800):
            said = home_figures_fit(page, width)
            assert "1,994 of 4,897 replied; 76 more may reply" in said
            assert page.evaluate(CUT_SHORT) == [], f"cut short at {width} px"
    finally:
        stop_server(server)
