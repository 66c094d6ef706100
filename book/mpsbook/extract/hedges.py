"""The hedges around a number: the words and signs that make it a lower or upper bound, or approximate.

:func:`hedges_before` gives the hedge words right before a number ("over", "nearly more than", "up to"), less a
first word that :data:`NOT_HEDGES` shows belongs to something else ("handed over 571", "talked about 20",
"increased by 5%, up to 5,668"); :func:`symbol_before` a sign joined to it ("~1.2mm", "sub-300");
:data:`POSTFIX_HEDGES` those written after it ("1,000-plus", "300 or so"). :func:`hedge_kind` names the qualifier
each gives. What the qualifiers allow (the interval rule) is in :mod:`mpsbook.extract.quantities`; the
words before a number are read as tokens (:mod:`mpsbook.extract.tokens`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import CLAUSE, start_of_tokens_before, word_before

HEDGES = {
    "over": ("more than", "over", "above", "exceeding", "in excess of", "upwards of", "at least", "no fewer than",
             "no less than", "not less than", "not fewer than"),
    "nearly": ("nearly", "close to", "almost", "just under", "up to", "less than", "fewer than", "under", "below",
               "at most", "no more than", "not more than", "as many as", "as much as"),
    "about": ("about", "around", "roughly", "approximately", "approx.", "some", "circa"),
}
# Hedges written after the number ("1,000-plus", "300 or so").
POSTFIX_HEDGES = {
    "over": re.compile(r"(?:-plus\b|\+(?![\d\w])|\s+plus\b|\s+or\s+more\b|\s+and\s+(?:more|above)\b)", re.IGNORECASE),
    "about": re.compile(r"(?:\s+or\s+so\b|-odd\b)", re.IGNORECASE),
}

# Words before "over" and "about" that make them part of a verb or noun, not hedges.
_OVER_VERBS = set(
    "hand hands handed handing turn turns turned turning take takes took taken taking pass passed passing carry "
    "carried win won hold held sign signed give gave given bring brought came come spilled left fell fall".split()
)
_ABOUT_WORDS = set(
    "talk talks talked talking information question questions ask asked asking know knew learn learned concern "
    "concerns concerned worried brought bring care think thought complaints".split()
)

# "up to" after a verb of rising reads "to": "the rate increased by 5%, up to 5,668".
_RISING = re.compile(r"\b(?:rose|risen|rising|increased|increasing|grew|grown|growing|climbed|jumped|soared|surged)\b", re.I)

_HEDGE_WORDS = "|".join(
    re.escape(h).replace(r"\ ", r"[\s-]+")
    for h in sorted((h for hs in HEDGES.values() for h in hs), key=len, reverse=True)
)
_HEDGES_BEFORE = re.compile(rf"(?:(?<![\w-])(?:{_HEDGE_WORDS})\s+)+$", re.IGNORECASE)
_ONE_HEDGE = re.compile(rf"(?<![\w-])(?:{_HEDGE_WORDS})(?![\w])", re.IGNORECASE)
# How far back hedges are read: a run of hedge words ("nearly more than", "no fewer than") is well within ten
# tokens; the clause before them (a verb of rising before "up to") within sixteen.
_HEDGE_TOKENS, _CLAUSE_TOKENS = 10, 16
# A tilde or "almost equal to" right before the number ("~1.2mm", "≈ 32m2") is "about".
# "sub-" joined to the number is "under" ("sub-300 sq m"): read in the two tokens before it.
_SYMBOL_HEDGES = ("~", "\u2248")
_SYMBOL_BEFORE = re.compile(r"(?:(?<![\w~\u2248])[~\u2248]\s?|(?<![\w-])(?i:sub)-)$")


def symbol_before(text: str, start: int) -> re.Match | None:
    """The sign joined to the number at ``start`` that hedges it ("~" or "\u2248": about; "sub-": nearly), or None."""
    return _SYMBOL_BEFORE.search(text, start_of_tokens_before(text, start, 2), start)


def hedge_kind(hedge: str) -> str:
    """The qualifier a hedge gives ("over", "nearly" or "about"), whatever its case and spacing."""
    if hedge in _SYMBOL_HEDGES:
        return "about"
    if hedge.lower() == "sub-":
        return "nearly"
    normalised = " ".join(re.split(r"[\s-]+", hedge.lower()))
    return next(kind for kind, words in HEDGES.items() if normalised in words)


@dataclass(frozen=True)
class HedgeWords:
    """The hedge words right before a number: where they start, each as written, the first one normalised, the
    word before them and the clause before them (what decides whether the first is a hedge at all)."""

    start: int
    hedges: list[str]
    first: str
    previous: str
    clause: str


def hedge_words_before(text: str, start: int) -> HedgeWords | None:
    """The :class:`HedgeWords` right before ``start``, or None when there are none."""
    found = _HEDGES_BEFORE.search(text, start_of_tokens_before(text, start, _HEDGE_TOKENS), start)
    if not found:
        return None
    hedges = [h.group() for h in _ONE_HEDGE.finditer(found.group())]
    previous = word_before(text, found.start(), r"\s*")
    clause = text[start_of_tokens_before(text, found.start(), _CLAUSE_TOKENS, CLAUSE) : found.start()]
    return HedgeWords(found.start(), hedges, " ".join(hedges[0].lower().split()), previous, clause)


def _over_after_its_verb(words: HedgeWords) -> bool:
    """"handed over 571 suspects": "over" belongs to the verb before it."""
    return words.first == "over" and words.previous in _OVER_VERBS


def _about_after_its_word(words: HedgeWords) -> bool:
    """"talked about 20 cases": "about" belongs to the word before it."""
    return words.first == "about" and words.previous in _ABOUT_WORDS


def _up_to_after_rising(words: HedgeWords) -> bool:
    """"increased by 5%, up to 5,668": after a verb of rising in its clause, "up to" reads "to"."""
    rising = _RISING.search(words.clause) if words.first == "up to" else None
    return bool(rising) and not re.search(r"\b(?:with|of|for|at|on)\b", words.clause[rising.end() :], re.IGNORECASE)


NOT_HEDGES = (
    ("over after its verb", _over_after_its_verb),
    ("about after its word", _about_after_its_word),
    ("up to after a verb of rising", _up_to_after_rising),
)
"""The first hedge word before a number is no hedge when one of these predicates of its :class:`HedgeWords` holds."""


def hedges_before(text: str, start: int) -> tuple[int, list[str]]:
    """The hedge words right before ``start`` and where they begin, less a first word :data:`NOT_HEDGES` rules out."""
    words = hedge_words_before(text, start)
    if words is None:
        return start, []
    if not any(rule(words) for _, rule in NOT_HEDGES):
        return words.start, words.hedges
    if len(words.hedges) == 1:
        return start, []
    return _ONE_HEDGE.search(text, words.start + len(words.first), start).start(), words.hedges[1:]
