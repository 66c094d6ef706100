"""The built site on every device: phone, tablet and desktop widths, touch, keyboard, print, dark mode, search.

Every page of the table of contents is checked, so new pages are covered as they are added.
Pages open as tabs beside a page held open on the site (see conftest.py); touch and dark mode
have contexts of their own, since both are properties of a browser context.
"""

import re
import shutil
import subprocess

import pytest
from conftest import CHAPTERS, open_page, site_context_holding_a_page, toc_pages, watched_tab

pytestmark = pytest.mark.browser

PAGES = [*toc_pages(), "search.html"]
WIDTHS = (390, 768, 1280)  # a phone, a tablet, a desktop (CSS px)
SMALLEST_TEXT = 11  # CSS px: no chart text smaller on a phone
THINNEST_MARK = 8  # CSS px: no bar or point thinner on a phone

# Elements that reach past the right edge of the window and are not inside a box that scrolls
# sideways itself. The side bars (off-screen drawers on a phone) are not part of the page's width.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const inScrollBox = element => {
        for (let box = element.parentElement; box; box = box.parentElement) {
            const overflow = getComputedStyle(box).overflowX;
            if ((overflow === 'auto' || overflow === 'scroll') && box.getBoundingClientRect().right <= width + 1) return true;
        }
        return false;
    };
    const found = [];
    for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
        if (getComputedStyle(element).visibility === 'hidden') continue;
        if (element.closest('.bd-sidebar-primary, .bd-sidebar-secondary, dialog:not([open])')) continue;
        if (!inScrollBox(element)) found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`
                                              + ` reaches ${Math.round(box.right)} px`);
    }
    return {scrollWidth: document.documentElement.scrollWidth, width, found: found.slice(0, 5)};
}"""

# Per visible chart: the smallest rendered text (font size times the SVG's scale on screen) and the
# thinnest data mark: for bars, the side all bars of a layer share (their thickness, not their length).
CHART_SIZES = """() => [...document.querySelectorAll('.mpsbook-chart')].map(chart => {
    const svg = [...chart.querySelectorAll('svg')].find(s => s.getBoundingClientRect().width > 0);
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    const text = Math.min(...texts.map(t => {
        const m = t.getScreenCTM();
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    }));
    const marks = [...svg.querySelectorAll('.role-mark')].map(layer => {
        const boxes = [...layer.querySelectorAll('path')].map(p => p.getBoundingClientRect())
            .filter(b => b.width > 0.5 && b.height > 0.5);
        if (!boxes.length) return Infinity;
        if (!layer.classList.contains('mark-rect')) return Math.min(...boxes.map(b => Math.min(b.width, b.height)));
        const same = key => boxes.every(b => Math.abs(b[key] - boxes[0][key]) < 0.5);
        return boxes.length > 1 && same('height') ? boxes[0].height
             : boxes.length > 1 && same('width') ? boxes[0].width : Math.min(boxes[0].width, boxes[0].height);
    });
    return {text, mark: Math.min(...marks), width: svg.getBoundingClientRect().width};
})"""


@pytest.mark.parametrize("page", PAGES)
def test_no_page_scrolls_sideways_on_a_phone_a_tablet_or_a_desktop(watched_page, site_url, page):
    browser_page = watched_page.page
    for width in WIDTHS:
        browser_page.set_viewport_size({"width": width, "height": 900})
        if width == WIDTHS[0]:
            open_page(watched_page, site_url, page)
        browser_page.wait_for_timeout(100)
        layout = browser_page.evaluate(OVERFLOWING)
        assert layout["found"] == [] and layout["scrollWidth"] <= width, (width, layout)


@pytest.mark.parametrize("page", CHAPTERS)
def test_charts_on_a_phone_keep_text_and_marks_legible_drawn_or_static(watched_page, site_url, page):
    browser_page = watched_page.page
    browser_page.set_viewport_size({"width": 390, "height": 844})
    open_page(watched_page, site_url, page)
    drawn = browser_page.evaluate(CHART_SIZES)
    # What a reader without JavaScript sees: the static SVG the column's width picks.
    browser_page.evaluate("() => document.querySelectorAll('.mpsbook-chart').forEach(c => c.classList.remove("
                          "'mpsbook-chart--live', 'mpsbook-chart--drawing'))")
    static = browser_page.evaluate(CHART_SIZES)
    for kind, charts in (("drawn", drawn), ("static", static)):
        assert charts, kind
        for chart in charts:
            assert chart["text"] >= SMALLEST_TEXT and chart["mark"] >= THINNEST_MARK, (kind, chart)
            assert chart["width"] <= 390, (kind, chart)


def _first_mark(browser_page):
    mark = browser_page.wait_for_selector('.mpsbook-chart-live svg [tabindex="0"]', state="attached")
    mark.scroll_into_view_if_needed()
    return mark


@pytest.fixture(scope="module")
def phone_context(browser, site_url):
    """A phone: 390 px wide, a finger instead of a mouse; one page held open, as in site_context_holding_a_page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        context.new_page().goto(f"{site_url}/search.html", wait_until="load")
        yield context
    finally:
        context.close()


@pytest.mark.parametrize("page", CHAPTERS)
def test_a_tap_on_a_mark_shows_its_tooltip_and_a_tap_elsewhere_hides_it(phone_context, site_url, page):
    with watched_tab(phone_context, site_url) as watch:
        browser_page = open_page(watch, site_url, page)
        box = _first_mark(browser_page).bounding_box()
        browser_page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tooltip = browser_page.wait_for_selector(".mpsbook-tooltip.visible", timeout=5_000)
        text = tooltip.inner_text()
        assert "\u201c" in text or any(char.isdigit() for char in text), text
        heading = browser_page.query_selector("article h1").bounding_box()
        browser_page.touchscreen.tap(heading["x"] + 5, heading["y"] + heading["height"] / 2)
        browser_page.wait_for_selector(".mpsbook-tooltip.visible", state="detached", timeout=5_000)


# On a phone, each row of a verdict table and of a claim box's readings table: where its cells lie, and how wide.
PHONE_TABLE_ROWS = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.mpsbook-verdict-table tbody tr, .mpsbook-sensitivity tbody tr')].map(row => {
        const cells = [...row.children].map(cell => cell.getBoundingClientRect());
        return {table: row.closest('table').className, width,
                right: Math.max(...cells.map(c => c.right)), first: cells[0].right,
                narrowest: Math.min(...cells.map(c => c.width)),
                text: row.closest('.mpsbook-sensitivity') ? cells[1].width : cells[cells.length - 1].width};
    });
}"""


@pytest.mark.parametrize("page", CHAPTERS)
def test_on_a_phone_verdict_and_readings_tables_show_the_verdict_first_and_read_in_lines(phone_context, site_url, page):
    with watched_tab(phone_context, site_url) as watch:
        browser_page = open_page(watch, site_url, page)
        rows = browser_page.evaluate(PHONE_TABLE_ROWS)
    assert any("mpsbook-verdict-table" in row["table"] for row in rows), "no verdict table"
    for row in rows:
        # Nothing past the screen's edge, and the words (why, what a reading assumes) take most of its width
        # instead of a column of one to three words a line.
        assert row["right"] <= row["width"] + 1 and row["first"] <= row["width"], row
        assert row["text"] >= 0.6 * row["width"], row


@pytest.mark.parametrize("page", CHAPTERS)
def test_the_keyboard_reaches_every_chart_and_moves_between_its_marks(watched_page, site_url, page):
    browser_page = open_page(watched_page, site_url, page)
    mark = _first_mark(browser_page)
    # Focus a button put just before the chart, then Tab: the chart's first mark comes next.
    browser_page.evaluate("""mark => {
        const before = document.createElement('button');
        before.id = 'before-chart';
        mark.closest('.mpsbook-chart').before(before);
        before.focus();
    }""", mark)
    browser_page.keyboard.press("Tab")
    browser_page.evaluate("() => document.getElementById('before-chart').remove()")
    focused = browser_page.evaluate_handle("() => document.activeElement")
    assert browser_page.evaluate("([a, b]) => a === b", [focused, mark])
    first_label = mark.get_attribute("aria-label")
    tooltip = browser_page.wait_for_selector(".mpsbook-tooltip.visible", timeout=5_000)
    assert first_label and tooltip.inner_text().split()[0] in first_label
    ring = browser_page.evaluate("m => getComputedStyle(m).strokeWidth", mark)
    assert float(ring.rstrip("px")) >= 3, "no visible focus ring"
    browser_page.keyboard.press("ArrowDown")
    assert browser_page.evaluate("m => document.activeElement !== m && document.activeElement.matches("
                                 "'.mpsbook-chart-live svg [tabindex]')", mark)
    assert browser_page.evaluate("() => document.activeElement.getAttribute('aria-label')") and tooltip.is_visible()
    browser_page.keyboard.press("Escape")
    assert not tooltip.is_visible()


@pytest.mark.parametrize("page", CHAPTERS)
def test_screen_readers_hear_each_chart_description_once_and_each_mark_label(watched_page, site_url, page):
    browser_page = open_page(watched_page, site_url, page)
    for number, chart in enumerate(browser_page.query_selector_all(".mpsbook-chart")):
        description = chart.query_selector(".mpsbook-chart-live svg").get_attribute("aria-label")
        assert chart.query_selector(".mpsbook-chart-static").get_attribute("aria-label").endswith(description)
        tree = browser_page.locator(".mpsbook-chart").nth(number).aria_snapshot().replace("''", "'")  # YAML quoting
        assert tree.count(description[:60]) == 1, tree[:500]
        labels = chart.eval_on_selector_all(".mpsbook-chart-live svg [tabindex]", "ms => ms.map(m => m.getAttribute('aria-label'))")
        assert labels and all(labels)


def test_search_highlights_the_terms_on_the_page_opened_and_the_highlight_can_be_cleared(watched_page, site_url):
    browser_page = watched_page.page
    browser_page.goto(f"{site_url}/search.html?q=Clean+Net", wait_until="load")
    browser_page.wait_for_selector("#search-results ul li", timeout=15_000)
    previews = browser_page.eval_on_selector_all("#search-results p.context", "ps => ps.map(p => p.textContent)")
    assert previews and not [p for p in previews if "mpsbook." in p or "Contents" in p], previews
    browser_page.click("#search-results ul li a[href*='cybersecurity']")
    browser_page.wait_for_selector("span.highlighted", state="attached", timeout=5_000)
    assert browser_page.evaluate("() => localStorage.getItem('sphinx_highlight_terms')") is None
    browser_page.click(".mpsbook-highlight-bar button")
    assert browser_page.query_selector_all("span.highlighted") == []
    browser_page.reload(wait_until="load")
    browser_page.wait_for_timeout(200)
    assert browser_page.query_selector_all("span.highlighted") == []


A4_PRINTABLE = 718  # CSS px: 210 mm less two margins of 10 mm


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (Debian's poppler-utils) is not installed")
@pytest.mark.parametrize("page", toc_pages())
def test_a_printed_page_holds_every_chart_label_and_nothing_wider_than_the_paper(watched_page, site_url, page,
                                                                                  tmp_path):
    browser_page = open_page(watched_page, site_url, page)
    browser_page.set_viewport_size({"width": A4_PRINTABLE, "height": 1000})
    browser_page.emulate_media(media="print")
    layout = browser_page.evaluate(OVERFLOWING)
    # Chart boxes must fit; the text inside them is checked below and in the next test.
    outside_charts = [found for found in layout["found"] if not found.startswith(("g.", "text.", "path.", "g "))]
    assert outside_charts == [] and layout["scrollWidth"] <= A4_PRINTABLE, layout
    assert browser_page.eval_on_selector_all(
        ".mpsbook-chart svg", f"svgs => svgs.filter(s => s.getBoundingClientRect().right > {A4_PRINTABLE} + 1).length") == 0
    chrome = browser_page.eval_on_selector_all(
        "details summary, .prev-next-area, .bd-header, .bd-sidebar-primary, .headerlink",
        "els => els.filter(e => e.getClientRects().length).length")
    assert chrome == 0, "interface printed"
    labels = browser_page.eval_on_selector_all(
        ".mpsbook-chart-static:not(.mpsbook-chart-static--narrow) svg text",
        # vega hides overlapping labels; text past the paper's edge is the next test's
        f"ts => ts.filter(t => getComputedStyle(t).opacity !== '0' && t.getBoundingClientRect().right <= {A4_PRINTABLE} + 1)"
        ".map(t => t.textContent)")
    pdf = tmp_path / "page.pdf"
    browser_page.pdf(path=str(pdf), format="A4", margin={side: "10mm" for side in ("top", "right", "bottom", "left")})
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = re.sub(r"\s+", "", text)
    missing = [label for label in labels if re.sub(r"\s+", "", label) not in squeezed]
    assert missing == []


@pytest.mark.parametrize("page", CHAPTERS)
def test_printed_chart_text_stays_inside_the_paper(watched_page, site_url, page):
    browser_page = open_page(watched_page, site_url, page)
    browser_page.set_viewport_size({"width": A4_PRINTABLE, "height": 1000})
    browser_page.emulate_media(media="print")
    widest = browser_page.eval_on_selector_all(
        ".mpsbook-chart-static:not(.mpsbook-chart-static--narrow) svg text",
        "ts => Math.max(...ts.map(t => t.getBoundingClientRect().right))")
    assert widest <= A4_PRINTABLE + 1


def _contrast(first, second):
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture(scope="module")
def dark_context(browser, site_url):
    """A context whose pages open in dark mode, as the theme's switch leaves them for a reader."""
    with site_context_holding_a_page(
            browser, site_url,
            init_script="localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');") as context:
        yield context


@pytest.mark.parametrize("page", CHAPTERS)
def test_charts_in_dark_mode_are_dark_with_text_at_contrast_4_5_drawn_or_static(dark_context, site_url, page):
    with watched_tab(dark_context, site_url) as watch:
        browser_page = open_page(watch, site_url, page)
        assert browser_page.get_attribute("html", "data-theme") == "dark"
        colours = browser_page.evaluate("""() => {
            const rgb = c => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
            return [...document.querySelectorAll('.mpsbook-chart svg')].map(svg => {
                const chart = svg.closest('.mpsbook-chart-static');
                if (chart) chart.style.setProperty('display', 'block', 'important');  // measure the static SVG too
                const result = {background: rgb(getComputedStyle(svg).backgroundColor),
                                texts: [...svg.querySelectorAll('text')].map(t => rgb(getComputedStyle(t).fill))};
                if (chart) chart.style.removeProperty('display');
                return result;
            });
        }""")
    assert colours
    for chart in colours:
        assert sum(chart["background"]) < 3 * 60, chart["background"]
        worst = min(_contrast(text, chart["background"]) for text in chart["texts"])
        assert worst >= 4.5, worst


@pytest.mark.parametrize("page", CHAPTERS[:1])
def test_the_chart_tooltip_is_dark_in_dark_mode_with_text_at_contrast_4_5(dark_context, site_url, page):
    with watched_tab(dark_context, site_url) as watch:
        browser_page = open_page(watch, site_url, page)
        _first_mark(browser_page).focus()
        tooltip = browser_page.wait_for_selector(".mpsbook-tooltip.visible", timeout=5_000)
        colours = tooltip.evaluate("""t => {
            const rgb = c => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
            return {background: rgb(getComputedStyle(t).backgroundColor),
                    texts: [t, ...t.querySelectorAll('td')].map(e => rgb(getComputedStyle(e).color))};
        }""")
    assert sum(colours["background"]) < 3 * 60, colours["background"]
    assert min(_contrast(text, colours["background"]) for text in colours["texts"]) >= 4.5, colours
