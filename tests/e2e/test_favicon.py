"""The tab shows infoint's icon, served by `serve.OwnFavicon` (no page icon is named to
Streamlit, which would load Pillow to read it), on Home and after moving to another page."""

from pathlib import Path

from infoint.ui import MENU

from .conftest import wait_for_app

ICON = (Path(__file__).resolve().parents[2] / "infoint" / "favicon.png").read_bytes()


def icons(page) -> list[bytes]:
    hrefs = page.eval_on_selector_all("link[rel~='icon']", "links => links.map(l => l.href)")
    return [page.request.get(href).body() for href in hrefs]


def test_the_tab_shows_infoints_icon_on_every_page(server, page):
    page.goto(server.url)
    wait_for_app(page)
    assert icons(page) == [ICON]
    label = MENU[2][1]
    page.get_by_test_id("stSidebar").get_by_role("link", name=label, exact=True).click()
    page.wait_for_function("label => document.title.startsWith(label)", arg=label)
    wait_for_app(page)
    assert icons(page) == [ICON]
