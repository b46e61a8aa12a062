"""A page change carries the boxes of the request just before it (`ui.carry_boxes_over`).

A box sends its words when it loses focus; a menu link clicked right then sends the page
change straight after, and that request holds none of the page left's boxes. Streamlit stops
the run it was starting for the words before it takes them in (`runner.fastReruns`), so the
words were lost: in Chromium under load the prep sheet lost 'company 4.' (tests/e2e/
test_meetings_words_kept.py, 6 runs in 6 at load 13-24 before this, 0 in 3 after)."""

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession

from infoint import ui


def request(page: str, **values: str) -> ClientState:
    sent = ClientState(page_script_hash=page)
    for widget_id, value in values.items():
        sent.widget_states.widgets.add(id=widget_id, string_value=value)
    return sent


def held(sent: ClientState) -> dict[str, object]:
    return {w.id: getattr(w, w.WhichOneof("value")) for w in sent.widget_states.widgets}


def test_a_page_change_carries_the_words_of_the_page_left():
    words = request("meetings", goal="How teams work. More.", pick="Ana Lee")
    change = request("follow_ups")
    ui.carry_boxes_over(words, change)
    assert held(change) == {"goal": "How teams work. More.", "pick": "Ana Lee"}
    assert change.page_script_hash == "follow_ups"


def test_a_click_on_the_page_left_is_not_carried():
    words = request("meetings", goal="More.")
    words.widget_states.widgets.add(id="save", trigger_value=True)
    change = request("follow_ups")
    ui.carry_boxes_over(words, change)
    assert held(change) == {"goal": "More."}


def test_the_same_page_or_a_page_not_named_carries_nothing():
    for before, after in (("meetings", "meetings"), ("", "follow_ups"), ("meetings", "")):
        words = request(before, goal="More.")
        change = request(after, goal="Newer.")
        ui.carry_boxes_over(words, change)
        assert held(change) == {"goal": "Newer."}


def test_what_the_new_request_holds_wins():
    words = request("meetings", shared="Old.")
    change = request("follow_ups", shared="New.")
    ui.carry_boxes_over(words, change)
    assert held(change) == {"shared": "New."}


class Session:
    """What the browser's rerun requests reach (`AppSession.request_rerun`)."""

    def __init__(self) -> None:
        self.asked: list[ClientState] = []

    def request_rerun(self, client_state: ClientState | None) -> None:
        self.asked.append(client_state)


def test_the_app_session_carries_them_once_and_carries_nothing_carried():
    handle = AppSession._handle_rerun_script_request
    assert handle.carries_boxes_over
    session = Session()
    handle(session, request("meetings", goal="More."))
    handle(session, request("follow_ups"))
    handle(session, request("meetings"))  # back: nothing of the trip's own carried again
    assert [held(sent) for sent in session.asked] == [{"goal": "More."}, {"goal": "More."}, {}]
