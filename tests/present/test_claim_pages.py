"""Each claim's own page and its share card, as the package fills them (mpsbook.present.claim_pages, mpsbook.present.share_card).

Links are asked of test_pages.py's stand-in, which writes ``test:<kind>/<target>``; the built pages are
tested in tests/book/test_claim_pages_site.py.
"""

import html
import re

from page_parts import LINKS, Elements

import mpsbook
from mpsbook.present import claim_pages, pages

OPTIONS = {"ratings": mpsbook.RATINGS, "readings": mpsbook.READINGS, "colours": mpsbook.present.charts.RATING_COLOURS,
           "links": LINKS}
WORD_LIMIT = 800


def visible_words(text: str) -> int:
    """The words a reader sees in ``text`` (HTML): no scripts, no closed Cite block, no text for screen readers."""
    text = re.sub(r"<script\b.*?</script>", " ", text, flags=re.S)
    text = re.sub(r'<details class="mpsbook-cite">.*?</details>', " ", text, flags=re.S)
    text = re.sub(r'<span class="mpsbook-sr">.*?</span>', " ", text, flags=re.S)
    return len(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_every_claim_page_names_the_claim_and_its_verdict_in_its_heading(tables):
    verdicts = tables["verdicts"].set_index("claim_key")
    for key in claim_pages.claim_order(tables):
        page = claim_pages.claim_page_html(key, tables, **OPTIONS)
        [heading] = re.findall(r"<h1>(.*?)<a", page)
        quote = pages.first_mentions(tables["claims"]).loc[key, "quote"]
        assert html.unescape(heading) == f"“{quote}”: {verdicts.loc[key, 'rating']}" == claim_pages.page_title(key, tables)
        assert f"Verdict: {verdicts.loc[key, 'rating']}." in claim_pages.page_description(key, tables)


def test_the_verdict_is_read_through_one_column(tables, monkeypatch):
    """Switching the verdict scale is one constant: every title, page and card follows it."""
    changed = {**tables, "verdicts": tables["verdicts"].assign(verdict="Incorrect")}
    monkeypatch.setattr(pages, "VERDICT_COLUMN", "verdict")
    key, reason = tables["verdicts"][["claim_key", "reason"]].iloc[0]
    assert claim_pages.page_title(key, changed).endswith(": Incorrect")
    page = claim_pages.claim_page_html(key, changed, **OPTIONS)
    assert 'data-rating="Incorrect"' in page and '"alternateName":"Incorrect"' in page  # the ClaimReview too
    scorecard = pages.scorecard_html(changed["claims"], changed["verdicts"], mpsbook.present.charts.RATING_COLOURS, LINKS)
    assert scorecard.count('data-rating="Incorrect"') == len(changed["verdicts"])
    summary = claim_pages.claim_summary_html(key, changed, colours=mpsbook.present.charts.RATING_COLOURS, links=LINKS)
    assert 'data-rating="Incorrect"' in summary
    assert f"Why this verdict:</span> {html.escape(reason)}, by the question" in page  # the finer reason


def test_a_page_shows_what_was_searched_only_where_no_figure_of_its_own_settled_the_verdict(tables):
    searched = set(tables["searches"]["claim_key"])
    for key, rating in tables["verdicts"].set_index("claim_key")["rating"].items():
        shown = 'id="searched"' in claim_pages.claim_page_html(key, tables, **OPTIONS)
        assert shown == (key in searched and rating not in mpsbook.rate.ratings.SETTLED_BY_A_FIGURE), key
    key = tables["searches"]["claim_key"].iloc[0]  # a claim with a search record, settled: the search is left off
    settled = {**tables, "verdicts": tables["verdicts"].assign(
        rating=tables["verdicts"]["rating"].where(tables["verdicts"]["claim_key"] != key, "impossible"))}
    page = claim_pages.claim_page_html(key, settled, **OPTIONS)
    assert 'id="searched"' not in page and "Not found" not in page


def test_every_mention_is_shown_in_its_own_sentence_with_its_paragraph(tables):
    for mention in tables["claims"].itertuples():
        before, quote, after = claim_pages.quote_in_sentence(tables["article"], mention.quote, mention.paragraph)
        sentence = before + quote + after
        assert quote == mention.quote and sentence in claim_pages.paragraph_text(tables["article"], mention.paragraph)
        assert sentence[0].isupper() and sentence.rstrip("\u201d\"\u2019)")[-1] in ".!?", (mention.claim_id, sentence)
    # The article runs two sentences together ("cybersecurity.In 2022"): the quote's sentence starts after it.
    before, _, after = claim_pages.quote_in_sentence(tables["article"], "over 250,000 cybercrime cases", 1)
    assert before == "In 2022 alone the Ministry broke " and after.endswith("suspects.")


def test_the_readings_table_is_shown_only_where_a_reading_changes_the_verdict(tables):
    sensitivity = tables["sensitivity"]
    changes = {key for key, group in sensitivity.groupby("claim_key")
               if group["rating"].nunique() > 1}
    assert changes  # the book has at least one such claim, or this test would prove nothing
    for key in claim_pages.claim_order(tables):
        page = claim_pages.claim_page_html(key, tables, **OPTIONS)
        assert ("mpsbook-sensitivity" in page) == (key in changes), key
        assert ("Every reading of the article" in page) == (key not in changes), key


def test_each_page_links_the_claims_before_and_after_it_in_article_order(tables):
    order = claim_pages.claim_order(tables)
    assert order == list(dict.fromkeys(tables["claims"]["claim_key"]))  # the ledger comes in article order
    for at, key in enumerate(order):
        page = Elements(claim_pages.claim_page_html(key, tables, **OPTIONS))
        previous = [a["href"] for a in page.having("a", rel="prev")]
        following = [a["href"] for a in page.having("a", rel="next")]
        assert previous == ([f"test:claim/{order[at - 1]}"] if at else [])
        assert following == ([f"test:claim/{order[at + 1]}"] if at + 1 < len(order) else [])
        assert [a["href"] for a in page.having("a") if a["href"].startswith("test:claim-in-chapter/")] == [
            f"test:claim-in-chapter/{key}"]


def test_every_claim_page_is_under_the_word_limit(tables):
    counts = {key: visible_words(claim_pages.claim_page_html(key, tables, **OPTIONS))
              for key in claim_pages.claim_order(tables)}
    assert all(count < WORD_LIMIT for count in counts.values()), counts


def test_a_chapters_summary_keeps_the_old_anchor_and_links_the_claims_page(tables):
    for key in claim_pages.claim_order(tables):
        summary = Elements(claim_pages.claim_summary_html(key, tables, colours=mpsbook.present.charts.RATING_COLOURS, links=LINKS))
        assert summary.having("div", id=f"claim-{key}")
        assert [a["href"] for a in summary.having("a")] == [f"test:claim/{key}"]
        assert not summary.scripts  # the ClaimReview is the page's alone


def test_a_claim_page_says_once_how_its_figures_were_read(tables):
    references = tables["references"].set_index("ref_id")
    for key in claim_pages.claim_order(tables):
        verdict = tables["verdicts"].set_index("claim_key").loc[key]
        # A figure both compared and named as the number's likely origin is shown once.
        shown = list(dict.fromkeys(pages.cell_ids(verdict["ref_ids"]) + pages.cell_ids(verdict["possible_origin"])))
        ways = set(references.loc[shown, "how"]) if shown else set()
        page = html.unescape(claim_pages.claim_page_html(key, tables, **OPTIONS))
        for how in ways:
            assert page.count(how) == (1 if len(ways) == 1 else len([r for r in shown if references.loc[r, "how"] == how]))
        assert page.count("Read on 20") == len(shown), key  # each figure keeps its date
