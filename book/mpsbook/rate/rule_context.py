"""What every step of the rating rule reads about one claim (:class:`Claim`), and the outcome a step returns.

The steps live in :mod:`~mpsbook.rate.own_measure`, :mod:`~mpsbook.rate.chance` and
:mod:`~mpsbook.rate.related_figures`; :func:`mpsbook.rate.ratings.rate_claim` builds the context
once and asks them in the order of ``rating-rule.csv``. A step only reads the context, so no
order of the steps can leave one without what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .verdicts import units_match
from .wording import period_words

# The kinds of comparison a claim's number may have come from when it is not the claim's own figure.
MATCHABLE = ("partial total", "different period", "different campaign", "different scope")


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
    # The chance test of its best match of another period or scope (:func:`mpsbook.rate.chance.best_match_chance`),
    # taken before any step is asked: both the step that accepts a match and the steps that set one aside say it.
    chance: tuple = (True, "")

    def of_kind(self, *kinds) -> pd.DataFrame:
        """The claim's figures whose comparability is one of ``kinds``."""
        return self.pairs[self.pairs["comparability"].isin(kinds)]

    def period_said(self) -> str:
        """The claim's period as a conclusion says it; 'recent years' for an undated claim."""
        return period_words(self.period) if self.period else "recent years"


def outcome(rating, reason, ref_ids, ratio, conclusion, chance="") -> dict:
    """A step's answer: the verdict, the rule's finer reason, the figures it rests on (deciding one first, each once)."""
    return {"rating": rating, "reason": reason, "ref_ids": " ".join(dict.fromkeys(ref_ids)), "nearest_ratio": ratio,
            "conclusion": conclusion, "chance_test": chance}


def own_unit(ref) -> str:
    """The claim's unit where the figure counts the same kind of thing (suspects for people), else the figure's."""
    return ref.unit if units_match(ref.unit, ref.unit_ref) else ref.unit_ref
