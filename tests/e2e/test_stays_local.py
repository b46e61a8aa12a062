"""The promise Settings makes: infoint sends nothing anywhere. The browser asks only the
local server for anything, on every page, with the demo loaded."""

from urllib.parse import urlsplit

from infoint.ui import MENU

from .conftest import wait_for_app

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def test_every_page_asks_only_the_local_server(server, page):
    asked_elsewhere = []

    def note(request) -> None:
        address = urlsplit(request.url)
        if address.scheme in ("http", "https", "ws", "wss") and address.hostname not in LOCAL_HOSTS:
            asked_elsewhere.append(request.url)

    page.on("request", note)
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_role("button", name="Load demo data").click()
    page.get_by_role("heading", name="Your funnel").wait_for()
    wait_for_app(page)
    for _, label, _ in MENU[1:]:
        page.get_by_test_id("stSidebar").get_by_role("link", name=label, exact=True).click()
        page.wait_for_function("label => document.title.startsWith(label)", arg=label)
        wait_for_app(page)
    page.wait_for_load_state("networkidle")
    assert asked_elsewhere == []
