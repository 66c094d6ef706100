"""Finding quantities in a text: hedges, what is never a quantity, the interval rule, the extractor.

:func:`extract_quantities` turns every quantitative expression of a text ("over 250,000",
"nearly 20", "tens of thousands", "up to €10M", "two-thirds", "3 to 5 million") into a row
with the interval of values its words allow. Numbers themselves are read by :mod:`mpsbook.extract.numbers`.

The interval rule
-----------------
Let *f* be the stated figure and *s* the place value of its last significant digit
(250,000 -> 10,000; 400 thousand -> 100,000; 20 -> 10; 1.2 million -> 100,000;
45k -> 1,000; 3,000 -> 1,000; 10000 -> 10,000). Trailing zeros of a whole number are not
significant; every digit written after a decimal point is. A scale word or suffix multiplies
both ("£1.75m" is 1,750,000 with *s* 10,000; k, m, M, mn, bn, B, T and tn are thousand,
million, million, million, billion, billion, trillion and trillion); "5 hundred" and "twelve
hundred" are 500 and 1,200, "a dozen" and "two dozen" 12 and 24, "half a million" 500,000.

* ``exact`` (no hedge): [f, f].
* ``over``, a lower bound ("over", "more than", "above", "exceeding", "in excess of",
  "upwards of", "at least", "no fewer than", "no less than", "not less than"; after the
  number: "-plus", "+", "or more"): [f, f + s].
* ``nearly``, an upper bound ("nearly", "close to", "almost", "just under", "up to",
  "less than", "fewer than", "under", "below", "at most", "no more than", "as many as"):
  [f - s, f].
* ``about`` ("about", "around", "roughly", "approximately", "approx.", "some", "circa"; after the
  number: "or so", "-odd"): [f - s/2, f + s/2].
* ``order``, a phrase that gives only an order of magnitude: from the word's lowest value to
  ten times it: "tens" -> [10, 100], "dozens" -> [12, 120], "scores of" -> [20, 200],
  "hundreds" -> [100, 1,000], "thousands" -> [1e3, 1e4], "millions" -> [1e6, 1e7],
  "billions" -> [1e9, 1e10]; followed by a scale word the bounds are multiplied by it:
  "tens of thousands" -> [1e4, 1e5], "hundreds (of) billion(s)" -> [1e11, 1e12]; "several"
  or "a few" before a scale word: [2, 10] times it ("several thousand" -> [2,000, 10,000]).
  The figure is NaN, and a hedge in front of such a phrase does not change the interval.
* ``contradictory``, two hedges that pull opposite ways ("nearly more than 400 thousand"):
  [f - s, f + s], the union of what either hedge would allow.
* ``range``, two figures joined by "to", a dash, or "between ... and" ("3 to 5 million",
  "3-5 million", "between 15 and 39 million", "aged 16-59"), or "from ... to ..." with no word
  of change before it in its clause ("prices range from $5 to $9"): one row, figure NaN,
  interval [first, second], a scale word or unit after the second figure applying to both
  (unless the first would then exceed the second: "$200,000 to $4 million"). "rose from 630 to
  719" is a change, not a range: two rows; so is "by X to Y".

A tilde or "≈" before the number is ``about`` ("~1.2mm"); "sub-" joined to it is ``nearly``
("sub-300 sq m").

Shares and multiples are figures with a unit that says so. A fraction ("two-thirds", "a
quarter of", "half of", "one in five", "two out of 10") has unit ``fraction``, its share as
figure (0.2 for one in five) and one part (1/5) as *s* ("one fourth" and "1/16 of" too); a
multiple ("seven times", "10-fold", "doubled", "twice") has unit ``times``. "per cent", "pc"
and "%" give unit ``percent``; a currency sign or code before the figure is its unit
(:data:`mpsbook.extract.numbers.CURRENCIES`: $ dollars, US$ and USD US dollars, € and EUR euros, £ and
GBP pounds, ¥, RMB and CNY yuan, A$, S$, HK$, RM, Rs, "PS" and "Y=" as ASCII copy writes £ and
¥ ...), as is a sign or code after it ("1,200€", "108.79 JPY"), and a hedge before the sign is
read ("more than $1 billion" is over). A unit of measurement after the figure is its unit
(:mod:`mpsbook.extract.units`: "256GB" gigabytes, "50 mph", "a 6.1-inch screen", "a 65-year-old" years
of age), and a denominator after a unit or currency makes a rate ("$80 per sq m"); "aged 35",
"Smith, 66, said", "a boy who was 9." and a life expectancy are ages. A unit written once may serve
several figures (:mod:`mpsbook.extract.shared_units`: "eight or nine euros", "rose 12.5 points to 3,410.2",
"40,000 flats ... including 9,000"). A minus sign or "minus" before the figure makes it negative
("-5%", "minus-5 yards"); "x 10^23" and a multiplication sign before 10 multiply it by a power of ten.
"over" is not a hedge after a verb it belongs to ("handed over 571 suspects") or before a
duration ("over three days"); "about" is not one after a word it belongs to ("talk about"); "up
to" after a verb of rising in the same clause reads "to" ("increased by 5%, up to 5,668").

Never a quantity: a year (a four-digit whole number from 1900 to 2100, written without a comma
or suffix and with no hedge before it, whatever follows it; "2018-2020" and "2009/10" are years
too, and so are "by 2120" and "between 1600 and 1900"; "about 2000 - 2500 calories" is a range);
dates ("July 28", "28 July", "Sept. 26", "2024-06-26"); times ("10:30 pm", "2pm");
phone and hotline numbers ("010-6520-3000", "hotline 96110", "Dial 110", and those only their
context shows, :mod:`mpsbook.extract.phones`: "6520 3000", "dial 110 or 119", "the centre at 96110");
street addresses ("12 Elm Street"); eras ("A.D. 1000"); legal and section references, seat rows, levels and grades
("Article 287", "Decree No. 119", "Level 3", "Table 1", "Row 21");
identifiers and names (digits joined to a code: "5G", "COVID-19", "bm01000001",
"24/7", a number written with a leading zero; "Voyager 2"); list numbers ("1. Main points"); digit
ordinals ("the 20th"); "one of" and "one or more"; and a rate's denominator ("0.5 per 100,000 people";
"every 33 years" is a period, not a denominator).
The article's typo "on million" is read as "one million", and the row's ``note`` says so.
Share-index names, sports scores, product and aircraft models and sports statistics are words of the
NewsQuant benchmark, not of the book's texts: the benchmark passes them (``bench/vocabulary.py``,
:mod:`mpsbook.extract.vocabulary`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from ..ledger.data import paragraph_number
from ..ledger.figures import figure
from .counted import DURATIONS, UNITS, age_after_a_name, age_in_context, aged_before, reading_after, unit_after
from .joins import join_atoms
from .shared_units import share_units
from .spans import Atom, find_atoms
from .tokens import word_before
from .vocabulary import BOOK, Vocabulary

QUALIFIERS = ("exact", "over", "nearly", "about", "order", "contradictory")
# Every qualifier the extractor can give: the article's six, and ranges, which other texts use.
TEXT_QUALIFIERS = (*QUALIFIERS, "range")

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

_YEAR_PREPOSITIONS = set("in by since until till before after".split())
# Capitalised words a number may follow without being part of a name.
_NOT_NAMES = set(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul "
    "Aug Sep Sept Oct Nov Dec The In On At By For From Since Of Some About Over Nearly Almost Around Only".split()
)
# "up to" after a verb of rising reads "to": "the rate increased by 5%, up to 5,668".
_RISING = re.compile(r"\b(?:rose|risen|rising|increased|increasing|grew|grown|growing|climbed|jumped|soared|surged)\b", re.I)

_HEDGE_WORDS = "|".join(
    re.escape(h).replace(r"\ ", r"[\s-]+")
    for h in sorted((h for hs in HEDGES.values() for h in hs), key=len, reverse=True)
)
_HEDGES_BEFORE = re.compile(rf"(?:(?<![\w-])(?:{_HEDGE_WORDS})\s+)+$", re.IGNORECASE)
_ONE_HEDGE = re.compile(rf"(?<![\w-])(?:{_HEDGE_WORDS})(?![\w])", re.IGNORECASE)
# A tilde or "almost equal to" right before the number ("~1.2mm", "≈ 32m2") is "about".
# "sub-" joined to the number is "under" ("sub-300 sq m").
_SYMBOL_HEDGES = ("~", "\u2248")
_SYMBOL_BEFORE = re.compile(r"(?:(?<![\w~\u2248])[~\u2248]\s?|(?<![\w-])(?i:sub)-)$")


def _hedge_kind(hedge: str) -> str:
    if hedge in _SYMBOL_HEDGES:
        return "about"
    if hedge.lower() == "sub-":
        return "nearly"
    normalised = " ".join(re.split(r"[\s-]+", hedge.lower()))
    return next(kind for kind, words in HEDGES.items() if normalised in words)


def interval(figure: float, step: float, qualifier: str) -> tuple[float, float]:
    """The [low, high] interval that ``qualifier`` allows around ``figure``, whose last significant digit is worth ``step``."""
    rules = {
        "exact": (figure, figure),
        "over": (figure, figure + step),
        "nearly": (figure - step, figure),
        "about": (figure - step / 2, figure + step / 2),
        "contradictory": (figure - step, figure + step),
    }
    return rules[qualifier]


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
    found = _HEDGES_BEFORE.search(text, max(0, start - 60), start)
    if not found:
        return None
    hedges = [h.group() for h in _ONE_HEDGE.finditer(found.group())]
    previous = word_before(text, found.start(), r"\s*")
    clause = re.split(r"[.;!?\n]", text[max(0, found.start() - 80) : found.start()])[-1]
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


def _hedges_before(text: str, start: int) -> tuple[int, list[str]]:
    """The hedge words right before ``start`` and where they begin, less a first word :data:`NOT_HEDGES` rules out."""
    words = hedge_words_before(text, start)
    if words is None:
        return start, []
    if not any(rule(words) for _, rule in NOT_HEDGES):
        return words.start, words.hedges
    if len(words.hedges) == 1:
        return start, []
    return _ONE_HEDGE.search(text, words.start + len(words.first), start).start(), words.hedges[1:]


def _after_a_name(text: str, atom: Atom) -> bool:
    """Whether a small whole number follows a capitalised word inside a sentence, as in a name ("Voyager 2", "EMMA 9")."""
    name = re.search(r"(?<=[a-z,;:] )([A-Z][a-z]+|[A-Z]{2,}) $", text[max(0, atom.start - 30) : atom.start])
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


def _qualifier(kinds: set[str]) -> str:
    if {"over", "nearly"} <= kinds:
        return "contradictory"
    return next((kind for kind in ("over", "nearly", "about") if kind in kinds), "exact")


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
    start, hedges = _hedges_before(text, atom.start)
    symbol = _SYMBOL_BEFORE.search(text, max(0, atom.start - 4), atom.start)
    if symbol and not hedges:
        start, hedges = symbol.start(), [symbol.group().strip()]
    context = Context(text, atom, start, atom.end, hedges, {_hedge_kind(h) for h in hedges}, vocabulary=vocabulary)
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


def _row(text: str, atom: Atom, vocabulary: Vocabulary) -> dict | None:
    """One row for one quantity, or None when the context shows it is not one (:data:`NOT_IN_CONTEXT`)."""
    context = read_context(text, atom, vocabulary)
    if any(rule(context) for _, rule in NOT_IN_CONTEXT):
        return None
    hedges, start, note = context.hedges, context.start, atom.note
    if over_before_a_duration(context):
        context.kinds.discard("over")
        hedges, start = hedges[:-1], atom.start if len(hedges) == 1 else start
    start = start if hedges else atom.start
    if atom.kind in ("order", "range"):
        qualifier, figure, (low, high) = atom.kind, math.nan, atom.bounds
        if hedges:
            note = f"the hedge '{' '.join(hedges)}' does not change an interval the words already give"
    else:
        qualifier = _qualifier(context.kinds)
        low, high = (float(v) for v in interval(atom.figure, atom.step, qualifier))
        figure = float(atom.figure)
    return {
        "start": start, "end": context.end, "paragraph": paragraph_number(text, start), "expression": text[start : context.end],
        "figure": figure, "low": float(low), "high": float(high), "qualifier": qualifier, "unit": context.unit, "note": note,
        "counted": context.counted,
    }


COLUMNS = ["start", "end", "paragraph", "expression", "figure", "low", "high", "qualifier", "unit", "note"]


def quantity_rows(text: str, vocabulary: Vocabulary = BOOK) -> list[dict]:
    """The quantities of ``text`` as dicts, in order: the columns of :func:`extract_quantities` and ``counted``.

    ``counted`` (str) is the words from the number to the word that names what it counts, as written
    ("eligible pensioners" where ``unit`` is "pensioners"), empty when the unit is not a counted word; the
    book reads it only to decide the unit (a "one" before a verb in -s, a unit shared by several figures).
    ``vocabulary`` adds units, denominators and kinds of never-a-quantity to the package's
    (:mod:`mpsbook.extract.vocabulary`); the book passes none.
    """
    atoms = join_atoms(text, find_atoms(text, vocabulary))
    return share_units(text, [row for atom in atoms if (row := _row(text, atom, vocabulary))])


def extract_quantities(text: str, vocabulary: Vocabulary = BOOK) -> pd.DataFrame:
    """One row per quantitative expression in ``text``, in order, with the interval it allows.

    Returns
    -------
    pandas.DataFrame
        ``start``, ``end`` (int; ``text[start:end]`` is the expression), ``paragraph`` (int,
        1-based, counting non-empty lines), ``expression`` (str: the hedge words and the number),
        ``figure`` (float: the stated number; NaN for an order of magnitude or a range),
        ``low``, ``high`` (float, in the unit of the figure), ``qualifier`` (one of
        :data:`TEXT_QUALIFIERS`), ``unit`` (str: what is counted or measured, "percent",
        "fraction", "times", a currency or a unit of measurement; empty when none is recognised)
        and ``note`` (str). ``vocabulary``: as for :func:`quantity_rows`. The rule, and what is never a
        quantity: the module docstring and the methods page, "Reading a vague number as an interval".
    """
    return pd.DataFrame(quantity_rows(text, vocabulary), columns=COLUMNS).astype(
        {"start": "int64", "end": "int64", "paragraph": "int64", "figure": "float64", "low": "float64", "high": "float64"}
    )


def quantity_table(
    quantities: pd.DataFrame,
    columns=("paragraph", "expression", "unit", "qualifier", "figure", "low", "high"),
) -> pd.DataFrame:
    """A readable copy of an ``extract_quantities`` frame: chosen columns, figures formatted, rows numbered from 1."""
    table = quantities.loc[:, list(columns)].copy()
    for column in ("figure", "low", "high"):
        if column in table:
            table[column] = table[column].map(figure)
    table.index = pd.RangeIndex(1, len(table) + 1, name="#")
    return table
