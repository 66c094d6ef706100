"""The rating rule for one claim: the verdicts' scale, the rule's steps as a table (``rating-rule.csv``), and rate_claim.

The rule is stated once, on the method page ("From interval to verdict"). :func:`rate_claim` reads
one claim into its context (:class:`~mpsbook.rate.rule_context.Claim`) and asks the steps in the
table's order; the steps are in :mod:`~mpsbook.rate.own_measure` (a figure of the claim's own
measure settles it), :mod:`~mpsbook.rate.chance` (a match with another period, and the chance
test) and :mod:`~mpsbook.rate.related_figures` (no figure settles it).
:mod:`mpsbook.rate.ledger_ratings` applies the rule to every claim of the ledger, under every
reading of the hedges.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from ..ledger.data import DATAPACKAGE, display_path, load_table, resource_descriptor
from ..ledger.errors import DataError
from .chance import best_match_chance, other_period_match
from .origins import closeness
from .own_measure import hard_limit, other_campaign, same_period, total_reached
from .readings import interval_middle, overlaps, widened
from .related_figures import nearest_figure, no_figure, short_of_total, within_limits
from .rule_context import Claim
from .verdicts import claim_to_official

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
FLOOR_QUALIFIERS = ("over",)  # hedges that give a floor: a figure above the claim's range does not refute it


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
    claim = claim_context(low, high, reading, pairs, qualifier, campaign, **about)
    for step, question in (rating_rule() if rule is None else rule):
        outcome = RULE_STEPS[step](claim)
        if outcome:
            return {**outcome, "question": question}
    raise ValueError("no question of the rating rule settled the claim: the rule must end with a step that always "
                     "does (any-figure, nearest and within-limits together settle every claim)")


def claim_context(low: float, high: float, reading: str, pairs: pd.DataFrame, qualifier: str = "",
                  campaign: str = "", **about) -> Claim:
    """What every step of the rule reads about one claim under ``reading`` (the parameters of :func:`rate_claim`).

    Each of ``pairs`` gains ``agrees`` (the figure overlaps the claim's range, tolerance included),
    ``times`` (:func:`claim_to_official`) and ``closeness`` (:func:`mpsbook.rate.origins.closeness`);
    the chance test of the claim's best match is taken here, once, before any step is asked.
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
    claim.chance = best_match_chance(claim)
    return claim


# Each step of rating-rule.csv, by its name there: a function of the claim's context that returns its outcome, or
# None where its question does not settle the claim.
RULE_STEPS = {"any-figure": no_figure, "same-period": same_period, "hard-limit": hard_limit,
              "running-total": total_reached, "other-campaign": other_campaign, "other-period": other_period_match,
              "short-total": short_of_total, "nearest": nearest_figure, "within-limits": within_limits}


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
