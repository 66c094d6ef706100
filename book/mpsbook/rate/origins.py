"""Possible origins: the official figures a claim's number may have come from, closest first.

A claim's number can match figures of other periods, campaigns or scopes; they are ranked by the
kind of comparison (:data:`CLOSENESS`), then the years between the periods, then the orders of
magnitude between the figure and the claim.
"""

from __future__ import annotations

import math

import pandas as pd

from .readings import interval_middle, overlaps
from .verdicts import period_distance, reference_interval, units_match

CLOSENESS = ("same", "yearly average", "partial total", "different period", "different campaign", "different scope", "local")


def closeness(kind: str, claim_period: str, ref_period: str, value: float, middle: float) -> tuple:
    """How far an official figure is from a claim, as a sort key: the kind of comparison (:data:`CLOSENESS`, figures
    not listed last), the years between the periods' middles, the orders of magnitude between the figure and ``middle``."""
    rank = CLOSENESS.index(kind) if kind in CLOSENESS else len(CLOSENESS)
    distance = abs(math.log10(value / middle)) if value > 0 and middle > 0 else math.inf
    return rank, period_distance(claim_period, ref_period), distance


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
    middle = interval_middle(claim_low, claim_high)
    found = []
    for ref in references.itertuples():
        kind = listed.get(ref.ref_id, "")
        if kind in ("bound", "different unit") or not units_match(claim_unit, ref.unit):
            continue
        if not kind and section and ref.section != section:
            continue
        ref_low, ref_high = reference_interval(ref.value, ref.relation)
        if overlaps(claim_low, claim_high, ref_low, ref_high):
            found.append((closeness(kind, claim_period, ref.period, ref.value, middle), ref.ref_id))
    return [ref_id for _, ref_id in sorted(found)]
