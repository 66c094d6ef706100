"""mpsbook.present.annotated_article: the article as received, its paragraphs numbered, its claims and findings marked."""

import html
import re

from page_parts import LINKS, Elements

import mpsbook
from mpsbook.present import annotated_article


def test_article_page_numbers_paragraphs_as_the_ledger_and_marks_every_mention(tables):
    page = Elements(annotated_article.article_html(tables["article"], tables["claims"], tables["verdicts"], LINKS))
    paragraphs = [a["id"] for a in page.having("li") if a.get("id", "").startswith("p-")]
    assert len(paragraphs) == sum(1 for line in tables["article"].split("\n") if line.strip())
    mentions = [a for a in page.having("a") if a.get("class") == "mpsbook-mention"]
    assert len(mentions) == len(tables["claims"])
    ratings = tables["verdicts"].set_index("claim_key")["rating"]
    names = [html.unescape(re.sub(r"<[^>]+>", "", link)) for link in re.findall(
        r'<a class="mpsbook-mention".*?</a>', annotated_article.article_html(
            tables["article"], tables["claims"], tables["verdicts"], LINKS))]
    for name, row in zip(names, tables["claims"].itertuples(), strict=True):
        assert name.startswith(row.quote) and name.endswith(f", rated {ratings[row.claim_key]}"), name
    for anchor, row in zip(mentions, tables["claims"].itertuples(), strict=True):
        assert anchor["href"] == f"test:claim/{row.claim_key}"
        assert "aria-label" not in anchor  # named by its text, which shows the quote and the rating (WCAG 2.5.3)


def test_article_page_keeps_the_text_as_received_and_offers_no_correction(tables):
    page = annotated_article.article_html(tables["article"], tables["claims"], tables["verdicts"], LINKS)
    visible = re.sub(r'<span class="mpsbook-(?:sr|mention-rating)"[^>]*>.*?</span>', "", page)
    text = html.unescape(re.sub(r"<[^>]+>", "", visible))
    paragraphs = [line for line in text.split("\n") if line]  # the template writes one paragraph a line
    assert paragraphs == [line for line in tables["article"].split("\n") if line.strip()]
    assert "closest word" not in page and "did you mean" not in page.lower()


def test_article_page_marks_web_leftovers_and_misspellings(tables):
    page = annotated_article.article_html(tables["article"], tables["claims"], tables["verdicts"], LINKS)
    leftovers = re.findall(r'<span class="mpsbook-leftover"[^>]*>(.*?)<span', page)
    assert "Leave a Reply" in leftovers
    misspelt = re.findall(r'<span class="mpsbook-misspelling"[^>]*>(.*?)<span', page)
    assert "inforcement" in misspelt


def test_article_page_marks_the_numbers_left_out_with_their_reason(tables):
    page = annotated_article.article_html(tables["article"], tables["claims"], tables["verdicts"], LINKS, tables["exclusions"])
    marked = re.findall(r'<span class="mpsbook-left-out" title="([^"]*)">(.*?)<span class="mpsbook-sr">', page)
    account = mpsbook.number_account(tables["article"], tables["claims"], tables["exclusions"])
    left_out = account[account["status"] == "left out"]
    assert marked == [(f"left out of the check: {row.reason}", row.expression) for row in left_out.itertuples()]
    assert len(marked) > 0


def test_article_marks_nest_and_never_cross(tables):
    marks = annotated_article.article_marks(tables["article"], tables["claims"], tables["exclusions"])
    assert any(kind == "left out" for _, _, kind, _ in marks)
    for a in marks:
        for b in marks:
            if a is not b and a[0] < b[1] and b[0] < a[1]:
                assert (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1]), (a, b)

