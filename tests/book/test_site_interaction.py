"""The built site as a reader's browser meets it when acting on it: hover, print, search, downloads.

Dark mode, touch, keyboard, phone widths and the printed PDF: test_site_devices.py.

Each check opens its page afresh in a new tab, since it changes the page's state.
"""

import csv
import io
import json
import urllib.request

import pytest
from conftest import CHAPTERS, open_page

import mpsbook

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", CHAPTERS)
def test_hovering_a_mark_shows_a_tooltip_with_words_or_values(watched_page, site_url, page):
    browser_page = open_page(watched_page, site_url, page)
    mark = browser_page.query_selector(".mpsbook-chart-live svg .mark-rect path, .mpsbook-chart-live svg .mark-symbol path")
    mark.scroll_into_view_if_needed()
    box = mark.bounding_box()
    browser_page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = browser_page.wait_for_selector(".mpsbook-tooltip.visible", timeout=5_000)
    text = tooltip.inner_text()
    assert "\u201c" in text or any(char.isdigit() for char in text), text


def test_every_download_on_the_data_page_answers_and_matches_the_data(watched_page, site_url):
    browser_page = open_page(watched_page, site_url, "book/data.html")
    links = browser_page.eval_on_selector_all("a.download", "links => links.map(a => a.href)")
    package = json.loads(mpsbook.ledger.data.DATAPACKAGE.read_text(encoding="utf-8"))
    assert len(links) == len(package["resources"]) + 1
    for link in links:
        with urllib.request.urlopen(link) as response:
            assert response.status == 200
            body = response.read()
        name = link.rsplit("/", 1)[-1]
        local = next(mpsbook.ledger.data.DATA_DIR.rglob(name))
        assert body == local.read_bytes()
        if name.endswith(".csv"):
            assert list(csv.reader(io.StringIO(body.decode("utf-8")))) == list(
                csv.reader(io.StringIO(local.read_text(encoding="utf-8"))))


def test_search_finds_clean_net(watched_page, site_url):
    browser_page = watched_page.page
    browser_page.goto(f"{site_url}/search.html?q=Clean+Net", wait_until="load")
    browser_page.wait_for_selector("#search-results ul li", timeout=15_000)
    found = browser_page.eval_on_selector_all("#search-results ul li a", "links => links.map(a => a.href)")
    assert any("cybersecurity.html" in link for link in found), found


@pytest.mark.parametrize("page", CHAPTERS)
def test_print_shows_each_chart_as_its_static_svg(watched_page, site_url, page, tmp_path):
    browser_page = open_page(watched_page, site_url, page)
    browser_page.emulate_media(media="print")
    shown = browser_page.eval_on_selector_all(
        ".mpsbook-chart", "charts => charts.map(c => [c.querySelector('.mpsbook-chart-static').offsetParent !== null,"
                          " c.querySelector('.mpsbook-chart-live').offsetParent !== null])")
    assert shown and all(static and not live for static, live in shown), shown
    widths = browser_page.eval_on_selector_all(
        ".mpsbook-chart-static svg", "svgs => svgs.map(s => s.getBoundingClientRect().width <= s.closest('article')"
                                     ".getBoundingClientRect().width + 1)")
    assert all(widths), "a printed chart is wider than the page's text"
    pdf = browser_page.pdf(path=str(tmp_path / "page.pdf"))
    assert pdf.startswith(b"%PDF")
