"""The rating rule: the verdicts, the rule's steps (driven by ``rating-rule.csv``) and the chance test, for one claim.

The rule is stated once, on the method page ("From interval to verdict"). :func:`rate_claim` rates
one claim; :mod:`mpsbook.rate.ledger_ratings` applies it to every claim of the ledger, under every
reading of the hedges.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..ledger.data import DATAPACKAGE, display_path, load_table, resource_descriptor
from ..ledger.errors import DataError
from ..ledger.figures import figure_words, fixed
from ..ledger.period import Period
from .origins import CLOSENESS, closeness
from .readings import interval_middle, overlaps, widened
from .running_totals import running_total
from .verdicts import claim_to_official, units_match
from .wording import (
    amount_words,
    count_words,
    counted_by_words,
    counted_words,
    hedged_words,
    ministry_counted,
    period_words,
    round_for_words,
    times_words,
    when_words,
)

# The verdicts, in scale order from true to false, then the two that place a claim on no point of it.
RATINGS = {
    "correct": "An official figure of the claim's own measure, period and scope lies within the range its words "
               "allow, or the ministry's own counts for the parts of a running total already reach it.",
    "correct but understated": "The claim holds, but the official figures go well beyond it: its floor is true and "
                               "low.",
    "misleading": "The number is a real official figure, but of another period, campaign or scope than the one the "
                  "claim names.",
    "incorrect": "An official figure of the claim's own measure, period and scope exists, and the claim's number is "
                 "far from it.",
    "impossible": "No count of the claim's kind can come near its number, however its words are read.",
    "unproven": "The figures found bear on the claim but do not settle it, or none was found; the conclusion says "
                "which way they lean.",
    "can't be checked": "The claim counts something no one was found to count, or the article says too little "
                        "(an unnamed case or attack) to look its figure up.",
}
ON_THE_SCALE = tuple(RATINGS)[:5]  # from true to false; the last two say why a claim is on no point of it
# Verdicts that only a figure of the claim's own measure (or a hard limit on it) can give: beside them, what was
# searched before that figure was found would contradict the verdict, so a claim's page leaves it out.
SETTLED_BY_A_FIGURE = ("correct", "correct but understated", "incorrect", "impossible")
MATCHABLE = ("partial total", "different period", "different campaign", "different scope")  # a match may come from
FLOOR_QUALIFIERS = ("over",)  # hedges that give a floor: a figure above the claim's range does not refute it
VAGUE = 10.0  # a claim whose range spans this factor or more ('hundreds of billions') would match almost any figure
RECENT = 1  # an undated claim in the present tense is set against figures ending at most this many years before
# the latest year the article names


@dataclass
class Claim:
    """What every step of the rule reads about one claim; no step writes to it."""

    low: float
    high: float
    wide_low: float
    wide_high: float
    pairs: pd.DataFrame
    floor: bool = False
    campaign: str = ""
    period: str = ""
    unit: str = ""
    metric: str = ""
    latest_year: int | None = None
    search: dict = field(default_factory=dict)
    companions: list = field(default_factory=list)
    chance: tuple = (True, "")


def _outcome(rating, reason, ref_ids, ratio, conclusion, chance=""):
    return {"rating": rating, "reason": reason, "ref_ids": " ".join(dict.fromkeys(ref_ids)), "nearest_ratio": ratio,
            "conclusion": conclusion, "chance_test": chance}


def rate_claim(low: float, high: float, reading: str, pairs: pd.DataFrame, qualifier: str = "",
               campaign: str = "", rule: list | None = None, **about) -> dict:
    """One claim's verdict under ``reading``, by the rule on the standards page: its steps in order, the first that holds.

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
    **about
        More of :class:`Claim`: ``period``, ``unit``, ``metric``, ``latest_year`` (the latest year the article
        names), ``search`` (its row of searches.csv), ``companions`` (figures other claims of its sentences match).

    Returns
    -------
    dict
        ``rating`` (the verdict, a key of :data:`RATINGS`), ``reason`` (the rule's finer outcome),
        ``ref_ids`` (the figures it rests on, the deciding one first), ``nearest_ratio``
        (:func:`claim_to_official` against that figure; NaN where there is none or it counts another
        unit), ``conclusion`` (at most :data:`mpsbook.rate.wording.MAX_WORDS` words), ``chance_test`` and
        ``question`` (the rule's question that decided it).

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
    claim = Claim(low, high, wide_low, wide_high, pairs, floor=qualifier in FLOOR_QUALIFIERS, campaign=campaign,
                  **about)
    claim.chance = _chance(claim)
    for step, question in (rating_rule() if rule is None else rule):
        outcome = RULE_STEPS[step](claim)
        if outcome:
            return {**outcome, "question": question}
    raise ValueError("no question of the rating rule settled the claim: the rule must end with a step that always "
                     "does (any-figure, nearest and within-limits together settle every claim)")


def _no_figure(claim):
    if not claim.pairs.empty:
        return None
    return _unchecked(claim, "nothing found")


def _unchecked(claim, reason):
    """A claim with no figure of its own measure: can't be checked where the search record says why, else unproven."""
    obstacle = claim.search.get("obstacle", "")
    finding = claim.search.get("finding", "") or f"No official figure of {claim.metric or 'this measure'} was found."
    if obstacle:
        return _outcome("can't be checked", "nothing to look it up by" if obstacle == "not named"
                        else "nothing of the kind is counted", [], math.nan, finding)
    return _outcome("unproven", reason, [], math.nan, f"Unconfirmed: {finding[0].lower()}{finding[1:]}")


def _within_limits(claim):
    bounds = _of_kind(claim, "bound")
    if len(bounds) < len(claim.pairs):
        return None
    return _unchecked(claim, "within the limits found")


def _of_kind(claim, *kinds) -> pd.DataFrame:
    return claim.pairs[claim.pairs["comparability"].isin(kinds)]


def _own_unit(claim, ref) -> str:
    """The claim's unit where the figure counts the same kind of thing (suspects for people), else the figure's."""
    return ref.unit if units_match(ref.unit, ref.unit_ref) else ref.unit_ref


def _origin(claim, own) -> tuple[str, list]:
    """A second sentence naming the figure the claim's number matches, where one of another period or scope does."""
    others = _of_kind(claim, *MATCHABLE)
    others = others[others["agrees"] & (others["ref_id"] != own.ref_id)]
    if not len(others):
        return "", []
    best = others.loc[others["closeness"].idxmin()]
    topic = f" ({best.topic})" if best.topic != own.topic else ""
    return f" It matches {amount_words(best, _own_unit(claim, best))}{topic}.", [best.ref_id]


def _of_own_period(claim) -> pd.DataFrame:
    """Figures of the claim's own measure and period; for an undated claim, only recent ones (:data:`RECENT`)."""
    same = _of_kind(claim, "same", "yearly average")
    if claim.period or claim.latest_year is None:
        return same
    recent = [Period(p).span[1] > claim.latest_year - RECENT for p in same["period_ref"]]
    return same[pd.Series(recent, index=same.index, dtype=bool)]


def _same_period(claim):
    same = _of_own_period(claim)
    if not len(same):
        return None
    if same["agrees"].any():
        best = same[same["agrees"]].iloc[0]
        return _outcome("correct", "a figure of its own period", [best.ref_id], best.times,
                        f"{counted_by_words(best)} {amount_words(best, _own_unit(claim, best))}, as the claim says.")
    own = same.loc[same["times"].map(lambda r: abs(math.log(r))).idxmin()]
    if claim.floor and own.times < 1:
        return _outcome("correct but understated", "a figure of its own period", [own.ref_id], own.times,
                        f"True, and low: {counted_by_words(own).lower()} {amount_words(own, _own_unit(claim, own))}, "
                        f"above the claim's floor.")
    origin, origin_ids = _origin(claim, own)
    direction = (f"Too high: {counted_by_words(own).lower()} {amount_words(own, _own_unit(claim, own))}; the claim is "
                 f"{times_words(own.times)} that." if own.times > 1 else
                 f"Too low: {counted_by_words(own).lower()} {amount_words(own, _own_unit(claim, own))}, "
                 f"{times_words(1 / own.times)} the claim.")
    return _outcome("incorrect", "a figure of its own period", [own.ref_id, *origin_ids], own.times,
                    direction + origin)


def _impossible(claim):
    broken = _of_kind(claim, "bound")
    broken = broken[broken["ref_high"] < claim.wide_low]
    if not len(broken):
        return None
    worst = broken.loc[broken["times"].idxmax()]
    if worst.unit_ref == "people" and not units_match(claim.unit, "people"):
        each = count_words(int(claim.low // worst.value))
        words = (f"Impossible: at least {figure_words(claim.low, claim.unit)} would be {each} for every one of "
                 f"China's {figure_words(worst.value)} people, children included, {when_words(claim.period)}.")
    else:
        words = f"Impossible: the claim is {times_words(worst.times)} {counted_words(worst)}, which includes every such count."
    scale = _of_kind(claim, *CLOSENESS)
    scale = scale[scale["unit_ref"] == claim.unit]  # the nearest count of the claim's own kind, for its scale
    nearest = [scale.loc[scale["closeness"].idxmin(), "ref_id"]] if len(scale) else []
    return _outcome("impossible", "a hard limit", [worst.ref_id, *nearest], worst.times, words)


def _wider(claim, parts) -> pd.DataFrame:
    """Figures of a wider count in the running total's time, in its unit, that alone pass the claim's top."""
    wider = _of_kind(claim, "different scope")
    return wider[(wider["unit_ref"] == parts.iloc[0].unit_ref) & (wider["ref_low"] > claim.wide_high)]


def _lower_bound(claim):
    parts = _of_kind(claim, "partial total")
    if not len(parts):
        return None
    least, summed = running_total(parts)
    if least < claim.wide_low:
        return None
    ratio = claim_to_official(claim.low, claim.high, least, math.inf)
    counted = [ministry_counted(r) for r in parts.itertuples() if r.ref_id in summed]
    who = "the ministry's own tallies" if all(counted) else "official tallies"
    total = f"{who} for {_periods(parts, summed)} add up to {figure_words(least, parts.iloc[0].unit_ref)}"
    wider = _wider(claim, parts)
    if len(wider):
        more = wider.loc[wider["closeness"].idxmin()]
        last = period_words(parts.set_index("ref_id").loc[summed[-1], "period_ref"])
        return _outcome("correct but understated", "the ministry's counts for parts of its period reach it",
                        [*summed, more.ref_id], ratio,
                        f"True, and low: {who} add up to {figure_words(least, parts.iloc[0].unit_ref)}"
                        f" by {last}, and {more.metric} add {hedged_words(more)} {when_words(more.period_ref)} alone.")
    return _outcome("correct", "the ministry's counts for parts of its period reach it", summed, ratio,
                    f"{total[0].upper()}{total[1:]}, {_against_floor(least, claim.low, parts.iloc[0].unit_ref)}.")


def _against_floor(total: float, floor: float, unit: str) -> str:
    """How a running total that reaches the claim (tolerance included) stands to its floor, truly said."""
    if total > floor:
        return "more than the claim's floor"
    if total == floor:
        return "the claim's floor"
    return f"nearly the claim's floor of {figure_words(floor, unit)}"


def _misleading(claim):
    """The number matches a figure of the claim's own period, but of another campaign or a wider scope."""
    same_period = _of_kind(claim, "different campaign", "different scope")
    same_period = same_period[same_period["period"] == same_period["period_ref"]]
    elsewhere = same_period[same_period["agrees"]]
    if not len(elsewhere):
        return None
    best = elsewhere.loc[elsewhere["closeness"].idxmin()]
    credited = f", not the {claim.campaign}'s" if claim.campaign else ""
    words = f"It fits the {best.topic} total, {counted_words(best)}{credited}"
    tied = same_period[~same_period["agrees"] & (same_period["unit_ref"] == best.unit_ref)]
    if len(tied):  # the figure nearer to what the claim names, which it does not fit
        nearer = tied.loc[tied["closeness"].idxmin()]
        words += f"; the nearer count: {counted_words(nearer, when=False)}"
    return _outcome("misleading", "a figure of another campaign or scope", [best.ref_id, *tied["ref_id"][:1]],
                    best.times, words + ".")


def _series(claim) -> pd.DataFrame:
    """The figures of the claim's own measure for any period, in a unit that counts what the claim counts."""
    series = _of_kind(claim, "same", "yearly average", "different period")
    alike = [units_match(unit, ref_unit) for unit, ref_unit in zip(series["unit"], series["unit_ref"], strict=True)]
    return series[pd.Series(alike, index=series.index, dtype=bool)]


def _best_match(claim):
    others = _of_kind(claim, *MATCHABLE)
    others = others[others["agrees"]]
    return None if not len(others) else others.loc[others["closeness"].idxmin()]


def _chance(claim) -> tuple[bool, str]:
    """The chance test of the claim's best match of another period or scope, once, before any step is asked."""
    best = _best_match(claim)
    return (True, "") if best is None else chance_test(claim, best)


def _together(claim, best) -> str:
    """Words on a figure that another claim of the same sentences matches in the same statement as ``best``, or ''."""
    for quote, ref in claim.companions:
        if (ref.url, ref.published) == (best.url, best.published) and ref.ref_id != best.ref_id:
            return f"the article's \u201c{quote}\u201d beside it matches {hedged_words(ref, ref.unit_ref)}, given in the same statement"
    return ""


def chance_test(claim, best) -> tuple[bool, str]:
    """Whether a match with ``best`` (a figure of another period or scope) is unlikely to be chance, and why, in words.

    Two numbers of the article that match two figures of one statement together pass. Otherwise a
    match counts only if the claim's range spans less than :data:`VAGUE` and, of the figures of the
    same measure in other periods, the claim fits at most one.
    """
    together = _together(claim, best)
    series = _series(claim)
    others = series[~series["agrees"]]
    spread = (f" The other figures of this measure run from {hedged_words(others.loc[others['value'].idxmin()])} to "
              f"{hedged_words(others.loc[others['value'].idxmax()])}." if len(others) > 1 else "")
    if together:
        return True, (f"The match with {amount_words(best, _own_unit(claim, best))} is unlikely to be chance: "
                      f"{together}.{spread}")
    ratio = claim.high / claim.low if claim.low > 0 else math.inf
    if ratio >= VAGUE:
        span = "has no upper end" if math.isinf(ratio) else f"spans a factor of {fixed(round_for_words(ratio))}"
        return False, f"A claim this vague {span}, so it would fit almost any figure of its size."
    fits = int(series["agrees"].sum())
    if not len(series):
        return True, "No other figure of this measure was found to test the match against."
    share = ("both" if fits == 2 else f"all {count_words(fits)}") if fits == len(series) > 1 else f"{fits} of the {len(series)}"
    words = f"A claim this vague would match {share} figures of this measure for other periods"
    if fits > 1:
        return False, words + ", so a match cannot say which it came from."
    return True, words + f"; its match with {amount_words(best, _own_unit(claim, best))} is unlikely to be chance.{spread}"


def _matches(claim):
    best = _best_match(claim)
    passes, words = claim.chance
    if best is None or not passes:
        return None
    return _outcome("misleading", "a figure of another period", [best.ref_id], best.times,
                    f"A real figure, of another period: no count for {_claim_period(claim)} was found, and the "
                    f"number matches {amount_words(best, _own_unit(claim, best))} ({best.topic}).", words)


def _claim_period(claim) -> str:
    return period_words(claim.period) if claim.period else "recent years"


def _share_of_period(claim, ref) -> float:
    """The share of the claim's period that the figure's period covers (1 where either is open)."""
    if not (claim.period and ref.period_ref):
        return 1.0
    own, theirs = Period(claim.period).span, Period(ref.period_ref).span
    return max(min(own[1], theirs[1]) - max(own[0], theirs[0]), 0.0) / (own[1] - own[0]) or 1.0


def _short_of_total(claim):
    parts = _of_kind(claim, "partial total")
    if not len(parts):
        return None
    least, summed = running_total(parts)
    short = claim_to_official(claim.low, claim.high, least, least)
    covered = sum(_share_of_period(claim, parts.set_index("ref_id").loc[ref_id]) for ref_id in summed)
    lean = "Plausible but unconfirmed" if covered < 1 and least / covered >= claim.low else "Unconfirmed"
    first = parts.iloc[0]
    when = when_words(first.period_ref) if len(summed) == 1 else f"in {_periods(parts, summed)}"
    return _outcome("unproven", "counts for part of its period, short of it so far", summed, short,
                    f"{lean}: {counted_by_words(first).lower()} {figure_words(least, _own_unit(claim, first))} {when} alone; "
                    f"no count for the whole of {_claim_period(claim)} was found.")


def _nearest(claim):
    """The nearest related figure: national before local, then the kind of comparison, the period and the size."""
    related = _of_kind(claim, *CLOSENESS, "different unit")
    if not len(related):
        return None
    ranked = related.assign(order=[(kind == "local", kind == "different unit", near)
                                   for kind, near in zip(related["comparability"], related["closeness"], strict=True)])
    nearest = ranked.loc[ranked["order"].idxmin()]
    ratio = math.nan if nearest.comparability == "different unit" else nearest.times
    lean, evidence = _lean(claim, nearest)
    return _outcome("unproven", "the nearest related figure", [nearest.ref_id], ratio,
                    f"{lean}: {_no_count(claim, nearest)}; {evidence}.",
                    claim.chance[1] if nearest.agrees else "")  # the chance test only where it set this match aside


def _no_count(claim, nearest) -> str:
    """What was not found: a figure for the claim's period, or, for an undated claim, one after the latest found."""
    if claim.period:
        return f"no figure for {period_words(claim.period)} was found"
    series = _series(claim)
    if units_match(claim.unit, nearest.unit_ref) and len(series):
        return f"no count after {math.ceil(max(Period(p).span[1] for p in series['period_ref'])) - 1} was found"
    return f"no count of {claim.metric} was found"


def _lean(claim, nearest) -> tuple[str, str]:
    """Which way the nearest figure leans, and the evidence in words."""
    if nearest.agrees and nearest.comparability != "different unit":  # a match the chance test set aside
        return ("Plausible but unconfirmed",
                f"{amount_words(nearest, _own_unit(claim, nearest))} fits, but so would almost any figure of that size")
    if nearest.unit_ref == "person-times":
        sent = f"{claim.unit} were sent out {hedged_words(nearest)} times {when_words(nearest.period_ref)} alone"
        return ("Plausible but unconfirmed" if nearest.ref_high >= claim.low else "Unconfirmed"), sent
    own_measure = nearest.comparability in ("same", "yearly average", "different period")
    evidence = (amount_words(nearest, _own_unit(claim, nearest)) if own_measure and units_match(claim.unit, nearest.unit_ref)
                else counted_words(nearest))
    if nearest.comparability == "different unit":
        return "Unconfirmed", f"the nearest figure, {evidence}, counts {nearest.unit_ref}"
    share = _share_of_period(claim, nearest)
    if nearest.times > 1 and share < 1 and nearest.ref_high / share >= claim.low:
        return "Plausible but unconfirmed", f"{evidence} alone"
    if nearest.times < 1 and claim.floor:
        return "Plausible but unconfirmed", evidence
    if nearest.times >= 1.5:
        return "Probably too high", f"{evidence}, {_fraction(nearest.times)} the claim"
    if nearest.times <= 1 / 1.5:
        return "Probably too low", f"{evidence}, {times_words(1 / nearest.times)} the claim"
    return "Unconfirmed", f"the nearest figure, {evidence}, counts something else"


def _fraction(times: float) -> str:
    """A figure's share of the claim in words: 'about a third of', 'less than a tenth of'."""
    names = {2: "half", 3: "a third", 4: "a quarter", 5: "a fifth"}
    rounded = round(times)
    return f"about {names[rounded]} of" if rounded in names else f"{times_words(times)} smaller than"


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
