"""Finding quantities in a text: hedge and number words, place value, the interval rule, the extractor.

:func:`extract_quantities` turns every quantitative expression of a text ("over 250,000",
"nearly 20", "tens of thousands") into a row with the interval of values its words allow.

The interval rule
-----------------
Let *f* be the stated figure and *s* the place value of its last significant digit
(250,000 -> 10,000; 400 thousand -> 100,000; 20 -> 10; 1.2 million -> 100,000;
45k -> 1,000; 3,000 -> 1,000; 10000 -> 10,000). Trailing zeros of a whole number are not
significant; every digit written after a decimal point is.

* ``exact`` (no hedge): [f, f].
* ``over`` ("over", "more than", "above", "exceeding", "in excess of", "upwards of",
  "at least"): [f, f + s].
* ``nearly`` ("nearly", "close to", "almost", "just under"): [f - s, f].
* ``about`` ("about", "around", "roughly", "approximately", "some", "circa"):
  [f - s/2, f + s/2].
* ``order``, a phrase that gives only an order of magnitude: "tens" -> [10, 100],
  "hundreds" -> [100, 1,000], "thousands" -> [1e3, 1e4], "millions" -> [1e6, 1e7],
  "billions" -> [1e9, 1e10]; followed by a scale word the bounds are multiplied by it:
  "tens of thousands" -> [1e4, 1e5], "tens of billions" -> [1e10, 1e11],
  "hundreds (of) billion(s)" -> [1e11, 1e12]. The figure is NaN, and a hedge in front of
  such a phrase does not change the interval (the row's note says so).
* ``contradictory``, two hedges that pull opposite ways ("nearly more than 400 thousand"):
  [f - s, f + s], the union of what either hedge would allow.

Years ("in 2022", "since 2018", "during 2023") are not quantities: a four-digit whole number
from 1900 to 2100, written without a comma, with no hedge before it and no unit after it, is
read as a year and left out. The article's typo "on million" is read as "one million", and
the row's ``note`` says so.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pandas as pd

from .data import paragraph_number

QUALIFIERS = ("exact", "over", "nearly", "about", "order", "contradictory")

HEDGES = {
    "over": ("more than", "over", "above", "exceeding", "in excess of", "upwards of", "at least"),
    "nearly": ("nearly", "close to", "almost", "just under"),
    "about": ("about", "around", "roughly", "approximately", "some", "circa"),
}

SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {word: 10 * i for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SUFFIXES = {"k": 10**3, "bn": 10**9, "mn": 10**6}
ORDER_WORDS = {"tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}

# What a quantity counts, read from the words after it; each spelling maps to one name.
UNITS = {
    spelling: unit
    for unit, spellings in {
        "cases": ["case", "cases"],
        "suspects": ["suspect", "suspects"],
        "people": ["people", "persons", "person"],
        "person-times": ["person-times"],
        "police": ["police", "policemen", "officers", "officer"],
        "tons": ["ton", "tons", "tonne", "tonnes", "t"],
        "kilograms": ["kilogram", "kilograms", "kg"],
        "yuan": ["yuan", "rmb"],
        "percent": ["percent", "%"],
        "cards": ["card", "cards"],
        "cyberattacks": ["cyberattack", "cyberattacks"],
        "attacks": ["attack", "attacks"],
        "organizations": ["organization", "organizations", "organisation", "organisations"],
        "groups": ["group", "groups", "gang", "gangs"],
        "threats": ["threat", "threats"],
        "dens": ["den", "dens"],
        "enterprises": ["enterprise", "enterprises", "company", "companies"],
        "units": ["unit", "units"],
        "systems": ["system", "systems"],
        "websites": ["website", "websites"],
        "accounts": ["account", "accounts"],
        "arrests": ["arrest", "arrests"],
    }.items()
    for spelling in spellings
}

_NUMBER_WORD = "|".join(sorted([*SMALL_NUMBERS, *TENS, "hundred", *SCALES], key=len, reverse=True))
_QUANTITY = re.compile(
    rf"""
    (?P<order>\b(?:{'|'.join(ORDER_WORDS)})\b(?:(?:\s+of)?\s+(?P<order_scale>(?:{'|'.join(SCALES)})s?)\b)?)
  | (?P<digits>(?<![\w.,-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d,]\d))
    (?:(?P<suffix>(?i:k|bn|mn))\b|\s+(?P<digit_scale>{'|'.join(SCALES)})\b)?
  | (?P<words>\b(?:(?P<typo>on)\s+(?=(?:hundred|{'|'.join(SCALES)})\b)|an?\s+(?=(?:hundred|{'|'.join(SCALES)})\b))?
      (?:{_NUMBER_WORD})(?:(?:\s*-\s*|\s+and\s+|,?\s+)(?:{_NUMBER_WORD}))*\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_HEDGE_WORDS = "|".join(
    re.escape(h).replace(r"\ ", r"\s+") for h in sorted((h for hs in HEDGES.values() for h in hs), key=len, reverse=True)
)
_HEDGES_BEFORE = re.compile(rf"(?:(?<![\w-])(?:{_HEDGE_WORDS})\s+)+$", re.IGNORECASE)
_ONE_HEDGE = re.compile(rf"(?<![\w-])(?:{_HEDGE_WORDS})(?![\w-])", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*(%|[A-Za-z][A-Za-z-]*)")


def _hedge_kind(hedge: str) -> str:
    normalised = " ".join(hedge.lower().split())
    return next(kind for kind, words in HEDGES.items() if normalised in words)


def parse_number_words(words: str) -> tuple[int, int]:
    """The value of a run of English number words and how many of its characters make that value.

    The run is read from the left for as long as it stays one well-formed number:
    "two thousand" -> 2000, "one hundred and five" -> 105, "twenty-five thousand" -> 25000,
    "a million" -> 1000000. Reading stops at the first word that would start a second
    number: "one two" reads as 1, and the length returned covers "one" only. Raises
    ValueError if the run does not start with a number word.
    """
    tokens = list(re.finditer(r"[A-Za-z]+", words))
    total, group = 0, 0
    last_kind = None  # what the previous word was: small, tens, hundred or a scale
    last_scale = math.inf
    used_end = 0
    for i, token in enumerate(tokens):
        word = token.group().lower()
        if word == "and" and last_kind in ("hundred", "scale"):
            continue
        if word in ("a", "an") and i == 0:
            group, last_kind = 1, "small"
        elif word in SMALL_NUMBERS:
            if last_kind in ("small",) or (last_kind == "tens" and group % 10) or (word == "zero" and last_kind):
                break
            if last_kind == "tens" and SMALL_NUMBERS[word] >= 10:
                break
            group += SMALL_NUMBERS[word]
            last_kind = "small"
        elif word in TENS:
            if last_kind in ("small", "tens"):
                break
            group += TENS[word]
            last_kind = "tens"
        elif word == "hundred":
            if last_kind not in ("small",) or group % 100 >= 10 or group >= 100:
                break
            group *= 100
            last_kind = "hundred"
        elif word in SCALES:
            scale = SCALES[word]
            if last_kind is None or last_kind == "scale" or scale >= last_scale:
                break
            total += group * scale
            group, last_scale, last_kind = 0, scale, "scale"
        else:
            break
        used_end = token.end()
    if last_kind is None:
        raise ValueError(f"'{words}' does not start with a number word")
    return total + group, used_end


def place_value(mantissa: str, multiplier: int = 1) -> Decimal:
    """The place value of the last significant digit of a number written as ``mantissa`` times ``multiplier``.

    Trailing zeros of a whole number are not significant; digits after a decimal point are.
    """
    digits = mantissa.replace(",", "")
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".")[1])) * multiplier
    stripped = digits.rstrip("0")
    if not stripped.strip("0"):
        return Decimal(multiplier)
    return Decimal(10) ** (len(digits) - len(stripped)) * multiplier


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


def _unit_after(text: str, end: int, inline_suffix: str = "") -> str:
    """What the quantity ending at ``end`` counts: the first known unit word among the next four words."""
    if inline_suffix == "%":
        return "percent"
    position = end
    for _ in range(4):
        match = _WORD_AFTER.match(text, position)
        if not match:
            return ""
        word = match.group(1).lower()
        if word in UNITS:
            return UNITS[word]
        position = match.end()
    return ""


def _is_year(match: re.Match, hedges: str, unit: str) -> bool:
    digits = match.group("digits")
    return (
        digits is not None
        and re.fullmatch(r"\d{4}", digits) is not None
        and 1900 <= int(digits) <= 2100
        and not match.group("suffix")
        and not match.group("digit_scale")
        and not hedges
        and not unit
    )



def extract_quantities(text: str) -> pd.DataFrame:
    """One row per quantitative expression in ``text``, in order, with the interval it allows.

    Columns: ``start``, ``end`` (``text[start:end]`` is the expression), ``paragraph``
    (1-based, counting non-empty lines), ``expression`` (the hedge words and the number),
    ``figure`` (the stated number; NaN for an order of magnitude), ``low``, ``high``,
    ``qualifier`` (one of :data:`QUALIFIERS`), ``unit`` (what is counted, from the words
    that follow; empty when none is recognised) and ``note``. See the module docstring for
    the interval rule.
    """
    rows = []
    for match in _QUANTITY.finditer(text):
        start, end, note = match.start(), match.end(), ""
        if match.group("words"):
            words = match.group("words")
            try:
                if match.group("typo"):
                    value, used = parse_number_words("one" + words[2:])
                    used -= 1
                    note = f"'{words[:used]}' is read as 'one{words[2:used]}' (a typo in the text)"
                else:
                    value, used = parse_number_words(words)
            except ValueError:
                continue  # a scale word with no number before it ("the hundred days")
            end = start + used
            figure = Decimal(value)
            step = place_value(str(value))
            if value == 1 and not re.search(r"\s", words[:used]) and not _unit_after(text, end):
                continue  # "one" as a pronoun ("one of the"), not a count
        elif match.group("digits"):
            multiplier = SUFFIXES.get((match.group("suffix") or "").lower()) or SCALES.get(
                (match.group("digit_scale") or "").lower(), 1
            )
            figure = Decimal(match.group("digits").replace(",", "")) * multiplier
            step = place_value(match.group("digits"), multiplier)
        else:
            figure = step = None

        hedge_match = _HEDGES_BEFORE.search(text, max(0, start - 60), start)
        hedges = [h.group() for h in _ONE_HEDGE.finditer(hedge_match.group())] if hedge_match else []
        inline = "%" if text[end : end + 1] == "%" else ""
        unit = _unit_after(text, end, inline)
        if _is_year(match, " ".join(hedges), unit):
            continue
        if hedge_match:
            start = hedge_match.start()

        kinds = {_hedge_kind(h) for h in hedges}
        if figure is None:
            qualifier = "order"
            base = ORDER_WORDS[match.group("order").split()[0].lower()]
            scale = SCALES[(match.group("order_scale") or "").lower().rstrip("s")] if match.group("order_scale") else 1
            low, high = float(base * scale), float(10 * base * scale)
            figure_value = math.nan
            if hedges:
                note = f"the hedge '{' '.join(hedges)}' does not change an order-of-magnitude interval"
        else:
            if {"over", "nearly"} <= kinds:
                qualifier = "contradictory"
            elif "over" in kinds:
                qualifier = "over"
            elif "nearly" in kinds:
                qualifier = "nearly"
            elif "about" in kinds:
                qualifier = "about"
            else:
                qualifier = "exact"
            low, high = (float(v) for v in interval(figure, step, qualifier))
            figure_value = float(figure)
        rows.append(
            {
                "start": start,
                "end": end,
                "paragraph": paragraph_number(text, start),
                "expression": text[start:end],
                "figure": figure_value,
                "low": low,
                "high": high,
                "qualifier": qualifier,
                "unit": unit,
                "note": note,
            }
        )
    columns = ["start", "end", "paragraph", "expression", "figure", "low", "high", "qualifier", "unit", "note"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"start": "int64", "end": "int64", "paragraph": "int64", "figure": "float64", "low": "float64", "high": "float64"}
    )


def format_figure(value: float) -> str:
    """A figure as a reader writes it: thousands separators, no needless decimals, a dash for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "\u2014"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def quantity_table(
    quantities: pd.DataFrame,
    columns=("paragraph", "expression", "unit", "qualifier", "figure", "low", "high"),
) -> pd.DataFrame:
    """A readable copy of an ``extract_quantities`` frame: chosen columns, figures formatted, rows numbered from 1."""
    table = quantities.loc[:, list(columns)].copy()
    for column in ("figure", "low", "high"):
        if column in table:
            table[column] = table[column].map(format_figure)
    table.index = pd.RangeIndex(1, len(table) + 1, name="#")
    return table
