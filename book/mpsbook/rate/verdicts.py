"""Official figures read as intervals, periods read as spans of time, and each claim set beside its official figures.

The rating rule that uses them is in :mod:`mpsbook.rate.ratings`.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd

from ..extract.numbers import place_value
from ..extract.quantities import interval
from ..ledger.period import Period
from .wording import period_words

REFERENCE_QUALIFIERS = {"exact": "exact", "lower": "over", "upper": "nearly", "approx": "about"}
# Official units that count the same thing as a claim's unit (a claim's own unit always matches).
MATCHING_UNITS = {"suspects": {"people"}, "tons": {"tonnes"}, "dens": {"sites"}, "police": {"officers"},
                  "cards": {"people"}, "units": {"companies and units"}}
# How close each kind of comparison is, closest first; 'bound' and 'different unit' never match a claim.


def figure_step(value: float) -> Decimal:
    """The place value of the last significant digit of a figure given as a number (23.6e9 -> 0.1e9)."""
    written = format(Decimal(repr(abs(float(value)))).normalize(), "f")
    return place_value(written)


def reference_interval(value: float, relation: str) -> tuple[float, float]:
    """The interval an official figure allows, by the interval rule applied to the source's words.

    Parameters
    ----------
    value : float
        The figure as published, in the reference's unit.
    relation : {"exact", "lower", "upper", "approx"}
        How the source hedges it; "lower" reads as *over*, "upper" as *nearly*, "approx" as *about*.

    Returns
    -------
    tuple of float
        (low, high), in the unit of ``value``. Rule: methods page, "Reading a vague number as an interval";
        a figure whose one significant digit is a 1 ("nearly 100,000") takes the step of the digit below.

    Raises
    ------
    KeyError
        For any other ``relation``.
    """
    step = figure_step(value)
    if relation == "upper" and Decimal(repr(abs(float(value)))).normalize().as_tuple().digits == (1,):
        step = step / 10  # 'nearly 100,000' (近10万): [X - s, X] would run down to zero
    low, high = interval(Decimal(repr(float(value))), step, REFERENCE_QUALIFIERS[relation])
    return float(low), float(high)


def period_distance(one: str, other: str) -> float:
    """Years between the middles of two periods; 0 where either is empty."""
    if not (one and other):
        return 0.0
    a, b = Period(one).span, Period(other).span
    return abs((a[0] + a[1]) / 2 - (b[0] + b[1]) / 2)


def claim_to_official(claim_low: float, claim_high: float, ref_low: float, ref_high: float) -> float:
    """How many times the claim's interval is the official one's: > 1 above it, < 1 below it, 1 where they overlap."""
    if claim_low > ref_high:
        return claim_low / ref_high if ref_high > 0 else math.inf
    if claim_high < ref_low:
        return claim_high / ref_low
    return 1.0


def units_match(claim_unit: str, ref_unit: str) -> bool:
    """Whether an official unit counts what a claim's unit counts (:data:`MATCHING_UNITS`)."""
    return ref_unit == claim_unit or ref_unit in MATCHING_UNITS.get(claim_unit, set())


def _years(period: str) -> float:
    """The length of a period in years (2018-2020 -> 3.0)."""
    start, end = Period(period).span
    return end - start


def compare_claims(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """Every listed comparison of a mention with an official figure, with the official interval and the ratio.

    Columns: those of ``comparisons``; the mention's ``claim_key``, ``quote``, ``low``, ``high``, ``unit``,
    ``period``; the reference's ``topic``, ``metric``, ``value``, ``unit_ref``, ``relation``, ``period_ref``,
    ``publisher``, ``published``, ``url``; ``ref_low`` and ``ref_high`` (:func:`reference_interval`) and
    ``ratio`` (:func:`claim_to_official`, NaN for a different unit). Rows in the ledger's order.

    A figure compared as a *yearly average* (a total over several years, set against a claim of so
    many a year) is divided by the length of its period in years (:attr:`mpsbook.ledger.period.Period.span`): ``value``,
    ``ref_low`` and ``ref_high`` are then per year.
    """
    joined = comparisons.merge(claims[["claim_id", "claim_key", "quote", "low", "high", "unit", "period"]], on="claim_id")
    joined = joined.merge(
        references[["ref_id", "topic", "metric", "value", "unit", "relation", "period", "publisher", "published", "url"]],
        on="ref_id", suffixes=("", "_ref"),
    )
    bounds = [reference_interval(v, r) for v, r in zip(joined["value"], joined["relation"], strict=True)]
    years = [_years(period) if kind == "yearly average" else 1.0
             for period, kind in zip(joined["period_ref"], joined["comparability"], strict=True)]
    joined["value"] = joined["value"] / years
    joined["ref_low"] = [low / n for (low, _), n in zip(bounds, years, strict=True)]
    joined["ref_high"] = [high / n for (_, high), n in zip(bounds, years, strict=True)]
    joined["ratio"] = [
        claim_to_official(*row[:4]) if row[4] != "different unit" else math.nan
        for row in zip(joined["low"], joined["high"], joined["ref_low"], joined["ref_high"], joined["comparability"], strict=True)
    ]
    order = {claim: i for i, claim in enumerate(claims["claim_id"])}
    return joined.sort_values("claim_id", key=lambda ids: ids.map(order), kind="stable").reset_index(drop=True)


KIND_LABELS = {
    "same": "official, same measure",
    "partial total": "official, part of a running total",
    "bound": "hard bound",
    "different campaign": "official, other campaign",
    "different unit": "official, other unit",
    "different period": "official, other period",
    "different scope": "official, other scope",
    "local": "official, one city or province",
    "yearly average": "official, yearly average",
}


def comparison_frame(claim_ids, claims: pd.DataFrame, compared: pd.DataFrame, ref_ids=None, kinds=None
                     ) -> pd.DataFrame:
    """Rows for a comparison chart: the claims, then the official figures they are compared with.

    ``compared`` is :func:`compare_claims`' output; ``ref_ids`` keeps only those references
    (all of the claims' comparisons by default); ``kinds`` maps a ref_id to a kind label of its own
    (a key of the chart colours), in place of its comparability's. Labels name a claim by its words (no
    claim id) and write periods in words (:func:`mpsbook.rate.wording.period_words`). Columns: ``label``, ``kind`` (``the
    article`` or a :data:`KIND_LABELS` value), ``low``, ``high``, ``value`` (the official
    figure; NaN for a claim), ``unit``, ``detail`` (the quote, or the reference's metric,
    period and publisher), ``source`` and ``ref_id`` (empty for a claim; the site lists each
    chart's sources, with their links, from it).
    """
    chosen = claims.set_index("claim_id").loc[list(claim_ids)].reset_index()
    rows = [
        {"label": f"the article: \u201c{c.quote}\u201d", "kind": "the article", "low": c.low, "high": c.high,
         "value": math.nan, "unit": c.unit, "detail": f"{c.metric}, {period_words(c.period) or 'no period given'}",
         "source": f"the article, paragraph {c.paragraph}", "ref_id": ""}
        for c in chosen.itertuples()
    ]
    pairs = compared[compared["claim_id"].isin(claim_ids)].drop_duplicates("ref_id")
    if ref_ids is not None:
        pairs = pairs.set_index("ref_id").loc[list(ref_ids)].reset_index()
    rows += [
        {"label": f"{r.metric} ({r.topic})" if r.period_ref in r.topic
         else f"{r.metric} ({r.topic}, {period_words(r.period_ref)})",
         "kind": (kinds or {}).get(r.ref_id, KIND_LABELS[r.comparability]), "low": r.ref_low,
         "high": r.ref_high, "value": r.value, "unit": r.unit_ref, "detail": r.reason,
         "source": f"{r.publisher}, {r.published}", "ref_id": r.ref_id}
        for r in pairs.itertuples()
    ]
    return pd.DataFrame(rows)
