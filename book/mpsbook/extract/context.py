"""What the words around one number say: its hedges, what it counts, and whether it is a quantity at all.

:func:`read_context` reads a number's :class:`Context` once (its hedges before and after,
:mod:`mpsbook.extract.hedges`; what it counts, :func:`mpsbook.extract.counted.reading_after`; an age; what a lone
"one" counts), and each rule that decides the number's row reads that context. :data:`NOT_IN_CONTEXT` lists the
numbers their context shows are no quantity (a year, "one" as a pronoun, a model number, a year named by its
preposition); :func:`over_before_a_duration` the "over" that means during. :mod:`mpsbook.extract.quantities`
turns what is left into rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .counted import DURATIONS, UNITS, age_after_a_name, age_in_context, aged_before, reading_after, unit_after
from .hedges import POSTFIX_HEDGES, hedge_kind, hedges_before, symbol_before
from .spans import Atom
from .tokens import start_of_tokens_before, word_before
from .vocabulary import BOOK, Vocabulary

_YEAR_PREPOSITIONS = set("in by since until till before after".split())
# Capitalised words a number may follow without being part of a name.
_NOT_NAMES = set(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul "
    "Aug Sep Sept Oct Nov Dec The In On At By For From Since Of Some About Over Nearly Almost Around Only".split()
)

# A capitalised word inside a sentence, right before the number (its one token before).
_NAME_BEFORE = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+|[A-Z]{2,}) $")


def _after_a_name(text: str, atom: Atom) -> bool:
    """Whether a small whole number follows a capitalised word inside a sentence, as in a name ("Voyager 2", "EMMA 9")."""
    name = _NAME_BEFORE.search(text, start_of_tokens_before(text, atom.start, 1), atom.start)
    return bool(name) and name.group(1) not in _NOT_NAMES and abs(atom.figure) < 100 and atom.figure == int(atom.figure)


# Words that never name what "one" counts: after "one" they make it a pronoun ("one can", "one of", "one
# that"); before it a determiner does ("the one", "no one", "each one").
_NOT_AFTER_ONE = set(
    "in on at from to by for with and or nor but so if then than as per into onto of off out up down over under about "
    "after before behind through across during since until while when where whether because is are was were be been "
    "being am has have had having do does did can could would should may might must will shall not also another more "
    "less other such same that which who whom whose what this these those the a an its his her their our your my it "
    "he she they we you i me him them us own way yesterday today tomorrow now here there ago again just only even "
    "still already ever never said told went got made thought knew found saw came took gave put let say see get go "
    "make think know find come take give want need each every apiece both all either neither".split()
)
_LOWER_WORD = re.compile(r"\s+([a-z][a-z-]*)(?![\w'\u2019])")
_DETERMINERS_BEFORE_ONE = set("the this that no any each every which what whichever such one another only last".split())


def _noun_after_one(text: str, atom: Atom) -> list[str] | None:
    """The words naming what a lone "one" counts ("one solution", "one particular demand"), or None for a pronoun.

    Up to three lowercase words right after "one", up to a word of :data:`_NOT_AFTER_ONE` or punctuation;
    none of them a verb in -s or -ed ("one says", "one wanted") or an adverb in -ly; "one" itself not after a
    determiner ("no one", "the one").
    """
    if word_before(text, atom.start, r"\W*") in _DETERMINERS_BEFORE_ONE:
        return None
    words, position = [], atom.end
    while (match := _LOWER_WORD.match(text, position)) and match.group(1) not in _NOT_AFTER_ONE and len(words) < 3:
        if re.search(r"(?:ed|ly)$|[^su]s$", match.group(1)):
            return None
        words.append(match.group(1))
        position = match.end()
    return words or None


@dataclass
class Context:
    """What the words around one number say, read once and passed to each rule that decides its row.

    ``start`` is where its hedges begin (the number's start when none), ``end`` where its postfix hedge ends;
    ``hedges`` are the hedge words before it as written, ``kinds`` the qualifiers they and a postfix hedge give;
    ``unit`` and ``counted`` what it counts (:func:`mpsbook.extract.counted.reading_after`, then ages and "one");
    ``noun`` the words naming what a lone "one" counts, if any; ``vocabulary`` the words read beyond the package's.
    """

    text: str
    atom: Atom
    start: int
    end: int
    hedges: list[str]
    kinds: set[str]
    unit: str = ""
    counted: str = ""
    noun: list[str] | None = None
    vocabulary: Vocabulary = BOOK

    @property
    def lone_one(self) -> bool:
        """Whether the number is the single word "one" (or "a")."""
        return self.atom.kind == "words" and self.atom.figure == 1 and self.atom.single_word

    @property
    def bare_digits(self) -> bool:
        """Whether the number is written in digits with no hedge before it and no unit after it."""
        return self.atom.kind == "number" and not self.unit and not self.hedges


def read_context(text: str, atom: Atom, vocabulary: Vocabulary = BOOK) -> Context:
    """The :class:`Context` of ``atom``: its hedges before and after, and what it counts."""
    start, hedges = hedges_before(text, atom.start)
    symbol = symbol_before(text, atom.start)
    if symbol and not hedges:
        start, hedges = symbol.start(), [symbol.group().strip()]
    context = Context(text, atom, start, atom.end, hedges, {hedge_kind(h) for h in hedges}, vocabulary=vocabulary)
    for kind, pattern in POSTFIX_HEDGES.items():
        postfix = pattern.match(text, context.end)
        if postfix and atom.kind in ("number", "words"):
            context.kinds.add(kind)
            context.end = postfix.end()
    context.unit, context.counted = reading_after(text, context.end, atom.unit, vocabulary.measure_table)
    _read_age(context)
    _read_one(context, vocabulary)
    return context


def _read_age(context: Context) -> None:
    """"aged 16-59", "at age 35", "Smith, 66, said", "under the age of 5 years": the unit is years of age."""
    text, atom = context.text, context.atom
    aged = aged_before(text, atom.start)
    in_context = age_after_a_name(text, atom) or age_in_context(text, context.start, context.end, atom)
    if (not context.unit and (aged or in_context)) or (context.unit == "years" and aged):
        context.unit, context.counted = "years of age", ""


def _read_one(context: Context, vocabulary: Vocabulary) -> None:
    """A lone "one": before a verb in -s it counts the word before ("One proposal asks"); before a noun, that noun."""
    if not context.lone_one:
        return
    words = context.counted.split()
    if len(words) > 1 and context.unit == words[-1].lower() and context.unit not in UNITS:
        context.unit, context.counted = words[-2].lower(), " ".join(words[:-1])
    if not context.unit:
        context.noun = _noun_after_one(context.text, context.atom)
    if context.noun:
        context.unit, context.counted = context.noun[-1].lower(), " ".join(context.noun)  # "one man", "one particular demand"


def over_before_a_duration(context: Context) -> bool:
    """"over three days": "over" before a duration means during, not more than."""
    return bool(context.hedges) and context.hedges[-1].lower() == "over" and context.unit in DURATIONS


def _a_year(context: Context) -> bool:
    """A year, and "around 1990" too; "over 2023 cases" is a count."""
    return context.atom.is_year and (not context.hedges or (context.kinds == {"about"} and not context.unit))


def _one_as_a_pronoun(context: Context) -> bool:
    """"one" as a pronoun ("one of the suspects") or a threshold ("one or more crimes"), not a count."""
    text, atom = context.text, context.atom
    return context.lone_one and not context.noun and not atom.unit and (
        not unit_after(text, context.end, "", context.vocabulary.measure_table)
        or bool(re.match(r"\s+(?:of|or\s+more)\b", text[atom.end :]))
    )


def _a_name_and_number(context: Context) -> bool:
    """A model or series number: "Voyager 2", "Lionfish 3"."""
    return context.bare_digits and _after_a_name(context.text, context.atom)


def _a_year_named_by_its_preposition(context: Context) -> bool:
    """"by 2120", "in 1066": a year outside 1900-2100, named so by its preposition."""
    text, atom = context.text, context.atom
    return context.bare_digits and word_before(text, atom.start) in _YEAR_PREPOSITIONS \
        and bool(re.fullmatch(r"1\d{3}|2[01]\d\d", text[atom.start : context.end]))


NOT_IN_CONTEXT = (
    ("year", _a_year),
    ("one as a pronoun", _one_as_a_pronoun),
    ("name and number", _a_name_and_number),
    ("year named by its preposition", _a_year_named_by_its_preposition),
)
"""Numbers whose context shows they are no quantity, each a name and a predicate of the :class:`Context`."""
