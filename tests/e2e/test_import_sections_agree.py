"""Import & export never says what an import added beside sections still showing the data from
before it (the new-user walkthrough, in Chromium on a busy machine: "Connections.csv: Added 9
people; 1 row skipped." above "No imports yet" and "First bring in your connections above:
messages are matched to people by their LinkedIn profile address.", until the next click).

Streamlit keeps a section of the last run on screen until the new run draws it again: every
state the page passes through is watched, not only the last. The server's messages reach the
browser one at a time, a moment apart, as on a busy machine: each state is drawn, and the test
does not hang on how fast this machine is."""

import re
import time

from .conftest import see, wait_for_app

PREAMBLE = 'Notes:\n"When exporting your connection data, you may notice…"\n\n'
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROWS = [
    f"Person{i},Sample,https://www.linkedin.com/in/person{i}-sample,,Acme {i},Analyst,0{i} Nov 2026"
    for i in range(1, 10)
] + [",,,,,,01 Sep 2026"]
# The report, under the file's name (the import's progress bar also ends on the sentence, for
# the moment before the page is drawn again).
REPORT = "Connections.csv: Added 9 people; 1 row skipped."
BEFORE_ANY_IMPORT = (
    "No imports yet",
    "First bring in your connections above",
)

# Every text the main area shows, after each change of it, from now on.
WATCH = """() => {
  window.__shown = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const note = () => window.__shown.push(main.innerText);
  new MutationObserver(note).observe(main, {childList: true, subtree: true, characterData: true});
}"""


# Apart by this, each of the server's messages is drawn before the next arrives.
MESSAGE_GAP_S = 0.03


def slowed(page) -> dict[str, bool]:
    """The app's messages to the browser, each held back `MESSAGE_GAP_S` while `on` is True."""
    slow = {"on": False}

    def route(socket) -> None:
        server = socket.connect_to_server()

        def to_page(message) -> None:
            if slow["on"]:
                time.sleep(MESSAGE_GAP_S)
            socket.send(message)

        server.on_message(to_page)

    page.route_web_socket(re.compile(r".*/_stcore/stream"), route)
    return slow


def test_the_sections_under_a_first_import_read_the_data_it_brought(server, page, tmp_path):
    export = tmp_path / "Connections.csv"
    export.write_text(PREAMBLE + HEADER + "\n".join(ROWS), encoding="utf-8")
    page.set_viewport_size({"width": 1280, "height": 900})
    slow = slowed(page)
    page.goto(f"{server.url}/import_export")
    wait_for_app(page)
    see(page, "First bring in your connections above")
    page.get_by_label("Your LinkedIn export (.zip or Connections.csv)").locator(
        "input[type=file]"
    ).set_input_files(export)
    wait_for_app(page)
    page.evaluate(WATCH)
    slow["on"] = True
    page.get_by_role("button", name="Import", exact=True).click()
    see(page, REPORT)
    page.wait_for_timeout(500)  # any change still on its way is seen too
    wait_for_app(page)
    slow["on"] = False
    shown = page.evaluate("window.__shown")
    mixed = [
        words
        for words in shown
        if REPORT in words and any(old in words for old in BEFORE_ANY_IMPORT)
    ]
    assert mixed == [], mixed[0]
    assert any(REPORT in words for words in shown)
    assert "Your LinkedIn archive (.zip)" in shown[-1]  # the messages' upload is offered
