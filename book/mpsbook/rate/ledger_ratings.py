"""The rating rule applied to the whole ledger: one verdict per claim, and how each depends on the reading of the hedges.

:func:`claim_ratings` rates every claim under one reading (the book's by default, the rule in
:mod:`mpsbook.rate.ratings`); :func:`claim_sensitivity` under every reading of :data:`READINGS`. A claim's
mentions share one verdict; where they disagree, that is a finding about the text
(:mod:`mpsbook.rate.findings`), not a second verdict. Here too are what the rule needs from the whole
ledger: the figures other claims of a sentence match (the chance test's companions) and the latest
year the article names (the present of an undated claim).
"""

from __future__ import annotations

import pandas as pd

from ..ledger.data import load_table
from ..ledger.figures import figure_words
from ..ledger.period import Period
from .origins import possible_origins
from .ratings import rate_claim
from .readings import READINGS, claim_interval, overlaps, widened
from .rule_context import MATCHABLE
from .verdicts import compare_claims


def _claim_rows(claims: pd.DataFrame) -> list:
    """Each claim once, in the article's order of first mention: (claim_key, its mentions)."""
    return [(key, claims[claims["claim_key"] == key]) for key in dict.fromkeys(claims["claim_key"])]


def _agreeing(mentions, pairs, reading) -> list:
    """The figures of another period or scope that a claim's range (tolerance included) overlaps."""
    wide_low, wide_high = widened(*claim_interval(mentions, reading), reading)
    matchable = pairs[pairs["comparability"].isin(MATCHABLE)]
    return [ref for ref in matchable.itertuples()
            if overlaps(wide_low, wide_high, ref.ref_low, ref.ref_high)]


def _companions(rows, reading) -> dict:
    """For each claim, the figures that the other claims of its paragraphs match: (their quote, the figure)."""
    agreeing = {key: (set(mentions["paragraph"]), mentions.iloc[0].quote, _agreeing(mentions, pairs, reading))
                for key, mentions, pairs in rows}
    return {key: [(quote, ref) for other, (paras, quote, refs) in agreeing.items()
                  if other != key and paras & agreeing[key][0] for ref in refs]
            for key in agreeing}


def _latest_year(claims) -> int | None:
    """The latest year the article names: the present of an undated claim."""
    years = [Period(p).last_year for p in claims["period"] if p]
    return max(years) if years else None


def _rate_all(claims, comparisons, references, reading, rule, searches=None):
    compared = compare_claims(claims, comparisons, references)
    rows = [(key, mentions, compared[compared["claim_key"] == key].drop_duplicates("ref_id"))
            for key, mentions in _claim_rows(claims)]
    companions = _companions(rows, reading)
    records = {} if searches is None else searches.set_index("claim_key").to_dict("index")
    latest = _latest_year(claims)
    for key, mentions, pairs in rows:
        low, high = claim_interval(mentions, reading)
        first = mentions.iloc[0]
        yield key, mentions, pairs, low, high, rate_claim(
            low, high, reading, pairs, qualifier=first.qualifier, campaign=first.campaign, rule=rule,
            period=first.period, unit=first.unit, metric=first.metric, latest_year=latest,
            search=records.get(key, {}), companions=companions[key])


def claim_ratings(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame,
                  reading: str = "book rule", rule: tuple | None = None, searches: pd.DataFrame | None = None
                  ) -> pd.DataFrame:
    """One rating per claim under ``reading``, in the article's order of first mention.

    Returns
    -------
    DataFrame
        ``claim_key``; ``rating``, ``conclusion``, ``ref_ids``, ``nearest_ratio``, ``chance_test`` (:func:`rate_claim`);
        ``possible_origin`` (:func:`possible_origins`, space-separated, best first); and, for the book's
        pages, ``claim_ids`` (the mentions, space-separated), ``section``, ``quote`` (first mention),
        ``low`` and ``high`` (the claim's interval before tolerance, in ``unit``), ``unit``.
    """
    searches = load_table("searches") if searches is None else searches
    rows = []
    for key, mentions, pairs, low, high, outcome in _rate_all(claims, comparisons, references, reading, rule,
                                                               searches):
        first = mentions.iloc[0]
        listed = dict(zip(pairs["ref_id"], pairs["comparability"], strict=True))
        origins = possible_origins(*widened(low, high, reading), first.unit, first.period, references, listed,
                                   first.section)
        rows.append({"claim_key": key, **outcome, "possible_origin": " ".join(origins),
                     "claim_ids": " ".join(mentions["claim_id"]), "section": first.section, "quote": first.quote,
                     "low": low, "high": high, "unit": first.unit})
    columns = ["claim_key", "rating", "reason", "conclusion", "ref_ids", "possible_origin", "nearest_ratio", "chance_test",
               "question", "claim_ids", "section", "quote", "low", "high", "unit"]
    return pd.DataFrame(rows, columns=columns)


def claim_sensitivity(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame,
                      rule: tuple | None = None, searches: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every claim's rating under every reading of :data:`READINGS`: columns ``claim_key``, ``reading``, ``rating``.

    One row per claim and reading, claims in the article's order, readings in :data:`READINGS` order.
    """
    searches = load_table("searches") if searches is None else searches
    ratings = {reading: claim_ratings(claims, comparisons, references, reading, rule, searches) for reading in READINGS}
    rows = [{"claim_key": key, "reading": reading, "rating": ratings[reading].set_index("claim_key").loc[key, "rating"]}
            for key in dict.fromkeys(claims["claim_key"]) for reading in READINGS]
    return pd.DataFrame(rows, columns=["claim_key", "reading", "rating"])


def sensitivity_table(sensitivity: pd.DataFrame) -> pd.DataFrame:
    """One row per claim, one column per reading, and ``changes`` (True where the readings disagree)."""
    table = sensitivity.pivot(index="claim_key", columns="reading", values="rating")
    table = table.loc[list(dict.fromkeys(sensitivity["claim_key"])), list(READINGS)]
    table["changes"] = table.nunique(axis=1) > 1
    table.columns.name = None
    return table


def rating_table(ratings: pd.DataFrame) -> pd.DataFrame:
    """A readable copy of :func:`claim_ratings`: one row per claim, its mentions, words, interval and rating."""
    table = pd.DataFrame({
        "mentions": ratings["claim_ids"].str.replace(" ", ", "),
        "the article's words": ratings["quote"],
        "interval": [f"{figure_words(lo)} to {figure_words(hi)} {unit}"
                     for lo, hi, unit in zip(ratings["low"], ratings["high"], ratings["unit"], strict=True)],
        "rating": ratings["rating"],
        "why": ratings["conclusion"],
    })
    table.index = pd.Index(ratings["claim_key"], name="claim")
    return table
