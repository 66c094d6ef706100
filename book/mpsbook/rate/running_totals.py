"""Running totals: what the ministry's partial totals add up to, over periods that do not overlap.

A claim "since 2018" is a running total; the ministry's figures for parts of that time
(comparisons of kind ``partial total``) may be added, each period once.
"""

from __future__ import annotations

import itertools

import pandas as pd

from ..ledger.period import Period


def _partial_totals(pairs: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """The partial totals summed (the smaller of two tallies of one period) and their ref_ids, earliest first."""
    chosen = pairs.sort_values("ref_low").drop_duplicates("period_ref")
    spans = sorted((Period(p).span, ref_id) for p, ref_id in zip(chosen["period_ref"], chosen["ref_id"], strict=True))
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
