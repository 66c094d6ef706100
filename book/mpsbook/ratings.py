"""Ratings: one per claim, by one stated rule, and how each rating depends on the reading of the hedges.

The rule is stated once, on the method page ("From interval to rating"). :func:`claim_ratings`
applies it under the book's reading; :func:`claim_sensitivity` applies it under every reading of
:data:`READINGS`. A claim's mentions share one rating; where they disagree, that is a finding
about the text (:mod:`mpsbook.findings`), not a second rating.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pandas as pd

from .data import DATAPACKAGE, DataError, display_path, load_table, resource_descriptor
from .origins import CLOSENESS, closeness, possible_origins
from .quantities import format_figure
from .readings import READINGS, claim_interval, interval_middle, overlaps, widened
from .running_totals import running_total
from .verdicts import claim_to_official, compare_claims, units_match
from .wording import amount_words, count_words, counted_by_words, counted_words, figure_words, period_words, round_for_words, times_words

RATINGS = {
    "correct": "An official figure of the same measure, period and scope lies within the range the claim's words "
               "allow.",
    "correct as a lower bound": "The claim gives a floor ('over' a figure, or a running total 'since' a year) and the "
                                "ministry's own figures for that period already reach it.",
    "matches a figure of another period or scope": "No official figure exists for the claim's own period and scope, "
                                                   "and its number matches one of another period or scope closely "
                                                   "enough that chance is an unlikely explanation (the chance test).",
    "wrong for the period it names": "An official figure of the same measure and scope exists for the period the claim "
                                     "names, and the claim's number is far from it; the conclusion says how far, and "
                                     "where the number probably came from.",
    "misleading": "The number matches an official figure of the same period, but of another campaign or a wider scope "
                  "than the claim says.",
    "no like-for-like figure": "Official figures of related measures, periods or scopes exist but none can confirm or "
                               "refute the claim; the conclusion names the nearest, national before local.",
    "not found": "No official figure bearing on the claim was found; the searches made are recorded.",
    "impossible": "The claim's number is above a hard limit that no count of its kind can exceed, however its words "
                  "are read.",
}
MATCHABLE = CLOSENESS[2:-1]  # kinds a match may come from: a national claim matching one city is taken for chance
FLOOR_QUALIFIERS = ("over",)  # hedges that give a floor: a figure above the claim's range does not refute it
VAGUE = 10.0  # a claim whose range spans this factor or more ('hundreds of billions') would match almost any figure


def _outcome(rating, ref_ids, ratio, conclusion, chance=""):
    return {"rating": rating, "ref_ids": " ".join(dict.fromkeys(ref_ids)), "nearest_ratio": ratio,
            "conclusion": conclusion, "chance_test": chance}


def rate_claim(low: float, high: float, reading: str, pairs: pd.DataFrame, qualifier: str = "",
               campaign: str = "", rule: list | None = None) -> dict:
    """One claim's rating under ``reading``, by the rule on the method page: its steps in order, the first that holds.

    The steps follow an editor's questions: is there an official figure of the same measure, period
    and scope (correct, correct as a lower bound, wrong for the period it names)? Does the claim
    pass a hard limit (impossible)? Do the ministry's totals for parts of a running total reach it?
    Does the number match a figure of the same period but another campaign or scope (misleading),
    or one of another period that the chance test cannot put down to chance (matches a figure of
    another period or scope)? Otherwise the nearest figure is named (no like-for-like figure).

    Parameters
    ----------
    low, high : float
        The claim's range under ``reading``, before tolerance, in the claim's unit.
    reading : str
        A key of :data:`READINGS`.
    pairs : DataFrame
        The claim's rows of :func:`compare_claims`, one per official figure.
    qualifier : str
        The claim's hedge; one of :data:`FLOOR_QUALIFIERS` makes it a floor, which a higher figure does not refute.
    campaign : str
        The campaign the article credits, named where the number belongs to another.
    rule : list of (step, question), optional
        The rule's questions in the order they are asked (:func:`rating_rule`); the data package's by default.

    Returns
    -------
    dict
        ``rating`` (a key of :data:`RATINGS`), ``ref_ids`` (the figures it rests on, space-separated, the
        deciding one first), ``nearest_ratio`` (:func:`claim_to_official` against that figure; NaN where
        there is none, or it counts another unit), ``conclusion`` (at most
        :data:`mpsbook.wording.MAX_WORDS` words of plain English), ``chance_test`` (the chance
        test in words, where the rule ran it; else empty) and ``question`` (the rule's question that
        decided it).

    Raises
    ------
    ValueError
        When no step of ``rule`` settles the claim (a rule that leaves out the steps that always do).
    """
    wide_low, wide_high = widened(low, high, reading)
    pairs = pairs.assign(
        agrees=[overlaps(wide_low, wide_high, lo, hi) for lo, hi in zip(pairs["ref_low"], pairs["ref_high"], strict=True)],
        times=[claim_to_official(low, high, lo, hi) for lo, hi in zip(pairs["ref_low"], pairs["ref_high"], strict=True)],
        closeness=[closeness(r.comparability, r.period, r.period_ref, r.value, interval_middle(low, high))
                   for r in pairs.itertuples()],
    )
    claim = {"low": low, "high": high, "wide_low": wide_low, "wide_high": wide_high, "pairs": pairs,
             "floor": qualifier in FLOOR_QUALIFIERS, "campaign": campaign}
    for step, question in (rating_rule() if rule is None else rule):
        outcome = RULE_STEPS[step](claim)
        if outcome:
            return {**outcome, "question": question}
    raise ValueError("no question of the rating rule settled the claim: the rule must end with a step that always "
                     "does (any-figure, nearest and within-limits together settle every claim)")


def _no_figure(claim):
    if claim["pairs"].empty:
        return _outcome("not found", [], math.nan, "No official figure was found; the searches made are listed below.")
    return None


def _within_limits(claim):
    bounds = _of_kind(claim, "bound")
    if len(bounds) < len(claim["pairs"]):
        return None
    return _outcome("not found", [], math.nan,  # every figure listed is a hard limit the claim keeps within
                    f"No official figure of this measure was found; the claim stays under its hard limit, "
                    f"{counted_words(bounds.iloc[0])}.")


def _of_kind(claim: dict, *kinds) -> pd.DataFrame:
    pairs = claim["pairs"]
    return pairs[pairs["comparability"].isin(kinds)]


def _own_unit(claim, ref) -> str:
    """The claim's unit where the figure counts the same kind of thing (suspects for people), else the figure's."""
    return ref.unit if units_match(ref.unit, ref.unit_ref) else ref.unit_ref


def _origin(claim, own) -> tuple[str, list]:
    """A second sentence naming the figure the claim's number matches, where one of another period or scope does.

    ``own`` is the figure of the claim's period; the match's topic is named only where it differs from it.
    """
    others = _of_kind(claim, *MATCHABLE)
    others = others[others["agrees"] & (others["ref_id"] != own.ref_id)]
    if not len(others):
        return "", []
    best = others.loc[others["closeness"].idxmin()]
    topic = f" ({best.topic})" if best.topic != own.topic else ""
    return f" It matches {amount_words(best, _own_unit(claim, best))}{topic}.", [best.ref_id]


def _same_period(claim):
    same = _of_kind(claim, "same", "yearly average")
    if not len(same):
        return None
    if same["agrees"].any():
        best = same[same["agrees"]].iloc[0]
        return _outcome("correct", [best.ref_id], best.times,
                        f"{counted_by_words(best)} {amount_words(best, _own_unit(claim, best))}, as the claim says.")
    own = same.loc[same["times"].map(lambda r: abs(math.log(r))).idxmin()]
    if claim["floor"] and own.times < 1:
        return _outcome("correct as a lower bound", [own.ref_id], own.times,
                        f"{counted_by_words(own)} {amount_words(own, _own_unit(claim, own))}: more, as 'over' allows.")
    origin, origin_ids = _origin(claim, own)
    direction = (f"the claim is {times_words(own.times)} that" if own.times > 1
                 else f"the claim is {times_words(1 / own.times)} lower")
    return _outcome("wrong for the period it names", [own.ref_id, *origin_ids], own.times,
                    f"{counted_by_words(own)} {amount_words(own, _own_unit(claim, own))}; {direction}.{origin}")


def _impossible(claim):
    broken = _of_kind(claim, "bound")
    broken = broken[broken["ref_high"] < claim["wide_low"]]
    if not len(broken):
        return None
    worst = broken.loc[broken["times"].idxmax()]
    words = f"{times_words(worst.times).capitalize()} a hard limit: {counted_words(worst)}."
    other_unit = _of_kind(claim, "different unit")
    other_unit = other_unit[other_unit["agrees"]]
    if len(other_unit):  # the number fits a figure of another unit: the likelier reading of garbled words
        fits = other_unit.loc[other_unit["closeness"].idxmin()]
        words += f" In {fits.unit_ref}, it fits {counted_words(fits)}."
    return _outcome("impossible", [worst.ref_id, *other_unit["ref_id"][:1]], worst.times, words)


def _lower_bound(claim):
    parts = _of_kind(claim, "partial total")
    if len(parts):
        least, summed = running_total(parts)
        if least >= claim["wide_low"]:
            return _outcome("correct as a lower bound", summed,
                            claim_to_official(claim["low"], claim["high"], least, math.inf),
                            f"The ministry's own totals for {_periods(parts, summed)} already add up to "
                            f"{figure_words(least, parts.iloc[0].unit_ref)}, so the claim holds as a floor.")
    return None


def _misleading(claim):
    """The number matches a figure of the claim's own period, but of another campaign or a wider scope."""
    same_period = _of_kind(claim, "different campaign", "different scope")
    same_period = same_period[same_period["period"] == same_period["period_ref"]]
    elsewhere = same_period[same_period["agrees"]]
    if not len(elsewhere):
        return None
    best = elsewhere.loc[elsewhere["closeness"].idxmin()]
    credited = f", not the {claim['campaign']}'s" if claim["campaign"] else ""
    words = f"The number fits {counted_words(best)} ({best.topic}){credited}."
    tied = same_period[~same_period["agrees"] & (same_period["unit_ref"] == best.unit_ref)]
    if len(tied):  # the figure nearer to what the claim names, which it does not fit
        nearer = tied.loc[tied["closeness"].idxmin()]
        words += f" The nearer count: {counted_words(nearer, when=False)}."
    return _outcome("misleading", [best.ref_id, *tied["ref_id"][:1]], best.times, words)


def chance_test(claim, best) -> tuple[bool, str]:
    """Whether a match with ``best`` (a figure of another period or scope) is unlikely to be chance, and why, in words.

    A match counts only if the claim's range spans less than :data:`VAGUE` (a wider one would fit
    almost any figure of its order), and, of the figures of the same measure in other periods (the
    series: comparisons *same* and *different period* in the claim's unit), the claim fits at most
    one: a number that fits several years' figures cannot say which it came from.
    """
    spread = claim["high"] / claim["low"] if claim["low"] > 0 else math.inf
    if spread >= VAGUE:
        span = "has no upper end" if math.isinf(spread) else f"spans a factor of {round_for_words(spread):,.0f}"
        return False, f"A claim this vague {span}, so it would fit almost any figure of its size."
    series = _of_kind(claim, "same", "yearly average", "different period")
    alike = [units_match(unit, ref_unit) for unit, ref_unit in zip(series["unit"], series["unit_ref"], strict=True)]
    series = series[pd.Series(alike, index=series.index, dtype=bool)]
    fits = int(series["agrees"].sum())
    if not len(series):
        return True, "No other figure of this measure was found to test the match against."
    share = ("both" if fits == 2 else f"all {count_words(fits)}") if fits == len(series) > 1 else f"{fits} of the {len(series)}"
    words = f"A claim this vague would match {share} figures of this measure for other periods"
    if fits > 1:
        return False, words + ", so a match cannot say which it came from."
    return True, words + f"; its match with {amount_words(best, _own_unit(claim, best))} is unlikely to be chance."


def _matches(claim):
    others = _of_kind(claim, *MATCHABLE)
    others = others[others["agrees"]]
    if not len(others):
        return None
    best = others.loc[others["closeness"].idxmin()]
    passes, words = chance_test(claim, best)
    claim["chance"] = words
    if not passes:
        return None
    return _outcome("matches a figure of another period or scope", [best.ref_id], best.times,
                    f"No figure for {_claim_period(best)} was published; the number matches "
                    f"{amount_words(best, _own_unit(claim, best))} ({best.topic}).", words)


def _claim_period(row) -> str:
    return period_words(row.period) if row.period else "the claim's own period"


def _short_of_total(claim):
    parts = _of_kind(claim, "partial total")
    if not len(parts):
        return None
    least, summed = running_total(parts)
    short = claim_to_official(claim["low"], claim["high"], least, least)
    return _outcome("no like-for-like figure", summed, short,
                    f"The ministry's own totals for {_periods(parts, summed)} reach only "
                    f"{figure_words(least, parts.iloc[0].unit_ref)}; later years may close the gap.",
                    claim.get("chance", ""))


def _nearest(claim):
    """The nearest related figure: national before local, then the kind of comparison, the period and the size."""
    related = _of_kind(claim, *CLOSENESS, "different unit")
    if not len(related):
        return None
    ranked = related.assign(order=[(kind == "local", kind == "different unit", near)
                                   for kind, near in zip(related["comparability"], related["closeness"], strict=True)])
    nearest = ranked.loc[ranked["order"].idxmin()]
    chance = claim.get("chance", "")
    ratio = math.nan if nearest.comparability == "different unit" else nearest.times
    official = counted_words(nearest)
    if nearest.agrees and nearest.comparability != "different unit":  # a match the chance test set aside
        fits = int(_of_kind(claim, "same", "yearly average", "different period")["agrees"].sum())
        amount = f"{amount_words(nearest, _own_unit(claim, nearest))} ({nearest.topic})"
        if fits > 1:
            why = f"figures of {count_words(fits)} other periods fit its number, so the match with {amount} proves nothing"
        else:
            why = (f"{figure_words(claim['low'])} to {figure_words(claim['high'], nearest.unit)} is too wide a range "
                   f"to tie to {amount}")
        return _outcome("no like-for-like figure", [nearest.ref_id], ratio,
                        f"No figure for {_claim_period(nearest)} was published; {why}.", chance)
    if nearest.unit_ref == "person-times":
        how = f"the nearest, {official}, counts a person once for each time sent out"
    elif nearest.comparability == "different unit":
        how = f"the nearest, {official}, counts {nearest.unit_ref}, not {nearest.unit}"
    elif ratio > 1:
        how = f"the claim is {times_words(ratio)} the nearest, {official}"
    elif claim["floor"]:
        how = f"the nearest, {official}, is higher, as 'over' allows"
    else:
        how = f"the nearest, {official}, is {times_words(1 / ratio)} the claim"
    return _outcome("no like-for-like figure", [nearest.ref_id], ratio,
                    f"No official figure counts the same thing; {how}.", chance)


def _periods(pairs: pd.DataFrame, ref_ids: list) -> str:
    """The periods of the figures ``ref_ids`` in words: '2018 to 2020, 2021 and 2022'."""
    periods = [period_words(pairs.set_index("ref_id").loc[ref_id, "period_ref"]) for ref_id in ref_ids]
    return periods[0] if len(periods) == 1 else ", ".join(periods[:-1]) + " and " + periods[-1]


RULE_STEPS = {"any-figure": _no_figure, "same-period": _same_period, "hard-limit": _impossible,
              "running-total": _lower_bound, "other-campaign": _misleading, "other-period": _matches,
              "short-total": _short_of_total, "nearest": _nearest, "within-limits": _within_limits}


@functools.cache
def rating_rule(package_path=DATAPACKAGE) -> tuple:
    """The rating rule of the data package (``rating-rule.csv``): its (step, question) pairs in the order asked.

    Raises
    ------
    DataError
        For a bad row, or a step of :data:`RULE_STEPS` the table leaves out (the schema allows each step once).
    """
    table = load_table("rating-rule", package_path).sort_values("order")
    missing = [step for step in RULE_STEPS if step not in set(table["step"])]
    if missing:
        raise DataError(display_path(Path(package_path).parent / resource_descriptor("rating-rule", package_path)["path"]),
                        f"the rating rule leaves out the step(s) {', '.join(missing)}", column="step")
    return tuple(zip(table["step"], table["question"], strict=True))


def _claim_rows(claims: pd.DataFrame) -> list:
    """Each claim once, in the article's order of first mention: (claim_key, its mentions)."""
    return [(key, claims[claims["claim_key"] == key]) for key in dict.fromkeys(claims["claim_key"])]


def _rate_all(claims, comparisons, references, reading, rule):
    compared = compare_claims(claims, comparisons, references)
    for key, mentions in _claim_rows(claims):
        pairs = compared[compared["claim_key"] == key].drop_duplicates("ref_id")
        low, high = claim_interval(mentions, reading)
        first = mentions.iloc[0]
        yield key, mentions, pairs, low, high, rate_claim(low, high, reading, pairs, qualifier=first.qualifier,
                                                          campaign=first.campaign, rule=rule)


def claim_ratings(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame,
                  reading: str = "book rule", rule: tuple | None = None) -> pd.DataFrame:
    """One rating per claim under ``reading``, in the article's order of first mention.

    Returns
    -------
    DataFrame
        ``claim_key``; ``rating``, ``conclusion``, ``ref_ids``, ``nearest_ratio``, ``chance_test`` (:func:`rate_claim`);
        ``possible_origin`` (:func:`possible_origins`, space-separated, best first); and, for the book's
        pages, ``claim_ids`` (the mentions, space-separated), ``section``, ``quote`` (first mention),
        ``low`` and ``high`` (the claim's interval before tolerance, in ``unit``), ``unit``.
    """
    rows = []
    for key, mentions, pairs, low, high, outcome in _rate_all(claims, comparisons, references, reading, rule):
        first = mentions.iloc[0]
        listed = dict(zip(pairs["ref_id"], pairs["comparability"], strict=True))
        origins = possible_origins(*widened(low, high, reading), first.unit, first.period, references, listed,
                                   first.section)
        rows.append({"claim_key": key, **outcome, "possible_origin": " ".join(origins),
                     "claim_ids": " ".join(mentions["claim_id"]), "section": first.section, "quote": first.quote,
                     "low": low, "high": high, "unit": first.unit})
    columns = ["claim_key", "rating", "conclusion", "ref_ids", "possible_origin", "nearest_ratio", "chance_test",
               "question", "claim_ids", "section", "quote", "low", "high", "unit"]
    return pd.DataFrame(rows, columns=columns)


def claim_sensitivity(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame,
                      rule: tuple | None = None) -> pd.DataFrame:
    """Every claim's rating under every reading of :data:`READINGS`: columns ``claim_key``, ``reading``, ``rating``.

    One row per claim and reading, claims in the article's order, readings in :data:`READINGS` order.
    """
    ratings = {reading: claim_ratings(claims, comparisons, references, reading, rule) for reading in READINGS}
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
