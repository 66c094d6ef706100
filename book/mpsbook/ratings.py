"""Ratings: one per claim, by one stated rule, and how each rating depends on the reading of the hedges.

The rule is stated once, on the method page ("From interval to rating"). :func:`claim_ratings`
applies it under the book's reading; :func:`claim_sensitivity` applies it under every reading of
:data:`READINGS`. A claim's mentions share one rating; where they disagree, that is a finding
about the text (:mod:`mpsbook.findings`), not a second rating.
"""

from __future__ import annotations

import itertools
import math

import pandas as pd

from .quantities import format_figure
from .verdicts import claim_to_official, compare_claims, period_distance, period_span, reference_interval, units_match

RATINGS = {
    "correct": "An official figure of the same measure, period and scope lies within the claim's interval.",
    "correct as a lower bound": "The claim is a running total ('since' a year, 'over' a figure) and the ministry's "
                                "own totals for parts of that time already reach the figure.",
    "matches a figure of another period or scope": "No official figure of the same measure, period and scope agrees, "
                                                   "but one of another period, campaign or scope lies within the "
                                                   "claim's interval.",
    "higher than the ministry's figure": "The claim's interval lies wholly above the ministry's figure of the same "
                                         "measure, period and scope.",
    "lower than the ministry's figure": "The claim's interval lies wholly below the ministry's figure of the same "
                                        "measure, period and scope.",
    "no like-for-like figure": "Official figures of related measures, periods or scopes exist but none matches; the "
                               "conclusion names the nearest and which way it points.",
    "not found": "No official figure bearing on the claim was found; the searches made are recorded.",
    "impossible": "The claim's interval lies wholly above a hard bound that no count of its kind can exceed.",
}
READINGS = {
    "book rule": "The interval rule (the place value of the last significant digit), each end widened by a "
                 "tolerance of 10% of its value.",
    "no tolerance": "The interval rule with its ends taken as hard limits.",
    "plus or minus 10%": "Every stated figure allows 10% either side of it, whatever its hedge; orders of magnitude "
                         "as in the interval rule.",
    "open-ended hedges": "'Over X' allows X or more with no upper end, 'nearly X' allows 0.9X to X, 'about X' 0.9X to "
                         "1.1X; orders of magnitude as in the interval rule.",
}
TOLERANCE = {"book rule": 0.10}  # relative; the other readings add none

CLOSENESS = ("same", "partial total", "different period", "different campaign", "different scope")


def mention_interval(mention, reading: str = "book rule") -> tuple[float, float]:
    """The interval one mention's words allow under ``reading`` (a key of :data:`READINGS`), before any tolerance.

    ``mention`` has the ledger's ``figure``, ``low``, ``high`` and ``qualifier``. Raises KeyError for an
    unknown reading.
    """
    figure, qualifier = mention.figure, mention.qualifier
    if reading in ("book rule", "no tolerance") or qualifier == "order" or math.isnan(figure):
        return float(mention.low), float(mention.high)
    if reading == "plus or minus 10%":
        return 0.9 * figure, 1.1 * figure
    if reading == "open-ended hedges":
        return {"exact": (figure, figure), "over": (figure, math.inf), "nearly": (0.9 * figure, figure),
                "about": (0.9 * figure, 1.1 * figure), "contradictory": (0.9 * figure, math.inf)}[qualifier]
    raise KeyError(f"unknown reading '{reading}'; the readings are: {', '.join(READINGS)}")


def claim_interval(mentions: pd.DataFrame, reading: str = "book rule") -> tuple[float, float]:
    """One claim's interval: where its mentions' intervals overlap, their common part, else their union."""
    bounds = [mention_interval(m, reading) for m in mentions.itertuples()]
    low, high = max(b[0] for b in bounds), min(b[1] for b in bounds)
    return (low, high) if low <= high else (min(b[0] for b in bounds), max(b[1] for b in bounds))




def widened(low: float, high: float, reading: str) -> tuple[float, float]:
    """An interval with the reading's relative tolerance (:data:`TOLERANCE`) added to each end."""
    tolerance = TOLERANCE.get(reading, 0.0)
    return low * (1 - tolerance), high * (1 + tolerance)


def _overlaps(low: float, high: float, ref_low: float, ref_high: float) -> bool:
    return ref_low <= high and ref_high >= low


def _describe(ref) -> str:
    """An official figure in words: its value and unit, what it counts, of what and when."""
    return f"{format_figure(ref.value)} {ref.unit_ref} ({ref.metric}, {ref.topic}, {ref.period_ref})"


def closeness(kind: str, claim_period: str, ref_period: str, value: float, middle: float) -> tuple:
    """How far an official figure is from a claim, as a sort key: the kind of comparison (:data:`CLOSENESS`, figures
    not listed last), the years between the periods' middles, the orders of magnitude between the figure and ``middle``."""
    rank = CLOSENESS.index(kind) if kind in CLOSENESS else len(CLOSENESS)
    distance = abs(math.log10(value / middle)) if value > 0 and middle > 0 else math.inf
    return rank, period_distance(claim_period, ref_period), distance


def _middle(low: float, high: float) -> float:
    return math.sqrt(low * high) if math.isfinite(high) and low > 0 else low


def possible_origins(claim_low: float, claim_high: float, claim_unit: str, claim_period: str,
                     references: pd.DataFrame, listed: dict, section: str = "") -> list:
    """The ref_ids of every official figure whose interval overlaps the claim's, closest first.

    Parameters
    ----------
    claim_low, claim_high : float
        The claim's interval, tolerance included, in the claim's unit.
    claim_unit, claim_period : str
        As in the ledger; only figures in a matching unit (:func:`units_match`) are considered.
    references : DataFrame
        The official figures (``ref_id``, ``value``, ``relation``, ``unit``, ``period``).
    listed : dict
        ref_id -> comparability, for the figures the comparisons table lists against this claim.
    section : str
        The claim's section: a figure the comparisons table does not list counts only if it is of the same section.

    Returns
    -------
    list of str
        Ranked by :func:`closeness`: how close the measure and campaign are, then the period, then the size.
    """
    middle = _middle(claim_low, claim_high)
    found = []
    for ref in references.itertuples():
        kind = listed.get(ref.ref_id, "")
        if kind in ("bound", "different unit") or not units_match(claim_unit, ref.unit):
            continue
        if not kind and section and ref.section != section:
            continue
        ref_low, ref_high = reference_interval(ref.value, ref.relation)
        if _overlaps(claim_low, claim_high, ref_low, ref_high):
            found.append((closeness(kind, claim_period, ref.period, ref.value, middle), ref.ref_id))
    return [ref_id for _, ref_id in sorted(found)]


def _partial_totals(pairs: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """The partial totals summed (the smaller of two tallies of one period) and their ref_ids, earliest first."""
    chosen = pairs.sort_values("ref_low").drop_duplicates("period_ref")
    spans = sorted((period_span(p), ref_id) for p, ref_id in zip(chosen["period_ref"], chosen["ref_id"], strict=True))
    for (first, first_id), (second, second_id) in itertools.pairwise(spans):
        if second[0] < first[1] - 1e-9:
            raise ValueError(f"partial totals {first_id} and {second_id} cover overlapping periods")
    return chosen, [ref_id for _, ref_id in spans]


def running_total(pairs: pd.DataFrame) -> tuple[float, list]:
    """The least the ministry's partial totals add up to, and the ref_ids summed, earliest first.

    ``pairs`` are a claim's ``partial total`` rows of :func:`compare_claims`. Where two figures cover the
    same period (two tallies of one campaign), the smaller is taken. Raises ValueError when the
    periods summed overlap, naming them: a running total may only add disjoint periods.
    """
    chosen, ordered = _partial_totals(pairs)
    return float(chosen["ref_low"].sum()), ordered


def running_total_steps(pairs: pd.DataFrame) -> list[float]:
    """The running total at the end of each period :func:`running_total` sums, earliest first (same figures, same checks)."""
    chosen, ordered = _partial_totals(pairs)
    return [float(total) for total in chosen.set_index("ref_id").loc[ordered, "ref_low"].cumsum()]


def _outcome(rating, ref_ids, ratio, conclusion):
    return {"rating": rating, "ref_ids": " ".join(dict.fromkeys(ref_ids)), "nearest_ratio": ratio,
            "conclusion": conclusion}


def rate_claim(low: float, high: float, reading: str, pairs: pd.DataFrame) -> dict:
    """One claim's rating under ``reading``, by the rule on the method page: its steps in order, the first that holds.

    Parameters
    ----------
    low, high : float
        The claim's interval under ``reading``, before tolerance.
    reading : str
        A key of :data:`READINGS`.
    pairs : DataFrame
        The claim's rows of :func:`compare_claims`, one per official figure.

    Returns
    -------
    dict
        ``rating`` (a key of :data:`RATINGS`), ``ref_ids`` (the figures it rests on, space-separated, the
        deciding one first), ``nearest_ratio`` (:func:`claim_to_official` against that figure; NaN where
        there is none, or it counts another unit) and ``conclusion`` (one plain sentence).
    """
    if pairs.empty:
        return _outcome("not found", [], math.nan,
                        "No official figure was found; the searches made are recorded with the data.")
    wide_low, wide_high = widened(low, high, reading)
    pairs = pairs.assign(
        agrees=[_overlaps(wide_low, wide_high, lo, hi) for lo, hi in zip(pairs["ref_low"], pairs["ref_high"], strict=True)],
        times=[claim_to_official(low, high, lo, hi) for lo, hi in zip(pairs["ref_low"], pairs["ref_high"], strict=True)],
        closeness=[closeness(r.comparability, r.period, r.period_ref, r.value, _middle(low, high))
                   for r in pairs.itertuples()],
    )
    claim = {"low": low, "high": high, "wide_low": wide_low, "pairs": pairs}
    for step in (_impossible, _correct, _lower_bound, _matches, _higher_or_lower, _short_of_total, _nearest):
        outcome = step(claim)
        if outcome:
            return outcome
    bound = _of_kind(claim, "bound").iloc[0]  # every figure listed is a bound the claim keeps within
    return _outcome("not found", [], math.nan,
                    f"No official figure of this measure was found; the claim stays within its hard bound, "
                    f"{_describe(bound)}.")


def _of_kind(claim: dict, *kinds) -> pd.DataFrame:
    pairs = claim["pairs"]
    return pairs[pairs["comparability"].isin(kinds)]


def _impossible(claim):
    broken = _of_kind(claim, "bound")
    broken = broken[broken["ref_high"] < claim["wide_low"]]
    if len(broken):
        worst = broken.loc[broken["times"].idxmax()]
        return _outcome("impossible", [worst.ref_id], worst.times,
                        f"Even the claim's lowest reading is {_times(worst.times)} times a hard bound, "
                        f"{_describe(worst)}.")
    return None


def _correct(claim):
    same = _of_kind(claim, "same")
    if same["agrees"].any():
        best = same[same["agrees"]].iloc[0]
        return _outcome("correct", [best.ref_id], best.times,
                        f"The ministry's figure, {_describe(best)}, lies within the claim's interval.")
    return None


def _lower_bound(claim):
    parts = _of_kind(claim, "partial total")
    if len(parts):
        least, summed = running_total(parts)
        if least >= claim["wide_low"]:
            return _outcome("correct as a lower bound", summed,
                            claim_to_official(claim["low"], claim["high"], least, math.inf),
                            f"The ministry's own totals of {parts.iloc[0].metric} for parts of the period "
                            f"({_periods(parts, summed)}) already add up to at least {format_figure(least)}, so the "
                            "claim holds as a lower bound.")
    return None


def _matches(claim):
    others = _of_kind(claim, *CLOSENESS[1:])
    others = others[others["agrees"]]
    if not len(others):
        return None
    best = others.loc[others["closeness"].idxmin()]
    same, tail, ref_ids = _of_kind(claim, "same"), "", [best.ref_id]
    if len(same):
        own = same.loc[(same["times"] - 1).abs().idxmin()]
        tail = "; " + _against(own.times, f"the ministry's figure of {_describe(own)} for the claim's own period "
                                          "and scope")
        ref_ids.append(own.ref_id)
    why = best.reason.rstrip(".")
    return _outcome("matches a figure of another period or scope", ref_ids, best.times,
                    f"The claim matches {_describe(best)}, of another period or scope: "
                    f"{why[0].lower() + why[1:]}{tail}.")


def _higher_or_lower(claim):
    same = _of_kind(claim, "same")
    if not len(same):
        return None
    own = same.loc[same["times"].map(lambda r: abs(math.log(r))).idxmin()]
    direction = "higher" if own.times > 1 else "lower"
    return _outcome(f"{direction} than the ministry's figure", [own.ref_id], own.times,
                    _sentence(_against(own.times, f"the ministry's figure of {_describe(own)}")))


def _short_of_total(claim):
    parts = _of_kind(claim, "partial total")
    if not len(parts):
        return None
    least, summed = running_total(parts)
    short = claim_to_official(claim["low"], claim["high"], least, least)
    return _outcome("no like-for-like figure", summed, short,
                    f"The ministry's own totals of {parts.iloc[0].metric} for parts of the period "
                    f"({_periods(parts, summed)}) add up to at least {format_figure(least)}; the claim's interval "
                    f"is at least {_times(short)} times that, and later parts may close the gap.")


def _nearest(claim):
    related = _of_kind(claim, *CLOSENESS, "different unit")
    if not len(related):
        return None
    alike = related[related["comparability"] != "different unit"]
    if not len(alike):
        first = related.iloc[0]
        return _outcome("no like-for-like figure", [first.ref_id], math.nan,
                        f"The only official figure found, {_describe(first)}, counts something else.")
    nearest = alike.loc[alike["closeness"].idxmin()]
    return _outcome("no like-for-like figure", [nearest.ref_id], nearest.times,
                    "No official figure counts the same thing; "
                    + _against(nearest.times, f"the nearest official figure of {_describe(nearest)}") + ".")


def _periods(pairs: pd.DataFrame, ref_ids: list) -> str:
    """The periods of the figures ``ref_ids`` in words: '2018-2020, 2021 and 2022'."""
    periods = [pairs.set_index("ref_id").loc[ref_id, "period_ref"] for ref_id in ref_ids]
    return periods[0] if len(periods) == 1 else ", ".join(periods[:-1]) + " and " + periods[-1]


def _times(ratio: float) -> str:
    return f"{ratio:,.1f}" if ratio < 100 else f"{ratio:,.0f}"


def _against(ratio: float, official: str) -> str:
    """The claim's interval set against an official figure, in words, from :func:`claim_to_official`'s ratio."""
    if ratio > 1:
        return f"the claim's interval is at least {_times(ratio)} times {official}"
    if ratio < 1:
        return f"{official} is at least {_times(1 / ratio)} times the claim's interval"
    return f"{official} lies within the claim's interval"


def _sentence(clause: str) -> str:
    """A clause as a sentence: first letter capital, full stop."""
    return clause[0].upper() + clause[1:] + "."


def _claim_rows(claims: pd.DataFrame) -> list:
    """Each claim once, in the article's order of first mention: (claim_key, its mentions)."""
    return [(key, claims[claims["claim_key"] == key]) for key in dict.fromkeys(claims["claim_key"])]


def _rate_all(claims, comparisons, references, reading):
    compared = compare_claims(claims, comparisons, references)
    for key, mentions in _claim_rows(claims):
        pairs = compared[compared["claim_key"] == key].drop_duplicates("ref_id")
        low, high = claim_interval(mentions, reading)
        yield key, mentions, pairs, low, high, rate_claim(low, high, reading, pairs)


def claim_ratings(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame,
                  reading: str = "book rule") -> pd.DataFrame:
    """One rating per claim under ``reading``, in the article's order of first mention.

    Returns
    -------
    DataFrame
        ``claim_key``; ``rating``, ``conclusion``, ``ref_ids``, ``nearest_ratio`` (:func:`rate_claim`);
        ``possible_origin`` (:func:`possible_origins`, space-separated, best first); and, for the book's
        pages, ``claim_ids`` (the mentions, space-separated), ``section``, ``quote`` (first mention),
        ``low`` and ``high`` (the claim's interval before tolerance, in ``unit``), ``unit``.
    """
    rows = []
    for key, mentions, pairs, low, high, outcome in _rate_all(claims, comparisons, references, reading):
        first = mentions.iloc[0]
        listed = dict(zip(pairs["ref_id"], pairs["comparability"], strict=True))
        origins = possible_origins(*widened(low, high, reading), first.unit, first.period, references, listed,
                                   first.section)
        rows.append({"claim_key": key, **outcome, "possible_origin": " ".join(origins),
                     "claim_ids": " ".join(mentions["claim_id"]), "section": first.section, "quote": first.quote,
                     "low": low, "high": high, "unit": first.unit})
    columns = ["claim_key", "rating", "conclusion", "ref_ids", "possible_origin", "nearest_ratio", "claim_ids",
               "section", "quote", "low", "high", "unit"]
    return pd.DataFrame(rows, columns=columns)


def claim_sensitivity(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """Every claim's rating under every reading of :data:`READINGS`: columns ``claim_key``, ``reading``, ``rating``.

    One row per claim and reading, claims in the article's order, readings in :data:`READINGS` order.
    """
    ratings = {reading: claim_ratings(claims, comparisons, references, reading) for reading in READINGS}
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
        "interval": [f"{format_figure(lo)} to {format_figure(hi)} {unit}"
                     for lo, hi, unit in zip(ratings["low"], ratings["high"], ratings["unit"], strict=True)],
        "rating": ratings["rating"],
        "why": ratings["conclusion"],
    })
    table.index = pd.Index(ratings["claim_key"], name="claim")
    return table
