"""The rule's conclusions where no figure settles the claim: unproven or can't be checked, and which way figures lean.

``any-figure`` and ``within-limits`` (nothing found, or only limits the claim keeps within: the
search record says whether the claim can't be checked or is unproven), ``short-total`` (the
ministry's counts for parts of its period fall short of it so far) and ``nearest`` (the nearest
related figure, and whether it makes the claim plausible, probably too high or too low). Each
reads a :class:`~mpsbook.rate.rule_context.Claim` and returns an outcome, or None where its
question does not settle the claim.
"""

from __future__ import annotations

import math

from ..ledger.figures import figure_words
from ..ledger.period import Period
from .chance import measure_series
from .origins import CLOSENESS
from .rule_context import Claim, outcome, own_unit
from .running_totals import running_total
from .verdicts import claim_to_official, units_match
from .wording import (
    amount_words,
    counted_by_words,
    counted_words,
    hedged_words,
    period_words,
    ref_periods_words,
    times_words,
    when_words,
)


def no_figure(claim: Claim) -> dict | None:
    """Step ``any-figure``: a claim with no official figure bearing on it."""
    if not claim.pairs.empty:
        return None
    return _unchecked(claim, "nothing found")


def within_limits(claim: Claim) -> dict | None:
    """Step ``within-limits``: a claim whose only figures are hard limits it keeps within."""
    bounds = claim.of_kind("bound")
    if len(bounds) < len(claim.pairs):
        return None
    return _unchecked(claim, "within the limits found")


def _unchecked(claim: Claim, reason: str) -> dict:
    """A claim with no figure of its own measure: can't be checked where the search record says why, else unproven."""
    obstacle = claim.search.get("obstacle", "")
    finding = claim.search.get("finding", "") or f"No official figure of {claim.metric or 'this measure'} was found."
    if obstacle:
        return outcome("can't be checked", "nothing to look it up by" if obstacle == "not named"
                       else "nothing of the kind is counted", [], math.nan, finding)
    return outcome("unproven", reason, [], math.nan, f"Unconfirmed: {finding[0].lower()}{finding[1:]}")


def _share_of_period(claim: Claim, ref) -> float:
    """The share of the claim's period that the figure's period covers (1 where either is open)."""
    if not (claim.period and ref.period_ref):
        return 1.0
    own, theirs = Period(claim.period).span, Period(ref.period_ref).span
    return max(min(own[1], theirs[1]) - max(own[0], theirs[0]), 0.0) / (own[1] - own[0]) or 1.0


def short_of_total(claim: Claim) -> dict | None:
    """Step ``short-total``: the ministry's counts for parts of a running total fall short of the claim so far."""
    parts = claim.of_kind("partial total")
    if not len(parts):
        return None
    least, summed = running_total(parts)
    short = claim_to_official(claim.low, claim.high, least, least)
    covered = sum(_share_of_period(claim, parts.set_index("ref_id").loc[ref_id]) for ref_id in summed)
    lean = "Plausible but unconfirmed" if covered < 1 and least / covered >= claim.low else "Unconfirmed"
    first = parts.iloc[0]
    when = when_words(first.period_ref) if len(summed) == 1 else f"in {ref_periods_words(parts, summed)}"
    return outcome("unproven", "counts for part of its period, short of it so far", summed, short,
                   f"{lean}: {counted_by_words(first).lower()} {figure_words(least, own_unit(first))} {when} alone; "
                   f"no count for the whole of {claim.period_said()} was found.")


def nearest_figure(claim: Claim) -> dict | None:
    """Step ``nearest``: the nearest related figure, national before local, then the kind of comparison, the period
    and the size."""
    related = claim.of_kind(*CLOSENESS, "different unit")
    if not len(related):
        return None
    ranked = related.assign(order=[(kind == "local", kind == "different unit", near)
                                   for kind, near in zip(related["comparability"], related["closeness"], strict=True)])
    nearest = ranked.loc[ranked["order"].idxmin()]
    ratio = math.nan if nearest.comparability == "different unit" else nearest.times
    lean, evidence = _lean(claim, nearest)
    return outcome("unproven", "the nearest related figure", [nearest.ref_id], ratio,
                   f"{lean}: {_no_count(claim, nearest)}; {evidence}.",
                   claim.chance[1] if nearest.agrees else "")  # the chance test only where it set this match aside


def _no_count(claim: Claim, nearest) -> str:
    """What was not found: a figure for the claim's period, or, for an undated claim, one after the latest found."""
    if claim.period:
        return f"no figure for {period_words(claim.period)} was found"
    series = measure_series(claim)
    if units_match(claim.unit, nearest.unit_ref) and len(series):
        return f"no count after {math.ceil(max(Period(p).span[1] for p in series['period_ref'])) - 1} was found"
    return f"no count of {claim.metric} was found"


def _lean(claim: Claim, nearest) -> tuple[str, str]:
    """Which way the nearest figure leans, and the evidence in words."""
    if nearest.agrees and nearest.comparability != "different unit":  # a match the chance test set aside
        return ("Plausible but unconfirmed",
                f"{amount_words(nearest, own_unit(nearest))} fits, but so would almost any figure of that size")
    if nearest.unit_ref == "person-times":
        sent = f"{claim.unit} were sent out {hedged_words(nearest)} times {when_words(nearest.period_ref)} alone"
        return ("Plausible but unconfirmed" if nearest.ref_high >= claim.low else "Unconfirmed"), sent
    own_measure = nearest.comparability in ("same", "yearly average", "different period")
    evidence = (amount_words(nearest, own_unit(nearest)) if own_measure and units_match(claim.unit, nearest.unit_ref)
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
