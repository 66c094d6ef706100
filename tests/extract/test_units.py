"""mpsbook.extract.units: a unit of measurement written after a number, and a rate's denominator."""

import pytest

from mpsbook.extract.units import measure_after, rate_after


@pytest.mark.parametrize("text, unit, length", [("a 256GB phone", "gigabytes", 2), ("50 mph winds", "miles per hour", 4),
                                                ("a 6.1-inch screen", "inches", 5)])
def test_a_unit_after_a_number_is_named_with_where_it_ends(text, unit, length):
    end = max(index for index, char in enumerate(text) if char.isdigit()) + 1
    assert measure_after(text, end) == (unit, end + length)


def test_a_unit_after_a_space_is_not_joined_to_the_number():
    assert measure_after("50 mph winds", 2, joined=True)[0] == ""
    assert measure_after("a 256GB phone", 5, joined=True)[0] == "gigabytes"


def test_a_rate_names_its_denominator():
    assert rate_after("$80 per sq m", 3, "dollars") == ("dollars per square metre", 12)
