"""What a quantity counts or measures, read from the words after it: units, currencies, rates, ages.

:func:`reading_after` gives the unit of the quantity that ends at an offset of a text and the words
that name what it counts; :mod:`mpsbook.extract.context` calls it for every number it keeps. Units of
measurement themselves are listed in :mod:`mpsbook.extract.units`, currency signs in :mod:`mpsbook.extract.numbers`.
"""

from __future__ import annotations

import re

from .numbers import CURRENCIES
from .spans import Atom
from .tokens import after_words, start_of_tokens_before
from .units import BOOK_MEASURES, MeasureTable

# What a quantity counts, read from the words after it; each spelling maps to one name. Units written
# as a plain noun with an -s plural are listed by their singular alone.
_PLAIN_UNITS = (
    "case suspect card cyberattack attack threat den unit system website account arrest euro dollar pound "
    "day month year hour week"
).split()
UNITS = {
    spelling: unit
    for unit, spellings in {
        **{f"{noun}s": [noun, f"{noun}s"] for noun in _PLAIN_UNITS},
        "people": ["people", "persons", "person"],
        "person-times": ["person-times"],
        "police": ["police", "policemen", "officers", "officer"],
        "staff": ["staff", "personnel"],
        "tons": ["ton", "tons", "tonne", "tonnes", "t"],
        "kilograms": ["kilogram", "kilograms", "kg", "kilo", "kilos"],
        "yuan": ["yuan", "rmb"],
        **{currency: [currency] for currency in ("yen", "ringgit", "kuna", "sen")},
        **{f"{currency}s": [currency, f"{currency}s"] for currency in ("shekel", "rupee", "peso", "franc", "cent")},
        "pence": ["pence", "penny"],
        "percent": ["percent", "%"],
        "organizations": ["organization", "organizations", "organisation", "organisations"],
        "groups": ["group", "groups", "gang", "gangs"],
        "enterprises": ["enterprise", "enterprises", "company", "companies"],
    }.items()
    for spelling in spellings
}
_IRREGULAR_PLURALS = {"children", "women", "men", "geese", "mice", "teeth", "feet", "lice", "oxen"}
DURATIONS = {"days", "months", "years", "hours", "weeks", "minutes", "seconds"}
# Currencies named by a word after the figure ("500 yuan", "18 sen"): like a sign, they may be a rate ("yuan a month").
_CURRENCY_WORDS = {"yuan", "euros", "dollars", "pounds", "yen", "ringgit", "kuna", "sen", "shekels", "rupees", "pesos",
                   "francs", "cents", "pence"}
# Words that end the search for a unit: what follows them is not what the number counts.
_UNIT_STOPS = set(
    "in on at from to by for with and or were was is are have has had be been that which who across during since "
    "than as per into this these their its his her the a an last next".split()
)
_PLURAL_AFTER = re.compile(r"\s+[a-z][a-z-]{2,}(?<![su]s)s\b")
_WORD_AFTER = re.compile(r"\s*(%|[A-Za-z][A-Za-z-]*)")
_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|(?-i:pc)\b)|\s+percentage\s+points?\b", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"\s?([\u20ac\u00a3\u00a5\u20b9\u20a9\u20aa])|\s(USD|EUR|JPY|GBP|CNY|AUD|CAD|NZD|HKD|SGD|MYR|INR|CHF|KRW)\b")
_NAMED_CURRENCY = re.compile(
    r"\s+(Australian|Canadian|New\s+Zealand|Hong\s+Kong|Singapore|US|U\.S\.|Danish|Swedish|Norwegian)\s+"
    r"(dollars|crowns|kroner|kronor|krone)\b"
)


def aged_before(text: str, start: int) -> bool:
    """Whether "aged", "age", "ages", "age of" or "ages of" comes right before ``start`` ("aged 16-59", "at age 35")."""
    return after_words(text, start, ("aged",), ("age",), ("ages",), ("age", "of"), ("ages", "of"))


def unit_after(text: str, end: int, inline: str = "", measures: MeasureTable = BOOK_MEASURES) -> str:
    """What the quantity ending at ``end`` counts or measures (:func:`reading_after`, its unit alone)."""
    return reading_after(text, end, inline, measures)[0]


def reading_after(text: str, end: int, inline: str = "", measures: MeasureTable = BOOK_MEASURES) -> tuple[str, str]:
    """What the quantity ending at ``end`` counts or measures, and the words that name it.

    A unit written into the number wins (a currency sign, "%", "per cent", "pc", a share or a
    multiple); then a unit of measurement (:meth:`mpsbook.extract.units.MeasureTable.after`: "256GB", "50 mph",
    "6.1-inch", "a 65-year-old"); then a word joined by a hyphen ("a 10,000-yuan fine"); then the
    first known unit word among the next five words, or the first plural word not known ("12
    cities"), stopping at a preposition, a verb of being or a conjunction other than an "and" or
    "or" inside the words ("40 Ford and Fiat vans"). A currency, a percentage or a measure followed
    by a denominator is a rate ("$80 per sq m": dollars per square metre), and so is a counted word
    followed by "per" or "/" ("2,000 samples per day"; "cards a year" stays a count).

    Returns (unit, counted): ``counted`` is the words from the number to the counted word, as
    written ("eligible pensioners" where the unit is "pensioners"), when the unit is a counted word;
    else empty. ``measures`` are the units and denominators read (the book's, or a vocabulary's).
    """
    return reading_step(text, end, inline, measures)[1:]


def reading_step(text: str, end: int, inline: str = "", measures: MeasureTable = BOOK_MEASURES) -> tuple[str, str, str]:
    """(step, unit, counted): :func:`reading_after`, with the name of the step of :data:`READINGS` that decided it ("" for none)."""
    for name, read in READINGS:
        found = read(text, end, inline, measures)
        if found is not None:
            return name, *found
    return "", "", ""


def _inline(text: str, end: int, inline: str, measures: MeasureTable) -> tuple[str, str] | None:
    if inline == "fraction":
        return inline, ""
    if inline:
        return measures.rate(text, end, inline)[0], ""  # "$80 per sq m", "78,000 times a minute"
    return None


def _percent(text: str, end: int, inline: str, measures: MeasureTable) -> tuple[str, str] | None:
    percent = _PERCENT_AFTER.match(text, end)
    if not percent:
        return None
    return measures.rate(text, percent.end(), "percentage points" if "point" in percent.group().lower() else "percent")[0], ""


def _currency_after(text: str, end: int, inline: str, measures: MeasureTable) -> tuple[str, str] | None:
    currency = _CURRENCY_AFTER.match(text, end)  # "1,200€", "108.79 JPY"
    return (measures.rate(text, currency.end(), CURRENCIES[currency.group(1) or currency.group(2)])[0], "") if currency else None


def _named_currency(text: str, end: int, inline: str, measures: MeasureTable) -> tuple[str, str] | None:
    named = _NAMED_CURRENCY.match(text, end)  # "10.5 million Australian dollars", "7.5 million Danish crowns"
    if not named:
        return None
    country = " ".join(named.group(1).split()).replace("U.S.", "US")
    return measures.rate(text, named.end(), f"{country} {'crowns' if named.group(2) != 'dollars' else 'dollars'}")[0], ""


def _measure(text: str, end: int, inline: str, measures: MeasureTable) -> tuple[str, str] | None:
    measure, measure_end = measures.after(text, end)
    return (measures.rate(text, measure_end, measure)[0], "") if measure else None


def _hyphenated(text: str, end: int, inline: str, measures: MeasureTable) -> tuple[str, str] | None:
    hyphenated = re.match(r"-([A-Za-z]+)", text[end:])  # "a 10,000-yuan fine"
    if not hyphenated:
        return None
    word = hyphenated.group(1).lower()
    return UNITS.get(word, UNITS.get(word + "s", "")), ""


def _counted_word(text: str, end: int, inline: str, measures: MeasureTable) -> tuple[str, str]:
    """The first known unit word or unknown plural among the next five words, up to a stop word ("" when none)."""
    position = end
    for words in range(5):
        match = _WORD_AFTER.match(text, position)
        if not match:
            return "", ""
        word, counted = match.group(1).lower(), text[end : match.end()].strip()
        if word in UNITS:
            return _known_unit(text, match.end(), UNITS[word], counted, measures)
        if word in _UNIT_STOPS and not (word in ("and", "or") and words > 0):
            return "", ""  # "460 Kia and Hyundai vehicles", "4.3M digital and physical sales" read on
        if _plural(text, match):  # "12 cities", "5 million children", "60 fishermen"
            if re.match(r"\s*(?:/|per\s)", text[match.end() :]):  # "3,000 tests per day"; "cards a year" stays a count
                return measures.rate(text, match.end(), word)[0], counted
            return word, counted
        position = match.end()
    return "", ""


def _known_unit(text: str, end: int, unit: str, counted: str, measures: MeasureTable) -> tuple[str, str]:
    """A unit word of :data:`UNITS`: a currency or a duration may be a rate ("yuan a month", "40 hours a week")."""
    if unit in _CURRENCY_WORDS:
        return measures.rate(text, end, unit)[0], ""
    if unit in DURATIONS:  # "40 hours a week"; a count "a year" stays a count ("200 million cards a year")
        return measures.rate(text, end, unit)[0], counted
    return unit, counted


def _plural(text: str, match: re.Match) -> bool:
    """Whether the word matched is a plural noun not known as a unit: in -s (not "previous", "crisis"), irregular, or in -men."""
    word = match.group(1).lower()
    plural = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    if plural and match.group(1)[0].isupper() and _PLURAL_AFTER.match(text, match.end()):
        return False  # a name before the counted word: "324,000 New York Times subscribers"
    return plural or word in _IRREGULAR_PLURALS or (word.endswith("men") and len(word) > 4)


READINGS = (
    ("unit written into the number", _inline),
    ("per cent after the number", _percent),
    ("currency sign or code after the number", _currency_after),
    ("currency named with its country", _named_currency),
    ("unit of measurement", _measure),
    ("word joined by a hyphen", _hyphenated),
    ("counted word", _counted_word),
)
"""The steps that read what a quantity counts or measures, in order: the first that reads something decides."""


# An age is read in the three tokens before the number ("who was", "she will be"); a life expectancy in the twelve
# tokens before it, in its clause, with no figure between; a name in the two before it ("Smith, ").
_AGE_BEFORE = re.compile(r"\b(?:who|he|she)\s+(?:is|was|will\s+be|would\s+be|turned|turns|turning)\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*(?:[.,;!?)]|$)|\s+(?:by|when|and|this|next|last)\b")
_LIFE_EXPECTANCY_BEFORE = re.compile(r"\blife\s+expectancy\b\D*$", re.IGNORECASE)
_NAME_AND_COMMA = re.compile(r"\b[A-Z][a-z]+, $")


def age_in_context(text: str, start: int, end: int, atom: Atom) -> bool:
    """Whether a whole number below 120 that ends its phrase is an age by the words before it ("Maria who was 10.",
    "He will be 35 by the end of the year", "life expectancy for men in Glasgow is around 73")."""
    return (
        atom.kind in ("number", "words") and 0 < atom.figure < 120 and atom.figure == int(atom.figure)
        and (
            (bool(_AGE_BEFORE.search(text, start_of_tokens_before(text, start, 3), start)) and bool(_AGE_AFTER.match(text, end)))
            or bool(_LIFE_EXPECTANCY_BEFORE.search(text, start_of_tokens_before(text, start, 12, ".;:"), start))
        )
    )


def age_after_a_name(text: str, atom: Atom) -> bool:
    """Whether a whole number below 120 set off by commas after a capitalised name is an age ("Smith, 66, said")."""
    return (
        atom.kind == "number" and 0 < atom.figure < 120 and atom.figure == int(atom.figure)
        and bool(_NAME_AND_COMMA.search(text, start_of_tokens_before(text, atom.start, 2), atom.start))
        and bool(re.match(r", (?:[a-z]|who\b)", text[atom.end :]))
    )
