"""The generated pages in the built site, in a browser: the scorecard, the claim pages and their links, the
annotated article, the sources, each chart's data, the ClaimReview JSON-LD and the edition in every footer.

Each page is loaded once (as in test_site.py); requests to other hosts and console errors fail the page.
"""

import csv
import io
import json
from urllib.parse import urljoin, urlparse

import pytest
from conftest import CHAPTERS, toc_pages
from page_parts import SCHEMA, offline_loader
from pyld import jsonld

import mpsbook
from mpsbook.present import pages
from mpsbook.present.citation import book_edition

pytestmark = pytest.mark.browser

INTRO, ARTICLE, SOURCES, CORRECTIONS = "book/intro.html", "book/article.html", "book/sources.html", "book/corrections.html"


@pytest.fixture(scope="module")
def loaded(loaded_pages):
    return loaded_pages


@pytest.fixture(scope="module")
def tables():
    return pages.page_tables()


def claim_keys(tables):
    return list(dict.fromkeys(tables["claims"]["claim_key"]))


def hrefs(page, selector):
    return page.eval_on_selector_all(selector, "links => links.map(a => a.href)")


def test_scorecard_has_one_row_per_claim_in_article_order(loaded, tables):
    page = loaded(INTRO)
    rows = page.eval_on_selector_all(".mpsbook-scorecard tbody tr", "rows => rows.map(r => r.dataset.claim)")
    assert rows == claim_keys(tables)
    ratings = page.eval_on_selector_all(".mpsbook-scorecard tbody .mpsbook-rating", "r => r.map(e => e.textContent)")
    verdicts = list(tables["verdicts"].set_index("claim_key").loc[rows, "rating"])
    assert ratings == [verdict[0].upper() + verdict[1:] for verdict in verdicts]  # a label: its first letter capital


def test_every_claim_link_lands_on_the_claims_own_page(loaded, site_url, tables):
    links = hrefs(loaded(INTRO), ".mpsbook-scorecard a") + hrefs(loaded(ARTICLE), "a.mpsbook-mention")
    links += hrefs(loaded(CORRECTIONS), ".mpsbook-corrections a")
    for chapter in CHAPTERS:
        links += hrefs(loaded(chapter), ".mpsbook-claim-box a.mpsbook-claim-page-link")
    pages_linked = {urlparse(link).path.lstrip("/") for link in links}
    assert pages_linked == {f"book/claim/{k}.html" for k in claim_keys(tables)}
    for path in sorted(pages_linked):
        key = path.removeprefix("book/claim/").removesuffix(".html")
        assert loaded(path).query_selector(f"section[data-claim='{key}'] h1"), f"{path} is not the page of {key}"


def test_every_claim_keeps_its_old_anchor_on_the_chapter_that_checks_it(loaded, tables):
    """book/crime.html#claim-... and the like, cited by the feed, the BibTeX and the PDF of earlier editions."""
    boxes = [(chapter, key) for chapter in CHAPTERS
             for key in loaded(chapter).eval_on_selector_all(".mpsbook-claim-box", "b => b.map(e => e.dataset.claim)")]
    assert sorted(key for _, key in boxes) == sorted(claim_keys(tables))
    for chapter, key in boxes:
        assert loaded(chapter).query_selector(f"[id='claim-{key}'] a.mpsbook-claim-page-link"), (chapter, key)


def test_article_page_marks_every_mention_focusable_with_its_rating_in_words(loaded, tables):
    page = loaded(ARTICLE)
    mentions = page.eval_on_selector_all("a.mpsbook-mention", """links => links.map(a => {
        a.focus();
        return {claim: a.dataset.claim, focused: document.activeElement === a, label: a.textContent,
                shown: a.querySelector('.mpsbook-mention-rating').textContent, text: a.querySelector('mark').textContent};
    })""")
    assert [m["claim"] for m in mentions] == list(tables["claims"]["claim_key"])
    ratings = tables["verdicts"].set_index("claim_key")["rating"]
    for mention, quote in zip(mentions, tables["claims"]["quote"], strict=True):
        assert mention["focused"] and mention["text"] == quote
        assert mention["shown"] == ratings[mention["claim"]]
        assert mention["label"] == f"{quote}, rated {ratings[mention['claim']]}"  # its name: what it shows
    paragraphs = page.eval_on_selector_all("ol.mpsbook-article > li", "items => items.map(li => li.id)")
    assert paragraphs == [f"p-{n}" for n in range(1, len(paragraphs) + 1)]
    assert page.query_selector(".mpsbook-leftover") and page.query_selector(".mpsbook-misspelling")


def test_every_official_figure_address_is_a_link_that_wraps(loaded, tables):
    page = loaded(SOURCES)
    links = page.eval_on_selector_all("a.mpsbook-source-link", """links => links.map(a => ({
        href: a.getAttribute('href'), right: a.getBoundingClientRect().right,
        column: a.closest('article').getBoundingClientRect().right}))""")
    references = tables["references"]
    sections = list(dict.fromkeys(references["section"]))  # the page groups the figures by section, as first met
    listed = references.assign(order=references["section"].map(sections.index)).sort_values("order", kind="stable")
    assert [link["href"] for link in links] == list(listed["url"])
    assert all(link["right"] <= link["column"] + 1 for link in links), "an address runs past the text column"


def test_every_official_figure_has_an_archive_lookup_beside_its_link_named_for_it(loaded, tables):
    page = loaded(SOURCES)
    pairs = page.eval_on_selector_all("li.mpsbook-reference", """items => items.map(li => ({
        live: li.querySelector('a.mpsbook-source-link').getAttribute('href'),
        archive: li.querySelector('a.mpsbook-archive-link').getAttribute('href'),
        name: li.querySelector('a.mpsbook-archive-link').getAttribute('aria-label'),
        read: li.querySelector('.mpsbook-source-read').textContent}))""")
    assert len(pairs) == len(tables["references"])
    for pair in pairs:
        assert pair["archive"] == "https://web.archive.org/web/*/" + pair["live"]
        assert pair["name"] == "Internet Archive copies of " + pair["live"]
        assert pair["read"].startswith("Read on 20")


def same_value(text: str) -> str:
    """A cell as compared: a number to 12 significant digits (the CSV writes 15, the chart draws 17), else the text."""
    try:
        return f"{float(text):.12g}"
    except ValueError:
        return text


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chart_offers_its_data_and_svg_and_the_data_is_what_it_draws(loaded, site_url, chapter):
    page = loaded(chapter)
    charts = page.eval_on_selector_all(".mpsbook-chart", """charts => charts.map(chart => {
        const block = chart.nextElementSibling;
        const view = chart.mpsbookView;
        const spec = JSON.parse(chart.querySelector('script.mpsbook-chart-vega').textContent);
        const drawn = spec.data.filter(d => d.values).flatMap(d => view.data(d.name).map(row => ({...row})));
        return {csv: block.querySelector('a.mpsbook-chart-csv').href, svg: block.querySelector('a.mpsbook-chart-svg').href,
                sources: Array.from(block.querySelectorAll('a[href^=http]')).length, drawn: drawn};
    })""")
    assert charts
    for chart in charts:
        table = list(csv.DictReader(io.StringIO(page.request.get(chart["csv"]).text())))
        drawn = [{field: "" if row.get(field) is None else str(row[field]) for field in table[0]} for row in chart["drawn"]]
        key = lambda row: json.dumps({field: same_value(text) for field, text in row.items()}, sort_keys=True)  # noqa: E731
        assert sorted(map(key, table)) == sorted(map(key, drawn))
        assert page.request.get(chart["svg"]).text().startswith("<svg")


def test_json_ld_holds_one_claim_review_per_claim_on_its_own_page(loaded, site_url, tables):
    reviews = {}
    for page in [*CHAPTERS, *(f"book/claim/{key}.html" for key in claim_keys(tables))]:
        page = loaded(page)
        for text in page.eval_on_selector_all('script[type="application/ld+json"]', "s => s.map(e => e.textContent)"):
            for node in jsonld.expand(json.loads(text), {"documentLoader": offline_loader}):
                assert node["@type"] == [SCHEMA + "ClaimReview"]
                url = urljoin(page.url, node[SCHEMA + "url"][0]["@value"])
                key = urlparse(url).path.removeprefix("/book/claim/").removesuffix(".html")
                assert url == page.url and key not in reviews
                reviews[key] = node[SCHEMA + "reviewRating"][0][SCHEMA + "alternateName"][0]["@value"]
    assert reviews == dict(tables["verdicts"].set_index("claim_key")["rating"])


def test_every_page_footer_gives_the_edition_and_where_to_report_an_error(site_dir):
    about = book_edition(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff")
    line = f"Version {about['version']}, released {about['date']}."
    for page in toc_pages():
        text = (site_dir / page).read_text(encoding="utf-8")
        assert line in text and "Found an error?" in text, page
        assert '<meta property="og:title"' in text and '<meta property="og:description"' in text, page


def test_every_claim_page_and_chart_has_a_cite_block_whose_address_is_where_it_is(loaded, site_url, tables):
    cited = {}
    for key in claim_keys(tables):
        page = loaded(f"book/claim/{key}.html")
        [block] = page.eval_on_selector_all("details.mpsbook-cite", """blocks => blocks.map(block => ({
            address: block.querySelector('a.mpsbook-cite-address').textContent,
            href: block.querySelector('a.mpsbook-cite-address').href,
            bibtex: block.querySelector('pre.mpsbook-cite-bibtex').textContent}))""")
        assert block["address"] == block["href"] == f"{site_url}/book/claim/{key}.html", block
        assert f'url = "{block["address"]}"' in block["bibtex"]
    for chapter in CHAPTERS:
        page = loaded(chapter)
        blocks = page.eval_on_selector_all("details.mpsbook-cite", """blocks => blocks.map(block => ({
            address: block.querySelector('a.mpsbook-cite-address').textContent,
            href: block.querySelector('a.mpsbook-cite-address').href,
            bibtex: block.querySelector('pre.mpsbook-cite-bibtex').textContent,
            holder: (block.closest('.mpsbook-claim-box, figure') || {}).id}))""")
        figures = page.eval_on_selector_all("figure:has(.mpsbook-chart)", "figures => figures.map(f => f.id)")
        assert sorted(b["holder"] for b in blocks if b["holder"].startswith("fig-")) == sorted(figures), chapter
        for block in blocks:
            # served over HTTP, the page completes the path within the site into the full address
            assert block["address"] == block["href"] == f"{site_url}/{chapter}#{block['holder']}", block
            assert f'url = "{block["address"]}"' in block["bibtex"]
            assert page.query_selector(f"[id='{block['holder']}']")
            cited[block["holder"]] = block
    assert cited and all(holder.startswith("fig-") for holder in cited)  # a claim is cited on its own page


def test_the_corrections_feed_is_named_by_every_page_and_links_to_each_claims_page(loaded, site_dir, site_url, tables):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring((site_dir / "corrections.atom").read_bytes())
    entries = root.findall(f"{atom}entry")
    assert len(entries) == len(tables["corrections"])
    for entry in entries:
        target = urlparse(urljoin(f"{site_url}/corrections.atom", entry.find(f"{atom}link").get("href")))
        key = target.path.removeprefix("/book/claim/").removesuffix(".html")
        assert not target.fragment and loaded(target.path.lstrip("/")).query_selector(f"[data-claim='{key}']"), target
    for page in toc_pages():
        assert '<link rel="alternate" type="application/atom+xml"' in (site_dir / page).read_text(encoding="utf-8")
    corrections = loaded(CORRECTIONS)
    feed = corrections.eval_on_selector(".mpsbook-feed a", "a => a.href")
    assert corrections.request.get(feed).text().startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed')
