"""Numbers as English writes them: number words, fractions, scale words and suffixes, currencies, place value.

This module reads one number at a time; :mod:`mpsbook.extract.quantities` finds the numbers of a text,
decides which of them are quantities and applies the interval rule.

The libraries that turn words into numbers were weighed against these needs: the interval rule
needs the number *as written* (the place value of its last significant digit, the offsets of
its words), and readers' texts say "half a million", "two dozen", "twelve hundred", "£1.75m".
``text2num`` 3.1 (``alpha2digit``) leaves "half a", "dozen" and suffixes unread; ``numerizer``
0.2.4 rewrites the string, so offsets and the written form are lost; ``quantulum3`` 0.10 reads
"half a million" as 1,500,000 and "3m people" as three metres. None of them says which numbers
are dates, phone numbers or references. So the book keeps its own small reader, tested against
``num2words`` (the reverse direction) in ``tests/extract/test_quantities.py``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {word: 10 * i for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

# A suffix written straight after the digits ("45k", "£1.75m", "$2T", "3.5bn", "S$1mil"); case matters:
# a lower-case "t" is a ton ("20t"), "m" and "M" are both millions (a text about crime counts
# people and money, not metres).
SUFFIXES = {
    "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "mln": 10**6,
    "mil": 10**6, "bn": 10**9, "b": 10**9, "B": 10**9, "T": 10**12, "tn": 10**12, "trn": 10**12,
}

# Words that give only an order of magnitude: the lowest value the word allows.
ORDER_WORDS = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 10**3, "millions": 10**6,
               "billions": 10**9}

# Denominators of fractions written in words ("two-thirds", "a quarter", "half").
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "fourth": 4, "fourths": 4,
}

# Multiples written as one word ("doubled", "twice").
MULTIPLE_WORDS = {"double": 2, "doubled": 2, "doubling": 2, "twice": 2, "triple": 3, "tripled": 3, "treble": 3,
                  "trebled": 3, "quadruple": 4, "quadrupled": 4,
                  **{word + "fold": value for word, value in {**SMALL_NUMBERS, "hundred": 100}.items() if value >= 2}}

# Currency signs and codes written before a figure, and the unit each gives. "PS" and "Y=" are how an
# ASCII transliteration of news copy writes £ and ¥ (the wires' ¥ is the yen; the book's Chinese
# sources write the yuan as ¥, RMB or CNY); "PS" is read only before a figure no model number has
# (a decimal point, a scale or suffix, a comma, or three digits or more: "PS2.7m", not "PS4").
CURRENCIES = {
    "US$": "US dollars", "US $": "US dollars", "$US": "US dollars", "USD": "US dollars",
    "HK$": "Hong Kong dollars", "HK $": "Hong Kong dollars", "HKD": "Hong Kong dollars",
    "A$": "Australian dollars", "AU$": "Australian dollars", "AU $": "Australian dollars", "$A": "Australian dollars",
    "AUD": "Australian dollars", "C$": "Canadian dollars", "C $": "Canadian dollars", "CA$": "Canadian dollars", "CAD": "Canadian dollars",
    "NZ$": "New Zealand dollars", "NZ $": "New Zealand dollars", "NZD": "New Zealand dollars",
    "S$": "Singapore dollars", "S $": "Singapore dollars", "SGD": "Singapore dollars", "R$": "Brazilian reals",
    "$": "dollars", "€": "euros", "EUR": "euros", "£": "pounds", "GBP": "pounds", "PS": "pounds",
    "¥": "yuan", "RMB": "yuan", "CNY": "yuan", "Y=": "yen", "JPY": "yen", "VND": "dong",
    "RM": "ringgit", "MYR": "ringgit", "Rs.": "rupees", "Rs": "rupees", "INR": "rupees", "₹": "rupees",
    "₪": "shekels", "NIS": "shekels", "ILS": "shekels", "CHF": "Swiss francs", "₩": "won", "KRW": "won",
}

_WORD_TOKEN = re.compile(r"[A-Za-z]+")


def parse_number_words(words: str) -> tuple[int | Decimal, int]:
    """The value of a run of English number words and how many of its characters make that value.

    The run is read from the left for as long as it stays one well-formed number:
    "two thousand" -> 2000, "one hundred and five" -> 105, "twenty-five thousand" -> 25000,
    "a million" -> 1000000, "twelve hundred" -> 1200, "two dozen" -> 24, "a dozen" -> 12,
    "half a million" -> 500000, "two and a half" -> Decimal("2.5"). Reading stops at the first
    word that would start a second number: "one two" reads as 1, and the length returned covers
    "one" only.

    Returns
    -------
    tuple
        (value, length): an int, or a Decimal for a half; ``words[:length]`` are the words read.

    Raises
    ------
    ValueError
        If the run does not start with a number word.
    """
    tokens = list(_WORD_TOKEN.finditer(words))
    lowered = [token.group().lower() for token in tokens]
    if lowered[:2] in (["half", "a"], ["half", "an"]) and len(lowered) > 2 and lowered[2] in SCALES:
        return SCALES[lowered[2]] // 2, tokens[2].end()
    state, used_end, half, skip = _NumberSoFar(), 0, False, 0
    for i, word in enumerate(lowered):
        if skip:
            skip -= 1
            continue
        if word == "and" and lowered[i + 1 : i + 3] == ["a", "half"] and state.last in ("small", "tens") and not half:
            half, skip, used_end = True, 2, tokens[i + 2].end()  # "two and a half"
            continue
        if word == "and" and state.last in ("hundred", "scale"):
            continue  # "one hundred and five"
        if half or not state.read(word, first=i == 0):
            break
        used_end = tokens[i].end()
    if state.last is None:
        raise ValueError(f"'{words}' does not start with a number word")
    value = state.total + state.group
    return (value + Decimal("0.5"), used_end) if half else (value, used_end)


@dataclass
class _NumberSoFar:
    """A run of number words read so far: the total of its finished scale groups, the group being read, and what the
    last word was (small, tens, hundred, dozen or scale) and the last scale's value."""

    total: int = 0
    group: int = 0
    last: str | None = None
    last_scale: float = math.inf

    def read(self, word: str, first: bool) -> bool:
        """Adds ``word`` to the number; False, leaving the number as it was, when the word would start a second one."""
        if word in ("a", "an") and first:
            self.group, self.last = 1, "small"
            return True
        kind = next((kind for kind, words in _KINDS if word in words), None)
        return kind is not None and getattr(self, f"_{kind}")(word)

    def _small(self, word: str) -> bool:
        value = SMALL_NUMBERS[word]
        tens_then_teen = self.last == "tens" and (self.group % 10 or value >= 10)  # "twenty five", not "twenty twelve"
        if self.last in ("small", "dozen") or tens_then_teen or (word == "zero" and self.last):
            return False
        self.group, self.last = self.group + value, "small"
        return True

    def _tens(self, word: str) -> bool:
        if self.last in ("small", "tens", "dozen"):
            return False
        self.group, self.last = self.group + TENS[word], "tens"
        return True

    def _hundred(self, word: str) -> bool:
        if self.last not in ("small", "tens") or not 0 < self.group < 100:
            return False
        self.group, self.last = self.group * 100, "hundred"
        return True

    def _dozen(self, word: str) -> bool:
        if self.last not in ("small", "tens") or self.group >= 100:
            return False
        self.group, self.last = self.group * 12, "dozen"
        return True

    def _scale(self, word: str) -> bool:
        scale = SCALES[word]
        if self.last in (None, "scale") or scale >= self.last_scale:
            return False
        self.total, self.group, self.last_scale, self.last = self.total + self.group * scale, 0, scale, "scale"
        return True


_KINDS = (("small", SMALL_NUMBERS), ("tens", TENS), ("hundred", {"hundred"}), ("dozen", {"dozen"}), ("scale", SCALES))


def place_value(mantissa: str, multiplier: int = 1) -> Decimal:
    """The place value of the last significant digit of a number written as ``mantissa`` times ``multiplier``.

    Trailing zeros of a whole number are not significant; digits after a decimal point are.
    Commas and spaces that group thousands are ignored ("15 313" is 15313).
    """
    digits = re.sub(r"[,\s\u00a0\u202f]", "", mantissa).lstrip("-\u2212")
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".")[1])) * multiplier
    stripped = digits.rstrip("0")
    if not stripped.strip("0"):
        return Decimal(multiplier)
    return Decimal(10) ** (len(digits) - len(stripped)) * multiplier


def fraction_value(numerator: str, denominator: str) -> tuple[Decimal, Decimal]:
    """A fraction written in words or digits ("two", "thirds"; "a", "quarter"), as (share, step).

    The share is a number between 0 and 1 (two-thirds -> 0.666...); the step is one part,
    1/denominator, and plays the part of the place value in the interval rule.
    """
    parts = FRACTION_WORDS[denominator.lower()]
    count = numerator.lower()
    top = 1 if count in ("", "a", "an", "one") else SMALL_NUMBERS.get(count) or int(count)
    return Decimal(top) / parts, Decimal(1) / parts
