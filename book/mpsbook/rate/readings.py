"""Readings of the article's hedges: the interval each mention's words allow, and the tolerance around it.

The book's reading is the interval rule of the method page ("Reading a vague number as an
interval"), each end widened by :data:`TOLERANCE`; the others are the alternatives the
sensitivity table tries (:data:`READINGS`). Intervals are pairs of floats in the claim's unit.
"""

from __future__ import annotations

import math

import pandas as pd

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


def overlaps(low: float, high: float, ref_low: float, ref_high: float) -> bool:
    """Whether the intervals [low, high] and [ref_low, ref_high] share a point (ends included)."""
    return ref_low <= high and ref_high >= low


def interval_middle(low: float, high: float) -> float:
    """The geometric middle of an interval (its low end where it has no upper end or starts at zero)."""
    return math.sqrt(low * high) if math.isfinite(high) and low > 0 else low
