"""Finding quantities in a text: the interval rule and the extractor, from a text to its rows.

:func:`extract_quantities` turns every quantitative expression of a text ("over 250,000",
"nearly 20", "tens of thousands", "up to €10M", "two-thirds", "3 to 5 million") into a row
with the interval of values its words allow. Numbers themselves are read by :mod:`mpsbook.extract.numbers`, found
by :mod:`mpsbook.extract.spans` and joined by :mod:`mpsbook.extract.joins`; the words around each, its hedges and
whether it is a quantity at all, by :mod:`mpsbook.extract.context` (hedges: :mod:`mpsbook.extract.hedges`); a
unit written once is shared by :mod:`mpsbook.extract.shared_units`. This module applies the rule below.

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

import pandas as pd

from ..ledger.data import paragraph_number
from ..ledger.figures import figure
from .context import NOT_IN_CONTEXT, over_before_a_duration, read_context
from .joins import join_atoms
from .shared_units import share_units
from .spans import Atom, find_atoms
from .vocabulary import BOOK, Vocabulary

QUALIFIERS = ("exact", "over", "nearly", "about", "order", "contradictory")
# Every qualifier the extractor can give: the article's six, and ranges, which other texts use.
TEXT_QUALIFIERS = (*QUALIFIERS, "range")


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


def _qualifier(kinds: set[str]) -> str:
    if {"over", "nearly"} <= kinds:
        return "contradictory"
    return next((kind for kind in ("over", "nearly", "about") if kind in kinds), "exact")


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
