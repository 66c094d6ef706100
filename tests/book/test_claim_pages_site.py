"""Each claim's page in the built site: its address, head (title, Open Graph), share card, links to the claims
before and after it, its ClaimReview, its length, and its weight beside the chapters.

The files are read as written; the reading of a page (visible words, width, links followed) is done in
Chromium, each page opened once in a tab of its own, as in test_site_pages.py.
"""

import html
import re
import struct
from urllib.parse import urljoin, urlparse

import pytest
from conftest import CHAPTERS

from mpsbook.present import claim_pages, pages
from mpsbook.present.charts import RATING_COLOURS

pytestmark = pytest.mark.browser

WORD_LIMIT = 800


@pytest.fixture(scope="module")
def tables():
    return pages.page_tables()


@pytest.fixture(scope="module")
def keys(tables):
    return claim_pages.claim_order(tables)


@pytest.fixture(scope="module")
def loaded(loaded_pages):
    return loaded_pages


def meta(text: str, prop: str) -> list:
    return [html.unescape(value) for value in
            re.findall(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)" />', text)]


def test_every_claim_has_a_page_with_its_own_title_and_open_graph_tags(site_dir, tables, keys):
    assert sorted(path.stem for path in (site_dir / "book" / "claim").glob("*.html")) == sorted(keys)  # and no other
    for key in keys:
        text = (site_dir / "book" / "claim" / f"{key}.html").read_text(encoding="utf-8")
        title = claim_pages.page_title(key, tables)
        [shown] = re.findall(r"<title>(.*?)</title>", text)
        assert html.unescape(shown).startswith(f"{title} \u2014 "), key
        assert meta(text, "og:title") == [title]
        verdict = claim_pages.claim_verdict(tables["verdicts"].set_index("claim_key").loc[key])
        [description] = meta(text, "og:description")
        assert description == claim_pages.page_description(key, tables) and f"Verdict: {verdict}." in description
        assert meta(text, "description") == [description]  # one description, not the method sentence too
        # The book sets no site address (html_baseurl): no og:url, and the card's address relative to the page.
        assert meta(text, "og:url") == [] and meta(text, "og:image") == [f"{key}.png"]
        assert meta(text, "og:image:width") == ["1200"] and meta(text, "og:image:height") == ["630"]


def test_every_share_card_is_a_1200_by_630_png_as_the_package_draws_it(site_dir, tables, keys):
    for key in keys:
        data = (site_dir / "book" / "claim" / f"{key}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1200, 630), key
    # Drawn again in this process, a card has the bytes the build wrote (the second build: test_sphinxext.py).
    key = keys[0]
    assert claim_pages.share_card(key, tables, RATING_COLOURS) == (site_dir / "book" / "claim" / f"{key}.png").read_bytes()


def test_each_claim_page_links_the_claims_before_and_after_it(loaded, site_url, keys):
    for at, key in enumerate(keys):
        page = loaded(f"book/claim/{key}.html")
        previous = page.eval_on_selector_all("a[rel=prev]", "links => links.map(a => a.href)")
        following = page.eval_on_selector_all("a[rel=next]", "links => links.map(a => a.href)")
        assert previous == ([f"{site_url}/book/claim/{keys[at - 1]}.html"] if at else []), key
        assert following == ([f"{site_url}/book/claim/{keys[at + 1]}.html"] if at + 1 < len(keys) else []), key


def test_each_claim_page_links_back_to_its_summary_at_the_old_anchor(loaded, site_url, keys):
    for key in keys:
        page = loaded(f"book/claim/{key}.html")
        [link] = page.eval_on_selector_all(".mpsbook-claim-analysis a", "links => links.map(a => a.href)")
        target = urlparse(link)
        assert target.fragment == f"claim-{key}" and target.path.lstrip("/") in CHAPTERS, link
        assert loaded(target.path.lstrip("/")).query_selector(f"[id='claim-{key}']")


def test_every_claim_page_is_under_800_visible_words_and_fits_a_phone(loaded, keys):
    counts = {}
    for key in keys:
        page = loaded(f"book/claim/{key}.html")
        text = page.eval_on_selector("article.bd-article", """article => {
            const copy = article.cloneNode(true);
            copy.querySelectorAll('.mpsbook-sr, script, details > :not(summary)').forEach(e => e.remove());
            document.body.appendChild(copy);
            const text = copy.innerText;
            copy.remove();
            return text;
        }""")
        counts[key] = len(text.split())
    assert all(count < WORD_LIMIT for count in counts.values()), counts
    for key in keys:  # no sideways scrolling on a phone, the readings table included
        page = loaded(f"book/claim/{key}.html")
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, key


def test_the_claim_review_of_each_page_is_that_page(loaded, keys):
    import json

    for key in keys:
        page = loaded(f"book/claim/{key}.html")
        [text] = page.eval_on_selector_all('script[type="application/ld+json"]', "s => s.map(e => e.textContent)")
        review = json.loads(text)
        assert review["@type"] == "ClaimReview" and urljoin(page.url, review["url"]) == page.url, key


def test_a_claim_page_weighs_at_most_a_third_of_the_smallest_chapter(site_dir, keys):
    chapters = min((site_dir / chapter).stat().st_size for chapter in CHAPTERS)
    heaviest = max((site_dir / "book" / "claim" / f"{key}.html").stat().st_size for key in keys)
    assert heaviest * 3 <= chapters, (heaviest, chapters)
