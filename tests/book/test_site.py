"""The built site as a reader's browser meets it, page by page: offline, drawn, accessible, light.

Each page is loaded once and every check here only reads it; the checks that act on a page
(hover, print, dark mode, search, downloads) are in test_site_interaction.py.
"""

import json

import pytest
from conftest import CHAPTERS, PageWatch, open_page, toc_pages
from helpers import prose_of

import mpsbook

pytestmark = pytest.mark.browser

PAGES = [*toc_pages(), "search.html"]


@pytest.fixture(scope="module")
def loaded(site_context, site_url):
    """Each page opened once, in a tab of its own, for the checks that only read it.

    Requests to other hosts and console errors are recorded from the first load on, through
    every check that reads the page afterwards.
    """
    watches = {}

    def load(page):
        if page not in watches:
            watches[page] = watch = PageWatch(site_context.new_page(), site_url)  # stored first: closed even if it fails
            open_page(watch, site_url, page)
            watch.page.wait_for_timeout(300)
        return watches[page]

    yield load
    for watch in watches.values():
        watch.page.close()


def stored_chart_count(page):
    notebook = json.loads((mpsbook.ledger.data.ROOT_DIR / page.replace(".html", ".ipynb")).read_text(encoding="utf-8"))
    text = prose_of(notebook["cells"])
    return text.count("{glue:figure}")


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_with_no_outside_request_and_no_error(loaded, page):
    watch = loaded(page)
    assert watch.outside == []
    assert watch.errors == []


@pytest.mark.parametrize("page", CHAPTERS)
def test_every_chart_is_drawn_by_vega(loaded, page):
    browser_page = loaded(page).page
    expected = stored_chart_count(page)
    assert expected > 0
    assert len(browser_page.query_selector_all(".mpsbook-chart")) == expected
    drawn = browser_page.eval_on_selector_all(
        ".mpsbook-chart--live .mpsbook-chart-live svg",
        "svgs => svgs.map(svg => svg.querySelectorAll('.mark-rect path, .mark-symbol path, .mark-line path').length)",
    )
    assert len(drawn) == expected and all(marks > 0 for marks in drawn), drawn
    hidden = browser_page.eval_on_selector_all(".mpsbook-chart-static", "els => els.map(e => e.offsetParent === null)")
    assert all(hidden), "the static SVG stays visible beside the drawn chart"


@pytest.mark.parametrize("page", CHAPTERS)
def test_charts_are_drawn_in_the_books_font_served_by_the_site(loaded, page):
    # The font vl-convert measured the labels with, loaded from the site itself, and the only family charts name.
    browser_page = loaded(page).page
    assert browser_page.evaluate("""async () => {
        await document.fonts.ready;
        return [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'MPSBook Sans' && f.status === 'loaded')
            .map(f => f.weight).sort();
    }""") == ["400", "700"]
    families = browser_page.eval_on_selector_all(
        ".mpsbook-chart svg text", "texts => [...new Set(texts.map(t => getComputedStyle(t).fontFamily.split(',')[0]))]")
    assert families == ['"MPSBook Sans"']


@pytest.mark.parametrize("page", CHAPTERS)
def test_every_chart_has_an_accessible_name_and_description(loaded, page):
    browser_page = loaded(page).page
    for chart in browser_page.query_selector_all(".mpsbook-chart"):
        static = chart.query_selector(".mpsbook-chart-static")
        assert ": " in (static.get_attribute("aria-label") or ""), "title: description"
        live = chart.query_selector(".mpsbook-chart-live svg")
        assert live.get_attribute("aria-label") or live.get_attribute("aria-roledescription")


@pytest.mark.parametrize("page", toc_pages())
def test_page_has_a_title_a_description_and_the_licence(loaded, page):
    browser_page = loaded(page).page
    assert browser_page.title().strip()
    description = browser_page.get_attribute('meta[name="description"]', "content")
    assert description and len(description) > 40
    assert "CC BY 4.0" in browser_page.inner_text("footer.bd-footer-content")


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_offers_its_notebook_and_its_data(loaded, page):
    browser_page = loaded(page).page
    notebook = page.rsplit("/", 1)[-1].replace(".html", ".ipynb")
    hrefs = browser_page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href') || '')")
    assert any(href.endswith(notebook) for href in hrefs), "no download of the notebook"
    assert any(href.endswith(".csv") for href in hrefs), "no download of the data"


@pytest.mark.parametrize("page", toc_pages())
def test_reader_pages_show_no_code_and_no_code_toggle(loaded, page):
    browser_page = loaded(page).page
    assert browser_page.query_selector_all(".cell_input, .bd-article details.hide, .bd-article details.above-input") == []
    assert "code cell" not in browser_page.inner_text("article")


@pytest.mark.parametrize("page", ["book/intro.html", "book/article.html"])
def test_the_landing_page_and_the_article_offer_the_notebook_behind_them(loaded, page):
    hrefs = loaded(page).page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href') || '')")
    assert any(href.endswith("/claims.ipynb") for href in hrefs), "no download of the notebook"


PAGE_BUDGET = 1_500_000  # bytes, uncompressed, vega included: the budget `make bench` also reports


@pytest.mark.parametrize("page", PAGES)
def test_page_transfers_at_most_its_budget_and_nothing_unused(loaded, page):
    browser_page = loaded(page).page
    resources = browser_page.evaluate("""async () => {
        await document.fonts.ready;
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
            .map(entry => [entry.name, entry.decodedBodySize]); }""")
    names = [name.split("?")[0] for name, _ in resources]
    assert not [name for name in names if name.endswith(("fontawesome.js", "fa-solid-900.woff2"))]
    assert len(names) == len(set(names)), "a file is requested twice"
    assert any(name.endswith("mpsbook-icons.woff2") for name in names)
    assert (("vega-" in " ".join(names)) == bool(browser_page.query_selector(".mpsbook-chart"))), \
        "vega is loaded where there is no chart, or missing where there is"
    total = sum(size for _, size in resources)
    assert total <= PAGE_BUDGET, sorted(resources, key=lambda item: -item[1])[:5]


@pytest.mark.parametrize("page", PAGES)
def test_every_icon_shown_is_in_the_cut_icon_font(loaded, site_dir, page):
    from fontTools.ttLib import TTFont

    glyphs = TTFont(site_dir / "_static" / "mpsbook-icons.woff2").getBestCmap()
    browser_page = loaded(page).page
    shown = browser_page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(element =>
        ['::before', '::after'].flatMap(pseudo => {
            const style = getComputedStyle(element, pseudo);
            if (!style.fontFamily.includes('Font Awesome') || !style.content.startsWith('"')) return [];
            return [...JSON.parse(style.content)].map(c => c.codePointAt(0)).filter(c => c >= 0xe000);
        }))""")
    assert shown, "no icon found on the page"
    assert sorted({hex(c) for c in shown if c not in glyphs}) == []


# axe-core from npm (package-lock.json), run in the page as it is drawn.
AXE = mpsbook.ledger.data.ROOT_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Findings in the theme's own markup that the book does not change, each with its rule and where it is (a CSS
# selector axe gives). Moderate, never serious: the sidebar's title link lies outside any landmark.
THEME_FINDINGS = {("region", ".sidebar-primary-items__start > .sidebar-primary-item:nth-child(1)")}


def axe_findings(browser_page) -> list[tuple[str, str, str, str]]:
    """axe-core's violations on the page as (rule, impact, node, help), one per node, less THEME_FINDINGS."""
    if not browser_page.evaluate("() => typeof axe !== 'undefined'"):
        browser_page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = browser_page.evaluate("""() => axe.run(document).then(results => results.violations.flatMap(
        v => v.nodes.map(node => [v.id, v.impact, node.target.join(' '), v.help])))""")
    return [tuple(v) for v in violations if (v[0], v[2]) not in THEME_FINDINGS]


# Last among the tests that read the pages: axe fetches each page's style sheets again to read them (its CSSOM
# preload), which test_page_transfers_at_most_its_budget_and_nothing_unused would count as a second request.
CLAIM_PAGES = [f"book/claim/{key}.html" for key in mpsbook.load_table("verdicts")["claim_key"]]


@pytest.mark.parametrize("page", PAGES + CLAIM_PAGES)
def test_no_accessibility_violation_by_axe(loaded, page):
    # Every rule axe runs by default (WCAG 2.0 to 2.2 A and AA, and its best practices, landmark-unique among them),
    # at every impact: none serious or critical, and none at all in the book's own markup.
    assert axe_findings(loaded(page).page) == []

def test_axe_catches_what_the_book_once_had(site_context):
    # The article's old mention link (its aria-label does not contain the rating it shows) and two scroll boxes
    # with the one name they all had: WCAG 2.5.3's label in name, serious, and landmark-unique.
    page = site_context.new_page()
    try:
        page.set_content(
            '<html lang="en"><head><title>t</title></head><body><main><h1>t</h1><p>'
            '<a href="#x" aria-label="\u201cover 250,000 cases\u201d: rated correct. Open the check of this claim.">'
            '<mark>over 250,000 cases</mark><span aria-hidden="true">correct</span></a></p>'
            + '<div role="region" tabindex="0" aria-label="Table, scrolls sideways"><table><tr><td>1</td></tr></table></div>' * 2
            + '</main></body></html>')
        found = {(rule, impact) for rule, impact, _, _ in axe_findings(page)}
    finally:
        page.close()
    assert {("label-content-name-mismatch", "serious"), ("landmark-unique", "moderate")} <= found, found
