"""Plain words for the ratings' conclusions: figures, ratios and periods as a reader says them.

A conclusion is read by people who have not read the method: at most :data:`MAX_WORDS` words,
no term of the method (:data:`JARGON`), figures in words ("800 billion yuan", not
800,000,000,000), ratios rounded to what a reader can hold ("about three times", "about 100,000
times"), periods as dates are said ("February 2018 to July 2022").
"""

from __future__ import annotations

import math

from ..ledger.figures import figure, figure_words
from ..ledger.period import Period

MAX_WORDS = 30
# How a source's hedge (the data package's relation) is said before its figure.
SOURCE_HEDGES = {"exact": "", "lower": "more than ", "upper": "nearly ", "approx": "about "}
# Terms of the method that mean nothing to a reader who has not read it; a test keeps them out of conclusions.
JARGON = ("interval", "tolerance", "comparability", "reading", "partial total", "ref_id", "reference",
          "like-for-like", "scope", "bound")
SMALL = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times", 7: "seven times",
         8: "eight times", 9: "nine times"}


def round_for_words(ratio: float) -> float:
    """A ratio to one significant figure (135,135 -> 100,000; 3.04 -> 3), or to the unit below 10."""
    if ratio < 10:
        return round(ratio)
    magnitude = 10 ** math.floor(math.log10(ratio))
    return round(ratio / magnitude) * magnitude


def times_words(ratio: float) -> str:
    """How many times one figure is another, as said: 'about twice', 'about three times', 'about 100,000 times'.

    ``ratio`` is at least 1 (the caller says which figure is larger). Below 1.5, 'a little more than'.
    """
    if ratio < 1.5:
        return "a little more than"
    rounded = round_for_words(ratio)
    if rounded in SMALL:
        return f"about {SMALL[rounded]}"
    return f"about {figure_words(rounded)} times"  # 'about 100,000 times', 'about 1 million times'


def period_words(period: str) -> str:
    """A period of the data package as said (:attr:`mpsbook.ledger.period.Period.words`); '' for no period."""
    return Period(period).words if period else ""


def count_words(count: int) -> str:
    """A small count in words ('two', 'three'), larger ones in figures."""
    names = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return names[count] if 0 <= count < len(names) else figure(count)


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(text.split())


# ---- figures as a conclusion names them: rows of mpsbook.compare_claims (value, unit_ref, metric, period_ref, comparability)


MEASURE_UNITS = ("tonnes", "yuan", "percent")  # units of amount: said as '21.9 tonnes of drugs seized'


def when_words(period: str) -> str:
    """A period as the conclusions say it after a figure: 'in 2022', 'from February 2018 to July 2022', 'to 8 August 2023'."""
    words = period_words(period)
    if words.startswith(("to ", "the ")):
        return f"in {words}" if words.startswith("the ") else words
    return f"from {words}" if " to " in words else f"in {words}"


def hedged_figure(value: float, relation: str = "exact", unit: str = "") -> str:
    """A published figure as its source hedges it (:data:`SOURCE_HEDGES`): 'more than 27,000', 'about 95,000 cases'."""
    return SOURCE_HEDGES.get(relation, "") + figure_words(value, unit)


def hedged_words(ref, unit: str = "") -> str:
    """A figure of the comparisons (a row of :func:`mpsbook.compare_claims`) as its source hedges it."""
    return hedged_figure(ref.value, getattr(ref, "relation", "exact"), unit)


def amount_words(ref, unit: str) -> str:
    """A figure of the claim's own measure, hedged as its source hedges it: '83,000 cases in 2022', 'more than
    65 million cards a year from 1985 to 2004' (a yearly average is said as one)."""
    per = " a year" if ref.comparability == "yearly average" else ""
    return f"{hedged_words(ref, unit)}{per} {when_words(ref.period_ref)}"


def counted_words(ref, when: bool = True) -> str:
    """A figure of another measure, with what it counts, hedged as its source hedges it: '566,000 criminal cases
    solved from 25 June to 30 September 2023'.

    ``when=False`` leaves the period out, for a second figure of the period just named.
    """
    if ref.unit_ref in MEASURE_UNITS:
        counted = f"{hedged_words(ref, ref.unit_ref)} of {ref.metric}"
    elif ref.unit_ref == "person-times":
        counted = f"{hedged_words(ref)} {ref.metric} (person-times)"
    else:
        counted = f"{hedged_words(ref)} {ref.metric}"
    return f"{counted} {when_words(ref.period_ref)}" if when else counted


def counted_by_words(ref) -> str:
    """Who counted a figure of the claim's own measure, as its publisher says: the ministry only where the
    ministry is named (itself, or cited), else the official counts; for a yearly average, the official counts."""
    if ref.comparability == "yearly average":
        return "Official counts average"
    return "The ministry counted" if ministry_counted(ref) else "Official counts give"


def ministry_counted(ref) -> bool:
    """Whether the figure's publisher is the Ministry of Public Security, or a report that cites it."""
    publisher = str(getattr(ref, "publisher", "") or "")
    return "Ministry of Public Security" in publisher or "MPS" in publisher


def ref_periods_words(pairs, ref_ids: list) -> str:
    """The periods of the figures ``ref_ids`` (rows of ``pairs``, by ``ref_id``) in words: '2018 to 2020, 2021 and 2022'."""
    periods = [period_words(pairs.set_index("ref_id").loc[ref_id, "period_ref"]) for ref_id in ref_ids]
    return periods[0] if len(periods) == 1 else ", ".join(periods[:-1]) + " and " + periods[-1]
