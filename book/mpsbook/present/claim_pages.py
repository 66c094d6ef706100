"""One page per claim: a short, standalone fact-check a reader can share, and the summary a chapter shows instead.

A claim's page (``book/claim/<claim_key>.html``) holds the quote in its sentence, with its paragraph; the
verdict; why, in a few sentences; the official figures with their sources and grades; what was searched;
the readings of the words only where they change the verdict (else one line); a Cite block; the
claim's ClaimReview JSON-LD, whose ``url`` is the page; and links to the claim before and after it.
Its title, description and share card (:mod:`mpsbook.present.share_card`) say the claim and the verdict.

The chapter that analyses a claim keeps, at the claim's old anchor (``claim-<claim_key>``), a short
summary linking to the page, so every address cited so far still lands on the claim.

Every page reads the verdict a reader sees through :func:`mpsbook.present.pages.claim_verdict` alone, so the verdict scale
can change in one place. Filled from templates through :func:`mpsbook.present.pages.render`; the Sphinx side is
:mod:`mpsbook_sphinx.claim_pages`.
"""

from __future__ import annotations

import re

import pandas as pd
from markupsafe import Markup

from ..rate.ratings import SETTLED_BY_A_FIGURE
from . import pages
from .pages import (
    PageLinks,
    cell_ids,
    cell_text,
    claim_citation,
    claim_review,
    evidence_note,
    first_mentions,
    in_one_line,
    json_in_html,
    reference_items,
    render,
)

CLAIM_PAGE_DIR = "book/claim"  # each claim's page is <CLAIM_PAGE_DIR>/<claim_key>
SITE_NAME = "Checking the numbers"
KICKER = "A fact-check of an article on China\u2019s Ministry of Public Security"


def claim_verdict(verdict: pd.Series) -> str:
    """The verdict a reader sees (:func:`mpsbook.present.pages.claim_verdict`, the one place that reads it)."""
    return pages.claim_verdict(verdict)


def claim_reason(verdict: pd.Series) -> str:
    """The rating rule's finer outcome that decided the verdict (the ``reason`` column)."""
    return str(verdict["reason"])




def claim_docname(claim_key: str) -> str:
    """The claim's page as a document name of the site (``book/claim/<claim_key>``)."""
    return f"{CLAIM_PAGE_DIR}/{claim_key}"


def claim_order(tables: dict) -> list:
    """Every claim's key, in the order of the article (the order of ``verdicts.csv``)."""
    return list(tables["verdicts"]["claim_key"])


def neighbours(claim_key: str, tables: dict) -> tuple:
    """The claims before and after ``claim_key`` in article order (``None`` at either end)."""
    order = claim_order(tables)
    at = order.index(claim_key)
    return (order[at - 1] if at > 0 else None), (order[at + 1] if at + 1 < len(order) else None)


def paragraph_text(article: str, number: int) -> str:
    """Paragraph ``number`` (from 1) of the article: its ``number``-th non-empty line, as the ledger counts them."""
    return [line for line in article.split("\n") if line.strip()][number - 1]


# A sentence ends at . ! or ? (maybe after a closing quote or bracket) before a space and a capital, or
# straight before a capital (the article runs some sentences together: "cybersecurity.In 2022").
SENTENCE_END = re.compile("(?<=[A-Za-z0-9)\u201d\"\u2019][.!?])[\u201d\"\u2019)]?(?=\\s+[A-Z\u201c\"]|[A-Z])")


def quote_in_sentence(article: str, quote: str, paragraph: int) -> tuple:
    """The sentence of paragraph ``paragraph`` that holds ``quote``, as (before, quote, after).

    Raises
    ------
    ValueError
        When the paragraph does not hold the quote (the ledger test says which row first).
    """
    text = paragraph_text(article, paragraph)
    at = text.index(quote)
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    start = max(s for s in starts if s <= at)
    end = min(s for s in starts if s >= at + len(quote))
    return text[start:at].lstrip(), quote, text[at + len(quote):end].rstrip()


def readings_line(rows: list, rating: str) -> str:
    """One line for a claim whose rating no reading of the words changes ('' where some reading does: the page
    then shows the table). ``rows`` are the claim's rows of ``sensitivity.csv`` (``reading``, ``rating``)."""
    if any(row["rating"] != rating for row in rows):
        return ""
    return f"Every reading of the article\u2019s words gives the same verdict ({len(rows)} of {len(rows)})."


def page_title(claim_key: str, tables: dict) -> str:
    """The page's title: the claim in the article's words and its verdict."""
    quote = first_mentions(tables["claims"]).loc[claim_key, "quote"]
    return f"“{quote}”: {claim_verdict(tables['verdicts'].loc[claim_key])}"


def page_description(claim_key: str, tables: dict) -> str:
    """The page's description (``og:description``): the claim, its verdict and the conclusion in one line."""
    verdict = tables["verdicts"].loc[claim_key]
    quote = first_mentions(tables["claims"]).loc[claim_key, "quote"]
    return (f"The article claims “{quote}”. Verdict: {claim_verdict(verdict)}. "
            f"{in_one_line(verdict['conclusion'])}")


def claim_page_html(claim_key: str, tables: dict, *, ratings: dict, readings: dict, colours: dict,
                    links: PageLinks) -> str:
    """The body of the claim's page (a ``<section>`` with its ``<h1>``), its ClaimReview JSON-LD included.

    ``ratings`` gives each verdict's meaning, ``readings`` what each reading assumes, ``colours`` each
    verdict's colour; ``links`` answers the page's links (``claim`` is the claim's page, ``claim_in_chapter``
    the summary in its chapter).

    Raises
    ------
    KeyError
        When ``claim_key`` is not a claim of ``verdicts``.
    """
    verdict = tables["verdicts"].loc[claim_key]
    mentions = tables["claims"][tables["claims"]["claim_key"] == claim_key]
    resting_on = cell_ids(verdict["ref_ids"])
    origins = [r for r in cell_ids(verdict["possible_origin"]) if r not in resting_on]
    sensitivity = [{"reading": r.reading, "assumes": readings.get(r.reading, ""), "rating": r.rating}
                   for r in tables["sensitivity"][tables["sensitivity"]["claim_key"] == claim_key].itertuples()]
    before, after = neighbours(claim_key, tables)
    first = first_mentions(tables["claims"])
    words = claim_verdict(verdict)
    sentences = [dict(zip(("before", "quote", "after"), quote_in_sentence(tables["article"], m.quote, m.paragraph),
                          strict=True), paragraph=m.paragraph) for m in mentions.itertuples()]
    review = claim_review(claim_key, tables, url=links.claim_address(claim_key))
    figures = reference_items(tables["references"], resting_on + origins)
    ways = {figure["how"] for figure in figures}
    return render(
        "claim_page.html", claim_key=claim_key, title=page_title(claim_key, tables), sentences=sentences,
        verdict=words, reason=claim_reason(verdict), meaning=ratings.get(words, ""),
        question=verdict["question"], conclusion=verdict["conclusion"], chance=cell_text(verdict["chance_test"]),
        evidence=evidence_note(tables["references"], resting_on),
        resting_on=reference_items(tables["references"], resting_on),
        origins=reference_items(tables["references"], origins),
        how_once=ways.pop() if len(ways) == 1 else "",  # said once where every figure was read the same way
        searches=[] if words in SETTLED_BY_A_FIGURE else
        tables["searches"][tables["searches"]["claim_key"] == claim_key].to_dict("records"),
        readings_line=readings_line(sensitivity, words), sensitivity=sensitivity,
        previous=before and {"key": before, "quote": first.loc[before, "quote"]},
        next=after and {"key": after, "quote": first.loc[after, "quote"]},
        cite=claim_citation(claim_key, tables, links), review=Markup(json_in_html(review)),
        colours=colours, links=links)


def claim_summary_html(claim_key: str, tables: dict, *, colours: dict, links: PageLinks) -> str:
    """The short summary a chapter shows at the anchor ``claim-<claim_key>``: the claim, its verdict, the
    conclusion in one line and a link to the claim's page."""
    verdict = tables["verdicts"].loc[claim_key]
    return render("claim_summary.html", claim_key=claim_key,
                  quote=first_mentions(tables["claims"]).loc[claim_key, "quote"], verdict=claim_verdict(verdict),
                  in_one_line=in_one_line(verdict["conclusion"]), colours=colours, links=links)


def share_card(claim_key: str, tables: dict, colours: dict) -> bytes:
    """The claim's share card (:func:`mpsbook.present.share_card.share_card_png`): its quote and verdict, PNG bytes."""
    from .share_card import share_card_png

    verdict = claim_verdict(tables["verdicts"].loc[claim_key])
    quote = first_mentions(tables["claims"]).loc[claim_key, "quote"]
    return share_card_png(quote, verdict, colours.get(verdict, "#7F7F7F"), SITE_NAME, KICKER)
