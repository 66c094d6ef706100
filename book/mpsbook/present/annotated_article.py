"""The annotated article: the article as received, one numbered paragraph per line, its claims and findings marked.

Filled from the ``article.html`` and ``article_about.html`` templates through :func:`mpsbook.present.pages.render`,
with links asked of a :class:`mpsbook.present.pages.PageLinks`; built for the site by :mod:`mpsbook_sphinx.pages`.
"""

from __future__ import annotations

import re

import pandas as pd

from ..extract.account import number_account
from ..rate.findings import WEB_LEFTOVERS, misspellings
from .pages import PageLinks, claim_verdicts, render

FINDING_NOTES = {
    "misspelling": "spelled so in the article",
    "web leftover": "text a web page adds around an article",
}
MARK_CLASSES = {"misspelling": "mpsbook-misspelling", "web leftover": "mpsbook-leftover", "left out": "mpsbook-left-out"}



def article_marks(article: str, claims: pd.DataFrame, exclusions: pd.DataFrame | None = None) -> list:
    """What the article page marks, as (start, end, kind, key) in text order.

    Kinds: ``mention`` (a claim's words, from the ledger; key: its claim_key), ``misspelling`` (by
    the spell check of the findings), ``web leftover`` and ``left out`` (a number the book does not
    check, by :func:`mpsbook.number_account` with ``exclusions``, none when None; key: the reason).
    A finding or number that overlaps a mark already taken without lying inside it is left out, so
    marks nest and never cross.
    """
    marks = [(article.index(r.quote), article.index(r.quote) + len(r.quote), "mention", r.claim_key)
             for r in claims.itertuples()]
    found = []
    for pattern in WEB_LEFTOVERS:
        found += [(m.start(), m.end(), "web leftover", "") for m in re.finditer(pattern, article)]
    taken = {(s, e) for s, e, _, _ in found}
    for word in dict.fromkeys(misspellings(article)["quote"]):
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", article):
            if not any(s <= m.start() < e for s, e in taken):
                found.append((m.start(), m.end(), "misspelling", ""))
    if exclusions is None:
        exclusions = pd.DataFrame({"paragraph": [], "expression": [], "reason": []})
    account = number_account(article, claims, exclusions)
    found += [(r.start, r.end, "left out", r.reason) for r in account.itertuples() if r.status == "left out"]
    for start, end, kind, key in found:
        crosses = any(s < end and start < e and not (s <= start and end <= e) for s, e, _, _ in marks)
        if not crosses:
            marks.append((start, end, kind, key))
    return sorted(marks, key=lambda m: (m[0], -m[1]))


def marked_parts(text: str, start: int, end: int, marks: list, ratings: pd.Series) -> list:
    """``text[start:end]`` as a list of parts: plain strings, and one dict per mark with its own ``parts`` inside.

    A mark dict has ``kind``, ``text``; a mention also ``claim_key`` and ``rating``, a finding ``note``.
    ``marks`` are those inside the span, nested and in text order (:func:`article_marks`).
    """
    parts, position, index = [], start, 0
    while index < len(marks):
        s, e, kind, key = marks[index]
        inner = [m for m in marks[index + 1:] if m[0] >= s and m[1] <= e]
        if s > position:
            parts.append(text[position:s])
        mark = {"kind": kind, "text": text[s:e], "parts": marked_parts(text, s, e, inner, ratings)}
        if kind == "mention":
            mark.update(claim_key=key, rating=ratings[key])
        else:
            mark.update(css=MARK_CLASSES[kind], note=f"left out of the check: {key}" if kind == "left out"
                        else FINDING_NOTES[kind])
        parts.append(mark)
        position, index = e, index + 1 + len(inner)
    if end > position:
        parts.append(text[position:end])
    return parts


def article_paragraphs(article: str, claims: pd.DataFrame, verdicts: pd.DataFrame,
                       exclusions: pd.DataFrame | None = None) -> list:
    """The article's non-empty lines as numbered paragraphs: dicts with ``number`` (from 1) and ``parts``."""
    marks = article_marks(article, claims, exclusions)
    ratings = claim_verdicts(verdicts)
    paragraphs, offset = [], 0
    for line in article.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if line.strip():
            inside = [m for m in marks if start <= m[0] and m[1] <= end]
            paragraphs.append({"number": len(paragraphs) + 1,
                               "parts": marked_parts(article, start, end, inside, ratings)})
    return paragraphs


def article_html(article: str, claims: pd.DataFrame, verdicts: pd.DataFrame, links: PageLinks,
                 exclusions: pd.DataFrame | None = None) -> str:
    """The article as received, one numbered paragraph per non-empty line, with its mentions and findings marked.

    Paragraph ``n`` has the anchor ``p-<n>``, numbered as the ledger numbers them. Each
    mention links to its claim's box and shows its rating in words; the link is named by the two
    (the quoted words, ", rated", the rating). A number the book leaves out (:func:`mpsbook.number_account`)
    is marked with its reason.
    """
    return render("article.html", paragraphs=article_paragraphs(article, claims, verdicts, exclusions), links=links)


def article_about_html(package: dict) -> str:
    """What is known of where and when the article appeared, from the ``sources`` of its resource in the data package."""
    article = next(r for r in package["resources"] if r["name"] == "article")
    return render("article_about.html", description=article.get("description", ""),
                  sources=article.get("sources") or [])
