"""Words typed in a meeting's prep sheet, then the menu clicked at once, are not lost.

A box sends its words when it loses focus. A click on the menu as quick as Playwright's sends
the page change before them: Streamlit can then run Meetings again with the words while the
browser, having let go of its boxes' values for the page change, draws each box from its
default, which was empty. The page stayed on Meetings with the prep sheet's boxes empty, and
"Save the prep sheet" then saved them empty (10 runs in 12 before the fix)."""

from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from infoint import contacts, db, meetings

from .conftest import go, open_options, start_server, stop_server, wait_for_app

TRIES = 5
LEARN = "What do you want to learn from this conversation?"


class Runs:
    """The runs the browser asked for and the ones the app finished, read off the websocket:
    after a quick menu click, the box's words and the page change can each start a run, in
    either order, and the page settles only once the last one asked for has finished. A fixed
    wait of a second for it failed under load."""

    def __init__(self, page) -> None:
        self.events: list[str] = []
        page.on("websocket", self._watch)

    def _watch(self, ws) -> None:
        ws.on("framesent", self._sent)
        ws.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        if isinstance(payload, bytes):
            message = BackMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "rerun_script":
                self.events.append("asked")

    def _received(self, payload) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg()
            message.ParseFromString(payload)
            # A run stopped for the next one is not the last: its successor finishes later.
            if message.WhichOneof("type") == "script_finished" and (
                message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
            ):
                self.events.append("finished")

    def mark(self) -> int:
        """Where the events stand before a click, for `settle`."""
        return len(self.events)

    def settled(self, since: int) -> bool:
        after = self.events[since:]
        return "asked" in after and after[-1] == "finished"

    def settle(self, page, since: int) -> None:
        """Wait until a run was asked for after `since` and the last one asked for has
        finished, then for the page to be drawn."""
        for _ in range(600):  # polled, up to 30 s: events reach us while Playwright waits
            if self.settled(since):
                break
            page.wait_for_timeout(50)
        assert self.settled(since), self.events[since:]
        wait_for_app(page)


def test_prep_sheet_words_typed_right_before_a_menu_click_are_kept(tmp_path, page, shots):
    db_path = tmp_path / "prep.duckdb"
    conn = db.connect(db_path)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    meeting = meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=3))
    meetings.save_prep(
        conn,
        meeting,
        question_ids=[],
        company_notes="Acme makes robots.",
        person_notes="Met at a conference.",
        prep_notes="How their teams work.",
    )
    conn.close()
    server = start_server(db_path)
    runs = Runs(page)
    try:
        page.goto(f"{server.url}/meetings")
        wait_for_app(page)
        boxes = {
            "company": (page.get_by_label("About Acme", exact=True), "Acme makes robots."),
            "person": (page.get_by_label("About Ana Lee", exact=True), "Met at a conference."),
            "goal": (page.get_by_label(LEARN, exact=True), "How their teams work."),
        }
        for attempt in range(1, TRIES + 1):
            for name, (box, before) in boxes.items():
                words = f" {name} {attempt}."
                box.click()
                page.keyboard.press("Control+End")
                page.keyboard.type(words)
                since = runs.mark()
                page.get_by_test_id("stSidebar").get_by_role("link", name="Follow-ups").click()
                runs.settle(page, since)  # whichever run comes last, let it finish
                if "/meetings" not in page.url:
                    go(page, "Meetings", "Meetings")
                boxes[name] = (box, before + words)
                page.screenshot(path=shots / f"back-{attempt}-{name}.png", full_page=True)
                expect(box).to_have_value(before + words)  # drawn by the last run
        page.get_by_role("button", name="Save the prep sheet", exact=True).click()
        page.get_by_text("Prep sheet saved.").wait_for()
        wait_for_app(page)
    finally:
        stop_server(server)
    conn = db.connect(db_path)
    sheet = meetings.prep_sheet(conn, meeting)
    conn.close()
    assert sheet.company_notes == boxes["company"][1]
    assert sheet.person_notes == boxes["person"][1]
    assert sheet.meeting.prep_notes == boxes["goal"][1]


def test_after_a_quick_menu_click_the_meeting_being_prepared_stays_open(tmp_path, page, shots):
    """With two meetings, the second one prepared: the browser drew the Meeting box from its
    first option after such a click (and the search box, come back unchanged, counted as a new
    search), so the page or the next click opened the first meeting and the words typed for
    the second were lost."""
    db_path = tmp_path / "two.duckdb"
    conn = db.connect(db_path)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme", position="Engineer")
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Beta", position="Lead")
    meetings.schedule_meeting(conn, ana, datetime.now(UTC) + timedelta(days=2))
    second = meetings.schedule_meeting(conn, bo, datetime.now(UTC) + timedelta(days=4))
    conn.close()
    server = start_server(db_path)
    runs = Runs(page)
    try:
        page.goto(f"{server.url}/meetings")
        wait_for_app(page)
        open_options(page, "stSelectbox", "Meeting")
        option = page.get_by_role("option").nth(1)
        name = option.inner_text()
        assert "Bo Berg" in name
        option.click()
        wait_for_app(page)
        box = page.get_by_label(LEARN, exact=True)
        mine = ""
        for attempt in range(1, TRIES + 1):
            words = f" Mine, {attempt}."
            mine += words
            box.click()
            page.keyboard.press("Control+End")
            page.keyboard.type(words)
            since = runs.mark()
            page.get_by_test_id("stSidebar").get_by_role("link", name="Follow-ups").click()
            runs.settle(page, since)  # whichever run comes last, let it finish
            if "/meetings" not in page.url:
                go(page, "Meetings", "Meetings")
            page.screenshot(path=shots / f"back-{attempt}.png", full_page=True)
            expect(page.get_by_role("combobox", name="Meeting")).to_have_value(name)
            expect(box).to_have_value(mine)  # drawn by the last run
        page.get_by_role("button", name="Save the prep sheet", exact=True).click()
        page.get_by_text("Prep sheet saved.").wait_for()
        wait_for_app(page)
    finally:
        stop_server(server)
    conn = db.connect(db_path)
    saved = meetings.prep_sheet(conn, second).meeting.prep_notes
    conn.close()
    assert saved == mine.strip()
