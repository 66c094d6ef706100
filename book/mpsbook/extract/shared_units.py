"""A unit written once and read for several figures: "eight or nine euros", "rose 64.06 points to 4,577.10".

:func:`share_units` gives a figure that names no unit the unit of a figure beside it, where the words
between them show that both count or measure the same thing. :mod:`mpsbook.extract.quantities` calls it on
the rows of a text once each row has its own reading. The cases, each in the methods page
("Reading a vague number as an interval"):

* a list or a choice: only a comma, "and", "or", a suspended hyphen or a change's "to" between the
  bare figure and the next ("eight or nine euros", "four-, five- and six-cylinder"); a comma alone
  only inside a list that ends in "and" or "or" ("16,644, 16 per cent above" is two readings), and
  ", or" before a percentage restates a change ("fell 74.25, or 0.7 percent") unless a list comes first;
* a change: "from 208 pounds to 193", "to 5 percent from 6", "rose 64.06 points to 4,577.10",
  "16369.03 up 58.06 points"; a change in per cent or percentage points says nothing of the level;
* a part or a match of a figure before it in the sentence: "6 million homes nationwide including
  1.5 million", "460 vehicles ... compared with 63", "280 million of the 1.5 billion shekels",
  "two-thirds of the combined 4.3M sales" (the share's whole);
* an ellipsis: "435 homes by open sale and 187 by tender", "68,400 people who ... and 95,800 who".

Shares, multiples and ages are never shared, and a duration is never the unit of a later bare figure.
"""

from __future__ import annotations

import itertools
import re

from .counted import DURATIONS
from .tokens import start_of_tokens_before, word_before

# Units that belong to one figure only: a share, a multiple, an age read from its context.
_OWN_UNITS = {"", "fraction", "times", "years of age"}
# Units of a change that say nothing of the level it reaches: "rose 5% to 1,200".
_RELATIVE_UNITS = {"percent", "percentage points", "basis points"}

_SHARED_BEFORE = re.compile(r"-?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|to)\s+)")
_COMMA_ALONE = re.compile(r"-?\s*,\s*")
# "The Dow fell 74.25, or 0.7 percent": the change restated in per cent, not a choice between two figures.
_COMMA_OR = re.compile(r"\s*,\s*or\s+")
# The gap after a figure starts with its unit's words, which its expression does not include.
_UNIT_WORDS = r"(?:\s?[^\s\d,.;:()]+){0,3}?"
_SHARED_AFTER = re.compile(rf"{_UNIT_WORDS}\s+(?:(?:up|down)\s+)?from\s+")
_SHARED_TO = re.compile(rf"{_UNIT_WORDS}\s+to\s+")
_CHANGED_BY = re.compile(
    r"\b(?:rose|risen|fell|fallen|gained|lost|added|dropped|climbed|jumped|declined|slipped|slid|shed|tumbled|plunged|"
    r"soared|surged|advanced|retreated|increased|decreased|(?:edged\s+)?(?:up|down|higher|lower))\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_LEVEL_THEN_CHANGE = re.compile(r",?\s+(?:up|down)\s+(?:by\s+)?")
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:[a-z]+\s+)?")
_PART_OR_MATCH = re.compile(
    r"\b(?:including|of\s+which|of\s+whom|of\s+them|among\s+them|compared\s+(?:with|to)|versus|vs\.?)\s+$",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"(?:\s|,\s)(?:and|while|but)\s+$")
_FUNCTION_WORD_AFTER = re.compile(r"\s+(?:by|who|in|on|at|for|from|with|during|last|this)\b")
_SENTENCE_BREAK = re.compile(r"[.;:!?](?!\d)")


def share_units(text: str, rows: list[dict]) -> list[dict]:
    """``rows`` (dicts with start, end, unit and counted, in the order of ``text``), bare figures given a shared unit.

    Changes the rows in place and returns them; the cases are in the module docstring, the steps in :data:`SHARES`.
    """
    shared_by(text, rows)
    return rows


def shared_by(text: str, rows: list[dict]) -> list[tuple[str, int]]:
    """Gives ``rows`` their shared units (as :func:`share_units`) and returns (step of :data:`SHARES`, row index) for each
    row a step gave a unit."""
    return [(name, index) for name, step in SHARES for index in step(text, rows)]


def _share(here: dict, there: dict, counted: bool = True) -> None:
    here["unit"] = there["unit"]
    if counted:
        here["counted"] = there["counted"]


def _share_within_lists(text: str, rows: list[dict]) -> list[int]:
    """"eight or nine euros", "four-, five- and six-cylinder": a bare figure takes the unit of the next in a list or choice."""
    listed, given = set(), []  # rows that took the unit of the next one: a comma alone joins a figure to a list of those
    pairs = list(itertools.pairwise(rows))
    for index in reversed(range(len(pairs))):  # right to left: "four-, five- and six-cylinder"
        here, after = pairs[index]
        gap = text[here["end"] : after["start"]]
        in_a_list = index > 0 and _COMMA_ALONE.fullmatch(text, pairs[index - 1][0]["end"], here["start"])
        restated = _COMMA_OR.fullmatch(gap) and after["unit"] in _RELATIVE_UNITS and not in_a_list
        if not here["unit"] and after["unit"] not in _OWN_UNITS and _SHARED_BEFORE.fullmatch(gap) and not restated and (
            id(after) in listed or not _COMMA_ALONE.fullmatch(gap)
        ):
            _share(here, after)
            listed.add(id(here))
            given.append(index)
    return given


def _share_part_of(text: str, rows: list[dict]) -> list[int]:
    """"280 million of the 1.5 billion shekels": a bare figure before "of the" and a figure takes its unit."""
    given = []
    for index, (here, after) in enumerate(itertools.pairwise(rows)):
        if not here["unit"] and _PART_OF.fullmatch(text, here["end"], after["start"]) and after["unit"] not in _OWN_UNITS:
            _share(here, after)
            given.append(index)
    return given


def _share_within_changes(text: str, rows: list[dict]) -> list[int]:
    """"from 208 pounds to 193", "rose 64.06 points to 4,577.10", "16369.03 up 58.06 points": a change's bare figure."""
    given = []
    for index, (here, after) in enumerate(itertools.pairwise(rows)):
        given += [index + offset for offset in _share_within_a_change(text, here, after)]
    return given


def _share_within_a_change(text: str, here: dict, after: dict) -> list[int]:
    gap, given = text[here["end"] : after["start"]], []
    window = start_of_tokens_before(text, here["start"], 3)  # "rose", "edged up by"
    if not after["unit"] and here["unit"] not in _OWN_UNITS and (
        _SHARED_AFTER.fullmatch(gap) or (_SHARED_TO.fullmatch(gap) and word_before(text, here["start"]) == "from")
    ):
        _share(after, here)
        given.append(1)
    level_unit = here["unit"] not in _OWN_UNITS | _RELATIVE_UNITS
    if not after["unit"] and level_unit and _SHARED_TO.fullmatch(gap) and _CHANGED_BY.search(text, window, here["start"]):
        _share(after, here, counted=False)  # "rose 64.06 points to 4,577.10"
        given.append(1)
    if not here["unit"] and after["unit"] not in _OWN_UNITS | _RELATIVE_UNITS and _LEVEL_THEN_CHANGE.fullmatch(gap):
        _share(here, after, counted=False)  # "16369.03 up 58.06 points"
        given.append(0)
    return given


def _share_with_an_antecedent(text: str, rows: list[dict]) -> list[int]:
    """"including 9,000", "compared with 250", "120 houses by hand and 80 by machine": a part, a match or an ellipsis."""
    given = []
    for index, row in enumerate(rows):
        earlier = _antecedent(rows[:index])
        if not row["unit"] and earlier and _part_match_or_ellipsis(text, earlier, row):
            _share(row, earlier)
            given.append(index)
    return given


def _antecedent(rows: list[dict]) -> dict | None:
    """The last of ``rows`` whose unit a later bare figure may take: a count or measure, not a duration, share or age."""
    return next((row for row in reversed(rows) if row["unit"] not in _OWN_UNITS | DURATIONS), None)


def _part_match_or_ellipsis(text: str, earlier: dict, row: dict) -> bool:
    """Whether bare ``row`` is a part of, a match for, or an ellipsis of ``earlier`` in the same sentence."""
    if _SENTENCE_BREAK.search(text, earlier["end"], row["start"]):
        return False
    window = max(earlier["end"], start_of_tokens_before(text, row["start"], 3))  # "compared with", ", and"
    return bool(_PART_OR_MATCH.search(text, window, row["start"])) or bool(
        _AND_BEFORE.search(text, window, row["start"]) and _FUNCTION_WORD_AFTER.match(text, row["end"])
    )


SHARES = (
    ("list or choice", _share_within_lists),
    ("part of the next figure", _share_part_of),
    ("change", _share_within_changes),
    ("part, match or ellipsis", _share_with_an_antecedent),
)
"""The steps that give a bare figure the unit of another, in order (the cases of the module docstring)."""
