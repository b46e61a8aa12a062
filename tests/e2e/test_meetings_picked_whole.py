"""The questions picked on Meetings -> Prepare read whole, in a Chromium that draws its scroll
bars, at 800 px (the sidebar open) and at 1280: the picker cut each one short ("How has your
kind of work changed over the last few ye…") and scrolled inside itself past the first or
last, so the list under it shows them whole."""

from datetime import UTC, datetime, timedelta

import pytest

from infoint import contacts, db, meetings, questions

from .conftest import go, start_server, stop_server, wait_for_app

# Whether some element of the main area shows `words` whole: its own text, nothing of it cut
# (an ellipsis, a box scrolled or too narrow) by itself or by any box around it.
SHOWN_WHOLE = """(words) => {
    const main = document.querySelector('[data-testid="stMain"]');
    const whole = (el) => {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height) return false;
        for (const part of [el, ...el.querySelectorAll('*')]) {
            if (part.scrollWidth > part.clientWidth + 1) return false;  // an ellipsis, say
        }
        for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
            const room = up.getBoundingClientRect();
            if (box.left < room.left - 1 || box.right > room.right + 1) return false;
            if (box.top < room.top - 1 || box.bottom > room.bottom + 1) return false;
        }
        return true;
    };
    return [...main.querySelectorAll('*')].some(
        (el) => el.textContent.trim() === words && whole(el)
    );
}"""


@pytest.mark.parametrize("width", [800, 1280])
def test_the_picked_questions_read_whole(tmp_path, page_with_scroll_bars, shots, width):
    page = page_with_scroll_bars
    db_path = tmp_path / "picked.duckdb"
    conn = db.connect(db_path)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    meeting = meetings.schedule_meeting(conn, ana, start, place="Café Blau")
    # the longest in the bank, more than fit in the picker: the ones it cut or hid
    bank = sorted(questions.list_questions(conn), key=lambda q: -len(q.text))[:6]
    meetings.save_prep(conn, meeting, question_ids=[q.id for q in bank])
    conn.close()
    server = start_server(db_path)
    try:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(server.url)
        wait_for_app(page)
        go(page, "Meetings", "Meetings")
        assert page.get_by_test_id("stSidebar").is_visible()
        page.get_by_role("button", name="Save the prep sheet").scroll_into_view_if_needed()
        page.screenshot(path=shots / f"prepare_{width}.png")
        cut = [q.text for q in bank if not page.evaluate(SHOWN_WHOLE, q.text)]
        assert not cut, cut
    finally:
        stop_server(server)
