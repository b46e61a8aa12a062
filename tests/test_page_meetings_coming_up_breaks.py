"""Coming up's With and Place may break in a long word (a video call's link, an address):
the static table did not wrap 'https://us02web.zoom.us/j/81234567890?pwd=abcdefghijklmnop',
and at 800 px it was 608 px wide in its 458 (tests/e2e/test_tables_fit.py sees it drawn).
Only the words shown change: what is saved stays as typed."""

import re
from datetime import UTC, datetime, timedelta

from infoint import contacts, db, meetings
from tests.test_page_contacts import run
from tests.test_page_forms_stay_open import network, page  # noqa: F401

LINK = "https://us02web.zoom.us/j/81234567890?pwd=abcdefghijklmnop"
CAFE = "Café Ana ana@example.org"
HIDDEN = re.compile("[\u200b\u2060]")  # a zero-width space, a word joiner


def read(cell: str) -> str:
    """A cell's words as the browser shows them: no escapes, nothing hidden."""
    return HIDDEN.sub("", re.sub(r"\\(.)", r"\1", cell))


def test_long_words_in_coming_up_may_break_and_are_not_links(network):  # noqa: F811
    conn = db.connect(network["db"])
    try:
        [(cy, _)] = contacts.find_contacts_by_name(conn, "Cy Park")
        [(ben, _)] = contacts.find_contacts_by_name(conn, "Ben Ode")
        soon = datetime.now(UTC) + timedelta(days=2)
        meetings.schedule_meeting(conn, cy, soon, place=LINK)
        meetings.schedule_meeting(conn, ben, soon + timedelta(days=1), place=CAFE)
        saved = [m.place for m in meetings.upcoming_meetings(conn, datetime.now(UTC))]
    finally:
        conn.close()
    assert saved[1:] == [LINK, CAFE]  # saved as typed
    at = run(page("pages/5_meetings.py"))
    places = list(at.table[0].value["Place"])
    assert [read(place) for place in places[1:]] == [LINK, CAFE]
    link, cafe = places[1:]
    for mark in ("/", "?", "=", "\\."):
        assert mark + "\u200b" in link, mark
    assert "abcdefghij\u200bklmnop" in link  # a long run breaks every ten letters
    assert "://" not in link and "\\://" not in link  # GFM makes no link of it
    assert not re.search(r"@\w", cafe)  # nor a mailto link of the address
    assert read(list(at.table[0].value["With"])[1]) == "Cy Park (Globex)"
