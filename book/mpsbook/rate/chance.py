"""The chance test: whether a claim's match with a figure of another period or scope is unlikely to be chance.

Here too is the rule's step that rests on such a match (``other-period``). The test is stated on
the methods page ("From interval to verdict"); it is taken once per claim, before any step is asked
(:attr:`mpsbook.rate.rule_context.Claim.chance`), so the step that sets a match aside can say why.
"""

from __future__ import annotations

import math

import pandas as pd

from ..ledger.figures import fixed
from .rule_context import MATCHABLE, Claim, outcome, own_unit
from .verdicts import units_match
from .wording import amount_words, count_words, hedged_words, round_for_words

VAGUE = 10.0  # a claim whose range spans this factor or more ('hundreds of billions') would match almost any figure


def measure_series(claim: Claim) -> pd.DataFrame:
    """The figures of the claim's own measure for any period, in a unit that counts what the claim counts."""
    series = claim.of_kind("same", "yearly average", "different period")
    alike = [units_match(unit, ref_unit) for unit, ref_unit in zip(series["unit"], series["unit_ref"], strict=True)]
    return series[pd.Series(alike, index=series.index, dtype=bool)]


def _best_match(claim: Claim):
    others = claim.of_kind(*MATCHABLE)
    others = others[others["agrees"]]
    return None if not len(others) else others.loc[others["closeness"].idxmin()]


def best_match_chance(claim: Claim) -> tuple[bool, str]:
    """The chance test of the claim's best match of another period or scope; (True, '') where it matches none."""
    best = _best_match(claim)
    return (True, "") if best is None else chance_test(claim, best)


def _together(claim: Claim, best) -> str:
    """Words on a figure that another claim of the same sentences matches in the same statement as ``best``, or ''."""
    for quote, ref in claim.companions:
        if (ref.url, ref.published) == (best.url, best.published) and ref.ref_id != best.ref_id:
            return f"the article's \u201c{quote}\u201d beside it matches {hedged_words(ref, ref.unit_ref)}, given in the same statement"
    return ""


def chance_test(claim: Claim, best) -> tuple[bool, str]:
    """Whether a match with ``best`` (a figure of another period or scope) is unlikely to be chance, and why, in words.

    Two numbers of the article that match two figures of one statement together pass. Otherwise a
    match counts only if the claim's range spans less than :data:`VAGUE` and, of the figures of the
    same measure in other periods, the claim fits at most one.
    """
    together = _together(claim, best)
    series = measure_series(claim)
    others = series[~series["agrees"]]
    spread = (f" The other figures of this measure run from {hedged_words(others.loc[others['value'].idxmin()])} to "
              f"{hedged_words(others.loc[others['value'].idxmax()])}." if len(others) > 1 else "")
    if together:
        return True, (f"The match with {amount_words(best, own_unit(best))} is unlikely to be chance: "
                      f"{together}.{spread}")
    ratio = claim.high / claim.low if claim.low > 0 else math.inf
    if ratio >= VAGUE:
        span = "has no upper end" if math.isinf(ratio) else f"spans a factor of {fixed(round_for_words(ratio))}"
        return False, f"A claim this vague {span}, so it would fit almost any figure of its size."
    fits = int(series["agrees"].sum())
    if not len(series):
        return True, "No other figure of this measure was found to test the match against."
    words = f"A claim this vague would {_share_matched(fits, len(series))} of this measure for other periods"
    if fits > 1:
        return False, words + ", so a match cannot say which it came from."
    return True, words + f"; its match with {amount_words(best, own_unit(best))} is unlikely to be chance.{spread}"


def _share_matched(fits: int, found: int) -> str:
    """How many of the figures found the claim would match, in words: 'match one of the two figures', 'not match the one figure'."""
    if found == 1:
        return "match the one figure" if fits else "not match the one figure"
    if fits == 0:
        return "match neither of the two figures" if found == 2 else f"match none of the {count_words(found)} figures"
    if fits == found:
        return f"match {'both' if fits == 2 else f'all {count_words(fits)}'} figures"
    return f"match {count_words(fits)} of the {count_words(found)} figures"


def other_period_match(claim: Claim) -> dict | None:
    """Step ``other-period``: misleading where the number matches a figure of another period or scope, not by chance."""
    best = _best_match(claim)
    passes, words = claim.chance
    if best is None or not passes:
        return None
    return outcome("misleading", "a figure of another period", [best.ref_id], best.times,
                   f"A real figure, of another period: {_own_period_found(claim, best)}, and the "
                   f"number matches {amount_words(best, own_unit(best))} ({best.topic}).", words)


def _own_period_found(claim: Claim, best) -> str:
    """What was found for the claim's own period: its count (which differs), figures that count something else, or nothing."""
    own = claim.pairs[(claim.pairs["period_ref"] == claim.period) & (claim.pairs["ref_id"] != best.ref_id)]
    if not claim.period or not len(own):
        return f"no count for {claim.period_said()} was found"
    if own["comparability"].isin(["same", "yearly average"]).any():  # reached only when the rule is reordered
        return f"the count for {claim.period_said()} differs"
    return f"the figures found for {claim.period_said()} count something else"
