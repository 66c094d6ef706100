"""What the extractor's tests share: the one quantity the extractor reads from a short text, and a check of its reading.

Not a test file; the tests import it as ``extracted`` (pytest puts their folder first on the path).
"""

import math

import pytest

import mpsbook


def only_row(text):
    """The one row :func:`mpsbook.extract_quantities` gives for ``text`` (the test fails, showing the rows, if not one)."""
    found = mpsbook.extract_quantities(text)
    assert len(found) == 1, found[["expression", "figure", "qualifier", "unit"]]
    return found.iloc[0]


def assert_reading(text, expression, figure, low, high, qualifier, unit):
    """The one quantity of ``text`` is read as written: its expression, figure, interval, qualifier and unit."""
    row = only_row(text)
    assert row["expression"] == expression
    assert (math.isnan(figure) and math.isnan(row["figure"])) or row["figure"] == pytest.approx(figure)
    assert (row["low"], row["high"]) == (pytest.approx(low), pytest.approx(high))
    assert row["qualifier"] == qualifier
    assert row["unit"] == unit
