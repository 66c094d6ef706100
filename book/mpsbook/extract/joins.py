"""Two neighbouring numbers read as one: a range ("3 to 5 million", "between 15 and 39"), a ratio ("one in five"), or
a span of years; and the pairs that stay two figures (a change: "rose from 630 to 719").

:func:`join_atoms` walks the numbers :func:`mpsbook.extract.spans.find_atoms` found, two at a time, and applies the
first rule of :data:`YEAR_SPANS`, then of :data:`JOINS`, that decides the pair (:func:`pair_decisions` names the
rule that decided each pair, for :mod:`mpsbook.extract.rules`). A range reads a scale word written after its second
figure alone by :data:`RANGE_SCALES` ("3 to 5 million", but "$200,000 to $4 million").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .spans import Atom
from .tokens import start_of_tokens_before, word_and_start_before, word_before

# Words of change: "from X to Y" after one of them is a change (two figures), elsewhere a range.
_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas\w*|decreas\w*|gr[eo]w\w*|climb\w*|jump\w*|drop\w*"
    r"|declin\w*|slip\w*|plung\w*|plummet\w*|soar\w*|surg\w*|narrow\w*|widen\w*|eas(?:e|ed|es|ing)|cut\w*|rais\w*"
    r"|lower\w*|revis\w*|slow\w*|mov(?:e|ed|es|ing)|shift\w*|up|down|chang\w*|dip\w*|tumbl\w*|gain\w*|los[est]\w*"
    r"|went|gone|doubl\w*|halv\w*|swung|improv\w*|reduc\w*|expand\w*|shrank|shrunk|boost\w*|upgrad\w*|downgrad\w*)\b",
    re.IGNORECASE,
)
# Words before a year-like figure that make it a year even before a figure that is none ("in 2000 - 2500").
_YEAR_PREPOSITIONS = set("in since by during until till from of before after between".split())
_NUMBERS = ("number", "words")
_BETWEEN_OR_FROM = re.compile(r"\b(?:between|from)\s+(?:A\.D\.\s*|AD\s+)?$", re.IGNORECASE)
# The clause before "from" in which a word of change makes "from X to Y" a change: its last twelve tokens.
_CHANGE_CLAUSE = ".;:!?("


@dataclass(frozen=True)
class Pair:
    """Two neighbouring numbers and the words around them: ``between`` the words between (a unit written after both
    taken out: "44 mg to 50 mg" gives " to "), ``before`` the word right before the first ("between", "by", "from")
    and where it starts, ``repeated`` whether the unit was written twice."""

    text: str
    first: Atom
    second: Atom
    between: str
    before: str
    before_start: int
    repeated: bool


def read_pair(text: str, first: Atom, second: Atom) -> Pair:
    """The :class:`Pair` of two neighbouring numbers."""
    between = text[first.end : second.start]
    before, before_start = word_and_start_before(text, first.start)
    # "44 mg to 50 mg", "5% to 10%", "5 per cent to 20 per cent", "15kHz and 17kHz": the unit written twice
    repeated = re.fullmatch(r"\s*(%|[A-Za-z][A-Za-z ]*?)\s*(-|\u2013|\u2014|(?:up\s+)?to|and)\s*", between)
    written_twice = bool(repeated) and text[second.end :].lstrip().startswith(repeated.group(1))
    if written_twice:
        between = f" {repeated.group(2)} "
    return Pair(text, first, second, between, before, before_start, bool(repeated))


def _a_span_of_years(text: str, first: Atom, second: Atom) -> bool:
    """"2018-2020", "1998-99", "2009/10": a span of years."""
    return first.is_year and bool(re.fullmatch(r"[-/\u2013]", text[first.end : second.start]))


def _years_before_1900(text: str, first: Atom, second: Atom) -> bool:
    """"between 1600 and 1900": a span of years whose first is before the years the rule knows."""
    return second.is_year and first.kind == "number" and not first.unit and 1000 <= first.figure < 1900 and bool(
        _BETWEEN_OR_FROM.search(text, start_of_tokens_before(text, first.start, 5), first.start)  # "between A.D.": 5 tokens
    ) and bool(re.fullmatch(r"\s*(?:-|\u2013|to|and)\s*", text[first.end : second.start]))


YEAR_SPANS = (("span of years", _a_span_of_years), ("span of years before 1900", _years_before_1900))
"""Pairs that are a span of years: neither number gives a row."""


def _a_year_like_first_figure(text: str, first: Atom, second: Atom) -> bool:
    """"about 2000 - 2500 calories": a year-like first figure, no year's preposition before it, and a second that is no year."""
    return first.is_year and not second.is_year and second.figure > 2100 and word_before(text, first.start) not in _YEAR_PREPOSITIONS


def _a_multiple_or_share(pair: Pair) -> bool:
    """"seven times 10", "half of 40": a multiple or a share is never joined ("2 to 3 times" is one range of multiples)."""
    return pair.first.unit in ("times", "fraction") or pair.second.unit == "fraction"


def _a_ratio(pair: Pair) -> bool:
    """"one in five", "two out of 10": a share, the first of the second."""
    return bool(re.fullmatch(r"\s+(?:in|out\s+of)(?:\s+every)?\s+", pair.between)) and not pair.second.is_year \
        and 0 < pair.first.figure <= pair.second.figure


def _between_and(pair: Pair) -> bool:
    """"between 15 and 39 million": a range."""
    return pair.before == "between" and bool(re.fullmatch(r"\s+and\s+", pair.between))


def _a_change_by(pair: Pair) -> bool:
    """"increased by $4 billion to $9 billion": a change to a level, each figure with its unit ("by 1 to 1.5 degrees",
    the unit written once, is a range)."""
    return pair.before == "by" and bool(pair.first.unit or pair.repeated) and _dash_or_to(pair)


def _a_change_from(pair: Pair) -> bool:
    """"rose from 630 to 719": a word of change in the clause before "from" makes a change, not a range."""
    text, start = pair.text, pair.first.start
    return pair.before == "from" and (_dash_or_to(pair) or _up_to(pair)) and bool(
        _CHANGE.search(text, start_of_tokens_before(text, start, 12, _CHANGE_CLAUSE), start)
    )


def _dash_or_to(pair: Pair) -> bool:
    return bool(re.fullmatch(r"\s*(?:-|\u2013|\u2014|to)\s*", pair.between))


def _up_to(pair: Pair) -> bool:
    return bool(re.fullmatch(r"\s+up\s+to\s+", pair.between))


def _from_up_to(pair: Pair) -> bool:
    """"from 450 sq ft up to 900 sq ft": a range."""
    return pair.before == "from" and _up_to(pair)


JOINS = (
    ("multiple or share not joined", _a_multiple_or_share),
    ("ratio", _a_ratio),
    ("between and", _between_and),
    ("change by X to Y", _a_change_by),
    ("change from X to Y", _a_change_from),
    ("from X up to Y", _from_up_to),
    ("dash or to", _dash_or_to),
)
"""The rules that decide a pair of numbers, in order; the first that holds decides. A ratio becomes a share, the
last three a range; the others keep the two numbers apart."""
_RANGES = {"between and", "from X up to Y", "dash or to"}


def _scale_of_the_second_alone(pair: Pair) -> bool:
    """"$200,000 to $4 million": a scale word after the second figure alone is its own when, read for both, the first
    would exceed the second."""
    first, second = pair.first, pair.second
    return first.multiplier == 1 and second.multiplier > 1 and first.figure * second.multiplier > second.figure


def _scale_of_both(pair: Pair) -> bool:
    """"3 to 5 million": a scale word after the second figure alone applies to the first too."""
    return pair.first.multiplier == 1 and pair.second.multiplier > 1 and not _scale_of_the_second_alone(pair)


RANGE_SCALES = (
    ("scale word of both figures", _scale_of_both),
    ("scale word of the second figure alone", _scale_of_the_second_alone),
)
"""How a range reads a scale word written after its second figure alone: the one that holds decides."""


def _range(pair: Pair, name: str) -> Atom | None:
    """The range two numbers make, its bounds in the unit of both; None when the first would exceed the second."""
    first, second = pair.first, pair.second
    low = first.figure * second.multiplier if _scale_of_both(pair) else first.figure
    if low > second.figure:
        return None
    start = pair.before_start if name == "between and" else first.start
    return Atom(start, second.end, "range", bounds=(float(low), float(second.figure)), unit=first.unit or second.unit,
                excluded=first.excluded or second.excluded)


def _decide(text: str, first: Atom, second: Atom) -> tuple[str, Atom | None, int] | None:
    """(the rule that decided, the atom the pair makes or None, how many of the two it uses up), or None for no rule."""
    if first.kind not in _NUMBERS or second.kind not in _NUMBERS:
        return None
    name = next((name for name, rule in YEAR_SPANS if rule(text, first, second)), None)
    if name:
        return name, None, 2
    if (first.is_year and not _a_year_like_first_figure(text, first, second)) or second.is_year:
        return None
    pair = read_pair(text, first, second)
    name = next((name for name, rule in JOINS if rule(pair)), None)
    if name == "ratio":
        fraction = Atom(first.start, second.end, "fraction", first.figure / second.figure, 1 / second.figure, unit="fraction")
        return name, fraction, 2
    joined = _range(pair, name) if name in _RANGES else None
    if joined:
        return name, joined, 2
    return (name, None, 1) if name and name not in _RANGES else None  # a range whose first would exceed its second: none


def _walk(text: str, atoms: list[Atom]) -> Iterator[tuple[str, int, Atom | None]]:
    """(rule, the index of the first number, what is kept) for each step of the walk over ``atoms``; rule "" where none
    decided."""
    i = 0
    while i < len(atoms):
        decided = _decide(text, atoms[i], atoms[i + 1]) if i + 1 < len(atoms) else None
        if decided and decided[2] == 2:
            yield decided[0], i, decided[1]
            i += 2
            continue
        yield (decided[0] if decided else ""), i, atoms[i]
        i += 1


def join_atoms(text: str, atoms: list[Atom]) -> list[Atom]:
    """The quantities among ``atoms``: ranges and ratios joined into one, spans of years and excluded numbers dropped."""
    return [kept for _, _, kept in _walk(text, atoms) if kept is not None and not kept.excluded]


def pair_decisions(text: str, atoms: list[Atom]) -> list[tuple[str, tuple[int, int]]]:
    """Each rule of :data:`YEAR_SPANS` and :data:`JOINS` that decided a pair of ``atoms``, with the first number's span."""
    return [(name, (atoms[i].start, atoms[i].end)) for name, i, _ in _walk(text, atoms) if name]


def range_scales(text: str, atoms: list[Atom]) -> list[tuple[str, tuple[int, int]]]:
    """Each rule of :data:`RANGE_SCALES` that read the scale of a range of ``atoms``, with the first number's span."""
    pairs = [read_pair(text, atoms[i], atoms[i + 1]) for name, i, kept in _walk(text, atoms) if name in _RANGES and kept]
    return [(name, (pair.first.start, pair.first.end)) for pair in pairs for name, rule in RANGE_SCALES if rule(pair)]
