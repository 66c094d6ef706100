"""The reader's pages as HTML: the scorecard, the claim boxes, the annotated article, the sources and the corrections.

Each builder takes the book's tables (see :func:`reader_tables`) and returns a string of HTML that
the Sphinx extension ``mpsbook.sphinxext.directives`` places on a page. Links between pages are written as
placeholders the extension resolves once it knows where every claim box stands:
``mpsbook:claim/<claim_key>`` (a claim's box), ``mpsbook:claim-address/<claim_key>`` (the same, as an
absolute address where the site has a base address: a ClaimReview's ``url``) and
``mpsbook:paragraph/<n>`` (a paragraph of the article page). JSON goes into a page through
:func:`json_in_html` alone. Nothing here depends on time, locale or the order of a set, so a page's bytes
depend only on the data.
"""

from __future__ import annotations

import html
import json
import re

import pandas as pd

from .data import DATAPACKAGE, load_article, load_table, read_datapackage
from .findings import WEB_LEFTOVERS, misspellings

READER_TABLES = ("claims", "references", "verdicts", "sensitivity", "searches", "corrections")


def reader_tables(package_path=DATAPACKAGE) -> dict:
    """The tables the reader's pages are built from, each read through its declared schema.

    Returns
    -------
    dict
        ``article`` (str), ``package`` (the data package descriptor) and one frame for each of
        :data:`READER_TABLES`. ``verdicts`` keeps its rows in article order.

    Raises
    ------
    DataError
        Naming the file, row and column of the first bad value.
    """
    tables = {name: load_table(name, package_path) for name in READER_TABLES}
    return {"article": load_article(package_path), "package": read_datapackage(package_path), **tables}


def json_in_html(value) -> str:
    """``value`` as JSON text that is safe inside an HTML ``<script>`` element, the same bytes every run.

    Keys sorted, no spaces, ASCII only (so U+2028 and U+2029 are escaped too), and ``<``, ``>`` and
    ``&`` written as ``\\u003c``, ``\\u003e`` and ``\\u0026``: no ``</script>`` or ``<!--`` can end
    or change the element, and a JSON parser reads back the same value.
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _e(text) -> str:
    return html.escape("" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text), quote=True)


def _ids(text) -> list:
    """Space-separated ids as a list (empty text: no ids)."""
    return str(text or "").split()


def rating_badge(rating: str, colours: dict) -> str:
    """The rating in words, after a swatch of its colour; the colour is never the only signal."""
    colour = colours.get(rating, "#7F7F7F")
    return (f'<span class="mpsbook-rating" data-rating="{_e(rating)}">'
            f'<span class="mpsbook-swatch" style="background:{_e(colour)}" aria-hidden="true"></span>'
            f'{_e(rating)}</span>')


def first_mentions(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: its first mention in the article (``claim_key``, ``claim_id``, ``quote``, ``paragraph``)."""
    return claims.drop_duplicates("claim_key").set_index("claim_key")


def in_one_line(conclusion: str) -> str:
    """A conclusion for the scorecard: its bracketed details (measure, campaign, period) left to the claim's box."""
    return re.sub(r" \([^()]*\)", "", conclusion)


def scorecard_html(claims: pd.DataFrame, verdicts: pd.DataFrame, colours: dict) -> str:
    """The scorecard: one row per claim, in article order, with the article's words, the rating, the conclusion and a link.

    Parameters
    ----------
    claims : DataFrame
        The claims ledger (``claim_key``, ``quote``, in article order).
    verdicts : DataFrame
        One row per claim: ``claim_key``, ``rating``, ``conclusion``.
    colours : dict
        Rating -> CSS colour.
    """
    first = first_mentions(claims)
    rows = []
    for number, row in enumerate(verdicts.itertuples(), start=1):
        quote = first.loc[row.claim_key, "quote"]
        rows.append(
            f'<tr data-claim="{_e(row.claim_key)}"><td class="mpsbook-num">{number}</td>'
            f'<td>\u201c{_e(quote)}\u201d</td><td>{rating_badge(row.rating, colours)}</td>'
            f'<td>{_e(in_one_line(row.conclusion))}</td>'
            f'<td><a class="mpsbook-claim-link" href="mpsbook:claim/{_e(row.claim_key)}">'
            f'The check<span class="mpsbook-sr"> of \u201c{_e(quote)}\u201d</span></a></td></tr>'
        )
    return (
        '<div class="mpsbook-table-wrap"><table class="mpsbook-scorecard">'
        "<caption>Every claim of the article, in the order it first appears, and its rating</caption>"
        '<thead><tr><th scope="col">#</th><th scope="col">The claim, in the article\u2019s words</th>'
        '<th scope="col">Rating</th><th scope="col">In one line</th><th scope="col">Details</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )


def format_value(value, unit: str) -> str:
    """A figure for readers: thousands separators, no trailing ``.0``, then its unit."""
    number = float(value)
    text = f"{number:,.0f}" if number == int(number) else f"{number:,}"
    return f"{text} {unit}".strip()


def _reference_item(ref) -> str:
    """One official figure: value, period, publisher, date, kind of source, link, the source's words and translation."""
    quote, quote_en = getattr(ref, "quote", ""), getattr(ref, "quote_en", "")
    language = "en" if quote == quote_en else "zh"
    words = f'<blockquote lang="{language}" class="mpsbook-source-quote">{_e(quote)}</blockquote>' if quote else ""
    english = (f'<p class="mpsbook-translation"><span class="mpsbook-label">In English:</span> {_e(quote_en)}</p>'
               if quote_en and quote_en != quote else "")
    kind = f" ({_e(ref.source_kind)})" if getattr(ref, "source_kind", "") else ""
    return (
        f'<li class="mpsbook-reference" data-ref="{_e(ref.ref_id)}">'
        f'<p><strong>{_e(format_value(ref.value, ref.unit))}</strong>: {_e(ref.metric)}, {_e(ref.period)}. '
        f"{_e(ref.publisher)}, first published {_e(ref.published)}{kind}. "
        f'<a class="mpsbook-source-link" href="{_e(ref.url)}" rel="noopener">{_e(ref.url)}</a></p>'
        f"{words}{english}</li>"
    )


def references_html(references: pd.DataFrame, ref_ids) -> str:
    """A list of official figures, in the order of ``ref_ids``."""
    chosen = references.set_index("ref_id", drop=False).loc[list(ref_ids)]
    return f'<ul class="mpsbook-references">{"".join(_reference_item(r) for r in chosen.itertuples())}</ul>'


def claim_review(claim_key: str, tables: dict, *, author: str, date: str) -> dict:
    """The claim's schema.org ``ClaimReview``, as JSON-LD.

    ``url`` is ``mpsbook:claim-address/<claim_key>``, which the extension rewrites to the page's address
    with the claim's anchor. ``author`` names the book's authors; ``date`` is the release date
    (ISO 8601).
    """
    verdict = tables["verdicts"].set_index("claim_key").loc[claim_key]
    mentions = tables["claims"][tables["claims"]["claim_key"] == claim_key]
    article = next(r for r in tables["package"]["resources"] if r["name"] == "article")
    appearance = {"@type": "CreativeWork", "name": article.get("title", "The article"),
                  "description": article.get("description", "")}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"mpsbook:claim-address/{claim_key}",
        "claimReviewed": mentions["quote"].iloc[0],
        "itemReviewed": {"@type": "Claim", "appearance": appearance,
                         "text": " / ".join(mentions["quote"])},
        "reviewRating": {"@type": "Rating", "alternateName": verdict["rating"],
                         "ratingExplanation": verdict["conclusion"]},
        "author": {"@type": "Organization", "name": author},
        "datePublished": date,
    }


def _sensitivity_html(claim_key: str, tables: dict, readings: dict, colours: dict) -> str:
    rows = tables["sensitivity"][tables["sensitivity"]["claim_key"] == claim_key]
    items = "".join(
        f'<tr><th scope="row">{_e(r.reading)}</th><td>{_e(readings.get(r.reading, ""))}</td>'
        f"<td>{rating_badge(r.rating, colours)}</td></tr>" for r in rows.itertuples()
    )
    if not items:
        return ""
    # A plain table, not a <details> box: it prints, and a reader sees at once whether the rating holds.
    return ('<p class="mpsbook-label">The rating under other readings of the words</p>'
            '<div class="mpsbook-table-wrap mpsbook-sensitivity"><table><thead><tr><th scope="col">Reading</th>'
            '<th scope="col">What it assumes</th>'
            f'<th scope="col">Rating</th></tr></thead><tbody>{items}</tbody></table></div>')


def _searches_html(claim_key: str, searches: pd.DataFrame) -> str:
    rows = searches[searches["claim_key"] == claim_key]
    items = "".join(
        f"<li>Searched for \u201c{_e(r.terms_en)}\u201d ({_e(r.terms_zh)}) in {_e(r.sources_tried)}: {_e(r.result)}</li>"
        for r in rows.itertuples()
    )
    return f'<p class="mpsbook-label">What was searched</p><ul>{items}</ul>' if items else ""


def claim_box_html(claim_key: str, tables: dict, *, ratings: dict, readings: dict, colours: dict,
                   author: str, date: str) -> str:
    """The box that checks one claim, at the anchor ``claim-<claim_key>``, with its ClaimReview JSON-LD.

    It holds each mention's words (linked to its paragraph on the article page), the rating and
    the conclusion, the official figures the rating rests on, possible origins of the number,
    what was searched where nothing was found, and the rating under the other readings.

    Raises
    ------
    KeyError
        When ``claim_key`` is not a claim of ``verdicts``.
    """
    verdict = tables["verdicts"].set_index("claim_key").loc[claim_key]
    mentions = tables["claims"][tables["claims"]["claim_key"] == claim_key]
    quotes = "".join(
        f'<li><q>{_e(m.quote)}</q> (<a href="mpsbook:paragraph/{m.paragraph}">paragraph {m.paragraph}</a>)</li>'
        for m in mentions.itertuples()
    )
    parts = [
        f'<div class="mpsbook-claim-box" id="claim-{_e(claim_key)}" data-claim="{_e(claim_key)}">',
        f'<p class="mpsbook-claim-title">The claim: \u201c{_e(mentions["quote"].iloc[0])}\u201d</p>',
        f'<p class="mpsbook-label">In the article</p><ul class="mpsbook-mentions">{quotes}</ul>',
        f'<p class="mpsbook-verdict"><span class="mpsbook-label">Rating:</span> {rating_badge(verdict["rating"], colours)}'
        f' <span class="mpsbook-rating-meaning">({_e(ratings.get(verdict["rating"], ""))})</span></p>',
        f'<p class="mpsbook-conclusion">{_e(verdict["conclusion"])}</p>',
    ]
    if _ids(verdict["ref_ids"]):
        parts += ['<p class="mpsbook-label">The official figures it rests on</p>',
                  references_html(tables["references"], _ids(verdict["ref_ids"]))]
    origins = [r for r in _ids(verdict["possible_origin"]) if r not in _ids(verdict["ref_ids"])]
    if origins:
        parts += ['<p class="mpsbook-label">Where the number may come from</p>',
                  references_html(tables["references"], origins)]
    parts += [_searches_html(claim_key, tables["searches"]), _sensitivity_html(claim_key, tables, readings, colours)]
    review = json_in_html(claim_review(claim_key, tables, author=author, date=date))
    parts += [f'<script type="application/ld+json">{review}</script>', "</div>"]
    return "".join(part for part in parts if part)


# --------------------------------------------------------------------------------------
# The annotated article
# --------------------------------------------------------------------------------------

FINDING_NOTES = {
    "misspelling": "spelled so in the article",
    "web leftover": "text a web page adds around an article",
}


def article_marks(article: str, claims: pd.DataFrame) -> list:
    """What the article page marks, as (start, end, kind, claim_key) in text order.

    Kinds: ``mention`` (a claim's words, from the ledger), ``misspelling`` (by the spell
    check of the findings) and ``web leftover``. A finding that overlaps a mention without
    lying inside it is left out, so marks nest and never cross.
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
    for start, end, kind, key in found:
        crosses = any(s < end and start < e and not (s <= start and end <= e) for s, e, _, _ in marks)
        if not crosses:
            marks.append((start, end, kind, key))
    return sorted(marks, key=lambda m: (m[0], -m[1]))


def _open_mark(kind: str, key: str, text: str, verdicts: pd.DataFrame) -> tuple[str, str]:
    if kind == "mention":
        rating = verdicts.set_index("claim_key").loc[key, "rating"]
        label = f"\u201c{text}\u201d: rated {rating}. Open the check of this claim."
        return (f'<a class="mpsbook-mention" href="mpsbook:claim/{_e(key)}" data-claim="{_e(key)}" '
                f'data-rating="{_e(rating)}" aria-label="{_e(label)}"><mark>',
                f'</mark><span class="mpsbook-mention-rating" aria-hidden="true">{_e(rating)}</span></a>')
    css = "mpsbook-misspelling" if kind == "misspelling" else "mpsbook-leftover"
    return (f'<span class="{css}" title="{_e(FINDING_NOTES[kind])}">',
            f'<span class="mpsbook-sr"> ({_e(FINDING_NOTES[kind])})</span></span>')


def _render_span(text: str, start: int, end: int, marks: list, verdicts: pd.DataFrame) -> str:
    out, position, index = [], start, 0
    while index < len(marks):
        s, e, kind, key = marks[index]
        inner = [m for m in marks[index + 1:] if m[0] >= s and m[1] <= e]
        out.append(_e(text[position:s]))
        opening, closing = _open_mark(kind, key, text[s:e], verdicts)
        out.append(opening + _render_span(text, s, e, inner, verdicts) + closing)
        position, index = e, index + 1 + len(inner)
    out.append(_e(text[position:end]))
    return "".join(out)


def article_html(article: str, claims: pd.DataFrame, verdicts: pd.DataFrame) -> str:
    """The article as received, one numbered paragraph per non-empty line, with its mentions and findings marked.

    Paragraph ``n`` has the anchor ``p-<n>``, numbered as the ledger numbers them. Each
    mention links to its claim's box and carries its rating in words; a screen reader hears
    the quoted words and the rating.
    """
    marks = article_marks(article, claims)
    paragraphs, offset = [], 0
    for line in article.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        number = len(paragraphs) + 1
        inside = [m for m in marks if start <= m[0] and m[1] <= end]
        paragraphs.append(f'<li class="mpsbook-paragraph" id="p-{number}" value="{number}">'
                          f"{_render_span(article, start, end, inside, verdicts)}</li>")
    return f'<ol class="mpsbook-article">{"".join(paragraphs)}</ol>'


def article_about_html(package: dict) -> str:
    """What is known of where and when the article appeared, from the ``sources`` of its resource in the data package."""
    article = next(r for r in package["resources"] if r["name"] == "article")
    sources = article.get("sources") or []
    items = []
    for source in sources:
        path = source.get("path", "")
        link = f' <a href="{_e(path)}" rel="noopener">{_e(path)}</a>' if path.startswith(("http://", "https://")) else ""
        details = " ".join(_e(source[k]) for k in ("description", "note") if source.get(k))
        items.append(f"<li><strong>{_e(source.get('title', ''))}</strong>.{link} {details}</li>")
    body = f"<ul>{''.join(items)}</ul>" if items else (
        "<p>The data package records no source for the article: where and when it was first published is not known.</p>")
    return f'<p>{_e(article.get("description", ""))}</p>{body}'


# --------------------------------------------------------------------------------------
# Sources and corrections
# --------------------------------------------------------------------------------------


def sources_html(references: pd.DataFrame) -> str:
    """Every official figure, grouped by section, with its link, publisher, date, kind of source, quote and translation."""
    parts = []
    for section, group in references.groupby("section", sort=False):
        parts.append(f'<p class="mpsbook-label mpsbook-section-label">{_e(section.capitalize())}</p>'
                     f'{references_html(references, group["ref_id"])}')
    return f'<div class="mpsbook-sources">{"".join(parts)}</div>'


def corrections_html(corrections: pd.DataFrame, claims: pd.DataFrame, colours: dict) -> str:
    """The corrections log: one row per change of a rating, newest first (a day's in file order), with its date and reason.

    ``corrections`` has ``date``, ``claim_key``, ``previous_rating``, ``rating``, ``reason``;
    each claim is shown in the article's words, linked to its box.
    """
    first = first_mentions(claims)
    ordered = corrections.sort_values("date", ascending=False, kind="stable")  # a day's entries in file order
    rows = "".join(
        f'<tr><td>{_e(r.date)}</td><td><a href="mpsbook:claim/{_e(r.claim_key)}">\u201c{_e(first.loc[r.claim_key, "quote"])}\u201d</a></td>'
        f'<td><span class="mpsbook-card-label">Was: </span>{_e(r.previous_rating)}</td>'
        f'<td><span class="mpsbook-card-label">Now: </span>{rating_badge(r.rating, colours)}</td><td>{_e(r.reason)}</td></tr>'
        for r in ordered.itertuples()
    )
    return ('<div class="mpsbook-table-wrap"><table class="mpsbook-corrections"><thead><tr>'
            '<th scope="col">Date</th><th scope="col">Claim</th><th scope="col">Was</th>'
            f'<th scope="col">Now</th><th scope="col">Why</th></tr></thead><tbody>{rows}</tbody></table></div>')
