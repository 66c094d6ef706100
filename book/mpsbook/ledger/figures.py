"""How the book writes a number: one home for every table, page, download and sentence.

* :func:`figure`: a figure in a table or on a page, '83,000', '21.9', '0.3': thousands separated, at most two
  decimals, no trailing zeros, a float's binary noise never shown (0.1 + 0.2 is '0.3'), a dash for none;
* :func:`fixed`: a figure to a stated number of decimals, for ratios and multiples ('3.1', '1,250');
* :func:`figure_words`: a figure as a sentence says it, millions and more in words ('217 million');
* :func:`csv_value`: a value as the derived CSVs write it, no separators, at most two decimals;
* :func:`plain`: a value as text for a page's raw data, a float at the precision it was written with.
"""

from __future__ import annotations

import math
from decimal import Decimal

NONE = "\u2014"
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _trimmed(text: str) -> str:
    """'21.90' -> '21.9', '3.00' -> '3': a decimal's trailing zeros, and a bare point, left off."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def figure(value, decimals: int = 2) -> str:
    """A figure for readers: '1,234,567', '21.9', '0.3'; at most ``decimals`` decimals; a dash for a missing value."""
    if _missing(value):
        return NONE
    return _trimmed(f"{float(value):,.{decimals}f}") if not float(value).is_integer() else f"{float(value):,.0f}"


def fixed(value: float, decimals: int = 0) -> str:
    """A figure with exactly ``decimals`` decimals and thousands separators: a ratio to one decimal ('3.1'), a
    multiple rounded to a whole number ('1,250')."""
    return f"{float(value):,.{decimals}f}"


def figure_words(value: float, unit: str = "") -> str:
    """A figure as said: 83,000; 21.9; 217 million; 1.3 billion; 800 billion, then its unit.

    Millions and billions are written as words from a million up, to three significant figures at
    most (1.41 billion, 2.04 million, 217 million), so that no figure runs to more than six digits;
    the figure as published stays in the data.
    """
    number = float(value)
    for size, word in SCALE_WORDS:
        if abs(number) >= size:
            return f"{figure(float(f'{number / size:.3g}'))} {word} {unit}".strip()
    return f"{figure(number)} {unit}".strip()


def prose_figure(value) -> str:
    """A figure as a sentence of the book says it (:func:`figure_words`, no unit); a dash where there is none."""
    return NONE if _missing(value) else figure_words(value)


def csv_value(value) -> str:
    """A value as the derived CSVs write it: a number with at most two decimals and no separators, NaN as empty."""
    if isinstance(value, float):
        return "" if math.isnan(value) else _trimmed(f"{value:.2f}")
    return str(value)


def plain(value) -> str:
    """A value as text for a page's raw data: a float to 15 significant digits (0.1 + 0.2 is '0.3'), none as empty."""
    if _missing(value):
        return ""
    if isinstance(value, float):
        return format(Decimal(f"{value:.15g}").normalize(), "f")
    return str(value)
