"""The rule's steps that settle a claim by figures of its own measure: its period, a limit, a running total, a campaign.

``same-period`` (a figure of the claim's own period: correct, correct but understated or
incorrect, naming the likely origin of a wrong number), ``hard-limit`` (a count that contains the
claim, or the population, below it: impossible), ``running-total`` (the ministry's counts for parts
of its period reach it: correct) and ``other-campaign`` (a figure of its period but of another
campaign or scope fits it: misleading). Each reads a :class:`~mpsbook.rate.rule_context.Claim` and
returns an outcome, or None where its question does not settle the claim.
"""

from __future__ import annotations

import math

import pandas as pd

from ..ledger.figures import figure_words
from ..ledger.period import Period
from .origins import CLOSENESS
from .rule_context import MATCHABLE, Claim, outcome, own_unit
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
    ref_periods_words,
    times_words,
    when_words,
)

RECENT = 1  # an undated claim in the present tense is set against figures ending at most this many years before
# the latest year the article names


def _origin(claim: Claim, own) -> tuple[str, list]:
    """A second sentence naming the figure the claim's number matches, where one of another period or scope does."""
    others = claim.of_kind(*MATCHABLE)
    others = others[others["agrees"] & (others["ref_id"] != own.ref_id)]
    if not len(others):
        return "", []
    best = others.loc[others["closeness"].idxmin()]
    topic = f" ({best.topic})" if best.topic != own.topic else ""
    return f" It matches {amount_words(best, own_unit(best))}{topic}.", [best.ref_id]


def _of_own_period(claim: Claim) -> pd.DataFrame:
    """Figures of the claim's own measure and period; for an undated claim, only recent ones (:data:`RECENT`)."""
    same = claim.of_kind("same", "yearly average")
    if claim.period or claim.latest_year is None:
        return same
    recent = [Period(p).span[1] > claim.latest_year - RECENT for p in same["period_ref"]]
    return same[pd.Series(recent, index=same.index, dtype=bool)]


def same_period(claim: Claim) -> dict | None:
    """Step ``same-period``: the claim beside a figure of its own measure and period."""
    same = _of_own_period(claim)
    if not len(same):
        return None
    if same["agrees"].any():
        best = same[same["agrees"]].iloc[0]
        return outcome("correct", "a figure of its own period", [best.ref_id], best.times,
                       f"{counted_by_words(best)} {amount_words(best, own_unit(best))}, as the claim says.")
    own = same.loc[same["times"].map(lambda r: abs(math.log(r))).idxmin()]
    if claim.floor and own.times < 1:
        return outcome("correct but understated", "a figure of its own period", [own.ref_id], own.times,
                       f"True, and low: {counted_by_words(own).lower()} {amount_words(own, own_unit(own))}, "
                       f"above the claim's floor.")
    origin, origin_ids = _origin(claim, own)
    direction = (f"Too high: {counted_by_words(own).lower()} {amount_words(own, own_unit(own))}; the claim is "
                 f"{times_words(own.times)} that." if own.times > 1 else
                 f"Too low: {counted_by_words(own).lower()} {amount_words(own, own_unit(own))}, "
                 f"{times_words(1 / own.times)} the claim.")
    return outcome("incorrect", "a figure of its own period", [own.ref_id, *origin_ids], own.times,
                   direction + origin)


def hard_limit(claim: Claim) -> dict | None:
    """Step ``hard-limit``: impossible where a count that contains the claim lies wholly below it."""
    broken = claim.of_kind("bound")
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
    scale = claim.of_kind(*CLOSENESS)
    scale = scale[scale["unit_ref"] == claim.unit]  # the nearest count of the claim's own kind, for its scale
    nearest = [scale.loc[scale["closeness"].idxmin(), "ref_id"]] if len(scale) else []
    return outcome("impossible", "a hard limit", [worst.ref_id, *nearest], worst.times, words)


def _wider(claim: Claim, parts) -> pd.DataFrame:
    """Figures of a wider count in the running total's time, in its unit, that alone pass the claim's top."""
    wider = claim.of_kind("different scope")
    return wider[(wider["unit_ref"] == parts.iloc[0].unit_ref) & (wider["ref_low"] > claim.wide_high)]


def total_reached(claim: Claim) -> dict | None:
    """Step ``running-total``: correct where the ministry's counts for parts of the claim's period already reach it."""
    parts = claim.of_kind("partial total")
    if not len(parts):
        return None
    least, summed = running_total(parts)
    if least < claim.wide_low:
        return None
    ratio = claim_to_official(claim.low, claim.high, least, math.inf)
    counted = [ministry_counted(r) for r in parts.itertuples() if r.ref_id in summed]
    who = "the ministry's own tallies" if all(counted) else "official tallies"
    total = f"{who} for {ref_periods_words(parts, summed)} add up to {figure_words(least, parts.iloc[0].unit_ref)}"
    wider = _wider(claim, parts)
    if len(wider):
        more = wider.loc[wider["closeness"].idxmin()]
        last = period_words(parts.set_index("ref_id").loc[summed[-1], "period_ref"])
        return outcome("correct but understated", "the ministry's counts for parts of its period reach it",
                       [*summed, more.ref_id], ratio,
                       f"True, and low: {who} add up to {figure_words(least, parts.iloc[0].unit_ref)}"
                       f" by {last}, and {more.metric} add {hedged_words(more)} {when_words(more.period_ref)} alone.")
    return outcome("correct", "the ministry's counts for parts of its period reach it", summed, ratio,
                   f"{total[0].upper()}{total[1:]}, {_against_floor(least, claim.low, parts.iloc[0].unit_ref)}.")


def _against_floor(total: float, floor: float, unit: str) -> str:
    """How a running total that reaches the claim (tolerance included) stands to its floor, truly said."""
    if total > floor:
        return "more than the claim's floor"
    if total == floor:
        return "the claim's floor"
    return f"nearly the claim's floor of {figure_words(floor, unit)}"


def other_campaign(claim: Claim) -> dict | None:
    """Step ``other-campaign``: the number matches a figure of the claim's own period, but of another campaign or a
    wider scope."""
    same_period = claim.of_kind("different campaign", "different scope")
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
    return outcome("misleading", "a figure of another campaign or scope", [best.ref_id, *tied["ref_id"][:1]],
                   best.times, words + ".")
