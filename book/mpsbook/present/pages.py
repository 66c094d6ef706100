"""The book's generated pages: the scorecard, the claims' ClaimReview and Cite blocks, the sources and the corrections.

Each claim's own page and the summary a chapter shows are :mod:`mpsbook.present.claim_pages`; the annotated
article is :mod:`mpsbook.present.annotated_article`.

Each page part is a Jinja2 template in ``mpsbook/present/templates/`` filled from the book's tables (see
:func:`page_tables`); the functions here choose and order what a template shows, and
:func:`render` fills it, escaping every value (autoescape). Links between pages are asked of a
:class:`PageLinks` object at render time: the Sphinx extension (``mpsbook_sphinx.pages``) passes
one that resolves them as cross-references to the labels every claim box and article paragraph
registers, so nothing is fixed up afterwards in the written HTML. JSON goes into a page through
:func:`json_in_html` alone. Nothing here depends on time, locale or the order of a set, so a page's
bytes depend only on the data and the links.
"""

from __future__ import annotations

import json
import re
from typing import Protocol

import jinja2
import pandas as pd

from ..ledger.data import DATAPACKAGE, load_article, load_references, load_table, read_datapackage
from ..ledger.figures import plain
from ..rate.wording import hedged_figure, period_words
from .citation import CITATION, book_edition, checked_editions, citation, review_dates

VERDICT_COLUMN = "rating"  # the column of data/derived/verdicts.csv a reader sees as the verdict


def claim_verdict(verdict) -> str:
    """The verdict a reader sees, in words, from a claim's row of ``verdicts.csv`` (a Series, a dict or a
    named tuple): its :data:`VERDICT_COLUMN`. Every page, title, card and ClaimReview reads it here alone."""
    return str(getattr(verdict, VERDICT_COLUMN) if hasattr(verdict, "_fields") else verdict[VERDICT_COLUMN])


def claim_verdicts(verdicts: pd.DataFrame) -> pd.Series:
    """Each claim's verdict in words (:func:`claim_verdict`), indexed by ``claim_key``."""
    return verdicts.set_index("claim_key")[VERDICT_COLUMN].astype(str)


PAGE_TABLES = ("claims", "references", "verdicts", "sensitivity", "searches", "corrections", "exclusions", "editions")
TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("mpsbook.present", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a name the template uses and the code does not give fails at once
    trim_blocks=True,
    lstrip_blocks=True,
)


class PageLinks(Protocol):
    """Where a page's links point. Each method returns an address (``str``) for an ``href``."""

    def claim(self, claim_key: str) -> str:
        """The page of claim ``claim_key`` (:mod:`mpsbook.present.claim_pages`), relative to the page written."""

    def claim_address(self, claim_key: str) -> str:
        """The same page as an absolute address where the site has one (a ClaimReview's ``url``)."""

    def claim_site_address(self, claim_key: str) -> str:
        """The same page as a citation gives it: absolute where the site's address is known, else its path in the site."""

    def claim_in_chapter(self, claim_key: str) -> str:
        """The claim's summary in the chapter that analyses it (the anchor ``claim-<claim_key>``)."""

    def scorecard(self) -> str:
        """The scorecard: every claim and its verdict, on the landing page."""

    def paragraph(self, number: int) -> str:
        """Paragraph ``number`` (from 1) of the annotated article."""

    def rule(self) -> str:
        """The rating rule's table of questions, on the methods page."""


def page_tables(package_path=DATAPACKAGE, citation_path=CITATION) -> dict:
    """The tables the generated pages are built from, each read through its declared schema.

    Returns
    -------
    dict
        ``article`` (str), ``package`` (the data package descriptor) and one frame for each of
        :data:`PAGE_TABLES`. ``verdicts`` keeps its rows in article order, indexed once by claim
        (:func:`indexed`: ``tables["verdicts"].loc[claim_key]`` is a claim's verdict); ``references`` is every
        official figure, indexed once by ``ref_id``, the book's corrections applied
        (:func:`mpsbook.ledger.data.load_references`); ``edition`` is the edition ``citation`` names
        (:func:`mpsbook.present.citation.book_edition`), and ``editions`` the editions before it, checked against
        it and the ledger.

    Raises
    ------
    DataError
        Naming the file, row and column of the first bad value.
    """
    tables = {name: load_references(package_path) if name == "references" else load_table(name, package_path)
              for name in PAGE_TABLES}
    tables["verdicts"], tables["references"] = indexed(tables["verdicts"], "claim_key"), indexed(tables["references"], "ref_id")
    edition = book_edition(citation_path)
    tables["editions"] = checked_editions(edition, package_path, tables["claims"]["claim_key"])
    return {"article": load_article(package_path), "package": read_datapackage(package_path), "edition": edition,
            **tables}


def indexed(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """``frame`` indexed by its column ``key``, the column kept and the index unnamed, so that grouping, sorting
    and merging by ``key`` read the column as before."""
    return frame.set_index(frame[key].to_numpy()).rename_axis(None)


def json_in_html(value) -> str:
    """``value`` as JSON text that is safe inside an HTML ``<script>`` element, the same bytes every run.

    Keys sorted, no spaces, ASCII only (so U+2028 and U+2029 are escaped too), and ``<``, ``>`` and
    ``&`` written as ``\\u003c``, ``\\u003e`` and ``\\u0026``: no ``</script>`` or ``<!--`` can end
    or change the element, and a JSON parser reads back the same value.
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(template: str, **context) -> str:
    """The template ``template`` (a file of ``mpsbook/present/templates/``) filled with ``context``, every value escaped.

    Raises
    ------
    jinja2.UndefinedError
        When the template uses a name ``context`` does not give.
    """
    return TEMPLATES.get_template(template).render(**context)


def cell_text(value) -> str:
    """A cell as text (:func:`mpsbook.ledger.figures.plain`): a missing value (None or NaN) is empty."""
    return plain(value)


def cell_ids(text) -> list:
    """Space-separated ids as a list (empty text: no ids)."""
    return cell_text(text).split()


def first_mentions(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: its first mention in the article (``claim_key``, ``claim_id``, ``quote``, ``paragraph``)."""
    return claims.drop_duplicates("claim_key").set_index("claim_key")


def in_one_line(conclusion: str) -> str:
    """A conclusion for the scorecard: its bracketed details (measure, campaign, period) left to the claim's box."""
    return re.sub(r" \([^()]*\)", "", conclusion)


def readings_held(sensitivity: pd.DataFrame, claim_key: str, rating: str) -> str:
    """How many readings of the hedges give the claim ``rating``: 'holds under 4 of 4 readings'."""
    ratings = sensitivity.loc[sensitivity["claim_key"] == claim_key, "rating"]
    return f"holds under {int((ratings == rating).sum())} of {len(ratings)} readings"


def _held_if_not_always(sensitivity: pd.DataFrame, claim_key: str, rating: str) -> str:
    """:func:`readings_held` where some reading gives another verdict, else '' (the caption says the rest hold)."""
    ratings = sensitivity.loc[sensitivity["claim_key"] == claim_key, "rating"]
    return "" if (ratings == rating).all() else readings_held(sensitivity, claim_key, rating)


def scorecard_rows(claims: pd.DataFrame, verdicts: pd.DataFrame, sensitivity: pd.DataFrame | None = None) -> list:
    """One dict per claim, in article order: ``claim_key``, ``quote`` (first mention), ``rating``, ``in_one_line``,
    and ``held`` (:func:`readings_held`; empty without ``sensitivity``)."""
    first = first_mentions(claims)
    return [{"claim_key": row.claim_key, "quote": first.loc[row.claim_key, "quote"], "rating": claim_verdict(row),
             "reason": row.reason, "in_one_line": in_one_line(row.conclusion),
             "held": "" if sensitivity is None else _held_if_not_always(sensitivity, row.claim_key, row.rating)}
            for row in verdicts.itertuples()]


def scorecard_html(claims: pd.DataFrame, verdicts: pd.DataFrame, colours: dict, links: PageLinks,
                   sensitivity: pd.DataFrame | None = None) -> str:
    """The scorecard: one row per claim, in article order, with the article's words, the rating, the conclusion and a link.

    Parameters
    ----------
    claims : DataFrame
        The claims ledger (``claim_key``, ``quote``, in article order).
    verdicts : DataFrame
        One row per claim: ``claim_key``, ``rating``, ``conclusion``.
    colours : dict
        Rating -> CSS colour.
    links : PageLinks
        Where each row's link to the claim's box points.
    sensitivity : DataFrame, optional
        Each claim's rating under each reading (``claim_key``, ``reading``, ``rating``): each row then says
        how many readings its rating holds under.
    """
    return render("scorecard.html", rows=scorecard_rows(claims, verdicts, sensitivity), colours=colours, links=links)


def format_value(value, unit: str, relation: str = "exact") -> str:
    """A figure for readers, hedged as its source hedges it: 'more than 800 billion yuan', '83,000 cases'.

    Millions and more are said in words (:func:`mpsbook.rate.wording.hedged_figure`), so no figure a reader
    sees runs to more than six digits; the figure as published stays in the data and the downloads.
    """
    return hedged_figure(value, relation, unit)


# Each kind of source as a grade a reader can weigh: the publisher's own words first, a copy of a copy last.
EVIDENCE_GRADES = {"primary": ("A", "the publisher's own release, on its own site"),
                   "official copy": ("B", "the publisher's words on another official site"),
                   "state media": ("B", "state media reporting the publisher"),
                   "other media": ("C", "other media"),
                   "repost": ("D", "a copy of a report on another site, the original not found")}
REPOSTS_ONLY = "The verdict rests only on reposts: copies of reports on other sites, their originals not found."


def evidence_note(references: pd.DataFrame, ref_ids) -> str:
    """:data:`REPOSTS_ONLY` where every one of the figures ``ref_ids`` (of ``references``, indexed by ``ref_id``) is a
    repost, else ''."""
    kinds = set(references.loc[list(ref_ids), "source_kind"]) if len(ref_ids) else set()
    return REPOSTS_ONLY if kinds == {"repost"} else ""


ARCHIVE_LOOKUP = "https://web.archive.org/web/*/"


def archive_lookup(url: str) -> str:
    """The address of the Internet Archive's list of the copies it holds of ``url``.

    A lookup a reader may open, not a fetch: nothing is requested when the page is built or read.
    """
    return ARCHIVE_LOOKUP + url


def reference_items(references: pd.DataFrame, ref_ids) -> list:
    """The official figures ``ref_ids`` of ``references`` (indexed by ``ref_id``), in that order, as dicts for the
    templates' ``references`` macro.

    Each has the row's fields as text (``accessed`` as YYYY-MM-DD), ``figure`` (value and unit as a
    reader reads them), ``language`` (``en`` when the source's words are English, else ``zh``),
    ``grade`` and ``grade_words`` (:data:`EVIDENCE_GRADES` of its ``source_kind``) and ``archive``
    (the Internet Archive's list of its copies of the address, :func:`archive_lookup`).
    """
    chosen = references.loc[list(ref_ids)]
    items = []
    for ref in chosen.to_dict("records"):
        item = {key: cell_text(value) for key, value in ref.items()}
        item["figure"] = format_value(ref["value"], ref["unit"], ref.get("relation", "exact"))
        item["period"] = period_words(item["period"]) or item["period"]
        item["language"] = "en" if item["quote"] == item["quote_en"] else "zh"
        item["grade"], item["grade_words"] = EVIDENCE_GRADES.get(item.get("source_kind", ""), ("", ""))
        item["archive"] = archive_lookup(item["url"])
        items.append(item)
    return items


def claim_review(claim_key: str, tables: dict, *, url: str) -> dict:
    """The claim's schema.org ``ClaimReview``, as JSON-LD.

    ``url`` is the address of the claim's page. ``author`` names the book's authors (``tables["edition"]``);
    ``datePublished`` and ``dateModified`` are :func:`mpsbook.present.citation.review_dates` (ISO 8601).
    """
    verdict = tables["verdicts"].loc[claim_key]
    mentions = tables["claims"][tables["claims"]["claim_key"] == claim_key]
    article = next(r for r in tables["package"]["resources"] if r["name"] == "article")
    appearance = {"@type": "CreativeWork", "name": article.get("title", "The article"),
                  "description": article.get("description", "")}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": mentions["quote"].iloc[0],
        "itemReviewed": {"@type": "Claim", "appearance": appearance,
                         "text": " / ".join(mentions["quote"])},
        "reviewRating": {"@type": "Rating", "alternateName": claim_verdict(verdict),
                         "ratingExplanation": f"{verdict['conclusion']} Why: {verdict['reason']}, by the question: "
                                              f"{verdict['question']}"},
        "author": {"@type": "Organization", "name": tables["edition"]["authors"]},
        **review_dates(claim_key, tables["editions"], tables["corrections"]),
    }


def claim_citation(claim_key: str, tables: dict, links: PageLinks) -> dict:
    """The Cite block of a claim's page (:func:`mpsbook.present.citation.citation`): the claim in the article's words,
    its rating as the note, and the page's address."""
    edition, verdict = tables["edition"], tables["verdicts"].loc[claim_key]
    quote = first_mentions(tables["claims"]).loc[claim_key, "quote"]
    return citation(edition, claim_key, f"Checking the claim “{quote}”",
                    links.claim_site_address(claim_key), links.claim(claim_key), note=f"Verdict: {verdict['rating']}.")


# --------------------------------------------------------------------------------------
# Sources and corrections
# --------------------------------------------------------------------------------------


def sources_html(references: pd.DataFrame) -> str:
    """Every official figure, grouped by section, with its link and archive link, publisher, dates, kind of source, quote
    and translation."""
    sections = [{"name": section.capitalize(), "references": reference_items(references, group["ref_id"])}
                for section, group in references.groupby("section", sort=False)]
    return render("sources.html", sections=sections)


def corrections_html(corrections: pd.DataFrame, claims: pd.DataFrame, colours: dict, links: PageLinks,
                     feed: str = "") -> str:
    """The corrections log: one row per change of a rating, newest first (a day's in file order), with its date and reason.

    ``corrections`` has ``date``, ``claim_key``, ``previous_rating``, ``rating``, ``reason``;
    each claim is shown in the article's words, linked to its box. ``feed``, where given, is the
    address of the log's Atom feed (:mod:`mpsbook.present.feed`), linked beneath the table.
    """
    first = first_mentions(claims)
    ordered = corrections.sort_values("date", ascending=False, kind="stable")  # a day's entries in file order
    rows = [{**{key: cell_text(value) for key, value in row.items()}, "quote": first.loc[row["claim_key"], "quote"]}
            for row in ordered.to_dict("records")]
    return render("corrections.html", rows=rows, colours=colours, links=links, feed=feed)
